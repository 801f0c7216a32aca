/* mc-exchange.c — import by file type */
#include "config.h"

#include <string.h>

#include "mc-exchange.h"
#include "mc-board-io.h"
#include "mc-figure-fragment.h"
#include "mc-json-canvas.h"

static const char * const figure_suffixes[] = { ".svg", ".pdf", ".png", NULL };

static gboolean
is_figure_name (const char *file_name)
{
  g_autofree char *lower = g_ascii_strdown (file_name, -1);

  for (guint i = 0; figure_suffixes[i] != NULL; i++)
    if (g_str_has_suffix (lower, figure_suffixes[i]))
      return TRUE;
  return FALSE;
}

gboolean
mc_exchange_is_import_name (const char *file_name)
{
  g_autofree char *lower = NULL;

  if (file_name == NULL)
    return FALSE;
  lower = g_ascii_strdown (file_name, -1);
  return g_str_has_suffix (lower, MC_JSON_CANVAS_EXTENSION) || is_figure_name (file_name);
}

McBoard *
mc_exchange_import_file (GFile   *file,
                         guint   *n_edges,
                         GError **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_edges != NULL)
    *n_edges = 0;
  if (!mc_board_read_file_contents (file, &display_name, &contents, &length, error))
    return NULL;

  basename = g_file_get_basename (file);
  if (basename != NULL && is_figure_name (basename))
    return mc_figure_fragment_decode (contents, length, display_name, error);
  return mc_json_canvas_import (contents, length, display_name, n_edges, error);
}
