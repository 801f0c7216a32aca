/* mc-figure-doorwerking.c — Figuur 7 / 11: the four processes of
 * doorwerking (Andriessen 2019) and their reach to individu, collectief and
 * maatschappij
 *
 * Both dimensions read as a matrix: one row per process (the regions), and
 * across every row's note canvas the reach widens from individu through
 * collectief to maatschappij, announced by a widening wedge at the top. A
 * note's place along the row says how far its doorwerking reaches.
 */
#include "config.h"

#include <math.h>

#include "mc-figure-kinds-private.h"
#include "mc-figure-shapes.h"
#include "mc-note.h"
#include "mc-view-options.h"

/* Figure units. */
#define AREA_LEFT    16.0
#define AREA_RIGHT   984.0
#define AREA_BOTTOM  984.0
#define HEADER       76.0

typedef struct
{
  const char *id;
  guint       shade;
} Process;

/* Seed order; shades alternate so that neighbouring rows differ clearly. */
static const Process processes[] = {
  { "system",    0 },
  { "person",    2 },
  { "product",   1 },
  { "knowledge", 3 },
};

/* Reach bands, growing wider as the doorwerking spreads (fractions of the
 * note canvas). Their names are catalog strings, not regions; their keys
 * are the notes' reaches (mc_note_reaches), and a note sits in the column
 * of its reach. */
static const struct
{
  const char *key;
  double      share;
} reach[] = {
  { "individual", 0.29 },
  { "collective", 0.33 },
  { "society",    0.38 },
};

typedef struct
{
  McFigureBuild *build;
  double         top;
  double         split;     /* where a row's texts end and its notes begin */
  double         canvas_x0; /* the note canvas of every row */
  double         canvas_x1;
} Frame;

/* Where column index begins on a canvas from x0 to x1 (index 3: its end). */
static double
band_edge (double x0,
           double x1,
           guint  index)
{
  double x = x0;

  for (guint i = 0; i < index && i < G_N_ELEMENTS (reach); i++)
    x += reach[i].share * (x1 - x0);
  return x;
}

static double
reach_edge (const Frame *frame,
            guint        index)
{
  return band_edge (frame->canvas_x0, frame->canvas_x1, index);
}

#define N_REACH G_N_ELEMENTS (reach)

/* The column rules of a canvas from x0 to x1 at the design's shares:
 * edges[0] = x0 … edges[N_REACH] = x1. */
static void
share_edges (double x0,
             double x1,
             double edges[N_REACH + 1])
{
  for (guint i = 0; i <= N_REACH; i++)
    edges[i] = band_edge (x0, x1, i);
}

/* The note area of every reach column of region: the canvas's note area
 * cut at the column rules (edges, scene units), inset from them. */
static void
set_column_areas (McFigureBuild *build,
                  const char    *region_id,
                  const McRect  *area,
                  const double   edges[N_REACH + 1],
                  double         inset)
{
  for (guint i = 0; i < N_REACH; i++)
    {
      g_autofree char *id = mc_figure_reach_area_id (region_id, reach[i].key);
      double a = MAX (edges[i] + inset / 2, area->x);
      double b = MIN (edges[i + 1] - inset / 2, area->x + area->width);
      McRect column = { a, area->y, MAX (b - a, 1), area->height };

      mc_figure_build_set_note_area (build, id, &column);
    }
}

/* The design's note canvas (figure units) for options: the text column
 * grows with what it has to hold (with names only, room for the longest,
 * "Persoonsontwikkeling", at the figure's label size: at 340 it and
 * "Systeemontwikkeling" went to the legend); the canvas keeps room for at
 * least two notes side by side. */
static void
design_canvas (const McViewOptions *options,
               double              *x0,
               double              *x1)
{
  gboolean definitions = options != NULL && options->definitions;
  gboolean questions = options != NULL && options->questions == MC_QUESTIONS_INLINE;

  *x0 = AREA_LEFT + (definitions && questions ? 460 : definitions || questions ? 400 : 380);
  *x1 = AREA_RIGHT - MC_FIGURE_PAD * 0.45;
}

