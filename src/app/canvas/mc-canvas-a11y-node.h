/* mc-canvas-a11y-node.h — the invisible widget that stands for one
 * figure, region or note (mc-canvas-a11y-node.c), and the canvas's set of
 * them; for the mc-canvas-a11y*.c files only. */
#pragma once

#include "mc-canvas-a11y-private.h"

G_BEGIN_DECLS

#define MC_TYPE_A11Y_NODE (mc_a11y_node_get_type ())
G_DECLARE_FINAL_TYPE (McA11yNode, mc_a11y_node, MC, A11Y_NODE, GtkWidget)

struct _McA11yNode
{
  GtkWidget   parent_instance;

  McItemRole  kind;          /* MC_ROLE_FIGURE, _REGION or _NOTE */
  char       *id;            /* placement id, "<placement>/<region>", note id */
  char       *title;
  char       *description;
  McRect      rect;          /* board units; notes read theirs from the layout */
  double      x;             /* where it was allocated, canvas pixels */
  double      y;
  guint       n_notes;       /* regions: the notes inside */
  gboolean    seen;          /* reconciling */
};

struct _McCanvasA11y
{
  GHashTable *nodes;         /* id → McA11yNode (figures, regions, notes) */
  GHashTable *dirty;         /* note ids to update */
  gboolean    all_dirty;
  guint       sync_id;
  guint       place_id;
};

/* A note is a focusable list item, a region a focusable group, a figure
 * a group. */
McA11yNode *_mc_a11y_node_new             (McItemRole    kind,
                                           const char   *id);
/* The name and description; unchanged values are not sent again. */
void        _mc_a11y_node_set_title       (McA11yNode   *node,
                                           const char   *title);
void        _mc_a11y_node_set_description (McA11yNode   *node,
                                           const char   *description);
/* The node standing for id (NULL for none or a NULL id). */
McA11yNode *_mc_canvas_a11y_lookup        (McCanvasA11y *a11y,
                                           const char   *id);

G_END_DECLS
