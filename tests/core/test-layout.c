/* test-layout.c — McLayout: packing, placement, view options, caching,
 * templates */
#include "config.h"

#include <string.h>

#include "mc-board.h"
#include "mc-templates.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-figure-kind.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-layout-private.h"
#include "mc-text.h"

static McNote *
anchored_note (const char *text,
               const char *figure,
               const char *region)
{
  McNote *note = mc_note_new (text);

  mc_note_set_anchor (note, figure, region);
  return note;
}

/* Adds a note and returns its id (borrowed from the board). */
static const char *
add_note (McBoard *board,
          McNote  *note)
{
  g_autofree char *id = g_strdup (mc_note_get_id (note));

  mc_board_execute (board, mc_command_add_note (note));
  g_assert_nonnull (mc_board_get_note (board, id));
  return mc_note_get_id (mc_board_get_note (board, id));
}

static McLayout *
new_layout (void)
{
  mc_core_ensure_resources ();
  return mc_layout_new (mc_catalog_get_default ());
}

static void
test_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) model = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);
  g_autoptr(McBoard) single = NULL;
  g_autoptr(McBoard) unknown = NULL;
  McRect rect;

  g_assert_no_error (error);
  g_assert_nonnull (model);
  g_assert_cmpuint (mc_board_get_figures (model)->len, ==, 9);
  g_assert_cmpstr (mc_board_get_title (model), ==, "Nieuw bord");
  g_assert_false (mc_board_get_modified (model));
  g_assert_false (mc_history_get_can_undo (mc_board_get_history (model)));

  g_assert_true (mc_layout_get_figure_rect (model, "cimo", &rect));
  g_assert_cmpfloat (rect.x, ==, 0);
  g_assert_cmpfloat (rect.width, ==, 4360);
  g_assert_cmpfloat (rect.height, ==, 800);
  g_assert_true (mc_layout_get_figure_rect (model, "boundary-crossing", &rect));
  g_assert_cmpfloat (rect.x, ==, 2240);
  g_assert_cmpfloat (rect.y, ==, 920);
  g_assert_cmpfloat (rect.width, ==, 1000);
  g_assert_true (mc_layout_get_figure_rect (model, "potential-value", &rect));
  g_assert_cmpfloat (rect.x, ==, 3360);
  g_assert_cmpfloat (rect.y, ==, 2040);
  g_assert_false (mc_layout_get_figure_rect (model, "nope", &rect));

  single = mc_board_new_from_template ("scale-levels", MC_LANGUAGE_EN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_board_get_figures (single)->len, ==, 1);
  g_assert_cmpstr (mc_board_get_title (single), ==, "New board");
  g_assert_cmpint (mc_board_get_language (single), ==, MC_LANGUAGE_EN);
  g_assert_nonnull (mc_board_get_figure (single, "scale-levels"));
  g_assert_false (mc_board_get_modified (single));

  unknown = mc_board_new_from_template ("no-such-figure", MC_LANGUAGE_NL, &error);
  g_assert_null (unknown);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_packing (void)
{
  g_autoptr(McLayout) layout = new_layout ();
  g_autoptr(McBoard) board = mc_board_new_from_template ("boundary-crossing", MC_LANGUAGE_NL, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(McScene) scene = NULL;
  McViewOptions options;
  McRect area;
  guint capacity;

  for (guint i = 0; i < 14; i++)
    {
      g_autofree char *text = g_strdup_printf ("Note %u", i);

      g_ptr_array_add (ids, (gpointer) add_note (board, anchored_note (text, "boundary-crossing",
                                                                       "identification")));
    }
  /* One in another region, to see spilled notes never land on it. */
  g_ptr_array_add (ids, (gpointer) add_note (board, anchored_note ("other", "boundary-crossing",
                                                                   "coordination")));

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  scene = mc_layout_build (layout, board, &options);
  g_assert_true (mc_layout_get_note_area (layout, "boundary-crossing", "identification", &area));
  capacity = (guint) ((area.width + 10) / (MC_NOTE_DEFAULT_WIDTH + 10)) *
             (guint) ((area.height + 10) / (MC_NOTE_DEFAULT_HEIGHT + 10));

  for (guint i = 0; i < ids->len; i++)
    {
      McRect a;

      g_assert_true (mc_layout_get_note_rect (layout, ids->pdata[i], &a));
      g_assert_cmpfloat (a.width, ==, MC_NOTE_DEFAULT_WIDTH);
      g_assert_cmpfloat (a.height, ==, MC_NOTE_DEFAULT_HEIGHT);

      /* Inside the area while it has room. */
      if (i < MIN (capacity, 14))
        g_assert_true (mc_rect_contains_rect (&area, &a));

      for (guint j = 0; j < i; j++)
        {
          McRect b;

          g_assert_true (mc_layout_get_note_rect (layout, ids->pdata[j], &b));
          g_assert_false (mc_rect_intersects (&a, &b));
        }

      /* Every note is drawn: none is dropped. */
      {
        g_autofree char *group = g_strdup_printf ("note:%s", (const char *) ids->pdata[i]);

        g_assert_cmpint (mc_scene_find_group (scene, group), >=, 0);
      }
    }
}

static void
test_notes_follow_figure (void)
{
  g_autoptr(McLayout) layout = new_layout ();
  g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, NULL);
  g_autoptr(McScene) before = NULL;
  g_autoptr(McScene) after = NULL;
  g_autoptr(McNote) positioned = anchored_note ("placed", "context", "issue");
  g_autoptr(McNote) free_note = mc_note_new ("free");
  McFigure *moved;
  McViewOptions options;
  McRect rect = { 30, 40, 160, 110 };
  McRect free_rect = { 6000, 100, 200, 120 };
  McRect p0, p1, q0, q1, f0, f1, fig0, fig1;
  const char *packed_id, *positioned_id, *free_id;

  mc_note_set_rect (positioned, &rect);
  mc_note_set_rect (free_note, &free_rect);
  packed_id = add_note (board, anchored_note ("packed", "context", "factors"));
  positioned_id = add_note (board, g_steal_pointer (&positioned));
  free_id = add_note (board, g_steal_pointer (&free_note));

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  before = mc_layout_build (layout, board, &options);
  g_assert_true (mc_layout_get_note_rect (layout, packed_id, &p0));
  g_assert_true (mc_layout_get_note_rect (layout, positioned_id, &q0));
  g_assert_true (mc_layout_get_note_rect (layout, free_id, &f0));
  g_assert_true (mc_layout_get_figure_rect (board, "context", &fig0));

  /* Stored positions are figure-relative. */
  g_assert_cmpfloat (q0.x, ==, fig0.x + 30);
  g_assert_cmpfloat (q0.y, ==, fig0.y + 40);
  g_assert_cmpfloat (f0.x, ==, 6000);
  g_assert_cmpfloat (f0.y, ==, 100);
  g_assert_cmpfloat (f0.width, ==, 200);

  moved = mc_figure_dup (mc_board_get_figure (board, "context"));
  mc_figure_set_position (moved, mc_figure_get_x (moved) + 300, mc_figure_get_y (moved) - 250);
  mc_board_execute (board, mc_command_update_figure (board, moved));

  after = mc_layout_build (layout, board, &options);
  g_assert_true (mc_layout_get_figure_rect (board, "context", &fig1));
  g_assert_cmpfloat (fig1.x - fig0.x, ==, 300);
  g_assert_true (mc_layout_get_note_rect (layout, packed_id, &p1));
  g_assert_true (mc_layout_get_note_rect (layout, positioned_id, &q1));
  g_assert_true (mc_layout_get_note_rect (layout, free_id, &f1));

  g_assert_cmpfloat_with_epsilon (p1.x - p0.x, 300, 1e-6);
  g_assert_cmpfloat_with_epsilon (p1.y - p0.y, -250, 1e-6);
  g_assert_cmpfloat_with_epsilon (q1.x - q0.x, 300, 1e-6);
  g_assert_cmpfloat_with_epsilon (q1.y - q0.y, -250, 1e-6);
  g_assert_cmpfloat (f1.x, ==, f0.x);
  g_assert_cmpfloat (f1.y, ==, f0.y);

  /* The drawn note group moved too. */
  {
    g_autofree char *group = g_strdup_printf ("note:%s", positioned_id);
    int index = mc_scene_find_group (after, group);

    g_assert_cmpint (index, >=, 0);
    g_assert_cmpfloat_with_epsilon (mc_scene_get_item (after, index)->bounds.x, q1.x, 4);
  }
}

