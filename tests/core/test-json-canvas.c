/* test-json-canvas.c — JSON Canvas export and import */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "mc-board-io.h"
#include "mc-cluster.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-json-canvas.h"
#include "mc-layout.h"
#include "mc-limits.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "json-canvas", name, NULL);
}

static McBoard *
import_file (const char *name,
             guint      *n_edges,
             GError    **error)
{
  g_autofree char *path = data_path (name);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return mc_json_canvas_import (data, length, path, n_edges, error);
}

static GBytes *
export_board (McBoard *board)
{
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  g_autoptr(GError) error = NULL;
  GBytes *bytes = mc_json_canvas_export (board, layout, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static JsonObject *
parse_object (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_true (json_parser_load_from_data (parser, data, (gssize) length, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
find_node (JsonObject *canvas,
           const char *id)
{
  JsonArray *nodes = json_object_get_array_member (canvas, "nodes");

  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);

      if (g_strcmp0 (json_object_get_string_member (node, "id"), id) == 0)
        return node;
    }
  return NULL;
}

static McBoard *
reimport (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  McBoard *board = mc_json_canvas_import (data, length, "board.canvas", NULL, &error);

  g_assert_no_error (error);
  return board;
}

/* Export, import: the same board, byte for byte as the board file. */
static void
test_round_trip (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(GBytes) canvas = export_board (board);
  g_autoptr(McBoard) again = reimport (canvas);
  g_autoptr(GBytes) canvas_again = export_board (again);
  g_autofree char *original = mc_board_to_data (board, NULL);
  g_autofree char *returned = mc_board_to_data (again, NULL);

  g_assert_cmpuint (mc_board_get_n_notes (again), ==, mc_board_get_n_notes (board));
  g_assert_cmpstr (returned, ==, original);
  /* and the second export is the first one again */
  g_assert_true (g_bytes_equal (canvas, canvas_again));
}

/* What the spec shows: groups for figures and regions, text nodes for
 * notes at their place, preset colours, integer coordinates. */
static void
test_export_shape (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(GBytes) bytes = export_board (board);
  g_autoptr(JsonObject) canvas = parse_object (bytes);
  JsonArray *nodes = json_object_get_array_member (canvas, "nodes");
  McNote *note = g_ptr_array_index (mc_board_get_notes (board), 0);
  JsonObject *node = find_node (canvas, mc_note_get_id (note));
  guint figures = 0, regions = 0, texts = 0;

  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *n = json_array_get_object_element (nodes, i);
      const char *type = json_object_get_string_member (n, "type");
      const char *id = json_object_get_string_member (n, "id");

      g_assert_cmpint (json_node_get_value_type (json_object_get_member (n, "x")), ==, G_TYPE_INT64);
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (n, "width")), ==, G_TYPE_INT64);
      if (strcmp (type, "group") == 0 && g_str_has_prefix (id, "figure:"))
        {
          figures++;
          g_assert_true (json_object_has_member (n, "label"));
        }
      else if (strcmp (type, "group") == 0 && g_str_has_prefix (id, "region:"))
        regions++;
      else if (strcmp (type, "text") == 0)
        {
          texts++;
          g_assert_nonnull (strchr ("123456", json_object_get_string_member (n, "color")[0]));
        }
    }
  g_assert_cmpuint (figures, ==, mc_board_get_figures (board)->len);
  g_assert_cmpuint (regions, >, figures);
  g_assert_cmpuint (texts, ==, mc_board_get_n_notes (board));
  g_assert_nonnull (node);
  g_assert_cmpstr (json_object_get_string_member (node, "text"), ==, mc_note_get_text (note));
  g_assert_true (json_object_has_member (canvas, "edges"));
}

