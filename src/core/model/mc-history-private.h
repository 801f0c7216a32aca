/* mc-history-private.h — how McBoard drives its McHistory */
#pragma once

#include "mc-history.h"

G_BEGIN_DECLS

McHistory  *_mc_history_new           (McBoard   *board);     /* board not referenced */
/* Takes an executed command; merges typing into the previous step when it
 * may (see mc_command_set_note_text) and clears the redo stack. */
void        _mc_history_push          (McHistory *self,
                                       McCommand *command);   /* transfer full */
/* Moves the newest step to the redo stack (or back); returns it, borrowed,
 * for the board to revert (or re-apply); NULL when there is none. */
McCommand  *_mc_history_step_back     (McHistory *self);
McCommand  *_mc_history_step_forward  (McHistory *self);
void        _mc_history_mark_saved    (McHistory *self);
/* TRUE while the state differs from the one last marked saved. */
gboolean    _mc_history_get_modified  (McHistory *self);
/* Notifies can-undo, can-redo, undo-label and redo-label where they changed
 * since the last call; returns TRUE if any did. */
gboolean    _mc_history_sync          (McHistory *self);

G_END_DECLS
