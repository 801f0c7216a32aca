/* mc-figure-value-creation-frame.c — the whole model (Figuur 2, compact
 * form Figuur 12) laid out for a journal frame or the board's square
 *
 * Top to bottom, for the width it is given:
 *
 *   title (unless a caption carries it)
 *   Probleem-in-Context   | Interventie          the CIMO parts, each with
 *   learning-short ( value ) learning-long        the elements of the generic
 *   short term ──── learning agenda ───▶ horizon  model that fills it in;
 *   Mechanismen           | Outcomes             the centre between them
 *   Schaalniveaus: … / Samenhang: …
 *
 * This file draws the centre and puts the figure together; the parts and
 * the lines under the figure are mc-figure-value-creation-parts.c's. The
 * value-creation disc is held from both sides by the learning agenda,
 * whose regions bite around it. When the sides would be too narrow for
 * their texts and notes (one column, 84 mm) the disc stands above the two
 * learning regions. Laid out for a frame the regions grow to hold their
 * notes and the figure is as tall as it needs; on the board it fills its
 * square: the centre takes the height left over, and type that would not
 * fit shrinks, down to a compact form at small sizes. */
#include "config.h"

#include <math.h>

#include "mc-catalog.h"
#include "mc-figure-shapes.h"
#include "mc-figure-value-creation-private.h"
#include "mc-view-options.h"

/* The centre ---------------------------------------------------------------- */

static const char *
region_definition (McModelFrame *f,
                   const char   *region_id)
{
  McFigureBuild *build = f->build;
  const McRegionInfo *region = mc_figure_build_get_region (build, region_id);

  if (region == NULL || build->options == NULL || !build->options->definitions || f->compact)
    return NULL;
  return mc_region_info_get_definition (region, build->language);
}

static const char *
region_label (McFigureBuild *build,
              const char    *region_id)
{
  const McRegionInfo *region = mc_figure_build_get_region (build, region_id);

  return region != NULL ? mc_region_info_get_label (region, build->language) : region_id;
}

/* Laid out for a frame, a region holds its notes; on the board it keeps
 * room for two default notes at least (the board's notes keep their
 * places and sizes). */
static double
notes_height (McModelFrame *f,
              const char   *region_id,
              double        width)
{
  McFigureBuild *build = f->build;

  if (!build->for_frame)
    return mc_figure_shapes_notes_height (build, width, f->compact ? 1 : 2);
  if (build->options == NULL || !build->options->notes)
    return 0;
  return mc_figure_build_notes_height (build, region_id, width);
}

static double
notes_min_width (McFigureBuild *build,
                 const char    *region_id)
{
  if (!build->for_frame)
    return mc_figure_shapes_len (build, MC_FIGURE_NOTE_WIDTH);
  return mc_figure_build_notes_min_width (build, region_id);
}

/* Height of a region's texts and notes set width wide. */
static double
region_content_height (McModelFrame *f,
                       const char   *region_id,
                       double        width)
{
  McFigureBuild *build = f->build;
  double h = mc_figure_shapes_text_height (build, region_label (build, region_id), f->name,
                                           PANGO_WEIGHT_SEMIBOLD, width);
  double notes = notes_height (f, region_id, width);
  const char *definition = region_definition (f, region_id);

  if (definition != NULL)
    h += f->spacing + mc_figure_shapes_text_height (build, definition, f->text,
                                                    PANGO_WEIGHT_NORMAL, width);
  if (notes > 0)
    h += f->spacing + notes;
  return h;
}

