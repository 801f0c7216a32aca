/* mc-scene.c — the flat, backend-neutral display list */
#include "config.h"

#include <string.h>

#include "mc-scene.h"
#include "mc-text.h"

typedef struct
{
  guint    index;      /* of the GROUP_BEGIN */
  gboolean has_bounds; /* whether any child has contributed yet */
} OpenGroup;

struct _McScene
{
  gatomicrefcount ref_count;
  GArray         *items;  /* McSceneItem */
  GArray         *open;   /* OpenGroup stack */
  gboolean        has_bounds;
  McRect          bounds;
};

G_DEFINE_BOXED_TYPE (McScene, mc_scene, mc_scene_ref, mc_scene_unref)

static void
clear_item (gpointer data)
{
  McSceneItem *item = data;

  g_clear_pointer (&item->id, g_free);
  g_clear_pointer (&item->title, g_free);
  g_clear_pointer (&item->hit_path, mc_path_unref);
  g_clear_pointer (&item->path, mc_path_unref);
  g_clear_object (&item->layout);
}

McScene *
mc_scene_new (void)
{
  McScene *scene = g_new0 (McScene, 1);

  g_atomic_ref_count_init (&scene->ref_count);
  scene->items = g_array_new (FALSE, TRUE, sizeof (McSceneItem));
  g_array_set_clear_func (scene->items, clear_item);
  scene->open = g_array_new (FALSE, FALSE, sizeof (OpenGroup));
  return scene;
}

McScene *
mc_scene_ref (McScene *scene)
{
  g_return_val_if_fail (scene != NULL, NULL);

  g_atomic_ref_count_inc (&scene->ref_count);
  return scene;
}

void
mc_scene_unref (McScene *scene)
{
  g_return_if_fail (scene != NULL);

  if (g_atomic_ref_count_dec (&scene->ref_count))
    {
      g_array_unref (scene->items);
      g_array_unref (scene->open);
      g_free (scene);
    }
}

static void
grow (McRect       *target,
      gboolean     *has,
      const McRect *rect)
{
  if (*has)
    mc_rect_union (target, rect, target);
  else
    *target = *rect;
  *has = TRUE;
}

/* A drawn item's bounds count for every open group and for the scene. */
static void
extend_bounds (McScene      *scene,
               const McRect *rect)
{
  grow (&scene->bounds, &scene->has_bounds, rect);

  for (guint i = 0; i < scene->open->len; i++)
    {
      OpenGroup *group = &g_array_index (scene->open, OpenGroup, i);
      McSceneItem *item = &g_array_index (scene->items, McSceneItem, group->index);

      grow (&item->bounds, &group->has_bounds, rect);
    }
}

static McSceneItem *
append_item (McScene    *scene,
             McItemKind  kind,
             McItemRole  role)
{
  McSceneItem item = { 0, };

  item.kind = kind;
  item.role = role;
  item.opacity = 1.0;
  g_array_append_val (scene->items, item);
  return &g_array_index (scene->items, McSceneItem, scene->items->len - 1);
}

void
mc_scene_begin_group (McScene    *scene,
                      McItemRole  role,
                      const char *id,
                      const char *title,
                      McPath     *hit_path)
{
  McSceneItem *item;
  OpenGroup group;

  g_return_if_fail (scene != NULL);

  item = append_item (scene, MC_ITEM_GROUP_BEGIN, role);
  item->id = g_strdup (id);
  item->title = g_strdup (title);
  item->hit_path = hit_path != NULL ? mc_path_ref (hit_path) : NULL;

  group.index = scene->items->len - 1;
  group.has_bounds = FALSE;
  g_array_append_val (scene->open, group);

  /* The clickable shape is part of the group even where nothing is drawn. */
  if (hit_path != NULL && !mc_path_is_empty (hit_path))
    {
      McRect rect;

      mc_path_get_bounds (hit_path, &rect);
      extend_bounds (scene, &rect);
    }
}

void
mc_scene_set_group_opacity (McScene *scene,
                            double   opacity)
{
  OpenGroup *group;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (scene->open->len > 0);

  group = &g_array_index (scene->open, OpenGroup, scene->open->len - 1);
  g_array_index (scene->items, McSceneItem, group->index).opacity = CLAMP (opacity, 0.0, 1.0);
}

