/* mc-application.c — the application: command line, app actions, windows
 *
 * The headless command line (mc-cli.h) runs from handle-local-options,
 * before GtkApplication's startup initialises GTK, so exports work without
 * a display.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libintl.h>

#include "mc-application.h"
#include "mc-app-base.h"
#include "mc-templates.h"
#include "mc-board-io.h"
#include "mc-cli.h"
#include "mc-exchange.h"
#include "mc-layout.h"
#include "mc-recovery-dialog.h"
#include "mc-room.h"
#include "mc-window.h"

struct _McApplication
{
  AdwApplication parent_instance;

  /* BOARD arguments of the first instance, opened on activate, and their
   * openings (NULL for imports), begun before GTK starts up. */
  GPtrArray     *pending_files;
  GPtrArray     *pending_openings;
  /* --present: open straight into presentation mode (mc-presentation.h). */
  gboolean       present_pending;
  /* --room: open the room with the presentation (mc-room.h). */
  gboolean       room_pending;
  /* Boards still being read into their windows (mc_window_opening_new()). */
  guint          n_opening;
};

G_DEFINE_FINAL_TYPE (McApplication, mc_application, ADW_TYPE_APPLICATION)

static McWindow *
get_active_mc_window (McApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return MC_IS_WINDOW (window) ? MC_WINDOW (window) : NULL;
}

static McWindow *
new_window (McApplication *self,
            McBoard       *board)
{
  McWindow *window = mc_window_new (GTK_APPLICATION (self), board);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void present_if_asked (McApplication *self);

static void
show_open_error (McWindow     *window,
                 GFile        *file,
                 const GError *error)
{
  GtkWidget *dialog;
  g_autofree char *name = g_file_get_parse_name (file);

  dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                   _("Could Not Open the Board"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_debug ("Could not open %s: %s", name, error->message);
}

typedef struct
{
  McApplication *self;
  GFile         *file;
} Opening;

static void
on_file_opened (McWindow     *window,
                const GError *error,
                gpointer      data)
{
  Opening *opening = data;
  McApplication *self = opening->self;

  if (window != NULL && error != NULL)
    {
      /* As before the board was read in the background: the window shows
       * the example board under the message. */
      if (mc_window_get_board (window) == NULL)
        {
          g_autoptr(McBoard) example = mc_board_new_example ();

          mc_window_set_board (window, example);
        }
      show_open_error (window, opening->file, error);
    }

  g_object_unref (opening->file);
  g_free (opening);
  /* --present once every board given is in its window. */
  if (--self->n_opening == 0)
    present_if_asked (self);
  g_application_release (G_APPLICATION (self));
}

/* A board is read and laid out in a worker thread while its window is
 * made and shown (issue 17); imports are read when their window is. */
static McWindowOpening *
begin_opening (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return mc_exchange_is_import_name (name) ? NULL : mc_window_opening_new (file);
}

static void
drop_openings (McApplication *self)
{
  if (self->pending_openings == NULL)
    return;
  for (guint i = 0; i < self->pending_openings->len; i++)
    if (self->pending_openings->pdata[i] != NULL)
      mc_window_opening_drop (self->pending_openings->pdata[i]);
  g_clear_pointer (&self->pending_openings, g_ptr_array_unref);
}

/* openings: begun already for files (NULL entries for imports), or NULL. */
static void
open_files (McApplication    *self,
            GFile           **files,
            guint             n_files,
            McWindowOpening **openings)
{
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GError) error = NULL;
      McWindowOpening *opening = openings != NULL ? openings[i] : begin_opening (files[i]);
      McWindow *window = NULL;

      /* The file goes into a window of its own, or the one still showing
       * an untouched board. */
      window = get_active_mc_window (self);
      if (window == NULL || !mc_window_get_pristine (window))
        {
          g_autoptr(McBoard) example = opening == NULL ? mc_board_new_example () : NULL;

          window = new_window (self, example);
        }

      if (opening != NULL)
        {
          Opening *data = g_new0 (Opening, 1);

          data->self = self;
          data->file = g_object_ref (files[i]);
          self->n_opening++;
          /* Running until the board is in its window. */
          g_application_hold (G_APPLICATION (self));
          mc_window_opening_show (opening, window, on_file_opened, data);
        }
      else if (!mc_window_open_file (window, files[i], &error))
        show_open_error (window, files[i], error);
    }
}

