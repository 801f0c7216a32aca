/* mc-figure-potential-value.c — Figuur 1: the target of the Mural session,
 * where the potential added value was placed "bij de kern of meer op
 * afstand" (near the core or further away)
 *
 * Half a target rises from the middle of the bottom edge: the core, the
 * near ring around it and everything further away. Emphasis fades outward
 * (darker fill, heavier outline and bolder label at the core), so a note's
 * distance from the core reads as its weight. Every zone's hit path has the
 * inner zones cut out, so the innermost zone wins wherever one points, and
 * every zone keeps a band of its own for notes above the inner zones.
 */
#include "config.h"

#include <math.h>

#include "mc-figure-kinds-private.h"
#include "mc-figure-shapes.h"

/* Figure units. */
#define AREA_LEFT    16.0
#define AREA_RIGHT   984.0
#define AREA_BOTTOM  984.0
#define CENTRE_X     500.0
#define CORE_RADIUS  232.0
#define NEAR_RADIUS  436.0
/* The near ring's flank beside the core, where its name stands. */
#define NEAR_FLANK   (NEAR_RADIUS - CORE_RADIUS - 2 * 14)

typedef struct
{
  McFigureBuild *build;
  double         top;
  double         label_scale; /* on every zone's label size: below 1 when narrow */
} Frame;

/* The upper half of a disc standing on the bottom edge, clockwise; with
 * reverse, counter-clockwise so that it cuts a hole. */
static void
append_half_disc (McFigureBuild *build,
                  McPath        *path,
                  double         r,
                  gboolean       reverse)
{
  double cx = mc_figure_shapes_x (build, CENTRE_X);
  double cy = mc_figure_shapes_y (build, AREA_BOTTOM);
  double br = mc_figure_shapes_len (build, r);

  if (!reverse)
    {
      mc_path_move_to (path, cx - br, cy);
      mc_path_arc (path, cx, cy, br, G_PI, 2 * G_PI);
    }
  else
    {
      mc_path_move_to (path, cx + br, cy);
      mc_path_arc_negative (path, cx, cy, br, 0, -G_PI);
    }
  mc_path_close (path);
}

/* The half-width of the zone's circle at height h above the centre. */
static double
chord (double r,
       double h)
{
  return h < r ? sqrt (r * r - h * h) : 0;
}

typedef struct
{
  const char *id;
  guint       shade;
  double      line_factor;
  PangoWeight weight;
  double      label_factor;
} Zone;

static const Zone zones[] = {
  { "far",  0, 0.8, PANGO_WEIGHT_MEDIUM,   1.0 },
  { "near", 1, 1.0, PANGO_WEIGHT_SEMIBOLD, 1.05 },
  { "core", 2, 1.6, PANGO_WEIGHT_BOLD,     1.2 },
};

static double
add_label (const Frame   *frame,
           const Zone    *zone,
           const McRect  *box,
           PangoAlignment alignment)
{
  McFigureBuild *build = frame->build;
  const McRegionInfo *region = mc_figure_build_get_region (build, zone->id);
  const char *label = region != NULL ? mc_region_info_get_label (region, build->language) : NULL;
  McTextStyle style;
  McColor ink;

  if (label == NULL)
    return 0;
  mc_figure_build_get_region_colors (build, zone->id, zone->shade, NULL, NULL, &ink);
  mc_figure_shapes_style (build, &style,
                          build->theme->label_size * zone->label_factor * frame->label_scale,
                          zone->weight);
  style.alignment = alignment;
  return mc_figure_build_add_text (build, MC_ROLE_LABEL, label, &style, box,
                                   zone == &zones[0] ? &build->theme->muted_ink : &ink);
}

