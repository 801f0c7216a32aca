/* mc-text-measure.c — a text shaped once, wrapped at any size by arithmetic
 *
 * mc_text_layout_fit() looks for the largest size at which a note's text
 * wraps into its box. Shaping the text at every candidate size was most of
 * an export's time; here it is shaped once per text and style, on one line
 * per paragraph, and the greedy line filling pango does is replayed on the
 * widths of the pieces between break opportunities, scaled to the size
 * asked for. Where that replay is too close to call, the caller lays the
 * text out for real, so the answer is always pango's.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-text-private.h"

/* Distances (px at the asked size) within which the replay does not trust
 * itself: glyph advances are rounded to pango units at each size, and
 * shaping a line alone may kern its ends a little differently. On the
 * bench and example boards the replay never erred by 0.01 px; it is
 * wrong (one step of the search off) with no slack at all. */
#define WIDTH_SLACK  0.05
#define HEIGHT_SLACK 0.05

/* The cache (one for all threads, so the threads of
 * mc_text_layout_fit_many() reuse the measures a layout's sizing made) is
 * emptied when it holds this many measures or bytes: a 100,000-note board
 * keeps all of its notes' measures (about 50 MB), from their sizing to
 * their drawing. A measure handed out stays valid until it is unreffed. */
#define CACHE_LIMIT       131072
#define CACHE_LIMIT_BYTES (64 * 1024 * 1024)

typedef struct
{
  double start;         /* x where the piece starts, on its paragraph's line */
  double end;           /* x past its last non-space character */
  gboolean new_line;    /* it starts a paragraph */
  gboolean in_word;     /* a break before it is inside a long word */
} Piece;

struct _McTextMeasure
{
  gatomicrefcount ref;
  double size;
  double line_height;   /* 0: lines differ in height (several fonts) */
  gunichar probe;       /* a character of the text, 0 if only spaces */
  guint n_paragraphs;
  double longest_word;
  guint n_pieces;
  Piece pieces[];
};

typedef struct
{
  GHashTable *measures;   /* key (style and text) → McTextMeasure */
  GHashTable *any_size;   /* key without the size → one of those measures */
  gsize bytes;
} MeasureCache;

static GMutex cache_lock;
static MeasureCache *measure_cache;   /* under cache_lock */

McTextMeasure *
_mc_text_measure_ref (McTextMeasure *measure)
{
  g_atomic_ref_count_inc (&measure->ref);
  return measure;
}

void
_mc_text_measure_unref (McTextMeasure *measure)
{
  if (measure != NULL && g_atomic_ref_count_dec (&measure->ref))
    g_free (measure);
}

/* Each character's advance, in pango units, from the runs of the
 * one-line-per-paragraph layout: linear in the text. */
static int *
char_widths (PangoLayout *layout,
             const char  *laid,
             int          n_chars,
             gboolean    *one_font)
{
  int *widths = g_new0 (int, n_chars + 1);
  g_autofree int *char_at = g_new0 (int, strlen (laid) + 1);
  PangoFont *font = NULL;
  int offset = 0;

  for (const char *p = laid; ; p = g_utf8_next_char (p))
    {
      char_at[p - laid] = offset++;
      if (*p == '\0')
        break;
    }

  *one_font = TRUE;
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    for (GSList *r = ((PangoLayoutLine *) l->data)->runs; r != NULL; r = r->next)
      {
        PangoGlyphItem *run = r->data;
        PangoItem *item = run->item;

        if (font == NULL)
          font = item->analysis.font;
        else if (item->analysis.font != font)
          *one_font = FALSE;
        pango_glyph_string_get_logical_widths (run->glyphs, laid + item->offset, item->length,
                                               item->analysis.level,
                                               widths + char_at[item->offset]);
      }
  return widths;
}

