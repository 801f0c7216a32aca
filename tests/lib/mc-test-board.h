/* mc-test-board.h — boards made up for tests and the benchmark */
#pragma once

#include "mc-board.h"

G_BEGIN_DECLS

/* The model template with n_notes free notes on a grid over the whole
 * board, in the six note colours, with an empty history: the large board
 * the speed figures are measured on. */
McBoard *mc_test_grid_board_new (guint n_notes);

G_END_DECLS
