/* test-board-io.c — reading and writing *.missiecanvas files */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mc-board-io.h"
#include "mc-board-io-private.h"
#include "mc-board-private.h"
#include "mc-command.h"
#include "mc-history.h"
#include "mc-test-util.h"

#define NOTE_A "0b6f7a52-2d0e-4a77-9a3c-5f6f0f0e0a01"
#define NOTE_B "0b6f7a52-2d0e-4a77-9a3c-5f6f0f0e0a02"
#define NOTE_C "0b6f7a52-2d0e-4a77-9a3c-5f6f0f0e0a03"

/* 2026-11-22T10:00:00Z */
#define T0 G_GINT64_CONSTANT (1795341600000000)

static McBoard *
build_board (void)
{
  McBoard *board = mc_board_new ();
  g_autoptr(McFigure) cimo = mc_figure_new ("cimo", "cimo");
  g_autoptr(McFigure) persp = mc_figure_new ("perspectives", "perspectives");
  McNote *a = mc_note_new_with_id (NOTE_A);
  McNote *b = mc_note_new_with_id (NOTE_B);
  McNote *c = mc_note_new_with_id (NOTE_C);
  McRect rect = { 40, 120.5, 160, 110 };
  McRect free_rect = { -300.25, 5000, 200, 90 };

  mc_board_execute (board, mc_command_set_title (board, "Wijkleerlab \"Overvecht\"\n"));
  mc_board_execute (board, mc_command_set_language (board, MC_LANGUAGE_EN));
  mc_board_execute (board, mc_command_set_phase (board, MC_PHASE_MONITOR));
  mc_board_execute (board, mc_command_set_meta (board, MC_META_DATE, "2026-11-22"));
  mc_board_execute (board, mc_command_set_meta (board, MC_META_CASE, "Overvecht — wijk"));

  mc_figure_set_position (persp, 1120, 920);
  mc_figure_set_scale (persp, 0.75);
  mc_board_execute (board, mc_command_add_figure (g_steal_pointer (&cimo)));
  mc_board_execute (board, mc_command_add_figure (g_steal_pointer (&persp)));

  mc_note_set_text (a, "Bewoners willen meepraten\nover groen");
  mc_note_set_anchor (a, "cimo", "context");
  mc_note_set_rect (a, &rect);
  mc_note_set_author (a, "Anna");
  mc_note_set_created (a, T0);
  mc_note_set_modified (a, T0 + 300 * G_USEC_PER_SEC);

  mc_note_set_text (b, "Tab\there, quote \" and backslash \\ and \x01 control");
  mc_note_set_color (b, "blue");
  mc_note_set_anchor (b, "perspectives", "social");
  mc_note_set_votes (b, 7);
  mc_note_set_conflict (b, TRUE);
  mc_note_set_created (b, T0);
  mc_note_set_modified (b, T0);

  mc_note_set_text (c, "Vrije notitie ✓");
  mc_note_set_color (c, "green");
  mc_note_set_rect (c, &free_rect);
  mc_note_set_created (c, -G_GINT64_CONSTANT (86400000000)); /* 1969-12-31 */
  mc_note_set_modified (c, T0);

  mc_board_execute (board, mc_command_add_note (a));
  mc_board_execute (board, mc_command_add_note (b));
  mc_board_execute (board, mc_command_add_note (c));

  return board;
}

static void
assert_boards_equal (McBoard *a,
                     McBoard *b)
{
  g_auto(GStrv) keys_a = mc_board_dup_meta_keys (a);
  g_auto(GStrv) keys_b = mc_board_dup_meta_keys (b);
  GPtrArray *notes_a = mc_board_get_notes (a);
  GPtrArray *notes_b = mc_board_get_notes (b);
  GPtrArray *figs_a = mc_board_get_figures (a);
  GPtrArray *figs_b = mc_board_get_figures (b);

  g_assert_cmpstr (mc_board_get_title (a), ==, mc_board_get_title (b));
  g_assert_cmpint (mc_board_get_language (a), ==, mc_board_get_language (b));
  g_assert_cmpint (mc_board_get_phase (a), ==, mc_board_get_phase (b));
  g_assert_true (g_strv_equal ((const char * const *) keys_a, (const char * const *) keys_b));
  for (guint i = 0; keys_a[i] != NULL; i++)
    g_assert_cmpstr (mc_board_get_meta (a, keys_a[i]), ==, mc_board_get_meta (b, keys_a[i]));

  g_assert_cmpuint (figs_a->len, ==, figs_b->len);
  for (guint i = 0; i < figs_a->len; i++)
    g_assert_true (mc_figure_equal (figs_a->pdata[i], figs_b->pdata[i]));

  g_assert_cmpuint (notes_a->len, ==, notes_b->len);
  for (guint i = 0; i < notes_a->len; i++)
    g_assert_true (mc_note_equal (notes_a->pdata[i], notes_b->pdata[i]));
}

