/* mc-svg-writer.c — McScene → SVG 1.1 with real text
 *
 * Text is written line by line as pango broke it, so the SVG shows the same
 * lines as the PDF and the screen; the viewer only shapes each line. Font
 * families get generic fallbacks so a machine without Inter or Liberation
 * Sans still shows a similar sans.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "mc-svg-writer.h"

typedef struct
{
  GString    *out;
  GHashTable *used_ids;
  int         depth;
} SvgWriter;

static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  /* Three decimals are far below a printer's resolution at any sane size. */
  if (fabs (value) < 0.0005)
    value = 0.0;
  g_ascii_formatd (buf, sizeof buf, "%.3f", value);
  len = strlen (buf);
  while (len > 0 && buf[len - 1] == '0')
    buf[--len] = '\0';
  if (len > 0 && buf[len - 1] == '.')
    buf[--len] = '\0';
  g_string_append (out, buf);
}

static void
append_attr_number (GString    *out,
                    const char *name,
                    double      value)
{
  g_string_append_printf (out, " %s=\"", name);
  append_number (out, value);
  g_string_append_c (out, '"');
}

static gboolean
is_xml_char (gunichar c)
{
  if (c == 0x9 || c == 0xA || c == 0xD)
    return TRUE;
  if (c < 0x20)
    return FALSE;
  if (c >= 0xD800 && c <= 0xDFFF)
    return FALSE;
  if (c == 0xFFFE || c == 0xFFFF)
    return FALSE;
  return c <= 0x10FFFF;
}

void
mc_svg_append_escaped (GString    *string,
                       const char *text)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (string != NULL);

  if (text == NULL)
    return;

  valid = g_utf8_make_valid (text, -1);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (string, "&amp;");
          break;
        case '<':
          g_string_append (string, "&lt;");
          break;
        case '>':
          g_string_append (string, "&gt;");
          break;
        case '"':
          g_string_append (string, "&quot;");
          break;
        case '\'':
          g_string_append (string, "&apos;");
          break;
        case '\r':
          /* A literal CR would be normalised away by XML parsers. */
          g_string_append (string, "&#13;");
          break;
        default:
          if (is_xml_char (c))
            g_string_append_len (string, p, g_utf8_next_char (p) - p);
          break;
        }
    }
}

static gboolean
is_name_char (char c,
              gboolean first)
{
  if (g_ascii_isalpha (c) || c == '_')
    return TRUE;
  if (first)
    return FALSE;
  return g_ascii_isdigit (c) || c == '-' || c == '.';
}

char *
mc_svg_sanitize_id (const char *id)
{
  GString *out;
  const char *p = id;

  g_return_val_if_fail (id != NULL, NULL);

  out = g_string_new (NULL);
  if (g_str_has_prefix (id, "note:"))
    {
      g_string_append (out, "note-");
      p = id + strlen ("note:");
    }

  for (; *p != '\0'; p++)
    {
      if (*p == '/')
        g_string_append (out, "--");
      else if (is_name_char (*p, out->len == 0))
        g_string_append_c (out, *p);
      else if (out->len == 0 && g_ascii_isdigit (*p))
        {
          g_string_append_c (out, '_');
          g_string_append_c (out, *p);
        }
      else
        g_string_append_c (out, '_');
    }

  if (out->len == 0)
    g_string_append_c (out, '_');

  return g_string_free (out, FALSE);
}

static void
append_color_attrs (GString       *out,
                    const char    *name,
                    const McColor *color)
{
  int r = (int) round (CLAMP (color->red, 0.0, 1.0) * 255.0);
  int g = (int) round (CLAMP (color->green, 0.0, 1.0) * 255.0);
  int b = (int) round (CLAMP (color->blue, 0.0, 1.0) * 255.0);

  /* SVG 1.1 has no #rrggbbaa: alpha goes into a separate opacity. */
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", name, r, g, b);
  if (color->alpha < 1.0)
    {
      g_string_append_printf (out, " %s-opacity=\"", name);
      append_number (out, CLAMP (color->alpha, 0.0, 1.0));
      g_string_append_c (out, '"');
    }
}

static void
indent (SvgWriter *writer)
{
  for (int i = 0; i < writer->depth + 1; i++)
    g_string_append (writer->out, "  ");
}

