/* mc-recovery-dialog.c — autosave for every window's board, and the offer
 * to recover boards a crashed session left behind
 *
 * mc_recovery_offer() runs once at startup, before the first window: it
 * lists the recovery copies whose writer is gone (every window's
 * McDocument autosaves its board). When the first window appears, a dialog offers each
 * copy with Recover and Discard. MC_RECOVERY_AUTO=1 recovers them all
 * without asking (for tests and scripted use).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-autosave.h"
#include "mc-document.h"
#include "mc-presentation.h"
#include "mc-recovery-dialog.h"
#include "mc-window.h"

#define PENDING_KEY "mc-recovery-pending"

typedef struct
{
  GtkApplication *app;
  McWindow       *parent;
  GtkWidget      *dialog;
  GtkListBox     *list;
  GPtrArray      *entries;   /* of McRecoveryEntry*, the ones still listed */
} Offer;

static void
offer_free (Offer *offer)
{
  g_clear_pointer (&offer->entries, g_ptr_array_unref);
  g_clear_object (&offer->app);
  g_clear_weak_pointer (&offer->parent);
  g_free (offer);
}

/* Runs after the window's own close-request handler, and only when that
 * let the window close: a board still unsaved then is one the person chose
 * to discard in the window's "Save Changes?" dialog, so its recovery copy
 * goes too. (A crash or a killed session never gets here: copy kept.) */
static gboolean
on_close_request_after (GtkWindow *window,
                        gpointer   user_data)
{
  McDocument *document = mc_window_get_document (MC_WINDOW (window));
  McBoard *board = document ? mc_document_get_board (document) : NULL;

  if (board != NULL && mc_board_get_modified (board) && !mc_board_get_read_only (board))
    mc_document_discard_changes (document);
  return FALSE;
}

/* The presentation on the wall, if one is running. */
static McPresentation *
find_wall (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (MC_IS_PRESENTATION (l->data))
      return l->data;
  return NULL;
}

static void
on_wall_gone (GtkWindow *window)
{
  if (gtk_window_get_application (window) != NULL)
    gtk_window_present (window);
}

/* Opens a recovered board: in the pristine first window if there is one,
 * else in a window of its own. During a presentation the wall switches to
 * the recovered board, so what is typed there goes into a board a window
 * shows; the window itself comes up when the presentation ends, never over
 * the projection. */
static gboolean
recover_entry (GtkApplication   *app,
               McWindow         *parent,
               McRecoveryEntry  *entry,
               GError          **error)
{
  g_autoptr(McDocument) document = mc_document_new_recovered (entry, error);
  McPresentation *wall = find_wall (app);
  McWindow *window;

  if (document == NULL)
    return FALSE;

  /* Replacing the board notifies board and document, so a presentation
   * of the pristine board follows to the recovered one. */
  if (parent != NULL && mc_window_get_pristine (parent))
    window = parent;
  else
    window = mc_window_new (app, NULL);
  mc_window_set_document (window, document);
  mc_window_show_toast (window, _("Recovered unsaved changes"));

  if (wall == NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return TRUE;
    }

  mc_presentation_follow_window (wall, GTK_WINDOW (window));
  if (!gtk_widget_get_visible (GTK_WIDGET (window)))
    g_signal_connect_object (wall, "destroy", G_CALLBACK (on_wall_gone), window,
                             G_CONNECT_SWAPPED);
  return TRUE;
}

