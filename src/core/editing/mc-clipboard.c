/* mc-clipboard.c — copying and pasting notes */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-clipboard.h"
#include "mc-board-io.h"
#include "mc-board-private.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-editing.h"
#include "mc-layout.h"
#include "mc-note-private.h"
#include "mc-paste.h"

/* Where a board keeps its clipboard token: tells "pasted into the board it
 * was copied from" apart from "pasted elsewhere". Lives as long as the
 * board object; never saved. */
#define ORIGIN_KEY "mc-clipboard-origin"
#define PASTE_GAP  10.0

G_DEFINE_QUARK (mc-clipboard-error-quark, mc_clipboard_error)

struct _McClipboardNotes
{
  McBoard    *board;   /* the loaded clipboard document: notes and their figures */
  char       *origin;  /* may be NULL */
  GHashTable *rects;   /* note id → McRect* as drawn when copied */
};

static const char *
board_origin (McBoard *board)
{
  const char *origin = g_object_get_data (G_OBJECT (board), ORIGIN_KEY);

  if (origin == NULL)
    {
      char *token = g_uuid_string_random ();

      g_object_set_data_full (G_OBJECT (board), ORIGIN_KEY, token, g_free);
      origin = token;
    }
  return origin;
}

/* Copying */

/* The ids as a set, and the board's notes among them in drawing order. */
static GPtrArray *
selected_notes (McBoard            *board,
                const char * const *ids)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *notes = mc_board_get_notes (board);
  GPtrArray *selected = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (wanted, (gpointer) ids[i]);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);

      if (g_hash_table_contains (wanted, mc_note_get_id (note)))
        g_ptr_array_add (selected, note);
    }
  return selected;
}

static JsonNode *
rect_node (const McRect *rect)
{
  JsonArray *array = json_array_sized_new (4);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_array_add_double_element (array, rect->x);
  json_array_add_double_element (array, rect->y);
  json_array_add_double_element (array, rect->width);
  json_array_add_double_element (array, rect->height);
  json_node_take_array (node, array);
  return node;
}

char *
mc_clipboard_serialize (McBoard            *board,
                        McLayout           *layout,
                        const char * const *ids,
                        gsize              *length)
{
  g_autoptr(McBoard) clip = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(JsonObject) marker = json_object_new ();
  JsonObject *rects = json_object_new ();

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (layout == NULL || MC_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  clip = mc_board_new ();
  selected = selected_notes (board, ids);

  for (guint i = 0; i < selected->len; i++)
    {
      McNote *note = g_ptr_array_index (selected, i);
      const char *figure_id = mc_note_get_figure_id (note);
      McRect rect;

      /* The figure goes along, so its kind is known where it is pasted. */
      if (figure_id != NULL && mc_board_get_figure (clip, figure_id) == NULL &&
          mc_board_get_figure (board, figure_id) != NULL)
        _mc_board_take_figure (clip, mc_figure_dup (mc_board_get_figure (board, figure_id)));
      _mc_board_take_note (clip, mc_note_dup (note));

      if (layout != NULL && mc_layout_get_note_rect (layout, mc_note_get_id (note), &rect))
        json_object_set_member (rects, mc_note_get_id (note), rect_node (&rect));
    }

  json_object_set_string_member (marker, "clipboard", MC_CLIPBOARD_FORMAT_NAME);
  json_object_set_int_member (marker, "clipboard_version", MC_CLIPBOARD_FORMAT_VERSION);
  json_object_set_string_member (marker, "origin", board_origin (board));
  json_object_set_object_member (marker, "rects", rects);
  _mc_board_set_file_extra (clip, marker);

  return mc_board_to_data (clip, length);
}

char *
mc_clipboard_to_text (McBoard            *board,
                      const char * const *ids)
{
  g_autoptr(GPtrArray) selected = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  selected = selected_notes (board, ids);
  for (guint i = 0; i < selected->len; i++)
    {
      const char *text = mc_note_get_text (g_ptr_array_index (selected, i));
      gboolean space = FALSE;

      /* Line breaks inside a note would split it into several on paste. */
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '\n' || *p == '\r' || *p == '\t')
            {
              space = TRUE;
              continue;
            }
          if (space && out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* Parsing */

void
mc_clipboard_notes_free (McClipboardNotes *notes)
{
  if (notes == NULL)
    return;

  g_clear_object (&notes->board);
  g_clear_pointer (&notes->origin, g_free);
  g_clear_pointer (&notes->rects, g_hash_table_unref);
  g_free (notes);
}

static gboolean
invalid (GError    **error,
         const char *member,
         const char *expected)
{
  g_set_error (error, MC_CLIPBOARD_ERROR, MC_CLIPBOARD_ERROR_INVALID,
               _("clipboard: %s: expected %s"), member, expected);
  return FALSE;
}

static gboolean
read_rect (JsonNode *node,
           McRect   *rect)
{
  JsonArray *array;
  double v[4];

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  if (json_array_get_length (array) != 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      GType type;

      if (!JSON_NODE_HOLDS_VALUE (element))
        return FALSE;
      type = json_node_get_value_type (element);
      if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
        return FALSE;
      v[i] = json_node_get_double (element);
      if (!isfinite (v[i]) || fabs (v[i]) > MC_BOARD_MAX_COORDINATE)
        return FALSE;
    }

  if (v[2] <= 0 || v[3] <= 0)
    return FALSE;
  *rect = (McRect) { v[0], v[1], v[2], v[3] };
  return TRUE;
}

static gboolean
read_marker (McClipboardNotes  *notes,
             JsonObject        *extra,
             GError           **error)
{
  JsonNode *node;

  node = extra != NULL ? json_object_get_member (extra, "clipboard") : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      strcmp (json_node_get_string (node), MC_CLIPBOARD_FORMAT_NAME) != 0)
    {
      g_set_error (error, MC_CLIPBOARD_ERROR, MC_CLIPBOARD_ERROR_NOT_NOTES,
                   _("clipboard: a Missiecanvas board, but not copied notes"));
      return FALSE;
    }

  node = json_object_get_member (extra, "clipboard_version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1)
    return invalid (error, "clipboard_version", _("a whole number from 1"));
  if (json_node_get_int (node) > MC_CLIPBOARD_FORMAT_VERSION)
    {
      g_set_error (error, MC_CLIPBOARD_ERROR, MC_CLIPBOARD_ERROR_NEWER_VERSION,
                   _("clipboard: the notes were copied from a newer Missiecanvas "
                     "(clipboard version %lld; this version reads up to %d)"),
                   (long long) json_node_get_int (node), MC_CLIPBOARD_FORMAT_VERSION);
      return FALSE;
    }

  node = json_object_get_member (extra, "origin");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return invalid (error, "origin", _("a string"));
      notes->origin = g_strdup (json_node_get_string (node));
    }

  node = json_object_get_member (extra, "rects");
  if (node != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, "rects", _("an object"));
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          McRect rect;

          if (!read_rect (member, &rect))
            {
              g_autofree char *path = g_strdup_printf ("rects.%s", name);

              return invalid (error, path, _("[x, y, width, height] with a positive size"));
            }
          if (mc_board_get_note (notes->board, name) != NULL)
            g_hash_table_replace (notes->rects, g_strdup (name), mc_rect_copy (&rect));
        }
    }

  return TRUE;
}

