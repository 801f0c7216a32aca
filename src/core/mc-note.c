/* mc-note.c — placeholder until its helper lands */
#include "config.h"
#include "mc-note.h"
