/* mc-cluster.h — a labelled, coloured group of notes
 *
 * "Cluster" in a session gathers selected notes under a label; the layout
 * draws a rounded outline in the cluster's colour around them, so the
 * outline moves with its notes. A cluster refers to notes by id. A note
 * belongs to at most one cluster.
 *
 * Like notes, a cluster inside a board changes only through commands
 * (mc_command_update_cluster() with a detached mc_cluster_dup() copy); the
 * setters refuse (g_return_if_fail) a cluster that is inside a board.
 */
#pragma once

#include "mc-types.h"
#include "mc-limits.h"

G_BEGIN_DECLS

#define MC_TYPE_CLUSTER (mc_cluster_get_type ())
G_DECLARE_FINAL_TYPE (McCluster, mc_cluster, MC, CLUSTER, GObject)

/* Longest label, in bytes (the loader refuses longer ones). */
#define MC_CLUSTER_MAX_LABEL_LENGTH MC_BOARD_MAX_LABEL_LENGTH

/* label may be NULL (empty); color one of mc_note_colors (NULL: the default). */
McCluster          *mc_cluster_new          (const char         *label,
                                             const char         *color);   /* fresh UUID */
McCluster          *mc_cluster_new_with_id  (const char         *id);
McCluster          *mc_cluster_dup          (McCluster          *self);    /* detached, same id */
gboolean            mc_cluster_equal        (McCluster          *a,
                                             McCluster          *b);

const char         *mc_cluster_get_id       (McCluster          *self);
const char         *mc_cluster_get_label    (McCluster          *self);    /* never NULL */
const char         *mc_cluster_get_color    (McCluster          *self);
/* The member notes' ids, NULL-terminated, in the order they were added. Borrowed. */
const char * const *mc_cluster_get_note_ids (McCluster          *self);
guint               mc_cluster_get_n_notes  (McCluster          *self);
gboolean            mc_cluster_has_note     (McCluster          *self,
                                             const char         *note_id);
gboolean            mc_cluster_get_in_board (McCluster          *self);

void                mc_cluster_set_label    (McCluster          *self,
                                             const char         *label);
void                mc_cluster_set_color    (McCluster          *self,
                                             const char         *color);
/* Replaces the members; duplicates are dropped. */
void                mc_cluster_set_note_ids (McCluster          *self,
                                             const char * const *note_ids);
void                mc_cluster_add_note     (McCluster          *self,
                                             const char         *note_id);
void                mc_cluster_remove_note  (McCluster          *self,
                                             const char         *note_id);

G_END_DECLS
