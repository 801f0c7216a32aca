/* mc-json-canvas.c — JSON Canvas 1.0 export and import
 *
 * Both directions go through the board file's own encoder and decoder: the
 * export takes the board as the board file writes it and spreads it over
 * nodes; the import gathers a board document again and hands it to the
 * board loader, so every limit and message of the loader applies and
 * nothing is ever half-imported.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mc-json-canvas.h"
#include "mc-board-io.h"

#define NAMESPACE   "missiecanvas"
#define EDGES_KEPT  "json_canvas_edges"   /* a board member the loader keeps */

/* JSON Canvas's six preset colours, "1"–"6", and the nearest note colour
 * (red has no note colour: pink is nearest). */
static const struct
{
  const char *preset;
  const char *note_color;
  guint8      r, g, b;      /* as the presets are commonly drawn */
} presets[] = {
  { "1", "pink",   0xfb, 0x46, 0x4c },
  { "2", "orange", 0xe9, 0x97, 0x3f },
  { "3", "yellow", 0xe0, 0xde, 0x71 },
  { "4", "green",  0x44, 0xcf, 0x6e },
  { "5", "blue",   0x53, 0xdf, 0xdd },
  { "6", "purple", 0xa8, 0x82, 0xff },
};

gboolean
mc_json_canvas_is_canvas_name (const char *file_name)
{
  return file_name != NULL && g_str_has_suffix (file_name, MC_JSON_CANVAS_EXTENSION);
}

static const char *
preset_for_note_color (const char *color)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_strcmp0 (presets[i].note_color, color) == 0)
      return presets[i].preset;
  return presets[2].preset;
}

/* "1"–"6" or "#rrggbb" (or "#rgb") to the nearest note colour; NULL if it
 * is neither. */
static const char *
note_color_for_canvas_color (const char *color)
{
  guint r, g, b;
  guint best = 0;
  double best_distance = INFINITY;

  if (color == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (strcmp (presets[i].preset, color) == 0)
      return presets[i].note_color;

  if (strlen (color) == 7 && sscanf (color, "#%2x%2x%2x", &r, &g, &b) == 3)
    ;
  else if (strlen (color) == 4 && sscanf (color, "#%1x%1x%1x", &r, &g, &b) == 3)
    r *= 17, g *= 17, b *= 17;
  else
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      double dr = (double) r - presets[i].r;
      double dg = (double) g - presets[i].g;
      double db = (double) b - presets[i].b;
      double distance = dr * dr + dg * dg + db * db;

      if (distance < best_distance)
        {
          best_distance = distance;
          best = i;
        }
    }
  return presets[best].note_color;
}

/* Export */

static void
add_rect (JsonBuilder  *builder,
          const McRect *rect)
{
  /* The spec's coordinates are integers. */
  json_builder_set_member_name (builder, "x");
  json_builder_add_int_value (builder, (gint64) floor (rect->x));
  json_builder_set_member_name (builder, "y");
  json_builder_add_int_value (builder, (gint64) floor (rect->y));
  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, (gint64) ceil (rect->width));
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, (gint64) ceil (rect->height));
}

static void
add_group_node (JsonBuilder       *builder,
                const McSceneItem *item,
                const char        *prefix)
{
  g_autofree char *id = g_strconcat (prefix, item->id, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "group");
  add_rect (builder, &item->bounds);
  if (item->title != NULL)
    {
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, item->title);
    }
  json_builder_end_object (builder);
}

static void
add_note_node (JsonBuilder       *builder,
               const McSceneItem *item,
               JsonObject        *note)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, json_object_get_string_member (note, "id"));
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "text");
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, json_object_get_string_member_with_default (note, "text", ""));
  add_rect (builder, &item->bounds);
  json_builder_set_member_name (builder, "color");
  json_builder_add_string_value (builder,
                                 preset_for_note_color (json_object_get_string_member_with_default (note, "color", NULL)));
  json_builder_set_member_name (builder, NAMESPACE);
  json_builder_add_value (builder, json_node_init_object (json_node_alloc (), note));
  json_builder_end_object (builder);
}