static const char *
reach_at (const McViewOptions *options,
          double               x)
{
  double x0, x1;

  design_canvas (options, &x0, &x1);
  for (guint i = 1; i < G_N_ELEMENTS (reach); i++)
    if (x < band_edge (x0, x1, i))
      return reach[i - 1].key;
  return reach[G_N_ELEMENTS (reach) - 1].key;
}

static double
reach_share (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (reach); i++)
    if (g_strcmp0 (reach[i].key, key) == 0)
      return reach[i].share;
  return 0;
}

/* Text standing on the bottom of box (fitted), so the band names and the
 * heading share one line just above the wedge. */
static void
add_bottom_aligned (McFigureBuild     *build,
                    const char        *text,
                    const McTextStyle *style,
                    const McRect      *box,
                    const McColor     *color)
{
  g_autoptr(PangoLayout) probe = NULL;
  McTextStyle themed = *style;
  McRect placed = *box;
  double height;

  themed.family = build->theme->font_family;
  probe = mc_text_layout_fit (text, &themed, box->width, box->height,
                              mc_figure_build_size (build, 0), NULL);
  mc_text_layout_get_size (probe, NULL, &height);
  height = MIN (height, box->height);
  placed.y += box->height - height;
  placed.height = height + 0.5;
  mc_figure_build_add_text (build, MC_ROLE_LABEL, text, style, &placed, color);
}

/* The wedge under the band names: three segments of one triangle that
 * thickens toward maatschappij. */
static void
add_reach_header (const Frame *frame)
{
  McFigureBuild *build = frame->build;
  const McTheme *theme = build->theme;
  McColor stroke;
  McTextStyle style = { NULL, 0, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL,
                        PANGO_ALIGN_CENTER, 0 };
  const double base = frame->top + HEADER - 14;
  const double thin = 5, thick = 22, gap = 6;
  const char *heading;

  mc_theme_get_role_stroke (theme, "outcomes", &stroke);
  style.size = mc_figure_build_size (build, theme->body_size);

  for (guint i = 0; i < G_N_ELEMENTS (reach); i++)
    {
      g_autoptr(McPath) wedge = mc_path_new ();
      double a = reach_edge (frame, i) + (i > 0 ? gap / 2 : 0);
      double b = reach_edge (frame, i + 1) - (i + 1 < G_N_ELEMENTS (reach) ? gap / 2 : 0);
      double span = frame->canvas_x1 - frame->canvas_x0;
      double ha = thin + (thick - thin) * (a - frame->canvas_x0) / span;
      double hb = thin + (thick - thin) * (b - frame->canvas_x0) / span;
      const char *name = mc_figure_info_get_string (build->info, reach[i].key,
                                                    build->language);
      McRect box;

      mc_path_move_to (wedge, mc_figure_shapes_x (build, a), mc_figure_shapes_y (build, base));
      mc_path_line_to (wedge, mc_figure_shapes_x (build, b), mc_figure_shapes_y (build, base));
      mc_path_line_to (wedge, mc_figure_shapes_x (build, b), mc_figure_shapes_y (build, base - hb));
      mc_path_line_to (wedge, mc_figure_shapes_x (build, a), mc_figure_shapes_y (build, base - ha));
      mc_path_close (wedge);
      mc_scene_add_path (build->scene, MC_ROLE_DECORATION, wedge, &stroke, NULL, 0,
                         MC_LINE_SOLID);

      if (name == NULL)
        continue;
      mc_figure_shapes_rect (build, a, frame->top, b - a, base - thick - 8 - frame->top, &box);
      add_bottom_aligned (build, name, &style, &box, &theme->ink);
    }

  /* Over the text column, on the names' line: what the scale measures. */
  heading = mc_figure_info_get_string (build->info, "centre", build->language);
  if (heading != NULL)
    {
      McRect box;

      style.alignment = PANGO_ALIGN_LEFT;
      style.weight = PANGO_WEIGHT_NORMAL;
      mc_figure_shapes_rect (build, AREA_LEFT + MC_FIGURE_PAD * 0.8, frame->top,
                             frame->split - AREA_LEFT - 1.5 * MC_FIGURE_PAD,
                             base - thick - 8 - frame->top, &box);
      add_bottom_aligned (build, heading, &style, &box, &theme->muted_ink);
    }
}

