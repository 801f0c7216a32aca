/* mc-time.h — the times a board file stores: whole seconds in UTC
 *
 * A board keeps times as µs since the Unix epoch; the file writes them as
 * "YYYY-MM-DDTHH:MM:SSZ". Only years 1 to 9999 have that form, so a time
 * outside MC_TIME_MIN … MC_TIME_MAX is refused by the loader and clamped
 * by the model.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, in µs since the epoch. */
#define MC_TIME_MIN (G_GINT64_CONSTANT (-62135596800) * G_USEC_PER_SEC)
#define MC_TIME_MAX (G_GINT64_CONSTANT (253402300799) * G_USEC_PER_SEC)

/* "2026-11-22T10:05:00Z" quickly; any other ISO 8601 time (offsets,
 * fractions) through GDateTime. Fractions of a second are dropped. FALSE
 * for text that is no time, and for a time outside MC_TIME_MIN … MAX. */
gboolean  mc_time_parse             (const char *str,
                                     gint64     *usec);
/* "YYYY-MM-DD" with a valid date, or any time mc_time_parse() takes. */
gboolean  mc_time_is_iso_date       (const char *str);
/* Appends "YYYY-MM-DDTHH:MM:SSZ" (quoted when quoted is TRUE); usec is
 * first clamped to MC_TIME_MIN … MC_TIME_MAX. */
void      mc_time_append            (GString    *out,
                                     gint64      usec,
                                     gboolean    quoted);
gint64    mc_time_clamp             (gint64      usec);

G_END_DECLS
