/* test-board-io-malformed.c — *.missiecanvas files we cannot use as they
 * are: malformed, too large, too deep, newer, or naming a figure we lack */
#include "config.h"

#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "mc-board-io.h"
#include "mc-command.h"
#include "mc-history.h"

#include "board-io-fixture.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

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

  return g_test_run ();
}
