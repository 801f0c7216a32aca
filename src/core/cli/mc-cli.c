/* mc-cli.c — the headless command line
 *
 * Runs from GApplication::handle-local-options, before GTK starts: nothing
 * here may need a display. Each action is one row of the actions table; the
 * first action whose option was given runs, and its exit status ends the
 * program. Errors are one line on stderr, "missiecanvas: …".
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "mc-cli.h"
#include "mc-board-io.h"
#include "mc-catalog.h"
#include "mc-export.h"
#include "mc-layout.h"
#include "mc-cli-merge.h"
#include "mc-exchange.h"

#define CLI_OK    0
#define CLI_ERROR 1

static const GOptionEntry main_entries[] = {
  { "export", 'e', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the board (or --figure) to OUTPUT without opening a window; the format follows "
       "the extension: .pdf, .svg, .png, .md or .csv"), N_("OUTPUT") },
  { "figure", 'f', 0, G_OPTION_ARG_STRING, NULL,
    N_("Export only the figure with this placement id; “all”: every figure, one file each when "
       "OUTPUT is a directory (see --list-figures)"), N_("ID|all") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("File type when OUTPUT is a directory: pdf (default), svg, png, md or csv"), N_("FORMAT") },
  { "dpi", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Resolution of PNG exports: 150, 300 (default) or 600"), N_("N") },
  { "width-mm", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Width of the exported figure in millimetres, or a journal preset: single (84), "
       "single-wide (90), 1.5 (140), double (174, the default for figures), double-wide (190), a4 (210) "
       "or natural (180 per 1000 figure units, the default for the whole board)"), N_("N|PRESET") },
  { "separator", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Field separator of CSV exports: comma (default) or semicolon (for Dutch spreadsheets)"),
    N_("comma|semicolon") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of the model content: nl or en (default: the board’s)"), N_("nl|en") },
  { "theme", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Colours and type: color (default), print, projector, or the high-contrast "
       "variants high-contrast and projector-high-contrast"), N_("THEME") },
  { "no-notes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Leave the notes out of the export"), NULL },
  { "questions", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the model’s questions in the regions"), NULL },
  { "caption", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Add the figure’s caption under it"), NULL },
  { "report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a session report (title page, every figure, the outline) to OUTPUT.pdf"), N_("OUTPUT") },
  { "list-figures", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the placed figures: id, kind and title, one per line"), NULL },
  { "merge", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge the copy OTHER into BOARD and write the result to --output (default: BOARD)"),
    N_("OTHER") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Make a board from a JSON Canvas (.canvas) or an exported figure (.svg, .pdf, .png) "
       "and write it to --output"), N_("FILE") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Where --merge or --import writes the board"), N_("OUT") },
  { "base", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The board both copies started from, for a three-way --merge"), N_("BASE") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[BOARD…]") },
  { NULL }
};

/* Options that only mean something together with an action. */
static const char * const export_only_options[] = {
  "figure", "format", "dpi", "width-mm", "separator", "no-notes", "questions", "caption", NULL
};

void
mc_cli_add_main_options (GApplication *app)
{
  g_return_if_fail (G_IS_APPLICATION (app));

  g_application_add_main_option_entries (app, main_entries);
  g_application_set_option_context_summary (app,
    _("Without options, opens the boards in a window. With --export, --report or "
      "--list-figures, works without a display on BOARD, or on the built-in example "
      "board when none is given."));
}

GStrv
mc_cli_dup_files (GVariantDict *options)
{
  g_autofree const char **files = NULL;

  g_return_val_if_fail (options != NULL, NULL);

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) && files != NULL)
    return g_strdupv ((char **) files);
  return g_new0 (char *, 1);
}

G_GNUC_PRINTF (1, 2)
static int
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line: a multi-line GError message would break scripts' parsing. */
  g_strdelimit (message, "\r\n", ' ');
  fprintf (stderr, "missiecanvas: %s\n", message);
  return CLI_ERROR;
}