void
mc_scene_set_group_hit_path (McScene *scene,
                             McPath  *hit_path)
{
  OpenGroup *group;
  McSceneItem *item;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (scene->open->len > 0);

  group = &g_array_index (scene->open, OpenGroup, scene->open->len - 1);
  item = &g_array_index (scene->items, McSceneItem, group->index);
  g_clear_pointer (&item->hit_path, mc_path_unref);
  item->hit_path = hit_path != NULL ? mc_path_ref (hit_path) : NULL;
  if (hit_path != NULL && !mc_path_is_empty (hit_path))
    {
      McRect rect;

      mc_path_get_bounds (hit_path, &rect);
      extend_bounds (scene, &rect);
    }
}

void
mc_scene_end_group (McScene *scene)
{
  OpenGroup group;
  McSceneItem *item;
  McRect bounds;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (scene->open->len > 0);

  group = g_array_index (scene->open, OpenGroup, scene->open->len - 1);
  g_array_set_size (scene->open, scene->open->len - 1);

  bounds = g_array_index (scene->items, McSceneItem, group.index).bounds;
  item = append_item (scene, MC_ITEM_GROUP_END,
                      g_array_index (scene->items, McSceneItem, group.index).role);
  item->bounds = bounds;
}

void
mc_scene_add_path (McScene       *scene,
                   McItemRole     role,
                   McPath        *path,
                   const McColor *fill,
                   const McColor *stroke,
                   double         line_width,
                   McLineStyle    line_style)
{
  McSceneItem *item;
  McRect rect;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (path != NULL);

  item = append_item (scene, MC_ITEM_PATH, role);
  item->path = mc_path_ref (path);
  item->has_fill = fill != NULL;
  if (fill != NULL)
    item->fill = *fill;
  item->has_stroke = stroke != NULL && line_width > 0;
  if (stroke != NULL)
    item->stroke = *stroke;
  item->line_width = line_width;
  item->line_style = line_style;

  mc_path_get_bounds (path, &rect);
  if (item->has_stroke)
    {
      /* Miter joins can reach further than half the width; a width is ample. */
      rect.x -= line_width;
      rect.y -= line_width;
      rect.width += 2 * line_width;
      rect.height += 2 * line_width;
    }
  item->bounds = rect;
  if (!mc_path_is_empty (path))
    extend_bounds (scene, &rect);
}

void
mc_scene_add_text (McScene       *scene,
                   McItemRole     role,
                   PangoLayout   *layout,
                   double         x,
                   double         y,
                   const McColor *color)
{
  McSceneItem *item;
  PangoRectangle ink, logical;
  McRect ink_rect, rect;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));
  g_return_if_fail (color != NULL);

  item = append_item (scene, MC_ITEM_TEXT, role);
  item->layout = g_object_ref (layout);
  item->x = x;
  item->y = y;
  item->color = *color;

  /* Bounds cover the ink too (italic overhangs), so clipping never cuts it. */
  pango_layout_get_extents (layout, &ink, &logical);
  rect = (McRect) { x + (double) logical.x / PANGO_SCALE,
                    y + (double) logical.y / PANGO_SCALE,
                    (double) logical.width / PANGO_SCALE,
                    (double) logical.height / PANGO_SCALE };
  ink_rect = (McRect) { x + (double) ink.x / PANGO_SCALE,
                        y + (double) ink.y / PANGO_SCALE,
                        (double) ink.width / PANGO_SCALE,
                        (double) ink.height / PANGO_SCALE };
  if (ink.width > 0 && ink.height > 0)
    mc_rect_union (&rect, &ink_rect, &rect);
  item->bounds = rect;
  extend_bounds (scene, &rect);
}

static void
copy_items (McScene *scene,
            McScene *other,
            guint    begin,
            guint    end)
{
  guint at = scene->items->len;

  if (begin >= end)
    return;
  /* One block (one reallocation), then each item's own references. */
  g_array_set_size (scene->items, at + (end - begin));
  memcpy (&g_array_index (scene->items, McSceneItem, at),
          &g_array_index (other->items, McSceneItem, begin),
          (gsize) (end - begin) * sizeof (McSceneItem));
  for (guint i = at; i < scene->items->len; i++)
    {
      McSceneItem *copy = &g_array_index (scene->items, McSceneItem, i);

      copy->id = g_strdup (copy->id);
      copy->title = g_strdup (copy->title);
      if (copy->hit_path != NULL)
        mc_path_ref (copy->hit_path);
      if (copy->path != NULL)
        mc_path_ref (copy->path);
      if (copy->layout != NULL)
        g_object_ref (copy->layout);
    }
}

void
mc_scene_append (McScene *scene,
                 McScene *other)
{
  g_return_if_fail (scene != NULL);
  g_return_if_fail (other != NULL);
  g_return_if_fail (scene != other);

  copy_items (scene, other, 0, other->items->len);
  if (other->has_bounds)
    extend_bounds (scene, &other->bounds);
}

