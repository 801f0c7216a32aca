/* test-catalog-files.c — the catalog's files: the folder matches the
 * resources, bad files are refused, and the example board uses the model */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mc-catalog.h"
#include "mc-board-io.h"

#include "catalog-fixture.h"

static const char * const note_colors[] = {
  "yellow", "orange", "pink", "purple", "blue", "green", NULL,
};

/* mc_catalog_new_from_resource() on a directory: the data on disk equals
 * what is compiled in, and broken files give errors naming file and place. */
static char *
model_dir (void)
{
  const char *root = g_getenv ("MC_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "model", NULL);
}

static void
test_directory_matches_resource (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = model_dir ();
  g_autoptr(McCatalog) from_dir = mc_catalog_new_from_resource (dir, &error);
  g_autoptr(McCatalog) from_resource = NULL;
  McCatalog *def = mc_catalog_get_default ();

  g_assert_no_error (error);
  g_assert_nonnull (from_dir);

  from_resource = mc_catalog_new_from_resource (RESOURCE_PREFIX "/model", &error);
  g_assert_no_error (error);
  g_assert_true (from_resource != def);

  g_assert_cmpstrv (mc_catalog_get_kinds (from_dir), mc_catalog_get_kinds (def));
  for (const char * const *k = mc_catalog_get_kinds (def); *k != NULL; k++)
    {
      const McFigureInfo *a = mc_catalog_get_figure (from_dir, *k);
      const McFigureInfo *b = mc_catalog_get_figure (def, *k);

      g_assert_cmpint (mc_figure_info_get_number (a), ==, mc_figure_info_get_number (b));
      g_assert_cmpuint (mc_figure_info_get_n_regions (a), ==, mc_figure_info_get_n_regions (b));
      for (guint r = 0; r < mc_figure_info_get_n_regions (a); r++)
        for (McLanguage lang = 0; lang < MC_N_LANGUAGES; lang++)
          {
            const McRegionInfo *ra = mc_figure_info_get_region (a, r);
            const McRegionInfo *rb = mc_figure_info_get_region (b, r);

            g_assert_cmpstr (mc_region_info_get_label (ra, lang), ==,
                             mc_region_info_get_label (rb, lang));
            g_assert_cmpstrv (mc_region_info_get_questions (ra, lang),
                              mc_region_info_get_questions (rb, lang));
          }
    }
}

#define GOOD_REGION \
  "{\"id\": \"a\", \"role\": \"value\", \"label\": {\"nl\": \"A\", \"en\": \"A\"}," \
  " \"questions\": {\"nl\": [\"Wat?\"], \"en\": [\"What?\"]}}"

typedef struct
{
  const char *file;
  const char *json;
  const char *message_part;   /* expected in the error message */
} BadCatalog;

static void
test_invalid (void)
{
  static const BadCatalog cases[] = {
    { "x.json", "{\"id\": \"x\", ", "x.json" },
    { "x.json", "[]", "x.json: $: expected an object" },
    { "x.json", "{\"id\": \"y\", \"number\": 1, \"title\": {\"nl\": \"T\", \"en\": \"T\"},"
                " \"regions\": [" GOOD_REGION "]}", "$.id" },
    { "x.json", "{\"id\": \"x\", \"number\": 1, \"title\": {\"nl\": \"T\"},"
                " \"regions\": [" GOOD_REGION "]}", "$.title.en" },
    { "x.json", "{\"id\": \"x\", \"number\": 1, \"title\": {\"nl\": \"T\", \"en\": \"\"},"
                " \"regions\": [" GOOD_REGION "]}", "$.title.en" },
    { "x.json", "{\"id\": \"x\", \"number\": \"3\", \"title\": {\"nl\": \"T\", \"en\": \"T\"},"
                " \"regions\": [" GOOD_REGION "]}", "$.number" },
    { "x.json", "{\"id\": \"x\", \"number\": 1, \"title\": {\"nl\": \"T\", \"en\": \"T\"},"
                " \"regions\": []}", "$.regions" },
    { "x.json", "{\"id\": \"x\", \"number\": 1, \"title\": {\"nl\": \"T\", \"en\": \"T\"},"
                " \"regions\": [" GOOD_REGION ", " GOOD_REGION "]}", "$.regions[1]" },
    { "x.json", "{\"id\": \"x\", \"number\": 1, \"title\": {\"nl\": \"T\", \"en\": \"T\"},"
                " \"regions\": [{\"id\": \"a\", \"role\": \"purple\","
                " \"label\": {\"nl\": \"A\", \"en\": \"A\"}}]}", "$.regions[0].role" },
    { "x.json", "{\"id\": \"x\", \"number\": 1, \"title\": {\"nl\": \"T\", \"en\": \"T\"},"
                " \"regions\": [{\"id\": \"A B\", \"role\": \"value\","
                " \"label\": {\"nl\": \"A\", \"en\": \"A\"}}]}", "$.regions[0].id" },
    { "x.json", "{\"id\": \"x\", \"number\": 1, \"title\": {\"nl\": \"T\", \"en\": \"T\"},"
                " \"regions\": [{\"id\": \"a\", \"role\": \"value\","
                " \"label\": {\"nl\": \"A\", \"en\": \"A\"},"
                " \"questions\": {\"nl\": [\"Wat?\", \"Wie?\"], \"en\": [\"What?\"]}}]}",
      "$.regions[0].questions" },
    { "x.json", "{\"id\": \"x\", \"number\": 1, \"title\": {\"nl\": \"T\", \"en\": \"T\"},"
                " \"regions\": [{\"id\": \"a\", \"role\": \"value\","
                " \"label\": {\"nl\": \"A\", \"en\": \"A\"},"
                " \"questions\": {\"nl\": [\"Wat?\"], \"en\": [3]}}]}",
      "$.regions[0].questions.en[0]" },
    { "x.json", "{\"id\": \"x\", \"number\": 1, \"title\": {\"nl\": \"T\", \"en\": \"T\"},"
                " \"strings\": {\"centre\": {\"nl\": \"Midden\"}},"
                " \"regions\": [" GOOD_REGION "]}", "$.strings.centre.en" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("mc-catalog-XXXXXX", &error);

  g_assert_no_error (error);

  /* An empty directory has no kinds. */
  {
    g_autoptr(McCatalog) empty = mc_catalog_new_from_resource (tmp, &error);

    g_assert_null (empty);
    g_assert_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (tmp, cases[i].file, NULL);
      g_autoptr(McCatalog) catalog = NULL;

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_true (g_file_set_contents (path, cases[i].json, -1, NULL));

      catalog = mc_catalog_new_from_resource (tmp, &error);
      g_assert_null (catalog);
      g_assert_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].file));
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      g_clear_error (&error);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }

  /* The minimal valid file loads, a plain string counts for both languages. */
  {
    g_autofree char *path = g_build_filename (tmp, "x.json", NULL);
    g_autoptr(McCatalog) catalog = NULL;
    const McFigureInfo *info;

    g_assert_true (g_file_set_contents (path,
        "{\"id\": \"x\", \"number\": 9, \"title\": {\"nl\": \"T\", \"en\": \"T\"},"
        " \"strings\": {\"to\": \"context\"}, \"regions\": [" GOOD_REGION "]}", -1, NULL));
    catalog = mc_catalog_new_from_resource (tmp, &error);
    g_assert_no_error (error);
    info = mc_catalog_get_figure (catalog, "x");
    g_assert_cmpint (mc_figure_info_get_number (info), ==, 9);
    g_assert_null (mc_figure_info_get_caption (info, MC_LANGUAGE_NL));
    g_assert_null (mc_figure_info_get_source (info));
    g_assert_cmpstr (mc_figure_info_get_string (info, "to", MC_LANGUAGE_EN), ==, "context");
    g_assert_null (mc_region_info_get_definition (mc_figure_info_get_region (info, 0), MC_LANGUAGE_NL));
    g_assert_cmpstr (mc_region_info_get_questions (mc_figure_info_get_region (info, 0), MC_LANGUAGE_EN)[0],
                     ==, "What?");
    g_assert_cmpint (g_unlink (path), ==, 0);
  }

  g_assert_cmpint (g_rmdir (tmp), ==, 0);
}

