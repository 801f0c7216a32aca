/* mc-note.c — one sticky note */
#include "config.h"

#include <string.h>

#include "mc-enums.h"
#include "mc-limits.h"
#include "mc-note-private.h"

const char * const mc_note_colors[] = {
  "yellow", "orange", "pink", "purple", "blue", "green", NULL
};

const char * const mc_note_reaches[] = {
  "individual", "collective", "society", NULL
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_COLOR,
  PROP_AUTHOR,
  PROP_FIGURE_ID,
  PROP_REGION_ID,
  PROP_REACH,
  PROP_HAS_POSITION,
  PROP_X,
  PROP_Y,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_VOTES,
  PROP_CONFLICT,
  PROP_HAS_PHASE,
  PROP_PHASE,
  PROP_IN_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (McNote, mc_note, G_TYPE_OBJECT)

gint64
_mc_note_now (void)
{
  gint64 now = g_get_real_time ();

  return now - now % G_USEC_PER_SEC;
}

const char *
_mc_note_intern_color (const char *name)
{
  return _mc_intern_in (mc_note_colors, name);
}

gboolean
mc_note_color_is_valid (const char *name)
{
  return _mc_note_intern_color (name) != NULL;
}

const char *
_mc_note_intern_reach (const char *name)
{
  return _mc_intern_in (mc_note_reaches, name);
}

static void
mc_note_finalize (GObject *object)
{
  McNote *self = MC_NOTE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->figure_id, g_free);
  g_clear_pointer (&self->region_id, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (mc_note_parent_class)->finalize (object);
}

/* Internal setters: no in-board check, notify on real change only. */

static void
note_update_text (McNote     *self,
                  const char *text)
{
  g_autofree char *clamped = mc_limits_clamp_text (text != NULL ? text : "",
                                                   MC_BOARD_MAX_TEXT_LENGTH);

  _mc_update_str (G_OBJECT (self), &self->text, clamped, properties[PROP_TEXT]);
}

static void
note_update_color (McNote     *self,
                   const char *color)
{
  _mc_update_interned (G_OBJECT (self), &self->color, _mc_note_intern_color (color),
                       properties[PROP_COLOR]);
}

static void
note_update_author (McNote     *self,
                    const char *author)
{
  g_autofree char *clamped = mc_limits_clamp_text (author, MC_BOARD_MAX_TEXT_LENGTH);

  _mc_update_str (G_OBJECT (self), &self->author, clamped, properties[PROP_AUTHOR]);
}

static void
note_update_anchor (McNote     *self,
                    const char *figure_id,
                    const char *region_id)
{
  _mc_update_str (G_OBJECT (self), &self->figure_id, figure_id, properties[PROP_FIGURE_ID]);
  _mc_update_str (G_OBJECT (self), &self->region_id, region_id, properties[PROP_REGION_ID]);
}

static void
note_update_reach (McNote     *self,
                   const char *reach)
{
  const char *interned = _mc_note_intern_reach (reach);

  /* NULL too: a note may lose its reach. */
  if (interned != self->reach)
    {
      self->reach = interned;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACH]);
    }
}

static void
note_update_geometry (McNote       *self,
                      gboolean      has_position,
                      const McRect *rect)
{
  GObject *object = G_OBJECT (self);

  if (self->has_position != !!has_position)
    {
      self->has_position = !!has_position;
      g_object_notify_by_pspec (object, properties[PROP_HAS_POSITION]);
    }
  _mc_update_double (object, &self->rect.x, mc_limits_clamp_coordinate (rect->x),
                     properties[PROP_X]);
  _mc_update_double (object, &self->rect.y, mc_limits_clamp_coordinate (rect->y),
                     properties[PROP_Y]);
  _mc_update_double (object, &self->rect.width,
                     mc_limits_clamp_size (rect->width, MC_NOTE_DEFAULT_WIDTH),
                     properties[PROP_WIDTH]);
  _mc_update_double (object, &self->rect.height,
                     mc_limits_clamp_size (rect->height, MC_NOTE_DEFAULT_HEIGHT),
                     properties[PROP_HEIGHT]);
}

static void
note_update_votes (McNote *self,
                   guint   votes)
{
  votes = mc_limits_clamp_votes (votes);
  if (self->votes != votes)
    {
      self->votes = votes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOTES]);
    }
}