static gboolean
scene_has_text (McScene    *scene,
                McItemRole  role,
                const char *needle)
{
  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_TEXT && item->role == role &&
          strstr (pango_layout_get_text (item->layout), needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_figure_only (void)
{
  g_autoptr(McLayout) layout = new_layout ();
  g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, NULL);
  g_autoptr(McScene) all = NULL;
  g_autoptr(McScene) one = NULL;
  g_autoptr(McNote) free_note = mc_note_new ("free");
  McRect free_rect = { 6000, 100, 160, 110 };
  McViewOptions options;
  McRect frame, bounds, note_rect, expected;
  const char *inside, *other, *free_id;

  mc_note_set_rect (free_note, &free_rect);
  free_id = add_note (board, g_steal_pointer (&free_note));
  inside = add_note (board, anchored_note ("inside", "context", "issue"));
  other = add_note (board, anchored_note ("other", "cimo", "context"));

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  all = mc_layout_build (layout, board, &options);
  g_assert_cmpint (mc_scene_find_group (all, "cimo"), >=, 0);
  g_assert_cmpint (mc_scene_find_group (all, "context"), >=, 0);

  options.figure_id = "context";
  one = mc_layout_build (layout, board, &options);
  g_assert_cmpint (mc_scene_find_group (one, "context"), >=, 0);
  g_assert_cmpint (mc_scene_find_group (one, "cimo"), ==, -1);
  g_assert_cmpint (mc_scene_find_group (one, "perspectives"), ==, -1);
  {
    g_autofree char *a = g_strdup_printf ("note:%s", inside);
    g_autofree char *b = g_strdup_printf ("note:%s", other);
    g_autofree char *c = g_strdup_printf ("note:%s", free_id);

    g_assert_cmpint (mc_scene_find_group (one, a), >=, 0);
    g_assert_cmpint (mc_scene_find_group (one, b), ==, -1);
    g_assert_cmpint (mc_scene_find_group (one, c), ==, -1);
  }

  /* Bounds: the figure and its notes, nothing of the rest of the board. */
  mc_layout_get_figure_rect (board, "context", &frame);
  mc_layout_get_note_rect (layout, inside, &note_rect);
  mc_rect_union (&frame, &note_rect, &expected);
  mc_scene_get_bounds (one, &bounds);
  g_assert_cmpfloat (bounds.x, >=, expected.x - 10);
  g_assert_cmpfloat (bounds.y, >=, expected.y - 10);
  g_assert_cmpfloat (bounds.x + bounds.width, <=, expected.x + expected.width + 10);
  g_assert_cmpfloat (bounds.y + bounds.height, <=, expected.y + expected.height + 10);
}

static void
test_caption (void)
{
  g_autoptr(McLayout) layout = new_layout ();
  McCatalog *catalog = mc_catalog_get_default ();
  const McFigureInfo *info = mc_catalog_get_figure (catalog, "cimo");
  McViewOptions options;

  g_assert_nonnull (info);

  for (McLanguage lang = 0; lang < MC_N_LANGUAGES; lang++)
    {
      g_autoptr(McBoard) board = mc_board_new_from_template ("model", lang, NULL);
      g_autoptr(McScene) scene = NULL;
      g_autofree char *heading = g_strdup_printf ("%s %d", lang == MC_LANGUAGE_EN ? "Figure" : "Figuur",
                                                  mc_figure_info_get_number (info));
      const char *caption = mc_figure_info_get_caption (info, lang);
      McRect frame, caption_bounds;
      int index;

      mc_view_options_init (&options, lang);
      options.caption = TRUE;
      options.figure_id = "cimo";
      scene = mc_layout_build (layout, board, &options);

      g_assert_true (scene_has_text (scene, MC_ROLE_CAPTION, heading));
      g_assert_true (scene_has_text (scene, MC_ROLE_CAPTION, mc_figure_info_get_title (info, lang)));
      g_assert_nonnull (caption);
      g_assert_true (scene_has_text (scene, MC_ROLE_CAPTION, caption));

      /* Under the figure. */
      index = mc_scene_find_group (scene, "cimo:caption");
      g_assert_cmpint (index, >=, 0);
      caption_bounds = mc_scene_get_item (scene, index)->bounds;
      mc_layout_get_figure_rect (board, "cimo", &frame);
      g_assert_cmpfloat (caption_bounds.y, >=, frame.y + frame.height);

      /* The heading is bold, the title italic. */
      for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
        {
          const McSceneItem *item = mc_scene_get_item (scene, i);
          const PangoFontDescription *desc;

          if (item->kind != MC_ITEM_TEXT || item->role != MC_ROLE_CAPTION)
            continue;
          desc = pango_layout_get_font_description (item->layout);
          if (g_str_equal (pango_layout_get_text (item->layout), heading))
            g_assert_cmpint (pango_font_description_get_weight (desc), >=, PANGO_WEIGHT_BOLD);
          if (g_str_equal (pango_layout_get_text (item->layout), mc_figure_info_get_title (info, lang)))
            g_assert_cmpint (pango_font_description_get_style (desc), ==, PANGO_STYLE_ITALIC);
        }
    }

  /* No caption unless asked for. */
  {
    g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, NULL);
    g_autoptr(McScene) scene = NULL;

    mc_view_options_init (&options, MC_LANGUAGE_NL);
    options.figure_id = "cimo";
    scene = mc_layout_build (layout, board, &options);
    g_assert_cmpint (mc_scene_find_group (scene, "cimo:caption"), ==, -1);
  }
}