static void
write_group_begin (SvgWriter         *writer,
                   const McSceneItem *item)
{
  static const char * const role_classes[] = {
    [MC_ROLE_BOARD] = "board",
    [MC_ROLE_FIGURE] = "figure",
    [MC_ROLE_REGION] = "region",
    [MC_ROLE_NOTE] = "note",
    [MC_ROLE_CLUSTER] = "cluster",
  };
  GString *out = writer->out;

  indent (writer);
  g_string_append (out, "<g");
  if (item->id != NULL)
    {
      g_autofree char *base = mc_svg_sanitize_id (item->id);
      g_autofree char *unique = g_strdup (base);

      /* Ids must be unique in the document; a duplicate scene id (a figure
       * placed twice under odd names) gets a suffix. */
      for (guint n = 2; g_hash_table_contains (writer->used_ids, unique); n++)
        {
          g_free (unique);
          unique = g_strdup_printf ("%s-%u", base, n);
        }
      g_string_append (out, " id=\"");
      mc_svg_append_escaped (out, unique);
      g_string_append_c (out, '"');
      g_hash_table_add (writer->used_ids, g_steal_pointer (&unique));
    }
  if ((guint) item->role < G_N_ELEMENTS (role_classes) && role_classes[item->role] != NULL)
    g_string_append_printf (out, " class=\"%s\"", role_classes[item->role]);
  if (item->opacity < 1.0 && item->opacity >= 0.0)
    append_attr_number (out, "opacity", item->opacity);
  g_string_append (out, ">\n");

  writer->depth++;
  if (item->title != NULL && item->title[0] != '\0')
    {
      indent (writer);
      g_string_append (out, "<title>");
      mc_svg_append_escaped (out, item->title);
      g_string_append (out, "</title>\n");
    }
}

static void
write_group_end (SvgWriter *writer)
{
  /* An unbalanced GROUP_END would close the root element. */
  if (writer->depth == 0)
    return;
  writer->depth--;
  indent (writer);
  g_string_append (writer->out, "</g>\n");
}

static void
write_path (SvgWriter         *writer,
            const McSceneItem *item)
{
  GString *out = writer->out;
  g_autofree char *data = NULL;

  if (item->path == NULL || mc_path_is_empty (item->path))
    return;
  if (!item->has_fill && !(item->has_stroke && item->line_width > 0))
    return;

  data = mc_path_to_svg_data (item->path);
  indent (writer);
  g_string_append (out, "<path d=\"");
  g_string_append (out, data);
  g_string_append_c (out, '"');

  /* Same painting rules as mc-render-cairo: even-odd fills (rings are one
   * path), round joins, round caps except on dashes. */
  if (item->has_fill)
    {
      append_color_attrs (out, "fill", &item->fill);
      g_string_append (out, " fill-rule=\"evenodd\"");
    }
  else
    g_string_append (out, " fill=\"none\"");

  if (item->has_stroke && item->line_width > 0)
    {
      double w = item->line_width;

      append_color_attrs (out, "stroke", &item->stroke);
      append_attr_number (out, "stroke-width", w);
      g_string_append (out, " stroke-linejoin=\"round\"");
      if (item->line_style == MC_LINE_DASHED)
        {
          g_string_append (out, " stroke-linecap=\"butt\" stroke-dasharray=\"");
          append_number (out, 4 * w);
          g_string_append_c (out, ',');
          append_number (out, 3 * w);
          g_string_append_c (out, '"');
        }
      else if (item->line_style == MC_LINE_DOTTED)
        {
          /* Zero-length dashes with round caps are dots. */
          g_string_append (out, " stroke-linecap=\"round\" stroke-dasharray=\"0,");
          append_number (out, 2.5 * w);
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, " stroke-linecap=\"round\"");
    }

  g_string_append (out, "/>\n");
}

static void
append_font_family (GString    *out,
                    const char *family_list)
{
  g_auto(GStrv) families = NULL;
  gboolean has_generic = FALSE;
  gboolean metric_arial = FALSE;
  gboolean first = TRUE;

  if (family_list == NULL || family_list[0] == '\0')
    family_list = "sans-serif";

  families = g_strsplit (family_list, ",", -1);
  g_string_append (out, " font-family=\"");
  for (guint i = 0; families[i] != NULL; i++)
    {
      char *name = g_strstrip (families[i]);

      if (name[0] == '\0')
        continue;
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;

      if (g_ascii_strcasecmp (name, "sans-serif") == 0 ||
          g_ascii_strcasecmp (name, "sans") == 0)
        {
          g_string_append (out, "sans-serif");
          has_generic = TRUE;
        }
      else if (g_ascii_strcasecmp (name, "serif") == 0 ||
               g_ascii_strcasecmp (name, "monospace") == 0)
        {
          g_string_append (out, name);
          has_generic = TRUE;
        }
      else if (strchr (name, ' ') != NULL)
        {
          g_string_append_c (out, '\'');
          mc_svg_append_escaped (out, name);
          g_string_append_c (out, '\'');
        }
      else
        mc_svg_append_escaped (out, name);

      if (g_ascii_strcasecmp (name, "Liberation Sans") == 0)
        metric_arial = TRUE;
    }

  /* Liberation Sans is metric-compatible with Arial and Helvetica: journals'
   * tools have those, and the lines still fit. */
  if (metric_arial)
    g_string_append (out, ", Arial, Helvetica");
  if (!has_generic)
    g_string_append (out, first ? "sans-serif" : ", sans-serif");
  g_string_append_c (out, '"');
}

