/* mc-print.c — printing a board: one page per figure, fitted to the page
 *
 * The pages are drawn by the same layout and cairo renderer as the PDF
 * export, with the print theme (grayscale-safe) and the font floor of an
 * A4 landscape page.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "mc-print.h"
#include "mc-export.h"
#include "mc-render-cairo.h"

typedef struct
{
  McBoard   *board;
  GPtrArray *scenes;    /* McScene*, one per page */
  GArray    *contents;  /* McRect, the scenes' bounds */
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->board);
  g_clear_pointer (&job->scenes, g_ptr_array_unref);
  g_clear_pointer (&job->contents, g_array_unref);
  g_free (job);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  PrintJob *job = user_data;
  GPtrArray *figures = mc_board_get_figures (job->board);
  McExportOptions options;

  mc_export_options_init (&options, mc_board_get_language (job->board));
  options.theme = MC_THEME_PRINT;
  options.page = MC_EXPORT_PAGE_A4_LANDSCAPE;
  options.scope = MC_EXPORT_SCOPE_FIGURE;

  for (guint i = 0; i < figures->len; i++)
    {
      g_autoptr(GError) error = NULL;
      McScene *scene;
      McRect content;

      options.figure_id = mc_figure_get_id (figures->pdata[i]);
      scene = mc_export_build_scene (job->board, &options, &content, NULL, &error);
      if (scene == NULL)
        {
          g_warning ("Not printing figure %s: %s", options.figure_id, error->message);
          continue;
        }
      g_ptr_array_add (job->scenes, scene);
      g_array_append_val (job->contents, content);
    }

  /* A board without figures still prints its free notes on one page. */
  if (job->scenes->len == 0)
    {
      g_autoptr(GError) error = NULL;
      McScene *scene;
      McRect content;

      options.scope = MC_EXPORT_SCOPE_BOARD;
      scene = mc_export_build_scene (job->board, &options, &content, NULL, &error);
      if (scene != NULL)
        {
          g_ptr_array_add (job->scenes, scene);
          g_array_append_val (job->contents, content);
        }
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

  if ((guint) page_nr >= job->scenes->len)
    return;

  mc_export_draw_fitted (cr, job->scenes->pdata[page_nr],
                         &g_array_index (job->contents, McRect, page_nr),
                         width, height, 0);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  GtkWindow *parent = user_data;
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  if (error != NULL && parent != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

void
mc_print_board (GtkWindow *parent,
                McBoard   *board)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  PrintJob *job;
  const char *title;

  g_return_if_fail (MC_IS_BOARD (board));

  job = g_new0 (PrintJob, 1);
  job->board = g_object_ref (board);
  job->scenes = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_scene_unref);
  job->contents = g_array_new (FALSE, FALSE, sizeof (McRect));

  /* The figures are wider than tall: landscape suits all but a few. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);

  operation = gtk_print_operation_new ();
  title = mc_board_get_title (board);
  gtk_print_operation_set_job_name (operation, title != NULL && title[0] != '\0' ? title : "Missiecanvas");
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "mc-print-job", job, print_job_free);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), parent);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      error != NULL && parent != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}
