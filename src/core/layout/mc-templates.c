/* mc-templates.c — the whole model (Figuur 13) or one figure kind as a new board */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "mc-templates.h"
#include "mc-command.h"
#include "mc-figure-kind.h"
#include "mc-history.h"

static const struct
{
  const char *kind;
  double      x;
  double      y;
} model_template[] = {
  /* Figuur 13: the CIMO band on top, each part above the figure that fills
   * it in (C, I, M, O left to right), the cross-cutting figures below. */
  { "cimo",              0,    0 },
  { "context",           0,    920 },
  { "perspectives",      1120, 920 },
  { "boundary-crossing", 2240, 920 },
  { "doorwerking",       3360, 920 },
  { "scale-levels",      0,    2040 },
  { "value-creation",    1120, 2040 },
  { "coherence",         2240, 2040 },
  { "potential-value",   3360, 2040 },
};

static void
add_template_figure (McBoard    *board,
                     const char *kind,
                     double      x,
                     double      y)
{
  McFigure *figure = mc_figure_new (kind, kind);

  mc_figure_set_position (figure, x, y);
  mc_figure_set_scale (figure, 1.0);
  mc_board_execute (board, mc_command_add_figure (figure));
}

McBoard *
mc_board_new_from_template (const char  *template_id,
                            McLanguage   language,
                            GError     **error)
{
  g_autoptr(McBoard) board = NULL;
  gboolean is_model;

  g_return_val_if_fail (template_id != NULL, NULL);
  g_return_val_if_fail (language < MC_N_LANGUAGES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  is_model = strcmp (template_id, "model") == 0;
  if (!is_model && mc_figure_kind_lookup (template_id) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no template “%s”"), template_id);
      return NULL;
    }

  board = mc_board_new ();
  /* The board's title is content in the board's language, not UI text. */
  mc_board_execute (board, mc_command_set_language (board, language));
  mc_board_execute (board, mc_command_set_title (board, language == MC_LANGUAGE_EN
                                                        ? "New board" : "Nieuw bord"));

  if (is_model)
    {
      for (guint i = 0; i < G_N_ELEMENTS (model_template); i++)
        add_template_figure (board, model_template[i].kind, model_template[i].x,
                             model_template[i].y);
    }
  else
    add_template_figure (board, template_id, 0, 0);

  /* A fresh board is unmodified and has nothing to undo. */
  mc_history_clear (mc_board_get_history (board));
  mc_board_mark_saved (board);

  return g_steal_pointer (&board);
}
