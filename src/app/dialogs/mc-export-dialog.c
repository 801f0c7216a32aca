/* mc-export-dialog.c — the Export window: options, a live preview, Export…
 *
 * A thin client of mc-export.h: the rows fill an McExportOptions, the
 * preview draws the scene mc_export_build_scene() returns for those options
 * (the exact scene the export writes), and Export… writes the file through
 * mc_export_to_file_with_format(). Also Session Report… (win.export-report).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-export-dialog.h"
#include "mc-catalog.h"
#include "mc-app-base.h"

/* Re-rendering the preview on every keystroke of a spin button would make
 * typing stutter on a large board: wait until the options rest briefly. */
#define PREVIEW_DELAY_MS 150
/* Space around the page in the preview, in pixels. */
#define PREVIEW_PADDING 24
#define PREVIEW_LABEL_SPACE 20
#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)
#define PT_TO_MM(pt) ((pt) * 25.4 / 72.0)
/* The outline preview shows the start of the text; the file has all of it. */
#define OUTLINE_PREVIEW_CHARS 20000

struct _McExportDialog
{
  AdwWindow             parent_instance;

  McBoard              *board;
  GSettings            *settings;
  GPtrArray            *figure_ids;      /* char*, NULL-terminated */
  GPtrArray            *figure_checks;   /* GtkCheckButton*, as figure_ids */
  GHashTable           *controls;        /* name → GtkWidget (borrowed) */

  AdwComboRow          *format_row;
  AdwComboRow          *scope_row;
  AdwComboRow          *figure_row;
  AdwExpanderRow       *figures_row;
  GtkWidget            *notes_row;
  GtkSwitch            *notes_switch;
  AdwComboRow          *questions_row;
  GtkWidget            *definitions_row;
  GtkSwitch            *definitions_switch;
  GtkWidget            *empty_row;
  GtkSwitch            *empty_switch;
  GtkWidget            *caption_row;
  GtkSwitch            *caption_switch;
  AdwComboRow          *language_row;
  AdwComboRow          *theme_row;
  AdwComboRow          *background_row;
  AdwComboRow          *width_row;
  GtkWidget            *custom_width_row;
  GtkSpinButton        *width_spin;
  GtkWidget            *font_floor_row;
  GtkSpinButton        *font_floor_spin;
  AdwComboRow          *dpi_row;
  AdwComboRow          *page_row;
  GtkWidget            *appearance_group;
  GtkWidget            *size_group;

  GtkStack             *preview_stack;
  GtkDrawingArea       *preview_area;
  GtkTextBuffer        *outline_buffer;
  GtkLabel             *size_label;
  GtkWidget            *export_button;