static void
test_round_trip (void)
{
  g_autoptr(McBoard) board = build_board ();
  g_autoptr(McBoard) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len, second_len;

  first = mc_board_to_data (board, &first_len);
  g_assert_cmpuint (strlen (first), ==, first_len);
  g_assert_true (g_str_has_prefix (first,
                                   "{\n  \"format\": \"missiecanvas\",\n"
                                   "  \"format_version\": 1,\n"
                                   "  \"generator\": \"missiecanvas " PACKAGE_VERSION "\",\n"
                                   "  \"board\": {\n"
                                   "    \"title\": \"Wijkleerlab \\\"Overvecht\\\"\\n\",\n"));
  g_assert_nonnull (strstr (first, "\"created\": \"2026-11-22T10:00:00Z\""));
  g_assert_nonnull (strstr (first, "\"modified\": \"2026-11-22T10:05:00Z\""));
  g_assert_nonnull (strstr (first, "\"created\": \"1969-12-31T00:00:00Z\""));
  g_assert_nonnull (strstr (first, "\"x\": -300.25"));
  g_assert_nonnull (strstr (first, "\\u0001 control"));
  g_assert_true (g_str_has_suffix (first, "}\n"));

  loaded = mc_board_load_from_data (first, first_len, "round.missiecanvas", MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_false (mc_board_get_modified (loaded));
  g_assert_false (mc_board_get_read_only (loaded));
  g_assert_cmpstr (mc_board_get_load_warnings (loaded)[0], ==, NULL);
  assert_boards_equal (board, loaded);

  second = mc_board_to_data (loaded, &second_len);
  g_assert_cmpuint (first_len, ==, second_len);
  g_assert_cmpstr (first, ==, second);
}

/* The generator line names the build that wrote the file; the rest of the
 * bytes must match exactly. */
static char *
without_generator (const char *json)
{
  g_autoptr(GRegex) regex = g_regex_new ("\n  \"generator\": \"[^\"]*\",", 0, 0, NULL);

  return g_regex_replace_literal (regex, json, -1, 0, "", 0, NULL);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "v1", name, NULL);
}

/* The version 1 sample: loads, and is exactly what the writer produces. */
static void
test_sample_v1 (void)
{
  g_autofree char *path = data_path ("sample.missiecanvas");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(McBoard) board = NULL;
  g_autoptr(McBoard) expected = build_board ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *written = NULL;

  board = mc_board_load_from_file (file, MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (mc_board_get_file (board), file));
  g_assert_cmpuint (mc_board_get_n_notes (board), ==, 3);
  g_assert_cmpstr (mc_note_get_author (mc_board_get_note (board, NOTE_A)), ==, "Anna");
  assert_boards_equal (expected, board);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  written = mc_board_to_data (board, NULL);
  {
    g_autofree char *a = without_generator (written);
    g_autofree char *b = without_generator (contents);

    g_assert_cmpuint (strlen (a), <, strlen (written));
    g_assert_cmpstr (a, ==, b);
  }
}

static void
test_unknown_members (void)
{
  static const char input[] =
    "{\"format\": \"missiecanvas\", \"format_version\": 1, \"generator\": \"other 9\",\n"
    " \"top_extra\": {\"nested\": [1, 2.5, \"x\", null, true, {}, []]},\n"
    " \"board\": {\"title\": \"T\", \"future\": [\"a\"],\n"
    "   \"figures\": [{\"id\": \"cimo\", \"kind\": \"cimo\", \"x\": 0, \"y\": 0, \"scale\": 1,"
    "                 \"style\": {\"frame\": false}}],\n"
    "   \"notes\": [{\"id\": \"n1\", \"text\": \"hi\", \"figure\": \"cimo\", \"region\": \"context\","
    "               \"cluster\": \"c7\", \"reactions\": {\"+1\": 3}, \"ratio\": 0.1}]}}";
  g_autoptr(McBoard) board = NULL;
  g_autoptr(McBoard) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *b, *note, *figure;

  board = mc_board_load_from_data (input, strlen (input), "extra.missiecanvas", 0, &error);
  g_assert_no_error (error);
  out = mc_board_to_data (board, NULL);

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "generator"), ==, "missiecanvas " PACKAGE_VERSION);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
                     json_object_get_object_member (root, "top_extra"), "nested")), ==, 7);
  b = json_object_get_object_member (root, "board");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (b, "future"), 0), ==, "a");
  figure = json_array_get_object_element (json_object_get_array_member (b, "figures"), 0);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (figure, "style"), "frame"));
  note = json_array_get_object_element (json_object_get_array_member (b, "notes"), 0);
  g_assert_cmpstr (json_object_get_string_member (note, "cluster"), ==, "c7");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (note, "reactions"), "+1"), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (note, "ratio"), ==, 0.1);
  g_assert_nonnull (strstr (out, "\"ratio\": 0.1"));

  /* Unknown members follow the known ones, in their order: stable bytes. */
  again = mc_board_load_from_data (out, strlen (out), "extra.missiecanvas", 0, &error);
  g_assert_no_error (error);
  out2 = mc_board_to_data (again, NULL);
  g_assert_cmpstr (out, ==, out2);

  /* An edit through a command keeps the note's unknown members. */
  mc_board_execute (again, mc_command_set_note_text (again, "n1", "changed"));
  g_clear_pointer (&out2, g_free);
  out2 = mc_board_to_data (again, NULL);
  g_assert_nonnull (strstr (out2, "\"cluster\": \"c7\""));
  g_assert_nonnull (strstr (out2, "\"text\": \"changed\""));
}

