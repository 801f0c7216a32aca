/* mc-print.c — printing a board: one page per figure, fitted to the page
 *
 * The pages are drawn by the same layout and cairo renderer as the PDF
 * export (mc_export_build_scene + mc_export_draw_fitted). Each figure is
 * laid out for the width it will have on paper, so the font floor (7 pt by
 * default) holds on the printed page too, not only in the export.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mc-layout.h"
#include "mc-print.h"

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)
#define PT_TO_MM(pt) ((pt) * 25.4 / 72.0)
/* Narrower than this, a page of notes is no longer worth printing. */
#define MIN_PRINT_WIDTH_MM 40.0
#define MAX_NARROWINGS     8

typedef struct
{
  McBoard         *board;
  McExportOptions  options;      /* figure ids point into figure_ids */
  GPtrArray       *figure_ids;   /* char*, the figures to print, in order */
  GPtrArray       *scenes;       /* McScene*, one per page */
  GArray          *contents;     /* McRect, the scenes' bounds */
  GArray          *scales;       /* double, PDF points per scene unit */
  GtkWindow       *parent;       /* weak; for error dialogs */
  GError          *refusal;      /* a page where text would be cut */

  /* The Figures tab of the print dialog */
  GtkDropDown     *theme_drop;
  GtkCheckButton  *notes_check;
  GtkDropDown     *questions_drop;
  GtkCheckButton  *caption_check;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_weak_pointer (&job->parent);
  g_clear_object (&job->board);
  g_clear_pointer (&job->figure_ids, g_ptr_array_unref);
  g_clear_pointer (&job->scenes, g_ptr_array_unref);
  g_clear_pointer (&job->contents, g_array_unref);
  g_clear_pointer (&job->scales, g_array_unref);
  g_clear_error (&job->refusal);
  g_free (job);
}

void
mc_print_options_init (McExportOptions *options,
                       McBoard         *board)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (MC_IS_BOARD (board));

  mc_export_options_init (options, mc_board_get_language (board));
  /* Office printers are often black and white: grayscale-safe by default. */
  options->theme = MC_THEME_PRINT;
  options->caption = TRUE;
  options->background = MC_EXPORT_BACKGROUND_WHITE;
}

/* Builds one figure's scene (figure_id NULL: the whole board) as wide as
 * it can be on a width × height (points) area, with the floor at that size. */
