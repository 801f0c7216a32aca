/* fuzz-merge.c — libFuzzer harness for merging two fuzzed boards
 *
 * The input is up to three board files separated by NUL bytes: ours,
 * theirs and (optionally) the base. When ours and theirs load, merging must
 * succeed or fail with a MC_MERGE_ERROR; the merged board must save and
 * load again, keep every note of both copies (two-way), give the same
 * board whichever copy receives the other (every stored field of every
 * note, cluster and figure, the board's properties and the members this
 * build does not know on the board and the file; the stacking order and
 * such members of notes, figures and clusters are left out), and undo back
 * to ours exactly.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "mc-board-io.h"
#include "mc-board-private.h"
#include "mc-merge.h"

static McBoard *
load_part (const uint8_t *data,
           size_t         size)
{
  g_autoptr(GError) error = NULL;
  McBoard *board;

  board = mc_board_load_from_data ((const char *) data, size, "fuzz",
                                   MC_BOARD_LOAD_NONE, &error);
  if (board == NULL && (error == NULL || error->domain != MC_BOARD_ERROR))
    fuzz_fail ("load failed without a MC_BOARD_ERROR");
  return board;
}

static int
compare_lines (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
extra_line (const char *what,
            JsonObject *extra)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  if (extra == NULL)
    return g_strdup_printf ("%s -", what);
  node = json_node_init_object (json_node_alloc (), extra);
  text = json_to_string (node, FALSE);
  return g_strdup_printf ("%s %s", what, text);
}

/* Every stored field as sorted text, so two boards compare as sets. */
static char *
canonical (McBoard *board)
{
  GPtrArray *notes = mc_board_get_notes (board);
  GPtrArray *figures = mc_board_get_figures (board);
  GPtrArray *clusters = mc_board_get_clusters (board);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) keys = mc_board_dup_meta_keys (board);
  GString *out = g_string_new (NULL);

  g_ptr_array_add (lines, g_strdup_printf ("board %s %d %d", mc_board_get_title (board),
                                           mc_board_get_language (board),
                                           mc_board_get_phase (board)));
  g_ptr_array_add (lines, extra_line ("board-extra", _mc_board_get_extra (board)));
  g_ptr_array_add (lines, extra_line ("file-extra", _mc_board_get_file_extra (board)));
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (strcmp (keys[i], MC_META_REVISION) != 0 && strcmp (keys[i], MC_META_BASE_REVISION) != 0)
      g_ptr_array_add (lines, g_strdup_printf ("meta %s=%s", keys[i],
                                               mc_board_get_meta (board, keys[i])));
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *n = g_ptr_array_index (notes, i);
      McRect r;

      mc_note_get_rect (n, &r);
      g_ptr_array_add (lines,
                       g_strdup_printf ("note %s %s|%s|%s|%s/%s|%d %g,%g %gx%g|%u|%d|%u|%"
                                        G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                                        mc_note_get_id (n), mc_note_get_text (n),
                                        mc_note_get_color (n), mc_note_get_author (n),
                                        mc_note_get_figure_id (n), mc_note_get_region_id (n),
                                        mc_note_get_has_position (n), r.x, r.y, r.width, r.height,
                                        mc_note_get_votes (n), mc_note_get_conflict (n),
                                        mc_note_get_has_phase (n) ? mc_note_get_phase (n) + 1 : 0,
                                        mc_note_get_created (n), mc_note_get_modified (n)));
    }
  for (guint i = 0; i < clusters->len; i++)
    {
      McCluster *c = g_ptr_array_index (clusters, i);
      g_auto(GStrv) members = g_strdupv ((char **) mc_cluster_get_note_ids (c));
      g_autofree char *joined = NULL;

      qsort (members, g_strv_length (members), sizeof (char *), compare_lines);
      joined = g_strjoinv (",", members);
      g_ptr_array_add (lines, g_strdup_printf ("cluster %s %s|%s|%s", mc_cluster_get_id (c),
                                               mc_cluster_get_label (c),
                                               mc_cluster_get_color (c), joined));
    }
  for (guint i = 0; i < figures->len; i++)
    {
      McFigure *f = g_ptr_array_index (figures, i);

      g_ptr_array_add (lines, g_strdup_printf ("figure %s %s %g,%g %g", mc_figure_get_id (f),
                                               mc_figure_get_kind (f), mc_figure_get_x (f),
                                               mc_figure_get_y (f), mc_figure_get_scale (f)));
    }

  qsort (lines->pdata, lines->len, sizeof (char *), compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

/* Merges theirs into a copy of into (loaded from into_data) and returns the
 * merged board as canonical text, or NULL when the merge is refused. */
static char *
merge_copy (const char *into_data,
            gsize       into_len,
            McBoard    *theirs,
            McBoard    *base)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) ours = NULL;
  g_autoptr(McBoard) again = NULL;
  g_autoptr(McMergeResult) summary = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *resaved = NULL;
  g_autofree char *undone = NULL;
  gsize merged_len = 0, resaved_len = 0, undone_len = 0;
  GPtrArray *notes;

  ours = mc_board_load_from_data (into_data, into_len, "ours", MC_BOARD_LOAD_NONE, &error);
  if (ours == NULL)
    fuzz_fail ("a board we wrote does not load: %s", error->message);

  if (!mc_merge_into (ours, theirs, base, &summary, &error))
    {
      if (error == NULL || error->domain != MC_MERGE_ERROR)
        fuzz_fail ("merge failed without a MC_MERGE_ERROR");
      return NULL;
    }

  merged = mc_board_to_data (ours, &merged_len);
  again = mc_board_load_from_data (merged, merged_len, "merged", MC_BOARD_LOAD_NONE, &error);
  if (again == NULL)
    fuzz_fail ("the merged board does not load: %s", error->message);
  resaved = mc_board_to_data (again, &resaved_len);
  if (resaved_len != merged_len || memcmp (merged, resaved, merged_len) != 0)
    fuzz_fail ("the merged board does not survive a round trip");

  /* Without a base nothing is ever dropped. */
  notes = mc_board_get_notes (theirs);
  for (guint i = 0; base == NULL && i < notes->len; i++)
    if (mc_board_get_note (ours, mc_note_get_id (g_ptr_array_index (notes, i))) == NULL)
      fuzz_fail ("a note of theirs is lost");

  if (!mc_merge_result_is_empty (summary))
    {
      if (!mc_board_undo (ours))
        fuzz_fail ("the merge left no undo step");
      undone = mc_board_to_data (ours, &undone_len);
      if (undone_len != into_len || memcmp (undone, into_data, into_len) != 0)
        fuzz_fail ("undo does not bring the board back");
    }

  return canonical (again);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *parts[3] = { data, NULL, NULL };
  size_t sizes[3] = { size, 0, 0 };
  g_autoptr(McBoard) a = NULL;
  g_autoptr(McBoard) b = NULL;
  g_autoptr(McBoard) base = NULL;
  g_autofree char *a_data = NULL;
  g_autofree char *b_data = NULL;
  g_autofree char *ab = NULL;
  g_autofree char *ba = NULL;
  gsize a_len = 0, b_len = 0;

  for (guint i = 1; i < G_N_ELEMENTS (parts); i++)
    {
      const uint8_t *nul = memchr (parts[i - 1], '\0', sizes[i - 1]);

      if (nul == NULL)
        break;
      parts[i] = nul + 1;
      sizes[i] = sizes[i - 1] - (size_t) (parts[i] - parts[i - 1]);
      sizes[i - 1] = (size_t) (nul - parts[i - 1]);
    }
  if (parts[1] == NULL)
    return 0;

  if ((a = load_part (parts[0], sizes[0])) == NULL ||
      (b = load_part (parts[1], sizes[1])) == NULL)
    return 0;
  if (parts[2] != NULL && (base = load_part (parts[2], sizes[2])) == NULL)
    return 0;

  /* Each side as its own saved bytes, so both merges start alike. */
  a_data = mc_board_to_data (a, &a_len);
  b_data = mc_board_to_data (b, &b_len);

  ab = merge_copy (b_data, b_len, a, base);
  ba = merge_copy (a_data, a_len, b, base);
  if ((ab == NULL) != (ba == NULL))
    fuzz_fail ("the merge is refused in one direction only");
  if (ab != NULL && strcmp (ab, ba) != 0)
    fuzz_fail ("merging A into B and B into A give different boards:\n%s\n--\n%s", ab, ba);
  return 0;
}
