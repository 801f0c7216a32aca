/* mc-templates.h — new boards from templates */
#pragma once

#include "mc-board.h"

G_BEGIN_DECLS

/* A new, empty board from a template: "model" (all figures, like Figuur 13)
 * or one figure kind id. NULL with G_IO_ERROR_NOT_FOUND for an unknown id. */
McBoard    *mc_board_new_from_template (const char          *template_id,
                                        McLanguage           language,
                                        GError             **error);

G_END_DECLS