McClipboardNotes *
mc_clipboard_parse (const char  *data,
                    gssize       length,
                    GError     **error)
{
  g_autoptr(McClipboardNotes) notes = NULL;

  g_return_val_if_fail (data != NULL || length <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (length < 0)
    length = (gssize) strlen (data);

  notes = g_new0 (McClipboardNotes, 1);
  notes->rects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) mc_rect_free);
  /* The board loader checks sizes, depth, types and ids; a newer board
   * format is refused rather than pasted read-only. */
  notes->board = mc_board_load_from_data (data, (gsize) length, _("clipboard"),
                                          MC_BOARD_LOAD_NONE, error);
  if (notes->board == NULL)
    return NULL;

  if (mc_board_get_n_notes (notes->board) > MC_CLIPBOARD_MAX_NOTES)
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE,
                   _("clipboard: %u notes; at most %d can be pasted at once"),
                   mc_board_get_n_notes (notes->board), MC_CLIPBOARD_MAX_NOTES);
      return NULL;
    }

  if (!read_marker (notes, _mc_board_get_file_extra (notes->board), error))
    return NULL;

  return g_steal_pointer (&notes);
}

guint
mc_clipboard_notes_get_n_notes (McClipboardNotes *notes)
{
  g_return_val_if_fail (notes != NULL, 0);

  return mc_board_get_n_notes (notes->board);
}

McNote *
mc_clipboard_notes_get_note (McClipboardNotes *notes,
                             guint             index)
{
  GPtrArray *all;

  g_return_val_if_fail (notes != NULL, NULL);

  all = mc_board_get_notes (notes->board);
  g_return_val_if_fail (index < all->len, NULL);
  return g_ptr_array_index (all, index);
}

const char *
mc_clipboard_notes_get_figure_kind (McClipboardNotes *notes,
                                    const char       *figure_id)
{
  McFigure *figure;

  g_return_val_if_fail (notes != NULL, NULL);
  g_return_val_if_fail (figure_id != NULL, NULL);

  figure = mc_board_get_figure (notes->board, figure_id);
  return figure != NULL ? mc_figure_get_kind (figure) : NULL;
}

/* Pasting */

