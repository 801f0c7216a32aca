/* mc-export-dialog.c — the Export window: options, a live preview, Export…
 *
 * A thin client of mc-export.h: the rows fill an McExportOptions, the
 * preview draws the scene that export would draw, and Export… writes the
 * file through mc_export_to_file_with_format().
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "mc-export-dialog.h"
#include "mc-catalog.h"
#include "mc-export.h"
#include "mc-render-cairo.h"

typedef struct
{
  AdwWindow            *window;
  AdwToastOverlay      *toasts;
  McBoard              *board;
  GPtrArray            *figure_ids;   /* index i+1 in the scope row; 0 = whole board */

  AdwComboRow          *format_row;
  AdwComboRow          *scope_row;
  GtkSwitch            *notes_switch;
  AdwComboRow          *questions_row;
  GtkSwitch            *empty_switch;
  GtkSwitch            *caption_switch;
  AdwComboRow          *language_row;
  AdwComboRow          *theme_row;
  AdwComboRow          *width_row;
  GtkSpinButton        *width_spin;
  AdwActionRow         *width_custom_row;
  AdwComboRow          *dpi_row;
  AdwComboRow          *background_row;
  AdwComboRow          *page_row;
  GtkDrawingArea       *preview;

  McScene              *preview_scene;
  McRect                preview_content;
  GtkFileChooserNative *chooser;
  gboolean              chooser_is_report;
} ExportDialog;

static const int dpi_values[] = { 150, 300, 600 };

static void
export_dialog_free (gpointer data)
{
  ExportDialog *self = data;

  g_clear_object (&self->board);
  g_clear_pointer (&self->figure_ids, g_ptr_array_unref);
  g_clear_pointer (&self->preview_scene, mc_scene_unref);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_free (self);
}

static McExportFormat
selected_format (ExportDialog *self)
{
  return (McExportFormat) adw_combo_row_get_selected (self->format_row);
}

static void
read_options (ExportDialog    *self,
              McExportOptions *options)
{
  guint scope = adw_combo_row_get_selected (self->scope_row);
  guint width = adw_combo_row_get_selected (self->width_row);

  mc_export_options_init (options, adw_combo_row_get_selected (self->language_row));
  if (scope > 0 && scope <= self->figure_ids->len)
    {
      options->scope = MC_EXPORT_SCOPE_FIGURE;
      options->figure_id = self->figure_ids->pdata[scope - 1];
    }
  options->notes = gtk_switch_get_active (self->notes_switch);
  options->questions = adw_combo_row_get_selected (self->questions_row);
  options->empty_regions = gtk_switch_get_active (self->empty_switch);
  options->caption = gtk_switch_get_active (self->caption_switch);
  options->theme = adw_combo_row_get_selected (self->theme_row);
  switch (width)
    {
    case 1:
      options->width_mm = MC_EXPORT_SINGLE_COLUMN_MM;
      break;
    case 2:
      options->width_mm = MC_EXPORT_DOUBLE_COLUMN_MM;
      break;
    case 3:
      options->width_mm = gtk_spin_button_get_value (self->width_spin);
      break;
    default:
      options->width_mm = 0;
      break;
    }
  options->dpi = dpi_values[MIN (adw_combo_row_get_selected (self->dpi_row), G_N_ELEMENTS (dpi_values) - 1)];
  options->background = adw_combo_row_get_selected (self->background_row);
  options->page = adw_combo_row_get_selected (self->page_row);
}