/* The example board, read as plain JSON against the catalog and the model
 * template, independently of the board loader. */
static JsonObject *
example_board (JsonParser *parser)
{
  const char *root = g_getenv ("MC_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root, "data", "examples", "example.missiecanvas", NULL);
  g_autoptr(GError) error = NULL;
  JsonObject *top;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  top = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (top, "format"), ==, "missiecanvas");
  g_assert_cmpint (json_object_get_int_member (top, "format_version"), ==, 1);
  return json_object_get_object_member (top, "board");
}

static void
test_example_json (void)
{
  static const struct { const char *kind; double x; double y; } model[] = {
    { "cimo", 0, 0 },
    { "context", 0, 920 },
    { "perspectives", 1120, 920 },
    { "boundary-crossing", 2240, 920 },
    { "doorwerking", 3360, 920 },
    { "scale-levels", 0, 2040 },
    { "value-creation", 1120, 2040 },
    { "coherence", 2240, 2040 },
    { "potential-value", 3360, 2040 },
  };
  McCatalog *catalog = mc_catalog_get_default ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) regions_used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) authors = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *board = example_board (parser);
  JsonArray *figures = json_object_get_array_member (board, "figures");
  JsonArray *notes = json_object_get_array_member (board, "notes");
  JsonObject *meta = json_object_get_object_member (board, "meta");
  guint n_notes = json_array_get_length (notes);
  guint n_free = 0, n_voted = 0;

  g_assert_cmpstr (json_object_get_string_member (board, "language"), ==, "nl");
  g_assert_cmpstr (json_object_get_string_member (board, "phase"), ==, "start");
  assert_text (json_object_get_string_member (board, "title"));
  assert_text (json_object_get_string_member (meta, "case"));
  assert_text (json_object_get_string_member (meta, "facilitator"));
  g_assert_cmpuint (strlen (json_object_get_string_member (meta, "date")), ==, 10);

  g_assert_cmpuint (json_array_get_length (figures), ==, G_N_ELEMENTS (model));
  for (guint i = 0; i < G_N_ELEMENTS (model); i++)
    {
      JsonObject *figure = json_array_get_object_element (figures, i);

      g_assert_cmpstr (json_object_get_string_member (figure, "id"), ==, model[i].kind);
      g_assert_cmpstr (json_object_get_string_member (figure, "kind"), ==, model[i].kind);
      g_assert_cmpfloat (json_object_get_double_member (figure, "x"), ==, model[i].x);
      g_assert_cmpfloat (json_object_get_double_member (figure, "y"), ==, model[i].y);
      g_assert_cmpfloat (json_object_get_double_member (figure, "scale"), ==, 1.0);
    }

  g_assert_cmpuint (n_notes, >=, 35);
  g_assert_cmpuint (n_notes, <=, 50);

  for (guint i = 0; i < n_notes; i++)
    {
      JsonObject *note = json_array_get_object_element (notes, i);
      const char *id = json_object_get_string_member (note, "id");
      const char *text = json_object_get_string_member (note, "text");
      const char *figure = json_object_get_string_member_with_default (note, "figure", NULL);
      const char *region = json_object_get_string_member_with_default (note, "region", NULL);
      g_auto(GStrv) words = NULL;
      g_autoptr(GDateTime) created = NULL;
      g_autoptr(GDateTime) modified = NULL;
      gint64 votes = json_object_get_int_member_with_default (note, "votes", 0);

      g_test_message ("note %u: %s", i, text);
      g_assert_true (g_uuid_string_is_valid (id));
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (gpointer) id);

      assert_text (text);
      words = g_strsplit (text, " ", -1);
      g_assert_cmpuint (g_strv_length (words), >=, 2);
      g_assert_cmpuint (g_strv_length (words), <=, 12);

      g_assert_true (g_strv_contains (note_colors,
                                      json_object_get_string_member (note, "color")));

      created = g_date_time_new_from_iso8601 (json_object_get_string_member (note, "created"), NULL);
      modified = g_date_time_new_from_iso8601 (json_object_get_string_member (note, "modified"), NULL);
      g_assert_nonnull (created);
      g_assert_nonnull (modified);
      g_assert_cmpint (g_date_time_compare (created, modified), <=, 0);

      g_assert_cmpint (votes, >=, 0);
      g_assert_cmpint (votes, <=, 5);
      if (votes > 0)
        n_voted++;

      if (json_object_has_member (note, "author"))
        g_hash_table_add (authors, (gpointer) json_object_get_string_member (note, "author"));

      if (figure == NULL)
        {
          g_assert_null (region);
          g_assert_true (json_object_has_member (note, "x"));
          g_assert_true (json_object_has_member (note, "y"));
          n_free++;
          continue;
        }

      /* Placement ids equal the kind ids in the model template. */
      g_assert_nonnull (mc_catalog_get_region (catalog, figure, region));
      /* Anchored notes leave placement to the layout. */
      g_assert_false (json_object_has_member (note, "x"));
      g_assert_false (json_object_has_member (note, "y"));
      g_hash_table_add (regions_used, g_strdup_printf ("%s/%s", figure, region));
    }

  g_assert_cmpuint (n_free, >=, 2);
  g_assert_cmpuint (n_voted, >=, 5);
  g_assert_cmpuint (g_hash_table_size (authors), >=, 4);

  /* Spread: every CIMO part twice, most regions of most figures. */
  for (guint r = 0; r < 4; r++)
    {
      const char *part = design_ids[0].regions[r];
      guint n = 0;

      for (guint i = 0; i < n_notes; i++)
        {
          JsonObject *note = json_array_get_object_element (notes, i);

          if (g_strcmp0 (json_object_get_string_member_with_default (note, "figure", NULL), "cimo") == 0 &&
              g_strcmp0 (json_object_get_string_member (note, "region"), part) == 0)
            n++;
        }
      g_assert_cmpuint (n, >=, 2);
    }
  g_assert_cmpuint (g_hash_table_size (regions_used), >=, 25);
}

