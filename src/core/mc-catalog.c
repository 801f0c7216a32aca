/* mc-catalog.c — placeholder until its helper lands */
#include "config.h"
#include "mc-catalog.h"
