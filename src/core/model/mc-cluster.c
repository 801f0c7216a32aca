/* mc-cluster.c — a labelled, coloured group of notes */
#include "config.h"

#include <string.h>

#include "mc-cluster-private.h"
#include "mc-note-private.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_COLOR,
  PROP_NOTE_IDS,
  PROP_IN_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (McCluster, mc_cluster, G_TYPE_OBJECT)

static void
mc_cluster_finalize (GObject *object)
{
  McCluster *self = MC_CLUSTER (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->note_ids, g_ptr_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (mc_cluster_parent_class)->finalize (object);
}

static void
mc_cluster_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  McCluster *self = MC_CLUSTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_NOTE_IDS:
      g_value_set_boxed (value, self->note_ids->pdata);
      break;
    case PROP_IN_BOARD:
      g_value_set_boolean (value, self->in_board);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_cluster_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  McCluster *self = MC_CLUSTER (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      mc_cluster_set_label (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      mc_cluster_set_color (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_cluster_class_init (McClusterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mc_cluster_finalize;
  object_class->get_property = mc_cluster_get_property;
  object_class->set_property = mc_cluster_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, "", rw);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, MC_NOTE_COLOR_DEFAULT, rw);
  properties[PROP_NOTE_IDS] = g_param_spec_boxed ("note-ids", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_IN_BOARD] = g_param_spec_boolean ("in-board", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_cluster_init (McCluster *self)
{
  self->label = g_strdup ("");
  self->color = mc_note_colors[0];
  self->note_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->note_ids, NULL);
}

McCluster *
_mc_cluster_new_bare (char *id)
{
  McCluster *self = g_object_new (MC_TYPE_CLUSTER, NULL);

  self->id = id;
  return self;
}

McCluster *
mc_cluster_new (const char *label,
                const char *color)
{
  g_autofree char *clamped = NULL;
  McCluster *self;

  g_return_val_if_fail (label == NULL || g_utf8_validate (label, -1, NULL), NULL);
  g_return_val_if_fail (color == NULL || mc_note_color_is_valid (color), NULL);

  self = _mc_cluster_new_bare (g_uuid_string_random ());
  clamped = mc_limits_clamp_text (label != NULL ? label : "", MC_BOARD_MAX_LABEL_LENGTH);
  _mc_set_str (&self->label, clamped);
  if (color != NULL)
    self->color = _mc_note_intern_color (color);
  return self;
}

McCluster *
mc_cluster_new_with_id (const char *id)
{
  g_return_val_if_fail (id != NULL && id[0] != '\0', NULL);

  return _mc_cluster_new_bare (g_strdup (id));
}

static guint
n_ids (McCluster *self)
{
  return self->note_ids->len - 1;   /* the trailing NULL */
}

static int
find_note (McCluster  *self,
           const char *note_id)
{
  for (guint i = 0; i < n_ids (self); i++)
    if (strcmp (g_ptr_array_index (self->note_ids, i), note_id) == 0)
      return (int) i;
  return -1;
}

/* Internal changes: no in-board check, notify on real change only. */

static void
cluster_update_label (McCluster  *self,
                      const char *label)
{
  g_autofree char *clamped = mc_limits_clamp_text (label != NULL ? label : "",
                                                   MC_BOARD_MAX_LABEL_LENGTH);

  _mc_update_str (G_OBJECT (self), &self->label, clamped, properties[PROP_LABEL]);
}

static void
cluster_update_color (McCluster  *self,
                      const char *color)
{
  _mc_update_interned (G_OBJECT (self), &self->color, _mc_note_intern_color (color),
                       properties[PROP_COLOR]);
}

static gboolean
same_ids (McCluster          *self,
          const char * const *note_ids)
{
  guint n = note_ids != NULL ? g_strv_length ((char **) note_ids) : 0;

  if (n != n_ids (self))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (strcmp (g_ptr_array_index (self->note_ids, i), note_ids[i]) != 0)
      return FALSE;
  return TRUE;
}

static void
cluster_update_note_ids (McCluster          *self,
                         const char * const *note_ids)
{
  if (same_ids (self, note_ids))
    return;

  g_ptr_array_set_size (self->note_ids, 0);
  g_ptr_array_add (self->note_ids, NULL);
  for (guint i = 0; note_ids != NULL && note_ids[i] != NULL; i++)
    if (note_ids[i][0] != '\0' && find_note (self, note_ids[i]) < 0)
      g_ptr_array_insert (self->note_ids, n_ids (self), g_strdup (note_ids[i]));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_IDS]);
}

McCluster *
mc_cluster_dup (McCluster *self)
{
  McCluster *copy;

  g_return_val_if_fail (MC_IS_CLUSTER (self), NULL);

  copy = _mc_cluster_new_bare (g_strdup (self->id));
  _mc_set_str (&copy->label, self->label);
  copy->color = self->color;
  for (guint i = 0; i < n_ids (self); i++)
    g_ptr_array_insert (copy->note_ids, i, g_strdup (g_ptr_array_index (self->note_ids, i)));
  copy->extra = _mc_extra_ref (self->extra);
  return copy;
}

gboolean
mc_cluster_equal (McCluster *a,
                  McCluster *b)
{
  g_return_val_if_fail (MC_IS_CLUSTER (a), FALSE);
  g_return_val_if_fail (MC_IS_CLUSTER (b), FALSE);

  if (a == b)
    return TRUE;

  return g_strcmp0 (a->id, b->id) == 0 &&
         strcmp (a->label, b->label) == 0 &&
         a->color == b->color &&
         same_ids (a, (const char * const *) b->note_ids->pdata) &&
         _mc_extra_equal (a->extra, b->extra);
}

void
_mc_cluster_assign (McCluster *dst,
                    McCluster *src)
{
  g_object_freeze_notify (G_OBJECT (dst));
  cluster_update_label (dst, src->label);
  cluster_update_color (dst, src->color);
  cluster_update_note_ids (dst, (const char * const *) src->note_ids->pdata);
  _mc_extra_set (&dst->extra, src->extra);
  g_object_thaw_notify (G_OBJECT (dst));
}

void
_mc_cluster_set_in_board (McCluster *self,
                          gboolean   in_board)
{
  _mc_update_boolean (G_OBJECT (self), &self->in_board, in_board, properties[PROP_IN_BOARD]);
}

const char *
mc_cluster_get_id (McCluster *self)
{
  g_return_val_if_fail (MC_IS_CLUSTER (self), NULL);
  return self->id;
}

const char *
mc_cluster_get_label (McCluster *self)
{
  g_return_val_if_fail (MC_IS_CLUSTER (self), NULL);
  return self->label;
}

const char *
mc_cluster_get_color (McCluster *self)
{
  g_return_val_if_fail (MC_IS_CLUSTER (self), NULL);
  return self->color;
}

const char * const *
mc_cluster_get_note_ids (McCluster *self)
{
  g_return_val_if_fail (MC_IS_CLUSTER (self), NULL);
  return (const char * const *) self->note_ids->pdata;
}

guint
mc_cluster_get_n_notes (McCluster *self)
{
  g_return_val_if_fail (MC_IS_CLUSTER (self), 0);
  return n_ids (self);
}

gboolean
mc_cluster_has_note (McCluster  *self,
                     const char *note_id)
{
  g_return_val_if_fail (MC_IS_CLUSTER (self), FALSE);
  g_return_val_if_fail (note_id != NULL, FALSE);
  return find_note (self, note_id) >= 0;
}

gboolean
mc_cluster_get_in_board (McCluster *self)
{
  g_return_val_if_fail (MC_IS_CLUSTER (self), FALSE);
  return self->in_board;
}

/* Public setters: only for detached clusters (see mc-cluster.h). */

void
mc_cluster_set_label (McCluster  *self,
                      const char *label)
{
  g_return_if_fail (MC_IS_CLUSTER (self));
  g_return_if_fail (!self->in_board);
  g_return_if_fail (label == NULL || g_utf8_validate (label, -1, NULL));

  cluster_update_label (self, label);
}

void
mc_cluster_set_color (McCluster  *self,
                      const char *color)
{
  g_return_if_fail (MC_IS_CLUSTER (self));
  g_return_if_fail (!self->in_board);
  g_return_if_fail (mc_note_color_is_valid (color));

  cluster_update_color (self, color);
}

void
mc_cluster_set_note_ids (McCluster          *self,
                         const char * const *note_ids)
{
  g_return_if_fail (MC_IS_CLUSTER (self));
  g_return_if_fail (!self->in_board);

  cluster_update_note_ids (self, note_ids);
}

void
mc_cluster_add_note (McCluster  *self,
                     const char *note_id)
{
  g_return_if_fail (MC_IS_CLUSTER (self));
  g_return_if_fail (!self->in_board);
  g_return_if_fail (note_id != NULL && note_id[0] != '\0');

  if (find_note (self, note_id) >= 0)
    return;
  g_ptr_array_insert (self->note_ids, n_ids (self), g_strdup (note_id));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_IDS]);
}

void
mc_cluster_remove_note (McCluster  *self,
                        const char *note_id)
{
  int index;

  g_return_if_fail (MC_IS_CLUSTER (self));
  g_return_if_fail (!self->in_board);
  g_return_if_fail (note_id != NULL);

  index = find_note (self, note_id);
  if (index < 0)
    return;
  g_ptr_array_remove_index (self->note_ids, (guint) index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_IDS]);
}
