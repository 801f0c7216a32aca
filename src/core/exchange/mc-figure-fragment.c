/* mc-figure-fragment.c — the board behind an exported figure */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mc-figure-fragment.h"
#include "mc-board-io.h"

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Only the notes of the figure shown, and the clusters among them. */
static void
keep_figure (JsonObject *board,
             const char *figure_id)
{
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *figures = array_member (board, "figures");
  JsonArray *notes = array_member (board, "notes");
  JsonArray *clusters = array_member (board, "clusters");
  JsonArray *kept_figures = json_array_new ();
  JsonArray *kept_notes = json_array_new ();
  JsonArray *kept_clusters = json_array_new ();

  for (guint i = 0; figures != NULL && i < json_array_get_length (figures); i++)
    {
      JsonObject *figure = json_array_get_object_element (figures, i);

      if (g_strcmp0 (json_object_get_string_member (figure, "id"), figure_id) == 0)
        json_array_add_object_element (kept_figures, json_object_ref (figure));
    }
  for (guint i = 0; notes != NULL && i < json_array_get_length (notes); i++)
    {
      JsonObject *note = json_array_get_object_element (notes, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (note, "figure", NULL), figure_id) == 0)
        {
          json_array_add_object_element (kept_notes, json_object_ref (note));
          g_hash_table_add (kept, (gpointer) json_object_get_string_member (note, "id"));
        }
    }
  for (guint i = 0; clusters != NULL && i < json_array_get_length (clusters); i++)
    {
      JsonObject *cluster = json_array_get_object_element (clusters, i);
      JsonArray *members = array_member (cluster, "notes");
      JsonArray *kept_members = json_array_new ();

      for (guint j = 0; members != NULL && j < json_array_get_length (members); j++)
        if (g_hash_table_contains (kept, json_array_get_string_element (members, j)))
          json_array_add_string_element (kept_members, json_array_get_string_element (members, j));
      if (json_array_get_length (kept_members) > 0)
        {
          g_autoptr(JsonNode) node = json_node_copy (json_array_get_element (clusters, i));
          JsonObject *copy = json_object_ref (json_node_get_object (node));

          json_object_set_array_member (copy, "notes", kept_members);
          json_array_add_object_element (kept_clusters, copy);
        }
      else
        json_array_unref (kept_members);
    }

  json_object_set_array_member (board, "figures", kept_figures);
  json_object_set_array_member (board, "notes", kept_notes);
  json_object_set_array_member (board, "clusters", kept_clusters);
  /* The presentation route names other figures' regions. */
  if (json_object_has_member (board, "route"))
    json_object_remove_member (board, "route");
}

/* zlib's default level: a third of level 9's time on a board's JSON for
 * about 7 % more bytes (it is redone at every export). */
static GBytes *
gzip (const char *data,
      gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  g_output_stream_write_all (stream, data, length, NULL, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

char *
mc_figure_fragment_encode (McBoard    *board,
                           const char *figure_id)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *encoded = NULL;
  g_autoptr(GBytes) packed = NULL;
  JsonObject *document;
  gsize length;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  data = mc_board_to_data (board, &length);
  if (!json_parser_load_from_data (parser, data, (gssize) length, NULL))
    g_return_val_if_reached (NULL);   /* the board file's own writer */
  document = json_node_get_object (json_parser_get_root (parser));
  if (figure_id != NULL)
    keep_figure (json_object_get_object_member (document, "board"), figure_id);

  json_generator_set_root (generator, json_parser_get_root (parser));
  compact = json_generator_to_data (generator, &length);
  packed = gzip (compact, length);
  encoded = g_base64_encode (g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
  return g_strconcat (MC_FIGURE_FRAGMENT_PREFIX, encoded, NULL);
}

/* memmem() without _GNU_SOURCE: the data are binary (PNG, PDF). */
static const char *
find_bytes (const char *data,
            gsize       length,
            const char *needle,
            gsize       needle_length)
{
  const char *end = data + length;

  for (const char *p = data; p != NULL && (gsize) (end - p) >= needle_length; p++)
    {
      p = memchr (p, needle[0], (gsize) (end - p) - needle_length + 1);
      if (p == NULL)
        return NULL;
      if (memcmp (p, needle, needle_length) == 0)
        return p;
    }
  return NULL;
}

static const char *
find_token (const char *data,
            gsize       length,
            gsize      *token_length)
{
  const gsize prefix_length = strlen (MC_FIGURE_FRAGMENT_PREFIX);
  const char *start = data != NULL ? find_bytes (data, length, MC_FIGURE_FRAGMENT_PREFIX, prefix_length) : NULL;
  const char *end;

  if (start == NULL)
    return NULL;
  start += prefix_length;
  for (end = start; end < data + length; end++)
    if (!g_ascii_isalnum (*end) && *end != '+' && *end != '/' && *end != '=')
      break;
  *token_length = (gsize) (end - start);
  return start;
}

gboolean
mc_figure_fragment_contains (const char *data,
                             gsize       length)
{
  gsize token_length;

  return find_token (data, length, &token_length) != NULL;
}

/* gunzip, refusing more than a board file may hold */
static GBytes *
gunzip (const guchar  *data,
        gsize          length,
        GError       **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) memory = g_memory_input_stream_new_from_data (data, (gssize) length, NULL);
  g_autoptr(GInputStream) stream = g_converter_input_stream_new (memory, G_CONVERTER (decompressor));
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guchar buffer[16384];
  gssize n;

  while ((n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, error)) > 0)
    {
      if (out->len + (gsize) n > MC_BOARD_MAX_FILE_SIZE)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "too large");
          return NULL;
        }
      g_byte_array_append (out, buffer, (guint) n);
    }
  if (n < 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

McBoard *
mc_figure_fragment_decode (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) board_data = NULL;
  g_autofree char *token = NULL;
  g_autofree guchar *packed = NULL;
  const char *start;
  gsize token_length = 0;
  gsize packed_length = 0;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  start = find_token (data, length, &token_length);
  if (start == NULL || token_length == 0)
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_A_BOARD,
                   _("%s: this file holds no board: export figures with Missiecanvas 0.2 or later to reopen them"),
                   display_name);
      return NULL;
    }

  token = g_strndup (start, token_length);
  packed = g_base64_decode (token, &packed_length);
  board_data = packed_length > 0 ? gunzip (packed, packed_length, &local_error) : NULL;
  if (board_data == NULL)
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON,
                   _("%s: the board in this file is damaged"), display_name);
      return NULL;
    }

  return mc_board_load_from_data (g_bytes_get_data (board_data, NULL), g_bytes_get_size (board_data),
                                  display_name, MC_BOARD_LOAD_NONE, error);
}
