/* mc-merge-private.h — what the parts of the merge share
 *
 * mc-merge-notes.c decides the merged version of every note,
 * mc-merge-structure.c the figures, clusters and board properties, and
 * mc-merge.c runs the two and turns the outcome into one command group.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-merge.h"

G_BEGIN_DECLS

/* The loader's limit on a note's votes (MAX_VOTES in mc-board-io.c until
 * the limits have a header of their own). */
#ifdef MC_BOARD_MAX_VOTES
#define MC_MERGE_MAX_VOTES MC_BOARD_MAX_VOTES
#else
#define MC_MERGE_MAX_VOTES 10000
#endif

struct _McMergeResult
{
  McCommand *command;
  gboolean   empty;
  gboolean   three_way;
  guint      n_added;
  guint      n_changed;
  guint      n_removed;
  guint      n_conflicts;
  guint      n_kept_deleted;
  guint      n_figures_added;
  GStrv      conflict_ids;
};

/* What happened to one merged note, for the summary. */
typedef enum
{
  MC_MERGE_OUTCOME_MERGED,       /* plain: kept, or took the other side's change */
  MC_MERGE_OUTCOME_CONFLICT,     /* changed on both sides */
  MC_MERGE_OUTCOME_KEPT_DELETED, /* deleted on one side, changed on the other */
} McMergeOutcome;

typedef struct
{
  McBoard    *ours;
  McBoard    *theirs;
  McBoard    *base;
  /* theirs' figure id → id in the merged board, when a figure of another
   * kind already holds that id on our side */
  GHashTable *figure_remap;
  /* note id → merged McNote (owned); absent = the note is not in the result */
  GHashTable *merged;
  GHashTable *outcomes;       /* note id → McMergeOutcome (only non-plain ones) */
  GHashTable *conflict_ids;   /* set */
  GHashTable *copy_of;        /* conflict copy id → the id of its original */
  GHashTable *anchored;       /* figure ids merged notes sit on (lazy) */
  McMergeResult *result;
} McMergeState;

/* mc-merge-notes.c */
gboolean  _mc_merge_note_identical    (McNote       *a,
                                       McNote       *b);
void      _mc_merge_notes             (McMergeState *state);

/* mc-merge-structure.c */
McBoard  *_mc_merge_implicit_base     (McBoard      *ours,
                                       McBoard      *theirs);
void      _mc_merge_remap_figures     (McMergeState *state);
/* Figures theirs deleted and ours left alone (ids into removed, borrowed),
 * then figures theirs added or changed, all in the merged order (ours'
 * figures taken out and put back for it, with their notes, go into moved). */
void      _mc_merge_remove_figures    (McMergeState *state,
                                       McCommand    *group,
                                       GHashTable   *removed);
void      _mc_merge_add_figures       (McMergeState *state,
                                       McCommand    *group,
                                       GHashTable   *removed,
                                       GHashTable   *moved);
/* rebuild: take every cluster out and put the merged ones back (in the
 * merged order), because notes of them were taken out and put back. */
void      _mc_merge_clusters          (McMergeState *state,
                                       McCommand    *group,
                                       gboolean      rebuild);
void      _mc_merge_meta              (McMergeState *state,
                                       McCommand    *group);

/* mc-merge.c */
/* A copy of text cut to at most max_bytes at a character boundary, or NULL
 * when it already fits. */
char     *_mc_merge_truncate_utf8     (const char   *text,
                                       gsize         max_bytes);
typedef int (*McMergeKeyFunc) (const char *a,
                               const char *b,
                               gpointer    data);
/* One order from two orders of ids (borrowed; ids may be in one of them
 * only), the same whichever comes first: where the two agree it is theirs,
 * an id only one side has goes before a shared one that follows it there,
 * and anything else is decided by compare. The result borrows the ids. */
GPtrArray *_mc_merge_sequences        (GPtrArray      *x,
                                       GPtrArray      *y,
                                       McMergeKeyFunc  compare,
                                       gpointer        data);
/* Members this build does not know (any of them may be NULL), merged
 * member by member like fields: the side that changed one against the base,
 * or (both did, or no base) the larger as JSON text; a member only one side
 * has is kept without a base and dropped with one when the other side
 * removed it unchanged. NULL when nothing is left; a new object otherwise. */
JsonObject *_mc_merge_extra           (JsonObject     *o,
                                       JsonObject     *t,
                                       JsonObject     *b,
                                       gboolean        three_way);
gint      _mc_merge_compare_strings   (gconstpointer a,
                                       gconstpointer b,
                                       gpointer      user_data);

G_END_DECLS
