/* mc-board-snapshot-private.h — a board frozen for encoding in another thread
 *
 * A save copies what the file holds out of the live board on the main
 * thread (plain structs, every string in one GStringChunk, references to the
 * immutable unknown-member objects) and encodes the copy in a worker, so
 * the window keeps drawing while 10,000 notes become JSON. Taking the copy
 * is a fraction of encoding it; see save_main_thread_10k_ms in tests/bench.
 *
 * _mc_board_snapshot_new() and _mc_board_snapshot_free() run on the thread
 * that owns the board (json-glib's reference counts are not atomic);
 * _mc_board_snapshot_encode() runs on any thread, any number of times.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-board.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *text;
  const char *color;      /* interned */
  const char *author;     /* may be NULL */
  const char *figure_id;  /* NULL for a free note */
  const char *region_id;
  const char *reach;      /* interned, or NULL */
  McRect      rect;
  gint64      created;
  gint64      modified;
  guint       votes;
  McPhase     phase;
  guint       has_position : 1;
  guint       has_phase : 1;
  guint       conflict : 1;
  JsonObject *extra;      /* a reference, or NULL */
} McNoteSnapshot;

typedef struct
{
  const char *id;
  const char *kind;       /* interned */
  double      x;
  double      y;
  double      scale;
  JsonObject *extra;
} McFigureSnapshot;

typedef struct
{
  const char  *id;
  const char  *label;
  const char  *color;     /* interned */
  const char **note_ids;  /* NULL-terminated; the strings are in the chunk */
  JsonObject  *extra;
} McClusterSnapshot;

typedef struct
{
  GStringChunk *strings;
  const char   *title;
  McLanguage    language;
  McPhase       phase;
  GPtrArray    *meta;     /* const char *: key, value, key, value…, keys sorted */
  GArray       *figures;  /* McFigureSnapshot */
  GArray       *notes;    /* McNoteSnapshot, in drawing order */
  GArray       *clusters; /* McClusterSnapshot */
  JsonObject   *extra;
  JsonObject   *file_extra;
} McBoardSnapshot;

McBoardSnapshot *_mc_board_snapshot_new    (McBoard         *board);
char            *_mc_board_snapshot_encode (McBoardSnapshot *self,
                                            gsize           *length);
void             _mc_board_snapshot_free   (McBoardSnapshot *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McBoardSnapshot, _mc_board_snapshot_free)

G_END_DECLS