/* --present: the window just shown goes into presentation mode, once. */
static void
present_if_asked (McApplication *self)
{
  McWindow *window;

  if (!self->present_pending || self->n_opening > 0)
    return;

  self->present_pending = FALSE;
  window = get_active_mc_window (self);
  if (window != NULL && self->room_pending)
    {
      g_autoptr(McRoom) room = mc_room_new (mc_window_get_board (window));
      g_autoptr(GError) error = NULL;
      g_autofree char *url = NULL;

      if (mc_room_start (room, &error))
        {
          url = mc_room_dup_join_url (room, NULL);
          g_print ("%s\n", url);
          /* The room lives as long as the window: closing it closes the room. */
          g_object_set_data_full (G_OBJECT (window), "mc-room", g_steal_pointer (&room), g_object_unref);
        }
      else
        g_printerr ("%s\n", error->message);
    }
  /* After the room: the presentation shows its join stop. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
}

/* GApplication */

static int
mc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  McApplication *self = MC_APPLICATION (app);
  g_auto(GStrv) paths = NULL;
  int status;

  /* Nothing on this path may touch GTK: the command line runs headless. */
  status = mc_cli_handle_local_options (app, options);
  if (status >= 0)
    return status;

  /* Remembered for activate/open; GTK is not up yet. */
  if (g_variant_dict_contains (options, "present"))
    self->present_pending = TRUE;
  self->room_pending = g_variant_dict_contains (options, "room");

  paths = mc_cli_dup_files (options);
  if (paths == NULL || paths[0] == NULL)
    return -1;

  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  drop_openings (self);
  self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending_openings = g_ptr_array_new ();
  for (guint i = 0; paths[i] != NULL; i++)
    {
      GFile *file = g_file_new_for_commandline_arg (paths[i]);

      g_ptr_array_add (self->pending_files, file);
      /* Read and laid out while GTK starts up and the window is made. */
      g_ptr_array_add (self->pending_openings, begin_opening (file));
    }

  /* A second instance hands its files to the first one and exits. */
  if (!g_application_register (app, NULL, NULL))
    return 1;
  if (g_application_get_is_remote (app))
    {
      drop_openings (self);
      g_application_open (app, (GFile **) self->pending_files->pdata,
                          self->pending_files->len, "");
      g_clear_pointer (&self->pending_files, g_ptr_array_unref);
      return 0;
    }

  return -1;
}

static void
mc_application_activate (GApplication *app)
{
  McApplication *self = MC_APPLICATION (app);
  McWindow *window;

  if (self->pending_files != NULL)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending_files);
      g_autoptr(GPtrArray) openings = g_steal_pointer (&self->pending_openings);

      open_files (self, (GFile **) files->pdata, files->len, (McWindowOpening **) openings->pdata);
      present_if_asked (self);
      return;
    }

  window = get_active_mc_window (self);
  if (window == NULL)
    {
      g_autoptr(McBoard) example = mc_board_new_example ();

      window = new_window (self, example);
    }

  gtk_window_present (GTK_WINDOW (window));
  present_if_asked (self);
}

static void
mc_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  McApplication *self = MC_APPLICATION (app);

  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  drop_openings (self);
  open_files (self, files, n_files, NULL);
  present_if_asked (self);
}

/* Actions */

/* Templates: New opens the template chooser on the current window; its
 * choice replaces a pristine board there or opens a window of its own. */
static void
action_new (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  McApplication *self = user_data;
  McWindow *window = get_active_mc_window (self);

  if (window == NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      McLanguage language = mc_window_default_board_language (settings);
      g_autoptr(McBoard) board = NULL;
      g_autoptr(GError) error = NULL;

      board = mc_board_new_from_template ("model", language, &error);
      if (board == NULL)
        {
          g_warning ("Could not create a board: %s", error->message);
          return;
        }
      window = new_window (self, board);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-board", NULL);
}

static void
action_open (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  McApplication *self = user_data;
  McWindow *window = get_active_mc_window (self);

  if (window == NULL)
    {
      g_autoptr(McBoard) example = mc_board_new_example ();

      window = new_window (self, example);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
}

static void
action_quit (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  McApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes; the application ends
   * when the last one is gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
action_about (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  McApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;
  const char *developers[] = { "Missiecanvas contributors", NULL };
  const char *model[] = {
    "Kenniscentra van Hogeschool Utrecht https://www.hu.nl/onderzoek",
    NULL
  };

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, "Missiecanvas");
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, "Missiecanvas contributors");
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, "© 2026 Missiecanvas contributors");
  adw_about_window_set_website (about, "https://missiecanvas.github.io/");
  adw_about_window_set_issue_url (about, "https://github.com/missiecanvas/missiecanvas/issues");
  adw_about_window_set_comments (about,
                                 _("Sticky notes on the figures of the model “Missiegedreven omgevingen”"));
  /* Translators: put your name here, one per line, as "Name <email>". */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_acknowledgement_section (about, _("The Model and Its Sources"), model);
  adw_about_window_add_legal_section (about,
                                      _("The Model"),
                                      _("“Missiegedreven omgevingen. Een conceptueel model” by the Kenniscentra of Hogeschool Utrecht. The figures, labels, definitions and questions drawn by this application come from it."),
                                      GTK_LICENSE_CUSTOM, NULL);

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

static void
action_shortcuts (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  McApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* GtkApplicationWindow builds the shortcuts window from gtk/help-overlay.ui. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s says why, e.g. that no help browser is installed. */
      g_autofree char *message = g_strdup_printf (_("Could not open the user guide: %s"), error->message);

      mc_app_show_toast (GTK_WIDGET (source), message);
    }
}

