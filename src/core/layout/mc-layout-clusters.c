/* mc-layout-clusters.c — cluster outlines and dimmed earlier-phase notes */
#include "config.h"

#include <math.h>

#include "mc-layout-clusters-private.h"
#include "mc-text.h"

/* Hue and saturation of a colour, in 0..1. */
static void
hue_saturation (const McColor *c,
                double        *hue,
                double        *saturation)
{
  double max = MAX (c->red, MAX (c->green, c->blue));
  double min = MIN (c->red, MIN (c->green, c->blue));
  double delta = max - min;
  double lightness = (max + min) / 2;
  double h;

  *saturation = delta == 0 ? 0 : delta / (1 - fabs (2 * lightness - 1));
  if (delta == 0)
    h = 0;
  else if (max == c->red)
    h = fmod ((c->green - c->blue) / delta + 6, 6);
  else if (max == c->green)
    h = (c->blue - c->red) / delta + 2;
  else
    h = (c->red - c->green) / delta + 4;
  *hue = h / 6;
}

static double
hue_channel (double p,
             double q,
             double t)
{
  t = t - floor (t);
  if (t < 1.0 / 6)
    return p + (q - p) * 6 * t;
  if (t < 0.5)
    return q;
  if (t < 2.0 / 3)
    return p + (q - p) * (2.0 / 3 - t) * 6;
  return p;
}

static void
from_hsl (double   hue,
          double   saturation,
          double   lightness,
          McColor *result)
{
  double q = lightness < 0.5 ? lightness * (1 + saturation)
                             : lightness + saturation - lightness * saturation;
  double p = 2 * lightness - q;

  result->red = hue_channel (p, q, hue + 1.0 / 3);
  result->green = hue_channel (p, q, hue);
  result->blue = hue_channel (p, q, hue - 1.0 / 3);
  result->alpha = 1.0;
}

void
_mc_layout_cluster_ink (const McTheme *theme,
                        const char    *color,
                        McColor       *ink)
{
  McColor fill;
  double hue, saturation, paper;

  /* Print keeps to grey: the label is ink like every other label. */
  if (theme->kind == MC_THEME_PRINT)
    {
      *ink = theme->ink;
      return;
    }

  /* The note colours are light tints; the same hue, saturated and dark
   * enough to read on the paper as text (at least 4.5:1; yellow needs to
   * go darker than blue for that). */
  mc_theme_get_note_fill (theme, color, &fill);
  hue_saturation (&fill, &hue, &saturation);
  paper = mc_color_luminance (&theme->paper);
  for (double lightness = theme->kind == MC_THEME_PROJECTOR ? 0.26 : 0.32;
       lightness > 0.05; lightness -= 0.02)
    {
      from_hsl (hue, MAX (saturation, 0.55), lightness, ink);
      if ((paper + 0.05) / (mc_color_luminance (ink) + 0.05) >= 5.0)
        return;
    }
}

double
_mc_layout_note_opacity (McBoard *board,
                         McNote  *note)
{
  return mc_board_get_note_phase (board, note) < mc_board_get_phase (board)
         ? MC_EARLIER_PHASE_OPACITY : 1.0;
}

void
_mc_layout_add_clusters (McScene        *scene,
                         McBoard        *board,
                         const McTheme  *theme,
                         McNoteRectFunc  note_rect,
                         gpointer        user_data)
{
  GPtrArray *clusters = mc_board_get_clusters (board);

  for (guint i = 0; i < clusters->len; i++)
    {
      McCluster *cluster = g_ptr_array_index (clusters, i);
      const char * const *ids = mc_cluster_get_note_ids (cluster);
      const char *label = mc_cluster_get_label (cluster);
      g_autofree char *group_id = NULL;
      g_autoptr(McPath) outline = NULL;
      McRect around = { 0, };
      gboolean any = FALSE;
      McColor ink, tint;

      for (guint k = 0; ids[k] != NULL; k++)
        {
          McRect rect;

          if (!note_rect (user_data, ids[k], &rect))
            continue;   /* not drawn in this view */
          if (!any)
            around = rect;
          else
            mc_rect_union (&around, &rect, &around);
          any = TRUE;
        }
      if (!any)
        continue;

      around.x -= MC_CLUSTER_PADDING;
      around.y -= MC_CLUSTER_PADDING;
      around.width += 2 * MC_CLUSTER_PADDING;
      around.height += 2 * MC_CLUSTER_PADDING;

      _mc_layout_cluster_ink (theme, mc_cluster_get_color (cluster), &ink);
      mc_theme_get_note_fill (theme, mc_cluster_get_color (cluster), &tint);
      tint.alpha = theme->kind == MC_THEME_PRINT ? 0.0 : 0.35;

      group_id = g_strdup_printf ("cluster:%s", mc_cluster_get_id (cluster));
      outline = mc_path_new ();
      mc_path_rounded_rectangle (outline, &around, 12);
      mc_scene_begin_group (scene, MC_ROLE_CLUSTER, group_id,
                            label[0] != '\0' ? label : NULL, outline);
      mc_scene_add_path (scene, MC_ROLE_CLUSTER, outline,
                         tint.alpha > 0 ? &tint : NULL, &ink,
                         MAX (theme->thin_line_width * 1.5, 2.0),
                         theme->kind == MC_THEME_PRINT ? MC_LINE_DASHED : MC_LINE_SOLID);

      if (label[0] != '\0')
        {
          McTextStyle style = { theme->font_family, theme->note_size * 0.95, PANGO_WEIGHT_BOLD,
                                PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, 0 };
          g_autoptr(PangoLayout) layout = NULL;
          g_autoptr(McPath) tab = mc_path_new ();
          double pad_x = 8, pad_y = 3;
          McColor tab_fill;
          McRect tab_rect;
          double tw, th;

          /* A tab on the outline's top edge, opaque so the label stays
           * readable over whatever the figure draws there (questions,
           * arrows); half of it lies in the padding, clear of the notes. */
          layout = mc_text_layout_new (label, &style, MAX (around.width - 2 * pad_x - 24, 120));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (layout, -1);
          mc_text_layout_get_size (layout, &tw, &th);
          tab_rect = (McRect) { around.x + 12, around.y - (th + 2 * pad_y) / 2,
                                tw + 2 * pad_x, th + 2 * pad_y };
          tab_fill = theme->paper;
          if (tint.alpha > 0)
            {
              /* The tint over paper, made opaque. */
              tab_fill.red = theme->paper.red + (tint.red - theme->paper.red) * 0.6;
              tab_fill.green = theme->paper.green + (tint.green - theme->paper.green) * 0.6;
              tab_fill.blue = theme->paper.blue + (tint.blue - theme->paper.blue) * 0.6;
            }
          mc_path_rounded_rectangle (tab, &tab_rect, MIN (8, tab_rect.height / 2));
          mc_scene_add_path (scene, MC_ROLE_CLUSTER, tab, &tab_fill, &ink,
                             MAX (theme->thin_line_width, 1.0), MC_LINE_SOLID);
          mc_scene_add_text (scene, MC_ROLE_CLUSTER, layout, tab_rect.x + pad_x,
                             tab_rect.y + pad_y, &ink);
        }

      mc_scene_end_group (scene);
    }
}
