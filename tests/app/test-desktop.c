/* test-desktop.c — the desktop's high contrast and reduced motion reach
 * every view of the board (issue 16)
 *
 * High contrast is switched the way the desktop does it: the
 * org.gnome.desktop.a11y.interface "high-contrast" key (the memory
 * GSettings backend of the tests), which AdwStyleManager follows. The
 * canvas and the presentation's wall then draw in the high-contrast
 * variant of their theme, live, and back, and the export dialog's preview
 * in it. Reduced motion
 * (gtk-enable-animations off) leaves no note pop on the wall.
 *
 * With MC_SCREENSHOTS=<dir> the window in high contrast at 1366×768 is
 * saved there (desktop-high-contrast.png), for a person to look at.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "mc-canvas-edit-private.h"
#include "mc-board-io.h"
#include "mc-command.h"
#include "mc-desktop.h"
#include "mc-export-dialog.h"
#include "mc-layout.h"
#include "mc-presentation.h"
#include "mc-route.h"
#include "mc-theme.h"
#include "mc-window.h"
#include "mc-test-app.h"
#include "mc-test-util.h"

#define A11Y_SCHEMA "org.gnome.desktop.a11y.interface"

static GtkApplication *app;

static gboolean
have_contrast_key (void)
{
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), A11Y_SCHEMA, TRUE);

  return schema != NULL && g_settings_schema_has_key (schema, "high-contrast");
}

static gboolean
contrast_is (gpointer data)
{
  return mc_desktop_get_high_contrast () == GPOINTER_TO_INT (data);
}

static void
set_high_contrast (gboolean on)
{
  g_autoptr(GSettings) settings = g_settings_new (A11Y_SCHEMA);

  g_settings_set_boolean (settings, "high-contrast", on);
  mc_test_wait_until (contrast_is, GINT_TO_POINTER (on), "the style manager to follow the key");
}

static gboolean
canvas_is_laid_out (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 400;
}

static McWindow *
open_window (McBoard *board)
{
  McWindow *window = mc_window_new (app, board);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  mc_test_wait_until (canvas_is_laid_out, mc_window_get_canvas (window), "the canvas's allocation");
  return window;
}

static double
contrast_on_white (const McColor *color)
{
  return 1.05 / (mc_color_luminance (color) + 0.05);
}

/* The lowest contrast against white paper of the scene's texts and of its
 * lines (strokes of at least half opacity). */
static void
scene_contrast (McScene *scene,
                double  *text,
                double  *line)
{
  *text = *line = G_MAXDOUBLE;
  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_TEXT)
        *text = MIN (*text, contrast_on_white (&item->color));
      else if (item->kind == MC_ITEM_PATH && item->has_stroke && item->stroke.alpha >= 0.5)
        *line = MIN (*line, contrast_on_white (&item->stroke));
    }
}

static gboolean
scene_built (gpointer data)
{
  McCanvas *canvas = data;

  return canvas->scene != NULL && canvas->edit->cache != NULL;
}

/* The canvas follows the desktop's contrast live: its theme, its scene
 * (text ≥ 7:1, no light line) and its drawing; and back. */
static void
test_canvas_high_contrast (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  McWindow *window;
  McCanvas *canvas;
  double text, line;

  if (!have_contrast_key ())
    {
      g_test_skip ("no " A11Y_SCHEMA " schema");
      return;
    }

  window = open_window (board);
  canvas = mc_window_get_canvas (window);
  g_assert_cmpint (mc_canvas_get_view_options (canvas)->theme, ==, MC_THEME_COLOR);
  mc_test_wait_until (scene_built, canvas, "the board drawn");
  scene_contrast (canvas->scene, &text, &line);
  g_test_message ("colour theme: text ≥ %.2f:1, lines ≥ %.2f:1", text, line);

  set_high_contrast (TRUE);
  g_assert_cmpint (mc_canvas_get_view_options (canvas)->theme, ==, MC_THEME_HIGH_CONTRAST);
  /* Drawn anew, not from the old texture. */
  g_assert_null (canvas->edit->cache);
  mc_test_wait_until (scene_built, canvas, "the board drawn in high contrast");
  scene_contrast (canvas->scene, &text, &line);
  g_test_message ("high contrast: text ≥ %.2f:1, lines ≥ %.2f:1", text, line);
  g_assert_cmpfloat (text, >=, 7.0);
  g_assert_cmpfloat (line, >=, 3.0);
  mc_test_screenshot (GTK_WIDGET (window), g_getenv ("MC_SCREENSHOTS"), "desktop-high-contrast.png");
  if (g_getenv ("MC_SCREENSHOTS") != NULL)
    {
      /* And at 100 %, where the lines and notes can be judged. */
      mc_canvas_zoom_at (canvas, 1.0, 0, 0, FALSE);
      mc_test_wait_frames (GTK_WIDGET (window), 2);
      mc_test_screenshot (GTK_WIDGET (window), g_getenv ("MC_SCREENSHOTS"), "desktop-high-contrast-100.png");
    }

  /* Options set while high contrast is on keep to it. */
  {
    McViewOptions options = *mc_canvas_get_view_options (canvas);

    options.theme = MC_THEME_COLOR;
    mc_canvas_set_view_options (canvas, &options);
    g_assert_cmpint (mc_canvas_get_view_options (canvas)->theme, ==, MC_THEME_HIGH_CONTRAST);
  }

  set_high_contrast (FALSE);
  g_assert_cmpint (mc_canvas_get_view_options (canvas)->theme, ==, MC_THEME_COLOR);
  mc_test_wait_until (scene_built, canvas, "the board drawn in colour again");

  mc_test_close_windows (app);
}

