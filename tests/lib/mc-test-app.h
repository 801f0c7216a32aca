/* mc-test-app.h — the start shared by the tests of the application */
#pragma once

#include <gtk/gtk.h>

#include "mc-window.h"

G_BEGIN_DECLS

/* Points the XDG folders at a temporary folder of their own (as
 * mc_test_isolate_xdg()), so recovery files and recent lists of the tests
 * stay out of the home folder; initialises GTK (gtk_test_init) and
 * libadwaita, loads the resources and returns a registered, not running,
 * non-unique McApplication: windows need a started application. */
GtkApplication *mc_test_app_new (int    *argc,
                                 char ***argv);

/* Runs the tests added, then releases app and removes the (empty) XDG
 * folder of mc_test_app_new(); returns g_test_run()'s status. */
int             mc_test_app_run             (GtkApplication *app);

/* Opens a McWindow of app on board, presents it and lets it settle;
 * *window points at it until it is destroyed (a weak pointer), so a
 * tear-down can check that it is gone. */
void            mc_test_present_window      (GtkApplication  *app,
                                             McBoard         *board,
                                             McWindow       **window);

/* Destroys every window of app without the "Save changes?" question and
 * lets the main loop see it. */
void            mc_test_close_windows       (GtkApplication *app);

/* The one visible toplevel of type (a GtkWindow subtype), or NULL; fails
 * the test when more than one is visible. */
GtkWindow      *mc_test_find_toplevel       (GType           type);

/* The first visible message dialog (AdwMessageDialog) among the
 * toplevels, or NULL. */
GtkWindow      *mc_test_find_message_dialog (void);

/* Whether a visible label under widget (or widget itself) shows text. */
gboolean        mc_test_shows_text          (GtkWidget  *widget,
                                             const char *text);

/* Runs the main loop until widget's frame clock has painted n frames from
 * now, asking for a redraw on each: by the second, what the widget shows
 * is laid out and drawn as it is now. */
void            mc_test_wait_frames         (GtkWidget  *widget,
                                             guint       n);

/* The widget as drawn now, at its size. */
GdkTexture     *mc_test_render_widget       (GtkWidget  *widget);

/* Renders widget as it is now into dir/name (a PNG), for a person to look
 * at; does nothing when dir is NULL, so a test can pass g_getenv (…). */
void            mc_test_screenshot          (GtkWidget  *widget,
                                             const char *dir,
                                             const char *name);

G_END_DECLS