typedef struct
{
  const char   *name;
  const char   *data;
  McBoardError  code;
  const char   *message; /* a part of the message: the location */
} BadInput;

#define HEAD "{\"format\": \"missiecanvas\", \"format_version\": 1, \"board\": "
#define NOTE(members) HEAD "{\"notes\": [{\"id\": \"n0\"}, {\"id\": \"n1\"}, {\"id\": \"n2\"}, {" members "}]}}"

static const BadInput bad_inputs[] = {
  { "empty", "", MC_BOARD_ERROR_NOT_JSON, "bad.missiecanvas: the file is empty" },
  { "blank", " \n\t ", MC_BOARD_ERROR_NOT_JSON, "the file is empty" },
  { "truncated", "{\n  \"format\": \"missiecanvas\",\n  \"board\": {\"notes\": [",
    MC_BOARD_ERROR_NOT_JSON, "bad.missiecanvas:3:" },
  { "not-json", "Dit is geen JSON", MC_BOARD_ERROR_NOT_JSON, "bad.missiecanvas:1:" },
  { "nan", HEAD "{\"notes\": [{\"id\": \"a\", \"width\": NaN}]}}", MC_BOARD_ERROR_NOT_JSON, "bad.missiecanvas:1:" },
  { "not-utf8", "{\"format\": \"missiecanvas\", \"x\": \"\xff\xfe\"}", MC_BOARD_ERROR_NOT_JSON, "bad.missiecanvas:1:34: not valid UTF-8" },
  { "array-root", "[1, 2]", MC_BOARD_ERROR_NOT_A_BOARD, "bad.missiecanvas: not a Missiecanvas board" },
  { "no-format", "{\"board\": {}}", MC_BOARD_ERROR_NOT_A_BOARD, "\"format\" is missing" },
  { "other-format", "{\"format\": \"excalidraw\"}", MC_BOARD_ERROR_NOT_A_BOARD,
    "bad.missiecanvas: format: expected “missiecanvas”, got “excalidraw”" },
  { "no-version", "{\"format\": \"missiecanvas\", \"board\": {}}", MC_BOARD_ERROR_INVALID, "format_version: expected a whole number" },
  { "string-version", "{\"format\": \"missiecanvas\", \"format_version\": \"1\", \"board\": {}}",
    MC_BOARD_ERROR_INVALID, "format_version: expected a whole number, got “1”" },
  { "no-board", "{\"format\": \"missiecanvas\", \"format_version\": 1}", MC_BOARD_ERROR_INVALID, "board: expected an object" },
  { "board-array", HEAD "[]}", MC_BOARD_ERROR_INVALID, "board: expected an object, got an array" },
  { "title-number", HEAD "{\"title\": 5}}", MC_BOARD_ERROR_INVALID, "board.title: expected a string, got 5" },
  { "language", HEAD "{\"language\": \"de\"}}", MC_BOARD_ERROR_INVALID, "board.language: expected “nl” or “en”, got “de”" },
  { "phase", HEAD "{\"phase\": \"end\"}}", MC_BOARD_ERROR_INVALID, "board.phase:" },
  { "meta-type", HEAD "{\"meta\": {\"case\": 3}}}", MC_BOARD_ERROR_INVALID, "board.meta.case: expected a string, got 3" },
  { "meta-date", HEAD "{\"meta\": {\"date\": \"22-11-2026\"}}}", MC_BOARD_ERROR_INVALID, "board.meta.date: expected an ISO 8601 date" },
  { "notes-object", HEAD "{\"notes\": {}}}", MC_BOARD_ERROR_INVALID, "board.notes: expected an array, got an object" },
  { "note-string", HEAD "{\"notes\": [\"hello\"]}}", MC_BOARD_ERROR_INVALID, "board.notes[0]: expected an object, got “hello”" },
  { "missing-id", NOTE ("\"text\": \"x\""), MC_BOARD_ERROR_INVALID, "board.notes[3].id: expected an id, but the member is missing" },
  { "empty-id", NOTE ("\"id\": \"\""), MC_BOARD_ERROR_INVALID, "board.notes[3].id: expected a non-empty id" },
  { "number-id", NOTE ("\"id\": 12"), MC_BOARD_ERROR_INVALID, "board.notes[3].id: expected a string, got 12" },
  { "duplicate-id", NOTE ("\"id\": \"n1\""), MC_BOARD_ERROR_DUPLICATE_ID, "board.notes[3].id: the id “n1” is used by an earlier note" },
  { "negative-width", NOTE ("\"id\": \"n3\", \"width\": -5"), MC_BOARD_ERROR_INVALID,
    "bad.missiecanvas: board.notes[3].width: expected a positive number up to 1e+07, got -5" },
  { "zero-height", NOTE ("\"id\": \"n3\", \"height\": 0"), MC_BOARD_ERROR_INVALID, "board.notes[3].height: expected a positive number" },
  { "huge-width", NOTE ("\"id\": \"n3\", \"width\": 1e400"), MC_BOARD_ERROR_INVALID, "board.notes[3].width: expected a positive number up to 1e+07, got inf" },
  { "huge-x", NOTE ("\"id\": \"n3\", \"x\": 2e7, \"y\": 0"), MC_BOARD_ERROR_INVALID, "board.notes[3].x: expected a number between" },
  { "string-width", NOTE ("\"id\": \"n3\", \"width\": \"wide\""), MC_BOARD_ERROR_INVALID, "board.notes[3].width: expected a positive number up to 1e+07, got “wide”" },
  { "x-without-y", NOTE ("\"id\": \"n3\", \"x\": 4"), MC_BOARD_ERROR_INVALID, "board.notes[3].y: expected both x and y" },
  { "votes", NOTE ("\"id\": \"n3\", \"votes\": 10001"), MC_BOARD_ERROR_INVALID, "board.notes[3].votes: expected a whole number from 0 to 10000, got 10001" },
  { "votes-fraction", NOTE ("\"id\": \"n3\", \"votes\": 1.5"), MC_BOARD_ERROR_INVALID, "board.notes[3].votes:" },
  { "color", NOTE ("\"id\": \"n3\", \"color\": \"red\""), MC_BOARD_ERROR_INVALID, "board.notes[3].color: expected a note colour" },
  { "created", NOTE ("\"id\": \"n3\", \"created\": \"yesterday\""), MC_BOARD_ERROR_INVALID, "board.notes[3].created: expected an ISO 8601 time" },
  { "modified-date", NOTE ("\"id\": \"n3\", \"modified\": \"2026-02-30T10:00:00Z\""), MC_BOARD_ERROR_INVALID, "board.notes[3].modified:" },
  { "region-alone", NOTE ("\"id\": \"n3\", \"region\": \"context\""), MC_BOARD_ERROR_INVALID, "board.notes[3].figure: expected both figure and region" },
  { "empty-region", NOTE ("\"id\": \"n3\", \"figure\": \"cimo\", \"region\": \"\""), MC_BOARD_ERROR_INVALID, "board.notes[3].region:" },
  { "conflict", NOTE ("\"id\": \"n3\", \"conflict\": 1"), MC_BOARD_ERROR_INVALID, "board.notes[3].conflict: expected true or false, got 1" },
  { "figure-kind", HEAD "{\"figures\": [{\"id\": \"f\", \"kind\": \"venn\"}]}}", MC_BOARD_ERROR_INVALID, "board.figures[0].kind: expected a figure kind" },
  { "figure-no-kind", HEAD "{\"figures\": [{\"id\": \"f\"}]}}", MC_BOARD_ERROR_INVALID, "board.figures[0].kind:" },
  { "figure-scale", HEAD "{\"figures\": [{\"id\": \"f\", \"kind\": \"cimo\", \"scale\": -1}]}}", MC_BOARD_ERROR_INVALID, "board.figures[0].scale: expected a positive number" },
  { "figure-dup", HEAD "{\"figures\": [{\"id\": \"f\", \"kind\": \"cimo\"}, {\"id\": \"f\", \"kind\": \"context\"}]}}",
    MC_BOARD_ERROR_DUPLICATE_ID, "board.figures[1].id: the id “f” is used by an earlier figure" },
  { "newer", "{\"format\": \"missiecanvas\", \"format_version\": 2, \"board\": {}}", MC_BOARD_ERROR_NEWER_VERSION,
    "bad.missiecanvas: format_version: this board was saved by a newer Missiecanvas (format version 2" },
  { "older-unknown", "{\"format\": \"missiecanvas\", \"format_version\": 0, \"board\": {}}", MC_BOARD_ERROR_INVALID,
    "format_version: cannot read format version 0" },
};

