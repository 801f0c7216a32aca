/* mc-export-preview.c — the Export window's live preview, off the main thread
 *
 * On a board of thousands of notes, laying the export out and drawing it
 * takes seconds; on the main loop that froze the window after every option
 * change. Here a GTask worker reads its own copy of the board (the board's
 * saved text, written out in a worker once the window has built its rows),
 * builds the scene the export will write, renders the page at preview
 * resolution into an image and counts what the size label reports. The
 * main loop only paints that image. A newer request cancels an older one,
 * and a late result of a stale request is dropped. Scenes of thousands of
 * notes take tens of milliseconds to free: workers free them too.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mc-board-io.h"
#include "mc-desktop.h"
#include "mc-export-dialog-private.h"

/* Re-rendering the preview on every keystroke of a spin button would make
 * typing stutter: wait until the options rest briefly. */
#define PREVIEW_DELAY_MS 150
/* Space around the page in the preview, in pixels. */
#define PREVIEW_PADDING 24
#define PREVIEW_LABEL_SPACE 20
/* The image is rendered this much larger than the area, so a bigger window
 * stays sharp until the next render. */
#define PREVIEW_OVERSAMPLE 1.5
/* The outline preview shows the start of the text; the file has all of it. */
#define OUTLINE_PREVIEW_CHARS 20000

typedef struct
{
  GBytes          *board_data;
  McExportOptions  options;
  char            *figure_id;
  GStrv            figure_ids;
  char            *title;
  McExportFormat   format;
  int              max_width;      /* pixels */
  int              max_height;
} Request;

typedef struct
{
  McScene         *scene;
  cairo_surface_t *image;
  McRect           content;
  double           ppu;
  guint            cut;
  guint            n_pages;        /* PDF: how many pages the export takes */
  char            *preflight;
  char            *outline;
  char            *problem;
} Result;

static void
request_free (Request *request)
{
  g_bytes_unref (request->board_data);
  g_free (request->figure_id);
  g_strfreev (request->figure_ids);
  g_free (request->title);
  g_free (request);
}

static void
result_free (Result *result)
{
  g_clear_pointer (&result->scene, mc_scene_unref);
  g_clear_pointer (&result->image, cairo_surface_destroy);
  g_free (result->preflight);
  g_free (result->outline);
  g_free (result->problem);
  g_free (result);
}

/* The options point into the dialog; the request owns copies. */
static Request *
request_new (McExportDialog *self)
{
  Request *request = g_new0 (Request, 1);
  int width = gtk_widget_get_width (GTK_WIDGET (self->preview_area));
  int height = gtk_widget_get_height (GTK_WIDGET (self->preview_area));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self->preview_area));

  request->board_data = g_bytes_ref (self->board_data);
  request->format = mc_export_dialog_get_format (self);
  mc_export_dialog_get_options (self, &request->options);
  /* On screen, in the desktop's contrast (the export keeps its theme). */
  request->options.theme = mc_desktop_theme (request->options.theme);
  request->figure_id = g_strdup (request->options.figure_id);
  request->figure_ids = g_strdupv ((char **) request->options.figure_ids);
  request->title = g_strdup (request->options.title);
  request->options.figure_id = request->figure_id;
  request->options.figure_ids = (const char * const *) request->figure_ids;
  request->options.title = request->title;

  /* Before the first allocation: the area's requested size. */
  width = MAX (width, 360) - 2 * PREVIEW_PADDING;
  height = MAX (height, 280) - 2 * PREVIEW_PADDING - PREVIEW_LABEL_SPACE;
  request->max_width = MAX (1, (int) (width * scale * PREVIEW_OVERSAMPLE));
  request->max_height = MAX (1, (int) (height * scale * PREVIEW_OVERSAMPLE));
  return request;
}

