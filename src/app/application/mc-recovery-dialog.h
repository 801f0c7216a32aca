#pragma once

#include <gtk/gtk.h>
#include "mc-board.h"

G_BEGIN_DECLS

void mc_recovery_offer (GtkApplication *app);

G_END_DECLS