static void
test_questions_list (void)
{
  g_autoptr(McLayout) layout = new_layout ();
  McCatalog *catalog = mc_catalog_get_default ();
  const char * const *kinds = mc_figure_kind_list ();
  McViewOptions options;

  for (guint k = 0; kinds[k] != NULL; k++)
    {
      const McFigureInfo *info = mc_catalog_get_figure (catalog, kinds[k]);
      g_autoptr(McBoard) board = mc_board_new_from_template (kinds[k], MC_LANGUAGE_EN, NULL);
      g_autoptr(McScene) scene = NULL;
      g_autofree char *group = g_strdup_printf ("%s:questions", kinds[k]);
      guint n_questions = 0;
      McRect frame;
      int index;

      g_assert_nonnull (info);
      mc_view_options_init (&options, MC_LANGUAGE_EN);
      options.questions = MC_QUESTIONS_LIST;
      scene = mc_layout_build (layout, board, &options);

      index = mc_scene_find_group (scene, group);
      g_assert_cmpint (index, >=, 0);

      for (guint r = 0; r < mc_figure_info_get_n_regions (info); r++)
        {
          const char * const *questions =
            mc_region_info_get_questions (mc_figure_info_get_region (info, r), MC_LANGUAGE_EN);

          for (guint q = 0; questions != NULL && questions[q] != NULL; q++)
            {
              g_autofree char *numbered = g_strdup_printf ("%u.\u2002%s", ++n_questions,
                                                           questions[q]);

              g_assert_true (scene_has_text (scene, MC_ROLE_QUESTION, numbered));
            }
        }

      /* Beside the figure, not on it. */
      mc_layout_get_figure_rect (board, kinds[k], &frame);
      if (n_questions > 0)
        g_assert_cmpfloat (mc_scene_get_item (scene, index)->bounds.x, >=,
                           frame.x + frame.width);
    }
}

