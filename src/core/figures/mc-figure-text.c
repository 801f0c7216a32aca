/* mc-figure-text.c — the text helpers of mc-figure-shapes.h: styles, text
 * blocks stacked in a box, region texts (label, definition, questions), the
 * CIMO letters and the figure title */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-figure-shapes.h"
#include "mc-view-options.h"

/* Text ------------------------------------------------------------------ */

void
mc_figure_shapes_style (McFigureBuild *build,
                        McTextStyle   *style,
                        double         theme_size,
                        PangoWeight    weight)
{
  memset (style, 0, sizeof *style);
  style->family = NULL;
  style->size = mc_figure_build_size (build, theme_size);
  style->weight = weight;
  style->style = PANGO_STYLE_NORMAL;
  style->alignment = PANGO_ALIGN_LEFT;
  style->line_spacing = 0;
}

/* The figures measure the same label, at the same style and width, many
 * times while they lay themselves out (a region's height, then its text
 * block; every layout of the board again): 530 measures of 122 texts for
 * one export. A text's height is remembered per thread, as the text
 * context itself is one per thread (mc_text_get_context()). */
typedef struct
{
  char           *text;
  char           *family;
  double          size;
  PangoWeight     weight;
  PangoStyle      style;
  PangoAlignment  alignment;
  double          line_spacing;
  double          width;
} MeasureKey;

/* Enough for every label of every figure in a few sizes; a thread that
 * goes past it (many export widths) starts over. */
#define MEASURE_CACHE_MAX 4096

static void
measure_key_free (gpointer data)
{
  MeasureKey *key = data;

  g_free (key->text);
  g_free (key->family);
  g_free (key);
}

static guint
double_hash (double value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  return (guint) (bits ^ (bits >> 32));
}

static guint
measure_key_hash (gconstpointer data)
{
  const MeasureKey *key = data;
  guint hash = g_str_hash (key->text);

  hash = hash * 31 + (key->family != NULL ? g_str_hash (key->family) : 0);
  hash = hash * 31 + double_hash (key->size);
  hash = hash * 31 + double_hash (key->width);
  hash = hash * 31 + (guint) key->weight;
  return hash;
}

static gboolean
measure_key_equal (gconstpointer a,
                   gconstpointer b)
{
  const MeasureKey *x = a, *y = b;

  return x->size == y->size && x->width == y->width && x->weight == y->weight &&
         x->style == y->style && x->alignment == y->alignment &&
         x->line_spacing == y->line_spacing &&
         g_strcmp0 (x->family, y->family) == 0 && strcmp (x->text, y->text) == 0;
}

static GPrivate measure_cache = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

double
mc_figure_shapes_measure_text (const char        *text,
                               const McTextStyle *style,
                               double             width)
{
  g_autoptr(PangoLayout) layout = NULL;
  GHashTable *cache = g_private_get (&measure_cache);
  MeasureKey probe = { (char *) text, (char *) style->family, style->size, style->weight,
                       style->style, style->alignment, style->line_spacing, width };
  MeasureKey *key;
  double *known;
  double w, h;

  if (text == NULL || *text == '\0')
    return 0;
  if (cache == NULL)
    {
      cache = g_hash_table_new_full (measure_key_hash, measure_key_equal, measure_key_free, g_free);
      g_private_set (&measure_cache, cache);
    }
  known = g_hash_table_lookup (cache, &probe);
  if (known != NULL)
    return *known;

  layout = mc_text_layout_new (text, style, width);
  mc_text_layout_get_size (layout, &w, &h);
  if (g_hash_table_size (cache) >= MEASURE_CACHE_MAX)
    g_hash_table_remove_all (cache);
  key = g_memdup2 (&probe, sizeof probe);
  key->text = g_strdup (text);
  key->family = g_strdup (style->family);
  g_hash_table_insert (cache, key, g_memdup2 (&h, sizeof h));
  return h;
}

double
mc_figure_shapes_add_text_block (McFigureBuild     *build,
                                 McItemRole         role,
                                 const char        *text,
                                 const McTextStyle *style,
                                 const McColor     *color,
                                 McRect            *box,
                                 double             max_height,
                                 double             spacing)
{
  McRect sub;
  double needed, used;

  g_return_val_if_fail (build != NULL, 0);
  g_return_val_if_fail (box != NULL, 0);

  if (text == NULL || *text == '\0')
    return 0;
  if ((box->height <= 0 || box->width <= 0) &&
      !(build->options != NULL && build->options->strict))
    return 0;

  /* A hair of slack so that pango's rounding never makes the fit shrink
   * text that measured as fitting. */
  needed = mc_figure_shapes_measure_text (text, style, box->width) * 1.01 + 0.5;
  sub = *box;
  sub.height = MIN (needed, box->height);
  if (max_height > 0)
    sub.height = MIN (sub.height, max_height);

  used = mc_figure_build_add_text (build, role, text, style, &sub, color);
  used = MIN (used, sub.height);
  box->y += used + spacing;
  box->height = MAX (0, box->height - used - spacing);
  return used;
}

