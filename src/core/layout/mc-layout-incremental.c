/* mc-layout-incremental.c — the scene after a change to a few notes, made
 * from the last one (issue 17: cost proportional to the change)
 *
 * The last full build leaves, beside the layout, which notes it packed and
 * the options it used (hooks in mc-layout.c). mc_layout_update() then lays
 * out only the changed notes and copies every other item of the previous
 * scene. A change to a packed note (one leaving or joining its region's
 * rows) packs the rows of that note's figure again from the sizes the
 * notes already have, as the full build packs them, and lays out only the
 * notes that moved; a change that would move notes in a cluster or the
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
  GHashTable    *packed;        /* note id → figure id: the notes packed */
  GHashTable    *text_sizes;    /* note id → NoteSize, notes in a region */
  McViewOptions  options;       /* of the last full build; figure_id NULL */
  gboolean       reusable;      /* that build was a board view */
  guint          n_laid_out;
  GArray        *damage;        /* McRect: the last update's notes, before and after */
} Incremental;

static void
incremental_free (gpointer data)
{
  Incremental *state = data;

  g_clear_pointer (&state->packed, g_hash_table_unref);
  g_clear_pointer (&state->text_sizes, g_hash_table_unref);
  g_clear_pointer (&state->damage, g_array_unref);
  g_free (state);
}

