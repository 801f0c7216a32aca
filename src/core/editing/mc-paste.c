/* mc-paste.c — turning pasted plain text into note texts */
#include "config.h"

#include <string.h>

#include "mc-paste.h"

/* Length in bytes of a list marker at the start of line (plus the blank
 * after it), or 0. */
static gsize
list_marker_length (const char *line)
{
  static const char * const bullets[] = { "- ", "* ", "+ ", "\u2022 ", "\u2013 ", "\u25e6 ", NULL };
  gsize digits = 0;

  for (guint i = 0; bullets[i] != NULL; i++)
    if (g_str_has_prefix (line, bullets[i]))
      return strlen (bullets[i]);

  /* "1. " or "12) ": short numbers only, so "2024. was a good year" stays */
  while (digits < 3 && g_ascii_isdigit (line[digits]))
    digits++;
  if (digits > 0 && (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ')
    return digits + 2;

  return 0;
}

/* Cuts s in place to at most max bytes, at a character boundary. */
static gboolean
cut_to_length (char  *s,
               gsize  max)
{
  const char *end;

  if (strlen (s) <= max)
    return FALSE;
  end = g_utf8_find_prev_char (s, s + max + 1);
  s[end ? end - s : 0] = '\0';
  return TRUE;
}

GStrv
mc_paste_parse_text (const char *text,
                     gssize      length,
                     gboolean   *truncated)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *valid = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean cut = FALSE;
  guint n_notes = 0;

  if (truncated != NULL)
    *truncated = FALSE;
  g_return_val_if_fail (text != NULL || length == 0, g_strv_builder_end (builder));

  if (length < 0)
    length = strlen (text);
  valid = g_utf8_make_valid (text ? text : "", length);
  /* Old Mac and Windows line ends; make_valid already turned NULs into
   * U+FFFD, so the copy is one C string. */
  for (char *p = valid; *p != '\0'; p++)
    if (*p == '\r')
      *p = '\n';

  lines = g_strsplit (valid, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      g_autofree char *with_blank = g_strconcat (line, " ", NULL);
      gsize marker = list_marker_length (line);

      /* A marker with nothing after it ("-", "3.") is an empty item. */
      if (list_marker_length (with_blank) == strlen (with_blank))
        continue;
      if (marker > 0)
        line = g_strchug (line + marker);
      if (*line == '\0')
        continue;

      if (n_notes == MC_PASTE_MAX_NOTES)
        {
          cut = TRUE;
          break;
        }
      cut |= cut_to_length (line, MC_PASTE_MAX_TEXT_LENGTH);
      g_strv_builder_add (builder, line);
      n_notes++;
    }

  if (truncated != NULL)
    *truncated = cut;
  return g_strv_builder_end (builder);
}