static gboolean
preview_done (gpointer data)
{
  return !mc_export_dialog_get_preview_pending (data);
}

/* The export dialog's preview is on screen: in high contrast it draws the
 * chosen theme's high-contrast variant (the export keeps its theme). */
static void
test_export_preview_high_contrast (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  McExportDialog *dialog;
  McExportOptions options;
  double text, line;

  if (!have_contrast_key ())
    {
      g_test_skip ("no " A11Y_SCHEMA " schema");
      return;
    }

  set_high_contrast (TRUE);
  dialog = mc_export_dialog_new (GTK_WINDOW (open_window (board)), board, "cimo");
  gtk_window_present (GTK_WINDOW (dialog));
  mc_test_wait_until (preview_done, dialog, "the export preview");
  mc_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.theme, <, MC_THEME_HIGH_CONTRAST);
  scene_contrast (mc_export_dialog_get_preview_scene (dialog), &text, &line);
  g_test_message ("export preview in high contrast: text ≥ %.2f:1, lines ≥ %.2f:1", text, line);
  g_assert_cmpfloat (text, >=, 7.0);
  g_assert_cmpfloat (line, >=, 3.0);

  /* The desktop flips back while the dialog is open: the preview is
   * rendered again at once, in the chosen theme itself. */
  set_high_contrast (FALSE);
  g_assert_true (mc_export_dialog_get_preview_pending (dialog));
  mc_test_wait_until (preview_done, dialog, "the export preview in colour again");
  scene_contrast (mc_export_dialog_get_preview_scene (dialog), &text, &line);
  g_test_message ("export preview back in colour: text ≥ %.2f:1, lines ≥ %.2f:1", text, line);
  g_assert_cmpfloat (line, <, 3.0);
  mc_test_close_windows (app);
}

static gboolean
presentation_settled (gpointer data)
{
  GtkWindow *presentation = mc_test_find_toplevel (MC_TYPE_PRESENTATION);

  return presentation != NULL
         && gtk_widget_get_width (GTK_WIDGET (mc_presentation_get_canvas (MC_PRESENTATION (presentation)))) > 0
         && !mc_presentation_get_animating (MC_PRESENTATION (presentation));
}

static McPresentation *
present (McWindow *window)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "present", NULL);
  mc_test_wait_until (presentation_settled, NULL, "the presentation to show");
  return MC_PRESENTATION (mc_test_find_toplevel (MC_TYPE_PRESENTATION));
}

/* The wall is a canvas too: the projector theme's high-contrast variant,
 * switched live. */
static void
test_wall_high_contrast (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  McPresentation *presentation;
  McCanvas *wall;

  if (!have_contrast_key ())
    {
      g_test_skip ("no " A11Y_SCHEMA " schema");
      return;
    }

  set_high_contrast (TRUE);
  presentation = present (open_window (board));
  wall = mc_presentation_get_canvas (presentation);
  g_assert_cmpint (mc_canvas_get_view_options (wall)->theme, ==, MC_THEME_PROJECTOR_HIGH_CONTRAST);
  mc_test_wait_frames (GTK_WIDGET (presentation), 2);
  mc_test_screenshot (GTK_WIDGET (presentation), g_getenv ("MC_SCREENSHOTS"), "desktop-wall-high-contrast.png");

  set_high_contrast (FALSE);
  g_assert_cmpint (mc_canvas_get_view_options (wall)->theme, ==, MC_THEME_PROJECTOR);

  mc_test_close_windows (app);
}

