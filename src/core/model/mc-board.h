/* mc-board.h — a board: placed figures, notes and metadata
 *
 * Edits go only through mc_board_execute() with a McCommand; the board keeps
 * them in its McHistory for undo/redo and emits ::changed once per edit:
 *
 *   void changed (McBoard *board, McChangeFlags flags, GStrv note_ids)
 *
 * note_ids names the notes whose text, geometry or anchor changed (added and
 * removed ones included) so views can recompute just those; NULL means
 * "anything may have changed". MC_CHANGE_HISTORY is set whenever can-undo,
 * can-redo, the undo/redo labels or modified changed.
 *
 * A read-only board ignores mc_board_execute() (the command is freed, no
 * warning: the UI is expected to disable editing) and mc_board_undo/redo
 * return FALSE. A command that would change nothing is dropped the same way.
 */
#pragma once

#include "mc-types.h"
#include "mc-note.h"
#include "mc-figure.h"
#include "mc-cluster.h"
#include <gio/gio.h>

G_BEGIN_DECLS

#define MC_TYPE_BOARD (mc_board_get_type ())
G_DECLARE_FINAL_TYPE (McBoard, mc_board, MC, BOARD, GObject)

/* Well-known metadata keys (free-form string → string map in the file). */
#define MC_META_CASE        "case"        /* the case / casus the board is about */
#define MC_META_DESCRIPTION "description"
#define MC_META_FACILITATOR "facilitator"
#define MC_META_DATE        "date"        /* ISO 8601 date of the session */
/* Written by every save, read by merge to find a common base:
 * "revision" names the saved state; "base-revision" the saved state this
 * copy descends from (set by the first save of a board that was loaded
 * from a saved file). */
#define MC_META_REVISION      "revision"
#define MC_META_BASE_REVISION "base-revision"
/* Set on a board made by mc_board_new_session_copy(): which session it
 * continues ("<title> (<phase>, <date>)"). */
#define MC_META_PREVIOUS_SESSION "previous-session"

McBoard     *mc_board_new                (void);

const char  *mc_board_get_title          (McBoard    *self);
McLanguage   mc_board_get_language       (McBoard    *self);
McPhase      mc_board_get_phase          (McBoard    *self);
const char  *mc_board_get_meta           (McBoard    *self,
                                          const char *key);      /* NULL when unset */
GStrv        mc_board_dup_meta_keys      (McBoard    *self);     /* sorted */

/* Notes in drawing order (back to front). Borrowed; do not modify. */
GPtrArray   *mc_board_get_notes          (McBoard    *self);
McNote      *mc_board_get_note           (McBoard    *self,
                                          const char *id);       /* NULL if absent */
guint        mc_board_get_n_notes        (McBoard    *self);
/* Figures in placement order. Borrowed; do not modify. */
GPtrArray   *mc_board_get_figures        (McBoard    *self);
McFigure    *mc_board_get_figure         (McBoard    *self,
                                          const char *id);
/* Clusters in creation order. Borrowed; do not modify. */
GPtrArray   *mc_board_get_clusters       (McBoard    *self);
McCluster   *mc_board_get_cluster        (McBoard    *self,
                                          const char *id);       /* NULL if absent */
/* The cluster the note belongs to, or NULL. */
McCluster   *mc_board_get_note_cluster   (McBoard    *self,
                                          const char *note_id);
/* The phase a note was written in: its own (mc_note_get_has_phase), or
 * else the board's. */
McPhase      mc_board_get_note_phase     (McBoard    *self,
                                          McNote     *note);
/* A placement id not yet used on the board: kind, kind-2, kind-3, … */
char        *mc_board_new_figure_id      (McBoard    *self,
                                          const char *kind);

McHistory   *mc_board_get_history        (McBoard    *self);
void         mc_board_execute            (McBoard    *self,
                                          McCommand  *command);  /* transfer full */
gboolean     mc_board_undo               (McBoard    *self);
gboolean     mc_board_redo               (McBoard    *self);

/* TRUE while the history is away from the point last marked saved. */
gboolean     mc_board_get_modified       (McBoard    *self);
void         mc_board_mark_saved         (McBoard    *self);

/* A board read from a file newer than this build opens read-only. */
gboolean     mc_board_get_read_only      (McBoard    *self);
void         mc_board_set_read_only      (McBoard    *self,
                                          gboolean    read_only);

/* What the loader repaired (e.g. a note anchored to a missing figure, made
 * free), for the app to show once. NULL-terminated, borrowed, never NULL. */
const char * const *mc_board_get_load_warnings (McBoard *self);

/* "New session from this board": a new board in the next phase (start →
 * monitor → evaluate) with every figure, note (same ids) and cluster of
 * this one. Each note records the phase it was written in, so the layout
 * can show earlier answers dimmed; the meta records the previous session
 * and today's date; the history is empty and the copy has no file yet.
 * Fails (MC_BOARD_ERROR_INVALID) for a board already in the evaluate phase.
 */
McBoard     *mc_board_new_session_copy   (McBoard    *self,
                                          GError    **error);

/* Where the board was last loaded from or saved to; NULL for a new board. */
GFile       *mc_board_get_file           (McBoard    *self);
void         mc_board_set_file           (McBoard    *self,
                                          GFile      *file);

G_END_DECLS
