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
  guint       votes;         /* notes: as last described */
  gboolean    announcing;    /* its description is an announcement for now */
  gboolean    seen;          /* reconciling */
};

struct _McCanvasA11y
{
  GHashTable *nodes;         /* id → McA11yNode (figures, regions, notes) */
  GHashTable *dirty;         /* note ids to update */
  gboolean    all_dirty;
  guint       sync_id;
  guint       place_id;
  GdkFrameClock *painted_clock;  /* a new board's first sync waits for its frame */
  gulong      painted_id;

  /* Announcements (mc-canvas-a11y-announce.c) */
  guint       own_edit;      /* inside the canvas's own mc_board_execute */
  GHashTable *edited;        /* note id → what it was before that edit */
  char       *step_text;     /* "Undone: …", told after the next sync */
  guint       n_undo;        /* the history's counts, to see undo and redo */
  guint       n_redo;
  GtkWidget  *announced;     /* weak: whose description is an announcement */
  char       *announced_text;
  char       *pending_text;  /* told after the frame */
  guint       deliver_id;
  GtkRoot    *focus_root;    /* weak: watched for the focus leaving it */
  McA11yNode *held;          /* weak: the focused note during an edit */
  GHashTable *burst;         /* region label ("" for none) → new notes */
  guint       burst_id;
  gint64      burst_start;   /* ms */
  guint       burst_quiet_ms;
  guint       burst_max_ms;
  gint64    (*burst_clock) (void);
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

/* Announcements (mc-canvas-a11y-announce.c): the board changed (before
 * the objects follow), and the objects are up to date. */
void        _mc_canvas_a11y_announce_init     (McCanvas           *self);
void        _mc_canvas_a11y_announce_dispose  (McCanvas           *self);
void        _mc_canvas_a11y_announce_changed  (McCanvas           *self,
                                               const char * const *note_ids);
void        _mc_canvas_a11y_announce_synced   (McCanvas           *self);

/* What the node stands for (its id) and what a screen reader gets from
 * it: its name and description. */
const char *mc_a11y_node_get_id           (McA11yNode   *node);
const char *mc_a11y_node_get_title        (McA11yNode   *node);
const char *mc_a11y_node_get_description  (McA11yNode   *node);

G_END_DECLS
