/* test-layout-sizes.c — one note text size per region (issue 13)
 *
 * Each note used to shrink its text to fit on its own, so the notes of one
 * region showed sizes from 17.4 to 29 px at the wall, and a short note
 * typed there came out larger than its neighbours. Now every note of a
 * region is set at one size: the largest at which all of them fit. Checked
 * on the example board at the wall (projector theme, questions in the
 * banner) at the five projector sizes, on the canvas, in every figure's
 * export at 84 and 174 mm, and for a short note added at the wall.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-board.h"
#include "mc-board-io.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-editing.h"
#include "mc-figure-kind.h"
#include "mc-layout.h"
#include "mc-test-util.h"
#include "mc-theme.h"

#define PT_PER_MM (72.0 / 25.4)

static const int wall_sizes[][2] = {
  { 1024, 768 }, { 1280, 720 }, { 1366, 768 }, { 1920, 1080 }, { 3840, 2160 },
};

static double
layout_size (PangoLayout *layout)
{
  return (double) pango_font_description_get_size (pango_layout_get_font_description (layout)) /
         PANGO_SCALE;
}

/* The text size of every note drawn in scene, by note id. */
static GHashTable *
note_text_sizes (McScene *scene)
{
  GHashTable *sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);
      guint end;

      if (item->kind != MC_ITEM_GROUP_BEGIN || item->role != MC_ROLE_NOTE ||
          item->id == NULL || !g_str_has_prefix (item->id, "note:"))
        continue;
      end = mc_scene_group_end (scene, i);
      for (guint j = i + 1; j < end; j++)
        {
          const McSceneItem *child = mc_scene_get_item (scene, j);
          double size;

          if (child->kind != MC_ITEM_TEXT || child->role != MC_ROLE_NOTE_TEXT)
            continue;
          size = layout_size (child->layout);
          g_hash_table_insert (sizes, g_strdup (item->id + strlen ("note:")),
                               g_memdup2 (&size, sizeof size));
        }
    }
  return sizes;
}

/* The number of regions whose notes show more than one text size in
 * scene (printed); *n_regions counts the regions with notes drawn. */
static guint
regions_with_mixed_sizes (McScene    *scene,
                          McBoard    *board,
                          const char *what,
                          guint      *n_regions)
{
  g_autoptr(GHashTable) sizes = note_text_sizes (scene);
  g_autoptr(GHashTable) lowest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) highest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *notes = mc_board_get_notes (board);
  GHashTableIter iter;
  gpointer key, value;
  guint mixed = 0;

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = notes->pdata[i];
      const double *size = g_hash_table_lookup (sizes, mc_note_get_id (note));
      g_autofree char *region = NULL;
      double *low, *high;

      if (size == NULL || mc_note_get_region_id (note) == NULL)
        continue;
      region = g_strdup_printf ("%s/%s", mc_note_get_figure_id (note),
                                mc_note_get_region_id (note));
      low = g_hash_table_lookup (lowest, region);
      high = g_hash_table_lookup (highest, region);
      if (low == NULL)
        {
          g_hash_table_insert (lowest, g_strdup (region), g_memdup2 (size, sizeof *size));
          g_hash_table_insert (highest, g_steal_pointer (&region), g_memdup2 (size, sizeof *size));
          continue;
        }
      *low = MIN (*low, *size);
      *high = MAX (*high, *size);
    }

  g_hash_table_iter_init (&iter, lowest);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double low = *(double *) value;
      double high = *(double *) g_hash_table_lookup (highest, key);

      if (high - low > 0.01)
        {
          mixed++;
          g_test_message ("%s: the notes of %s range from %.2f to %.2f", what,
                          (const char *) key, low, high);
        }
    }
  *n_regions = g_hash_table_size (lowest);
  return mixed;
}

static void
wall_options (McViewOptions *options)
{
  /* As mc-presentation.c sets the wall's canvas. */
  mc_view_options_init (options, MC_LANGUAGE_NL);
  options->theme = MC_THEME_PROJECTOR;
  options->questions = MC_QUESTIONS_OFF;
}

/* The wall draws the board's scene scaled to the screen, so one size per
 * region in the scene is one size on the screen. At every projector size
 * the figure stops' zoom (the figure fitted to the screen) gives each
 * region's notes one size in pixels, printed. */
static void
test_wall (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  GPtrArray *figures = mc_board_get_figures (board);
  guint mixed = 0;

  for (guint s = 0; s < G_N_ELEMENTS (wall_sizes); s++)
    {
      g_autoptr(McScene) scene = NULL;
      g_autoptr(GHashTable) sizes = NULL;
      McViewOptions options;
      double smallest = G_MAXDOUBLE, largest = 0;
      guint n_regions = 0;

      wall_options (&options);
      scene = mc_layout_build (layout, board, &options);
      mixed += regions_with_mixed_sizes (scene, board, "wall", &n_regions);
      g_assert_cmpuint (n_regions, >, 10);

      sizes = note_text_sizes (scene);
      for (guint f = 0; f < figures->len; f++)
        {
          const char *figure_id = mc_figure_get_id (figures->pdata[f]);
          GPtrArray *notes = mc_board_get_notes (board);
          McRect rect;
          double zoom;

          g_assert_true (mc_layout_get_figure_rect (board, figure_id, &rect));
          zoom = MIN (wall_sizes[s][0] / rect.width, wall_sizes[s][1] / rect.height);
          for (guint i = 0; i < notes->len; i++)
            {
              const double *size = g_hash_table_lookup (sizes, mc_note_get_id (notes->pdata[i]));

              if (size == NULL || g_strcmp0 (mc_note_get_figure_id (notes->pdata[i]), figure_id) != 0)
                continue;
              smallest = MIN (smallest, *size * zoom);
              largest = MAX (largest, *size * zoom);
            }
        }
      g_test_message ("%d×%d: note text %.1f–%.1f px at the figure stops", wall_sizes[s][0],
                      wall_sizes[s][1], smallest, largest);
    }
  g_assert_cmpuint (mixed, ==, 0);
}

