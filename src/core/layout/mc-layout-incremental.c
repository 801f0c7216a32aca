/* mc-layout-incremental.c — the scene after a change to a few notes, made
 * from the last one (issue 17: cost proportional to the change)
 *
 * The last full build leaves, beside the layout, which notes it packed and
 * the options it used (hooks in mc-layout.c). mc_layout_update() then lays
 * out only the changed notes and copies every other item of the previous
 * scene; a change that would move other notes (packing, clusters) or the
 * paper's edge is left to a full build.
 */
#include "config.h"

#include <string.h>

#include "mc-layout-incremental-private.h"
#include "mc-layout-parts-private.h"
#include "mc-layout-clusters-private.h"
#include "mc-figure-kind.h"

/* Room around a note's rectangle for its shadow and conflict outline, in
 * note units (times the figure's scale). */
#define NOTE_MARGIN 8.0

/* A note's own text size and the region whose notes share the smallest. */
typedef struct
{
  double  size;
  char   *region;   /* "figure/region" */
} NoteSize;

static void
note_size_free (gpointer data)
{
  NoteSize *note_size = data;

  g_free (note_size->region);
  g_free (note_size);
}

static char *
region_key (McNote *note)
{
  const char *figure_id = mc_note_get_figure_id (note);
  const char *region_id = mc_note_get_region_id (note);

  if (figure_id == NULL || region_id == NULL)
    return NULL;
  return g_strdup_printf ("%s/%s", figure_id, region_id);
}

typedef struct
{
  GHashTable    *packed;        /* note ids the last full build packed */
  GHashTable    *text_sizes;    /* note id → NoteSize, notes in a region */
  McViewOptions  options;       /* of the last full build; figure_id NULL */
  gboolean       reusable;      /* that build was a board view */
  guint          n_laid_out;
} Incremental;

static void
incremental_free (gpointer data)
{
  Incremental *state = data;

  g_clear_pointer (&state->packed, g_hash_table_unref);
  g_clear_pointer (&state->text_sizes, g_hash_table_unref);
  g_free (state);
}

static Incremental *
get_state (McLayout *self)
{
  Incremental *state = g_object_get_data (G_OBJECT (self), "mc-layout-incremental");

  if (state == NULL)
    {
      state = g_new0 (Incremental, 1);
      state->packed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      state->text_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, note_size_free);
      g_object_set_data_full (G_OBJECT (self), "mc-layout-incremental", state, incremental_free);
    }
  return state;
}

void
_mc_layout_incremental_begin (McLayout            *self,
                              const McViewOptions *options)
{
  Incremental *state = get_state (self);

  g_hash_table_remove_all (state->packed);
  g_hash_table_remove_all (state->text_sizes);
  state->options = *options;
  state->options.figure_id = NULL;
  state->reusable = !options->strict && options->frame_width <= 0 && options->figure_id == NULL &&
                    options->notes && options->empty_regions;
}

void
_mc_layout_incremental_note (McLayout *self,
                             McNote   *note,
                             gboolean  packed)
{
  Incremental *state = get_state (self);

  state->n_laid_out++;
  if (packed)
    g_hash_table_add (state->packed, g_strdup (mc_note_get_id (note)));
}

void
_mc_layout_incremental_text_size (McLayout *self,
                                  McNote   *note,
                                  double    size)
{
  Incremental *state = get_state (self);
  char *region = region_key (note);
  NoteSize *note_size;

  if (region == NULL)
    return;
  note_size = g_new (NoteSize, 1);
  note_size->size = size;
  note_size->region = region;
  g_hash_table_replace (state->text_sizes, g_strdup (mc_note_get_id (note)), note_size);
}

/* The smallest own text size of each region in regions (key → double*). */
static void
region_minima (Incremental *state,
               GHashTable  *regions)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, state->text_sizes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      NoteSize *note_size = value;
      double *smallest;

      if (!g_hash_table_lookup_extended (regions, note_size->region, NULL, (gpointer *) &smallest))
        continue;
      if (smallest == NULL)
        g_hash_table_insert (regions, g_strdup (note_size->region),
                             g_memdup2 (&note_size->size, sizeof (double)));
      else
        *smallest = MIN (*smallest, note_size->size);
    }
}

/* Takes the changed notes' own text sizes into the record; FALSE when a
 * region's shared size changes with them, so its other notes would be set
 * anew. sizes gets the size each changed note is drawn at. */