void
mc_figure_shapes_add_text_centered (McFigureBuild     *build,
                                    McItemRole         role,
                                    const char        *text,
                                    const McTextStyle *style,
                                    const McColor     *color,
                                    const McRect      *box)
{
  McRect sub = *box;
  double needed;

  if (text == NULL || *text == '\0')
    return;

  needed = mc_figure_shapes_measure_text (text, style, box->width) * 1.01 + 0.5;
  if (needed < sub.height)
    {
      sub.y += (sub.height - needed) / 2;
      sub.height = needed;
    }
  mc_figure_build_add_text (build, role, text, style, &sub, color);
}

char *
mc_figure_shapes_join_questions (const char * const *questions)
{
  guint n = questions ? g_strv_length ((char **) questions) : 0;
  gboolean all_short = TRUE;
  GString *text;

  if (n == 0)
    return NULL;
  if (n == 1)
    return g_strdup (questions[0]);

  for (guint i = 0; i < n; i++)
    if (g_utf8_strlen (questions[i], -1) > 48)
      all_short = FALSE;

  text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (all_short)
        {
          /* Short questions run on, as the seed prints them. */
          if (i > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, questions[i]);
        }
      else
        {
          if (i > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, "•\u2002");
          g_string_append (text, questions[i]);
        }
    }
  return g_string_free (text, FALSE);
}

/* Region texts ------------------------------------------------------------ */

/* The smallest size a secondary text may shrink to before it loses lines
 * instead: much smaller than its design size reads as an accident. */
#define READABLE_SHRINK 0.75

static double
add_stacked_block (McFigureBuild     *build,
                   McItemRole         role,
                   const char        *text,
                   const McTextStyle *style,
                   const McColor     *color,
                   McRect            *box,
                   double             max_height,
                   double             spacing)
{
  double saved_floor = build->min_font_size;
  double floor_size = mc_figure_build_size (build, 0);
  double used;

  /* Less than one line at the readable size: leave the text out (strict
   * views defer it to the legend instead). */
  if (MIN (box->height, max_height) < style->size * READABLE_SHRINK * 1.2 &&
      !(build->options != NULL && build->options->strict))
    return 0;

  build->min_font_size = MAX (floor_size, style->size * READABLE_SHRINK);
  used = mc_figure_shapes_add_text_block (build, role, text, style, color, box,
                                          max_height, spacing);
  build->min_font_size = saved_floor;
  return used;
}

/* A region's definition or its questions. */
typedef struct
{
  McItemRole     role;
  const char    *text;
  double         size;     /* theme size */
  PangoWeight    weight;
  const McColor *color;
  double         share;    /* of what is left, when the other one follows */
} SecondaryText;

static void
get_secondary (McFigureBuild            *build,
               const McShapesRegionText *spec,
               gboolean                  questions,
               const char               *text,
               SecondaryText            *out)
{
  const McTheme *theme = build->theme;

  if (questions)
    *out = (SecondaryText) {
      MC_ROLE_QUESTION, text,
      spec->questions_size > 0 ? spec->questions_size : theme->small_size,
      spec->questions_weight != 0 ? spec->questions_weight : PANGO_WEIGHT_NORMAL,
      spec->questions_color != NULL ? spec->questions_color : &theme->muted_ink,
      spec->questions_share > 0 ? spec->questions_share : 0.55,
    };
  else
    *out = (SecondaryText) {
      MC_ROLE_DEFINITION, text,
      spec->definition_size > 0 ? spec->definition_size : theme->body_size,
      PANGO_WEIGHT_NORMAL, &theme->muted_ink,
      spec->definition_share > 0 ? spec->definition_share : 0.45,
    };
}

/* Stacks first, then second (either may be NULL text) into *text. The
 * first keeps its share, or all but two lines of the second, whichever is
 * more: the one that follows gives way. */
static void
add_secondary_pair (McFigureBuild            *build,
                    const McShapesRegionText *spec,
                    const SecondaryText      *first,
                    const SecondaryText      *second,
                    McRect                   *text,
                    double                    spacing)
{
  const SecondaryText *parts[2] = { first, second };

  for (guint i = 0; i < 2; i++)
    {
      const SecondaryText *part = parts[i];
      double max = text->height;
      McTextStyle style;

      if (part->text == NULL || *part->text == '\0')
        continue;
      if (i == 0 && second->text != NULL)
        max = MAX (text->height * part->share,
                   text->height - mc_figure_build_size (build, second->size) * 2.5 - spacing);

      mc_figure_shapes_style (build, &style, part->size, part->weight);
      style.alignment = spec->alignment;
      add_stacked_block (build, part->role, part->text, &style, part->color, text, max,
                         spacing);
    }
}

