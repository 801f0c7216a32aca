/* mc-outline-csv.c — the board's answers as a CSV table, and reading
 * such a table back (the CSV import of notes)
 *
 * One row a note, in the order mc_outline_foreach() walks the board;
 * cells a spreadsheet would run as a formula are defused.
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "mc-outline.h"

/* A spreadsheet runs a cell that starts with one of these as a formula
 * (CSV injection): "=HYPERLINK(…)" in a note would become a live link. */
static gboolean
looks_like_formula (const char *field)
{
  return field[0] != '\0' && strchr ("=+-@\t\r", field[0]) != NULL;
}

void
mc_outline_append_csv_cell (GString    *out,
                            const char *field,
                            char        separator)
{
  const char specials[] = { separator, '"', '\r', '\n', '\0' };
  gboolean formula;

  g_return_if_fail (out != NULL);

  if (field == NULL)
    return;

  /* A leading apostrophe makes a spreadsheet show the text as text; the
   * field is quoted so the apostrophe and the text stay one cell. */
  formula = looks_like_formula (field);
  if (!formula && strpbrk (field, specials) == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
mc_outline_append_csv_field (GString    *out,
                             const char *field)
{
  mc_outline_append_csv_cell (out, field, ',');
}

char *
mc_outline_csv_unescape (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell[0] == '\'' && looks_like_formula (cell + 1))
    return g_strdup (cell + 1);
  return g_strdup (cell);
}

typedef struct
{
  GString    *out;
  char        separator;
  McBoard    *board;
  const char *figure;
  const char *region;
  GString    *questions;
} CsvState;

static void
csv_entry (const McOutlineEntry *entry,
           gpointer              user_data)
{
  CsvState *state = user_data;
  GString *out = state->out;
  McNote *note;
  McCluster *cluster;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *created_str = NULL;
  g_autofree char *votes = NULL;

  switch (entry->kind)
    {
    case MC_OUTLINE_FIGURE:
      state->figure = entry->text;
      state->region = "";
      g_string_truncate (state->questions, 0);
      return;
    case MC_OUTLINE_REGION:
      state->region = entry->text;
      g_string_truncate (state->questions, 0);
      return;
    case MC_OUTLINE_QUESTION:
      if (state->questions->len > 0)
        g_string_append_c (state->questions, '\n');
      g_string_append (state->questions, entry->text);
      return;
    case MC_OUTLINE_NOTE:
    default:
      break;
    }

  note = entry->note;
  created = g_date_time_new_from_unix_utc (mc_note_get_created (note) / G_USEC_PER_SEC);
  if (created != NULL)
    created_str = g_date_time_format (created, "%Y-%m-%dT%H:%M:%SZ");
  votes = g_strdup_printf ("%u", mc_note_get_votes (note));

  mc_outline_append_csv_cell (out, state->figure, state->separator);
  g_string_append_c (out, state->separator);
  mc_outline_append_csv_cell (out, state->region, state->separator);
  g_string_append_c (out, state->separator);
  mc_outline_append_csv_cell (out, state->questions->str, state->separator);
  g_string_append_c (out, state->separator);
  mc_outline_append_csv_cell (out, mc_note_get_text (note), state->separator);
  g_string_append_c (out, state->separator);
  g_string_append (out, votes);
  g_string_append_c (out, state->separator);
  mc_outline_append_csv_cell (out, mc_note_get_author (note), state->separator);
  g_string_append_c (out, state->separator);
  mc_outline_append_csv_cell (out, created_str, state->separator);
  g_string_append_c (out, state->separator);
  mc_outline_append_csv_cell (out, mc_note_get_id (note), state->separator);
  g_string_append_c (out, state->separator);
  cluster = mc_board_get_note_cluster (state->board, mc_note_get_id (note));
  if (cluster != NULL)
    mc_outline_append_csv_cell (out, mc_cluster_get_label (cluster), state->separator);
  g_string_append (out, "\r\n");
}

char *
mc_outline_to_csv (McBoard            *board,
                   McCatalog          *catalog,
                   McLanguage          language,
                   const char * const *figure_ids)
{
  return mc_outline_to_csv_full (board, catalog, language, figure_ids, ',');
}

/* The header row in the board's language. */
static const char * const csv_headers[MC_N_LANGUAGES][9] = {
  [MC_LANGUAGE_NL] = { "figuur", "regio", "vraag/vragen", "notitie", "stemmen", "auteur",
                       "gemaakt", "notitie-id", "cluster" },
  [MC_LANGUAGE_EN] = { "figure", "region", "question(s)", "note", "votes", "author",
                       "created", "note id", "cluster" },
};

char *
mc_outline_to_csv_full (McBoard            *board,
                        McCatalog          *catalog,
                        McLanguage          language,
                        const char * const *figure_ids,
                        char                separator)
{
  CsvState state = { 0, };
  guint lang = (guint) language < MC_N_LANGUAGES ? (guint) language : MC_LANGUAGE_EN;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (MC_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (separator == ',' || separator == ';' || separator == '\t', NULL);

  state.out = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (csv_headers[0]); i++)
    {
      if (i > 0)
        g_string_append_c (state.out, separator);
      mc_outline_append_csv_cell (state.out, csv_headers[lang][i], separator);
    }
  g_string_append (state.out, "\r\n");
  state.separator = separator;
  state.board = board;
  state.figure = "";
  state.region = "";
  state.questions = g_string_new (NULL);

  mc_outline_foreach (board, catalog, language, figure_ids, csv_entry, &state);

  g_string_free (state.questions, TRUE);
  return g_string_free (state.out, FALSE);
}

static void
free_row (gpointer data)
{
  g_strfreev (data);
}

GPtrArray *
mc_outline_parse_csv (const char  *data,
                      GError     **error)
{
  return mc_outline_parse_csv_full (data, ',', error);
}

GPtrArray *
mc_outline_parse_csv_full (const char  *data,
                           char         separator,
                           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = data;
  gboolean quoted = FALSE;
  gboolean field_started = FALSE;
  guint line = 1;

  g_return_val_if_fail (data != NULL, NULL);

  for (;;)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '\0')
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "Line %u: a quoted field is not closed", line);
              return NULL;
            }
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
              continue;
            }
          if (c == '"')
            {
              quoted = FALSE;
              p++;
              if (*p != separator && *p != '\r' && *p != '\n' && *p != '\0')
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "Line %u: text after a closing quote", line);
                  return NULL;
                }
              continue;
            }
          if (c == '\n')
            line++;
          g_string_append_c (field, c);
          p++;
          continue;
        }

      if (c == '"')
        {
          if (field->len > 0)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "Line %u: a quote inside an unquoted field", line);
              return NULL;
            }
          quoted = TRUE;
          field_started = TRUE;
          p++;
          continue;
        }

      if (c == separator)
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          field_started = TRUE;
          p++;
          continue;
        }

      if (c == '\r' || c == '\n' || c == '\0')
        {
          if (field_started || field->len > 0 || row->len > 0)
            {
              g_ptr_array_add (row, g_strdup (field->str));
              g_ptr_array_add (row, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
              g_string_truncate (field, 0);
              field_started = FALSE;
            }
          if (c == '\0')
            break;
          if (c == '\r' && p[1] == '\n')
            p++;
          line++;
          p++;
          continue;
        }

      g_string_append_c (field, c);
      field_started = TRUE;
      p++;
    }

  return g_steal_pointer (&rows);
}
