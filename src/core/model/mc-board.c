/* mc-board.c — a board: placed figures, notes and metadata */
#include "config.h"

#include <string.h>

#include "mc-board-private.h"
#include "mc-command-private.h"
#include "mc-enums.h"
#include "mc-history-private.h"
#include "mc-limits.h"

struct _McBoard
{
  GObject     parent_instance;

  char       *title;
  McLanguage  language;
  McPhase     phase;
  GHashTable *meta;           /* char* → char* */

  GPtrArray  *notes;          /* McNote*, back to front */
  GHashTable *notes_by_id;    /* borrowed id → McNote* */
  GPtrArray  *figures;        /* McFigure*, placement order */
  GHashTable *figures_by_id;  /* borrowed id → McFigure* */
  GPtrArray  *clusters;       /* McCluster*, creation order */
  GHashTable *clusters_by_id; /* borrowed id → McCluster* */

  McHistory  *history;
  GFile      *file;
  gboolean    modified;
  gboolean    read_only;

  JsonObject *extra;          /* unknown members of "board" */
  JsonObject *file_extra;     /* unknown members at the file's top level */
  GPtrArray  *load_warnings;  /* char*, NULL-terminated */
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_LANGUAGE,
  PROP_PHASE,
  PROP_MODIFIED,
  PROP_READ_ONLY,
  PROP_FILE,
  PROP_N_NOTES,
  PROP_HISTORY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (McBoard, mc_board, G_TYPE_OBJECT)

static void
mc_board_dispose (GObject *object)
{
  McBoard *self = MC_BOARD (object);

  /* The history's commands hold no board references, but clear it first so
   * nothing can reach the board through it while the board goes away. */
  g_clear_object (&self->history);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (mc_board_parent_class)->dispose (object);
}

static void
mc_board_finalize (GObject *object)
{
  McBoard *self = MC_BOARD (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->meta, g_hash_table_unref);
  g_clear_pointer (&self->notes_by_id, g_hash_table_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->figures_by_id, g_hash_table_unref);
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->clusters_by_id, g_hash_table_unref);
  g_clear_pointer (&self->clusters, g_ptr_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->file_extra, json_object_unref);
  g_clear_pointer (&self->load_warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_board_parent_class)->finalize (object);
}

static void
mc_board_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  McBoard *self = MC_BOARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_LANGUAGE:
      g_value_set_enum (value, self->language);
      break;
    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_N_NOTES:
      g_value_set_uint (value, self->notes->len);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_board_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  McBoard *self = MC_BOARD (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      mc_board_set_read_only (self, g_value_get_boolean (value));
      break;
    case PROP_FILE:
      mc_board_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_board_class_init (McBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = mc_board_dispose;
  object_class->finalize = mc_board_finalize;
  object_class->get_property = mc_board_get_property;
  object_class->set_property = mc_board_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", ro);
  properties[PROP_LANGUAGE] = g_param_spec_enum ("language", NULL, NULL, MC_TYPE_LANGUAGE,
                                                 MC_LANGUAGE_NL, ro);
  properties[PROP_PHASE] = g_param_spec_enum ("phase", NULL, NULL, MC_TYPE_PHASE,
                                              MC_PHASE_START, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, rw);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, rw);
  properties[PROP_N_NOTES] = g_param_spec_uint ("n-notes", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, MC_TYPE_HISTORY,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * McBoard::changed:
   * @flags: what changed
   * @note_ids: (nullable): the notes touched, or NULL for "anything"
   *
   * Emitted once per executed, undone or redone command, and when the
   * history alone changed (saved point, clear).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  MC_TYPE_CHANGE_FLAGS,
                  G_TYPE_STRV);
}

static void
mc_board_init (McBoard *self)
{
  self->title = g_strdup ("");
  self->language = MC_LANGUAGE_NL;
  self->phase = MC_PHASE_START;
  self->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->notes = g_ptr_array_new_with_free_func (g_object_unref);
  self->notes_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->figures = g_ptr_array_new_with_free_func (g_object_unref);
  self->figures_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->clusters = g_ptr_array_new_with_free_func (g_object_unref);
  self->clusters_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->history = _mc_history_new (self);
  self->load_warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->load_warnings, NULL);
}

McBoard *
mc_board_new (void)
{
  return g_object_new (MC_TYPE_BOARD, NULL);
}

const char *
mc_board_get_title (McBoard *self)
{
  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  return self->title;
}

McLanguage
mc_board_get_language (McBoard *self)
{
  g_return_val_if_fail (MC_IS_BOARD (self), MC_LANGUAGE_NL);
  return self->language;
}

