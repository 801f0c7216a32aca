/* mc-window.c — a main window: the board it shows, closing
 *
 * The win.* actions are in mc-window-actions.c; opening and saving files in
 * mc-window-files.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-app-base.h"
#include "mc-board-io.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-window-private.h"

G_DEFINE_FINAL_TYPE (McWindow, mc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BOARD,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

McLanguage
mc_window_default_board_language (GSettings *settings)
{
  g_autofree char *name = g_settings_get_string (settings, "default-language");
  const char * const *ui = g_get_language_names ();
  McLanguage language = MC_LANGUAGE_NL;

  if (name[0] != '\0' && mc_language_from_string (name, &language))
    return language;

  /* Not chosen: the interface's language. The model is Dutch, so a Dutch
   * session, or one without any language (C), gets the Dutch model. */
  if (ui[0] == NULL || g_str_has_prefix (ui[0], "nl") || g_str_equal (ui[0], "C")
      || g_str_equal (ui[0], "POSIX") || g_str_has_prefix (ui[0], "C."))
    return MC_LANGUAGE_NL;
  return MC_LANGUAGE_EN;
}

McLanguage
_mc_window_get_default_language (McWindow *self)
{
  return mc_window_default_board_language (self->settings);
}

/* Title and subtitle */

void
_mc_window_update_title (McWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *board_title = NULL;
  GFile *file = NULL;

  if (_mc_window_get_opening_file (self) != NULL)
    {
      /* Read in the background (mc-window-open.c): its name until then. */
      g_autofree char *basename = g_file_get_basename (_mc_window_get_opening_file (self));

      title = g_filename_display_name (basename);
      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, _("Opening…"));
      gtk_window_set_title (GTK_WINDOW (self), title);
      return;
    }
  if (self->board != NULL)
    {
      board_title = mc_board_get_title (self->board);
      file = mc_board_get_file (self->board);
    }

  if (board_title == NULL || *board_title == '\0')
    board_title = _("Untitled Board");

  /* A leading bullet marks unsaved changes, as in GNOME Text Editor. */
  if (self->board != NULL && mc_board_get_modified (self->board))
    title = g_strdup_printf ("• %s", board_title);
  else
    title = g_strdup (board_title);

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      subtitle = g_filename_display_name (basename);
    }
  else
    subtitle = g_strdup (_("Not Saved"));

  if (self->board != NULL && mc_board_get_read_only (self->board))
    {
      char *with_note = g_strdup_printf (_("%s (read-only)"), subtitle);

      g_free (subtitle);
      subtitle = with_note;
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_region_panel (McWindow *self)
{
  mc_region_panel_show (self->region_panel, self->board,
                        mc_canvas_get_active_region (self->canvas));
}

static void
on_board_changed (McBoard       *board,
                  McChangeFlags  flags,
                  GStrv          note_ids,
                  McWindow      *self)
{
  _mc_window_update_title (self);
  _mc_window_update_actions (self);

  if (flags & (MC_CHANGE_META | MC_CHANGE_FIGURES))
    update_region_panel (self);
}

static void
on_history_notify (McHistory  *history,
                   GParamSpec *pspec,
                   McWindow   *self)
{
  _mc_window_update_actions (self);
}

/* The board */

McBoard *
mc_window_get_board (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return self->board;
}

static void
disconnect_board (McWindow *self)
{
  McHistory *history;

  if (self->board == NULL)
    return;

  history = mc_board_get_history (self->board);
  g_clear_signal_handler (&self->board_changed_id, self->board);
  g_clear_signal_handler (&self->can_undo_id, history);
  g_clear_signal_handler (&self->can_redo_id, history);
}

static void
on_saving_notify (McDocument *document,
                  GParamSpec *pspec,
                  McWindow   *self)
{
  gboolean saving = mc_document_get_saving (document);

  gtk_widget_set_visible (GTK_WIDGET (self->saving_spinner), saving);
  gtk_spinner_set_spinning (self->saving_spinner, saving);
  _mc_window_update_actions (self);
}

McDocument *
mc_window_get_document (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return self->document;
}

void
mc_window_set_document (McWindow   *self,
                        McDocument *document)
{
  McBoard *board;

  g_return_if_fail (MC_IS_WINDOW (self));
  g_return_if_fail (MC_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  board = mc_document_get_board (document);
  disconnect_board (self);
  if (self->document != NULL)
    g_clear_signal_handler (&self->saving_id, self->document);
  g_set_object (&self->document, document);
  g_set_object (&self->board, board);

  self->saving_id = g_signal_connect (document, "notify::saving",
                                      G_CALLBACK (on_saving_notify), self);
  self->board_changed_id = g_signal_connect (board, "changed",
                                             G_CALLBACK (on_board_changed), self);
  self->can_undo_id = g_signal_connect (mc_board_get_history (board), "notify::can-undo",
                                        G_CALLBACK (on_history_notify), self);
  self->can_redo_id = g_signal_connect (mc_board_get_history (board), "notify::can-redo",
                                        G_CALLBACK (on_history_notify), self);

  mc_canvas_set_board (self->canvas, board);
  gtk_revealer_set_reveal_child (self->read_only_revealer, mc_board_get_read_only (board));

  _mc_window_update_title (self);
  update_region_panel (self);
  _mc_window_update_actions (self);
  on_saving_notify (document, NULL, self);

  /* The document first: the watch bar follows it on notify::document,
   * a presentation of the old board follows notify::board. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

void
mc_window_set_board (McWindow *self,
                     McBoard  *board)
{
  g_autoptr(McDocument) document = NULL;

  g_return_if_fail (MC_IS_WINDOW (self));
  g_return_if_fail (MC_IS_BOARD (board));

  if (self->board == board)
    return;

  document = mc_document_new (board);
  mc_window_set_document (self, document);
}

McCanvas *
mc_window_get_canvas (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return self->canvas;
}

gboolean
mc_window_get_pristine (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);

  if (self->opening != NULL)
    return FALSE;
  return self->board == NULL
         || (mc_board_get_file (self->board) == NULL
             && !mc_board_get_modified (self->board)
             && !mc_history_get_can_undo (mc_board_get_history (self->board)));
}

void
mc_window_show_toast (McWindow   *self,
                      const char *message)
{
  g_return_if_fail (MC_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
_mc_window_show_error (McWindow     *self,
                       const char   *heading,
                       const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Recent boards: GtkRecentManager, shared with the file chooser and the
 * desktop's own recent lists. Nothing is recorded when the desktop's
 * privacy setting turns recent files off (gtk-recent-files-enabled). */

void
_mc_window_add_recent (McWindow *self,
                       GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) "application/x-missiecanvas+json",
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "missiecanvas %u",
  };
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-recent-files-enabled", &enabled, NULL);
  if (!enabled)
    return;
  if (data.app_name == NULL)
    data.app_name = (char *) "Missiecanvas";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Closing */

static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Not from inside the dialog's response: the dialog is transient for this
 * window and must finish its own emission before the window goes. */
static void
close_now (McWindow *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle,
                   g_object_ref (self), g_object_unref);
}

static void
on_saved_before_close (McWindow *self,
                       gboolean  saved)
{
  if (saved)
    close_now (self);
  else
    /* A failed save showed its reason already; a cancelled one says so. */
    mc_window_show_toast (self, _("The window stays open: the board was not saved"));
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   McWindow         *self)
{
  if (g_str_equal (response, "discard"))
    close_now (self);
  else if (g_str_equal (response, "save"))
    {
      /* File watch: asks first when another program changed the file. */
      _mc_window_save (self, on_saved_before_close);
    }
}

static gboolean
mc_window_close_request (GtkWindow *window)
{
  McWindow *self = MC_WINDOW (window);
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  const char *title;

  if (!self->closing && self->board != NULL
      && mc_board_get_modified (self->board)
      && !mc_board_get_read_only (self->board))
    {
      title = mc_board_get_title (self->board);
      if (title == NULL || *title == '\0')
        title = _("Untitled Board");
      body = g_strdup_printf (_("“%s” has changes that are not saved. Unsaved changes are lost when you close without saving."),
                              title);

      dialog = adw_message_dialog_new (window, _("Save Changes?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
      gtk_window_present (GTK_WINDOW (dialog));

      return TRUE;
    }

  return GTK_WINDOW_CLASS (mc_window_parent_class)->close_request (window);
}

/* Drag and drop */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         McWindow      *self)
{
  GSList *files;
  gboolean opened = FALSE;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      _mc_window_open_file_somewhere (self, l->data);
      opened = TRUE;
    }
  g_slist_free (files);

  return opened;
}

/* Region panel */

static void
on_active_region_changed (McCanvas   *canvas,
                          GParamSpec *pspec,
                          McWindow   *self)
{
  update_region_panel (self);
}

static void
on_zoom_changed (McCanvas   *canvas,
                 GParamSpec *pspec,
                 McWindow   *self)
{
  g_autofree char *label = NULL;

  /* Translators: a zoom level such as "100 %"; use your language's spacing. */
  label = g_strdup_printf (_("%.0f %%"), mc_canvas_get_zoom (canvas) * 100.0);
  gtk_menu_button_set_label (self->zoom_button, label);
}

static void
restore_window_state (McWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* From now on the settings follow the window (SET only: one window's
   * size must not resize the others). GTK keeps the default size of a
   * maximized window at its size before, which is what is remembered. */
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_SET);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_SET);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_SET);
}

