/* mc-cli-merge.h — the headless merge of the command line */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Loads BOARD, OTHER and optionally BASE, merges, saves to OUTPUT (which may
 * be BOARD, and is BOARD when NULL). Prints the summary; returns an exit
 * status. */
int mc_cli_merge (const char *board,
                  const char *other,
                  const char *base,
                  const char *output);

G_END_DECLS
