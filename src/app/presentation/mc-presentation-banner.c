/* mc-presentation-banner.c — presentation mode: the prompt banner and the stop number */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-catalog.h"
#include "mc-figure.h"
#include "mc-presentation-private.h"

/* The banner's type is scaled to its screen: at most this much larger than
 * the style sheet's sizes (prompts of 40 px at 1080 lines), and no smaller
 * than BANNER_MIN_SCALE (22 px prompts) before it shows fewer lines. */
#define BANNER_MAX_SCALE 2.0
#define BANNER_MIN_SCALE 0.55
#define BANNER_SCALE_STEP 0.92
/* The banner never takes more than this part of the screen's height. */
#define BANNER_MAX_PART  (1.0 / 3.0)
/* The most lines of questions tried when the type is at its floor. */
#define BANNER_MAX_LINES 8

static char *
join_questions (const char *prompt)
{
  g_auto(GStrv) lines = NULL;

  if (prompt == NULL)
    return g_strdup ("");

  /* One question per line would fill the screen for a region with twelve
   * of them; as a paragraph they wrap into a few lines. */
  lines = g_strsplit (prompt, "\n", -1);
  return g_strjoinv (" ", lines);
}

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

void
_mc_presentation_update_banner (McPresentation *self)
{
  const McRouteStop *stop = _mc_presentation_current_stop (self);
  g_autofree char *position = NULL;
  g_autofree char *placeholder = NULL;

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

    case MC_ROUTE_STOP_REGION:
    default:
      {
        g_autofree char *questions = join_questions (stop->prompt);

        set_label (self->banner_context, figure_title (self, stop->figure_id));
        set_label (self->banner_title, stop->title);
        set_label (self->banner_prompt, questions);
      }
      break;
    }

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
  GtkLabel *labels[] = { self->banner_context, self->banner_title, self->banner_prompt };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
      gtk_label_set_attributes (labels[i], attrs);
      pango_attr_list_unref (attrs);
    }
}

static void
set_prompt_lines (McPresentation *self,
                  int             lines)
{
  gtk_label_set_lines (self->banner_prompt, lines);
  gtk_label_set_ellipsize (self->banner_prompt,
                           lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
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
_mc_presentation_fit_banner (McPresentation *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (self->canvas));
  int limit = (int) (height * BANNER_MAX_PART);
  double scale;

  if (width <= 0 || height <= 0)
    return;

  /* Large type on a large screen; smaller type down to a readable floor
   * while the banner takes more than its part of the screen... */
  set_prompt_lines (self, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_context),
                          *gtk_label_get_text (self->banner_context) != '\0');
  scale = CLAMP (height / 1080.0, 1.0, BANNER_MAX_SCALE);
  for (;;)
    {
      set_banner_scale (self, scale);
      if (banner_height (self, width) <= limit || scale * BANNER_SCALE_STEP < BANNER_MIN_SCALE)
        break;
      scale *= BANNER_SCALE_STEP;
    }

  /* ...then fewer lines of questions (the presenter view has them all). */
  if (gtk_widget_get_visible (GTK_WIDGET (self->banner_prompt)))
    for (int lines = BANNER_MAX_LINES; lines >= 1 && banner_height (self, width) > limit; lines--)
      set_prompt_lines (self, lines);

  /* ...and at last without the figure's name above the region's. */
  if (banner_height (self, width) > limit)
    gtk_widget_set_visible (GTK_WIDGET (self->banner_context), FALSE);
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

