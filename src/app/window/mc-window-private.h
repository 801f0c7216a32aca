/* mc-window-private.h — shared by mc-window.c (board, files, closing) and
 * mc-window-actions.c (the win.* actions); not for other files. */
#pragma once

#include "mc-document.h"
#include "mc-window.h"
#include "mc-region-panel.h"
#include "mc-outline-panel.h"

G_BEGIN_DECLS

struct _McWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkRevealer          *read_only_revealer;
  GtkRevealer          *sidebar_revealer;
  McCanvas             *canvas;
  McRegionPanel        *region_panel;
  /* Outline panel: the sidebar's second page */
  GtkStack             *sidebar_stack;
  McOutlinePanel       *outline_panel;
  GtkMenuButton        *zoom_button;
  GtkMenuButton        *language_button;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GMenu                *recent_section;
  GtkSpinner           *saving_spinner;
  /* Facilitated session (mc-window-session.c) */
  GtkMenuButton        *phase_button;

  GSettings            *settings;
  /* The board shown and its file, watch and autosave. */
  McDocument           *document;
  McBoard              *board;
  gulong                saving_id;
  gulong                board_changed_id;
  gulong                can_undo_id;
  gulong                can_redo_id;

  /* The close confirmation said Discard, or a save succeeded: close now. */
  gboolean              closing;
  GtkNativeDialog      *file_chooser;

  /* File watch: the file changed on disk (mc-window-watch.c) */
  struct _McWindowWatch *watch;
  /* A board being read and laid out for this window (mc-window-open.c). */
  McWindowOpening      *opening;
};

/* mc-window-actions.c */
void      _mc_window_init_actions        (McWindow      *self);
/* Enables or disables the window action name; none such is no error, as
 * the actions are added in parts (see the _mc_window_init_*() functions). */
void      _mc_window_set_action_enabled  (McWindow      *self,
                                          const char    *name,
                                          gboolean       enabled);
/* Enables, disables and sets the state of the actions for the current board. */
void      _mc_window_update_actions      (McWindow      *self);
void      _mc_window_update_recent_menu  (McWindow      *self);
/* The boards in GtkRecentManager, newest first (of GtkRecentInfo*, owned). */
GList    *_mc_window_list_recent         (void);

/* mc-window-session.c: presentation, route, phase, new session */
void      _mc_window_init_session_actions   (McWindow   *self);
void      _mc_window_update_session_actions (McWindow   *self);
/* "At the Start", "During the Process", "At the End" (translated). */
const char *_mc_window_phase_label          (McPhase     phase);

/* mc-window-figures.c: template chooser, add figure, figure size (templates) */
void      _mc_window_init_figure_actions    (McWindow   *self);
void      _mc_window_update_figure_actions  (McWindow   *self);

/* mc-window-files.c */
/* document, loaded from file, into the window. */
void      _mc_window_show_document          (McWindow   *self,
                                             McDocument *document,
                                             GFile      *file);

/* mc-window-open.c: the file being opened into the window, or NULL. */
GFile    *_mc_window_get_opening_file       (McWindow   *self);

/* mc-window-watch.c: notices when the board's file changes on disk */
void      _mc_window_init_watch             (McWindow   *self);
void      _mc_window_dispose_watch          (McWindow   *self);

/* mc-window.c */
/* Saves in the background to file (NULL: the board's own file) and calls
 * done; errors other than "changed on disk" are shown here. */
typedef void (*McWindowSaveResult) (McWindow     *self,
                                    const GError *error,
                                    gpointer      data);
void      _mc_window_save_document       (McWindow           *self,
                                          GFile              *file,
                                          McDocumentSaveFlags flags,
                                          McWindowSaveResult  done,
                                          gpointer            data);
/* The title and subtitle: the board's title, its file, unsaved, saving. */
void      _mc_window_update_title        (McWindow      *self);
void      _mc_window_add_recent          (McWindow      *self,
                                          GFile         *file);
/* Opens file here when this window is pristine, else in a new window (or
 * the window that has it open already); reports errors in a dialog. */
void      _mc_window_open_file_somewhere (McWindow      *self,
                                          GFile         *file);
void      _mc_window_show_error          (McWindow      *self,
                                          const char    *heading,
                                          const GError  *error);
/* Save As with a file chooser; done (may be NULL) runs with TRUE after a
 * successful save, FALSE after cancel or failure. */
typedef void (*McWindowSaveDone) (McWindow *self, gboolean saved);
void      _mc_window_save_as             (McWindow        *self,
                                          McWindowSaveDone done);
void      _mc_window_open_with_chooser   (McWindow      *self);
/* Save As to file, exactly as the chooser confirmed it. */
void      _mc_window_save_as_file        (McWindow        *self,
                                          GFile           *file,
                                          McWindowSaveDone done);
/* "TITLE.missiecanvas", the name Save As suggests for a new board. */
char     *_mc_window_dup_suggested_name  (McWindow      *self);
McLanguage _mc_window_get_default_language (McWindow    *self);

/* mc-window-watch.c: Save (Ctrl+S) to the board's file, asking first when
 * another program changed it; Save As when there is no file; errors in a
 * dialog. done as for _mc_window_save_as(). */
void      _mc_window_save                (McWindow        *self,
                                          McWindowSaveDone done);

G_END_DECLS