/* Places the region's texts at the top of box, its notes below them. */
static void
fill_region (McModelFrame *f,
             const char   *region_id,
             const McRect *box,
             gboolean      centred)
{
  McFigureBuild *build = f->build;
  const McTheme *theme = build->theme;
  double y = box->y;
  McColor ink;
  McTextStyle style;
  McRect text_box, area;
  const char *texts[2] = { region_label (build, region_id), region_definition (f, region_id) };

  mc_figure_build_get_region_colors (build, region_id, 0, NULL, NULL, &ink);
  for (guint i = 0; i < 2; i++)
    {
      double size = i == 0 ? f->name : f->text;
      PangoWeight weight = i == 0 ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL;

      if (texts[i] == NULL)
        continue;
      mc_figure_shapes_style (build, &style, size, weight);
      style.alignment = centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
      text_box = (McRect) { box->x, y, box->width,
                            mc_figure_shapes_text_height (build, texts[i], size, weight,
                                                          box->width) };
      mc_figure_build_add_text (build, i == 0 ? MC_ROLE_LABEL : MC_ROLE_DEFINITION, texts[i],
                                &style, &text_box, i == 0 ? &theme->ink : &theme->muted_ink);
      y += text_box.height + f->spacing;
    }
  (void) ink;
  area = (McRect) { box->x, y, box->width, MAX (0, box->y + box->height - y) };
  /* Centred texts: the notes under them centred too, in the narrowest
   * area that packs them in as few rows. */
  if (centred && notes_height (f, region_id, box->width) > 0)
    {
      double full = notes_height (f, region_id, box->width);
      double least = MIN (box->width, notes_min_width (build, region_id));

      for (guint step = 0; step <= 16; step++)
        {
          double w = least + (box->width - least) * step / 16;

          if (notes_height (f, region_id, w) <= full + 0.5)
            {
              area.x = box->x + (box->width - w) / 2;
              area.width = w;
              break;
            }
        }
    }
  mc_figure_build_set_note_area (build, region_id, &area);
}

static double
text_width (McModelFrame *f,
            const char   *text,
            PangoWeight   weight)
{
  g_autoptr(PangoLayout) layout = NULL;
  McTextStyle style;
  double w, h;

  mc_figure_shapes_style (f->build, &style, f->name, weight);
  layout = mc_text_layout_new (text, &style, -1);
  mc_text_layout_get_size (layout, &w, &h);
  return ceil (w + 1);
}

/* The disc's radius around a content box w × h. */
static double disc_radius (McModelFrame *f,
                           double        w,
                           double        h);

/* The width of the disc's content that makes the smallest disc, from its
 * label's widest word (never narrower than the widest note) to
 * max_width: the label and definition wrapped into a squarer box need a
 * smaller circle around them. */
static double
disc_content_width (McModelFrame *f,
                    double        max_width)
{
  McFigureBuild *build = f->build;
  const char *label = region_label (build, "value");
  g_auto(GStrv) words = g_strsplit (label, " ", -1);
  double least = notes_min_width (build, "value");
  double best = max_width, best_r = G_MAXDOUBLE;
  const guint steps = 12;

  for (guint i = 0; words[i] != NULL; i++)
    least = MAX (least, text_width (f, words[i], PANGO_WEIGHT_SEMIBOLD));
  least = MIN (least, max_width);
  for (guint i = 0; i <= steps; i++)
    {
      double w = least + (max_width - least) * i / steps;
      double r = disc_radius (f, w, region_content_height (f, "value", w));

      if (r < best_r - 0.5)
        best = w, best_r = r;
    }
  return best;
}

/* The disc around a content box w × h centred on (cx, cy). */
static double
disc_radius (McModelFrame *f,
             double        w,
             double        h)
{
  return sqrt (w * w / 4 + h * h / 4) + f->pad * 0.5;
}

static void
add_disc (McModelFrame *f,
          double        cx,
          double        cy,
          double        r,
          double        w,
          double        h)
{
  McFigureBuild *build = f->build;
  g_autoptr(McPath) path = mc_path_new ();

  mc_path_circle (path, cx, cy, r);
  mc_figure_shapes_begin_region (build, "value", path, NULL, 2, 1.4, MC_LINE_SOLID);
  fill_region (f, "value", &(McRect) { cx - w / 2, cy - h / 2, w, h }, TRUE);
  mc_figure_build_end_region (build);
}

/* A learning region beside the disc: from the outer edge x_outer to a
 * gap/2 short of the centre line, with a bite of radius R around the disc. */
static McPath *
side_path (McModelFrame *f,
           double        x_outer,
           double        top,
           double        bottom,
           double        cx,
           double        cy,
           double        R,
           gboolean      right)
{
  McPath *path = mc_path_new ();
  double g2 = f->gap / 2;
  double s = sqrt (R * R - g2 * g2);
  double rc = MIN (f->pad, f->build->theme->corner_radius * f->build->font_scale);

  if (!right)
    {
      double xr = cx - g2;

      mc_path_move_to (path, x_outer + rc, top);
      mc_path_line_to (path, xr, top);
      mc_path_line_to (path, xr, cy - s);
      mc_path_arc_negative (path, cx, cy, R, atan2 (-s, -g2), atan2 (s, -g2));
      mc_path_line_to (path, xr, bottom);
      mc_path_line_to (path, x_outer + rc, bottom);
      mc_path_arc (path, x_outer + rc, bottom - rc, rc, G_PI / 2, G_PI);
      mc_path_line_to (path, x_outer, top + rc);
      mc_path_arc (path, x_outer + rc, top + rc, rc, G_PI, 3 * G_PI / 2);
    }
  else
    {
      double xr = cx + g2;

      mc_path_move_to (path, xr, top);
      mc_path_line_to (path, x_outer - rc, top);
      mc_path_arc (path, x_outer - rc, top + rc, rc, -G_PI / 2, 0);
      mc_path_line_to (path, x_outer, bottom - rc);
      mc_path_arc (path, x_outer - rc, bottom - rc, rc, 0, G_PI / 2);
      mc_path_line_to (path, xr, bottom);
      mc_path_line_to (path, xr, cy + s);
      mc_path_arc_negative (path, cx, cy, R, atan2 (s, g2), atan2 (-s, g2));
    }
  mc_path_close (path);
  return path;
}

