/* mc-window-watch.c — the window notices when its file changes on disk
 *
 * A sync client (Nextcloud, SURFdrive) or another member may write the open
 * board's file. McFileWatch (core) tells; this file shows a bar under the
 * header bar and offers:
 *
 *   win.merge-disk-changes   merge the disk's version into the open board,
 *                            one undo step, with the last version we loaded
 *                            or saved as the common base
 *   win.keep-mine            dismiss; the next save asks before it
 *                            overwrites the changed file
 *
 * When the file was removed or moved away the bar says so; saving creates
 * it again. The board itself is never closed or replaced. The watch is the
 * window's McDocument's: a save that finds the file changed fails with
 * MC_DOCUMENT_ERROR_CHANGED_ON_DISK, and this file asks what to do.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-file-watch.h"
#include "mc-merge.h"
#include "mc-window-private.h"

typedef struct _McWindowWatch McWindowWatch;

struct _McWindowWatch
{
  McFileWatch *file_watch;
  gulong       disk_changed_id;
  gulong       state_id;

  /* The bar: not owned (the window's widget tree owns it). */
  GtkRevealer *revealer;
  GtkWidget   *box;
  GtkImage    *icon;
  GtkLabel    *label;
  GtkWidget   *keep_button;
  GtkWidget   *merge_button;
  GtkWidget   *dismiss_button;
  GtkWidget   *save_button;
};

static void
hide_bar (McWindow *self)
{
  McWindowWatch *watch = self->watch;

  gtk_revealer_set_reveal_child (watch->revealer, FALSE);
  _mc_window_set_action_enabled (self, "merge-disk-changes", FALSE);
  _mc_window_set_action_enabled (self, "keep-mine", FALSE);
}

static void
show_bar (McWindow         *self,
          McFileWatchState  state)
{
  McWindowWatch *watch = self->watch;
  gboolean changed = state == MC_FILE_WATCH_CHANGED;
  gboolean editable = self->board != NULL && !mc_board_get_read_only (self->board);
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  g_autofree char *text = NULL;
  GFile *file = mc_file_watch_get_file (watch->file_watch);

  if (file == NULL)
    return;

  basename = g_file_get_basename (file);
  display = g_filename_display_name (basename);

  if (changed)
    /* Translators: %s is the board's file name. */
    text = g_strdup_printf (_("“%s” was changed by another program. Merge its changes into this board, or keep your version."),
                            display);
  else
    /* Translators: %s is the board's file name. */
    text = g_strdup_printf (_("“%s” was removed or moved. The board stays open; saving will create the file again."),
                            display);

  gtk_label_set_label (watch->label, text);
  gtk_image_set_from_icon_name (watch->icon, changed ? "document-edit-symbolic"
                                                     : "dialog-warning-symbolic");
  if (changed)
    {
      gtk_widget_remove_css_class (watch->box, "removed");
      gtk_widget_add_css_class (watch->box, "changed");
    }
  else
    {
      gtk_widget_remove_css_class (watch->box, "changed");
      gtk_widget_add_css_class (watch->box, "removed");
    }

  gtk_widget_set_visible (watch->keep_button, changed);
  gtk_widget_set_visible (watch->merge_button, changed);
  gtk_widget_set_visible (watch->dismiss_button, !changed);
  gtk_widget_set_visible (watch->save_button, !changed && editable);

  _mc_window_set_action_enabled (self, "merge-disk-changes", changed && editable);
  _mc_window_set_action_enabled (self, "keep-mine", TRUE);
  gtk_revealer_set_reveal_child (watch->revealer, TRUE);
}

static void
on_disk_changed (McFileWatch      *file_watch,
                 McFileWatchState  state,
                 McWindow         *self)
{
  show_bar (self, state);
}

static void
on_state_notify (McFileWatch *file_watch,
                 GParamSpec  *pspec,
                 McWindow    *self)
{
  /* Back to ours (saved, merged, or the other program undid its change). */
  if (mc_file_watch_get_state (file_watch) == MC_FILE_WATCH_UNCHANGED)
    hide_bar (self);
}

static void
forget_file_watch (McWindow *self)
{
  McWindowWatch *watch = self->watch;

  if (watch->file_watch == NULL)
    return;

  g_clear_signal_handler (&watch->disk_changed_id, watch->file_watch);
  g_clear_signal_handler (&watch->state_id, watch->file_watch);
  g_clear_object (&watch->file_watch);
}

