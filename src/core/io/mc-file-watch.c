/* mc-file-watch.c — noticing when a board's file changes on disk */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-board-io.h"
#include "mc-file-watch.h"
#include "mc-file-watch-private.h"
#include "mc-board-snapshot-private.h"

struct _McFileWatch
{
  GObject           parent_instance;

  McBoard          *board;
  gulong            file_notify_id;
  GFile            *file;
  GFileMonitor     *monitor;
  /* What we last loaded, saved or accepted: ours, and the merge base. */
  GBytes           *known;
  /* The last foreign version announced, so one version is announced once. */
  GBytes           *announced;
  McFileWatchState  state;
  guint             delay_ms;
  guint             timeout_id;
  gboolean          pending;
  gint64            first_pending;  /* clock µs of the first waiting event */
  gint64            due;            /* clock µs when the disk is looked at */
  McClockFunc       clock;
  gpointer          clock_data;
  /* Construction: the known version given (mc_file_watch_new_with_known). */
  gboolean          known_given;
  /* Each look at the disk is numbered; a read in a worker thread counts
   * only if no later look began meanwhile. */
  guint             check_serial;
  gboolean          reading;        /* a worker thread reads the file */
};

enum {
  PROP_0,
  PROP_BOARD,
  PROP_STATE,
  PROP_DELAY,
  PROP_PENDING,
  N_PROPS
};

enum {
  DISK_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_ENUM_TYPE (McFileWatchState, mc_file_watch_state,
  G_DEFINE_ENUM_VALUE (MC_FILE_WATCH_UNCHANGED, "unchanged"),
  G_DEFINE_ENUM_VALUE (MC_FILE_WATCH_CHANGED, "changed"),
  G_DEFINE_ENUM_VALUE (MC_FILE_WATCH_REMOVED, "removed"))

G_DEFINE_FINAL_TYPE (McFileWatch, mc_file_watch, G_TYPE_OBJECT)

/* Reading the disk */

McReadResult
_mc_file_watch_read (GFile   *file,
                     GBytes **contents,
                     GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  char *data = NULL;
  gsize length = 0;

  /* A board file is never this large; do not read a stranger's big file
   * into memory only to find it is not ours. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      McReadResult result = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                          ? READ_MISSING : READ_FAILED;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return result;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s is not a board file any more"), name);
      return READ_MISSING;
    }
  if (g_file_info_get_size (info) > MC_BOARD_MAX_FILE_SIZE)
    {
      /* Certainly not what we wrote: a change, but one we cannot merge. */
      *contents = g_bytes_new_static ("", 0);
      return READ_OK;
    }

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local_error))
    {
      McReadResult result = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                          ? READ_MISSING : READ_FAILED;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return result;
    }

  *contents = g_bytes_new_take (data, length);
  return READ_OK;
}

/* What the board would write now: equal bytes on disk mean the disk holds
 * our version even when we did not write it through this watch (a save by
 * other code, or another program that wrote exactly the same). */
static gboolean
snapshot_would_write (McBoardSnapshot *snapshot,
                      GBytes          *contents)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  gsize disk_length = 0;
  const char *disk = g_bytes_get_data (contents, &disk_length);

  data = _mc_board_snapshot_encode (snapshot, &length);
  return data != NULL && length == disk_length && memcmp (data, disk, length) == 0;
}

/* Any thread: contents are ours, known to the watch or what the board
 * (snapshot) would write. */
static gboolean
contents_are_ours (GBytes          *contents,
                   GBytes          *known,
                   McBoardSnapshot *snapshot)
{
  return (known != NULL && g_bytes_equal (contents, known)) || snapshot_would_write (snapshot, contents);
}

