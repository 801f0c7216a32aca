/* mc-board-io.h — reading and writing *.missiecanvas files
 *
 * Pretty-printed UTF-8 JSON:
 *   {"format": "missiecanvas", "format_version": 1,
 *    "generator": "missiecanvas 0.1", "board": {…}}
 * Members the loader does not know are kept and written back. Loading runs
 * the migrations table (one step per version) on the JSON tree before
 * decoding. Errors name the file, the JSON location and what was expected.
 * The limits the loader enforces, and the error domain, are in mc-limits.h.
 */
#pragma once

#include <gio/gio.h>
#include "mc-board.h"
#include "mc-limits.h"

G_BEGIN_DECLS

#define MC_BOARD_FORMAT_VERSION 1

typedef enum /*< flags >*/
{
  MC_BOARD_LOAD_NONE        = 0,
  /* Open a newer format_version read-only instead of failing with
   * MC_BOARD_ERROR_NEWER_VERSION. */
  MC_BOARD_LOAD_ALLOW_NEWER = 1 << 0,
} McBoardLoadFlags;

/* display_name is used in error messages (a file's basename or "clipboard"). */
McBoard  *mc_board_load_from_data   (const char        *data,
                                     gsize              length,
                                     const char        *display_name,
                                     McBoardLoadFlags   flags,
                                     GError           **error);
McBoard  *mc_board_load_from_file   (GFile             *file,
                                     McBoardLoadFlags   flags,
                                     GError           **error);
/* Reads a file for an import the way the loader reads a board: only a
 * regular file (a FIFO, device or folder is refused with a clear message),
 * at most MC_BOARD_MAX_FILE_SIZE bytes. display_name names it in errors. */
gboolean  mc_board_read_file_contents (GFile           *file,
                                       char           **display_name,
                                       char           **contents,
                                       gsize           *length,
                                       GError         **error);
/* The example board compiled into the core's GResource. */
McBoard  *mc_board_new_example      (void);
char     *mc_board_to_data          (McBoard           *board,
                                     gsize             *length);
/* The same text, in two halves: the board is copied when called, on its
 * own thread (about a millisecond for 10,000 notes), and the copy is
 * encoded in a worker; later edits do not reach the text. */
void      mc_board_to_data_async    (McBoard             *board,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
GBytes   *mc_board_to_data_finish   (McBoard             *board,
                                     GAsyncResult        *result,
                                     GError             **error);
/* Atomic: writes NAME.tmp-XXXXXX in the same directory, fsyncs it, keeps the
 * old file as NAME~ , renames into place, fsyncs the directory. On failure
 * the file on disk and the board are untouched. On success the board's file
 * is set and the board marked saved. */
gboolean  mc_board_save_to_file     (McBoard           *board,
                                     GFile             *file,
                                     GError           **error);

G_END_DECLS
