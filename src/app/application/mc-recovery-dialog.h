#pragma once

#include <gtk/gtk.h>
#include "mc-autosave.h"
#include "mc-board.h"

G_BEGIN_DECLS

void  mc_recovery_offer           (GtkApplication  *app);
/* The subtitle of entry's row: notes, a date and time that cannot be
 * misread (month in words), and the file's whole path. */
char *mc_recovery_describe_entry  (McRecoveryEntry *entry);

G_END_DECLS
