/* mc-board-io.c — reading and writing *.missiecanvas files
 *
 * Reading: the guards (mc-board-guards.c) refuse what the parser must not
 * see; json-glib parses; the decoder (mc-board-decode.c) validates and
 * builds the board. Writing: mc-board-encode.c gives the bytes, and
 * mc-atomic-write.c puts them on disk so that a crash leaves the old file
 * or the new one.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "mc-board-decoder-private.h"
#include "mc-board-guards-private.h"
#include "mc-board-io-private.h"
#include "mc-board-private.h"
#include "mc-board-save-private.h"

#define EXAMPLE_RESOURCE RESOURCE_PREFIX "/examples/example.missiecanvas"

void
_mc_board_io_set_save_fault_for_test (McSaveFault fault)
{
  _mc_atomic_write_set_fault_for_test (fault);
}

static void
free_parser (gpointer data,
             gpointer user_data)
{
  g_object_unref (data);
}

/* Freeing json-glib's tree of a large file costs about half as much as
 * parsing it. Nothing in the board points into the tree (strings are copied,
 * unknown members deep-copied), so a worker thread frees it while the
 * caller goes on with the board. */
static void
release_parser (JsonParser *parser,
                gsize       length)
{
  static GThreadPool *pool = NULL;

  if (length >= 256 * 1024)
    {
      if (g_once_init_enter (&pool))
        g_once_init_leave (&pool, g_thread_pool_new (free_parser, NULL, 1, FALSE, NULL));
      g_thread_pool_push (pool, parser, NULL);
    }
  else
    g_object_unref (parser);
}

McBoard *
mc_board_load_from_data (const char        *data,
                         gsize              length,
                         const char        *display_name,
                         McBoardLoadFlags   flags,
                         GError           **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(McBoard) board = NULL;
  gboolean surrogate_escapes = FALSE;
  McDecoder dec;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("board");
  if (length == (gsize) -1)
    length = strlen (data);

  if (length > MC_BOARD_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (MC_BOARD_MAX_FILE_SIZE);

      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE,
                   _("%s: the file is %s; a board may be at most %s"),
                   display_name, size, max);
      return NULL;
    }

  if (!_mc_board_check_structure (data, length, display_name, &surrogate_escapes, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      _mc_board_set_parse_error (data, length, display_name, parse_error, error);
      return NULL;
    }
  /* (The root is NULL for a file of only comments: decoding reports it.)
   * Only escaped surrogates can put invalid UTF-8 in the tree, so the
   * walk over every string runs only for files that have them. */
  if (surrogate_escapes && json_parser_get_root (parser) != NULL &&
      !_mc_board_check_utf8 (json_parser_get_root (parser), display_name, error))
    return NULL;

  board = mc_board_new ();
  dec.display_name = display_name;
  dec.board = board;
  dec.error = error;

  if (!_mc_board_decode_document (&dec, json_parser_get_root (parser), flags))
    {
      release_parser (g_steal_pointer (&parser), length);
      return NULL;
    }

  release_parser (g_steal_pointer (&parser), length);
  return g_steal_pointer (&board);
}

McBoard *
mc_board_load_from_file (GFile             *file,
                         McBoardLoadFlags   flags,
                         GError           **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  McBoard *board;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_mc_board_read_file (file, &display_name, &contents, &length, error))
    return NULL;

  board = mc_board_load_from_data (contents, length, display_name, flags, error);
  if (board != NULL)
    mc_board_set_file (board, file);

  return board;
}

McBoard *
mc_board_new_example (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  McBoard *board;
  gsize length;
  const char *data;

  mc_core_ensure_resources ();

  bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_warning ("The example board is missing from the resources: %s", error->message);
      return mc_board_new ();
    }

  data = g_bytes_get_data (bytes, &length);
  board = mc_board_load_from_data (data, length, "example.missiecanvas",
                                   MC_BOARD_LOAD_NONE, &error);
  if (board == NULL)
    {
      /* Still being written while the app is developed; not worth a warning
       * that would abort tests running with fatal warnings. */
      g_debug ("Could not load the example board: %s", error->message);
      return mc_board_new ();
    }

  return board;
}


char *
_mc_board_save_path (GFile   *file,
                     GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO,
                   _("Could not save %s: only local files can be saved"), uri);
    }
  return path;
}

/* Revision marks describe the file, not an edit: set outside the history. */
void
_mc_save_marks_stamp (McSaveMarks *marks,
                      McBoard     *board)
{
  marks->old_revision = g_strdup (mc_board_get_meta (board, MC_META_REVISION));
  marks->old_base = g_strdup (mc_board_get_meta (board, MC_META_BASE_REVISION));
  marks->new_revision = g_uuid_string_random ();
  if (marks->old_revision != NULL && marks->old_base == NULL)
    _mc_board_update_meta (board, MC_META_BASE_REVISION, marks->old_revision);
  _mc_board_update_meta (board, MC_META_REVISION, marks->new_revision);
}

void
_mc_save_marks_restore (McSaveMarks *marks,
                        McBoard     *board)
{
  if (g_strcmp0 (mc_board_get_meta (board, MC_META_REVISION), marks->new_revision) != 0)
    return;
  _mc_board_update_meta (board, MC_META_REVISION, marks->old_revision);
  _mc_board_update_meta (board, MC_META_BASE_REVISION, marks->old_base);
}

void
_mc_save_marks_clear (McSaveMarks *marks)
{
  g_clear_pointer (&marks->old_revision, g_free);
  g_clear_pointer (&marks->old_base, g_free);
  g_clear_pointer (&marks->new_revision, g_free);
}

gboolean
_mc_board_set_save_error (GError     **error,
                          const char  *path,
                          const char  *step,
                          int          saved_errno)
{
  /* Name the file that was written, the target of a symbolic link. */
  g_autofree char *resolved = realpath (path, NULL);
  g_autofree char *display = g_filename_display_name (resolved != NULL ? resolved : path);

  g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO,
               _("Could not save %s: %s: %s"), display, step, g_strerror (saved_errno));
  return FALSE;
}

gboolean
mc_board_save_to_file (McBoard  *board,
                       GFile    *file,
                       GError  **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  McSaveMarks marks = { NULL, NULL, NULL };
  const char *step = NULL;
  gboolean written;
  gsize length;

  g_return_val_if_fail (MC_IS_BOARD (board), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = _mc_board_save_path (file, error);
  if (path == NULL)
    return FALSE;

  _mc_save_marks_stamp (&marks, board);
  data = mc_board_to_data (board, &length);
  written = _mc_write_file_atomically (path, data, length, MC_ATOMIC_WRITE_KEEP_BACKUP, &step);
  if (!written)
    {
      int saved_errno = errno;

      _mc_save_marks_restore (&marks, board);
      _mc_board_set_save_error (error, path, step, saved_errno);
    }
  _mc_save_marks_clear (&marks);
  if (!written)
    return FALSE;

  mc_board_set_file (board, file);
  mc_board_mark_saved (board);
  return TRUE;
}

gboolean
mc_board_read_file_contents (GFile   *file,
                             char   **display_name,
                             char   **contents,
                             gsize   *length,
                             GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (display_name != NULL && contents != NULL && length != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _mc_board_read_file (file, display_name, contents, length, error);
}
