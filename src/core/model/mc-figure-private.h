/* mc-figure-private.h — McFigure internals shared by the board, commands and I/O */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-figure.h"
#include "mc-object-private.h"

G_BEGIN_DECLS

struct _McFigure
{
  GObject     parent_instance;

  char       *id;
  const char *kind;      /* interned: one of the known kinds */
  double      x;
  double      y;
  double      scale;
  gboolean    in_board;

  /* Unknown members of the figure's JSON object, written back on save. */
  JsonObject *extra;
};

/* The kinds a board may name, in the seed's order of the generic models
 * (DESIGN.md's table); NULL-terminated. */
extern const char * const _mc_figure_kinds[];

/* The interned kind equal to kind, or NULL if unknown. */
const char *_mc_figure_intern_kind (const char *kind);
McFigure   *_mc_figure_new_bare    (char       *id,     /* transfer full */
                                    const char *kind);  /* interned */
void        _mc_figure_assign      (McFigure   *dst,
                                    McFigure   *src);
void        _mc_figure_set_in_board (McFigure  *self,
                                     gboolean   in_board);
JsonObject *_mc_figure_get_extra   (McFigure   *self);
void        _mc_figure_set_extra   (McFigure   *self,
                                    JsonObject *extra);  /* takes a reference */

G_END_DECLS
