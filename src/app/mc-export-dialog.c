/* mc-export-dialog.c — placeholder until its helper lands */
#include "config.h"

#include "mc-export-dialog.h"

void
mc_export_dialog_present (GtkWindow *parent, McBoard *board, const char *figure_id)
{
}