static void
mc_window_dispose (GObject *object)
{
  McWindow *self = MC_WINDOW (object);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  /* File watch */
  _mc_window_dispose_watch (self);
  disconnect_board (self);
  if (self->document != NULL)
    g_clear_signal_handler (&self->saving_id, self->document);
  g_clear_object (&self->board);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_WINDOW);

  G_OBJECT_CLASS (mc_window_parent_class)->dispose (object);
}

static void
mc_window_finalize (GObject *object)
{
  McWindow *self = MC_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mc_window_parent_class)->finalize (object);
}

static void
mc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  McWindow *self = MC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  McWindow *self = MC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      if (g_value_get_object (value) != NULL)
        mc_window_set_board (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT:
      if (g_value_get_object (value) != NULL)
        mc_window_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_window_class_init (McWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mc_window_dispose;
  object_class->finalize = mc_window_finalize;
  object_class->get_property = mc_window_get_property;
  object_class->set_property = mc_window_set_property;

  window_class->close_request = mc_window_close_request;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         MC_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         MC_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  mc_app_ensure_resources ();
  g_type_ensure (MC_TYPE_CANVAS);
  g_type_ensure (MC_TYPE_REGION_PANEL);
  g_type_ensure (MC_TYPE_OUTLINE_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/mc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, McWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, McWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, McWindow, sidebar_revealer);
  gtk_widget_class_bind_template_child (widget_class, McWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, McWindow, region_panel);
  /* Outline panel */
  gtk_widget_class_bind_template_child (widget_class, McWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, McWindow, outline_panel);
  gtk_widget_class_bind_template_child (widget_class, McWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, McWindow, language_button);
  gtk_widget_class_bind_template_child (widget_class, McWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, McWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, McWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, McWindow, saving_spinner);
  /* Facilitated session */
  gtk_widget_class_bind_template_child (widget_class, McWindow, phase_button);

}

static void
mc_window_init (McWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));
  mc_app_set_toast_overlay (GTK_WINDOW (self), self->toast_overlay);

  self->settings = g_settings_new (APP_ID);
  restore_window_state (self);

  /* Outline panel: follows the canvas's board, drives its selection. */
  mc_outline_panel_set_canvas (self->outline_panel, self->canvas);

  g_signal_connect (self->canvas, "notify::active-region",
                    G_CALLBACK (on_active_region_changed), self);
  g_signal_connect (self->canvas, "notify::zoom",
                    G_CALLBACK (on_zoom_changed), self);
  on_zoom_changed (self->canvas, NULL, self);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  _mc_window_init_actions (self);
  /* File watch: the bar under the header bar and its actions */
  _mc_window_init_watch (self);
  _mc_window_update_title (self);
}

McWindow *
mc_window_new (GtkApplication *application,
               McBoard        *board)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (board == NULL || MC_IS_BOARD (board), NULL);

  return g_object_new (MC_TYPE_WINDOW,
                       "application", application,
                       "board", board,
                       NULL);
}
