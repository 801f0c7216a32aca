/* mc-paste.h — turning pasted plain text into note texts
 *
 * One note per non-empty line: the line is trimmed and a leading list marker
 * ("- ", "* ", "+ ", "• ", "– ", "1. ", "2) ") removed, so a list copied
 * from a document, mail or chat becomes one note per item. Invalid UTF-8 is
 * repaired, not refused.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* At most this many notes from one paste; the rest is dropped (truncated). */
#define MC_PASTE_MAX_NOTES       500
/* Longer lines are cut at a character boundary (same as the file limit). */
#define MC_PASTE_MAX_TEXT_LENGTH (64 * 1024)

/* length -1: text is NUL-terminated. Returns a NULL-terminated array, empty
 * when there is nothing to paste; truncated (nullable) says whether notes
 * or text were cut off by the limits above. */
GStrv mc_paste_parse_text (const char *text,
                           gssize      length,
                           gboolean   *truncated);

G_END_DECLS
