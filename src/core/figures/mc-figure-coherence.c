/* mc-figure-coherence.c — Samenhang (section 2.8): the four coherence
 * questions
 *
 * A compact CIMO diagram in the middle — four nodes C, I, M, O in their
 * parts' colours, linked as the questions link them (fit: Interventie ↔
 * Context; provoke: Interventie → Mechanismen; reach: Mechanismen →
 * Outcomes; contribute: Outcomes → Context) — and around it, like a
 * pinwheel, four question cards (the regions), each beside the link it asks
 * about and tied to it by a dotted lead.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-figure-kinds-private.h"
#include "mc-figure-shapes.h"
#include "mc-view-options.h"

#define N_CARDS 4
#define N_PARTS 4
#define NODE_R  46.0
#define PAD     26.0

/* Parts at the corners of the diagram, clockwise from the top-left, so the
 * four links run along its four sides. */
static const struct
{
  const char *id;
  double      x;
  double      y;
} parts[N_PARTS] = {
  { "context",      380, 448 },
  { "intervention", 620, 448 },
  { "mechanisms",   620, 628 },
  { "outcomes",     380, 628 },
};

/* The cards (figure units) form a pinwheel around the diagram's square
 * (320, 388, 360 × 300), 16 units apart. In the catalog's order, each with its fallback link (used when
 * the catalog does not name the parts) and the card's rectangle. */
static const struct
{
  const char *id;
  const char *from;
  const char *to;
  McRect      rect;
  guint       shade;
} cards[N_CARDS] = {
  { "fit",        "intervention", "context",    { 16,  MC_FIGURE_TITLE_BAND, 664, 372 - MC_FIGURE_TITLE_BAND }, 0 },
  { "provoke",    "intervention", "mechanisms", { 696, MC_FIGURE_TITLE_BAND, 288, 688 - MC_FIGURE_TITLE_BAND }, 1 },
  { "reach",      "mechanisms",   "outcomes",   { 320, 704, 664, 280 }, 0 },
  { "contribute", "outcomes",     "context",    { 16,  404, 288, 580 }, 1 },
};

static gboolean
find_part (const char *id,
           double     *x,
           double     *y)
{
  for (guint i = 0; i < N_PARTS; i++)
    if (id != NULL && strcmp (parts[i].id, id) == 0)
      {
        *x = parts[i].x;
        *y = parts[i].y;
        return TRUE;
      }
  return FALSE;
}

/* Which parts a card links: the catalog's "<card>_from"/"_to" strings. */
static void
card_link (McFigureBuild *build,
           guint          index,
           const char   **from,
           const char   **to)
{
  g_autofree char *from_key = g_strdup_printf ("%s_from", cards[index].id);
  g_autofree char *to_key = g_strdup_printf ("%s_to", cards[index].id);
  double x, y;

  *from = mc_figure_info_get_string (build->info, from_key, build->language);
  *to = mc_figure_info_get_string (build->info, to_key, build->language);
  if (!find_part (*from, &x, &y) || !find_part (*to, &x, &y))
    {
      *from = cards[index].from;
      *to = cards[index].to;
    }
}

static void
add_node (McFigureBuild *build,
          const char    *part,
          double         fx,
          double         fy,
          double         radius)
{
  const McTheme *theme = build->theme;
  g_autoptr(McPath) disc = mc_path_new ();
  g_autofree char *letter = mc_figure_shapes_dup_cimo_letter (build, part);
  double cx = mc_figure_shapes_x (build, fx), cy = mc_figure_shapes_y (build, fy);
  double r = mc_figure_shapes_len (build, radius);
  McColor fill, stroke;
  McTextStyle style;
  McRect box = { cx - r, cy - r * 0.75, 2 * r, r * 1.5 };

  mc_theme_get_role_fill (theme, part, 2, &fill);
  mc_theme_get_role_stroke (theme, part, &stroke);
  mc_figure_shapes_append_circle (disc, cx, cy, r, FALSE);
  mc_scene_add_path (build->scene, MC_ROLE_DECORATION, disc, &fill, &stroke,
                     mc_figure_shapes_line_width (build), MC_LINE_SOLID);

  mc_figure_shapes_style (build, &style, radius * 0.95, PANGO_WEIGHT_SEMIBOLD);
  /* The letter follows its disc, not the type raised to the floor: at a
   * journal's column the floor would make it too large for the disc and
   * send a lone "C" to the legend. */
  style.size = MAX (build->min_font_size, r * 0.95);
  style.alignment = PANGO_ALIGN_CENTER;
  mc_figure_shapes_add_text_centered (build, MC_ROLE_LABEL, letter, &style,
                                      &theme->ink, &box);
}

