/* mc-history.c — unlimited undo/redo of McCommands */
#include "config.h"

#include "mc-board-private.h"
#include "mc-command-private.h"
#include "mc-history-private.h"

#define SAVED_UNREACHABLE G_MAXUINT

struct _McHistory
{
  GObject    parent_instance;

  McBoard   *board;        /* owns us; not referenced */
  GPtrArray *undo;         /* McCommand*, oldest first */
  GPtrArray *redo;         /* McCommand*, the next to redo last */
  /* Length of the undo stack at the saved state, or SAVED_UNREACHABLE when
   * that state was dropped with the redo stack. */
  guint      saved_depth;
  gboolean   coalescing;   /* the newest step may absorb more typing */

  /* What was last notified, to notify only on real change. */
  gboolean   can_undo;
  gboolean   can_redo;
  char      *undo_label;
  char      *redo_label;
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (McHistory, mc_history, G_TYPE_OBJECT)

static void
mc_history_finalize (GObject *object)
{
  McHistory *self = MC_HISTORY (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);

  G_OBJECT_CLASS (mc_history_parent_class)->finalize (object);
}

static void
mc_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  McHistory *self = MC_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, mc_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, mc_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, mc_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, mc_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_history_class_init (McHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mc_history_finalize;
  object_class->get_property = mc_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_history_init (McHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_command_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_command_free);
  self->saved_depth = 0;
}

McHistory *
_mc_history_new (McBoard *board)
{
  McHistory *self = g_object_new (MC_TYPE_HISTORY, NULL);

  self->board = board;
  return self;
}

static McCommand *
top (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

void
_mc_history_push (McHistory *self,
                  McCommand *command)
{
  McCommand *newest = top (self->undo);

  /* Dropping the redo stack loses the saved state if it lay ahead. */
  if (self->redo->len > 0)
    {
      g_ptr_array_set_size (self->redo, 0);
      if (self->saved_depth != SAVED_UNREACHABLE && self->saved_depth > self->undo->len)
        self->saved_depth = SAVED_UNREACHABLE;
    }

  /* Typing merges into the previous step, unless that step ends at the
   * saved state: then undo must still be able to return to it. */
  if (self->coalescing && newest != NULL &&
      self->saved_depth != self->undo->len &&
      _mc_command_merge (newest, command))
    {
      mc_command_free (command);
      return;
    }

  g_ptr_array_add (self->undo, command);
  /* Only a text edit opens a typing run; any other command ends it. */
  self->coalescing = _mc_command_is_text_edit (command);
}

McCommand *
_mc_history_step_back (McHistory *self)
{
  McCommand *command;

  if (self->undo->len == 0)
    return NULL;

  command = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  g_ptr_array_add (self->redo, command);
  self->coalescing = FALSE;
  return command;
}

McCommand *
_mc_history_step_forward (McHistory *self)
{
  McCommand *command;

  if (self->redo->len == 0)
    return NULL;

  command = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  g_ptr_array_add (self->undo, command);
  self->coalescing = FALSE;
  return command;
}

void
_mc_history_mark_saved (McHistory *self)
{
  self->saved_depth = self->undo->len;
  self->coalescing = FALSE;
}

gboolean
_mc_history_get_modified (McHistory *self)
{
  return self->saved_depth != self->undo->len;
}

gboolean
_mc_history_sync (McHistory *self)
{
  GObject *object = G_OBJECT (self);
  gboolean can_undo = mc_history_get_can_undo (self);
  gboolean can_redo = mc_history_get_can_redo (self);
  const char *undo_label = mc_history_get_undo_label (self);
  const char *redo_label = mc_history_get_redo_label (self);
  gboolean changed = FALSE;

  g_object_freeze_notify (object);

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (object, properties[PROP_CAN_UNDO]);
      changed = TRUE;
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (object, properties[PROP_CAN_REDO]);
      changed = TRUE;
    }
  /* Copies: the commands that own the labels may be gone by the next call. */
  if (_mc_set_str (&self->undo_label, undo_label))
    {
      g_object_notify_by_pspec (object, properties[PROP_UNDO_LABEL]);
      changed = TRUE;
    }
  if (_mc_set_str (&self->redo_label, redo_label))
    {
      g_object_notify_by_pspec (object, properties[PROP_REDO_LABEL]);
      changed = TRUE;
    }

  g_object_thaw_notify (object);

  return changed;
}

gboolean
mc_history_get_can_undo (McHistory *self)
{
  g_return_val_if_fail (MC_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
mc_history_get_can_redo (McHistory *self)
{
  g_return_val_if_fail (MC_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

const char *
mc_history_get_undo_label (McHistory *self)
{
  McCommand *command;

  g_return_val_if_fail (MC_IS_HISTORY (self), NULL);

  command = top (self->undo);
  return command != NULL ? mc_command_get_label (command) : NULL;
}

const char *
mc_history_get_redo_label (McHistory *self)
{
  McCommand *command;

  g_return_val_if_fail (MC_IS_HISTORY (self), NULL);

  command = top (self->redo);
  return command != NULL ? mc_command_get_label (command) : NULL;
}

guint
mc_history_get_n_undo (McHistory *self)
{
  g_return_val_if_fail (MC_IS_HISTORY (self), 0);
  return self->undo->len;
}

guint
mc_history_get_n_redo (McHistory *self)
{
  g_return_val_if_fail (MC_IS_HISTORY (self), 0);
  return self->redo->len;
}

void
mc_history_break_coalescing (McHistory *self)
{
  g_return_if_fail (MC_IS_HISTORY (self));
  self->coalescing = FALSE;
}

void
mc_history_clear (McHistory *self)
{
  g_return_if_fail (MC_IS_HISTORY (self));

  /* The current state stays what it is: saved if it was saved. */
  self->saved_depth = _mc_history_get_modified (self) ? SAVED_UNREACHABLE : 0;
  self->coalescing = FALSE;
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);

  if (self->board != NULL)
    _mc_board_history_changed (self->board);
}
