/* mc-text.c — text layout shared by every backend */
#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "mc-text-private.h"

#define DEFAULT_FAMILY "Inter, Cantarell, sans-serif"

/* One context per thread (pango contexts and font maps are not shared
 * between threads): the export dialog lays its preview out in a worker. */
static GPrivate text_context = G_PRIVATE_INIT (g_object_unref);
static guint n_layouts;   /* made by mc_text_layout_new(), all threads */

PangoContext *
mc_text_get_context (void)
{
  PangoContext *context = g_private_get (&text_context);

  if (context == NULL)
    {
      PangoFontMap *font_map = pango_cairo_font_map_new ();
      cairo_font_options_t *options;

      /* Hinting and metric rounding off: text breaks the same at every zoom
       * and in every backend (screen, PDF, SVG, golden PNGs). */
      pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (font_map), 96.0);
      context = pango_font_map_create_context (font_map);
      options = cairo_font_options_create ();
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
      pango_cairo_context_set_font_options (context, options);
      pango_cairo_context_set_resolution (context, 96.0);
      pango_context_set_round_glyph_positions (context, FALSE);
      cairo_font_options_destroy (options);
      g_object_unref (font_map);

      g_private_set (&text_context, context);
    }

  return context;
}

static void
apply_style (PangoLayout       *layout,
             const McTextStyle *style,
             double             size)
{
  PangoFontDescription *desc;

  desc = pango_font_description_from_string (style->family != NULL
                                             ? style->family : DEFAULT_FAMILY);
  /* Absolute size: scene units are device units, independent of DPI. */
  pango_font_description_set_absolute_size (desc, MAX (size, 0.5) * PANGO_SCALE);
  pango_font_description_set_weight (desc, style->weight != 0 ? style->weight
                                                             : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, style->style);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_alignment (layout, style->alignment);
  if (style->line_spacing > 0)
    pango_layout_set_line_spacing (layout, (float) style->line_spacing);
}

/* Pango breaks a word longer than its line by trying break after break
 * inside it, which takes time quadratic in the word's length (a pasted URL
 * or base64 block of 60,000 characters never finishes). Words longer than
 * LONG_WORD get a zero-width break opportunity every WORD_CHUNK characters,
 * so every line break is found by a bounded search. */
#define LONG_WORD  32
#define WORD_CHUNK 16

char *
_mc_text_break_long_words (const char *text)
{
  GString *out = NULL;
  const char *run_start = text;
  guint run = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200B || c == '-')
        {
          run = 0;
          continue;
        }
      if (++run <= LONG_WORD || (run - 1) % WORD_CHUNK != 0)
        continue;

      if (out == NULL)
        out = g_string_sized_new (strlen (text) + strlen (text) / WORD_CHUNK * 3 + 1);
      g_string_append_len (out, run_start, p - run_start);
      g_string_append_unichar (out, 0x200B);
      run_start = p;
    }

  if (out == NULL)
    return NULL;
  g_string_append (out, run_start);
  return g_string_free (out, FALSE);
}

guint
mc_text_get_n_layouts (void)
{
  return (guint) g_atomic_int_get (&n_layouts);
}

PangoLayout *
mc_text_layout_new (const char        *text,
                    const McTextStyle *style,
                    double             width)
{
  PangoLayout *layout;
  PangoAttrList *attrs;
  g_autofree char *broken = NULL;

  g_return_val_if_fail (style != NULL, NULL);

  if (text == NULL)
    text = "";
  g_atomic_int_inc (&n_layouts);
  layout = pango_layout_new (mc_text_get_context ());
  apply_style (layout, style, style->size);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* A word that must break does so without a made-up hyphen
   * ("Semeste-rritme"): Dutch hyphenation belongs at syllables only. */
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  if (width >= 0)
    pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
  if (width >= 0)
    broken = _mc_text_break_long_words (text);
  pango_layout_set_text (layout, broken != NULL ? broken : text, -1);
  return layout;
}