static int
svg_weight (PangoWeight weight)
{
  int w = (int) (round (weight / 100.0) * 100.0);

  return CLAMP (w, 100, 900);
}

static const char *
svg_style (PangoStyle style)
{
  switch (style)
    {
    case PANGO_STYLE_ITALIC:
      return "italic";
    case PANGO_STYLE_OBLIQUE:
      return "oblique";
    case PANGO_STYLE_NORMAL:
    default:
      return "normal";
    }
}

typedef struct
{
  double      size;
  PangoWeight weight;
  PangoStyle  style;
} RunFont;

static void
get_run_font (PangoGlyphItem *run,
              RunFont        *font)
{
  g_autoptr(PangoFontDescription) desc = NULL;

  font->size = 0;
  font->weight = PANGO_WEIGHT_NORMAL;
  font->style = PANGO_STYLE_NORMAL;

  if (run == NULL || run->item->analysis.font == NULL)
    return;

  /* The size the glyphs were shaped at, in device (scene) units, whatever
   * resolution the layout's context used. */
  desc = pango_font_describe_with_absolute_size (run->item->analysis.font);
  font->size = pango_font_description_get_size (desc) / (double) PANGO_SCALE;
  font->weight = pango_font_description_get_weight (desc);
  font->style = pango_font_description_get_style (desc);
}

/* The text of one run: its slice of the layout's text, or an ellipsis
 * where pango shortened the text. */
static void
append_run_text (GString        *line_text,
                 const char     *text,
                 PangoGlyphItem *run)
{
  if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
    g_string_append (line_text, "…");
  else
    g_string_append_len (line_text, text + run->item->offset, run->item->length);
}

static void
trim_trailing_space (GString *text)
{
  while (text->len > 0 &&
         (text->str[text->len - 1] == ' ' || text->str[text->len - 1] == '\t' ||
          text->str[text->len - 1] == '\n' || text->str[text->len - 1] == '\r'))
    g_string_truncate (text, text->len - 1);
}

static void
write_text (SvgWriter         *writer,
            const McSceneItem *item)
{
  GString *out = writer->out;
  PangoLayout *layout = item->layout;
  const PangoFontDescription *desc;
  const char *text;
  const char *anchor = "start";
  PangoAlignment alignment;
  PangoLayoutIter *iter;
  RunFont base = { 0, };
  gboolean have_base = FALSE;

  if (layout == NULL)
    return;
  text = pango_layout_get_text (layout);
  if (text == NULL || text[0] == '\0')
    return;

  /* The first run's font is the text's base font; runs that differ get a
   * nested tspan. */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run != NULL)
        {
          get_run_font (run, &base);
          have_base = TRUE;
          break;
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  if (!have_base || base.size <= 0)
    return;

  desc = pango_layout_get_font_description (layout);
  if (desc == NULL)
    desc = pango_context_get_font_description (pango_layout_get_context (layout));

  alignment = pango_layout_get_alignment (layout);
  if (alignment == PANGO_ALIGN_CENTER)
    anchor = "middle";
  else if (alignment == PANGO_ALIGN_RIGHT)
    anchor = "end";

  indent (writer);
  g_string_append (out, "<text xml:space=\"preserve\"");
  append_font_family (out, desc != NULL ? pango_font_description_get_family (desc) : NULL);
  append_attr_number (out, "font-size", base.size);
  g_string_append_printf (out, " font-weight=\"%d\"", svg_weight (base.weight));
  if (base.style != PANGO_STYLE_NORMAL)
    g_string_append_printf (out, " font-style=\"%s\"", svg_style (base.style));
  g_string_append_printf (out, " text-anchor=\"%s\"", anchor);
  append_color_attrs (out, "fill", &item->color);
  g_string_append (out, ">");

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double baseline;
      double x;
      g_autoptr(GString) line_out = g_string_new (NULL);
      g_autoptr(GString) plain = g_string_new (NULL);

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = item->y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;

      for (GSList *l = line->runs; l != NULL; l = l->next)
        {
          PangoGlyphItem *run = l->data;
          RunFont font;
          g_autoptr(GString) run_text = g_string_new (NULL);

          append_run_text (run_text, text, run);
          if (l->next == NULL)
            trim_trailing_space (run_text);
          if (run_text->len == 0)
            continue;
          g_string_append (plain, run_text->str);

          get_run_font (run, &font);
          if (fabs (font.size - base.size) > 0.01 ||
              svg_weight (font.weight) != svg_weight (base.weight) ||
              font.style != base.style)
            {
              g_string_append (line_out, "<tspan");
              append_attr_number (line_out, "font-size", font.size);
              g_string_append_printf (line_out, " font-weight=\"%d\"", svg_weight (font.weight));
              g_string_append_printf (line_out, " font-style=\"%s\"", svg_style (font.style));
              g_string_append_c (line_out, '>');
              mc_svg_append_escaped (line_out, run_text->str);
              g_string_append (line_out, "</tspan>");
            }
          else
            mc_svg_append_escaped (line_out, run_text->str);
        }

      /* Skip empty lines and lines of nothing but spaces (a blank line in a
       * note): they draw nothing. */
      if (line_out->len == 0 || plain->len == 0)
        continue;

      x = item->x + logical.x / (double) PANGO_SCALE;
      if (alignment == PANGO_ALIGN_CENTER)
        x += logical.width / (2.0 * PANGO_SCALE);
      else if (alignment == PANGO_ALIGN_RIGHT)
        x += logical.width / (double) PANGO_SCALE;

      g_string_append (out, "<tspan");
      append_attr_number (out, "x", x);
      append_attr_number (out, "y", baseline);
      g_string_append_c (out, '>');
      g_string_append (out, line_out->str);
      g_string_append (out, "</tspan>");
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_string_append (out, "</text>\n");
}

