/* test-clipboard.c — copying and pasting notes: round trip, paste in the
 * same and in another board, plain text, hostile clipboard data */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-board.h"
#include "mc-templates.h"
#include "mc-board-io.h"
#include "mc-catalog.h"
#include "mc-clipboard.h"
#include "mc-command.h"
#include "mc-editing.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-layout.h"

typedef struct
{
  McBoard  *board;
  McLayout *layout;
  McScene  *scene;
  char     *anchored;   /* cimo/mechanisms, positioned, every field set */
  char     *packed;     /* context/issue, no position */
  char     *free_note;  /* free, positioned */
} Fixture;

#define ODD_TEXT "Één café — „ß“ 🙂\nregel twee\r\nen drie"

static void
rebuild (Fixture *f)
{
  McViewOptions options;

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  g_clear_pointer (&f->scene, mc_scene_unref);
  f->scene = mc_layout_build (f->layout, f->board, &options);
}

static char *
add (McBoard *board,
     McNote  *note)
{
  char *id = g_strdup (mc_note_get_id (note));

  mc_board_execute (board, mc_command_add_note (note));
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  McNote *note;

  mc_core_ensure_resources ();
  f->board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);
  g_assert_no_error (error);
  f->layout = mc_layout_new (mc_catalog_get_default ());

  note = mc_note_new (ODD_TEXT);
  mc_note_set_anchor (note, "cimo", "mechanisms");
  mc_note_set_rect (note, &(McRect) { 2300, 360, 200, 120 });
  mc_note_set_color (note, "pink");
  mc_note_set_author (note, "Zoë");
  mc_note_set_votes (note, 3);
  mc_note_set_created (note, G_GINT64_CONSTANT (1795860000) * G_USEC_PER_SEC);
  f->anchored = add (f->board, note);

  note = mc_note_new ("ingepakt");
  mc_note_set_anchor (note, "context", "issue");
  f->packed = add (f->board, note);

  note = mc_note_new ("los");
  mc_note_set_rect (note, &(McRect) { -400, 300, 160, 110 });
  mc_note_set_color (note, "green");
  f->free_note = add (f->board, note);

  rebuild (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->scene, mc_scene_unref);
  g_clear_object (&f->layout);
  g_clear_object (&f->board);
  g_free (f->anchored);
  g_free (f->packed);
  g_free (f->free_note);
}