void
mc_text_layout_get_size (PangoLayout *layout,
                         double      *width,
                         double      *height)
{
  PangoRectangle logical;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* TRUE when some line starts where no line break is allowed: a word was cut
 * because even alone it is wider than the box. Shrinking is nicer then. */
gboolean
mc_text_layout_breaks_inside_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  const PangoLogAttr *attrs;
  GSList *lines;
  int n_attrs;

  if (pango_layout_get_line_count (layout) < 2)
    return FALSE;

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  lines = pango_layout_get_lines_readonly (layout);
  /* Offsets counted on from the previous line: linear in the text. */
  {
    const char *at = text;
    glong offset = 0;

    for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
      {
        PangoLayoutLine *line = l->data;

        offset += g_utf8_pointer_to_offset (at, text + line->start_index);
        at = text + line->start_index;
        if (offset < n_attrs && !attrs[offset].is_line_break)
          return TRUE;
        /* A break made at one of break_long_words()'s marks is inside a
         * word too. */
        if (offset > 0 && g_utf8_get_char (g_utf8_prev_char (at)) == 0x200B)
          return TRUE;
      }
  }

  return FALSE;
}

/* From the text's measure, which the fit of the same text reuses. */
double
mc_text_longest_word_width (const char        *text,
                            const McTextStyle *style)
{
  g_autoptr(McTextMeasure) measure = NULL;

  g_return_val_if_fail (style != NULL, 0);

  measure = _mc_text_measure_get (text, style);
  return _mc_text_measure_longest_word (measure);
}

static gboolean
layout_fits (PangoLayout *layout,
             double       width,
             double       height)
{
  double w, h;

  mc_text_layout_get_size (layout, &w, &h);
  if (h > height + 0.01)
    return FALSE;
  if (width >= 0 && w > width + 0.01)
    return FALSE;
  return !mc_text_layout_breaks_inside_word (layout);
}

static gboolean
layout_fits_height (PangoLayout *layout,
                    double       height)
{
  double h;

  mc_text_layout_get_size (layout, NULL, &h);
  return h <= height + 0.01;
}

static PangoLayout *
layout_at_size (const char        *text,
                const McTextStyle *style,
                double             width,
                double             size)
{
  McTextStyle sized = *style;

  sized.size = size;
  return mc_text_layout_new (text, &sized, width);
}

/* Does not fit even at the floor: keep the floor, cut to the box's
 * height with an ellipsis. Words may then break inside, which beats
 * losing the end of a long word altogether. */
static PangoLayout *
cut_at_floor (PangoLayout *layout,
              double       width,
              double       height,
              gboolean    *fits)
{
  if (width < 0)
    {
      pango_layout_set_width (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
    }
  else
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, (int) floor (MAX (height, 0) * PANGO_SCALE));
    }

  /* A word broken at the floor is still all there; only a cut is not. */
  *fits = !pango_layout_is_ellipsized (layout) && layout_fits_height (layout, height);
  return layout;
}

/* The search over sizes, laying the text out at every candidate: what
 * the measured search falls back on when its answer would not hold. */
static PangoLayout *
fit_by_layout (const char        *text,
               const McTextStyle *style,
               double             width,
               double             height,
               double             min_size,
               gboolean          *fits)
{
  PangoLayout *layout;
  double lo, hi;

  layout = layout_at_size (text, style, width, style->size);
  if (layout_fits (layout, width, height))
    {
      *fits = TRUE;
      return layout;
    }
  g_object_unref (layout);

  /* Binary search for the largest size that fits, to 1 % of the range. */
  lo = min_size;
  hi = style->size;
  layout = layout_at_size (text, style, width, lo);
  if (!layout_fits (layout, width, height))
    return cut_at_floor (layout, width, height, fits);
  for (guint i = 0; i < 7 && hi - lo > 0.01 * style->size; i++)
    {
      double mid = (lo + hi) / 2;
      PangoLayout *candidate = layout_at_size (text, style, width, mid);

      if (layout_fits (candidate, width, height))
        {
          g_object_unref (layout);
          layout = candidate;
          lo = mid;
        }
      else
        {
          g_object_unref (candidate);
          hi = mid;
        }
    }
  *fits = TRUE;
  return layout;
}

