/* mc-layout-frame-notes.c — the notes of a figure laid out for a journal's
 * width (issue 12)
 *
 * The kinds that reflow for their frame grow their regions to hold their
 * notes: they ask how tall a region's notes are when packed in a width.
 * The kinds that keep their design (a wheel, rings, quadrants) cannot grow
 * a region; the notes that do not fit theirs are set below the figure,
 * under their region's name, at the same size as the figure's type, never
 * cut and never refused for being too many for the region.
 */
#include "config.h"

#include <math.h>

#include "mc-layout-parts-private.h"
#include "mc-board.h"

double
_mc_layout_packed_notes_height (gpointer    data,
                     const char *region_id,
                     double      width)
{
  NoteSizes *sizes = data;
  GPtrArray *list = sizes->sizes != NULL ? g_hash_table_lookup (sizes->sizes, region_id) : NULL;
  double x = 0, y = 0, row = 0;

  if (list == NULL)
    return 0;

  /* The same shelves as _mc_layout_pack_note(), the notes as wide as
   * mc_layout_build() makes them in an area width wide. */
  for (guint i = 0; i < list->len; i++)
    {
      double w, h;

      _mc_layout_note_size (list->pdata[i], sizes->scale, TRUE, width, sizes->options, &w, &h);

      if (x > 0 && x + w > width + 0.01)
        {
          y += row + sizes->gap;
          x = 0;
          row = 0;
        }
      x += w + sizes->gap;
      row = MAX (row, h);
    }
  return y + row;
}

double
_mc_layout_packed_notes_min_width (gpointer    data,
                        const char *area_id)
{
  NoteSizes *sizes = data;
  GPtrArray *list = sizes->sizes != NULL ? g_hash_table_lookup (sizes->sizes, area_id) : NULL;
  double widest = 0;

  /* As narrow as a note may be: its longest word at the floor. */
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      double w, h;

      _mc_layout_note_size (list->pdata[i], sizes->scale, TRUE, 1, sizes->options, &w, &h);
      widest = MAX (widest, w);
    }
  return widest;
}

/* The notes of placed anchored in region_id, in board order. */
static GPtrArray *
region_notes (const PlacedFigure *placed,
              GPtrArray          *notes,
              const char         *region_id)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      McNote *note = notes->pdata[i];

      if (g_strcmp0 (mc_note_get_figure_id (note), placed->placement_id) == 0 &&
          g_strcmp0 (mc_note_get_region_id (note), region_id) == 0)
        g_ptr_array_add (found, note);
    }
  return found;
}