/* The board the action works on: BOARD, or the example board. */
static McBoard *
load_board (const char * const *files,
            int                *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  McBoard *board;

  if (files[0] == NULL)
    {
      board = mc_board_new_example ();
      if (board == NULL)
        *status = fail (_("the built-in example board is missing"));
      return board;
    }
  if (files[1] != NULL)
    {
      guint n = g_strv_length ((char **) files);

      *status = fail (g_dngettext (GETTEXT_PACKAGE, "give only one board file, not %u",
                                   "give only one board file, not %u", n), n);
      return NULL;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  board = mc_board_load_from_file (file, MC_BOARD_LOAD_ALLOW_NEWER, &error);
  if (board == NULL)
    *status = fail ("%s", error->message);
  return board;
}

/* Reads the figure options into an McExportOptions; FALSE (and a message)
 * on a bad value. */
static gboolean
read_export_options (GVariantDict    *dict,
                     McBoard         *board,
                     McExportOptions *options,
                     int             *status)
{
  const char *str;
  int dpi;
  double width;

  mc_export_options_init (options, mc_board_get_language (board));
  options->width_mm = MC_EXPORT_DEFAULT_WIDTH_MM;

  if (g_variant_dict_lookup (dict, "lang", "&s", &str) &&
      !mc_language_from_string (str, &options->language))
    {
      *status = fail (_("unknown language “%s”: use nl or en"), str);
      return FALSE;
    }
  if (g_variant_dict_lookup (dict, "theme", "&s", &str) &&
      !mc_theme_kind_from_string (str, &options->theme))
    {
      *status = fail (_("unknown theme “%s”: use color, print, projector, high-contrast or projector-high-contrast"), str);
      return FALSE;
    }
  if (g_variant_dict_lookup (dict, "dpi", "i", &dpi))
    {
      if (dpi < 36 || dpi > 2400)
        {
          *status = fail (_("--dpi %d is out of range: use 150, 300 or 600 (36 to 2400)"), dpi);
          return FALSE;
        }
      options->dpi = dpi;
    }
  if (g_variant_dict_lookup (dict, "width-mm", "&s", &str))
    {
      if (!mc_export_width_from_string (str, &width))
        {
          *status = fail (_("--width-mm “%s” is not a width: use millimetres or single, single-wide, "
                            "1.5, double, double-wide, a4 or natural"), str);
          return FALSE;
        }
      if (width != 0 && !(width >= 10 && width <= 5000))
        {
          *status = fail (_("--width-mm %g is out of range: use 10 to 5000 (84 or 174 for journals)"), width);
          return FALSE;
        }
      options->width_mm = width;
    }

  if (g_variant_dict_lookup (dict, "separator", "&s", &str))
    {
      if (g_str_equal (str, "comma") || g_str_equal (str, ","))
        options->csv_separator = ',';
      else if (g_str_equal (str, "semicolon") || g_str_equal (str, ";"))
        options->csv_separator = ';';
      else
        {
          *status = fail (_("unknown separator “%s”: use comma or semicolon"), str);
          return FALSE;
        }
    }

  options->notes = !g_variant_dict_contains (dict, "no-notes");
  if (g_variant_dict_contains (dict, "questions"))
    options->questions = MC_QUESTIONS_INLINE;
  options->caption = g_variant_dict_contains (dict, "caption");
  return TRUE;
}

static gboolean
is_directory_target (const char *output)
{
  McExportFormat format;

  if (g_str_has_suffix (output, G_DIR_SEPARATOR_S))
    return TRUE;
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    return TRUE;
  return !mc_export_format_from_filename (output, &format);
}

/* A figure id as a file name: letters, digits, '.', '-' and '_' kept,
 * anything else (a path separator, "..", control characters) a '-'; never
 * empty, never starting with a dot. Ids come from the board file: they
 * must never become paths. */
static char *
figure_file_stem (const char *id)
{
  GString *stem = g_string_new (NULL);

  for (const char *p = id; *p != '\0' && stem->len < 100; p++)
    {
      char c = *p;

      if (g_ascii_isalnum (c) || c == '-' || c == '_' || (c == '.' && stem->len > 0))
        g_string_append_c (stem, c);
      else if (stem->len == 0 || stem->str[stem->len - 1] != '-')
        g_string_append_c (stem, '-');
    }
  while (stem->len > 0 && (stem->str[stem->len - 1] == '-' || stem->str[stem->len - 1] == '.'))
    g_string_truncate (stem, stem->len - 1);
  while (stem->len > 0 && (stem->str[0] == '-' || stem->str[0] == '.'))
    g_string_erase (stem, 0, 1);
  if (stem->len == 0)
    g_string_append (stem, "figure");
  return g_string_free (stem, FALSE);
}

static void
print_preflight (const char            *output,
                 const McExportSummary *summary)
{
  g_autofree char *line = NULL;

  if (summary->n_pages == 0)
    return;
  line = mc_export_preflight_to_string (&summary->preflight);
  g_print ("%s: %s\n", output, line);
}

static int
export_all_to_directory (McBoard               *board,
                         McExportOptions       *options,
                         const char            *output,
                         McExportFormat         format)
{
  GPtrArray *figures = mc_board_get_figures (board);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) created = g_ptr_array_new ();
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (figures->len == 0)
    return fail (_("the board has no figures to export"));

  /* First every figure in memory: a figure that cannot be exported stops
   * the run before any file is touched. */
  for (guint i = 0; i < figures->len; i++)
    {
      const char *id = mc_figure_get_id (figures->pdata[i]);
      g_autofree char *stem = figure_file_stem (id);
      g_autofree char *name = g_strdup_printf ("%s.%s", stem, mc_export_format_get_extension (format));
      g_autoptr(GError) error = NULL;
      McExportSummary *summary = g_new0 (McExportSummary, 1);
      GBytes *bytes;

      /* Two ids that read alike get numbered names. */
      for (guint n = 2; g_hash_table_contains (names, name); n++)
        {
          g_free (name);
          name = g_strdup_printf ("%s-%u.%s", stem, n, mc_export_format_get_extension (format));
        }
      g_hash_table_add (names, g_strdup (name));

      options->scope = MC_EXPORT_SCOPE_FIGURE;
      options->figure_id = id;
      bytes = mc_export_to_bytes_full (board, options, format, summary, &error);
      if (bytes == NULL)
        {
          g_free (summary);
          return fail ("%s: %s", id, error->message);
        }
      g_ptr_array_add (contents, bytes);
      g_ptr_array_add (summaries, summary);
      g_ptr_array_add (files, g_file_new_build_filename (output, name, NULL));
    }

  if (g_mkdir_with_parents (output, 0777) != 0)
    {
      int saved_errno = errno;
      return fail (_("could not create the directory “%s”: %s"), output, g_strerror (saved_errno));
    }

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = files->pdata[i];
      gboolean existed = g_file_query_exists (file, NULL);
      g_autoptr(GError) error = NULL;

      if (!mc_export_write_bytes (file, contents->pdata[i], &error))
        {
          /* All or nothing, but only what this run created goes: a file
           * that was there before is never deleted. */
          for (guint k = 0; k < created->len; k++)
            g_file_delete (created->pdata[k], NULL, NULL);
          return fail ("%s", error->message);
        }
      if (!existed)
        g_ptr_array_add (created, file);
    }

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_file_get_path (files->pdata[i]);

      print_preflight (path, summaries->pdata[i]);
    }
  return CLI_OK;
}

