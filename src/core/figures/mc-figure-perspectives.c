/* mc-figure-perspectives.c — Figuur 5/9: the five design perspectives
 *
 * A true wheel: five equal sectors of one full circle (nothing clipped)
 * around a centre disc that names the intervention ("Interventie" over
 * "Ontwerp gericht op hybridisering"). The circle fills the square below
 * the title band, and the sectors' outlines stay clear of the notes by a
 * small inset only, so that every sector still holds two default notes
 * under its texts. Each sector's label, definition, questions and notes
 * share the largest rectangle that fits inside it (computed once), with
 * the same treatment in every sector; what a strict view cannot set there
 * in full goes to the legend below the figure.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-figure-kinds-private.h"
#include "mc-figure-shapes.h"
#include "mc-view-options.h"

#define N_SECTORS 5

/* Figure units of the 1000 × 1000 design. */
#define WHEEL_R_OUTER  452.0
#define WHEEL_CX       500.0
#define WHEEL_CY       (MC_FIGURE_TITLE_BAND + 2.0 + WHEEL_R_OUTER)
#define WHEEL_R_INNER  114.0
#define WHEEL_INSET     10.0
/* Room for a label above the notes. */
#define LABEL_RESERVE  48.0

/* Clockwise from the top, in the order the seed lists them. Shades are
 * spread so that neighbours differ by at least two lightness steps, also
 * across the seam between the last sector and the first. */
static const struct
{
  const char *id;
  guint       shade;
} sectors[N_SECTORS] = {
  { "content",      0 },
  { "social",       2 },
  { "spatial",      4 },
  { "instrumental", 1 },
  { "temporal",     3 },
};

static void
sector_in_figure_units (guint          index,
                        McShapeSector *sector)
{
  double step = 2 * G_PI / N_SECTORS;
  double a0 = -G_PI / 2 - step / 2 + index * step;

  sector->cx = WHEEL_CX;
  sector->cy = WHEEL_CY;
  sector->r_inner = WHEEL_R_INNER;
  sector->r_outer = WHEEL_R_OUTER;
  sector->a0 = a0;
  sector->a1 = a0 + step;
  /* No clip: the rim is the whole circle. */
  sector->clip = (McRect) { 0, 0, 0, 0 };
}

/* A sector with its edges' directions worked out once: the searches
 * below ask rect_in_sector() millions of times. */
typedef struct
{
  double cx, cy;
  double cos_a0, sin_a0;
  double cos_a1, sin_a1;
  double r_max, r_min;
} Wedge;

static void
wedge_init (Wedge               *w,
            const McShapeSector *s)
{
  w->cx = s->cx;
  w->cy = s->cy;
  w->cos_a0 = cos (s->a0);
  w->sin_a0 = sin (s->a0);
  w->cos_a1 = cos (s->a1);
  w->sin_a1 = sin (s->a1);
  w->r_max = s->r_outer - WHEEL_INSET;
  w->r_min = s->r_inner + WHEEL_INSET;
}

/* Whether the rectangle (figure units) keeps inset away from every edge
 * of the sector: its corners inside the wedge and the rim, and its
 * nearest point outside the hole. */
static gboolean
rect_in_sector (const Wedge *s,
                double       x0,
                double       y0,
                double       x1,
                double       y1)
{
  const double xs[2] = { x0, x1 }, ys[2] = { y0, y1 };
  double nx, ny;

  for (guint i = 0; i < 4; i++)
    {
      double dx = xs[i & 1] - s->cx, dy = ys[i >> 1] - s->cy;

      if (s->cos_a0 * dy - s->sin_a0 * dx < WHEEL_INSET ||
          s->sin_a1 * dx - s->cos_a1 * dy < WHEEL_INSET ||
          dx * dx + dy * dy > s->r_max * s->r_max)
        return FALSE;
    }
  nx = CLAMP (s->cx, x0, x1) - s->cx;
  ny = CLAMP (s->cy, y0, y1) - s->cy;
  return nx * nx + ny * ny >= s->r_min * s->r_min;
}

/* Grows the rectangle a step at a time on every side that still keeps it
 * inside the sector; returns its area. */
