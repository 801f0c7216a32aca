/* mc-presentation-banner.c — presentation mode: the prompt banner and the stop number */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-catalog.h"
#include "mc-figure.h"
#include "mc-presentation-private.h"
#include "mc-timer-widget.h"

/* The banner's type is scaled to its screen: at most this much larger than
 * the style sheet's sizes (prompts of 40 px at 1080 lines), and no smaller
 * than BANNER_MIN_SCALE (22 px prompts) before it shows fewer lines. */
#define BANNER_MAX_SCALE 2.0
#define BANNER_MIN_SCALE 0.55
#define BANNER_SCALE_STEP 0.92
/* The banner never takes more than this part of the screen's height. */
#define BANNER_MAX_PART  (1.0 / 3.0)

static const char *
figure_title (McPresentation *self,
              const char     *figure_id)
{
  McFigure *figure = figure_id != NULL ? mc_board_get_figure (self->board, figure_id) : NULL;
  const McFigureInfo *info;

  if (figure == NULL)
    return NULL;

  info = mc_catalog_get_figure (mc_catalog_get_default (), mc_figure_get_kind (figure));
  return info != NULL ? mc_figure_info_get_title (info, mc_board_get_language (self->board)) : NULL;
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* GTK 4.8 cannot announce: the banner carries the stop's title as its
 * name and its questions as its description, and takes the focus on each
 * stop so a screen reader reads both (issue 16). Not while a note is being
 * typed at the wall: the entry keeps the keyboard. */
static void
announce_stop (McPresentation *self,
               const char     *title,
               const char     *questions)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->banner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, questions != NULL ? questions : "",
                                  -1);
  gtk_widget_set_focusable (self->banner, TRUE);
  if (!_mc_presentation_capture_has_focus (self))
    gtk_widget_grab_focus (self->banner);
}

void
_mc_presentation_update_banner (McPresentation *self)
{
  const McRouteStop *stop = _mc_presentation_current_stop (self);
  g_autofree char *position = NULL;
  g_autofree char *placeholder = NULL;

  g_clear_pointer (&self->questions, g_strfreev);
  if (stop == NULL)
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      gtk_label_set_text (self->position_label, "");
      return;
    }

  switch (stop->kind)
    {
    case MC_ROUTE_STOP_OVERVIEW:
      set_label (self->banner_context, NULL);
      set_label (self->banner_title, stop->title);
      set_label (self->banner_prompt, stop->prompt);
      break;

    case MC_ROUTE_STOP_FIGURE:
      set_label (self->banner_context, NULL);
      set_label (self->banner_title, stop->title);
      set_label (self->banner_prompt, NULL);
      break;

    case MC_ROUTE_STOP_JOIN:
      /* The join card says it all and takes the whole free area. */
      set_label (self->banner_context, NULL);
      set_label (self->banner_title, NULL);
      set_label (self->banner_prompt, NULL);
      break;

    case MC_ROUTE_STOP_REGION:
    default:
      set_label (self->banner_context, figure_title (self, stop->figure_id));
      set_label (self->banner_title, stop->title);
      /* One question per line would fill the screen for a region with
       * twelve of them; as a paragraph they wrap into a few lines. */
      self->questions = g_strsplit (stop->prompt != NULL ? stop->prompt : "", "\n", -1);
      break;
    }

  if (self->questions != NULL)
    {
      g_autofree char *all = g_strjoinv (" ", self->questions);

      set_label (self->banner_prompt, all);
    }
  announce_stop (self, stop->title, gtk_label_get_text (self->banner_prompt));
  gtk_revealer_set_reveal_child (self->banner_revealer,
                                 gtk_widget_get_visible (GTK_WIDGET (self->banner_title))
                                 || gtk_widget_get_visible (GTK_WIDGET (self->banner_prompt)));

  position = mc_route_format_position (self->route);
  gtk_label_set_text (self->position_label, position);

  /* Translators: placeholder of the note entry; %s is a region, such as "Sociaal". */
  placeholder = g_strdup_printf (_("A note for “%s”"), stop->title != NULL ? stop->title : "");
  gtk_entry_set_placeholder_text (self->capture_entry, placeholder);

  /* The region of a region stop is outlined on the board. */
  mc_canvas_select_region (self->canvas, stop->kind == MC_ROUTE_STOP_REGION ? stop->key : NULL);

  _mc_presentation_fit_banner (self);
}

static void
set_banner_scale (McPresentation *self,
                  double          scale)
{
  GtkLabel *labels[] = {
    self->banner_context, self->banner_title, self->banner_prompt, self->banner_page,
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
      gtk_label_set_attributes (labels[i], attrs);
      pango_attr_list_unref (attrs);
    }
}

/* The footer's pills (the timer and the stop number) at the screen's
 * factor, the one the banner starts from, so they keep their size next to
 * the banner and the board on a large screen. The band below the board
 * is measured from them, so the free area follows. */
static void
scale_footer (McPresentation *self,
              double          scale)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  gtk_label_set_attributes (self->position_label, attrs);
  pango_attr_list_unref (attrs);
  mc_timer_widget_set_scale (MC_TIMER_WIDGET (self->timer_widget), scale);
}