static void
show_error (McWindow     *parent,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent ? GTK_WINDOW (parent) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
mc_recovery_describe_entry (McRecoveryEntry *entry)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (mc_recovery_entry_get_time (entry) / G_USEC_PER_SEC);
  /* Translators: date and time of the last autosave in the recovery dialog,
   * with the month written out so that it reads the same everywhere; see
   * g_date_time_format() for the codes. */
  g_autofree char *when = time ? g_date_time_format (time, _("%-d %B %Y, %H:%M")) : g_strdup ("?");
  guint n = mc_recovery_entry_get_n_notes (entry);
  /* TRANSLATORS: "12 notes" in the recovery dialog */
  g_autofree char *notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n), n);
  const char *uri = mc_recovery_entry_get_original_uri (entry);

  if (uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      /* The whole path: two boards of one name in different folders (a
       * synced copy, a colleague's) must be told apart. */
      g_autofree char *where = g_file_get_parse_name (file);

      /* TRANSLATORS: notes count · time of the last autosave · file path */
      return g_strdup_printf (_("%s · %s · %s"), notes, when, where);
    }
  /* TRANSLATORS: notes count · time of the last autosave, for a board
   * that was never saved to a file */
  return g_strdup_printf (_("%s · %s · new board"), notes, when);
}

static void
forget_row (Offer     *offer,
            GtkWidget *row)
{
  McRecoveryEntry *entry = g_object_get_data (G_OBJECT (row), "entry");

  g_ptr_array_remove (offer->entries, entry);
  gtk_list_box_remove (offer->list, row);
  if (offer->entries->len == 0)
    gtk_window_destroy (GTK_WINDOW (offer->dialog));
}

static void
on_row_recover (GtkButton *button,
                Offer     *offer)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  McRecoveryEntry *entry = g_object_get_data (G_OBJECT (row), "entry");
  g_autoptr(GError) error = NULL;

  if (!recover_entry (offer->app, offer->parent, entry, &error))
    {
      show_error (offer->parent, _("Could Not Recover the Board"), error);
      return;
    }
  forget_row (offer, row);
}

static void
on_row_discard (GtkButton *button,
                Offer     *offer)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  McRecoveryEntry *entry = g_object_get_data (G_OBJECT (row), "entry");
  g_autoptr(GError) error = NULL;

  if (!mc_recovery_entry_discard (entry, &error))
    {
      show_error (offer->parent, _("Could Not Discard the Recovered Board"), error);
      return;
    }
  forget_row (offer, row);
}

static GtkWidget *
make_row (Offer           *offer,
          McRecoveryEntry *entry)
{
  const char *title = mc_recovery_entry_get_title (entry);
  g_autofree char *subtitle = mc_recovery_describe_entry (entry);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *discard = gtk_button_new_with_mnemonic (_("_Discard"));
  GtkWidget *recover = gtk_button_new_with_mnemonic (_("_Recover"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title && *title ? title : _("Untitled Board"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_add_css_class (discard, "destructive-action");
  gtk_widget_add_css_class (recover, "suggested-action");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), discard);
  gtk_box_append (GTK_BOX (box), recover);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "entry",
                          mc_recovery_entry_ref (entry), (GDestroyNotify) mc_recovery_entry_unref);
  g_signal_connect (recover, "clicked", G_CALLBACK (on_row_recover), offer);
  g_signal_connect (discard, "clicked", G_CALLBACK (on_row_discard), offer);
  return row;
}

static void
on_dialog_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Offer            *offer)
{
  /* "later" keeps every copy for the next start; nothing is lost. */
  if (!g_str_equal (response, "recover-all"))
    return;

  while (offer->entries->len > 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (offer->list, 0);
      g_autoptr(GError) error = NULL;

      if (row == NULL)
        break;
      if (!recover_entry (offer->app, offer->parent,
                          g_object_get_data (G_OBJECT (row), "entry"), &error))
        {
          show_error (offer->parent, _("Could Not Recover the Board"), error);
          g_ptr_array_remove_index (offer->entries, 0);
          gtk_list_box_remove (offer->list, GTK_WIDGET (row));
          continue;
        }
      g_ptr_array_remove_index (offer->entries, 0);
      gtk_list_box_remove (offer->list, GTK_WIDGET (row));
    }
}

static void
on_dialog_gone (gpointer  user_data,
                GObject  *where_the_dialog_was)
{
  offer_free (user_data);
}