static double
grow_rect (const Wedge *s,
           McRect      *r)
{
  gboolean grown = TRUE;

  while (grown)
    {
      McRect t;

      grown = FALSE;
      for (guint side = 0; side < 4; side++)
        {
          t = *r;
          if (side == 0)
            t.x -= 2, t.width += 2;
          else if (side == 1)
            t.width += 2;
          else if (side == 2)
            t.y -= 2, t.height += 2;
          else
            t.height += 2;
          if (rect_in_sector (s, t.x, t.y, t.x + t.width, t.y + t.height))
            {
              *r = t;
              grown = TRUE;
            }
        }
    }
  return r->width * r->height;
}

/* The largest rectangle found that holds two default notes (side by side
 * or one above the other) below the label's band: every place where the
 * smallest such rectangle fits is grown, the largest wins. FALSE when
 * two notes fit nowhere. */
static gboolean
sector_note_rect (const McShapeSector *s,
                  McRect              *out)
{
  const double sizes[2][2] = {
    { 2 * MC_FIGURE_NOTE_WIDTH + MC_FIGURE_NOTE_GAP + 2, MC_FIGURE_NOTE_HEIGHT },
    { MC_FIGURE_NOTE_WIDTH + 2, 2 * MC_FIGURE_NOTE_HEIGHT + MC_FIGURE_NOTE_GAP },
  };
  double best = 0;
  Wedge wedge;

  wedge_init (&wedge, s);
  for (guint k = 0; k < 2; k++)
    {
      double w = sizes[k][0], h = sizes[k][1] + LABEL_RESERVE + 2;

      for (double y = s->cy - s->r_outer; y + h <= s->cy + s->r_outer; y += 2)
        for (double x = s->cx - s->r_outer; x + w <= s->cx + s->r_outer; x += 2)
          if (rect_in_sector (&wedge, x, y, x + w, y + h))
            {
              McRect r = { x, y, w, h };
              double area = grow_rect (&wedge, &r);

              if (area > best)
                {
                  best = area;
                  *out = r;
                }
            }
    }
  return best > 0;
}

/* What sector_note_rect() finds for this design (figure units), in the
 * sectors' order. It depends on the constants above only, so it is
 * written down rather than searched at every start (the search takes
 * some 60 million instructions, a tenth of a one-note export);
 * /mc/figure-wheel/content-rects runs the search and compares. */
static const McRect content_rects[N_SECTORS] = {
  { 334, 138, 332, 162 },
  { 682, 314, 194, 280 },
  { 512, 670, 166, 280 },
  { 322, 670, 168, 280 },
  { 124, 314, 194, 280 },
};

void
_mc_figure_perspectives_search_content_rects (McRect rects[])
{
  for (guint i = 0; i < N_SECTORS; i++)
    {
      McShapeSector sector;

      sector_in_figure_units (i, &sector);
      if (!sector_note_rect (&sector, &rects[i]))
        rects[i] = (McRect) { 0, 0, 0, 0 };
    }
}

void
_mc_figure_perspectives_get_content_rects (McRect rects[])
{
  memcpy (rects, content_rects, sizeof content_rects);
}

static const McRect *
get_content_rects (void)
{
  return content_rects;
}

static void
sector_in_board_units (McFigureBuild *build,
                       guint          index,
                       McShapeSector *sector)
{
  sector_in_figure_units (index, sector);
  sector->cx = mc_figure_shapes_x (build, sector->cx);
  sector->cy = mc_figure_shapes_y (build, sector->cy);
  sector->r_inner = mc_figure_shapes_len (build, sector->r_inner);
  sector->r_outer = mc_figure_shapes_len (build, sector->r_outer);
}

/* The band the sector's name is set in (figure units): as tall as the
 * room reserved above the notes and as wide as the wedge allows there,
 * so that the name keeps its size in the narrow wedges too. */
static const McRect *
get_label_bands (void)
{
  static McRect bands[N_SECTORS];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < N_SECTORS; i++)
        {
          const McRect *r = &get_content_rects ()[i];
          double y0 = r->y, y1 = r->y + LABEL_RESERVE;
          double x0 = r->x, x1 = r->x + r->width;
          McShapeSector sector;
          Wedge wedge;

          sector_in_figure_units (i, &sector);
          wedge_init (&wedge, &sector);
          while (rect_in_sector (&wedge, x0 - 2, y0, x1, y1))
            x0 -= 2;
          while (rect_in_sector (&wedge, x0, y0, x1 + 2, y1))
            x1 += 2;
          bands[i] = (McRect) { x0, y0, x1 - x0, y1 - y0 };
        }
      g_once_init_leave (&initialized, 1);
    }
  return bands;
}

