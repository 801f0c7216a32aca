/* mc-test-util.h — helpers shared by the tests: temporary folders, the
 * main loop, an environment of their own, counting notifications
 *
 * GLib and GObject only, so every test (core and app) links it.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A new empty folder under the system's temporary folder; tmpl as for
 * g_dir_make_tmp() ("mc-xyz-XXXXXX"). Fails the test if it cannot. */
char    *mc_test_make_tmp_dir  (const char *tmpl);

/* Removes path and everything below it, making read-only folders writable
 * first and never following symbolic links. TRUE when all of it is gone
 * (or was never there). */
gboolean mc_test_remove_tree   (const char *path);

/* The number of entries in the folder path; 0 when there is no such folder. */
guint    mc_test_count_files   (const char *path);

/* Dispatches whatever is ready in the default main context, without
 * waiting. */
void     mc_test_spin          (void);

typedef gboolean (*McTestCondition) (gpointer data);

/* Runs the main loop until condition (data) holds. Waits on the condition,
 * not on a time: the deadline (60 s, times MC_TEST_TIMEOUT_MULTIPLIER) only
 * turns a hang into a failure naming what, and never passes a slow run. */
void     mc_test_wait_until    (McTestCondition condition,
                                gpointer        data,
                                const char     *what);

/* Points XDG_DATA_HOME, XDG_STATE_HOME, XDG_CACHE_HOME and XDG_CONFIG_HOME
 * at one new temporary folder, so recovery files, recent lists and caches
 * of tests stay out of the home folder. Returns the folder; call before
 * anything reads those variables. */
char    *mc_test_isolate_xdg   (void);

/* g_test_init() with --keep-going added to the arguments, for tests that
 * check every figure kind: one run reports every failing kind rather than
 * the first. */
void     mc_test_init_keep_going (int    *argc,
                                  char ***argv);

/* Counts the "notify" emissions of object by property name from now on.
 * Returns the counts (property name → count, read with
 * mc_test_notify_count()); unref it when done, the connection keeps its
 * own reference for as long as object lives. */
GHashTable *mc_test_watch_notifies (gpointer    object);

/* How often property name was notified since mc_test_watch_notifies(). */
guint       mc_test_notify_count   (GHashTable *counts,
                                    const char *name);

/* text with every run of white space made one space, none after a hyphen
 * or a slash (where a wrapped line may break: "ICT-" / "tools"), so text
 * laid out in lines compares with the catalog's when both are squashed. */
char       *mc_test_squash_text    (const char *text);
/* The text of the PDF at path as pdftotext reads it (-raw), squashed. */
char       *mc_test_pdf_text       (const char *path);

G_END_DECLS
