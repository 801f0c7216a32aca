/* mc-json-writer.c — pretty-printed JSON straight into a GString */
#include "config.h"

#include <math.h>

#include "mc-json-writer-private.h"

static void
append_indent (GString *out,
               guint    level)
{
  static const char spaces[] = "                                                                ";
  gsize n = level * 2;

  while (n > 0)
    {
      gsize chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (out, spaces, chunk);
      n -= chunk;
    }
}

void
_mc_json_append_string (GString    *out,
                        const char *str)
{
  const char *run = str;
  const char *p;

  g_string_append_c (out, '"');
  for (p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      char buf[8];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\t': escape = "\\t"; break;
        case '\r': escape = "\\r"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_snprintf (buf, sizeof buf, "\\u%04x", c);
          escape = buf;
          break;
        }

      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* Shortest of %.15g / %.17g that reads back as the same double, and
 * integers without a fraction, so bytes are stable and diffs readable. */
void
_mc_json_append_double (GString *out,
                        double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    {
      /* JSON has no infinities; only unknown members can hold one. */
      g_string_append (out, "null");
      return;
    }
  if (v == 0)
    {
      g_string_append_c (out, '0');
      return;
    }
  if (v == floor (v) && fabs (v) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) v);
      return;
    }

  g_ascii_formatd (buf, sizeof buf, "%.15g", v);
  if (g_ascii_strtod (buf, NULL) != v)
    g_ascii_formatd (buf, sizeof buf, "%.17g", v);
  g_string_append (out, buf);
}

void
_mc_json_begin (McJsonWriter *w,
                char          open)
{
  g_string_append_c (w->out, open);
  w->level++;
  w->first = TRUE;
}

void
_mc_json_end (McJsonWriter *w,
              char          close,
              gboolean      was_empty)
{
  w->level--;
  if (!was_empty)
    {
      g_string_append_c (w->out, '\n');
      append_indent (w->out, w->level);
    }
  g_string_append_c (w->out, close);
  w->first = FALSE;
}

void
_mc_json_next_item (McJsonWriter *w)
{
  g_string_append (w->out, w->first ? "\n" : ",\n");
  append_indent (w->out, w->level);
  w->first = FALSE;
}

void
_mc_json_member (McJsonWriter *w,
                 const char   *name)
{
  _mc_json_next_item (w);
  _mc_json_append_string (w->out, name);
  g_string_append (w->out, ": ");
}

void
_mc_json_string_member (McJsonWriter *w,
                        const char   *name,
                        const char   *value)
{
  _mc_json_member (w, name);
  _mc_json_append_string (w->out, value);
}

void
_mc_json_double_member (McJsonWriter *w,
                        const char   *name,
                        double        value)
{
  _mc_json_member (w, name);
  _mc_json_append_double (w->out, value);
}

void
_mc_json_write_extra_members (McJsonWriter *w,
                              JsonObject   *extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      _mc_json_member (w, name);
      _mc_json_write_node (w, node);
    }
}

/* Unknown members: any JSON. Depth is bounded by the loader's limit. */
void
_mc_json_write_node (McJsonWriter *w,
                     JsonNode     *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);

        _mc_json_begin (w, '{');
        _mc_json_write_extra_members (w, object);
        _mc_json_end (w, '}', json_object_get_size (object) == 0);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        _mc_json_begin (w, '[');
        for (guint i = 0; i < n; i++)
          {
            _mc_json_next_item (w);
            _mc_json_write_node (w, json_array_get_element (array, i));
          }
        _mc_json_end (w, ']', n == 0);
      }
      break;
    case JSON_NODE_NULL:
      g_string_append (w->out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          _mc_json_append_string (w->out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (w->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          _mc_json_append_double (w->out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (w->out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_string_append (w->out, "null");
          break;
        }
      break;
    }
}
