/* mc-path.c — a backend-neutral vector path */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-path.h"

typedef struct
{
  McPathOp op;
  guint    first_point; /* index into points, in doubles */
} PathOp;

struct _McPath
{
  gatomicrefcount ref_count;
  GArray         *ops;    /* PathOp */
  GArray         *points; /* double pairs */
  gboolean        has_current;
  double          current_x;
  double          current_y;
  double          start_x; /* of the current subpath, for close */
  double          start_y;
};

G_DEFINE_BOXED_TYPE (McPath, mc_path, mc_path_ref, mc_path_unref)

McPath *
mc_path_new (void)
{
  McPath *path = g_new0 (McPath, 1);

  g_atomic_ref_count_init (&path->ref_count);
  path->ops = g_array_new (FALSE, FALSE, sizeof (PathOp));
  path->points = g_array_new (FALSE, FALSE, sizeof (double));
  return path;
}

McPath *
mc_path_ref (McPath *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  g_atomic_ref_count_inc (&path->ref_count);
  return path;
}

void
mc_path_unref (McPath *path)
{
  g_return_if_fail (path != NULL);

  if (g_atomic_ref_count_dec (&path->ref_count))
    {
      g_array_unref (path->ops);
      g_array_unref (path->points);
      g_free (path);
    }
}

static void
push_op (McPath       *path,
         McPathOp      op,
         const double *points,
         guint         n_points)
{
  PathOp entry = { op, path->points->len };

  g_array_append_val (path->ops, entry);
  if (n_points > 0)
    g_array_append_vals (path->points, points, n_points * 2);
}

void
mc_path_move_to (McPath *path,
                 double  x,
                 double  y)
{
  double p[2] = { x, y };

  g_return_if_fail (path != NULL);

  push_op (path, MC_PATH_MOVE_TO, p, 1);
  path->has_current = TRUE;
  path->current_x = path->start_x = x;
  path->current_y = path->start_y = y;
}

void
mc_path_line_to (McPath *path,
                 double  x,
                 double  y)
{
  double p[2] = { x, y };

  g_return_if_fail (path != NULL);

  /* Like cairo: a line without a current point starts the subpath. */
  if (!path->has_current)
    {
      mc_path_move_to (path, x, y);
      return;
    }

  push_op (path, MC_PATH_LINE_TO, p, 1);
  path->current_x = x;
  path->current_y = y;
}

void
mc_path_curve_to (McPath *path,
                  double  x1,
                  double  y1,
                  double  x2,
                  double  y2,
                  double  x3,
                  double  y3)
{
  double p[6] = { x1, y1, x2, y2, x3, y3 };

  g_return_if_fail (path != NULL);

  if (!path->has_current)
    mc_path_move_to (path, x1, y1);

  push_op (path, MC_PATH_CURVE_TO, p, 3);
  path->current_x = x3;
  path->current_y = y3;
}

void
mc_path_close (McPath *path)
{
  g_return_if_fail (path != NULL);

  if (!path->has_current)
    return;

  push_op (path, MC_PATH_CLOSE, NULL, 0);
  /* After close-path the current point is the subpath's start, as in cairo. */
  path->current_x = path->start_x;
  path->current_y = path->start_y;
}

/* One cubic for an arc of at most a quarter turn. */
static void
arc_segment (McPath *path,
             double  cx,
             double  cy,
             double  r,
             double  a1,
             double  a2)
{
  double k = 4.0 / 3.0 * tan ((a2 - a1) / 4.0);
  double c1 = cos (a1), s1 = sin (a1);
  double c2 = cos (a2), s2 = sin (a2);

  mc_path_curve_to (path,
                    cx + r * (c1 - k * s1), cy + r * (s1 + k * c1),
                    cx + r * (c2 + k * s2), cy + r * (s2 - k * c2),
                    cx + r * c2, cy + r * s2);
}

static void
append_arc (McPath *path,
            double  cx,
            double  cy,
            double  r,
            double  angle1,
            double  angle2)
{
  double sweep = angle2 - angle1;
  double x0 = cx + r * cos (angle1);
  double y0 = cy + r * sin (angle1);
  guint n;

  if (path->has_current)
    mc_path_line_to (path, x0, y0);
  else
    mc_path_move_to (path, x0, y0);

  if (r <= 0.0 || sweep == 0.0)
    return;

  /* Quarter turns keep the cubic's radial error far below 0.1 %. */
  n = (guint) ceil (fabs (sweep) / (G_PI / 2.0) - 1e-9);
  n = MAX (n, 1);
  for (guint i = 0; i < n; i++)
    {
      double a = angle1 + sweep * i / n;
      double b = angle1 + sweep * (i + 1) / n;

      arc_segment (path, cx, cy, r, a, b);
    }
}

