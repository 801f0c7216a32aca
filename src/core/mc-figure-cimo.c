/* mc-figure-cimo.c — placeholder: no drawing yet (build == NULL) */
#include "config.h"

#include "mc-figure-kinds-private.h"

const McFigureKindClass mc_figure_kind_cimo = {
  .id = "cimo",
  .natural_width = 4360,
  .natural_height = 800,
  .build = NULL,
};