static void
render_figure (Request      *request,
               Result       *result,
               McBoard      *board,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  McExportPreflight preflight;
  double margin, scale;
  int width, height;
  cairo_t *cr;

  result->scene = mc_export_build_scene (board, &request->options, &result->content,
                                         &result->ppu, &error);
  if (result->scene == NULL)
    {
      result->problem = g_strdup (error->message);
      return;
    }
  if (g_cancellable_is_cancelled (cancellable))
    return;

  /* The margin is part of what the export writes. */
  margin = MC_EXPORT_MM_TO_PT (request->options.margin_mm) / result->ppu;
  result->content.x -= margin;
  result->content.y -= margin;
  result->content.width += 2 * margin;
  result->content.height += 2 * margin;

  result->cut = request->options.notes ? mc_export_count_cut_notes (result->scene) : 0;
  mc_export_preflight_scene (result->scene, &result->content, result->ppu, &preflight);
  /* A PDF page taller than PDF allows is cut into several pages. */
  if (request->format == MC_EXPORT_FORMAT_PDF)
    {
      McRect content = result->content;
      double tallest_mm = 0;

      content.x += margin;
      content.y += margin;
      content.width -= 2 * margin;
      content.height -= 2 * margin;
      result->n_pages = mc_export_count_pdf_pages (result->scene, &request->options, &content,
                                                   result->ppu, &tallest_mm);
      if (result->n_pages > 1)
        preflight.height_mm = tallest_mm;
    }
  result->preflight = mc_export_preflight_to_string (&preflight);
  if (!mc_export_check_page (&request->options, request->format, &preflight, &error) ||
      !mc_export_check_fit (result->scene, result->ppu, &error))
    result->problem = g_strdup (error->message);

  scale = MIN (request->max_width / result->content.width,
               request->max_height / result->content.height);
  width = MAX (1, (int) ceil (result->content.width * scale));
  height = MAX (1, (int) ceil (result->content.height * scale));
  result->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (result->image);
  mc_export_draw_fitted (cr, result->scene, &result->content, width, height, 0);
  cairo_destroy (cr);
  cairo_surface_flush (result->image);
}

static void
render_outline (Request *request,
                Result  *result,
                McBoard *board)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = mc_export_to_bytes (board, &request->options, request->format, &error);
  gsize size;
  const char *data;
  const char *end;

  if (bytes == NULL)
    {
      result->problem = g_strdup (error->message);
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  size = MIN (size, OUTLINE_PREVIEW_CHARS);
  end = data;
  /* Cut at a character boundary, never inside one. */
  if (data != NULL)
    g_utf8_validate_len (data, size, &end);
  result->outline = g_strndup (data != NULL ? data : "", end - data);
}

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Request *request = task_data;
  Result *result = g_new0 (Result, 1);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (request->board_data, &length);
  g_autoptr(McBoard) board = mc_board_load_from_data (data, length, "preview", 0, &error);

  if (board == NULL)
    result->problem = g_strdup (error->message);
  else if (_mc_export_dialog_format_is_figure (request->format))
    render_figure (request, result, board, cancellable);
  else
    render_outline (request, result, board);

  /* Already replaced or closed: the render ends here, scene and all. */
  if (g_cancellable_is_cancelled (cancellable))
    g_clear_pointer (&result, result_free);
  g_task_return_pointer (task, result, (GDestroyNotify) result_free);
}

/* What the main loop lets go of, freed in a worker. */
typedef struct
{
  McScene         *scene;
  cairo_surface_t *image;
  Result          *result;
} Garbage;

static void
free_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Garbage *garbage = task_data;

  g_clear_pointer (&garbage->scene, mc_scene_unref);
  g_clear_pointer (&garbage->image, cairo_surface_destroy);
  g_clear_pointer (&garbage->result, result_free);
  g_free (garbage);
}

static void
free_later (McScene         *scene,
            cairo_surface_t *image,
            Result          *result)
{
  g_autoptr(GTask) task = NULL;
  Garbage *garbage;

  if (scene == NULL && image == NULL && result == NULL)
    return;
  garbage = g_new0 (Garbage, 1);
  garbage->scene = scene;
  garbage->image = image;
  garbage->result = result;
  /* The worker frees it: the task only carries it there. */
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, free_later);
  g_task_set_task_data (task, garbage, NULL);
  g_task_run_in_thread (task, free_in_thread);
}

