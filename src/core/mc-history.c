/* mc-history.c — placeholder until its helper lands */
#include "config.h"
#include "mc-history.h"
