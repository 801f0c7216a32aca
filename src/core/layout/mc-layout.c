/* mc-layout.c — board + catalog + view options → scene */
#include "config.h"

#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "mc-layout.h"
#include "mc-layout-private.h"
#include "mc-layout-parts-private.h"
#include "mc-layout-clusters-private.h"
#include "mc-layout-incremental-private.h"
#include "mc-board.h"
#include "mc-command.h"
#include "mc-figure-kind.h"
#include "mc-figure-kinds-private.h"
#include "mc-history.h"
#include "mc-text.h"
#include "mc-theme.h"

G_DEFINE_FINAL_TYPE (McLayout, mc_layout, G_TYPE_OBJECT)

static void
placed_figure_clear (gpointer data)
{
  PlacedFigure *placed = data;

  g_clear_pointer (&placed->note_areas, g_hash_table_unref);
  g_clear_pointer (&placed->used_regions, g_hash_table_unref);
  g_clear_pointer (&placed->free_reaches, g_hash_table_unref);
  g_clear_pointer (&placed->deferred, g_ptr_array_unref);
}

static void
cached_text_free (gpointer data)
{
  CachedText *cached = data;

  g_clear_object (&cached->layout);
  g_free (cached);
}

static void
cached_figure_free (gpointer data)
{
  CachedFigure *cached = data;

  g_clear_pointer (&cached->scene, mc_scene_unref);
  g_clear_pointer (&cached->note_areas, g_hash_table_unref);
  g_free (cached);
}

static void
mc_layout_finalize (GObject *object)
{
  McLayout *self = MC_LAYOUT (object);

  g_clear_pointer (&self->figure_cache, g_hash_table_unref);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->text_cache, g_hash_table_unref);
  g_clear_pointer (&self->note_rects, g_hash_table_unref);
  g_clear_pointer (&self->note_areas, g_hash_table_unref);
  g_clear_pointer (&self->misfits, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_layout_parent_class)->finalize (object);
}

static void
mc_layout_class_init (McLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_layout_finalize;
}

static void
mc_layout_init (McLayout *self)
{
  self->misfits = g_ptr_array_new_with_free_func (g_free);
  self->text_cache = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, cached_text_free);
  self->note_rects = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, (GDestroyNotify) mc_rect_free);
  self->note_areas = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, (GDestroyNotify) mc_rect_free);
  self->figure_cache = g_hash_table_new_full (g_str_hash, g_str_equal,
                                              g_free, cached_figure_free);
}

McLayout *
mc_layout_new (McCatalog *catalog)
{
  McLayout *self;

  g_return_val_if_fail (catalog == NULL || MC_IS_CATALOG (catalog), NULL);

  self = g_object_new (MC_TYPE_LAYOUT, NULL);
  self->catalog = catalog != NULL ? g_object_ref (catalog) : NULL;
  return self;
}

guint
_mc_layout_get_n_text_layouts_created (McLayout *self)
{
  g_return_val_if_fail (MC_IS_LAYOUT (self), 0);

  return self->n_text_layouts_created;
}

gboolean
mc_layout_get_note_area (McLayout   *self,
                          const char *figure_id,
                          const char *region_id,
                          McRect     *area)
{
  g_autofree char *key = NULL;
  const McRect *found;

  g_return_val_if_fail (MC_IS_LAYOUT (self), FALSE);

  key = g_strdup_printf ("%s/%s", figure_id, region_id);
  found = g_hash_table_lookup (self->note_areas, key);
  if (found == NULL)
    return FALSE;
  *area = *found;
  return TRUE;
}

static void
remember_note_areas (McLayout   *self,
                     const char *placement_id,
                     GHashTable *areas)
{
  GHashTableIter iter;
  gpointer key, value;

  if (areas == NULL)
    return;

  g_hash_table_iter_init (&iter, areas);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->note_areas,
                         g_strdup_printf ("%s/%s", placement_id, (const char *) key),
                         mc_rect_copy (value));
}

static const McFigureInfo *
lookup_info (McLayout   *self,
             const char *kind)
{
  if (self->catalog == NULL || kind == NULL)
    return NULL;
  return mc_catalog_get_figure (self->catalog, kind);
}

/* Copies a figure's scene, leaving out region groups without notes when
 * the options hide empty regions. */