  McScene              *preview_scene;
  McRect                preview_content;   /* the scene's bounds plus the margin */
  double                preview_ppu;       /* PDF points per scene unit */
  guint                 preview_timeout_id;
  gboolean              loading;           /* rows are being set up: no previews yet */

  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (McExportDialog, mc_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Settings values, in the order of the rows' items. */
static const char * const format_names[] = { "pdf", "svg", "png", "md", "csv" };
static const char * const questions_names[] = { "off", "inline", "list" };
static const char * const theme_names[] = { "color", "print", "projector" };
static const char * const background_names[] = { "paper", "white", "transparent" };
static const char * const width_names[] = { "one-column", "two-columns", "natural", "custom" };
static const char * const page_names[] = { "fit", "a4-portrait", "a4-landscape", "a3-portrait", "a3-landscape" };
static const int dpi_values[] = { 150, 300, 600 };

G_STATIC_ASSERT (G_N_ELEMENTS (format_names) == MC_N_EXPORT_FORMATS);

static guint
index_of_name (const char * const *names,
               guint               n_names,
               const char         *name,
               guint               fallback)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  return fallback;
}

static gboolean
format_is_figure (McExportFormat format)
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
  switch (adw_combo_row_get_selected (self->width_row))
    {
    case MC_EXPORT_DIALOG_WIDTH_ONE_COLUMN:
      return MC_EXPORT_SINGLE_COLUMN_MM;
    case MC_EXPORT_DIALOG_WIDTH_TWO_COLUMNS:
      return MC_EXPORT_DOUBLE_COLUMN_MM;
    case MC_EXPORT_DIALOG_WIDTH_CUSTOM:
      return gtk_spin_button_get_value (self->width_spin);
    default:
      return 0;
    }
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

static void
load_settings (McExportDialog *self)
{
  g_autofree char *format = g_settings_get_string (self->settings, "export-format");
  g_autofree char *questions = g_settings_get_string (self->settings, "export-questions");
  g_autofree char *theme = g_settings_get_string (self->settings, "export-theme");
  g_autofree char *background = g_settings_get_string (self->settings, "export-background");
  g_autofree char *width = g_settings_get_string (self->settings, "export-width");
  g_autofree char *page = g_settings_get_string (self->settings, "export-page");
  int dpi = g_settings_get_int (self->settings, "export-dpi");
  guint dpi_index = 1;

  adw_combo_row_set_selected (self->format_row,
                              index_of_name (format_names, G_N_ELEMENTS (format_names), format, 0));
  gtk_switch_set_active (self->notes_switch, g_settings_get_boolean (self->settings, "export-notes"));
  adw_combo_row_set_selected (self->questions_row,
                              index_of_name (questions_names, G_N_ELEMENTS (questions_names), questions, 0));
  gtk_switch_set_active (self->definitions_switch,
                         g_settings_get_boolean (self->settings, "export-definitions"));
  gtk_switch_set_active (self->empty_switch,
                         g_settings_get_boolean (self->settings, "export-empty-regions"));
  gtk_switch_set_active (self->caption_switch, g_settings_get_boolean (self->settings, "export-caption"));
  adw_combo_row_set_selected (self->theme_row,
                              index_of_name (theme_names, G_N_ELEMENTS (theme_names), theme, 0));
  adw_combo_row_set_selected (self->background_row,
                              index_of_name (background_names, G_N_ELEMENTS (background_names),
                                             background, 0));
  adw_combo_row_set_selected (self->width_row,
                              index_of_name (width_names, G_N_ELEMENTS (width_names), width,
                                             MC_EXPORT_DIALOG_WIDTH_TWO_COLUMNS));
  gtk_spin_button_set_value (self->width_spin, g_settings_get_double (self->settings, "export-width-mm"));
  gtk_spin_button_set_value (self->font_floor_spin,
                             g_settings_get_double (self->settings, "export-font-floor"));
  for (guint i = 0; i < G_N_ELEMENTS (dpi_values); i++)
    if (ABS (dpi_values[i] - dpi) < ABS (dpi_values[dpi_index] - dpi))
      dpi_index = i;
  adw_combo_row_set_selected (self->dpi_row, dpi_index);
  adw_combo_row_set_selected (self->page_row,
                              index_of_name (page_names, G_N_ELEMENTS (page_names), page, 0));
}

static void
save_settings (McExportDialog *self)
{
  GSettings *s = self->settings;

  /* One write for all keys: a single change notification. */
  g_settings_delay (s);
  g_settings_set_string (s, "export-format", format_names[mc_export_dialog_get_format (self)]);
  g_settings_set_boolean (s, "export-notes", gtk_switch_get_active (self->notes_switch));
  g_settings_set_string (s, "export-questions",
                         questions_names[MIN (adw_combo_row_get_selected (self->questions_row), 2)]);
  g_settings_set_boolean (s, "export-definitions", gtk_switch_get_active (self->definitions_switch));
  g_settings_set_boolean (s, "export-empty-regions", gtk_switch_get_active (self->empty_switch));
  g_settings_set_boolean (s, "export-caption", gtk_switch_get_active (self->caption_switch));
  g_settings_set_string (s, "export-theme",
                         theme_names[MIN (adw_combo_row_get_selected (self->theme_row), 2)]);
  g_settings_set_string (s, "export-background",
                         background_names[MIN (adw_combo_row_get_selected (self->background_row), 2)]);
  g_settings_set_string (s, "export-width",
                         width_names[MIN (adw_combo_row_get_selected (self->width_row), 3)]);
  g_settings_set_double (s, "export-width-mm", gtk_spin_button_get_value (self->width_spin));
  g_settings_set_double (s, "export-font-floor", gtk_spin_button_get_value (self->font_floor_spin));
  g_settings_set_int (s, "export-dpi",
                      dpi_values[MIN (adw_combo_row_get_selected (self->dpi_row), 2)]);
  g_settings_set_string (s, "export-page",
                         page_names[MIN (adw_combo_row_get_selected (self->page_row), 4)]);
  g_settings_apply (s);
}

/* Rows and preview */

/* Shows the rows that apply to the chosen format and scope; hides the rest
 * so the dialog only asks what matters. */
static void
update_rows (McExportDialog *self)
{
  McExportFormat format = mc_export_dialog_get_format (self);
  gboolean figure = format_is_figure (format);
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
update_size_label (McExportDialog        *self,
                   const McExportOptions *options,
                   McExportFormat         format)
{
  g_autofree char *text = NULL;
  double width_mm, height_mm;
  guint cut;

  if (self->preview_scene == NULL || self->preview_ppu <= 0)
    {
      gtk_label_set_text (self->size_label, "");
      return;
    }

  width_mm = PT_TO_MM (self->preview_content.width * self->preview_ppu);
  height_mm = PT_TO_MM (self->preview_content.height * self->preview_ppu);

  if (format == MC_EXPORT_FORMAT_PNG)
    {
      int width_px = (int) (width_mm / 25.4 * options->dpi + 0.5);
      int height_px = (int) (height_mm / 25.4 * options->dpi + 0.5);

      /* Translators: the size of the exported image: pixels, then millimetres and DPI. */
      text = g_strdup_printf (_("%d × %d px · %.0f × %.0f mm at %d DPI"),
                              width_px, height_px, width_mm, height_mm, options->dpi);
    }
  else if (format == MC_EXPORT_FORMAT_PDF && options->page != MC_EXPORT_PAGE_FIT)
    {
      const char *page = adw_combo_row_get_selected (self->page_row) <= MC_EXPORT_PAGE_A4_LANDSCAPE
                         ? "A4" : "A3";

      /* Translators: the figure's size on a page; %s is "A4" or "A3". */
      text = g_strdup_printf (_("%.0f × %.0f mm on %s"), width_mm, height_mm, page);
    }
  else
    {
      /* Translators: the size of the exported figure in millimetres. */
      text = g_strdup_printf (_("%.0f × %.0f mm"), width_mm, height_mm);
    }

  cut = options->notes ? mc_export_count_cut_notes (self->preview_scene) : 0;
  if (cut > 0)
    {
      /* The font floor keeps every text readable in print; at this size
       * that costs note text, so say so and name the ways out. */
      g_autofree char *hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The text of %u note is cut off at this size. Choose a wider size or leave the notes out.",
                                                            "The text of %u notes is cut off at this size. Choose a wider size or leave the notes out.",
                                                            cut),
                                               cut);
      char *with_hint = g_strconcat (text, "\n", hint, NULL);

      g_free (text);
      text = with_hint;
    }

