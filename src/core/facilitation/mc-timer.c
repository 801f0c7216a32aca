/* mc-timer.c — the session countdown */
#include "config.h"

#include "mc-timer.h"

const guint mc_timer_preset_minutes[] = { 2, 5, 10, 15, 0 };

struct _McTimer
{
  GObject       parent_instance;

  McTimerClock  clock;
  gpointer      clock_data;

  gint64        duration;
  McTimerState  state;
  /* Running: the clock time at which the countdown reaches zero. Otherwise
   * remaining holds the time left. */
  gint64        deadline;
  gint64        remaining;
  gint64        shown_second;   /* last whole second ::tick announced */
};

enum {
  PROP_0,
  PROP_DURATION,
  PROP_STATE,
  PROP_REMAINING,
  N_PROPS
};

enum {
  FINISHED,
  TICK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (McTimer, mc_timer, G_TYPE_OBJECT)

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gint64
now (McTimer *self)
{
  return self->clock (self->clock_data);
}

static void
set_state (McTimer      *self,
           McTimerState  state)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
set_remaining (McTimer *self,
               gint64   remaining)
{
  remaining = MAX (remaining, 0);
  if (self->remaining != remaining)
    {
      self->remaining = remaining;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
    }
}

static gint64
whole_seconds_up (gint64 usec)
{
  return (usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
}

static void
mc_timer_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  McTimer *self = MC_TIMER (object);

  switch (prop_id)
    {
    case PROP_DURATION:
      g_value_set_int64 (value, self->duration);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_REMAINING:
      g_value_set_int64 (value, self->remaining);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_timer_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  McTimer *self = MC_TIMER (object);

  switch (prop_id)
    {
    case PROP_DURATION:
      mc_timer_set_duration (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_timer_class_init (McTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = mc_timer_get_property;
  object_class->set_property = mc_timer_set_property;

  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL, G_USEC_PER_SEC, G_MAXINT64,
                        MC_TIMER_DEFAULT_DURATION,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* An McTimerState; a plain int spares a registered enum type for four values. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, MC_TIMER_IDLE, MC_TIMER_FINISHED, MC_TIMER_IDLE, ro);
  properties[PROP_REMAINING] =
    g_param_spec_int64 ("remaining", NULL, NULL, 0, G_MAXINT64, MC_TIMER_DEFAULT_DURATION, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[TICK] = g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mc_timer_init (McTimer *self)
{
  self->clock = monotonic_clock;
  self->duration = MC_TIMER_DEFAULT_DURATION;
  self->remaining = self->duration;
  self->state = MC_TIMER_IDLE;
  self->shown_second = whole_seconds_up (self->remaining);
}

McTimer *
mc_timer_new (void)
{
  return g_object_new (MC_TYPE_TIMER, NULL);
}

void
mc_timer_set_clock (McTimer      *self,
                    McTimerClock  clock,
                    gpointer      user_data)
{
  g_return_if_fail (MC_IS_TIMER (self));

  self->clock = clock != NULL ? clock : monotonic_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

gint64
mc_timer_get_duration (McTimer *self)
{
  g_return_val_if_fail (MC_IS_TIMER (self), 0);
  return self->duration;
}

void
mc_timer_set_duration (McTimer *self,
                       gint64   duration)
{
  g_return_if_fail (MC_IS_TIMER (self));
  g_return_if_fail (duration >= G_USEC_PER_SEC);

  if (self->duration == duration)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->duration = duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
  if (self->state == MC_TIMER_IDLE || self->state == MC_TIMER_FINISHED)
    {
      set_state (self, MC_TIMER_IDLE);
      set_remaining (self, duration);
      self->shown_second = whole_seconds_up (duration);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

McTimerState
mc_timer_get_state (McTimer *self)
{
  g_return_val_if_fail (MC_IS_TIMER (self), MC_TIMER_IDLE);
  return self->state;
}

gint64
mc_timer_get_remaining (McTimer *self)
{
  g_return_val_if_fail (MC_IS_TIMER (self), 0);
  return self->remaining;
}

void
mc_timer_start (McTimer *self)
{
  g_return_if_fail (MC_IS_TIMER (self));

  g_object_freeze_notify (G_OBJECT (self));
  self->deadline = now (self) + self->duration;
  set_remaining (self, self->duration);
  self->shown_second = whole_seconds_up (self->duration);
  set_state (self, MC_TIMER_RUNNING);
  g_object_thaw_notify (G_OBJECT (self));
}

void
mc_timer_pause (McTimer *self)
{
  g_return_if_fail (MC_IS_TIMER (self));

  if (self->state != MC_TIMER_RUNNING)
    return;

  /* Time up to the pause counts; reaching zero on the way finishes. */
  mc_timer_update (self);
  if (self->state != MC_TIMER_RUNNING)
    return;
  set_state (self, MC_TIMER_PAUSED);
}

void
mc_timer_resume (McTimer *self)
{
  g_return_if_fail (MC_IS_TIMER (self));

  if (self->state != MC_TIMER_PAUSED)
    return;

  self->deadline = now (self) + self->remaining;
  set_state (self, MC_TIMER_RUNNING);
}

void
mc_timer_toggle (McTimer *self)
{
  g_return_if_fail (MC_IS_TIMER (self));

  switch (self->state)
    {
    case MC_TIMER_RUNNING:
      mc_timer_pause (self);
      break;
    case MC_TIMER_PAUSED:
      mc_timer_resume (self);
      break;
    case MC_TIMER_IDLE:
    case MC_TIMER_FINISHED:
    default:
      mc_timer_start (self);
      break;
    }
}

void
mc_timer_add_minute (McTimer *self)
{
  const gint64 minute = 60 * G_USEC_PER_SEC;

  g_return_if_fail (MC_IS_TIMER (self));

  g_object_freeze_notify (G_OBJECT (self));
  switch (self->state)
    {
    case MC_TIMER_RUNNING:
      mc_timer_update (self);
      if (self->state == MC_TIMER_RUNNING)
        {
          self->deadline += minute;
          set_remaining (self, self->remaining + minute);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case MC_TIMER_FINISHED:
      /* "One more minute" after the bell: count that minute down. */
      self->deadline = now (self) + minute;
      set_remaining (self, minute);
      set_state (self, MC_TIMER_RUNNING);
      break;
    case MC_TIMER_PAUSED:
    case MC_TIMER_IDLE:
    default:
      set_remaining (self, self->remaining + minute);
      break;
    }
  self->shown_second = whole_seconds_up (self->remaining);
  g_object_thaw_notify (G_OBJECT (self));
}

void
mc_timer_reset (McTimer *self)
{
  g_return_if_fail (MC_IS_TIMER (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_state (self, MC_TIMER_IDLE);
  set_remaining (self, self->duration);
  self->shown_second = whole_seconds_up (self->duration);
  g_object_thaw_notify (G_OBJECT (self));
}

void
mc_timer_update (McTimer *self)
{
  gint64 second;

  g_return_if_fail (MC_IS_TIMER (self));

  if (self->state != MC_TIMER_RUNNING)
    return;

  g_object_ref (self);
  g_object_freeze_notify (G_OBJECT (self));
  set_remaining (self, self->deadline - now (self));
  if (self->remaining == 0)
    set_state (self, MC_TIMER_FINISHED);
  g_object_thaw_notify (G_OBJECT (self));

  second = whole_seconds_up (self->remaining);
  if (second != self->shown_second)
    {
      self->shown_second = second;
      g_signal_emit (self, signals[TICK], 0);
    }
  /* The state left RUNNING just now, so this fires once per run. */
  if (self->state == MC_TIMER_FINISHED)
    g_signal_emit (self, signals[FINISHED], 0);
  g_object_unref (self);
}

char *
mc_timer_format (gint64 remaining)
{
  gint64 seconds = whole_seconds_up (MAX (remaining, 0));

  if (seconds >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}
