/* mc-command.h — the undoable edits of a board
 *
 * Every change a user (or the command line, or merge) makes to a board is a
 * McCommand executed with mc_board_execute(). The board owns the command
 * afterwards. Commands refer to notes and figures by id, never by position.
 */
#pragma once

#include "mc-types.h"

G_BEGIN_DECLS

/* Notes. The McNote / McFigure arguments are detached copies (mc_note_dup /
 * mc_note_new) whose state the command installs; they are taken (transfer full). */
McCommand  *mc_command_add_note          (McNote      *note);
McCommand  *mc_command_add_notes         (GPtrArray   *notes);          /* of McNote*, transfer container+elements */
McCommand  *mc_command_remove_notes      (McBoard     *board,
                                          const char * const *ids);
McCommand  *mc_command_update_note       (McBoard     *board,
                                          McNote      *changed);
McCommand  *mc_command_update_notes      (McBoard     *board,
                                          GPtrArray   *changed);        /* e.g. a group move */
/* Typing: consecutive text commands on the same note coalesce into one undo
 * step (until mc_history_break_coalescing() or another command). */
McCommand  *mc_command_set_note_text     (McBoard     *board,
                                          const char  *note_id,
                                          const char  *text);
McCommand  *mc_command_raise_notes       (McBoard     *board,
                                          const char * const *ids);    /* bring to front */

/* Figures. Removing a figure removes the notes anchored to it in the same step. */
McCommand  *mc_command_add_figure        (McFigure    *figure);
McCommand  *mc_command_remove_figure     (McBoard     *board,
                                          const char  *figure_id);
McCommand  *mc_command_update_figure     (McBoard     *board,
                                          McFigure    *changed);

/* Clusters (mc-cluster.h); the McCluster arguments are detached and taken.
 * A note belongs to at most one cluster: adding or updating a cluster takes
 * its notes out of any other cluster in the same step, and a cluster left
 * without notes goes. Removing notes (or a figure with its notes) takes
 * them out of their clusters in the same step too; undo restores both. */
McCommand  *mc_command_add_cluster       (McBoard     *board,
                                          McCluster   *cluster);
McCommand  *mc_command_remove_cluster    (McBoard     *board,
                                          const char  *cluster_id);
McCommand  *mc_command_update_cluster    (McBoard     *board,
                                          McCluster   *changed);

/* Board properties. */
McCommand  *mc_command_set_title         (McBoard     *board,
                                          const char  *title);
McCommand  *mc_command_set_language      (McBoard     *board,
                                          McLanguage   language);
McCommand  *mc_command_set_phase         (McBoard     *board,
                                          McPhase      phase);
McCommand  *mc_command_set_meta          (McBoard     *board,
                                          const char  *key,
                                          const char  *value);          /* NULL removes */

/* Several commands as one undo step ("Merge", "Arrange notes", "Paste"). */
McCommand  *mc_command_group_new         (const char  *label);
void        mc_command_group_add         (McCommand   *group,
                                          McCommand   *command);        /* transfer full */
gboolean    mc_command_group_is_empty    (McCommand   *group);

/* A translated, human label for "Undo …" menu items. */
const char *mc_command_get_label         (McCommand   *command);
void        mc_command_free              (McCommand   *command);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McCommand, mc_command_free)

G_END_DECLS
