/* mc-figure-cimo.c — placeholder until its helper lands */
#include "config.h"
#include "mc-figure-kind.h"
