/* mc-board-guards.c — what stands between a hostile file and the parser
 *
 * json-glib's parser recurses per nesting level and is lenient in places
 * where a file we could not write back must be refused, so a cheap byte
 * scan runs first; errors say where (line:column) and what is wrong.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mc-board-guards-private.h"

static void
offset_to_location (const char *data,
                    gsize       offset,
                    guint      *line,
                    guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else
        (*column)++;
    }
}

/* json-glib's parser recurses per nesting level, so a hostile file could
 * exhaust the stack: count brackets outside strings first. Also tells an
 * empty (or blank) file apart. */
gboolean
_mc_board_check_structure (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           gboolean    *surrogate_escapes,
                           GError     **error)
{
  guint depth = 0;
  gboolean blank = TRUE;
  gboolean closed = FALSE; /* the first top-level value has ended */

  for (gsize i = 0; i < length; i++)
    {
      /* One value per file: json-glib 1.6 would keep the last of several
       * and leak the others. */
      if (closed && data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
        {
          guint line, column;

          offset_to_location (data, i, &line, &column);
          g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON,
                       _("%s:%u:%u: not valid JSON: text after the end of the board"),
                       display_name, line, column);
          return FALSE;
        }

      switch (data[i])
        {
        case ' ': case '\t': case '\n': case '\r':
          break;
        case '"':
          blank = FALSE;
          for (i++; i < length && data[i] != '"'; i++)
            if (data[i] == '\\')
              {
                /* \uD800–\uDFFF: json-glib turns a lone surrogate into bytes
                 * that are not UTF-8 (it rejects raw invalid UTF-8 itself). */
                if (i + 3 < length && data[i + 1] == 'u' &&
                    (data[i + 2] == 'd' || data[i + 2] == 'D') &&
                    strchr ("89abcdefABCDEF", data[i + 3]) != NULL)
                  *surrogate_escapes = TRUE;
                i++;
              }
          closed = depth == 0;
          break;
        case '{': case '[':
          blank = FALSE;
          if (++depth > MC_BOARD_MAX_DEPTH)
            {
              guint line, column;

              offset_to_location (data, i, &line, &column);
              g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_DEEP,
                           _("%s:%u:%u: nested more than %d levels deep"),
                           display_name, line, column, MC_BOARD_MAX_DEPTH);
              return FALSE;
            }
          break;
        case '}': case ']':
          blank = FALSE;
          if (depth > 0)
            depth--;
          closed = depth == 0;
          break;
        default:
          blank = FALSE;
          if (depth == 0)
            {
              /* a bare number, true, false or null: up to its end */
              while (i + 1 < length && strchr (" \t\n\r{}[]\",:", data[i + 1]) == NULL)
                i++;
              closed = TRUE;
            }
          break;
        }
    }

  if (blank)
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON,
                   _("%s: the file is empty"), display_name);
      return FALSE;
    }

  return TRUE;
}

void
_mc_board_set_parse_error (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           GError      *parse_error,
                           GError     **error)
{
  const char *message = parse_error->message;
  const char *end;

  /* json-glib says "<data>:LINE:COL: Parse error: …": put the file's name
   * in place of "<data>". */
  if (g_str_has_prefix (message, "<data>:"))
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON, "%s:%s",
                   display_name, message + strlen ("<data>:"));
      return;
    }

  if (!g_utf8_validate (data, length, &end))
    {
      guint line, column;

      offset_to_location (data, end - data, &line, &column);
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON,
                   _("%s:%u:%u: not valid UTF-8 text"), display_name, line, column);
      return;
    }

  g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON,
               _("%s: not valid JSON: %s"), display_name, message);
}
/* json-glib turns a lone "\ud800" escape into bytes that are not UTF-8.
 * Every member name and string is checked here, known or not, because
 * unknown members are written back and a file we write must load again.
 * Recursion is bounded: _mc_board_check_structure() limited the depth. */
gboolean
_mc_board_check_utf8 (JsonNode    *node,
                      const char  *display_name,
                      GError     **error)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          if (!g_utf8_validate (name, -1, NULL) || !_mc_board_check_utf8 (member, display_name, error))
            goto invalid;
        return TRUE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!_mc_board_check_utf8 (json_array_get_element (array, i), display_name, error))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING &&
          !g_utf8_validate (json_node_get_string (node), -1, NULL))
        goto invalid;
      return TRUE;
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }

invalid:
  if (error != NULL && *error == NULL)
    g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_INVALID,
                 _("%s: a text in the file is not valid UTF-8"), display_name);
  return FALSE;
}
