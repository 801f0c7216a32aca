/* test-keyboard.c — the canvas without a pointer (issue 16)
 *
 * Keys go the way GTK sends them: from the focused widget up to the
 * window, each widget's shortcuts (its key bindings) first, then the
 * canvas's own key handling; the window's shortcuts and the application's
 * accelerators last. No pointer event is sent. Also checks the accessible
 * objects a screen reader sees (mc-canvas-a11y.c) and prints what keeping
 * them up to date costs on 1,000 notes.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>

#include "mc-canvas-a11y-private.h"
#include "mc-note.h"
#include "mc-test-canvas.h"
#include "mc-command.h"
#include "mc-board-io.h"
#include "mc-history.h"
#include "mc-outline-panel.h"
#include "mc-templates.h"
#include "mc-test-app.h"
#include "mc-test-board.h"
#include "mc-test-util.h"
#include "mc-window.h"

static GtkApplication *app;

typedef struct
{
  McWindow *window;
  McCanvas *canvas;
  McBoard  *board;
} Fixture;

static gboolean
canvas_is_laid_out (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) > 400;
}

static void
open_board (Fixture *fixture,
            McBoard *board)
{
  fixture->window = mc_window_new (app, board);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 820);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->canvas = mc_window_get_canvas (fixture->window);
  fixture->board = mc_window_get_board (fixture->window);
  mc_test_wait_until (canvas_is_laid_out, fixture, "the canvas's first allocation");
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
}

static void
close_board (Fixture *fixture)
{
  mc_board_mark_saved (fixture->board);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  mc_test_spin ();
  g_assert_null (fixture->window);
}

static gboolean
activate_shortcut (GtkWidget       *widget,
                   guint            keyval,
                   GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, state);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger)
              && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                               gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/* One key press, as GTK propagates it; fails the test if nothing took it. */
static void
press (Fixture         *fixture,
       guint            keyval,
       GdkModifierType  state)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_autofree char *accel = gtk_accelerator_name (keyval, state);
  g_auto(GStrv) actions = NULL;

  for (GtkWidget *widget = focus != NULL ? focus : GTK_WIDGET (fixture->window);
       widget != NULL;
       widget = gtk_widget_get_parent (widget))
    {
      if (activate_shortcut (widget, keyval, state))
        goto done;
      if (widget == GTK_WIDGET (fixture->canvas)
          && mc_canvas_test_key (fixture->canvas, keyval, state))
        goto done;
    }

  actions = gtk_application_get_actions_for_accel (app, accel);
  g_assert_true (actions != NULL && actions[0] != NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), actions[0], NULL));

done:
  mc_test_spin ();
}

static McNote *
only_note (Fixture *fixture)
{
  GPtrArray *notes = mc_board_get_notes (fixture->board);

  g_assert_cmpuint (notes->len, ==, 1);
  return notes->pdata[0];
}

static void
type_text (Fixture    *fixture,
           const char *text)
{
  GtkWidget *view = mc_canvas_test_get_editor (fixture->canvas);

  g_assert_nonnull (view);
  g_assert_true (gtk_widget_has_focus (view));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  mc_test_spin ();
}

typedef struct
{
  Fixture    *fixture;
  const char *id;
} FocusWait;

static gboolean
focus_is_on (gpointer data)
{
  FocusWait *wait = data;
  GtkWidget *node = mc_canvas_test_get_accessible (wait->fixture->canvas, wait->id);

  return node != NULL && gtk_widget_has_focus (node);
}

static void
wait_for_focus (Fixture    *fixture,
                const char *id)
{
  FocusWait wait = { fixture, id };

  mc_test_wait_until (focus_is_on, &wait, "the keyboard's focus on the object");
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
} AnnounceWait;

/* What has the keyboard on the canvas tells the screen reader text: its
 * description is the announcement (mc-canvas-a11y-announce.c). */
