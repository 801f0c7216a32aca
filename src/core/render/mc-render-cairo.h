/* mc-render-cairo.h — draws a McScene with cairo (screen, PDF, PNG, print) */
#pragma once

#include <cairo.h>
#include "mc-scene.h"

G_BEGIN_DECLS

/* Draws every item whose bounds meet clip (board units, in cr's current
 * user space); clip NULL draws everything. */
void mc_render_scene (cairo_t      *cr,
                      McScene      *scene,
                      const McRect *clip);
/* The same for the items begin … end-1 only, which must be whole groups
 * (a page of an export draws the items that reach into it). */
void mc_render_scene_range (cairo_t      *cr,
                            McScene      *scene,
                            guint         begin,
                            guint         end,
                            const McRect *clip);

G_END_DECLS