/* The editor's canvas: the same, in the screen theme. */
static void
test_canvas (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  g_autoptr(McScene) scene = NULL;
  McViewOptions options;
  guint n_regions = 0;

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  scene = mc_layout_build (layout, board, &options);
  g_assert_cmpuint (regions_with_mixed_sizes (scene, board, "canvas", &n_regions), ==, 0);
  g_assert_cmpuint (n_regions, >, 10);
}

/* Every figure exported alone at a single and a double column. */
static void
test_exports (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  const char * const *kinds = mc_figure_kind_list ();
  static const double widths_mm[] = { 84, 174 };
  guint mixed = 0;

  for (guint k = 0; kinds[k] != NULL; k++)
    for (guint w = 0; w < G_N_ELEMENTS (widths_mm); w++)
      {
        g_autoptr(McScene) scene = NULL;
        g_autofree char *what = g_strdup_printf ("%s at %.0f mm", kinds[k], widths_mm[w]);
        McViewOptions options;
        guint n_regions = 0;

        mc_view_options_init (&options, MC_LANGUAGE_NL);
        options.theme = MC_THEME_PRINT;
        options.figure_id = kinds[k];
        options.frame_width = widths_mm[w] * PT_PER_MM;
        options.min_font_size = 7.0;
        options.strict = TRUE;
        scene = mc_layout_build (layout, board, &options);
        mixed += regions_with_mixed_sizes (scene, board, what, &n_regions);
      }
  g_assert_cmpuint (mixed, ==, 0);
}

/* A short note typed at the wall into a region whose notes had to shrink
 * takes their size instead of the note size. */
static void
test_new_note_takes_region_size (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  g_autoptr(McScene) before = NULL;
  g_autoptr(GHashTable) sizes = NULL;
  GPtrArray *notes = mc_board_get_notes (board);
  const McTheme *theme = mc_theme_get (MC_THEME_PROJECTOR);
  McViewOptions options;
  guint tried = 0;

  wall_options (&options);
  before = mc_layout_build (layout, board, &options);
  sizes = note_text_sizes (before);

  for (guint i = 0; i < notes->len && tried < 3; i++)
    {
      McNote *note = notes->pdata[i];
      const double *size = g_hash_table_lookup (sizes, mc_note_get_id (note));
      const char *figure_id = mc_note_get_figure_id (note);
      const char *region_id = mc_note_get_region_id (note);
      g_autoptr(McScene) scene = NULL;
      g_autoptr(McScene) after = NULL;
      g_autoptr(GHashTable) after_sizes = NULL;
      g_autofree char *id = NULL;
      const double *added;
      McRect area;

      /* A region whose notes are set below the note size. */
      if (size == NULL || region_id == NULL || *size > theme->note_size - 0.5 ||
          !mc_layout_get_note_area (layout, figure_id, region_id, &area))
        continue;
      tried++;

      scene = mc_layout_build (layout, board, &options);
      mc_board_execute (board, mc_editing_new_note_command (board, layout, scene,
                                                            area.x + area.width / 2,
                                                            area.y + area.height / 2,
                                                            "Ja", NULL, &id));
      g_assert_nonnull (id);
      g_assert_cmpstr (mc_note_get_region_id (mc_board_get_note (board, id)), ==, region_id);
      after = mc_layout_build (layout, board, &options);
      after_sizes = note_text_sizes (after);
      added = g_hash_table_lookup (after_sizes, id);
      g_assert_nonnull (added);
      g_test_message ("“Ja” in %s/%s: %.2f (its region's notes: %.2f, note size %.2f)",
                      figure_id, region_id, *added,
                      *(const double *) g_hash_table_lookup (after_sizes, mc_note_get_id (note)),
                      theme->note_size);
      g_assert_cmpfloat (*added, <, theme->note_size - 0.5);
      g_assert_cmpfloat (fabs (*added - *(const double *) g_hash_table_lookup (after_sizes,
                                                                                  mc_note_get_id (note))),
                         <, 0.01);
      mc_board_execute (board, mc_editing_delete_notes_command (board,
                                                                (const char * const[]) { id, NULL }));
      /* The board's scene again, for the next region's sizes. */
      g_clear_pointer (&sizes, g_hash_table_unref);
      g_clear_pointer (&after, mc_scene_unref);
      after = mc_layout_build (layout, board, &options);
      sizes = note_text_sizes (after);
    }
  g_assert_cmpuint (tried, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_ensure_resources ();
  g_test_add_func ("/mc/layout-sizes/wall", test_wall);
  g_test_add_func ("/mc/layout-sizes/canvas", test_canvas);
  g_test_add_func ("/mc/layout-sizes/exports", test_exports);
  g_test_add_func ("/mc/layout-sizes/new-note-takes-region-size", test_new_note_takes_region_size);
  return g_test_run ();
}
