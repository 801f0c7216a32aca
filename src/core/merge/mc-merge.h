/* mc-merge.h — merging two copies of a board without losing a note
 *
 * Notes added on either side are kept; a note changed on one side takes that
 * change; changes to different fields of one note combine; a field changed
 * differently on both sides keeps both versions (the note and a conflict
 * copy in its region), marked as a conflict; a note deleted on one side and
 * changed on the other is kept and marked. Figures, votes, clusters and
 * board metadata merge the same way. With the board both copies started
 * from (base) the merge is three-way; without it nothing is ever dropped.
 * Whatever the inputs, the result stays within the loader's limits.
 *
 * The result is one McCommand group (label "Merge") that, executed on ours,
 * yields the merged board, so a merge is one undo step. Merging A into B
 * and B into A gives the same notes, figures and clusters, in the same
 * order, with the same times and unknown members (merged member by member):
 * every choice is made by value, never by side. Conflict
 * copies get ids derived from the note's id and the copy's content, so
 * merging several copies in any order gives the same notes.
 */
#pragma once

#include "mc-board.h"
#include "mc-command.h"

G_BEGIN_DECLS

#define MC_MERGE_ERROR (mc_merge_error_quark ())
GQuark mc_merge_error_quark (void);

typedef enum
{
  MC_MERGE_ERROR_READ_ONLY, /* ours is read-only */
  MC_MERGE_ERROR_TOO_LARGE, /* the merged board would break a limit of the loader */
  MC_MERGE_ERROR_SAME,      /* ours and theirs are the same object */
} McMergeError;

typedef struct _McMergeResult McMergeResult;

/* base may be NULL. When it is, and one copy's "base-revision" names the
 * other's "revision" (and that other is unmodified), the other is used as
 * the base. */
McMergeResult *mc_merge_boards                  (McBoard        *ours,
                                                 McBoard        *theirs,
                                                 McBoard        *base,
                                                 GError        **error);

/* The "Merge" group to execute on ours (transfer full; NULL once stolen). */
McCommand     *mc_merge_result_steal_command    (McMergeResult  *result);
/* TRUE when executing the command would change nothing. */
gboolean       mc_merge_result_is_empty         (McMergeResult  *result);
gboolean       mc_merge_result_get_three_way    (McMergeResult  *result);
guint          mc_merge_result_get_n_added      (McMergeResult  *result); /* notes only in theirs */
guint          mc_merge_result_get_n_changed    (McMergeResult  *result); /* ours' notes taking theirs' change */
guint          mc_merge_result_get_n_removed    (McMergeResult  *result); /* deleted by theirs, unchanged by ours */
guint          mc_merge_result_get_n_conflicts  (McMergeResult  *result); /* notes changed on both sides */
guint          mc_merge_result_get_n_kept_deleted (McMergeResult *result); /* deleted on one side, changed on the other */
guint          mc_merge_result_get_n_figures_added (McMergeResult *result);
/* Ids of every note the merge marks as a conflict (originals and their
 * copies), sorted. Borrowed, NULL-terminated. */
const char * const *mc_merge_result_get_conflict_ids (McMergeResult *result);
void           mc_merge_result_free             (McMergeResult  *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McMergeResult, mc_merge_result_free)

/* Merges and executes on ours in one go; summary may be NULL. */
gboolean       mc_merge_into                    (McBoard        *ours,
                                                 McBoard        *theirs,
                                                 McBoard        *base,
                                                 McMergeResult **summary,
                                                 GError        **error);

/* The id a conflict copy of @note (a version of note @id) gets: a name-based
 * UUID of the id and the version's text, colour and author. */
char          *mc_merge_conflict_copy_id        (McNote         *note);

G_END_DECLS