static void
test_malformed (gconstpointer data)
{
  const BadInput *bad = data;
  g_autoptr(GError) error = NULL;
  McBoard *board;

  board = mc_board_load_from_data (bad->data, strlen (bad->data), "bad.missiecanvas",
                                   MC_BOARD_LOAD_NONE, &error);
  g_assert_null (board);
  g_assert_error (error, MC_BOARD_ERROR, (int) bad->code);
  if (strstr (error->message, bad->message) == NULL)
    {
      g_test_message ("%s: message “%s” lacks “%s”", bad->name, error->message, bad->message);
      g_test_fail ();
    }
}

static void
test_huge_string (void)
{
  gsize n = 10 * 1024 * 1024;
  GString *input = g_string_sized_new (n + 200);
  g_autoptr(GError) error = NULL;
  McBoard *board;

  g_string_append (input, HEAD "{\"notes\": [{\"id\": \"big\", \"text\": \"");
  for (gsize i = 0; i < n; i++)
    g_string_append_c (input, 'a' + i % 26);
  g_string_append (input, "\"}]}}");

  board = mc_board_load_from_data (input->str, input->len, "big.missiecanvas", 0, &error);
  g_assert_null (board);
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.missiecanvas: board.notes[0].text: expected at most 65536 bytes, got 10485760"));

  g_string_free (input, TRUE);
}

