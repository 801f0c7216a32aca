/* test-frames.c — figures laid out for their frame (issue 12)
 *
 * Every figure kind of the example board, in both languages, with notes on
 * and off, questions in the regions and as a legend, at the journal widths
 * 84, 90, 140, 174 and 190 mm, in a strict view as exports make it: every
 * region label and every question is in the scene's text in full, no text
 * carries "…" or is cut, no text is smaller than 7 pt at final size,
 * nothing is wider than the frame. Every kind (but value-creation, being
 * redrawn) also keeps every text and note inside its region or its note
 * area (kinds that keep their design set the notes that do not fit below
 * the figure), no note on another, the legend, the caption or the
 * figure's edge, fits a 240 mm page and reports no misfits; without notes
 * every kind keeps its texts inside its regions and passes the export's
 * fit check. CIMO's exported PDF's text (pdftotext) holds every label and
 * question. Exports of absurd content, and the whole board at a journal
 * width, are refused with no file. The caption carries the catalog's
 * source.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "mc-board-io.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-export.h"
#include "mc-figure-kind.h"
#include "mc-layout.h"
#include "mc-render-cairo.h"
#include "mc-test-util.h"
#include "mc-theme.h"

#define PT_PER_MM (72.0 / 25.4)
#define FLOOR_PT  7.0

static const double widths_mm[] = { 84, 90, 140, 174, 190 };

/* A text item's text without break marks, appended to out. */
static void
append_plain_text (GString     *out,
                   PangoLayout *layout)
{
  for (const char *text = pango_layout_get_text (layout); *text != '\0';
       text = g_utf8_next_char (text))
    if (g_utf8_get_char (text) != 0x200B)
      g_string_append_unichar (out, g_utf8_get_char (text));
}

/* All text of the scene, break marks removed, each item on its own line. */
static char *
scene_text (McScene *scene)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind != MC_ITEM_TEXT)
        continue;
      append_plain_text (out, item->layout);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
view_for_frame (McViewOptions   *view,
                McLanguage       language,
                const char      *figure_id,
                double           width_mm,
                gboolean         notes,
                McQuestionsMode  questions)
{
  mc_view_options_init (view, language);
  view->theme = MC_THEME_PRINT;
  view->figure_id = figure_id;
  view->frame_width = width_mm * PT_PER_MM;
  view->min_font_size = FLOOR_PT;
  view->strict = TRUE;
  view->notes = notes;
  view->questions = questions;
}