static void
add_side (McModelFrame *f,
          const char   *region_id,
          McPath       *shape,
          guint         shade,
          const McRect *content)
{
  mc_figure_shapes_begin_region (f->build, region_id, shape, NULL, shade, 1.0, MC_LINE_SOLID);
  fill_region (f, region_id, content, FALSE);
  mc_figure_build_end_region (f->build);
}

/* The value disc between (or above) the learning regions, from *y. */
static void
add_centre (McModelFrame *f,
            double       *y)
{
  McFigureBuild *build = f->build;
  static const char * const sides[2] = { "learning-short", "learning-long" };
  double pad = f->pad;
  double cx = f->x + f->width / 2;
  double w, h, r, R, side_inner, side_h;

  /* Beside: the disc's content a third of the width; each side keeps
   * what is left beside the bite. */
  w = disc_content_width (f, f->width * 0.3);
  h = region_content_height (f, "value", w);
  r = disc_radius (f, w, h);
  R = r + f->gap;
  side_inner = f->width / 2 - R - 2 * pad;
  if (side_inner >= MAX (mc_figure_build_size (build, f->name) * 7.5,
                         MAX (notes_min_width (build, sides[0]),
                              notes_min_width (build, sides[1]))))
    {
      double top = *y, bottom, cy;

      side_h = MAX (region_content_height (f, sides[0], side_inner),
                    region_content_height (f, sides[1], side_inner));
      bottom = top + MAX (2 * R + 2 * f->gap, side_h + 2 * pad) + f->extra;
      cy = (top + bottom) / 2;
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(McPath) shape = side_path (f, i == 0 ? f->x : f->x + f->width, top, bottom,
                                               cx, cy, R, i == 1);
          McRect content = { i == 0 ? f->x + pad : cx + R + pad, top + pad, side_inner,
                             bottom - top - 2 * pad };

          add_side (f, sides[i], shape, i == 0 ? 1 : 0, &content);
        }
      add_disc (f, cx, cy, r, w, h);
      *y = bottom + f->spacing;
      return;
    }

  /* Above: the disc, then the two sides under it, side by side. */
  w = disc_content_width (f, f->width * 0.56);
  h = region_content_height (f, "value", w);
  r = disc_radius (f, w, h);
  add_disc (f, cx, *y + r, r, w, h);
  *y += 2 * r + f->gap;

  side_inner = (f->width - f->gap) / 2 - 2 * pad;
  side_h = MAX (region_content_height (f, sides[0], side_inner),
                region_content_height (f, sides[1], side_inner)) + 2 * pad + f->extra;
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(McPath) shape = mc_path_new ();
      McRect rect = { f->x + i * (side_inner + 2 * pad + f->gap), *y, side_inner + 2 * pad,
                      side_h };
      McRect content = { rect.x + pad, rect.y + pad, side_inner, side_h - 2 * pad };

      mc_path_rounded_rectangle (shape, &rect,
                                 MIN (pad, build->theme->corner_radius * build->font_scale));
      add_side (f, sides[i], shape, i == 0 ? 1 : 0, &content);
    }
  *y += side_h + f->spacing;
}

