/* mc-document.h — one open board: its file, file watch and autosave
 *
 * A McDocument owns a board and everything that ties it to disk: the file
 * it was read from, the McFileWatch that notices other programs' changes,
 * and the McAutosave that keeps a recovery copy. Loading and saving run in
 * a worker thread (GTask): the board is serialized on the main thread
 * first, so the worker never touches the live board, and the write keeps
 * the atomic-save guarantees of mc_board_save_to_file() (temporary file,
 * fsync, NAME~ backup, rename, folder sync, errors naming the step).
 *
 * A save to the document's own file compares the disk with the version
 * last loaded, saved or merged first: when another program changed it,
 * the save fails with MC_DOCUMENT_ERROR_CHANGED_ON_DISK instead of
 * overwriting, unless MC_DOCUMENT_SAVE_OVERWRITE says the person chose to.
 */
#pragma once

#include <gio/gio.h>
#include "mc-autosave.h"
#include "mc-board.h"
#include "mc-file-watch.h"

G_BEGIN_DECLS

#define MC_DOCUMENT_ERROR (mc_document_error_quark ())
GQuark mc_document_error_quark (void);

typedef enum
{
  MC_DOCUMENT_ERROR_CHANGED_ON_DISK, /* another program wrote the file since */
  MC_DOCUMENT_ERROR_READ_ONLY,       /* the board is from a newer version */
  MC_DOCUMENT_ERROR_BUSY,            /* a save of this document is running */
  MC_DOCUMENT_ERROR_NO_FILE,         /* no file given and the board has none */
} McDocumentError;

typedef enum /*< flags >*/
{
  MC_DOCUMENT_SAVE_NONE      = 0,
  /* Replace the file even when another program changed it. */
  MC_DOCUMENT_SAVE_OVERWRITE = 1 << 0,
} McDocumentSaveFlags;

#define MC_TYPE_DOCUMENT (mc_document_get_type ())
G_DECLARE_FINAL_TYPE (McDocument, mc_document, MC, DOCUMENT, GObject)

/* A document for board (new, example, or already loaded): what is on disk
 * at the board's file now counts as its version. */
McDocument   *mc_document_new              (McBoard              *board);
/* Reads and decodes file in a worker thread. A newer format opens
 * read-only. */
void          mc_document_load_async       (GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
McDocument   *mc_document_load_finish      (GAsyncResult         *result,
                                            GError              **error);
/* The same, blocking (the command line, tests). */
McDocument   *mc_document_load             (GFile                *file,
                                            GError              **error);
/* A recovery copy, continuing its autosave session. When the original
 * file changed since the recovered edits started, the file watch starts
 * in MC_FILE_WATCH_CHANGED: saving asks, and the merge offer applies. */
McDocument   *mc_document_new_recovered    (McRecoveryEntry      *entry,
                                            GError              **error);

McBoard      *mc_document_get_board        (McDocument           *self);
/* The board's file, or NULL. Borrowed. */
GFile        *mc_document_get_file         (McDocument           *self);
McFileWatch  *mc_document_get_file_watch   (McDocument           *self);
McAutosave   *mc_document_get_autosave     (McDocument           *self);
/* TRUE while a save runs ("saving" is notified). */
gboolean      mc_document_get_saving       (McDocument           *self);

/* Saves to file (NULL: the board's own file), which becomes the board's
 * file. The board is marked saved unless it was edited while the save ran. */
void          mc_document_save_async       (McDocument           *self,
                                            GFile                *file,
                                            McDocumentSaveFlags   flags,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      mc_document_save_finish      (McDocument           *self,
                                            GAsyncResult         *result,
                                            GError              **error);
gboolean      mc_document_save             (McDocument           *self,
                                            GFile                *file,
                                            McDocumentSaveFlags   flags,
                                            GError              **error);

/* contents (from mc_file_watch_load_disk()) were merged into the board:
 * they are the version on disk we now build on. */
void          mc_document_accept_disk      (McDocument           *self,
                                            GBytes               *contents);
/* The person threw the unsaved changes away: the recovery copy goes. */
void          mc_document_discard_changes  (McDocument           *self);

G_END_DECLS
