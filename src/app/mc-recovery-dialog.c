/* mc-recovery-dialog.c — placeholder until its helper lands */
#include "config.h"

#include "mc-recovery-dialog.h"

void
mc_recovery_offer (GtkApplication *app)
{
}
