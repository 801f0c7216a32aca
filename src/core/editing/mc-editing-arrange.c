/* mc-editing-arrange.c — notes in order: reading order, arranging a region,
 * walking the notes with the keyboard, and growing a note to fit its text
 *
 * The editing operations themselves are in mc-editing.c.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "mc-editing.h"
#include "mc-editing-private.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-layout.h"
#include "mc-text.h"
#include "mc-theme.h"

/* Reading order */

typedef struct
{
  McNote *note;
  McRect  rect;
  guint   group;   /* figure and region rank; free notes last */
  guint   index;   /* board order, the final tie-break */
} Item;

static int
compare_top_left (gconstpointer a,
                  gconstpointer b)
{
  const Item *x = a, *y = b;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if (x->rect.y != y->rect.y)
    return x->rect.y < y->rect.y ? -1 : 1;
  if (x->rect.x != y->rect.x)
    return x->rect.x < y->rect.x ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

static int
compare_left (gconstpointer a,
              gconstpointer b)
{
  const Item *x = a, *y = b;

  if (x->rect.x != y->rect.x)
    return x->rect.x < y->rect.x ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

/* Sorts items into reading order: by group, then in rows (a note whose top
 * is above the middle of the row's first note belongs to that row), each
 * row left to right. Hand-placed notes are never exactly level. */
static void
sort_reading_order (GArray *items)
{
  guint start = 0;

  g_array_sort (items, compare_top_left);
  while (start < items->len)
    {
      Item *first = &g_array_index (items, Item, start);
      double band = first->rect.y + first->rect.height / 2;
      guint end = start + 1;

      while (end < items->len)
        {
          Item *item = &g_array_index (items, Item, end);

          if (item->group != first->group || item->rect.y >= band)
            break;
          end++;
        }

      qsort (&g_array_index (items, Item, start), end - start, sizeof (Item), compare_left);
      start = end;
    }
}

static void
fill_item (McBoard  *board,
           McLayout *layout,
           McNote   *note,
           guint     index,
           guint     group,
           Item     *item)
{
  item->note = note;
  item->index = index;
  item->group = group;
  if (!_mc_editing_note_board_rect (board, layout, note, &item->rect))
    {
      /* Not laid out: after the placed ones, in board order. */
      item->rect = (McRect) { 0, G_MAXDOUBLE / 4, 1, 1 };
    }
}

/* Arranging */

static McLayout *
scratch_layout_for (McBoard    *board,
                    const char *figure_id)
{
  McLayout *layout = mc_layout_new (mc_catalog_get_default ());
  McViewOptions options;

  mc_view_options_init (&options, mc_board_get_language (board));
  options.figure_id = figure_id;
  mc_scene_unref (mc_layout_build (layout, board, &options));
  return layout;
}

static int
compare_votes (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a, *y = b;
  guint vx = mc_note_get_votes (x->note), vy = mc_note_get_votes (y->note);

  if (vx != vy)
    return vx > vy ? -1 : 1;
  /* Ties keep reading order: index holds the reading rank here. */
  return (x->index > y->index) - (x->index < y->index);
}

/* Whether n notes of w × h fit in area with gap between them. */
static guint
grid_columns (const McRect *area,
              double        w,
              double        gap)
{
  return (guint) MAX (floor ((area->width + gap) / (w + gap)), 0);
}

static gboolean
grid_fits (const McRect *area,
           guint         n,
           double        w,
           double        h,
           double        gap)
{
  guint cols = grid_columns (area, w, gap);
  guint rows = (guint) MAX (floor ((area->height + gap) / (h + gap)), 0);

  return cols > 0 && (guint64) cols * rows >= n;
}

static McCommand *
arrange_region (McBoard    *board,
                McLayout   *layout,
                const char *figure_id,
                const char *region_id,
                gboolean    by_votes)
{
  const char *label = by_votes ? _("Sort Notes by Votes") : _("Arrange Notes");
  g_autoptr(McLayout) scratch = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *notes;
  McRect area, frame;
  double s, factor, w, h, gap, used, x0;
  double min_factor = MAX (MC_EDITING_ARRANGE_MIN_WIDTH / MC_NOTE_DEFAULT_WIDTH,
                           MC_EDITING_ARRANGE_MIN_HEIGHT / MC_NOTE_DEFAULT_HEIGHT);
  guint cols;

  if (!_mc_editing_container_frame (board, figure_id, &frame, &s))
    return mc_command_group_new (label);

  /* The note area the figure declared in the last build; a layout that has
   * not built this figure gets a scratch build of it. */
  if (layout == NULL || !mc_layout_get_note_area (layout, figure_id, region_id, &area))
    {
      scratch = scratch_layout_for (board, figure_id);
      layout = scratch;
      if (!mc_layout_get_note_area (layout, figure_id, region_id, &area))
        {
          /* A region the figure does not declare: its whole frame. */
          double inset = 0.04 * MIN (frame.width, frame.height);

          area = (McRect) { frame.x + inset, frame.y + inset,
                            frame.width - 2 * inset, frame.height - 2 * inset };
        }
    }

  notes = mc_board_get_notes (board);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      Item item;

      if (g_strcmp0 (mc_note_get_figure_id (note), figure_id) != 0 ||
          g_strcmp0 (mc_note_get_region_id (note), region_id) != 0)
        continue;
      fill_item (board, layout, note, i, 0, &item);
      g_array_append_val (items, item);
    }
  if (items->len == 0)
    return mc_command_group_new (label);

  sort_reading_order (items);
  if (by_votes)
    {
      for (guint i = 0; i < items->len; i++)
        g_array_index (items, Item, i).index = i;
      g_array_sort (items, compare_votes);
    }

  /* The largest uniform size (down to the minimum) at which all fit. */
  gap = ARRANGE_GAP * s;
  factor = 1.0;
  while (factor > min_factor &&
         !grid_fits (&area, items->len, MC_NOTE_DEFAULT_WIDTH * s * factor,
                     MC_NOTE_DEFAULT_HEIGHT * s * factor, gap))
    factor = MAX (factor - 0.01, min_factor);

  w = MC_NOTE_DEFAULT_WIDTH * factor;    /* figure units */
  h = MC_NOTE_DEFAULT_HEIGHT * factor;
  cols = MAX (grid_columns (&area, w * s, gap), 1);
  used = cols * (w * s + gap) - gap;
  x0 = area.x + (area.width - used) / 2;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      McNote *arranged = mc_note_dup (item->note);
      guint col = i % cols, row = i / cols;
      McRect stored = {
        (x0 + col * (w * s + gap) - frame.x) / s,
        (area.y + row * (h * s + gap) - frame.y) / s,
        w, h,
      };

      mc_note_set_rect (arranged, &stored);
      g_ptr_array_add (changed, arranged);
    }

  return _mc_editing_wrap_in_group (label, mc_command_update_notes (board, g_steal_pointer (&changed)));
}

