/* mc-outline.c — the board's answers as Markdown (CSV: mc-outline-csv.c)
 *
 * The few words the outline adds itself ("votes", "Free notes") follow the
 * board's language, not the UI locale, like the model content around them:
 * an English board exported on a Dutch desktop stays English. They live in
 * the small table below instead of gettext for that reason.
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "mc-layout.h"
#include "mc-outline.h"
#include "mc-priority.h"

typedef enum
{
  WORD_FREE_NOTES,
  WORD_OTHER,
  WORD_CASE,
  WORD_PHASE,
  WORD_DATE,
  WORD_FACILITATOR,
  WORD_VOTE,
  WORD_VOTES,
  WORD_CLUSTER,
  WORD_REACH,
  N_WORDS
} Word;

static const char * const words[MC_N_LANGUAGES][N_WORDS] = {
  [MC_LANGUAGE_NL] = {
    [WORD_FREE_NOTES] = "Losse notities",
    [WORD_OTHER] = "Overig",
    [WORD_CASE] = "Casus",
    [WORD_PHASE] = "Fase",
    [WORD_DATE] = "Datum",
    [WORD_FACILITATOR] = "Facilitator",
    [WORD_VOTE] = "stem",
    [WORD_VOTES] = "stemmen",
    [WORD_CLUSTER] = "cluster",
    [WORD_REACH] = "bereik",
  },
  [MC_LANGUAGE_EN] = {
    [WORD_FREE_NOTES] = "Free notes",
    [WORD_OTHER] = "Other",
    [WORD_CASE] = "Case",
    [WORD_PHASE] = "Phase",
    [WORD_DATE] = "Date",
    [WORD_FACILITATOR] = "Facilitator",
    [WORD_VOTE] = "vote",
    [WORD_VOTES] = "votes",
    [WORD_CLUSTER] = "cluster",
    [WORD_REACH] = "reach",
  },
};

static const char *
word (McLanguage language,
      Word       w)
{
  if ((guint) language >= MC_N_LANGUAGES)
    language = MC_LANGUAGE_NL;
  return words[language][w];
}

const char *
mc_outline_phase_label (McPhase    phase,
                        McLanguage language)
{
  /* The seed's own words for the three moments (Figuur 13). */
  static const char * const nl[] = {
    "bij de start (consortiumvorming of verkennende fase)",
    "gedurende het proces (monitoren en bijsturen)",
    "aan het einde (evalueren)",
  };
  static const char * const en[] = {
    "at the start (forming the consortium or exploring)",
    "during the process (monitoring and adjusting)",
    "at the end (evaluating)",
  };

  if ((guint) phase > MC_PHASE_EVALUATE)
    phase = MC_PHASE_START;
  return language == MC_LANGUAGE_EN ? en[phase] : nl[phase];
}

/* Walking the board */

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  McNote *na = *(McNote **) a;
  McNote *nb = *(McNote **) b;
  guint va = mc_note_get_votes (na);
  guint vb = mc_note_get_votes (nb);
  gint64 ca, cb;

  if (va != vb)
    return va > vb ? -1 : 1;
  ca = mc_note_get_created (na);
  cb = mc_note_get_created (nb);
  if (ca != cb)
    return ca < cb ? -1 : 1;
  return g_strcmp0 (mc_note_get_id (na), mc_note_get_id (nb));
}

static gboolean
figure_wanted (const char * const *figure_ids,
               const char         *id)
{
  return figure_ids == NULL || g_strv_contains (figure_ids, id);
}

/* On the potential-value target a note's place is its priority: notes with
 * a rank (note → 1-based rank) come in rank order. */
static int
compare_ranked_notes (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GHashTable *rank = user_data;
  guint ra = GPOINTER_TO_UINT (g_hash_table_lookup (rank, *(McNote **) a));
  guint rb = GPOINTER_TO_UINT (g_hash_table_lookup (rank, *(McNote **) b));

  if (ra != rb)
    return ra == 0 ? 1 : rb == 0 ? -1 : ra < rb ? -1 : 1;
  return compare_notes (a, b);
}

