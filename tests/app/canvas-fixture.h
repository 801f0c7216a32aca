/* canvas-fixture.h — what the canvas tests (tests/app/test-canvas-*.c)
 * share: a window on the model board at a fixed view, and the points,
 * notes and keys they work with */
#pragma once

#include <gtk/gtk.h>
#include "mc-window.h"

G_BEGIN_DECLS

/* The test application, from canvas_fixture_start(). */
extern GtkApplication *app;

/* A window on the model board, its canvas at a fixed view (no easing). */
typedef struct
{
  McWindow *window;
  McCanvas *canvas;
  McBoard  *board;
} Fixture;

/* The view is still: no eased zoom under way, no refit waiting. */
gboolean view_is_still (gpointer data);

/* The set-up and tear-down of Fixture, for g_test_add(); tearing down marks
 * the board saved so that closing never asks. */
void fixture_set_up (Fixture       *fixture,
                     gconstpointer  data);

void fixture_tear_down (Fixture       *fixture,
                        gconstpointer  data);

/* A widget point inside region "<figure>/<region>" of the scene. */
void region_point (Fixture    *fixture,
                   const char *group_id,
                   double     *x,
                   double     *y);

/* The widget point at the centre of note id. */
void note_centre (Fixture    *fixture,
                  const char *id,
                  double     *x,
                  double     *y);

/* How many steps the board's history can undo. */
guint n_undo (Fixture *fixture);

/* The board's one note (fails the test if there are more or none). */
McNote *only_note (Fixture *fixture);

/* Typing, one character at a time as a keyboard does. */
void type_text (Fixture    *fixture,
                const char *text);

/* Adds a note with text in region "<figure>/<region>", as the canvas's
 * new-note command does; returns its id. */
char *add_note (Fixture    *fixture,
                const char *region,
                const char *text);

/* The canvas has exactly the notes first, … (NULL-terminated) selected. */
void assert_selection (Fixture    *fixture,
                       const char *first,
                       ...);

/* Starts the test application (mc_test_app_new()) with GTK's recording
 * accessibility backend (tests/meson.build turns it off for speed), so that
 * accessible-name reads what the canvas tells it. */
void canvas_fixture_start (int    *argc,
                           char ***argv);

/* Adds the test func at "/mc/canvas/<path>", on a Fixture. */
#define ADD(path, func) \
  g_test_add ("/mc/canvas/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
