/* mc-board-decoder.c — the object decoder: typed, validating readers of
 * JSON members that report errors with the file name and the member's path
 * ("example.missiecanvas: board.notes[3].width: expected …, got …").
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mc-board-decoder-private.h"
#include "mc-board-private.h"
#include "mc-json-writer-private.h"

static char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("an array"));
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *str = json_node_get_string (node);
        glong len = g_utf8_strlen (str, -1);

        if (len > 40)
          {
            g_autofree char *start = g_utf8_substring (str, 0, 37);

            return g_strdup_printf (_("“%s…” (%ld characters)"), start, len);
          }
        return g_strdup_printf ("“%s”", str);
      }
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        g_autoptr(GString) str = g_string_new (NULL);
        double v = json_node_get_double (node);

        if (!isfinite (v))
          return g_strdup (v > 0 ? "inf" : "-inf");
        /* 1.0 stays "1.0": the point is why a whole number was refused. */
        _mc_json_append_double (str, v);
        if (strpbrk (str->str, ".en") == NULL)
          g_string_append (str, ".0");
        return g_string_free (g_steal_pointer (&str), FALSE);
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return g_strdup (_("an unknown value"));
    }
}

char *
_mc_decoder_format_path (const char *parent,
                         int         index,
                         const char *member)
{
  GString *path = g_string_new (parent);

  if (index >= 0)
    g_string_append_printf (path, "[%d]", index);
  if (member != NULL)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, member);
    }

  return g_string_free (path, FALSE);
}

/* "example.missiecanvas: board.notes[3].width: expected …, got …" */
gboolean
_mc_decoder_fail (McDecoder    *dec,
                  McBoardError  code,
                  const char   *parent,
                  int           index,
                  const char   *member,
                  const char   *format,
                  ...)
{
  g_autofree char *path = _mc_decoder_format_path (parent, index, member);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (dec->error, MC_BOARD_ERROR, code, "%s: %s: %s",
               dec->display_name, path, message);
  return FALSE;
}

gboolean
_mc_decoder_fail_expected (McDecoder    *dec,
                           McBoardError  code,
                           const char   *parent,
                           int           index,
                           const char   *member,
                           const char   *expected,
                           JsonNode     *got)
{
  g_autofree char *described = describe_node (got);

  return _mc_decoder_fail (dec, code, parent, index, member,
                           _("expected %s, got %s"), expected, described);
}

/* Typed member readers: each validates and reports with the path. */

gboolean
_mc_decoder_read_string (McDecoder   *dec,
                         JsonNode    *node,
                         const char  *parent,
                         int          index,
                         const char  *member,
                         gsize        max_length,
                         const char **out)
{
  const char *str;
  gsize len;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, member,
                                      _("a string"), node);

  str = json_node_get_string (node);
  len = strlen (str);
  if (len > max_length)
    return _mc_decoder_fail (dec, MC_BOARD_ERROR_TOO_LARGE, parent, index, member,
                             _("expected at most %lu bytes, got %lu"),
                             (unsigned long) max_length, (unsigned long) len);
  if (!g_utf8_validate (str, len, NULL))
    return _mc_decoder_fail (dec, MC_BOARD_ERROR_INVALID, parent, index, member,
                             _("expected valid UTF-8 text"));

  *out = str;
  return TRUE;
}

/* Ids are what merge and undo rely on: a non-empty line of printable text. */
gboolean
_mc_decoder_read_id (McDecoder   *dec,
                     JsonNode    *node,
                     const char  *parent,
                     int          index,
                     const char **out)
{
  const char *id;

  if (!_mc_decoder_read_string (dec, node, parent, index, "id", MC_BOARD_MAX_ID_LENGTH,
                                &id))
    return FALSE;

  if (id[0] == '\0')
    return _mc_decoder_fail (dec, MC_BOARD_ERROR_INVALID, parent, index, "id",
                             _("expected a non-empty id"));
  for (const char *p = id; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, "id",
                                        _("an id without control characters"), node);

  *out = id;
  return TRUE;
}

gboolean
_mc_decoder_get_number (JsonNode *node,
                        double   *out)
{
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *out = (double) json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      *out = json_node_get_double (node);
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
_mc_decoder_read_coordinate (McDecoder  *dec,
                             JsonNode   *node,
                             const char *parent,
                             int         index,
                             const char *member,
                             double     *out)
{
  double v;

  if (!_mc_decoder_get_number (node, &v) || !isfinite (v) ||
      fabs (v) > MC_BOARD_MAX_COORDINATE)
    return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, member,
                                      _("a number between -10000000 and 10000000"), node);

  *out = v;
  return TRUE;
}

gboolean
_mc_decoder_read_size (McDecoder  *dec,
                       JsonNode   *node,
                       const char *parent,
                       int         index,
                       const char *member,
                       double      max,
                       double     *out)
{
  double v;

  if (!_mc_decoder_get_number (node, &v) || !isfinite (v) || v <= 0 || v > max)
    {
      g_autofree char *expected = NULL;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      expected = g_strdup_printf (_("a positive number up to %s"),
                                  g_ascii_formatd (buf, sizeof buf, "%g", max));
      return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, member,
                                        expected, node);
    }

  *out = v;
  return TRUE;
}