static void
update_size_label (McExportDialog *self,
                   Result         *result)
{
  McExportOptions options;
  McExportFormat format = mc_export_dialog_get_format (self);
  g_autoptr(GString) text = g_string_new (NULL);
  double width_mm, height_mm;

  /* The scene has moved to the dialog by now. */
  if (self->preview_scene == NULL || result->ppu <= 0)
    {
      gtk_label_set_text (self->size_label, result->problem != NULL ? result->problem : "");
      return;
    }

  mc_export_dialog_get_options (self, &options);
  width_mm = MC_EXPORT_PT_TO_MM (result->content.width * result->ppu);
  height_mm = MC_EXPORT_PT_TO_MM (result->content.height * result->ppu);

  if (format == MC_EXPORT_FORMAT_PNG)
    {
      int width_px = (int) (width_mm / 25.4 * options.dpi + 0.5);
      int height_px = (int) (height_mm / 25.4 * options.dpi + 0.5);

      /* Translators: the size of the exported image: pixels, then DPI. */
      g_string_append_printf (text, _("%d × %d px at %d DPI"), width_px, height_px, options.dpi);
      g_string_append (text, " · ");
    }
  else if (format == MC_EXPORT_FORMAT_PDF && options.page != MC_EXPORT_PAGE_FIT)
    {
      const char *page = options.page <= MC_EXPORT_PAGE_A4_LANDSCAPE ? "A4" : "A3";

      /* Translators: the page the figure is placed on; %s is "A4" or "A3". */
      g_string_append_printf (text, _("On %s"), page);
      g_string_append (text, " · ");
    }
  g_string_append (text, result->preflight);
  if (format == MC_EXPORT_FORMAT_PDF && result->n_pages > 1)
    {
      g_string_append (text, " · ");
      /* Translators: a figure too tall for one PDF page goes on several. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", result->n_pages),
                              result->n_pages);
    }

  if (result->cut > 0)
    {
      /* The font floor keeps every text readable in print; at this size
       * that costs note text, so say so and name the ways out. */
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "The text of %u note is cut off at this size. Choose a wider size or leave the notes out.",
                                                 "The text of %u notes is cut off at this size. Choose a wider size or leave the notes out.",
                                                 result->cut),
                              result->cut);
    }
  if (result->problem != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, result->problem);
    }

  gtk_label_set_text (self->size_label, text->str);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* The task holds the dialog only weakly: a render still running when the
 * dialog closes must not keep the window alive past its parent (its
 * last unref would then unhook it from a parent already gone). */
static void
on_render_done (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(McExportDialog) self = g_weak_ref_get (ref);
  GTask *task = G_TASK (res);
  guint generation = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "mc-generation"));
  Result *result = g_task_propagate_pointer (task, NULL);

  weak_ref_free (ref);
  /* Closed, or a newer request is on its way: this one only ends. */
  if (self == NULL || result == NULL || generation != self->preview_generation)
    {
      free_later (NULL, NULL, g_steal_pointer (&result));
      return;
    }

  self->preview_running = FALSE;
  g_clear_object (&self->preview_cancellable);
  free_later (g_steal_pointer (&self->preview_scene), g_steal_pointer (&self->preview_image), NULL);
  g_clear_pointer (&self->preview_problem, g_free);
  self->preview_scene = g_steal_pointer (&result->scene);
  self->preview_image = g_steal_pointer (&result->image);
  self->preview_content = result->content;
  self->preview_ppu = result->ppu;
  self->preview_problem = g_strdup (result->problem);

  if (_mc_export_dialog_format_is_figure (mc_export_dialog_get_format (self)))
    {
      update_size_label (self, result);
      gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
    }
  else
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->outline_view),
                                result->outline != NULL ? result->outline : "", -1);
      gtk_label_set_text (self->size_label, result->problem != NULL ? result->problem : "");
    }
  gtk_widget_set_sensitive (self->export_button, self->preview_problem == NULL);
  result_free (result);
}

