/* test-reach.c — a doorwerking note's reach (issue 12)
 *
 * "Notes sit in the reach column they claim (individu / collectief /
 * maatschappij), not straddling the dividers; the reach is part of the
 * note's anchor and exported." The reach is stored in the board file and
 * read back (an unknown or absent one is derived from the note's place),
 * merged like the rest of the anchor, places the note inside its column on
 * the canvas and in exports at a journal's single and double column, and
 * dragging a note across a divider changes it in one undoable step.
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
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-merge.h"
#include "mc-outline.h"
#include "mc-test-util.h"

#define PT_PER_MM (72.0 / 25.4)

static McBoard *
doorwerking_board (void)
{
  McBoard *board = mc_board_new ();
  g_autoptr(McFigure) figure = mc_figure_new ("doorwerking", "doorwerking");

  mc_board_execute (board, mc_command_add_figure (g_steal_pointer (&figure)));
  return board;
}

/* Adds a note to region of the doorwerking figure; reach may be NULL; x ≥ 0
 * gives it a position (figure units). Returns its id (borrowed). */
static const char *
add_note (McBoard    *board,
          const char *text,
          const char *region,
          const char *reach,
          double      x)
{
  McNote *note = mc_note_new (text);
  g_autofree char *id = g_strdup (mc_note_get_id (note));

  mc_note_set_anchor (note, "doorwerking", region);
  mc_note_set_reach (note, reach);
  if (x >= 0)
    {
      McRect rect = { x, 300, MC_NOTE_DEFAULT_WIDTH, MC_NOTE_DEFAULT_HEIGHT };

      mc_note_set_rect (note, &rect);
    }
  mc_board_execute (board, mc_command_add_note (note));
  return mc_note_get_id (mc_board_get_note (board, id));
}

static void
test_file (void)
{
  g_autoptr(McBoard) board = doorwerking_board ();
  g_autoptr(McBoard) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *unknown = NULL;
  const char *society = add_note (board, "Beleid", "system", "society", -1);
  const char *none = add_note (board, "Zonder", "system", NULL, -1);
  gsize length;

  data = mc_board_to_data (board, &length);
  g_assert_nonnull (strstr (data, "\"reach\": \"society\""));
  loaded = mc_board_load_from_data (data, length, "test", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_note_get_reach (mc_board_get_note (loaded, society)), ==, "society");
  g_assert_null (mc_note_get_reach (mc_board_get_note (loaded, none)));
  g_assert_true (mc_note_equal (mc_board_get_note (board, society),
                                mc_board_get_note (loaded, society)));

  /* A reach this version does not know is derived again, not an error. */
  g_clear_object (&loaded);
  {
    g_auto(GStrv) parts = g_strsplit (data, "\"reach\": \"society\"", 2);

    unknown = g_strjoinv ("\"reach\": \"galaxy\"", parts);
  }
  loaded = mc_board_load_from_data (unknown, strlen (unknown), "test", 0, &error);
  g_assert_no_error (error);
  g_assert_null (mc_note_get_reach (mc_board_get_note (loaded, society)));
}

static McBoard *
copy_of (McBoard *board)
{
  gsize length;
  g_autofree char *data = mc_board_to_data (board, &length);
  g_autoptr(GError) error = NULL;
  McBoard *copy = mc_board_load_from_data (data, length, "copy", 0, &error);

  g_assert_no_error (error);
  return copy;
}

static void
update (McBoard    *board,
        const char *id,
        const char *text,
        const char *reach)
{
  McNote *changed = mc_note_dup (mc_board_get_note (board, id));

  if (text != NULL)
    mc_note_set_text (changed, text);
  if (reach != NULL)
    mc_note_set_reach (changed, reach);
  mc_board_execute (board, mc_command_update_note (board, changed));
}

/* One copy moves the note to another reach, the other edits its text:
 * both changes stay. */
