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

G_END_DECLS