void
_mc_export_preview_start (McExportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  /* Before the board is read (the first frame of the dialog): the first
   * render will take the options as they are then. */
  if (self->board_data == NULL)
    return;

  g_clear_handle_id (&self->preview_timeout_id, g_source_remove);
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);

  self->preview_cancellable = g_cancellable_new ();
  self->preview_generation++;
  self->preview_running = TRUE;

  {
    GWeakRef *ref = g_new0 (GWeakRef, 1);

    g_weak_ref_init (ref, self);
    task = g_task_new (NULL, self->preview_cancellable, on_render_done, ref);
  }
  g_task_set_source_tag (task, _mc_export_preview_start);
  /* The result arrives even when cancelled: the callback drops it. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, request_new (self), (GDestroyNotify) request_free);
  g_object_set_data (G_OBJECT (task), "mc-generation", GUINT_TO_POINTER (self->preview_generation));
  g_task_run_in_thread (task, render_in_thread);
}

static gboolean
on_preview_timeout (gpointer user_data)
{
  McExportDialog *self = user_data;

  self->preview_timeout_id = 0;
  _mc_export_preview_start (self);
  return G_SOURCE_REMOVE;
}

void
_mc_export_preview_schedule (McExportDialog *self)
{
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

  return self->board_data == NULL || self->preview_timeout_id != 0 || self->preview_running;
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
  /* The size label lies over the area's foot: the page stays above all of
   * its lines (a refusal takes several). */
  int label_space = MAX (PREVIEW_LABEL_SPACE,
                         gtk_widget_get_height (GTK_WIDGET (self->size_label)) +
                         gtk_widget_get_margin_bottom (GTK_WIDGET (self->size_label)));
  double avail_w = width - 2 * PREVIEW_PADDING;
  double avail_h = height - 2 * PREVIEW_PADDING - label_space;
  double image_w, image_h, scale, page_w, page_h, x, y;
  const double r = 12;

  /* A quiet surface the sheet lies on, apart from the rows beside it. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - r, r, r, -G_PI / 2, 0);
  cairo_arc (cr, width - r, height - r, r, 0, G_PI / 2);
  cairo_arc (cr, r, height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, r, r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.05);
  cairo_fill (cr);

  if (self->preview_image == NULL || avail_w <= 0 || avail_h <= 0)
    return;

  image_w = cairo_image_surface_get_width (self->preview_image);
  image_h = cairo_image_surface_get_height (self->preview_image);
  scale = MIN (avail_w / image_w, avail_h / image_h);
  page_w = image_w * scale;
  page_h = image_h * scale;
  x = round ((width - page_w) / 2);
  y = round ((height - label_space - page_h) / 2);

  /* A soft shadow, then the sheet the figure is printed on. */
  for (int i = 1; i <= 4; i++)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.035);
      cairo_rectangle (cr, x - i + 1, y - i + 2, page_w + 2 * i - 2, page_h + 2 * i - 1);
      cairo_fill (cr);
    }
  if (self->background_row != NULL &&
      adw_combo_row_get_selected (self->background_row) == MC_EXPORT_BACKGROUND_TRANSPARENT)
    paint_checkerboard (cr, x, y, page_w, page_h);
  else
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, x, y, page_w, page_h);
      cairo_fill (cr);
    }

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, self->preview_image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
on_board_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(McExportDialog) self = g_weak_ref_get (ref);
  g_autoptr(GBytes) data = mc_board_to_data_finish (MC_BOARD (source), result, NULL);

  weak_ref_free (ref);
  /* Closed meanwhile (cancelled): nothing to show it in. */
  if (self == NULL || data == NULL || self->board_data != NULL)
    return;

  g_clear_object (&self->board_cancellable);
  self->board_data = g_steal_pointer (&data);
  _mc_export_preview_start (self);
}

/* Once the window has built its rows (mc-export-dialog-rows.c): the board
 * is copied (on this thread, but a fraction of the encoding) and written
 * out in a worker; each render reads it into a board of its own. */
void
_mc_export_preview_read_board (McExportDialog *self)
{
  GWeakRef *ref;

  if (self->board_data != NULL || self->board_cancellable != NULL)
    return;

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  self->board_cancellable = g_cancellable_new ();
  /* The dialog is modal: the board does not change while it is open. */
  mc_board_to_data_async (self->board, self->board_cancellable, on_board_read, ref);
}

/* Opening the window (styles, layout, its first frame) is work enough for
 * one turn of the main loop: the rest of its rows follow a frame at a
 * time, then the board is read, and its render never competes with the
 * first frame. */
static void
on_map (GtkWidget *widget,
        gpointer   user_data)
{
  McExportDialog *self = MC_EXPORT_DIALOG (widget);

  if (self->board_data == NULL && self->board_cancellable == NULL)
    _mc_export_rows_start (self);
}

/* The desktop's contrast flipped: the preview is drawn in the new one at
 * once, without the pause that lets typed options rest. */
static void
on_contrast_changed (McExportDialog *self)
{
  _mc_export_preview_start (self);
}

void
_mc_export_preview_init (McExportDialog *self)
{
  gtk_drawing_area_set_draw_func (self->preview_area, draw_preview, self, NULL);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  mc_desktop_watch_high_contrast (self, G_CALLBACK (on_contrast_changed));
}

void
_mc_export_preview_dispose (McExportDialog *self)
{
  g_clear_handle_id (&self->preview_timeout_id, g_source_remove);
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  if (self->board_cancellable != NULL)
    g_cancellable_cancel (self->board_cancellable);
  g_clear_object (&self->board_cancellable);
  /* A result still on its way finds a newer generation and is dropped. */
  self->preview_generation++;
  self->preview_running = FALSE;
  free_later (g_steal_pointer (&self->preview_scene), g_steal_pointer (&self->preview_image), NULL);
  g_clear_pointer (&self->preview_problem, g_free);
  g_clear_pointer (&self->board_data, g_bytes_unref);
}
