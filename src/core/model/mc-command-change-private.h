/* mc-command-change-private.h — inside a command: its list of changes
 *
 * Shared by the files that build commands (mc-command-notes.c,
 * mc-command-board.c) and mc-command.c, which applies and reverts them.
 */
#pragma once

#include "mc-board.h"
#include "mc-command.h"

G_BEGIN_DECLS

typedef enum
{
  KIND_GROUP,
  KIND_ADD_NOTES,
  KIND_REMOVE_NOTES,
  KIND_UPDATE_NOTES,
  KIND_SET_TEXT,
  KIND_RAISE_NOTES,
  KIND_ADD_FIGURE,
  KIND_REMOVE_FIGURE,
  KIND_UPDATE_FIGURE,
  KIND_CLUSTER,
  KIND_BOARD,
} CommandKind;

typedef enum
{
  CHANGE_NOTE,
  CHANGE_FIGURE,
  CHANGE_CLUSTER,
  CHANGE_TITLE,
  CHANGE_LANGUAGE,
  CHANGE_PHASE,
  CHANGE_META,
  CHANGE_EXTRA,   /* the board's unknown members: key "board" or "file" */
  CHANGE_CHILD,
} ChangeType;

typedef struct
{
  ChangeType  type;
  gpointer    before;       /* McNote*, McFigure*, McCluster* or char*; NULL = absent */
  gpointer    after;
  char       *key;          /* CHANGE_META, CHANGE_EXTRA */
  int         before_value; /* CHANGE_LANGUAGE, CHANGE_PHASE */
  int         after_value;
  McCommand  *child;        /* CHANGE_CHILD */
  guint       index;        /* list position, recorded when applied */
  guint       raise : 1;    /* move the note to the front */
  guint       applied : 1;  /* FALSE when the board refused it */
} Change;

struct _McCommand
{
  CommandKind  kind;
  char        *label;
  GPtrArray   *changes;     /* Change* */
};

McCommand     *_mc_command_new                (CommandKind  kind,
                                               const char  *label);
Change        *_mc_command_add_change         (McCommand   *self,
                                               ChangeType   type,
                                               gpointer     before,
                                               gpointer     after);
/* Takes the notes in note_ids (id → anything) out of every cluster but
 * except_id: an update per cluster that keeps notes, a removal per
 * cluster left empty. */
void           _mc_command_add_cluster_detach (McCommand   *self,
                                               McBoard     *board,
                                               GHashTable  *note_ids,
                                               const char  *except_id);
/* A set (id → id) of the NULL-terminated ids, borrowing the strings. */
GHashTable    *_mc_command_id_set             (const char * const *ids);
/* What differs between two states of a note, as change flags. */
McChangeFlags  _mc_command_note_diff          (McNote      *a,
                                               McNote      *b);

G_END_DECLS
