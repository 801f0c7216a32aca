/* mc-board-encode.c — board → JSON
 *
 * JSON is produced directly into one GString in a fixed member order
 * (unknown members after the known ones, in their original order), so the
 * same board always gives the same bytes. It reads a snapshot
 * (mc-board-snapshot-private.h), so a save can encode in a worker thread.
 */
#include "config.h"

#include "mc-board-io.h"
#include "mc-board-snapshot-private.h"
#include "mc-json-writer-private.h"
#include "mc-time.h"

#define FORMAT_NAME "missiecanvas"

static void
write_figure (McJsonWriter     *w,
              McFigureSnapshot *figure)
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
write_note (McJsonWriter   *w,
            McNoteSnapshot *note)
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
      if (note->reach != NULL)
        _mc_json_string_member (w, "reach", note->reach);
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
write_cluster (McJsonWriter      *w,
               McClusterSnapshot *cluster)
{
  const char * const *ids = cluster->note_ids;

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
              GArray        *items,
              WriteItemFunc  write_item)
{
  _mc_json_member (w, name);
  _mc_json_begin (w, '[');
  for (guint i = 0; i < items->len; i++)
    write_item (w, items->data + (gsize) i * g_array_get_element_size (items));
  _mc_json_end (w, ']', items->len == 0);
}

char *
_mc_board_snapshot_encode (McBoardSnapshot *self,
                           gsize           *length)
{
  McJsonWriter w = { NULL, 0, TRUE };

  g_return_val_if_fail (self != NULL, NULL);

  w.out = g_string_sized_new (4096 + self->notes->len * 420);

  _mc_json_begin (&w, '{');
  _mc_json_string_member (&w, "format", FORMAT_NAME);
  _mc_json_member (&w, "format_version");
  g_string_append_printf (w.out, "%d", MC_BOARD_FORMAT_VERSION);
  _mc_json_string_member (&w, "generator", "missiecanvas " PACKAGE_VERSION);
  _mc_json_member (&w, "board");

  _mc_json_begin (&w, '{');
  _mc_json_string_member (&w, "title", self->title);
  _mc_json_string_member (&w, "language", mc_language_to_string (self->language));
  _mc_json_string_member (&w, "phase", mc_phase_to_string (self->phase));

  _mc_json_member (&w, "meta");
  _mc_json_begin (&w, '{');
  for (guint i = 0; i + 1 < self->meta->len; i += 2)
    {
      _mc_json_member (&w, g_ptr_array_index (self->meta, i));
      _mc_json_append_string (w.out, g_ptr_array_index (self->meta, i + 1));
    }
  _mc_json_end (&w, '}', self->meta->len == 0);

  array_member (&w, "figures", self->figures, (WriteItemFunc) write_figure);
  array_member (&w, "notes", self->notes, (WriteItemFunc) write_note);

  /* Optional: a board without clusters is written as before they existed. */
  if (self->clusters->len > 0)
    array_member (&w, "clusters", self->clusters, (WriteItemFunc) write_cluster);

  _mc_json_write_extra_members (&w, self->extra);
  _mc_json_end (&w, '}', FALSE);

  _mc_json_write_extra_members (&w, self->file_extra);
  _mc_json_end (&w, '}', FALSE);
  g_string_append_c (w.out, '\n');

  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}

char *
mc_board_to_data (McBoard *board,
                  gsize   *length)
{
  g_autoptr(McBoardSnapshot) snapshot = NULL;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  snapshot = _mc_board_snapshot_new (board);
  return _mc_board_snapshot_encode (snapshot, length);
}

/* The copy is taken and freed on the board's thread (json-glib's reference
 * counts are not atomic); only the encoding runs in the worker. */
typedef struct
{
  McBoardSnapshot *snapshot;
  char            *data;
  gsize            length;
} EncodeJob;

static void
encode_job_free (EncodeJob *job)
{
  /* The snapshot was freed on the board's thread (on_encoded). */
  g_free (job->data);
  g_free (job);
}

static void
encode_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  EncodeJob *job = task_data;

  job->data = _mc_board_snapshot_encode (job->snapshot, &job->length);
  g_task_return_boolean (task, TRUE);
}

/* Back on the board's thread. */
static void
on_encoded (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EncodeJob *job = g_task_get_task_data (G_TASK (result));
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&job->snapshot, _mc_board_snapshot_free);
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_bytes_new_take (g_steal_pointer (&job->data), job->length),
                           (GDestroyNotify) g_bytes_unref);
}

void
mc_board_to_data_async (McBoard             *board,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) encode = NULL;
  GTask *task;
  EncodeJob *job;

  g_return_if_fail (MC_IS_BOARD (board));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (board, cancellable, callback, user_data);
  g_task_set_source_tag (task, mc_board_to_data_async);

  job = g_new0 (EncodeJob, 1);
  job->snapshot = _mc_board_snapshot_new (board);
  encode = g_task_new (NULL, NULL, on_encoded, task);
  g_task_set_source_tag (encode, encode_in_thread);
  g_task_set_task_data (encode, job, (GDestroyNotify) encode_job_free);
  g_task_run_in_thread (encode, encode_in_thread);
}

GBytes *
mc_board_to_data_finish (McBoard       *board,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, board), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
