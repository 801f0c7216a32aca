/* mc-export-dialog.c — the Export window: options, remembered settings, Export…
 *
 * A thin client of mc-export.h: the rows (a composite template,
 * ui/dialogs/mc-export-dialog.ui) fill an McExportOptions, the preview
 * (mc-export-preview.c) draws the scene mc_export_build_scene() returns for
 * those options, and Export… writes the file through
 * mc_export_to_file_with_format(). The rows are built and bound to the
 * remembered settings in mc-export-dialog-rows.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-export-dialog-private.h"
#include "mc-export-async.h"
#include "mc-catalog.h"

G_DEFINE_FINAL_TYPE (McExportDialog, mc_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
_mc_export_dialog_format_is_figure (McExportFormat format)
{
  return format == MC_EXPORT_FORMAT_PDF || format == MC_EXPORT_FORMAT_SVG ||
         format == MC_EXPORT_FORMAT_PNG;
}

/* Options */

McExportFormat
mc_export_dialog_get_format (McExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (MC_IS_EXPORT_DIALOG (self), MC_EXPORT_FORMAT_PDF);

  selected = adw_combo_row_get_selected (self->format_row);
  return selected < MC_N_EXPORT_FORMATS ? (McExportFormat) selected : MC_EXPORT_FORMAT_PDF;
}

void
mc_export_dialog_set_format (McExportDialog *self,
                             McExportFormat  format)
{
  g_return_if_fail (MC_IS_EXPORT_DIALOG (self));
  g_return_if_fail ((guint) format < MC_N_EXPORT_FORMATS);

  adw_combo_row_set_selected (self->format_row, format);
}

McBoard *
mc_export_dialog_get_board (McExportDialog *self)
{
  g_return_val_if_fail (MC_IS_EXPORT_DIALOG (self), NULL);

  return self->board;
}

const char * const *
mc_export_dialog_get_figure_ids (McExportDialog *self)
{
  g_return_val_if_fail (MC_IS_EXPORT_DIALOG (self), NULL);

  return (const char * const *) self->figure_ids->pdata;
}

/* The checked figures, NULL-terminated, borrowed strings. */
static GPtrArray *
checked_figure_ids (McExportDialog *self)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < self->figure_checks->len; i++)
    if (gtk_check_button_get_active (self->figure_checks->pdata[i]))
      g_ptr_array_add (ids, self->figure_ids->pdata[i]);
  g_ptr_array_add (ids, NULL);
  return ids;
}

static double
selected_width_mm (McExportDialog *self)
{
  static const double widths[] = {
    [MC_EXPORT_DIALOG_WIDTH_ONE_COLUMN] = MC_EXPORT_SINGLE_COLUMN_MM,
    [MC_EXPORT_DIALOG_WIDTH_ONE_COLUMN_WIDE] = MC_EXPORT_SINGLE_COLUMN_WIDE_MM,
    [MC_EXPORT_DIALOG_WIDTH_ONE_AND_HALF] = MC_EXPORT_ONE_AND_HALF_COLUMN_MM,
    [MC_EXPORT_DIALOG_WIDTH_TWO_COLUMNS] = MC_EXPORT_DOUBLE_COLUMN_MM,
    [MC_EXPORT_DIALOG_WIDTH_TWO_COLUMNS_WIDE] = MC_EXPORT_DOUBLE_COLUMN_WIDE_MM,
    [MC_EXPORT_DIALOG_WIDTH_A4] = MC_EXPORT_A4_WIDTH_MM,
    [MC_EXPORT_DIALOG_WIDTH_NATURAL] = 0,
  };
  guint selected = adw_combo_row_get_selected (self->width_row);

  if (selected == MC_EXPORT_DIALOG_WIDTH_CUSTOM)
    return gtk_spin_button_get_value (self->width_spin);
  return selected < G_N_ELEMENTS (widths) ? widths[selected] : MC_EXPORT_DOUBLE_COLUMN_MM;
}