void
_mc_layout_place_notes_below (McLayout            *self,
                              McScene             *content,
                              PlacedFigure        *placed,
                              GPtrArray           *notes,
                              const McViewOptions *options,
                              GHashTable          *rects)
{
  const McTheme *theme = mc_theme_get (options->theme);
  double s = placed->type_scale;
  double gap = NOTE_GAP * s;
  /* As wide as the frame, when the figure is drawn smaller in it. */
  double x = options->frame_width > 0 ? 0 : placed->frame.x;
  double width = options->frame_width > 0 ? options->frame_width : placed->frame.width;
  double y = placed->frame.y + placed->frame.height + 2 * gap;
  guint n_regions = placed->info != NULL ? mc_figure_info_get_n_regions (placed->info) : 0;
  McTextStyle heading = { theme->font_family,
                          MAX (theme->body_size * s, _mc_layout_text_floor (theme, options)),
                          PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, 0 };
  g_autofree char *id = g_strdup_printf ("%s:notes", placed->placement_id);
  /* As many columns as notes of about their default width fill, each at
   * least 35 mm (a dozen words of a line or two at the floor). */
  guint columns = MAX (1, (guint) floor ((width + gap) /
                                         (MAX (MC_NOTE_DEFAULT_WIDTH * s, 35 / 25.4 * 72) + gap)));
  double column = floor ((width - (columns - 1) * gap) / columns);
  gboolean any = FALSE;

  if (placed->note_areas == NULL)
    placed->note_areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) mc_rect_free);
  mc_scene_begin_group (content, MC_ROLE_LABEL, id, NULL, NULL);
  /* In the figure's order of regions, each under its name. */
  for (guint r = 0; r < n_regions; r++)
    {
      const McRegionInfo *region = mc_figure_info_get_region (placed->info, r);
      const char *region_id = mc_region_info_get_id (region);
      const char *label = mc_region_info_get_label (region, options->language);
      g_autoptr(GPtrArray) list = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      g_autoptr(McRectGrid) grid = NULL;
      Shelf shelf = { { 0, }, 0, 0, -1, TRUE };
      double h, bottom;
      McRect area;

      if (!g_hash_table_contains (self->notes_below, region_id))
        continue;
      list = region_notes (placed, notes, region_id);
      if (list->len == 0)
        continue;

      layout = mc_text_layout_new (label != NULL ? label : region_id, &heading, width);
      mc_scene_add_text (content, MC_ROLE_LABEL, layout, x, y, &theme->ink);
      mc_text_layout_get_size (layout, NULL, &h);
      y += h + gap * 0.6;

      /* Rows of equal columns, as wide as the figure. */
      grid = mc_rect_grid_new ();
      shelf.area = (McRect) { x, y, width, 0 };
      bottom = y;
      for (guint i = 0; i < list->len; i++)
        {
          McNote *note = list->pdata[i];
          double w, nh;
          McRect rect;

          _mc_layout_note_size (note, s, TRUE, -column, options, &w, &nh);
          _mc_layout_pack_note (&shelf, grid, w, nh, gap, &rect);
          /* Only a word wider than the whole figure at the floor. */
          if (options->strict && rect.width > width + 0.5)
            g_ptr_array_add (self->misfits,
                             mc_layout_note_misfit (mc_note_get_text (note),
                                                    _mc_layout_text_floor (theme, options)));
          g_hash_table_insert (rects, g_strdup (mc_note_get_id (note)), mc_rect_copy (&rect));
          bottom = MAX (bottom, rect.y + rect.height);
        }
      area = (McRect) { x, y, width, bottom - y };
      g_hash_table_insert (placed->note_areas, g_strdup (region_id), mc_rect_copy (&area));
      g_hash_table_insert (self->note_areas,
                           g_strdup_printf ("%s/%s", placed->placement_id, region_id),
                           mc_rect_copy (&area));
      y = bottom + 2 * gap;
      any = TRUE;
    }
  mc_scene_end_group (content);

  /* The legend and caption go below the notes. */
  if (any)
    placed->frame.height = y - gap - placed->frame.y;
}

/* The least share of the frame's width a design is drawn at: smaller, its
 * names would crowd its regions. */
#define SMALLEST_SHARE 0.6

/* How many names (labels) the figure's own group shows. */
static guint
count_figure_labels (McScene    *scene,
                     const char *figure_id)
{
  int index = mc_scene_find_group (scene, figure_id);
  guint count = 0;

  if (index < 0)
    return 0;
  for (guint i = index, end = mc_scene_group_end (scene, index); i < end; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_TEXT && item->role == MC_ROLE_LABEL)
        count++;
    }
  return count;
}

McScene *
_mc_layout_build_smaller (McLayout            *self,
                          McBoard             *board,
                          const McViewOptions *options,
                          McScene             *scene)
{
  double limit = MC_LAYOUT_MAX_HEIGHT_MM / 25.4 * 72 + 0.5;
  double share = 1.0, share_kept = 1.0;
  guint labels = count_figure_labels (scene, options->figure_id);
  McRect bounds;

  mc_scene_get_bounds (scene, &bounds);
  while (bounds.height > limit && share > SMALLEST_SHARE + 1e-6)
    {
      int index = mc_scene_find_group (scene, options->figure_id);
      const McSceneItem *figure = index >= 0 ? mc_scene_get_item (scene, index) : NULL;
      McRect drawn = { 0, };
      double next = share - 0.05;
      McScene *smaller;

      /* The figure's design gives up what is too much, at least 5 %. */
      if (figure != NULL && figure->hit_path != NULL)
        mc_path_get_bounds (figure->hit_path, &drawn);
      if (drawn.height > bounds.height - limit)
        next = MIN (next, share * (drawn.height - (bounds.height - limit)) / drawn.height);
      share = MAX (SMALLEST_SHARE, next);

      self->figure_share = share;
      smaller = mc_layout_build (self, board, options);
      self->figure_share = 0;
      /* Never at the cost of a name that moves from the figure to the
       * legend: then the last size that kept them all stays. */
      if (count_figure_labels (smaller, options->figure_id) < labels)
        {
          mc_scene_unref (smaller);
          self->figure_share = share_kept;
          mc_scene_unref (scene);
          scene = mc_layout_build (self, board, options);
          self->figure_share = 0;
          break;
        }
      mc_scene_unref (scene);
      scene = smaller;
      share_kept = share;
      mc_scene_get_bounds (scene, &bounds);
    }
  return scene;
}