/* note → rank by distance from the core, for a potential-value figure
 * (NULL for any other kind). Laying the figure out is what tells where a
 * packed note sits, so this builds it once. */
static GHashTable *
priority_ranks (McBoard    *board,
                McCatalog  *catalog,
                McFigure   *figure,
                McLanguage  language)
{
  g_autoptr(McLayout) layout = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  McViewOptions options;
  GHashTable *rank;

  if (g_strcmp0 (mc_figure_get_kind (figure), MC_PRIORITY_KIND) != 0)
    return NULL;

  layout = mc_layout_new (catalog);
  mc_view_options_init (&options, language);
  options.figure_id = mc_figure_get_id (figure);
  options.questions = MC_QUESTIONS_OFF;
  options.caption = FALSE;
  mc_scene_unref (mc_layout_build (layout, board, &options));

  ranked = mc_priority_list_notes (layout, board, mc_figure_get_id (figure));
  rank = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < ranked->len; i++)
    g_hash_table_insert (rank, ranked->pdata[i], GUINT_TO_POINTER (i + 1));
  return rank;
}

static void
emit_notes (GPtrArray     *notes,
            const char    *figure_id,
            const char    *region_id,
            GHashTable    *rank,
            McOutlineFunc  func,
            gpointer       user_data)
{
  if (rank != NULL)
    g_ptr_array_sort_with_data (notes, compare_ranked_notes, rank);
  else
    g_ptr_array_sort (notes, compare_notes);
  for (guint i = 0; i < notes->len; i++)
    {
      McOutlineEntry entry = {
        .kind = MC_OUTLINE_NOTE,
        .note = notes->pdata[i],
        .text = mc_note_get_text (notes->pdata[i]),
        .figure_id = figure_id,
        .region_id = region_id,
      };

      func (&entry, user_data);
    }
}

