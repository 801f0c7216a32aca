/* mc-theme.c — colours, type and strokes for the three themes
 *
 * Region colours are computed in CIE L*C*h from one hue per CIMO part taken
 * from Wong's colour-blind-safe set (Nature Methods 8, 2011): fills keep the
 * hue but get a fixed lightness per shade and a soft chroma, outlines are a
 * deep shade of the same hue. The print theme keeps almost no chroma and
 * steps the lightness by 13 L* between levels, so it reads in grayscale.
 * The high-contrast variants keep the fills pale (black text at ≥ 15:1),
 * draw outlines in a deep shade (L* 30) and make every line a full one.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-theme.h"

typedef struct
{
  const char *role;
  const char *hue;        /* Wong colour the role is drawn from */
  guint       print_level; /* first print gray level, so parts differ */
} RoleInfo;

#define PROJECTOR_TYPE_SCALE 1.35
#define HIGH_CONTRAST_EDGE_SHADE 0.5

static const RoleInfo roles[] = {
  { "context",      "#d55e00", 0 }, /* vermillion */
  { "intervention", "#0072b2", 1 }, /* blue (sky blue when light) */
  { "mechanisms",   "#009e73", 2 }, /* bluish green */
  { "outcomes",     "#cc79a7", 3 }, /* reddish purple */
  { "value",        "#e69f00", 0 }, /* orange, warm */
  { "coherence",    "#8f7f6c", 1 }, /* warm gray */
  { "scale",        "#857a6e", 0 }, /* warm gray, a touch cooler */
  { "neutral",      "#808080", 0 },
};

/* Print grays, L*: every pair differs by 13, the darkest still carries the
 * print ink at more than 4.5:1. */
static const double print_levels[] = { 98, 85, 72, 59 };

static const struct
{
  const char *name;
  const char *color;     /* screen */
  const char *projector; /* stronger */
  double      print_lightness;
} note_colors[] = {
  { "yellow", "#fff1a6", "#ffe970", 96 },
  { "orange", "#ffd9ad", "#ffc680", 90 },
  { "pink",   "#f8cfe0", "#f5b3cf", 93 },
  { "purple", "#ddd3f3", "#c9b9ee", 87 },
  { "blue",   "#cde5f7", "#aed5f3", 94 },
  { "green",  "#cdebd8", "#a9dfbd", 89 },
};

static McTheme themes[MC_N_THEMES];

static void
set_hex (McColor    *color,
         const char *spec)
{
  if (!mc_color_parse (color, spec))
    g_assert_not_reached ();
}

/* The desktop's high-contrast style over base: black text, dark rules and
 * selection, and no thin lines. Type sizes stay, so the layout does. */
static void
make_high_contrast (const McTheme *base,
                    McTheme       *theme)
{
  *theme = *base;
  theme->high_contrast = TRUE;
  theme->thin_line_width = base->line_width;
  theme->note_edge_shade = HIGH_CONTRAST_EDGE_SHADE;
  set_hex (&theme->paper, "#ffffff");
  set_hex (&theme->ink, "#000000");
  set_hex (&theme->muted_ink, "#1c1c1c");
  set_hex (&theme->rule, "#3d3d3d");
  set_hex (&theme->selection, "#004a7f");
}

static void
init_themes (void)
{
  McTheme *color = &themes[MC_THEME_COLOR];
  McTheme *print = &themes[MC_THEME_PRINT];
  McTheme *projector = &themes[MC_THEME_PROJECTOR];

  *color = (McTheme) {
    .kind = MC_THEME_COLOR,
    .font_family = "Inter, Cantarell, sans-serif",
    .title_size = 34,
    .label_size = 29,
    .body_size = 19,
    .small_size = 16,
    .note_size = 17,
    .min_font_size = 7,
    .line_width = 2.5,
    .thin_line_width = 1.5,
    .corner_radius = 22,
  };
  set_hex (&color->paper, "#ffffff");
  set_hex (&color->ink, "#1f2328");
  set_hex (&color->muted_ink, "#454d56");
  set_hex (&color->rule, "#cfd5db");
  set_hex (&color->selection, "#0072b2");
  color->note_edge_shade = 0.82;

  *print = (McTheme) {
    .kind = MC_THEME_PRINT,
    .font_family = "Liberation Sans, Arial, Helvetica, sans-serif",
    .title_size = 32,
    .label_size = 27,
    .body_size = 18,
    .small_size = 15,
    .note_size = 16,
    .min_font_size = 7,
    .line_width = 1.6,
    .thin_line_width = 0.9,
    .corner_radius = 12,
  };
  set_hex (&print->paper, "#ffffff");
  set_hex (&print->ink, "#111111");
  set_hex (&print->muted_ink, "#262626");
  set_hex (&print->rule, "#9e9e9e");
  set_hex (&print->selection, "#000000");
  print->note_edge_shade = 0.55;

  /* The projector theme is the screen theme with larger type (1.35×),
   * a higher floor and heavier lines. */
  *projector = *color;
  projector->kind = MC_THEME_PROJECTOR;
  projector->title_size *= PROJECTOR_TYPE_SCALE;
  projector->label_size *= PROJECTOR_TYPE_SCALE;
  projector->body_size *= PROJECTOR_TYPE_SCALE;
  projector->small_size *= PROJECTOR_TYPE_SCALE;
  projector->note_size *= PROJECTOR_TYPE_SCALE;
  projector->min_font_size = 9;
  projector->line_width = 4.5;
  projector->thin_line_width = 2.5;
  set_hex (&projector->paper, "#ffffff");
  set_hex (&projector->ink, "#000000");
  set_hex (&projector->muted_ink, "#262a2f");
  set_hex (&projector->rule, "#8a9199");
  set_hex (&projector->selection, "#0072b2");

  make_high_contrast (color, &themes[MC_THEME_HIGH_CONTRAST]);
  make_high_contrast (projector, &themes[MC_THEME_PROJECTOR_HIGH_CONTRAST]);
}

