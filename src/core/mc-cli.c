/* mc-cli.c — placeholder until its helper lands */
#include "config.h"
#include "mc-cli.h"
