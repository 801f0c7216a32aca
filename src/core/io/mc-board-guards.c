/* mc-board-guards.c — what stands between a hostile file and the parser
 *
 * json-glib's parser recurses per nesting level and is lenient in places
 * where a file we could not write back must be refused, so a cheap byte
 * scan runs first; errors say where (line:column) and what is wrong.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>

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

/* "NAME:LINE:COLUMN: MESSAGE" for the byte at offset. */
static gboolean G_GNUC_PRINTF (5, 6)
fail_at (GError     **error,
         McBoardError code,
         const char  *data,
         gsize        offset,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  offset_to_location (data, offset, &line, &column);
  g_set_error (error, MC_BOARD_ERROR, code, "%u:%u: %s", line, column, message);
  return FALSE;
}

/* Text that is not UTF-8 at all, or starts with a byte order mark, would
 * otherwise be reported as "text after the end of the board". */
static gboolean
check_encoding (const char  *data,
                gsize        length,
                GError     **error)
{
  const guchar *u = (const guchar *) data;
  const char *encoding = NULL;

  if (length >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON,
                   _("the file starts with a byte order mark (BOM); "
                     "a board file is UTF-8 without one"));
      return FALSE;
    }

  if (length >= 4 && ((u[0] == 0 && u[1] == 0 && u[2] == 0xfe && u[3] == 0xff) ||
                      (u[0] == 0xff && u[1] == 0xfe && u[2] == 0 && u[3] == 0) ||
                      (u[0] == 0 && u[1] == 0 && u[2] == 0 && u[3] != 0) ||
                      (u[0] != 0 && u[1] == 0 && u[2] == 0 && u[3] == 0)))
    encoding = "UTF-32";
  else if (length >= 2 && ((u[0] == 0xfe && u[1] == 0xff) || (u[0] == 0xff && u[1] == 0xfe) ||
                           (u[0] == 0 && u[1] != 0) || (u[0] != 0 && u[1] == 0)))
    encoding = "UTF-16";

  if (encoding == NULL)
    return TRUE;
  g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON,
               _("the file is %s text; a board file is UTF-8"), encoding);
  return FALSE;
}

/* json-glib reads a whole number that does not fit 64 bits as some other
 * number ("format_version": 99999999999999999999999 as -1), which would be
 * reported, or written back, as what the file did not say. (A number
 * beyond a double becomes infinity, which the decoder reports itself.) */
static gboolean
check_number (const char  *data,
              gsize        start,
              gsize        end,
              GError     **error)
{
  g_autofree char *token = NULL;  /* at least 41 bytes when shown shortened */
  gsize digits = 0;

  if (data[start] != '-' && !g_ascii_isdigit (data[start]))
    return TRUE;

  for (gsize i = start; i < end; i++)
    {
      if (data[i] == '.' || data[i] == 'e' || data[i] == 'E')
        return TRUE;
      digits += g_ascii_isdigit (data[i]) ? 1 : 0;
    }
  if (digits < 19)
    return TRUE;

  token = g_strndup (data + start, end - start);
  errno = 0;
  g_ascii_strtoll (token, NULL, 10);
  if (errno != ERANGE)
    return TRUE;

  if (end - start > 40)
    strcpy (token + 37, "…");
  return fail_at (error, MC_BOARD_ERROR_INVALID, data, start,
                  _("the whole number %s is out of range"), token);
}

/* json-glib's parser recurses per nesting level, so a hostile file could
 * exhaust the stack: count brackets outside strings first. Also tells an
 * empty (or blank) file apart, and refuses what json-glib would accept but
 * a board could not write back: comments, U+0000 in a string, numbers out
 * of range. */
static gboolean
scan (const char  *data,
      gsize        length,
      gboolean    *surrogate_escapes,
      GError     **error)
{
  guint depth = 0;
  gboolean blank = TRUE;
  gboolean closed = FALSE; /* the first top-level value has ended */

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '/')
        return fail_at (error, MC_BOARD_ERROR_NOT_JSON, data, i,
                        _("not valid JSON: a comment (// or /* */); a board file has none"));

      /* One value per file: json-glib 1.6 would keep the last of several
       * and leak the others. */
      if (closed && data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
        return fail_at (error, MC_BOARD_ERROR_NOT_JSON, data, i,
                        _("not valid JSON: text after the end of the board"));

      switch (data[i])
        {
        case ' ': case '\t': case '\n': case '\r': case ',': case ':':
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
                /* C strings end at U+0000: the text would be cut short. */
                if (i + 5 < length && strncmp (data + i + 1, "u0000", 5) == 0)
                  return fail_at (error, MC_BOARD_ERROR_INVALID, data, i,
                                  _("a text holds the character U+0000 (\\u0000), "
                                    "which a board cannot keep"));
                i++;
              }
          closed = depth == 0;
          break;
        case '{': case '[':
          blank = FALSE;
          if (++depth > MC_BOARD_MAX_DEPTH)
            return fail_at (error, MC_BOARD_ERROR_TOO_DEEP, data, i,
                            _("nested more than %d levels deep"), MC_BOARD_MAX_DEPTH);
          break;
        case '}': case ']':
          blank = FALSE;
          if (depth > 0)
            depth--;
          closed = depth == 0;
          break;
        default:
          {
            gsize start = i;

            /* a number, true, false or null: up to its end */
            blank = FALSE;
            while (i + 1 < length && strchr (" \t\n\r{}[]\",:/", data[i + 1]) == NULL)
              i++;
            if (!check_number (data, start, i + 1, error))
              return FALSE;
            closed = depth == 0;
          }
          break;
        }
    }

  if (blank)
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON, _("the file is empty"));
      return FALSE;
    }

  return TRUE;
}