McPhase
mc_board_get_phase (McBoard *self)
{
  g_return_val_if_fail (MC_IS_BOARD (self), MC_PHASE_START);
  return self->phase;
}

const char *
mc_board_get_meta (McBoard    *self,
                   const char *key)
{
  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_hash_table_lookup (self->meta, key);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GStrv
mc_board_dup_meta_keys (McBoard *self)
{
  GStrv keys;
  guint n;

  g_return_val_if_fail (MC_IS_BOARD (self), NULL);

  keys = (GStrv) g_hash_table_get_keys_as_array (self->meta, &n);
  for (guint i = 0; i < n; i++)
    keys[i] = g_strdup (keys[i]);
  qsort (keys, n, sizeof (char *), compare_strings);
  return keys;
}

GPtrArray *
mc_board_get_notes (McBoard *self)
{
  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  return self->notes;
}

McNote *
mc_board_get_note (McBoard    *self,
                   const char *id)
{
  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->notes_by_id, id);
}

guint
mc_board_get_n_notes (McBoard *self)
{
  g_return_val_if_fail (MC_IS_BOARD (self), 0);
  return self->notes->len;
}

GPtrArray *
mc_board_get_figures (McBoard *self)
{
  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  return self->figures;
}

McFigure *
mc_board_get_figure (McBoard    *self,
                     const char *id)
{
  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->figures_by_id, id);
}

GPtrArray *
mc_board_get_clusters (McBoard *self)
{
  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  return self->clusters;
}

McCluster *
mc_board_get_cluster (McBoard    *self,
                      const char *id)
{
  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->clusters_by_id, id);
}

McCluster *
mc_board_get_note_cluster (McBoard    *self,
                           const char *note_id)
{
  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  g_return_val_if_fail (note_id != NULL, NULL);

  /* Boards hold a handful of clusters: a scan is cheaper than an index to
   * keep in step with every command. */
  for (guint i = 0; i < self->clusters->len; i++)
    {
      McCluster *cluster = g_ptr_array_index (self->clusters, i);

      if (mc_cluster_has_note (cluster, note_id))
        return cluster;
    }
  return NULL;
}

McPhase
mc_board_get_note_phase (McBoard *self,
                         McNote  *note)
{
  g_return_val_if_fail (MC_IS_BOARD (self), MC_PHASE_START);
  g_return_val_if_fail (MC_IS_NOTE (note), MC_PHASE_START);

  return mc_note_get_has_phase (note) ? mc_note_get_phase (note) : self->phase;
}

char *
mc_board_new_figure_id (McBoard    *self,
                        const char *kind)
{
  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  g_return_val_if_fail (kind != NULL && kind[0] != '\0', NULL);

  if (!g_hash_table_contains (self->figures_by_id, kind))
    return g_strdup (kind);

  for (guint n = 2; ; n++)
    {
      char *id = g_strdup_printf ("%s-%u", kind, n);

      if (!g_hash_table_contains (self->figures_by_id, id))
        return id;
      g_free (id);
    }
}

McHistory *
mc_board_get_history (McBoard *self)
{
  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  return self->history;
}

/* Brings the history's properties and the board's modified flag up to date;
 * TRUE when any of them changed, which views learn as MC_CHANGE_HISTORY. */
static gboolean
sync_history (McBoard *self)
{
  gboolean changed = _mc_history_sync (self->history);
  gboolean modified = _mc_history_get_modified (self->history);

  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
      changed = TRUE;
    }

  return changed;
}

static void
emit_changed (McBoard     *self,
              McChangeSet *changes)
{
  g_auto(GStrv) ids = _mc_change_set_dup_ids (changes);

  g_signal_emit (self, signals[CHANGED], 0, changes->flags, ids);
}

void
mc_board_execute (McBoard   *self,
                  McCommand *command)
{
  McChangeSet changes;

  g_return_if_fail (MC_IS_BOARD (self));
  g_return_if_fail (command != NULL);

  /* A read-only board (a file from a newer version) is never changed; the
   * UI disables editing, so this is a quiet no-op rather than a warning. */
  if (self->read_only || _mc_command_is_empty (command))
    {
      mc_command_free (command);
      return;
    }

  _mc_change_set_init (&changes);
  g_object_freeze_notify (G_OBJECT (self));

  _mc_command_apply (command, self, &changes);
  _mc_history_push (self->history, command);
  if (sync_history (self))
    changes.flags |= MC_CHANGE_HISTORY;

  g_object_thaw_notify (G_OBJECT (self));
  emit_changed (self, &changes);
  _mc_change_set_clear (&changes);
}