void
mc_outline_foreach (McBoard            *board,
                    McCatalog          *catalog,
                    McLanguage          language,
                    const char * const *figure_ids,
                    McOutlineFunc       func,
                    gpointer            user_data)
{
  GPtrArray *figures;
  GPtrArray *notes;
  g_autoptr(GHashTable) claimed = NULL;
  g_autoptr(GHashTable) by_region = NULL;   /* "figure\x1fregion" → notes */
  g_autoptr(GHashTable) by_figure = NULL;   /* figure id → notes */
  g_autoptr(GPtrArray) free_notes = NULL;

  g_return_if_fail (MC_IS_BOARD (board));
  g_return_if_fail (MC_IS_CATALOG (catalog));
  g_return_if_fail (func != NULL);

  figures = mc_board_get_figures (board);
  notes = mc_board_get_notes (board);
  claimed = g_hash_table_new (NULL, NULL);

  /* One pass sorts the notes by figure and by region, in board order: the
   * outline is linear in the notes, whatever the number of regions. */
  by_region = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  by_figure = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint n = 0; n < notes->len; n++)
    {
      McNote *note = notes->pdata[n];
      const char *figure_id = mc_note_get_figure_id (note);
      char *key;
      GPtrArray *list;

      if (figure_id == NULL)
        continue;
      list = g_hash_table_lookup (by_figure, figure_id);
      if (list == NULL)
        g_hash_table_insert (by_figure, (gpointer) figure_id, list = g_ptr_array_new ());
      g_ptr_array_add (list, note);
      if (mc_note_get_region_id (note) == NULL)
        continue;
      key = g_strconcat (figure_id, "\x1f", mc_note_get_region_id (note), NULL);
      list = g_hash_table_lookup (by_region, key);
      if (list == NULL)
        g_hash_table_insert (by_region, g_strdup (key), list = g_ptr_array_new ());
      g_ptr_array_add (list, note);
      g_free (key);
    }

  for (guint f = 0; f < figures->len; f++)
    {
      McFigure *figure = figures->pdata[f];
      const char *figure_id = mc_figure_get_id (figure);
      const McFigureInfo *info = mc_catalog_get_figure (catalog, mc_figure_get_kind (figure));
      g_autoptr(GPtrArray) others = g_ptr_array_new ();
      g_autoptr(GHashTable) rank = NULL;
      g_autofree char *title = NULL;
      McOutlineEntry entry = { 0, };

      if (!figure_wanted (figure_ids, figure_id))
        continue;

      if (info != NULL)
        title = g_strdup (mc_figure_info_get_title (info, language));
      if (title == NULL || title[0] == '\0')
        {
          g_free (title);
          title = g_strdup (mc_figure_get_kind (figure));
        }
      /* A second placement of a kind needs telling apart from the first. */
      if (g_strcmp0 (figure_id, mc_figure_get_kind (figure)) != 0)
        {
          char *with_id = g_strdup_printf ("%s (%s)", title, figure_id);
          g_free (title);
          title = with_id;
        }

      entry.kind = MC_OUTLINE_FIGURE;
      entry.text = title;
      entry.figure_id = figure_id;
      func (&entry, user_data);

      rank = priority_ranks (board, catalog, figure, language);

      for (guint r = 0; info != NULL && r < mc_figure_info_get_n_regions (info); r++)
        {
          const McRegionInfo *region = mc_figure_info_get_region (info, r);
          const char *region_id = mc_region_info_get_id (region);
          const char * const *questions = mc_region_info_get_questions (region, language);
          g_autoptr(GPtrArray) region_notes = g_ptr_array_new ();

          entry.kind = MC_OUTLINE_REGION;
          entry.text = mc_region_info_get_label (region, language);
          entry.region_id = region_id;
          entry.note = NULL;
          func (&entry, user_data);

          for (guint q = 0; questions != NULL && questions[q] != NULL; q++)
            {
              entry.kind = MC_OUTLINE_QUESTION;
              entry.text = questions[q];
              func (&entry, user_data);
            }

          g_autofree char *key = g_strconcat (figure_id, "\x1f", region_id, NULL);
          GPtrArray *anchored = g_hash_table_lookup (by_region, key);

          for (guint n = 0; anchored != NULL && n < anchored->len; n++)
            {
              g_ptr_array_add (region_notes, anchored->pdata[n]);
              g_hash_table_add (claimed, anchored->pdata[n]);
            }
          emit_notes (region_notes, figure_id, region_id, rank, func, user_data);
        }

      /* Notes on this figure whose region the catalog does not know. */
      {
        GPtrArray *on_figure = g_hash_table_lookup (by_figure, figure_id);

        for (guint n = 0; on_figure != NULL && n < on_figure->len; n++)
          {
            McNote *note = on_figure->pdata[n];

            if (!g_hash_table_contains (claimed, note))
              {
                g_ptr_array_add (others, note);
                g_hash_table_add (claimed, note);
              }
          }
      }
      if (others->len > 0)
        {
          entry.kind = MC_OUTLINE_REGION;
          entry.text = word (language, WORD_OTHER);
          entry.region_id = NULL;
          func (&entry, user_data);
          emit_notes (others, figure_id, NULL, NULL, func, user_data);
        }
    }

  /* Free notes belong to the whole board: only when no selection was asked
   * for. Notes anchored to a figure that is not on the board count as free. */
  if (figure_ids != NULL)
    return;

  free_notes = g_ptr_array_new ();
  for (guint n = 0; n < notes->len; n++)
    {
      McNote *note = notes->pdata[n];
      const char *figure_id = mc_note_get_figure_id (note);

      if (g_hash_table_contains (claimed, note))
        continue;
      if (figure_id != NULL && mc_board_get_figure (board, figure_id) != NULL)
        continue;
      g_ptr_array_add (free_notes, note);
    }
  if (free_notes->len > 0)
    {
      McOutlineEntry entry = {
        .kind = MC_OUTLINE_FIGURE,
        .text = word (language, WORD_FREE_NOTES),
      };

      func (&entry, user_data);
      emit_notes (free_notes, NULL, NULL, NULL, func, user_data);
    }
}

/* Markdown */