  gtk_label_set_text (self->size_label, text);
}

static void
rebuild_preview (McExportDialog *self)
{
  McExportOptions options;
  McExportFormat format = mc_export_dialog_get_format (self);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->preview_scene, mc_scene_unref);
  mc_export_dialog_get_options (self, &options);

  if (format_is_figure (format))
    {
      McRect content;
      double ppu = 0;

      self->preview_scene = mc_export_build_scene (self->board, &options, &content, &ppu, &error);
      if (self->preview_scene != NULL && ppu > 0)
        {
          /* The margin is part of what the export writes. */
          double margin = MM_TO_PT (options.margin_mm) / ppu;

          self->preview_content = content;
          self->preview_content.x -= margin;
          self->preview_content.y -= margin;
          self->preview_content.width += 2 * margin;
          self->preview_content.height += 2 * margin;
          self->preview_ppu = ppu;
        }
      update_size_label (self, &options, format);
      if (error != NULL)
        gtk_label_set_text (self->size_label, error->message);
      gtk_widget_set_sensitive (self->export_button, self->preview_scene != NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
    }
  else
    {
      g_autoptr(GBytes) bytes = mc_export_to_bytes (self->board, &options, format, &error);

      if (bytes != NULL)
        {
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);
          const char *end = data;

          size = MIN (size, OUTLINE_PREVIEW_CHARS);
          /* Cut at a character boundary, never inside one. */
          g_utf8_validate_len (data, size, &end);
          gtk_text_buffer_set_text (self->outline_buffer, data, end - data);
          gtk_label_set_text (self->size_label, "");
        }
      else
        {
          gtk_text_buffer_set_text (self->outline_buffer, "", 0);
          gtk_label_set_text (self->size_label, error->message);
        }
      gtk_widget_set_sensitive (self->export_button, bytes != NULL);
    }
}