/* Checks one scene; returns the number of problems (printed). */
static guint
check_scene (McScene             *scene,
             McLayout            *layout,
             const McFigureInfo  *info,
             const McViewOptions *view,
             gboolean             reflows,
             gboolean             may_be_tall)
{
  g_autofree char *text = scene_text (scene);
  g_autofree char *flat = mc_test_squash_text (text);
  g_autofree char *folded = g_utf8_casefold (flat, -1);
  const char *where = view->figure_id;
  guint problems = 0;
  McRect bounds;

#define PROBLEM(...) G_STMT_START { problems++; g_test_message (__VA_ARGS__); } G_STMT_END

  for (guint r = 0; r < mc_figure_info_get_n_regions (info); r++)
    {
      const McRegionInfo *region = mc_figure_info_get_region (info, r);
      const char *label = mc_region_info_get_label (region, view->language);
      const char * const *questions = mc_region_info_get_questions (region, view->language);
      g_autofree char *flat_label = mc_test_squash_text (label);
      g_autofree char *folded_label = g_utf8_casefold (flat_label, -1);

      /* Scale levels print the outer levels as the seed does: "(nano)". */
      if (strstr (folded, folded_label) == NULL)
        PROBLEM ("%s %.0f mm: label “%s” missing", where, view->frame_width / PT_PER_MM, label);
      for (guint q = 0; questions != NULL && questions[q] != NULL &&
                        view->questions != MC_QUESTIONS_OFF; q++)
        {
          g_autofree char *flat_q = mc_test_squash_text (questions[q]);

          if (strstr (flat, flat_q) == NULL)
            PROBLEM ("%s %.0f mm: question “%s” missing", where,
                     view->frame_width / PT_PER_MM, questions[q]);
        }
    }

  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);
      const PangoFontDescription *desc;
      double size;

      if (item->kind != MC_ITEM_TEXT)
        continue;
      desc = pango_layout_get_font_description (item->layout);
      size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
      if (size < FLOOR_PT - 1e-6)
        PROBLEM ("%s: text “%s” at %.2f pt", where, pango_layout_get_text (item->layout), size);
      /* Notes of kinds that keep their design may still be cut (the
       * export reports them); nothing else ever is. */
      if ((reflows || item->role != MC_ROLE_NOTE_TEXT) && item->role != MC_ROLE_DECORATION &&
          (pango_layout_is_ellipsized (item->layout) ||
           strstr (pango_layout_get_text (item->layout), "\u2026") != NULL))
        PROBLEM ("%s: text “%s” is cut", where, pango_layout_get_text (item->layout));
    }

  mc_scene_get_bounds (scene, &bounds);
  if (bounds.x < -0.5 || bounds.x + bounds.width > view->frame_width + 0.5)
    PROBLEM ("%s: %.1f pt wide in a %.1f pt frame", where, bounds.width, view->frame_width);

  if (reflows && !may_be_tall)
    {
      GPtrArray *misfits = mc_layout_get_misfits (layout);

      if (bounds.height > 240 * PT_PER_MM)
        PROBLEM ("%s %.0f mm (%s, notes %d, questions %d): %.0f mm tall", where,
                 view->frame_width / PT_PER_MM, view->language == MC_LANGUAGE_NL ? "nl" : "en",
                 view->notes, view->questions, bounds.height / PT_PER_MM);
      for (guint m = 0; m < misfits->len; m++)
        PROBLEM ("%s %.0f mm: %s", where, view->frame_width / PT_PER_MM,
                 (const char *) misfits->pdata[m]);
    }

#undef PROBLEM
  return problems;
}

/* A text or note inside a region group lies inside the region. */
static guint
check_inside_regions (McScene    *scene,
                      McLayout   *layout,
                      McBoard    *board,
                      const char *figure_id,
                      gboolean    notes_shown)
{
  guint problems = 0;
  GPtrArray *notes = mc_board_get_notes (board);

  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);
      McRect region;
      guint end;

      if (item->kind != MC_ITEM_GROUP_BEGIN || item->role != MC_ROLE_REGION ||
          item->hit_path == NULL)
        continue;
      mc_path_get_bounds (item->hit_path, &region);
      end = mc_scene_group_end (scene, i);
      for (guint j = i + 1; j < end; j++)
        {
          const McSceneItem *child = mc_scene_get_item (scene, j);
          double w, h;

          if (child->kind != MC_ITEM_TEXT)
            continue;
          mc_text_layout_get_size (child->layout, &w, &h);
          if (child->x < region.x - 0.5 || child->y < region.y - 0.5 ||
              child->x + w > region.x + region.width + 0.5 ||
              child->y + h > region.y + region.height + 0.5)
            {
              problems++;
              g_test_message ("%s: “%s” leaves its region", item->id,
                              pango_layout_get_text (child->layout));
            }
        }
    }

  for (guint i = 0; notes_shown && i < notes->len; i++)
    {
      McNote *note = notes->pdata[i];
      McRect rect, area;

      if (g_strcmp0 (mc_note_get_figure_id (note), figure_id) != 0 ||
          !mc_layout_get_note_rect (layout, mc_note_get_id (note), &rect) ||
          !mc_layout_get_note_area (layout, figure_id, mc_note_get_region_id (note), &area))
        continue;
      if (rect.x < area.x - 0.5 || rect.y < area.y - 0.5 ||
          rect.x + rect.width > area.x + area.width + 0.5 ||
          rect.y + rect.height > area.y + area.height + 0.5)
        {
          problems++;
          g_test_message ("note “%s” leaves its region %s (%g,%g %gx%g in %g,%g %gx%g)",
                          mc_note_get_text (note), mc_note_get_region_id (note),
                          rect.x, rect.y, rect.width, rect.height,
                          area.x, area.y, area.width, area.height);
        }
    }
  return problems;
}

