/* mc-theme.c — placeholder until its helper lands */
#include "config.h"
#include "mc-theme.h"
