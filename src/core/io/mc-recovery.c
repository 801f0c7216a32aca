/* mc-recovery.c — the recovery copies autosave leaves: listing, loading
 * and discarding them after a crash (see mc-autosave.c for the writing)
 */
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
#include "mc-command.h"
#include "mc-history.h"

struct _McRecoveryEntry
{
  gatomicrefcount  ref_count;
  char            *session_id;
  char            *title;
  char            *original_uri;
  char            *path;
  char            *base_checksum;
  gint64           time;
  guint            n_notes;
};

G_DEFINE_BOXED_TYPE (McRecoveryEntry, mc_recovery_entry,
                     mc_recovery_entry_ref, mc_recovery_entry_unref)

McRecoveryEntry *
mc_recovery_entry_ref (McRecoveryEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  g_atomic_ref_count_inc (&entry->ref_count);
  return entry;
}

void
mc_recovery_entry_unref (McRecoveryEntry *entry)
{
  g_return_if_fail (entry != NULL);

  if (!g_atomic_ref_count_dec (&entry->ref_count))
    return;
  g_free (entry->session_id);
  g_free (entry->title);
  g_free (entry->original_uri);
  g_free (entry->path);
  g_free (entry->base_checksum);
  g_free (entry);
}

const char *
mc_recovery_entry_get_session_id (McRecoveryEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->session_id;
}

const char *
mc_recovery_entry_get_title (McRecoveryEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->title;
}

const char *
mc_recovery_entry_get_original_uri (McRecoveryEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->original_uri;
}

const char *
mc_recovery_entry_get_path (McRecoveryEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->path;
}

gint64
mc_recovery_entry_get_time (McRecoveryEntry *entry)
{
  g_return_val_if_fail (entry != NULL, 0);
  return entry->time;
}

const char *
mc_recovery_entry_get_base_checksum (McRecoveryEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->base_checksum;
}

guint
mc_recovery_entry_get_n_notes (McRecoveryEntry *entry)
{
  g_return_val_if_fail (entry != NULL, 0);
  return entry->n_notes;
}

/* TRUE when nobody holds the session's lock (or there is none). */
static gboolean
writer_is_gone (const char *session_id)
{
  g_autofree char *path = _mc_autosave_session_path (session_id, ".lock");
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  gboolean gone;

  if (fd < 0)
    return errno == ENOENT;

  gone = flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd); /* releases the probe's lock too */
  return gone;
}

static McRecoveryEntry *
read_entry (const char *dir,
            const char *sidecar_name)
{
  g_autofree char *session_id = g_strndup (sidecar_name, strlen (sidecar_name) - strlen (".json"));
  g_autofree char *sidecar_path = g_build_filename (dir, sidecar_name, NULL);
  g_autofree char *data_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) time = NULL;
  McRecoveryEntry *entry;
  JsonObject *object;
  JsonNode *root;
  const char *original;
  const char *base;

  if (!_mc_autosave_session_id_is_valid (session_id))
    return NULL;
  data_path = _mc_autosave_session_path (session_id, ".missiecanvas");
  if (!g_file_test (data_path, G_FILE_TEST_IS_REGULAR) ||
      !json_parser_load_from_file (parser, sidecar_path, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "format", ""),
                 RECOVERY_FORMAT) != 0)
    return NULL;

  if (!writer_is_gone (session_id))
    return NULL;

  entry = g_new0 (McRecoveryEntry, 1);
  g_atomic_ref_count_init (&entry->ref_count);
  entry->session_id = g_steal_pointer (&session_id);
  entry->path = g_steal_pointer (&data_path);
  entry->title = g_strdup (json_object_get_string_member_with_default (object, "title", ""));
  original = json_object_get_string_member_with_default (object, "original", NULL);
  entry->original_uri = original && *original ? g_strdup (original) : NULL;
  base = json_object_get_string_member_with_default (object, "base_sha256", NULL);
  entry->base_checksum = base && *base ? g_strdup (base) : NULL;
  entry->n_notes = (guint) CLAMP (json_object_get_int_member_with_default (object, "notes", 0),
                                  0, G_MAXUINT);
  time = g_date_time_new_from_iso8601 (json_object_get_string_member_with_default (object, "time", ""),
                                       NULL);
  entry->time = time ? g_date_time_to_unix (time) * G_USEC_PER_SEC : 0;
  return entry;
}

static gint
compare_entries_newest_first (gconstpointer a,
                              gconstpointer b)
{
  McRecoveryEntry *ea = *(McRecoveryEntry **) a;
  McRecoveryEntry *eb = *(McRecoveryEntry **) b;

  if (ea->time != eb->time)
    return ea->time > eb->time ? -1 : 1;
  return g_strcmp0 (ea->session_id, eb->session_id);
}

GPtrArray *
mc_autosave_list_recoverable (void)
{
  g_autofree char *dir_path = mc_autosave_dup_recovery_dir ();
  g_autoptr(GDir) dir = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_recovery_entry_unref);
  const char *name;

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return entries;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      McRecoveryEntry *entry;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      if ((entry = read_entry (dir_path, name)) != NULL)
        g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_entries_newest_first);
  return entries;
}

/* The loader gives an unmodified board; a recovered one must ask to be
 * saved. With only public API: two edits that cancel out, then clearing the
 * history, which keeps "modified" and leaves nothing to undo. */
static void
mark_unsaved (McBoard *board)
{
  const char *key = "mc-recovered";

  if (mc_board_get_meta (board, key) != NULL)
    key = "mc-recovered-2";
  mc_board_execute (board, mc_command_set_meta (board, key, "1"));
  mc_board_execute (board, mc_command_set_meta (board, key, NULL));
  mc_history_clear (mc_board_get_history (board));
}

McBoard *
mc_recovery_entry_load (McRecoveryEntry  *entry,
                        GError          **error)
{
  g_autoptr(GFile) copy = NULL;
  g_autoptr(McBoard) board = NULL;

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = g_file_new_for_path (entry->path);
  board = mc_board_load_from_file (copy, MC_BOARD_LOAD_ALLOW_NEWER, error);
  if (board == NULL)
    return NULL;

  if (!mc_board_get_read_only (board))
    mark_unsaved (board);
  if (entry->original_uri != NULL)
    {
      g_autoptr(GFile) original = g_file_new_for_uri (entry->original_uri);

      mc_board_set_file (board, original);
    }
  else
    mc_board_set_file (board, NULL);

  return g_steal_pointer (&board);
}

gboolean
mc_recovery_entry_discard (McRecoveryEntry  *entry,
                           GError          **error)
{
  g_autofree char *sidecar = NULL;
  g_autofree char *lock = NULL;

  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sidecar = _mc_autosave_session_path (entry->session_id, ".json");
  lock = _mc_autosave_session_path (entry->session_id, ".lock");

  if ((g_unlink (sidecar) != 0 && errno != ENOENT) ||
      (g_unlink (entry->path) != 0 && errno != ENOENT))
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not remove the recovery copy %s: %s"),
                   entry->path, g_strerror (saved_errno));
      return FALSE;
    }
  g_unlink (lock);
  return TRUE;
}