static void
test_empty_regions (void)
{
  g_autoptr(McLayout) layout = new_layout ();
  g_autoptr(McBoard) board = mc_board_new_from_template ("boundary-crossing", MC_LANGUAGE_NL, NULL);
  g_autoptr(McScene) scene = NULL;
  McViewOptions options;

  add_note (board, anchored_note ("x", "boundary-crossing", "coordination"));
  mc_view_options_init (&options, MC_LANGUAGE_NL);
  options.empty_regions = FALSE;
  scene = mc_layout_build (layout, board, &options);

  g_assert_cmpint (mc_scene_find_group (scene, "boundary-crossing/coordination"), >=, 0);
  g_assert_cmpint (mc_scene_find_group (scene, "boundary-crossing/identification"), ==, -1);
  g_assert_cmpint (mc_scene_find_group (scene, "boundary-crossing/transformation"), ==, -1);
  g_assert_cmpint (mc_scene_find_group (scene, "boundary-crossing"), >=, 0);
}

static void
test_notes_off (void)
{
  g_autoptr(McLayout) layout = new_layout ();
  g_autoptr(McBoard) board = mc_board_new_from_template ("context", MC_LANGUAGE_NL, NULL);
  g_autoptr(McScene) scene = NULL;
  McViewOptions options;
  const char *id = add_note (board, anchored_note ("x", "context", "issue"));
  g_autofree char *group = g_strdup_printf ("note:%s", id);

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  options.notes = FALSE;
  scene = mc_layout_build (layout, board, &options);
  g_assert_cmpint (mc_scene_find_group (scene, group), ==, -1);
}

