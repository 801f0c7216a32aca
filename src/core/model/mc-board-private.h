/* mc-board-private.h — McBoard internals for commands, history and I/O */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-board.h"
#include "mc-note-private.h"
#include "mc-figure-private.h"
#include "mc-cluster-private.h"

G_BEGIN_DECLS

/* Loader: fill a board that nobody sees yet (no signals, no history). */
void        _mc_board_take_note          (McBoard    *self,
                                          McNote     *note);      /* transfer full */
void        _mc_board_take_figure        (McBoard    *self,
                                          McFigure   *figure);    /* transfer full */
void        _mc_board_take_cluster       (McBoard    *self,
                                          McCluster  *cluster);   /* transfer full */
void        _mc_board_add_load_warning   (McBoard    *self,
                                          const char *warning);
/* Unknown members of the "board" object and of the file's top level. */
JsonObject *_mc_board_get_extra          (McBoard    *self);
void        _mc_board_set_extra          (McBoard    *self,
                                          JsonObject *extra);     /* takes a reference */
JsonObject *_mc_board_get_file_extra     (McBoard    *self);
void        _mc_board_set_file_extra     (McBoard    *self,
                                          JsonObject *extra);     /* takes a reference */
GHashTable *_mc_board_get_meta_table     (McBoard    *self);      /* key → value */

/* Commands: change a board in place, notifying what really changed. */
void        _mc_board_update_title       (McBoard    *self,
                                          const char *title);
void        _mc_board_update_language    (McBoard    *self,
                                          McLanguage  language);
void        _mc_board_update_phase       (McBoard    *self,
                                          McPhase     phase);
void        _mc_board_update_meta        (McBoard    *self,
                                          const char *key,
                                          const char *value);     /* NULL removes */
/* index G_MAXUINT (or past the end) appends; returns the index used. */
guint       _mc_board_insert_note        (McBoard    *self,
                                          McNote     *note,       /* transfer full */
                                          guint       index);
McNote     *_mc_board_steal_note         (McBoard    *self,
                                          const char *id,
                                          guint      *index);     /* transfer full */
/* Moves a note to index (G_MAXUINT = front); returns its former index. */
guint       _mc_board_move_note          (McBoard    *self,
                                          const char *id,
                                          guint       index);
guint       _mc_board_insert_figure      (McBoard    *self,
                                          McFigure   *figure,     /* transfer full */
                                          guint       index);
McFigure   *_mc_board_steal_figure       (McBoard    *self,
                                          const char *id,
                                          guint      *index);     /* transfer full */
guint       _mc_board_insert_cluster     (McBoard    *self,
                                          McCluster  *cluster,    /* transfer full */
                                          guint       index);
McCluster  *_mc_board_steal_cluster      (McBoard    *self,
                                          const char *id,
                                          guint      *index);     /* transfer full */

/* The history changed on its own (mc_history_clear): resync and tell views. */
void        _mc_board_history_changed    (McBoard    *self);

G_END_DECLS