/* The export is written; tell the user when notes lost text to the font
 * floor, with the two ways out. The count comes from the export's own
 * layout (McExportSummary), not from a second one. */
static void
warn_cut_notes (const McExportOptions *options,
                guint                  cut)
{
  if (cut > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "missiecanvas: warning: %u note shows its text cut off at this width (font floor %.0f pt); use a larger --width-mm (e.g. 174) or --no-notes\n",
                             "missiecanvas: warning: %u notes show their text cut off at this width (font floor %.0f pt); use a larger --width-mm (e.g. 174) or --no-notes\n",
                             cut),
                cut, options->font_floor_pt);
}

static int
cli_export (GVariantDict       *dict,
            const char * const *files)
{
  g_autoptr(McBoard) board = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all_ids = NULL;
  McExportOptions options;
  McExportSummary summary;
  McExportFormat format = MC_EXPORT_FORMAT_PDF;
  const char *output = NULL;
  const char *figure = NULL;
  const char *format_str = NULL;
  int status = CLI_ERROR;

  g_variant_dict_lookup (dict, "export", "^&ay", &output);
  if (output == NULL || output[0] == '\0')
    return fail (_("--export needs an output file name"));

  if (g_variant_dict_lookup (dict, "format", "&s", &format_str) &&
      !mc_export_format_from_string (format_str, &format))
    return fail (_("unknown format “%s”: use pdf, svg, png, md or csv"), format_str);

  board = load_board (files, &status);
  if (board == NULL)
    return status;
  if (!read_export_options (dict, board, &options, &status))
    return status;

  g_variant_dict_lookup (dict, "figure", "&s", &figure);

  if (g_strcmp0 (figure, "all") == 0 && is_directory_target (output))
    return export_all_to_directory (board, &options, output, format);

  if (format_str == NULL && !mc_export_format_from_filename (output, &format))
    return fail (_("unknown file type “%s”: use .pdf, .svg, .png, .md, .csv or .canvas"), output);

  if (g_strcmp0 (figure, "all") == 0)
    {
      GPtrArray *figures = mc_board_get_figures (board);

      all_ids = g_ptr_array_new ();
      for (guint i = 0; i < figures->len; i++)
        g_ptr_array_add (all_ids, (gpointer) mc_figure_get_id (figures->pdata[i]));
      g_ptr_array_add (all_ids, NULL);
      options.scope = MC_EXPORT_SCOPE_FIGURES;
      options.figure_ids = (const char * const *) all_ids->pdata;
    }
  else if (figure != NULL)
    {
      if (mc_board_get_figure (board, figure) == NULL)
        return fail (_("no figure “%s” on this board (see --list-figures)"), figure);
      options.scope = MC_EXPORT_SCOPE_FIGURE;
      options.figure_id = figure;
    }

  /* A journal's double column suits one figure; the whole board is a
   * poster, so without --width-mm it keeps its natural size. */
  if (options.scope == MC_EXPORT_SCOPE_BOARD && !g_variant_dict_contains (dict, "width-mm"))
    options.width_mm = 0;

  file = g_file_new_for_commandline_arg (output);
  if (!mc_export_to_file_full (board, &options, format, file, &summary, &error))
    return fail ("%s", error->message);

  print_preflight (output, &summary);
  if (options.notes)
    warn_cut_notes (&options, summary.cut_notes);

  return CLI_OK;
}

