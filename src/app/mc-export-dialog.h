#pragma once

#include <gtk/gtk.h>
#include "mc-board.h"

G_BEGIN_DECLS

void mc_export_dialog_present (GtkWindow *parent, McBoard *board, const char *figure_id);

G_END_DECLS
