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
  g_autofree char *added = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *conflicts = NULL;
  g_autofree char *kept = NULL;
  const char * const *conflict_ids;
  guint n;

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

  n = mc_merge_result_get_n_added (summary);
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note added", "%u notes added", n), n);
  n = mc_merge_result_get_n_changed (summary);
  changed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed", n), n);
  n = mc_merge_result_get_n_removed (summary);
  removed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed", n), n);
  n = mc_merge_result_get_n_conflicts (summary);
  conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", n), n);
  n = mc_merge_result_get_n_kept_deleted (summary);
  kept = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deleted note kept", "%u deleted notes kept", n), n);
  /* TRANSLATORS: the summary of a merge on the command line: the other
   * file, then "2 notes added", "1 changed", "0 removed", "1 conflict" and
   * "0 deleted notes kept" */
  g_print (_("Merged %s: %s, %s, %s, %s, %s\n"), other, added, changed, removed, conflicts, kept);
  conflict_ids = mc_merge_result_get_conflict_ids (summary);
  for (guint i = 0; conflict_ids[i] != NULL; i++)
    g_print ("  %s %s\n", _("conflict:"), conflict_ids[i]);
  return 0;
}
