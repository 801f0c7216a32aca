/* mc-layout-clusters-private.h — what the layout draws for sessions:
 * cluster outlines and dimmed notes of earlier phases */
#pragma once

#include "mc-board.h"
#include "mc-scene.h"
#include "mc-theme.h"

G_BEGIN_DECLS

/* Space between a cluster's outline and its notes, in board units. */
#define MC_CLUSTER_PADDING 16.0
/* Group opacity of a note written in an earlier phase than the board's. */
#define MC_EARLIER_PHASE_OPACITY 0.45

/* The board rectangle of a note as drawn, FALSE when it is not drawn. */
typedef gboolean (*McNoteRectFunc) (gpointer    user_data,
                                    const char *note_id,
                                    McRect     *rect);

/* One group per cluster with a drawn note ("cluster:<uuid>", role
 * MC_ROLE_CLUSTER, the outline as hit path): a tinted rounded outline
 * MC_CLUSTER_PADDING around its notes' rectangles and its label above it
 * in a deep tone of the cluster's colour. Call before drawing the notes. */
void    _mc_layout_add_clusters   (McScene        *scene,
                                   McBoard        *board,
                                   const McTheme  *theme,
                                   McNoteRectFunc  note_rect,
                                   gpointer        user_data);
/* 1.0, or MC_EARLIER_PHASE_OPACITY for a note from an earlier phase:
 * pass it to mc_scene_set_group_opacity() inside the note's group. */
double  _mc_layout_note_opacity   (McBoard        *board,
                                   McNote         *note);
/* The cluster colour's deep tone (label and outline), readable on paper. */
void    _mc_layout_cluster_ink    (const McTheme  *theme,
                                   const char     *color,
                                   McColor        *ink);

G_END_DECLS
