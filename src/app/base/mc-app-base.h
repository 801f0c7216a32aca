/* mc-app-base.h — what every part of the application shares: its
 * resources and the way a widget tells the user something in passing
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Registers the application's and the core's resources (once). */
void  mc_app_ensure_resources (void);

/* A window that shows toasts names its overlay with this. */
void  mc_app_set_toast_overlay (GtkWindow       *window,
                                AdwToastOverlay *overlay);
/* Shows toast (taking it) in the overlay of widget's window, or of the
 * window that window is transient for; FALSE (and no toast) if none. */
gboolean mc_app_add_toast      (GtkWidget       *widget,
                                AdwToast        *toast);
gboolean mc_app_show_toast     (GtkWidget       *widget,
                                const char      *message);

G_END_DECLS