static gboolean
share_text_sizes (McLayout            *self,
                  GHashTable          *changed,
                  GHashTable          *rects,
                  GHashTable          *scales,
                  const McViewOptions *options,
                  GHashTable          *sizes)
{
  Incremental *state = get_state (self);
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) after = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      NoteSize *old = g_hash_table_lookup (state->text_sizes, key);
      char *region = value != NULL ? region_key (value) : NULL;

      if (old != NULL)
        {
          g_hash_table_replace (before, g_strdup (old->region), NULL);
          g_hash_table_replace (after, g_strdup (old->region), NULL);
        }
      if (region != NULL)
        {
          g_hash_table_replace (before, g_strdup (region), NULL);
          g_hash_table_replace (after, region, NULL);
        }
    }
  if (g_hash_table_size (before) == 0)
    return TRUE;

  region_minima (state, before);
  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const McRect *rect = g_hash_table_lookup (rects, key);

      g_hash_table_remove (state->text_sizes, key);
      if (value != NULL && rect != NULL)
        _mc_layout_incremental_text_size (self, value,
                                          _mc_layout_note_text_size (self, value, rect,
                                                                     *(double *) g_hash_table_lookup (scales, key),
                                                                     FALSE, options));
    }
  region_minima (state, after);

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double *now = g_hash_table_lookup (after, key);

      /* A region that had other notes keeps their size only if its
       * smallest stays; one that had none or has none left is free. */
      if (value != NULL && now != NULL && *(double *) value != *now)
        return FALSE;
    }
  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *region = value != NULL ? region_key (value) : NULL;
      double *shared = region != NULL ? g_hash_table_lookup (after, region) : NULL;

      if (shared != NULL)
        g_hash_table_insert (sizes, key, g_memdup2 (shared, sizeof (double)));
    }
  return TRUE;
}

guint
mc_layout_get_n_notes_laid_out (McLayout *self)
{
  g_return_val_if_fail (MC_IS_LAYOUT (self), 0);

  return get_state (self)->n_laid_out;
}

static gboolean
same_options (const McViewOptions *a,
              const McViewOptions *b)
{
  return a->language == b->language && a->theme == b->theme && a->questions == b->questions &&
         a->definitions == b->definitions && a->notes == b->notes &&
         a->empty_regions == b->empty_regions && a->caption == b->caption &&
         a->min_font_size == b->min_font_size && b->figure_id == NULL &&
         a->frame_width == b->frame_width && a->strict == b->strict &&
         a->legend_below == b->legend_below;
}

/* Where a note that is not packed goes, as mc_layout_build() places it,
 * and the scale of its figure; FALSE when the layout would pack it or
 * leave it out (its figure's kind is unknown). */
static gboolean
placed_note_rect (McBoard *board,
                  McNote  *note,
                  McRect  *rect,
                  double  *scale)
{
  const char *figure_id = mc_note_get_figure_id (note);
  McFigure *figure = figure_id != NULL ? mc_board_get_figure (board, figure_id) : NULL;
  McRect stored;

  mc_note_get_rect (note, &stored);
  if (stored.width <= 0)
    stored.width = MC_NOTE_DEFAULT_WIDTH;
  if (stored.height <= 0)
    stored.height = MC_NOTE_DEFAULT_HEIGHT;
  *scale = 1.0;

  if (figure == NULL)
    {
      /* Free (or anchored to a figure the board lacks): board units. */
      *rect = stored;
      if (!mc_note_get_has_position (note))
        rect->x = rect->y = 0;
      return TRUE;
    }

  if (mc_figure_kind_lookup (mc_figure_get_kind (figure)) == NULL || !mc_note_get_has_position (note))
    return FALSE;

  *scale = mc_figure_get_scale (figure);
  *rect = (McRect) { mc_figure_get_x (figure) + stored.x * *scale,
                     mc_figure_get_y (figure) + stored.y * *scale,
                     stored.width * *scale, stored.height * *scale };
  return TRUE;
}

/* rect with its margin lies inside the paper, clear of its edges. */
static gboolean
inside_paper (const McRect *paper,
              const McRect *rect,
              double        scale)
{
  double m = NOTE_MARGIN * scale;

  return rect->x - m > paper->x && rect->y - m > paper->y &&
         rect->x + rect->width + m < paper->x + paper->width &&
         rect->y + rect->height + m < paper->y + paper->height;
}

/* The notes of scene after its note groups are, in order, the drawn notes
 * of board (those with a rectangle). */
static gboolean
in_board_order (McLayout *self,
                McBoard  *board,
                McScene  *scene)
{
  GPtrArray *notes = mc_board_get_notes (board);
  guint n = mc_scene_get_n_items (scene);
  guint k = 0;

  for (guint i = 0; i < n; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);
      const char *id;

      if (item->kind != MC_ITEM_GROUP_BEGIN || item->role != MC_ROLE_NOTE || item->id == NULL)
        continue;
      id = item->id + strlen ("note:");
      while (k < notes->len && !g_hash_table_contains (self->note_rects, mc_note_get_id (notes->pdata[k])))
        k++;
      if (k == notes->len || g_strcmp0 (mc_note_get_id (notes->pdata[k]), id) != 0)
        return FALSE;
      k++;
      i = mc_scene_group_end (scene, i) - 1;
    }
  while (k < notes->len && !g_hash_table_contains (self->note_rects, mc_note_get_id (notes->pdata[k])))
    k++;
  return k == notes->len;
}

static double
text_size_of (GHashTable *sizes,
              const char *note_id)
{
  double *size = g_hash_table_lookup (sizes, note_id);

  return size != NULL ? *size : 0;
}

