/* mc-cli.c — placeholder until the export helper lands: no command-line
 * actions yet, every start goes on to the GUI. */
#include "config.h"

#include "mc-cli.h"

void
mc_cli_add_main_options (GApplication *app)
{
}

int
mc_cli_handle_local_options (GApplication *app,
                             GVariantDict *options)
{
  return -1;
}

GStrv
mc_cli_dup_files (GVariantDict *options)
{
  return g_new0 (char *, 1);
}
