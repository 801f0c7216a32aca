/* mc-cli.h — the headless command line
 *
 *   missiecanvas --export OUTPUT [--figure ID|all] [--dpi N] [--width-mm N]
 *                [--lang nl|en] [--theme color|print|projector] [--no-notes]
 *                [--questions] [--caption] [BOARD]
 *   missiecanvas --list-figures [BOARD]
 *   missiecanvas --merge OTHER --output OUT BOARD
 *
 * Runs from GApplication::handle-local-options, before GTK is initialised,
 * so it works with DISPLAY and WAYLAND_DISPLAY unset.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds the command-line options above (and G_OPTION_REMAINING for BOARD
 * files) to the application's main group. */
void  mc_cli_add_main_options     (GApplication *app);
/* An exit status when the options asked for a command-line action (after
 * performing it), or -1 when the GUI should start. */
int   mc_cli_handle_local_options (GApplication *app,
                                   GVariantDict *options);
/* The positional BOARD arguments, as given; NULL-terminated, never NULL. */
GStrv mc_cli_dup_files            (GVariantDict *options);

G_END_DECLS
