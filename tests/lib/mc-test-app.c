/* mc-test-app.c — the start shared by the tests of the application */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mc-application.h"
#include "mc-app-base.h"
#include "mc-test-app.h"
#include "mc-test-util.h"

/* The folder of mc_test_isolate_xdg(), removed by mc_test_app_run(). */
static char *xdg_dir;

GtkApplication *
mc_test_app_new (int    *argc,
                 char ***argv)
{
  GtkApplication *app;

  g_assert_null (xdg_dir);
  xdg_dir = mc_test_isolate_xdg ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  mc_app_ensure_resources ();
  /* The desktop's recent list stays out of the tests (GTK 4.8 leaks a
   * GDateTime per recorded file); the window test turns it back on. */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);

  app = g_object_new (MC_TYPE_APPLICATION,
                      "application-id", APP_ID,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  return app;
}

int
mc_test_app_run (GtkApplication *app)
{
  int status = g_test_run ();

  g_object_unref (app);
  /* Removed only when empty; anything left behind stays for a look. */
  g_rmdir (xdg_dir);
  g_clear_pointer (&xdg_dir, g_free);
  return status;
}

void
mc_test_present_window (GtkApplication  *app,
                        McBoard         *board,
                        McWindow       **window)
{
  *window = mc_window_new (app, board);
  g_object_add_weak_pointer (G_OBJECT (*window), (gpointer *) window);
  gtk_window_present (GTK_WINDOW (*window));
  mc_test_spin ();
}

void
mc_test_close_windows (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = gtk_application_get_windows (app))
    gtk_window_destroy (l->data);
  mc_test_spin ();
}

static GtkWindow *
find_visible (GType    type,
              gboolean unique)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (window, type) || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      if (!unique)
        return window;
      g_assert_null (found);
      found = window;
    }

  return found;
}

GtkWindow *
mc_test_find_toplevel (GType type)
{
  return find_visible (type, TRUE);
}

GtkWindow *
mc_test_find_message_dialog (void)
{
  return find_visible (ADW_TYPE_MESSAGE_DIALOG, FALSE);
}

gboolean
mc_test_shows_text (GtkWidget  *widget,
                    const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (mc_test_shows_text (child, text))
      return TRUE;
  return FALSE;
}

GdkTexture *
mc_test_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  int width, height;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
mc_test_screenshot (GtkWidget  *widget,
                    const char *dir,
                    const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  texture = mc_test_render_widget (widget);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

typedef struct
{
  guint ticks;
  guint wanted;
} FrameWait;

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  FrameWait *wait = data;

  gtk_widget_queue_draw (widget);
  return ++wait->ticks < wait->wanted ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
frames_painted (gpointer data)
{
  FrameWait *wait = data;

  return wait->ticks >= wait->wanted;
}

void
mc_test_wait_frames (GtkWidget *widget,
                     guint      n)
{
  FrameWait wait = { 0, n };

  gtk_widget_add_tick_callback (widget, count_frame, &wait, NULL);
  gtk_widget_queue_draw (widget);
  mc_test_wait_until (frames_painted, &wait, "frames painted");
}
