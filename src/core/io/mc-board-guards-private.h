/* mc-board-guards-private.h — checks before and after json-glib parses a
 * board: nesting depth, encoding, one value per file, strings the parser
 * would turn into something else */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-board-io.h"

G_BEGIN_DECLS

/* A byte scan of the whole file before parsing. Refuses an empty file,
 * nesting deeper than MC_BOARD_MAX_DEPTH and text after the first value;
 * sets *surrogate_escapes when a string holds a \uD800–\uDFFF escape (then
 * _mc_board_check_utf8() must walk the parsed tree). */
gboolean _mc_board_check_structure (const char  *data,
                                    gsize        length,
                                    const char  *display_name,
                                    gboolean    *surrogate_escapes,
                                    GError     **error);
/* json-glib's parse error as a board error naming the file. */
void     _mc_board_set_parse_error (const char  *data,
                                    gsize        length,
                                    const char  *display_name,
                                    GError      *parse_error,
                                    GError     **error);
/* Every member name and string in the tree is valid UTF-8. */
gboolean _mc_board_check_utf8      (JsonNode    *node,
                                    const char  *display_name,
                                    GError     **error);

/* The contents of a regular file (never a FIFO, device or folder: a clear
 * error instead), read up to MC_BOARD_MAX_FILE_SIZE and no further, with
 * the name to show in messages (set even on failure, may be NULL then). */
gboolean _mc_board_read_file       (GFile       *file,
                                    char       **display_name,
                                    char       **contents,
                                    gsize       *length,
                                    GError     **error);

G_END_DECLS
