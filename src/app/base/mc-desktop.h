/* mc-desktop.h — what the desktop asks of every view of the board: its
 * high-contrast style (AdwStyleManager:high-contrast) and reduced motion
 * (GtkSettings:gtk-enable-animations)
 */
#pragma once

#include <adwaita.h>
#include "mc-types.h"

G_BEGIN_DECLS

/* TRUE while the desktop asks for high contrast. */
gboolean     mc_desktop_get_high_contrast   (void);
/* The theme to draw kind in on screen now: its high-contrast variant
 * while the desktop asks for high contrast, else its base theme. */
McThemeKind  mc_desktop_theme               (McThemeKind  kind);
/* Calls callback (swapped: callback (instance)) whenever the desktop's
 * contrast changes, for as long as instance lives. */
void         mc_desktop_watch_high_contrast (gpointer     instance,
                                             GCallback    callback);

/* FALSE when the user asked for reduced motion: no zoom animations, no
 * note pops. */
gboolean     mc_desktop_get_animations      (GtkWidget   *widget);

G_END_DECLS