static void
test_merge (void)
{
  g_autoptr(McBoard) base = doorwerking_board ();
  const char *id = add_note (base, "Gemeente", "system", "collective", -1);
  g_autoptr(McBoard) ours = copy_of (base);
  g_autoptr(McBoard) theirs = copy_of (base);
  g_autoptr(GError) error = NULL;
  McNote *merged;

  update (ours, id, "Gemeente neemt het lab op in beleid", NULL);
  update (theirs, id, NULL, "society");
  g_assert_true (mc_merge_into (ours, theirs, base, NULL, &error));
  g_assert_no_error (error);
  merged = mc_board_get_note (ours, id);
  g_assert_cmpstr (mc_note_get_text (merged), ==, "Gemeente neemt het lab op in beleid");
  g_assert_cmpstr (mc_note_get_reach (merged), ==, "society");
  g_assert_cmpuint (mc_board_get_notes (ours)->len, ==, 1);
}

/* The number of notes of the doorwerking figure that cross a divider of
 * the reach columns in the last build (printed). A divider lies midway
 * between two columns' note areas; a note whose longest word is wider than
 * its column may use the gutters beside it, never more. */
static guint
notes_outside_columns (McLayout *layout,
                       McBoard  *board,
                       const char *what)
{
  GPtrArray *notes = mc_board_get_notes (board);
  guint outside = 0;

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = notes->pdata[i];
      const char *reach = mc_note_get_reach (note);
      g_autofree char *column = NULL;
      McRect rect, area, region, neighbour;
      double left, right;
      guint index = 0;

      if (g_strcmp0 (mc_note_get_figure_id (note), "doorwerking") != 0)
        continue;
      g_assert_nonnull (reach);
      column = mc_figure_reach_area_id (mc_note_get_region_id (note), reach);
      g_assert_true (mc_layout_get_note_rect (layout, mc_note_get_id (note), &rect));
      g_assert_true (mc_layout_get_note_area (layout, "doorwerking", column, &area));
      g_assert_true (mc_layout_get_note_area (layout, "doorwerking",
                                              mc_note_get_region_id (note), &region));
      while (g_strcmp0 (mc_note_reaches[index], reach) != 0)
        index++;
      left = region.x;
      right = region.x + region.width;
      if (index > 0)
        {
          g_autofree char *id = mc_figure_reach_area_id (mc_note_get_region_id (note),
                                                         mc_note_reaches[index - 1]);

          g_assert_true (mc_layout_get_note_area (layout, "doorwerking", id, &neighbour));
          left = (neighbour.x + neighbour.width + area.x) / 2;
        }
      if (mc_note_reaches[index + 1] != NULL)
        {
          g_autofree char *id = mc_figure_reach_area_id (mc_note_get_region_id (note),
                                                         mc_note_reaches[index + 1]);

          g_assert_true (mc_layout_get_note_area (layout, "doorwerking", id, &neighbour));
          right = (area.x + area.width + neighbour.x) / 2;
        }
      if (rect.x < left - 0.5 || rect.x + rect.width > right + 0.5)
        {
          outside++;
          g_test_message ("%s: “%s” (%s) at %.1f–%.1f, between its dividers %.1f–%.1f", what,
                          mc_note_get_text (note), reach, rect.x, rect.x + rect.width,
                          left, right);
        }
    }
  return outside;
}

/* The example board's doorwerking notes claim a reach each; on the canvas
 * and in exports at 84 and 174 mm they sit inside their columns. */