double
mc_figure_shapes_add_region_text (McFigureBuild            *build,
                                  const char               *region_id,
                                  const McShapesRegionText *spec,
                                  McRect                   *box)
{
  const McTheme *theme;
  const McRegionInfo *region;
  const McViewOptions *options;
  const char *definition = NULL;
  g_autofree char *questions = NULL;
  SecondaryText definition_part, questions_part;
  McTextStyle style;
  McColor ink;
  McRect text;
  double start, bottom, spacing, reserve;

  g_return_val_if_fail (build != NULL, 0);
  g_return_val_if_fail (spec != NULL, 0);
  g_return_val_if_fail (box != NULL, 0);

  theme = build->theme;
  options = build->options;
  region = mc_figure_build_get_region (build, region_id);
  if (region == NULL)
    return 0;

  start = box->y;
  bottom = box->y + box->height;
  spacing = mc_figure_shapes_len (build, spec->spacing > 0 ? spec->spacing : 8);
  /* Without notes shown the room kept for them would only push the texts
   * out of the region. */
  reserve = options != NULL && !options->notes ? 0
            : mc_figure_shapes_notes_height (build, box->width, spec->min_notes);
  if (reserve > 0)
    reserve += spacing;
  text = *box;
  text.height = MAX (0, box->height - reserve);

  mc_figure_build_get_region_colors (build, region_id, 0, NULL, NULL, &ink);

  if (!spec->no_label)
    {
      const char *label = spec->label_text != NULL ? spec->label_text
                          : mc_region_info_get_label (region, build->language);
      double share = spec->label_share > 0 ? spec->label_share : 0.3;
      double max;

      mc_figure_shapes_style (build, &style,
                              spec->label_size > 0 ? spec->label_size : theme->label_size,
                              spec->label_weight != 0 ? spec->label_weight
                                                      : PANGO_WEIGHT_SEMIBOLD);
      style.alignment = spec->alignment;
      /* The label always gets at least a line: it names the region. */
      max = MAX (text.height * share, MIN (text.height, style.size * 1.4));
      /* Strict views: rather all the lines it needs than the legend; the
       * texts after it make way. */
      if (options != NULL && options->strict)
        max = MAX (max, MIN (text.height,
                             mc_figure_shapes_measure_text (label, &style, text.width) * 1.01 + 0.5));
      mc_figure_shapes_add_text_block (build, MC_ROLE_LABEL, label, &style,
                                       spec->label_color != NULL ? spec->label_color : &ink,
                                       &text, max, spacing * 0.6);
    }

  if (options != NULL && options->definitions)
    definition = mc_region_info_get_definition (region, build->language);
  if (options != NULL &&
      (spec->questions == MC_SHAPES_QUESTIONS_ALWAYS ||
       (spec->questions == MC_SHAPES_QUESTIONS_UNLESS_LIST &&
        options->questions != MC_QUESTIONS_LIST) ||
       options->questions == MC_QUESTIONS_INLINE))
    questions = mc_figure_shapes_join_questions (mc_region_info_get_questions (region,
                                                                               build->language));

  get_secondary (build, spec, FALSE, definition, &definition_part);
  get_secondary (build, spec, TRUE, questions, &questions_part);
  if (spec->questions_first)
    add_secondary_pair (build, spec, &questions_part, &definition_part, &text, spacing);
  else
    add_secondary_pair (build, spec, &definition_part, &questions_part, &text, spacing);

  box->y = MIN (text.y, bottom);
  box->height = bottom - box->y;
  return box->y - start;
}

/* TRUE when text set at size (scene units) in width wraps at words only
 * (and is at most height tall when height > 0). */
static gboolean
label_fits (McFigureBuild *build,
            const char    *text,
            double         size,
            double         width,
            double         height)
{
  g_autoptr(PangoLayout) layout = NULL;
  McTextStyle style;
  double w, h;

  mc_figure_shapes_style (build, &style, 0, PANGO_WEIGHT_SEMIBOLD);
  style.family = build->theme->font_family;
  style.size = size;
  layout = mc_text_layout_new (text, &style, width);
  mc_text_layout_get_size (layout, &w, &h);
  return w <= width + 0.5 && (height <= 0 || h * 1.01 + 0.5 <= height) &&
         !mc_text_layout_breaks_inside_word (layout);
}

