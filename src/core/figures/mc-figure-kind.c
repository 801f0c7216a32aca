/* mc-figure-kind.c — the registry of figure kinds and the helpers they share */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-figure-kind.h"
#include "mc-figure-kinds-private.h"
#include "mc-view-options.h"

static const McFigureKindClass * const kinds[] = {
  &mc_figure_kind_cimo,
  &mc_figure_kind_context,
  &mc_figure_kind_perspectives,
  &mc_figure_kind_scale_levels,
  &mc_figure_kind_boundary_crossing,
  &mc_figure_kind_doorwerking,
  &mc_figure_kind_value_creation,
  &mc_figure_kind_coherence,
  &mc_figure_kind_potential_value,
};

const McFigureKindClass *
mc_figure_kind_lookup (const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i]->id, id) == 0)
      return kinds[i];

  return NULL;
}

const char * const *
mc_figure_kind_list (void)
{
  static const char *ids[G_N_ELEMENTS (kinds) + 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        ids[i] = kinds[i]->id;
      ids[G_N_ELEMENTS (kinds)] = NULL;
      g_once_init_leave (&initialized, 1);
    }

  return ids;
}

static double
text_floor (McFigureBuild *build)
{
  if (build->min_font_size > 0)
    return build->min_font_size;
  if (build->options != NULL && build->options->min_font_size > 0)
    return build->options->min_font_size;
  return build->theme->min_font_size;
}

double
mc_figure_build_size (McFigureBuild *build,
                      double         theme_size)
{
  double scale;

  g_return_val_if_fail (build != NULL, theme_size);

  scale = build->font_scale > 0 ? build->font_scale : build->unit;
  return MAX (theme_size * scale, text_floor (build));
}

double
mc_figure_build_padding (McFigureBuild *build)
{
  g_return_val_if_fail (build != NULL, 0);

  return 0.04 * MIN (build->frame.width, build->frame.height);
}

const McRegionInfo *
mc_figure_build_get_region (McFigureBuild *build,
                            const char    *region_id)
{
  g_return_val_if_fail (build != NULL, NULL);

  if (build->info == NULL || region_id == NULL)
    return NULL;
  return mc_figure_info_find_region (build->info, region_id);
}

void
mc_figure_build_get_region_colors (McFigureBuild *build,
                                   const char    *region_id,
                                   guint          shade,
                                   McColor       *fill,
                                   McColor       *stroke,
                                   McColor       *ink)
{
  const McRegionInfo *region;
  const char *role = "neutral";

  g_return_if_fail (build != NULL);

  region = mc_figure_build_get_region (build, region_id);
  if (region != NULL && mc_region_info_get_role (region) != NULL)
    role = mc_region_info_get_role (region);

  if (fill != NULL)
    mc_theme_get_role_fill (build->theme, role, shade, fill);
  if (stroke != NULL)
    mc_theme_get_role_stroke (build->theme, role, stroke);
  if (ink != NULL)
    mc_theme_get_role_ink (build->theme, role, ink);
}

void
mc_figure_build_begin_region (McFigureBuild *build,
                              const char    *region_id,
                              McPath        *hit_path)
{
  const McRegionInfo *region;
  g_autofree char *id = NULL;
  const char *title;

  g_return_if_fail (build != NULL);
  g_return_if_fail (region_id != NULL);

  region = mc_figure_build_get_region (build, region_id);
  title = region != NULL ? mc_region_info_get_label (region, build->language) : NULL;
  id = g_strdup_printf ("%s/%s", build->placement_id, region_id);
  mc_scene_begin_group (build->scene, MC_ROLE_REGION, id,
                        title != NULL ? title : region_id, hit_path);
  build->region_id = region_id;
}

void
mc_figure_build_end_region (McFigureBuild *build)
{
  g_return_if_fail (build != NULL);

  mc_scene_end_group (build->scene);
  build->region_id = NULL;
}

double
mc_figure_build_notes_height (McFigureBuild *build,
                              const char    *region_id,
                              double         width)
{
  g_return_val_if_fail (build != NULL, 0);

  if (build->notes_height == NULL || region_id == NULL || width <= 0)
    return 0;
  return build->notes_height (build->notes_data, region_id, width);
}

double
mc_figure_build_notes_min_width (McFigureBuild *build,
                                 const char    *area_id)
{
  g_return_val_if_fail (build != NULL, 0);

  if (build->notes_min_width == NULL || area_id == NULL)
    return 0;
  return build->notes_min_width (build->notes_data, area_id);
}