gboolean
_mc_decoder_read_time (McDecoder  *dec,
                       JsonNode   *node,
                       const char *parent,
                       int         index,
                       const char *member,
                       gint64     *out)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      !mc_time_parse (json_node_get_string (node), out))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL);

      /* An offset can carry a time past year 9999 (or before year 1) in UTC. */
      if (dt != NULL)
        return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, member,
                                          _("a time in the years 1 to 9999 (UTC)"), node);
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !mc_time_parse (json_node_get_string (node), out))
    return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, member,
                                      _("an ISO 8601 time such as “2026-11-22T10:05:00Z”"), node);
  return TRUE;
}

gboolean
_mc_decoder_read_color (McDecoder   *dec,
                        JsonNode    *node,
                        const char  *parent,
                        int          index,
                        const char **out)
{
  const char *str;

  if (!_mc_decoder_read_string (dec, node, parent, index, "color", MC_BOARD_MAX_ID_LENGTH,
                                &str))
    return FALSE;
  *out = _mc_note_intern_color (str);
  if (*out == NULL)
    return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, "color",
                                      _("a note colour (yellow, orange, pink, purple, blue or green)"),
                                      node);
  return TRUE;
}

gboolean
_mc_decoder_read_phase (McDecoder  *dec,
                        JsonNode   *node,
                        const char *parent,
                        int         index,
                        McPhase    *out)
{
  const char *str;

  if (!_mc_decoder_read_string (dec, node, parent, index, "phase", MC_BOARD_MAX_ID_LENGTH,
                                &str))
    return FALSE;
  if (!mc_phase_from_string (str, out))
    return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, "phase",
                                      _("“start”, “monitor” or “evaluate”"), node);
  return TRUE;
}

gboolean
_mc_decoder_read_array (McDecoder   *dec,
                        JsonNode    *node,
                        const char  *parent,
                        int          index,
                        const char  *member,
                        JsonArray  **out)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, member,
                                      _("an array"), node);
  *out = json_node_get_array (node);
  return TRUE;
}

/* json_node_copy() shares objects and arrays with the parser's tree; the
 * board must own its copy outright so the tree can be freed on another
 * thread (see release_parser). Depth is bounded by check_structure. */
static JsonNode *
deep_copy_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *copy = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        JsonNode *result;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          json_object_set_member (copy, name, deep_copy_node (member));
        result = json_node_init_object (json_node_alloc (), copy);
        json_object_unref (copy);
        return result;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        JsonArray *copy = json_array_sized_new (n);
        JsonNode *result;

        for (guint i = 0; i < n; i++)
          json_array_add_element (copy, deep_copy_node (json_array_get_element (array, i)));
        result = json_node_init_array (json_node_alloc (), copy);
        json_array_unref (copy);
        return result;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

/* Keeps a member this build does not know, for writing back. */
void
_mc_decoder_keep_unknown (JsonObject **extra,
                          const char  *name,
                          JsonNode    *node)
{
  if (*extra == NULL)
    *extra = json_object_new ();
  json_object_set_member (*extra, name, deep_copy_node (node));
}

/* Keeps, in their original order, the members of object not in known.
 * Only called when the unordered pass met an unknown member: the ordered
 * iterator costs a hash lookup per member, too much for every note. */
static JsonObject *
collect_unknown (JsonObject         *object,
                 const char * const *known)
{
  JsonObject *extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    if (!g_strv_contains (known, name))
      _mc_decoder_keep_unknown (&extra, name, node);

  return extra;
}

/* What figures, notes and clusters have in common: an object with an id
 * anywhere among its members, the others read by read_member, and the ones
 * this build does not know kept in *extra, in their original order. */
gboolean
_mc_decoder_decode_object (McDecoder           *dec,
                           JsonNode            *node,
                           const char          *parent,
                           int                  index,
                           const char * const  *known_members,
                           ReadMemberFunc       read_member,
                           gpointer             members,
                           const char         **id,
                           JsonObject         **extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean has_unknown = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, NULL,
                                      _("an object"), node);

  *id = NULL;
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &member))
    {
      gboolean known = TRUE;

      if (strcmp (name, "id") == 0)
        {
          if (!_mc_decoder_read_id (dec, member, parent, index, id))
            return FALSE;
        }
      else if (!read_member (dec, name, member, parent, index, members, &known))
        return FALSE;
      has_unknown |= !known;
    }

  if (has_unknown)
    *extra = collect_unknown (json_node_get_object (node), known_members);

  if (*id == NULL)
    return _mc_decoder_fail (dec, MC_BOARD_ERROR_INVALID, parent, index, "id",
                             _("expected an id, but the member is missing"));
  return TRUE;
}

gboolean
_mc_decoder_read_optional_string (McDecoder   *dec,
                                  JsonNode    *member,
                                  const char  *parent,
                                  int          index,
                                  const char  *name,
                                  gsize        max_length,
                                  const char **out)
{
  if (JSON_NODE_HOLDS_NULL (member))
    {
      *out = NULL;
      return TRUE;
    }
  return _mc_decoder_read_string (dec, member, parent, index, name, max_length, out);
}