McCommand *
mc_editing_arrange_region_command (McBoard    *board,
                                   McLayout   *layout,
                                   const char *figure_id,
                                   const char *region_id)
{
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (layout == NULL || MC_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (figure_id != NULL && region_id != NULL, NULL);

  return arrange_region (board, layout, figure_id, region_id, FALSE);
}

McCommand *
mc_editing_sort_region_by_votes_command (McBoard    *board,
                                         McLayout   *layout,
                                         const char *figure_id,
                                         const char *region_id)
{
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (layout == NULL || MC_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (figure_id != NULL && region_id != NULL, NULL);

  return arrange_region (board, layout, figure_id, region_id, TRUE);
}

/* Keyboard */

/* Rank of a note's figure and region: figures in board order, regions in
 * the catalog's order; notes anchored nowhere known come last. */
static guint
note_group (McBoard    *board,
            McCatalog  *catalog,
            GHashTable *figure_rank,
            McNote     *note)
{
  const char *figure_id = mc_note_get_figure_id (note);
  McFigure *figure;
  const McFigureInfo *info;
  gpointer rank;
  guint region_rank = 999;

  if (figure_id == NULL ||
      !g_hash_table_lookup_extended (figure_rank, figure_id, NULL, &rank))
    return G_MAXUINT;

  figure = mc_board_get_figure (board, figure_id);
  info = mc_catalog_get_figure (catalog, mc_figure_get_kind (figure));
  for (guint i = 0; info != NULL && i < mc_figure_info_get_n_regions (info); i++)
    if (g_strcmp0 (mc_region_info_get_id (mc_figure_info_get_region (info, i)),
                   mc_note_get_region_id (note)) == 0)
      {
        region_rank = i;
        break;
      }

  return GPOINTER_TO_UINT (rank) * 1000 + region_rank;
}

const char *
mc_editing_next_note (McBoard    *board,
                      McLayout   *layout,
                      const char *current,
                      gboolean    backwards)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autoptr(GHashTable) figure_rank = g_hash_table_new (g_str_hash, g_str_equal);
  McCatalog *catalog = mc_catalog_get_default ();
  GPtrArray *notes, *figures;
  guint n, at = G_MAXUINT;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (layout == NULL || MC_IS_LAYOUT (layout), NULL);

  notes = mc_board_get_notes (board);
  if (notes->len == 0)
    return NULL;

  figures = mc_board_get_figures (board);
  for (guint i = 0; i < figures->len; i++)
    g_hash_table_insert (figure_rank, (gpointer) mc_figure_get_id (g_ptr_array_index (figures, i)),
                         GUINT_TO_POINTER (i));

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      Item item;

      fill_item (board, layout, note, i, note_group (board, catalog, figure_rank, note), &item);
      g_array_append_val (items, item);
    }
  sort_reading_order (items);

  n = items->len;
  for (guint i = 0; current != NULL && i < n; i++)
    if (g_strcmp0 (mc_note_get_id (g_array_index (items, Item, i).note), current) == 0)
      {
        at = i;
        break;
      }

  if (at == G_MAXUINT)
    at = backwards ? n - 1 : 0;
  else
    at = backwards ? (at + n - 1) % n : (at + 1) % n;

  return mc_note_get_id (g_array_index (items, Item, at).note);
}