static void
set_state (McFileWatch      *self,
           McFileWatchState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static gint64
read_clock (McFileWatch *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : g_get_monotonic_time ();
}

static void
cancel_pending (McFileWatch *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->pending)
    return;

  self->pending = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* What the disk holds (read as result, contents, error) says about the
 * file: the state, and the signal when it is news. Main thread. */
static McFileWatchState
take_read (McFileWatch  *self,
           McReadResult  result,
           GBytes       *read,
           gboolean      ours,
           const GError *error)
{
  g_autoptr(GBytes) contents = read != NULL ? g_bytes_ref (read) : NULL;
  McFileWatchState old_state = self->state;

  switch (result)
    {
    case READ_MISSING:
      g_clear_pointer (&self->announced, g_bytes_unref);
      set_state (self, MC_FILE_WATCH_REMOVED);
      if (old_state != MC_FILE_WATCH_REMOVED)
        g_signal_emit (self, signals[DISK_CHANGED], 0, MC_FILE_WATCH_REMOVED);
      return self->state;

    case READ_FAILED:
      /* Unreadable for now (a sync client holding it, a flaky share): say
       * nothing rather than something wrong; the next event looks again. */
      g_debug ("Cannot look at the board's file: %s", error != NULL ? error->message : "?");
      return self->state;

    case READ_OK:
    default:
      break;
    }

  if (ours)
    {
      g_clear_pointer (&self->known, g_bytes_unref);
      self->known = g_steal_pointer (&contents);
      g_clear_pointer (&self->announced, g_bytes_unref);
      set_state (self, MC_FILE_WATCH_UNCHANGED);
      return self->state;
    }

  if (old_state == MC_FILE_WATCH_CHANGED && self->announced != NULL
      && g_bytes_equal (contents, self->announced))
    return self->state;

  g_clear_pointer (&self->announced, g_bytes_unref);
  self->announced = g_steal_pointer (&contents);
  set_state (self, MC_FILE_WATCH_CHANGED);
  g_signal_emit (self, signals[DISK_CHANGED], 0, MC_FILE_WATCH_CHANGED);

  return self->state;
}

McFileWatchState
mc_file_watch_check (McFileWatch *self)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  McReadResult result;
  gboolean ours = FALSE;

  g_return_val_if_fail (MC_IS_FILE_WATCH (self), MC_FILE_WATCH_UNCHANGED);

  cancel_pending (self);
  self->check_serial++;
  if (self->file == NULL)
    {
      set_state (self, MC_FILE_WATCH_UNCHANGED);
      return self->state;
    }
  result = _mc_file_watch_read (self->file, &contents, &error);
  if (result == READ_OK)
    {
      g_autoptr(McBoardSnapshot) snapshot = _mc_board_snapshot_new (self->board);

      ours = contents_are_ours (contents, self->known, snapshot);
    }
  return take_read (self, result, contents, ours, error);
}

/* Looking at the disk in a worker thread, so a slow or synced folder
 * (a network share, Nextcloud) never holds up the window. */
typedef struct
{
  GFile        *file;
  guint         serial;
  McReadResult  result;
  GBytes       *contents;
  GError       *error;
  /* Taken on the main thread, compared with in the worker (encoding the
   * board there, not in the window's thread); freed on the main thread. */
  GBytes          *known;
  McBoardSnapshot *snapshot;
  gboolean         ours;
} Look;

static void
look_free (gpointer data)
{
  Look *look = data;

  g_clear_object (&look->file);
  g_clear_pointer (&look->known, g_bytes_unref);
  g_assert (look->snapshot == NULL);
  g_clear_pointer (&look->contents, g_bytes_unref);
  g_clear_error (&look->error);
  g_free (look);
}

static void
look_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Look *look = task_data;

  look->result = _mc_file_watch_read (look->file, &look->contents, &look->error);
  if (look->result == READ_OK)
    look->ours = contents_are_ours (look->contents, look->known, look->snapshot);
  g_task_return_boolean (task, TRUE);
}

static void check_in_thread (McFileWatch *self);

