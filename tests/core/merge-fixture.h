/* merge-fixture.h — what the merge tests (tests/core/test-merge-*.c) share:
 * times and note ids, a board as one comparable text, and a merge that
 * must succeed */
#pragma once

#include "mc-merge.h"
#include "mc-test-board.h"

G_BEGIN_DECLS

/* Short names for the tests' times and note ids (mc-test-board.h). */
#define T0 MC_TEST_T0
#define S(n) MC_TEST_S (n)

#define ID_1 MC_TEST_NOTE_1
#define ID_2 MC_TEST_NOTE_2
#define ID_3 MC_TEST_NOTE_3
#define ID_4 MC_TEST_NOTE_4
#define ID_5 MC_TEST_NOTE_5
#define ID_6 MC_TEST_NOTE_6
#define ID_A1 "00000000-0000-4000-8000-0000000000a1"
#define ID_A2 "00000000-0000-4000-8000-0000000000a2"
#define ID_A3 "00000000-0000-4000-8000-0000000000a3"

/* Every note and figure as one sorted text, so boards compare as sets.
 * Modification times are left out: an update command stamps the time it
 * ran, so two merges a second apart differ there and nowhere else. */
char *canonical (McBoard *board);

/* Merges theirs into ours (base may be NULL), asserting success; returns
 * the summary. */
McMergeResult *merge (McBoard *ours,
                      McBoard *theirs,
                      McBoard *base);

G_END_DECLS
