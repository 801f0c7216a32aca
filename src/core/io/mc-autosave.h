/* mc-autosave.h — autosave of unsaved boards and recovery after a crash
 *
 * Every board with unsaved changes, saved before or never, is written a few
 * seconds after each burst of changes into
 *   g_get_user_state_dir()/missiecanvas/recovery/
 * as SESSION.missiecanvas (the board) and SESSION.json (title, original
 * file, time, note count), atomically and never over the user's own file.
 * SESSION.lock is held with flock() while the writer lives, so a recovery
 * file whose lock is free belongs to a process that is gone: that is what
 * mc_autosave_list_recoverable() offers. The copy is removed when the board
 * is saved (modified goes FALSE) or explicitly discarded, and kept otherwise.
 */
#pragma once

#include <gio/gio.h>
#include "mc-board.h"
#include "mc-clock.h"

G_BEGIN_DECLS

/* The longest a change waits for its copy: the copy is written this long
 * after the first change not yet in it, however steady the editing goes
 * on (overridable with the environment variable MC_AUTOSAVE_INTERVAL_MS). */
#define MC_AUTOSAVE_DEFAULT_INTERVAL_MS 3000

#define MC_TYPE_AUTOSAVE (mc_autosave_get_type ())
G_DECLARE_FINAL_TYPE (McAutosave, mc_autosave, MC, AUTOSAVE, GObject)

/* Autosaves board (McDocument owns one per board). session_id continues
 * a recovery copy (mc_recovery_entry_get_session_id()); NULL starts a new
 * one. A board with unsaved changes gets its copy after one interval. */
McAutosave   *mc_autosave_new               (McBoard     *board,
                                             const char  *session_id);

McBoard      *mc_autosave_get_board         (McAutosave  *self);
const char   *mc_autosave_get_session_id    (McAutosave  *self);
guint         mc_autosave_get_interval      (McAutosave  *self);  /* ms */
void          mc_autosave_set_interval      (McAutosave  *self,
                                             guint        interval_ms);
/* TRUE while changes wait to be written. */
gboolean      mc_autosave_get_pending       (McAutosave  *self);
/* TRUE while a copy is being written in the background. */
gboolean      mc_autosave_get_writing       (McAutosave  *self);
/* clock NULL restores the monotonic clock. */
void          mc_autosave_set_clock         (McAutosave  *self,
                                             McClockFunc  clock,
                                             gpointer     user_data);
/* Reads the clock and starts the write (in a worker thread) when it is
 * due; the autosave's own timeout calls it, tests with a clock too. */
void          mc_autosave_update            (McAutosave  *self);
/* SHA-256 (hex) of the file's bytes the unsaved edits started from, kept
 * in the copy's sidecar; NULL when the board has no file. */
void          mc_autosave_set_base_checksum (McAutosave  *self,
                                             const char  *checksum);
const char   *mc_autosave_get_base_checksum (McAutosave  *self);
/* The recovery copy of the board (it may not exist yet). */
GFile        *mc_autosave_dup_file          (McAutosave  *self);
/* Writes now, on this thread, if the board has unsaved changes; removes
 * the copy if not. */
gboolean      mc_autosave_flush             (McAutosave  *self,
                                             GError     **error);
/* The person threw the changes away: remove the copy and stop. */
void          mc_autosave_discard           (McAutosave  *self);

/* The directory recovery copies live in (created on demand). */
char         *mc_autosave_dup_recovery_dir  (void);

/* One recovery copy left behind by a process that is gone. */
typedef struct _McRecoveryEntry McRecoveryEntry;

#define MC_TYPE_RECOVERY_ENTRY (mc_recovery_entry_get_type ())
GType             mc_recovery_entry_get_type        (void) G_GNUC_CONST;
McRecoveryEntry  *mc_recovery_entry_ref             (McRecoveryEntry *entry);
void              mc_recovery_entry_unref           (McRecoveryEntry *entry);
const char       *mc_recovery_entry_get_session_id  (McRecoveryEntry *entry);
const char       *mc_recovery_entry_get_title       (McRecoveryEntry *entry);  /* may be "" */
/* The board's own file when it had one, else NULL. */
const char       *mc_recovery_entry_get_original_uri (McRecoveryEntry *entry);
const char       *mc_recovery_entry_get_path        (McRecoveryEntry *entry);  /* the copy */
gint64            mc_recovery_entry_get_time        (McRecoveryEntry *entry);  /* µs, UTC */
guint             mc_recovery_entry_get_n_notes     (McRecoveryEntry *entry);
/* What the original file held when the edits started (SHA-256, hex), or
 * NULL when unknown. */
const char       *mc_recovery_entry_get_base_checksum (McRecoveryEntry *entry);
/* Loads the copy: the board's file is the original (if any) and it counts
 * as modified, so the person is asked to save. An autosave made with the
 * entry's session id takes over the copy (mc_document_new_recovered()). */
McBoard          *mc_recovery_entry_load            (McRecoveryEntry *entry,
                                                     GError         **error);
/* Removes the copy (the person chose not to recover it). */
gboolean          mc_recovery_entry_discard         (McRecoveryEntry *entry,
                                                     GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McRecoveryEntry, mc_recovery_entry_unref)

/* Recovery copies whose writer is gone, newest first (of McRecoveryEntry*).
 * Sidecars that cannot be read are skipped; copies are never deleted here. */
GPtrArray        *mc_autosave_list_recoverable      (void);

G_END_DECLS
