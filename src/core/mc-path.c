/* mc-path.c — placeholder until its helper lands */
#include "config.h"
#include "mc-path.h"
