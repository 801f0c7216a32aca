/* mc-board-encode.c — board → JSON
 *
 * JSON is produced directly into one GString in a fixed member order
 * (unknown members after the known ones, in their original order), so the
 * same board always gives the same bytes.
 */
#include "config.h"

#include "mc-board-io.h"
#include "mc-board-private.h"
#include "mc-json-writer-private.h"
#include "mc-time.h"

#define FORMAT_NAME "missiecanvas"

static void
write_figure (McJsonWriter *w,
              McFigure     *figure)
{
  _mc_json_next_item (w);
  _mc_json_begin (w, '{');
  _mc_json_string_member (w, "id", figure->id);
  _mc_json_string_member (w, "kind", figure->kind);
  _mc_json_double_member (w, "x", figure->x);
  _mc_json_double_member (w, "y", figure->y);
  _mc_json_double_member (w, "scale", figure->scale);
  _mc_json_write_extra_members (w, figure->extra);
  _mc_json_end (w, '}', FALSE);
}

static void
write_note (McJsonWriter *w,
            McNote       *note)
{
  _mc_json_next_item (w);
  _mc_json_begin (w, '{');
  _mc_json_string_member (w, "id", note->id);
  _mc_json_string_member (w, "text", note->text);
  _mc_json_string_member (w, "color", note->color);
  if (note->figure_id != NULL)
    {
      _mc_json_string_member (w, "figure", note->figure_id);
      _mc_json_string_member (w, "region", note->region_id);
    }
  if (note->has_position)
    {
      _mc_json_double_member (w, "x", note->rect.x);
      _mc_json_double_member (w, "y", note->rect.y);
    }
  _mc_json_double_member (w, "width", note->rect.width);
  _mc_json_double_member (w, "height", note->rect.height);
  if (note->author != NULL)
    _mc_json_string_member (w, "author", note->author);
  _mc_json_member (w, "created");
  mc_time_append (w->out, note->created, TRUE);
  _mc_json_member (w, "modified");
  mc_time_append (w->out, note->modified, TRUE);
  _mc_json_member (w, "votes");
  g_string_append_printf (w->out, "%u", note->votes);
  if (note->conflict)
    {
      _mc_json_member (w, "conflict");
      g_string_append (w->out, "true");
    }
  if (note->has_phase)
    _mc_json_string_member (w, "phase", mc_phase_to_string (note->phase));
  _mc_json_write_extra_members (w, note->extra);
  _mc_json_end (w, '}', FALSE);
}

static void
write_cluster (McJsonWriter *w,
               McCluster    *cluster)
{
  const char * const *ids = mc_cluster_get_note_ids (cluster);

  _mc_json_next_item (w);
  _mc_json_begin (w, '{');
  _mc_json_string_member (w, "id", cluster->id);
  _mc_json_string_member (w, "label", cluster->label);
  _mc_json_string_member (w, "color", cluster->color);
  _mc_json_member (w, "notes");
  _mc_json_begin (w, '[');
  for (guint i = 0; ids[i] != NULL; i++)
    {
      _mc_json_next_item (w);
      _mc_json_append_string (w->out, ids[i]);
    }
  _mc_json_end (w, ']', ids[0] == NULL);
  _mc_json_write_extra_members (w, cluster->extra);
  _mc_json_end (w, '}', FALSE);
}

typedef void (*WriteItemFunc) (McJsonWriter *w,
                               gpointer      item);

static void
array_member (McJsonWriter  *w,
              const char    *name,
              GPtrArray     *items,
              WriteItemFunc  write_item)
{
  _mc_json_member (w, name);
  _mc_json_begin (w, '[');
  for (guint i = 0; i < items->len; i++)
    write_item (w, g_ptr_array_index (items, i));
  _mc_json_end (w, ']', items->len == 0);
}

char *
mc_board_to_data (McBoard *board,
                  gsize   *length)
{
  g_auto(GStrv) meta_keys = NULL;
  GPtrArray *figures, *notes, *clusters;
  McJsonWriter w = { NULL, 0, TRUE };

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  figures = mc_board_get_figures (board);
  notes = mc_board_get_notes (board);
  w.out = g_string_sized_new (4096 + notes->len * 420);

  _mc_json_begin (&w, '{');
  _mc_json_string_member (&w, "format", FORMAT_NAME);
  _mc_json_member (&w, "format_version");
  g_string_append_printf (w.out, "%d", MC_BOARD_FORMAT_VERSION);
  _mc_json_string_member (&w, "generator", "missiecanvas " PACKAGE_VERSION);
  _mc_json_member (&w, "board");

  _mc_json_begin (&w, '{');
  _mc_json_string_member (&w, "title", mc_board_get_title (board));
  _mc_json_string_member (&w, "language", mc_language_to_string (mc_board_get_language (board)));
  _mc_json_string_member (&w, "phase", mc_phase_to_string (mc_board_get_phase (board)));

  _mc_json_member (&w, "meta");
  meta_keys = mc_board_dup_meta_keys (board);
  _mc_json_begin (&w, '{');
  for (guint i = 0; meta_keys[i] != NULL; i++)
    {
      _mc_json_member (&w, meta_keys[i]);
      _mc_json_append_string (w.out, mc_board_get_meta (board, meta_keys[i]));
    }
  _mc_json_end (&w, '}', meta_keys[0] == NULL);

  array_member (&w, "figures", figures, (WriteItemFunc) write_figure);
  array_member (&w, "notes", notes, (WriteItemFunc) write_note);

  /* Optional: a board without clusters is written as before they existed. */
  clusters = mc_board_get_clusters (board);
  if (clusters->len > 0)
    array_member (&w, "clusters", clusters, (WriteItemFunc) write_cluster);

  _mc_json_write_extra_members (&w, _mc_board_get_extra (board));
  _mc_json_end (&w, '}', FALSE);

  _mc_json_write_extra_members (&w, _mc_board_get_file_extra (board));
  _mc_json_end (&w, '}', FALSE);
  g_string_append_c (w.out, '\n');

  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}