static void
append_figure (McScene             *scene,
               McScene             *figure_scene,
               const char          *placement_id,
               GHashTable          *used_regions,
               const McViewOptions *options)
{
  guint n = mc_scene_get_n_items (figure_scene);
  gsize prefix_len = strlen (placement_id) + 1;
  guint run_start = 0;
  guint i = 0;

  if (options->empty_regions)
    {
      mc_scene_append (scene, figure_scene);
      return;
    }

  while (i < n)
    {
      const McSceneItem *item = mc_scene_get_item (figure_scene, i);

      if (item->kind == MC_ITEM_GROUP_BEGIN && item->role == MC_ROLE_REGION &&
          item->id != NULL && strlen (item->id) > prefix_len &&
          (used_regions == NULL ||
           !g_hash_table_contains (used_regions, item->id + prefix_len)))
        {
          if (i > run_start)
            mc_scene_append_range (scene, figure_scene, run_start, i);
          i = mc_scene_group_end (figure_scene, i);
          run_start = i;
          continue;
        }
      i++;
    }

  if (n > run_start)
    mc_scene_append_range (scene, figure_scene, run_start, n);
}

/* Building */

static void
figure_frame (McFigure                *figure,
              const McFigureKindClass *kind,
              McRect                  *frame)
{
  double scale = mc_figure_get_scale (figure);
  double nw = kind != NULL ? kind->natural_width : 1000;
  double nh = kind != NULL ? kind->natural_height : 1000;

  frame->x = mc_figure_get_x (figure);
  frame->y = mc_figure_get_y (figure);
  frame->width = nw * scale;
  frame->height = nh * scale;
}

static void
trim_text_cache (McLayout *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->figure_cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CachedFigure *cached = value;

      if (cached->generation != self->generation)
        g_hash_table_iter_remove (&iter);
    }

  /* Keep what the last build used; an edited note's old text goes. */
  g_hash_table_iter_init (&iter, self->text_cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CachedText *cached = value;

      if (cached->generation != self->generation)
        g_hash_table_iter_remove (&iter);
    }
}

/* The notes' texts measured before they are packed (their longest words
 * size them), all at once: on a large board over the machine's cores. */
static void
measure_note_texts (GPtrArray           *notes,
                    GArray              *placed_figures,
                    GHashTable          *by_id,
                    const McViewOptions *options)
{
  g_autoptr(GArray) jobs = g_array_new (FALSE, FALSE, sizeof (McTextFitJob));

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      const char *figure_id = mc_note_get_figure_id (note);
      guint index = figure_id != NULL
                    ? GPOINTER_TO_UINT (g_hash_table_lookup (by_id, figure_id)) : 0;

      _mc_layout_queue_note_measure (jobs, note,
                                     index > 0 ? g_array_index (placed_figures, PlacedFigure,
                                                                index - 1).scale : 1.0,
                                     options);
    }
  mc_text_measure_many ((McTextFitJob *) (gpointer) jobs->data, jobs->len);
}

static gboolean
lookup_note_rect (gpointer    user_data,
                  const char *note_id,
                  McRect     *rect)
{
  McLayout *self = user_data;

  return mc_layout_get_note_rect (self, note_id, rect);
}

