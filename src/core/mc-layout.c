/* mc-layout.c — placeholder until its helper lands */
#include "config.h"
#include "mc-layout.h"