static int
cli_report (GVariantDict       *dict,
            const char * const *files)
{
  g_autoptr(McBoard) board = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  McExportOptions options;
  McExportFormat format;
  const char *output = NULL;
  int status = CLI_ERROR;

  g_variant_dict_lookup (dict, "report", "^&ay", &output);
  if (output == NULL || output[0] == '\0')
    return fail (_("--report needs an output file name"));
  if (!mc_export_format_from_filename (output, &format) || format != MC_EXPORT_FORMAT_PDF)
    return fail (_("the session report is a PDF: name it “….pdf”, not “%s”"), output);

  board = load_board (files, &status);
  if (board == NULL)
    return status;
  if (!read_export_options (dict, board, &options, &status))
    return status;

  file = g_file_new_for_commandline_arg (output);
  if (!mc_export_session_report (board, &options, file, &error))
    return fail ("%s", error->message);
  return CLI_OK;
}

static int
cli_list_figures (GVariantDict       *dict,
                  const char * const *files)
{
  g_autoptr(McBoard) board = NULL;
  McCatalog *catalog = mc_catalog_get_default ();
  McLanguage language;
  GPtrArray *figures;
  const char *str;
  int status = CLI_ERROR;

  board = load_board (files, &status);
  if (board == NULL)
    return status;

  language = mc_board_get_language (board);
  if (g_variant_dict_lookup (dict, "lang", "&s", &str) &&
      !mc_language_from_string (str, &language))
    return fail (_("unknown language “%s”: use nl or en"), str);

  figures = mc_board_get_figures (board);
  for (guint i = 0; i < figures->len; i++)
    {
      McFigure *figure = figures->pdata[i];
      const McFigureInfo *info = mc_catalog_get_figure (catalog, mc_figure_get_kind (figure));
      const char *title = info != NULL ? mc_figure_info_get_title (info, language) : NULL;

      printf ("%s\t%s\t%s\n", mc_figure_get_id (figure), mc_figure_get_kind (figure),
              title != NULL ? title : "");
    }
  fflush (stdout);
  return CLI_OK;
}