/* The sector's outline, its arcs drawn in short pieces: a curve's control
 * points then stay within a hair of the circle, so the figure's bounds
 * (which count them) are the wheel's own. */
static McPath *
sector_path_new (const McShapeSector *s)
{
  const guint n_pieces = 12;
  double step = (s->a1 - s->a0) / n_pieces;
  McPath *path = mc_path_new ();

  mc_path_move_to (path, s->cx + s->r_outer * cos (s->a0), s->cy + s->r_outer * sin (s->a0));
  for (guint i = 0; i < n_pieces; i++)
    mc_path_arc (path, s->cx, s->cy, s->r_outer, s->a0 + i * step, s->a0 + (i + 1) * step);
  mc_path_line_to (path, s->cx + s->r_inner * cos (s->a1), s->cy + s->r_inner * sin (s->a1));
  for (guint i = 0; i < n_pieces; i++)
    mc_path_arc_negative (path, s->cx, s->cy, s->r_inner, s->a1 - i * step,
                          s->a1 - (i + 1) * step);
  mc_path_close (path);
  return path;
}

static void
build_sector (McFigureBuild *build,
              guint          index,
              double         label_size)
{
  const char *id = sectors[index].id;
  const McRect *r = &get_content_rects ()[index];
  const McRect *b = &get_label_bands ()[index];
  const McRegionInfo *region = mc_figure_build_get_region (build, id);
  g_autoptr(McPath) shape = NULL;
  McShapeSector sector;
  McTextStyle style;
  McColor ink;
  McRect content, band;
  /* The name in its band; definition and questions share the rectangle
   * below it with the notes, which keep room for two: the texts make
   * way. The same treatment in every sector. */
  const McShapesRegionText text = {
    .alignment = PANGO_ALIGN_CENTER,
    .no_label = TRUE,
    .min_notes = 2,
  };

  sector_in_board_units (build, index, &sector);
  shape = sector_path_new (&sector);
  mc_figure_shapes_begin_region (build, id, shape, NULL, sectors[index].shade, 1.0,
                                 MC_LINE_SOLID);

  mc_figure_build_get_region_colors (build, id, 0, NULL, NULL, &ink);
  mc_figure_shapes_style (build, &style, label_size, PANGO_WEIGHT_SEMIBOLD);
  style.alignment = PANGO_ALIGN_CENTER;
  mc_figure_shapes_rect (build, b->x, b->y, b->width, b->height, &band);
  if (region != NULL)
    mc_figure_shapes_add_text_centered (build, MC_ROLE_LABEL,
                                        mc_region_info_get_label (region, build->language),
                                        &style, &ink, &band);

  mc_figure_shapes_rect (build, r->x, r->y + LABEL_RESERVE, r->width,
                         r->height - LABEL_RESERVE, &content);
  if (build->options != NULL && build->options->strict && build->options->notes)
    {
      /* Laid out for a frame with its notes: a wedge has room for its
       * notes or for its texts, not both, so definition and questions
       * go to the legend in every sector alike and the notes stay in
       * the wheel. */
      McRect none = { content.x, content.y, content.width, 0 };

      mc_figure_shapes_add_region_text (build, id, &text, &none);
    }
  else
    mc_figure_shapes_add_region_text (build, id, &text, &content);

  mc_figure_build_set_note_area (build, id, &content);
  mc_figure_build_end_region (build);
}

