/* mc-layout-private.h — layout internals the tests look at */
#pragma once

#include "mc-layout.h"

G_BEGIN_DECLS

/* How many note text layouts this McLayout has made (cache misses). */
guint    _mc_layout_get_n_text_layouts_created (McLayout     *self);

G_END_DECLS