static void
on_looked (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  McFileWatch *self = MC_FILE_WATCH (source);
  Look *look = g_task_get_task_data (G_TASK (result));

  g_clear_pointer (&look->snapshot, _mc_board_snapshot_free);
  self->reading = FALSE;
  /* A later look, another file, or a watch being disposed: stale. */
  if (look->serial != self->check_serial || self->board == NULL || self->file == NULL ||
      !g_file_equal (look->file, self->file))
    return;
  /* The known version may have changed meanwhile (a save finished). */
  if (look->result == READ_OK && !look->ours && self->known != NULL)
    look->ours = g_bytes_equal (look->contents, self->known);
  take_read (self, look->result, look->contents, look->ours, look->error);
  /* Events that came in during the read have their own debounce. */
}

static void
check_in_thread (McFileWatch *self)
{
  g_autoptr(GTask) task = NULL;
  Look *look;

  cancel_pending (self);
  self->check_serial++;
  if (self->file == NULL)
    {
      set_state (self, MC_FILE_WATCH_UNCHANGED);
      return;
    }
  look = g_new0 (Look, 1);
  look->file = g_object_ref (self->file);
  look->serial = self->check_serial;
  look->known = self->known != NULL ? g_bytes_ref (self->known) : NULL;
  look->snapshot = _mc_board_snapshot_new (self->board);
  task = g_task_new (self, NULL, on_looked, NULL);
  g_task_set_source_tag (task, check_in_thread);
  g_task_set_task_data (task, look, look_free);
  self->reading = TRUE;
  g_task_run_in_thread (task, look_thread);
}

gboolean
mc_file_watch_get_reading (McFileWatch *self)
{
  g_return_val_if_fail (MC_IS_FILE_WATCH (self), FALSE);

  return self->reading;
}

static gboolean on_delay_over (gpointer data);

/* The timeout only wakes us: the clock says whether it is time. */
static void
schedule (McFileWatch *self)
{
  gint64 wait = MAX (self->due - read_clock (self), 0);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) ((wait + 999) / 1000),
                                         on_delay_over, self, NULL);
}

void
mc_file_watch_update (McFileWatch *self)
{
  g_return_if_fail (MC_IS_FILE_WATCH (self));

  if (!self->pending)
    return;
  if (read_clock (self) < self->due)
    {
      if (self->timeout_id == 0)
        schedule (self);
      return;
    }
  check_in_thread (self);
}

static gboolean
on_delay_over (gpointer data)
{
  McFileWatch *self = data;

  self->timeout_id = 0;
  mc_file_watch_update (self);
  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    McFileWatch       *self)
{
  gint64 now = read_clock (self);
  gint64 delay = (gint64) self->delay_ms * 1000;

  /* Every kind of event (changed, created, deleted, renamed in or out)
   * ends in the same question, answered by the disk once it is quiet. */
  if (event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT)
    return;

  if (!self->pending)
    {
      self->pending = TRUE;
      self->first_pending = now;
      self->due = now + delay;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  else
    {
      /* A file written without pause is still looked at now and then. */
      self->due = MIN (now + delay, self->first_pending + delay * MC_FILE_WATCH_MAX_POSTPONE);
    }

  schedule (self);
}

/* Starts over with the board's current file: what is on disk now is ours. */
static void
follow_board_file (McFileWatch *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  GFile *file = mc_board_get_file (self->board);

  cancel_pending (self);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (!self->known_given)
    g_clear_pointer (&self->known, g_bytes_unref);
  g_clear_pointer (&self->announced, g_bytes_unref);
  g_set_object (&self->file, file);

  if (file == NULL)
    {
      set_state (self, MC_FILE_WATCH_UNCHANGED);
      return;
    }

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    g_debug ("Cannot watch the board's file: %s", error->message);
  else
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_monitor_changed), self);
  g_clear_error (&error);

  if (self->known_given)
    {
      /* The caller read the file (or knows it is not ours): no second read. */
      self->known_given = FALSE;
      set_state (self, MC_FILE_WATCH_UNCHANGED);
      return;
    }

  switch (_mc_file_watch_read (file, &contents, &error))
    {
    case READ_OK:
      self->known = g_steal_pointer (&contents);
      set_state (self, MC_FILE_WATCH_UNCHANGED);
      break;
    case READ_MISSING:
      set_state (self, MC_FILE_WATCH_REMOVED);
      break;
    case READ_FAILED:
    default:
      set_state (self, MC_FILE_WATCH_UNCHANGED);
      break;
    }
}

