/* mc-scene.h — the flat, backend-neutral display list
 *
 * The single source for drawing (cairo: screen, PDF, PNG, print), the SVG
 * writer, hit-testing, accessibility and tests. A scene is built by the
 * layout (mc-layout.h) and never calls back into the board.
 *
 * Items are in painting order. Groups nest (GROUP_BEGIN … GROUP_END) and
 * carry a semantic id:
 *   figure:  "<placement-id>"                 role MC_ROLE_FIGURE
 *   region:  "<placement-id>/<region-id>"     role MC_ROLE_REGION, with a hit path
 *   note:    "note:<uuid>"                    role MC_ROLE_NOTE, with a hit path
 * and an accessible title (the region's label, the note's text).
 * All coordinates are board units (the layout has applied figure placement).
 *
 * Every backend fills paths and hit-tests hit paths with the even-odd rule,
 * so a ring is simply its outer and inner circle in one path.
 */
#pragma once

#include <pango/pango.h>
#include "mc-types.h"
#include "mc-path.h"

G_BEGIN_DECLS

typedef enum
{
  MC_ITEM_PATH,
  MC_ITEM_TEXT,
  MC_ITEM_GROUP_BEGIN,
  MC_ITEM_GROUP_END,
} McItemKind;

typedef enum
{
  MC_ROLE_NONE,
  MC_ROLE_BOARD,      /* background */
  MC_ROLE_FIGURE,
  MC_ROLE_REGION,
  MC_ROLE_LABEL,      /* a region's or figure's label text */
  MC_ROLE_QUESTION,
  MC_ROLE_DEFINITION,
  MC_ROLE_CAPTION,
  MC_ROLE_DECORATION, /* arrows, rings, separators */
  MC_ROLE_NOTE,
  MC_ROLE_NOTE_TEXT,
  MC_ROLE_CLUSTER,
  MC_ROLE_VOTES,
} McItemRole;

typedef enum
{
  MC_LINE_SOLID,
  MC_LINE_DASHED,
  MC_LINE_DOTTED,
} McLineStyle;

typedef struct
{
  McItemKind   kind;
  McItemRole   role;
  McRect       bounds;        /* in board units; for groups the union of children */

  /* GROUP_BEGIN */
  char        *id;            /* semantic id, see above; may be NULL */
  char        *title;         /* accessible title; may be NULL */
  McPath      *hit_path;      /* regions and notes; may be NULL */
  double       opacity;       /* group opacity, 1.0 normally (dimmed earlier phases) */

  /* PATH */
  McPath      *path;
  gboolean     has_fill;
  McColor      fill;
  gboolean     has_stroke;
  McColor      stroke;
  double       line_width;
  McLineStyle  line_style;

  /* TEXT: a layout made with mc_text_layout_new(); (x, y) is its top-left. */
  PangoLayout *layout;
  double       x;
  double       y;
  McColor      color;
} McSceneItem;

#define MC_TYPE_SCENE (mc_scene_get_type ())
GType              mc_scene_get_type      (void) G_GNUC_CONST;

McScene           *mc_scene_new           (void);
McScene           *mc_scene_ref           (McScene      *scene);
void               mc_scene_unref         (McScene      *scene);

/* Building. Paths and layouts are referenced, not copied. */
void               mc_scene_begin_group   (McScene      *scene,
                                           McItemRole    role,
                                           const char   *id,
                                           const char   *title,
                                           McPath       *hit_path);
void               mc_scene_set_group_opacity (McScene  *scene,
                                               double    opacity);   /* current open group */
/* The open group's hit path, when it is known only after its items. */
void               mc_scene_set_group_hit_path (McScene *scene,
                                                McPath  *hit_path);
void               mc_scene_end_group     (McScene      *scene);
void               mc_scene_add_path      (McScene      *scene,
                                           McItemRole    role,
                                           McPath       *path,
                                           const McColor *fill,      /* NULL: no fill */
                                           const McColor *stroke,    /* NULL: no stroke */
                                           double        line_width,
                                           McLineStyle   line_style);
void               mc_scene_add_text      (McScene      *scene,
                                           McItemRole    role,
                                           PangoLayout  *layout,
                                           double        x,
                                           double        y,
                                           const McColor *color);
/* Appends every item of other (e.g. a cached note fragment). */
void               mc_scene_append        (McScene      *scene,
                                           McScene      *other);
/* The same, taking over other (transfer full): its items move instead
 * of being copied when the caller held its only reference. */
void               mc_scene_append_take   (McScene      *scene,
                                           McScene      *other);
/* Appends other's items begin … end-1 (a caller may split a group over
 * several ranges as long as the result balances). */
void               mc_scene_append_range  (McScene      *scene,
                                           McScene      *other,
                                           guint         begin,
                                           guint         end);

guint              mc_scene_get_n_items   (McScene      *scene);
const McSceneItem *mc_scene_get_item      (McScene      *scene,
                                           guint         index);
void               mc_scene_get_bounds    (McScene      *scene,
                                           McRect       *bounds);
/* Index of the GROUP_BEGIN with that id, or -1. */
int                mc_scene_find_group    (McScene      *scene,
                                           const char   *id);
/* The index just past the matching GROUP_END of the group at index. */
guint              mc_scene_group_end     (McScene      *scene,
                                           guint         begin_index);
/* The innermost group with a hit path containing (x, y) whose role is in
 * role_mask (1 << MC_ROLE_…), topmost first; NULL if none. */
const McSceneItem *mc_scene_hit_test      (McScene      *scene,
                                           double        x,
                                           double        y,
                                           guint         role_mask);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McScene, mc_scene_unref)

G_END_DECLS
