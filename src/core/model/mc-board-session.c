/* mc-board-session.c — "New session from this board": the next phase's copy */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-board-private.h"
#include "mc-limits.h"

/* A detached copy of everything a board file holds (unknown members
 * included, shared: they are immutable once set), with no history, no
 * file and no load warnings. Nobody sees it yet, so it is filled directly. */
static McBoard *
copy_contents (McBoard *self)
{
  McBoard *copy = mc_board_new ();
  GPtrArray *figures = mc_board_get_figures (self);
  GPtrArray *notes = mc_board_get_notes (self);
  GPtrArray *clusters = mc_board_get_clusters (self);
  GHashTableIter iter;
  gpointer key, value;

  _mc_board_update_title (copy, mc_board_get_title (self));
  _mc_board_update_language (copy, mc_board_get_language (self));
  _mc_board_update_phase (copy, mc_board_get_phase (self));
  g_hash_table_iter_init (&iter, _mc_board_get_meta_table (self));
  while (g_hash_table_iter_next (&iter, &key, &value))
    _mc_board_update_meta (copy, key, value);
  _mc_board_set_extra (copy, _mc_board_get_extra (self));
  _mc_board_set_file_extra (copy, _mc_board_get_file_extra (self));

  for (guint i = 0; i < figures->len; i++)
    {
      McFigure *figure = g_ptr_array_index (figures, i);
      McFigure *dup = _mc_figure_new_bare (g_strdup (figure->id), figure->kind);

      _mc_figure_assign (dup, figure);
      _mc_board_take_figure (copy, dup);
    }
  for (guint i = 0; i < notes->len; i++)
    _mc_board_take_note (copy, mc_note_dup (g_ptr_array_index (notes, i)));
  for (guint i = 0; i < clusters->len; i++)
    _mc_board_take_cluster (copy, mc_cluster_dup (g_ptr_array_index (clusters, i)));

  return copy;
}

McBoard *
mc_board_new_session_copy (McBoard  *self,
                           GError  **error)
{
  g_autoptr(McBoard) copy = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clamped = NULL;
  const char *old_date;
  GPtrArray *notes;
  McPhase phase;

  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  phase = mc_board_get_phase (self);
  if (phase >= MC_PHASE_EVALUATE)
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_INVALID,
                   _("This board is already in the last phase (evaluate): there is no next session"));
      return NULL;
    }

  copy = copy_contents (self);

  notes = mc_board_get_notes (copy);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);

      if (!note->has_phase)
        {
          note->has_phase = TRUE;
          note->phase = phase;
        }
    }
  _mc_board_update_phase (copy, phase + 1);

  old_date = mc_board_get_meta (self, MC_META_DATE);
  if (old_date != NULL && old_date[0] != '\0')
    previous = g_strdup_printf ("%s (%s, %s)", mc_board_get_title (self),
                                mc_phase_to_string (phase), old_date);
  else
    previous = g_strdup_printf ("%s (%s)", mc_board_get_title (self), mc_phase_to_string (phase));
  clamped = mc_limits_clamp_text (previous, MC_BOARD_MAX_TEXT_LENGTH);
  _mc_board_update_meta (copy, MC_META_PREVIOUS_SESSION, clamped);

  today = g_date_time_new_now_local ();
  date = g_date_time_format (today, "%Y-%m-%d");
  _mc_board_update_meta (copy, MC_META_DATE, date);

  return g_steal_pointer (&copy);
}
