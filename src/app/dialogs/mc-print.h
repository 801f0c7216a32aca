/* mc-print.h — printing a board through GtkPrintOperation
 *
 * One page per figure, each fitted to the printable area and drawn by the
 * export's layout and cairo renderer, with the font floor kept at the
 * printed size. The print dialog has a "Figures" tab for the theme, notes,
 * questions and caption.
 */
#pragma once

#include <gtk/gtk.h>
#include "mc-board.h"
#include "mc-export.h"

G_BEGIN_DECLS

/* Print options when none are given: the print theme (grayscale-safe),
 * notes on, questions off, captions on, every figure, the board's language. */
void               mc_print_options_init   (McExportOptions       *options,
                                            McBoard               *board);

/* A configured operation (A4 landscape, points, the Figures tab) that prints
 * the figures options->scope names (NULL: mc_print_options_init()), one per
 * page; a board without figures prints its free notes on one page. The
 * options are copied. Run it with GTK_PRINT_OPERATION_ACTION_EXPORT and an
 * export file name to get a PDF without a printer. */
GtkPrintOperation *mc_print_operation_new  (McBoard               *board,
                                            const McExportOptions *options);

/* Why the operation printed nothing, when a page would have cut text
 * (the export's one line, MC_LAYOUT_ERROR_DOES_NOT_FIT; the operation was
 * cancelled and the error is shown over the parent); NULL otherwise. */
const GError      *mc_print_operation_get_refusal (GtkPrintOperation *operation);

/* The print dialog for board; errors in a dialog over parent. */
void               mc_print_board          (GtkWindow             *parent,
                                            McBoard               *board);

G_END_DECLS
