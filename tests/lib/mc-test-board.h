/* mc-test-board.h — boards made up for tests and the benchmark */
#pragma once

#include "mc-board.h"

G_BEGIN_DECLS

/* The model template with n_notes free notes on a grid over the whole
 * board, in the six note colours, with an empty history: the large board
 * the speed figures are measured on. */
McBoard *mc_test_grid_board_new (guint n_notes);

/* The model template with n_notes notes anchored round-robin in the
 * regions of its figures, as a workshop leaves them: distinct texts of
 * varying length, a dozen authors, some votes. Empty history. The boards
 * the export figures are measured on. */
McBoard *mc_test_region_board_new (guint n_notes);

/* Merging copies: a fixed time, whole seconds after it, and the six notes
 * of mc_test_merge_base_new(). */
#define MC_TEST_T0 ((gint64) 1795000000 * G_USEC_PER_SEC)
#define MC_TEST_S(n) ((gint64) (n) * G_USEC_PER_SEC)
#define MC_TEST_NOTE_1 "00000000-0000-4000-8000-000000000001"
#define MC_TEST_NOTE_2 "00000000-0000-4000-8000-000000000002"
#define MC_TEST_NOTE_3 "00000000-0000-4000-8000-000000000003"
#define MC_TEST_NOTE_4 "00000000-0000-4000-8000-000000000004"
#define MC_TEST_NOTE_5 "00000000-0000-4000-8000-000000000005"
#define MC_TEST_NOTE_6 "00000000-0000-4000-8000-000000000006"

/* A note id on figure "cimo", region "context", at (x, y), created and
 * modified at MC_TEST_T0. */
McNote  *mc_test_note_new          (const char *id,
                                    const char *text,
                                    double      x,
                                    double      y);
/* Adds such a note, created and modified at created. */
void     mc_test_board_add_note    (McBoard    *board,
                                    const char *id,
                                    const char *text,
                                    double      x,
                                    double      y,
                                    gint64      created);
/* The board every copy in the merge tests starts from: a CIMO figure with
 * the six notes MC_TEST_NOTE_1 … 6, marked saved. */
McBoard *mc_test_merge_base_new    (void);
/* Edits note id as a member would: text and color when not NULL, votes
 * when >= 0, position when x >= 0; modified is the edit's time. */
void     mc_test_board_edit_note   (McBoard    *board,
                                    const char *id,
                                    const char *text,
                                    const char *color,
                                    int         votes,
                                    double      x,
                                    double      y,
                                    gint64      modified);
void     mc_test_board_delete_note (McBoard    *board,
                                    const char *id);
/* How many notes of board have text. */
guint    mc_test_board_count_text  (McBoard    *board,
                                    const char *text);

/* A copy of board as another member would have it: through the file
 * format. Fails the test if the saved board does not load. */
McBoard *mc_test_board_clone    (McBoard *board);

/* The board's file contents, after checking that they load and save to the
 * same bytes again. */
char    *mc_test_board_saved    (McBoard *board);

/* A copy of ours with theirs merged in (base may be NULL); ours is left
 * alone. Fails the test if the merge fails. */
McBoard *mc_test_board_merged   (McBoard *ours,
                                 McBoard *theirs,
                                 McBoard *base);

G_END_DECLS
