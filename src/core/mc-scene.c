/* mc-scene.c — placeholder until its helper lands */
#include "config.h"
#include "mc-scene.h"
