/* test-room-panel.c — the facilitator's room panel: the QR code carries
 * the join link, open/close and a new link work, the round switches reach
 * the room */
#include "config.h"

#include <string.h>

#include "mc-qr-code.h"
#include "mc-room-panel.h"
#include "mc-templates.h"
#include "mc-test-app.h"
#include "mc-test-util.h"

typedef struct
{
  McBoard   *board;
  McRoom    *room;
  GtkWindow *window;
  McRoomPanel *panel;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *lan[] = { "192.0.2.7", NULL };

  f->board = mc_board_new_from_template ("cimo", MC_LANGUAGE_NL, &error);
  g_assert_no_error (error);
  f->room = mc_room_new (f->board);
  mc_room_set_listen_address (f->room, "127.0.0.1");
  mc_room_set_lan_addresses (f->room, lan);
  f->panel = MC_ROOM_PANEL (mc_room_panel_new (f->room));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->panel));
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->room);
  g_clear_object (&f->board);
}

/* The first widget of type under widget, depth first. */
static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button or switch whose label (or the label beside it) has text. */
static GtkWidget *
find_labelled (GtkWidget  *widget,
               const char *text)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0)
    return widget;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return gtk_label_get_mnemonic_widget (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_finder_pattern (McQrCode *qr,
                       guint     x0,
                       guint     y0)
{
  /* A 7 × 7 dark ring, a light ring, a 3 × 3 dark centre. */
  for (guint y = 0; y < 7; y++)
    for (guint x = 0; x < 7; x++)
      {
        gboolean ring = x == 0 || y == 0 || x == 6 || y == 6;
        gboolean centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;

        g_assert_cmpint (mc_qr_code_get_module (qr, x0 + x, y0 + y), ==, ring || centre);
      }
}

static void
test_panel (Fixture       *f,
            gconstpointer  data)
{
  McQrCode *qr = MC_QR_CODE (find_child (GTK_WIDGET (f->panel), MC_TYPE_QR_CODE));
  GtkWidget *open = find_labelled (GTK_WIDGET (f->panel), "_Open the Room");
  GtkWidget *rotate = find_labelled (GTK_WIDGET (f->panel), "_New Link");
  GtkWidget *private_switch = find_labelled (GTK_WIDGET (f->panel), "_Private (notes hidden until revealed)");
  g_autofree char *url = NULL;
  g_autofree char *old_url = NULL;
  guint size;

  g_assert_nonnull (qr);
  g_assert_nonnull (open);
  g_assert_nonnull (private_switch);
  /* Closed: no code to scan. */
  g_assert_cmpuint (mc_qr_code_get_size (qr), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (rotate));

  g_signal_emit_by_name (open, "clicked");
  g_assert_true (mc_room_get_running (f->room));
  url = mc_room_dup_join_url (f->room, NULL);
  g_assert_true (g_str_has_prefix (url, "http://192.0.2.7:"));
  g_assert_cmpstr (mc_qr_code_get_text (qr), ==, url);
  size = mc_qr_code_get_size (qr);
  g_assert_cmpuint (size, >=, 21);
  assert_finder_pattern (qr, 0, 0);
  assert_finder_pattern (qr, size - 7, 0);
  assert_finder_pattern (qr, 0, size - 7);
  g_assert_true (gtk_widget_get_sensitive (rotate));

  /* Private mode from the switch. */
  gtk_switch_set_active (GTK_SWITCH (private_switch), TRUE);
  g_assert_true (mc_room_get_private (f->room));

  mc_test_spin ();
  mc_test_screenshot (GTK_WIDGET (f->window), g_getenv ("MC_ROOM_SCREENSHOTS"), "room-panel.png");

  /* A new link: a new code on the screen. */
  old_url = g_strdup (url);
  g_signal_emit_by_name (rotate, "clicked");
  g_assert_cmpstr (mc_qr_code_get_text (qr), !=, old_url);

  /* Closing takes the code away. */
  g_signal_emit_by_name (find_labelled (GTK_WIDGET (f->panel), "_Close the Room"), "clicked");
  g_assert_false (mc_room_get_running (f->room));
  g_assert_cmpuint (mc_qr_code_get_size (qr), ==, 0);
}

static GtkWidget *
find_panel_window (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (find_child (l->data, MC_TYPE_ROOM_PANEL) != NULL)
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static gboolean
panel_window_shown (gpointer data)
{
  return find_panel_window () != NULL;
}

/* The Room… menu item opens the panel on a room of the window's board; the
 * room stays with the window, and the presentation's stop becomes its
 * prompt. */
static void
test_window_action (void)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = mc_board_new_from_template ("cimo", MC_LANGUAGE_NL, &error);
  McWindow *window = NULL;
  McRoom *room;
  GtkWidget *panel_window;

  g_assert_no_error (error);
  mc_test_present_window (app, board, &window);
  g_action_group_activate_action (G_ACTION_GROUP (window), "room", NULL);
  mc_test_wait_until (panel_window_shown, NULL, "the room panel's window");

  room = g_object_get_data (G_OBJECT (window), "mc-room");
  g_assert_nonnull (room);
  g_assert_true (mc_room_get_board (room) == board);
  g_assert_false (mc_room_get_running (room));   /* the facilitator opens it */
  panel_window = find_panel_window ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (panel_window)) == GTK_WINDOW (window));

  /* Opened again: the same room. */
  gtk_window_destroy (GTK_WINDOW (panel_window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "room", NULL);
  mc_test_wait_until (panel_window_shown, NULL, "the room panel's window again");
  g_assert_true (g_object_get_data (G_OBJECT (window), "mc-room") == room);
  gtk_window_destroy (GTK_WINDOW (find_panel_window ()));
  mc_test_close_windows (app);
}

int
main (int   argc,
      char *argv[])
{
  GtkApplication *app = mc_test_app_new (&argc, &argv);

  g_test_add ("/mc/room-panel/panel", Fixture, NULL, fixture_set_up, test_panel, fixture_tear_down);
  g_test_add_func ("/mc/room-panel/window-action", test_window_action);
  return mc_test_app_run (app);
}