static void
note_update_conflict (McNote   *self,
                      gboolean  conflict)
{
  if (self->conflict != !!conflict)
    {
      self->conflict = !!conflict;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICT]);
    }
}

static void
note_update_phase (McNote   *self,
                   gboolean  has_phase,
                   McPhase   phase)
{
  if (!has_phase)
    phase = MC_PHASE_START;
  if (self->has_phase != !!has_phase)
    {
      self->has_phase = !!has_phase;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_PHASE]);
    }
  if (self->phase != phase)
    {
      self->phase = phase;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
    }
}

static void
note_update_created (McNote *self,
                     gint64  usec)
{
  usec = mc_time_clamp (usec);
  if (self->created != usec)
    {
      self->created = usec;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
    }
}

static void
note_update_modified (McNote *self,
                      gint64  usec)
{
  usec = mc_time_clamp (usec);
  if (self->modified != usec)
    {
      self->modified = usec;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static void
mc_note_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  McNote *self = MC_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_FIGURE_ID:
      g_value_set_string (value, self->figure_id);
      break;
    case PROP_REGION_ID:
      g_value_set_string (value, self->region_id);
      break;
    case PROP_REACH:
      g_value_set_string (value, self->reach);
      break;
    case PROP_HAS_POSITION:
      g_value_set_boolean (value, self->has_position);
      break;
    case PROP_X:
      g_value_set_double (value, self->rect.x);
      break;
    case PROP_Y:
      g_value_set_double (value, self->rect.y);
      break;
    case PROP_WIDTH:
      g_value_set_double (value, self->rect.width);
      break;
    case PROP_HEIGHT:
      g_value_set_double (value, self->rect.height);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_int64 (value, self->modified);
      break;
    case PROP_VOTES:
      g_value_set_uint (value, self->votes);
      break;
    case PROP_CONFLICT:
      g_value_set_boolean (value, self->conflict);
      break;
    case PROP_HAS_PHASE:
      g_value_set_boolean (value, self->has_phase);
      break;
    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;
    case PROP_IN_BOARD:
      g_value_set_boolean (value, self->in_board);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_note_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  McNote *self = MC_NOTE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      mc_note_set_text (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      mc_note_set_color (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      mc_note_set_author (self, g_value_get_string (value));
      break;
    case PROP_VOTES:
      mc_note_set_votes (self, g_value_get_uint (value));
      break;
    case PROP_CONFLICT:
      mc_note_set_conflict (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_note_class_init (McNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mc_note_finalize;
  object_class->get_property = mc_note_get_property;
  object_class->set_property = mc_note_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "", rw);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, MC_NOTE_COLOR_DEFAULT, rw);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL, rw);
  properties[PROP_FIGURE_ID] =
    g_param_spec_string ("figure-id", NULL, NULL, NULL, ro);
  properties[PROP_REGION_ID] =
    g_param_spec_string ("region-id", NULL, NULL, NULL, ro);
  properties[PROP_REACH] =
    g_param_spec_string ("reach", NULL, NULL, NULL, ro);
  properties[PROP_HAS_POSITION] =
    g_param_spec_boolean ("has-position", NULL, NULL, FALSE, ro);
  properties[PROP_X] =
    g_param_spec_double ("x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, ro);
  properties[PROP_Y] =
    g_param_spec_double ("y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, ro);
  properties[PROP_WIDTH] =
    g_param_spec_double ("width", NULL, NULL, 0.0, G_MAXDOUBLE, MC_NOTE_DEFAULT_WIDTH, ro);
  properties[PROP_HEIGHT] =
    g_param_spec_double ("height", NULL, NULL, 0.0, G_MAXDOUBLE, MC_NOTE_DEFAULT_HEIGHT, ro);
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_MODIFIED] =
    g_param_spec_int64 ("modified", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_VOTES] =
    g_param_spec_uint ("votes", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_CONFLICT] =
    g_param_spec_boolean ("conflict", NULL, NULL, FALSE, rw);
  properties[PROP_HAS_PHASE] =
    g_param_spec_boolean ("has-phase", NULL, NULL, FALSE, ro);
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL, MC_TYPE_PHASE, MC_PHASE_START, ro);
  properties[PROP_IN_BOARD] =
    g_param_spec_boolean ("in-board", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_note_init (McNote *self)
{
  self->text = g_strdup ("");
  self->color = mc_note_colors[0];
  self->rect.width = MC_NOTE_DEFAULT_WIDTH;
  self->rect.height = MC_NOTE_DEFAULT_HEIGHT;
}

McNote *
_mc_note_new_bare (char *id)
{
  McNote *self = g_object_new (MC_TYPE_NOTE, NULL);

  self->id = id;
  return self;
}

McNote *
mc_note_new (const char *text)
{
  McNote *self = _mc_note_new_bare (g_uuid_string_random ());

  note_update_text (self, text);
  self->created = self->modified = _mc_note_now ();
  return self;
}

McNote *
mc_note_new_with_id (const char *id)
{
  McNote *self;

  g_return_val_if_fail (id != NULL && id[0] != '\0', NULL);

  self = _mc_note_new_bare (g_strdup (id));
  self->created = self->modified = _mc_note_now ();
  return self;
}

McNote *
mc_note_dup (McNote *self)
{
  McNote *copy;

  g_return_val_if_fail (MC_IS_NOTE (self), NULL);

  copy = _mc_note_new_bare (g_strdup (self->id));
  _mc_set_str (&copy->text, self->text);
  copy->color = self->color;
  copy->author = g_strdup (self->author);
  copy->figure_id = g_strdup (self->figure_id);
  copy->region_id = g_strdup (self->region_id);
  copy->reach = self->reach;
  copy->rect = self->rect;
  copy->created = self->created;
  copy->modified = self->modified;
  copy->votes = self->votes;
  copy->has_position = self->has_position;
  copy->conflict = self->conflict;
  copy->has_phase = self->has_phase;
  copy->phase = self->phase;
  copy->extra = _mc_extra_ref (self->extra);

  return copy;
}

gboolean
mc_note_equal (McNote *a,
               McNote *b)
{
  g_return_val_if_fail (MC_IS_NOTE (a), FALSE);
  g_return_val_if_fail (MC_IS_NOTE (b), FALSE);

  if (a == b)
    return TRUE;

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->color, b->color) == 0 &&
         g_strcmp0 (a->author, b->author) == 0 &&
         g_strcmp0 (a->figure_id, b->figure_id) == 0 &&
         g_strcmp0 (a->region_id, b->region_id) == 0 &&
         a->reach == b->reach &&
         a->has_position == b->has_position &&
         (!a->has_position || (a->rect.x == b->rect.x && a->rect.y == b->rect.y)) &&
         a->rect.width == b->rect.width &&
         a->rect.height == b->rect.height &&
         a->created == b->created &&
         a->modified == b->modified &&
         a->votes == b->votes &&
         a->conflict == b->conflict &&
         a->has_phase == b->has_phase &&
         (!a->has_phase || a->phase == b->phase) &&
         _mc_extra_equal (a->extra, b->extra);
}

void
_mc_note_assign (McNote *dst,
                 McNote *src)
{
  g_return_if_fail (MC_IS_NOTE (dst));
  g_return_if_fail (MC_IS_NOTE (src));

  g_object_freeze_notify (G_OBJECT (dst));
  note_update_text (dst, src->text);
  note_update_color (dst, src->color);
  note_update_author (dst, src->author);
  note_update_anchor (dst, src->figure_id, src->region_id);
  note_update_reach (dst, src->reach);
  note_update_geometry (dst, src->has_position, &src->rect);
  note_update_created (dst, src->created);
  note_update_modified (dst, src->modified);
  note_update_votes (dst, src->votes);
  note_update_conflict (dst, src->conflict);
  note_update_phase (dst, src->has_phase, src->phase);
  _mc_note_set_extra (dst, src->extra);
  g_object_thaw_notify (G_OBJECT (dst));
}

void
_mc_note_set_in_board (McNote   *self,
                       gboolean  in_board)
{
  _mc_update_boolean (G_OBJECT (self), &self->in_board, in_board, properties[PROP_IN_BOARD]);
}

JsonObject *
_mc_note_get_extra (McNote *self)
{
  return self->extra;
}

void
_mc_note_set_extra (McNote     *self,
                    JsonObject *extra)
{
  _mc_extra_set (&self->extra, extra);
}

const char *
mc_note_get_id (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), NULL);
  return self->id;
}

const char *
mc_note_get_text (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), NULL);
  return self->text;
}

