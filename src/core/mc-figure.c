/* mc-figure.c — placeholder until its helper lands */
#include "config.h"
#include "mc-figure.h"