static void
test_too_deep (void)
{
  guint depth = 10000;
  GString *input = g_string_new (HEAD "{\"notes\": [{\"id\": \"n\", \"deep\": ");
  g_autoptr(GError) error = NULL;
  McBoard *board;

  for (guint i = 0; i < depth; i++)
    g_string_append (input, i % 2 ? "{\"a\": " : "[");
  g_string_append (input, "0");
  for (guint i = depth; i > 0; i--)
    g_string_append (input, (i - 1) % 2 ? "}" : "]");
  g_string_append (input, "}]}}");

  board = mc_board_load_from_data (input->str, input->len, "deep.missiecanvas", 0, &error);
  g_assert_null (board);
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, "deep.missiecanvas:1:"));

  /* Brackets inside strings do not count. */
  g_string_truncate (input, 0);
  g_string_append (input, HEAD "{\"title\": \"");
  for (guint i = 0; i < 1000; i++)
    g_string_append (input, "[{\\\"");
  g_string_append (input, "\"}}");
  g_clear_error (&error);
  board = mc_board_load_from_data (input->str, input->len, "deep.missiecanvas", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (mc_board_get_title (board)), ==, 3000);
  g_object_unref (board);

  g_string_free (input, TRUE);
}

static void
test_too_many (void)
{
  GString *input = g_string_new (HEAD "{\"figures\": [");
  g_autoptr(GError) error = NULL;
  McBoard *board;

  for (guint i = 0; i <= MC_BOARD_MAX_FIGURES; i++)
    g_string_append_printf (input, "%s{\"id\": \"f%u\", \"kind\": \"cimo\"}", i ? ", " : "", i);
  g_string_append (input, "]}}");

  board = mc_board_load_from_data (input->str, input->len, "many.missiecanvas", 0, &error);
  g_assert_null (board);
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "board.figures: expected at most 1000 figures, got 1001"));
  g_string_free (input, TRUE);
}

static void
test_newer_read_only (void)
{
  static const char input[] =
    "{\"format\": \"missiecanvas\", \"format_version\": 7, \"board\": {\"title\": \"Later\","
    " \"notes\": [{\"id\": \"n\", \"text\": \"t\", \"shape\": \"circle\"}]}}";
  g_autoptr(McBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McNote) note = NULL;

  board = mc_board_load_from_data (input, strlen (input), "later.missiecanvas",
                                   MC_BOARD_LOAD_ALLOW_NEWER, &error);
  g_assert_no_error (error);
  g_assert_true (mc_board_get_read_only (board));
  g_assert_cmpstr (mc_board_get_title (board), ==, "Later");
  g_assert_nonnull (mc_board_get_load_warnings (board)[0]);

  /* Edits are refused quietly; nothing changes, nothing is recorded. */
  mc_board_execute (board, mc_command_set_title (board, "Edited"));
  g_assert_cmpstr (mc_board_get_title (board), ==, "Later");
  g_assert_false (mc_history_get_can_undo (mc_board_get_history (board)));
  g_assert_false (mc_board_get_modified (board));
}

