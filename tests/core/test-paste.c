/* test-paste.c — pasted plain text becomes one note per line */
#include "config.h"

#include <string.h>

#include "mc-paste.h"

static void
assert_notes (const char         *text,
              gssize              length,
              const char * const *expected)
{
  g_auto(GStrv) notes = mc_paste_parse_text (text, length, NULL);

  g_assert_nonnull (notes);
  g_assert_cmpstrv (notes, expected);
}

static void
test_lines (void)
{
  assert_notes ("Energiearmoede\nWantrouwen\n\n  Wijkleerlab  \n", -1,
                (const char *[]) { "Energiearmoede", "Wantrouwen", "Wijkleerlab", NULL });
  /* Windows and old Mac line ends */
  assert_notes ("een\r\ntwee\rdrie", -1, (const char *[]) { "een", "twee", "drie", NULL });
  /* Tabs and blanks only: nothing */
  assert_notes ("  \n\t\n", -1, (const char *[]) { NULL });
  assert_notes ("", -1, (const char *[]) { NULL });
  assert_notes (NULL, 0, (const char *[]) { NULL });
}

static void
test_bullets (void)
{
  assert_notes ("- een\n* twee\n+ drie\n\u2022 vier\n\u2013 vijf\n", -1,
                (const char *[]) { "een", "twee", "drie", "vier", "vijf", NULL });
  assert_notes ("1. Context\n2) Interventie\n10. Mechanismen\n", -1,
                (const char *[]) { "Context", "Interventie", "Mechanismen", NULL });
  /* Not list markers: a year, a hyphenated word, a lone dash */
  assert_notes ("2024. was een goed jaar\n-nee\n-\n", -1,
                (const char *[]) { "2024. was een goed jaar", "-nee", NULL });
  /* Only one marker goes: "- - x" keeps the second dash */
  assert_notes ("- - x", -1, (const char *[]) { "- x", NULL });
}

static void
test_invalid_utf8 (void)
{
  const char bad[] = "goed\n\xff\xfe kapot\nook\0verborgen\n";
  g_auto(GStrv) notes = mc_paste_parse_text (bad, sizeof bad - 1, NULL);

  g_assert_cmpuint (g_strv_length (notes), ==, 3);
  g_assert_cmpstr (notes[0], ==, "goed");
  for (guint i = 0; notes[i] != NULL; i++)
    g_assert_true (g_utf8_validate (notes[i], -1, NULL));
  /* The NUL did not end the paste early. */
  g_assert_nonnull (strstr (notes[2], "verborgen"));
}

static void
test_limits (void)
{
  g_autoptr(GString) many = g_string_new (NULL);
  g_autofree char *long_line = NULL;
  g_auto(GStrv) notes = NULL;
  g_auto(GStrv) one = NULL;
  gboolean truncated = TRUE;

  for (guint i = 0; i < MC_PASTE_MAX_NOTES + 10; i++)
    g_string_append_printf (many, "regel %u\n", i);
  notes = mc_paste_parse_text (many->str, many->len, &truncated);
  g_assert_cmpuint (g_strv_length (notes), ==, MC_PASTE_MAX_NOTES);
  g_assert_true (truncated);

  /* A line of multi-byte characters longer than the limit is cut on a
   * character boundary. */
  long_line = g_strnfill (MC_PASTE_MAX_TEXT_LENGTH + 1, 'x');
  long_line[MC_PASTE_MAX_TEXT_LENGTH - 1] = '\xc3';
  long_line[MC_PASTE_MAX_TEXT_LENGTH] = '\xa9';
  one = mc_paste_parse_text (long_line, -1, &truncated);
  g_assert_cmpuint (g_strv_length (one), ==, 1);
  g_assert_true (truncated);
  g_assert_cmpuint (strlen (one[0]), <=, MC_PASTE_MAX_TEXT_LENGTH);
  g_assert_true (g_utf8_validate (one[0], -1, NULL));

  g_clear_pointer (&notes, g_strfreev);
  notes = mc_paste_parse_text ("kort", -1, &truncated);
  g_assert_false (truncated);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/paste/lines", test_lines);
  g_test_add_func ("/mc/paste/bullets", test_bullets);
  g_test_add_func ("/mc/paste/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/mc/paste/limits", test_limits);

  return g_test_run ();
}
