/* mc-command.c — placeholder until its helper lands */
#include "config.h"
#include "mc-command.h"