void
mc_export_dialog_get_options (McExportDialog  *self,
                              McExportOptions *options)
{
  guint figure;

  g_return_if_fail (MC_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  /* Asked before the window has built them: every row, now. */
  _mc_export_rows_ensure (self);
  mc_export_options_init (options, MIN (adw_combo_row_get_selected (self->language_row),
                                        MC_N_LANGUAGES - 1));

  switch (adw_combo_row_get_selected (self->scope_row))
    {
    case MC_EXPORT_DIALOG_SCOPE_FIGURE:
      figure = adw_combo_row_get_selected (self->figure_row);
      if (figure < self->figure_ids->len - 1)
        {
          options->scope = MC_EXPORT_SCOPE_FIGURE;
          options->figure_id = self->figure_ids->pdata[figure];
        }
      break;
    case MC_EXPORT_DIALOG_SCOPE_FIGURES:
      {
        GPtrArray *ids = checked_figure_ids (self);

        /* The strings stay owned by figure_ids; the array is kept on the
         * dialog so the options stay valid until the next call. */
        g_object_set_data_full (G_OBJECT (self), "mc-export-checked", ids,
                                (GDestroyNotify) g_ptr_array_unref);
        options->scope = MC_EXPORT_SCOPE_FIGURES;
        options->figure_ids = (const char * const *) ids->pdata;
      }
      break;
    default:
      break;
    }

  options->csv_separator = adw_combo_row_get_selected (self->separator_row) == 1 ? ';' : ',';
  options->notes = gtk_switch_get_active (self->notes_switch);
  options->questions = adw_combo_row_get_selected (self->questions_row);
  options->definitions = gtk_switch_get_active (self->definitions_switch);
  options->empty_regions = gtk_switch_get_active (self->empty_switch);
  options->caption = gtk_switch_get_active (self->caption_switch);
  options->theme = MIN (adw_combo_row_get_selected (self->theme_row), MC_N_THEMES - 1);
  options->background = MIN (adw_combo_row_get_selected (self->background_row),
                             MC_EXPORT_BACKGROUND_TRANSPARENT);
  options->width_mm = selected_width_mm (self);
  options->font_floor_pt = gtk_spin_button_get_value (self->font_floor_spin);
  options->dpi = _mc_export_rows_dpi (self);
  options->page = MIN (adw_combo_row_get_selected (self->page_row), MC_EXPORT_PAGE_A3_LANDSCAPE);
  options->title = mc_board_get_title (self->board);
  if (options->title != NULL && options->title[0] == '\0')
    options->title = NULL;
}

GtkWidget *
mc_export_dialog_get_control (McExportDialog *self,
                              const char     *name)
{
  GtkWidget *widget;

  g_return_val_if_fail (MC_IS_EXPORT_DIALOG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  widget = g_hash_table_lookup (self->controls, name);
  /* A row of a group not built yet: every group, now. */
  if (widget == NULL && !_mc_export_rows_all_built (self))
    {
      _mc_export_rows_ensure (self);
      widget = g_hash_table_lookup (self->controls, name);
    }
  return widget;
}

/* The Export button while a file is written: insensitive, saying so. */
static void
set_exporting (McExportDialog *self,
               gboolean        exporting)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", !exporting);
  gtk_button_set_label (GTK_BUTTON (self->export_button), exporting ? _("Exporting…") : _("_Export…"));
  /* Closed meanwhile, the dialog only hides: the file is still written
   * and the toast still says where. */
  gtk_window_set_hide_on_close (GTK_WINDOW (self), exporting);
}

static void
on_file_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  McExportDialog *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  GError *error = NULL;
  GtkWindow *parent;

  set_exporting (self, FALSE);
  if (!mc_export_to_file_finish (result, &error))
    {
      /* Closed while writing: the error has no dialog to stay in. */
      if (!gtk_widget_get_visible (GTK_WIDGET (self)))
        {
          _mc_export_show_error (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                 _("Could Not Export"), error->message);
          gtk_window_destroy (GTK_WINDOW (self));
        }
      g_task_return_error (task, error);
      return;
    }

  {
    g_autoptr(GFile) folder = g_file_get_parent (file);

    if (folder != NULL)
      {
        g_autofree char *uri = g_file_get_uri (folder);

        g_settings_set_string (self->settings, "export-folder", uri);
      }
  }
  /* The options of this export are the ones the next dialog opens with. */
  g_settings_apply (self->settings);

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  _mc_export_show_toast (parent, file);
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_window_close (GTK_WINDOW (self));
  else
    gtk_window_destroy (GTK_WINDOW (self));
  g_task_return_boolean (task, TRUE);
}

