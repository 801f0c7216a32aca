/* mc-figure-value-creation-parts.c — the CIMO parts around the centre of
 * the whole-model figure, and the lines under it
 *
 * Each part (Probleem-in-Context, Interventie, Mechanismen, Outcomes) is a
 * box in its CIMO colour with its name, the generic model that fills it
 * in and that model's elements, all from the catalog entries of the kinds
 * that detail them, so they read exactly as in those figures. The parts
 * are decoration, not regions: the notes belong to the centre.
 */
#include "config.h"

#include <math.h>

#include "mc-catalog.h"
#include "mc-figure-shapes.h"
#include "mc-figure-value-creation-private.h"

#define N_PARTS 4

/* Where each part takes its elements from. */
static const struct
{
  const char *part;        /* cimo region id and colour role */
  const char *kind;        /* the kind whose regions are its elements */
  const char *extra_kind;  /* and one more string of this kind … */
  const char *extra_key;   /* … under this key (NULL: none) */
} parts[N_PARTS] = {
  { "context",      "context",           NULL,        NULL },
  { "intervention", "perspectives",      NULL,        NULL },
  { "mechanisms",   "boundary-crossing", "coherence", "social_dynamics" },
  { "outcomes",     "doorwerking",       NULL,        NULL },
};

static const McFigureInfo *
other_kind (const char *kind)
{
  return mc_catalog_get_figure (mc_catalog_get_default (), kind);
}

/* The texts of one CIMO part. */
typedef struct
{
  const char *label;
  const char *model;
  char       *elements;   /* one bulleted line each */
} PartTexts;

static void
part_texts (McModelFrame *f,
            guint         index,
            PartTexts    *texts)
{
  McFigureBuild *build = f->build;
  const McFigureInfo *cimo = other_kind ("cimo");
  const McFigureInfo *source = other_kind (parts[index].kind);
  const McRegionInfo *region = cimo != NULL ? mc_figure_info_find_region (cimo, parts[index].part)
                                            : NULL;
  g_autofree char *model_key = g_strdup_printf ("%s_model", parts[index].part);
  GString *list = g_string_new (NULL);

  texts->label = region != NULL ? mc_region_info_get_label (region, build->language)
                                : parts[index].part;
  texts->model = cimo != NULL ? mc_figure_info_get_string (cimo, model_key, build->language)
                              : NULL;
  for (guint r = 0; source != NULL && r < mc_figure_info_get_n_regions (source); r++)
    {
      const McRegionInfo *element = mc_figure_info_get_region (source, r);

      g_string_append_printf (list, "%s%s%s", list->len > 0 ? (f->compact ? " \u00b7 " : "\n") : "",
                              f->compact ? "" : "\u2022 ",
                              mc_region_info_get_label (element, build->language));
    }
  if (parts[index].extra_key != NULL)
    {
      const McFigureInfo *extra = other_kind (parts[index].extra_kind);
      const char *text = extra != NULL ? mc_figure_info_get_string (extra, parts[index].extra_key,
                                                                    build->language)
                                       : NULL;

      if (text != NULL)
        g_string_append_printf (list, "%s%s%s", list->len > 0 ? (f->compact ? " \u00b7 " : "\n") : "",
                                f->compact ? "" : "\u2022 ", text);
    }
  texts->elements = g_string_free (list, FALSE);
}

static double
part_height (McModelFrame *f,
             guint         index,
             double        width)
{
  McFigureBuild *build = f->build;
  PartTexts texts;
  double inner = width - 2 * f->pad;
  double h;

  part_texts (f, index, &texts);
  h = mc_figure_shapes_text_height (build, texts.label, f->name, PANGO_WEIGHT_SEMIBOLD, inner) +
      f->spacing;
  if (texts.model != NULL)
    h += mc_figure_shapes_text_height (build, texts.model, f->text, PANGO_WEIGHT_SEMIBOLD, inner) +
         f->spacing;
  h += mc_figure_shapes_text_height (build, texts.elements, f->text, PANGO_WEIGHT_NORMAL, inner);
  g_free (texts.elements);
  return h + 2 * f->pad;
}

