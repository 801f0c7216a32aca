/* session-fixture.h — what the session engine's tests
 * (tests/core/test-session-*.c) share: the catalog, the model board, notes
 * added to it and a board read back from its file */
#pragma once

#include "mc-board.h"
#include "mc-catalog.h"

G_BEGIN_DECLS

/* The default catalog, with the core resources loaded. */
McCatalog *catalog (void);

/* A new board from the "model" template, in Dutch. */
McBoard *model_board (void);

/* Adds a note anchored to figure/region (free with NULLs), positioned at
 * (x, y) when x >= 0; returns its id (borrowed from the board). */
const char *add_note (McBoard    *board,
                      const char *text,
                      const char *figure,
                      const char *region,
                      double      x,
                      double      y);

/* A new board read back from what board saves. */
McBoard *reload (McBoard *board);

G_END_DECLS
