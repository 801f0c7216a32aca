/* mc-clipboard.h — copying and pasting notes
 *
 * Two flavours go on the clipboard:
 *
 * - MC_CLIPBOARD_MIME_TYPE: a board file (mc-board-io.h) that holds only the
 *   copied notes (every field, unknown members included) and the figures
 *   they are anchored to, marked at the top level with
 *     "clipboard": "missiecanvas-notes", "clipboard_version": 1,
 *     "origin": "<token of the board copied from>",
 *     "rects": {"<note id>": [x, y, width, height], …}   (board units, as drawn)
 *   Reading it goes through the board loader, so the file's limits and
 *   checks (types, sizes, depth, duplicate ids) hold for pasted data too.
 * - text/plain: one note per line, a note's own line breaks as spaces.
 *
 * Pasting gives new ids (pasting twice gives two copies). A note keeps its
 * anchor where the target board has that figure (same placement id and
 * kind) and region; otherwise it becomes a free note near the paste point.
 * In the board it was copied from, pasted notes sit offset from the
 * originals by MC_EDITING_DUPLICATE_OFFSET.
 */
#pragma once

#include "mc-types.h"
#include "mc-board.h"
#include "mc-layout.h"
#include "mc-scene.h"

G_BEGIN_DECLS

#define MC_CLIPBOARD_MIME_TYPE       "application/x-missiecanvas-notes+json"
#define MC_CLIPBOARD_FORMAT_NAME     "missiecanvas-notes"
#define MC_CLIPBOARD_FORMAT_VERSION  1
/* More notes than this in one paste is refused (MC_BOARD_ERROR_TOO_LARGE). */
#define MC_CLIPBOARD_MAX_NOTES       10000

/* Errors of the clipboard's own checks; the loader's errors
 * (MC_BOARD_ERROR_*) come through unchanged. */
#define MC_CLIPBOARD_ERROR (mc_clipboard_error_quark ())
GQuark mc_clipboard_error_quark (void);

typedef enum
{
  MC_CLIPBOARD_ERROR_NOT_NOTES,      /* a board file, but not copied notes */
  MC_CLIPBOARD_ERROR_NEWER_VERSION,  /* clipboard_version newer than this build */
  MC_CLIPBOARD_ERROR_INVALID,        /* "rects" or another marker member is malformed */
} McClipboardError;

/* Parsed clipboard content. */
typedef struct _McClipboardNotes McClipboardNotes;

/* The notes with these ids (in drawing order; unknown ids skipped) in the
 * app's MIME type. layout (nullable) supplies where packed notes are drawn,
 * so a paste elsewhere keeps the notes' arrangement. Never NULL. */
char             *mc_clipboard_serialize          (McBoard            *board,
                                                   McLayout           *layout,
                                                   const char * const *ids,
                                                   gsize              *length);
/* The plain-text flavour: one line per note, in drawing order. */
char             *mc_clipboard_to_text            (McBoard            *board,
                                                   const char * const *ids);

/* length -1: NUL-terminated. NULL with an error on anything malformed or
 * too large; never crashes on hostile data. */
McClipboardNotes *mc_clipboard_parse              (const char         *data,
                                                   gssize              length,
                                                   GError            **error);
guint             mc_clipboard_notes_get_n_notes  (McClipboardNotes   *notes);
/* The i-th note as copied (its original id and anchor). Borrowed. */
McNote           *mc_clipboard_notes_get_note     (McClipboardNotes   *notes,
                                                   guint               index);
/* The kind of the figure a copied note was anchored to, or NULL. */
const char       *mc_clipboard_notes_get_figure_kind (McClipboardNotes *notes,
                                                      const char       *figure_id);
void              mc_clipboard_notes_free         (McClipboardNotes   *notes);

/* Pasting, one undo step ("Paste"). (x, y) is the paste point in board
 * units (the pointer, or the middle of the view). out_ids (nullable)
 * receives the new notes' ids in paste order. */
McCommand        *mc_clipboard_paste_notes_command (McBoard          *board,
                                                    McLayout         *layout,
                                                    McClipboardNotes *notes,
                                                    double            x,
                                                    double            y,
                                                    GStrv            *out_ids);
/* Plain text: one note per line (mc_paste_parse_text), in a grid at the
 * paste point, anchored to the region there (kept inside its note area
 * where it fits) or free. truncated (nullable) says whether the paste
 * limits cut anything off. */
McCommand        *mc_clipboard_paste_text_command  (McBoard          *board,
                                                    McLayout         *layout,
                                                    McScene          *scene,
                                                    const char       *text,
                                                    gssize            length,
                                                    double            x,
                                                    double            y,
                                                    const char       *author,
                                                    gboolean         *truncated,
                                                    GStrv            *out_ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McClipboardNotes, mc_clipboard_notes_free)

G_END_DECLS