gboolean
_mc_board_check_structure (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           gboolean    *surrogate_escapes,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (check_encoding (data, length, &local_error) &&
      scan (data, length, surrogate_escapes, &local_error))
    return TRUE;

  /* "NAME: …" or "NAME:LINE:COLUMN: …" */
  g_set_error (error, MC_BOARD_ERROR, local_error->code, "%s%s%s", display_name,
               g_ascii_isdigit (local_error->message[0]) ? ":" : ": ", local_error->message);
  return FALSE;
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
    g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON, "%s:%s",
                 display_name, message + strlen ("<data>:"));
  else if (!g_utf8_validate (data, length, &end))
    {
      guint line, column;

      offset_to_location (data, end - data, &line, &column);
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON,
                   _("%s:%u:%u: not valid UTF-8 text"), display_name, line, column);
    }
  else
    g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON,
                 _("%s: not valid JSON: %s"), display_name, message);

  /* One line: json-glib quotes the offending text, newlines and all
   * (found by fuzz-json-canvas). */
  if (error != NULL && *error != NULL)
    g_strdelimit ((*error)->message, "\r\n", ' ');
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
          if (!g_utf8_validate (name, -1, NULL) || !_mc_board_check_utf8 (member, display_name,
                                                                          error))
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

static gboolean
too_large (const char  *display_name,
           goffset      size,
           GError     **error)
{
  g_autofree char *shown = g_format_size (size);
  g_autofree char *max = g_format_size (MC_BOARD_MAX_FILE_SIZE);

  g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE,
               _("%s: the file is %s; a board may be at most %s"), display_name, shown, max);
  return FALSE;
}

/* Reads up to one byte past the limit, so a file that grows while it is
 * read (or a size that lies) still ends as "too large". */
static gboolean
read_capped (GInputStream  *stream,
             const char    *display_name,
             goffset        expected,
             char         **contents,
             gsize         *length,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize capacity = (gsize) MIN (expected, MC_BOARD_MAX_FILE_SIZE) + 1;
  gsize total = 0;
  char *buffer = g_malloc (capacity + 1);

  for (;;)
    {
      gsize n = 0;

      if (total == capacity)
        {
          if (capacity > MC_BOARD_MAX_FILE_SIZE)
            {
              g_free (buffer);
              return too_large (display_name, (goffset) total, error);
            }
          capacity = MIN (capacity * 2, (gsize) MC_BOARD_MAX_FILE_SIZE + 1);
          buffer = g_realloc (buffer, capacity + 1);
        }
      if (!g_input_stream_read_all (stream, buffer + total, capacity - total, &n, NULL,
                                    &local_error))
        {
          g_free (buffer);
          g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO,
                       "%s: %s", display_name, local_error->message);
          return FALSE;
        }
      total += n;
      if (total < capacity)
        break;
    }

  buffer[total] = '\0';
  *contents = buffer;
  *length = total;
  return TRUE;
}

static gboolean
refuse_type (const char  *display_name,
             GFileType    type,
             GError     **error)
{
  if (type == G_FILE_TYPE_DIRECTORY)
    g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO,
                 _("%s: is a folder, not a board file"), display_name);
  else
    g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO,
                 _("%s: is not a regular file (but a pipe, device or socket); "
                   "a board is read only from a file"), display_name);
  return FALSE;
}

gboolean
_mc_board_read_file (GFile       *file,
                     char       **display_name,
                     char       **contents,
                     gsize       *length,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GInputStream) stream = NULL;
  goffset size;

  *display_name = NULL;
  if (path != NULL)
    {
      struct stat st;
      int fd;

      /* Non-blocking, so that opening a FIFO does not wait for a writer;
       * the type is then checked on what was opened, not on the name. */
      *display_name = g_filename_display_basename (path);
      fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
      if (fd < 0)
        {
          int saved_errno = errno;
          g_autofree char *name = g_filename_display_name (path);

          g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO,
                       "%s: %s", name, g_strerror (saved_errno));
          return FALSE;
        }
      if (fstat (fd, &st) != 0)
        st.st_mode = 0;
      if (!S_ISREG (st.st_mode))
        {
          close (fd);
          return refuse_type (*display_name,
                              S_ISDIR (st.st_mode) ? G_FILE_TYPE_DIRECTORY : G_FILE_TYPE_SPECIAL,
                              error);
        }
      size = st.st_size;
      stream = g_unix_input_stream_new (fd, TRUE);
    }
  else
    {
      g_autoptr(GFileInfo) info = NULL;

      info = g_file_query_info (file,
                                G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                                G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                G_FILE_QUERY_INFO_NONE, NULL, &local_error);
      if (info == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO,
                       "%s: %s", name, local_error->message);
          return FALSE;
        }
      *display_name = g_strdup (g_file_info_get_display_name (info));
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        return refuse_type (*display_name, g_file_info_get_file_type (info), error);
      size = g_file_info_get_size (info);
      stream = G_INPUT_STREAM (g_file_read (file, NULL, &local_error));
      if (stream == NULL)
        {
          g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO,
                       "%s: %s", *display_name, local_error->message);
          return FALSE;
        }
    }

  if (size > MC_BOARD_MAX_FILE_SIZE)
    return too_large (*display_name, size, error);

  return read_capped (stream, *display_name, size, contents, length, error);
}
