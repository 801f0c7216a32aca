/* mc-layout-private.h — layout internals the tests look at */
#pragma once

#include "mc-layout.h"

G_BEGIN_DECLS

/* How many note text layouts this McLayout has made (cache misses). */
guint    _mc_layout_get_n_text_layouts_created (McLayout     *self);
/* A region's note area (board units) as of the last build; FALSE if none. */
gboolean _mc_layout_get_note_area               (McLayout     *self,
                                                 const char   *figure_id,
                                                 const char   *region_id,
                                                 McRect       *area);

G_END_DECLS