static void
on_board_file_notify (McBoard     *board,
                      GParamSpec  *pspec,
                      McFileWatch *self)
{
  follow_board_file (self);
}

/* Public API */

McFileWatch *
mc_file_watch_new (McBoard *board)
{
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  return g_object_new (MC_TYPE_FILE_WATCH, "board", board, NULL);
}

McFileWatch *
mc_file_watch_new_with_known (McBoard *board,
                              GBytes  *known)
{
  McFileWatch *self;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  self = g_object_new (MC_TYPE_FILE_WATCH, NULL);
  self->known = known != NULL ? g_bytes_ref (known) : NULL;
  self->known_given = TRUE;
  g_object_set (self, "board", board, NULL);
  return self;
}

McBoard *
mc_file_watch_get_board (McFileWatch *self)
{
  g_return_val_if_fail (MC_IS_FILE_WATCH (self), NULL);

  return self->board;
}

GFile *
mc_file_watch_get_file (McFileWatch *self)
{
  g_return_val_if_fail (MC_IS_FILE_WATCH (self), NULL);

  return self->file;
}

McFileWatchState
mc_file_watch_get_state (McFileWatch *self)
{
  g_return_val_if_fail (MC_IS_FILE_WATCH (self), MC_FILE_WATCH_UNCHANGED);

  return self->state;
}

guint
mc_file_watch_get_delay (McFileWatch *self)
{
  g_return_val_if_fail (MC_IS_FILE_WATCH (self), 0);

  return self->delay_ms;
}