static void
build_hub (McFigureBuild *build)
{
  const McTheme *theme = build->theme;
  const char *part = mc_figure_info_get_string (build->info, "centre_part", build->language);
  const char *design = mc_figure_info_get_string (build->info, "centre_design", build->language);
  g_autoptr(McPath) disc = mc_path_new ();
  double cx = mc_figure_shapes_x (build, WHEEL_CX);
  double cy = mc_figure_shapes_y (build, WHEEL_CY);
  double r = mc_figure_shapes_len (build, WHEEL_R_INNER);
  /* A box inside the disc, narrower than the inscribed square so that
   * wrapped lines stay clear of the rim where the circle curves away. */
  double half_w = r * 0.82, half_h = r * 0.56;
  McTextStyle style;
  McColor stroke;
  McRect box = { cx - half_w, cy - half_h, 2 * half_w, 2 * half_h };

  mc_theme_get_role_stroke (theme, "intervention", &stroke);
  mc_figure_shapes_append_circle (disc, cx, cy, r, FALSE);
  mc_scene_add_path (build->scene, MC_ROLE_DECORATION, disc, &theme->paper, &stroke,
                     mc_figure_shapes_line_width (build) * 1.5, MC_LINE_SOLID);

  if (part != NULL && design != NULL)
    {
      McTextStyle part_style;
      double part_h, design_h, total;

      /* "Interventie" over "Ontwerp gericht op hybridisering", centred as
       * one block. */
      mc_figure_shapes_style (build, &part_style, theme->label_size * 0.8, PANGO_WEIGHT_SEMIBOLD);
      part_style.alignment = PANGO_ALIGN_CENTER;
      mc_figure_shapes_style (build, &style, theme->small_size, PANGO_WEIGHT_NORMAL);
      style.alignment = PANGO_ALIGN_CENTER;
      part_h = mc_figure_shapes_measure_text (part, &part_style, box.width);
      design_h = mc_figure_shapes_measure_text (design, &style, box.width);
      total = part_h + design_h + mc_figure_shapes_len (build, 4);
      if (total > box.height || mc_figure_shapes_measure_text (part, &part_style, box.width)
                                > part_style.size * 1.6)
        {
          /* Too small a disc for both (a single column at the font
           * floor): the disc names the part on one line across its middle,
           * where the circle is widest; the title says the rest. */
          McRect line = { cx - r * 0.8, cy - r * 0.3, 2 * r * 0.8, r * 0.6 };
          double floor_size = mc_figure_build_size (build, 0);

          while (part_style.size > floor_size &&
                 mc_figure_shapes_measure_text (part, &part_style, line.width)
                 > part_style.size * 1.6)
            part_style.size = MAX (floor_size, part_style.size * 0.95);
          /* At the floor a regular weight is narrower than semibold. */
          if (mc_figure_shapes_measure_text (part, &part_style, line.width)
              > part_style.size * 1.6)
            part_style.weight = PANGO_WEIGHT_NORMAL;
          mc_figure_shapes_add_text_centered (build, MC_ROLE_LABEL, part, &part_style,
                                              &theme->ink, &line);
          return;
        }
      box.y += (box.height - total) / 2;
      box.height = total + 1;
      mc_figure_shapes_add_text_block (build, MC_ROLE_LABEL, part, &part_style,
                                       &theme->ink, &box, part_h + 1,
                                       mc_figure_shapes_len (build, 4));
      mc_figure_shapes_add_text_block (build, MC_ROLE_LABEL, design, &style,
                                       &theme->muted_ink, &box, 0, 0);
    }
  else
    {
      const char *centre = mc_figure_info_get_string (build->info, "centre", build->language);

      mc_figure_shapes_style (build, &style, theme->body_size, PANGO_WEIGHT_SEMIBOLD);
      style.alignment = PANGO_ALIGN_CENTER;
      mc_figure_shapes_add_text_centered (build, MC_ROLE_LABEL, centre, &style,
                                          &theme->ink, &box);
    }
}

static void
build_perspectives (McFigureBuild *build)
{
  const char *ids[N_SECTORS];
  double widths[N_SECTORS], heights[N_SECTORS];
  double label_size;

  /* At a narrow width the five names keep one size, smaller down to the
   * floor, so that each stays in its sector rather than in the legend. */
  for (guint i = 0; i < N_SECTORS; i++)
    {
      ids[i] = sectors[i].id;
      widths[i] = mc_figure_shapes_len (build, get_label_bands ()[i].width);
      heights[i] = mc_figure_shapes_len (build, LABEL_RESERVE);
    }
  label_size = mc_figure_shapes_label_size_for (build, ids, widths, heights, N_SECTORS,
                                                build->theme->label_size);

  mc_figure_shapes_add_title (build);
  for (guint i = 0; i < N_SECTORS; i++)
    build_sector (build, i, label_size);
  build_hub (build);
}

const McFigureKindClass mc_figure_kind_perspectives = {
  .id = "perspectives",
  .natural_width = 1000,
  .natural_height = 1000,
  .build = build_perspectives,
};
