/* mc-svg-writer.c — placeholder until its helper lands */
#include "config.h"
#include "mc-scene.h"