/* Whether a and b share more than a hair (touching edges do not count). */
static gboolean
rects_overlap (const McRect *a,
               const McRect *b)
{
  return a->x + 0.5 < b->x + b->width && b->x + 0.5 < a->x + a->width &&
         a->y + 0.5 < b->y + b->height && b->y + 0.5 < a->y + a->height;
}

/* No note of the figure overlaps another note, the legend or the caption,
 * or lies across the edge of the figure's frame (a note is inside the
 * figure or wholly outside it, below). */
static guint
check_notes_apart (McScene    *scene,
                   McLayout   *layout,
                   McBoard    *board,
                   const char *figure_id,
                   const char *where)
{
  GPtrArray *notes = mc_board_get_notes (board);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (McRect));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const char *panels[] = { "questions", "caption" };
  int figure = mc_scene_find_group (scene, figure_id);
  McRect frame;
  guint problems = 0;

  g_assert_cmpint (figure, >=, 0);
  g_assert_nonnull (mc_scene_get_item (scene, figure)->hit_path);
  mc_path_get_bounds (mc_scene_get_item (scene, figure)->hit_path, &frame);
  for (guint i = 0; i < notes->len; i++)
    {
      McRect rect;

      if (g_strcmp0 (mc_note_get_figure_id (notes->pdata[i]), figure_id) != 0 ||
          !mc_layout_get_note_rect (layout, mc_note_get_id (notes->pdata[i]), &rect))
        continue;
      g_array_append_val (rects, rect);
      g_ptr_array_add (texts, (gpointer) mc_note_get_text (notes->pdata[i]));
    }

  for (guint i = 0; i < rects->len; i++)
    {
      const McRect *a = &g_array_index (rects, McRect, i);

      for (guint j = i + 1; j < rects->len; j++)
        if (rects_overlap (a, &g_array_index (rects, McRect, j)))
          {
            problems++;
            g_test_message ("%s: note “%s” overlaps note “%s”", where,
                            (const char *) texts->pdata[i], (const char *) texts->pdata[j]);
          }
      for (guint p = 0; p < G_N_ELEMENTS (panels); p++)
        {
          g_autofree char *id = g_strdup_printf ("%s:%s", figure_id, panels[p]);
          int index = mc_scene_find_group (scene, id);

          if (index >= 0 && rects_overlap (a, &mc_scene_get_item (scene, index)->bounds))
            {
              problems++;
              g_test_message ("%s: note “%s” overlaps the %s", where,
                              (const char *) texts->pdata[i], panels[p]);
            }
        }
      if (rects_overlap (a, &frame) && !mc_rect_contains_rect (&frame, a))
        {
          problems++;
          g_test_message ("%s: note “%s” lies across the figure's edge", where,
                          (const char *) texts->pdata[i]);
        }
    }
  return problems;
}