static gboolean
on_preview_timeout (gpointer user_data)
{
  McExportDialog *self = user_data;

  self->preview_timeout_id = 0;
  rebuild_preview (self);
  return G_SOURCE_REMOVE;
}

static void
on_option_changed (McExportDialog *self)
{
  if (self->loading)
    return;

  update_rows (self);
  g_clear_handle_id (&self->preview_timeout_id, g_source_remove);
  self->preview_timeout_id = g_timeout_add (PREVIEW_DELAY_MS, on_preview_timeout, self);
}

McScene *
mc_export_dialog_get_preview_scene (McExportDialog *self)
{
  g_return_val_if_fail (MC_IS_EXPORT_DIALOG (self), NULL);

  return self->preview_scene;
}

gboolean
mc_export_dialog_get_preview_pending (McExportDialog *self)
{
  g_return_val_if_fail (MC_IS_EXPORT_DIALOG (self), FALSE);

  return self->preview_timeout_id != 0;
}

/* Squares behind a transparent export, as image editors show them. */
static void
paint_checkerboard (cairo_t *cr,
                    double   x,
                    double   y,
                    double   width,
                    double   height)
{
  const double cell = 8;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.86, 0.86, 0.86);
  for (int row = 0; row * cell < height; row++)
    for (int col = row % 2; col * cell < width; col += 2)
      cairo_rectangle (cr, x + col * cell, y + row * cell, cell, cell);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  McExportDialog *self = user_data;
  const McRect *content = &self->preview_content;
  double avail_w = width - 2 * PREVIEW_PADDING;
  double avail_h = height - 2 * PREVIEW_PADDING;
  double scale, page_w, page_h, x, y;

  /* A quiet surface the sheet lies on, apart from the rows beside it. */
  {
    const double r = 12;

    cairo_new_sub_path (cr);
    cairo_arc (cr, width - r, r, r, -G_PI / 2, 0);
    cairo_arc (cr, width - r, height - r, r, 0, G_PI / 2);
    cairo_arc (cr, r, height - r, r, G_PI / 2, G_PI);
    cairo_arc (cr, r, r, r, G_PI, 3 * G_PI / 2);
    cairo_close_path (cr);
    cairo_set_source_rgba (cr, 0, 0, 0, 0.05);
    cairo_fill (cr);
  }

  /* Room below the sheet for the size label. */
  avail_h -= PREVIEW_LABEL_SPACE;
  if (self->preview_scene == NULL || content->width <= 0 || content->height <= 0 ||
      avail_w <= 0 || avail_h <= 0)
    return;

  scale = MIN (avail_w / content->width, avail_h / content->height);
  page_w = content->width * scale;
  page_h = content->height * scale;
  x = round ((width - page_w) / 2);
  y = round ((height - PREVIEW_LABEL_SPACE - page_h) / 2);

  /* A soft shadow, then the sheet the figure is printed on. */
  for (int i = 1; i <= 4; i++)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.035);
      cairo_rectangle (cr, x - i + 1, y - i + 2, page_w + 2 * i - 2, page_h + 2 * i - 1);
      cairo_fill (cr);
    }
  if (adw_combo_row_get_selected (self->background_row) == MC_EXPORT_BACKGROUND_TRANSPARENT)
    paint_checkerboard (cr, x, y, page_w, page_h);
  else
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, x, y, page_w, page_h);
      cairo_fill (cr);
    }

  cairo_save (cr);
  cairo_translate (cr, x, y);
  mc_export_draw_fitted (cr, self->preview_scene, content, page_w, page_h, 0);
  cairo_restore (cr);
}