static guint
count_pops (GtkWidget *widget)
{
  guint n = gtk_widget_has_css_class (widget, "note-pop") ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_pops (child);
  return n;
}

/* Reduced motion: a note typed at the wall pops only while animations are
 * on. */
static void
test_wall_reduced_motion (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  GtkSettings *settings = gtk_settings_get_default ();
  McPresentation *presentation = present (open_window (board));
  McRoute *route = mc_presentation_get_route (presentation);
  g_autofree char *still = NULL;
  g_autofree char *popping = NULL;
  guint stop = 0;

  while (stop < mc_route_get_n_stops (route) &&
         mc_route_get_stop (route, stop)->kind != MC_ROUTE_STOP_REGION)
    stop++;
  g_assert_cmpuint (stop, <, mc_route_get_n_stops (route));
  mc_presentation_go_to (presentation, stop);
  mc_test_wait_until (presentation_settled, NULL, "the region stop");

  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  still = mc_presentation_capture_note (presentation, "Zonder beweging");
  g_assert_nonnull (still);
  mc_test_wait_until (presentation_settled, NULL, "the stop to take in the note");
  g_assert_cmpuint (count_pops (GTK_WIDGET (presentation)), ==, 0);

  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  popping = mc_presentation_capture_note (presentation, "Met beweging");
  g_assert_nonnull (popping);
  g_assert_cmpuint (count_pops (GTK_WIDGET (presentation)), ==, 1);

  mc_test_close_windows (app);
}

typedef struct
{
  GtkWidget *widget;
  guint      n;
} PopWait;

static gboolean
has_pops (gpointer data)
{
  PopWait *wait = data;

  return count_pops (wait->widget) >= wait->n;
}

/* A note from elsewhere (a participant's phone: the room adds it with a
 * command, as here) pops on the wall like one typed there; a burst pops
 * a few, not every note. */
static void
test_wall_arrived_notes (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  GtkSettings *settings = gtk_settings_get_default ();
  McPresentation *presentation = present (open_window (board));
  McRoute *route = mc_presentation_get_route (presentation);
  PopWait wait = { GTK_WIDGET (presentation), 1 };
  const McRouteStop *region_stop;
  guint stop = 0;

  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  while (stop < mc_route_get_n_stops (route) &&
         mc_route_get_stop (route, stop)->kind != MC_ROUTE_STOP_REGION)
    stop++;
  g_assert_cmpuint (stop, <, mc_route_get_n_stops (route));
  region_stop = mc_route_get_stop (route, stop);
  mc_presentation_go_to (presentation, stop);
  mc_test_wait_until (presentation_settled, NULL, "the region stop");
  g_assert_cmpuint (count_pops (GTK_WIDGET (presentation)), ==, 0);

  {
    McNote *note = mc_note_new ("Van een telefoon");

    mc_note_set_anchor (note, region_stop->figure_id, region_stop->region_id);
    mc_note_set_author (note, "Deelnemer");
    mc_board_execute (board, mc_command_add_note (note));
  }
  mc_test_wait_until (has_pops, &wait, "the arrived note's pop");
  g_assert_cmpuint (count_pops (GTK_WIDGET (presentation)), ==, 1);

  /* Twelve at once: at most five pops more. */
  {
    GPtrArray *notes = g_ptr_array_new ();   /* the command takes it */

    for (guint i = 0; i < 12; i++)
      {
        g_autofree char *text = g_strdup_printf ("Snel na elkaar %u", i);
        McNote *note = mc_note_new (text);

        mc_note_set_anchor (note, region_stop->figure_id, region_stop->region_id);
        g_ptr_array_add (notes, note);
      }
    mc_board_execute (board, mc_command_add_notes (notes));
  }
  wait.n = 2;
  mc_test_wait_until (has_pops, &wait, "the burst's pops");
  g_assert_cmpuint (count_pops (GTK_WIDGET (presentation)), <=, 1 + 5);

  mc_test_close_windows (app);
}

int
main (int    argc,
      char **argv)
{
  app = mc_test_app_new (&argc, &argv);

  g_test_add_func ("/mc/desktop/canvas-high-contrast", test_canvas_high_contrast);
  g_test_add_func ("/mc/desktop/export-preview-high-contrast", test_export_preview_high_contrast);
  g_test_add_func ("/mc/desktop/wall-high-contrast", test_wall_high_contrast);
  g_test_add_func ("/mc/desktop/wall-reduced-motion", test_wall_reduced_motion);
  g_test_add_func ("/mc/desktop/wall-arrived-notes", test_wall_arrived_notes);

  return mc_test_app_run (app);
}