static void
test_kind (gconstpointer data)
{
  const char *kind = data;
  const McFigureKindClass *klass = mc_figure_kind_lookup (kind);
  const McFigureInfo *info = mc_catalog_get_figure (mc_catalog_get_default (), kind);
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  static const McQuestionsMode modes[] = { MC_QUESTIONS_INLINE, MC_QUESTIONS_LIST };
  /* Every kind but value-creation (being redrawn) meets every check. */
  gboolean all_checks = klass != NULL &&
                        (klass->lays_out_for_frame || g_strcmp0 (kind, "value-creation") != 0);
  guint problems = 0;

  g_assert_nonnull (klass);
  g_assert_nonnull (info);
  g_assert_nonnull (mc_board_get_figure (board, kind));

  for (guint l = 0; l < 2; l++)
    for (guint w = 0; w < G_N_ELEMENTS (widths_mm); w++)
      for (guint n = 0; n < 2; n++)
        for (guint q = 0; q < G_N_ELEMENTS (modes); q++)
          {
            g_autoptr(McScene) scene = NULL;
            McViewOptions view;

            view_for_frame (&view, l == 0 ? MC_LANGUAGE_NL : MC_LANGUAGE_EN, kind,
                            widths_mm[w], n == 0, modes[q]);
            scene = mc_layout_build (layout, board, &view);
            /* The known limit (test-frames-pdf.c's may_refuse()): the
             * wheel with its notes and 39 questions below 174 mm is
             * taller than a page, which the export refuses. */
            problems += check_scene (scene, layout, info, &view, all_checks,
                                     g_strcmp0 (kind, "perspectives") == 0 && view.notes &&
                                     widths_mm[w] < 174);
            /* Every kind keeps its texts inside its regions and its notes
             * in their note areas (in the figure or below it), apart. */
            if (all_checks || !view.notes)
              problems += check_inside_regions (scene, layout, board, kind, view.notes);
            if (all_checks && view.notes)
              {
                g_autofree char *where = g_strdup_printf ("%s %.0f mm %s questions %d", kind,
                                                          widths_mm[w], l == 0 ? "nl" : "en",
                                                          modes[q]);

                problems += check_notes_apart (scene, layout, board, kind, where);
              }
            if (!view.notes)
              {
                g_autoptr(GError) error = NULL;

                if (!mc_export_check_fit (scene, 1.0, &error))
                  {
                    problems++;
                    g_test_message ("%s %.0f mm: %s", kind, widths_mm[w], error->message);
                  }
              }
          }

  g_assert_cmpuint (problems, ==, 0);
}

/* The number of regions of kind whose label is not drawn in its own
 * region group (it went to the legend), printed. */
static guint
labels_off_scene (McScene    *scene,
                  const char *kind,
                  McLanguage  language,
                  const char *where)
{
  const McFigureInfo *info = mc_catalog_get_figure (mc_catalog_get_default (), kind);
  guint missing = 0;

  for (guint r = 0; r < mc_figure_info_get_n_regions (info); r++)
    {
      const McRegionInfo *region = mc_figure_info_get_region (info, r);
      g_autofree char *label = mc_test_squash_text (mc_region_info_get_label (region, language));
      g_autofree char *group_id = g_strdup_printf ("%s/%s", kind, mc_region_info_get_id (region));
      /* The secondary scale levels are drawn as "(nano)" and "(mega)". */
      g_autofree char *lower = g_utf8_strdown (label, -1);
      g_autofree char *secondary = g_strdup_printf ("(%s)", lower);
      gboolean found = FALSE;

      for (guint i = 0; i < mc_scene_get_n_items (scene) && !found; i++)
        {
          const McSceneItem *item = mc_scene_get_item (scene, i);
          guint end;

          if (item->kind != MC_ITEM_GROUP_BEGIN || g_strcmp0 (item->id, group_id) != 0)
            continue;
          end = mc_scene_group_end (scene, i);
          for (guint j = i + 1; j < end && !found; j++)
            {
              const McSceneItem *child = mc_scene_get_item (scene, j);
              g_autoptr(GString) text = NULL;
              g_autofree char *flat = NULL;

              if (child->kind != MC_ITEM_TEXT || child->role != MC_ROLE_LABEL)
                continue;
              text = g_string_new (NULL);
              append_plain_text (text, child->layout);
              flat = mc_test_squash_text (text->str);
              found = g_strcmp0 (flat, label) == 0 || g_strcmp0 (flat, secondary) == 0;
            }
        }
      if (!found)
        {
          missing++;
          g_test_message ("%s %s: “%s” is not on the figure", kind, where, label);
        }
    }
  return missing;
}