/* The toast in the main window */

static void
on_toast_open (AdwToast *toast,
               gpointer  user_data)
{
  const char *uri = user_data;

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
show_exported_toast (GtkWindow *window,
                     GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: a toast after an export; %s is the file's name. */
  g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), name);
  AdwToast *toast;

  if (window == NULL)
    return;

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_open),
                         g_file_get_uri (file), (GClosureNotify) (void (*) (void)) g_free, 0);
  mc_app_add_toast (GTK_WIDGET (window), toast);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The file name with the format's extension, unless it has it already. */
static GFile *
file_with_extension (GFile      *file,
                     const char *extension)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *suffix = g_strconcat (".", extension, NULL);
  g_autofree char *lower = NULL;
  g_autofree char *fixed = NULL;
  g_autoptr(GFile) parent = NULL;

  if (name == NULL)
    return g_object_ref (file);
  lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, suffix) ||
      (g_str_equal (extension, "md") && g_str_has_suffix (lower, ".markdown")))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  fixed = g_strconcat (name, suffix, NULL);
  return parent != NULL ? g_file_get_child (parent, fixed) : g_file_new_for_path (fixed);
}

gboolean
mc_export_dialog_export_to_file (McExportDialog  *self,
                                 GFile           *file,
                                 GError         **error)
{
  McExportOptions options;
  GtkWindow *parent;

  g_return_val_if_fail (MC_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  mc_export_dialog_get_options (self, &options);
  if (!mc_export_to_file_with_format (self->board, &options, mc_export_dialog_get_format (self),
                                      file, error))
    return FALSE;

  save_settings (self);
  {
    g_autoptr(GFile) folder = g_file_get_parent (file);

    if (folder != NULL)
      {
        g_autofree char *uri = g_file_get_uri (folder);

        g_settings_set_string (self->settings, "export-folder", uri);
      }
  }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  show_exported_toast (parent, file);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* Sets the chooser's folder to where the last export went, if it exists. */
static void
chooser_set_last_folder (GtkFileChooser *chooser,
                         GSettings      *settings)
{
  g_autofree char *uri = g_settings_get_string (settings, "export-folder");
  g_autoptr(GFile) folder = NULL;

  if (uri == NULL || uri[0] == '\0')
    return;
  folder = g_file_new_for_uri (uri);
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *extension,
            const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", extension);

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

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
    case MC_N_EXPORT_FORMATS:
    default:
      return NULL;
    }
}

static const char *
format_mime_type (McExportFormat format)
{
  static const char * const types[] = { "application/pdf", "image/svg+xml", "image/png",
                                        "text/markdown", "text/csv" };

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
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  McExportDialog *self = user_data;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (chosen == NULL)
    return;

  file = file_with_extension (chosen, mc_export_format_get_extension (mc_export_dialog_get_format (self)));
  if (!mc_export_dialog_export_to_file (self, file, &error))
    show_error (GTK_WINDOW (self), _("Could Not Export"), error->message);
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
  add_filter (GTK_FILE_CHOOSER (self->chooser), format_filter_name (format), extension,
              format_mime_type (format));
  chooser_set_last_folder (GTK_FILE_CHOOSER (self->chooser), self->settings);

  mc_export_dialog_get_options (self, &options);
  name = suggested_name (self->board,
                         options.scope == MC_EXPORT_SCOPE_FIGURE ? options.figure_id : NULL,
                         extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Building the rows */

static void
remember_control (McExportDialog *self,
                  const char     *name,
                  gpointer        widget)
{
  g_hash_table_insert (self->controls, (gpointer) name, widget);
}

static AdwComboRow *
add_combo (McExportDialog      *self,
           AdwPreferencesGroup *group,
           const char          *name,
           const char          *title,
           const char          *subtitle,
           const char * const  *items)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_option_changed), self);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  remember_control (self, name, row);
  return row;
}

