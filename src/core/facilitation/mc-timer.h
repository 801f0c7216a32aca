/* mc-timer.h — the session countdown shown on the projector
 *
 * A plain countdown with no main loop of its own: the UI calls
 * mc_timer_update() from its frame clock or a timeout, and the timer reads
 * its clock, updates remaining and state, and emits ::finished once when it
 * reaches zero. The clock is injectable so tests can drive time by hand.
 *
 * Signals:
 *   void finished (McTimer *timer)   once per run, when remaining reaches 0
 *   void tick     (McTimer *timer)   from mc_timer_update() while running,
 *                                    when the shown whole second changed
 */
#pragma once

#include "mc-types.h"

G_BEGIN_DECLS

/* Microseconds on a monotonic clock (g_get_monotonic_time by default). */
typedef gint64 (*McTimerClock) (gpointer user_data);

typedef enum
{
  MC_TIMER_IDLE,      /* set up, not started (or reset) */
  MC_TIMER_RUNNING,
  MC_TIMER_PAUSED,
  MC_TIMER_FINISHED,  /* reached zero; stays until reset or a new start */
} McTimerState;

/* The presets the issue names, in minutes; NULL-terminated by 0. */
extern const guint mc_timer_preset_minutes[]; /* 2, 5, 10, 15, 0 */

#define MC_TIMER_DEFAULT_DURATION (5 * 60 * G_USEC_PER_SEC)

#define MC_TYPE_TIMER (mc_timer_get_type ())
G_DECLARE_FINAL_TYPE (McTimer, mc_timer, MC, TIMER, GObject)

McTimer      *mc_timer_new            (void);
/* clock NULL restores the monotonic clock. Set it before starting. */
void          mc_timer_set_clock      (McTimer      *self,
                                       McTimerClock  clock,
                                       gpointer      user_data);

/* µs; at least one second. Changing it resets an idle or finished timer's
 * remaining time; a running or paused timer keeps counting what it has. */
gint64        mc_timer_get_duration   (McTimer      *self);
void          mc_timer_set_duration   (McTimer      *self,
                                       gint64        duration);

McTimerState  mc_timer_get_state      (McTimer      *self);
/* µs left, never negative; current as of the last call into the timer. */
gint64        mc_timer_get_remaining  (McTimer      *self);

/* Starts from the full duration (also after finishing). */
void          mc_timer_start          (McTimer      *self);
void          mc_timer_pause          (McTimer      *self);
void          mc_timer_resume         (McTimer      *self);
/* Pause when running, resume when paused, start otherwise. */
void          mc_timer_toggle         (McTimer      *self);
/* Adds a minute to the time left; a finished timer runs again. */
void          mc_timer_add_minute     (McTimer      *self);
/* Back to idle with the full duration. */
void          mc_timer_reset          (McTimer      *self);
/* Reads the clock; emits ::tick and ::finished as due. */
void          mc_timer_update         (McTimer      *self);

/* "mm:ss" (or "h:mm:ss" from an hour), rounding up so that "0:00" shows
 * only at zero: a countdown at 4.2 s reads "00:05". */
char         *mc_timer_format         (gint64        remaining);

G_END_DECLS