static guint
labels_off_figure (const char *kind,
                   McLanguage  language,
                   double      width_mm,
                   gboolean    notes,
                   McThemeKind theme)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  g_autoptr(McScene) scene = NULL;
  g_autofree char *where = g_strdup_printf ("%.0f mm (notes %d)", width_mm, notes);
  McViewOptions view;

  view_for_frame (&view, language, kind, width_mm, notes, MC_QUESTIONS_LIST);
  view.theme = theme;
  scene = mc_layout_build (layout, board, &view);
  return labels_off_scene (scene, kind, language, where);
}

/* In the whole-board export at its natural size no legend lies on a note,
 * and every region of the example board's figures keeps its
 * name: doorwerking's "Systeemontwikkeling" and "Persoonsontwikkeling" went
 * to the legend when their column was too narrow. */
static void
test_board_names_on_figures (void)
{
  static const char * const all_kinds[] = {
    "cimo", "context", "perspectives", "boundary-crossing", "doorwerking",
    "scale-levels", "value-creation", "coherence", "potential-value",
  };
  g_autoptr(McBoard) board = mc_board_new_example ();
  guint missing = 0;

  for (guint l = 0; l < 2; l++)
    {
      McLanguage language = l == 0 ? MC_LANGUAGE_NL : MC_LANGUAGE_EN;
      g_autoptr(McScene) scene = NULL;
      g_autoptr(GError) error = NULL;
      McExportOptions options;
      McRect content;
      double ppu;

      /* The whole board at its natural size, as `--export model.pdf` draws it. */
      mc_export_options_init (&options, language);
      scene = mc_export_build_scene (board, &options, &content, &ppu, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
        {
          g_autofree char *legend_id = g_strdup_printf ("%s:questions", all_kinds[k]);
          int legend = mc_scene_find_group (scene, legend_id);
          GPtrArray *notes = mc_board_get_notes (board);

          missing += labels_off_scene (scene, all_kinds[k], language, "in the whole board");
          /* The legends beside the figures keep clear of the free notes
           * (the parking lot right of the CIMO band sat under them). */
          for (guint n = 0; legend >= 0 && n < notes->len; n++)
            {
              g_autofree char *note_id = g_strdup_printf ("note:%s", mc_note_get_id (notes->pdata[n]));
              int note = mc_scene_find_group (scene, note_id);

              if (note >= 0 && rects_overlap (&mc_scene_get_item (scene, note)->bounds,
                                              &mc_scene_get_item (scene, legend)->bounds))
                {
                  missing++;
                  g_test_message ("the legend of %s overlaps note “%s”", all_kinds[k],
                                  mc_note_get_text (notes->pdata[n]));
                }
            }
        }
    }
  g_assert_cmpuint (missing, ==, 0);
}

/* The wheel keeps its five perspective names in their sectors at a single
 * and a 1.5 column, in both languages. */
static void
test_perspectives_names_on_wheel (void)
{
  guint missing = 0;

  for (guint l = 0; l < 2; l++)
    {
      McLanguage language = l == 0 ? MC_LANGUAGE_NL : MC_LANGUAGE_EN;

      missing += labels_off_figure ("perspectives", language, 84, FALSE, MC_THEME_PRINT);
      missing += labels_off_figure ("perspectives", language, 140, FALSE, MC_THEME_PRINT);
      missing += labels_off_figure ("perspectives", language, 140, TRUE, MC_THEME_PRINT);
    }
  g_assert_cmpuint (missing, ==, 0);
}

/* The quadrant and ring figures keep their region names on the figure at a
 * single column, in both languages. */
static void
test_region_names_on_figure (void)
{
  static const char * const kinds[] = {
    "boundary-crossing", "value-creation", "coherence", "potential-value",
  };
  guint missing = 0;

  for (guint l = 0; l < 2; l++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        McLanguage language = l == 0 ? MC_LANGUAGE_NL : MC_LANGUAGE_EN;

        missing += labels_off_figure (kinds[k], language, 84, FALSE, MC_THEME_PRINT);
      }
  g_assert_cmpuint (missing, ==, 0);
}

/* The exported PDF carries every label and question as text. */
static void
test_cimo_pdf (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  const McFigureInfo *info = mc_catalog_get_figure (mc_catalog_get_default (), "cimo");
  g_autofree char *dir = g_dir_make_tmp ("mc-frames-XXXXXX", NULL);

  for (guint l = 0; l < 2; l++)
    for (guint w = 0; w < 2; w++)
      {
        McLanguage language = l == 0 ? MC_LANGUAGE_NL : MC_LANGUAGE_EN;
        g_autofree char *path = g_build_filename (dir, "cimo.pdf", NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(GError) error = NULL;
        g_autofree char *out = NULL;
        g_autofree char *flat = NULL;
        const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
        McExportOptions options;
        int status;

        mc_export_options_init (&options, language);
        options.scope = MC_EXPORT_SCOPE_FIGURE;
        options.figure_id = "cimo";
        options.theme = MC_THEME_PRINT;
        options.questions = MC_QUESTIONS_INLINE;
        options.width_mm = w == 0 ? 84 : 174;
        g_assert_true (mc_export_to_file (board, &options, file, &error));
        g_assert_no_error (error);

        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                     &out, NULL, &status, &error));
        g_assert_no_error (error);
        g_assert_cmpint (status, ==, 0);
        flat = mc_test_squash_text (out);
        g_assert_null (strstr (flat, "\u2026"));
        for (guint r = 0; r < mc_figure_info_get_n_regions (info); r++)
          {
            const McRegionInfo *region = mc_figure_info_get_region (info, r);
            const char * const *questions = mc_region_info_get_questions (region, language);
            g_autofree char *label = mc_test_squash_text (mc_region_info_get_label (region, language));

            g_assert_nonnull (strstr (flat, label));
            for (guint q = 0; questions[q] != NULL; q++)
              {
                g_autofree char *question = mc_test_squash_text (questions[q]);

                g_assert_nonnull (strstr (flat, question));
              }
          }
        g_unlink (path);
      }
  g_rmdir (dir);
}

