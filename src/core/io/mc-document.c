/* mc-document.c — one open board: its file, file watch and autosave */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "mc-atomic-write-private.h"
#include "mc-board-io.h"
#include "mc-board-private.h"
#include "mc-board-save-private.h"
#include "mc-board-snapshot-private.h"
#include "mc-document.h"
#include "mc-document-private.h"
#include "mc-file-watch-private.h"

struct _McDocument
{
  GObject       parent_instance;

  McBoard      *board;
  McFileWatch  *file_watch;
  McAutosave   *autosave;
  gboolean      saving;
  gulong        changed_id;
  /* Edits made while a save runs: the file does not have them. */
  gboolean      edited_while_saving;
};

enum {
  PROP_0,
  PROP_BOARD,
  PROP_SAVING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (McDocument, mc_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-document-error-quark, mc_document_error)

/* Test hook: saves wait here while held. */
static GMutex hold_mutex;
static GCond  hold_cond;
static gboolean hold_writes;
static guint  held_writes;

void
_mc_document_hold_writes_for_test (gboolean hold)
{
  g_mutex_lock (&hold_mutex);
  hold_writes = hold;
  g_cond_broadcast (&hold_cond);
  g_mutex_unlock (&hold_mutex);
}

guint
_mc_document_get_held_writes_for_test (void)
{
  guint n;

  g_mutex_lock (&hold_mutex);
  n = held_writes;
  g_mutex_unlock (&hold_mutex);
  return n;
}

static void
wait_while_held (void)
{
  g_mutex_lock (&hold_mutex);
  held_writes++;
  while (hold_writes)
    g_cond_wait (&hold_cond, &hold_mutex);
  held_writes--;
  g_mutex_unlock (&hold_mutex);
}

static char *
checksum_of (GBytes *bytes)
{
  return bytes != NULL ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes) : NULL;
}

/* Building the document */

static void
on_board_changed (McBoard       *board,
                  McChangeFlags  flags,
                  GStrv          note_ids,
                  McDocument    *self)
{
  if (self->saving && (flags & ~MC_CHANGE_HISTORY) != 0)
    self->edited_while_saving = TRUE;
}

/* known: the file's bytes the board was read from or NULL (then the watch
 * reads the disk itself, unless known_given says NULL means "none"). */
static McDocument *
document_new_full (McBoard    *board,
                   GBytes     *known,
                   gboolean    known_given,
                   const char *session_id,
                   const char *base_checksum)
{
  McDocument *self = g_object_new (MC_TYPE_DOCUMENT, "board", board, NULL);
  g_autoptr(GBytes) watched = NULL;
  g_autofree char *checksum = NULL;

  if (known_given)
    self->file_watch = mc_file_watch_new_with_known (board, known);
  else
    self->file_watch = mc_file_watch_new (board);

  self->autosave = mc_autosave_new (board, session_id);
  if (base_checksum != NULL)
    mc_autosave_set_base_checksum (self->autosave, base_checksum);
  else if (mc_board_get_file (board) != NULL)
    {
      watched = mc_file_watch_dup_known (self->file_watch);
      checksum = checksum_of (watched);
      mc_autosave_set_base_checksum (self->autosave, checksum);
    }
  return self;
}

McDocument *
mc_document_new (McBoard *board)
{
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  return document_new_full (board, NULL, FALSE, NULL, NULL);
}

/* Loading */

typedef struct
{
  McBoard *board;
  GBytes  *contents;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->board);
  g_clear_pointer (&loaded->contents, g_bytes_unref);
  g_free (loaded);
}

/* Any thread. The bytes are read before the board: if another program
 * writes in between, the board is the newer one and the watch reports
 * the difference, which is the safe way round. */
static Loaded *
load_file (GFile   *file,
           GError **error)
{
  Loaded *loaded = g_new0 (Loaded, 1);

  if (_mc_file_watch_read (file, &loaded->contents, NULL) != READ_OK)
    g_clear_pointer (&loaded->contents, g_bytes_unref);
  loaded->board = mc_board_load_from_file (file, MC_BOARD_LOAD_ALLOW_NEWER, error);
  if (loaded->board == NULL)
    {
      loaded_free (loaded);
      return NULL;
    }
  return loaded;
}