static McTextMeasure *
measure_new (const char        *text,
             const McTextStyle *style)
{
  g_autofree char *broken = _mc_text_break_long_words (text);
  g_autoptr(PangoLayout) layout = mc_text_layout_new (broken != NULL ? broken : text, style, -1);
  const char *laid = pango_layout_get_text (layout);
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autofree int *widths = NULL;
  const PangoLogAttr *attrs;
  McTextMeasure *measure;
  gboolean one_font;
  int n_attrs;
  int line_height = -1;
  guint n_paragraphs = 0;
  double longest = 0;

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  widths = char_widths (layout, laid, n_attrs - 1, &one_font);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      PangoRectangle logical;
      const char *p = laid + line->start_index;
      int first = g_utf8_pointer_to_offset (laid, p);
      int last = first + g_utf8_strlen (p, line->length);
      double x = 0;
      Piece piece = { 0, 0, TRUE, FALSE };

      pango_layout_line_get_extents (line, NULL, &logical);
      if (line_height < 0)
        line_height = logical.height;
      else if (logical.height != line_height)
        one_font = FALSE;
      n_paragraphs++;

      for (int i = first; i < last; i++, p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          /* Pango wraps runs of several spaces its own way (the replay
           * misjudged them): such a text is laid out for real. */
          if (g_unichar_isspace (c) && i > first &&
              g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (p))))
            one_font = FALSE;
          if (i > first && attrs[i].is_line_break)
            {
              g_array_append_val (pieces, piece);
              longest = MAX (longest, piece.end - piece.start);
              piece = (Piece) { x, x, FALSE,
                                g_utf8_get_char (g_utf8_prev_char (p)) == 0x200B };
            }
          x += (double) widths[i] / PANGO_SCALE;
          if (!g_unichar_isspace (c) && c != 0x200B)
            piece.end = x;
        }
      g_array_append_val (pieces, piece);
      longest = MAX (longest, piece.end - piece.start);
    }

  measure = g_malloc (sizeof (McTextMeasure) + pieces->len * sizeof (Piece));
  g_atomic_ref_count_init (&measure->ref);
  measure->size = MAX (style->size, 0.5);
  measure->line_height = one_font && style->line_spacing <= 0 && line_height > 0
                         ? (double) line_height / PANGO_SCALE : 0;
  measure->n_paragraphs = n_paragraphs;
  measure->probe = 0;
  for (const char *p = laid; *p != '\0' && measure->probe == 0; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x200B)
      measure->probe = g_utf8_get_char (p);
  measure->longest_word = longest;
  measure->n_pieces = pieces->len;
  if (pieces->len > 0)
    memcpy (measure->pieces, pieces->data, pieces->len * sizeof (Piece));
  return measure;
}

static char *
measure_key (const char        *text,
             const McTextStyle *style,
             gboolean           with_size)
{
  return g_strdup_printf ("%s\x1f%d\x1f%d\x1f%d\x1f%a\x1f%a\x1f%s",
                          style->family != NULL ? style->family : "",
                          (int) style->weight, (int) style->style, (int) style->alignment,
                          with_size ? style->size : 0.0, style->line_spacing, text);
}

/* A new reference to the measure the table (exact or sizeless keys)
 * holds under key, or NULL. */
static McTextMeasure *
cache_lookup (gboolean    any_size_table,
              const char *key)
{
  McTextMeasure *measure = NULL;

  g_mutex_lock (&cache_lock);
  if (measure_cache != NULL)
    measure = g_hash_table_lookup (any_size_table ? measure_cache->any_size
                                                  : measure_cache->measures, key);
  if (measure != NULL)
    _mc_text_measure_ref (measure);
  g_mutex_unlock (&cache_lock);
  return measure;
}

static McTextMeasure *
measure_get (const char        *text,
             const McTextStyle *style,
             gboolean           any_size)
{
  g_autofree char *key = NULL;
  g_autofree char *sizeless = NULL;
  McTextMeasure *measure;
  McTextMeasure *made;

  if (text == NULL || *text == '\0')
    return NULL;

  key = measure_key (text, style, TRUE);
  if ((measure = cache_lookup (FALSE, key)) != NULL)
    return measure;
  /* The sizeless key only when the exact one missed. */
  sizeless = measure_key (text, style, FALSE);
  if (any_size && (measure = cache_lookup (TRUE, sizeless)) != NULL)
    return measure;

  /* Shaped outside the lock: other threads measure other texts. */
  made = measure_new (text, style);

  g_mutex_lock (&cache_lock);
  if (measure_cache == NULL)
    {
      measure_cache = g_new0 (MeasureCache, 1);
      measure_cache->measures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) _mc_text_measure_unref);
      measure_cache->any_size = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  /* Another thread may have measured the same text meanwhile. */
  measure = g_hash_table_lookup (measure_cache->measures, key);
  if (measure != NULL)
    {
      _mc_text_measure_ref (measure);
      g_mutex_unlock (&cache_lock);
      _mc_text_measure_unref (made);
      return measure;
    }
  if (g_hash_table_size (measure_cache->measures) >= CACHE_LIMIT ||
      measure_cache->bytes >= CACHE_LIMIT_BYTES)
    {
      g_hash_table_remove_all (measure_cache->any_size);
      g_hash_table_remove_all (measure_cache->measures);
      measure_cache->bytes = 0;
    }
  measure_cache->bytes += strlen (key) + sizeof (McTextMeasure) + made->n_pieces * sizeof (Piece);
  g_hash_table_insert (measure_cache->measures, g_steal_pointer (&key), _mc_text_measure_ref (made));
  if (!g_hash_table_contains (measure_cache->any_size, sizeless))
    {
      measure_cache->bytes += strlen (sizeless);
      g_hash_table_insert (measure_cache->any_size, g_steal_pointer (&sizeless), made);
    }
  g_mutex_unlock (&cache_lock);
  return made;
}