/* --merge OTHER [--output OUT] [--base BASE] BOARD (mc-cli-merge.c does the work). */
static int
cli_merge (GVariantDict       *dict,
           const char * const *files)
{
  const char *other = NULL, *output = NULL, *base = NULL;

  g_variant_dict_lookup (dict, "merge", "^&ay", &other);
  g_variant_dict_lookup (dict, "output", "^&ay", &output);
  g_variant_dict_lookup (dict, "base", "^&ay", &base);
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return fail (_("--merge needs exactly one BOARD to merge into"));

  return mc_cli_merge (files[0], other, base, output);
}

/* --import FILE --output BOARD */
static int
cli_import (GVariantDict       *dict,
            const char * const *files)
{
  const char *input = NULL, *output = NULL;
  g_autoptr(GFile) input_file = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(McBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *edges = NULL;
  guint n_edges = 0;
  guint n;

  g_variant_dict_lookup (dict, "import", "^&ay", &input);
  g_variant_dict_lookup (dict, "output", "^&ay", &output);
  if (output == NULL)
    return fail (_("--import needs --output BOARD: where to write the new board"));
  if (files != NULL && files[0] != NULL)
    return fail (_("--import takes no BOARD"));

  input_file = g_file_new_for_commandline_arg (input);
  output_file = g_file_new_for_commandline_arg (output);
  board = mc_exchange_import_file (input_file, &n_edges, &error);
  if (board == NULL || !mc_board_save_to_file (board, output_file, &error))
    return fail ("%s", error->message);

  n = mc_board_get_n_notes (board);
  notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n), n);
  n = mc_board_get_figures (board)->len;
  figures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure", "%u figures", n), n);
  edges = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u connection is kept in the file but not shown",
                                        "%u connections are kept in the file but not shown", n_edges),
                           n_edges);
  /* Translators: the summary of --import: the file, then "3 notes",
   * "1 figure" and "2 connections are kept in the file but not shown" */
  g_print (_("Imported %s: %s, %s; %s\n"), input, notes, figures, edges);
  return CLI_OK;
}

typedef struct
{
  const char *option;  /* the long option that asks for this action */
  int       (*run)   (GVariantDict       *dict,
                      const char * const *files);
} CliAction;

/* The command-line actions, first match wins. (--merge joins here.) */
static const CliAction actions[] = {
  { "export", cli_export },
  { "report", cli_report },
  { "list-figures", cli_list_figures },
  { "merge", cli_merge },
  { "import", cli_import },
};

int
mc_cli_handle_local_options (GApplication *app,
                             GVariantDict *options)
{
  g_auto(GStrv) files = NULL;

  g_return_val_if_fail (options != NULL, -1);

  files = mc_cli_dup_files (options);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      if (g_variant_dict_contains (options, actions[i].option))
        return actions[i].run (options, (const char * const *) files);
    }

  for (guint i = 0; export_only_options[i] != NULL; i++)
    {
      if (g_variant_dict_contains (options, export_only_options[i]))
        return fail (_("--%s only works together with --export or --report"),
                     export_only_options[i]);
    }

  return -1;
}
