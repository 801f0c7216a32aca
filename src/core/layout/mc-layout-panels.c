/* mc-layout-panels.c — what sits around a figure: the numbered questions
 * legend and the APA caption */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-layout-parts-private.h"

static const char *
figure_word (McLanguage language)
{
  /* Model content follows the board's language, not the UI's. */
  return language == MC_LANGUAGE_EN ? "Figure" : "Figuur";
}

static double
add_stacked_text_indented (McScene           *scene,
                           McItemRole         role,
                           const char        *text,
                           const McTextStyle *style,
                           double             x,
                           double             y,
                           double             width,
                           double             hanging,
                           const McColor     *color)
{
  g_autoptr(PangoLayout) layout = mc_text_layout_new (text, style, width);
  double h;

  /* Wrapped lines of a numbered item line up after its number. */
  if (hanging > 0)
    pango_layout_set_indent (layout, (int) (-hanging * PANGO_SCALE));

  mc_scene_add_text (scene, role, layout, x, y, color);
  mc_text_layout_get_size (layout, NULL, &h);
  return h;
}

static double
add_stacked_text (McScene           *scene,
                  McItemRole         role,
                  const char        *text,
                  const McTextStyle *style,
                  double             x,
                  double             y,
                  double             width,
                  const McColor     *color)
{
  return add_stacked_text_indented (scene, role, text, style, x, y, width, 0, color);
}

static gboolean
region_deferred (const PlacedFigure *placed,
                 const char         *region_id,
                 McItemRole          role)
{
  for (guint i = 0; placed->deferred != NULL && i < placed->deferred->len; i++)
    {
      const McDeferredText *text = placed->deferred->pdata[i];

      if (g_strcmp0 (text->region_id, region_id) == 0 &&
          (role == MC_ROLE_NONE || text->role == role))
        return TRUE;
    }
  return FALSE;
}

/* Laid out for the frame, the legend below the figure goes in two columns
 * when each is at least this wide (points: 36 mm), so that a one-column
 * figure's legend stays on its page. */
#define LEGEND_MIN_COLUMN 102.0
/* Three columns when each is at least 50 mm. */
#define LEGEND_WIDE_COLUMN 142.0

typedef struct
{
  const McTheme *theme;
  McTextStyle    heading;
  McTextStyle    body;
  gboolean       for_frame;
  double         indent;
} LegendStyle;

/* One region's entry in the legend: its label, its deferred texts and its
 * questions, numbered on from *number. Returns its bottom edge (y when the
 * region has nothing to say). */
static double
add_legend_entry (McScene             *scene,
                  const PlacedFigure  *placed,
                  const McRegionInfo  *region,
                  const LegendStyle   *st,
                  guint               *number,
                  double               x,
                  double               y,
                  double               width,
                  const McViewOptions *options)
{
  const char *region_id = mc_region_info_get_id (region);
  const char * const *questions = mc_region_info_get_questions (region, options->language);
  const char *label = mc_region_info_get_label (region, options->language);
  gboolean list_questions = questions != NULL && questions[0] != NULL &&
                            (options->questions == MC_QUESTIONS_LIST ||
                             region_deferred (placed, region_id, MC_ROLE_QUESTION));

  if (!list_questions && !region_deferred (placed, region_id, MC_ROLE_NONE))
    return y;

  y += add_stacked_text (scene, MC_ROLE_LABEL, label != NULL ? label : region_id,
                         &st->heading, x + st->indent, y, width - st->indent, &st->theme->ink);
  y += st->body.size * 0.25;

  for (guint d = 0; placed->deferred != NULL && d < placed->deferred->len; d++)
    {
      const McDeferredText *text = placed->deferred->pdata[d];

      if (g_strcmp0 (text->region_id, region_id) != 0 || text->role == MC_ROLE_QUESTION ||
          g_strcmp0 (text->text, label) == 0)
        continue;
      y += add_stacked_text (scene, text->role, text->text, &st->body, x + st->indent, y,
                             width - st->indent, &st->theme->muted_ink);
      y += st->body.size * 0.25;
    }

  if (list_questions)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint q = 0; questions[q] != NULL; q++)
        g_string_append_printf (list, "%s%u.\u2002%s", q > 0 ? "\n" : "", (*number)++,
                                questions[q]);
      y += add_stacked_text_indented (scene, MC_ROLE_QUESTION, list->str, &st->body,
                                      x + st->indent, y, width - st->indent,
                                      st->body.size * (*number > 10 ? 1.6 : 1.1),
                                      &st->theme->muted_ink);
    }
  return y;
}

