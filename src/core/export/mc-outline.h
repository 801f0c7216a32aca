/* mc-outline.h — a board's answers as text: Markdown and CSV
 *
 * Figure → region → question(s) → notes (with votes and author), in the
 * given language, labels from the catalog. Figures in placement order,
 * regions in the catalog's order, notes by votes (most first), then by
 * creation time; on a potential-value figure (the target) by distance from
 * the core instead, its zones being the regions (mc-priority.h). Each note
 * names its cluster, if any. Notes on a figure without a known region and free notes
 * come last.
 *
 * Both formats keep every note text exactly: CSV per RFC 4180, Markdown
 * with backslash escapes for every character that would change the
 * document's structure.
 */
#pragma once

#include "mc-board.h"
#include "mc-catalog.h"

G_BEGIN_DECLS

/* figure_ids: the placed figures to include (NULL-terminated); NULL: all. */
char      *mc_outline_to_markdown (McBoard            *board,
                                   McCatalog          *catalog,
                                   McLanguage          language,
                                   const char * const *figure_ids);
/* Header row in the language: figure, region, question(s), note, votes,
 * author, created, note id, cluster (the label; empty when none) — in
 * Dutch figuur, regio, vraag/vragen, notitie, stemmen, auteur, gemaakt,
 * notitie-id, cluster. Fields are separated by commas, rows end in CRLF.
 * A cell a spreadsheet would run as a formula (starting with =, +, -, @,
 * tab or CR) is written quoted with a leading apostrophe. */
char      *mc_outline_to_csv      (McBoard            *board,
                                   McCatalog          *catalog,
                                   McLanguage          language,
                                   const char * const *figure_ids);
/* The same with ',' ';' (Dutch spreadsheets) or a tab between fields. */
char      *mc_outline_to_csv_full (McBoard            *board,
                                   McCatalog          *catalog,
                                   McLanguage          language,
                                   const char * const *figure_ids,
                                   char                separator);

/* Escapes text for Markdown inline content (used inside a list item whose
 * continuation lines are indented by indent spaces). */
void       mc_outline_append_markdown_escaped (GString    *out,
                                               const char *text,
                                               guint       indent);
/* Appends one CSV field, quoted when it holds the separator (a comma for
 * _field), a quote, CR or LF, and escaped as text when it starts like a
 * formula. */
void       mc_outline_append_csv_field (GString    *out,
                                        const char *field);
void       mc_outline_append_csv_cell  (GString    *out,
                                        const char *field,
                                        char        separator);
/* The text of a cell as written: the formula escape taken off. */
char      *mc_outline_csv_unescape     (const char *cell);
/* Parses RFC 4180 CSV: a GPtrArray of rows, each a GStrv. NULL with a
 * G_IO_ERROR_INVALID_DATA error on an unterminated or misplaced quote. */
GPtrArray *mc_outline_parse_csv  (const char  *data,
                                  GError     **error);
GPtrArray *mc_outline_parse_csv_full (const char  *data,
                                      char         separator,
                                      GError     **error);

/* The phase in words, in the given language ("bij de start", …). */
const char *mc_outline_phase_label (McPhase    phase,
                                    McLanguage language);

/* An outline item in document order, for writers that lay text out
 * themselves (the session report). */
typedef enum
{
  MC_OUTLINE_FIGURE,    /* text: figure title */
  MC_OUTLINE_REGION,    /* text: region label */
  MC_OUTLINE_QUESTION,  /* text: one question */
  MC_OUTLINE_NOTE,      /* text: note text; note set */
} McOutlineKind;

typedef struct
{
  McOutlineKind  kind;
  const char    *text;
  McNote        *note;     /* MC_OUTLINE_NOTE only */
  const char    *figure_id;
  const char    *region_id;
} McOutlineEntry;

typedef void (*McOutlineFunc) (const McOutlineEntry *entry,
                               gpointer              user_data);

void       mc_outline_foreach     (McBoard            *board,
                                   McCatalog          *catalog,
                                   McLanguage          language,
                                   const char * const *figure_ids,
                                   McOutlineFunc       func,
                                   gpointer            user_data);

G_END_DECLS
