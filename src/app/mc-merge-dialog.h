#pragma once

#include <gtk/gtk.h>
#include "mc-board.h"

G_BEGIN_DECLS

void mc_merge_dialog_present (GtkWindow *parent, McBoard *board);

G_END_DECLS