void
mc_deferred_text_free (McDeferredText *text)
{
  if (text == NULL)
    return;
  g_free (text->region_id);
  g_free (text->text);
  g_free (text);
}

static gboolean
is_strict (McFigureBuild *build)
{
  return build->options != NULL && build->options->strict;
}

/* What a text at its own size does in a box of some width: its size and
 * whether a word had to break. Kept per thread (as the text context is)
 * so that passes which only measure (a kind trying its type sizes, e.g.
 * value-creation) and the pass that draws shape each text once. */
typedef struct
{
  double   width;
  double   height;
  gboolean breaks_inside_word;
} StrictOutcome;

/* Enough for every label of every figure in a few sizes. */
#define STRICT_CACHE_MAX 4096

static GPrivate strict_cache = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

static char *
strict_key (const char        *text,
            const McTextStyle *style,
            double             width)
{
  return g_strdup_printf ("%a\x1f%a\x1f%d\x1f%d\x1f%d\x1f%a\x1f%s\x1f%s",
                          style->size, width, (int) style->weight, (int) style->style,
                          (int) style->alignment, style->line_spacing,
                          style->family != NULL ? style->family : "", text);
}

/* Strict views: the text at its own size, wrapped at words. TRUE when it
 * fits box, with its height; the layout (when want_layout) is the one to
 * draw. FALSE: the text is deferred to the legend. */
static gboolean
strict_text (McFigureBuild     *build,
             McItemRole         role,
             const char        *text,
             const McTextStyle *style,
             const McRect      *box,
             gboolean           want_layout,
             PangoLayout      **layout_out,
             double            *height)
{
  McTextStyle themed = *style;
  GHashTable *cache = g_private_get (&strict_cache);
  g_autofree char *key = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  StrictOutcome *outcome;
  McDeferredText *deferred;

  if (themed.family == NULL)
    themed.family = build->theme->font_family;
  if (themed.size <= 0)
    themed.size = mc_figure_build_size (build, build->theme->body_size);
  themed.size = MAX (themed.size, text_floor (build));

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_private_set (&strict_cache, cache);
    }
  key = strict_key (text, &themed, box->width);
  outcome = g_hash_table_lookup (cache, key);
  if (outcome == NULL || want_layout)
    {
      layout = mc_text_layout_new (text, &themed, box->width);
      if (outcome == NULL)
        {
          outcome = g_new0 (StrictOutcome, 1);
          mc_text_layout_get_size (layout, &outcome->width, &outcome->height);
          outcome->breaks_inside_word = mc_text_layout_breaks_inside_word (layout);
          if (g_hash_table_size (cache) >= STRICT_CACHE_MAX)
            g_hash_table_remove_all (cache);
          g_hash_table_insert (cache, g_steal_pointer (&key), outcome);
        }
    }
  if (outcome->height <= box->height + 0.5 && outcome->width <= box->width + 0.5 &&
      !outcome->breaks_inside_word)
    {
      *height = outcome->height;
      *layout_out = g_steal_pointer (&layout);
      return TRUE;
    }

  if (build->deferred == NULL)
    build->deferred = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_deferred_text_free);
  /* The same text once: a kind may try a text in two places. */
  for (guint i = 0; i < build->deferred->len; i++)
    {
      McDeferredText *seen = build->deferred->pdata[i];

      if (g_strcmp0 (seen->text, text) == 0 && g_strcmp0 (seen->region_id, build->region_id) == 0)
        return FALSE;
    }
  deferred = g_new0 (McDeferredText, 1);
  deferred->region_id = g_strdup (build->region_id);
  deferred->role = role;
  deferred->text = g_strdup (text);
  g_ptr_array_add (build->deferred, deferred);
  return FALSE;
}

char *
mc_figure_reach_area_id (const char *region_id,
                         const char *reach)
{
  return g_strdup_printf ("%s:%s", region_id, reach);
}

void
mc_figure_build_set_note_area (McFigureBuild *build,
                               const char    *region_id,
                               const McRect  *area)
{
  g_return_if_fail (build != NULL);
  g_return_if_fail (region_id != NULL);
  g_return_if_fail (area != NULL);

  if (build->note_areas == NULL)
    build->note_areas = g_hash_table_new_full (g_str_hash, g_str_equal,
                                               g_free, (GDestroyNotify) mc_rect_free);
  g_hash_table_replace (build->note_areas, g_strdup (region_id), mc_rect_copy (area));
}

