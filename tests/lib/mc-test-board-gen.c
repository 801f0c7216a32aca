/* mc-test-board-gen.c — random boards built through the model's public API */
#include "config.h"

#include <math.h>

#include "mc-command.h"
#include "mc-limits.h"
#include "mc-test-board-gen.h"

typedef struct
{
  McTestRandomFunc next;
  gpointer         data;
} Gen;

static guint32
pick (Gen    *gen,
      guint32 n)
{
  return n == 0 ? 0 : gen->next (gen->data) % n;
}

static gunichar
random_char (Gen *gen)
{
  static const gunichar specials[] = {
    '"', '\\', '/', '\n', '\r', '\t', 0x01, 0x1f, 0x7f, 0x85, 0xa0, 0xad, 0xfeff,
    0x200b, 0x202e, 0xfffd, 0xffff, 0x1f600, 0x10ffff,
  };

  switch (pick (gen, 5))
    {
    case 0:
      return specials[pick (gen, G_N_ELEMENTS (specials))];
    case 1:
      return 0x80 + pick (gen, 0x780);
    case 2:
      {
        gunichar c = 0x800 + pick (gen, 0xf800);

        return c >= 0xd800 && c <= 0xdfff ? 0xe000 : c;
      }
    case 3:
      return 0x10000 + pick (gen, 0x100000);
    default:
      return 0x20 + pick (gen, 0x5f);
    }
}

/* Mostly short; now and then longer than any limit. */
static char *
random_text (Gen *gen)
{
  GString *text = g_string_new (NULL);
  guint32 n;

  switch (pick (gen, 8))
    {
    case 0:
      n = 0;
      break;
    case 1:
      n = 20000 + pick (gen, 50000);
      break;
    default:
      n = pick (gen, 40);
      break;
    }

  for (guint32 i = 0; i < n; i++)
    {
      gunichar c = random_char (gen);

      /* One random character repeated: long texts stay cheap to make. */
      if (n > 1000)
        {
          for (; i < n; i++)
            g_string_append_unichar (text, c);
          break;
        }
      g_string_append_unichar (text, c);
    }

  return g_string_free (text, FALSE);
}

static double
random_number (Gen *gen)
{
  static const double specials[] = {
    0, -0.0, 1e-300, 0.1, 1.0 / 3.0, 9999999.999, 1e7, -1e7, 1.5e7, -1e15, 1e300,
  };

  if (pick (gen, 3) == 0)
    return specials[pick (gen, G_N_ELEMENTS (specials))];
  return ((double) gen->next (gen->data) - 2147483648.0) / (1 + pick (gen, 1000));
}

static gint64
random_time (Gen *gen)
{
  static const gint64 specials[] = {
    G_MININT64, G_MAXINT64, 0, -1, MC_TIME_MIN, MC_TIME_MAX, MC_TIME_MIN - 1, MC_TIME_MAX + 1,
  };

  if (pick (gen, 4) == 0)
    return specials[pick (gen, G_N_ELEMENTS (specials))];
  return (gint64) (((guint64) gen->next (gen->data) << 32 | gen->next (gen->data)) >> pick (gen,
                                                                                            20));
}

static void
add_figures (Gen     *gen,
             McBoard *board)
{
  const char * const *kinds = mc_figure_get_kinds ();
  guint n_kinds = g_strv_length ((GStrv) kinds);
  guint n = pick (gen, 4);

  for (guint i = 0; i < n; i++)
    {
      const char *kind = kinds[pick (gen, n_kinds)];
      g_autofree char *id = mc_board_new_figure_id (board, kind);
      McFigure *figure = mc_figure_new (id, kind);

      mc_figure_set_position (figure, random_number (gen), random_number (gen));
      mc_figure_set_scale (figure, 0.001 + fabs (random_number (gen)));
      mc_board_execute (board, mc_command_add_figure (figure));
    }
}

static McNote *
random_note (Gen     *gen,
             McBoard *board)
{
  g_autofree char *text = random_text (gen);
  McNote *note = mc_note_new (text);
  GPtrArray *figures = mc_board_get_figures (board);

  mc_note_set_color (note, mc_note_colors[pick (gen, 6)]);
  if (pick (gen, 2) == 0)
    {
      g_autofree char *author = random_text (gen);

      mc_note_set_author (note, author);
    }
  if (figures->len > 0 && pick (gen, 2) == 0)
    {
      McFigure *figure = g_ptr_array_index (figures, pick (gen, figures->len));

      mc_note_set_anchor (note, mc_figure_get_id (figure), pick (gen, 2) ? "r1" : "context");
    }
  if (pick (gen, 2) == 0)
    {
      McRect rect = {
        random_number (gen), random_number (gen),
        0.01 + fabs (random_number (gen)), 0.01 + fabs (random_number (gen)),
      };

      mc_note_set_rect (note, &rect);
    }
  mc_note_set_votes (note, pick (gen, 4) == 0 ? gen->next (gen->data) : pick (gen, 10));
  mc_note_set_created (note, random_time (gen));
  mc_note_set_modified (note, random_time (gen));
  if (pick (gen, 3) == 0)
    mc_note_set_phase (note, (McPhase) pick (gen, 3));
  mc_note_set_conflict (note, pick (gen, 5) == 0);
  return note;
}

static void
add_clusters (Gen     *gen,
              McBoard *board)
{
  GPtrArray *notes = mc_board_get_notes (board);
  guint n = notes->len > 0 ? pick (gen, 3) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = random_text (gen);
      McCluster *cluster = mc_cluster_new (label, mc_note_colors[pick (gen, 6)]);
      McNote *note = g_ptr_array_index (notes, pick (gen, notes->len));

      if (mc_board_get_note_cluster (board, mc_note_get_id (note)) != NULL)
        {
          g_object_unref (cluster);
          continue;
        }
      mc_cluster_add_note (cluster, mc_note_get_id (note));
      mc_board_execute (board, mc_command_add_cluster (board, cluster));
    }
}

McBoard *
mc_test_board_generate (McTestRandomFunc next,
                        gpointer         data)
{
  Gen gen = { next, data };
  McBoard *board = mc_board_new ();
  g_autofree char *title = random_text (&gen);
  g_autofree char *meta = random_text (&gen);
  guint n_notes;

  mc_board_execute (board, mc_command_set_title (board, title));
  mc_board_execute (board, mc_command_set_language (board, (McLanguage) pick (&gen, 2)));
  mc_board_execute (board, mc_command_set_phase (board, (McPhase) pick (&gen, 3)));
  mc_board_execute (board, mc_command_set_meta (board, MC_META_DESCRIPTION, meta));
  mc_board_execute (board, mc_command_set_meta (board, MC_META_DATE,
                                                pick (&gen, 2) ? "2026-11-22" : meta));

  add_figures (&gen, board);
  n_notes = pick (&gen, 12);
  for (guint i = 0; i < n_notes; i++)
    mc_board_execute (board, mc_command_add_note (random_note (&gen, board)));
  add_clusters (&gen, board);

  return board;
}
