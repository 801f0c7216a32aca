/* mc-desktop.c — the desktop's high contrast and reduced motion */
#include "config.h"

#include "mc-desktop.h"
#include "mc-theme.h"

gboolean
mc_desktop_get_high_contrast (void)
{
  return adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

McThemeKind
mc_desktop_theme (McThemeKind kind)
{
  return mc_theme_kind_for_contrast (kind, mc_desktop_get_high_contrast ());
}

void
mc_desktop_watch_high_contrast (gpointer  instance,
                                GCallback callback)
{
  g_return_if_fail (G_IS_OBJECT (instance));
  g_return_if_fail (callback != NULL);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           callback, instance, G_CONNECT_SWAPPED);
}

gboolean
mc_desktop_get_animations (GtkWidget *widget)
{
  gboolean enabled = TRUE;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), TRUE);

  g_object_get (gtk_widget_get_settings (widget), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}
