/* mc-merge-dialog.c — placeholder until its helper lands */
#include "config.h"

#include "mc-merge-dialog.h"

void
mc_merge_dialog_present (GtkWindow *parent, McBoard *board)
{
}
