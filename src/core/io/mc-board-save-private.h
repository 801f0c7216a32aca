/* mc-board-save-private.h — the steps every save of a board shares
 *
 * mc_board_save_to_file() (mc-board-io.c) and McDocument (mc-document.c)
 * save the same way: a local path, revision marks stamped outside the
 * history (and put back when the write fails), and an error naming the
 * file and the step that failed.
 */
#pragma once

#include <gio/gio.h>

#include "mc-board.h"

G_BEGIN_DECLS

/* The local path to write file to, or NULL with an error: only local files
 * can be saved. */
char     *_mc_board_save_path      (GFile       *file,
                                    GError     **error);

typedef struct
{
  char *old_revision;
  char *old_base;
  char *new_revision;
} McSaveMarks;

/* Sets meta.revision to a new id (and meta.base-revision to the old one on
 * the first save of a copy), remembering what was there. */
void      _mc_save_marks_stamp     (McSaveMarks *marks,
                                    McBoard     *board);
/* The write failed: puts the old marks back, unless an edit meanwhile
 * moved them on. */
void      _mc_save_marks_restore   (McSaveMarks *marks,
                                    McBoard     *board);
void      _mc_save_marks_clear     (McSaveMarks *marks);

/* "Could not save FILE: STEP: REASON", naming the target of a symbolic
 * link. Returns FALSE. */
gboolean  _mc_board_set_save_error (GError     **error,
                                    const char  *path,
                                    const char  *step,
                                    int          saved_errno);

G_END_DECLS