static void
build_diagram (McFigureBuild *build)
{
  const McTheme *theme = build->theme;
  const char *centre = mc_figure_info_get_string (build->info, "centre", build->language);
  McTextStyle style;
  McRect box;

  /* Links first, so the nodes cover their ends. */
  for (guint i = 0; i < N_CARDS; i++)
    {
      const char *from, *to;
      double x0 = 0, y0 = 0, x1 = 0, y1 = 0, dx, dy, len, gap = NODE_R + 10;

      card_link (build, i, &from, &to);
      find_part (from, &x0, &y0);
      find_part (to, &x1, &y1);
      dx = x1 - x0;
      dy = y1 - y0;
      len = MAX (1, sqrt (dx * dx + dy * dy));
      mc_figure_shapes_add_arrow (build,
                                  mc_figure_shapes_x (build, x0 + dx / len * gap),
                                  mc_figure_shapes_y (build, y0 + dy / len * gap),
                                  mc_figure_shapes_x (build, x1 - dx / len * gap),
                                  mc_figure_shapes_y (build, y1 - dy / len * gap),
                                  /* Whether the design fits the issue is asked
                                   * both ways; the others run one way. */
                                  strcmp (cards[i].id, "fit") == 0 ? MC_ARROW_BOTH : MC_ARROW_END,
                                  &theme->ink);
    }

  for (guint i = 0; i < N_PARTS; i++)
    add_node (build, parts[i].id, parts[i].x, parts[i].y, NODE_R);

  if (centre != NULL)
    {
      mc_figure_shapes_style (build, &style, theme->small_size, PANGO_WEIGHT_NORMAL);
      style.alignment = PANGO_ALIGN_CENTER;
      style.style = PANGO_STYLE_ITALIC;
      /* Between the discs' centres: the links run along the square's
       * sides, so the word may reach past the discs' inner edges. */
      mc_figure_shapes_rect (build, parts[0].x + NODE_R * 0.4, parts[0].y + NODE_R,
                             parts[1].x - parts[0].x - 0.8 * NODE_R,
                             parts[3].y - parts[0].y - 2 * NODE_R, &box);
      mc_figure_shapes_add_text_centered (build, MC_ROLE_LABEL, centre, &style,
                                          &theme->muted_ink, &box);
    }
}

/* A dotted lead from the middle of the card's link to the nearest point
 * of the card's edge, ending in a small dot. */
static void
add_lead (McFigureBuild *build,
          guint          index)
{
  const char *from, *to;
  const McRect *r = &cards[index].rect;
  g_autoptr(McPath) lead = mc_path_new ();
  g_autoptr(McPath) dot = mc_path_new ();
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0, mx, my, ex, ey, len;

  card_link (build, index, &from, &to);
  find_part (from, &x0, &y0);
  find_part (to, &x1, &y1);
  mx = (x0 + x1) / 2;
  my = (y0 + y1) / 2;
  ex = CLAMP (mx, r->x, r->x + r->width);
  ey = CLAMP (my, r->y, r->y + r->height);
  len = sqrt ((ex - mx) * (ex - mx) + (ey - my) * (ey - my));
  if (len < 12)
    return;

  /* Start just clear of the link's line. */
  mc_path_move_to (lead,
                   mc_figure_shapes_x (build, mx + (ex - mx) / len * 10),
                   mc_figure_shapes_y (build, my + (ey - my) / len * 10));
  mc_path_line_to (lead, mc_figure_shapes_x (build, ex), mc_figure_shapes_y (build, ey));
  mc_scene_add_path (build->scene, MC_ROLE_DECORATION, lead, NULL, &build->theme->muted_ink,
                     mc_figure_shapes_thin_line_width (build), MC_LINE_DOTTED);
  mc_figure_shapes_append_circle (dot, mc_figure_shapes_x (build, ex),
                                  mc_figure_shapes_y (build, ey),
                                  mc_figure_shapes_len (build, 5), FALSE);
  mc_scene_add_path (build->scene, MC_ROLE_DECORATION, dot, &build->theme->muted_ink, NULL,
                     0, MC_LINE_SOLID);
}

static void
build_card (McFigureBuild *build,
            guint          index)
{
  const McTheme *theme = build->theme;
  const char *id = cards[index].id;
  const McRect *r = &cards[index].rect;
  g_autoptr(McPath) shape = mc_path_new ();
  McRect rect, box;
  /* The link as a kicker, the question itself as the card's headline (it
   * is the card, so it shows even when the questions are listed), then
   * the definition; two notes always keep their room. */
  const McShapesRegionText text = {
    .label_size = theme->small_size,
    .label_color = &theme->muted_ink,
    .label_share = 0.2,
    .questions = MC_SHAPES_QUESTIONS_ALWAYS,
    .questions_first = TRUE,
    .questions_size = (theme->label_size + theme->body_size) / 2,
    .questions_weight = PANGO_WEIGHT_SEMIBOLD,
    .questions_color = &theme->ink,
    .questions_share = 0.7,
    .definition_size = theme->small_size,
    .min_notes = 2,
  };

  mc_figure_shapes_rect (build, r->x, r->y, r->width, r->height, &rect);
  mc_figure_shapes_append_rounded_rect (shape, &rect,
                                        mc_figure_shapes_len (build, theme->corner_radius), FALSE);
  mc_figure_shapes_begin_region (build, id, shape, NULL, cards[index].shade, 1.0,
                                 MC_LINE_SOLID);

  mc_figure_shapes_rect (build, r->x + PAD, r->y + PAD * 0.8, r->width - 2 * PAD,
                         r->height - PAD * 1.6, &box);
  mc_figure_shapes_add_region_text (build, id, &text, &box);
  mc_figure_build_set_note_area (build, id, &box);
  mc_figure_build_end_region (build);
}

static void
build_coherence (McFigureBuild *build)
{
  mc_figure_shapes_add_title (build);
  for (guint i = 0; i < N_CARDS; i++)
    build_card (build, i);
  for (guint i = 0; i < N_CARDS; i++)
    add_lead (build, i);
  build_diagram (build);
}

const McFigureKindClass mc_figure_kind_coherence = {
  .id = "coherence",
  .natural_width = 1000,
  .natural_height = 1000,
  .build = build_coherence,
};
