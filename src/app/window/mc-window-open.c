/* mc-window-open.c — opening a board in a worker thread: read, decoded
 * and laid out while the window is made and shown (issue 17)
 *
 * The worker is a thread of its own that ends when its board is laid out:
 * the text of the scene it built belongs to its pango context, which no
 * other thread uses once it has ended (mc_text_get_context() keeps one per
 * thread). The main thread joins it before it takes the document, the
 * layout and the scene, so the window's first frame with the board only
 * renders it, at the fitted zoom.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-catalog.h"
#include "mc-window-private.h"

struct _McWindowOpening
{
  GFile          *file;
  McViewOptions   options;
  GThread        *thread;

  /* Written by the worker, read after it is joined. */
  McDocument     *document;
  McLayout       *layout;
  McScene        *scene;
  GError         *error;

  /* Main thread. */
  gboolean        finished;
  gboolean        shown;
  GWeakRef        window;
  McWindowOpened  done;
  gpointer        data;
};

static void
opening_free (McWindowOpening *self)
{
  g_clear_object (&self->file);
  g_clear_object (&self->document);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->scene, mc_scene_unref);
  g_clear_error (&self->error);
  g_weak_ref_clear (&self->window);
  g_free (self);
}

/* Into its window, once both the worker and mc_window_opening_show() are
 * done. */
static void
deliver (McWindowOpening *self)
{
  g_autoptr(McWindow) window = g_weak_ref_get (&self->window);

  if (window != NULL && window->opening == self)
    {
      window->opening = NULL;
      /* The board it showed was edited meanwhile: kept, in its window. */
      if (self->document != NULL && !mc_window_get_pristine (window))
        {
          _mc_window_update_title (window);
          g_set_object (&window, mc_window_new (gtk_window_get_application (GTK_WINDOW (window)), NULL));
          gtk_window_present (GTK_WINDOW (window));
        }
      if (self->document != NULL)
        {
          McBoard *board = mc_document_get_board (self->document);

          if (self->scene != NULL)
            mc_canvas_offer_scene (window->canvas, board, self->layout, self->scene, &self->options);
          _mc_window_show_document (window, self->document, self->file);
        }
      else
        _mc_window_update_title (window);
    }

  if (self->done != NULL)
    self->done (window, self->error, self->data);
  opening_free (self);
}

static gboolean
opening_finished (gpointer data)
{
  McWindowOpening *self = data;

  /* Ended: its per-thread text caches are gone with it. */
  g_thread_join (g_steal_pointer (&self->thread));
  self->finished = TRUE;
  if (self->shown)
    deliver (self);
  return G_SOURCE_REMOVE;
}

static gpointer
opening_thread (gpointer data)
{
  McWindowOpening *self = data;

  self->document = mc_document_load (self->file, &self->error);
  if (self->document != NULL)
    {
      McBoard *board = mc_document_get_board (self->document);

      /* As mc_canvas_get_scene() builds it. */
      self->options.language = mc_board_get_language (board);
      self->layout = mc_layout_new (mc_catalog_get_default ());
      self->scene = mc_layout_build (self->layout, board, &self->options);
    }

  g_idle_add_full (G_PRIORITY_DEFAULT, opening_finished, self, NULL);
  return NULL;
}

McWindowOpening *
mc_window_opening_new (GFile *file)
{
  McWindowOpening *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_new0 (McWindowOpening, 1);
  self->file = g_object_ref (file);
  g_weak_ref_init (&self->window, NULL);
  /* A new canvas's options (mc_canvas_offer_scene() checks them). */
  mc_view_options_init (&self->options, MC_LANGUAGE_NL);
  /* Loaded once, here, rather than by two threads at once. */
  mc_catalog_get_default ();
  self->thread = g_thread_new ("mc-open", opening_thread, self);
  return self;
}

void
mc_window_opening_show (McWindowOpening *self,
                        McWindow        *window,
                        McWindowOpened   done,
                        gpointer         data)
{
  g_return_if_fail (self != NULL && !self->shown);
  g_return_if_fail (MC_IS_WINDOW (window));

  self->shown = TRUE;
  self->done = done;
  self->data = data;
  g_weak_ref_set (&self->window, window);
  window->opening = self;
  _mc_window_update_title (window);
  _mc_window_update_actions (window);
  if (self->finished)
    deliver (self);
}

void
mc_window_opening_drop (McWindowOpening *self)
{
  g_return_if_fail (self != NULL && !self->shown);

  /* Shown into no window: freed once the worker is done. */
  self->shown = TRUE;
  if (self->finished)
    deliver (self);
}

GFile *
_mc_window_get_opening_file (McWindow *self)
{
  return self->opening != NULL ? self->opening->file : NULL;
}
