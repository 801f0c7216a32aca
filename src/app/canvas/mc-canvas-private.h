/* mc-canvas-private.h — the canvas's state, shared by its files:
 * mc-canvas.c (object, board, regions), mc-canvas-view.c (view transform
 * and zoom), mc-canvas-draw.c (drawing), mc-canvas-input.c (pointer and
 * keyboard) and the note editing files (mc-canvas-edit-private.h). Not
 * for other files. */
#pragma once

#include "mc-canvas.h"

G_BEGIN_DECLS

/* Note editing state, mc-canvas-edit-private.h. */
typedef struct _McCanvasEdit McCanvasEdit;
/* Accessible objects, mc-canvas-a11y.c. */
typedef struct _McCanvasA11y McCanvasA11y;

struct _McCanvas
{
  GtkWidget      parent_instance;

  McBoard       *board;
  gulong         board_changed_id;
  McLayout      *layout;
  McScene       *scene;          /* NULL when out of date */
  /* mc_canvas_offer_scene(): taken by the next mc_canvas_set_board(). */
  McBoard       *offered_board;
  McLayout      *offered_layout;
  McScene       *offered_scene;
  McViewOptions  offered_options;
  McScene       *previous_scene; /* the scene before the notes in changed_ids
                                    changed: mc_layout_update() starts from it */
  GPtrArray     *changed_ids;    /* char*, NULL-terminated when used */
  gboolean       damaged;        /* the board texture is out of date in damage */
  McRect         damage;         /* board units */
  guint          n_full_renders; /* board textures rendered whole (tests) */
  McViewOptions  options;

  /* View: widget = (board - origin) × zoom */
  double         zoom;
  double         origin_x;
  double         origin_y;
  gboolean       fit_pending;    /* fit the board once the widget has a size */
  gboolean       fit_kept;       /* the view shows the whole board and keeps
                                    doing so as the window resizes, until
                                    the user zooms or pans */
  guint          refit_id;       /* idle: refit after a resize */
  int            alloc_width;    /* the size of the last allocation */
  int            alloc_height;

  /* Eased zoom (keyboard, buttons, fit). */
  guint          tick_id;
  gint64         anim_start;
  double         anim_from_zoom;
  double         anim_to_zoom;
  double         anim_from_x;    /* origin at the start and the end */
  double         anim_from_y;
  double         anim_to_x;
  double         anim_to_y;

  /* Input state (mc-canvas-input.c). */
  gboolean       space_down;
  gboolean       panning;
  double         pan_start_x;    /* origin when the drag began */
  double         pan_start_y;
  double         pointer_x;      /* last pointer position, widget pixels */
  double         pointer_y;
  gboolean       pointer_inside;
  double         pinch_start_zoom;
  char          *hover_region;
  char          *selected_region;
  char          *selected_figure;

  /* Note editing (mc-canvas-edit-private.h) */
  McCanvasEdit  *edit;
  McCanvasA11y  *a11y;
};

/* mc-canvas-input.c */
void  _mc_canvas_install_input      (McCanvas   *self);

/* mc-canvas.c */
void  _mc_canvas_set_hover_region   (McCanvas   *self,
                                     const char *region_id);
void  _mc_canvas_notify_zoom        (McCanvas   *self);
/* The scene's bounds; FALSE for an empty board. */
gboolean _mc_canvas_get_board_bounds (McCanvas  *self,
                                     McRect     *bounds);

/* mc-canvas-draw.c: the board texture is out of date where rect is
 * (board units); the next frame renders only there. */
void  _mc_canvas_add_damage         (McCanvas     *self,
                                     const McRect *rect);

/* mc-canvas-view.c */
void  _mc_canvas_set_origin         (McCanvas   *self,
                                     double      origin_x,
                                     double      origin_y);
void  _mc_canvas_stop_animation     (McCanvas   *self);
/* A new board's first frame: the fitted view, set quietly from inside the
 * snapshot so the board is rendered once, at that zoom; the refit idle
 * then notifies the zoom. */
void  _mc_canvas_fit_before_drawing (McCanvas   *self);
/* Shows the whole board (refits follow the window while it is kept). */
void  _mc_canvas_fit_board          (McCanvas   *self,
                                     gboolean    animate);

G_END_DECLS