void
mc_path_arc (McPath *path,
             double  cx,
             double  cy,
             double  r,
             double  angle1,
             double  angle2)
{
  g_return_if_fail (path != NULL);

  while (angle2 < angle1)
    angle2 += 2 * G_PI;
  append_arc (path, cx, cy, r, angle1, angle2);
}

void
mc_path_arc_negative (McPath *path,
                      double  cx,
                      double  cy,
                      double  r,
                      double  angle1,
                      double  angle2)
{
  g_return_if_fail (path != NULL);

  while (angle2 > angle1)
    angle2 -= 2 * G_PI;
  append_arc (path, cx, cy, r, angle1, angle2);
}

void
mc_path_rectangle (McPath       *path,
                   const McRect *rect)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (rect != NULL);

  mc_path_move_to (path, rect->x, rect->y);
  mc_path_line_to (path, rect->x + rect->width, rect->y);
  mc_path_line_to (path, rect->x + rect->width, rect->y + rect->height);
  mc_path_line_to (path, rect->x, rect->y + rect->height);
  mc_path_close (path);
}

void
mc_path_rounded_rectangle (McPath       *path,
                           const McRect *rect,
                           double        radius)
{
  double x, y, w, h, r;

  g_return_if_fail (path != NULL);
  g_return_if_fail (rect != NULL);

  x = rect->x;
  y = rect->y;
  w = rect->width;
  h = rect->height;
  r = CLAMP (radius, 0.0, MIN (w, h) / 2.0);

  if (r <= 0.0)
    {
      mc_path_rectangle (path, rect);
      return;
    }

  /* Start a fresh subpath so the arcs do not join a previous one. */
  path->has_current = FALSE;
  mc_path_arc (path, x + w - r, y + r, r, -G_PI / 2, 0);
  mc_path_arc (path, x + w - r, y + h - r, r, 0, G_PI / 2);
  mc_path_arc (path, x + r, y + h - r, r, G_PI / 2, G_PI);
  mc_path_arc (path, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  mc_path_close (path);
}

void
mc_path_circle (McPath *path,
                double  cx,
                double  cy,
                double  r)
{
  g_return_if_fail (path != NULL);

  path->has_current = FALSE;
  mc_path_arc (path, cx, cy, r, 0, 2 * G_PI);
  mc_path_close (path);
}

void
mc_path_append (McPath       *path,
                const McPath *other)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (other != NULL);

  for (guint i = 0; i < other->ops->len; i++)
    {
      const double *p;
      McPathOp op = mc_path_get_op (other, i, &p);

      switch (op)
        {
        case MC_PATH_MOVE_TO:
          mc_path_move_to (path, p[0], p[1]);
          break;
        case MC_PATH_LINE_TO:
          mc_path_line_to (path, p[0], p[1]);
          break;
        case MC_PATH_CURVE_TO:
          mc_path_curve_to (path, p[0], p[1], p[2], p[3], p[4], p[5]);
          break;
        case MC_PATH_CLOSE:
        default:
          mc_path_close (path);
          break;
        }
    }
}

guint
mc_path_get_n_ops (const McPath *path)
{
  g_return_val_if_fail (path != NULL, 0);

  return path->ops->len;
}

McPathOp
mc_path_get_op (const McPath  *path,
                guint          index,
                const double **points)
{
  const PathOp *entry;

  g_return_val_if_fail (path != NULL, MC_PATH_CLOSE);
  g_return_val_if_fail (index < path->ops->len, MC_PATH_CLOSE);

  entry = &g_array_index (path->ops, PathOp, index);
  if (points != NULL)
    *points = entry->op == MC_PATH_CLOSE
              ? NULL
              : &g_array_index (path->points, double, entry->first_point);
  return entry->op;
}

gboolean
mc_path_is_empty (const McPath *path)
{
  g_return_val_if_fail (path != NULL, TRUE);

  return path->points->len == 0;
}

