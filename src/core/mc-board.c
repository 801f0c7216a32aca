/* mc-board.c — placeholder until its helper lands */
#include "config.h"
#include "mc-board.h"