/* Nothing is cut in an export: a figure whose notes cannot show at one
 * column even below it (here: forty more in one sector of the wheel make
 * it taller than a page) is refused with one line naming the figure and
 * the cure, and no file is left; the Export window's preview is as tall;
 * without notes it is written, with no "…". */
static void
test_export_refuses_cut (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autofree char *dir = g_dir_make_tmp ("mc-frames-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "perspectives.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  McExportOptions options;
  int status;

  for (guint i = 0; i < 40; i++)
    {
      McNote *note = mc_note_new ("Wie neemt welke rol in het kernteam en wanneer?");

      mc_note_set_anchor (note, "perspectives", "social");
      mc_board_execute (board, mc_command_add_note (note));
    }
  mc_export_options_init (&options, MC_LANGUAGE_NL);
  options.scope = MC_EXPORT_SCOPE_FIGURE;
  options.figure_id = "perspectives";
  options.theme = MC_THEME_PRINT;
  options.width_mm = 84;
  g_assert_false (mc_export_to_file (board, &options, file, &error));
  g_assert_error (error, MC_LAYOUT_ERROR, MC_LAYOUT_ERROR_DOES_NOT_FIT);
  g_assert_nonnull (strstr (error->message, "“perspectives”"));
  g_assert_nonnull (strstr (error->message, "without notes"));
  g_assert_nonnull (strstr (error->message, "240 mm"));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The same line for the scene the Export window previews. */
  {
    g_autoptr(McScene) scene = NULL;
    McRect content;
    double ppu;

    scene = mc_export_build_scene (board, &options, &content, &ppu, &error);
    g_assert_no_error (error);
    /* Nothing in it is cut: it is refused for its height
     * (mc_export_check_page() on its preflight). */
    g_assert_true (mc_export_check_fit (scene, ppu, &error));
    g_assert_cmpfloat (content.height * ppu / PT_PER_MM, >, MC_LAYOUT_MAX_HEIGHT_MM);
  }

  options.notes = FALSE;
  g_assert_true (mc_export_to_file (board, &options, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (strstr (out, "\u2026"));
  g_unlink (path);
  g_rmdir (dir);
}

/* The whole board at a journal's double column cannot show its figures'
 * names even without notes: refused with the cure, no file; at its design
 * size it is written. */
static void
test_board_refused_when_narrow (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autofree char *dir = g_dir_make_tmp ("mc-frames-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  McExportOptions options;

  mc_export_options_init (&options, MC_LANGUAGE_NL);
  options.theme = MC_THEME_PRINT;
  options.notes = FALSE;
  options.width_mm = 174;
  g_assert_false (mc_export_to_file (board, &options, file, &error));
  g_assert_error (error, MC_LAYOUT_ERROR, MC_LAYOUT_ERROR_DOES_NOT_FIT);
  g_assert_nonnull (strstr (error->message, "one by one"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  options.width_mm = 0;
  g_assert_true (mc_export_to_file (board, &options, file, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
}

/* APA caption: number, title once, the catalog's source in the board's
 * language. */
static void
test_caption_source (void)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  const McFigureInfo *info = mc_catalog_get_figure (mc_catalog_get_default (),
                                                    "boundary-crossing");

  for (guint l = 0; l < 2; l++)
    {
      McLanguage language = l == 0 ? MC_LANGUAGE_NL : MC_LANGUAGE_EN;
      g_autoptr(McScene) scene = NULL;
      g_autofree char *text = NULL;
      g_autofree char *heading = NULL;
      g_autofree char *source = NULL;
      const char *title = mc_figure_info_get_title (info, language);
      McViewOptions view;
      const char *first;

      view_for_frame (&view, language, "boundary-crossing", 174, TRUE, MC_QUESTIONS_INLINE);
      view.caption = TRUE;
      scene = mc_layout_build (layout, board, &view);
      text = scene_text (scene);

      heading = g_strdup_printf ("%s %d\n", l == 0 ? "Figuur" : "Figure",
                                 mc_figure_info_get_number (info));
      source = g_strdup_printf ("%s %s", l == 0 ? "Noot. Aangepast van" : "Note. Adapted from",
                                mc_figure_info_get_source (info));
      g_assert_nonnull (strstr (text, heading));
      g_assert_nonnull (strstr (text, source));
      first = strstr (text, title);
      g_assert_nonnull (first);
      g_assert_null (strstr (first + strlen (title), title));
    }
}

/* Goldens: every kind of the example board at 84 and 174 mm in the print
 * theme, Dutch, notes on, questions inline, 2 px per point. At most 0.5 %
 * of the pixels may differ by more than a little; MC_UPDATE_GOLDENS=DIR
 * (tools/update-goldens) writes them instead. */
#define GOLDEN_PX_PER_PT 2.0
#define CHANNEL_SLACK    24
#define MAX_BAD_SHARE    0.005

static cairo_surface_t *
render_frame (const char *kind,
              double      width_mm)
{
  g_autoptr(McBoard) board = mc_board_new_example ();
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  g_autoptr(McScene) scene = NULL;
  cairo_surface_t *surface;
  McViewOptions view;
  McRect bounds;
  cairo_t *cr;

  view_for_frame (&view, MC_LANGUAGE_NL, kind, width_mm, TRUE, MC_QUESTIONS_INLINE);
  scene = mc_layout_build (layout, board, &view);
  mc_scene_get_bounds (scene, &bounds);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int) ceil (bounds.width * GOLDEN_PX_PER_PT),
                                        (int) ceil (bounds.height * GOLDEN_PX_PER_PT));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, GOLDEN_PX_PER_PT, GOLDEN_PX_PER_PT);
  cairo_translate (cr, -bounds.x, -bounds.y);
  mc_render_scene (cr, scene, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint
count_differences (cairo_surface_t *actual,
                   cairo_surface_t *golden)
{
  int width = cairo_image_surface_get_width (actual);
  int height = cairo_image_surface_get_height (actual);
  int stride_a = cairo_image_surface_get_stride (actual);
  int stride_g = cairo_image_surface_get_stride (golden);
  const guchar *a = cairo_image_surface_get_data (actual);
  const guchar *g = cairo_image_surface_get_data (golden);
  guint bad = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pa = *(const guint32 *) (a + y * stride_a + 4 * x);
        guint32 pg = *(const guint32 *) (g + y * stride_g + 4 * x);

        for (int shift = 0; shift < 24; shift += 8)
          if (ABS ((int) ((pa >> shift) & 0xff) - (int) ((pg >> shift) & 0xff)) > CHANNEL_SLACK)
            {
              bad++;
              break;
            }
      }
  return bad;
}

static void
test_golden (gconstpointer data)
{
  const char *kind = data;
  const char *update = g_getenv ("MC_UPDATE_GOLDENS");

  for (guint w = 0; w < 2; w++)
    {
      double width_mm = w == 0 ? 84 : 174;
      g_autofree char *name = g_strdup_printf ("frame-%s-%.0f.png", kind, width_mm);
      cairo_surface_t *actual = render_frame (kind, width_mm);
      cairo_surface_t *golden;

      if (update != NULL && *update != '\0')
        {
          g_autofree char *path = g_build_filename (update, name, NULL);

          g_assert_cmpint (cairo_surface_write_to_png (actual, path), ==, CAIRO_STATUS_SUCCESS);
          cairo_surface_destroy (actual);
          continue;
        }

      {
        g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", name, NULL);
        cairo_surface_t *loaded = cairo_image_surface_create_from_png (path);
        cairo_t *cr;
        guint bad, total;

        g_assert_cmpint (cairo_surface_status (loaded), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpint (cairo_image_surface_get_width (loaded), ==,
                         cairo_image_surface_get_width (actual));
        g_assert_cmpint (cairo_image_surface_get_height (loaded), ==,
                         cairo_image_surface_get_height (actual));
        /* In the same pixel format as the actual image. */
        golden = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                             cairo_image_surface_get_width (loaded),
                                             cairo_image_surface_get_height (loaded));
        cr = cairo_create (golden);
        cairo_set_source_surface (cr, loaded, 0, 0);
        cairo_paint (cr);
        cairo_destroy (cr);
        cairo_surface_flush (golden);
        cairo_surface_destroy (loaded);

        bad = count_differences (actual, golden);
        total = (guint) (cairo_image_surface_get_width (actual) *
                         cairo_image_surface_get_height (actual));
        g_test_message ("%s: %u of %u pixels differ", name, bad, total);
        g_assert_cmpuint (bad, <=, total * MAX_BAD_SHARE);
        cairo_surface_destroy (golden);
        cairo_surface_destroy (actual);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  const char * const *kinds;

  mc_test_init_keep_going (&argc, &argv);
  mc_core_ensure_resources ();
  kinds = mc_figure_kind_list ();
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/mc/frames/kind/%s", kinds[i]);

      g_autofree char *golden = g_strdup_printf ("/mc/frames/golden/%s", kinds[i]);

      g_test_add_data_func (path, kinds[i], test_kind);
      g_test_add_data_func (golden, kinds[i], test_golden);
    }
  g_test_add_func ("/mc/frames/perspectives-names-on-wheel", test_perspectives_names_on_wheel);
  g_test_add_func ("/mc/frames/region-names-on-figure", test_region_names_on_figure);
  g_test_add_func ("/mc/frames/board-names-on-figures", test_board_names_on_figures);
  g_test_add_func ("/mc/frames/cimo-pdf", test_cimo_pdf);
  g_test_add_func ("/mc/frames/caption-source", test_caption_source);
  g_test_add_func ("/mc/frames/export-refuses-cut", test_export_refuses_cut);
  g_test_add_func ("/mc/frames/board-refused-when-narrow", test_board_refused_when_narrow);
  return g_test_run ();
}