static void
on_document_notify (McWindow   *self,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  McWindowWatch *watch = self->watch;
  McFileWatchState state;

  if (watch == NULL)
    return;

  forget_file_watch (self);
  hide_bar (self);

  if (self->document == NULL)
    return;

  watch->file_watch = g_object_ref (mc_document_get_file_watch (self->document));
  watch->disk_changed_id = g_signal_connect (watch->file_watch, "disk-changed",
                                             G_CALLBACK (on_disk_changed), self);
  watch->state_id = g_signal_connect (watch->file_watch, "notify::state",
                                      G_CALLBACK (on_state_notify), self);

  /* A recovered board whose file has gone, or was changed, since. */
  state = mc_file_watch_get_state (watch->file_watch);
  if (state != MC_FILE_WATCH_UNCHANGED)
    show_bar (self, state);
}

/* Merging */

static void add_part (GPtrArray  *parts,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

static void
add_part (GPtrArray  *parts,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (parts, g_strdup_vprintf (format, args));
  va_end (args);
}

/* "Changes merged: 1 note added, 1 changed, 1 conflict" */
static char *
describe_merge (McMergeResult *result)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  guint added = mc_merge_result_get_n_added (result);
  guint changed = mc_merge_result_get_n_changed (result);
  guint removed = mc_merge_result_get_n_removed (result);
  guint conflicts = mc_merge_result_get_n_conflicts (result);
  guint kept = mc_merge_result_get_n_kept_deleted (result);
  guint figures = mc_merge_result_get_n_figures_added (result);

  if (mc_merge_result_is_empty (result))
    return g_strdup (_("The file on disk has nothing this board does not have"));

  add_part (parts, g_dngettext (GETTEXT_PACKAGE, "%u note added", "%u notes added", added), added);
  add_part (parts, g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed", changed), changed);
  if (removed > 0)
    add_part (parts, g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed", removed), removed);
  if (figures > 0)
    add_part (parts, g_dngettext (GETTEXT_PACKAGE, "%u figure added", "%u figures added", figures),
              figures);
  add_part (parts, g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", conflicts), conflicts);
  if (kept > 0)
    add_part (parts, g_dngettext (GETTEXT_PACKAGE, "%u deleted note kept", "%u deleted notes kept", kept),
              kept);

  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (", ", (char **) parts->pdata);
  /* Translators: %s lists what the merge did, e.g. "1 note added, 2 changed, 0 conflicts". */
  return g_strdup_printf (_("Changes merged: %s"), joined);
}

static void
action_merge_disk_changes (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  McWindow *self = user_data;
  McWindowWatch *watch = self->watch;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(McBoard) base = NULL;
  g_autoptr(McMergeResult) result = NULL;
  g_autofree char *summary = NULL;
  AdwToast *toast;
  gboolean empty;

  if (self->board == NULL || mc_board_get_read_only (self->board) || watch->file_watch == NULL)
    return;

  theirs = mc_file_watch_load_disk (watch->file_watch, &contents, &error);
  if (theirs == NULL)
    {
      _mc_window_show_error (self, _("Could Not Merge the Changes"), error);
      return;
    }

  /* The version we last loaded or saved is what both sides started from:
   * a note changed only on disk then simply takes that change. */
  base = mc_file_watch_load_known (watch->file_watch);
  result = mc_merge_boards (self->board, theirs, base, &error);
  if (result == NULL)
    {
      _mc_window_show_error (self, _("Could Not Merge the Changes"), error);
      return;
    }

  empty = mc_merge_result_is_empty (result);
  if (!empty)
    mc_board_execute (self->board, mc_merge_result_steal_command (result));

  /* The disk's version is in the board now: its file is ours again, and the
   * board stays modified until the merged result is saved. */
  mc_document_accept_disk (self->document, contents);
  hide_bar (self);

  summary = describe_merge (result);
  toast = adw_toast_new (summary);
  adw_toast_set_timeout (toast, 8);
  if (!empty)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
action_keep_mine (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  /* Only the bar goes: the watch still knows the file differs, so the next
   * save asks before it overwrites. */
  hide_bar (user_data);
}

static const GActionEntry watch_entries[] = {
  { "merge-disk-changes", action_merge_disk_changes },
  { "keep-mine", action_keep_mine },
};

/* Saving */

typedef struct
{
  McWindow         *self;
  McWindowSaveDone  done;
} SaveRequest;

static SaveRequest *
save_request_new (McWindow         *self,
                  McWindowSaveDone  done)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->self = g_object_ref (self);
  request->done = done;
  return request;
}

static void
save_request_free (SaveRequest *request)
{
  g_object_unref (request->self);
  g_free (request);
}

static void ask_overwrite (SaveRequest *request);

static void
on_saved (McWindow     *self,
          const GError *error,
          gpointer      data)
{
  SaveRequest *request = data;

  /* Another program wrote the file since we read it: ask, don't overwrite. */
  if (g_error_matches (error, MC_DOCUMENT_ERROR, MC_DOCUMENT_ERROR_CHANGED_ON_DISK))
    {
      if (self->watch != NULL && self->watch->file_watch != NULL)
        mc_file_watch_check (self->watch->file_watch);
      ask_overwrite (request);
      return;
    }

  if (request->done != NULL)
    request->done (self, error == NULL);
  save_request_free (request);
}

static void
on_overwrite_response (AdwMessageDialog *dialog,
                       const char       *response,
                       SaveRequest      *request)
{
  McWindow *self = request->self;
  McWindowSaveDone done = request->done;

  if (g_str_equal (response, "overwrite") && self->document != NULL
      && mc_document_get_file (self->document) != NULL)
    {
      _mc_window_save_document (self, NULL, MC_DOCUMENT_SAVE_OVERWRITE, on_saved, request);
      return;
    }

  save_request_free (request);
  if (g_str_equal (response, "save-as"))
    _mc_window_save_as (self, done);
  else if (done != NULL)
    done (self, FALSE);
}

static void
ask_overwrite (SaveRequest *request)
{
  McWindow *self = request->self;
  GFile *file = mc_document_get_file (self->document);
  GtkWidget *dialog;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (basename);
  g_autofree char *body = NULL;

  /* Translators: %s is the board's file name. */
  body = g_strdup_printf (_("“%s” was changed by another program since you opened or saved it. Overwriting it loses those changes; Merge Changes in the bar above keeps them."),
                          display);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Overwrite the Changed File?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_overwrite_response), request);

  /* The bar comes back too, so Merge is at hand. */
  show_bar (self, MC_FILE_WATCH_CHANGED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_mc_window_save (McWindow         *self,
                 McWindowSaveDone  done)
{
  if (self->document == NULL)
    return;

  if (mc_document_get_file (self->document) == NULL)
    {
      _mc_window_save_as (self, done);
      return;
    }

  /* The document compares the disk with the version it knows before it
   * writes, in its worker thread. */
  _mc_window_save_document (self, NULL, MC_DOCUMENT_SAVE_NONE, on_saved,
                            save_request_new (self, done));
}

/* Setting up */

static GtkWidget *
new_bar_button (const char *label,
                const char *action_name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

void
_mc_window_init_watch (McWindow *self)
{
  McWindowWatch *watch = g_new0 (McWindowWatch, 1);
  GtkWidget *parent;
  GtkWidget *buttons;

  self->watch = watch;

  watch->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (watch->box, "file-changed-banner");

  watch->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (watch->icon), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (watch->box), GTK_WIDGET (watch->icon));

  watch->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (watch->label, TRUE);
  gtk_label_set_xalign (watch->label, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (watch->label), TRUE);
  gtk_box_append (GTK_BOX (watch->box), GTK_WIDGET (watch->label));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  watch->keep_button = new_bar_button (_("_Keep Mine"), "win.keep-mine");
  gtk_widget_set_tooltip_text (watch->keep_button,
                               _("Keep this board as it is; saving will ask before it overwrites the file"));
  watch->merge_button = new_bar_button (_("_Merge Changes"), "win.merge-disk-changes");
  gtk_widget_add_css_class (watch->merge_button, "suggested-action");
  gtk_widget_set_tooltip_text (watch->merge_button,
                               _("Add the other program’s changes to this board; nothing of yours is lost"));
  watch->dismiss_button = new_bar_button (_("_Dismiss"), "win.keep-mine");
  watch->save_button = new_bar_button (_("_Save Again"), "win.save");
  gtk_box_append (GTK_BOX (buttons), watch->keep_button);
  gtk_box_append (GTK_BOX (buttons), watch->merge_button);
  gtk_box_append (GTK_BOX (buttons), watch->dismiss_button);
  gtk_box_append (GTK_BOX (buttons), watch->save_button);
  gtk_box_append (GTK_BOX (watch->box), buttons);

  watch->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (watch->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (watch->revealer, watch->box);

  /* Under the read-only bar, above the canvas. */
  parent = gtk_widget_get_parent (GTK_WIDGET (self->read_only_revealer));
  gtk_box_insert_child_after (GTK_BOX (parent), GTK_WIDGET (watch->revealer),
                              GTK_WIDGET (self->read_only_revealer));

  g_action_map_add_action_entries (G_ACTION_MAP (self), watch_entries,
                                   G_N_ELEMENTS (watch_entries), self);
  hide_bar (self);

  g_signal_connect (self, "notify::document", G_CALLBACK (on_document_notify), NULL);
}

void
_mc_window_dispose_watch (McWindow *self)
{
  if (self->watch == NULL)
    return;

  forget_file_watch (self);
  g_clear_pointer (&self->watch, g_free);
}
