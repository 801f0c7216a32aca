/* mc-window-actions.c — the win.* actions of McWindow
 *
 * They live in the window's own GActionMap (GtkApplicationWindow), so tests
 * can run them with g_action_group_activate_action() without any dialog.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-board-io.h"
#include "mc-templates.h"
#include "mc-command.h"
#include "mc-history.h"
#include "mc-export-dialog.h"
#include "mc-layout.h"
#include "mc-merge-dialog.h"
#include "mc-print.h"
#include "mc-window-private.h"

void
_mc_window_set_action_enabled (McWindow   *self,
                               const char *name,
                               gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* "Undo Add Note" says what the button will do. */
static void
update_history_tooltips (McWindow  *self,
                         McHistory *history)
{
  const char *undo_label = history != NULL ? mc_history_get_undo_label (history) : NULL;
  const char *redo_label = history != NULL ? mc_history_get_redo_label (history) : NULL;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  /* Translators: tooltip of the Undo button; %s is what it undoes, such as "Add Note". */
  undo_tip = undo_label != NULL ? g_strdup_printf (_("Undo: %s"), undo_label) : g_strdup (_("Undo"));
  /* Translators: tooltip of the Redo button; %s is what it redoes. */
  redo_tip = redo_label != NULL ? g_strdup_printf (_("Redo: %s"), redo_label) : g_strdup (_("Redo"));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_tip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_tip);
}

void
_mc_window_update_actions (McWindow *self)
{
  McBoard *board = self->board;
  gboolean editable = board != NULL && !mc_board_get_read_only (board);
  McHistory *history = board != NULL ? mc_board_get_history (board) : NULL;
  GAction *language;
  gboolean saving;

  _mc_window_set_action_enabled (self, "undo", editable && mc_history_get_can_undo (history));
  _mc_window_set_action_enabled (self, "redo", editable && mc_history_get_can_redo (history));
  /* One save at a time: the next waits until this one has ended. */
  saving = self->document != NULL && mc_document_get_saving (self->document);
  _mc_window_set_action_enabled (self, "save", editable && !saving);
  _mc_window_set_action_enabled (self, "save-as", editable && !saving);
  _mc_window_set_action_enabled (self, "merge", editable);
  _mc_window_set_action_enabled (self, "language", editable);
  _mc_window_set_action_enabled (self, "export", board != NULL);
  _mc_window_set_action_enabled (self, "export-report", board != NULL);  /* Export dialog */
  _mc_window_set_action_enabled (self, "print", board != NULL);

  update_history_tooltips (self, history);
  /* Facilitated session: phase selector, presentation, new session */
  _mc_window_update_session_actions (self);
  /* Templates: add figure, figure size */
  _mc_window_update_figure_actions (self);

  language = g_action_map_lookup_action (G_ACTION_MAP (self), "language");
  if (board != NULL && language != NULL)
    {
      const char *name = mc_language_to_string (mc_board_get_language (board));
      g_autoptr(GVariant) state = g_action_get_state (language);
      g_autofree char *label = g_ascii_strup (name, -1);

      /* Follows the board (undo, open) without executing another command. */
      if (g_strcmp0 (g_variant_get_string (state, NULL), name) != 0)
        g_simple_action_set_state (G_SIMPLE_ACTION (language), g_variant_new_string (name));
      gtk_menu_button_set_label (self->language_button, label);
    }
}

/* Files */

static void
show_board (McWindow *self,
            McBoard  *board)
{
  if (mc_window_get_pristine (self))
    mc_window_set_board (self, board);
  else
    gtk_window_present (GTK_WINDOW (mc_window_new (gtk_window_get_application (GTK_WINDOW (self)),
                                                   board)));
}

static void
action_new (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  McWindow *self = user_data;
  g_autoptr(McBoard) board = NULL;
  g_autoptr(GError) error = NULL;

  board = mc_board_new_from_template (g_variant_get_string (parameter, NULL),
                                      _mc_window_get_default_language (self),
                                      &error);
  if (board == NULL)
    {
      _mc_window_show_error (self, _("Could Not Create the Board"), error);
      return;
    }

  show_board (self, board);
}

static void
action_open (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  _mc_window_open_with_chooser (user_data);
}

static void
action_open_recent (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  McWindow *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  _mc_window_open_file_somewhere (self, file);
}

static void
action_save (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  McWindow *self = user_data;

  if (self->board == NULL || mc_board_get_read_only (self->board))
    return;

  /* File watch: asks first when another program changed the file. */
  _mc_window_save (self, NULL);
}

static void
action_save_as (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  _mc_window_save_as (user_data, NULL);
}

/* The figure the selected region belongs to: what Export starts with. */
static char *
dup_selected_figure (McWindow *self)
{
  const char *region = mc_canvas_get_selected_region (self->canvas);
  const char *slash;

  if (region == NULL || (slash = strchr (region, '/')) == NULL)
    return NULL;

  return g_strndup (region, slash - region);
}

static void
action_export (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  McWindow *self = user_data;
  g_autofree char *figure_id = dup_selected_figure (self);

  if (self->board != NULL)
    mc_export_dialog_present (GTK_WINDOW (self), self->board, figure_id);
}

/* Export dialog: Session Report… (mc-export-dialog.c) */
static void
action_export_report (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  McWindow *self = user_data;

  if (self->board != NULL)
    mc_export_report_present (GTK_WINDOW (self), self->board);
}

static void
action_print (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  McWindow *self = user_data;

  if (self->board != NULL)
    mc_print_board (GTK_WINDOW (self), self->board);
}

static void
action_merge (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  McWindow *self = user_data;

  if (self->board != NULL && !mc_board_get_read_only (self->board))
    mc_merge_dialog_present (GTK_WINDOW (self), self->board);
}