static GtkSwitch *
add_switch (McExportDialog      *self,
            AdwPreferencesGroup *group,
            const char          *name,
            const char          *title,
            const char          *subtitle,
            GtkWidget          **row_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  g_signal_connect_swapped (sw, "notify::active", G_CALLBACK (on_option_changed), self);
  adw_preferences_group_add (group, row);
  remember_control (self, name, sw);
  *row_out = row;
  return GTK_SWITCH (sw);
}

static GtkSpinButton *
add_spin (McExportDialog      *self,
          AdwPreferencesGroup *group,
          const char          *name,
          const char          *title,
          const char          *subtitle,
          double               min,
          double               max,
          double               step,
          guint                digits,
          GtkWidget          **row_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_option_changed), self);
  adw_preferences_group_add (group, row);
  remember_control (self, name, spin);
  *row_out = row;
  return GTK_SPIN_BUTTON (spin);
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           const char         *title)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  if (title != NULL)
    adw_preferences_group_set_title (group, title);
  adw_preferences_page_add (page, group);
  return group;
}

static void
build_figure_rows (McExportDialog      *self,
                   AdwPreferencesGroup *group,
                   const char          *figure_id)
{
  McCatalog *catalog = mc_catalog_get_default ();
  McLanguage language = mc_board_get_language (self->board);
  GPtrArray *figures = mc_board_get_figures (self->board);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;
  const char *scopes[] = { _("Whole board"), _("One figure"), _("Several figures"), NULL };

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

  self->scope_row = add_combo (self, group, "scope", _("_Scope"), NULL, scopes);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), figures->len > 0);

  self->figure_row = add_combo (self, group, "figure", _("F_igure"), NULL,
                                (const char * const *) titles->pdata);
  adw_combo_row_set_selected (self->figure_row, selected);

  self->figures_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->figures_row), _("Fi_gures"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->figures_row), TRUE);
  adw_expander_row_set_subtitle (self->figures_row, _("Side by side, as on the board; one page each in PDF"));
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
  adw_preferences_group_add (group, GTK_WIDGET (self->figures_row));
  remember_control (self, "figures", self->figures_row);

  if (figure_id != NULL && mc_board_get_figure (self->board, figure_id) != NULL)
    adw_combo_row_set_selected (self->scope_row, MC_EXPORT_DIALOG_SCOPE_FIGURE);
}