const McTheme *
mc_theme_get (McThemeKind kind)
{
  static gsize initialized = 0;

  g_return_val_if_fail (kind < MC_N_THEMES, NULL);

  if (g_once_init_enter (&initialized))
    {
      init_themes ();
      g_once_init_leave (&initialized, 1);
    }

  return &themes[kind];
}

McThemeKind
mc_theme_kind_for_contrast (McThemeKind kind,
                            gboolean    high_contrast)
{
  switch (kind)
    {
    case MC_THEME_COLOR:
    case MC_THEME_HIGH_CONTRAST:
      return high_contrast ? MC_THEME_HIGH_CONTRAST : MC_THEME_COLOR;

    case MC_THEME_PROJECTOR:
    case MC_THEME_PROJECTOR_HIGH_CONTRAST:
      return high_contrast ? MC_THEME_PROJECTOR_HIGH_CONTRAST : MC_THEME_PROJECTOR;

    case MC_THEME_PRINT:
    case MC_N_THEMES:
    default:
      return kind;
    }
}

/* sRGB (D65) ↔ CIE L*a*b*. */

static double
srgb_to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
linear_to_srgb (double c)
{
  c = CLAMP (c, 0.0, 1.0);
  return c <= 0.0031308 ? 12.92 * c : 1.055 * pow (c, 1 / 2.4) - 0.055;
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389.0 ? cbrt (t) : (24389.0 / 27.0 * t + 16) / 116;
}

static double
lab_f_inv (double t)
{
  return t * t * t > 216.0 / 24389.0 ? t * t * t : (116 * t - 16) / (24389.0 / 27.0);
}

#define WHITE_X 0.95047
#define WHITE_Z 1.08883

static void
color_to_lch (const McColor *c,
              double        *l,
              double        *chroma,
              double        *hue)
{
  double r = srgb_to_linear (c->red);
  double g = srgb_to_linear (c->green);
  double b = srgb_to_linear (c->blue);
  double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / WHITE_X;
  double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / WHITE_Z;
  double fx = lab_f (x), fy = lab_f (y), fz = lab_f (z);
  double a = 500 * (fx - fy);
  double bb = 200 * (fy - fz);

  *l = 116 * fy - 16;
  *chroma = sqrt (a * a + bb * bb);
  *hue = atan2 (bb, a);
}

static void
lch_to_color (double   l,
              double   chroma,
              double   hue,
              McColor *c)
{
  double a = chroma * cos (hue);
  double b = chroma * sin (hue);
  double fy = (l + 16) / 116;
  double fx = fy + a / 500;
  double fz = fy - b / 200;
  double x = lab_f_inv (fx) * WHITE_X;
  double y = lab_f_inv (fy);
  double z = lab_f_inv (fz) * WHITE_Z;

  c->red = linear_to_srgb (3.2406 * x - 1.5372 * y - 0.4986 * z);
  c->green = linear_to_srgb (-0.9689 * x + 1.8758 * y + 0.0415 * z);
  c->blue = linear_to_srgb (0.0557 * x - 0.2040 * y + 1.0570 * z);
  c->alpha = 1.0;
}

/* Lowers chroma until the colour is inside sRGB, so clamping never shifts
 * the hue or the lightness a test relies on. */
