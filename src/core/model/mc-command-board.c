/* mc-command-board.c — the commands on figures, clusters and the board's
 * own properties (title, language, phase, details)
 *
 * See mc-command.c for how a command holds its changes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mc-board-private.h"
#include "mc-command-change-private.h"
#include "mc-command-private.h"

McCommand *
mc_command_add_figure (McFigure *figure)
{
  McCommand *self;

  g_return_val_if_fail (MC_IS_FIGURE (figure), NULL);
  g_return_val_if_fail (!figure->in_board, NULL);

  self = _mc_command_new (KIND_ADD_FIGURE, _("Add Figure"));
  _mc_command_add_change (self, CHANGE_FIGURE, NULL, figure);
  return self;
}

McCommand *
mc_command_remove_figure (McBoard    *board,
                          const char *figure_id)
{
  g_autoptr(GHashTable) on_figure = NULL;
  McCommand *self;
  McFigure *figure;
  GPtrArray *notes;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (figure_id != NULL, NULL);

  self = _mc_command_new (KIND_REMOVE_FIGURE, _("Remove Figure"));
  figure = mc_board_get_figure (board, figure_id);
  if (figure == NULL)
    return self;

  /* Its notes go first, so undo brings the figure back before them; and
   * before them their places in clusters. */
  notes = mc_board_get_notes (board);
  on_figure = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (note->figure_id, figure_id) == 0)
        g_hash_table_add (on_figure, note->id);
    }
  _mc_command_add_cluster_detach (self, board, on_figure, NULL);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (note->figure_id, figure_id) == 0)
        _mc_command_add_change (self, CHANGE_NOTE, mc_note_dup (note), NULL);
    }
  _mc_command_add_change (self, CHANGE_FIGURE, mc_figure_dup (figure), NULL);

  return self;
}

McCommand *
mc_command_update_figure (McBoard  *board,
                          McFigure *changed)
{
  McCommand *self;
  McFigure *current;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (MC_IS_FIGURE (changed), NULL);
  g_return_val_if_fail (!changed->in_board, NULL);

  current = mc_board_get_figure (board, changed->id);
  g_return_val_if_fail (current != NULL, NULL);

  if (current->scale != changed->scale)
    self = _mc_command_new (KIND_UPDATE_FIGURE, _("Resize Figure"));
  else
    self = _mc_command_new (KIND_UPDATE_FIGURE, _("Move Figure"));

  if (mc_figure_equal (current, changed))
    g_object_unref (changed);
  else
    _mc_command_add_change (self, CHANGE_FIGURE, mc_figure_dup (current), changed);

  return self;
}

McCommand *
mc_command_add_cluster (McBoard   *board,
                        McCluster *cluster)
{
  g_autoptr(GHashTable) members = NULL;
  McCommand *self;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (MC_IS_CLUSTER (cluster), NULL);
  g_return_val_if_fail (!cluster->in_board, NULL);

  self = _mc_command_new (KIND_CLUSTER, _("Cluster Notes"));
  members = _mc_command_id_set (mc_cluster_get_note_ids (cluster));
  _mc_command_add_cluster_detach (self, board, members, cluster->id);
  _mc_command_add_change (self, CHANGE_CLUSTER, NULL, cluster);
  return self;
}

McCommand *
mc_command_remove_cluster (McBoard    *board,
                           const char *cluster_id)
{
  McCommand *self;
  McCluster *cluster;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (cluster_id != NULL, NULL);

  /* The notes stay; only the grouping goes. */
  self = _mc_command_new (KIND_CLUSTER, _("Remove Cluster"));
  cluster = mc_board_get_cluster (board, cluster_id);
  if (cluster != NULL)
    _mc_command_add_change (self, CHANGE_CLUSTER, mc_cluster_dup (cluster), NULL);
  return self;
}

McCommand *
mc_command_update_cluster (McBoard   *board,
                           McCluster *changed)
{
  g_autoptr(GHashTable) members = NULL;
  McCommand *self;
  McCluster *current;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (MC_IS_CLUSTER (changed), NULL);
  g_return_val_if_fail (!changed->in_board, NULL);

  current = mc_board_get_cluster (board, changed->id);
  g_return_val_if_fail (current != NULL, NULL);

  self = _mc_command_new (KIND_CLUSTER, _("Edit Cluster"));
  if (mc_cluster_equal (current, changed))
    {
      g_object_unref (changed);
      return self;
    }

  members = _mc_command_id_set (mc_cluster_get_note_ids (changed));
  _mc_command_add_cluster_detach (self, board, members, changed->id);
  _mc_command_add_change (self, CHANGE_CLUSTER, mc_cluster_dup (current), changed);
  return self;
}

McCommand *
mc_command_set_title (McBoard    *board,
                      const char *title)
{
  McCommand *self;
  const char *current;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  if (title == NULL)
    title = "";
  current = mc_board_get_title (board);

  self = _mc_command_new (KIND_BOARD, _("Rename Board"));
  if (strcmp (current, title) != 0)
    _mc_command_add_change (self, CHANGE_TITLE, g_strdup (current), g_strdup (title));
  return self;
}

/* A board property held as a number (language, phase). */
static McCommand *
value_command (const char *label,
               ChangeType  type,
               int         before,
               int         after)
{
  McCommand *self = _mc_command_new (KIND_BOARD, label);

  if (before != after)
    {
      Change *change = _mc_command_add_change (self, type, NULL, NULL);

      change->before_value = before;
      change->after_value = after;
    }
  return self;
}

McCommand *
mc_command_set_language (McBoard    *board,
                         McLanguage  language)
{
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (language < MC_N_LANGUAGES, NULL);

  return value_command (_("Change Language"), CHANGE_LANGUAGE,
                        mc_board_get_language (board), language);
}

McCommand *
mc_command_set_phase (McBoard *board,
                      McPhase  phase)
{
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (phase <= MC_PHASE_EVALUATE, NULL);

  return value_command (_("Change Phase"), CHANGE_PHASE, mc_board_get_phase (board), phase);
}

McCommand *
mc_command_set_meta (McBoard    *board,
                     const char *key,
                     const char *value)
{
  McCommand *self;
  const char *current;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (key != NULL && key[0] != '\0', NULL);

  current = mc_board_get_meta (board, key);
  self = _mc_command_new (KIND_BOARD, _("Edit Board Details"));
  if (g_strcmp0 (current, value) != 0)
    {
      Change *change = _mc_command_add_change (self, CHANGE_META, g_strdup (current), g_strdup (value));

      change->key = g_strdup (key);
    }
  return self;
}

McCommand *
_mc_command_set_board_extra (McBoard    *board,
                             gboolean    file_level,
                             JsonObject *extra)
{
  McCommand *self;
  JsonObject *current;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  current = file_level ? _mc_board_get_file_extra (board) : _mc_board_get_extra (board);
  self = _mc_command_new (KIND_BOARD, _("Edit Board Details"));
  if (!_mc_extra_equal (current, extra))
    {
      Change *change = _mc_command_add_change (self, CHANGE_EXTRA,
                                               current ? json_object_ref (current) : NULL,
                                               extra ? json_object_ref (extra) : NULL);

      change->key = g_strdup (file_level ? "file" : "board");
    }
  return self;
}