/* Text fitting */

gboolean
mc_editing_note_text_fits (McScene    *scene,
                           const char *note_id)
{
  g_autofree char *group_id = NULL;
  int begin;
  guint end;

  g_return_val_if_fail (scene != NULL, TRUE);
  g_return_val_if_fail (note_id != NULL, TRUE);

  group_id = g_strconcat (NOTE_GROUP_PREFIX, note_id, NULL);
  begin = mc_scene_find_group (scene, group_id);
  if (begin < 0)
    return TRUE;

  /* The layout cuts text that does not fit even at its smallest size with
   * an ellipsis; that is what hides text. */
  end = mc_scene_group_end (scene, (guint) begin);
  for (guint i = (guint) begin; i < end; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_TEXT && item->role == MC_ROLE_NOTE_TEXT &&
          item->layout != NULL && pango_layout_is_ellipsized (item->layout))
        return FALSE;
    }

  return TRUE;
}

McCommand *
mc_editing_grow_to_fit_command (McBoard     *board,
                                const char  *note_id,
                                McThemeKind  theme_kind)
{
  const McTheme *theme;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(McNote) grown = NULL;
  McNote *note;
  McTextStyle style;
  McRect stored;
  double text_width, text_height, needed;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (note_id != NULL, NULL);
  g_return_val_if_fail (theme_kind < MC_N_THEMES, NULL);

  note = mc_board_get_note (board, note_id);
  g_return_val_if_fail (note != NULL, NULL);

  /* In the note's own units: the layout scales note, padding and type
   * together with the figure, so the answer holds at any scale. */
  theme = mc_theme_get (theme_kind);
  mc_note_get_rect (note, &stored);
  _mc_editing_note_size (note, &stored.width, &stored.height);
  style = (McTextStyle) { theme->font_family, theme->note_size, PANGO_WEIGHT_NORMAL,
                          PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, 0 };
  text_width = stored.width - 2 * NOTE_PADDING;
  if (text_width <= 0 || mc_note_get_text (note)[0] == '\0')
    return mc_command_group_new (_("Grow Note"));

  layout = mc_text_layout_new (mc_note_get_text (note), &style, text_width);
  mc_text_layout_get_size (layout, NULL, &text_height);
  /* One unit to spare, so rounding at another scale does not shrink it. */
  needed = ceil (text_height + 2 * NOTE_PADDING +
                 (mc_note_get_votes (note) > 0 ? NOTE_VOTES_STRIP : 0) + 1);
  needed = MIN (needed, MAX (MC_EDITING_MAX_GROW_HEIGHT, stored.height));
  if (needed <= stored.height)
    return mc_command_group_new (_("Grow Note"));

  grown = mc_note_dup (note);
  stored.height = needed;
  if (!mc_note_get_has_position (note))
    {
      /* Keep it packed: only the size changes. */
      mc_note_set_rect (grown, &stored);
      mc_note_clear_position (grown);
    }
  else
    mc_note_set_rect (grown, &stored);

  return _mc_editing_wrap_in_group (_("Grow Note"), mc_command_update_note (board, g_steal_pointer (&grown)));
}