const char *
mc_note_get_color (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), NULL);
  return self->color;
}

const char *
mc_note_get_author (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), NULL);
  return self->author;
}

const char *
mc_note_get_figure_id (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), NULL);
  return self->figure_id;
}

const char *
mc_note_get_region_id (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), NULL);
  return self->region_id;
}

gboolean
mc_note_get_has_position (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), FALSE);
  return self->has_position;
}

void
mc_note_get_rect (McNote *self,
                  McRect *rect)
{
  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (rect != NULL);
  *rect = self->rect;
}

gint64
mc_note_get_created (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), 0);
  return self->created;
}

gint64
mc_note_get_modified (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), 0);
  return self->modified;
}

guint
mc_note_get_votes (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), 0);
  return self->votes;
}

gboolean
mc_note_get_conflict (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), FALSE);
  return self->conflict;
}

gboolean
mc_note_get_in_board (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), FALSE);
  return self->in_board;
}

/* Public setters: only for detached notes (see mc-note.h). */

void
mc_note_set_text (McNote     *self,
                  const char *text)
{
  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (!self->in_board);
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  note_update_text (self, text);
}

void
mc_note_set_color (McNote     *self,
                   const char *color)
{
  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (!self->in_board);
  g_return_if_fail (mc_note_color_is_valid (color));

  note_update_color (self, color);
}