/* The horizon under the centre: short term → the longer time horizon. */
static void
add_time_axis (McModelFrame *f,
               double       *y)
{
  McFigureBuild *build = f->build;
  const McTheme *theme = build->theme;
  static const char * const keys[3] = { "short_term", "learning_agenda", "horizon" };
  static const PangoAlignment alignments[3] = {
    PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT,
  };
  double third = f->width / 3;
  double text_h = 0;
  double line_y = *y + f->spacing;
  McColor stroke;

  mc_theme_get_role_stroke (theme, "value", &stroke);
  mc_figure_shapes_add_arrow (build, f->x, line_y, f->x + f->width, line_y, MC_ARROW_END,
                              &stroke);
  for (guint i = 0; i < 3; i++)
    {
      const char *text = mc_figure_info_get_string (build->info, keys[i], build->language);
      PangoWeight weight = i == 1 ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL;
      McTextStyle style;
      McRect box;

      if (text == NULL)
        continue;
      mc_figure_shapes_style (build, &style, f->text, weight);
      style.alignment = alignments[i];
      box = (McRect) { f->x + i * third, line_y + f->spacing, third,
                       mc_figure_shapes_text_height (build, text, f->text, weight, third) };
      mc_figure_build_add_text (build, MC_ROLE_LABEL, text, &style, &box,
                                i == 1 ? &theme->ink : &theme->muted_ink);
      text_h = MAX (text_h, box.height);
    }
  *y = line_y + f->spacing + text_h + f->gap;
}

static void
lay_out (McFigureBuild *build,
         double         extra,
         guint          compact)
{
  const McTheme *theme = build->theme;
  double half_line = mc_figure_shapes_line_width (build) / 2;
  double name = mc_figure_build_size (build, theme->body_size);
  McModelFrame f = {
    .build = build,
    .x = build->frame.x + half_line,
    .width = build->frame.width - 2 * half_line,
    .pad = ceil (name * 0.6),
    .gap = ceil (name * 0.9),
    .spacing = ceil (mc_figure_build_size (build, theme->small_size) * 0.4),
    .name = theme->body_size,
    .text = theme->small_size,
    .extra = extra,
    .compact = compact,
  };
  double y = build->frame.y + half_line;
  double margin = half_line;
  gboolean two_columns;

  if (build->for_frame)
    {
      if (build->options == NULL || !build->options->caption)
        mc_figure_shapes_place_text (build, MC_ROLE_LABEL,
                                     mc_figure_info_get_title (build->info, build->language),
                                     theme->label_size, PANGO_WEIGHT_SEMIBOLD, &theme->ink, f.x,
                                     &y, f.width, f.spacing * 1.5);
    }
  else
    {
      /* On the board: the title band and margins of every kind. */
      margin = mc_figure_shapes_len (build, 16);
      f.x = build->frame.x + margin;
      f.width = build->frame.width - 2 * margin;
      mc_figure_shapes_add_title (build);
      y = build->frame.y + mc_figure_shapes_len (build, MC_FIGURE_TITLE_BAND);
    }
  two_columns = (f.width - f.gap) / 2 >= name * 12;

  _mc_model_add_part_row (&f, 0, two_columns, &y);
  add_centre (&f, &y);
  add_time_axis (&f, &y);
  _mc_model_add_part_row (&f, 2, two_columns, &y);
  y -= f.gap - f.spacing;
  _mc_model_add_frame_notes (&f, &y);

  build->height_used = y + margin - build->frame.y;
}

void
_mc_figure_value_creation_build_whole (McFigureBuild *build)
{
  double font_scale = build->font_scale;
  double used = 0;
  double last = G_MAXDOUBLE;
  guint compact = 0;

  if (build->for_frame)
    {
      lay_out (build, 0, 0);
      return;
    }

  /* On the board the figure keeps its square frame: a first pass into a
   * scratch scene measures the model; type that would not fit shrinks
   * (down to the floor), and the height left over goes to the centre,
   * the canvas of the notes. */
  for (guint attempt = 0; attempt < 12; attempt++)
    {
      McScene *scene = build->scene;
      g_autoptr(McScene) scratch = mc_scene_new ();
      guint n_deferred = build->deferred != NULL ? build->deferred->len : 0;

      build->scene = scratch;
      build->measuring = TRUE;
      lay_out (build, 0, compact);
      build->measuring = FALSE;
      build->scene = scene;
      if (build->deferred != NULL)
        g_ptr_array_set_size (build->deferred, n_deferred);
      used = build->height_used;
      if (used <= build->frame.height)
        break;
      /* Smaller type first; when the floor stops it, the compact forms. */
      if (used > last * 0.99 && compact < 2)
        compact++;
      else
        build->font_scale *= build->frame.height / used * 0.98;
      last = used;
    }
  lay_out (build, MAX (0, build->frame.height - used), compact);
  build->height_used = 0;
  build->font_scale = font_scale;
}