/* Every anchored note of a loaded board names a region its figure's kind has. */
static void
assert_board_matches_catalog (McBoard *board,
                              guint    expected_notes)
{
  McCatalog *catalog = mc_catalog_get_default ();
  GPtrArray *notes = mc_board_get_notes (board);
  guint n_free = 0;

  g_assert_cmpstr (mc_board_get_title (board), ==, "Wijkleerlab Gezond Overvecht");
  g_assert_cmpint (mc_board_get_language (board), ==, MC_LANGUAGE_NL);
  g_assert_cmpint (mc_board_get_phase (board), ==, MC_PHASE_START);
  g_assert_nonnull (mc_board_get_meta (board, MC_META_CASE));
  g_assert_cmpuint (mc_board_get_figures (board)->len, ==, G_N_ELEMENTS (design_ids));
  g_assert_cmpuint (mc_board_get_n_notes (board), ==, expected_notes);
  /* Nothing needed repairing. */
  g_assert_null (mc_board_get_load_warnings (board)[0]);

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      const char *figure_id = mc_note_get_figure_id (note);
      McFigure *figure;

      if (figure_id == NULL)
        {
          g_assert_null (mc_note_get_region_id (note));
          g_assert_true (mc_note_get_has_position (note));
          n_free++;
          continue;
        }

      figure = mc_board_get_figure (board, figure_id);
      g_assert_nonnull (figure);
      g_assert_nonnull (mc_catalog_get_region (catalog, mc_figure_get_kind (figure),
                                               mc_note_get_region_id (note)));
      g_assert_false (mc_note_get_has_position (note));
    }

  g_assert_cmpuint (n_free, >=, 2);
}

static guint
example_json_note_count (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *board = example_board (parser);

  return json_array_get_length (json_object_get_array_member (board, "notes"));
}

static void
test_example_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(McBoard) board = NULL;
  g_autoptr(McBoard) example = NULL;
  guint expected = example_json_note_count ();
  gsize length;
  const char *data;

  mc_core_ensure_resources ();
  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/examples/example.missiecanvas",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);

  board = mc_board_load_from_data (data, length, "example.missiecanvas",
                                   MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (board);
  assert_board_matches_catalog (board, expected);

  /* What a new user sees first. */
  example = mc_board_new_example ();
  assert_board_matches_catalog (example, expected);
  g_assert_false (mc_board_get_modified (example));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/catalog/directory-matches-resource", test_directory_matches_resource);
  g_test_add_func ("/mc/catalog/invalid", test_invalid);
  g_test_add_func ("/mc/catalog/example-json", test_example_json);
  g_test_add_func ("/mc/catalog/example-loads", test_example_loads);

  return g_test_run ();
}
