/* fuzz-paste.c — libFuzzer harness for what a paste reads
 *
 * Pasted data is either a board fragment in the file format (loaded with
 * the display name "clipboard") or plain text split into note texts. Both
 * must cope with anything; the notes from plain text must be non-empty,
 * trimmed, valid UTF-8 and within the limits.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "mc-board-io.h"
#include "mc-paste.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = NULL;
  g_auto(GStrv) notes = NULL;
  gboolean truncated = FALSE;
  guint n = 0;

  board = mc_board_load_from_data ((const char *) data, size, "clipboard",
                                   MC_BOARD_LOAD_NONE, &error);
  if (board == NULL && (error == NULL || error->domain != MC_BOARD_ERROR))
    fuzz_fail ("clipboard load failed without a MC_BOARD_ERROR");

  notes = mc_paste_parse_text ((const char *) data, size, &truncated);
  for (n = 0; notes[n] != NULL; n++)
    {
      const char *text = notes[n];
      gsize len = strlen (text);

      if (len == 0)
        fuzz_fail ("empty note from paste");
      if (len > MC_PASTE_MAX_TEXT_LENGTH)
        fuzz_fail ("note over the length limit");
      if (!g_utf8_validate (text, len, NULL))
        fuzz_fail ("invalid UTF-8 from paste");
      if (g_ascii_isspace (text[0]) || g_ascii_isspace (text[len - 1]))
        fuzz_fail ("untrimmed note from paste");
      if (strchr (text, '\n') != NULL || strchr (text, '\r') != NULL)
        fuzz_fail ("line break inside a pasted note");
    }
  if (n > MC_PASTE_MAX_NOTES)
    fuzz_fail ("too many notes from paste");
  return 0;
}
