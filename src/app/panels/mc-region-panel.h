/* mc-region-panel.h — the side panel describing one region of a figure:
 * its label, definition and questions, in the board's language. */
#pragma once

#include <adwaita.h>
#include "mc-board.h"

G_BEGIN_DECLS

#define MC_TYPE_REGION_PANEL (mc_region_panel_get_type ())
G_DECLARE_FINAL_TYPE (McRegionPanel, mc_region_panel, MC, REGION_PANEL, AdwBin)

GtkWidget  *mc_region_panel_new        (void);
/* region_id is a scene group id, "<placement-id>/<region-id>"; NULL (or an
 * id the board does not know) shows the hint instead. */
void        mc_region_panel_show       (McRegionPanel *self,
                                        McBoard       *board,
                                        const char    *region_id);
/* The region shown, or NULL. */
const char *mc_region_panel_get_region (McRegionPanel *self);

G_END_DECLS
