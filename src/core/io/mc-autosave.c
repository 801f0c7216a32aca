/* mc-autosave.c — autosave of unsaved boards and recovery after a crash */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/file.h>
#include <unistd.h>

#include "mc-autosave.h"
#include "mc-autosave-private.h"
#include "mc-board-io.h"
#include "mc-board-snapshot-private.h"
#include "mc-command.h"
#include "mc-history.h"


struct _McAutosave
{
  GObject      parent_instance;

  McBoard     *board;
  gulong       changed_id;
  char        *session_id;
  /* SHA-256 of the file's bytes the unsaved edits started from, or NULL. */
  char        *base_checksum;
  guint        interval_ms;
  guint        timeout_id;
  gboolean     pending;
  gint64       due;            /* clock µs by which the copy is written */
  McClockFunc  clock;
  gpointer     clock_data;
  int          lock_fd;        /* -1 until the first write */
  gboolean     discarded;
  /* A copy is being written in a worker thread; what to do after it. */
  gboolean     writing;
  gboolean     write_again;
  gboolean     remove_after;
};

enum {
  PROP_0,
  PROP_BOARD,
  PROP_SESSION_ID,
  PROP_INTERVAL,
  PROP_PENDING,
  N_PROPS
};

enum {
  WRITTEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (McAutosave, mc_autosave, G_TYPE_OBJECT)

char *
mc_autosave_dup_recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "missiecanvas", "recovery", NULL);
}

char *
_mc_autosave_session_path (const char *session_id,
                           const char *suffix)
{
  g_autofree char *dir = mc_autosave_dup_recovery_dir ();
  g_autofree char *name = g_strconcat (session_id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/* Session ids name files: accept only what g_uuid_string_random makes. */
gboolean
_mc_autosave_session_id_is_valid (const char *id)
{
  return id != NULL && g_uuid_string_is_valid (id);
}

/* Takes the session's lock, so listings in other processes (and in this
 * one) see that the copy has a living writer. */
static gboolean
take_lock (McAutosave  *self,
           GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int fd;

  if (self->lock_fd >= 0)
    return TRUE;

  dir = mc_autosave_dup_recovery_dir ();
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the recovery folder %s: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  path = _mc_autosave_session_path (self->session_id, ".lock");
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not lock the recovery file %s: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  self->lock_fd = fd;
  return TRUE;
}

static void
remove_files (McAutosave *self)
{
  g_autofree char *sidecar = _mc_autosave_session_path (self->session_id, ".json");
  g_autofree char *data = _mc_autosave_session_path (self->session_id, ".missiecanvas");
  g_autofree char *lock = _mc_autosave_session_path (self->session_id, ".lock");

  /* Sidecar first: a listing never sees a sidecar without its board. */
  g_unlink (sidecar);
  g_unlink (data);
  if (self->lock_fd >= 0)
    {
      g_unlink (lock);
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}

static gint64
read_clock (McAutosave *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : g_get_monotonic_time ();
}

static void
set_pending (McAutosave *self,
             gboolean    pending)
{
  if (!pending)
    g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->pending == pending)
    return;
  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* Deletes the copy now, or once the write in flight is done (it would
 * otherwise bring the copy back). */
static void
remove_copy (McAutosave *self)
{
  if (self->writing)
    {
      self->remove_after = TRUE;
      self->write_again = FALSE;
      return;
    }
  remove_files (self);
}

static char *
build_sidecar (McAutosave *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);
  GFile *file = mc_board_get_file (self->board);
  const char *title = mc_board_get_title (self->board);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, RECOVERY_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "session");
  json_builder_add_string_value (builder, self->session_id);
  json_builder_set_member_name (builder, "pid");
  json_builder_add_int_value (builder, getpid ());
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title ? title : "");
  json_builder_set_member_name (builder, "original");
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      json_builder_add_string_value (builder, uri);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, time);
  json_builder_set_member_name (builder, "notes");
  json_builder_add_int_value (builder, mc_board_get_n_notes (self->board));
  /* What the file looked like when these edits started: recovery merges
   * instead of overwriting when the file has changed since. */
  json_builder_set_member_name (builder, "base_sha256");
  if (self->base_checksum != NULL)
    json_builder_add_string_value (builder, self->base_checksum);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