static McClipboardNotes *
copy_all (Fixture *f)
{
  const char *ids[] = { f->anchored, f->packed, f->free_note, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  McClipboardNotes *notes;
  gsize length;

  data = mc_clipboard_serialize (f->board, f->layout, ids, &length);
  g_assert_nonnull (data);
  g_assert_cmpuint (strlen (data), ==, length);
  notes = mc_clipboard_parse (data, (gssize) length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (notes);
  return notes;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(McClipboardNotes) notes = copy_all (f);
  const char *expected[] = { f->anchored, f->packed, f->free_note };

  /* Every field, the anchors and the figures' kinds come back. */
  g_assert_cmpuint (mc_clipboard_notes_get_n_notes (notes), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      McNote *copied = mc_clipboard_notes_get_note (notes, i);

      g_assert_cmpstr (mc_note_get_id (copied), ==, expected[i]);
      g_assert_true (mc_note_equal (copied, mc_board_get_note (f->board, expected[i])));
    }
  g_assert_cmpstr (mc_note_get_text (mc_clipboard_notes_get_note (notes, 0)), ==, ODD_TEXT);
  g_assert_cmpstr (mc_note_get_author (mc_clipboard_notes_get_note (notes, 0)), ==, "Zoë");
  g_assert_cmpstr (mc_clipboard_notes_get_figure_kind (notes, "cimo"), ==, "cimo");
  g_assert_cmpstr (mc_clipboard_notes_get_figure_kind (notes, "context"), ==, "context");
  g_assert_null (mc_clipboard_notes_get_figure_kind (notes, "coherence"));
}

static void
test_text_flavour (Fixture       *f,
                   gconstpointer  data)
{
  const char *ids[] = { f->free_note, f->anchored, "nope", NULL };
  g_autofree char *text = mc_clipboard_to_text (f->board, ids);

  /* Drawing order, one line each; a note's line breaks become spaces. */
  g_assert_cmpstr (text, ==, "Één café — „ß“ 🙂 regel twee en drie\nlos\n");
}

static void
test_paste_same_board (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(McClipboardNotes) notes = copy_all (f);
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) second = NULL;
  McHistory *history = mc_board_get_history (f->board);
  guint n_undo = mc_history_get_n_undo (history);
  McNote *original, *pasted;
  McRect a, b;

  mc_board_execute (f->board, mc_clipboard_paste_notes_command (f->board, f->layout, notes,
                                                                500, 500, &first));
  g_assert_cmpuint (mc_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 6);
  g_assert_cmpuint (g_strv_length (first), ==, 3);

  /* Anchors restored, beside the originals. */
  original = mc_board_get_note (f->board, f->anchored);
  pasted = mc_board_get_note (f->board, first[0]);
  g_assert_cmpstr (mc_note_get_id (pasted), !=, f->anchored);
  g_assert_cmpstr (mc_note_get_figure_id (pasted), ==, "cimo");
  g_assert_cmpstr (mc_note_get_region_id (pasted), ==, "mechanisms");
  g_assert_cmpstr (mc_note_get_text (pasted), ==, ODD_TEXT);
  g_assert_cmpstr (mc_note_get_color (pasted), ==, "pink");
  g_assert_cmpuint (mc_note_get_votes (pasted), ==, 3);
  g_assert_cmpint (mc_note_get_created (pasted), ==, mc_note_get_created (original));
  mc_note_get_rect (original, &a);
  mc_note_get_rect (pasted, &b);
  g_assert_cmpfloat (b.x, ==, a.x + MC_EDITING_DUPLICATE_OFFSET);
  g_assert_cmpfloat (b.y, ==, a.y + MC_EDITING_DUPLICATE_OFFSET);

  pasted = mc_board_get_note (f->board, first[1]);
  g_assert_cmpstr (mc_note_get_region_id (pasted), ==, "issue");
  g_assert_false (mc_note_get_has_position (pasted));

  pasted = mc_board_get_note (f->board, first[2]);
  g_assert_null (mc_note_get_figure_id (pasted));
  mc_note_get_rect (pasted, &b);
  g_assert_cmpfloat (b.x, ==, -400 + MC_EDITING_DUPLICATE_OFFSET);

  /* Pasting again gives another set of copies. */
  mc_board_execute (f->board, mc_clipboard_paste_notes_command (f->board, f->layout, notes,
                                                                500, 500, &second));
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 9);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (second[i], !=, first[i]);

  g_assert_true (mc_board_undo (f->board));
  g_assert_true (mc_board_undo (f->board));
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 3);
}

static void
test_paste_other_board (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(McClipboardNotes) notes = copy_all (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) other = mc_board_new_from_template ("context", MC_LANGUAGE_NL, &error);
  g_auto(GStrv) ids = NULL;
  McRect drawn_anchored, drawn_free, a, c;
  McNote *pasted;

  g_assert_no_error (error);
  mc_layout_get_note_rect (f->layout, f->anchored, &drawn_anchored);
  mc_layout_get_note_rect (f->layout, f->free_note, &drawn_free);

  mc_board_execute (other, mc_clipboard_paste_notes_command (other, NULL, notes, 2000, 100,
                                                             &ids));
  g_assert_cmpuint (mc_board_get_n_notes (other), ==, 3);

  /* The other board has no CIMO figure: free, near the paste point, and
   * still beside the free note as when copied. */
  pasted = mc_board_get_note (other, ids[0]);
  g_assert_null (mc_note_get_figure_id (pasted));
  g_assert_cmpstr (mc_note_get_text (pasted), ==, ODD_TEXT);
  mc_note_get_rect (pasted, &a);
  pasted = mc_board_get_note (other, ids[2]);
  g_assert_null (mc_note_get_figure_id (pasted));
  mc_note_get_rect (pasted, &c);
  g_assert_cmpfloat (MIN (a.x, c.x), ==, 2000);
  g_assert_cmpfloat (MIN (a.y, c.y), ==, 100);
  g_assert_cmpfloat (a.x - c.x, ==, drawn_anchored.x - drawn_free.x);
  g_assert_cmpfloat (a.y - c.y, ==, drawn_anchored.y - drawn_free.y);
  g_assert_cmpfloat (a.width, ==, drawn_anchored.width);

  /* It has the context figure: that anchor holds. */
  pasted = mc_board_get_note (other, ids[1]);
  g_assert_cmpstr (mc_note_get_figure_id (pasted), ==, "context");
  g_assert_cmpstr (mc_note_get_region_id (pasted), ==, "issue");
}