static gboolean
is_announced (gpointer data)
{
  AnnounceWait *wait = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (wait->fixture->window));
  g_autofree char *wrong = NULL;

  if (focus == NULL)
    return FALSE;
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (focus),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, wait->text);
  return wrong == NULL;
}

static void
wait_for_announcement (Fixture    *fixture,
                       const char *text)
{
  AnnounceWait wait = { fixture, text };
  g_autofree char *what = g_strdup_printf ("the announcement \"%s\"", text);

  mc_test_wait_until (is_announced, &wait, what);
}

static char *
note_region (McNote *note)
{
  return g_strdup_printf ("%s/%s", mc_note_get_figure_id (note), mc_note_get_region_id (note));
}

/* The scenario: create, edit, colour, vote, move to another
 * region, delete, undo, by keys alone. */
static void
test_scenario (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);
  Fixture fixture = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *id = NULL;
  McNote *note;
  GtkWidget *node;

  g_assert_no_error (error);
  open_board (&fixture, board);
  g_assert_cmpuint (mc_board_get_n_notes (fixture.board), ==, 0);

  /* Alt+Right: the first region, which the screen reader is told of. */
  press (&fixture, GDK_KEY_Right, GDK_ALT_MASK);
  first = g_strdup (mc_canvas_get_selected_region (fixture.canvas));
  g_assert_nonnull (first);
  wait_for_focus (&fixture, first);
  press (&fixture, GDK_KEY_Right, GDK_ALT_MASK);
  g_assert_cmpstr (mc_canvas_get_selected_region (fixture.canvas), !=, first);
  press (&fixture, GDK_KEY_Left, GDK_ALT_MASK);
  g_assert_cmpstr (mc_canvas_get_selected_region (fixture.canvas), ==, first);

  /* Create: typing writes a note in the selected region. */
  press (&fixture, GDK_KEY_B, 0);
  type_text (&fixture, "ewoners");
  press (&fixture, GDK_KEY_Escape, 0);
  note = only_note (&fixture);
  id = g_strdup (mc_note_get_id (note));
  g_assert_cmpstr (mc_note_get_text (note), ==, "Bewoners");
  {
    g_autofree char *region = note_region (note);

    g_assert_cmpstr (region, ==, first);
  }
  g_assert_null (mc_canvas_get_editing_note (fixture.canvas));
  g_assert_true (mc_canvas_is_note_selected (fixture.canvas, id));
  wait_for_focus (&fixture, id);

  /* Edit: Enter opens the editor on the focused note. */
  press (&fixture, GDK_KEY_Return, 0);
  g_assert_cmpstr (mc_canvas_get_editing_note (fixture.canvas), ==, id);
  type_text (&fixture, " als onderzoekers");
  press (&fixture, GDK_KEY_Escape, 0);
  g_assert_cmpstr (mc_note_get_text (only_note (&fixture)), ==, "Bewoners als onderzoekers");
  wait_for_focus (&fixture, id);

  /* Escape lets go of the note, and of the focus on it. */
  press (&fixture, GDK_KEY_Escape, 0);
  g_assert_false (mc_canvas_is_note_selected (fixture.canvas, id));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture.canvas)));
  press (&fixture, GDK_KEY_Tab, 0);
  g_assert_true (mc_canvas_is_note_selected (fixture.canvas, id));
  wait_for_focus (&fixture, id);

  /* Colour and vote. */
  press (&fixture, GDK_KEY_3, GDK_ALT_MASK);
  g_assert_cmpstr (mc_note_get_color (only_note (&fixture)), ==, mc_note_colors[2]);
  press (&fixture, GDK_KEY_plus, 0);
  g_assert_cmpuint (mc_note_get_votes (only_note (&fixture)), ==, 1);
  wait_for_announcement (&fixture, "1 vote");

  /* Move to the next region; the screen reader's object follows. */
  press (&fixture, GDK_KEY_Right, GDK_SHIFT_MASK | GDK_ALT_MASK);
  second = note_region (only_note (&fixture));
  g_assert_cmpstr (second, !=, first);
  g_assert_cmpstr (second, ==, mc_canvas_get_selected_region (fixture.canvas));
  node = mc_canvas_test_get_accessible (fixture.canvas, id);
  g_assert_true (gtk_widget_get_parent (node) == mc_canvas_test_get_accessible (fixture.canvas, second));
  g_assert_true (g_str_has_prefix (mc_canvas_test_accessible_description (node),
                                   mc_canvas_test_accessible_name (gtk_widget_get_parent (node))));
  g_assert_nonnull (strstr (mc_canvas_test_accessible_description (node), "1 vote"));
  wait_for_focus (&fixture, id);
  {
    g_autofree char *moved = g_strdup_printf ("Note moved to %s",
                                              mc_canvas_test_accessible_name (gtk_widget_get_parent (node)));

    wait_for_announcement (&fixture, moved);
  }

  /* Once the focus leaves it, the note is described as before. */
  press (&fixture, GDK_KEY_Escape, 0);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture.canvas)));
  gtk_test_accessible_assert_property (node, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       mc_canvas_test_accessible_description (node));
  press (&fixture, GDK_KEY_Tab, 0);
  wait_for_focus (&fixture, id);

  /* Delete, and undo brings it back where it was. */
  press (&fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (mc_board_get_n_notes (fixture.board), ==, 0);
  g_assert_null (mc_canvas_test_get_accessible (fixture.canvas, id));
  /* The keyboard stays on the canvas when its note goes. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture.canvas)));
  wait_for_announcement (&fixture, "Note deleted");
  press (&fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  {
    g_autofree char *undone = g_strdup_printf ("Undone: %s",
                                               mc_history_get_redo_label (mc_board_get_history (fixture.board)));

    wait_for_announcement (&fixture, undone);
  }
  note = only_note (&fixture);
  g_assert_cmpstr (mc_note_get_id (note), ==, id);
  {
    g_autofree char *region = note_region (note);

    g_assert_cmpstr (region, ==, second);
  }
  g_assert_nonnull (mc_canvas_test_get_accessible (fixture.canvas, id));

  close_board (&fixture);
}

static gboolean
outline_is_built (gpointer data)
{
  return mc_outline_panel_count (data, MC_OUTLINE_ROW_NOTE) > 0;
}

typedef struct
{
  McCanvas   *canvas;
  GtkWidget  *node;
  const char *id;
} NodeWait;

/* The note's accessible object is laid out over the note it stands for. */
static gboolean
node_is_over_note (gpointer data)
{
  NodeWait *wait = data;
  graphene_rect_t bounds;
  McRect rect;
  double x, y;

  if (!gtk_widget_compute_bounds (wait->node, GTK_WIDGET (wait->canvas), &bounds)
      || !mc_layout_get_note_rect (mc_canvas_get_layout (wait->canvas), wait->id, &rect))
    return FALSE;
  mc_canvas_board_to_widget (wait->canvas, rect.x, rect.y, &x, &y);
  return fabs (bounds.origin.x - x) <= 1.5 && fabs (bounds.origin.y - y) <= 1.5;
}

/* Every figure and region has its object (a group), named as its group in
 * the scene; a region's is described by its note count. */
static void
check_groups (Fixture *fixture,
              guint   *n_figures,
              guint   *n_regions)
{
  McScene *scene = mc_canvas_get_scene (fixture->canvas);

  *n_figures = *n_regions = 0;
  _mc_canvas_a11y_sync (fixture->canvas);
  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);
      GtkWidget *node;

      if (item->kind != MC_ITEM_GROUP_BEGIN
          || (item->role != MC_ROLE_FIGURE && item->role != MC_ROLE_REGION))
        continue;
      node = mc_canvas_test_get_accessible (fixture->canvas, item->id);
      g_assert_nonnull (node);
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (node)), ==,
                       GTK_ACCESSIBLE_ROLE_GROUP);
      g_assert_cmpstr (mc_canvas_test_accessible_name (node), ==, item->title);
      if (item->role == MC_ROLE_FIGURE)
        ++*n_figures;
      else
        {
          ++*n_regions;
          g_assert_true (g_str_has_suffix (mc_canvas_test_accessible_description (node), "notes")
                         || g_str_has_suffix (mc_canvas_test_accessible_description (node), "note"));
        }
    }
}