static void
test_missing_figure (void)
{
  static const char input[] =
    HEAD "{\"figures\": [{\"id\": \"cimo\", \"kind\": \"cimo\"}],"
    " \"notes\": [{\"id\": \"kept\", \"text\": \"Op de verdwenen figuur\", \"figure\": \"cimo-2\","
    "              \"region\": \"context\", \"x\": 10, \"y\": 20},"
    "             {\"id\": \"fine\", \"figure\": \"cimo\", \"region\": \"outcomes\"}]}}";
  g_autoptr(McBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *warnings;
  McNote *kept, *fine;

  board = mc_board_load_from_data (input, strlen (input), "lost.missiecanvas", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_board_get_n_notes (board), ==, 2);

  kept = mc_board_get_note (board, "kept");
  g_assert_null (mc_note_get_figure_id (kept));
  g_assert_null (mc_note_get_region_id (kept));
  g_assert_cmpstr (mc_note_get_text (kept), ==, "Op de verdwenen figuur");
  fine = mc_board_get_note (board, "fine");
  g_assert_cmpstr (mc_note_get_figure_id (fine), ==, "cimo");
  g_assert_false (mc_note_get_has_position (fine));

  warnings = mc_board_get_load_warnings (board);
  g_assert_nonnull (warnings[0]);
  g_assert_nonnull (strstr (warnings[0], "cimo-2"));
  g_assert_null (warnings[1]);
}

static gboolean
fake_migrate_0_to_1 (JsonObject  *root,
                     GError     **error)
{
  JsonObject *board = json_object_get_object_member (root, "board");

  /* Version "0" called the title "name". */
  if (board == NULL || !json_object_has_member (board, "name"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no name");
      return FALSE;
    }
  json_object_set_string_member (board, "title", json_object_get_string_member (board, "name"));
  json_object_remove_member (board, "name");
  return TRUE;
}

static void
test_migrations (void)
{
  static const McBoardMigration table[] = { { 0, fake_migrate_0_to_1 } };
  static const char v0[] = "{\"format\": \"missiecanvas\", \"format_version\": 0, \"board\": {\"name\": \"Oud\"}}";
  static const char v0_bad[] = "{\"format\": \"missiecanvas\", \"format_version\": 0, \"board\": {}}";
  g_autoptr(McBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  _mc_board_io_set_migrations_for_test (table, G_N_ELEMENTS (table));

  board = mc_board_load_from_data (v0, strlen (v0), "v0.missiecanvas", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_board_get_title (board), ==, "Oud");
  out = mc_board_to_data (board, NULL);
  g_assert_nonnull (strstr (out, "\"format_version\": 1,"));
  g_assert_null (strstr (out, "\"name\""));

  g_assert_null (mc_board_load_from_data (v0_bad, strlen (v0_bad), "v0.missiecanvas", 0, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "v0.missiecanvas: format_version: could not bring format version 0 up to date: no name"));

  _mc_board_io_set_migrations_for_test (NULL, 0);
  g_clear_error (&error);
  g_assert_null (mc_board_load_from_data (v0, strlen (v0), "v0.missiecanvas", 0, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_INVALID);
}

static void
test_example (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();

  g_assert_true (MC_IS_BOARD (board));
  /* The example is the model template filled in: all nine figures. */
  g_assert_cmpuint (mc_board_get_figures (board)->len, ==, 9);
  g_assert_cmpuint (mc_board_get_n_notes (board), >, 0);
  g_assert_cmpstr (mc_board_get_title (board), !=, "");
  g_assert_null (mc_board_get_load_warnings (board)[0]);
  g_assert_false (mc_board_get_read_only (board));
  g_assert_false (mc_board_get_modified (board));
  g_assert_null (mc_board_get_file (board));
  g_assert_false (mc_history_get_can_undo (mc_board_get_history (board)));
}

/* Saving */

typedef struct
{
  char *dir;
  char *path;
} SaveFixture;

static void
save_setup (SaveFixture   *fixture,
            gconstpointer  data)
{
  fixture->dir = mc_test_make_tmp_dir ("mc-save-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "bord.missiecanvas", NULL);
}

static void
save_teardown (SaveFixture   *fixture,
               gconstpointer  data)
{
  mc_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static guint
count_entries (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_save_backup (SaveFixture   *fixture,
                  gconstpointer  data)
{
  g_autoptr(McBoard) board = build_board ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = g_strconcat (fixture->path, "~", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *expected = NULL;
  struct stat st;

  g_assert_true (mc_board_get_modified (board));
  g_assert_true (mc_board_save_to_file (board, file, &error));
  g_assert_no_error (error);
  g_assert_false (mc_board_get_modified (board));
  g_assert_true (g_file_equal (mc_board_get_file (board), file));
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);

  first = read_file (fixture->path);
  expected = mc_board_to_data (board, NULL);
  g_assert_cmpstr (first, ==, expected);
  g_assert_cmpint (stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0600, ==, 0600);

  mc_board_execute (board, mc_command_set_title (board, "Tweede versie"));
  g_assert_true (mc_board_get_modified (board));
  g_assert_true (mc_board_save_to_file (board, file, &error));
  g_assert_no_error (error);
  g_assert_false (mc_board_get_modified (board));

  second = read_file (fixture->path);
  backup = read_file (backup_path);
  g_assert_cmpstr (backup, ==, first);
  g_assert_nonnull (strstr (second, "Tweede versie"));
  /* NAME, NAME~ and no temporary files left behind. */
  g_assert_cmpuint (count_entries (fixture->dir), ==, 2);
}

static void
assert_failed_save_untouched (SaveFixture *fixture,
                              McSaveFault  fault)
{
  g_autoptr(McBoard) board = build_board ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GFile) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  g_autofree char *board_before = NULL;
  g_autofree char *board_after = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "old.missiecanvas", NULL);

  g_assert_true (g_file_set_contents (fixture->path, "original contents\n", -1, NULL));
  other = g_file_new_for_path (other_path);
  mc_board_set_file (board, other);
  board_before = mc_board_to_data (board, NULL);

  _mc_board_io_set_save_fault_for_test (fault);
  g_assert_false (mc_board_save_to_file (board, file, &error));
  _mc_board_io_set_save_fault_for_test (MC_SAVE_FAULT_NONE);

  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "bord.missiecanvas"));
  after = read_file (fixture->path);
  g_assert_cmpstr (after, ==, "original contents\n");
  g_assert_true (mc_board_get_modified (board));
  g_assert_true (g_file_equal (mc_board_get_file (board), other));
  board_after = mc_board_to_data (board, NULL);
  g_assert_cmpstr (board_before, ==, board_after);
  /* The temporary file is gone: only NAME (and maybe NAME~) remain. */
  g_assert_cmpuint (count_entries (fixture->dir), <=, 2);
  if (count_entries (fixture->dir) == 2)
    {
      g_autofree char *backup_path = g_strconcat (fixture->path, "~", NULL);
      g_autofree char *backup = read_file (backup_path);

      g_assert_cmpstr (backup, ==, "original contents\n");
    }
}

static void
test_save_fault_write (SaveFixture   *fixture,
                       gconstpointer  data)
{
  assert_failed_save_untouched (fixture, MC_SAVE_FAULT_WRITE);
}

static void
test_save_fault_backup (SaveFixture   *fixture,
                        gconstpointer  data)
{
  assert_failed_save_untouched (fixture, MC_SAVE_FAULT_BACKUP);
}

static void
test_save_fault_rename (SaveFixture   *fixture,
                        gconstpointer  data)
{
  assert_failed_save_untouched (fixture, MC_SAVE_FAULT_RENAME);
}

static void
test_save_missing_directory (SaveFixture   *fixture,
                             gconstpointer  data)
{
  g_autoptr(McBoard) board = build_board ();
  g_autofree char *path = g_build_filename (fixture->dir, "nope", "bord.missiecanvas", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_board_save_to_file (board, file, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (mc_board_get_modified (board));
  g_assert_null (mc_board_get_file (board));
}

static void
test_save_target_is_directory (SaveFixture   *fixture,
                               gconstpointer  data)
{
  g_autoptr(McBoard) board = build_board ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
  g_assert_false (mc_board_save_to_file (board, file, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "bord.missiecanvas"));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
  g_assert_true (mc_board_get_modified (board));
}

/* A read-only file in a read-only folder. Root may write anywhere, so the
 * save runs in a child that first gives up root. */
static void
test_save_read_only_directory (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("MC_TEST_SAVE_PATH");
      g_autoptr(McBoard) board = build_board ();
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      if (geteuid () == 0)
        g_assert_cmpint (setuid (65534), ==, 0);

      g_assert_false (mc_board_save_to_file (board, file, &error));
      g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "bord.missiecanvas"));
      g_assert_true (mc_board_get_modified (board));
      g_assert_null (mc_board_get_file (board));
      return;
    }
  else
    {
      SaveFixture fixture;
      g_autofree char *contents = NULL;

      save_setup (&fixture, NULL);
      g_assert_true (g_file_set_contents (fixture.path, "original contents\n", -1, NULL));
      g_assert_cmpint (chmod (fixture.path, 0444), ==, 0);
      g_assert_cmpint (chmod (fixture.dir, 0555), ==, 0);
      g_setenv ("MC_TEST_SAVE_PATH", fixture.path, TRUE);

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();

      contents = read_file (fixture.path);
      g_assert_cmpstr (contents, ==, "original contents\n");
      g_assert_cmpuint (count_entries (fixture.dir), ==, 1);
      save_teardown (&fixture, NULL);
    }
}

static void
test_save_through_symlink (SaveFixture   *fixture,
                           gconstpointer  data)
{
  g_autoptr(McBoard) board = build_board ();
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.missiecanvas", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "old\n", -1, NULL));
  g_assert_cmpint (symlink ("bord.missiecanvas", link_path), ==, 0);

  g_assert_true (mc_board_save_to_file (board, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  contents = read_file (fixture->path);
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\": \"missiecanvas\""));
}

/* Saving never replaces what is not a writable regular file: a FIFO, a
 * symbolic link that points nowhere, a device, a read-only file. (A valid
 * symbolic link is followed: save/through-symlink.) */
static void
assert_save_refused (const char *path,
                     const char *why)
{
  g_autoptr(McBoard) board = build_board ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_board_save_to_file (board, file, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, why));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (mc_board_get_modified (board));
  g_assert_null (mc_board_get_file (board));
}

static void
test_save_refuses_non_files (SaveFixture   *fixture,
                             gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.missiecanvas", NULL);
  g_autofree char *contents = NULL;
  struct stat st;

  g_assert_cmpint (mkfifo (fixture->path, 0600), ==, 0);
  assert_save_refused (fixture->path, "pipe, device or socket");
  g_assert_cmpint (lstat (fixture->path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);

  g_assert_cmpint (symlink ("missing.missiecanvas", link_path), ==, 0);
  assert_save_refused (link_path, "symbolic link");
  g_assert_cmpint (lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);

  assert_save_refused ("/dev/null", "pipe, device or socket");
  assert_save_refused ("/dev/stdout", "");
  g_assert_cmpint (stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  /* Read-only is refused even for root, who could write it. */
  g_assert_true (g_file_set_contents (fixture->path, "original contents\n", -1, NULL));
  g_assert_cmpint (chmod (fixture->path, 0444), ==, 0);
  assert_save_refused (fixture->path, "read-only");
  contents = read_file (fixture->path);
  g_assert_cmpstr (contents, ==, "original contents\n");
  g_assert_cmpuint (count_entries (fixture->dir), ==, 2);
}

/* Killed saves leave NAME.tmp-XXXXXX (and NAME.tmp-XXXXXX~ while keeping
 * the backup); the next save removes them, but not a live save's, which is
 * locked, and nothing of other files. */
static void
test_save_removes_abandoned_temporaries (SaveFixture   *fixture,
                                         gconstpointer  data)
{
  g_autoptr(McBoard) board = build_board ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dead = g_strconcat (fixture->path, ".tmp-AAAAAA", NULL);
  g_autofree char *dead_backup = g_strconcat (fixture->path, ".tmp-BBBBBB~", NULL);
  g_autofree char *live = g_strconcat (fixture->path, ".tmp-CCCCCC", NULL);
  g_autofree char *live_backup = g_strconcat (fixture->path, ".tmp-CCCCCC~", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "ander.missiecanvas.tmp-DDDDDD", NULL);
  int live_fd;

  g_assert_true (g_file_set_contents (fixture->path, "old\n", -1, NULL));
  g_assert_true (g_file_set_contents (dead, "half a board", -1, NULL));
  g_assert_true (g_file_set_contents (dead_backup, "old\n", -1, NULL));
  g_assert_true (g_file_set_contents (live, "being written", -1, NULL));
  g_assert_true (g_file_set_contents (live_backup, "old\n", -1, NULL));
  g_assert_true (g_file_set_contents (other, "someone else's", -1, NULL));
  live_fd = open (live, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (live_fd, >=, 0);
  g_assert_cmpint (flock (live_fd, LOCK_EX), ==, 0);

  g_assert_true (mc_board_save_to_file (board, file, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live_backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  /* NAME, NAME~, the live pair and the other file. */
  g_assert_cmpuint (count_entries (fixture->dir), ==, 5);

  /* Its writer died: the lock is gone, and so are its files next time. */
  close (live_fd);
  g_assert_true (mc_board_save_to_file (board, file, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (live_backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 3);
}

/* A new file gets the permissions the umask allows, without the save
 * touching the process-wide umask (other threads may be creating files). */
static void
test_save_new_file_mode (SaveFixture   *fixture,
                         gconstpointer  data)
{
  g_autoptr(McBoard) board = build_board ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  mode_t old_mask = umask (027);
  struct stat st;

  g_assert_true (mc_board_save_to_file (board, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (umask (022), ==, 027);
  g_assert_cmpint (stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* An existing file keeps its own. */
  g_assert_cmpint (chmod (fixture->path, 0604), ==, 0);
  g_assert_true (mc_board_save_to_file (board, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0604);
  umask (old_mask);
}

static void
test_load_file_errors (SaveFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) missing = g_file_new_for_path (fixture->path);
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;

  g_assert_null (mc_board_load_from_file (missing, 0, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "bord.missiecanvas"));
  g_clear_error (&error);

  g_assert_null (mc_board_load_from_file (dir, 0, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (fixture->path, "{\"format\": \"missiecanvas\",", -1, NULL));
  g_assert_null (mc_board_load_from_file (missing, 0, &error));
  g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON);
  g_assert_true (g_str_has_prefix (error->message, "bord.missiecanvas:1:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/board-io/round-trip", test_round_trip);
  g_test_add_func ("/mc/board-io/sample-v1", test_sample_v1);
  g_test_add_func ("/mc/board-io/unknown-members", test_unknown_members);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/mc/board-io/malformed/%s", bad_inputs[i].name);

      g_test_add_data_func (path, &bad_inputs[i], test_malformed);
    }
  g_test_add_func ("/mc/board-io/malformed/huge-string", test_huge_string);
  g_test_add_func ("/mc/board-io/malformed/too-deep", test_too_deep);
  g_test_add_func ("/mc/board-io/malformed/too-many-figures", test_too_many);
  g_test_add_func ("/mc/board-io/newer-read-only", test_newer_read_only);
  g_test_add_func ("/mc/board-io/missing-figure", test_missing_figure);
  g_test_add_func ("/mc/board-io/migrations", test_migrations);
  g_test_add_func ("/mc/board-io/example", test_example);
  g_test_add ("/mc/board-io/save/backup", SaveFixture, NULL, save_setup, test_save_backup, save_teardown);
  g_test_add ("/mc/board-io/save/refuses-non-files", SaveFixture, NULL, save_setup,
              test_save_refuses_non_files, save_teardown);
  g_test_add ("/mc/board-io/save/abandoned-temporaries", SaveFixture, NULL, save_setup,
              test_save_removes_abandoned_temporaries, save_teardown);
  g_test_add ("/mc/board-io/save/new-file-mode", SaveFixture, NULL, save_setup,
              test_save_new_file_mode, save_teardown);
  g_test_add ("/mc/board-io/save/fault-write", SaveFixture, NULL, save_setup, test_save_fault_write, save_teardown);
  g_test_add ("/mc/board-io/save/fault-backup", SaveFixture, NULL, save_setup, test_save_fault_backup, save_teardown);
  g_test_add ("/mc/board-io/save/fault-rename", SaveFixture, NULL, save_setup, test_save_fault_rename, save_teardown);
  g_test_add ("/mc/board-io/save/missing-directory", SaveFixture, NULL, save_setup, test_save_missing_directory, save_teardown);
  g_test_add ("/mc/board-io/save/target-is-directory", SaveFixture, NULL, save_setup, test_save_target_is_directory, save_teardown);
  g_test_add_func ("/mc/board-io/save/read-only-directory", test_save_read_only_directory);
  g_test_add ("/mc/board-io/save/symlink", SaveFixture, NULL, save_setup, test_save_through_symlink, save_teardown);
  g_test_add ("/mc/board-io/load-file-errors", SaveFixture, NULL, save_setup, test_load_file_errors, save_teardown);

  return g_test_run ();
}