static void
add_far (const Frame *frame)
{
  McFigureBuild *build = frame->build;
  const Zone *zone = &zones[0];
  const double pad = MC_FIGURE_PAD;
  g_autoptr(McPath) path = mc_path_new ();
  McRect rect, box, area;
  const char *heading, *placement;
  double used, ty, bottom;

  mc_figure_shapes_rect (build, AREA_LEFT, frame->top, AREA_RIGHT - AREA_LEFT,
                         AREA_BOTTOM - frame->top, &rect);
  /* Square bottom corners: the target stands on that edge. */
  mc_figure_shapes_append_rounded_rect (path, &rect,
                                        mc_figure_shapes_len (build, build->theme->corner_radius),
                                        FALSE);
  append_half_disc (build, path, NEAR_RADIUS, TRUE);
  mc_figure_shapes_begin_region (build, zone->id, path, NULL, zone->shade, zone->line_factor,
                                 MC_LINE_SOLID);

  ty = frame->top + pad * 0.75;
  mc_figure_shapes_rect (build, AREA_LEFT + pad, ty, 380, 90, &box);
  used = add_label (frame, zone, &box, PANGO_ALIGN_LEFT);

  /* The session's question opposite the label, and how the answers were
   * placed under it. */
  heading = mc_figure_info_get_string (build->info, "heading", build->language);
  placement = mc_figure_info_get_string (build->info, "placement", build->language);
  if (heading != NULL || placement != NULL)
    {
      McTextStyle style;
      McRect hbox;
      double start;

      mc_figure_shapes_rect (build, AREA_RIGHT - pad - 480, ty + 4, 480, 110, &hbox);
      mc_figure_shapes_style (build, &style, build->theme->body_size, PANGO_WEIGHT_NORMAL);
      style.alignment = PANGO_ALIGN_RIGHT;
      style.style = PANGO_STYLE_ITALIC;
      start = hbox.y;
      mc_figure_shapes_add_text_block (build, MC_ROLE_LABEL, heading, &style,
                                                &build->theme->ink, &hbox, hbox.height,
                                                mc_figure_shapes_len (build, 4));
      mc_figure_shapes_style (build, &style, build->theme->small_size, PANGO_WEIGHT_NORMAL);
      style.alignment = PANGO_ALIGN_RIGHT;
      mc_figure_shapes_add_text_block (build, MC_ROLE_LABEL, placement, &style,
                                       &build->theme->muted_ink, &hbox, hbox.height, 0);
      used = MAX (used, hbox.y - start);
    }

  ty += used / build->unit + pad * 0.5;
  bottom = AREA_BOTTOM - NEAR_RADIUS - MC_FIGURE_GAP;
  mc_figure_shapes_rect (build, AREA_LEFT + pad * 0.75, ty,
                         AREA_RIGHT - AREA_LEFT - 1.5 * pad, bottom - ty, &area);
  mc_figure_build_set_note_area (build, zone->id, &area);
  mc_figure_build_end_region (build);
}

/* The note rectangle of a zone: standing on h_bottom (height above the
 * centre), its top corners on the arc of r_outer less a margin, no higher
 * than h_max. Picks the top that gives the most room while two notes still
 * fit side by side. Figure units; FALSE if no such rectangle exists. */
static gboolean
zone_note_rect (double  r_outer,
                double  h_bottom,
                double  h_max,
                McRect *out)
{
  const double margin = 16;
  const double min_width = 2 * 160 + 16;
  const double min_height = 118;
  double best = -1;

  for (double h = h_bottom + min_height; h <= h_max; h += 2)
    {
      double width = 2 * (chord (r_outer, h) - margin);
      double area = width * (h - h_bottom);

      if (width >= min_width && area > best)
        {
          best = area;
          *out = (McRect) { CENTRE_X - width / 2, AREA_BOTTOM - h, width, h - h_bottom };
        }
    }

  return best > 0;
}

static double
label_height (const Frame *frame,
              const Zone  *zone)
{
  McFigureBuild *build = frame->build;

  /* One line of label, in figure units, with some air. */
  return mc_figure_build_size (build, build->theme->label_size * zone->label_factor *
                                      frame->label_scale) * 1.35 / build->unit;
}

