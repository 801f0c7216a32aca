/* mc-window-private.h — shared by mc-window.c (board, files, closing) and
 * mc-window-actions.c (the win.* actions); not for other files. */
#pragma once

#include "mc-window.h"
#include "mc-region-panel.h"

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
  GtkMenuButton        *zoom_button;
  GtkMenuButton        *language_button;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GMenu                *recent_section;

  GSettings            *settings;
  McBoard              *board;
  gulong                board_changed_id;
  gulong                can_undo_id;
  gulong                can_redo_id;

  /* The close confirmation said Discard, or a save succeeded: close now. */
  gboolean              closing;
  GtkNativeDialog      *file_chooser;
};

/* mc-window-actions.c */
void      _mc_window_init_actions        (McWindow      *self);
/* Enables, disables and sets the state of the actions for the current board. */
void      _mc_window_update_actions      (McWindow      *self);
void      _mc_window_update_recent_menu  (McWindow      *self);

/* mc-window.c */
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
McLanguage _mc_window_get_default_language (McWindow    *self);

G_END_DECLS
