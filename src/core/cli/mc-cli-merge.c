/* mc-cli-merge.c — --merge on the command line: load, merge, save, report */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-cli-merge.h"
#include "mc-board-io.h"
#include "mc-merge.h"

int
mc_cli_merge (const char *board,
              const char *other,
              const char *base,
              const char *output)
{
  g_autoptr(GFile) board_file = NULL;
  g_autoptr(GFile) other_file = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(McBoard) ours = NULL;
  g_autoptr(McBoard) theirs = NULL;
  g_autoptr(McBoard) base_board = NULL;
  g_autoptr(McMergeResult) summary = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *conflict_ids;

  g_return_val_if_fail (board != NULL, 1);
  g_return_val_if_fail (other != NULL, 1);

  board_file = g_file_new_for_commandline_arg (board);
  other_file = g_file_new_for_commandline_arg (other);
  output_file = g_file_new_for_commandline_arg (output ? output : board);

  if ((ours = mc_board_load_from_file (board_file, MC_BOARD_LOAD_NONE, &error)) == NULL ||
      (theirs = mc_board_load_from_file (other_file, MC_BOARD_LOAD_ALLOW_NEWER, &error)) == NULL)
    {
      g_printerr ("missiecanvas: %s\n", error->message);
      return 1;
    }
  if (base != NULL)
    {
      g_autoptr(GFile) base_file = g_file_new_for_commandline_arg (base);

      base_board = mc_board_load_from_file (base_file, MC_BOARD_LOAD_ALLOW_NEWER, &error);
      if (base_board == NULL)
        {
          g_printerr ("missiecanvas: %s\n", error->message);
          return 1;
        }
    }

  if (!mc_merge_into (ours, theirs, base_board, &summary, &error) ||
      !mc_board_save_to_file (ours, output_file, &error))
    {
      g_printerr ("missiecanvas: %s\n", error->message);
      return 1;
    }

  /* TRANSLATORS: the summary of a merge on the command line */
  g_print (_("Merged %s: %u added, %u changed, %u removed, %u conflicts, %u kept despite deletion\n"),
           other,
           mc_merge_result_get_n_added (summary),
           mc_merge_result_get_n_changed (summary),
           mc_merge_result_get_n_removed (summary),
           mc_merge_result_get_n_conflicts (summary),
           mc_merge_result_get_n_kept_deleted (summary));
  conflict_ids = mc_merge_result_get_conflict_ids (summary);
  for (guint i = 0; conflict_ids[i] != NULL; i++)
    g_print ("  %s %s\n", _("conflict:"), conflict_ids[i]);
  return 0;
}