static McScene *
build_page (PrintJob    *job,
            const char  *figure_id,
            double       width,
            double       height,
            McRect      *content,
            double      *scale,
            GError     **error)
{
  McExportOptions options = job->options;
  McScene *scene;
  double printed_height;

  options.scope = figure_id != NULL ? MC_EXPORT_SCOPE_FIGURE : MC_EXPORT_SCOPE_BOARD;
  options.figure_id = figure_id;
  options.figure_ids = NULL;
  options.page = MC_EXPORT_PAGE_FIT;
  options.margin_mm = 0;   /* the printer's margins are outside the area */
  options.width_mm = PT_TO_MM (width);

  scene = mc_export_build_scene (job->board, &options, content, scale, error);

  /* Too tall at full width: lay it out again for the width the page's
   * height allows, a little less each time, as a narrower layout may
   * grow taller (notes wrap, or go below the figure). The type keeps its
   * floor at every width, so any width that fits is a readable page. */
  for (guint attempt = 0; scene != NULL; attempt++)
    {
      printed_height = content->height * *scale;
      if (printed_height <= height * 1.001)
        return scene;
      options.width_mm *= MIN (height / printed_height * 0.98, 0.92);
      if (attempt == MAX_NARROWINGS || options.width_mm < MIN_PRINT_WIDTH_MM)
        break;
      mc_scene_unref (scene);
      scene = mc_export_build_scene (job->board, &options, content, scale, error);
    }
  if (scene == NULL)
    return NULL;
  g_clear_pointer (&scene, mc_scene_unref);

  /* The export's kind of line: the figure, what does not fit, the cure. */
  g_set_error (error, MC_LAYOUT_ERROR, MC_LAYOUT_ERROR_DOES_NOT_FIT,
               _("“%s” does not fit on this paper at a readable size; print it on larger paper, or without notes"),
               figure_id != NULL ? figure_id : _("the whole board"));
  return NULL;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  PrintJob *job = user_data;
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  guint n = MAX (job->figure_ids->len, 1);

  for (guint i = 0; i < n; i++)
    {
      const char *id = i < job->figure_ids->len ? job->figure_ids->pdata[i] : NULL;
      g_autoptr(GError) error = NULL;
      McScene *scene;
      McRect content;
      double scale = 0;

      scene = build_page (job, id, width, height, &content, &scale, &error);
      if (scene == NULL && g_error_matches (error, MC_LAYOUT_ERROR, MC_LAYOUT_ERROR_DOES_NOT_FIT))
        {
          g_clear_error (&job->refusal);
          job->refusal = g_steal_pointer (&error);
          gtk_print_operation_cancel (operation);
          return;
        }
      if (scene == NULL)
        {
          /* An empty figure (all notes hidden and no empty regions) is
           * simply not printed; the other pages still are. */
          g_debug ("Not printing %s: %s", id != NULL ? id : "the board", error->message);
          continue;
        }
      /* A page where text would be cut is refused, with the export's
       * line, and nothing is printed (issue 12). */
      if (!mc_export_check_fit (scene, scale, &error))
        {
          mc_scene_unref (scene);
          g_clear_error (&job->refusal);
          job->refusal = g_steal_pointer (&error);
          gtk_print_operation_cancel (operation);
          return;
        }
      g_ptr_array_add (job->scenes, scene);
      g_array_append_val (job->contents, content);
      g_array_append_val (job->scales, scale);
    }

  gtk_print_operation_set_n_pages (operation, MAX (job->scenes->len, 1));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  PrintJob *job = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  if (page_nr < 0 || (guint) page_nr >= job->scenes->len)
    return;

  /* Never larger than laid out for: the text was fitted at that size. */
  mc_export_draw_fitted (cr, job->scenes->pdata[page_nr],
                         &g_array_index (job->contents, McRect, page_nr),
                         width, height, g_array_index (job->scales, double, page_nr));
}

/* Wide figures (the CIMO band) on landscape pages, square ones as they are. */
static void
on_request_page_setup (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       gpointer           user_data)
{
  PrintJob *job = user_data;
  const McRect *content;

  if (page_nr < 0 || (guint) page_nr >= job->contents->len)
    return;

  content = &g_array_index (job->contents, McRect, page_nr);
  if (content->width > 1.5 * content->height)
    gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
}

static void
show_print_error (GtkWindow    *parent,
                  const GError *error)
{
  GtkWidget *dialog;

  if (parent == NULL || error == NULL)
    return;

  dialog = adw_message_dialog_new (parent, _("Could Not Print"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  PrintJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (job->refusal != NULL)
    {
      show_print_error (job->parent, job->refusal);
      return;
    }
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  show_print_error (job->parent, error);
}

/* The Figures tab */

static GtkWidget *
add_tab_row (GtkGrid    *grid,
             int         row,
             const char *label,
             GtkWidget  *widget)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), widget);
  gtk_widget_set_halign (widget, GTK_ALIGN_START);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
  return widget;
}