/* Texts and colours changed in another tool come back; the rest stays. */
static void
test_edits_come_back (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(GBytes) bytes = export_board (board);
  g_autoptr(JsonObject) canvas = parse_object (bytes);
  McNote *note = g_ptr_array_index (mc_board_get_notes (board), 1);
  JsonObject *node = find_node (canvas, mc_note_get_id (note));
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), canvas);
  g_autoptr(McBoard) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  JsonArray *nodes = json_object_get_array_member (canvas, "nodes");
  JsonObject *added = json_object_new ();
  McNote *edited;
  gsize length;

  json_object_set_string_member (node, "text", "Bewerkt in Obsidian ✓");
  json_object_set_string_member (node, "color", "#44cf6e");
  json_object_set_string_member (added, "id", "0123456789abcdef");
  json_object_set_string_member (added, "type", "text");
  json_object_set_string_member (added, "text", "Nieuw in Obsidian");
  json_object_set_int_member (added, "x", 10);
  json_object_set_int_member (added, "y", 20);
  json_object_set_int_member (added, "width", 200);
  json_object_set_int_member (added, "height", 100);
  json_array_add_object_element (nodes, added);

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  again = mc_json_canvas_import (data, length, "edited.canvas", NULL, &error);
  g_assert_no_error (error);

  edited = mc_board_get_note (again, mc_note_get_id (note));
  g_assert_nonnull (edited);
  g_assert_cmpstr (mc_note_get_text (edited), ==, "Bewerkt in Obsidian ✓");
  g_assert_cmpstr (mc_note_get_color (edited), ==, "green");
  g_assert_cmpstr (mc_note_get_author (edited), ==, mc_note_get_author (note));
  g_assert_cmpint (mc_note_get_votes (edited), ==, mc_note_get_votes (note));
  g_assert_cmpstr (mc_note_get_figure_id (edited), ==, mc_note_get_figure_id (note));
  g_assert_cmpstr (mc_note_get_region_id (edited), ==, mc_note_get_region_id (note));
  g_assert_cmpuint (mc_board_get_n_notes (again), ==, mc_board_get_n_notes (board) + 1);
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (again, "0123456789abcdef")), ==,
                   "Nieuw in Obsidian");
  g_assert_cmpuint (mc_board_get_figures (again)->len, ==, mc_board_get_figures (board)->len);
}

/* A canvas as Obsidian writes it: every node becomes a note, the group a
 * cluster, edges are counted, kept and written back. */
static void
test_import_foreign (void)
{
  g_autoptr(GError) error = NULL;
  guint n_edges = 0;
  g_autoptr(McBoard) board = import_file ("obsidian-style.canvas", &n_edges, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonObject) canvas = NULL;
  McNote *note;

  g_assert_no_error (error);
  g_assert_cmpuint (mc_board_get_n_notes (board), ==, 5);
  g_assert_cmpuint (n_edges, ==, 2);
  g_assert_cmpstr (mc_board_get_title (board), ==, "obsidian-style");

  note = mc_board_get_note (board, "c2d7e1f09a3b4c58");
  g_assert_cmpstr (mc_note_get_text (note), ==, "# Wat werkt?\nBewoners **zelf** laten meten");
  g_assert_cmpstr (mc_note_get_color (note), ==, "yellow");
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (board, "d91b0e2a7c6f3d14")), ==, "");
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (board, "e5a0c3b2d1f40987")), ==,
                   "Projecten/Overvecht/verslag 12-03.md");
  note = mc_board_get_note (board, "f0e9d8c7b6a51234");
  g_assert_cmpstr (mc_note_get_text (note), ==, "https://example.org/wijkleerlab?q=1&x=2");
  g_assert_cmpstr (mc_note_get_color (note), ==, "pink");   /* #FF6B6B: nearest is red */
  note = mc_board_get_note (board, "0a9b8c7d6e5f4321");
  g_assert_cmpstr (mc_note_get_text (note), ==, "مرحبا — 你好 — Привет");
  g_assert_cmpstr (mc_note_get_color (note), ==, "purple");
  g_assert_cmpuint (mc_board_get_clusters (board)->len, ==, 1);
  g_assert_cmpstr (mc_cluster_get_label (g_ptr_array_index (mc_board_get_clusters (board), 0)), ==, "Werkgroep week 3");

  /* the edges go out again with the next export */
  bytes = export_board (board);
  canvas = parse_object (bytes);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (canvas, "edges")), ==, 2);
}