static gboolean
step (McBoard  *self,
      gboolean  forward)
{
  McChangeSet changes;
  McCommand *command;

  g_return_val_if_fail (MC_IS_BOARD (self), FALSE);

  if (self->read_only)
    return FALSE;

  command = forward ? _mc_history_step_forward (self->history)
                    : _mc_history_step_back (self->history);
  if (command == NULL)
    return FALSE;

  _mc_change_set_init (&changes);
  g_object_freeze_notify (G_OBJECT (self));

  if (forward)
    _mc_command_apply (command, self, &changes);
  else
    _mc_command_revert (command, self, &changes);
  if (sync_history (self))
    changes.flags |= MC_CHANGE_HISTORY;

  g_object_thaw_notify (G_OBJECT (self));
  emit_changed (self, &changes);
  _mc_change_set_clear (&changes);

  return TRUE;
}

gboolean
mc_board_undo (McBoard *self)
{
  return step (self, FALSE);
}

gboolean
mc_board_redo (McBoard *self)
{
  return step (self, TRUE);
}

gboolean
mc_board_get_modified (McBoard *self)
{
  g_return_val_if_fail (MC_IS_BOARD (self), FALSE);
  return self->modified;
}

void
_mc_board_history_changed (McBoard *self)
{
  McChangeSet changes;

  _mc_change_set_init (&changes);
  if (sync_history (self))
    {
      changes.flags = MC_CHANGE_HISTORY;
      emit_changed (self, &changes);
    }
  _mc_change_set_clear (&changes);
}

void
mc_board_mark_saved (McBoard *self)
{
  g_return_if_fail (MC_IS_BOARD (self));

  _mc_history_mark_saved (self->history);
  _mc_board_history_changed (self);
}

gboolean
mc_board_get_read_only (McBoard *self)
{
  g_return_val_if_fail (MC_IS_BOARD (self), FALSE);
  return self->read_only;
}

