/* mc-canvas-edit-private.h — note editing on the canvas, shared by the
 * canvas's files and nothing else:
 *   mc-canvas-selection.c  selected notes, keyboard cursor, search
 *   mc-canvas-edit.c       the McNoteEditor over a note, typing, targets
 *   mc-canvas-drag.c       hit-testing, press, move/resize/rubber-band
 *   mc-canvas-actions.c    the canvas.* actions and their keys
 *   mc-canvas-clipboard.c  copy, cut, paste
 *   mc-canvas-menus.c      right-click menus and the cluster prompt
 *   mc-canvas-draw.c       drawing (board cache, overlays)
 * Tests reach the input paths through the mc_canvas_test_* hooks of the
 * tests-only tests/lib/mc-test-canvas.c. */
#pragma once

#include "mc-canvas-private.h"
#include "mc-command.h"
#include "mc-note-editor.h"

G_BEGIN_DECLS

typedef enum
{
  MC_DRAG_NONE,
  MC_DRAG_PAN,
  MC_DRAG_MOVE,     /* the selected notes */
  MC_DRAG_RESIZE,   /* one note by its corner handle */
  MC_DRAG_RUBBER,   /* rubber-band selection */
  MC_DRAG_FIGURE,   /* a figure by its frame or title band */
  MC_DRAG_FIGURE_SCALE, /* a figure by its corner handle */
} McDragMode;

struct _McCanvasEdit
{
  /* Selected note ids in selection order, and the same as a set. */
  GPtrArray   *selection;
  GHashTable  *selected;
  /* The keyboard's current note (Tab order, Enter edits it). */
  char        *cursor;
  char        *hover_note;

  /* Dragging (board units) */
  McDragMode   drag_mode;
  gboolean     drag_active;      /* past the threshold */
  gboolean     click_picks_alone; /* plain press on a selected note */
  double       drag_start_x;     /* board point where the press was */
  double       drag_start_y;
  double       drag_dx;          /* current offset, board units */
  double       drag_dy;
  GStrv        rubber_base;      /* selection before a Shift rubber band */
  char        *resize_id;
  McRect       resize_rect;      /* the note's new rectangle while resizing */
  McRect       resize_start;
  /* Figure drags: the figure, its rectangle and scale when the press
   * came, and the scale factor a handle drag has reached. */
  char        *drag_figure;
  McRect       figure_start;
  double       figure_start_scale;
  double       figure_factor;
  char        *hover_figure;
  gboolean     figures_locked;   /* the wall: no figure frames or handles */
  char        *drop_region;      /* the region under notes being moved */
  McScene     *drag_scene;       /* only the moving items, drawn offset */
  McScene     *base_scene;       /* everything else */

  /* Cached rendering of the board for the current view (or, while moving
   * notes, of base_scene): redraws for hover, selection and drag frames
   * only blit it. */
  GdkTexture  *cache;
  McScene     *cache_scene;      /* not referenced: compared by pointer */
  double       cache_zoom;
  double       cache_x;
  double       cache_y;
  int          cache_width;
  int          cache_height;
  int          cache_scale;

  /* In-place editor */
  GtkWidget   *editor;           /* McNoteEditor, child of the canvas */
  char        *editing_id;       /* NULL while a new note is still pending */
  gboolean     editing_new;
  double       pending_x;        /* where a pending new note goes */
  double       pending_y;
  guint        history_mark;     /* n_undo when editing began */
  gboolean     syncing;          /* the board changes from the editor's text */

  /* Search highlights: note id → TRUE */
  char        *search;
  GHashTable  *matches;

  /* Cluster label prompt */
  GtkWidget   *cluster_popover;
  /* Right-click menu of notes and figures */
  GtkWidget   *context_menu;
};

/* mc-canvas-actions.c: setup, and what every part uses. */
void      _mc_canvas_edit_class_init      (GtkWidgetClass *widget_class);
void      _mc_canvas_edit_init            (McCanvas       *self);
void      _mc_canvas_edit_dispose         (McCanvas       *self);
gboolean  _mc_canvas_is_editable          (McCanvas       *self);
/* The author name new notes carry (settings), or NULL. */
char     *_mc_canvas_dup_author           (void);
/* Runs command on the board (takes it); dropped when read-only. */
void      _mc_canvas_execute              (McCanvas       *self,
                                           McCommand      *command);

/* mc-canvas-clipboard.c, mc-canvas-menus.c: their actions. */
void      _mc_canvas_clipboard_class_init (GtkWidgetClass *widget_class);
void      _mc_canvas_menus_class_init     (GtkWidgetClass *widget_class);
void      _mc_canvas_menus_dispose        (McCanvas       *self);

/* mc-canvas-selection.c */
void      _mc_canvas_selection_class_init (GtkWidgetClass *widget_class);
/* Enables the actions that need a selection (or an editable board). */
void      _mc_canvas_update_actions       (McCanvas       *self);
/* Redraws, updates the actions, emits ::selection-changed. */
void      _mc_canvas_selection_changed    (McCanvas       *self);
void      _mc_canvas_set_cursor_note      (McCanvas       *self,
                                           const char     *id);
/* Change the selection without telling anyone; TRUE if it changed. */
gboolean  _mc_canvas_selection_clear_quiet (McCanvas      *self);
gboolean  _mc_canvas_selection_add_quiet  (McCanvas       *self,
                                           const char     *id);
