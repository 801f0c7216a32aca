/* mc-board-decoder-private.h — the object decoder shared by the board's
 * decoding steps: typed member readers that validate against mc-limits.h
 * and report "NAME: board.notes[3].width: expected …, got …"
 *
 * parent/index/member name the JSON location: index -1 and member NULL
 * leave that part out.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-board-io.h"

G_BEGIN_DECLS

typedef struct
{
  const char *display_name;
  McBoard    *board;
  GError    **error;
} McDecoder;

/* Reads the member name (not "id") of one object into members; sets *known
 * to FALSE, and returns TRUE, for a member it does not know. */
typedef gboolean (*ReadMemberFunc) (McDecoder  *dec,
                                    const char *name,
                                    JsonNode   *member,
                                    const char *parent,
                                    int         index,
                                    gpointer    members,
                                    gboolean   *known);

char       *_mc_decoder_format_path          (const char          *parent,
                                              int                  index,
                                              const char          *member);
/* Set the error and return FALSE. */
gboolean    _mc_decoder_fail                 (McDecoder           *dec,
                                              McBoardError         code,
                                              const char          *parent,
                                              int                  index,
                                              const char          *member,
                                              const char          *format,
                                              ...) G_GNUC_PRINTF (6, 7);
gboolean    _mc_decoder_fail_expected        (McDecoder           *dec,
                                              McBoardError         code,
                                              const char          *parent,
                                              int                  index,
                                              const char          *member,
                                              const char          *expected,
                                              JsonNode            *got);

gboolean    _mc_decoder_read_string          (McDecoder           *dec,
                                              JsonNode            *node,
                                              const char          *parent,
                                              int                  index,
                                              const char          *member,
                                              gsize                max_length,
                                              const char         **out);
/* A string member that may also be null (*out = NULL). */
gboolean    _mc_decoder_read_optional_string (McDecoder           *dec,
                                              JsonNode            *member,
                                              const char          *parent,
                                              int                  index,
                                              const char          *name,
                                              gsize                max_length,
                                              const char         **out);
gboolean    _mc_decoder_read_id              (McDecoder           *dec,
                                              JsonNode            *node,
                                              const char          *parent,
                                              int                  index,
                                              const char         **out);
gboolean    _mc_decoder_get_number           (JsonNode            *node,
                                              double              *out);
gboolean    _mc_decoder_read_coordinate      (McDecoder           *dec,
                                              JsonNode            *node,
                                              const char          *parent,
                                              int                  index,
                                              const char          *member,
                                              double              *out);
/* A positive number up to max. */
gboolean    _mc_decoder_read_size            (McDecoder           *dec,
                                              JsonNode            *node,
                                              const char          *parent,
                                              int                  index,
                                              const char          *member,
                                              double               max,
                                              double              *out);
gboolean    _mc_decoder_read_time            (McDecoder           *dec,
                                              JsonNode            *node,
                                              const char          *parent,
                                              int                  index,
                                              const char          *member,
                                              gint64              *out);
gboolean    _mc_decoder_read_color           (McDecoder           *dec,
                                              JsonNode            *node,
                                              const char          *parent,
                                              int                  index,
                                              const char         **out);
gboolean    _mc_decoder_read_phase           (McDecoder           *dec,
                                              JsonNode            *node,
                                              const char          *parent,
                                              int                  index,
                                              McPhase             *out);
gboolean    _mc_decoder_read_array           (McDecoder           *dec,
                                              JsonNode            *node,
                                              const char          *parent,
                                              int                  index,
                                              const char          *member,
                                              JsonArray          **out);

/* Keeps a member this build does not know (a deep copy) for writing back. */
void        _mc_decoder_keep_unknown         (JsonObject         **extra,
                                              const char          *name,
                                              JsonNode            *node);
/* What figures, notes and clusters have in common: an object with an id
 * anywhere among its members, the others read by read_member, and the ones
 * this build does not know kept in *extra, in their original order. */
gboolean    _mc_decoder_decode_object        (McDecoder           *dec,
                                              JsonNode            *node,
                                              const char          *parent,
                                              int                  index,
                                              const char * const  *known_members,
                                              ReadMemberFunc       read_member,
                                              gpointer             members,
                                              const char         **id,
                                              JsonObject         **extra);

/* mc-board-decode.c: the whole file's tree (after migrations) into
 * dec->board. */
gboolean    _mc_board_decode_document        (McDecoder           *dec,
                                              JsonNode            *root,
                                              McBoardLoadFlags     flags);

G_END_DECLS