/* Every figure, region and note of the example board has its object. */
static void
test_tree (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  Fixture fixture = { 0 };
  GPtrArray *notes;
  McOutlinePanel *panel;
  guint n_figures = 0, n_regions = 0;

  open_board (&fixture, board);
  check_groups (&fixture, &n_figures, &n_regions);
  g_assert_cmpuint (n_figures, ==, mc_board_get_figures (fixture.board)->len);
  g_assert_cmpuint (n_regions, >, n_figures);

  notes = mc_board_get_notes (fixture.board);
  g_assert_cmpuint (notes->len, >, 0);
  for (guint i = 0; i < notes->len; i++)
    {
      GtkWidget *node = mc_canvas_test_get_accessible (fixture.canvas, mc_note_get_id (notes->pdata[i]));
      graphene_rect_t bounds;
      NodeWait wait = { fixture.canvas, node, mc_note_get_id (notes->pdata[i]) };

      g_assert_nonnull (node);
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (node)), ==,
                       GTK_ACCESSIBLE_ROLE_LIST_ITEM);
      g_assert_cmpstr (mc_canvas_test_accessible_name (node), ==, mc_note_get_text (notes->pdata[i]));
      g_assert_true (gtk_widget_get_focusable (node));
      /* Over the note it stands for, once laid out. */
      mc_test_wait_until (node_is_over_note, &wait, "the note's object over the note");
      g_assert_true (gtk_widget_compute_bounds (node, GTK_WIDGET (fixture.canvas), &bounds));
      {
        McRect rect;
        double x, y;

        g_assert_true (mc_layout_get_note_rect (mc_canvas_get_layout (fixture.canvas),
                                                mc_note_get_id (notes->pdata[i]), &rect));
        mc_canvas_board_to_widget (fixture.canvas, rect.x, rect.y, &x, &y);
        g_assert_cmpfloat (fabs (bounds.origin.x - x), <=, 1.5);
        g_assert_cmpfloat (fabs (bounds.origin.y - y), <=, 1.5);
      }
    }

  /* Tab walks the notes, and the focus (what a screen reader announces)
   * goes with it; the outline, the same content as a list, selects the
   * same note. */
  panel = MC_OUTLINE_PANEL (g_object_ref_sink (mc_outline_panel_new ()));
  mc_outline_panel_set_canvas (panel, fixture.canvas);
  mc_test_wait_until (outline_is_built, panel, "the outline's rows");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *selected = NULL;

      press (&fixture, GDK_KEY_Tab, 0);
      g_assert_nonnull (fixture.canvas->edit->cursor);
      wait_for_focus (&fixture, fixture.canvas->edit->cursor);
      selected = mc_outline_panel_dup_selected (panel);
      g_assert_cmpstr (selected, ==, fixture.canvas->edit->cursor);
    }
  mc_outline_panel_set_canvas (panel, NULL);
  g_object_unref (panel);

  close_board (&fixture);
}

