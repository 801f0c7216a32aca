/* mc-export-dialog.c — the Export window: options, remembered settings, Export…
 *
 * A thin client of mc-export.h: the rows (a composite template,
 * ui/dialogs/mc-export-dialog.ui) fill an McExportOptions, the preview
 * (mc-export-preview.c) draws the scene mc_export_build_scene() returns for
 * those options, and Export… writes the file through
 * mc_export_to_file_with_format(). The rows are bound to GSettings in
 * delayed mode: a successful export applies them, so the next dialog opens
 * with the options of the last export.
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

/* Settings values, in the order of the rows' items (NULL-terminated for
 * the settings mappings). */
static const char * const format_names[] = { "pdf", "svg", "png", "md", "csv", "canvas", NULL };
static const char * const questions_names[] = { "off", "inline", "list", NULL };
static const char * const theme_names[] = { "color", "print", "projector", NULL };
static const char * const background_names[] = { "paper", "white", "transparent", NULL };
static const char * const width_names[] = { "one-column", "one-column-wide", "one-and-half",
                                            "two-columns", "two-columns-wide", "a4",
                                            "natural", "custom", NULL };
static const char * const page_names[] = { "fit", "a4-portrait", "a4-landscape", "a3-portrait",
                                           "a3-landscape", NULL };
static const int dpi_values[] = { 150, 300, 600 };

G_STATIC_ASSERT (G_N_ELEMENTS (format_names) == MC_N_EXPORT_FORMATS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (width_names) == MC_EXPORT_DIALOG_WIDTH_CUSTOM + 2);

static guint
index_of_name (const char * const *names,
               const char         *name,
               guint               fallback)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  return fallback;
}

gboolean
_mc_export_dialog_format_is_figure (McExportFormat format)
{
  return format == MC_EXPORT_FORMAT_PDF || format == MC_EXPORT_FORMAT_SVG ||
         format == MC_EXPORT_FORMAT_PNG;
}

McThemeKind
_mc_export_dialog_remembered_theme (GSettings *settings)
{
  g_autofree char *theme = g_settings_get_string (settings, "export-theme");

  return index_of_name (theme_names, theme, MC_THEME_COLOR);
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
  options->dpi = dpi_values[MIN (adw_combo_row_get_selected (self->dpi_row),
                                 G_N_ELEMENTS (dpi_values) - 1)];
  options->page = MIN (adw_combo_row_get_selected (self->page_row), MC_EXPORT_PAGE_A3_LANDSCAPE);
  options->title = mc_board_get_title (self->board);
  if (options->title != NULL && options->title[0] == '\0')
    options->title = NULL;
}

GtkWidget *
mc_export_dialog_get_control (McExportDialog *self,
                              const char     *name)
{
  g_return_val_if_fail (MC_IS_EXPORT_DIALOG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->controls, name);
}

/* Remembered options */
/* Remembered options: each row bound to its key */

static gboolean
name_to_index (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char * const *names = user_data;

  g_value_set_uint (value, index_of_name (names, g_variant_get_string (variant, NULL), 0));
  return TRUE;
}

static GVariant *
index_to_name (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  const char * const *names = user_data;
  guint index = g_value_get_uint (value);
  guint n = g_strv_length ((char **) names);

  return g_variant_new_string (names[MIN (index, n - 1)]);
}

static gboolean
dpi_to_index (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  int dpi = g_variant_get_int32 (variant);
  guint best = 1;

  for (guint i = 0; i < G_N_ELEMENTS (dpi_values); i++)
    if (ABS (dpi_values[i] - dpi) < ABS (dpi_values[best] - dpi))
      best = i;
  g_value_set_uint (value, best);
  return TRUE;
}

static GVariant *
index_to_dpi (const GValue       *value,
              const GVariantType *expected_type,
              gpointer            user_data)
{
  return g_variant_new_int32 (dpi_values[MIN (g_value_get_uint (value), G_N_ELEMENTS (dpi_values) - 1)]);
}

static void
bind_combo (McExportDialog     *self,
            const char         *key,
            AdwComboRow        *row,
            const char * const *names)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                name_to_index, index_to_name, (gpointer) names, NULL);
}