/* TRUE when the target board has the note's figure (same id and kind)
 * and that kind has the region. */
static gboolean
anchor_holds (McBoard          *board,
              McClipboardNotes *notes,
              McNote           *note)
{
  const char *figure_id = mc_note_get_figure_id (note);
  const char *kind;
  McFigure *target;

  if (figure_id == NULL)
    return FALSE;
  kind = mc_clipboard_notes_get_figure_kind (notes, figure_id);
  target = mc_board_get_figure (board, figure_id);
  if (kind == NULL || target == NULL || g_strcmp0 (mc_figure_get_kind (target), kind) != 0)
    return FALSE;
  return mc_catalog_get_region (mc_catalog_get_default (), kind,
                                mc_note_get_region_id (note)) != NULL;
}

/* A fresh note with every field of the copied one but a new id. */
static McNote *
copy_with_new_id (McNote *note)
{
  McNote *copy = mc_note_new (NULL);
  gint64 now = _mc_note_now ();

  _mc_note_assign (copy, note);
  mc_note_set_conflict (copy, FALSE);
  mc_note_set_modified (copy, now);
  return copy;
}

McCommand *
mc_clipboard_paste_notes_command (McBoard          *board,
                                  McLayout         *layout,
                                  McClipboardNotes *notes,
                                  double            x,
                                  double            y,
                                  GStrv            *out_ids)
{
  g_autoptr(GPtrArray) pasted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) homeless = g_ptr_array_new ();   /* of McNote* in pasted */
  g_autoptr(GArray) homeless_rects = g_array_new (FALSE, FALSE, sizeof (McRect));
  g_autoptr(GStrvBuilder) new_ids = g_strv_builder_new ();
  McCommand *group;
  gboolean same_board;
  GPtrArray *all;
  McRect bounds = { 0, 0, 0, 0 };
  gboolean have_bounds = FALSE;
  double offset = MC_EDITING_DUPLICATE_OFFSET;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (layout == NULL || MC_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (notes != NULL, NULL);

  same_board = notes->origin != NULL && g_strcmp0 (notes->origin, board_origin (board)) == 0;
  all = mc_board_get_notes (notes->board);

  for (guint i = 0; i < all->len; i++)
    {
      McNote *note = g_ptr_array_index (all, i);
      McNote *copy = copy_with_new_id (note);
      const McRect *drawn = g_hash_table_lookup (notes->rects, mc_note_get_id (note));
      McRect stored;

      mc_note_get_rect (note, &stored);
      if (anchor_holds (board, notes, note))
        {
          /* Same figure here: same place, beside the original if it is there. */
          if (mc_note_get_has_position (note) && same_board)
            {
              stored.x += offset;
              stored.y += offset;
              mc_note_set_rect (copy, &stored);
            }
        }
      else if (same_board && mc_note_get_figure_id (note) == NULL &&
               mc_note_get_has_position (note))
        {
          stored.x += offset;
          stored.y += offset;
          mc_note_set_rect (copy, &stored);
        }
      else
        {
          /* Free from here on; placed near the paste point below, keeping
           * the arrangement the notes had when copied. */
          McRect rect;

          if (drawn != NULL)
            rect = *drawn;
          else if (mc_note_get_figure_id (note) == NULL && mc_note_get_has_position (note))
            rect = stored;
          else
            rect = (McRect) { NAN, NAN, stored.width, stored.height };

          if (!isnan (rect.x))
            {
              if (have_bounds)
                mc_rect_union (&bounds, &rect, &bounds);
              else
                bounds = rect;
              have_bounds = TRUE;
            }
          mc_note_set_anchor (copy, NULL, NULL);
          g_ptr_array_add (homeless, copy);
          g_array_append_val (homeless_rects, rect);
        }

      g_strv_builder_add (new_ids, mc_note_get_id (copy));
      g_ptr_array_add (pasted, copy);
    }

  /* Those with a known place move as one block to the paste point; the
   * others go in a row under it. */
  {
    double row_x = x;
    double row_y = have_bounds ? y + bounds.height + PASTE_GAP : y;

    for (guint i = 0; i < homeless->len; i++)
      {
        McNote *copy = g_ptr_array_index (homeless, i);
        McRect rect = g_array_index (homeless_rects, McRect, i);

        if (!isnan (rect.x))
          {
            rect.x += x - bounds.x;
            rect.y += y - bounds.y;
          }
        else
          {
            rect.x = row_x;
            rect.y = row_y;
            row_x += rect.width + PASTE_GAP;
          }
        rect.x = CLAMP (rect.x, -MC_BOARD_MAX_COORDINATE, MC_BOARD_MAX_COORDINATE);
        rect.y = CLAMP (rect.y, -MC_BOARD_MAX_COORDINATE, MC_BOARD_MAX_COORDINATE);
        mc_note_set_rect (copy, &rect);
      }
  }

  if (out_ids != NULL)
    *out_ids = g_strv_builder_end (new_ids);

  group = mc_command_group_new (_("Paste"));
  if (pasted->len > 0)
    mc_command_group_add (group, mc_command_add_notes (g_steal_pointer (&pasted)));
  return group;
}