/* The board's language switch renames every object (figures, regions,
 * the notes' descriptions), and the keyboard stays on its note. */
static void
test_language_switch (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  Fixture fixture = { 0 };
  g_autofree char *region_nl = NULL;
  g_autofree char *note_nl = NULL;
  g_autofree char *note_id = NULL;
  GtkWidget *node;
  guint n_figures, n_regions;

  open_board (&fixture, board);
  g_assert_cmpint (mc_board_get_language (fixture.board), ==, MC_LANGUAGE_NL);
  check_groups (&fixture, &n_figures, &n_regions);
  press (&fixture, GDK_KEY_Tab, 0);
  note_id = g_strdup (fixture.canvas->edit->cursor);
  g_assert_nonnull (note_id);
  wait_for_focus (&fixture, note_id);
  node = mc_canvas_test_get_accessible (fixture.canvas, "cimo/context");
  region_nl = g_strdup (mc_canvas_test_accessible_name (node));
  note_nl = g_strdup (mc_canvas_test_accessible_description (mc_canvas_test_get_accessible (fixture.canvas,
                                                                                           note_id)));

  mc_board_execute (fixture.board, mc_command_set_language (fixture.board, MC_LANGUAGE_EN));
  mc_test_spin ();
  check_groups (&fixture, &n_figures, &n_regions);
  g_assert_cmpuint (n_regions, >, n_figures);
  node = mc_canvas_test_get_accessible (fixture.canvas, "cimo/context");
  g_assert_cmpstr (mc_canvas_test_accessible_name (node), !=, region_nl);
  node = mc_canvas_test_get_accessible (fixture.canvas, note_id);
  g_assert_cmpstr (mc_canvas_test_accessible_description (node), !=, note_nl);
  g_assert_true (g_str_has_prefix (mc_canvas_test_accessible_description (node),
                                   mc_canvas_test_accessible_name (mc_canvas_test_get_accessible (fixture.canvas,
                                                                                                  "cimo/context"))));
  wait_for_focus (&fixture, note_id);

  /* And back, by undo. */
  mc_board_undo (fixture.board);
  mc_test_spin ();
  check_groups (&fixture, &n_figures, &n_regions);
  node = mc_canvas_test_get_accessible (fixture.canvas, "cimo/context");
  g_assert_cmpstr (mc_canvas_test_accessible_name (node), ==, region_nl);

  close_board (&fixture);
}

