/* catalog-fixture.c — what catalog-fixture.h declares */
#include "config.h"

#include <string.h>

#include "catalog-fixture.h"

void
assert_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (strlen (text), >, 0);
  /* No leftovers of the PDF extraction: hyphenated breaks or double spaces. */
  g_assert_null (strstr (text, "-\n"));
  g_assert_null (strstr (text, "  "));
  g_assert_true (!g_ascii_isspace (text[0]));
  g_assert_true (!g_ascii_isspace (text[strlen (text) - 1]));
}