McCommand *
mc_clipboard_paste_text_command (McBoard    *board,
                                 McLayout   *layout,
                                 McScene    *scene,
                                 const char *text,
                                 gssize      length,
                                 double      x,
                                 double      y,
                                 const char *author,
                                 gboolean   *truncated,
                                 GStrv      *out_ids)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *figure_id = NULL;
  g_autofree char *region_id = NULL;
  g_autoptr(GPtrArray) pasted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GStrvBuilder) new_ids = g_strv_builder_new ();
  McCommand *group;
  McRect frame = { 0, 0, 0, 0 }, area;
  double s = 1.0, w, h, gap, x0, y0;
  guint n, cols;
  gboolean anchored = FALSE;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (layout == NULL || MC_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (text != NULL || length <= 0, NULL);

  lines = mc_paste_parse_text (text != NULL ? text : "", text != NULL ? length : 0, truncated);
  n = g_strv_length (lines);

  if (scene != NULL && mc_editing_region_at (scene, x, y, &figure_id, &region_id) &&
      mc_board_get_figure (board, figure_id) != NULL &&
      mc_layout_get_figure_rect (board, figure_id, &frame))
    {
      anchored = TRUE;
      s = mc_figure_get_scale (mc_board_get_figure (board, figure_id));
      if (!(s > 0))
        s = 1.0;
    }

  w = MC_NOTE_DEFAULT_WIDTH * s;
  h = MC_NOTE_DEFAULT_HEIGHT * s;
  gap = PASTE_GAP * s;
  cols = MAX ((guint) ceil (sqrt (n)), 1);
  x0 = x - w / 2;
  y0 = y - h / 2;

  if (anchored && n > 0 && layout != NULL &&
      mc_layout_get_note_area (layout, figure_id, region_id, &area))
    {
      /* Like "Arrange notes": the largest uniform size (down to the
       * arrange minimum) at which the block fits the note area, as many
       * columns as it takes, kept inside the area where it fits (it goes
       * on below the area otherwise). */
      double min_factor = MAX (MC_EDITING_ARRANGE_MIN_WIDTH / MC_NOTE_DEFAULT_WIDTH,
                               MC_EDITING_ARRANGE_MIN_HEIGHT / MC_NOTE_DEFAULT_HEIGHT);
      double factor = 1.0;
      guint rows;

      for (;;)
        {
          double fit_cols = floor ((area.width + gap) / (w * factor + gap));
          double fit_rows = floor ((area.height + gap) / (h * factor + gap));

          if ((fit_cols >= 1 && fit_cols * fit_rows >= n) || factor <= min_factor)
            break;
          factor = MAX (factor - 0.01, min_factor);
        }
      w *= factor;
      h *= factor;
      cols = (guint) MAX (floor ((area.width + gap) / (w + gap)), 1);
      cols = MIN (cols, n);
      rows = (n + cols - 1) / cols;
      x0 = x - (cols * (w + gap) - gap) / 2;
      mc_span_keep_inside (&x0, cols * (w + gap) - gap, area.x, area.width);
      mc_span_keep_inside (&y0, rows * (h + gap) - gap, area.y, area.height);
    }

  for (guint i = 0; i < n; i++)
    {
      McNote *note = mc_note_new (lines[i]);
      McRect rect = { x0 + (i % cols) * (w + gap), y0 + (i / cols) * (h + gap), w, h };

      mc_note_set_author (note, author);
      if (anchored)
        {
          rect = (McRect) { (rect.x - frame.x) / s, (rect.y - frame.y) / s,
                            rect.width / s, rect.height / s };
          mc_note_set_anchor (note, figure_id, region_id);
        }
      rect.x = CLAMP (rect.x, -MC_BOARD_MAX_COORDINATE, MC_BOARD_MAX_COORDINATE);
      rect.y = CLAMP (rect.y, -MC_BOARD_MAX_COORDINATE, MC_BOARD_MAX_COORDINATE);
      mc_note_set_rect (note, &rect);
      g_strv_builder_add (new_ids, mc_note_get_id (note));
      g_ptr_array_add (pasted, note);
    }

  if (out_ids != NULL)
    *out_ids = g_strv_builder_end (new_ids);

  group = mc_command_group_new (_("Paste"));
  if (pasted->len > 0)
    mc_command_group_add (group, mc_command_add_notes (g_steal_pointer (&pasted)));
  return group;
}