void
mc_board_set_read_only (McBoard  *self,
                        gboolean  read_only)
{
  g_return_if_fail (MC_IS_BOARD (self));

  read_only = !!read_only;
  if (self->read_only != read_only)
    {
      self->read_only = read_only;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

GFile *
mc_board_get_file (McBoard *self)
{
  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  return self->file;
}

void
mc_board_set_file (McBoard *self,
                   GFile   *file)
{
  g_return_if_fail (MC_IS_BOARD (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/**
 * mc_board_get_load_warnings:
 *
 * What the loader repaired while reading the board (for example a note
 * anchored to a figure that is not on the board, made free), for the app to
 * show once. NULL-terminated, borrowed, empty when there is nothing to say.
 */
const char * const *
mc_board_get_load_warnings (McBoard *self)
{
  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  return (const char * const *) self->load_warnings->pdata;
}

/* Private API */

void
_mc_board_take_note (McBoard *self,
                     McNote  *note)
{
  /* Nobody watches a board being loaded: skip the notifications. */
  g_ptr_array_add (self->notes, note);
  g_hash_table_insert (self->notes_by_id, note->id, note);
  note->in_board = TRUE;
}

void
_mc_board_take_figure (McBoard  *self,
                       McFigure *figure)
{
  _mc_board_insert_figure (self, figure, G_MAXUINT);
}

void
_mc_board_take_cluster (McBoard   *self,
                        McCluster *cluster)
{
  _mc_board_insert_cluster (self, cluster, G_MAXUINT);
}

void
_mc_board_add_load_warning (McBoard    *self,
                            const char *warning)
{
  /* keep the trailing NULL */
  g_ptr_array_insert (self->load_warnings, self->load_warnings->len - 1,
                      g_strdup (warning));
}

JsonObject *
_mc_board_get_extra (McBoard *self)
{
  return self->extra;
}

static void
replace_json_object (JsonObject **slot,
                     JsonObject  *object)
{
  if (*slot == object)
    return;
  if (object != NULL)
    json_object_ref (object);
  g_clear_pointer (slot, json_object_unref);
  *slot = object;
}

void
_mc_board_set_extra (McBoard    *self,
                     JsonObject *extra)
{
  replace_json_object (&self->extra, extra);
}

JsonObject *
_mc_board_get_file_extra (McBoard *self)
{
  return self->file_extra;
}

void
_mc_board_set_file_extra (McBoard    *self,
                          JsonObject *extra)
{
  replace_json_object (&self->file_extra, extra);
}

GHashTable *
_mc_board_get_meta_table (McBoard *self)
{
  return self->meta;
}

void
_mc_board_update_title (McBoard    *self,
                        const char *title)
{
  g_autofree char *clamped = mc_limits_clamp_text (title != NULL ? title : "",
                                                   MC_BOARD_MAX_TEXT_LENGTH);

  if (_mc_set_str (&self->title, clamped))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
_mc_board_update_language (McBoard    *self,
                           McLanguage  language)
{
  if (self->language != language)
    {
      self->language = language;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
    }
}

void
_mc_board_update_phase (McBoard *self,
                        McPhase  phase)
{
  if (self->phase != phase)
    {
      self->phase = phase;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
    }
}

void
_mc_board_update_meta (McBoard    *self,
                       const char *key,
                       const char *value)
{
  if (value == NULL)
    g_hash_table_remove (self->meta, key);
  else if (!mc_limits_check_meta (key, value, NULL))
    g_debug ("Board detail “%s” left out: the file could not keep its value", key);
  else
    g_hash_table_replace (self->meta, g_strdup (key), g_strdup (value));
}

guint
_mc_board_insert_note (McBoard *self,
                       McNote  *note,
                       guint    index)
{
  g_assert (!g_hash_table_contains (self->notes_by_id, note->id));

  if (index > self->notes->len)
    index = self->notes->len;

  g_ptr_array_insert (self->notes, index, note);
  g_hash_table_insert (self->notes_by_id, note->id, note);
  _mc_note_set_in_board (note, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NOTES]);

  return index;
}

static guint
find_index (GPtrArray *array,
            gpointer   item)
{
  guint index;

  /* Search from the front: new and raised notes live there. */
  for (index = array->len; index > 0; index--)
    if (g_ptr_array_index (array, index - 1) == item)
      return index - 1;

  g_assert_not_reached ();
  return 0;
}

McNote *
_mc_board_steal_note (McBoard    *self,
                      const char *id,
                      guint      *index)
{
  McNote *note = g_hash_table_lookup (self->notes_by_id, id);
  guint i;

  if (note == NULL)
    return NULL;

  i = find_index (self->notes, note);
  g_hash_table_remove (self->notes_by_id, id);
  g_ptr_array_steal_index (self->notes, i);
  _mc_note_set_in_board (note, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NOTES]);

  if (index != NULL)
    *index = i;
  return note;
}

guint
_mc_board_move_note (McBoard    *self,
                     const char *id,
                     guint       index)
{
  McNote *note = g_hash_table_lookup (self->notes_by_id, id);
  guint from;

  g_return_val_if_fail (note != NULL, 0);

  from = find_index (self->notes, note);
  g_ptr_array_steal_index (self->notes, from);
  if (index > self->notes->len)
    index = self->notes->len;
  g_ptr_array_insert (self->notes, index, note);

  return from;
}

guint
_mc_board_insert_figure (McBoard  *self,
                         McFigure *figure,
                         guint     index)
{
  g_assert (!g_hash_table_contains (self->figures_by_id, figure->id));

  if (index > self->figures->len)
    index = self->figures->len;

  g_ptr_array_insert (self->figures, index, figure);
  g_hash_table_insert (self->figures_by_id, figure->id, figure);
  _mc_figure_set_in_board (figure, TRUE);

  return index;
}

McFigure *
_mc_board_steal_figure (McBoard    *self,
                        const char *id,
                        guint      *index)
{
  McFigure *figure = g_hash_table_lookup (self->figures_by_id, id);
  guint i;

  if (figure == NULL)
    return NULL;

  i = find_index (self->figures, figure);
  g_hash_table_remove (self->figures_by_id, id);
  g_ptr_array_steal_index (self->figures, i);
  _mc_figure_set_in_board (figure, FALSE);

  if (index != NULL)
    *index = i;
  return figure;
}

guint
_mc_board_insert_cluster (McBoard   *self,
                          McCluster *cluster,
                          guint      index)
{
  g_assert (!g_hash_table_contains (self->clusters_by_id, cluster->id));

  if (index > self->clusters->len)
    index = self->clusters->len;

  g_ptr_array_insert (self->clusters, index, cluster);
  g_hash_table_insert (self->clusters_by_id, cluster->id, cluster);
  _mc_cluster_set_in_board (cluster, TRUE);

  return index;
}

McCluster *
_mc_board_steal_cluster (McBoard    *self,
                         const char *id,
                         guint      *index)
{
  McCluster *cluster = g_hash_table_lookup (self->clusters_by_id, id);
  guint i;

  if (cluster == NULL)
    return NULL;

  i = find_index (self->clusters, cluster);
  g_hash_table_remove (self->clusters_by_id, id);
  g_ptr_array_steal_index (self->clusters, i);
  _mc_cluster_set_in_board (cluster, FALSE);

  if (index != NULL)
    *index = i;
  return cluster;
}
