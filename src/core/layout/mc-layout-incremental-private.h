/* mc-layout-incremental-private.h — the hooks mc-layout.c calls so that
 * mc_layout_update() knows what the last full build did */
#pragma once

#include "mc-layout-incremental.h"

G_BEGIN_DECLS

/* A full build begins with options. */
void _mc_layout_incremental_begin (McLayout            *self,
                                   const McViewOptions *options);
/* It placed note; packed when its region's packing gave the place. */
void _mc_layout_incremental_note  (McLayout            *self,
                                   McNote              *note,
                                   gboolean             packed);
/* note's own text size, before its region's shared one was taken. */
void _mc_layout_incremental_text_size (McLayout      *self,
                                       McNote        *note,
                                       double         size);

G_END_DECLS
