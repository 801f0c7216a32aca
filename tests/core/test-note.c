/* test-note.c — McNote and McFigure: properties, notifications, copies */
#include "config.h"

#include "mc-board.h"
#include "mc-command.h"
#include "mc-note.h"
#include "mc-figure.h"
#include "mc-test-util.h"

typedef struct
{
  GHashTable *counts; /* property name → number of notifications */
} NotifyLog;

static guint
count (NotifyLog  *log,
       const char *name)
{
  return mc_test_notify_count (log->counts, name);
}

static guint
total (NotifyLog *log)
{
  GHashTableIter iter;
  gpointer value;
  guint sum = 0;

  g_hash_table_iter_init (&iter, log->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sum += GPOINTER_TO_UINT (value);
  return sum;
}

static void
watch (gpointer   object,
       NotifyLog *log)
{
  log->counts = mc_test_watch_notifies (object);
}

static void
test_new (void)
{
  gint64 before = g_get_real_time ();
  g_autoptr(McNote) note = mc_note_new ("Hallo");
  g_autoptr(McNote) other = mc_note_new (NULL);
  McRect rect;

  g_assert_true (g_uuid_string_is_valid (mc_note_get_id (note)));
  g_assert_cmpstr (mc_note_get_id (note), !=, mc_note_get_id (other));
  g_assert_cmpstr (mc_note_get_text (note), ==, "Hallo");
  g_assert_cmpstr (mc_note_get_text (other), ==, "");
  g_assert_cmpstr (mc_note_get_color (note), ==, MC_NOTE_COLOR_DEFAULT);
  g_assert_null (mc_note_get_author (note));
  g_assert_null (mc_note_get_figure_id (note));
  g_assert_null (mc_note_get_region_id (note));
  g_assert_false (mc_note_get_has_position (note));
  g_assert_false (mc_note_get_in_board (note));
  g_assert_false (mc_note_get_conflict (note));
  g_assert_cmpuint (mc_note_get_votes (note), ==, 0);
  mc_note_get_rect (note, &rect);
  g_assert_cmpfloat (rect.width, ==, MC_NOTE_DEFAULT_WIDTH);
  g_assert_cmpfloat (rect.height, ==, MC_NOTE_DEFAULT_HEIGHT);

  /* created = modified = now, in whole seconds like the file */
  g_assert_cmpint (mc_note_get_created (note), ==, mc_note_get_modified (note));
  g_assert_cmpint (mc_note_get_created (note), >=, before - G_USEC_PER_SEC);
  g_assert_cmpint (mc_note_get_created (note), <=, g_get_real_time ());
  g_assert_cmpint (mc_note_get_created (note) % G_USEC_PER_SEC, ==, 0);
}

static void
test_colors (void)
{
  guint n = 0;

  for (; mc_note_colors[n] != NULL; n++)
    g_assert_true (mc_note_color_is_valid (mc_note_colors[n]));
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (mc_note_colors[0], ==, "yellow");
  g_assert_false (mc_note_color_is_valid ("red"));
  g_assert_false (mc_note_color_is_valid (""));
  g_assert_false (mc_note_color_is_valid (NULL));
}

static void
test_notify (void)
{
  g_autoptr(McNote) note = mc_note_new ("a");
  NotifyLog log;
  McRect rect = { 10, 20, 160, 110 };
  char *text;

  watch (note, &log);

  mc_note_set_text (note, "b");
  mc_note_set_text (note, "b");
  g_assert_cmpuint (count (&log, "text"), ==, 1);

  mc_note_set_color (note, "pink");
  mc_note_set_color (note, "pink");
  g_assert_cmpuint (count (&log, "color"), ==, 1);
  g_assert_cmpstr (mc_note_get_color (note), ==, "pink");

  /* Only x, y and has-position change: width and height are the defaults. */
  mc_note_set_rect (note, &rect);
  g_assert_cmpuint (count (&log, "x"), ==, 1);
  g_assert_cmpuint (count (&log, "y"), ==, 1);
  g_assert_cmpuint (count (&log, "has-position"), ==, 1);
  g_assert_cmpuint (count (&log, "width"), ==, 0);
  mc_note_set_rect (note, &rect);
  g_assert_cmpuint (count (&log, "x"), ==, 1);

  mc_note_set_anchor (note, "cimo", "context");
  mc_note_set_anchor (note, "cimo", "context");
  g_assert_cmpuint (count (&log, "figure-id"), ==, 1);
  g_assert_cmpuint (count (&log, "region-id"), ==, 1);

  mc_note_set_votes (note, 3);
  mc_note_set_votes (note, 3);
  mc_note_set_author (note, "Bo");
  mc_note_set_author (note, "Bo");
  mc_note_set_conflict (note, TRUE);
  mc_note_set_conflict (note, TRUE);
  g_assert_cmpuint (count (&log, "votes"), ==, 1);
  g_assert_cmpuint (count (&log, "author"), ==, 1);
  g_assert_cmpuint (count (&log, "conflict"), ==, 1);

  mc_note_clear_position (note);
  mc_note_clear_position (note);
  g_assert_cmpuint (count (&log, "has-position"), ==, 2);
  g_assert_false (mc_note_get_has_position (note));

  mc_note_set_modified (note, 5);
  mc_note_set_modified (note, 5);
  mc_note_set_created (note, 4);
  g_assert_cmpuint (count (&log, "modified"), ==, 1);
  g_assert_cmpuint (count (&log, "created"), ==, 1);
  mc_note_touch (note);
  g_assert_cmpint (mc_note_get_modified (note), >, 5);
  g_assert_cmpuint (count (&log, "modified"), ==, 2);

  g_assert_cmpuint (total (&log), ==, 16);

  /* Properties read back what the getters say. */
  g_object_get (note, "text", &text, NULL);
  g_assert_cmpstr (text, ==, "b");
  g_free (text);
  g_object_set (note, "votes", 9, NULL);
  g_assert_cmpuint (mc_note_get_votes (note), ==, 9);

  g_hash_table_unref (log.counts);
}

static void
test_dup_equal (void)
{
  g_autoptr(McNote) note = mc_note_new ("tekst");
  g_autoptr(McNote) copy = NULL;
  McRect rect = { 1, 2, 3, 4 };

  mc_note_set_anchor (note, "context", "issue");
  mc_note_set_rect (note, &rect);
  mc_note_set_author (note, "Anna");
  mc_note_set_votes (note, 2);

  copy = mc_note_dup (note);
  g_assert_true (copy != note);
  g_assert_cmpstr (mc_note_get_id (copy), ==, mc_note_get_id (note));
  g_assert_true (mc_note_equal (note, copy));

  mc_note_set_votes (copy, 3);
  g_assert_false (mc_note_equal (note, copy));
  mc_note_set_votes (copy, 2);
  g_assert_true (mc_note_equal (note, copy));
  mc_note_set_modified (copy, mc_note_get_modified (copy) + 1);
  g_assert_false (mc_note_equal (note, copy));
}

static void
test_in_board_refused (void)
{
  g_autoptr(McBoard) board = mc_board_new ();
  McNote *note = mc_note_new ("binnen");
  const char *id = mc_note_get_id (note);
  McNote *inside;

  mc_board_execute (board, mc_command_add_note (note));
  inside = mc_board_get_note (board, id);
  g_assert_nonnull (inside);
  g_assert_true (mc_note_get_in_board (inside));

  g_test_expect_message ("Missiecanvas-Core", G_LOG_LEVEL_CRITICAL, "*in_board*");
  mc_note_set_text (inside, "changed behind the board's back");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (mc_note_get_text (inside), ==, "binnen");

  g_test_expect_message ("Missiecanvas-Core", G_LOG_LEVEL_CRITICAL, "*in_board*");
  mc_note_set_votes (inside, 4);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (mc_note_get_votes (inside), ==, 0);
}

static void
test_figure (void)
{
  g_autoptr(McFigure) figure = mc_figure_new ("cimo-2", "cimo");
  g_autoptr(McFigure) copy = NULL;
  g_autoptr(McBoard) board = mc_board_new ();
  NotifyLog log;
  McFigure *inside;

  g_assert_cmpstr (mc_figure_get_id (figure), ==, "cimo-2");
  g_assert_cmpstr (mc_figure_get_kind (figure), ==, "cimo");
  g_assert_cmpfloat (mc_figure_get_scale (figure), ==, 1.0);
  g_assert_true (mc_figure_is_valid_kind ("potential-value"));
  g_assert_false (mc_figure_is_valid_kind ("venn"));

  watch (figure, &log);
  mc_figure_set_position (figure, 10, 0);
  mc_figure_set_position (figure, 10, 0);
  mc_figure_set_scale (figure, 0.5);
  mc_figure_set_scale (figure, 0.5);
  g_assert_cmpuint (count (&log, "x"), ==, 1);
  g_assert_cmpuint (count (&log, "y"), ==, 0);
  g_assert_cmpuint (count (&log, "scale"), ==, 1);
  g_hash_table_unref (log.counts);

  copy = mc_figure_dup (figure);
  g_assert_true (mc_figure_equal (figure, copy));
  mc_figure_set_scale (copy, 2);
  g_assert_false (mc_figure_equal (figure, copy));

  g_test_expect_message ("Missiecanvas-Core", G_LOG_LEVEL_CRITICAL, "*interned*");
  g_assert_null (mc_figure_new ("x", "venn"));
  g_test_assert_expected_messages ();

  mc_board_execute (board, mc_command_add_figure (g_steal_pointer (&copy)));
  inside = mc_board_get_figure (board, "cimo-2");
  g_assert_true (mc_figure_get_in_board (inside));
  g_test_expect_message ("Missiecanvas-Core", G_LOG_LEVEL_CRITICAL, "*in_board*");
  mc_figure_set_scale (inside, 3);
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (mc_figure_get_scale (inside), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/note/new", test_new);
  g_test_add_func ("/mc/note/colors", test_colors);
  g_test_add_func ("/mc/note/notify", test_notify);
  g_test_add_func ("/mc/note/dup-equal", test_dup_equal);
  g_test_add_func ("/mc/note/in-board-refused", test_in_board_refused);
  g_test_add_func ("/mc/note/figure", test_figure);

  return g_test_run ();
}
