/* mc-timer-widget.h — the session countdown on screen
 *
 * Shows a McTimer as a large "mm:ss" with buttons to start, pause, resume,
 * add a minute and reset, and a menu of lengths (2, 5, 10, 15 minutes or a
 * custom one). At zero it flashes (style class "finished") and, when the
 * "timer-sound" setting is on, plays a short chime through GTK's media API.
 *
 * The widget drives the timer with a timeout while it runs; tests that
 * inject a clock call mc_timer_update() themselves and the label follows.
 *
 * Widget actions (for buttons and tests):
 *   timer.toggle        start, pause or resume
 *   timer.add-minute    one more minute
 *   timer.reset         back to the full length
 *   timer.preset (u)    a new length in minutes, reset
 */
#pragma once

#include <gtk/gtk.h>
#include "mc-timer.h"

G_BEGIN_DECLS

#define MC_TYPE_TIMER_WIDGET (mc_timer_widget_get_type ())
G_DECLARE_FINAL_TYPE (McTimerWidget, mc_timer_widget, MC, TIMER_WIDGET, GtkWidget)

GtkWidget  *mc_timer_widget_new        (McTimer       *timer);

McTimer    *mc_timer_widget_get_timer  (McTimerWidget *self);
void        mc_timer_widget_set_timer  (McTimerWidget *self,
                                        McTimer       *timer);
/* The text shown, "mm:ss". */
const char *mc_timer_widget_get_text   (McTimerWidget *self);
/* Large type for the projector (style class "large"); the controls stay. */
void        mc_timer_widget_set_large  (McTimerWidget *self,
                                        gboolean       large);

/* Type and icons this many times their style sheet's size (the wall scales
 * them with the screen, as its banner). */
void        mc_timer_widget_set_scale  (McTimerWidget *self,
                                        double         scale);

G_END_DECLS