/* The height (pango units) of a line of probe's font at size, from a
 * layout of that one character; cached per thread. */
static GPrivate line_heights = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

static int
line_height_at (const McTextStyle *style,
                double             size,
                gunichar           probe)
{
  GHashTable *cache = g_private_get (&line_heights);
  g_autofree char *key = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  gpointer found;
  char utf8[8];

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_private_set (&line_heights, cache);
    }
  key = g_strdup_printf ("%s\x1f%d\x1f%d\x1f%d\x1f%u",
                         style->family != NULL ? style->family : "",
                         (int) style->weight, (int) style->style,
                         (int) (MAX (size, 0.5) * PANGO_SCALE), (guint) probe);
  if (g_hash_table_lookup_extended (cache, key, NULL, &found))
    return GPOINTER_TO_INT (found);
  if (g_hash_table_size (cache) >= 4096)
    g_hash_table_remove_all (cache);

  utf8[g_unichar_to_utf8 (probe, utf8)] = '\0';
  layout = pango_layout_new (mc_text_get_context ());
  apply_style (layout, style, size);
  pango_layout_set_text (layout, utf8, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  g_hash_table_insert (cache, g_steal_pointer (&key), GINT_TO_POINTER (logical.height));
  return logical.height;
}

/* _mc_text_measure_predict(), and where only the height is too close to
 * call (the lines' height scaled from another size is off by rounding),
 * the lines' exact height at size decides: every line of a text in one
 * font is as tall as a line of one of its characters. */
static McTextPrediction
predict (const McTextMeasure *measure,
         const McTextStyle   *style,
         double               size,
         double               width,
         double               height)
{
  McTextPrediction prediction = _mc_text_measure_predict (measure, size, width, height);
  gunichar probe = _mc_text_measure_get_probe (measure);
  guint lines;
  double h;

  if (prediction != MC_TEXT_PREDICT_UNSURE || probe == 0)
    return prediction;
  lines = _mc_text_measure_count_lines (measure, size, width);
  if (lines == 0)
    return MC_TEXT_PREDICT_UNSURE;
  /* As mc_text_layout_get_size() and layout_fits() judge it. */
  h = (double) ((int) lines * line_height_at (style, size, probe)) / PANGO_SCALE;
  return h > height + 0.01 ? MC_TEXT_PREDICT_NO : MC_TEXT_PREDICT_YES;
}

/* A candidate size of the measured search. */
typedef struct
{
  const char          *text;
  const McTextStyle   *style;
  const McTextMeasure *measure;
  double               width;
  double               height;
  PangoLayout         *layout;       /* laid out at layout_size, or NULL */
  double               layout_size;
} FitSearch;

static gboolean
search_fits_at (FitSearch *search,
                double     size)
{
  McTextPrediction prediction;
  PangoLayout *layout;

  prediction = predict (search->measure, search->style, size, search->width, search->height);
  if (prediction != MC_TEXT_PREDICT_UNSURE)
    return prediction == MC_TEXT_PREDICT_YES;

  layout = layout_at_size (search->text, search->style, search->width, size);
  if (!layout_fits (layout, search->width, search->height))
    {
      g_object_unref (layout);
      return FALSE;
    }
  g_clear_object (&search->layout);
  search->layout = layout;
  search->layout_size = size;
  return TRUE;
}

/* The same search over sizes as fit_by_layout(), judging each size from
 * the text's measure (laying it out only where that cannot tell), then
 * laying it out once at the size found. */