/* The board as the board file writes it: {"format": …, "board": {…}}. */
static JsonNode *
board_document (McBoard  *board,
                GError  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize length = 0;
  g_autofree char *data = mc_board_to_data (board, &length);

  if (!json_parser_load_from_data (parser, data, (gssize) length, error))
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

GBytes *
mc_json_canvas_export (McBoard   *board,
                       McLayout  *layout,
                       GError   **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(McScene) scene = NULL;
  g_autoptr(GHashTable) notes = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *board_object;
  JsonArray *note_array = NULL;
  JsonNode *edges = NULL;
  McViewOptions options;
  gsize length;
  char *data;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (MC_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = board_document (board, error);
  if (document == NULL)
    return NULL;
  board_object = json_object_get_object_member (json_node_get_object (document), "board");

  /* The notes go to their nodes; the rest of the board to the namespace. */
  if (json_object_has_member (board_object, "notes"))
    {
      note_array = json_array_ref (json_object_get_array_member (board_object, "notes"));
      json_object_remove_member (board_object, "notes");
      for (guint i = 0; i < json_array_get_length (note_array); i++)
        {
          JsonObject *note = json_array_get_object_element (note_array, i);

          g_hash_table_insert (notes, (gpointer) json_object_get_string_member (note, "id"), note);
        }
    }
  if (json_object_has_member (board_object, EDGES_KEPT))
    {
      edges = json_node_copy (json_object_get_member (board_object, EDGES_KEPT));
      json_object_remove_member (board_object, EDGES_KEPT);
    }

  mc_view_options_init (&options, mc_board_get_language (board));
  scene = mc_layout_build (layout, board, &options);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "nodes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind != MC_ITEM_GROUP_BEGIN || item->id == NULL)
        continue;

      switch (item->role)
        {
        case MC_ROLE_FIGURE:
          add_group_node (builder, item, "figure:");
          break;
        case MC_ROLE_REGION:
          add_group_node (builder, item, "region:");
          break;
        case MC_ROLE_CLUSTER:
          add_group_node (builder, item, "");
          break;
        case MC_ROLE_NOTE:
          {
            JsonObject *note = g_str_has_prefix (item->id, "note:")
                               ? g_hash_table_lookup (notes, item->id + strlen ("note:")) : NULL;

            if (note != NULL)
              {
                add_note_node (builder, item, note);
                g_hash_table_remove (notes, item->id + strlen ("note:"));
              }
          }
          break;
        default:
          break;
        }
    }
  /* Notes the view does not draw (none today) still travel. */
  for (guint i = 0; note_array != NULL && i < json_array_get_length (note_array); i++)
    {
      JsonObject *note = json_array_get_object_element (note_array, i);

      if (g_hash_table_contains (notes, json_object_get_string_member (note, "id")))
        {
          McSceneItem hidden = { .bounds = { 0, 0, MC_NOTE_DEFAULT_WIDTH, MC_NOTE_DEFAULT_HEIGHT } };

          add_note_node (builder, &hidden, note);
        }
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "edges");
  if (edges != NULL)
    json_builder_add_value (builder, g_steal_pointer (&edges));
  else
    {
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, NAMESPACE);
  json_builder_add_value (builder, json_node_copy (document));
  json_builder_end_object (builder);

  if (note_array != NULL)
    json_array_unref (note_array);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

/* Import */

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Real canvases write floats, integers and now and then strings. */
static double
number_member (JsonObject *object,
               const char *name,
               double      fallback)
{
  JsonNode *node = json_object_get_member (object, name);
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      char *end = NULL;

      value = g_ascii_strtod (json_node_get_string (node), &end);
      if (end == NULL || *end != '\0')
        return fallback;
    }
  else if (json_node_get_value_type (node) == G_TYPE_INT64 ||
           json_node_get_value_type (node) == G_TYPE_DOUBLE)
    value = json_node_get_double (node);
  else
    return fallback;

  return isfinite (value) ? value : fallback;
}

typedef struct
{
  McRect      rect;
  const char *id;
  JsonObject *node;
  JsonArray  *members;    /* clusters: the note ids inside */
} CanvasGroup;

static void
node_rect (JsonObject *node,
           McRect     *rect)
{
  rect->x = number_member (node, "x", 0);
  rect->y = number_member (node, "y", 0);
  rect->width = number_member (node, "width", MC_NOTE_DEFAULT_WIDTH);
  rect->height = number_member (node, "height", MC_NOTE_DEFAULT_HEIGHT);
}

/* A note for a text, file or link node of a canvas we did not write. */
static JsonObject *
free_note (JsonObject *node,
           const char *type)
{
  JsonObject *note = json_object_new ();
  const char *id = string_member (node, "id");
  const char *text = NULL;
  const char *color = note_color_for_canvas_color (string_member (node, "color"));
  McRect rect;

  if (strcmp (type, "text") == 0)
    text = string_member (node, "text");
  else if (strcmp (type, "file") == 0)
    text = string_member (node, "file");
  else
    text = string_member (node, "url");

  g_autofree char *new_id = id != NULL && *id != '\0' ? g_strdup (id) : g_uuid_string_random ();

  node_rect (node, &rect);
  json_object_set_string_member (note, "id", new_id);
  json_object_set_string_member (note, "text", text != NULL ? text : "");
  json_object_set_string_member (note, "color", color != NULL ? color : MC_NOTE_COLOR_DEFAULT);
  json_object_set_double_member (note, "x", rect.x);
  json_object_set_double_member (note, "y", rect.y);
  json_object_set_double_member (note, "width", MAX (rect.width, 1));
  json_object_set_double_member (note, "height", MAX (rect.height, 1));
  return note;
}

/* A note we exported, with what another tool may have changed in its node:
 * the text and the colour. */
static JsonObject *
returning_note (JsonObject *node)
{
  g_autoptr(JsonNode) copy = json_node_copy (json_object_get_member (node, NAMESPACE));
  JsonObject *note = json_object_ref (json_node_get_object (copy));
  const char *text = string_member (node, "text");
  const char *color = string_member (node, "color");

  if (text != NULL)
    json_object_set_string_member (note, "text", text);
  if (color != NULL &&
      g_strcmp0 (color, preset_for_note_color (string_member (note, "color"))) != 0)
    {
      const char *note_color = note_color_for_canvas_color (color);

      if (note_color != NULL)
        json_object_set_string_member (note, "color", note_color);
    }
  return note;
}

/* The innermost group containing the node's centre; -1 if none. */
static int
innermost_group (GArray *groups,
                 McRect *rect)
{
  double cx = rect->x + rect->width / 2;
  double cy = rect->y + rect->height / 2;
  double best_area = INFINITY;
  int best = -1;

  for (guint i = 0; i < groups->len; i++)
    {
      CanvasGroup *group = &g_array_index (groups, CanvasGroup, i);
      double area = group->rect.width * group->rect.height;

      if (cx >= group->rect.x && cx <= group->rect.x + group->rect.width &&
          cy >= group->rect.y && cy <= group->rect.y + group->rect.height &&
          area < best_area)
        {
          best_area = area;
          best = (int) i;
        }
    }
  return best;
}

static void
clear_group (gpointer data)
{
  CanvasGroup *group = data;

  g_clear_pointer (&group->members, json_array_unref);
}

/* Spreads the canvas's nodes into board (notes, and for foreign canvases
 * clusters). FALSE if a node is not an object. */
static gboolean
gather_nodes (JsonArray   *nodes,
              JsonObject  *board,
              gboolean     ours,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, TRUE, sizeof (CanvasGroup));
  JsonArray *notes = json_array_new ();
  JsonArray *clusters = NULL;

  g_array_set_clear_func (groups, clear_group);
  json_object_set_array_member (board, "notes", notes);

  for (guint i = 0; nodes != NULL && i < json_array_get_length (nodes); i++)
    {
      JsonNode *element = json_array_get_element (nodes, i);
      JsonObject *node;
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_A_BOARD,
                       _("%s: not a JSON Canvas: node %u is not an object"), display_name, i + 1);
          return FALSE;
        }
      node = json_node_get_object (element);
      type = string_member (node, "type");
      if (type == NULL)
        continue;   /* kept out: a node type of a later version */

      if (strcmp (type, "group") == 0 && !ours)
        {
          CanvasGroup group = { .id = string_member (node, "id"), .node = node,
                                .members = json_array_new () };

          node_rect (node, &group.rect);
          g_array_append_val (groups, group);
        }
      else if (strcmp (type, "text") == 0 || strcmp (type, "file") == 0 ||
               strcmp (type, "link") == 0)
        {
          JsonNode *member = json_object_get_member (node, NAMESPACE);

          if (ours && member != NULL && JSON_NODE_HOLDS_OBJECT (member) &&
              strcmp (type, "text") == 0)
            json_array_add_object_element (notes, returning_note (node));
          else
            json_array_add_object_element (notes, free_note (node, type));
        }
    }

  if (groups->len == 0)
    return TRUE;

  /* Foreign groups become clusters of the notes inside them. */
  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      JsonObject *note = json_array_get_object_element (notes, i);
      McRect rect = {
        json_object_get_double_member (note, "x"), json_object_get_double_member (note, "y"),
        json_object_get_double_member (note, "width"), json_object_get_double_member (note, "height"),
      };
      int group = innermost_group (groups, &rect);

      if (group >= 0)
        json_array_add_string_element (g_array_index (groups, CanvasGroup, group).members,
                                       json_object_get_string_member (note, "id"));
    }

  clusters = json_array_new ();
  json_object_set_array_member (board, "clusters", clusters);
  for (guint i = 0; i < groups->len; i++)
    {
      CanvasGroup *group = &g_array_index (groups, CanvasGroup, i);
      JsonObject *cluster;
      const char *label = string_member (group->node, "label");
      const char *color = note_color_for_canvas_color (string_member (group->node, "color"));
      g_autofree char *id = NULL;

      if (json_array_get_length (group->members) == 0)
        continue;
      id = group->id != NULL && *group->id != '\0' ? g_strdup (group->id) : g_strdup_printf ("group-%u", i + 1);
      cluster = json_object_new ();
      json_object_set_string_member (cluster, "id", id);
      json_object_set_string_member (cluster, "label", label != NULL ? label : "");
      if (color != NULL)
        json_object_set_string_member (cluster, "color", color);
      json_object_set_array_member (cluster, "notes", g_steal_pointer (&group->members));
      json_array_add_object_element (clusters, cluster);
    }
  return TRUE;
}

