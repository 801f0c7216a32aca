/* mc-render-cairo.c — placeholder until its helper lands */
#include "config.h"
#include "mc-render-cairo.h"