static void
add_legend_rule (McScene           *scene,
                 const LegendStyle *st,
                 double             x,
                 double             top,
                 double             bottom,
                 double             unit)
{
  g_autoptr(McPath) rule = mc_path_new ();

  mc_path_move_to (rule, x, top);
  mc_path_line_to (rule, x, bottom);
  mc_scene_add_path (scene, MC_ROLE_DECORATION, rule, NULL, &st->theme->rule,
                     MAX (st->theme->thin_line_width * unit, 0.25), MC_LINE_SOLID);
}

/* The height of entries begin … end-1 stacked in one column. */
static double
column_height (const double *heights,
               guint         begin,
               guint         end,
               double        gap)
{
  double h = 0;

  for (guint i = begin; i < end; i++)
    if (heights[i] > 0)
      h += heights[i] + (h > 0 ? gap : 0);
  return h;
}

/* Where entries in order break into n_columns (1 to 3) columns so that
 * the tallest is as short as it can be: splits[c] is the first entry of
 * column c + 1 (n when that column stays empty). Returns that height. */
static double
balance_columns (const double *heights,
                 guint         n,
                 double        gap,
                 guint         n_columns,
                 guint         splits[2])
{
  double best = column_height (heights, 0, n, gap);

  splits[0] = splits[1] = n;
  for (guint a = 1; n_columns > 1 && a < n; a++)
    for (guint b = n_columns > 2 ? a + 1 : n; b <= n; b++)
      {
        double tallest = MAX (column_height (heights, 0, a, gap),
                              MAX (column_height (heights, a, b, gap),
                                   column_height (heights, b, n, gap)));

        if (tallest < best - 0.01)
          {
            best = tallest;
            splits[0] = a;
            splits[1] = b;
          }
      }
  return best;
}

/* The legend of a figure: the texts a strict build could not set in the
 * figure (in full), then per region its label, its deferred texts and its
 * questions, numbered through the figure, when they are listed or did not
 * fit; below a figure laid out for its frame, the regions in two columns
 * of about equal height. Returns its bottom edge; y unchanged when there
 * is nothing to say. */
static double
add_legend (McScene             *scene,
            const PlacedFigure  *placed,
            double               x,
            double               y,
            double               width,
            double               unit,
            const McViewOptions *options)
{
  const McTheme *theme = mc_theme_get (options->theme);
  double floor_size = _mc_layout_text_floor (theme, options);
  /* Laid out for the frame, the legend uses the figure's own sizes:
   * region names as the body, questions as in the regions. */
  gboolean for_frame = options->frame_width > 0;
  LegendStyle st = {
    theme,
    { theme->font_family,
      MAX ((for_frame ? theme->body_size : theme->label_size * 0.8) * unit, floor_size),
      PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, 0 },
    { theme->font_family,
      MAX ((for_frame ? theme->small_size : theme->body_size) * unit, floor_size),
      PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, 0 },
    for_frame,
    14 * unit,
  };
  double gap = st.body.size * (for_frame ? 0.35 : 0.8);
  g_autofree char *id = g_strdup_printf ("%s:questions", placed->placement_id);
  guint n_regions = placed->info != NULL ? mc_figure_info_get_n_regions (placed->info) : 0;
  double column_gap = 2 * st.indent;
  /* Below a figure laid out for its frame: up to as many columns as are
   * wide enough, as many as make the legend shortest. */
  guint max_columns = !for_frame ? 1
                      : (width - 2 * column_gap) / 3 >= LEGEND_WIDE_COLUMN ? 3
                      : (width - column_gap) / 2 >= LEGEND_MIN_COLUMN ? 2 : 1;
  double column_width = width;
  g_autofree double *heights = g_new0 (double, MAX (n_regions, 1));
  double top = y, bottom;
  guint number = 1, splits[2] = { n_regions, n_regions };

  mc_scene_begin_group (scene, MC_ROLE_QUESTION, id, NULL, NULL);

  /* The figure's own texts (title, relations) that did not fit. */
  for (guint i = 0; placed->deferred != NULL && i < placed->deferred->len; i++)
    {
      const McDeferredText *text = placed->deferred->pdata[i];

      if (text->region_id != NULL)
        continue;
      if (y > top)
        y += st.body.size * 0.4;
      y += add_stacked_text (scene, text->role, text->text, &st.body, x + st.indent, y,
                             width - st.indent, &theme->ink);
    }

  /* Columns: measure each entry at each column width that may serve,
   * break where the columns come closest to the same height, and keep the
   * shortest (on a tie the fewer columns). */
  if (max_columns > 1)
    {
      double shortest = G_MAXDOUBLE;

      for (guint n = 1; n <= max_columns; n++)
        {
          g_autoptr(McScene) scratch = mc_scene_new ();
          double w = (width - (n - 1) * column_gap) / n;
          guint scratch_number = 1, cut[2];
          double tallest;

          for (guint i = 0; i < n_regions; i++)
            heights[i] = add_legend_entry (scratch, placed,
                                           mc_figure_info_get_region (placed->info, i), &st,
                                           &scratch_number, 0, 0, w, options);
          tallest = balance_columns (heights, n_regions, gap, n, cut);
          if (tallest < shortest * 0.98)
            {
              shortest = tallest;
              column_width = w;
              splits[0] = cut[0];
              splits[1] = cut[1];
            }
        }
    }

  {
    double column_top = y > top ? y + gap : y, rule_top = top, column_x = x;
    double w = column_width;
    gboolean column_started = FALSE;

    bottom = y;
    for (guint i = 0; i < n_regions; i++)
      {
        double start, end;

        if (i > 0 && (i == splits[0] || i == splits[1]))
          {
            if (y > rule_top)
              add_legend_rule (scene, &st, column_x, rule_top, y, unit);
            bottom = MAX (bottom, y);
            column_x += column_width + column_gap;
            y = rule_top = column_top;
            column_started = FALSE;
          }
        start = column_started ? y + gap : column_top;
        end = add_legend_entry (scene, placed, mc_figure_info_get_region (placed->info, i),
                                &st, &number, column_x, start, w, options);
        if (end > start)
          {
            y = end;
            column_started = TRUE;
          }
      }
    bottom = MAX (bottom, y);
    if (y > rule_top)
      add_legend_rule (scene, &st, column_x, rule_top, y, unit);
  }
  mc_scene_end_group (scene);

  return bottom > top ? bottom : top;
}