void
mc_outline_append_markdown_escaped (GString    *out,
                                    const char *text,
                                    guint       indent)
{
  g_auto(GStrv) lines = NULL;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];
      const char *end = p + strlen (p);
      const char *trail;
      const char *digits_end;

      if (i > 0)
        {
          /* A backslash before the newline is a hard line break; the
           * indent keeps the line inside the list item. */
          g_string_append (out, "\\\n");
          for (guint k = 0; k < indent; k++)
            g_string_append_c (out, ' ');
        }

      /* Leading and trailing blanks would be eaten (or turn into code
       * blocks and hard breaks): write them as character references. */
      for (; *p == ' ' || *p == '\t'; p++)
        g_string_append (out, *p == ' ' ? "&#32;" : "&#9;");
      for (trail = end; trail > p && (trail[-1] == ' ' || trail[-1] == '\t'); trail--)
        ;

      /* "1." or "1)" at the start of a line would make an ordered list. */
      for (digits_end = p; digits_end < trail && g_ascii_isdigit (*digits_end); digits_end++)
        ;

      for (const char *c = p; c < trail; c++)
        {
          gboolean line_start = (c == p);

          if (strchr ("\\`*_[]<>|~&", *c) != NULL && *c != '\0')
            g_string_append_c (out, '\\');
          else if (line_start && strchr ("#+-=", *c) != NULL && *c != '\0')
            g_string_append_c (out, '\\');
          else if (c == digits_end && c > p && (*c == '.' || *c == ')'))
            g_string_append_c (out, '\\');

          if (*c == '\r')
            g_string_append (out, "&#13;");
          else
            g_string_append_c (out, *c);
        }

      for (const char *c = trail; c < end; c++)
        g_string_append (out, *c == ' ' ? "&#32;" : "&#9;");
    }
}

static void
append_heading (GString    *out,
                const char *marks,
                const char *text)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  /* A heading is one line. */
  g_strdelimit (flat, "\r\n", ' ');
  g_string_append_printf (out, "%s ", marks);
  mc_outline_append_markdown_escaped (out, flat, 0);
  g_string_append (out, "\n\n");
}

typedef struct
{
  GString    *out;
  McBoard    *board;
  McCatalog  *catalog;
  McLanguage  language;
  gboolean    in_questions;
  gboolean    in_notes;
} MarkdownState;

/* A doorwerking note's stored reach, named as its figure names the column
 * ("individu"); NULL when it claims none. */
static const char *
note_reach_label (MarkdownState *state,
                  McNote        *note)
{
  const char *reach = mc_note_get_reach (note);
  McFigure *figure;
  const McFigureInfo *info;
  const char *label;

  if (reach == NULL || mc_note_get_figure_id (note) == NULL ||
      (figure = mc_board_get_figure (state->board, mc_note_get_figure_id (note))) == NULL ||
      (info = mc_catalog_get_figure (state->catalog, mc_figure_get_kind (figure))) == NULL)
    return reach;
  label = mc_figure_info_get_string (info, reach, state->language);
  return label != NULL ? label : reach;
}

static void
markdown_close_blocks (MarkdownState *state)
{
  if (state->in_questions || state->in_notes)
    g_string_append_c (state->out, '\n');
  state->in_questions = FALSE;
  state->in_notes = FALSE;
}