static void
test_paste_text (Fixture       *f,
                 gconstpointer  data)
{
  const char *list = "Uitkomsten van de sessie:\n- Eerste punt\n- Tweede punt\n\n* Derde\n"
                     "1. Vierde punt met\ttab\n";
  const char *expected[] = { "Uitkomsten van de sessie:", "Eerste punt", "Tweede punt",
                             "Derde", "Vierde punt met\ttab" };
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) free_ids = NULL;
  McHistory *history = mc_board_get_history (f->board);
  guint n_undo = mc_history_get_n_undo (history);
  gboolean truncated = TRUE;
  McRect area, rect, other;
  double x, y;

  g_assert_true (mc_layout_get_note_area (f->layout, "context", "issue", &area));
  x = area.x + area.width / 2;
  y = area.y + 60;
  mc_board_execute (f->board, mc_clipboard_paste_text_command (f->board, f->layout, f->scene,
                                                               list, -1, x, y, "Anna",
                                                               &truncated, &ids));
  g_assert_false (truncated);
  g_assert_cmpuint (g_strv_length (ids), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (mc_history_get_n_undo (history), ==, n_undo + 1);
  rebuild (f);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      McNote *note = mc_board_get_note (f->board, ids[i]);

      g_assert_cmpstr (mc_note_get_text (note), ==, expected[i]);
      g_assert_cmpstr (mc_note_get_author (note), ==, "Anna");
      g_assert_cmpstr (mc_note_get_figure_id (note), ==, "context");
      g_assert_cmpstr (mc_note_get_region_id (note), ==, "issue");
      g_assert_true (mc_layout_get_note_rect (f->layout, ids[i], &rect));
      /* They fit: all inside the note area, no two overlapping. */
      g_assert_true (mc_rect_contains_rect (&area, &rect));
      for (guint j = 0; j < i; j++)
        {
          g_assert_true (mc_layout_get_note_rect (f->layout, ids[j], &other));
          g_assert_false (rect.x < other.x + other.width && other.x < rect.x + rect.width &&
                          rect.y < other.y + other.height && other.y < rect.y + rect.height);
        }
    }

  /* Outside the figures: free notes in a grid at the point. */
  mc_board_execute (f->board, mc_clipboard_paste_text_command (f->board, f->layout, f->scene,
                                                               "a\nb\nc\nd", -1, -3000, -3000,
                                                               NULL, NULL, &free_ids));
  g_assert_cmpuint (g_strv_length (free_ids), ==, 4);
  mc_note_get_rect (mc_board_get_note (f->board, free_ids[3]), &rect);
  g_assert_null (mc_note_get_figure_id (mc_board_get_note (f->board, free_ids[3])));
  g_assert_cmpfloat (rect.x, ==, -3000 - MC_NOTE_DEFAULT_WIDTH / 2 + MC_NOTE_DEFAULT_WIDTH + 10);
  g_assert_cmpfloat (rect.y, ==, -3000 - MC_NOTE_DEFAULT_HEIGHT / 2 + MC_NOTE_DEFAULT_HEIGHT + 10);

  /* Nothing to paste: an empty step. */
  {
    g_autoptr(McCommand) empty = mc_clipboard_paste_text_command (f->board, f->layout, f->scene,
                                                                  " \n\n", -1, 0, 0, NULL,
                                                                  NULL, NULL);
    g_assert_true (mc_command_group_is_empty (empty));
  }
}

static void
assert_refused (const char *data,
                gssize      length,
                GQuark      domain,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McClipboardNotes) notes = mc_clipboard_parse (data, length, &error);

  g_assert_null (notes);
  g_assert_error (error, domain, code);
}

#define HEAD "{\"format\": \"missiecanvas\", \"format_version\": 1, "
#define MARK "\"clipboard\": \"missiecanvas-notes\", \"clipboard_version\": 1, "