static gboolean
menu_is_open (gpointer data)
{
  McCanvas *canvas = data;

  return canvas->edit->context_menu != NULL && gtk_widget_get_mapped (canvas->edit->context_menu);
}

/* The menu key (and Shift+F10) opens the focused note's context menu next
 * to it. */
static void
test_menu_key (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  Fixture fixture = { 0 };
  const guint keys[][2] = { { GDK_KEY_Menu, 0 }, { GDK_KEY_F10, GDK_SHIFT_MASK } };

  open_board (&fixture, board);
  press (&fixture, GDK_KEY_Tab, 0);
  wait_for_focus (&fixture, fixture.canvas->edit->cursor);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      GtkWidget *node = mc_canvas_test_get_accessible (fixture.canvas, fixture.canvas->edit->cursor);
      graphene_rect_t bounds;
      GdkRectangle pointing;
      GMenuModel *model;
      gboolean has_delete = FALSE;

      press (&fixture, keys[k][0], keys[k][1]);
      mc_test_wait_until (menu_is_open, fixture.canvas, "the context menu");
      /* The note's menu (it deletes the note), pointing at the note. */
      model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (fixture.canvas->edit->context_menu));
      for (int i = 0; i < g_menu_model_get_n_items (model) && !has_delete; i++)
        {
          g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

          for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
            {
              g_autofree char *action = NULL;

              if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action)
                  && g_str_has_suffix (action, "delete"))
                has_delete = TRUE;
            }
        }
      g_assert_true (has_delete);
      g_assert_true (gtk_popover_get_pointing_to (GTK_POPOVER (fixture.canvas->edit->context_menu), &pointing));
      g_assert_true (gtk_widget_compute_bounds (node, GTK_WIDGET (fixture.canvas), &bounds));
      g_assert_true (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (pointing.x, pointing.y)));
      gtk_popover_popdown (GTK_POPOVER (fixture.canvas->edit->context_menu));
      mc_test_spin ();
    }

  close_board (&fixture);
}

static gint64 fake_now;

static gint64
fake_clock (void)
{
  return fake_now;
}

/* Adds n notes to region ("<figure>/<region>") as the room does: as
 * commands not of the canvas, one after another without the main loop
 * running in between. */
