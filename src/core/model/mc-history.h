/* mc-history.h — unlimited undo/redo of McCommands
 *
 * Owned by its McBoard (mc_board_get_history); use mc_board_execute,
 * mc_board_undo and mc_board_redo to change it. Properties can-undo,
 * can-redo, undo-label and redo-label notify on real change.
 */
#pragma once

#include "mc-types.h"

G_BEGIN_DECLS

#define MC_TYPE_HISTORY (mc_history_get_type ())
G_DECLARE_FINAL_TYPE (McHistory, mc_history, MC, HISTORY, GObject)

gboolean     mc_history_get_can_undo          (McHistory *self);
gboolean     mc_history_get_can_redo          (McHistory *self);
const char  *mc_history_get_undo_label        (McHistory *self);  /* NULL when nothing to undo */
const char  *mc_history_get_redo_label        (McHistory *self);
guint        mc_history_get_n_undo            (McHistory *self);
guint        mc_history_get_n_redo            (McHistory *self);
/* Ends the current typing run: the next text command starts a new step. */
void         mc_history_break_coalescing      (McHistory *self);
void         mc_history_clear                 (McHistory *self);

G_END_DECLS