/* The core: a half disc with its label in the cap and notes below it. */
static void
add_core (const Frame *frame)
{
  McFigureBuild *build = frame->build;
  const Zone *zone = &zones[2];
  g_autoptr(McPath) path = mc_path_new ();
  double label_top = AREA_BOTTOM - CORE_RADIUS + 22;
  double half = chord (CORE_RADIUS, AREA_BOTTOM - label_top - label_height (frame, zone)) - 12;
  double used;
  McRect box, area;

  append_half_disc (build, path, CORE_RADIUS, FALSE);
  mc_figure_shapes_begin_region (build, zone->id, path, NULL, zone->shade, zone->line_factor,
                                 MC_LINE_SOLID);

  mc_figure_shapes_rect (build, CENTRE_X - half, label_top, 2 * half,
                         label_height (frame, zone), &box);
  used = add_label (frame, zone, &box, PANGO_ALIGN_CENTER) / build->unit;

  if (!zone_note_rect (CORE_RADIUS, 14, AREA_BOTTOM - label_top - used - 8, &area))
    area = (McRect) { CENTRE_X - half, label_top + used + 8, 2 * half,
                      AREA_BOTTOM - 14 - label_top - used - 8 };
  mc_figure_shapes_set_note_area (build, zone->id, &area);

  mc_figure_build_end_region (build);
}

/* The near ring: its label stands on the baseline in the left flank, like
 * a mark on a ruler, so the band above the core stays free for notes. */
static void
add_near (const Frame *frame)
{
  McFigureBuild *build = frame->build;
  const Zone *zone = &zones[1];
  g_autoptr(McPath) path = mc_path_new ();
  double lh = label_height (frame, zone);
  double flank = NEAR_FLANK;
  McRect box, area;

  append_half_disc (build, path, NEAR_RADIUS, FALSE);
  append_half_disc (build, path, CORE_RADIUS, TRUE);
  mc_figure_shapes_begin_region (build, zone->id, path, NULL, zone->shade, zone->line_factor,
                                 MC_LINE_SOLID);

  mc_figure_shapes_rect (build, CENTRE_X - NEAR_RADIUS + 14, AREA_BOTTOM - 12 - lh,
                         flank, lh, &box);
  add_label (frame, zone, &box, PANGO_ALIGN_CENTER);

  if (!zone_note_rect (NEAR_RADIUS, CORE_RADIUS + 14, NEAR_RADIUS - 14, &area))
    area = (McRect) { CENTRE_X - NEAR_RADIUS / 2, AREA_BOTTOM - NEAR_RADIUS + 20,
                      NEAR_RADIUS, NEAR_RADIUS - CORE_RADIUS - 40 };
  mc_figure_shapes_set_note_area (build, zone->id, &area);

  mc_figure_build_end_region (build);
}

static void
build_potential_value (McFigureBuild *build)
{
  Frame frame = { build, MC_FIGURE_TITLE_BAND, 1.0 };
  const char *near_id = zones[1].id;
  double near_size = build->theme->label_size * zones[1].label_factor;
  double flank = mc_figure_shapes_len (build, NEAR_FLANK);

  /* The near ring's name has the least room, in its flank: at a narrow
   * width every name gets smaller by the same factor (the core stays the
   * boldest and largest) so that it stays on the figure. */
  frame.label_scale = mc_figure_shapes_label_size_for (build, &near_id, &flank, NULL, 1,
                                                       near_size) / near_size;

  mc_figure_shapes_add_title (build);
  add_far (&frame);
  add_near (&frame);
  add_core (&frame);
}

const McFigureKindClass mc_figure_kind_potential_value = {
  .id = "potential-value",
  .natural_width = 1000,
  .natural_height = 1000,
  .build = build_potential_value,
};