void
mc_scene_append_take (McScene *scene,
                      McScene *other)
{
  g_return_if_fail (scene != NULL);
  g_return_if_fail (other != NULL);
  g_return_if_fail (scene != other);

  /* Shared: its items stay where they are, so they are copied. */
  if (!g_atomic_ref_count_compare (&other->ref_count, 1))
    {
      mc_scene_append (scene, other);
      mc_scene_unref (other);
      return;
    }

  /* The only reference: the items move with their references, and
   * other's array goes without clearing them. */
  g_array_append_vals (scene->items, other->items->data, other->items->len);
  if (other->has_bounds)
    extend_bounds (scene, &other->bounds);
  g_array_set_clear_func (other->items, NULL);
  g_array_set_size (other->items, 0);
  mc_scene_unref (other);
}

void
mc_scene_append_range (McScene *scene,
                       McScene *other,
                       guint    begin,
                       guint    end)
{
  gboolean has_bounds = FALSE;
  McRect bounds = { 0, };

  g_return_if_fail (scene != NULL);
  g_return_if_fail (other != NULL);
  g_return_if_fail (scene != other);
  g_return_if_fail (begin <= end && end <= other->items->len);

  copy_items (scene, other, begin, end);

  /* Group begins carry their children's union already, so items at depth 0
   * of the range are enough. */
  for (guint i = begin; i < end; )
    {
      const McSceneItem *item = &g_array_index (other->items, McSceneItem, i);

      if (item->kind == MC_ITEM_GROUP_END)
        {
          i++;
          continue;
        }
      if (item->kind != MC_ITEM_GROUP_BEGIN || item->bounds.width > 0 || item->bounds.height > 0)
        grow (&bounds, &has_bounds, &item->bounds);
      i = item->kind == MC_ITEM_GROUP_BEGIN ? MIN (mc_scene_group_end (other, i), end) : i + 1;
    }

  if (has_bounds)
    extend_bounds (scene, &bounds);
}

guint
mc_scene_get_n_items (McScene *scene)
{
  g_return_val_if_fail (scene != NULL, 0);

  return scene->items->len;
}

const McSceneItem *
mc_scene_get_item (McScene *scene,
                   guint    index)
{
  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (index < scene->items->len, NULL);

  return &g_array_index (scene->items, McSceneItem, index);
}

void
mc_scene_get_bounds (McScene *scene,
                     McRect  *bounds)
{
  g_return_if_fail (scene != NULL);
  g_return_if_fail (bounds != NULL);

  if (scene->has_bounds)
    *bounds = scene->bounds;
  else
    *bounds = (McRect) { 0, 0, 0, 0 };
}

int
mc_scene_find_group (McScene    *scene,
                     const char *id)
{
  g_return_val_if_fail (scene != NULL, -1);
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < scene->items->len; i++)
    {
      const McSceneItem *item = &g_array_index (scene->items, McSceneItem, i);

      if (item->kind == MC_ITEM_GROUP_BEGIN && g_strcmp0 (item->id, id) == 0)
        return (int) i;
    }

  return -1;
}

guint
mc_scene_group_end (McScene *scene,
                    guint    begin_index)
{
  guint depth = 0;

  g_return_val_if_fail (scene != NULL, 0);
  g_return_val_if_fail (begin_index < scene->items->len, 0);

  for (guint i = begin_index; i < scene->items->len; i++)
    {
      McItemKind kind = g_array_index (scene->items, McSceneItem, i).kind;

      if (kind == MC_ITEM_GROUP_BEGIN)
        depth++;
      else if (kind == MC_ITEM_GROUP_END)
        {
          depth--;
          if (depth == 0)
            return i + 1;
        }
    }

  /* An unclosed group (still being built) runs to the end. */
  return scene->items->len;
}

const McSceneItem *
mc_scene_hit_test (McScene *scene,
                   double   x,
                   double   y,
                   guint    role_mask)
{
  g_return_val_if_fail (scene != NULL, NULL);

  /* A group that begins later is either nested inside an earlier one or
   * painted over it, so scanning begins from the end finds the innermost,
   * topmost group first. */
  for (guint i = scene->items->len; i > 0; i--)
    {
      const McSceneItem *item = &g_array_index (scene->items, McSceneItem, i - 1);

      if (item->kind != MC_ITEM_GROUP_BEGIN || item->hit_path == NULL)
        continue;
      if ((role_mask & (1u << item->role)) == 0)
        continue;
      if (!mc_rect_contains_point (&item->bounds, x, y))
        continue;
      if (mc_path_contains_point (item->hit_path, x, y, TRUE))
        return item;
    }

  return NULL;
}