static Incremental *
get_state (McLayout *self)
{
  Incremental *state = g_object_get_data (G_OBJECT (self), "mc-layout-incremental");

  if (state == NULL)
    {
      state = g_new0 (Incremental, 1);
      state->packed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      state->text_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, note_size_free);
      state->damage = g_array_new (FALSE, FALSE, sizeof (McRect));
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
  g_array_set_size (state->damage, 0);
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
    g_hash_table_replace (state->packed, g_strdup (mc_note_get_id (note)),
                          g_strdup (mc_note_get_figure_id (note)));
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

/* How mc_layout_build() places a note. */
typedef enum
{
  NOTE_PLACED,    /* at its own position, or free */
  NOTE_PACKED,    /* in its figure's rows (repack_figure()) */
  NOTE_LEFT_OUT,  /* its figure's kind is unknown: not drawn */
} NotePlace;

/* Where a note goes and the scale of its figure; the rectangle only for a
 * placed note. */
static NotePlace
place_of_note (McBoard *board,
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
      return NOTE_PLACED;
    }

  if (mc_figure_kind_lookup (mc_figure_get_kind (figure)) == NULL)
    return NOTE_LEFT_OUT;
  *scale = mc_figure_get_scale (figure);
  if (!mc_note_get_has_position (note))
    return NOTE_PACKED;

  *rect = (McRect) { mc_figure_get_x (figure) + stored.x * *scale,
                     mc_figure_get_y (figure) + stored.y * *scale,
                     stored.width * *scale, stored.height * *scale };
  return NOTE_PLACED;
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

/* Packs the rows of figure_id again as mc_layout_build() packs them: in
 * board order, shelf by region, against every rectangle packed before in
 * the figure. A changed note is packed at its new size, every other at the
 * size it has, so no text is measured for them. The changed notes get
 * their rectangles; a note that lands elsewhere joins changed (to be
 * drawn again). FALSE when this would not give what a full build gives
 * (reach columns spread over by the whole row) or moves a note the update
 * cannot (in a cluster, at the paper's edge). */
static gboolean
repack_figure (McLayout            *self,
               McBoard             *board,
               const char          *figure_id,
               const McRect        *paper,
               const McViewOptions *options,
               GHashTable          *changed,
               GHashTable          *rects,
               GHashTable          *scales)
{
  McFigure *figure = mc_board_get_figure (board, figure_id);
  const McFigureKindClass *kind = figure != NULL ? mc_figure_kind_lookup (mc_figure_get_kind (figure)) : NULL;
  g_autoptr(GHashTable) shelves = NULL;   /* region id ("" for none) → Shelf* */
  g_autoptr(McRectGrid) grid = NULL;
  GPtrArray *notes = mc_board_get_notes (board);
  McRect frame;
  double s;

  if (kind == NULL || kind->reach_at != NULL || !mc_layout_get_figure_rect (board, figure_id, &frame))
    return FALSE;
  s = mc_figure_get_scale (figure);
  shelves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  grid = mc_rect_grid_new ();

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = notes->pdata[i];
      const char *id = mc_note_get_id (note);
      const char *region_id = mc_note_get_region_id (note);
      gboolean is_changed;
      McRect old = { 0, }, rect;
      Shelf *shelf;
      double w, h;

      if (mc_note_get_has_position (note) || g_strcmp0 (mc_note_get_figure_id (note), figure_id) != 0)
        continue;

      shelf = g_hash_table_lookup (shelves, region_id != NULL ? region_id : "");
      if (shelf == NULL)
        {
          shelf = g_new0 (Shelf, 1);
          if (region_id == NULL || !mc_layout_get_note_area (self, figure_id, region_id, &shelf->area))
            {
              /* No area known (unknown region): the whole figure. */
              double inset = 0.04 * MIN (frame.width, frame.height);

              shelf->area = (McRect) { frame.x + inset, frame.y + inset,
                                       frame.width - 2 * inset, frame.height - 2 * inset };
            }
          shelf->row_height = -1;
          g_hash_table_insert (shelves, g_strdup (region_id != NULL ? region_id : ""), shelf);
        }

      is_changed = g_hash_table_contains (changed, id);
      if (is_changed)
        _mc_layout_note_size (note, s, FALSE, 0, options, &w, &h);
      else if (mc_layout_get_note_rect (self, id, &old))
        {
          w = old.width;
          h = old.height;
        }
      else
        return FALSE;
      _mc_layout_pack_note (shelf, grid, w, h, NOTE_GAP * s, &rect);

      if (!is_changed)
        {
          if (rect.x == old.x && rect.y == old.y)
            continue;
          if (mc_board_get_note_cluster (board, id) != NULL || !inside_paper (paper, &old, s))
            return FALSE;
          g_hash_table_insert (changed, (gpointer) id, note);
        }
      if (!inside_paper (paper, &rect, s))
        return FALSE;
      g_hash_table_replace (rects, (gpointer) id, mc_rect_copy (&rect));
      g_hash_table_replace (scales, (gpointer) id, g_memdup2 (&s, sizeof s));
    }
  return TRUE;
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

/* Where the notes the update lays out were and will be: the canvas
 * draws those areas again. */
static void
add_damage (Incremental *state,
            McLayout    *self,
            const char  *id,
            const McRect *rect)
{
  McRect old;

  if (mc_layout_get_note_rect (self, id, &old))
    g_array_append_val (state->damage, old);
  if (rect != NULL)
    g_array_append_val (state->damage, *rect);
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
  g_autoptr(GHashTable) repack = NULL;    /* figure ids whose rows are packed again */
  g_autoptr(McScene) scene = NULL;
  const McSceneItem *paper;
  GPtrArray *notes;
  GHashTableIter iter;
  gpointer key, value;
  guint n, run_start, n_drawn = 0;

  g_return_val_if_fail (MC_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  state = get_state (self);
  g_array_set_size (state->damage, 0);
  if (previous == NULL || note_ids == NULL || !state->reusable || !same_options (&state->options, options))
    return NULL;
  n = mc_scene_get_n_items (previous);
  paper = n > 0 ? mc_scene_get_item (previous, 0) : NULL;
  if (paper == NULL || paper->kind != MC_ITEM_PATH || paper->role != MC_ROLE_BOARD)
    return NULL;

  changed = g_hash_table_new (g_str_hash, g_str_equal);
  rects = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) mc_rect_free);
  scales = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  repack = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; note_ids[i] != NULL; i++)
    {
      const char *id = note_ids[i];
      McNote *note = mc_board_get_note (board, id);
      const char *packed_in = g_hash_table_lookup (state->packed, id);
      McRect old, rect;
      double scale;

      /* The rows it left are packed again. */
      if (packed_in != NULL)
        g_hash_table_add (repack, (gpointer) packed_in);
      if (mc_layout_get_note_rect (self, id, &old) && !inside_paper (&paper->bounds, &old, 1.0))
        return NULL;
      /* A note gone may have left a cluster, whose outline then shrinks. */
      if (note == NULL && mc_board_get_clusters (board) != NULL && mc_board_get_clusters (board)->len > 0)
        return NULL;
      if (note != NULL)
        {
          if (mc_board_get_note_cluster (board, id) != NULL)
            return NULL;
          switch (place_of_note (board, note, &rect, &scale))
            {
            case NOTE_LEFT_OUT:
              return NULL;
            case NOTE_PACKED:
              /* And the rows it joins. */
              g_hash_table_add (repack, (gpointer) mc_note_get_figure_id (note));
              break;
            case NOTE_PLACED:
            default:
              if (!inside_paper (&paper->bounds, &rect, scale))
                return NULL;
              g_hash_table_insert (rects, (gpointer) id, mc_rect_copy (&rect));
              g_hash_table_insert (scales, (gpointer) id, g_memdup2 (&scale, sizeof scale));
              break;
            }
        }
      g_hash_table_insert (changed, (gpointer) id, note);
    }

  g_hash_table_iter_init (&iter, repack);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!repack_figure (self, board, key, &paper->bounds, options, changed, rects, scales))
      return NULL;

  sizes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (!share_text_sizes (self, changed, rects, scales, options, sizes))
    return NULL;

  /* What mc_layout_get_note_rect() and the packed notes answer from now
   * on, and where the canvas draws again. */
  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const McRect *rect = g_hash_table_lookup (rects, key);

      add_damage (state, self, key, rect);
      if (rect != NULL)
        g_hash_table_insert (self->note_rects, g_strdup (key), mc_rect_copy (rect));
      else
        g_hash_table_remove (self->note_rects, key);
      if (value != NULL && place_of_note (board, value, &(McRect) { 0, }, &(double) { 0 }) == NOTE_PACKED)
        g_hash_table_replace (state->packed, g_strdup (key), g_strdup (mc_note_get_figure_id (value)));
      else
        g_hash_table_remove (state->packed, key);
    }

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
  state->n_laid_out += n_drawn;

  /* A reordering (raise) or anything this missed: build anew. */
  if (!in_board_order (self, board, scene))
    return NULL;

  return g_steal_pointer (&scene);
}

const GArray *
mc_layout_get_update_damage (McLayout *self)
{
  g_return_val_if_fail (MC_IS_LAYOUT (self), NULL);

  return get_state (self)->damage;
}
