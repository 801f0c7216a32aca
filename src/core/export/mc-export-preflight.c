/* mc-export-preflight.c — what a journal asks of a figure, measured
 *
 * Final size, smallest text, thinnest line and whether the fills survive
 * grayscale, measured on the scene the export draws; the page limits of
 * PDF and PNG; the widths journals name.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mc-export-private.h"
#include "mc-layout.h"
#include "mc-text.h"

/* Two fills whose relative luminance differs less than this look the same
 * when printed in gray. */
#define GRAYSCALE_MIN_STEP 0.03

static const struct
{
  const char *name;
  double      width_mm;
} width_presets[] = {
  { "single", MC_EXPORT_SINGLE_COLUMN_MM },
  { "single-wide", MC_EXPORT_SINGLE_COLUMN_WIDE_MM },
  { "1.5", MC_EXPORT_ONE_AND_HALF_COLUMN_MM },
  { "double", MC_EXPORT_DOUBLE_COLUMN_MM },
  { "double-wide", MC_EXPORT_DOUBLE_COLUMN_WIDE_MM },
  { "a4", MC_EXPORT_A4_WIDTH_MM },
  { "natural", 0 },
};

gboolean
mc_export_width_from_string (const char *str,
                             double     *width_mm)
{
  char *end = NULL;
  double value;

  g_return_val_if_fail (width_mm != NULL, FALSE);

  if (str == NULL || str[0] == '\0')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (width_presets); i++)
    if (g_ascii_strcasecmp (str, width_presets[i].name) == 0)
      {
        *width_mm = width_presets[i].width_mm;
        return TRUE;
      }
  value = g_ascii_strtod (str, &end);
  if (end == str || *end != '\0' || !isfinite (value))
    return FALSE;
  *width_mm = value;
  return TRUE;
}

static double
luminance (const McColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static gboolean
same_color (const McColor *a,
            const McColor *b)
{
  return fabs (a->red - b->red) < 1e-3 && fabs (a->green - b->green) < 1e-3 &&
         fabs (a->blue - b->blue) < 1e-3;
}

void
mc_export_preflight_scene (McScene           *scene,
                           const McRect      *content,
                           double             points_per_unit,
                           McExportPreflight *preflight)
{
  g_autoptr(GArray) fills = g_array_new (FALSE, FALSE, sizeof (McColor));
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (double));
  guint n;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (content != NULL);
  g_return_if_fail (preflight != NULL);

  memset (preflight, 0, sizeof *preflight);
  preflight->width_mm = MC_PT_TO_MM (content->width * points_per_unit);
  preflight->height_mm = MC_PT_TO_MM (content->height * points_per_unit);
  preflight->grayscale_safe = TRUE;

  n = mc_scene_get_n_items (scene);
  for (guint i = 0; i < n; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_TEXT && item->layout != NULL)
        {
          double size = mc_export_layout_min_font_size (item->layout) * points_per_unit;

          if (size > 0 && (preflight->min_text_pt == 0 || size < preflight->min_text_pt))
            preflight->min_text_pt = size;
        }
      else if (item->kind == MC_ITEM_PATH)
        {
          if (item->has_stroke && item->line_width > 0 && item->stroke.alpha > 0)
            {
              double width = item->line_width * points_per_unit;

              if (preflight->min_line_pt == 0 || width < preflight->min_line_pt)
                preflight->min_line_pt = width;
            }
          /* Regions tell their parts apart by fill: those must differ in
           * lightness. The few distinct fills of a board are compared. */
          if (item->role == MC_ROLE_REGION && item->has_fill && item->fill.alpha > 0 &&
              fills->len < 64)
            {
              gboolean known = FALSE;

              for (guint j = 0; j < fills->len && !known; j++)
                known = same_color (&g_array_index (fills, McColor, j), &item->fill);
              if (!known)
                g_array_append_val (fills, item->fill);
            }
        }
    }

  for (guint i = 0; i < fills->len; i++)
    {
      double level = luminance (&g_array_index (fills, McColor, i));

      g_array_append_val (levels, level);
    }
  g_array_sort (levels, compare_doubles);
  for (guint i = 1; i < levels->len; i++)
    if (g_array_index (levels, double, i) - g_array_index (levels, double, i - 1) < GRAYSCALE_MIN_STEP)
      preflight->grayscale_safe = FALSE;
}