typedef struct
{
  char  *data_path;
  char  *sidecar_path;
  /* Taken on the main thread, encoded by the writer, freed on the main
   * thread (it holds json-glib references). */
  McBoardSnapshot *snapshot;
  char  *data;
  gsize  length;
  char  *sidecar;
} CopyJob;

static void
copy_job_free (CopyJob *job)
{
  g_free (job->data_path);
  g_free (job->sidecar_path);
  _mc_board_snapshot_free (job->snapshot);
  g_free (job->data);
  g_free (job->sidecar);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CopyJob, copy_job_free)

/* On the main thread: a snapshot of the board is taken here, so the writer
 * never touches the live board. */
static CopyJob *
prepare_copy (McAutosave  *self,
              GError     **error)
{
  CopyJob *job;

  if (!take_lock (self, error))
    return NULL;

  job = g_new0 (CopyJob, 1);
  job->snapshot = _mc_board_snapshot_new (self->board);
  job->sidecar = build_sidecar (self);
  job->data_path = _mc_autosave_session_path (self->session_id, ".missiecanvas");
  job->sidecar_path = _mc_autosave_session_path (self->session_id, ".json");
  return job;
}

/* Any thread. */
static gboolean
write_job (CopyJob  *job,
           GError  **error)
{
  /* Each file is replaced by rename, so a crash mid-write leaves the
   * previous copy, never half a board. Board before sidecar: the sidecar
   * is what makes a copy visible to the listing. */
  job->data = _mc_board_snapshot_encode (job->snapshot, &job->length);
  return g_file_set_contents_full (job->data_path, job->data, job->length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) &&
         g_file_set_contents_full (job->sidecar_path, job->sidecar, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
mc_autosave_flush (McAutosave  *self,
                   GError     **error)
{
  g_autoptr(CopyJob) job = NULL;

  g_return_val_if_fail (MC_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  set_pending (self, FALSE);
  if (self->board == NULL || self->discarded)
    return TRUE;

  if (!mc_board_get_modified (self->board))
    {
      remove_copy (self);
      return TRUE;
    }

  job = prepare_copy (self, error);
  if (job == NULL || !write_job (job, error))
    return FALSE;
  /* The copy in flight is older than this one: write again after it. */
  if (self->writing)
    self->write_again = TRUE;
  g_signal_emit (self, signals[WRITTEN], 0);
  return TRUE;
}

static void write_in_background (McAutosave *self);

static void
write_thread (GTask        *task,
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
on_written_in_background (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  McAutosave *self = MC_AUTOSAVE (source);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  CopyJob *job = g_task_get_task_data (G_TASK (result));

  g_clear_pointer (&job->snapshot, _mc_board_snapshot_free);
  self->writing = FALSE;
  if (self->remove_after)
    {
      self->remove_after = FALSE;
      remove_files (self);
      return;
    }

  /* Not a warning: a full disk must not take the editor down, and the next
   * change tries again. */
  if (!ok)
    g_message ("Autosave failed: %s", error->message);
  else
    g_signal_emit (self, signals[WRITTEN], 0);

  if (self->write_again)
    {
      self->write_again = FALSE;
      write_in_background (self);
    }
}

static void
write_in_background (McAutosave *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  CopyJob *job;

  if (self->board == NULL || self->discarded || !mc_board_get_modified (self->board))
    return;
  if (self->writing)
    {
      self->write_again = TRUE;
      return;
    }

  job = prepare_copy (self, &error);
  if (job == NULL)
    {
      g_message ("Autosave failed: %s", error->message);
      return;
    }

  self->writing = TRUE;
  task = g_task_new (self, NULL, on_written_in_background, NULL);
  g_task_set_source_tag (task, write_in_background);
  g_task_set_task_data (task, job, (GDestroyNotify) copy_job_free);
  g_task_run_in_thread (task, write_thread);
}

static gboolean on_timeout (gpointer user_data);

static void
schedule (McAutosave *self)
{
  gint64 wait = MAX (self->due - read_clock (self), 0);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add ((guint) ((wait + 999) / 1000), on_timeout, self);
}

void
mc_autosave_update (McAutosave *self)
{
  g_return_if_fail (MC_IS_AUTOSAVE (self));

  if (!self->pending)
    return;
  if (read_clock (self) < self->due)
    {
      if (self->timeout_id == 0)
        schedule (self);
      return;
    }

  set_pending (self, FALSE);
  write_in_background (self);
}

static gboolean
on_timeout (gpointer user_data)
{
  McAutosave *self = user_data;

  self->timeout_id = 0;
  mc_autosave_update (self);
  return G_SOURCE_REMOVE;
}

/* The first unwritten change sets the deadline; later ones do not move it,
 * so however steady the typing, no change waits more than one interval. */
static void
start_pending (McAutosave *self)
{
  if (self->pending)
    return;

  self->due = read_clock (self) + (gint64) self->interval_ms * 1000;
  set_pending (self, TRUE);
  schedule (self);
}

static void
on_board_changed (McBoard       *board,
                  McChangeFlags  flags,
                  GStrv          note_ids,
                  McAutosave    *self)
{
  if (self->discarded)
    return;

  /* Saved, or undone back to what is on disk: nothing to recover. */
  if (!mc_board_get_modified (board))
    {
      set_pending (self, FALSE);
      remove_copy (self);
      return;
    }

  start_pending (self);
}

static void
mc_autosave_dispose (GObject *object)
{
  McAutosave *self = MC_AUTOSAVE (object);

  set_pending (self, FALSE);
  if (self->board != NULL)
    g_clear_signal_handler (&self->changed_id, self->board);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (mc_autosave_parent_class)->dispose (object);
}

static void
mc_autosave_finalize (GObject *object)
{
  McAutosave *self = MC_AUTOSAVE (object);

  /* The lock goes, the copy stays: the board was neither saved nor
   * discarded, so the next start offers it. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->session_id);
  g_free (self->base_checksum);

  G_OBJECT_CLASS (mc_autosave_parent_class)->finalize (object);
}

static void
mc_autosave_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  McAutosave *self = MC_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;
    case PROP_SESSION_ID:
      g_value_set_string (value, self->session_id);
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval_ms);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_autosave_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  McAutosave *self = MC_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_set_object (&self->board, g_value_get_object (value));
      break;
    case PROP_SESSION_ID:
      g_free (self->session_id);
      self->session_id = g_value_dup_string (value);
      break;
    case PROP_INTERVAL:
      mc_autosave_set_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_autosave_constructed (GObject *object)
{
  McAutosave *self = MC_AUTOSAVE (object);
  const char *adopted;

  G_OBJECT_CLASS (mc_autosave_parent_class)->constructed (object);

  g_return_if_fail (MC_IS_BOARD (self->board));

  adopted = self->session_id;
  if (_mc_autosave_session_id_is_valid (adopted))
    {
      g_autoptr(GError) error = NULL;

      /* A recovered board continues its copy: lock it at once so no other
       * instance offers it again while it is open here. */
      if (!take_lock (self, &error))
        g_message ("Recovery copy %s stays unlocked: %s", adopted, error->message);
    }
  else
    {
      g_free (self->session_id);
      self->session_id = g_uuid_string_random ();
    }

  self->changed_id = g_signal_connect (self->board, "changed",
                                       G_CALLBACK (on_board_changed), self);

  /* A board that already has unsaved changes (recovered, or edited before
   * it reached a window) gets its copy after one interval. */
  if (mc_board_get_modified (self->board))
    start_pending (self);
}

static void
mc_autosave_class_init (McAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mc_autosave_constructed;
  object_class->dispose = mc_autosave_dispose;
  object_class->finalize = mc_autosave_finalize;
  object_class->get_property = mc_autosave_get_property;
  object_class->set_property = mc_autosave_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL, MC_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The recovery session to continue; a new one when NULL or not valid. */
  properties[PROP_SESSION_ID] =
    g_param_spec_string ("session-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 1, G_MAXINT,
                       MC_AUTOSAVE_DEFAULT_INTERVAL_MS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After each write of the recovery copy. */
  signals[WRITTEN] = g_signal_new ("written", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
mc_autosave_init (McAutosave *self)
{
  const char *env = g_getenv ("MC_AUTOSAVE_INTERVAL_MS");
  guint64 interval = 0;

  self->lock_fd = -1;
  self->interval_ms = MC_AUTOSAVE_DEFAULT_INTERVAL_MS;
  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, G_MAXINT, &interval, NULL))
    self->interval_ms = (guint) interval;
}

McAutosave *
mc_autosave_new (McBoard    *board,
                 const char *session_id)
{
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  return g_object_new (MC_TYPE_AUTOSAVE, "board", board, "session-id", session_id, NULL);
}

McBoard *
mc_autosave_get_board (McAutosave *self)
{
  g_return_val_if_fail (MC_IS_AUTOSAVE (self), NULL);
  return self->board;
}

const char *
mc_autosave_get_session_id (McAutosave *self)
{
  g_return_val_if_fail (MC_IS_AUTOSAVE (self), NULL);
  return self->session_id;
}

guint
mc_autosave_get_interval (McAutosave *self)
{
  g_return_val_if_fail (MC_IS_AUTOSAVE (self), 0);
  return self->interval_ms;
}

void
mc_autosave_set_interval (McAutosave *self,
                          guint       interval_ms)
{
  g_return_if_fail (MC_IS_AUTOSAVE (self));
  g_return_if_fail (interval_ms > 0);

  if (self->interval_ms == interval_ms)
    return;
  self->interval_ms = interval_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

gboolean
mc_autosave_get_pending (McAutosave *self)
{
  g_return_val_if_fail (MC_IS_AUTOSAVE (self), FALSE);
  return self->pending;
}

gboolean
mc_autosave_get_writing (McAutosave *self)
{
  g_return_val_if_fail (MC_IS_AUTOSAVE (self), FALSE);
  return self->writing;
}

void
mc_autosave_set_clock (McAutosave  *self,
                       McClockFunc  clock,
                       gpointer     user_data)
{
  g_return_if_fail (MC_IS_AUTOSAVE (self));

  self->clock = clock;
  self->clock_data = clock != NULL ? user_data : NULL;
  /* A deadline read from the old clock means nothing on the new one. */
  if (self->pending)
    self->due = read_clock (self) + (gint64) self->interval_ms * 1000;
}

void
mc_autosave_set_base_checksum (McAutosave *self,
                               const char *checksum)
{
  g_return_if_fail (MC_IS_AUTOSAVE (self));

  if (g_strcmp0 (self->base_checksum, checksum) == 0)
    return;
  g_free (self->base_checksum);
  self->base_checksum = g_strdup (checksum);
}

const char *
mc_autosave_get_base_checksum (McAutosave *self)
{
  g_return_val_if_fail (MC_IS_AUTOSAVE (self), NULL);
  return self->base_checksum;
}

GFile *
mc_autosave_dup_file (McAutosave *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (MC_IS_AUTOSAVE (self), NULL);

  path = _mc_autosave_session_path (self->session_id, ".missiecanvas");
  return g_file_new_for_path (path);
}

void
mc_autosave_discard (McAutosave *self)
{
  g_return_if_fail (MC_IS_AUTOSAVE (self));

  set_pending (self, FALSE);
  remove_copy (self);
  self->discarded = TRUE;
}
