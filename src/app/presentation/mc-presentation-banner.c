/* mc-presentation-banner.c — presentation mode: the prompt banner and the stop number */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-catalog.h"
#include "mc-figure.h"
#include "mc-presentation-private.h"

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