void      _mc_canvas_selection_remove     (McCanvas       *self,
                                           const char     *id);
/* Selects id alone (NULL: nothing) and makes it the keyboard's note. */
void      _mc_canvas_select_only          (McCanvas       *self,
                                           const char     *id);
/* The selection as a NULL-terminated array, valid until it changes. */
const char * const *_mc_canvas_selection_ids (McCanvas    *self);

/* mc-canvas-edit.c */
/* Takes the editor down; commit keeps the text, else (and for a new note
 * left empty) the editing steps are undone. */
void      _mc_canvas_end_editing          (McCanvas       *self,
                                           gboolean        commit);
void      _mc_canvas_edit_note            (McCanvas       *self,
                                           const char     *note_id);
/* A new note at a board point: it enters the board with its first key. */
void      _mc_canvas_edit_new_note_at     (McCanvas       *self,
                                           double          board_x,
                                           double          board_y);
/* The region a new note or "Arrange" is about: the one under the
 * pointer, else the selected one, and a point inside it. */
gboolean  _mc_canvas_target_region        (McCanvas       *self,
                                           char          **figure_id,
                                           char          **region_id,
                                           double         *board_x,
                                           double         *board_y);
/* The board changed (or was replaced): drops ids that are gone, follows
 * undo in the editor. */
void      _mc_canvas_edit_board_changed   (McCanvas       *self,
                                           McChangeFlags   flags);
void      _mc_canvas_edit_allocate        (McCanvas       *self);
void      _mc_canvas_edit_view_changed    (McCanvas       *self);

/* Input, in widget pixels; the gesture handlers and the test hooks both
 * call these. */
McDragMode _mc_canvas_edit_press          (McCanvas        *self,
                                           double           x,
                                           double           y,
                                           GdkModifierType  state);
void      _mc_canvas_edit_drag_update     (McCanvas        *self,
                                           double           offset_x,
                                           double           offset_y);
void      _mc_canvas_edit_drag_end        (McCanvas        *self,
                                           double           offset_x,
                                           double           offset_y,
                                           gboolean         moved);
void      _mc_canvas_edit_double_click    (McCanvas        *self,
                                           double           x,
                                           double           y);
/* Escape: ends editing, else clears the note selection. TRUE if handled. */
gboolean  _mc_canvas_edit_escape          (McCanvas        *self);
/* Arrow keys; FALSE when no note is selected (the view pans instead). */
gboolean  _mc_canvas_edit_nudge           (McCanvas        *self,
                                           double           dx,
                                           double           dy);
gboolean  _mc_canvas_edit_is_editing      (McCanvas        *self);
/* Arrow keys with a figure selected (and no notes); FALSE when none is. */
gboolean  _mc_canvas_edit_nudge_figure    (McCanvas        *self,
                                           double           dx,
                                           double           dy);
/* A printable key on the canvas: starts a note with it at the region under
 * the pointer (or the selected one). TRUE when it did. */
gboolean  _mc_canvas_edit_type            (McCanvas        *self,
                                           guint            keyval);
/* mc-canvas-drag.c: the topmost figure frame at a board point, from the
 * built scene; NULL if none. Borrowed. */
const char *_mc_canvas_figure_at          (McCanvas        *self,
                                           double           board_x,
                                           double           board_y);
/* A placed figure's frame as the scene drew it. */
gboolean  _mc_canvas_get_figure_rect      (McCanvas        *self,
                                           const char      *figure_id,
                                           McRect          *rect);

/* mc-canvas-draw.c */
void      _mc_canvas_snapshot             (GtkWidget       *widget,
                                           GtkSnapshot     *snapshot);

/* The right-click menu for whatever is at (x, y), widget pixels. */
void      _mc_canvas_edit_context_menu    (McCanvas        *self,
                                           double           x,
                                           double           y);
/* The figure whose corner handle is at (x, y), or NULL. Borrowed. */
const char *_mc_canvas_edit_figure_handle_at (McCanvas     *self,
                                           double           x,
                                           double           y);
/* The drag that is under way moves or scales items drawn from drag_scene. */
gboolean  _mc_canvas_edit_is_moving       (McCanvas        *self);
void      _mc_canvas_edit_motion          (McCanvas        *self,
                                           double           x,
                                           double           y);
void      _mc_canvas_edit_get_rubber_rect (McCanvas        *self,
                                           McRect          *rect);
/* The region the moving notes would drop into ("<figure>/<region>"), or
 * NULL; drawn as the drop target. */
const char *_mc_canvas_edit_get_drop_region (McCanvas      *self);
/* The note with the keyboard's dashed frame, or NULL: the keyboard's note
 * while it is selected and the canvas has the focus. */
const char *_mc_canvas_edit_get_cursor_frame (McCanvas     *self);

/* mc-canvas-input.c: a click's effect on the region selection. */
void      _mc_canvas_click_region         (McCanvas        *self,
                                           double           x,
                                           double           y,
                                           int              n_press);
gboolean  _mc_canvas_edit_over_note       (McCanvas        *self,
                                           double           x,
                                           double           y);

/* The canvas's own key handling (arrows, space, Escape), as for a key
 * press; TRUE when handled. In mc-canvas-input.c. */
gboolean  _mc_canvas_key_pressed          (McCanvas        *self,
                                           guint            keyval,
                                           GdkModifierType  state);

G_END_DECLS