char *
mc_export_preflight_to_string (const McExportPreflight *preflight)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (preflight != NULL, NULL);

  /* Translators: the final size of an exported figure. */
  g_string_append_printf (text, _("%.0f × %.0f mm"), preflight->width_mm, preflight->height_mm);
  if (preflight->min_text_pt > 0)
    {
      g_string_append (text, " · ");
      /* Translators: preflight of an export, the smallest font size in points. */
      g_string_append_printf (text, _("smallest text %.1f pt"), preflight->min_text_pt);
    }
  if (preflight->min_line_pt > 0)
    {
      g_string_append (text, " · ");
      /* Translators: preflight of an export, the thinnest line in points. */
      g_string_append_printf (text, _("thinnest line %.2f pt"), preflight->min_line_pt);
    }
  g_string_append (text, " · ");
  g_string_append (text, preflight->grayscale_safe ? _("grayscale: ok")
                                                   : _("grayscale: fills look alike in gray, use the print theme"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A text of an export is cut when pango ellipsized it or it carries the
 * ellipsis itself, or a note's word is broken inside itself (even the
 * floor size cannot hold it on one line); the small "…" tab on a cut note
 * is decoration. */
static gboolean
text_is_cut (const McSceneItem *item)
{
  return item->role != MC_ROLE_DECORATION &&
         (pango_layout_is_ellipsized (item->layout) ||
          strstr (pango_layout_get_text (item->layout), "\u2026") != NULL ||
          (item->role == MC_ROLE_NOTE_TEXT &&
           mc_text_layout_breaks_inside_word (item->layout)));
}

/* A label's text as a key: break marks out, spaces squashed. */
static char *
label_key (const char *figure_id,
           const char *text)
{
  GString *key = g_string_new (figure_id);
  gboolean space = FALSE;

  g_string_append_c (key, '\x1f');
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200B || c == 0x00AD)
        continue;
      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space)
            g_string_append_c (key, ' ');
          space = FALSE;
          g_string_append_unichar (key, g_unichar_tolower (c));
        }
    }
  return g_string_free (key, FALSE);
}

/* Whether figure_id's legend label (a key) is also a label in the figure:
 * when not, the figure could not set it in its region. */
static gboolean
label_in_figure (GPtrArray  *figure_labels,
                 const char *key)
{
  const char *name = strchr (key, '\x1f');
  gsize prefix = name - key + 1;

  for (guint i = 0; i < figure_labels->len; i++)
    {
      const char *other = figure_labels->pdata[i];

      if (strncmp (other, key, prefix) == 0 && strstr (other + prefix, name + 1) != NULL)
        return TRUE;
    }
  return FALSE;
}