static void
add_process (const Frame   *frame,
             const Process *process,
             double         y0,
             double         y1)
{
  McFigureBuild *build = frame->build;
  const McTheme *theme = build->theme;
  g_autoptr(McPath) path = mc_path_new ();
  g_autoptr(McPath) canvas = mc_path_new ();
  McColor stroke, wash, rule;
  McRect rect, box, area;
  const double pad = MC_FIGURE_PAD;
  double inset = pad * 0.45;
  /* The texts have a column of their own; the notes sit beside them. */
  const McShapesRegionText text = { 0, };

  mc_figure_shapes_rect (build, AREA_LEFT, y0, AREA_RIGHT - AREA_LEFT, y1 - y0, &rect);
  mc_path_rounded_rectangle (path, &rect, theme->corner_radius * build->unit);
  mc_figure_shapes_begin_region (build, process->id, path, NULL, process->shade, 1.0,
                                 MC_LINE_SOLID);
  mc_figure_build_get_region_colors (build, process->id, process->shade, NULL, &stroke, NULL);

  /* The note canvas: a lighter wash of paper over the tint, divided into
   * the reach bands by dashed rules. */
  wash = theme->paper;
  wash.alpha = 0.55;
  mc_figure_shapes_rect (build, frame->canvas_x0, y0 + inset,
                          frame->canvas_x1 - frame->canvas_x0, y1 - y0 - 2 * inset, &area);
  mc_path_rounded_rectangle (canvas, &area, theme->corner_radius * 0.6 * build->unit);
  mc_scene_add_path (build->scene, MC_ROLE_DECORATION, canvas, &wash, NULL, 0, MC_LINE_SOLID);

  rule = stroke;
  rule.alpha = 0.6;
  for (guint i = 1; i < G_N_ELEMENTS (reach); i++)
    {
      g_autoptr(McPath) line = mc_path_new ();
      double x = mc_figure_shapes_x (build, reach_edge (frame, i));

      mc_path_move_to (line, x, area.y + inset * build->unit * 0.5);
      mc_path_line_to (line, x, area.y + area.height - inset * build->unit * 0.5);
      mc_scene_add_path (build->scene, MC_ROLE_DECORATION, line, NULL, &rule,
                         mc_figure_shapes_thin_line_width (build), MC_LINE_DASHED);
    }

  mc_figure_shapes_rect (build, AREA_LEFT + pad * 0.8, y0 + pad * 0.6,
                          frame->split - AREA_LEFT - pad * 1.2, y1 - y0 - pad * 1.2, &box);
  mc_figure_shapes_add_region_text (build, process->id, &text, &box);

  /* Notes sit in the column of their reach. */
  mc_figure_shapes_rect (build, frame->canvas_x0 + inset, y0 + inset * 2,
                          frame->canvas_x1 - frame->canvas_x0 - 2 * inset,
                          y1 - y0 - inset * 4, &area);
  mc_figure_build_set_note_area (build, process->id, &area);
  {
    double edges[N_REACH + 1];

    share_edges (mc_figure_shapes_x (build, frame->canvas_x0),
                 mc_figure_shapes_x (build, frame->canvas_x1), edges);
    set_column_areas (build, process->id, &area, edges, 2 * inset * build->unit);
  }

  mc_figure_build_end_region (build);
}

/* Layout for the frame ---------------------------------------------------- */

/* Narrower than this many small-text sizes, each process's texts stand
 * above its note canvas instead of in a column beside it. */
#define NARROW_EMS   44.0
/* The text column's share of the width when beside the canvas. */
#define COLUMN_SHARE 0.36

/* The band names over the canvas and the wedge under them; returns the y
 * below the wedge. */
/* The width a column's notes take between its rules: its note area's
 * width plus the insets at the canvas's edges and at the rules. */
static double
column_insets (guint  index,
               double inset)
{
  return (index == 0 || index + 1 == N_REACH ? 1.5 : 1.0) * inset;
}

/* The column rules of the canvas x0…x1 in a layout for the frame: the
 * design's shares, widened where a column's notes need more (a long word
 * at the floor) at the cost of the columns with room to spare. */