static void
bind_settings (McExportDialog *self)
{
  GSettings *s = self->settings;

  bind_combo (self, "export-format", self->format_row, format_names);
  bind_combo (self, "export-questions", self->questions_row, questions_names);
  bind_combo (self, "export-theme", self->theme_row, theme_names);
  bind_combo (self, "export-background", self->background_row, background_names);
  bind_combo (self, "export-width", self->width_row, width_names);
  bind_combo (self, "export-page", self->page_row, page_names);
  g_settings_bind_with_mapping (s, "export-dpi", self->dpi_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                dpi_to_index, index_to_dpi, NULL, NULL);
  g_settings_bind (s, "export-notes", self->notes_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "export-definitions", self->definitions_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "export-empty-regions", self->empty_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "export-caption", self->caption_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "export-width-mm", self->width_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "export-font-floor", self->font_floor_spin, "value", G_SETTINGS_BIND_DEFAULT);
}

/* Shows the rows that apply to the chosen format and scope; hides the rest
 * so the dialog only asks what matters. */
static void
update_rows (McExportDialog *self)
{
  McExportFormat format = mc_export_dialog_get_format (self);
  gboolean figure = _mc_export_dialog_format_is_figure (format);
  guint scope = adw_combo_row_get_selected (self->scope_row);
  gboolean fixed_page = format == MC_EXPORT_FORMAT_PDF &&
                        adw_combo_row_get_selected (self->page_row) != MC_EXPORT_PAGE_FIT;

  gtk_widget_set_visible (GTK_WIDGET (self->figure_row), scope == MC_EXPORT_DIALOG_SCOPE_FIGURE);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_row), scope == MC_EXPORT_DIALOG_SCOPE_FIGURES);
  if (scope == MC_EXPORT_DIALOG_SCOPE_FIGURES)
    adw_expander_row_set_expanded (self->figures_row, TRUE);

  gtk_widget_set_visible (self->notes_row, figure);
  gtk_widget_set_visible (GTK_WIDGET (self->questions_row), figure);
  gtk_widget_set_visible (self->definitions_row, figure);
  gtk_widget_set_visible (self->empty_row, figure);
  gtk_widget_set_visible (self->caption_row, figure);
  gtk_widget_set_visible (self->appearance_group, figure);
  gtk_widget_set_visible (self->size_group, figure);

  gtk_widget_set_visible (GTK_WIDGET (self->separator_row), format == MC_EXPORT_FORMAT_CSV);
  gtk_widget_set_visible (GTK_WIDGET (self->page_row), format == MC_EXPORT_FORMAT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->dpi_row), format == MC_EXPORT_FORMAT_PNG);
  /* A fixed page decides the size itself. */
  gtk_widget_set_visible (GTK_WIDGET (self->width_row), !fixed_page);
  gtk_widget_set_visible (self->custom_width_row,
                          !fixed_page &&
                          adw_combo_row_get_selected (self->width_row) == MC_EXPORT_DIALOG_WIDTH_CUSTOM);

  gtk_stack_set_visible_child_name (self->preview_stack, figure ? "figure" : "outline");
}

