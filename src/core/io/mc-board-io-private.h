/* mc-board-io-private.h — the migrations table and hooks for tests */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-atomic-write-private.h"
#include "mc-board-io.h"

G_BEGIN_DECLS

/* One step of the format's history: turns the whole file's JSON tree
 * (root object) of format_version from_version into from_version + 1. The
 * loader sets format_version itself after the step. */
typedef gboolean (*McBoardMigrateFunc) (JsonObject  *root,
                                        GError     **error);

typedef struct
{
  int                from_version;
  McBoardMigrateFunc migrate;
} McBoardMigration;

/* Tests: replace the migrations table (NULL restores the built-in one). */
void _mc_board_io_set_migrations_for_test (const McBoardMigration *migrations,
                                           guint                   n_migrations);

/* Tests: make mc_board_save_to_file() fail at a stage, to check that a
 * failed save leaves file and board untouched. The fault is that of every
 * atomic write (McSaveFault is in mc-atomic-write-private.h). */
void _mc_board_io_set_save_fault_for_test (McSaveFault fault);

G_END_DECLS
