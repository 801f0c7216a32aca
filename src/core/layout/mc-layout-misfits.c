/* mc-layout-misfits.c — what did not fit in a strict layout, and the one
 * line an export or print refuses with (issue 12)
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-layout.h"
#include "mc-layout-parts-private.h"
#include "mc-catalog.h"

static const char *
region_label (const PlacedFigure  *placed,
              const char          *region_id,
              const McViewOptions *options)
{
  const McRegionInfo *region = placed->info != NULL
                               ? mc_figure_info_find_region (placed->info, region_id) : NULL;
  const char *label = region != NULL ? mc_region_info_get_label (region, options->language) : NULL;

  return label != NULL ? label : region_id;
}

/* Strict views: notes outside their region's area and, laid out for the
 * frame, a figure taller than a journal page. */
void
_mc_layout_report_misfits (McLayout            *self,
                           GArray              *placed_figures,
                           GHashTable          *spilled,
                           McScene             *content,
                           gboolean             for_frame,
                           const McViewOptions *options)
{
  GHashTableIter iter;
  gpointer key, value;
  McRect bounds;

  if (!options->strict)
    return;

  g_hash_table_iter_init (&iter, spilled);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\x1f", 2);
      guint n = GPOINTER_TO_UINT (value);

      for (guint i = 0; i < placed_figures->len; i++)
        {
          PlacedFigure *placed = &g_array_index (placed_figures, PlacedFigure, i);

          if (g_strcmp0 (placed->placement_id, parts[0]) != 0)
            continue;
          g_ptr_array_add (self->misfits,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u note does not fit in “%s”; export wider, with fewer notes or without notes",
                                                         "%u notes do not fit in “%s”; export wider, with fewer notes or without notes",
                                                         n),
                                            n, region_label (placed, parts[1], options)));
        }
    }

  mc_scene_get_bounds (content, &bounds);
  if (for_frame && bounds.height > MC_LAYOUT_MAX_HEIGHT_MM / 25.4 * 72 + 0.5)
    g_ptr_array_add (self->misfits, mc_layout_too_tall_misfit (bounds.height / 72 * 25.4,
                                                               MC_LAYOUT_MAX_HEIGHT_MM,
                                                               options->questions));
}

char *
mc_layout_too_tall_misfit (double          height_mm,
                           double          page_mm,
                           McQuestionsMode questions)
{
  /* The cures that are left: questions that do not fit a region already
   * go to the legend, so shown questions can only be left out. */
  if (questions == MC_QUESTIONS_OFF)
    return g_strdup_printf (_("the figure is %.0f mm tall, more than a page’s %.0f mm; export wider, with fewer notes or without notes"),
                            height_mm, page_mm);
  return g_strdup_printf (_("the figure is %.0f mm tall, more than a page’s %.0f mm; export wider, with fewer notes, without notes or without the questions"),
                          height_mm, page_mm);
}

GPtrArray *
mc_layout_get_misfits (McLayout *self)
{
  g_return_val_if_fail (MC_IS_LAYOUT (self), NULL);

  return self->misfits;
}

G_DEFINE_QUARK (mc-layout-error-quark, mc_layout_error)

gboolean
mc_layout_misfits_to_error (GPtrArray   *misfits,
                            const char  *figure_id,
                            GError     **error)
{
  g_return_val_if_fail (misfits != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (misfits->len == 0)
    return TRUE;

  if (misfits->len == 1)
    g_set_error (error, MC_LAYOUT_ERROR, MC_LAYOUT_ERROR_DOES_NOT_FIT,
                 _("Figure “%s” does not fit: %s"),
                 figure_id != NULL ? figure_id : "board", (const char *) misfits->pdata[0]);
  else
    g_set_error (error, MC_LAYOUT_ERROR, MC_LAYOUT_ERROR_DOES_NOT_FIT,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Figure “%s” does not fit: %s (and %u more problem)",
                              "Figure “%s” does not fit: %s (and %u more problems)",
                              misfits->len - 1),
                 figure_id != NULL ? figure_id : "board", (const char *) misfits->pdata[0],
                 misfits->len - 1);
  return FALSE;
}

gboolean
mc_layout_check_fit (McLayout    *self,
                     const char  *figure_id,
                     GError     **error)
{
  g_return_val_if_fail (MC_IS_LAYOUT (self), FALSE);

  return mc_layout_misfits_to_error (self->misfits, figure_id, error);
}

char *
mc_layout_note_misfit (const char *text,
                       double      size)
{
  /* g_utf8_substring() reads past the end of a shorter text. */
  const char *full = text != NULL ? text : "";
  g_autofree char *start = g_utf8_substring (full, 0, MIN (g_utf8_strlen (full, -1), 24));

  return g_strdup_printf (_("the note “%s” does not fit at %.0f pt; export wider or without notes"),
                          start, size);
}
