/* board-io-fixture.h — the board that the file tests
 * (tests/core/test-board-io-*.c) write and read back */
#pragma once

#include "mc-board.h"

G_BEGIN_DECLS

/* The ids of build_board()'s notes. */
#define NOTE_A "0b6f7a52-2d0e-4a77-9a3c-5f6f0f0e0a01"
#define NOTE_B "0b6f7a52-2d0e-4a77-9a3c-5f6f0f0e0a02"
#define NOTE_C "0b6f7a52-2d0e-4a77-9a3c-5f6f0f0e0a03"

/* 2026-11-22T10:00:00Z */
#define T0 G_GINT64_CONSTANT (1795341600000000)

/* A new board that uses every member the file has: meta, two figures (one
 * moved and scaled), anchored and free notes, texts that need escaping. */
McBoard *build_board (void);

G_END_DECLS