double
mc_figure_shapes_label_size_for (McFigureBuild      *build,
                                 const char * const *region_ids,
                                 const double       *widths,
                                 const double       *heights,
                                 guint               n,
                                 double              theme_size)
{
  double scale, floor_size, size;

  g_return_val_if_fail (build != NULL, theme_size);

  if (build->options == NULL || !build->options->strict)
    return theme_size;
  scale = build->font_scale > 0 ? build->font_scale : build->unit;
  if (scale <= 0)
    return theme_size;
  floor_size = mc_figure_build_size (build, 0);
  size = mc_figure_build_size (build, theme_size);

  /* Down in small steps to the floor; a label that fits nowhere keeps the
   * floor (and goes to the legend as before). */
  for (guint i = 0; i < n; i++)
    {
      const McRegionInfo *region = mc_figure_build_get_region (build, region_ids[i]);
      const char *label = region != NULL ? mc_region_info_get_label (region, build->language)
                                         : NULL;

      if (label == NULL || widths[i] <= 0)
        continue;
      while (size > floor_size &&
             !label_fits (build, label, size, widths[i], heights != NULL ? heights[i] : 0))
        size = MAX (floor_size, size * 0.95);
    }
  return size / scale;
}

char *
mc_figure_shapes_dup_cimo_letter (McFigureBuild *build,
                                  const char    *part)
{
  g_autofree char *key = NULL;
  const char *letter = NULL;

  g_return_val_if_fail (build != NULL, NULL);
  g_return_val_if_fail (part != NULL, NULL);

  key = g_strdup_printf ("%s_letter", part);
  if (build->info != NULL)
    letter = mc_figure_info_get_string (build->info, key, build->language);
  if (letter == NULL)
    {
      const McFigureInfo *cimo = mc_catalog_get_figure (mc_catalog_get_default (), "cimo");

      if (cimo != NULL)
        letter = mc_figure_info_get_string (cimo, key, build->language);
    }
  /* A catalog without letters still gets the part's initial. */
  return letter != NULL ? g_strdup (letter) : g_utf8_strup (part, 1);
}

/* Title ------------------------------------------------------------------- */

void
mc_figure_shapes_add_title (McFigureBuild *build)
{
  McTextStyle style;
  McRect box;
  double pad = mc_figure_build_padding (build);
  const char *title = mc_figure_info_get_title (build->info, build->language);

  if (title == NULL || *title == '\0')
    return;
  /* A caption carries the title; the figure does not say it twice. */
  if (build->options != NULL && build->options->caption)
    return;

  /* The same place, size and weight as mc_figure_build_add_title(), but
   * within the fixed MC_FIGURE_TITLE_BAND where the kinds start their
   * drawing: a long title shrinks (to two lines at most) and keeps clear
   * of the drawing below it. */
  mc_figure_shapes_style (build, &style, build->theme->title_size,
                          PANGO_WEIGHT_SEMIBOLD);
  box.x = build->frame.x + pad;
  box.y = build->frame.y + pad * 0.75;
  box.width = build->frame.width - 2 * pad;
  /* One line at full size when it fits the band; a title that wraps
   * shrinks into a box that stops well short of the drawing. */
  box.height = mc_figure_shapes_measure_text (title, &style, box.width) * 1.01 + 0.5;
  if (box.height > style.size * 1.4)
    /* Two lines at the font floor must still fit: a title is never cut. */
    box.height = MAX (mc_figure_shapes_len (build, MC_FIGURE_TITLE_BAND - 16) - pad * 0.75,
                      mc_figure_build_size (build, 0) * 2.5);
  box.height = MIN (box.height,
                    mc_figure_shapes_len (build, MC_FIGURE_TITLE_BAND - 4) - pad * 0.75);
  mc_figure_build_add_text (build, MC_ROLE_LABEL, title, &style, &box,
                            &build->theme->ink);
}

/* Texts placed one under another (layouts for the frame) -------------------- */

double
mc_figure_shapes_text_height (McFigureBuild *build,
                              const char    *text,
                              double         theme_size,
                              PangoWeight    weight,
                              double         width)
{
  McTextStyle style;

  if (text == NULL || *text == '\0')
    return 0;
  mc_figure_shapes_style (build, &style, theme_size, weight);
  return ceil (mc_figure_shapes_measure_text (text, &style, width) + 0.5);
}

void
mc_figure_shapes_place_text (McFigureBuild *build,
                             McItemRole     role,
                             const char    *text,
                             double         theme_size,
                             PangoWeight    weight,
                             const McColor *color,
                             double         x,
                             double        *y,
                             double         width,
                             double         spacing)
{
  McTextStyle style;
  McRect box;

  if (text == NULL || *text == '\0')
    return;
  mc_figure_shapes_style (build, &style, theme_size, weight);
  box = (McRect) { x, *y, width, mc_figure_shapes_text_height (build, text, theme_size, weight, width) };
  mc_figure_build_add_text (build, role, text, &style, &box, color);
  *y += box.height + spacing;
}