static void
frame_edges (McFigureBuild *build,
             double         x0,
             double         x1,
             double         inset,
             double         edges[N_REACH + 1])
{
  double width[N_REACH], least[N_REACH];
  double deficit = 0, slack = 0;

  for (guint i = 0; i < N_REACH; i++)
    {
      width[i] = reach[i].share * (x1 - x0);
      least[i] = 0;
      for (guint p = 0; build->options->notes && p < G_N_ELEMENTS (processes); p++)
        {
          g_autofree char *id = mc_figure_reach_area_id (processes[p].id, reach[i].key);
          double need = mc_figure_build_notes_min_width (build, id);

          if (need > 0)
            least[i] = MAX (least[i], need + column_insets (i, inset));
        }
      if (least[i] > width[i])
        deficit += least[i] - width[i];
      else
        slack += width[i] - least[i];
    }
  for (guint i = 0; i < N_REACH && deficit > 0; i++)
    {
      if (least[i] >= width[i])
        width[i] = least[i];
      else
        width[i] -= (width[i] - least[i]) * MIN (1.0, deficit / slack);
    }

  edges[0] = x0;
  for (guint i = 0; i < N_REACH; i++)
    edges[i + 1] = edges[i] + width[i];
}

static double
add_frame_reach_header (McFigureBuild *build,
                        const double   edges[N_REACH + 1],
                        double         y,
                        double         spacing)
{
  double x0 = edges[0], x1 = edges[N_REACH];
  const McTheme *theme = build->theme;
  double small = mc_figure_build_size (build, theme->small_size);
  double thin = ceil (small * 0.25), thick = ceil (small * 1.1), gap = small * 0.5;
  double names_h = 0, base;
  McColor stroke;

  mc_theme_get_role_stroke (theme, "outcomes", &stroke);
  for (guint i = 0; i < G_N_ELEMENTS (reach); i++)
    {
      const char *name = mc_figure_info_get_string (build->info, reach[i].key, build->language);

      names_h = MAX (names_h, mc_figure_shapes_text_height (build, name, theme->small_size,
                                                            PANGO_WEIGHT_SEMIBOLD,
                                                            edges[i + 1] - edges[i] - gap));
    }
  base = y + names_h + spacing + thick;

  for (guint i = 0; i < G_N_ELEMENTS (reach); i++)
    {
      g_autoptr(McPath) wedge = mc_path_new ();
      double span = x1 - x0;
      double a = edges[i] + (i > 0 ? gap / 2 : 0);
      double b = edges[i + 1] - (i + 1 < N_REACH ? gap / 2 : 0);
      double ha, hb, name_y = y;
      const char *name = mc_figure_info_get_string (build->info, reach[i].key, build->language);
      McTextStyle style;
      McRect box;

      ha = thin + (thick - thin) * (a - x0) / span;
      hb = thin + (thick - thin) * (b - x0) / span;
      mc_path_move_to (wedge, a, base);
      mc_path_line_to (wedge, b, base);
      mc_path_line_to (wedge, b, base - hb);
      mc_path_line_to (wedge, a, base - ha);
      mc_path_close (wedge);
      mc_scene_add_path (build->scene, MC_ROLE_DECORATION, wedge, &stroke, NULL, 0, MC_LINE_SOLID);

      if (name == NULL)
        continue;
      mc_figure_shapes_style (build, &style, theme->small_size, PANGO_WEIGHT_SEMIBOLD);
      style.alignment = PANGO_ALIGN_CENTER;
      box = (McRect) { a, name_y, b - a,
                       mc_figure_shapes_text_height (build, name, theme->small_size,
                                                     PANGO_WEIGHT_SEMIBOLD, b - a) };
      box.y += names_h - box.height;
      mc_figure_build_add_text (build, MC_ROLE_LABEL, name, &style, &box, &theme->ink);
    }
  return base;
}