static void
markdown_entry (const McOutlineEntry *entry,
                gpointer              user_data)
{
  MarkdownState *state = user_data;
  GString *out = state->out;

  switch (entry->kind)
    {
    case MC_OUTLINE_FIGURE:
      markdown_close_blocks (state);
      append_heading (out, "##", entry->text);
      break;

    case MC_OUTLINE_REGION:
      markdown_close_blocks (state);
      append_heading (out, "###", entry->text);
      break;

    case MC_OUTLINE_QUESTION:
      if (state->in_notes)
        markdown_close_blocks (state);
      if (state->in_questions)
        g_string_append (out, ">\n");
      g_string_append (out, "> *");
      mc_outline_append_markdown_escaped (out, entry->text, 0);
      g_string_append (out, "*\n");
      state->in_questions = TRUE;
      break;

    case MC_OUTLINE_NOTE:
      {
        guint votes = mc_note_get_votes (entry->note);
        const char *author = mc_note_get_author (entry->note);
        gboolean has_author = author != NULL && author[0] != '\0';
        McCluster *cluster = mc_board_get_note_cluster (state->board,
                                                        mc_note_get_id (entry->note));
        const char *reach = note_reach_label (state, entry->note);
        gboolean first = TRUE;

        if (state->in_questions)
          markdown_close_blocks (state);
        g_string_append (out, "- ");
        mc_outline_append_markdown_escaped (out, entry->text, 2);
        /* Votes, author and cluster after the text, in " *(…)*": the
         * escaped text can never contain " *(" (its asterisks are
         * escaped), so a reader can split them off again. */
        if (votes > 0 || has_author || cluster != NULL || reach != NULL)
          {
            g_string_append (out, " *(");
            if (reach != NULL)
              {
                g_string_append_printf (out, "%s: ", word (state->language, WORD_REACH));
                mc_outline_append_markdown_escaped (out, reach, 0);
                first = FALSE;
              }
            if (votes > 0)
              {
                if (!first)
                  g_string_append (out, " · ");
                g_string_append_printf (out, "%u %s", votes,
                                        word (state->language, votes == 1 ? WORD_VOTE : WORD_VOTES));
                first = FALSE;
              }
            if (has_author)
              {
                g_autofree char *flat = g_strdup (author);

                if (!first)
                  g_string_append (out, " · ");
                g_strdelimit (flat, "\r\n", ' ');
                mc_outline_append_markdown_escaped (out, flat, 0);
                first = FALSE;
              }
            if (cluster != NULL)
              {
                g_autofree char *flat = g_strdup (mc_cluster_get_label (cluster));

                if (!first)
                  g_string_append (out, " · ");
                g_strdelimit (flat, "\r\n", ' ');
                g_string_append_printf (out, "%s: ", word (state->language, WORD_CLUSTER));
                mc_outline_append_markdown_escaped (out, flat, 0);
              }
            g_string_append (out, ")*");
          }
        g_string_append_c (out, '\n');
        state->in_notes = TRUE;
      }
      break;

    default:
      break;
    }
}

static void
append_meta_line (GString    *out,
                  const char *label,
                  const char *value)
{
  g_autofree char *flat = NULL;

  if (value == NULL || value[0] == '\0')
    return;
  flat = g_strdup (value);
  g_strdelimit (flat, "\r\n", ' ');
  g_string_append_printf (out, "- **%s**: ", label);
  mc_outline_append_markdown_escaped (out, flat, 0);
  g_string_append_c (out, '\n');
}

char *
mc_outline_to_markdown (McBoard            *board,
                        McCatalog          *catalog,
                        McLanguage          language,
                        const char * const *figure_ids)
{
  MarkdownState state = { 0, };
  const char *title;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (MC_IS_CATALOG (catalog), NULL);

  state.out = g_string_new (NULL);
  state.board = board;
  state.catalog = catalog;
  state.language = language;

  title = mc_board_get_title (board);
  append_heading (state.out, "#", title != NULL && title[0] != '\0' ? title : "Missiecanvas");

  append_meta_line (state.out, word (language, WORD_CASE), mc_board_get_meta (board, MC_META_CASE));
  append_meta_line (state.out, word (language, WORD_PHASE),
                    mc_outline_phase_label (mc_board_get_phase (board), language));
  append_meta_line (state.out, word (language, WORD_DATE), mc_board_get_meta (board, MC_META_DATE));
  append_meta_line (state.out, word (language, WORD_FACILITATOR),
                    mc_board_get_meta (board, MC_META_FACILITATOR));
  g_string_append_c (state.out, '\n');

  mc_outline_foreach (board, catalog, language, figure_ids, markdown_entry, &state);
  markdown_close_blocks (&state);

  /* One newline at the end, not a blank line. */
  while (state.out->len > 1 &&
         state.out->str[state.out->len - 1] == '\n' &&
         state.out->str[state.out->len - 2] == '\n')
    g_string_truncate (state.out, state.out->len - 1);

  return g_string_free (state.out, FALSE);
}