static void
update_preview (ExportDialog *self)
{
  McExportOptions options;
  g_autoptr(GError) error = NULL;
  McExportFormat format = selected_format (self);
  gboolean is_figure = format == MC_EXPORT_FORMAT_PDF || format == MC_EXPORT_FORMAT_SVG ||
                       format == MC_EXPORT_FORMAT_PNG;

  /* Rows that do not apply to the chosen format are greyed out. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->dpi_row), format == MC_EXPORT_FORMAT_PNG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->background_row), format == MC_EXPORT_FORMAT_PNG ||
                                                               format == MC_EXPORT_FORMAT_SVG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page_row), format == MC_EXPORT_FORMAT_PDF);
  gtk_widget_set_sensitive (GTK_WIDGET (self->width_row), is_figure);
  gtk_widget_set_sensitive (GTK_WIDGET (self->width_custom_row),
                            is_figure && adw_combo_row_get_selected (self->width_row) == 3);

  g_clear_pointer (&self->preview_scene, mc_scene_unref);
  read_options (self, &options);
  self->preview_scene = mc_export_build_scene (self->board, &options, &self->preview_content, NULL, &error);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  ExportDialog *self = user_data;

  if (self->preview_scene == NULL)
    return;
  mc_export_draw_fitted (cr, self->preview_scene, &self->preview_content, width, height, 0);
}

static void
on_option_changed (ExportDialog *self)
{
  update_preview (self);
}

static void
show_error (ExportDialog *self,
            const char   *heading,
            const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  ExportDialog *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  McExportOptions options;
  gboolean ok;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    return;

  read_options (self, &options);
  if (self->chooser_is_report)
    ok = mc_export_session_report (self->board, &options, file, &error);
  else
    ok = mc_export_to_file_with_format (self->board, &options, selected_format (self), file, &error);

  if (!ok)
    {
      show_error (self, _("Could Not Export"), error->message);
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);

    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
  }
}

static char *
suggested_name (ExportDialog *self,
                const char   *extension)
{
  McExportOptions options;
  const char *title = mc_board_get_title (self->board);
  g_autofree char *base = NULL;

  read_options (self, &options);
  if (options.scope == MC_EXPORT_SCOPE_FIGURE)
    base = g_strdup (options.figure_id);
  else
    base = g_strdup (title != NULL && title[0] != '\0' ? title : "missiecanvas");
  /* No path separators in a file name. */
  g_strdelimit (base, "/\\:", '-');
  return g_strdup_printf ("%s.%s", base, extension);
}

