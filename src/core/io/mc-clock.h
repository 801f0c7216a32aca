/* mc-clock.h — an injectable clock for the io layer's debounces
 *
 * Autosave and the file watch decide "is it time yet?" by reading a clock
 * rather than by trusting that a timeout fired on time, so tests can set
 * the time by hand and call their update function: no test waits on real
 * time to pass. (McTimer in facilitation has the same pattern.)
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Microseconds on a monotonic clock (g_get_monotonic_time by default). */
typedef gint64 (*McClockFunc) (gpointer user_data);

G_END_DECLS
