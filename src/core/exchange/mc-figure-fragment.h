/* mc-figure-fragment.h — the board behind an exported figure
 *
 * Every exported SVG, PDF and PNG carries the part of the board it shows (the
 * figure, its notes and clusters, the board's title and language) as one
 * ASCII token: "missiecanvas-board:" + base64 (gzip (board file JSON)). The
 * writers put the token where their format keeps text (SVG <metadata>, the
 * PDF's document information, a PNG tEXt chunk); opening the exported file
 * finds the token again whatever the format, so the figure reopens as an
 * editable board.
 */
#pragma once

#include "mc-board.h"

G_BEGIN_DECLS

#define MC_FIGURE_FRAGMENT_PREFIX "missiecanvas-board:"

/* The token for figure_id (NULL: every figure and every note). */
char    *mc_figure_fragment_encode (McBoard     *board,
                                    const char  *figure_id);

/* Whether data holds a token. */
gboolean mc_figure_fragment_contains (const char *data,
                                      gsize       length);

/* The board from the first token in data (an exported file's bytes);
 * MC_BOARD_ERROR_NOT_A_BOARD, naming display_name, if there is none. */
McBoard *mc_figure_fragment_decode (const char  *data,
                                    gsize        length,
                                    const char  *display_name,
                                    GError     **error);

G_END_DECLS