static void
add_caption (McScene             *scene,
             const char          *id,
             int                  number,
             const char          *title,
             const char          *sentence,
             const char          *source,
             double               x,
             double               y,
             double               width,
             double               unit,
             const McViewOptions *options)
{
  const McTheme *theme = mc_theme_get (options->theme);
  double floor_size = _mc_layout_text_floor (theme, options);
  double size = MAX (theme->body_size * 1.1 * unit, floor_size);
  McTextStyle bold = { theme->font_family, size, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                       PANGO_ALIGN_LEFT, 0 };
  McTextStyle italic = { theme->font_family, size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC,
                         PANGO_ALIGN_LEFT, 0 };
  McTextStyle regular = { theme->font_family, size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                          PANGO_ALIGN_LEFT, 0 };
  g_autofree char *heading = g_strdup_printf ("%s %d", figure_word (options->language), number);

  mc_scene_begin_group (scene, MC_ROLE_CAPTION, id, NULL, NULL);
  y += add_stacked_text (scene, MC_ROLE_CAPTION, heading, &bold, x, y, width, &theme->ink);
  y += size * 0.3;
  if (title != NULL)
    y += add_stacked_text (scene, MC_ROLE_CAPTION, title, &italic, x, y, width, &theme->ink);
  if (sentence != NULL && *sentence != '\0')
    {
      y += size * 0.3;
      y += add_stacked_text (scene, MC_ROLE_CAPTION, sentence, &regular, x, y, width,
                             &theme->ink);
    }
  if (source != NULL && *source != '\0')
    {
      /* APA: "Note." in italics, then where the figure comes from, in the
       * board's language like the rest of the figure. */
      const char *note = options->language == MC_LANGUAGE_EN ? "Note." : "Noot.";
      const char *adapted = options->language == MC_LANGUAGE_EN ? "Adapted from" : "Aangepast van";
      g_autofree char *line = g_strdup_printf ("%s %s %s", note, adapted, source);
      g_autoptr(PangoLayout) layout = mc_text_layout_new (line, &regular, width);
      PangoAttrList *attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));
      PangoAttribute *slant = pango_attr_style_new (PANGO_STYLE_ITALIC);

      if (attrs == NULL)
        attrs = pango_attr_list_new ();
      slant->start_index = 0;
      slant->end_index = strlen (note);
      pango_attr_list_insert (attrs, slant);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      y += size * 0.3;
      mc_scene_add_text (scene, MC_ROLE_CAPTION, layout, x, y, &theme->ink);
    }
  mc_scene_end_group (scene);
}