static void
test_hostile (void)
{
  g_autoptr(GString) big = NULL;

  assert_refused ("", 0, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON);
  assert_refused ("Gewoon wat tekst", -1, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON);
  assert_refused ("{\"notes\": [", -1, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON);
  assert_refused ("[1, 2, 3]", -1, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_A_BOARD);
  assert_refused ("{\"format\": \"missiecanvas\", \"format_version\": 1, \"board\": \"\xff\xfe\"}",
                  -1, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON);
  /* A board, but no clipboard marker (or the wrong one). */
  assert_refused (HEAD "\"board\": {\"notes\": []}}", -1,
                  MC_CLIPBOARD_ERROR, MC_CLIPBOARD_ERROR_NOT_NOTES);
  assert_refused (HEAD "\"clipboard\": 7, \"board\": {}}", -1,
                  MC_CLIPBOARD_ERROR, MC_CLIPBOARD_ERROR_NOT_NOTES);
  assert_refused (HEAD "\"clipboard\": \"missiecanvas-notes\", \"clipboard_version\": 99, "
                  "\"board\": {}}", -1, MC_CLIPBOARD_ERROR, MC_CLIPBOARD_ERROR_NEWER_VERSION);
  assert_refused (HEAD "\"clipboard\": \"missiecanvas-notes\", \"clipboard_version\": \"1\", "
                  "\"board\": {}}", -1, MC_CLIPBOARD_ERROR, MC_CLIPBOARD_ERROR_INVALID);
  /* Wrong types. */
  assert_refused (HEAD MARK "\"board\": {\"notes\": \"many\"}}", -1,
                  MC_BOARD_ERROR, MC_BOARD_ERROR_INVALID);
  assert_refused (HEAD MARK "\"board\": {\"notes\": [{\"id\": \"a\", \"text\": 5}]}}", -1,
                  MC_BOARD_ERROR, MC_BOARD_ERROR_INVALID);
  assert_refused (HEAD MARK "\"board\": {\"notes\": [{\"id\": \"a\", \"x\": 1e300, \"y\": 0}]}}",
                  -1, MC_BOARD_ERROR, MC_BOARD_ERROR_INVALID);
  assert_refused (HEAD MARK "\"board\": {\"notes\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}}", -1,
                  MC_BOARD_ERROR, MC_BOARD_ERROR_DUPLICATE_ID);
  assert_refused (HEAD MARK "\"rects\": [], \"board\": {\"notes\": [{\"id\": \"a\"}]}}", -1,
                  MC_CLIPBOARD_ERROR, MC_CLIPBOARD_ERROR_INVALID);
  assert_refused (HEAD MARK "\"rects\": {\"a\": [0, 0, \"w\", 1]}, "
                  "\"board\": {\"notes\": [{\"id\": \"a\"}]}}", -1,
                  MC_CLIPBOARD_ERROR, MC_CLIPBOARD_ERROR_INVALID);
  assert_refused (HEAD MARK "\"rects\": {\"a\": [0, 0, -5, 1]}, "
                  "\"board\": {\"notes\": [{\"id\": \"a\"}]}}", -1,
                  MC_CLIPBOARD_ERROR, MC_CLIPBOARD_ERROR_INVALID);

  /* Deep nesting, in a member nobody reads. */
  big = g_string_new (HEAD MARK "\"deep\": ");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (big, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (big, ']');
  g_string_append (big, ", \"board\": {}}");
  assert_refused (big->str, (gssize) big->len, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_DEEP);

  /* 100,000 notes: more than one paste takes. */
  g_string_assign (big, HEAD MARK "\"board\": {\"notes\": [");
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (big, "%s{\"id\": \"n%u\"}", i > 0 ? ", " : "", i);
  g_string_append (big, "]}}");
  assert_refused (big->str, (gssize) big->len, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE);

  /* Larger than any board file may be: refused before parsing. */
  g_string_set_size (big, MC_BOARD_MAX_FILE_SIZE + 1);
  memset (big->str, ' ', big->len);
  assert_refused (big->str, (gssize) big->len, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE);

  /* A text longer than the file allows. */
  g_string_assign (big, HEAD MARK "\"board\": {\"notes\": [{\"id\": \"a\", \"text\": \"");
  for (guint i = 0; i < MC_BOARD_MAX_TEXT_LENGTH + 10; i++)
    g_string_append_c (big, 'x');
  g_string_append (big, "\"}]}}");
  assert_refused (big->str, (gssize) big->len, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/mc/clipboard/round-trip", test_round_trip);
  ADD ("/mc/clipboard/text-flavour", test_text_flavour);
  ADD ("/mc/clipboard/paste-same-board", test_paste_same_board);
  ADD ("/mc/clipboard/paste-other-board", test_paste_other_board);
  ADD ("/mc/clipboard/paste-text", test_paste_text);
  g_test_add_func ("/mc/clipboard/hostile", test_hostile);

#undef ADD

  return g_test_run ();
}
