/* mc-text.c — placeholder until its helper lands */
#include "config.h"
#include "mc-text.h"