static void
build_ui (McExportDialog *self,
          const char     *figure_id)
{
  GtkWidget *content, *header, *cancel, *body, *preview_box, *overlay, *scroller, *text_view;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;

  gtk_window_set_title (GTK_WINDOW (self), _("Export"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1040, 720);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button), "export.export");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (content), header);

  body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (content), body);

  /* Left: the preview of exactly what will be written, and its size. */
  preview_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (preview_box, TRUE);
  gtk_widget_set_margin_top (preview_box, 18);
  gtk_widget_set_margin_bottom (preview_box, 18);
  gtk_widget_set_margin_start (preview_box, 18);
  gtk_box_append (GTK_BOX (body), preview_box);

  overlay = gtk_overlay_new ();
  gtk_widget_set_vexpand (overlay, TRUE);
  gtk_box_append (GTK_BOX (preview_box), overlay);
  self->preview_stack = GTK_STACK (gtk_stack_new ());
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->preview_stack));

  self->preview_area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_draw_func (self->preview_area, draw_preview, self, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (self->preview_area), 360, 280);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview of the export"), -1);
  gtk_stack_add_named (self->preview_stack, GTK_WIDGET (self->preview_area), "figure");

  scroller = gtk_scrolled_window_new ();
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_margin_start (scroller, 12);
  gtk_widget_set_margin_end (scroller, 12);
  gtk_widget_set_margin_top (scroller, 12);
  gtk_widget_set_overflow (scroller, GTK_OVERFLOW_HIDDEN);
  text_view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (text_view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview of the export"), -1);
  self->outline_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text_view);
  gtk_stack_add_named (self->preview_stack, scroller, "outline");

  self->size_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->size_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->size_label), "numeric");
  gtk_label_set_wrap (self->size_label, TRUE);
  gtk_label_set_justify (self->size_label, GTK_JUSTIFY_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self->size_label), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->size_label), GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->size_label), 8);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->size_label));

  /* Right: the options, grouped by the questions people ask in turn:
   * what, with what, how it looks, how large. */
  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_size_request (GTK_WIDGET (page), 420, -1);
  /* The preview takes the extra width, not the rows. */
  gtk_widget_set_hexpand (GTK_WIDGET (page), FALSE);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (page));

  group = add_group (page, NULL);
  {
    const char *formats[] = { _("PDF"), _("SVG"), _("PNG"), _("Markdown outline"), _("CSV table"), NULL };

    self->format_row = add_combo (self, group, "format", _("_Format"), NULL, formats);
  }
  build_figure_rows (self, group, figure_id);

  group = add_group (page, _("Content"));
  self->notes_switch = add_switch (self, group, "notes", _("_Notes"), NULL, &self->notes_row);
  {
    const char *questions[] = { _("Off"), _("In the regions"), _("As a list"), NULL };

    self->questions_row = add_combo (self, group, "questions", _("_Questions"), NULL, questions);
  }
  self->definitions_switch = add_switch (self, group, "definitions", _("_Definitions"),
                                         _("The short explanation under each region’s name"),
                                         &self->definitions_row);
  self->empty_switch = add_switch (self, group, "empty-regions", _("_Empty regions"),
                                   _("Regions without notes"), &self->empty_row);
  self->caption_switch = add_switch (self, group, "caption", _("C_aption"),
                                     _("APA-style figure number, title and source"), &self->caption_row);
  {
    /* Language names in their own language: people look for their own. */
    const char *languages[] = { "Nederlands", "English", NULL };

    self->language_row = add_combo (self, group, "language", _("_Language"),
                                    _("Of the labels and questions"), languages);
  }

  group = add_group (page, _("Appearance"));
  self->appearance_group = GTK_WIDGET (group);
  {
    const char *themes[] = { _("Colour"), _("Print"), _("Projector"), NULL };

    self->theme_row = add_combo (self, group, "theme", _("_Theme"),
                                 _("Print is grayscale-safe, for journals"), themes);
  }
  {
    const char *backgrounds[] = { _("Paper"), _("White"), _("Transparent"), NULL };

    self->background_row = add_combo (self, group, "background", _("_Background"), NULL, backgrounds);
  }

  group = add_group (page, _("Size"));
  self->size_group = GTK_WIDGET (group);
  {
    const char *pages[] = { _("Fitted to the figure"), _("A4 portrait"), _("A4 landscape"),
                            _("A3 portrait"), _("A3 landscape"), NULL };

    self->page_row = add_combo (self, group, "page", _("_Page"), NULL, pages);
  }
  {
    const char *widths[] = { _("1 column (84 mm)"), _("2 columns (174 mm)"),
                             _("Natural size"), _("Custom"), NULL };

    self->width_row = add_combo (self, group, "width", _("_Width"), NULL, widths);
  }
  self->width_spin = add_spin (self, group, "custom-width", _("Custom _width"), _("Millimetres"),
                               20, 2000, 1, 0, &self->custom_width_row);
  self->font_floor_spin = add_spin (self, group, "font-floor", _("_Smallest text"),
                                    _("Points, at the chosen width"), 4, 14, 0.5, 1,
                                    &self->font_floor_row);
  {
    const char *dpis[] = { _("150 DPI"), _("300 DPI"), _("600 DPI"), NULL };

    self->dpi_row = add_combo (self, group, "dpi", _("_Resolution"), NULL, dpis);
  }

  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
}

