#pragma once

#include <gtk/gtk.h>
#include "mc-board.h"

G_BEGIN_DECLS

void mc_print_board (GtkWindow *parent, McBoard *board);

G_END_DECLS