static int
banner_height (McPresentation *self,
               int             width)
{
  int minimum = 0, natural = 0;

  gtk_widget_measure (self->banner, GTK_ORIENTATION_VERTICAL, width,
                      &minimum, &natural, NULL, NULL);
  return natural;
}

void
_mc_presentation_clear_pages (McPresentation *self)
{
  g_clear_pointer (&self->page_starts, g_free);
  self->n_pages = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->banner_page), FALSE);
  gtk_widget_set_size_request (self->banner, -1, -1);
}

/* Questions first to last (not included) as one paragraph. */
static void
show_questions (McPresentation *self,
                guint           first,
                guint           last)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = first; i < last; i++)
    {
      if (i > first)
        g_string_append_c (text, ' ');
      g_string_append (text, self->questions[i]);
    }
  gtk_label_set_text (self->banner_prompt, text->str);
}

static void
show_page (McPresentation *self)
{
  g_autofree char *label = NULL;

  show_questions (self, self->page_starts[self->page], self->page_starts[self->page + 1]);
  /* Translators: the page of questions in the presentation's banner, such as "Questions 1/3". */
  label = g_strdup_printf (_("Questions %u/%u"), self->page + 1, self->n_pages);
  gtk_label_set_text (self->banner_page, label);
}

/* Splits the questions into pages that each fit in limit, as many on a
 * page as fit; returns the tallest page's height. */
static int
paginate (McPresentation *self,
          int             width,
          int             limit)
{
  guint n = g_strv_length (self->questions);
  int tallest = 0, height = 0;
  guint first = 0;

  g_free (self->page_starts);
  self->page_starts = g_new0 (guint, n + 1);
  self->n_pages = 0;

  /* Measured with the widest number the label will show. */
  {
    g_autofree char *widest = g_strdup_printf (_("Questions %u/%u"), n, n);

    gtk_label_set_text (self->banner_page, widest);
    gtk_widget_set_visible (GTK_WIDGET (self->banner_page), TRUE);
  }

  while (first < n)
    {
      guint last = first + 1;

      show_questions (self, first, last);
      height = banner_height (self, width);
      for (; last < n; last++)
        {
          int more;

          show_questions (self, first, last + 1);
          more = banner_height (self, width);
          if (more > limit)
            break;
          height = more;
        }
      self->page_starts[self->n_pages++] = first;
      tallest = MAX (tallest, height);
      first = last;
    }
  self->page_starts[self->n_pages] = n;
  return tallest;
}

void
_mc_presentation_fit_banner (McPresentation *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (self->canvas));
  int limit = (int) (height * BANNER_MAX_PART);
  gboolean last_page = self->to_last_page;
  guint page = self->page;
  double scale;
  int tallest;

  self->to_last_page = FALSE;
  if (width <= 0 || height <= 0)
    return;

  /* Large type on a large screen; smaller type down to a readable floor
   * while the banner takes more than its part of the screen... */
  _mc_presentation_clear_pages (self);
  if (self->questions != NULL)
    show_questions (self, 0, g_strv_length (self->questions));
  gtk_widget_set_visible (GTK_WIDGET (self->banner_context),
                          *gtk_label_get_text (self->banner_context) != '\0');
  scale = CLAMP (height / 1080.0, 1.0, BANNER_MAX_SCALE);
  scale_footer (self, scale);
  for (;;)
    {
      set_banner_scale (self, scale);
      if (banner_height (self, width) <= limit || scale * BANNER_SCALE_STEP < BANNER_MIN_SCALE)
        break;
      scale *= BANNER_SCALE_STEP;
    }
  if (banner_height (self, width) <= limit)
    return;

  /* ...then the questions a page at a time, never cut (the presenter
   * view has them all)... */
  if (self->questions == NULL || self->questions[0] == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->banner_context), FALSE);
      return;
    }
  tallest = paginate (self, width, limit);

  /* ...and at last without the figure's name above the region's. */
  if (tallest > limit)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->banner_context), FALSE);
      tallest = paginate (self, width, limit);
    }

  if (self->n_pages < 2)
    {
      _mc_presentation_clear_pages (self);
      show_questions (self, 0, g_strv_length (self->questions));
      return;
    }

  /* Every page as tall as the tallest, so the free area (and the framed
   * stop) stays where it is while the pages turn. */
  gtk_widget_set_size_request (self->banner, -1, tallest);
  self->page = last_page ? self->n_pages - 1 : MIN (page, self->n_pages - 1);
  show_page (self);
}

gboolean
_mc_presentation_turn_page (McPresentation *self,
                            int             delta)
{
  int page = (int) self->page + delta;

  if (self->n_pages < 2 || page < 0 || page >= (int) self->n_pages)
    return FALSE;

  self->page = (guint) page;
  show_page (self);
  return TRUE;
}

guint
mc_presentation_get_prompt_page (McPresentation *self,
                                 guint          *n_pages)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), 0);

  if (n_pages != NULL)
    *n_pages = MAX (self->n_pages, 1);
  return self->n_pages > 1 ? self->page : 0;
}

const char *
mc_presentation_get_prompt_title (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return gtk_label_get_text (self->banner_title);
}

const char *
mc_presentation_get_prompt_text (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return gtk_label_get_text (self->banner_prompt);
}

const char *
mc_presentation_get_position_text (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return gtk_label_get_text (self->position_label);
}

