/* mc-limits.h — every limit a board keeps, in one place
 *
 * The loader refuses a file over any of these limits; the model clamps
 * whatever comes in through its setters and commands to them, so no edit,
 * paste, merge or room contribution can produce a board that the loader
 * would then refuse. Places that take input from a person call the
 * mc_limits_check_*() functions first, to say what is wrong at the point
 * of input instead of clamping quietly.
 *
 * The board error domain lives here too: the loader and these checks
 * report in it.
 */
#pragma once

#include "mc-types.h"
#include "mc-time.h"

G_BEGIN_DECLS

#define MC_BOARD_ERROR (mc_board_error_quark ())
GQuark mc_board_error_quark (void);

typedef enum
{
  MC_BOARD_ERROR_IO,             /* could not read or write the file */
  MC_BOARD_ERROR_NOT_JSON,       /* empty, truncated or not JSON at all */
  MC_BOARD_ERROR_NOT_A_BOARD,    /* JSON, but not {"format": "missiecanvas", …} */
  MC_BOARD_ERROR_INVALID,        /* a member has the wrong type, a bad or missing value */
  MC_BOARD_ERROR_DUPLICATE_ID,   /* two notes or figures share an id */
  MC_BOARD_ERROR_TOO_LARGE,      /* over a limit: file size, note count, text length */
  MC_BOARD_ERROR_TOO_DEEP,       /* JSON nested deeper than any board needs */
  MC_BOARD_ERROR_NEWER_VERSION,  /* format_version newer than this build knows */
} McBoardError;

/* The file */
#define MC_BOARD_MAX_FILE_SIZE    (64 * 1024 * 1024)  /* bytes; reads stop there */
#define MC_BOARD_MAX_DEPTH        64                  /* JSON nesting */
/* Counts */
#define MC_BOARD_MAX_NOTES        100000              /* also the most clusters */
#define MC_BOARD_MAX_FIGURES      1000
/* Texts, in bytes of UTF-8 (never split inside a character when clamped) */
#define MC_BOARD_MAX_TEXT_LENGTH  (64 * 1024)         /* note text, author, title, meta */
#define MC_BOARD_MAX_LABEL_LENGTH 200                 /* cluster label */
#define MC_BOARD_MAX_ID_LENGTH    256                 /* ids, colours, kinds, phases */
/* Numbers */
#define MC_BOARD_MAX_COORDINATE   1.0e7               /* |x|, |y|; note width, height */
#define MC_BOARD_MAX_SCALE        1000.0              /* figure scale, > 0 */
#define MC_BOARD_MAX_VOTES        10000
/* Times: MC_TIME_MIN … MC_TIME_MAX (years 1 to 9999 in UTC, mc-time.h) */

/* Clamping: what the model does with any value that comes in. */
gsize     mc_limits_text_fit        (const char  *text,
                                     gsize        max_bytes);  /* bytes of text to keep */
char     *mc_limits_clamp_text      (const char  *text,
                                     gsize        max_bytes);  /* newly allocated */
guint     mc_limits_clamp_votes     (gint64       votes);
double    mc_limits_clamp_coordinate (double      v);          /* NaN → 0 */
double    mc_limits_clamp_size      (double       v,
                                     double       fallback);   /* ≤ 0 or NaN → fallback */
double    mc_limits_clamp_scale     (double       v);          /* ≤ 0 or NaN → 1 */
gboolean  mc_limits_id_is_valid     (const char  *id);

/* Checking, for a message at the point of input (MC_BOARD_ERROR_TOO_LARGE
 * with a translated one-line message). */
gboolean  mc_limits_check_note_text (const char  *text,
                                     GError     **error);
gboolean  mc_limits_check_label     (const char  *label,
                                     GError     **error);
gboolean  mc_limits_check_votes     (gint64       votes,
                                     GError     **error);
/* A board detail (meta) value: at most MC_BOARD_MAX_TEXT_LENGTH bytes, and
 * for MC_META_DATE empty or a date such as "2026-11-22". */
gboolean  mc_limits_check_meta      (const char  *key,
                                     const char  *value,
                                     GError     **error);
/* Everything the loader checks about a whole board's contents: counts,
 * texts, numbers, times. For merge results, imports and the room, before
 * a board is handed on or saved. */
gboolean  mc_limits_check_board     (McBoard     *board,
                                     GError     **error);

G_END_DECLS