/* The board document for a canvas: ours again, or a new board. */
static JsonNode *
canvas_to_document (JsonObject  *canvas,
                    const char  *display_name,
                    guint       *n_edges,
                    GError     **error)
{
  JsonNode *namespace = json_object_get_member (canvas, NAMESPACE);
  JsonObject *ours = namespace != NULL && JSON_NODE_HOLDS_OBJECT (namespace)
                     ? json_node_get_object (namespace) : NULL;
  JsonNode *nodes = json_object_get_member (canvas, "nodes");
  JsonNode *edges = json_object_get_member (canvas, "edges");
  g_autoptr(JsonNode) document = NULL;
  JsonObject *board;
  gboolean is_ours;

  if ((nodes != NULL && !JSON_NODE_HOLDS_ARRAY (nodes)) ||
      (edges != NULL && !JSON_NODE_HOLDS_ARRAY (edges)))
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_A_BOARD,
                   _("%s: not a JSON Canvas: “nodes” and “edges” must be lists"), display_name);
      return NULL;
    }
  /* Both lists are optional: "{}" is an empty canvas. */

  is_ours = ours != NULL && json_object_get_member (ours, "board") != NULL &&
            JSON_NODE_HOLDS_OBJECT (json_object_get_member (ours, "board"));
  if (is_ours)
    document = json_node_copy (json_object_get_member (canvas, NAMESPACE));
  else
    {
      g_autofree char *title = g_path_get_basename (display_name);
      JsonObject *root = json_object_new ();
      JsonObject *new_board = json_object_new ();

      if (g_str_has_suffix (title, MC_JSON_CANVAS_EXTENSION))
        title[strlen (title) - strlen (MC_JSON_CANVAS_EXTENSION)] = '\0';
      json_object_set_string_member (root, "format", "missiecanvas");
      json_object_set_int_member (root, "format_version", 1);
      json_object_set_string_member (new_board, "title", title);
      json_object_set_string_member (new_board, "language", "nl");
      json_object_set_object_member (root, "board", new_board);
      document = json_node_init_object (json_node_alloc (), root);
      json_object_unref (root);
    }
  board = json_object_get_object_member (json_node_get_object (document), "board");

  if (!gather_nodes (nodes != NULL ? json_node_get_array (nodes) : NULL,
                     board, is_ours, display_name, error))
    return NULL;

  if (json_object_has_member (board, EDGES_KEPT))
    json_object_remove_member (board, EDGES_KEPT);
  if (edges != NULL && json_array_get_length (json_node_get_array (edges)) > 0)
    json_object_set_member (board, EDGES_KEPT, json_node_copy (edges));
  if (n_edges != NULL)
    *n_edges = edges != NULL ? json_array_get_length (json_node_get_array (edges)) : 0;

  return g_steal_pointer (&document);
}

McBoard *
mc_json_canvas_import (const char  *data,
                       gsize        length,
                       const char  *display_name,
                       guint       *n_edges,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *board_data = NULL;
  McBoard *board;
  JsonNode *root;
  gsize board_length;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_edges != NULL)
    *n_edges = 0;

  /* The board loader checks size, depth, encoding and JSON syntax first and
   * says so in its own words; what is JSON but not a board is ours to read. */
  board = mc_board_load_from_data (data, length, display_name, MC_BOARD_LOAD_NONE, &local_error);
  if (board != NULL)
    return board;
  if (!g_error_matches (local_error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_A_BOARD))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON,
                   _("%s: not valid JSON: %s"), display_name, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_A_BOARD,
                   _("%s: not a JSON Canvas: expected an object with “nodes”"), display_name);
      return NULL;
    }

  document = canvas_to_document (json_node_get_object (root), display_name, n_edges, error);
  if (document == NULL)
    return NULL;

  json_generator_set_root (generator, document);
  board_data = json_generator_to_data (generator, &board_length);
  return mc_board_load_from_data (board_data, board_length, display_name, MC_BOARD_LOAD_NONE, error);
}
