/* mc-types.c — enum strings and the small value types */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-types.h"
#include "mc-core-resources.h"

static const char * const phase_names[] = { "start", "monitor", "evaluate" };
static const char * const language_names[] = { "nl", "en" };
static const char * const theme_names[] = {
  "color", "print", "projector", "high-contrast", "projector-high-contrast",
};

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *str,
             guint              *index)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (strcmp (names[i], str) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
mc_phase_to_string (McPhase phase)
{
  g_return_val_if_fail (phase <= MC_PHASE_EVALUATE, NULL);
  return phase_names[phase];
}

gboolean
mc_phase_from_string (const char *str,
                      McPhase    *phase)
{
  guint index;

  if (!lookup_name (phase_names, G_N_ELEMENTS (phase_names), str, &index))
    return FALSE;
  *phase = index;
  return TRUE;
}

const char *
mc_language_to_string (McLanguage language)
{
  g_return_val_if_fail (language < MC_N_LANGUAGES, NULL);
  return language_names[language];
}

gboolean
mc_language_from_string (const char *str,
                         McLanguage *language)
{
  guint index;

  if (!lookup_name (language_names, G_N_ELEMENTS (language_names), str, &index))
    return FALSE;
  *language = index;
  return TRUE;
}

const char *
mc_theme_kind_to_string (McThemeKind kind)
{
  g_return_val_if_fail (kind < MC_N_THEMES, NULL);
  return theme_names[kind];
}

gboolean
mc_theme_kind_from_string (const char  *str,
                           McThemeKind *kind)
{
  guint index;

  if (!lookup_name (theme_names, G_N_ELEMENTS (theme_names), str, &index))
    return FALSE;
  *kind = index;
  return TRUE;
}

G_DEFINE_BOXED_TYPE (McRect, mc_rect, mc_rect_copy, mc_rect_free)

McRect *
mc_rect_copy (const McRect *rect)
{
  return g_memdup2 (rect, sizeof *rect);
}

void
mc_rect_free (McRect *rect)
{
  g_free (rect);
}

gboolean
mc_rect_contains_point (const McRect *rect,
                        double        x,
                        double        y)
{
  return x >= rect->x && x <= rect->x + rect->width &&
         y >= rect->y && y <= rect->y + rect->height;
}

gboolean
mc_rect_intersects (const McRect *a,
                    const McRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

void
mc_rect_union (const McRect *a,
               const McRect *b,
               McRect       *result)
{
  double x1 = MIN (a->x, b->x);
  double y1 = MIN (a->y, b->y);
  double x2 = MAX (a->x + a->width, b->x + b->width);
  double y2 = MAX (a->y + a->height, b->y + b->height);

  result->x = x1;
  result->y = y1;
  result->width = x2 - x1;
  result->height = y2 - y1;
}

gboolean
mc_rect_contains_rect (const McRect *outer,
                       const McRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

void
mc_span_keep_inside (double *pos,
                     double  size,
                     double  lo,
                     double  room)
{
  g_return_if_fail (pos != NULL);

  if (size <= room)
    *pos = CLAMP (*pos, lo, lo + room - size);
  else
    *pos = lo + (room - size) / 2;
}

G_DEFINE_BOXED_TYPE (McColor, mc_color, mc_color_copy, mc_color_free)

McColor *
mc_color_copy (const McColor *color)
{
  return g_memdup2 (color, sizeof *color);
}

void
mc_color_free (McColor *color)
{
  g_free (color);
}

static int
hex_pair (const char *s)
{
  int hi = g_ascii_xdigit_value (s[0]);
  int lo = g_ascii_xdigit_value (s[1]);

  if (hi < 0 || lo < 0)
    return -1;
  return hi * 16 + lo;
}

gboolean
mc_color_parse (McColor    *color,
                const char *spec)
{
  int channels[4] = { 0, 0, 0, 255 };
  gsize len;
  guint n;

  g_return_val_if_fail (color != NULL, FALSE);

  if (spec == NULL || spec[0] != '#')
    return FALSE;

  len = strlen (spec + 1);
  if (len != 6 && len != 8)
    return FALSE;

  n = len / 2;
  for (guint i = 0; i < n; i++)
    {
      channels[i] = hex_pair (spec + 1 + 2 * i);
      if (channels[i] < 0)
        return FALSE;
    }

  color->red = channels[0] / 255.0;
  color->green = channels[1] / 255.0;
  color->blue = channels[2] / 255.0;
  color->alpha = channels[3] / 255.0;
  return TRUE;
}

static int
to_byte (double v)
{
  return (int) lround (CLAMP (v, 0.0, 1.0) * 255.0);
}

char *
mc_color_to_string (const McColor *color)
{
  if (to_byte (color->alpha) == 255)
    return g_strdup_printf ("#%02x%02x%02x",
                            to_byte (color->red), to_byte (color->green),
                            to_byte (color->blue));

  return g_strdup_printf ("#%02x%02x%02x%02x",
                          to_byte (color->red), to_byte (color->green),
                          to_byte (color->blue), to_byte (color->alpha));
}

static double
linear_channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
mc_color_luminance (const McColor *color)
{
  return 0.2126 * linear_channel (color->red) +
         0.7152 * linear_channel (color->green) +
         0.0722 * linear_channel (color->blue);
}

void
mc_core_ensure_resources (void)
{
  /* Referencing the resource pulls its object file out of the static
   * library; GLib registers it from a constructor when it is linked. */
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      GResource *resource = mc_core_get_resource ();

      g_assert (resource != NULL);
      g_once_init_leave (&registered, 1);
    }
}
