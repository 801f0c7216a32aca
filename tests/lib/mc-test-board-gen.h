/* mc-test-board-gen.h — random boards built through the model's public API
 *
 * For property tests (driven by a GRand) and the round-trip fuzz harness
 * (driven by the fuzzer's bytes). Values reach past every limit in
 * mc-limits.h on purpose: texts of any Unicode and length, huge and
 * negative numbers, times outside years 1..9999, votes above the maximum;
 * whatever the model lets through must survive a save and a load.
 */
#pragma once

#include "mc-board.h"

G_BEGIN_DECLS

/* Returns the next 32 random bits; may return 0 forever once exhausted. */
typedef guint32 (*McTestRandomFunc) (gpointer data);

McBoard *mc_test_board_generate (McTestRandomFunc next,
                                 gpointer         data);

G_END_DECLS
