/* export-fixture.h — what the export tests (tests/core/test-export-*.c)
 * share: running a reader, comparing its text, a board with a note in
 * every figure, and the fonts a PDF embeds
 */
#pragma once

#include "mc-board.h"

G_BEGIN_DECLS

/* Runs a reader; returns its stdout, asserting success. */
char    *run_tool           (const char * const *argv);

/* Text compared without whitespace and hyphens: line breaks (and the
 * hyphens pango adds where it breaks a long word) differ by reader. */
char    *normalize          (const char *text);

/* The template template_id in language with one short note, "<note_prefix>
 * <kind>", in the first region of every figure. */
McBoard *board_with_notes   (const char *template_id,
                             McLanguage  language,
                             const char *note_prefix);

/* Whether every font pdffonts listed is embedded; *n_fonts is how many it
 * listed. */
gboolean pdf_fonts_embedded (const char *pdffonts_output,
                             guint      *n_fonts);

/* Runs pdfinfo on every page of the PDF at path and asserts each is
 * within the largest page a reader takes (MC_EXPORT_MAX_PDF_PAGE_PT);
 * returns how many pages it listed. */
guint    pdf_check_page_sizes (const char *path);

G_END_DECLS