McTextMeasure *
_mc_text_measure_get (const char        *text,
                      const McTextStyle *style)
{
  return measure_get (text, style, FALSE);
}

/* Predictions scale the measure to the size asked for, so a measure of
 * the same text at another size serves as well: a note's text is fitted
 * at its own size, then set at its region's smaller one, and both use
 * the measure its sizing made (shaping it once, not once per size). */
McTextMeasure *
_mc_text_measure_get_any_size (const char        *text,
                               const McTextStyle *style)
{
  return measure_get (text, style, TRUE);
}

double
_mc_text_measure_longest_word (const McTextMeasure *measure)
{
  return measure != NULL ? measure->longest_word : 0;
}

/* Compares need (px) with room, unsure within slack. */
static McTextPrediction
within (double need,
        double room,
        double slack)
{
  if (need <= room - slack)
    return MC_TEXT_PREDICT_YES;
  if (need > room + slack)
    return MC_TEXT_PREDICT_NO;
  return MC_TEXT_PREDICT_UNSURE;
}

/* Replays pango's greedy filling at size into width: YES with the number
 * of lines, NO when a word would break. */
static McTextPrediction
replay (const McTextMeasure *measure,
        double               size,
        double               width,
        guint               *n_lines)
{
  double k;
  guint lines = 0;
  double line_start = 0;
  guint line_first = 0;

  if (measure == NULL || measure->line_height <= 0 || width < 0)
    return MC_TEXT_PREDICT_UNSURE;
  k = MAX (size, 0.5) / measure->size;

  /* Pango's greedy filling: a line takes pieces while they fit; a piece
   * that does not starts the next line, and a piece wider than a whole
   * line, or a line starting inside a long word, breaks a word. */
  for (guint i = 0; i < measure->n_pieces; i++)
    {
      const Piece *piece = &measure->pieces[i];
      McTextPrediction fits;

      if (piece->new_line)
        {
          lines++;
          line_first = i;
          line_start = piece->start;
        }
      fits = within ((piece->end - line_start) * k, width, WIDTH_SLACK);
      if (fits == MC_TEXT_PREDICT_UNSURE)
        return fits;
      if (fits == MC_TEXT_PREDICT_YES)
        continue;
      if (i == line_first || piece->in_word)
        return MC_TEXT_PREDICT_NO;
      lines++;
      line_first = i;
      line_start = piece->start;
      fits = within ((piece->end - line_start) * k, width, WIDTH_SLACK);
      if (fits != MC_TEXT_PREDICT_YES)
        return fits;
    }

  *n_lines = lines;
  return MC_TEXT_PREDICT_YES;
}

McTextPrediction
_mc_text_measure_predict (const McTextMeasure *measure,
                          double               size,
                          double               width,
                          double               height)
{
  McTextPrediction fits;
  guint lines = 0;
  double k;

  fits = replay (measure, size, width, &lines);
  if (fits != MC_TEXT_PREDICT_YES)
    return fits;
  k = MAX (size, 0.5) / measure->size;
  return within (lines * measure->line_height * k, height + 0.01, HEIGHT_SLACK);
}

guint
_mc_text_measure_count_lines (const McTextMeasure *measure,
                              double               size,
                              double               width)
{
  guint lines = 0;

  if (replay (measure, size, width, &lines) != MC_TEXT_PREDICT_YES)
    return 0;
  return lines;
}

gunichar
_mc_text_measure_get_probe (const McTextMeasure *measure)
{
  return measure != NULL && measure->line_height > 0 ? measure->probe : 0;
}