static void
add_room_notes (Fixture    *fixture,
                const char *region,
                guint       n)
{
  const char *slash = strchr (region, '/');
  g_autofree char *figure_id = g_strndup (region, slash - region);

  for (guint i = 0; i < n; i++)
    {
      McNote *note = mc_note_new ("Van een telefoon");

      mc_note_set_anchor (note, figure_id, slash + 1);
      mc_note_set_author (note, "Deelnemer");
      mc_board_execute (fixture->board, mc_command_add_note (note));
    }
}

/* The room's notes are told once a burst settles, counted per region,
 * not one by one; a burst that keeps coming is told after the longest
 * wait. */
static void
test_announce_burst (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);
  Fixture fixture = { 0 };
  g_autofree char *region = NULL;
  g_autofree char *three = NULL;
  g_autofree char *two = NULL;
  GtkWidget *node;

  g_assert_no_error (error);
  open_board (&fixture, board);
  press (&fixture, GDK_KEY_Right, GDK_ALT_MASK);
  region = g_strdup (mc_canvas_get_selected_region (fixture.canvas));
  wait_for_focus (&fixture, region);
  three = g_strdup_printf ("3 new notes in %s",
                           mc_canvas_test_accessible_name (mc_canvas_test_get_accessible (fixture.canvas,
                                                                                          region)));
  two = g_strdup_printf ("2 new notes in %s",
                         mc_canvas_test_accessible_name (mc_canvas_test_get_accessible (fixture.canvas,
                                                                                        region)));

  /* Quiet after three notes: one announcement, not three. */
  _mc_canvas_a11y_set_burst_timing (fixture.canvas, 50, 60000, NULL);
  add_room_notes (&fixture, region, 3);
  /* Nothing told while they come. */
  node = mc_canvas_test_get_accessible (fixture.canvas, region);
  g_assert_true (gtk_widget_has_focus (node));
  gtk_test_accessible_assert_property (node, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       mc_canvas_test_accessible_description (node));
  wait_for_announcement (&fixture, three);
  g_assert_cmpuint (mc_board_get_n_notes (fixture.board), ==, 3);

  /* Notes that keep coming: told once the longest wait has passed,
   * though the burst never went quiet. */
  fake_now = 0;
  _mc_canvas_a11y_set_burst_timing (fixture.canvas, 60000, 2000, fake_clock);
  add_room_notes (&fixture, region, 1);
  fake_now = 3 * G_USEC_PER_SEC;
  add_room_notes (&fixture, region, 1);
  wait_for_announcement (&fixture, two);

  close_board (&fixture);
}

/* What one edit costs the accessible objects on 1,000 notes, against
 * building them all. */
static void
test_speed (void)
{
  g_autoptr(McBoard) board = mc_test_grid_board_new (1000);
  Fixture fixture = { 0 };
  McNote *note;
  gint64 start;
  double build_ms, update_ms;
  GtkWidget *node;

  open_board (&fixture, board);
  note = mc_board_get_notes (fixture.board)->pdata[500];

  /* Every object checked, as after a board language switch. */
  mc_test_spin ();
  _mc_canvas_a11y_board_changed (fixture.canvas, MC_CHANGE_ALL, NULL);
  mc_canvas_get_scene (fixture.canvas);
  start = g_get_monotonic_time ();
  _mc_canvas_a11y_sync (fixture.canvas);
  build_ms = (g_get_monotonic_time () - start) / 1000.0;

  /* One keystroke in a note. */
  mc_board_execute (fixture.board, mc_command_set_note_text (fixture.board, mc_note_get_id (note),
                                                             "Bewoners"));
  mc_canvas_get_scene (fixture.canvas);
  start = g_get_monotonic_time ();
  _mc_canvas_a11y_sync (fixture.canvas);
  update_ms = (g_get_monotonic_time () - start) / 1000.0;
  node = mc_canvas_test_get_accessible (fixture.canvas, mc_note_get_id (note));
  g_assert_cmpstr (mc_canvas_test_accessible_name (node), ==, "Bewoners");

  g_test_message ("a11y_update_1k_ms: %.3f (one note's text changed)", update_ms);
  g_test_message ("a11y_sync_1k_ms: %.3f (every object checked)", build_ms);
  g_print ("# a11y_update_1k_ms: %.3f\n# a11y_sync_1k_ms: %.3f\n", update_ms, build_ms);

  close_board (&fixture);
}

