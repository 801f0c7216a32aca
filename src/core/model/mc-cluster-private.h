/* mc-cluster-private.h — McCluster internals for the board, commands and I/O */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-cluster.h"
#include "mc-object-private.h"

G_BEGIN_DECLS

struct _McCluster
{
  GObject     parent_instance;

  char       *id;
  char       *label;     /* never NULL */
  const char *color;     /* interned: one of mc_note_colors */
  GPtrArray  *note_ids;  /* char*, NULL-terminated */
  gboolean    in_board;

  /* Unknown members of the cluster's JSON object, written back on save. */
  JsonObject *extra;
};

McCluster  *_mc_cluster_new_bare     (char       *id);     /* transfer full */
/* Copies label, colour, members and unknown members (not id, not in-board). */
void        _mc_cluster_assign       (McCluster  *dst,
                                      McCluster  *src);
void        _mc_cluster_set_in_board (McCluster  *self,
                                      gboolean    in_board);

G_END_DECLS