/* The bounds of the whole board's free notes (board units) that have a
 * place, so that the legends beside the figures keep clear of them;
 * empty when there are none or one figure is drawn. */
McRect
_mc_layout_free_notes_bounds (McBoard             *board,
                              GPtrArray           *notes,
                              const McViewOptions *options)
{
  McRect all = { 0, };

  for (guint i = 0; options->figure_id == NULL && notes != NULL && i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      const char *figure_id = mc_note_get_figure_id (note);
      McRect rect;

      if ((figure_id != NULL && mc_board_get_figure (board, figure_id) != NULL) ||
          !mc_note_get_has_position (note))
        continue;
      mc_note_get_rect (note, &rect);
      rect.width = rect.width > 0 ? rect.width : MC_NOTE_DEFAULT_WIDTH;
      rect.height = rect.height > 0 ? rect.height : MC_NOTE_DEFAULT_HEIGHT;
      if (all.width > 0)
        mc_rect_union (&all, &rect, &all);
      else
        all = rect;
    }
  return all;
}

/* The legends and captions for the figures drawn. One figure: its legend
 * beside it (below it when the options say so or the figure is laid out
 * for its frame) and its caption below. Several: the legends in a column to
 * the right of them all and of the free notes (free_notes: their bounds, or
 * NULL), one caption below everything. */
void
_mc_layout_add_panels (McScene             *scene,
                       GArray              *placed_figures,
                       const McRect        *free_notes,
                       const char          *board_title,
                       const McViewOptions *options)
{
  McRect all = { 0, };
  double list_bottom = -G_MAXDOUBLE;
  double unit = 1.0;
  gboolean below;

  if (placed_figures->len == 0)
    return;

  for (guint i = 0; i < placed_figures->len; i++)
    {
      PlacedFigure *placed = &g_array_index (placed_figures, PlacedFigure, i);

      if (i == 0)
        all = placed->frame;
      else
        mc_rect_union (&all, &placed->frame, &all);
    }
  if (free_notes != NULL)
    mc_rect_union (&all, free_notes, &all);
  /* One figure laid out for a frame: the panels as wide as the frame,
   * also when the figure is drawn smaller in it. */
  if (placed_figures->len == 1 && options->figure_id != NULL && options->frame_width > 0)
    {
      all.x = 0;
      all.width = MAX (all.width, options->frame_width);
    }
  unit = g_array_index (placed_figures, PlacedFigure, 0).type_scale;
  below = placed_figures->len == 1 && (options->legend_below || options->frame_width > 0);

  {
    double y = all.y;

    for (guint i = 0; i < placed_figures->len; i++)
      {
        PlacedFigure *placed = &g_array_index (placed_figures, PlacedFigure, i);
        double u = placed->type_scale;
        double x = all.x + all.width + PANEL_GAP * u;
        double width = PANEL_WIDTH * u;
        double bottom;

        if (below)
          {
            x = all.x;
            y = all.y + all.height + (options->frame_width > 0 ? 6 : 20) * u;
            width = all.width;
          }
        else if (placed_figures->len == 1)
          y = placed->frame.y;
        bottom = add_legend (scene, placed, x, y, width, u, options);
        if (bottom > y)
          {
            list_bottom = MAX (list_bottom, bottom);
            y = bottom + PANEL_GAP * u;
          }
      }
  }

  if (options->caption)
    {
      double y = MAX (all.y + all.height, list_bottom) + 28 * unit;
      double width = below ? all.width : MAX (all.width, PANEL_WIDTH * unit);

      if (placed_figures->len == 1)
        {
          PlacedFigure *placed = &g_array_index (placed_figures, PlacedFigure, 0);
          g_autofree char *id = g_strdup_printf ("%s:caption", placed->placement_id);
          const char *kind = placed->kind->id;
          const char *title = placed->info != NULL
                              ? mc_figure_info_get_title (placed->info, options->language) : NULL;
          const char *sentence = NULL;
          const char *source = placed->info != NULL ? mc_figure_info_get_source (placed->info) : NULL;
          int number = placed->info != NULL ? mc_figure_info_get_number (placed->info) : 1;

          /* The CIMO figure carries its reasoning sentence, as in the seed. */
          if (placed->info != NULL && g_strcmp0 (kind, "cimo") == 0)
            sentence = mc_figure_info_get_caption (placed->info, options->language);
          add_caption (scene, id, number, title, sentence, source, all.x, y, width, unit,
                       options);
        }
      else
        {
          add_caption (scene, "board:caption", 1, board_title, NULL, NULL, all.x, y, width,
                       unit, options);
        }
    }
}