static void
test_note_appearance (void)
{
  g_autoptr(McLayout) layout = new_layout ();
  g_autoptr(McBoard) board = mc_board_new_from_template ("context", MC_LANGUAGE_NL, NULL);
  g_autoptr(McScene) scene = NULL;
  g_autoptr(McNote) note = anchored_note ("Een notitie met tekst", "context", "issue");
  McViewOptions options;
  const McSceneItem *group;
  g_autofree char *group_id = NULL;
  gboolean votes = FALSE, dashed = FALSE, text = FALSE;
  const char *id;
  int index;
  guint end;

  mc_note_set_votes (note, 3);
  mc_note_set_conflict (note, TRUE);
  id = add_note (board, g_steal_pointer (&note));
  group_id = g_strdup_printf ("note:%s", id);

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  scene = mc_layout_build (layout, board, &options);
  index = mc_scene_find_group (scene, group_id);
  g_assert_cmpint (index, >=, 0);
  group = mc_scene_get_item (scene, index);
  g_assert_cmpint (group->role, ==, MC_ROLE_NOTE);
  g_assert_cmpstr (group->title, ==, "Een notitie met tekst");
  g_assert_nonnull (group->hit_path);

  end = mc_scene_group_end (scene, index);
  for (guint i = index + 1; i < end; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->role == MC_ROLE_VOTES)
        votes = TRUE;
      if (item->kind == MC_ITEM_PATH && item->line_style == MC_LINE_DASHED)
        dashed = TRUE;
      if (item->kind == MC_ITEM_TEXT && item->role == MC_ROLE_NOTE_TEXT)
        text = g_str_equal (pango_layout_get_text (item->layout), "Een notitie met tekst");
    }
  g_assert_true (votes);
  g_assert_true (dashed);
  g_assert_true (text);

  /* Hit testing finds the note above its region. */
  {
    McRect rect;

    mc_layout_get_note_rect (layout, id, &rect);
    g_assert_cmpstr (mc_scene_hit_test (scene, rect.x + 5, rect.y + 5,
                                        (1u << MC_ROLE_NOTE) | (1u << MC_ROLE_REGION))->id,
                     ==, group_id);
  }
}

