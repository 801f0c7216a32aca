/* merge-fixture.c — what merge-fixture.h declares */
#include "config.h"

#include "merge-fixture.h"

static gint
compare_lines_data (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gint
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char *
canonical (McBoard *board)
{
  GPtrArray *notes = mc_board_get_notes (board);
  GPtrArray *figures = mc_board_get_figures (board);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *n = g_ptr_array_index (notes, i);
      McRect r;

      mc_note_get_rect (n, &r);
      g_ptr_array_add (lines,
                       g_strdup_printf ("note %s text=%s color=%s author=%s at=%s/%s "
                                        "pos=%d %g,%g %gx%g votes=%u conflict=%d "
                                        "created=%" G_GINT64_FORMAT,
                                        mc_note_get_id (n), mc_note_get_text (n),
                                        mc_note_get_color (n), mc_note_get_author (n),
                                        mc_note_get_figure_id (n), mc_note_get_region_id (n),
                                        mc_note_get_has_position (n), r.x, r.y, r.width, r.height,
                                        mc_note_get_votes (n), mc_note_get_conflict (n),
                                        mc_note_get_created (n)));
    }
  for (guint i = 0; i < mc_board_get_clusters (board)->len; i++)
    {
      McCluster *c = g_ptr_array_index (mc_board_get_clusters (board), i);
      g_auto(GStrv) members = g_strdupv ((char **) mc_cluster_get_note_ids (c));
      g_autofree char *joined = NULL;

      g_qsort_with_data (members, g_strv_length (members), sizeof (char *),
                         (GCompareDataFunc) compare_lines_data, NULL);
      joined = g_strjoinv (",", members);
      g_ptr_array_add (lines, g_strdup_printf ("cluster %s label=%s color=%s notes=%s",
                                               mc_cluster_get_id (c), mc_cluster_get_label (c),
                                               mc_cluster_get_color (c), joined));
    }
  for (guint i = 0; i < figures->len; i++)
    {
      McFigure *f = g_ptr_array_index (figures, i);

      g_ptr_array_add (lines,
                       g_strdup_printf ("figure %s kind=%s at=%g,%g scale=%g",
                                        mc_figure_get_id (f), mc_figure_get_kind (f),
                                        mc_figure_get_x (f), mc_figure_get_y (f),
                                        mc_figure_get_scale (f)));
    }

  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

McMergeResult *
merge (McBoard *ours,
       McBoard *theirs,
       McBoard *base)
{
  g_autoptr(GError) error = NULL;
  McMergeResult *summary = NULL;

  g_assert_true (mc_merge_into (ours, theirs, base, &summary, &error));
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}