/* The widest process name on one line, in board units. */
static double
widest_label (McFigureBuild *build)
{
  double widest = 0;
  McTextStyle style;

  mc_figure_shapes_style (build, &style, build->theme->label_size, PANGO_WEIGHT_SEMIBOLD);
  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    {
      const McRegionInfo *region = mc_figure_build_get_region (build, processes[i].id);
      g_autoptr(PangoLayout) layout = NULL;
      double w;

      if (region == NULL)
        continue;
      layout = mc_text_layout_new (mc_region_info_get_label (region, build->language), &style, -1);
      mc_text_layout_get_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

static void
build_doorwerking_for_frame (McFigureBuild *build)
{
  const McTheme *theme = build->theme;
  const McViewOptions *options = build->options;
  double half_line = mc_figure_shapes_line_width (build) / 2;
  double x = build->frame.x + half_line;
  double width = build->frame.width - 2 * half_line;
  double small = mc_figure_build_size (build, theme->small_size);
  double pad = ceil (small * 0.8), spacing = ceil (small * 0.4), gap = ceil (small * 0.7);
  double inset = ceil (small * 0.4);
  /* The column beside the canvas is at least as wide as the longest
   * process name, which does not break inside its word. */
  double column = MAX (width * COLUMN_SHARE, widest_label (build) + 2 * pad + 1);
  gboolean narrow = width < NARROW_EMS * small || column > width / 2;
  double text_w = narrow ? width - 2 * pad : column - 2 * pad;
  double canvas_x0 = narrow ? x + pad : x + column;
  double canvas_x1 = x + width - pad;
  const char *heading = mc_figure_info_get_string (build->info, "centre", build->language);
  double y = build->frame.y + half_line;
  double edges[N_REACH + 1];

  /* The title, unless a caption carries it. */
  if (!options->caption)
    mc_figure_shapes_place_text (build, MC_ROLE_LABEL,
                                 mc_figure_info_get_title (build->info, build->language),
                                 theme->label_size, PANGO_WEIGHT_SEMIBOLD, &theme->ink,
                                 x, &y, width, spacing * 1.5);

  /* What the scale measures: on its own line when narrow, else over the
   * text column on the names' line. */
  if (narrow)
    mc_figure_shapes_place_text (build, MC_ROLE_LABEL, heading, theme->small_size,
                                 PANGO_WEIGHT_NORMAL, &theme->muted_ink, x + pad, &y,
                                 text_w, spacing);
  else
    {
      double heading_y = y;

      mc_figure_shapes_place_text (build, MC_ROLE_LABEL, heading, theme->small_size,
                                   PANGO_WEIGHT_NORMAL, &theme->muted_ink, x + pad, &heading_y,
                                   text_w, 0);
    }
  frame_edges (build, canvas_x0, canvas_x1, inset, edges);
  y = add_frame_reach_header (build, edges, y, spacing) + gap;

  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    {
      const char *id = processes[i].id;
      const McRegionInfo *region = mc_figure_build_get_region (build, id);
      const char *label = region != NULL ? mc_region_info_get_label (region, build->language) : id;
      const char *definition = region != NULL && options->definitions
                               ? mc_region_info_get_definition (region, build->language) : NULL;
      g_autofree char *questions = region != NULL && options->questions == MC_QUESTIONS_INLINE
                                   ? mc_figure_shapes_join_questions (mc_region_info_get_questions (region, build->language))
                                   : NULL;
      g_autoptr(McPath) path = mc_path_new ();
      g_autoptr(McPath) canvas = mc_path_new ();
      double canvas_w = canvas_x1 - canvas_x0;
      double text_h, notes_h, canvas_h, row_h, ty;
      McColor stroke, wash, rule, ink;
      McRect rect, area;

      text_h = mc_figure_shapes_text_height (build, label, theme->label_size, PANGO_WEIGHT_SEMIBOLD, text_w);
      if (definition != NULL)
        text_h += spacing + mc_figure_shapes_text_height (build, definition, theme->small_size,
                                                          PANGO_WEIGHT_NORMAL, text_w);
      if (questions != NULL)
        text_h += spacing + mc_figure_shapes_text_height (build, questions, theme->small_size,
                                                          PANGO_WEIGHT_NORMAL, text_w);
      /* As tall as the fullest reach column. */
      notes_h = 0;
      for (guint b = 0; options->notes && b < G_N_ELEMENTS (reach); b++)
        {
          g_autofree char *column_id = mc_figure_reach_area_id (id, reach[b].key);
          double column_w = edges[b + 1] - edges[b] - column_insets (b, inset);

          notes_h = MAX (notes_h, mc_figure_build_notes_height (build, column_id, column_w));
        }
      canvas_h = MAX (notes_h + 2 * inset, small * 3);
      row_h = narrow ? pad + text_h + spacing + canvas_h + pad : pad + MAX (text_h, canvas_h) + pad;

      rect = (McRect) { x, y, width, row_h };
      mc_path_rounded_rectangle (path, &rect, MIN (pad * 0.8, theme->corner_radius * build->font_scale));
      mc_figure_shapes_begin_region (build, id, path, NULL, processes[i].shade, 1.0, MC_LINE_SOLID);
      mc_figure_build_get_region_colors (build, id, processes[i].shade, NULL, &stroke, NULL);
      mc_figure_build_get_region_colors (build, id, 0, NULL, NULL, &ink);

      ty = y + pad;
      mc_figure_shapes_place_text (build, MC_ROLE_LABEL, label, theme->label_size,
                                   PANGO_WEIGHT_SEMIBOLD, &theme->ink, x + pad, &ty, text_w, spacing);
      mc_figure_shapes_place_text (build, MC_ROLE_DEFINITION, definition, theme->small_size,
                                   PANGO_WEIGHT_NORMAL, &theme->muted_ink, x + pad, &ty, text_w, spacing);
      mc_figure_shapes_place_text (build, MC_ROLE_QUESTION, questions, theme->small_size,
                                   PANGO_WEIGHT_NORMAL, &theme->muted_ink, x + pad, &ty, text_w, spacing);

      /* The note canvas, divided into the reach bands by dashed rules. */
      area = (McRect) { canvas_x0, narrow ? y + pad + text_h + spacing : y + pad, canvas_w, 0 };
      area.height = y + row_h - pad - area.y;
      wash = theme->paper;
      wash.alpha = 0.55;
      mc_path_rounded_rectangle (canvas, &area, inset);
      mc_scene_add_path (build->scene, MC_ROLE_DECORATION, canvas, &wash, NULL, 0, MC_LINE_SOLID);
      rule = stroke;
      rule.alpha = 0.6;
      for (guint b = 1; b < G_N_ELEMENTS (reach); b++)
        {
          g_autoptr(McPath) line = mc_path_new ();
          double bx = edges[b];

          mc_path_move_to (line, bx, area.y + inset * 0.5);
          mc_path_line_to (line, bx, area.y + area.height - inset * 0.5);
          mc_scene_add_path (build->scene, MC_ROLE_DECORATION, line, NULL, &rule,
                             mc_figure_shapes_thin_line_width (build), MC_LINE_DASHED);
        }
      area.x += inset;
      area.y += inset;
      area.width -= 2 * inset;
      area.height -= 2 * inset;
      mc_figure_build_set_note_area (build, id, &area);
      set_column_areas (build, id, &area, edges, inset);
      mc_figure_build_end_region (build);
      y += row_h + gap;
    }

  build->height_used = y - gap + half_line - build->frame.y;
}

static void
build_doorwerking (McFigureBuild *build)
{
  Frame frame = { build, 0, 0, 0, 0 };
  double rows_top, row_height;
  guint n = G_N_ELEMENTS (processes);

  if (build->for_frame)
    {
      build_doorwerking_for_frame (build);
      return;
    }

  frame.top = MC_FIGURE_TITLE_BAND;
  mc_figure_shapes_add_title (build);
  design_canvas (build->options, &frame.canvas_x0, &frame.canvas_x1);
  frame.split = frame.canvas_x0;

  add_reach_header (&frame);

  rows_top = frame.top + HEADER;
  row_height = (AREA_BOTTOM - rows_top - (n - 1) * MC_FIGURE_GAP) / n;
  for (guint i = 0; i < n; i++)
    {
      double y0 = rows_top + i * (row_height + MC_FIGURE_GAP);

      add_process (&frame, &processes[i], y0, y0 + row_height);
    }
}

const McFigureKindClass mc_figure_kind_doorwerking = {
  .id = "doorwerking",
  .natural_width = 1000,
  .natural_height = 1000,
  .build = build_doorwerking,
  .lays_out_for_frame = TRUE,
  .reach_at = reach_at,
  .reach_share = reach_share,
};
