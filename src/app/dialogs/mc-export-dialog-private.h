/* mc-export-dialog-private.h — what the Export window's files share
 *
 * mc-export-dialog.c         the window: options, Export…
 * mc-export-dialog-rows.c    its rows: built (most after the first frame), bound to the
 *                            remembered settings, shown as the format asks
 * mc-export-preview.c        the live preview, rendered off the main thread
 * mc-export-report-dialog.c  Session Report…, and the file helpers both use
 */
#pragma once

#include "mc-export-dialog.h"

G_BEGIN_DECLS

struct _McExportDialog
{
  AdwWindow             parent_instance;

  McBoard              *board;
  GSettings            *settings;        /* delayed: applied by a successful export */
  GPtrArray            *figure_ids;      /* char*, NULL-terminated */
  GPtrArray            *figure_checks;   /* GtkCheckButton*, as figure_ids */
  GHashTable           *controls;        /* name → GtkWidget (borrowed) */

  /* The option groups after the first, built after the window's first
   * frame, one per frame (mc-export-dialog-rows.c); their rows below stay
   * NULL until then. */
  guint                 n_groups_built;
  guint                 rows_idle_id;
  GdkFrameClock        *rows_clock;
  gulong                rows_paint_id;

  /* From the template (the first group) and from the options' file */
  AdwPreferencesPage   *options_page;
  AdwComboRow          *format_row;
  AdwComboRow          *separator_row;
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
  GtkTextView          *outline_view;
  GtkLabel             *size_label;
  GtkWidget            *export_button;

  /* The preview (mc-export-preview.c) */
  GBytes               *board_data;        /* the board as saved, once shown: each render reads its own board from it */
  GCancellable         *board_cancellable; /* while the board is written out for the renders */
  McScene              *preview_scene;
  cairo_surface_t      *preview_image;     /* the page, rendered by the worker */
  McRect                preview_content;   /* the scene's bounds plus the margin */
  double                preview_ppu;       /* PDF points per scene unit */
  char                 *preview_problem;   /* why the export would fail, or NULL */
  guint                 preview_timeout_id;
  guint                 preview_generation;
  GCancellable         *preview_cancellable;
  gboolean              preview_running;
  gboolean              loading;           /* rows are being set up: no previews yet */

  GtkFileChooserNative *chooser;
};

/* mc-export-dialog.c */
gboolean    _mc_export_dialog_format_is_figure (McExportFormat  format);

/* mc-export-dialog-rows.c */
void        _mc_export_rows_init        (McExportDialog *self,
                                         const char     *figure_id);
void        _mc_export_rows_start       (McExportDialog *self);
void        _mc_export_rows_ensure      (McExportDialog *self);
gboolean    _mc_export_rows_all_built   (McExportDialog *self);
void        _mc_export_rows_update      (McExportDialog *self);
void        _mc_export_rows_dispose     (McExportDialog *self);
int         _mc_export_rows_dpi         (McExportDialog *self);
McThemeKind _mc_export_dialog_remembered_theme (GSettings *settings);

/* mc-export-preview.c */
void     _mc_export_preview_init       (McExportDialog *self);
void     _mc_export_preview_read_board (McExportDialog *self);
void     _mc_export_preview_schedule   (McExportDialog *self);
void     _mc_export_preview_start      (McExportDialog *self);
void     _mc_export_preview_dispose    (McExportDialog *self);

/* mc-export-report-dialog.c */
void     _mc_export_show_toast        (GtkWindow      *window,
                                       GFile          *file);
void     _mc_export_show_error        (GtkWindow      *parent,
                                       const char     *heading,
                                       const char     *message);
GFile   *_mc_export_file_with_extension (GFile        *file,
                                       const char     *extension);
void     _mc_export_chooser_add_filter (GtkFileChooser *chooser,
                                       const char     *name,
                                       const char     *extension,
                                       const char     *mime_type);
void     _mc_export_chooser_set_last_folder (GtkFileChooser *chooser,
                                       GSettings      *settings);

G_END_DECLS