static void
open_chooser (ExportDialog *self,
              gboolean      report)
{
  g_autofree char *name = NULL;
  GtkFileFilter *filter;
  const char *extension = report ? "pdf" : mc_export_format_get_extension (selected_format (self));

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  self->chooser = gtk_file_chooser_native_new (report ? _("Save Session Report") : _("Export"),
                                               GTK_WINDOW (self->window),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  self->chooser_is_report = report;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  filter = gtk_file_filter_new ();
  {
    g_autofree char *pattern = g_strdup_printf ("*.%s", extension);
    g_autofree char *upper = g_ascii_strup (extension, -1);

    gtk_file_filter_add_pattern (filter, pattern);
    gtk_file_filter_set_name (filter, upper);
  }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  name = report ? suggested_name (self, "pdf") : suggested_name (self, extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_export_clicked (GtkButton *button,
                   gpointer   user_data)
{
  open_chooser (user_data, FALSE);
}

static void
on_report_clicked (GtkButton *button,
                   gpointer   user_data)
{
  open_chooser (user_data, TRUE);
}

static AdwComboRow *
add_combo (ExportDialog        *self,
           AdwPreferencesGroup *group,
           const char          *title,
           const char * const  *items,
           guint                selected)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_expression (row, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_selected (row, selected);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_option_changed), self);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static GtkSwitch *
add_switch (ExportDialog        *self,
            AdwPreferencesGroup *group,
            const char          *title,
            gboolean             active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  g_signal_connect_swapped (sw, "notify::active", G_CALLBACK (on_option_changed), self);
  adw_preferences_group_add (group, row);
  return GTK_SWITCH (sw);
}

void
mc_export_dialog_present (GtkWindow  *parent,
                          McBoard    *board,
                          const char *figure_id)
{
  ExportDialog *self;
  McCatalog *catalog = mc_catalog_get_default ();
  McLanguage language;
  GPtrArray *figures;
  g_autoptr(GPtrArray) scope_items = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *toolbar, *header, *export_button, *cancel_button, *page, *scroller, *box, *frame;
  AdwPreferencesGroup *what, *look, *size;
  guint scope_selected = 0;

  g_return_if_fail (MC_IS_BOARD (board));

  self = g_new0 (ExportDialog, 1);
  self->board = g_object_ref (board);
  self->figure_ids = g_ptr_array_new_with_free_func (g_free);
  language = mc_board_get_language (board);

  self->window = ADW_WINDOW (adw_window_new ());
  g_object_set_data_full (G_OBJECT (self->window), "mc-export-dialog", self, export_dialog_free);
  gtk_window_set_title (GTK_WINDOW (self->window), _("Export"));
  gtk_window_set_modal (GTK_WINDOW (self->window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (self->window), parent);
  gtk_window_set_default_size (GTK_WINDOW (self->window), 900, 640);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self->window), TRUE);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel_button, "clicked", G_CALLBACK (gtk_window_close), self->window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel_button);
  export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (export_button, "suggested-action");
  g_signal_connect (export_button, "clicked", G_CALLBACK (on_export_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->toasts));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  adw_toast_overlay_set_child (self->toasts, box);

  /* Left: the preview of exactly what will be written. */
  frame = gtk_frame_new (NULL);
  gtk_widget_set_margin_start (frame, 18);
  gtk_widget_set_margin_top (frame, 18);
  gtk_widget_set_margin_bottom (frame, 18);
  gtk_widget_set_hexpand (frame, TRUE);
  self->preview = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (self->preview), 320, 240);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview of the export"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->preview));
  gtk_box_append (GTK_BOX (box), frame);

  /* Right: the options. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, 380, -1);
  page = adw_preferences_page_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), page);
  gtk_box_append (GTK_BOX (box), scroller);

  what = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (what, _("What"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), what);
  look = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (look, _("Content"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), look);
  size = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (size, _("Size and Output"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), size);

  {
    const char *formats[] = { _("PDF (vector)"), _("SVG (vector, editable text)"), _("PNG (image)"),
                              _("Markdown (outline)"), _("CSV (outline)"), NULL };
    self->format_row = add_combo (self, what, _("_Format"), formats, MC_EXPORT_FORMAT_PDF);
  }

  g_ptr_array_add (scope_items, g_strdup (_("Whole board")));
  figures = mc_board_get_figures (board);
  for (guint i = 0; i < figures->len; i++)
    {
      McFigure *figure = figures->pdata[i];
      const McFigureInfo *info = mc_catalog_get_figure (catalog, mc_figure_get_kind (figure));
      const char *title = info != NULL ? mc_figure_info_get_title (info, language) : NULL;

      g_ptr_array_add (self->figure_ids, g_strdup (mc_figure_get_id (figure)));
      g_ptr_array_add (scope_items, g_strdup (title != NULL ? title : mc_figure_get_id (figure)));
      if (g_strcmp0 (figure_id, mc_figure_get_id (figure)) == 0)
        scope_selected = i + 1;
    }
  g_ptr_array_add (scope_items, NULL);
  self->scope_row = add_combo (self, what, _("F_igure"), (const char * const *) scope_items->pdata,
                               scope_selected);

  self->notes_switch = add_switch (self, look, _("_Notes"), TRUE);
  {
    const char *questions[] = { _("Off"), _("In the regions"), _("As a list"), NULL };
    self->questions_row = add_combo (self, look, _("_Questions"), questions, MC_QUESTIONS_OFF);
  }
  self->empty_switch = add_switch (self, look, _("_Empty regions"), TRUE);
  self->caption_switch = add_switch (self, look, _("C_aption"), FALSE);
  {
    const char *languages[] = { "Nederlands", "English", NULL };
    self->language_row = add_combo (self, look, _("_Language"), languages, language);
  }
  {
    const char *themes[] = { _("Colour"), _("Print (grayscale-safe)"), _("Projector"), NULL };
    self->theme_row = add_combo (self, look, _("_Theme"), themes, MC_THEME_COLOR);
  }

  {
    const char *widths[] = { _("Natural"), _("One journal column (84 mm)"),
                             _("Two journal columns (174 mm)"), _("Custom"), NULL };
    self->width_row = add_combo (self, size, _("_Width"), widths, 0);
  }
  self->width_custom_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->width_custom_row), _("Custom width (mm)"));
  self->width_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (20, 1000, 1));
  gtk_spin_button_set_value (self->width_spin, 120);
  gtk_widget_set_valign (GTK_WIDGET (self->width_spin), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->width_custom_row, GTK_WIDGET (self->width_spin));
  g_signal_connect_swapped (self->width_spin, "value-changed", G_CALLBACK (on_option_changed), self);
  adw_preferences_group_add (size, GTK_WIDGET (self->width_custom_row));
  {
    const char *dpis[] = { _("150 DPI"), _("300 DPI"), _("600 DPI"), NULL };
    self->dpi_row = add_combo (self, size, _("_Resolution"), dpis, 1);
  }
  {
    const char *backgrounds[] = { _("Paper"), _("White"), _("Transparent"), NULL };
    self->background_row = add_combo (self, size, _("_Background"), backgrounds, 0);
  }
  {
    const char *pages[] = { _("Fit to the figure"), _("A4 portrait"), _("A4 landscape"),
                            _("A3 portrait"), _("A3 landscape"), NULL };
    self->page_row = add_combo (self, size, _("_Page"), pages, MC_EXPORT_PAGE_FIT);
  }

  {
    AdwPreferencesGroup *report = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
    GtkWidget *row = adw_action_row_new ();
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Save…"));

    adw_preferences_group_set_title (report, _("Session Report"));
    adw_preferences_group_set_description (report,
      _("One PDF with a title page, every figure with its notes and the outline of all answers."));
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Session report (PDF)"));
    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    g_signal_connect (button, "clicked", G_CALLBACK (on_report_clicked), self);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    adw_preferences_group_add (report, row);
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), report);
  }

  adw_window_set_content (self->window, toolbar);
  update_preview (self);
  gtk_window_present (GTK_WINDOW (self->window));
}