/* GObject */

static void
mc_export_dialog_dispose (GObject *object)
{
  McExportDialog *self = MC_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_timeout_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

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
  g_clear_pointer (&self->preview_scene, mc_scene_unref);

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

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "export.export", NULL);
}

static void
mc_export_dialog_init (McExportDialog *self)
{
  self->settings = g_settings_new (APP_ID);
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
  build_ui (self, figure_id);
  load_settings (self);
  adw_combo_row_set_selected (self->language_row, mc_board_get_language (board));
  self->loading = FALSE;

  update_rows (self);
  rebuild_preview (self);
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

/* Session report */

static void
report_options (McBoard         *board,
                McExportOptions *options)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *theme = g_settings_get_string (settings, "export-theme");

  mc_export_options_init (options, mc_board_get_language (board));
  options->theme = index_of_name (theme_names, G_N_ELEMENTS (theme_names), theme, MC_THEME_COLOR);
  /* A report is read after the session: the questions say what the notes answer. */
  options->questions = MC_QUESTIONS_INLINE;
  options->caption = TRUE;
  options->title = mc_board_get_title (board);
  if (options->title != NULL && options->title[0] == '\0')
    options->title = NULL;
}

gboolean
mc_export_report_to_file (GtkWindow  *parent,
                          McBoard    *board,
                          GFile      *file,
                          GError    **error)
{
  McExportOptions options;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (MC_IS_BOARD (board), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report_options (board, &options);
  if (!mc_export_session_report (board, &options, file, error))
    return FALSE;

  show_exported_toast (parent, file);
  return TRUE;
}

typedef struct
{
  GtkWindow *parent;   /* weak */
  McBoard   *board;
} ReportRequest;

static void
report_request_free (gpointer data)
{
  ReportRequest *request = data;

  g_clear_weak_pointer (&request->parent);
  g_clear_object (&request->board);
  g_free (request);
}

static void
on_report_response (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  ReportRequest *request = user_data;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (chosen != NULL)
    {
      file = file_with_extension (chosen, "pdf");
      if (!mc_export_report_to_file (request->parent, request->board, file, &error))
        show_error (request->parent, _("Could Not Save the Session Report"), error->message);
    }

  gtk_native_dialog_destroy (chooser);
  /* Drops the last reference: frees the request too. */
  g_object_unref (chooser);
}

void
mc_export_report_present (GtkWindow *parent,
                          McBoard   *board)
{
  GtkFileChooserNative *chooser;
  ReportRequest *request;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;
  const char *title;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (MC_IS_BOARD (board));

  request = g_new0 (ReportRequest, 1);
  g_set_weak_pointer (&request->parent, parent);
  request->board = g_object_ref (board);

  chooser = gtk_file_chooser_native_new (_("Save Session Report"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "mc-report-request", request, report_request_free);
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF documents"), "pdf", "application/pdf");
  settings = g_settings_new (APP_ID);
  chooser_set_last_folder (GTK_FILE_CHOOSER (chooser), settings);

  title = mc_board_get_title (board);
  /* Translators: the suggested file name of a session report; %s is the board's title. */
  base = g_strdup_printf (_("%s - session report"), title != NULL && title[0] != '\0'
                                                   ? title : "missiecanvas");
  g_strdelimit (base, "/\\:", '-');
  name = g_strconcat (base, ".pdf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_report_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
