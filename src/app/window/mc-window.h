/* mc-window.h — a main window showing one board */
#pragma once

#include <adwaita.h>
#include "mc-board.h"
#include "mc-canvas.h"
#include "mc-document.h"

G_BEGIN_DECLS

#define MC_TYPE_WINDOW (mc_window_get_type ())
G_DECLARE_FINAL_TYPE (McWindow, mc_window, MC, WINDOW, AdwApplicationWindow)

McWindow   *mc_window_new            (GtkApplication *application,
                                      McBoard        *board);

McBoard    *mc_window_get_board      (McWindow       *self);
/* Shows board in this window (its file, title, history) in a new
 * McDocument. notify::board and notify::document follow every change, so
 * whatever shows the board (a presentation) can follow. */
void        mc_window_set_board      (McWindow       *self,
                                      McBoard        *board);
McDocument *mc_window_get_document   (McWindow       *self);
void        mc_window_set_document   (McWindow       *self,
                                      McDocument     *document);
McCanvas   *mc_window_get_canvas     (McWindow       *self);

/* TRUE while the window shows a board nobody has worked on yet: the example
 * or a new board, unmodified and never saved. Opening a file replaces such
 * a board instead of opening another window. */
gboolean    mc_window_get_pristine   (McWindow       *self);

/* Loads file into this window. On failure the current board stays and
 * error says why. A file newer than this build opens read-only. */
gboolean    mc_window_open_file      (McWindow       *self,
                                      GFile          *file,
                                      GError        **error);

/* Opening a board without holding up its window (issue 17): the file is
 * read, decoded and laid out in a worker thread from mc_window_opening_new()
 * on, while the window is made and shown; mc_window_opening_show() puts it
 * into window (taking opening) once it is ready, and calls done with the
 * window (NULL if it was closed meanwhile) and the error, if any. Until
 * then the window shows the file's name and is not pristine. */
typedef struct _McWindowOpening McWindowOpening;
typedef void (*McWindowOpened) (McWindow     *window,
                                const GError *error,
                                gpointer      data);

McWindowOpening *mc_window_opening_new  (GFile           *file);
void             mc_window_opening_show (McWindowOpening *opening,
                                         McWindow        *window,
                                         McWindowOpened   done,
                                         gpointer         data);
/* Not wanted after all (a second instance hands its files on): freed once
 * its worker is done. */
void             mc_window_opening_drop (McWindowOpening *opening);
/* Saves the board to file (which becomes its file) without any dialog,
 * blocking; the window's own Save and Save As run in the background. */
gboolean    mc_window_save_to_file   (McWindow       *self,
                                      GFile          *file,
                                      GError        **error);

/* The language of new boards: the "default-language" setting, or when it
 * is empty the interface's (Dutch for a Dutch or untranslated session). */
McLanguage  mc_window_default_board_language (GSettings  *settings);

/* A short message at the bottom of the window. */
void        mc_window_show_toast     (McWindow       *self,
                                      const char     *message);

G_END_DECLS