void
mc_path_get_bounds (const McPath *path,
                    McRect       *bounds)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE;
  double x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  g_return_if_fail (path != NULL);
  g_return_if_fail (bounds != NULL);

  if (path->points->len == 0)
    {
      *bounds = (McRect) { 0, 0, 0, 0 };
      return;
    }

  for (guint i = 0; i + 1 < path->points->len; i += 2)
    {
      double x = g_array_index (path->points, double, i);
      double y = g_array_index (path->points, double, i + 1);

      x1 = MIN (x1, x);
      y1 = MIN (y1, y);
      x2 = MAX (x2, x);
      y2 = MAX (y2, y);
    }

  bounds->x = x1;
  bounds->y = y1;
  bounds->width = x2 - x1;
  bounds->height = y2 - y1;
}

void
mc_path_to_cairo (const McPath *path,
                  cairo_t      *cr)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (cr != NULL);

  for (guint i = 0; i < path->ops->len; i++)
    {
      const PathOp *entry = &g_array_index (path->ops, PathOp, i);
      const double *p = (const double *) path->points->data + entry->first_point;

      switch (entry->op)
        {
        case MC_PATH_MOVE_TO:
          cairo_move_to (cr, p[0], p[1]);
          break;
        case MC_PATH_LINE_TO:
          cairo_line_to (cr, p[0], p[1]);
          break;
        case MC_PATH_CURVE_TO:
          cairo_curve_to (cr, p[0], p[1], p[2], p[3], p[4], p[5]);
          break;
        case MC_PATH_CLOSE:
        default:
          cairo_close_path (cr);
          break;
        }
    }
}

static void
append_number (GString *out,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  /* Avoid "-0" after rounding. */
  if (fabs (v) < 0.0005)
    v = 0.0;

  g_ascii_formatd (buf, sizeof buf, "%.3f", v);
  end = buf + strlen (buf) - 1;
  while (end > buf && *end == '0')
    *end-- = '\0';
  if (end > buf && *end == '.')
    *end = '\0';

  g_string_append (out, buf);
}

char *
mc_path_to_svg_data (const McPath *path)
{
  GString *out;

  g_return_val_if_fail (path != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < path->ops->len; i++)
    {
      const PathOp *entry = &g_array_index (path->ops, PathOp, i);
      const double *p = (const double *) path->points->data + entry->first_point;
      guint n_points = 0;

      switch (entry->op)
        {
        case MC_PATH_MOVE_TO:
          g_string_append_c (out, 'M');
          n_points = 1;
          break;
        case MC_PATH_LINE_TO:
          g_string_append_c (out, 'L');
          n_points = 1;
          break;
        case MC_PATH_CURVE_TO:
          g_string_append_c (out, 'C');
          n_points = 3;
          break;
        case MC_PATH_CLOSE:
        default:
          g_string_append_c (out, 'Z');
          break;
        }

      for (guint j = 0; j < n_points * 2; j++)
        {
          if (j > 0)
            g_string_append_c (out, ' ');
          append_number (out, p[j]);
        }
    }

  return g_string_free (out, FALSE);
}

/* cairo_in_fill needs a context; one small one is kept for the process.
 * Hit tests happen on the main thread, but the lock keeps tests and export
 * workers safe. */
G_LOCK_DEFINE_STATIC (hit_context);
static cairo_t *hit_cr;

gboolean
mc_path_contains_point (const McPath *path,
                        double        x,
                        double        y,
                        gboolean      even_odd)
{
  McRect bounds;
  gboolean inside;

  g_return_val_if_fail (path != NULL, FALSE);

  if (mc_path_is_empty (path))
    return FALSE;

  mc_path_get_bounds (path, &bounds);
  if (!mc_rect_contains_point (&bounds, x, y))
    return FALSE;

  G_LOCK (hit_context);
  if (hit_cr == NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);

      hit_cr = cairo_create (surface);
      cairo_surface_destroy (surface);
    }

  cairo_new_path (hit_cr);
  cairo_set_fill_rule (hit_cr, even_odd ? CAIRO_FILL_RULE_EVEN_ODD
                                        : CAIRO_FILL_RULE_WINDING);
  mc_path_to_cairo (path, hit_cr);
  inside = cairo_in_fill (hit_cr, x, y);
  cairo_new_path (hit_cr);
  G_UNLOCK (hit_context);

  return inside;
}