static void
on_option_changed (McExportDialog *self)
{
  if (self->loading)
    return;

  update_rows (self);
  _mc_export_preview_schedule (self);
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

/* Building the rows */

/* The figure rows: their titles come from the board */

static void
build_figure_rows (McExportDialog *self,
                   const char     *figure_id)
{
  McCatalog *catalog = mc_catalog_get_default ();
  McLanguage language = mc_board_get_language (self->board);
  GPtrArray *figures = mc_board_get_figures (self->board);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) model = NULL;
  guint selected = 0;

  for (guint i = 0; i < figures->len; i++)
    {
      McFigure *figure = figures->pdata[i];
      const char *id = mc_figure_get_id (figure);
      const McFigureInfo *info = mc_catalog_get_figure (catalog, mc_figure_get_kind (figure));
      const char *title = info != NULL ? mc_figure_info_get_title (info, language) : NULL;
      g_autofree char *label = NULL;

      /* Two figures of one kind: the id tells them apart. */
      if (title == NULL)
        label = g_strdup (id);
      else if (!g_str_equal (id, mc_figure_get_kind (figure)))
        label = g_strdup_printf ("%s (%s)", title, id);
      else
        label = g_strdup (title);

      g_ptr_array_insert (self->figure_ids, self->figure_ids->len - 1, g_strdup (id));
      g_ptr_array_add (titles, g_steal_pointer (&label));
      if (g_strcmp0 (figure_id, id) == 0)
        selected = i;
    }
  g_ptr_array_add (titles, NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), figures->len > 0);
  model = gtk_string_list_new ((const char * const *) titles->pdata);
  adw_combo_row_set_model (self->figure_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->figure_row, selected);

  for (guint i = 0; i < figures->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles->pdata[i]);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_name (check, self->figure_ids->pdata[i]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "notify::active", G_CALLBACK (on_option_changed), self);
      adw_expander_row_add_row (self->figures_row, row);
      g_ptr_array_add (self->figure_checks, check);
    }

  /* A journal takes figures, so the window opens on one: the one selected
   * on the canvas, or the first. (The whole board at a journal's width is
   * refused with its cure; it stays one choice away.) */
  if (figures->len > 0)
    adw_combo_row_set_selected (self->scope_row, MC_EXPORT_DIALOG_SCOPE_FIGURE);
}

/* Every control by its name (mc_export_dialog_get_control()), each telling
 * the dialog when it changes. */
static void
connect_controls (McExportDialog *self)
{
  struct { const char *name; gpointer widget; const char *signal; } controls[] = {
    { "format", self->format_row, "notify::selected" },
    { "separator", self->separator_row, "notify::selected" },
    { "scope", self->scope_row, "notify::selected" },
    { "figure", self->figure_row, "notify::selected" },
    { "figures", self->figures_row, NULL },
    { "notes", self->notes_switch, "notify::active" },
    { "questions", self->questions_row, "notify::selected" },
    { "definitions", self->definitions_switch, "notify::active" },
    { "empty-regions", self->empty_switch, "notify::active" },
    { "caption", self->caption_switch, "notify::active" },
    { "language", self->language_row, "notify::selected" },
    { "theme", self->theme_row, "notify::selected" },
    { "background", self->background_row, "notify::selected" },
    { "width", self->width_row, "notify::selected" },
    { "custom-width", self->width_spin, "value-changed" },
    { "font-floor", self->font_floor_spin, "value-changed" },
    { "dpi", self->dpi_row, "notify::selected" },
    { "page", self->page_row, "notify::selected" },
    { "export", self->export_button, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      g_hash_table_insert (self->controls, (gpointer) controls[i].name, controls[i].widget);
      if (controls[i].signal != NULL)
        g_signal_connect_swapped (controls[i].widget, controls[i].signal,
                                  G_CALLBACK (on_option_changed), self);
    }
}

/* GObject */

static void
mc_export_dialog_dispose (GObject *object)
{
  McExportDialog *self = MC_EXPORT_DIALOG (object);

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
  BIND (format_row);
  BIND (separator_row);
  BIND (scope_row);
  BIND (figure_row);
  BIND (figures_row);
  BIND (notes_row);
  BIND (notes_switch);
  BIND (questions_row);
  BIND (definitions_row);
  BIND (definitions_switch);
  BIND (empty_row);
  BIND (empty_switch);
  BIND (caption_row);
  BIND (caption_switch);
  BIND (language_row);
  BIND (theme_row);
  BIND (background_row);
  BIND (width_row);
  BIND (custom_width_row);
  BIND (width_spin);
  BIND (font_floor_row);
  BIND (font_floor_spin);
  BIND (dpi_row);
  BIND (page_row);
  BIND (appearance_group);
  BIND (size_group);
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
  self->loading = TRUE;
  connect_controls (self);
  build_figure_rows (self, figure_id);
  bind_settings (self);
  adw_combo_row_set_selected (self->language_row, mc_board_get_language (board));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
  _mc_export_preview_init (self);
  self->loading = FALSE;

  update_rows (self);
  /* The preview starts once the window is shown (mc-export-preview.c). */
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
