/* mc-command-private.h — applying and reverting commands, collecting changes */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-command.h"

G_BEGIN_DECLS

/* What one execute/undo/redo changed: the union of flags and the ids of the
 * notes touched, each once, in the order first touched. */
typedef struct
{
  McChangeFlags  flags;
  GPtrArray     *note_ids;  /* of char*, owned */
  GHashTable    *seen;      /* borrowed keys from note_ids */
} McChangeSet;

void        _mc_change_set_init       (McChangeSet *set);
void        _mc_change_set_clear      (McChangeSet *set);
void        _mc_change_set_add_note   (McChangeSet *set,
                                       const char  *note_id);
/* NULL-terminated copy of the ids (empty, never NULL). */
GStrv       _mc_change_set_dup_ids    (McChangeSet *set);

void        _mc_command_apply         (McCommand   *command,
                                       McBoard     *board,
                                       McChangeSet *changes);
void        _mc_command_revert        (McCommand   *command,
                                       McBoard     *board,
                                       McChangeSet *changes);
/* TRUE when executing the command would change nothing. */
gboolean    _mc_command_is_empty      (McCommand   *command);
/* TRUE for mc_command_set_note_text() commands (they open a typing run). */
gboolean    _mc_command_is_text_edit  (McCommand   *command);
/* Typing: if next is a text edit of the same note as top, top takes over
 * next's result and TRUE is returned (the caller frees next). */
gboolean    _mc_command_merge         (McCommand   *top,
                                       McCommand   *next);

/* Sets the board's unknown members (file_level: those of the file's top
 * level) to extra (NULL: none); for merges. */
McCommand  *_mc_command_set_board_extra (McBoard    *board,
                                         gboolean    file_level,
                                         JsonObject *extra);

G_END_DECLS
