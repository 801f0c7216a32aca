/* mc-app-base.c — resources and toasts */
#include "config.h"

#include "mc-app-base.h"
#include "mc-types.h"

#define TOAST_OVERLAY_KEY "mc-toast-overlay"

/* From mc-app-resources.c, compiled with --manual-register: a resource in a
 * static library is not linked in unless something refers to it. */
void mc_app_register_resource (void);

void
mc_app_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      mc_app_register_resource ();
      mc_core_ensure_resources ();
      g_once_init_leave (&registered, 1);
    }
}

void
mc_app_set_toast_overlay (GtkWindow       *window,
                          AdwToastOverlay *overlay)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  g_object_set_data (G_OBJECT (window), TOAST_OVERLAY_KEY, overlay);
}

static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root;

  if (ancestor != NULL)
    return ADW_TOAST_OVERLAY (ancestor);

  root = gtk_widget_get_root (widget);
  for (GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
       window != NULL;
       window = gtk_window_get_transient_for (window))
    {
      AdwToastOverlay *overlay = g_object_get_data (G_OBJECT (window), TOAST_OVERLAY_KEY);

      if (overlay != NULL)
        return overlay;
    }

  return NULL;
}

gboolean
mc_app_add_toast (GtkWidget *widget,
                  AdwToast  *toast)
{
  AdwToastOverlay *overlay;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST (toast), FALSE);

  overlay = find_overlay (widget);
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return FALSE;
    }

  adw_toast_overlay_add_toast (overlay, toast);
  return TRUE;
}

gboolean
mc_app_show_toast (GtkWidget  *widget,
                   const char *message)
{
  g_return_val_if_fail (message != NULL, FALSE);

  return mc_app_add_toast (widget, adw_toast_new (message));
}