McScene *
mc_layout_build (McLayout            *self,
                 McBoard             *board,
                 const McViewOptions *options)
{
  const McTheme *theme;
  g_autoptr(McScene) content = mc_scene_new ();
  g_autoptr(GArray) placed_figures = NULL;
  g_autoptr(GHashTable) by_id = NULL;  /* placement id → index into placed_figures */
  g_autoptr(GHashTable) shelves = NULL; /* "placement/region" → Shelf* */
  g_autoptr(GHashTable) packed = NULL;  /* placement id → McRectGrid */
  g_autoptr(GArray) drawn_notes = g_array_new (FALSE, FALSE, sizeof (DrawnNote));
  g_autoptr(GHashTable) spilled = NULL; /* region key → notes outside its area */
  g_autoptr(GHashTable) below = NULL;   /* note id → McRect*, set below the figure */
  NoteSizes note_sizes = { NULL, 0 };
  g_autofree McScene **figure_scenes = NULL;   /* from _mc_layout_draw_figures() */
  gboolean grew_design_notes = FALSE;
  gboolean for_frame = options->frame_width > 0 && options->figure_id != NULL;
  GPtrArray *figures, *notes;
  McScene *scene;
  McRect bounds, free_bounds;

  g_return_val_if_fail (MC_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  theme = mc_theme_get (options->theme);
  self->generation++;
  _mc_layout_incremental_begin (self, options);
  g_hash_table_remove_all (self->note_rects);
  g_hash_table_remove_all (self->note_areas);
  g_ptr_array_set_size (self->misfits, 0);
  spilled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  placed_figures = g_array_new (FALSE, TRUE, sizeof (PlacedFigure));
  g_array_set_clear_func (placed_figures, placed_figure_clear);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  shelves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  packed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                  (GDestroyNotify) mc_rect_grid_free);

  figures = mc_board_get_figures (board);
  notes = mc_board_get_notes (board);

  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      McFigure *figure = g_ptr_array_index (figures, i);
      PlacedFigure placed = { 0, };

      if (options->figure_id != NULL &&
          g_strcmp0 (options->figure_id, mc_figure_get_id (figure)) != 0)
        continue;

      placed.figure = figure;
      placed.placement_id = mc_figure_get_id (figure);
      placed.kind = mc_figure_kind_lookup (mc_figure_get_kind (figure));
      if (placed.kind == NULL)
        continue;   /* a kind from a newer version: kept in the file, not drawn */
      placed.info = lookup_info (self, placed.kind->id);
      placed.scale = mc_figure_get_scale (figure);
      figure_frame (figure, placed.kind, &placed.frame);
      placed.type_scale = placed.frame.width / placed.kind->natural_width;
      if (for_frame)
        {
          /* Points at final size: the frame's width, the type at the
           * theme's sizes (questions at least at the floor), the notes at
           * the same scale as the type. */
          double unit = options->frame_width / placed.kind->natural_width;
          /* A design too tall for a page with its notes and legend is
           * drawn smaller, centred (_mc_layout_build_smaller()). */
          double share = placed.kind->lays_out_for_frame || self->figure_share <= 0
                         ? 1.0 : self->figure_share;

          unit *= share;
          placed.frame = (McRect) { options->frame_width * (1 - share) / 2, 0,
                                    options->frame_width * share,
                                    placed.kind->natural_height * unit };
          placed.type_scale = MAX (unit, _mc_layout_text_floor (theme, options) /
                                         theme->small_size);
          placed.scale = placed.kind->lays_out_for_frame ? placed.type_scale : unit;
        }
      placed.used_regions = g_hash_table_new (g_str_hash, g_str_equal);
      g_array_append_val (placed_figures, placed);
    }
  for (guint i = 0; i < placed_figures->len; i++)
    {
      PlacedFigure *placed = &g_array_index (placed_figures, PlacedFigure, i);

      g_hash_table_insert (by_id, (gpointer) placed->placement_id, GUINT_TO_POINTER (i + 1));
    }

  /* Which regions have notes: hidden-when-empty needs it before drawing. */
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      const char *figure_id = mc_note_get_figure_id (note);
      const char *region_id = mc_note_get_region_id (note);
      guint index;

      if (figure_id == NULL || region_id == NULL)
        continue;
      index = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, figure_id));
      if (index > 0)
        g_hash_table_add (g_array_index (placed_figures, PlacedFigure, index - 1).used_regions,
                          (gpointer) region_id);
    }
  for (guint i = 0; notes != NULL && i < placed_figures->len; i++)
    _mc_layout_spread_reaches (&g_array_index (placed_figures, PlacedFigure, i), notes, options);

  /* A layout for the frame grows its regions to hold their notes. */
  if (for_frame && options->notes && placed_figures->len == 1 &&
      g_array_index (placed_figures, PlacedFigure, 0).kind->lays_out_for_frame)
    {
      PlacedFigure *placed = &g_array_index (placed_figures, PlacedFigure, 0);

      note_sizes.sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);
      note_sizes.gap = NOTE_GAP * placed->scale;
      note_sizes.scale = placed->scale;
      note_sizes.options = options;
      for (guint i = 0; notes != NULL && i < notes->len; i++)
        {
          McNote *note = g_ptr_array_index (notes, i);
          g_autofree char *area_id = NULL;
          GPtrArray *list;

          if (g_strcmp0 (mc_note_get_figure_id (note), placed->placement_id) != 0 ||
              (area_id = _mc_layout_note_area_id (placed, note, options)) == NULL)
            continue;
          list = g_hash_table_lookup (note_sizes.sizes, area_id);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (note_sizes.sizes, g_steal_pointer (&area_id), list);
            }
          g_ptr_array_add (list, note);
        }
    }

  figure_scenes = _mc_layout_draw_figures (self, placed_figures, options,
                                           note_sizes.sizes != NULL ? &note_sizes : NULL);
  for (guint i = 0; i < placed_figures->len; i++)
    {
      PlacedFigure *placed = &g_array_index (placed_figures, PlacedFigure, i);
      g_autoptr(McScene) figure_scene = NULL;

      figure_scene = _mc_layout_build_figure_scene (self, placed, options,
                                                     note_sizes.sizes != NULL ? &note_sizes : NULL,
                                                     g_steal_pointer (&figure_scenes[i]));
      remember_note_areas (self, placed->placement_id, placed->note_areas);
      append_figure (content, figure_scene, placed->placement_id,
                     placed->used_regions, options);
    }

  if (self->notes_below != NULL && placed_figures->len == 1)
    {
      below = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) mc_rect_free);
      _mc_layout_place_notes_below (self, content, &g_array_index (placed_figures, PlacedFigure, 0),
                                    notes, options, below);
    }
  free_bounds = _mc_layout_free_notes_bounds (board, notes, options);
  _mc_layout_add_panels (content, placed_figures, free_bounds.width > 0 ? &free_bounds : NULL,
                         mc_board_get_title (board), options);

  measure_note_texts (notes, placed_figures, by_id, options);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      const char *figure_id = mc_note_get_figure_id (note);
      const char *region_id = mc_note_get_region_id (note);
      PlacedFigure *placed = NULL;
      McRect stored, rect;
      double s = 1.0;
      gboolean grown = FALSE;

      if (figure_id != NULL)
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, figure_id));

          if (index > 0)
            placed = &g_array_index (placed_figures, PlacedFigure, index - 1);
          else if (options->figure_id != NULL || mc_board_get_figure (board, figure_id) != NULL)
            continue;   /* its figure is not drawn in this view */
        }
      else if (options->figure_id != NULL)
        continue;       /* free notes belong to the whole board only */

      mc_note_get_rect (note, &stored);
      if (stored.width <= 0)
        stored.width = MC_NOTE_DEFAULT_WIDTH;
      if (stored.height <= 0)
        stored.height = MC_NOTE_DEFAULT_HEIGHT;

      if (placed == NULL)
        {
          /* Free (or anchored to a figure the board lacks): board units. */
          rect = stored;
          if (!mc_note_get_has_position (note))
            rect.x = rect.y = 0;
        }
      else
        {
          g_autofree char *area_id = _mc_layout_note_area_id (placed, note, options);
          const McRect *area = _mc_layout_lookup_note_area (placed, area_id);
          /* A note in a reach column is never wider than the column. */
          gboolean in_column = area != NULL && g_strcmp0 (area_id, region_id) != 0;

          if (area == NULL)
            area = _mc_layout_lookup_note_area (placed, region_id);
          s = placed->scale;
          /* Laid out for a frame, a note holds its whole text: in exports
           * the figures that keep their design grow their notes too (to
           * their text at the floor), where their regions have room. */
          grown = placed->reflowed || (for_frame && options->strict && area != NULL);
          grew_design_notes |= grown && !placed->reflowed;
          if (below != NULL && g_hash_table_contains (below, mc_note_get_id (note)))
            {
              rect = *(McRect *) g_hash_table_lookup (below, mc_note_get_id (note));
              s = placed->type_scale;
            }
          else if (mc_note_get_has_position (note) && !for_frame)
            {
              rect = (McRect) { placed->frame.x + stored.x * s, placed->frame.y + stored.y * s,
                                stored.width * s, stored.height * s };
              /* Inside its reach column, never across a rule. */
              if (in_column)
                {
                  rect.width = MIN (rect.width, area->width);
                  rect.x = CLAMP (rect.x, area->x, area->x + area->width - rect.width);
                  /* Its longest word needs more: centred on the column,
                   * into the gutters beside it. */
                  if (rect.width > area->width)
                    rect.x = area->x - (rect.width - area->width) / 2;
                }
            }
          else
            {
              g_autofree char *key = g_strdup_printf ("%s/%s", placed->placement_id,
                                                      area_id != NULL ? area_id : "");
              Shelf *shelf = g_hash_table_lookup (shelves, key);
              McRectGrid *placed_rects = g_hash_table_lookup (packed, placed->placement_id);

              if (shelf == NULL)
                {
                  shelf = g_new0 (Shelf, 1);
                  if (area != NULL)
                    shelf->area = *area;
                  else
                    {
                      /* No area known (unknown region): the whole figure. */
                      double inset = 0.04 * MIN (placed->frame.width, placed->frame.height);

                      shelf->area = (McRect) { placed->frame.x + inset, placed->frame.y + inset,
                                               placed->frame.width - 2 * inset,
                                               placed->frame.height - 2 * inset };
                    }
                  shelf->row_height = -1;
                  shelf->left_aligned = placed->reflowed && area != NULL;
                  g_hash_table_insert (shelves, g_steal_pointer (&key), shelf);
                }
              if (placed_rects == NULL)
                {
                  placed_rects = mc_rect_grid_new ();
                  g_hash_table_insert (packed, (gpointer) placed->placement_id, placed_rects);
                }
              {
                double w, h;

                _mc_layout_note_size (note, s, grown,
                                      (grown || in_column) && area != NULL
                                      ? area->width : 0,
                                      options, &w, &h);
                _mc_layout_pack_note (shelf, placed_rects, w, h, NOTE_GAP * s, &rect);
              }
              /* Strict views: a note outside its region's area (or its
               * reach column) is a misfit. */
              if (options->strict && options->notes && region_id != NULL && area != NULL)
                {
                  if (rect.y + rect.height > area->y + area->height + 0.5 ||
                      rect.x + rect.width > area->x + area->width + 0.5)
                    {
                      g_autofree char *spill_key = g_strdup_printf ("%s\x1f%s",
                                                                    placed->placement_id,
                                                                    region_id);
                      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (spilled, spill_key));

                      g_hash_table_insert (spilled, g_steal_pointer (&spill_key),
                                           GUINT_TO_POINTER (n + 1));
                    }
                }
            }
        }

      _mc_layout_incremental_note (self, note, placed != NULL && !(mc_note_get_has_position (note) && !for_frame));
      g_hash_table_insert (self->note_rects, g_strdup (mc_note_get_id (note)),
                           mc_rect_copy (&rect));
      if (options->notes)
        {
          DrawnNote drawn = { note, rect, s, grown, 0 };

          g_array_append_val (drawn_notes, drawn);
        }
    }

  /* Grown notes that do not all fit the regions of a figure that keeps its
   * design: those regions' notes go below the figure, under their names. */
  if (grew_design_notes && g_hash_table_size (spilled) > 0)
    {
      GHashTable *before = self->notes_below;
      GHashTableIter iter;
      gpointer key;

      g_clear_pointer (&note_sizes.sizes, g_hash_table_unref);
      self->notes_below = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (before != NULL)
        {
          g_hash_table_iter_init (&iter, before);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_add (self->notes_below, g_strdup (key));
        }
      g_hash_table_iter_init (&iter, spilled);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (self->notes_below, g_strdup (strchr (key, '\x1f') + 1));
      /* Only while the set grows: every build below has fewer to pack. */
      if (before == NULL || g_hash_table_size (self->notes_below) > g_hash_table_size (before))
        {
          scene = mc_layout_build (self, board, options);
          g_hash_table_unref (self->notes_below);
          self->notes_below = before;
          return scene;
        }
      g_hash_table_unref (self->notes_below);
      self->notes_below = before;
    }

  /* Cluster outlines go under the notes they surround. */
  if (options->notes)
    _mc_layout_add_clusters (content, board, theme, lookup_note_rect, self);

  _mc_layout_share_region_text_sizes (self, drawn_notes, options);
  _mc_layout_fit_note_texts (self, drawn_notes, options);
  for (guint i = 0; i < drawn_notes->len; i++)
    {
      DrawnNote *drawn = &g_array_index (drawn_notes, DrawnNote, i);

      _mc_layout_draw_note (self, content, drawn->note, &drawn->rect, drawn->scale,
                            _mc_layout_note_opacity (board, drawn->note), drawn->grown,
                            drawn->text_size, options);
    }

  trim_text_cache (self);
  g_clear_pointer (&note_sizes.sizes, g_hash_table_unref);
  _mc_layout_report_misfits (self, placed_figures, spilled, content, for_frame, options);

  /* The paper under everything, exactly as large as what is drawn. */
  scene = mc_scene_new ();
  mc_scene_get_bounds (content, &bounds);
  if (bounds.width > 0 && bounds.height > 0)
    {
      g_autoptr(McPath) paper = mc_path_new ();

      mc_path_rectangle (paper, &bounds);
      mc_scene_add_path (scene, MC_ROLE_BOARD, paper, &theme->paper, NULL, 0, MC_LINE_SOLID);
    }
  mc_scene_append_take (scene, g_steal_pointer (&content));

  if (for_frame && options->strict && placed_figures->len == 1 && self->figure_share <= 0 &&
      !g_array_index (placed_figures, PlacedFigure, 0).reflowed &&
      bounds.height > MC_LAYOUT_MAX_HEIGHT_MM / 25.4 * 72 + 0.5)
    return _mc_layout_build_smaller (self, board, options, scene);
  return scene;
}

