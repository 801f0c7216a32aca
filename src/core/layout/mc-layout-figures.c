/* mc-layout-figures.c — a board's figures drawn into their own scenes:
 * afresh, from the layout's cache, or all the missing ones at once on
 * every core (mc_parallel_for()) */
#include "config.h"

#include "mc-layout-parts-private.h"
#include "mc-figure-kind.h"
#include "mc-figure-kinds-private.h"
#include "mc-parallel.h"

/* Builds one figure kind into its own scene (so regions can be filtered
 * before they join the board); sets the figure's note areas and deferred
 * texts, and in a layout for the frame its height. */
McScene *
_mc_layout_draw_figure_scene (McLayout            *self,
                              PlacedFigure        *placed,
                              const McViewOptions *options,
                              NoteSizes           *note_sizes)
{
  McScene *scene = mc_scene_new ();
  const McTheme *theme = mc_theme_get (options->theme);
  const McFigureKindClass *kind = placed->kind;
  const McFigureInfo *info = placed->info;
  const char *placement_id = placed->placement_id;
  g_autoptr(McPath) frame_path = mc_path_new ();
  McFigureBuild build = { 0, };
  const char *title = info != NULL ? mc_figure_info_get_title (info, options->language) : NULL;

  build.scene = scene;
  build.info = info;
  build.theme = theme;
  build.options = options;
  build.language = options->language;
  build.placement_id = placement_id;
  build.frame = placed->frame;
  build.unit = placed->frame.width / kind->natural_width;
  build.font_scale = placed->type_scale > 0 ? placed->type_scale : build.unit;
  build.min_font_size = _mc_layout_text_floor (theme, options);
  build.for_frame = options->frame_width > 0;
  if (note_sizes != NULL)
    {
      build.notes_height = _mc_layout_packed_notes_height;
      build.notes_min_width = _mc_layout_packed_notes_min_width;
      build.notes_data = note_sizes;
    }

  mc_scene_begin_group (scene, MC_ROLE_FIGURE, placement_id,
                        title != NULL ? title : placement_id, NULL);
  if (kind->build != NULL)
    kind->build (&build);
  else
    _mc_figure_build_placeholder (&build);
  placed->reflowed = build.for_frame && build.height_used > 0;
  if (placed->reflowed)
    placed->frame.height = build.height_used;
  /* The figure's hit path is its frame, known only now. */
  mc_path_rectangle (frame_path, &placed->frame);
  mc_scene_set_group_hit_path (scene, frame_path);
  mc_scene_end_group (scene);

  g_clear_pointer (&placed->note_areas, g_hash_table_unref);
  placed->note_areas = build.note_areas;
  g_clear_pointer (&placed->deferred, g_ptr_array_unref);
  placed->deferred = build.deferred;
  return scene;
}

static GHashTable *
copy_note_areas (GHashTable *areas)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, (GDestroyNotify) mc_rect_free);
  GHashTableIter iter;
  gpointer key, value;

  if (areas != NULL)
    {
      g_hash_table_iter_init (&iter, areas);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (copy, g_strdup (key), mc_rect_copy (value));
    }

  return copy;
}

/* The figure cache's key, or NULL when the figure is drawn afresh: strict
 * views and layouts for the frame (exports: built once; their drawing
 * depends on the notes). */
static char *
figure_cache_key (PlacedFigure        *placed,
                  const McViewOptions *options)
{
  const McRect *frame = &placed->frame;

  if (options->strict || options->frame_width > 0)
    return NULL;
  return g_strdup_printf ("%s\x1f%s\x1f%p\x1f%.4f\x1f%.4f\x1f%.4f\x1f%.4f\x1f%d\x1f%d\x1f%d\x1f%d\x1f%.3f\x1f%d",
                          placed->placement_id, placed->kind->id, (gconstpointer) placed->info,
                          frame->x, frame->y, frame->width, frame->height,
                          options->theme, options->language, options->questions,
                          options->definitions, options->min_font_size, options->caption);
}

/* Returns a new reference to the figure's scene, drawn (drawn, when the
 * caller drew it already; taken) or from the cache, and sets its note
 * areas. */
McScene *
_mc_layout_build_figure_scene (McLayout            *self,
                               PlacedFigure        *placed,
                               const McViewOptions *options,
                               NoteSizes           *note_sizes,
                               McScene             *drawn)
{
  g_autofree char *key = figure_cache_key (placed, options);
  CachedFigure *cached;

  if (key == NULL)
    return drawn != NULL ? drawn : _mc_layout_draw_figure_scene (self, placed, options, note_sizes);

  cached = g_hash_table_lookup (self->figure_cache, key);
  if (cached == NULL)
    {
      cached = g_new0 (CachedFigure, 1);
      cached->scene = drawn != NULL ? drawn : _mc_layout_draw_figure_scene (self, placed, options, NULL);
      cached->note_areas = placed->note_areas != NULL ? copy_note_areas (placed->note_areas) : NULL;
      g_hash_table_insert (self->figure_cache, g_steal_pointer (&key), cached);
    }
  else
    {
      g_clear_pointer (&placed->note_areas, g_hash_table_unref);
      placed->note_areas = copy_note_areas (cached->note_areas);
      g_clear_pointer (&drawn, mc_scene_unref);
    }

  cached->generation = self->generation;
  return mc_scene_ref (cached->scene);
}

typedef struct
{
  McLayout            *self;
  GArray              *placed_figures;
  const McViewOptions *options;
  NoteSizes           *note_sizes;
  McScene            **drawn;       /* per figure: NULL, or to be drawn */
  guint               *to_draw;     /* indices of the figures to draw */
} FigureDrawing;

static void
draw_one_figure (guint    index,
                 gpointer user_data)
{
  FigureDrawing *drawing = user_data;
  guint i = drawing->to_draw[index];
  PlacedFigure *placed = &g_array_index (drawing->placed_figures, PlacedFigure, i);
  g_autofree char *key = figure_cache_key (placed, drawing->options);

  /* Cached figures are drawn without the notes' sizes, as before. */
  drawing->drawn[i] = _mc_layout_draw_figure_scene (drawing->self, placed, drawing->options,
                                         key == NULL ? drawing->note_sizes : NULL);
}

/* The figures the cache lacks, drawn at once: each figure's drawing is
 * its own (its frame, its note areas), so they are spread over the cores.
 * Returns per figure its drawn scene, or NULL to take from the cache. */
McScene **
_mc_layout_draw_figures (McLayout            *self,
                         GArray              *placed_figures,
                         const McViewOptions *options,
                         NoteSizes           *note_sizes)
{
  g_autofree guint *to_draw = g_new0 (guint, placed_figures->len + 1);
  FigureDrawing drawing = { self, placed_figures, options, note_sizes,
                            g_new0 (McScene *, placed_figures->len + 1), to_draw };
  guint n = 0;

  for (guint i = 0; i < placed_figures->len; i++)
    {
      g_autofree char *key = figure_cache_key (&g_array_index (placed_figures, PlacedFigure, i),
                                               options);

      if (key == NULL || !g_hash_table_contains (self->figure_cache, key))
        to_draw[n++] = i;
    }
  mc_parallel_for (n, 1, draw_one_figure, &drawing);
  return drawing.drawn;
}

