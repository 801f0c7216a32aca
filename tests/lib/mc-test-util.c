/* mc-test-util.c — helpers shared by the tests */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mc-test-util.h"

char *
mc_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

gboolean
mc_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  gboolean ok = TRUE;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return TRUE;

  /* Tests make folders read-only to provoke failures; undo that first. */
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        ok = mc_test_remove_tree (child) && ok;
      else
        ok = g_unlink (child) == 0 && ok;
    }

  return g_rmdir (path) == 0 && ok;
}

guint
mc_test_count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

void
mc_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
mc_test_wait_until (McTestCondition condition,
                    gpointer        data,
                    const char     *what)
{
  const char *multiplier = g_getenv ("MC_TEST_TIMEOUT_MULTIPLIER");
  gint64 limit = 60 * G_USEC_PER_SEC * (multiplier ? MAX (1, atoi (multiplier)) : 1);
  gint64 deadline = g_get_monotonic_time () + limit;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      /* Wakes at least every 10 ms, so conditions that only a clock or
       * another process changes are seen without a source of their own. */
      if (!g_main_context_pending (NULL))
        {
          gboolean done = FALSE;
          guint id = g_timeout_add (10, on_timeout, &done);

          while (!done && !condition (data))
            g_main_context_iteration (NULL, TRUE);
          if (!done)
            g_source_remove (id);
        }
      else
        g_main_context_iteration (NULL, FALSE);
    }
}

char *
mc_test_isolate_xdg (void)
{
  char *xdg = mc_test_make_tmp_dir ("mc-test-xdg-XXXXXX");

  g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  g_setenv ("XDG_STATE_HOME", xdg, TRUE);
  g_setenv ("XDG_CACHE_HOME", xdg, TRUE);
  g_setenv ("XDG_CONFIG_HOME", xdg, TRUE);
  return xdg;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GHashTable *counts)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  /* pspec->name is interned: it outlives the table. */
  g_hash_table_insert (counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static void
release_counts (gpointer  counts,
                GClosure *closure)
{
  g_hash_table_unref (counts);
}

GHashTable *
mc_test_watch_notifies (gpointer object)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);

  g_signal_connect_data (object, "notify", G_CALLBACK (on_notify),
                         g_hash_table_ref (counts), release_counts, 0);
  return counts;
}

guint
mc_test_notify_count (GHashTable *counts,
                      const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

void
mc_test_init_keep_going (int    *argc,
                         char ***argv)
{
  /* g_test_init() may keep pointers into argv: the copy lives as long as
   * the program. */
  static char **args;

  g_assert_null (args);
  args = g_new0 (char *, *argc + 2);
  memcpy (args, *argv, sizeof (char *) * *argc);
  args[(*argc)++] = (char *) "--keep-going";
  *argv = args;

  g_test_init (argc, argv, NULL);
}

char *
mc_test_squash_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space && out->len > 0 && out->str[out->len - 1] != '-' &&
              out->str[out->len - 1] != '/')
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

char *
mc_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return mc_test_squash_text (out);
}