/* The Mallard guide in help/, installed for yelp as "missiecanvas". */
static void
action_help (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  McApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    return;
  gtk_show_uri_full (window, "help:missiecanvas", GDK_CURRENT_TIME, NULL, on_help_shown, NULL);
}

static const GActionEntry app_entries[] = {
  { "help", action_help },
  { "new", action_new },
  { "open", action_open },
  { "quit", action_quit },
  { "about", action_about },
  { "shortcuts", action_shortcuts },
};

static const struct {
  const char *action;
  const char *accels[4];
} accels[] = {
  /* Templates: the chooser, and Add Figure */
  { "app.new", { "<Control>n", NULL } },
  /* Shift+Ctrl+A is the canvas's Select Region. */
  { "win.add-figure", { "<Shift><Control>n", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.help", { "F1", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Shift><Control>s", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.export-report", { "<Shift><Control>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Shift><Control>z", "<Control>y", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "win.zoom-fit", { "<Control>0", "<Control>KP_0", NULL } },
  { "win.zoom-reset", { "<Control>1", "<Control>KP_1", NULL } },
  { "win.sidebar", { "F9", NULL } },
  { "win.find", { "<Control>f", NULL } },  /* note editing: outline search */
  /* Facilitated session */
  { "win.present", { "F5", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

static void
mc_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (mc_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);

  mc_recovery_offer (GTK_APPLICATION (app));
}

static void
mc_application_finalize (GObject *object)
{
  McApplication *self = MC_APPLICATION (object);

  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  drop_openings (self);

  G_OBJECT_CLASS (mc_application_parent_class)->finalize (object);
}

static void
mc_application_class_init (McApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mc_application_finalize;

  /* Before startup: AdwApplication loads style.css from the resources then. */
  mc_app_ensure_resources ();

  app_class->handle_local_options = mc_application_handle_local_options;
  app_class->startup = mc_application_startup;
  app_class->activate = mc_application_activate;
  app_class->open = mc_application_open;
}

static void
mc_application_init (McApplication *self)
{
  mc_cli_add_main_options (G_APPLICATION (self));
  /* A GUI option, not one of the headless command line's. */
  g_application_add_main_option (G_APPLICATION (self), "present", 0,
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Open straight into presentation mode"), NULL);
  g_application_add_main_option (G_APPLICATION (self), "room", 0,
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("With --present, open the room for participants’ phones and print its link"), NULL);
}

/* Run from the build tree (tools/run, or build/src/missiecanvas by hand):
 * the translations, schemas and resources of this build, not whatever an
 * install prefix holds or lacks. The executable's folder tells: meson puts
 * it in BUILD/src, beside BUILD/meson-private. */
static void
use_build_tree (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *src = NULL;
  g_autofree char *root = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *localedir = NULL;
  g_autofree char *schemas = NULL;
  g_autofree char *compiled = NULL;

  if (exe == NULL)
    return;
  src = g_path_get_dirname (exe);
  root = g_path_get_dirname (src);
  marker = g_build_filename (root, "meson-private", NULL);
  if (!g_file_test (marker, G_FILE_TEST_IS_DIR))
    return;

  localedir = g_build_filename (root, "po", NULL);
  if (g_file_test (localedir, G_FILE_TEST_IS_DIR))
    bindtextdomain (GETTEXT_PACKAGE, localedir);

  schemas = g_build_filename (root, "data", NULL);
  compiled = g_build_filename (schemas, "gschemas.compiled", NULL);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL && g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
    g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
}

McApplication *
mc_application_new (void)
{
  use_build_tree ();

  return g_object_new (MC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