void
mc_file_watch_set_delay (McFileWatch *self,
                         guint        delay_ms)
{
  g_return_if_fail (MC_IS_FILE_WATCH (self));

  if (self->delay_ms == delay_ms)
    return;

  self->delay_ms = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

gboolean
mc_file_watch_get_pending (McFileWatch *self)
{
  g_return_val_if_fail (MC_IS_FILE_WATCH (self), FALSE);

  return self->pending;
}

void
mc_file_watch_set_clock (McFileWatch *self,
                         McClockFunc  clock,
                         gpointer     user_data)
{
  g_return_if_fail (MC_IS_FILE_WATCH (self));

  self->clock = clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

McBoard *
mc_file_watch_load_disk (McFileWatch  *self,
                         GBytes      **contents,
                         GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  McBoard *board;
  const char *data;
  gsize length;

  g_return_val_if_fail (MC_IS_FILE_WATCH (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->file == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The board has no file"));
      return NULL;
    }

  if (_mc_file_watch_read (self->file, &bytes, error) != READ_OK)
    return NULL;

  basename = g_file_get_basename (self->file);
  display = g_filename_display_name (basename);
  data = g_bytes_get_data (bytes, &length);
  /* A version newer than this build would lose what it does not know in a
   * merge: refused, with the loader's message. */
  board = mc_board_load_from_data (data != NULL ? data : "", length, display,
                                   MC_BOARD_LOAD_NONE, error);
  if (board != NULL && contents != NULL)
    *contents = g_steal_pointer (&bytes);

  return board;
}

McBoard *
mc_file_watch_load_known (McFileWatch *self)
{
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length;
  McBoard *board;

  g_return_val_if_fail (MC_IS_FILE_WATCH (self), NULL);

  if (self->known == NULL)
    return NULL;

  data = g_bytes_get_data (self->known, &length);
  board = mc_board_load_from_data (data != NULL ? data : "", length, "base",
                                   MC_BOARD_LOAD_NONE, &error);
  if (board == NULL)
    g_debug ("The last known version does not load: %s", error->message);

  return board;
}

void
mc_file_watch_accept (McFileWatch *self,
                      GBytes      *contents)
{
  g_return_if_fail (MC_IS_FILE_WATCH (self));
  g_return_if_fail (contents != NULL);

  g_clear_pointer (&self->known, g_bytes_unref);
  self->known = g_bytes_ref (contents);
  g_clear_pointer (&self->announced, g_bytes_unref);
  mc_file_watch_check (self);
}

void
mc_file_watch_set_known (McFileWatch *self,
                         GBytes      *contents)
{
  g_return_if_fail (MC_IS_FILE_WATCH (self));
  g_return_if_fail (contents != NULL);

  g_clear_pointer (&self->known, g_bytes_unref);
  self->known = g_bytes_ref (contents);
  g_clear_pointer (&self->announced, g_bytes_unref);
  set_state (self, MC_FILE_WATCH_UNCHANGED);
}

GBytes *
mc_file_watch_dup_known (McFileWatch *self)
{
  g_return_val_if_fail (MC_IS_FILE_WATCH (self), NULL);

  return self->known != NULL ? g_bytes_ref (self->known) : NULL;
}

/* GObject */

static void
mc_file_watch_set_board (McFileWatch *self,
                         McBoard     *board)
{
  g_return_if_fail (self->board == NULL);

  self->board = g_object_ref (board);
  self->file_notify_id = g_signal_connect (board, "notify::file",
                                           G_CALLBACK (on_board_file_notify), self);
  follow_board_file (self);
}

static void
mc_file_watch_dispose (GObject *object)
{
  McFileWatch *self = MC_FILE_WATCH (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->board != NULL)
    g_clear_signal_handler (&self->file_notify_id, self->board);
  g_clear_object (&self->board);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (mc_file_watch_parent_class)->dispose (object);
}

static void
mc_file_watch_finalize (GObject *object)
{
  McFileWatch *self = MC_FILE_WATCH (object);

  g_clear_pointer (&self->known, g_bytes_unref);
  g_clear_pointer (&self->announced, g_bytes_unref);

  G_OBJECT_CLASS (mc_file_watch_parent_class)->finalize (object);
}

static void
mc_file_watch_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  McFileWatch *self = MC_FILE_WATCH (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_DELAY:
      g_value_set_uint (value, self->delay_ms);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_file_watch_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  McFileWatch *self = MC_FILE_WATCH (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      if (g_value_get_object (value) != NULL)
        mc_file_watch_set_board (self, g_value_get_object (value));
      break;

    case PROP_DELAY:
      mc_file_watch_set_delay (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_file_watch_class_init (McFileWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_file_watch_dispose;
  object_class->finalize = mc_file_watch_finalize;
  object_class->get_property = mc_file_watch_get_property;
  object_class->set_property = mc_file_watch_set_property;

  /* Set once (construction, or mc_file_watch_new_with_known()). */
  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL, MC_TYPE_BOARD,
                         G_PARAM_READWRITE |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       MC_TYPE_FILE_WATCH_STATE, MC_FILE_WATCH_UNCHANGED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, 60000, MC_FILE_WATCH_DEFAULT_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DISK_CHANGED] =
    g_signal_new ("disk-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MC_TYPE_FILE_WATCH_STATE);
}

static void
mc_file_watch_init (McFileWatch *self)
{
  const char *env = g_getenv ("MC_FILE_WATCH_DELAY_MS");
  guint64 delay;

  self->delay_ms = MC_FILE_WATCH_DEFAULT_DELAY_MS;
  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 0, 60000, &delay, NULL))
    self->delay_ms = (guint) delay;
}