static McDocument *
document_from_loaded (Loaded *loaded)
{
  return document_new_full (loaded->board, loaded->contents, TRUE, NULL, NULL);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  Loaded *loaded = load_file (task_data, &error);

  if (loaded == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

void
mc_document_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mc_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/* NULL for NULL (the error is set); takes loaded. */
static McDocument *
document_take_loaded (Loaded *loaded)
{
  McDocument *self;

  if (loaded == NULL)
    return NULL;
  self = document_from_loaded (loaded);
  loaded_free (loaded);
  return self;
}

McDocument *
mc_document_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return document_take_loaded (g_task_propagate_pointer (G_TASK (result), error));
}

McDocument *
mc_document_load (GFile   *file,
                  GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return document_take_loaded (load_file (file, error));
}

McDocument *
mc_document_new_recovered (McRecoveryEntry  *entry,
                           GError          **error)
{
  g_autoptr(McBoard) board = NULL;
  g_autoptr(GBytes) disk = NULL;
  g_autofree char *disk_checksum = NULL;
  const char *base = mc_recovery_entry_get_base_checksum (entry);
  GFile *file;

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  board = mc_recovery_entry_load (entry, error);
  if (board == NULL)
    return NULL;

  file = mc_board_get_file (board);
  if (file == NULL || base == NULL)
    return document_new_full (board, NULL, FALSE, mc_recovery_entry_get_session_id (entry), NULL);

  /* What the edits started from is known: the disk is ours only if it
   * still holds exactly that. Otherwise there is no known version, so the
   * watch reports the change and a save asks instead of overwriting. */
  if (_mc_file_watch_read (file, &disk, NULL) == READ_OK)
    disk_checksum = checksum_of (disk);
  if (disk_checksum != NULL && g_str_equal (disk_checksum, base))
    return document_new_full (board, disk, TRUE, mc_recovery_entry_get_session_id (entry), base);

  {
    McDocument *self = document_new_full (board, NULL, TRUE,
                                          mc_recovery_entry_get_session_id (entry), base);

    mc_file_watch_check (self->file_watch);
    return self;
  }
}

/* Saving */

typedef struct
{
  GFile    *file;
  char     *path;
  /* Taken on the main thread, encoded into data by the writer; freed on
   * the main thread (finish_save) as it holds json-glib references. */
  McBoardSnapshot *snapshot;
  GBytes   *data;
  char     *checksum;
  /* Compare the disk with this first (NULL: nothing known, so any file
   * there is another program's), unless check is FALSE. */
  gboolean  check;
  GBytes   *known;
  McSaveMarks marks;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_free (job->path);
  _mc_board_snapshot_free (job->snapshot);
  g_clear_pointer (&job->data, g_bytes_unref);
  g_free (job->checksum);
  g_clear_pointer (&job->known, g_bytes_unref);
  _mc_save_marks_clear (&job->marks);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

/* Main thread: stamps the revision marks (outside the history, as
 * mc_board_save_to_file() does) and takes a snapshot of the board; the
 * writer encodes it. */
static SaveJob *
prepare_save (McDocument           *self,
              GFile                *file,
              McDocumentSaveFlags   flags,
              GError              **error)
{
  g_autoptr(SaveJob) job = g_new0 (SaveJob, 1);
  GFile *own = mc_board_get_file (self->board);

  if (self->saving)
    {
      g_set_error_literal (error, MC_DOCUMENT_ERROR, MC_DOCUMENT_ERROR_BUSY,
                           _("The board is being saved already"));
      return NULL;
    }
  if (mc_board_get_read_only (self->board))
    {
      g_set_error_literal (error, MC_DOCUMENT_ERROR, MC_DOCUMENT_ERROR_READ_ONLY,
                           _("This board is read-only because it comes from a newer version of Missiecanvas"));
      return NULL;
    }
  if (file == NULL)
    file = own;
  if (file == NULL)
    {
      g_set_error_literal (error, MC_DOCUMENT_ERROR, MC_DOCUMENT_ERROR_NO_FILE,
                           _("The board has no file"));
      return NULL;
    }

  job->file = g_object_ref (file);
  job->path = _mc_board_save_path (file, error);
  if (job->path == NULL)
    return NULL;

  /* Only our own file has a version we know; Save As to another file was
   * confirmed in the file chooser. */
  job->check = !(flags & MC_DOCUMENT_SAVE_OVERWRITE) && own != NULL && g_file_equal (file, own);
  if (job->check)
    job->known = mc_file_watch_dup_known (self->file_watch);

  _mc_save_marks_stamp (&job->marks, self->board);

  job->snapshot = _mc_board_snapshot_new (self->board);
  return g_steal_pointer (&job);
}

/* Any thread: never touches the board. */
static gboolean
write_job (SaveJob  *job,
           GError  **error)
{
  const char *step = NULL;
  gsize length;
  const char *data;

  data = _mc_board_snapshot_encode (job->snapshot, &length);
  job->data = g_bytes_new_take ((char *) data, length);

  if (job->check)
    {
      g_autoptr(GBytes) disk = NULL;

      if (_mc_file_watch_read (job->file, &disk, NULL) == READ_OK
          && (job->known == NULL || !g_bytes_equal (disk, job->known))
          && !g_bytes_equal (disk, job->data))
        {
          g_autofree char *basename = g_file_get_basename (job->file);
          g_autofree char *display = g_filename_display_name (basename);

          g_set_error (error, MC_DOCUMENT_ERROR, MC_DOCUMENT_ERROR_CHANGED_ON_DISK,
                       _("“%s” was changed by another program since you opened or saved it"),
                       display);
          return FALSE;
        }
    }

  wait_while_held ();

  if (!_mc_write_file_atomically (job->path, data != NULL ? data : "", length,
                                  MC_ATOMIC_WRITE_KEEP_BACKUP, &step))
    return _mc_board_set_save_error (error, job->path, step, errno);
  job->checksum = checksum_of (job->data);
  return TRUE;
}

static void
set_saving (McDocument *self,
            gboolean    saving)
{
  if (self->saving == saving)
    return;
  self->saving = saving;
  if (saving)
    self->edited_while_saving = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

/* Main thread, after the write. */
static gboolean
finish_save (McDocument  *self,
             SaveJob     *job,
             gboolean     written)
{
  gboolean edited = self->edited_while_saving;

  g_clear_pointer (&job->snapshot, _mc_board_snapshot_free);

  if (!written)
    {
      _mc_save_marks_restore (&job->marks, self->board);
      set_saving (self, FALSE);
      return FALSE;
    }

  /* The watch follows the new file (reading it) when the file changes;
   * then what we wrote is the known version, without another read. */
  mc_board_set_file (self->board, job->file);
  mc_file_watch_set_known (self->file_watch, job->data);
  mc_autosave_set_base_checksum (self->autosave, job->checksum);
  set_saving (self, FALSE);
  if (!edited)
    mc_board_mark_saved (self->board);
  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_job (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_save_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  McDocument *self = MC_DOCUMENT (source);
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;
  gboolean written = g_task_propagate_boolean (G_TASK (result), &error);

  finish_save (self, g_task_get_task_data (G_TASK (result)), written);
  if (written)
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

void
mc_document_save_async (McDocument          *self,
                        GFile               *file,
                        McDocumentSaveFlags  flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;
  SaveJob *job;

  g_return_if_fail (MC_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, mc_document_save_async);

  job = prepare_save (self, file, flags, &error);
  if (job == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }

  set_saving (self, TRUE);
  /* The write is not cancelled half-way: an atomic save ends either way. */
  inner = g_task_new (self, NULL, on_save_done, g_steal_pointer (&outer));
  g_task_set_task_data (inner, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (inner, save_thread);
}

gboolean
mc_document_save_finish (McDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
mc_document_save (McDocument           *self,
                  GFile                *file,
                  McDocumentSaveFlags   flags,
                  GError              **error)
{
  g_autoptr(SaveJob) job = NULL;
  gboolean written;

  g_return_val_if_fail (MC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = prepare_save (self, file, flags, error);
  if (job == NULL)
    return FALSE;
  set_saving (self, TRUE);
  written = write_job (job, error);
  return finish_save (self, job, written);
}

/* The rest */

void
mc_document_accept_disk (McDocument *self,
                         GBytes     *contents)
{
  g_autofree char *checksum = NULL;

  g_return_if_fail (MC_IS_DOCUMENT (self));
  g_return_if_fail (contents != NULL);

  mc_file_watch_accept (self->file_watch, contents);
  checksum = checksum_of (contents);
  mc_autosave_set_base_checksum (self->autosave, checksum);
}

void
mc_document_discard_changes (McDocument *self)
{
  g_return_if_fail (MC_IS_DOCUMENT (self));

  mc_autosave_discard (self->autosave);
}

McBoard *
mc_document_get_board (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), NULL);
  return self->board;
}

GFile *
mc_document_get_file (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), NULL);
  return mc_board_get_file (self->board);
}

McFileWatch *
mc_document_get_file_watch (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), NULL);
  return self->file_watch;
}

McAutosave *
mc_document_get_autosave (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), NULL);
  return self->autosave;
}

gboolean
mc_document_get_saving (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), FALSE);
  return self->saving;
}

/* GObject */

static void
mc_document_dispose (GObject *object)
{
  McDocument *self = MC_DOCUMENT (object);

  if (self->board != NULL)
    g_clear_signal_handler (&self->changed_id, self->board);
  g_clear_object (&self->file_watch);
  g_clear_object (&self->autosave);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (mc_document_parent_class)->dispose (object);
}

static void
mc_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  McDocument *self = MC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  McDocument *self = MC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      self->board = g_value_dup_object (value);
      self->changed_id = g_signal_connect (self->board, "changed",
                                           G_CALLBACK (on_board_changed), self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_document_class_init (McDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_document_dispose;
  object_class->get_property = mc_document_get_property;
  object_class->set_property = mc_document_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL, MC_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_document_init (McDocument *self)
{
}
