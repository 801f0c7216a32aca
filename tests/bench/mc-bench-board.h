/* mc-bench-board.h — the boards the export figures are measured on */
#pragma once

#include "mc-board.h"

G_BEGIN_DECLS

/* The model template with n_notes notes anchored round-robin in the
 * regions of its figures, as a workshop leaves them: distinct texts of
 * varying length, a dozen authors, some votes. Empty history. */
McBoard *mc_bench_region_board_new (guint n_notes);

G_END_DECLS