static void
lch_to_color_in_gamut (double   l,
                       double   chroma,
                       double   hue,
                       McColor *c)
{
  for (guint i = 0; i < 40; i++)
    {
      double a = chroma * cos (hue);
      double b = chroma * sin (hue);
      double fy = (l + 16) / 116;
      double x = lab_f_inv (fy + a / 500) * WHITE_X;
      double y = lab_f_inv (fy);
      double z = lab_f_inv (fy - b / 200) * WHITE_Z;
      double r = 3.2406 * x - 1.5372 * y - 0.4986 * z;
      double g = -0.9689 * x + 1.8758 * y + 0.0415 * z;
      double bl = 0.0557 * x - 0.2040 * y + 1.0570 * z;

      if (r >= -0.001 && r <= 1.001 && g >= -0.001 && g <= 1.001 &&
          bl >= -0.001 && bl <= 1.001)
        break;
      chroma *= 0.9;
    }

  lch_to_color (l, chroma, hue, c);
}

static const RoleInfo *
lookup_role (const char *role)
{
  if (role != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        if (strcmp (roles[i].role, role) == 0)
          return &roles[i];
    }

  return &roles[G_N_ELEMENTS (roles) - 1];
}

void
mc_theme_get_role_fill (const McTheme *theme,
                        const char    *role,
                        guint          shade,
                        McColor       *color)
{
  const RoleInfo *info;
  McColor hue_color;
  double l, chroma, hue;

  g_return_if_fail (theme != NULL);
  g_return_if_fail (color != NULL);

  info = lookup_role (role);
  set_hex (&hue_color, info->hue);
  color_to_lch (&hue_color, &l, &chroma, &hue);

  if (theme->high_contrast)
    {
      /* Pale, so black text reads at its best; outlines part the regions. */
      lch_to_color_in_gamut (97 - 3 * (shade % 5), MIN (chroma, 16.0), hue, color);
      return;
    }

  switch (theme->kind)
    {
    case MC_THEME_PRINT:
      /* A whisper of the hue at most: the gray level carries the meaning. */
      l = print_levels[(info->print_level + shade) % G_N_ELEMENTS (print_levels)];
      chroma = MIN (chroma, 4.0);
      break;

    case MC_THEME_PROJECTOR:
      l = 89 - 5.5 * (shade % 5);
      chroma = MIN (chroma, 38.0);
      break;

    case MC_THEME_COLOR:
    default:
      l = 94 - 5 * (shade % 5);
      chroma = MIN (chroma, 24.0);
      break;
    }

  lch_to_color_in_gamut (l, chroma, hue, color);
}

void
mc_theme_get_role_stroke (const McTheme *theme,
                          const char    *role,
                          McColor       *color)
{
  const RoleInfo *info;
  McColor hue_color;
  double l, chroma, hue;

  g_return_if_fail (theme != NULL);
  g_return_if_fail (color != NULL);

  info = lookup_role (role);
  set_hex (&hue_color, info->hue);
  color_to_lch (&hue_color, &l, &chroma, &hue);

  if (theme->high_contrast)
    {
      lch_to_color_in_gamut (30, MIN (chroma, 45.0), hue, color);
      return;
    }

  switch (theme->kind)
    {
    case MC_THEME_PRINT:
      /* Dark enough to carry text on the darkest gray (accents, big letters). */
      set_hex (color, "#262626");
      return;

    case MC_THEME_PROJECTOR:
      lch_to_color_in_gamut (38, MIN (chroma, 70.0), hue, color);
      return;

    case MC_THEME_COLOR:
    default:
      lch_to_color_in_gamut (48, MIN (chroma, 60.0), hue, color);
      return;
    }
}

void
mc_theme_get_role_ink (const McTheme *theme,
                       const char    *role,
                       McColor       *color)
{
  g_return_if_fail (theme != NULL);
  g_return_if_fail (color != NULL);

  /* Every fill is light enough for the theme's ink (≥ 7:1 on screen,
   * ≥ 4.5:1 on the darkest print gray). */
  *color = theme->ink;
}

void
mc_theme_get_note_fill (const McTheme *theme,
                        const char    *note_color,
                        McColor       *color)
{
  guint index = 0;

  g_return_if_fail (theme != NULL);
  g_return_if_fail (color != NULL);

  if (note_color != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (note_colors); i++)
        if (strcmp (note_colors[i].name, note_color) == 0)
          index = i;
    }

  switch (theme->kind)
    {
    case MC_THEME_PRINT:
      {
        McColor hue_color;
        double l, chroma, hue;

        set_hex (&hue_color, note_colors[index].color);
        color_to_lch (&hue_color, &l, &chroma, &hue);
        lch_to_color_in_gamut (note_colors[index].print_lightness,
                               MIN (chroma, 5.0), hue, color);
      }
      break;

    case MC_THEME_PROJECTOR:
      set_hex (color, note_colors[index].projector);
      break;

    case MC_THEME_COLOR:
    default:
      set_hex (color, note_colors[index].color);
      break;
    }
}
