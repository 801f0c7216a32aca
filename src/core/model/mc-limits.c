/* mc-limits.c — clamping and checking against the board's limits */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mc-board-private.h"
#include "mc-limits.h"

G_DEFINE_QUARK (mc-board-error-quark, mc_board_error)

gsize
mc_limits_text_fit (const char *text,
                    gsize       max_bytes)
{
  gsize len;

  if (text == NULL)
    return 0;

  len = strlen (text);
  if (len <= max_bytes)
    return len;

  /* Back up to the start of a character: continuation bytes are 10xxxxxx. */
  len = max_bytes;
  while (len > 0 && ((guchar) text[len] & 0xc0) == 0x80)
    len--;
  return len;
}

char *
mc_limits_clamp_text (const char *text,
                      gsize       max_bytes)
{
  if (text == NULL)
    return NULL;
  return g_strndup (text, mc_limits_text_fit (text, max_bytes));
}

guint
mc_limits_clamp_votes (gint64 votes)
{
  return (guint) CLAMP (votes, 0, MC_BOARD_MAX_VOTES);
}

double
mc_limits_clamp_coordinate (double v)
{
  if (isnan (v))
    return 0;
  return CLAMP (v, -MC_BOARD_MAX_COORDINATE, MC_BOARD_MAX_COORDINATE);
}

double
mc_limits_clamp_size (double v,
                      double fallback)
{
  if (isnan (v) || v <= 0)
    return fallback;
  return MIN (v, MC_BOARD_MAX_COORDINATE);
}

double
mc_limits_clamp_scale (double v)
{
  if (isnan (v) || v <= 0)
    return 1.0;
  return MIN (v, MC_BOARD_MAX_SCALE);
}

/* What the loader takes as an id: a non-empty line of printable text. */
gboolean
mc_limits_id_is_valid (const char *id)
{
  if (id == NULL || id[0] == '\0' || strlen (id) > MC_BOARD_MAX_ID_LENGTH ||
      !g_utf8_validate (id, -1, NULL))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return FALSE;
  return TRUE;
}

static gboolean
too_long (const char *text,
          gsize       max_bytes)
{
  return text != NULL && strlen (text) > max_bytes;
}

gboolean
mc_limits_check_note_text (const char  *text,
                           GError     **error)
{
  if (!too_long (text, MC_BOARD_MAX_TEXT_LENGTH))
    return TRUE;
  g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE,
               _("The text is %lu bytes long; a note holds at most %d bytes (64 KiB)"),
               (unsigned long) strlen (text), MC_BOARD_MAX_TEXT_LENGTH);
  return FALSE;
}

gboolean
mc_limits_check_label (const char  *label,
                       GError     **error)
{
  gsize len = label != NULL ? strlen (label) : 0;

  if (len <= MC_BOARD_MAX_LABEL_LENGTH)
    return TRUE;
  g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE,
               _("The label is %lu bytes long; a cluster label holds at most %d"),
               (unsigned long) len, MC_BOARD_MAX_LABEL_LENGTH);
  return FALSE;
}

gboolean
mc_limits_check_votes (gint64   votes,
                       GError **error)
{
  if (votes >= 0 && votes <= MC_BOARD_MAX_VOTES)
    return TRUE;
  g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE,
               _("A note has %lld votes; a note holds from 0 to %d"),
               (long long) votes, MC_BOARD_MAX_VOTES);
  return FALSE;
}

gboolean
mc_limits_check_meta (const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_return_val_if_fail (key != NULL, FALSE);

  if (too_long (value, MC_BOARD_MAX_TEXT_LENGTH))
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE,
                   _("The board detail “%s” is longer than a board holds"), key);
      return FALSE;
    }
  if (strcmp (key, MC_META_DATE) == 0 && value != NULL && value[0] != '\0' &&
      !mc_time_is_iso_date (value))
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_INVALID,
                   _("“%s” is not a date such as “2026-11-22”"), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
coordinate_ok (double v)
{
  return isfinite (v) && fabs (v) <= MC_BOARD_MAX_COORDINATE;
}

static gboolean
size_ok (double v,
         double max)
{
  return isfinite (v) && v > 0 && v <= max;
}

static gboolean
time_ok (gint64 usec)
{
  return usec >= MC_TIME_MIN && usec <= MC_TIME_MAX;
}

static gboolean G_GNUC_PRINTF (2, 3)
fail_item (GError     **error,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE, message);
  return FALSE;
}

static gboolean
check_note (McNote  *note,
            GError **error)
{
  if (too_long (note->text, MC_BOARD_MAX_TEXT_LENGTH))
    return fail_item (error, _("Note “%s”: the text is longer than a note holds"), note->id);
  if (too_long (note->author, MC_BOARD_MAX_TEXT_LENGTH))
    return fail_item (error, _("Note “%s”: the author is longer than a note holds"), note->id);
  if (note->votes > MC_BOARD_MAX_VOTES)
    return fail_item (error, _("Note “%s”: more votes than a note holds"), note->id);
  if (!coordinate_ok (note->rect.x) || !coordinate_ok (note->rect.y) ||
      !size_ok (note->rect.width, MC_BOARD_MAX_COORDINATE) ||
      !size_ok (note->rect.height, MC_BOARD_MAX_COORDINATE))
    return fail_item (error, _("Note “%s”: the position or size is out of range"), note->id);
  if (!time_ok (note->created) || !time_ok (note->modified))
    return fail_item (error, _("Note “%s”: a time is outside the years 1 to 9999"), note->id);
  return TRUE;
}

gboolean
mc_limits_check_board (McBoard  *board,
                       GError  **error)
{
  GPtrArray *notes, *figures, *clusters;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (MC_IS_BOARD (board), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  notes = mc_board_get_notes (board);
  figures = mc_board_get_figures (board);
  clusters = mc_board_get_clusters (board);

  if (notes->len > MC_BOARD_MAX_NOTES || clusters->len > MC_BOARD_MAX_NOTES)
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE,
                   _("The board has %u notes and %u clusters; a board holds at most %d of each"),
                   notes->len, clusters->len, MC_BOARD_MAX_NOTES);
      return FALSE;
    }
  if (figures->len > MC_BOARD_MAX_FIGURES)
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE,
                   _("The board has %u figures; a board holds at most %d"),
                   figures->len, MC_BOARD_MAX_FIGURES);
      return FALSE;
    }
  if (too_long (mc_board_get_title (board), MC_BOARD_MAX_TEXT_LENGTH))
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE,
                   _("The title is longer than a board holds"));
      return FALSE;
    }

  g_hash_table_iter_init (&iter, _mc_board_get_meta_table (board));
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!mc_limits_check_meta (key, value, error))
      return FALSE;

  for (guint i = 0; i < notes->len; i++)
    if (!check_note (g_ptr_array_index (notes, i), error))
      return FALSE;

  for (guint i = 0; i < figures->len; i++)
    {
      McFigure *figure = g_ptr_array_index (figures, i);

      if (!coordinate_ok (figure->x) || !coordinate_ok (figure->y) ||
          !size_ok (figure->scale, MC_BOARD_MAX_SCALE))
        return fail_item (error, _("Figure “%s”: the position or scale is out of range"),
                          figure->id);
    }

  for (guint i = 0; i < clusters->len; i++)
    {
      McCluster *cluster = g_ptr_array_index (clusters, i);

      if (strlen (cluster->label) > MC_BOARD_MAX_LABEL_LENGTH)
        return fail_item (error, _("Cluster “%s”: the label is longer than a cluster holds"),
                          cluster->id);
    }

  return TRUE;
}