McScene *
mc_layout_update (McLayout            *self,
                  McBoard             *board,
                  const McViewOptions *options,
                  McScene             *previous,
                  const char * const  *note_ids)
{
  Incremental *state;
  g_autoptr(GHashTable) changed = NULL;   /* id → McNote* or NULL (gone) */
  g_autoptr(GHashTable) rects = NULL;     /* id → McRect*, the new places */
  g_autoptr(GHashTable) scales = NULL;    /* id → double* */
  g_autoptr(GHashTable) sizes = NULL;     /* id → double*, its region's text size */
  g_autoptr(McScene) scene = NULL;
  const McSceneItem *paper;
  GPtrArray *notes;
  guint n, run_start, n_drawn = 0;

  g_return_val_if_fail (MC_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  state = get_state (self);
  if (previous == NULL || note_ids == NULL || !state->reusable || !same_options (&state->options, options))
    return NULL;
  n = mc_scene_get_n_items (previous);
  paper = n > 0 ? mc_scene_get_item (previous, 0) : NULL;
  if (paper == NULL || paper->kind != MC_ITEM_PATH || paper->role != MC_ROLE_BOARD)
    return NULL;

  changed = g_hash_table_new (g_str_hash, g_str_equal);
  rects = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) mc_rect_free);
  scales = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; note_ids[i] != NULL; i++)
    {
      const char *id = note_ids[i];
      McNote *note = mc_board_get_note (board, id);
      McRect old, rect;
      double scale;

      /* Its region's other notes would move up or down. */
      if (g_hash_table_contains (state->packed, id))
        return NULL;
      if (mc_layout_get_note_rect (self, id, &old) && !inside_paper (&paper->bounds, &old, 1.0))
        return NULL;
      /* A note gone may have left a cluster, whose outline then shrinks. */
      if (note == NULL && mc_board_get_clusters (board) != NULL && mc_board_get_clusters (board)->len > 0)
        return NULL;
      if (note != NULL)
        {
          if (mc_board_get_note_cluster (board, id) != NULL ||
              !placed_note_rect (board, note, &rect, &scale) ||
              !inside_paper (&paper->bounds, &rect, scale))
            return NULL;
          g_hash_table_insert (rects, (gpointer) id, mc_rect_copy (&rect));
          g_hash_table_insert (scales, (gpointer) id, g_memdup2 (&scale, sizeof scale));
        }
      g_hash_table_insert (changed, (gpointer) id, note);
    }

  sizes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (!share_text_sizes (self, changed, rects, scales, options, sizes))
    return NULL;

  /* The previous scene with each changed note's group redrawn in place
   * (or left out when it is gone). */
  scene = mc_scene_new ();
  run_start = 0;
  for (guint i = 0; i < n; i++)
    {
      const McSceneItem *item = mc_scene_get_item (previous, i);
      const char *id;
      gpointer note;
      guint end;

      if (item->kind != MC_ITEM_GROUP_BEGIN || item->role != MC_ROLE_NOTE || item->id == NULL)
        continue;
      id = item->id + strlen ("note:");
      end = mc_scene_group_end (previous, i);
      if (!g_hash_table_lookup_extended (changed, id, NULL, &note))
        {
          i = end - 1;
          continue;
        }
      if (i > run_start)
        mc_scene_append_range (scene, previous, run_start, i);
      if (note != NULL)
        {
          const McRect *rect = g_hash_table_lookup (rects, id);

          _mc_layout_draw_note (self, scene, note, rect, *(double *) g_hash_table_lookup (scales, id),
                                _mc_layout_note_opacity (board, note), FALSE,
                                text_size_of (sizes, id), options);
          n_drawn++;
        }
      g_hash_table_remove (rects, id);
      run_start = end;
      i = end - 1;
    }
  if (n > run_start)
    mc_scene_append_range (scene, previous, run_start, n);

  /* New notes go on top, in board order. */
  notes = mc_board_get_notes (board);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = notes->pdata[i];
      const McRect *rect = g_hash_table_lookup (rects, mc_note_get_id (note));

      if (rect == NULL)
        continue;
      _mc_layout_draw_note (self, scene, note, rect,
                            *(double *) g_hash_table_lookup (scales, mc_note_get_id (note)),
                            _mc_layout_note_opacity (board, note), FALSE,
                            text_size_of (sizes, mc_note_get_id (note)), options);
      n_drawn++;
    }

  /* What mc_layout_get_note_rect() answers from now on. */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, changed);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        if (value == NULL)
          g_hash_table_remove (self->note_rects, key);
      }
  }
  for (guint i = 0; note_ids[i] != NULL; i++)
    {
      McNote *note = g_hash_table_lookup (changed, note_ids[i]);
      McRect rect;
      double scale;

      if (note != NULL && placed_note_rect (board, note, &rect, &scale))
        g_hash_table_insert (self->note_rects, g_strdup (note_ids[i]), mc_rect_copy (&rect));
    }
  state->n_laid_out += n_drawn;

  /* A reordering (raise) or anything this missed: build anew. */
  if (!in_board_order (self, board, scene))
    return NULL;

  return g_steal_pointer (&scene);
}