static void
test_import_nested_groups (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = import_file ("nested-groups.canvas", NULL, &error);
  McCluster *inner = NULL, *outer = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (mc_board_get_n_notes (board), ==, 3);   /* the unknown node type is left out */
  g_assert_cmpuint (mc_board_get_clusters (board)->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      McCluster *cluster = g_ptr_array_index (mc_board_get_clusters (board), i);

      if (g_strcmp0 (mc_cluster_get_label (cluster), "Binnen") == 0)
        inner = cluster;
      else
        outer = cluster;
    }
  g_assert_true (mc_cluster_has_note (inner, "n1"));
  g_assert_false (mc_cluster_has_note (outer, "n1"));
  g_assert_true (mc_cluster_has_note (outer, "n2"));
  g_assert_false (mc_cluster_has_note (inner, "n3") || mc_cluster_has_note (outer, "n3"));
}

static void
test_import_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = import_file ("empty.canvas", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mc_board_get_n_notes (board), ==, 0);
}

/* What is not a JSON Canvas gets one line naming the file; no board. */
static void
test_import_refused (void)
{
  const char *files[] = { "nodes-not-a-list.canvas", "array-root.canvas" };
  const char *texts[] = { "", "not json", "{\"nodes\": [1]}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                          "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]"};

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(McBoard) board = import_file (files[i], NULL, &error);

      g_assert_null (board);
      g_assert_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_A_BOARD);
      g_assert_nonnull (strstr (error->message, files[i]));
      g_assert_null (strchr (error->message, '\n'));
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(McBoard) board = mc_json_canvas_import (texts[i], strlen (texts[i]), "x.canvas", NULL, &error);

      g_assert_null (board);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "x.canvas"));
      g_assert_null (strchr (error->message, '\n'));
    }
}

/* Every canvas the fuzzer found (tests/data/fuzz-regressions/json-canvas)
 * and its seeds (tests/fuzz/corpus/json-canvas): refused with one line, or
 * imported within the limits, saved and loaded unchanged, and exported and
 * imported again with the same notes (what fuzz-json-canvas.c checks). */
static void
replay_canvas (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = NULL;
  g_autoptr(McBoard) again = NULL;
  g_autoptr(McBoard) reimported = NULL;
  g_autoptr(GBytes) canvas = NULL;
  g_autofree char *data = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  board = mc_json_canvas_import (data, length, path, NULL, &error);
  if (board == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == MC_BOARD_ERROR);
      g_assert_null (strchr (error->message, '\n'));
      g_test_message ("%s", error->message);
      return;
    }
  g_assert_no_error (error);
  g_assert_true (mc_limits_check_board (board, &error));
  g_assert_no_error (error);

  first = mc_board_to_data (board, NULL);
  again = mc_board_load_from_data (first, strlen (first), "again", MC_BOARD_LOAD_NONE, &error);
  g_assert_no_error (error);
  second = mc_board_to_data (again, NULL);
  g_assert_cmpstr (first, ==, second);

  canvas = export_board (again);
  reimported = reimport (canvas);
  g_assert_cmpuint (mc_board_get_n_notes (reimported), ==, mc_board_get_n_notes (board));
}

static guint
replay_dir (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (g_str_has_prefix (name, "README"))
        continue;
      replay_canvas (path);
      n++;
    }
  return n;
}

static void
test_fuzz_regressions (void)
{
  g_autofree char *regressions = g_test_build_filename (G_TEST_DIST, "data", "fuzz-regressions",
                                                        "json-canvas", NULL);
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "json-canvas", NULL);
  guint n = replay_dir (regressions) + replay_dir (corpus);

  /* The seeds are in the tree: none means a wrong path. */
  g_assert_cmpuint (n, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  mc_core_ensure_resources ();

  g_test_add_func ("/mc/json-canvas/round-trip", test_round_trip);
  g_test_add_func ("/mc/json-canvas/export-shape", test_export_shape);
  g_test_add_func ("/mc/json-canvas/edits-come-back", test_edits_come_back);
  g_test_add_func ("/mc/json-canvas/import-foreign", test_import_foreign);
  g_test_add_func ("/mc/json-canvas/import-nested-groups", test_import_nested_groups);
  g_test_add_func ("/mc/json-canvas/import-empty", test_import_empty);
  g_test_add_func ("/mc/json-canvas/import-refused", test_import_refused);
  g_test_add_func ("/mc/json-canvas/fuzz-regressions", test_fuzz_regressions);

  return g_test_run ();
}
