/* mc-note-private.h — McNote internals shared by the board, commands and I/O
 *
 * The struct is visible here so the loader can fill thousands of notes
 * without a property call per field.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-note.h"
#include "mc-object-private.h"

G_BEGIN_DECLS

struct _McNote
{
  GObject     parent_instance;

  char       *id;
  char       *text;        /* never NULL */
  const char *color;       /* interned: one of mc_note_colors */
  char       *author;      /* may be NULL */
  char       *figure_id;   /* NULL for a free note */
  char       *region_id;   /* NULL for a free note */
  const char *reach;       /* interned: one of mc_note_reaches, or NULL */
  McRect      rect;        /* width/height valid even without a position */
  gint64      created;
  gint64      modified;
  guint       votes;
  McPhase     phase;       /* valid when has_phase */
  guint       has_position : 1;
  guint       has_phase : 1;
  guint       conflict : 1;
  gboolean    in_board;

  /* Members of the note's JSON object this build does not know; kept so a
   * newer file survives a round trip. Treated as immutable once set. */
  JsonObject *extra;
};

/* Now, in µs since the epoch, truncated to whole seconds: the file stores
 * seconds, so a note in memory equals the note read back from disk. */
gint64      _mc_note_now              (void);

/* The interned reach of that name; NULL for an unknown name. */
const char *_mc_note_intern_reach     (const char *name);

/* A bare note for the loader: the caller fills the fields directly. */
McNote     *_mc_note_new_bare         (char       *id);   /* transfer full */

/* Copies every field except id and in-board from src to dst, notifying
 * each property that really changed. */
void        _mc_note_assign           (McNote     *dst,
                                       McNote     *src);
void        _mc_note_set_in_board     (McNote     *self,
                                       gboolean    in_board);
JsonObject *_mc_note_get_extra        (McNote     *self);
void        _mc_note_set_extra        (McNote     *self,
                                       JsonObject *extra);  /* takes a reference */
/* The interned colour name equal to name, or NULL if it is not a note colour. */
const char *_mc_note_intern_color     (const char *name);

G_END_DECLS
