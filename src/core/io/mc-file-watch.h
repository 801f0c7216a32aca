/* mc-file-watch.h — noticing when a board's file changes on disk
 *
 * A McFileWatch follows one board's file (it moves along when Save As gives
 * the board another file) with a GFileMonitor. Change events come in bursts
 * (a sync client writes, renames, touches attributes), so they are debounced
 * and then decided by looking at the bytes on disk, not at the events:
 *
 *  - the bytes we last loaded, saved or accepted (the "known" version), or
 *    exactly what the board would write now: ours, nothing to say. That is
 *    how our own atomic saves (a temporary file renamed over the target)
 *    never count as someone else's change;
 *  - other bytes: changed by another program (MC_FILE_WATCH_CHANGED);
 *  - no file: removed or moved away (MC_FILE_WATCH_REMOVED).
 *
 * The known version is kept so a merge can use it as the common base: a
 * note changed only on disk then simply takes that change.
 */
#pragma once

#include <gio/gio.h>
#include "mc-board.h"
#include "mc-clock.h"

G_BEGIN_DECLS

/* Debounce after the last event (overridable with the environment variable
 * MC_FILE_WATCH_DELAY_MS, for tests). */
#define MC_FILE_WATCH_DEFAULT_DELAY_MS 500
/* A file that keeps changing is still looked at after this many delays. */
#define MC_FILE_WATCH_MAX_POSTPONE     8

typedef enum
{
  MC_FILE_WATCH_UNCHANGED, /* the file holds our version (or there is no file) */
  MC_FILE_WATCH_CHANGED,   /* another program wrote something else */
  MC_FILE_WATCH_REMOVED,   /* the file was deleted or moved away */
} McFileWatchState;

#define MC_TYPE_FILE_WATCH_STATE (mc_file_watch_state_get_type ())
GType mc_file_watch_state_get_type (void) G_GNUC_CONST;

#define MC_TYPE_FILE_WATCH (mc_file_watch_get_type ())
G_DECLARE_FINAL_TYPE (McFileWatch, mc_file_watch, MC, FILE_WATCH, GObject)

/* Signals:
 *   void disk-changed (McFileWatch *watch, McFileWatchState state)
 * once for every new version another program leaves on disk (CHANGED) and
 * when the file goes away (REMOVED); "notify::state" follows every change
 * of state, including back to UNCHANGED. */

/* Starts watching board's file, taking what is on disk now as known. */
McFileWatch      *mc_file_watch_new          (McBoard      *board);
/* Starts watching board's file with known as the known version (NULL: none,
 * so whatever is on disk counts as another program's) without reading the
 * file first; the state is UNCHANGED until the first check. */
McFileWatch      *mc_file_watch_new_with_known (McBoard    *board,
                                              GBytes       *known);
McBoard          *mc_file_watch_get_board    (McFileWatch  *self);
/* The file being watched (the board's), or NULL. Borrowed. */
GFile            *mc_file_watch_get_file     (McFileWatch  *self);
McFileWatchState  mc_file_watch_get_state    (McFileWatch  *self);
guint             mc_file_watch_get_delay    (McFileWatch  *self);  /* ms */
void              mc_file_watch_set_delay    (McFileWatch  *self,
                                              guint         delay_ms);
/* TRUE while events wait for the debounce. */
gboolean          mc_file_watch_get_pending  (McFileWatch  *self);
/* clock NULL restores the monotonic clock. */
void              mc_file_watch_set_clock    (McFileWatch  *self,
                                              McClockFunc   clock,
                                              gpointer      user_data);
/* Reads the clock and, when the debounce is over, looks at the disk in a
 * worker thread (the state and signal follow on the main loop); the
 * watch's own timeout calls it, tests with their own clock call it. */
void              mc_file_watch_update       (McFileWatch  *self);
/* TRUE while such a look at the disk runs. */
gboolean          mc_file_watch_get_reading  (McFileWatch  *self);

/* Looks at the disk now (cancelling a pending debounce) and returns the
 * new state. Call it after a save and before asking whether a save may
 * overwrite the file. A file that cannot be read leaves the state as is. */
McFileWatchState  mc_file_watch_check        (McFileWatch  *self);

/* The board on disk now, and the bytes it was read from (for
 * mc_file_watch_accept() once it has been merged). */
McBoard          *mc_file_watch_load_disk    (McFileWatch  *self,
                                              GBytes      **contents,
                                              GError      **error);
/* The known version as a board (the base of a three-way merge), or NULL
 * when there is none or it does not load. */
McBoard          *mc_file_watch_load_known   (McFileWatch  *self);
/* contents (read by mc_file_watch_load_disk) are now part of the board:
 * they become the known version, and the state is checked again. */
void              mc_file_watch_accept       (McFileWatch  *self,
                                              GBytes       *contents);
/* contents are what we just wrote to the file ourselves: they become the
 * known version and the state UNCHANGED, without reading the disk. */
void              mc_file_watch_set_known    (McFileWatch  *self,
                                              GBytes       *contents);
/* The known version (NULL when there is none), for a save to compare the
 * disk with. */
GBytes           *mc_file_watch_dup_known    (McFileWatch  *self);

G_END_DECLS