gboolean
mc_export_check_fit (McScene     *scene,
                     double       points_per_unit,
                     GError     **error)
{
  g_autoptr(GPtrArray) misfits = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) figure_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) legend_labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *legend_figure = NULL;
  const char *figure_id = NULL;    /* the figure group we are in */
  const char *last_figure = NULL;
  guint figure_depth = 0, legend_depth = 0, depth = 0;
  guint n_figures = 0;
  guint n;

  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = mc_scene_get_n_items (scene);
  for (guint i = 0; i < n; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);
      const char *text;

      if (item->kind == MC_ITEM_GROUP_BEGIN)
        {
          depth++;
          if (item->role == MC_ROLE_FIGURE && figure_id == NULL && item->id != NULL)
            {
              if (g_strcmp0 (last_figure, item->id) != 0)
                n_figures++;
              figure_id = last_figure = item->id;
              figure_depth = depth;
            }
          else if (item->role == MC_ROLE_QUESTION && legend_figure == NULL && item->id != NULL &&
                   g_str_has_suffix (item->id, ":questions"))
            {
              legend_figure = g_strndup (item->id, strlen (item->id) - strlen (":questions"));
              legend_depth = depth;
            }
          continue;
        }
      if (item->kind == MC_ITEM_GROUP_END)
        {
          if (depth == figure_depth)
            {
              figure_id = NULL;
              figure_depth = 0;
            }
          if (depth == legend_depth)
            {
              g_clear_pointer (&legend_figure, g_free);
              legend_depth = 0;
            }
          if (depth > 0)
            depth--;
          continue;
        }
      if (item->kind != MC_ITEM_TEXT || item->layout == NULL)
        continue;
      text = pango_layout_get_text (item->layout);
      if (item->role == MC_ROLE_LABEL && figure_id != NULL)
        g_ptr_array_add (figure_labels, label_key (figure_id, text));
      else if (item->role == MC_ROLE_LABEL && legend_figure != NULL)
        g_ptr_array_add (legend_labels, label_key (legend_figure, text));
      if (!text_is_cut (item))
        continue;
      if (item->role == MC_ROLE_NOTE_TEXT)
        g_ptr_array_add (misfits,
                         mc_layout_note_misfit (text, mc_export_layout_min_font_size (item->layout) *
                                                      points_per_unit));
      else
        {
          g_autofree char *start = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 24));

          g_ptr_array_add (misfits,
                           g_strdup_printf (_("the text “%s” is cut; export wider or with the questions in a legend"),
                                            start));
        }
    }

  /* Several figures side by side (the whole board): when most names went
   * from their figures to the legends, the board is unreadable at this
   * width. One figure alone is laid out for its frame and may set a few
   * below it; so may a wide board. */
  if (n_figures > 1)
    {
      guint moved = 0;

      for (guint i = 0; i < legend_labels->len; i++)
        if (!label_in_figure (figure_labels, legend_labels->pdata[i]))
          moved++;
      if (moved > 0 && 2 * moved >= figure_labels->len + moved)
        g_ptr_array_add (misfits,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u name does not fit in its figure at this width; export the figures one by one or wider",
                                                       "%u names do not fit in their figures at this width; export the figures one by one or wider",
                                                       moved),
                                          moved));
    }

  return mc_layout_misfits_to_error (misfits, n_figures == 1 ? last_figure : NULL, error);
}

gboolean
mc_export_check_page (const McExportOptions    *options,
                      McExportFormat            format,
                      const McExportPreflight  *preflight,
                      GError                  **error)
{
  double width_pt = MC_MM_TO_PT (preflight->width_mm);
  double height_pt = MC_MM_TO_PT (preflight->height_mm);

  if (!isfinite (width_pt) || !isfinite (height_pt))
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("The figure has no finite size; check the notes far outside the figures"));
      return FALSE;
    }
  if (format == MC_EXPORT_FORMAT_PDF &&
      (width_pt > MC_EXPORT_MAX_PDF_PAGE_PT || height_pt > MC_EXPORT_MAX_PDF_PAGE_PT))
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("The page would be %.0f × %.0f mm, larger than PDF allows (5080 mm): "
                     "export the figures one by one, choose a narrower width or a page size, or use SVG"),
                   preflight->width_mm, preflight->height_mm);
      return FALSE;
    }
  /* One figure laid out for a journal's width: at most a page tall. */
  if (options->scope == MC_EXPORT_SCOPE_FIGURE && options->width_mm > 0 &&
      preflight->height_mm > MC_LAYOUT_MAX_HEIGHT_MM + 2 * options->margin_mm + 0.5)
    {
      g_autoptr(GPtrArray) misfits = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (misfits,
                       mc_layout_too_tall_misfit (preflight->height_mm - 2 * options->margin_mm,
                                                  MC_LAYOUT_MAX_HEIGHT_MM, options->questions));
      return mc_layout_misfits_to_error (misfits, options->figure_id, error);
    }
  if (format == MC_EXPORT_FORMAT_PNG)
    {
      double px_per_mm = options->dpi / 25.4;
      double width = options->width_px > 0 ? options->width_px : round (preflight->width_mm * px_per_mm);
      double height = options->width_px > 0 && preflight->width_mm > 0
                      ? round (options->width_px * preflight->height_mm / preflight->width_mm)
                      : round (preflight->height_mm * px_per_mm);

      if (width < 1 || height < 1 || width > MC_EXPORT_MAX_PNG_SIDE || height > MC_EXPORT_MAX_PNG_SIDE ||
          width * height > MC_EXPORT_MAX_PNG_PIXELS)
        {
          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                       _("The image would be %.0f × %.0f pixels (at most %d on a side and %.0f million in all); "
                         "choose a smaller width or resolution, or export PDF or SVG"),
                       width, height, MC_EXPORT_MAX_PNG_SIDE, MC_EXPORT_MAX_PNG_PIXELS / 1e6);
          return FALSE;
        }
    }
  return TRUE;
}
