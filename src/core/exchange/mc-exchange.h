/* mc-exchange.h — opening what other tools (and our own exports) wrote:
 * a JSON Canvas, or an exported SVG, PDF or PNG that carries its board */
#pragma once

#include "mc-board.h"

G_BEGIN_DECLS

/* Whether a file of this name is imported rather than loaded as a board. */
gboolean  mc_exchange_is_import_name (const char  *file_name);

/* A new board (without a file: saving it asks for a name) from a .canvas
 * file or an exported figure. n_edges (optional): a canvas's kept edges.
 * Errors are the board loader's, one line naming the file. */
McBoard  *mc_exchange_import_file    (GFile       *file,
                                      guint       *n_edges,
                                      GError     **error);

G_END_DECLS
