/* mc-board-io.c — placeholder until its helper lands */
#include "config.h"
#include "mc-board-io.h"