static void
draw_part (McModelFrame *f,
           guint         index,
           const McRect *rect)
{
  McFigureBuild *build = f->build;
  const McTheme *theme = build->theme;
  const char *role = parts[index].part;
  g_autoptr(McPath) shape = mc_path_new ();
  PartTexts texts;
  McColor fill, stroke, ink;
  double inner = rect->width - 2 * f->pad;
  double x = rect->x + f->pad;
  double y = rect->y + f->pad;

  mc_theme_get_role_fill (theme, role, 0, &fill);
  mc_theme_get_role_stroke (theme, role, &stroke);
  mc_theme_get_role_ink (theme, role, &ink);
  mc_path_rounded_rectangle (shape, rect, MIN (f->pad, theme->corner_radius * build->font_scale));
  mc_scene_add_path (build->scene, MC_ROLE_DECORATION, shape, &fill, &stroke,
                     mc_figure_shapes_thin_line_width (build), MC_LINE_SOLID);

  part_texts (f, index, &texts);
  mc_figure_shapes_place_text (build, MC_ROLE_LABEL, texts.label, f->name, PANGO_WEIGHT_SEMIBOLD,
                               &theme->ink, x, &y, inner, f->spacing);
  mc_figure_shapes_place_text (build, MC_ROLE_DEFINITION, texts.model, f->text,
                               PANGO_WEIGHT_SEMIBOLD, &ink, x, &y, inner, f->spacing);
  mc_figure_shapes_place_text (build, MC_ROLE_DEFINITION, texts.elements, f->text,
                               PANGO_WEIGHT_NORMAL, &theme->ink, x, &y, inner, 0);
  g_free (texts.elements);
}

void
_mc_model_add_part_row (McModelFrame *f,
                        guint         first,
                        gboolean      two_columns,
                        double       *y)
{
  double w = two_columns ? (f->width - f->gap) / 2 : f->width;

  if (two_columns)
    {
      double h = MAX (part_height (f, first, w), part_height (f, first + 1, w));

      for (guint i = 0; i < 2; i++)
        draw_part (f, first + i, &(McRect) { f->x + i * (w + f->gap), *y, w, h });
      *y += h + f->gap;
      return;
    }
  for (guint i = 0; i < 2; i++)
    {
      double h = part_height (f, first + i, w);

      draw_part (f, first + i, &(McRect) { f->x, *y, w, h });
      *y += h + f->gap;
    }
}

void
_mc_model_add_frame_notes (McModelFrame *f,
                           double       *y)
{
  McFigureBuild *build = f->build;
  const McFigureInfo *scale = other_kind ("scale-levels");
  const McFigureInfo *coherence = other_kind ("coherence");
  const char *scale_name = mc_figure_info_get_string (build->info, "scale_levels", build->language);
  const char *levels = scale != NULL ? mc_figure_info_get_string (scale, "levels", build->language)
                                     : NULL;
  const char *coherence_name = coherence != NULL
                               ? mc_figure_info_get_string (coherence, "centre", build->language)
                               : NULL;
  g_autoptr(GString) links = g_string_new (NULL);

  if (f->compact >= 2)
    return;

  if (scale_name != NULL && levels != NULL)
    {
      g_autofree char *line = g_strdup_printf ("%s: %s", scale_name, levels);

      mc_figure_shapes_place_text (build, MC_ROLE_CAPTION, line, f->text, PANGO_WEIGHT_NORMAL,
                                   &build->theme->muted_ink, f->x, y, f->width, f->spacing);
    }
  for (guint r = 0; coherence != NULL && r < mc_figure_info_get_n_regions (coherence); r++)
    g_string_append_printf (links, "%s%s", links->len > 0 ? " \u00b7 " : "",
                            mc_region_info_get_label (mc_figure_info_get_region (coherence, r),
                                                      build->language));
  if (coherence_name != NULL && links->len > 0)
    {
      g_autofree char *line = g_strdup_printf ("%s: %s", coherence_name, links->str);

      mc_figure_shapes_place_text (build, MC_ROLE_CAPTION, line, f->text, PANGO_WEIGHT_NORMAL,
                                   &build->theme->muted_ink, f->x, y, f->width, f->spacing);
    }
}