static GObject *
on_create_custom_widget (GtkPrintOperation *operation,
                         gpointer           user_data)
{
  PrintJob *job = user_data;
  GtkWidget *grid = gtk_grid_new ();
  const char *themes[] = { _("Colour"), _("Print (grayscale-safe)"), _("Projector"), NULL };
  const char *questions[] = { _("Off"), _("In the regions"), _("As a list"), NULL };

  gtk_print_operation_set_custom_tab_label (operation, _("Figures"));
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  g_object_set (grid, "margin-start", 24, "margin-end", 24, "margin-top", 24, "margin-bottom", 24, NULL);

  job->theme_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (themes));
  gtk_drop_down_set_selected (job->theme_drop, job->options.theme);
  add_tab_row (GTK_GRID (grid), 0, _("_Theme"), GTK_WIDGET (job->theme_drop));

  job->questions_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (questions));
  gtk_drop_down_set_selected (job->questions_drop, job->options.questions);
  add_tab_row (GTK_GRID (grid), 1, _("_Questions"), GTK_WIDGET (job->questions_drop));

  job->notes_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Show the _notes")));
  gtk_check_button_set_active (job->notes_check, job->options.notes);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (job->notes_check), 1, 2, 1, 1);

  job->caption_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("A _caption under each figure")));
  gtk_check_button_set_active (job->caption_check, job->options.caption);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (job->caption_check), 1, 3, 1, 1);

  /* The operation owns the returned reference. */
  return G_OBJECT (grid);
}

static void
on_custom_widget_apply (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        gpointer           user_data)
{
  PrintJob *job = user_data;

  job->options.theme = MIN (gtk_drop_down_get_selected (job->theme_drop), MC_N_THEMES - 1);
  job->options.questions = MIN (gtk_drop_down_get_selected (job->questions_drop), MC_QUESTIONS_LIST);
  job->options.notes = gtk_check_button_get_active (job->notes_check);
  job->options.caption = gtk_check_button_get_active (job->caption_check);
}

GtkPrintOperation *
mc_print_operation_new (McBoard               *board,
                        const McExportOptions *options)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  PrintJob *job;
  const char *title;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  job = g_new0 (PrintJob, 1);
  job->board = g_object_ref (board);
  job->figure_ids = g_ptr_array_new_with_free_func (g_free);
  job->scenes = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_scene_unref);
  job->contents = g_array_new (FALSE, FALSE, sizeof (McRect));
  job->scales = g_array_new (FALSE, FALSE, sizeof (double));
  if (options != NULL)
    job->options = *options;
  else
    mc_print_options_init (&job->options, board);

  /* Which figures, in the order the options (or the board) give them. */
  if (job->options.scope == MC_EXPORT_SCOPE_FIGURE && job->options.figure_id != NULL)
    g_ptr_array_add (job->figure_ids, g_strdup (job->options.figure_id));
  else if (job->options.scope == MC_EXPORT_SCOPE_FIGURES && job->options.figure_ids != NULL)
    {
      for (guint i = 0; job->options.figure_ids[i] != NULL; i++)
        g_ptr_array_add (job->figure_ids, g_strdup (job->options.figure_ids[i]));
    }
  else
    {
      GPtrArray *figures = mc_board_get_figures (board);

      for (guint i = 0; i < figures->len; i++)
        g_ptr_array_add (job->figure_ids, g_strdup (mc_figure_get_id (figures->pdata[i])));
    }
  /* The copies must not point into the caller's strings. */
  job->options.figure_id = NULL;
  job->options.figure_ids = NULL;
  job->options.title = NULL;

  /* The figures are wider than tall or square: landscape suits them all. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);

  operation = gtk_print_operation_new ();
  title = mc_board_get_title (board);
  gtk_print_operation_set_job_name (operation, title != NULL && title[0] != '\0' ? title : "Missiecanvas");
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  g_object_set_data_full (G_OBJECT (operation), "mc-print-job", job, print_job_free);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (on_request_page_setup), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), job);
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply), job);

  return operation;
}

const GError *
mc_print_operation_get_refusal (GtkPrintOperation *operation)
{
  PrintJob *job;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), NULL);

  job = g_object_get_data (G_OBJECT (operation), "mc-print-job");
  return job != NULL ? job->refusal : NULL;
}

void
mc_print_board (GtkWindow *parent,
                McBoard   *board)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (MC_IS_BOARD (board));

  operation = mc_print_operation_new (board, NULL);
  job = g_object_get_data (G_OBJECT (operation), "mc-print-job");
  g_set_weak_pointer (&job->parent, parent);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_print_error (parent, error);
}
