/* mc-layout-grid.h — the rectangles packed so far in a figure, indexed by
 * a uniform grid, so a packing candidate is checked against its
 * neighbours instead of every note packed before it (issue 17) */
#pragma once

#include "mc-types.h"

G_BEGIN_DECLS

typedef struct _McRectGrid McRectGrid;

McRectGrid *mc_rect_grid_new        (void);
void        mc_rect_grid_free       (McRectGrid   *grid);
void        mc_rect_grid_add        (McRectGrid   *grid,
                                     const McRect *rect);
/* Whether rect intersects (mc_rect_intersects()) any rectangle added. */
gboolean    mc_rect_grid_intersects (McRectGrid   *grid,
                                     const McRect *rect);
guint       mc_rect_grid_get_len    (McRectGrid   *grid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McRectGrid, mc_rect_grid_free)

G_END_DECLS