void
mc_export_dialog_export_to_file_async (McExportDialog      *self,
                                       GFile               *file,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  McExportOptions options;
  GTask *task;

  g_return_if_fail (MC_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, mc_export_dialog_export_to_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  mc_export_dialog_get_options (self, &options);
  set_exporting (self, TRUE);
  mc_export_to_file_async (self->board, &options, MC_EXPORT_JOB_FIGURES,
                           mc_export_dialog_get_format (self), file, NULL, on_file_written, task);
}

gboolean
mc_export_dialog_export_to_file_finish (McExportDialog  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Sets the chooser's folder to where the last export went, if it exists. */
static const char *
format_filter_name (McExportFormat format)
{
  switch (format)
    {
    case MC_EXPORT_FORMAT_PDF:
      return _("PDF documents");
    case MC_EXPORT_FORMAT_SVG:
      return _("SVG images");
    case MC_EXPORT_FORMAT_PNG:
      return _("PNG images");
    case MC_EXPORT_FORMAT_MARKDOWN:
      return _("Markdown documents");
    case MC_EXPORT_FORMAT_CSV:
      return _("CSV tables");
    case MC_EXPORT_FORMAT_CANVAS:
      return _("JSON Canvas files");
    case MC_N_EXPORT_FORMATS:
    default:
      return NULL;
    }
}

static const char *
format_mime_type (McExportFormat format)
{
  static const char * const types[] = { "application/pdf", "image/svg+xml", "image/png",
                                        "text/markdown", "text/csv", "application/json" };

  return (guint) format < G_N_ELEMENTS (types) ? types[format] : NULL;
}

/* "Wijkleerlab Overvecht – Context" for a figure, the title for the board. */
static char *
suggested_name (McBoard    *board,
                const char *figure_id,
                const char *extension)
{
  const char *title = mc_board_get_title (board);
  g_autofree char *base = NULL;

  if (title == NULL || title[0] == '\0')
    title = "missiecanvas";
  if (figure_id != NULL)
    base = g_strdup_printf ("%s - %s", title, figure_id);
  else
    base = g_strdup (title);
  /* No path separators in a file name. */
  g_strdelimit (base, "/\\:", '-');
  return g_strdup_printf ("%s.%s", base, extension);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  McExportDialog *self = MC_EXPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;

  if (!mc_export_dialog_export_to_file_finish (self, result, &error))
    _mc_export_show_error (GTK_WINDOW (self), _("Could Not Export"), error->message);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  McExportDialog *self = user_data;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (chosen == NULL)
    return;

  file = _mc_export_file_with_extension (chosen, mc_export_format_get_extension (mc_export_dialog_get_format (self)));
  mc_export_dialog_export_to_file_async (self, file, on_exported, NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  McExportDialog *self = MC_EXPORT_DIALOG (widget);
  McExportFormat format = mc_export_dialog_get_format (self);
  const char *extension = mc_export_format_get_extension (format);
  McExportOptions options;
  g_autofree char *name = NULL;

  if (self->chooser != NULL || !gtk_widget_get_sensitive (self->export_button))
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  _mc_export_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), format_filter_name (format), extension,
              format_mime_type (format));
  _mc_export_chooser_set_last_folder (GTK_FILE_CHOOSER (self->chooser), self->settings);

  mc_export_dialog_get_options (self, &options);
  name = suggested_name (self->board,
                         options.scope == MC_EXPORT_SCOPE_FIGURE ? options.figure_id : NULL,
                         extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

static void
mc_export_dialog_dispose (GObject *object)
{
  McExportDialog *self = MC_EXPORT_DIALOG (object);

  _mc_export_rows_dispose (self);
  _mc_export_preview_dispose (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* The settings are never applied when the dialog closes without an
   * export: its options are forgotten with the delayed settings. */
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (mc_export_dialog_parent_class)->dispose (object);
}

static void
mc_export_dialog_finalize (GObject *object)
{
  McExportDialog *self = MC_EXPORT_DIALOG (object);

  g_clear_object (&self->board);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->figure_ids, g_ptr_array_unref);
  g_clear_pointer (&self->figure_checks, g_ptr_array_unref);
  g_clear_pointer (&self->controls, g_hash_table_unref);

  G_OBJECT_CLASS (mc_export_dialog_parent_class)->finalize (object);
}

static void
mc_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  McExportDialog *self = MC_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  McExportDialog *self = MC_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_set_object (&self->board, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_export_dialog_class_init (McExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_export_dialog_dispose;
  object_class->finalize = mc_export_dialog_finalize;
  object_class->get_property = mc_export_dialog_get_property;
  object_class->set_property = mc_export_dialog_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL, MC_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/missiecanvas/Missiecanvas/ui/mc-export-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, McExportDialog, name)
  BIND (options_page);
  BIND (format_row);
  BIND (separator_row);
  BIND (scope_row);
  BIND (figure_row);
  BIND (figures_row);
  BIND (preview_stack);
  BIND (preview_area);
  BIND (outline_view);
  BIND (size_label);
  BIND (export_button);
#undef BIND

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "export.export", NULL);
}


static void
mc_export_dialog_init (McExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_delay (self->settings);
  self->figure_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->figure_ids, NULL);
  self->figure_checks = g_ptr_array_new ();
  self->controls = g_hash_table_new (g_str_hash, g_str_equal);
}

McExportDialog *
mc_export_dialog_new (GtkWindow  *parent,
                      McBoard    *board,
                      const char *figure_id)
{
  McExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  self = g_object_new (MC_TYPE_EXPORT_DIALOG,
                       "board", board,
                       "transient-for", parent,
                       NULL);
  _mc_export_rows_init (self, figure_id);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
  _mc_export_preview_init (self);
  /* The other rows, then the preview, follow once the window is shown
   * (mc-export-dialog-rows.c, mc-export-preview.c). */
  return self;
}

void
mc_export_dialog_present (GtkWindow  *parent,
                          McBoard    *board,
                          const char *figure_id)
{
  McExportDialog *self;

  g_return_if_fail (MC_IS_BOARD (board));

  self = mc_export_dialog_new (parent, board, figure_id);
  gtk_window_present (GTK_WINDOW (self));
}