static void
test_inside_columns (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  static const double widths_mm[] = { 84, 174 };
  guint outside = 0;

  for (guint w = 0; w <= G_N_ELEMENTS (widths_mm); w++)
    {
      g_autoptr(McScene) scene = NULL;
      g_autofree char *what = NULL;
      McViewOptions options;

      mc_view_options_init (&options, MC_LANGUAGE_NL);
      if (w < G_N_ELEMENTS (widths_mm))
        {
          options.theme = MC_THEME_PRINT;
          options.figure_id = "doorwerking";
          options.frame_width = widths_mm[w] * PT_PER_MM;
          options.min_font_size = 7.0;
          options.strict = TRUE;
          what = g_strdup_printf ("%.0f mm", widths_mm[w]);
        }
      else
        what = g_strdup ("canvas");
      scene = mc_layout_build (layout, board, &options);
      outside += notes_outside_columns (layout, board, what);
      if (options.strict)
        {
          GPtrArray *misfits = mc_layout_get_misfits (layout);

          for (guint m = 0; m < misfits->len; m++)
            g_test_message ("%s: %s", what, (const char *) misfits->pdata[m]);
          g_assert_cmpuint (misfits->len, ==, 0);
        }
    }
  g_assert_cmpuint (outside, ==, 0);
}

/* A note without a reach placed across a divider: it takes the column its
 * centre is in and is drawn wholly inside it. */
static void
test_derived_from_position (void)
{
  g_autoptr(McBoard) board = doorwerking_board ();
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  g_autoptr(McScene) scene = NULL;
  McViewOptions options;
  const char *id;
  McRect collective, society, rect;

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  scene = mc_layout_build (layout, board, &options);
  g_assert_true (mc_layout_get_note_area (layout, "doorwerking", "system:collective", &collective));
  g_assert_true (mc_layout_get_note_area (layout, "doorwerking", "system:society", &society));
  g_clear_pointer (&scene, mc_scene_unref);

  /* Centred a little left of the rule between collectief and
   * maatschappij (the figure is at (0, 0) at scale 1). */
  id = add_note (board, "Over de streep", "system", NULL,
                 society.x - 20 - MC_NOTE_DEFAULT_WIDTH / 2);
  scene = mc_layout_build (layout, board, &options);
  g_assert_true (mc_layout_get_note_rect (layout, id, &rect));
  g_assert_cmpfloat (rect.x, >=, collective.x - 0.5);
  g_assert_cmpfloat (rect.x + rect.width, <=, collective.x + collective.width + 0.5);
  g_assert_cmpstr (mc_layout_reach_at (layout, "doorwerking", "system", rect.x + rect.width / 2),
                   ==, "collective");
}

/* Notes that claim no reach and have no place (typed into the row, or read
 * from an older file) spread over the row's columns in proportion to their
 * widths, after the notes that have a column: before, all of them went into
 * the first, narrowest column and made the row very tall. */
static void
test_spread_without_reach (void)
{
  g_autoptr(McBoard) board = doorwerking_board ();
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  g_autoptr(McScene) scene = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  McViewOptions options;
  guint counts[3] = { 0, };
  McRect columns[3];

  for (guint i = 0; i < 3; i++)
    add_note (board, "Met bereik", "person", "individual", -1);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *text = g_strdup_printf ("Zonder bereik %u", i);

      g_ptr_array_add (ids, g_strdup (add_note (board, text, "person", NULL, -1)));
    }

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  scene = mc_layout_build (layout, board, &options);
  for (guint r = 0; r < 3; r++)
    {
      g_autofree char *column = mc_figure_reach_area_id ("person", mc_note_reaches[r]);

      g_assert_true (mc_layout_get_note_area (layout, "doorwerking", column, &columns[r]));
    }
  for (guint i = 0; i < ids->len; i++)
    {
      McRect rect;
      double centre;
      guint r;

      g_assert_true (mc_layout_get_note_rect (layout, ids->pdata[i], &rect));
      centre = rect.x + rect.width / 2;
      for (r = 0; r < 3; r++)
        if (centre >= columns[r].x && centre <= columns[r].x + columns[r].width)
          break;
      g_assert_cmpuint (r, <, 3);
      counts[r]++;
      /* The file keeps claiming no reach. */
      g_assert_null (mc_note_get_reach (mc_board_get_note (board, ids->pdata[i])));
    }
  g_test_message ("without a reach: %u individu, %u collectief, %u maatschappij",
                  counts[0], counts[1], counts[2]);
  /* 33 notes over columns of 29, 33 and 38 %: about 10, 11 and 12, the
   * three with a reach counted in individu. */
  g_assert_cmpuint (counts[0] + 3, >=, 8);
  g_assert_cmpuint (counts[0] + 3, <=, 11);
  g_assert_cmpuint (counts[1], >=, 9);
  g_assert_cmpuint (counts[2], >=, 10);
  g_assert_cmpuint (counts[2], >=, counts[1]);
  g_assert_cmpuint (counts[1], >=, counts[0]);
}