static void
present_offer (GtkApplication *app,
               McWindow       *parent,
               GPtrArray      *entries)
{
  Offer *offer = g_new0 (Offer, 1);
  McPresentation *wall;
  GtkWidget *scrolled;

  offer->app = g_object_ref (app);
  g_set_weak_pointer (&offer->parent, parent);
  offer->entries = g_ptr_array_ref (entries);

  /* Over the wall when a presentation runs: the editor window under it
   * stays where it is. */
  wall = find_wall (app);
  offer->dialog = adw_message_dialog_new (wall != NULL ? GTK_WINDOW (wall) : GTK_WINDOW (parent),
                                          g_dngettext (GETTEXT_PACKAGE,
                                                       "Recover Unsaved Board?",
                                                       "Recover Unsaved Boards?",
                                                       entries->len),
                                          _("Missiecanvas closed before these changes were saved. "
                                            "Recover a board to open it again, or discard it. "
                                            "Later keeps them for the next start."));
  offer->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (offer->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (offer->list), "boxed-list");
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (offer->list, make_row (offer, g_ptr_array_index (entries, i)));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  /* The message dialog would squeeze the list to one row otherwise. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                              MIN (entries->len, 4) * 68);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 4 * 68);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (offer->list));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (offer->dialog), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (offer->dialog),
                                    "later", _("_Later"),
                                    "recover-all", _("Recover _All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (offer->dialog), "recover-all",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (offer->dialog), "recover-all");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (offer->dialog), "later");
  gtk_window_set_default_size (GTK_WINDOW (offer->dialog), 520, -1);

  g_signal_connect (offer->dialog, "response", G_CALLBACK (on_dialog_response), offer);
  g_object_weak_ref (G_OBJECT (offer->dialog), on_dialog_gone, offer);
  gtk_window_present (GTK_WINDOW (offer->dialog));
}

static gboolean
auto_recover (void)
{
  const char *env = g_getenv ("MC_RECOVERY_AUTO");

  return env != NULL && g_str_equal (env, "1");
}

/* Once the first window is up: the dialog needs a parent, and a pristine
 * window can take the first recovered board. */
static void
offer_pending (GtkApplication *app,
               McWindow       *window)
{
  g_autoptr(GPtrArray) entries = g_object_steal_data (G_OBJECT (app), PENDING_KEY);

  if (entries == NULL || entries->len == 0)
    return;

  if (auto_recover ())
    {
      for (guint i = 0; i < entries->len; i++)
        {
          g_autoptr(GError) error = NULL;

          if (!recover_entry (app, window, g_ptr_array_index (entries, i), &error))
            g_message ("Could not recover %s: %s",
                       mc_recovery_entry_get_path (g_ptr_array_index (entries, i)),
                       error->message);
        }
      return;
    }

  present_offer (app, window, entries);
}

static gboolean
offer_pending_idle (gpointer user_data)
{
  g_autoptr(McWindow) window = user_data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  if (app != NULL)
    offer_pending (app, window);
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  if (!MC_IS_WINDOW (window))
    return;

  g_signal_connect_after (window, "close-request", G_CALLBACK (on_close_request_after), NULL);

  /* After the window has been presented and has its board. */
  if (g_object_get_data (G_OBJECT (app), PENDING_KEY) != NULL)
    g_idle_add_full (G_PRIORITY_LOW, offer_pending_idle, g_object_ref (window), NULL);
}

void
mc_recovery_offer (GtkApplication *app)
{
  g_autoptr(GPtrArray) entries = NULL;
  GList *windows;

  g_return_if_fail (GTK_IS_APPLICATION (app));

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);

  /* Listed before this session autosaves anything, though our own copies
   * are locked and so would never be listed anyway. */
  entries = mc_autosave_list_recoverable ();
  if (entries->len > 0)
    g_object_set_data_full (G_OBJECT (app), PENDING_KEY,
                            g_steal_pointer (&entries), (GDestroyNotify) g_ptr_array_unref);

  windows = gtk_application_get_windows (app);
  for (GList *l = windows; l != NULL; l = l->next)
    on_window_added (app, l->data, NULL);
}