static void
test_note_overflow (void)
{
  g_autoptr(McLayout) layout = new_layout ();
  g_autoptr(McBoard) board = mc_board_new_from_template ("context", MC_LANGUAGE_NL, NULL);
  g_autoptr(McScene) scene = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *group_id = NULL;
  McViewOptions options;
  const McSceneItem *note_text = NULL;
  gboolean marker = FALSE;
  const char *id;
  McRect rect;
  double w, h;
  int index;

  for (guint i = 0; i < 60; i++)
    g_string_append (text, "veel te veel woorden ");
  id = add_note (board, anchored_note (text->str, "context", "issue"));
  group_id = g_strdup_printf ("note:%s", id);

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  scene = mc_layout_build (layout, board, &options);
  index = mc_scene_find_group (scene, group_id);
  g_assert_cmpint (index, >=, 0);
  for (guint i = index + 1; i < mc_scene_group_end (scene, index); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_TEXT && item->role == MC_ROLE_NOTE_TEXT)
        note_text = item;
      if (item->kind == MC_ITEM_TEXT && item->role == MC_ROLE_DECORATION &&
          g_str_equal (pango_layout_get_text (item->layout), "\u2026"))
        marker = TRUE;
    }

  /* Cut with an ellipsis, marked, and still inside the note. */
  g_assert_nonnull (note_text);
  g_assert_true (pango_layout_is_ellipsized (note_text->layout));
  g_assert_true (marker);
  mc_layout_get_note_rect (layout, id, &rect);
  mc_text_layout_get_size (note_text->layout, &w, &h);
  g_assert_cmpfloat (note_text->y + h, <=, rect.y + rect.height);
  g_assert_cmpfloat (note_text->x + w, <=, rect.x + rect.width);
}

static void
test_text_fit (void)
{
  McTextStyle style = { "Liberation Sans", 40, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                        PANGO_ALIGN_LEFT, 0 };
  g_autoptr(PangoLayout) roomy = NULL;
  g_autoptr(PangoLayout) shrunk = NULL;
  g_autoptr(PangoLayout) cut = NULL;
  const PangoFontDescription *desc;
  gboolean fits;
  double w, h;

  /* Room enough: the size stays. */
  roomy = mc_text_layout_fit ("Kort", &style, 400, 100, 8, &fits);
  g_assert_true (fits);
  desc = pango_layout_get_font_description (roomy);
  g_assert_cmpfloat ((double) pango_font_description_get_size (desc) / PANGO_SCALE, ==, 40);
  g_assert_true (pango_font_description_get_size_is_absolute (desc));

  /* Too long: shrinks, but no further than needed, and fits the box. */
  shrunk = mc_text_layout_fit ("Een langere zin die bij veertig pixels niet in het vak past",
                               &style, 300, 120, 8, &fits);
  g_assert_true (fits);
  mc_text_layout_get_size (shrunk, &w, &h);
  g_assert_cmpfloat (w, <=, 300);
  g_assert_cmpfloat (h, <=, 120);
  desc = pango_layout_get_font_description (shrunk);
  g_assert_cmpfloat ((double) pango_font_description_get_size (desc) / PANGO_SCALE, <, 40);
  g_assert_cmpfloat ((double) pango_font_description_get_size (desc) / PANGO_SCALE, >, 12);
  g_assert_false (pango_layout_is_ellipsized (shrunk));

  /* Far too long: the floor, an ellipsis, still inside the height. */
  cut = mc_text_layout_fit ("woord woord woord woord woord woord woord woord woord woord "
                            "woord woord woord woord woord woord woord woord woord woord",
                            &style, 100, 30, 10, &fits);
  g_assert_false (fits);
  desc = pango_layout_get_font_description (cut);
  g_assert_cmpfloat ((double) pango_font_description_get_size (desc) / PANGO_SCALE, ==, 10);
  g_assert_true (pango_layout_is_ellipsized (cut));
  mc_text_layout_get_size (cut, NULL, &h);
  g_assert_cmpfloat (h, <=, 30);
}

