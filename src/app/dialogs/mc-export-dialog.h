/* mc-export-dialog.h — the Export window and the session report
 *
 * The dialog is a thin client of mc-export.h: its rows fill an
 * McExportOptions, its preview draws the scene that export will write, and
 * Export… writes the file through mc_export_to_file_with_format(). The
 * options of the last successful export are remembered in GSettings.
 */
#pragma once

#include <adwaita.h>
#include "mc-board.h"
#include "mc-export.h"

G_BEGIN_DECLS

#define MC_TYPE_EXPORT_DIALOG (mc_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McExportDialog, mc_export_dialog, MC, EXPORT_DIALOG, AdwWindow)

/* Which figures an export covers, as the Scope row offers them. */
typedef enum
{
  MC_EXPORT_DIALOG_SCOPE_BOARD,
  MC_EXPORT_DIALOG_SCOPE_FIGURE,
  MC_EXPORT_DIALOG_SCOPE_FIGURES,
} McExportDialogScope;

/* The Width row's presets: journal columns (single, 1.5, double) and the
 * A4 page, then the figure's natural size and a custom width. */
typedef enum
{
  MC_EXPORT_DIALOG_WIDTH_ONE_COLUMN,      /* 84 mm */
  MC_EXPORT_DIALOG_WIDTH_ONE_COLUMN_WIDE, /* 90 mm */
  MC_EXPORT_DIALOG_WIDTH_ONE_AND_HALF,    /* 140 mm */
  MC_EXPORT_DIALOG_WIDTH_TWO_COLUMNS,     /* 174 mm */
  MC_EXPORT_DIALOG_WIDTH_TWO_COLUMNS_WIDE, /* 190 mm */
  MC_EXPORT_DIALOG_WIDTH_A4,              /* 210 mm */
  MC_EXPORT_DIALOG_WIDTH_NATURAL,         /* 0.18 mm per board unit */
  MC_EXPORT_DIALOG_WIDTH_CUSTOM,
} McExportDialogWidth;

/* figure_id (may be NULL) preselects that figure as the scope. */
McExportDialog *mc_export_dialog_new            (GtkWindow       *parent,
                                                 McBoard         *board,
                                                 const char      *figure_id);
void            mc_export_dialog_present        (GtkWindow       *parent,
                                                 McBoard         *board,
                                                 const char      *figure_id);

McBoard        *mc_export_dialog_get_board      (McExportDialog  *self);
McExportFormat  mc_export_dialog_get_format     (McExportDialog  *self);
void            mc_export_dialog_set_format     (McExportDialog  *self,
                                                 McExportFormat   format);
/* The placed figures the Figure row offers, in its order (borrowed). */
const char * const *mc_export_dialog_get_figure_ids (McExportDialog *self);
/* The options the rows describe now; figure ids are borrowed from self. */
void            mc_export_dialog_get_options    (McExportDialog  *self,
                                                 McExportOptions *options);

/* The row widgets, for keyboard-free tests and for people reading the code:
 * "format", "separator", "scope", "figure", "figures" (AdwExpanderRow with one GtkCheckButton
 * per figure, named by figure id), "notes", "questions", "definitions",
 * "empty-regions", "caption", "language", "theme", "background", "width",
 * "custom-width", "font-floor", "dpi", "page" (AdwComboRow or the switch /
 * spin button inside an AdwActionRow). NULL for an unknown name. */
GtkWidget      *mc_export_dialog_get_control    (McExportDialog  *self,
                                                 const char      *name);

/* The scene the preview shows (NULL while none is built or for the outline
 * formats); re-built shortly after an option changes. */
McScene        *mc_export_dialog_get_preview_scene (McExportDialog *self);
/* TRUE while an option changed and the preview has not caught up yet. */
gboolean        mc_export_dialog_get_preview_pending (McExportDialog *self);

/* What Export… does after the file chooser: writes file with the current
 * options in a worker thread (the window keeps drawing; the Export button
 * says "Exporting…" meanwhile), then remembers them, closes the dialog and
 * shows a toast in the main window. On failure the dialog stays open and
 * finish's error says why. */
void            mc_export_dialog_export_to_file_async  (McExportDialog       *self,
                                                        GFile                *file,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean        mc_export_dialog_export_to_file_finish (McExportDialog       *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

/* Session Report…: a file chooser for a PDF, then mc_export_session_report()
 * for the whole board in the board's language; a toast in parent (an
 * McWindow) on success, an error dialog on failure. */
void            mc_export_report_present        (GtkWindow       *parent,
                                                 McBoard         *board);
/* The same without the chooser (tests), written in a worker thread. */
void            mc_export_report_to_file_async  (GtkWindow           *parent,
                                                 McBoard             *board,
                                                 GFile               *file,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean        mc_export_report_to_file_finish (GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