char *
mc_svg_write_scene (McScene            *scene,
                    const McSvgOptions *options,
                    gsize              *length)
{
  static const McSvgOptions defaults = { NULL, 0, 0, NULL, NULL };
  SvgWriter writer = { 0, };
  McRect view;
  guint n_items;

  g_return_val_if_fail (scene != NULL, NULL);

  if (options == NULL)
    options = &defaults;

  if (options->view != NULL)
    view = *options->view;
  else
    {
      mc_scene_get_bounds (scene, &view);
      view.x -= options->margin;
      view.y -= options->margin;
      view.width += 2 * options->margin;
      view.height += 2 * options->margin;
    }
  if (view.width <= 0)
    view.width = 1;
  if (view.height <= 0)
    view.height = 1;

  writer.out = g_string_sized_new (64 * 1024);
  writer.used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_string_append (writer.out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  if (options->width_mm > 0)
    {
      g_string_append (writer.out, " width=\"");
      append_number (writer.out, options->width_mm);
      g_string_append (writer.out, "mm\" height=\"");
      append_number (writer.out, options->width_mm * view.height / view.width);
      g_string_append (writer.out, "mm\"");
    }
  else
    {
      append_attr_number (writer.out, "width", view.width);
      append_attr_number (writer.out, "height", view.height);
    }
  g_string_append (writer.out, " viewBox=\"");
  append_number (writer.out, view.x);
  g_string_append_c (writer.out, ' ');
  append_number (writer.out, view.y);
  g_string_append_c (writer.out, ' ');
  append_number (writer.out, view.width);
  g_string_append_c (writer.out, ' ');
  append_number (writer.out, view.height);
  g_string_append (writer.out, "\">\n");

  if (options->title != NULL)
    {
      g_string_append (writer.out, "  <title>");
      mc_svg_append_escaped (writer.out, options->title);
      g_string_append (writer.out, "</title>\n");
    }
  if (options->metadata != NULL)
    {
      g_string_append (writer.out, "  <metadata>");
      mc_svg_append_escaped (writer.out, options->metadata);
      g_string_append (writer.out, "</metadata>\n");
    }

  if (options->background != NULL)
    {
      g_string_append (writer.out, "  <rect");
      append_attr_number (writer.out, "x", view.x);
      append_attr_number (writer.out, "y", view.y);
      append_attr_number (writer.out, "width", view.width);
      append_attr_number (writer.out, "height", view.height);
      append_color_attrs (writer.out, "fill", options->background);
      g_string_append (writer.out, "/>\n");
    }

  n_items = mc_scene_get_n_items (scene);
  for (guint i = 0; i < n_items; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      switch (item->kind)
        {
        case MC_ITEM_GROUP_BEGIN:
          write_group_begin (&writer, item);
          break;
        case MC_ITEM_GROUP_END:
          write_group_end (&writer);
          break;
        case MC_ITEM_PATH:
          write_path (&writer, item);
          break;
        case MC_ITEM_TEXT:
          write_text (&writer, item);
          break;
        default:
          break;
        }
    }

  while (writer.depth > 0)
    write_group_end (&writer);

  g_string_append (writer.out, "</svg>\n");
  g_hash_table_unref (writer.used_ids);

  if (length != NULL)
    *length = writer.out->len;
  return g_string_free (writer.out, FALSE);
}
