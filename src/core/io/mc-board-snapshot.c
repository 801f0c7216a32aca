/* mc-board-snapshot.c — copying a board out for encoding elsewhere
 *
 * Only what mc-board-encode.c writes is copied. Strings go into one
 * GStringChunk (a few large blocks instead of one allocation each), so
 * copying and freeing 10,000 notes stays well inside a frame.
 */
#include "config.h"

#include "mc-board-private.h"
#include "mc-board-snapshot-private.h"
#include "mc-cluster-private.h"
#include "mc-figure-private.h"
#include "mc-note-private.h"

/* Rough bytes of strings per note, to size the chunk's blocks. */
#define STRING_BYTES_PER_NOTE 160

static const char *
keep (McBoardSnapshot *self,
      const char      *str)
{
  return str != NULL ? g_string_chunk_insert (self->strings, str) : NULL;
}

static JsonObject *
ref_extra (JsonObject *extra)
{
  return extra != NULL ? json_object_ref (extra) : NULL;
}

static void
clear_extra (JsonObject **extra)
{
  g_clear_pointer (extra, json_object_unref);
}

static void
note_snapshot_clear (gpointer data)
{
  clear_extra (&((McNoteSnapshot *) data)->extra);
}

static void
figure_snapshot_clear (gpointer data)
{
  clear_extra (&((McFigureSnapshot *) data)->extra);
}

static void
cluster_snapshot_clear (gpointer data)
{
  McClusterSnapshot *cluster = data;

  g_free (cluster->note_ids);
  clear_extra (&cluster->extra);
}

static GArray *
snapshot_array_new (gsize          element_size,
                    guint          n,
                    GDestroyNotify clear)
{
  GArray *array = g_array_sized_new (FALSE, TRUE, element_size, n);

  g_array_set_size (array, n);
  g_array_set_clear_func (array, clear);
  return array;
}

static void
copy_note (McBoardSnapshot *self,
           McNoteSnapshot  *copy,
           McNote          *note)
{
  copy->id = keep (self, note->id);
  copy->text = keep (self, note->text);
  copy->color = note->color;
  copy->author = keep (self, note->author);
  copy->figure_id = keep (self, note->figure_id);
  copy->region_id = keep (self, note->region_id);
  copy->reach = note->reach;
  copy->rect = note->rect;
  copy->created = note->created;
  copy->modified = note->modified;
  copy->votes = note->votes;
  copy->phase = note->phase;
  copy->has_position = note->has_position;
  copy->has_phase = note->has_phase;
  copy->conflict = note->conflict;
  copy->extra = ref_extra (note->extra);
}

static void
copy_figure (McBoardSnapshot  *self,
             McFigureSnapshot *copy,
             McFigure         *figure)
{
  copy->id = keep (self, figure->id);
  copy->kind = figure->kind;
  copy->x = figure->x;
  copy->y = figure->y;
  copy->scale = figure->scale;
  copy->extra = ref_extra (figure->extra);
}

static void
copy_cluster (McBoardSnapshot   *self,
              McClusterSnapshot *copy,
              McCluster         *cluster)
{
  const char * const *ids = mc_cluster_get_note_ids (cluster);
  guint n = g_strv_length ((GStrv) ids);

  copy->id = keep (self, cluster->id);
  copy->label = keep (self, cluster->label);
  copy->color = cluster->color;
  copy->note_ids = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    copy->note_ids[i] = keep (self, ids[i]);
  copy->extra = ref_extra (cluster->extra);
}

McBoardSnapshot *
_mc_board_snapshot_new (McBoard *board)
{
  McBoardSnapshot *self;
  g_auto(GStrv) meta_keys = NULL;
  GPtrArray *figures, *notes, *clusters;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  figures = mc_board_get_figures (board);
  notes = mc_board_get_notes (board);
  clusters = mc_board_get_clusters (board);

  self = g_new0 (McBoardSnapshot, 1);
  self->strings = g_string_chunk_new (MAX (4096, notes->len * STRING_BYTES_PER_NOTE));
  self->title = keep (self, mc_board_get_title (board));
  self->language = mc_board_get_language (board);
  self->phase = mc_board_get_phase (board);

  meta_keys = mc_board_dup_meta_keys (board);
  self->meta = g_ptr_array_new ();
  for (guint i = 0; meta_keys[i] != NULL; i++)
    {
      g_ptr_array_add (self->meta, (gpointer) keep (self, meta_keys[i]));
      g_ptr_array_add (self->meta, (gpointer) keep (self, mc_board_get_meta (board, meta_keys[i])));
    }

  self->figures = snapshot_array_new (sizeof (McFigureSnapshot), figures->len, figure_snapshot_clear);
  for (guint i = 0; i < figures->len; i++)
    copy_figure (self, &g_array_index (self->figures, McFigureSnapshot, i),
                 g_ptr_array_index (figures, i));

  self->notes = snapshot_array_new (sizeof (McNoteSnapshot), notes->len, note_snapshot_clear);
  for (guint i = 0; i < notes->len; i++)
    copy_note (self, &g_array_index (self->notes, McNoteSnapshot, i),
               g_ptr_array_index (notes, i));

  self->clusters = snapshot_array_new (sizeof (McClusterSnapshot), clusters->len, cluster_snapshot_clear);
  for (guint i = 0; i < clusters->len; i++)
    copy_cluster (self, &g_array_index (self->clusters, McClusterSnapshot, i),
                  g_ptr_array_index (clusters, i));

  self->extra = ref_extra (_mc_board_get_extra (board));
  self->file_extra = ref_extra (_mc_board_get_file_extra (board));
  return self;
}

void
_mc_board_snapshot_free (McBoardSnapshot *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->figures);
  g_array_unref (self->notes);
  g_array_unref (self->clusters);
  g_ptr_array_unref (self->meta);
  clear_extra (&self->extra);
  clear_extra (&self->file_extra);
  g_string_chunk_free (self->strings);
  g_free (self);
}