static PangoLayout *
fit_text (McFigureBuild     *build,
          const char        *text,
          const McTextStyle *style,
          const McRect      *box)
{
  McTextStyle themed = *style;
  double floor_size = text_floor (build);

  if (themed.family == NULL)
    themed.family = build->theme->font_family;
  if (themed.size <= 0)
    themed.size = mc_figure_build_size (build, build->theme->body_size);
  themed.size = MAX (themed.size, floor_size);

  return mc_text_layout_fit (text, &themed, box->width, box->height, floor_size, NULL);
}

static double
layout_height_in_box (PangoLayout  *layout,
                      const McRect *box)
{
  double h;

  mc_text_layout_get_size (layout, NULL, &h);
  return MIN (h, box->height);
}

double
mc_figure_build_add_text (McFigureBuild     *build,
                          McItemRole         role,
                          const char        *text,
                          const McTextStyle *style,
                          const McRect      *box,
                          const McColor     *color)
{
  g_autoptr(PangoLayout) layout = NULL;
  McTextStyle fallback = { NULL, 0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                           PANGO_ALIGN_LEFT, 0 };

  g_return_val_if_fail (build != NULL, 0);
  g_return_val_if_fail (box != NULL, 0);

  if (text == NULL || *text == '\0')
    return 0;

  if (is_strict (build))
    {
      McRect none = { box->x, box->y, MAX (box->width, 0), MAX (box->height, 0) };

      double height;

      if (!strict_text (build, role, text, style != NULL ? style : &fallback, &none,
                        !build->measuring, &layout, &height))
        return 0;
      /* A pass that only measures draws nothing. */
      if (layout != NULL)
        mc_scene_add_text (build->scene, role, layout, box->x, box->y,
                           color != NULL ? color : &build->theme->ink);
      return MIN (height, box->height);
    }

  if (box->width <= 0 || box->height <= 0)
    return 0;

  layout = fit_text (build, text, style != NULL ? style : &fallback, box);

  /* Not even one line fits at the floor: leave it out rather than let it
   * spill over its region. */
  {
    double w, h;

    mc_text_layout_get_size (layout, &w, &h);
    if (h > box->height + 0.5 || w > box->width + 0.5)
      return 0;
  }

  mc_scene_add_text (build->scene, role, layout, box->x, box->y,
                     color != NULL ? color : &build->theme->ink);
  return layout_height_in_box (layout, box);
}

double
mc_figure_build_add_title (McFigureBuild *build)
{
  const char *title = NULL;
  double pad, size;
  McRect box;
  McTextStyle style = { NULL, 0, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL,
                        PANGO_ALIGN_LEFT, 0 };

  g_return_val_if_fail (build != NULL, 0);

  pad = mc_figure_build_padding (build);
  /* A caption carries the title; the figure does not say it twice. */
  if (build->options != NULL && build->options->caption)
    return build->frame.y + pad * 0.75;
  if (build->info != NULL)
    title = mc_figure_info_get_title (build->info, build->language);
  if (title == NULL)
    title = build->placement_id;

  size = mc_figure_build_size (build, build->theme->title_size);
  style.size = size;
  /* At most two lines of title; it shrinks before it grows a third. */
  box = (McRect) { build->frame.x + pad, build->frame.y + pad * 0.75,
                   build->frame.width - 2 * pad, size * 2.6 };
  box.height = MIN (box.height, build->frame.height * 0.2);

  return box.y + mc_figure_build_add_text (build, MC_ROLE_LABEL, title, &style,
                                           &box, &build->theme->ink) + pad * 0.5;
}

static char *
questions_text (const char * const *questions)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; questions[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, "\u2022\u2009");
      g_string_append (out, questions[i]);
    }

  return g_string_free (out, FALSE);
}

