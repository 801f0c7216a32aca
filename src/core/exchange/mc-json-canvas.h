/* mc-json-canvas.h — JSON Canvas 1.0 (jsoncanvas.org, Obsidian's canvases)
 *
 * Export: each figure a group node with its title, each region a nested
 * group with its label, each note a text node at its place on the board,
 * clusters as groups, in drawing order. What the format has no field for
 * (ids, votes, authors, anchors, phase, the figures themselves) travels in
 * one namespaced member, "missiecanvas", so that export then import gives
 * back the same board.
 *
 * Import: a canvas we wrote becomes the board again, with the texts and
 * colours edited in another tool; any other canvas becomes free notes (text,
 * file and link nodes) and clusters (groups). Edges are not part of a board:
 * they are counted and kept, and written back by the next export.
 */
#pragma once

#include "mc-board.h"
#include "mc-layout.h"

G_BEGIN_DECLS

#define MC_JSON_CANVAS_EXTENSION ".canvas"

/* The board as a JSON Canvas document (UTF-8). */
GBytes  *mc_json_canvas_export  (McBoard     *board,
                                 McLayout    *layout,
                                 GError     **error);

/* A new board from a JSON Canvas document; display_name names it in
 * errors. n_edges (optional): how many edges were kept but not shown.
 * Errors are the board loader's (MC_BOARD_ERROR), one line each. */
McBoard *mc_json_canvas_import  (const char  *data,
                                 gsize        length,
                                 const char  *display_name,
                                 guint       *n_edges,
                                 GError     **error);

gboolean mc_json_canvas_is_canvas_name (const char *file_name);

G_END_DECLS