static PangoLayout *
fit_measured (const char        *text,
              const McTextStyle *style,
              double             width,
              double             height,
              double             min_size,
              gboolean          *fits,
              McTextMeasure     *measure)
{
  FitSearch search = { text, style, measure, width, height, NULL, 0 };
  PangoLayout *layout;
  double size;

  if (search_fits_at (&search, style->size))
    size = style->size;
  else if (search_fits_at (&search, min_size))
    {
      double lo = min_size;
      double hi = style->size;

      for (guint i = 0; i < 7 && hi - lo > 0.01 * style->size; i++)
        {
          double mid = (lo + hi) / 2;

          if (search_fits_at (&search, mid))
            lo = mid;
          else
            hi = mid;
        }
      size = lo;
    }
  else
    {
      /* Not even at the floor: laid out there and cut. */
      g_clear_object (&search.layout);
      layout = layout_at_size (text, style, width, min_size);
      if (layout_fits (layout, width, height))
        {
          g_object_unref (layout);
          return fit_by_layout (text, style, width, height, min_size, fits);
        }
      return cut_at_floor (layout, width, height, fits);
    }

  if (search.layout != NULL && search.layout_size == size)
    layout = g_steal_pointer (&search.layout);
  else
    layout = layout_at_size (text, style, width, size);
  g_clear_object (&search.layout);

  /* The one real layout confirms the measured answer; if rounding misled
   * it, the search is done again the slow way. */
  if (!layout_fits (layout, width, height))
    {
      g_object_unref (layout);
      return fit_by_layout (text, style, width, height, min_size, fits);
    }
  *fits = TRUE;
  return layout;
}

PangoLayout *
mc_text_layout_fit (const char        *text,
                    const McTextStyle *style,
                    double             width,
                    double             height,
                    double             min_size,
                    gboolean          *fits)
{
  g_autoptr(McTextMeasure) measure = NULL;
  gboolean fitted = TRUE;

  g_return_val_if_fail (style != NULL, NULL);

  if (fits == NULL)
    fits = &fitted;
  min_size = MIN (min_size, style->size);
  /* Unwrapped text (a "+3", a "…") gains nothing from a measure. */
  if (width < 0)
    return fit_by_layout (text, style, width, height, min_size, fits);
  measure = _mc_text_measure_get_any_size (text, style);
  if (measure == NULL)
    return fit_by_layout (text, style, width, height, min_size, fits);
  return fit_measured (text, style, width, height, min_size, fits, measure);
}

/* The size as a layout keeps it (pango stores it in whole pango units). */
static double
kept_size (double size)
{
  return (double) (int) (MAX (size, 0.5) * PANGO_SCALE) / PANGO_SCALE;
}

/* mc_text_layout_fit()'s measured search, without laying anything out:
 * the size found, or -1 when some candidate is too close to call (or the
 * text does not fit even at min_size), where only a layout can tell. */
static double
predicted_size (const McTextMeasure *measure,
                const McTextStyle   *style,
                double               width,
                double               height,
                double               min_size)
{
  McTextPrediction prediction;
  double lo = min_size;
  double hi = style->size;

  prediction = predict (measure, style, style->size, width, height);
  if (prediction != MC_TEXT_PREDICT_NO)
    return prediction == MC_TEXT_PREDICT_YES ? style->size : -1;
  if (predict (measure, style, min_size, width, height) != MC_TEXT_PREDICT_YES)
    return -1;
  for (guint i = 0; i < 7 && hi - lo > 0.01 * style->size; i++)
    {
      double mid = (lo + hi) / 2;

      prediction = predict (measure, style, mid, width, height);
      if (prediction == MC_TEXT_PREDICT_UNSURE)
        return -1;
      if (prediction == MC_TEXT_PREDICT_YES)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

double
mc_text_fit_size (const char        *text,
                  const McTextStyle *style,
                  double             width,
                  double             height,
                  double             min_size)
{
  g_autoptr(McTextMeasure) measure = NULL;
  double size = -1;

  g_return_val_if_fail (style != NULL, -1);

  min_size = MIN (min_size, style->size);
  if (width >= 0 && (measure = _mc_text_measure_get_any_size (text, style)) != NULL)
    size = predicted_size (measure, style, width, height, min_size);
  return size >= 0 ? kept_size (size) : -1;
}