double
mc_figure_build_add_region_text (McFigureBuild  *build,
                                 const char     *region_id,
                                 const McRect   *box,
                                 PangoAlignment  alignment)
{
  const McRegionInfo *region;
  const char *label, *definition = NULL;
  const char * const *questions = NULL;
  gboolean show_questions;
  McColor ink;
  McRect rest;
  double used, gap;
  McTextStyle label_style = { NULL, 0, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL,
                              alignment, 0 };
  McTextStyle body_style = { NULL, 0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                             alignment, 0 };

  g_return_val_if_fail (build != NULL, 0);
  g_return_val_if_fail (box != NULL, 0);

  region = mc_figure_build_get_region (build, region_id);
  label = region != NULL ? mc_region_info_get_label (region, build->language) : NULL;
  if (label == NULL)
    label = region_id;
  if (region != NULL && build->options != NULL && build->options->definitions)
    definition = mc_region_info_get_definition (region, build->language);
  show_questions = region != NULL && build->options != NULL &&
                   build->options->questions == MC_QUESTIONS_INLINE;
  if (show_questions)
    {
      questions = mc_region_info_get_questions (region, build->language);
      show_questions = questions != NULL && questions[0] != NULL;
    }

  mc_figure_build_get_region_colors (build, region_id, 0, NULL, NULL, &ink);
  label_style.size = mc_figure_build_size (build, build->theme->label_size);
  body_style.size = mc_figure_build_size (build, build->theme->body_size);
  gap = body_style.size * 0.45;

  /* The label keeps at most a third of the box when more text follows. */
  rest = *box;
  if (definition != NULL || show_questions)
    rest.height = MAX (MIN (box->height / 3, label_style.size * 3.8),
                       MIN (box->height, label_style.size * 1.4));
  used = mc_figure_build_add_text (build, MC_ROLE_LABEL, label, &label_style,
                                   &rest, &ink);

  if (definition != NULL && *definition != '\0')
    {
      rest = *box;
      rest.y = box->y + used + gap;
      rest.height = box->y + box->height - rest.y;
      if (show_questions)
        rest.height *= 0.45;
      if (rest.height > 0 || is_strict (build))
        used = rest.y - box->y +
               mc_figure_build_add_text (build, MC_ROLE_DEFINITION, definition,
                                         &body_style, &rest, &build->theme->muted_ink);
    }

  if (show_questions)
    {
      g_autofree char *text = questions_text (questions);

      body_style.size = mc_figure_build_size (build, build->theme->small_size);
      rest = *box;
      rest.y = box->y + used + gap;
      rest.height = box->y + box->height - rest.y;
      if (rest.height > 0 || is_strict (build))
        used = rest.y - box->y +
               mc_figure_build_add_text (build, MC_ROLE_QUESTION, text, &body_style,
                                         &rest, &build->theme->muted_ink);
    }

  return used;
}

/* Kinds whose build is still NULL: one labelled, rounded rectangle per
 * catalog region in a grid, so boards and tests work before the drawing. */
void
_mc_figure_build_placeholder (McFigureBuild *build)
{
  guint n = build->info != NULL ? mc_figure_info_get_n_regions (build->info) : 0;
  double pad = mc_figure_build_padding (build);
  double top = mc_figure_build_add_title (build);
  guint cols, rows;
  double cell_w, cell_h;

  if (n == 0)
    return;

  cols = (guint) ceil (sqrt (n * build->frame.width / MAX (build->frame.height, 1)));
  cols = CLAMP (cols, 1, n);
  rows = (n + cols - 1) / cols;
  cell_w = (build->frame.width - pad * (cols + 1)) / cols;
  cell_h = (build->frame.y + build->frame.height - top - pad * rows) / rows;

  for (guint i = 0; i < n; i++)
    {
      const McRegionInfo *region = mc_figure_info_get_region (build->info, i);
      const char *region_id = mc_region_info_get_id (region);
      McRect rect = { build->frame.x + pad + (i % cols) * (cell_w + pad),
                      top + (i / cols) * (cell_h + pad),
                      cell_w, cell_h };
      g_autoptr(McPath) path = mc_path_new ();
      McColor fill, stroke;
      McRect text_box, area;
      double used;

      mc_path_rounded_rectangle (path, &rect, build->theme->corner_radius * build->unit);
      /* Neutral grays: a placeholder should not look finished. */
      mc_theme_get_role_fill (build->theme, "neutral", i, &fill);
      mc_theme_get_role_stroke (build->theme, "neutral", &stroke);

      mc_figure_build_begin_region (build, region_id, path);
      mc_scene_add_path (build->scene, MC_ROLE_REGION, path, &fill, &stroke,
                         build->theme->line_width * build->unit, MC_LINE_SOLID);
      text_box = (McRect) { rect.x + pad, rect.y + pad * 0.75,
                            rect.width - 2 * pad, rect.height * 0.4 };
      used = mc_figure_build_add_region_text (build, region_id, &text_box,
                                              PANGO_ALIGN_LEFT);
      area = (McRect) { rect.x + pad / 2, text_box.y + used + pad / 2,
                        rect.width - pad, 0 };
      area.height = rect.y + rect.height - pad / 2 - area.y;
      mc_figure_build_set_note_area (build, region_id, &area);
      mc_figure_build_end_region (build);
    }
}