/* Reduced motion: with gtk-enable-animations off, zooming jumps to its
 * end in the same call; with it on, it eases over frames. */
static void
test_reduced_motion (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  Fixture fixture = { 0 };
  GtkSettings *settings = gtk_settings_get_default ();
  double zoom;

  open_board (&fixture, board);
  zoom = mc_canvas_get_zoom (fixture.canvas);

  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  mc_canvas_zoom_at (fixture.canvas, zoom * 2, 100, 100, TRUE);
  g_assert_cmpfloat_with_epsilon (mc_canvas_get_zoom (fixture.canvas), zoom * 2, 1e-9);
  g_assert_cmpuint (fixture.canvas->tick_id, ==, 0);

  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  mc_canvas_zoom_at (fixture.canvas, zoom, 100, 100, TRUE);
  g_assert_cmpuint (fixture.canvas->tick_id, !=, 0);
  g_assert_cmpfloat (fabs (fixture.canvas->zoom - zoom), >, 1e-6);   /* still on its way */

  close_board (&fixture);
}

static int
natural_height (GtkWidget *widget)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* Large text (the desktop's text scaling, gtk-xft-dpi) scales the chrome:
 * the window's own labels and the presentation banner's styled type. */
static void
test_large_text (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  Fixture fixture = { 0 };
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *banner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *labels[3];
  int before[3];
  int dpi;

  open_board (&fixture, board);
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  if (dpi <= 0)
    dpi = 96 * 1024;

  labels[0] = gtk_label_new ("Mechanismen");
  labels[1] = gtk_label_new ("Mechanismen");
  labels[2] = gtk_label_new ("Mechanismen");
  gtk_widget_add_css_class (banner, "prompt-banner");
  gtk_widget_add_css_class (labels[1], "banner-title");
  gtk_widget_add_css_class (labels[2], "banner-prompt");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_box_append (GTK_BOX (banner), labels[i]);
  gtk_window_set_child (GTK_WINDOW (window), banner);
  gtk_window_present (GTK_WINDOW (window));
  mc_test_spin ();
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    before[i] = natural_height (labels[i]);
  g_assert_cmpint (before[1], >, before[0]);

  g_object_set (settings, "gtk-xft-dpi", dpi * 3 / 2, NULL);
  mc_test_spin ();
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int after = natural_height (labels[i]);

      g_test_message ("label %u: %d px, %d px at 150%% text", i, before[i], after);
      g_assert_cmpint (after, >=, before[i] * 13 / 10);
    }

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  close_board (&fixture);
}

int
main (int    argc,
      char **argv)
{
  /* The accessible properties are read back (announcements): GTK's
   * in-process test backend instead of none, still without a bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  app = mc_test_app_new (&argc, &argv);

  g_test_add_func ("/mc/keyboard/scenario", test_scenario);
  g_test_add_func ("/mc/keyboard/accessible-tree", test_tree);
  g_test_add_func ("/mc/keyboard/language-switch", test_language_switch);
  g_test_add_func ("/mc/keyboard/menu-key", test_menu_key);
  g_test_add_func ("/mc/keyboard/announce-burst", test_announce_burst);
  g_test_add_func ("/mc/keyboard/accessible-speed", test_speed);
  g_test_add_func ("/mc/keyboard/reduced-motion", test_reduced_motion);
  g_test_add_func ("/mc/keyboard/large-text", test_large_text);

  return mc_test_app_run (app);
}