/* The outline names a doorwerking note's reach as the figure names its
 * column, in the board's language; a note that claims none says nothing. */
static void
test_outline (void)
{
  g_autoptr(McBoard) board = doorwerking_board ();
  g_autofree char *nl = NULL;
  g_autofree char *en = NULL;

  add_note (board, "Beleid van de gemeente", "system", "society", -1);
  add_note (board, "Zonder bereik", "system", NULL, -1);
  nl = mc_outline_to_markdown (board, mc_catalog_get_default (), MC_LANGUAGE_NL, NULL);
  en = mc_outline_to_markdown (board, mc_catalog_get_default (), MC_LANGUAGE_EN, NULL);
  g_assert_nonnull (strstr (nl, "- Beleid van de gemeente *(bereik: maatschappij)*\n"));
  g_assert_nonnull (strstr (nl, "- Zonder bereik\n"));
  g_assert_nonnull (strstr (en, "- Beleid van de gemeente *(reach: society)*\n"));
}

/* Dragging a note from individu into maatschappij changes its reach, in
 * one undo step; undo brings the old reach back. */
static void
test_drag_changes_reach (void)
{
  g_autoptr(McBoard) board = doorwerking_board ();
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  g_autoptr(McScene) scene = NULL;
  McViewOptions options;
  const char *id = add_note (board, "Studenten", "person", "individual", -1);
  const char *ids[] = { id, NULL };
  McRect rect, society;
  guint undo_before;

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  scene = mc_layout_build (layout, board, &options);
  g_assert_true (mc_layout_get_note_rect (layout, id, &rect));
  g_assert_true (mc_layout_get_note_area (layout, "doorwerking", "person:society", &society));

  undo_before = mc_history_get_n_undo (mc_board_get_history (board));
  mc_board_execute (board, mc_editing_move_notes_command (board, layout, scene, ids,
                                                          society.x + society.width / 2 -
                                                          (rect.x + rect.width / 2), 0));
  g_assert_cmpuint (mc_history_get_n_undo (mc_board_get_history (board)), ==, undo_before + 1);
  g_assert_cmpstr (mc_note_get_region_id (mc_board_get_note (board, id)), ==, "person");
  g_assert_cmpstr (mc_note_get_reach (mc_board_get_note (board, id)), ==, "society");

  g_assert_true (mc_board_undo (board));
  g_assert_cmpstr (mc_note_get_reach (mc_board_get_note (board, id)), ==, "individual");

  /* Out of the figure: a free note claims no reach. */
  g_clear_pointer (&scene, mc_scene_unref);
  scene = mc_layout_build (layout, board, &options);
  mc_board_execute (board, mc_editing_move_notes_command (board, layout, scene, ids, 0, -5000));
  g_assert_null (mc_note_get_figure_id (mc_board_get_note (board, id)));
  g_assert_null (mc_note_get_reach (mc_board_get_note (board, id)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_ensure_resources ();
  g_test_add_func ("/mc/reach/file", test_file);
  g_test_add_func ("/mc/reach/merge", test_merge);
  g_test_add_func ("/mc/reach/inside-columns", test_inside_columns);
  g_test_add_func ("/mc/reach/derived-from-position", test_derived_from_position);
  g_test_add_func ("/mc/reach/drag-changes-reach", test_drag_changes_reach);
  g_test_add_func ("/mc/reach/spread-without-reach", test_spread_without_reach);
  g_test_add_func ("/mc/reach/outline", test_outline);
  return g_test_run ();
}