/* Editing */

static void
action_undo (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  McWindow *self = user_data;

  if (self->board != NULL && !mc_board_get_read_only (self->board))
    mc_board_undo (self->board);
}

static void
action_redo (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  McWindow *self = user_data;

  if (self->board != NULL && !mc_board_get_read_only (self->board))
    mc_board_redo (self->board);
}

static void
change_language (GSimpleAction *action,
                 GVariant      *value,
                 gpointer       user_data)
{
  McWindow *self = user_data;
  McLanguage language;

  if (self->board == NULL || mc_board_get_read_only (self->board)
      || !mc_language_from_string (g_variant_get_string (value, NULL), &language))
    return;

  g_simple_action_set_state (action, value);
  if (language != mc_board_get_language (self->board))
    mc_board_execute (self->board, mc_command_set_language (self->board, language));
}

/* View */

static void
action_zoom_in (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  mc_canvas_zoom_in (MC_WINDOW (user_data)->canvas);
}

static void
action_zoom_out (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  mc_canvas_zoom_out (MC_WINDOW (user_data)->canvas);
}

static void
action_zoom_reset (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  mc_canvas_zoom_reset (MC_WINDOW (user_data)->canvas);
}

static void
action_zoom_fit (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  mc_canvas_zoom_to_fit (MC_WINDOW (user_data)->canvas);
}

static void
change_sidebar (GSimpleAction *action,
                GVariant      *value,
                gpointer       user_data)
{
  McWindow *self = user_data;

  g_simple_action_set_state (action, value);
  gtk_revealer_set_reveal_child (self->sidebar_revealer, g_variant_get_boolean (value));
}

/* Note editing: header and menu items reach the canvas's own actions. */

static void
action_new_note (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (MC_WINDOW (user_data)->canvas), "canvas.new-note", NULL);
}

static void
action_author (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (MC_WINDOW (user_data)->canvas), "canvas.author", NULL);
}

/* Ctrl+F: the outline page of the sidebar, with the search field focused. */
static void
action_find (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  McWindow *self = user_data;

  g_action_group_change_action_state (G_ACTION_GROUP (self), "sidebar", g_variant_new_boolean (TRUE));
  gtk_stack_set_visible_child_name (self->sidebar_stack, "outline");
  mc_outline_panel_focus_search (self->outline_panel);
}

static const GActionEntry win_entries[] = {
  { "new", action_new, "s" },
  { "open", action_open },
  { "open-recent", action_open_recent, "s" },
  { "save", action_save },
  { "save-as", action_save_as },
  { "export", action_export },
  { "export-report", action_export_report },  /* Export dialog: session report */
  { "print", action_print },
  { "merge", action_merge },
  { "undo", action_undo },
  { "redo", action_redo },
  { "language", NULL, "s", "'nl'", change_language },
  { "zoom-in", action_zoom_in },
  { "zoom-out", action_zoom_out },
  { "zoom-reset", action_zoom_reset },
  { "zoom-fit", action_zoom_fit },
  { "sidebar", NULL, NULL, "false", change_sidebar },
  /* Note editing */
  { "new-note", action_new_note },
  { "author", action_author },
  { "find", action_find },
};

/* Recent boards */

/* How many boards the Recent Boards menu shows. */
#define MAX_RECENT 10

static gint
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GtkRecentInfo *ia = (GtkRecentInfo *) a;
  GtkRecentInfo *ib = (GtkRecentInfo *) b;
  gint64 ta = g_date_time_to_unix (gtk_recent_info_get_modified (ia));
  gint64 tb = g_date_time_to_unix (gtk_recent_info_get_modified (ib));

  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

/* The boards among GtkRecentManager's items, newest first. */
GList *
_mc_window_list_recent (void)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GList *boards = NULL;

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *mime = gtk_recent_info_get_mime_type (info);

      if ((mime != NULL && g_str_equal (mime, "application/x-missiecanvas+json"))
          || g_str_has_suffix (gtk_recent_info_get_uri (info), ".missiecanvas"))
        boards = g_list_prepend (boards, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  return g_list_sort (boards, compare_recent_newest_first);
}

void
_mc_window_update_recent_menu (McWindow *self)
{
  GList *recent = _mc_window_list_recent ();
  guint n = 0;

  g_menu_remove_all (self->recent_section);

  for (GList *l = recent; l != NULL && n < MAX_RECENT; l = l->next)
    {
      const char *uri = gtk_recent_info_get_uri (l->data);
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autofree char *basename = g_file_get_basename (file);
      g_auto(GStrv) pieces = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (basename == NULL)
        continue;

      /* Underscores in names are not mnemonics. */
      pieces = g_strsplit (basename, "_", -1);
      label = g_strjoinv ("__", pieces);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (uri));
      g_menu_append_item (self->recent_section, item);
      n++;
    }
  g_list_free_full (recent, (GDestroyNotify) gtk_recent_info_unref);

  if (n == 0)
    {
      /* An action nobody installs: the item shows greyed out. */
      g_menu_append (self->recent_section, _("No Recent Boards"), "win.no-recent-boards");
    }
}

static void
on_recent_changed (GtkRecentManager *manager,
                   McWindow         *self)
{
  _mc_window_update_recent_menu (self);
}

void
_mc_window_init_actions (McWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
  /* Facilitated session (mc-window-session.c) */
  _mc_window_init_session_actions (self);
  /* Templates: chooser, add figure, figure size (mc-window-figures.c) */
  _mc_window_init_figure_actions (self);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (on_recent_changed), self, 0);
  _mc_window_update_recent_menu (self);
  _mc_window_update_actions (self);
}
