/* mc-time.c — the times a board file stores
 *
 * "YYYY-MM-DDTHH:MM:SSZ" both ways without GDateTime, which costs
 * allocations per call: a large board has two times per note.
 */
#include "config.h"

#include <string.h>

#include "mc-time.h"

static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static void
civil_from_days (gint64  z,
                 gint64 *y,
                 guint  *m,
                 guint  *d)
{
  gint64 era;
  guint doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (guint) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = (gint64) yoe + era * 400 + (*m <= 2);
}

static gboolean
parse_digits (const char *s,
              guint       n,
              guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (guint) (s[i] - '0');
    }

  *value = v;
  return TRUE;
}

static gboolean
parse_date_part (const char *s,
                 guint      *year,
                 guint      *month,
                 guint      *day)
{
  return parse_digits (s, 4, year) && s[4] == '-' &&
         parse_digits (s + 5, 2, month) && s[7] == '-' &&
         parse_digits (s + 8, 2, day) &&
         *year >= 1 && g_date_valid_dmy (*day, *month, *year);
}

gboolean
mc_time_parse (const char *str,
               gint64     *usec)
{
  guint year, month, day, hour, minute, second;
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;
  gint64 secs;

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (usec != NULL, FALSE);

  if (strlen (str) == 20 &&
      parse_date_part (str, &year, &month, &day) && str[10] == 'T' &&
      parse_digits (str + 11, 2, &hour) && str[13] == ':' &&
      parse_digits (str + 14, 2, &minute) && str[16] == ':' &&
      parse_digits (str + 17, 2, &second) && str[19] == 'Z')
    {
      if (hour > 23 || minute > 59 || second > 59)
        return FALSE;
      *usec = ((days_from_civil (year, month, day) * 24 + hour) * 60 + minute) * 60 + second;
      *usec *= G_USEC_PER_SEC;
      return TRUE;
    }

  /* Offsets and fractions are ISO 8601 too; seconds are what we keep. An
   * offset can carry 9999-12-31T23:00:00-05:00 past year 9999 in UTC,
   * where the file has no way to write it. */
  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (str, utc);
  if (dt == NULL)
    return FALSE;

  secs = g_date_time_to_unix (dt);
  if (secs < MC_TIME_MIN / G_USEC_PER_SEC || secs > MC_TIME_MAX / G_USEC_PER_SEC)
    return FALSE;
  *usec = secs * G_USEC_PER_SEC;
  return TRUE;
}

gboolean
mc_time_is_iso_date (const char *str)
{
  guint year, month, day;
  gint64 usec;

  g_return_val_if_fail (str != NULL, FALSE);

  if (strlen (str) == 10)
    return parse_date_part (str, &year, &month, &day);

  return mc_time_parse (str, &usec);
}

gint64
mc_time_clamp (gint64 usec)
{
  return CLAMP (usec, MC_TIME_MIN, MC_TIME_MAX);
}

void
mc_time_append (GString  *out,
                gint64    usec,
                gboolean  quoted)
{
  gint64 secs, days, rest, year;
  guint month, day;

  usec = mc_time_clamp (usec);
  secs = usec / G_USEC_PER_SEC - (usec % G_USEC_PER_SEC < 0 ? 1 : 0);
  days = secs / 86400 - (secs % 86400 < 0 ? 1 : 0);
  rest = secs - days * 86400;

  civil_from_days (days, &year, &month, &day);
  g_string_append_printf (out, "%s%04" G_GINT64_FORMAT "-%02u-%02uT%02u:%02u:%02uZ%s",
                          quoted ? "\"" : "", year, month, day,
                          (guint) (rest / 3600), (guint) (rest / 60 % 60), (guint) (rest % 60),
                          quoted ? "\"" : "");
}
