/* test-board-io-read.c — reading and writing *.missiecanvas files: the
 * round trip, older versions and their migrations, members we do not know,
 * and the example board */
#include "config.h"

#include <string.h>
#include <sys/file.h>

#include "mc-board-io.h"
#include "mc-board-io-private.h"
#include "mc-command.h"
#include "mc-history.h"
#include "mc-test-util.h"

#include "board-io-fixture.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/board-io/round-trip", test_round_trip);
  g_test_add_func ("/mc/board-io/sample-v1", test_sample_v1);
  g_test_add_func ("/mc/board-io/unknown-members", test_unknown_members);
  g_test_add_func ("/mc/board-io/migrations", test_migrations);
  g_test_add_func ("/mc/board-io/example", test_example);

  return g_test_run ();
}