/* A pasted URL or base64 block: one word of 60,000 characters lays out
 * (in bounded time: the meson timeout guards against the old quadratic
 * search), every line inside the width, no character lost. */
static void
test_long_word (void)
{
  McTextStyle style = { NULL, 12, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                        PANGO_ALIGN_LEFT, 0 };
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);
  PangoLayoutIter *iter;
  const char *text;
  double w;

  for (guint i = 0; i < 60000; i++)
    g_string_append_c (word, 'a' + i % 26);

  layout = mc_text_layout_new (word->str, &style, 200);
  mc_text_layout_get_size (layout, &w, NULL);
  g_assert_cmpfloat (w, <=, 200.01);
  g_assert_cmpint (pango_layout_get_line_count (layout), >, 1000);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      g_assert_cmpint (logical.x + logical.width, <=, 200 * PANGO_SCALE + PANGO_SCALE / 100);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* Only invisible break marks were added. */
  text = pango_layout_get_text (layout);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) != 0x200B)
      g_string_append_unichar (kept, g_utf8_get_char (p));
  g_assert_cmpstr (kept->str, ==, word->str);

  /* Ordinary words are left alone. */
  g_clear_object (&layout);
  layout = mc_text_layout_new ("Semesterritme en gezondheidsagenda", &style, 60);
  g_assert_cmpstr (pango_layout_get_text (layout), ==, "Semesterritme en gezondheidsagenda");
}

static void
test_cache (void)
{
  g_autoptr(McLayout) layout = new_layout ();
  g_autoptr(McBoard) board = mc_board_new_from_template ("perspectives", MC_LANGUAGE_NL, NULL);
  McViewOptions options;
  const char *first;
  guint created;

  first = add_note (board, anchored_note ("first", "perspectives", "social"));
  add_note (board, anchored_note ("second", "perspectives", "social"));
  add_note (board, anchored_note ("third", "perspectives", "spatial"));
  mc_view_options_init (&options, MC_LANGUAGE_NL);

  mc_scene_unref (mc_layout_build (layout, board, &options));
  created = _mc_layout_get_n_text_layouts_created (layout);
  g_assert_cmpuint (created, ==, 3);

  /* Nothing changed: nothing laid out again. */
  mc_scene_unref (mc_layout_build (layout, board, &options));
  g_assert_cmpuint (_mc_layout_get_n_text_layouts_created (layout), ==, created);

  /* One note edited: exactly one new layout. */
  mc_board_execute (board, mc_command_set_note_text (board, first, "first, edited"));
  mc_scene_unref (mc_layout_build (layout, board, &options));
  g_assert_cmpuint (_mc_layout_get_n_text_layouts_created (layout), ==, created + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/layout/template", test_template);
  g_test_add_func ("/mc/layout/packing", test_packing);
  g_test_add_func ("/mc/layout/notes-follow-figure", test_notes_follow_figure);
  g_test_add_func ("/mc/layout/figure-only", test_figure_only);
  g_test_add_func ("/mc/layout/caption", test_caption);
  g_test_add_func ("/mc/layout/questions-list", test_questions_list);
  g_test_add_func ("/mc/layout/empty-regions", test_empty_regions);
  g_test_add_func ("/mc/layout/notes-off", test_notes_off);
  g_test_add_func ("/mc/layout/note-appearance", test_note_appearance);
  g_test_add_func ("/mc/layout/note-overflow", test_note_overflow);
  g_test_add_func ("/mc/layout/text-fit", test_text_fit);
  g_test_add_func ("/mc/layout/long-word", test_long_word);
  g_test_add_func ("/mc/layout/cache", test_cache);

  return g_test_run ();
}
