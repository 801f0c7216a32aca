/* mc-figure.c — a figure placed on a board */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-figure-private.h"
#include "mc-limits.h"

/* The kinds a board may name (DESIGN.md, "Stable ids"). Kept here rather
 * than asked of the figure-kind registry so the file format does not depend
 * on which drawing code is linked in. */
const char * const _mc_figure_kinds[] = {
  "cimo",
  "context",
  "perspectives",
  "scale-levels",
  "boundary-crossing",
  "doorwerking",
  "value-creation",
  "coherence",
  "potential-value",
  NULL
};

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_X,
  PROP_Y,
  PROP_SCALE,
  PROP_IN_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (McFigure, mc_figure, G_TYPE_OBJECT)

const char *
_mc_figure_intern_kind (const char *kind)
{
  return _mc_intern_in (_mc_figure_kinds, kind);
}

gboolean
mc_figure_is_valid_kind (const char *kind)
{
  return _mc_figure_intern_kind (kind) != NULL;
}

static void
mc_figure_finalize (GObject *object)
{
  McFigure *self = MC_FIGURE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (mc_figure_parent_class)->finalize (object);
}

static void
mc_figure_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  McFigure *self = MC_FIGURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_X:
      g_value_set_double (value, self->x);
      break;
    case PROP_Y:
      g_value_set_double (value, self->y);
      break;
    case PROP_SCALE:
      g_value_set_double (value, self->scale);
      break;
    case PROP_IN_BOARD:
      g_value_set_boolean (value, self->in_board);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_figure_class_init (McFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mc_figure_finalize;
  object_class->get_property = mc_figure_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, ro);
  properties[PROP_X] =
    g_param_spec_double ("x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, ro);
  properties[PROP_Y] =
    g_param_spec_double ("y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, ro);
  properties[PROP_SCALE] =
    g_param_spec_double ("scale", NULL, NULL, 0.0, G_MAXDOUBLE, 1.0, ro);
  properties[PROP_IN_BOARD] =
    g_param_spec_boolean ("in-board", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_figure_init (McFigure *self)
{
  self->scale = 1.0;
}

McFigure *
_mc_figure_new_bare (char       *id,
                     const char *kind)
{
  McFigure *self = g_object_new (MC_TYPE_FIGURE, NULL);

  self->id = id;
  self->kind = kind;
  return self;
}

McFigure *
mc_figure_new (const char *id,
               const char *kind)
{
  const char *interned = _mc_figure_intern_kind (kind);

  g_return_val_if_fail (id != NULL && id[0] != '\0', NULL);
  g_return_val_if_fail (interned != NULL, NULL);

  return _mc_figure_new_bare (g_strdup (id), interned);
}

McFigure *
mc_figure_dup (McFigure *self)
{
  McFigure *copy;

  g_return_val_if_fail (MC_IS_FIGURE (self), NULL);

  copy = _mc_figure_new_bare (g_strdup (self->id), self->kind);
  copy->x = self->x;
  copy->y = self->y;
  copy->scale = self->scale;
  copy->extra = _mc_extra_ref (self->extra);

  return copy;
}

gboolean
mc_figure_equal (McFigure *a,
                 McFigure *b)
{
  g_return_val_if_fail (MC_IS_FIGURE (a), FALSE);
  g_return_val_if_fail (MC_IS_FIGURE (b), FALSE);

  return a == b ||
         (g_strcmp0 (a->id, b->id) == 0 &&
          g_strcmp0 (a->kind, b->kind) == 0 &&
          a->x == b->x && a->y == b->y && a->scale == b->scale &&
          _mc_extra_equal (a->extra, b->extra));
}

static void
figure_update_position (McFigure *self,
                        double    x,
                        double    y)
{
  _mc_update_double (G_OBJECT (self), &self->x, mc_limits_clamp_coordinate (x),
                     properties[PROP_X]);
  _mc_update_double (G_OBJECT (self), &self->y, mc_limits_clamp_coordinate (y),
                     properties[PROP_Y]);
}

static void
figure_update_scale (McFigure *self,
                     double    scale)
{
  _mc_update_double (G_OBJECT (self), &self->scale, mc_limits_clamp_scale (scale),
                     properties[PROP_SCALE]);
}

void
_mc_figure_assign (McFigure *dst,
                   McFigure *src)
{
  g_return_if_fail (MC_IS_FIGURE (dst));
  g_return_if_fail (MC_IS_FIGURE (src));

  g_object_freeze_notify (G_OBJECT (dst));
  _mc_update_interned (G_OBJECT (dst), &dst->kind, src->kind, properties[PROP_KIND]);
  figure_update_position (dst, src->x, src->y);
  figure_update_scale (dst, src->scale);
  _mc_figure_set_extra (dst, src->extra);
  g_object_thaw_notify (G_OBJECT (dst));
}

void
_mc_figure_set_in_board (McFigure *self,
                         gboolean  in_board)
{
  _mc_update_boolean (G_OBJECT (self), &self->in_board, in_board, properties[PROP_IN_BOARD]);
}

JsonObject *
_mc_figure_get_extra (McFigure *self)
{
  return self->extra;
}

void
_mc_figure_set_extra (McFigure   *self,
                      JsonObject *extra)
{
  _mc_extra_set (&self->extra, extra);
}

const char *
mc_figure_get_id (McFigure *self)
{
  g_return_val_if_fail (MC_IS_FIGURE (self), NULL);
  return self->id;
}

const char *
mc_figure_get_kind (McFigure *self)
{
  g_return_val_if_fail (MC_IS_FIGURE (self), NULL);
  return self->kind;
}

double
mc_figure_get_x (McFigure *self)
{
  g_return_val_if_fail (MC_IS_FIGURE (self), 0.0);
  return self->x;
}

double
mc_figure_get_y (McFigure *self)
{
  g_return_val_if_fail (MC_IS_FIGURE (self), 0.0);
  return self->y;
}

double
mc_figure_get_scale (McFigure *self)
{
  g_return_val_if_fail (MC_IS_FIGURE (self), 1.0);
  return self->scale;
}

gboolean
mc_figure_get_in_board (McFigure *self)
{
  g_return_val_if_fail (MC_IS_FIGURE (self), FALSE);
  return self->in_board;
}

void
mc_figure_set_position (McFigure *self,
                        double    x,
                        double    y)
{
  g_return_if_fail (MC_IS_FIGURE (self));
  g_return_if_fail (!self->in_board);
  g_return_if_fail (isfinite (x) && isfinite (y));

  g_object_freeze_notify (G_OBJECT (self));
  figure_update_position (self, x, y);
  g_object_thaw_notify (G_OBJECT (self));
}

void
mc_figure_set_scale (McFigure *self,
                     double    scale)
{
  g_return_if_fail (MC_IS_FIGURE (self));
  g_return_if_fail (!self->in_board);
  g_return_if_fail (isfinite (scale) && scale > 0);

  figure_update_scale (self, scale);
}

const char * const *
mc_figure_get_kinds (void)
{
  return _mc_figure_kinds;
}