void
mc_note_set_author (McNote     *self,
                    const char *author)
{
  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (!self->in_board);

  note_update_author (self, author != NULL && author[0] != '\0' ? author : NULL);
}

void
mc_note_set_anchor (McNote     *self,
                    const char *figure_id,
                    const char *region_id)
{
  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (!self->in_board);
  g_return_if_fail ((figure_id == NULL) == (region_id == NULL));

  g_object_freeze_notify (G_OBJECT (self));
  note_update_anchor (self, figure_id, region_id);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
mc_note_get_reach (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), NULL);

  return self->reach;
}

void
mc_note_set_reach (McNote     *self,
                   const char *reach)
{
  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (!self->in_board);
  g_return_if_fail (reach == NULL || _mc_note_intern_reach (reach) != NULL);

  note_update_reach (self, reach);
}

void
mc_note_set_rect (McNote       *self,
                  const McRect *rect)
{
  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (!self->in_board);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (rect->width > 0 && rect->height > 0);

  g_object_freeze_notify (G_OBJECT (self));
  note_update_geometry (self, TRUE, rect);
  g_object_thaw_notify (G_OBJECT (self));
}

void
mc_note_clear_position (McNote *self)
{
  McRect rect;

  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (!self->in_board);

  /* The size stays: it is the note's own, wherever the layout packs it. */
  rect = self->rect;
  rect.x = rect.y = 0;
  g_object_freeze_notify (G_OBJECT (self));
  note_update_geometry (self, FALSE, &rect);
  g_object_thaw_notify (G_OBJECT (self));
}

void
mc_note_set_votes (McNote *self,
                   guint   votes)
{
  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (!self->in_board);

  note_update_votes (self, votes);
}

void
mc_note_set_conflict (McNote   *self,
                      gboolean  conflict)
{
  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (!self->in_board);

  note_update_conflict (self, conflict);
}

gboolean
mc_note_get_has_phase (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), FALSE);
  return self->has_phase;
}

McPhase
mc_note_get_phase (McNote *self)
{
  g_return_val_if_fail (MC_IS_NOTE (self), MC_PHASE_START);
  return self->has_phase ? self->phase : MC_PHASE_START;
}

void
mc_note_set_phase (McNote  *self,
                   McPhase  phase)
{
  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (!self->in_board);
  g_return_if_fail (phase <= MC_PHASE_EVALUATE);

  g_object_freeze_notify (G_OBJECT (self));
  note_update_phase (self, TRUE, phase);
  g_object_thaw_notify (G_OBJECT (self));
}

void
mc_note_clear_phase (McNote *self)
{
  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (!self->in_board);

  g_object_freeze_notify (G_OBJECT (self));
  note_update_phase (self, FALSE, MC_PHASE_START);
  g_object_thaw_notify (G_OBJECT (self));
}

void
mc_note_set_created (McNote *self,
                     gint64  usec)
{
  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (!self->in_board);

  note_update_created (self, usec);
}

void
mc_note_set_modified (McNote *self,
                      gint64  usec)
{
  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (!self->in_board);

  note_update_modified (self, usec);
}

void
mc_note_touch (McNote *self)
{
  g_return_if_fail (MC_IS_NOTE (self));
  g_return_if_fail (!self->in_board);

  note_update_modified (self, _mc_note_now ());
}