McScene *
mc_layout_build_kind (McLayout            *self,
                      const char          *kind,
                      double               width,
                      const McViewOptions *options)
{
  const McFigureKindClass *klass;
  g_autoptr(GArray) placed_figures = NULL;
  PlacedFigure placed = { 0, };
  McScene *scene;
  McScene *figure_scene;

  g_return_val_if_fail (MC_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (width > 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  klass = mc_figure_kind_lookup (kind);
  if (klass == NULL)
    return mc_scene_new ();

  placed.kind = klass;
  placed.placement_id = klass->id;
  placed.info = lookup_info (self, kind);
  placed.frame = (McRect) { 0, 0, width, width * klass->natural_height / klass->natural_width };
  placed.scale = width / klass->natural_width;
  placed.type_scale = placed.scale;
  if (options->frame_width > 0)
    {
      const McTheme *theme = mc_theme_get (options->theme);

      placed.type_scale = MAX (placed.scale, _mc_layout_text_floor (theme, options) /
                                             theme->small_size);
      placed.scale = placed.type_scale;
    }

  scene = mc_scene_new ();
  g_hash_table_remove_all (self->note_areas);
  g_ptr_array_set_size (self->misfits, 0);
  /* Kinds at arbitrary widths (thumbnails, tests) are not worth caching. */
  figure_scene = _mc_layout_draw_figure_scene (self, &placed, options, NULL);
  remember_note_areas (self, klass->id, placed.note_areas);
  /* Without a board every region is empty; hiding them would leave nothing. */
  mc_scene_append_take (scene, figure_scene);

  placed_figures = g_array_new (FALSE, TRUE, sizeof (PlacedFigure));
  g_array_set_clear_func (placed_figures, placed_figure_clear);
  g_array_append_val (placed_figures, placed);
  _mc_layout_add_panels (scene, placed_figures, NULL, NULL, options);

  return scene;
}

gboolean
mc_layout_get_figure_rect (McBoard    *board,
                           const char *figure_id,
                           McRect     *rect)
{
  McFigure *figure;

  g_return_val_if_fail (MC_IS_BOARD (board), FALSE);
  g_return_val_if_fail (figure_id != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  figure = mc_board_get_figure (board, figure_id);
  if (figure == NULL)
    return FALSE;

  figure_frame (figure, mc_figure_kind_lookup (mc_figure_get_kind (figure)), rect);
  return TRUE;
}

gboolean
mc_layout_get_note_rect (McLayout   *self,
                         const char *note_id,
                         McRect     *rect)
{
  const McRect *found;

  g_return_val_if_fail (MC_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (note_id != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  found = g_hash_table_lookup (self->note_rects, note_id);
  if (found == NULL)
    return FALSE;

  *rect = *found;
  return TRUE;
}

