/* mc-render-figures.c — placeholder until the drawing helper lands */
#include <glib.h>

int
main (int argc, char *argv[])
{
  return 0;
}
