/* test-figure-areas.c — every region of every figure kind is a canvas
 *
 * For every kind × language × theme × questions mode (off, inline, list) ×
 * definitions on/off, at the kind's natural size: every catalog region has
 * a note area that holds at least two default notes (160 × 110 board units,
 * packed 10 apart as the layout packs them), that lies inside the region's
 * own shape, and that no text of the figure covers. Inline questions and
 * definitions must make way (shrink, shorten) rather than starve the notes.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-catalog.h"
#include "mc-templates.h"
#include "mc-figure-kind.h"
#include "mc-layout.h"
#include "mc-layout.h"
#include "mc-test-util.h"
#include "mc-theme.h"

#define NOTE_WIDTH  160.0
#define NOTE_HEIGHT 110.0
#define NOTE_GAP     10.0
#define MIN_NOTES      2

static const McLanguage languages[] = { MC_LANGUAGE_NL, MC_LANGUAGE_EN };
static const McThemeKind themes[] = { MC_THEME_COLOR, MC_THEME_PRINT, MC_THEME_PROJECTOR };
static const McQuestionsMode question_modes[] = {
  MC_QUESTIONS_OFF, MC_QUESTIONS_INLINE, MC_QUESTIONS_LIST,
};

static const char *
language_name (McLanguage language)
{
  return language == MC_LANGUAGE_NL ? "nl" : "en";
}

static const char *
theme_name (McThemeKind theme)
{
  switch (theme)
    {
    case MC_THEME_COLOR:
      return "color";
    case MC_THEME_PRINT:
      return "print";
    case MC_THEME_PROJECTOR:
      return "projector";
    default:
      return "?";
    }
}

static const char *
questions_name (McQuestionsMode mode)
{
  switch (mode)
    {
    case MC_QUESTIONS_OFF:
      return "off";
    case MC_QUESTIONS_INLINE:
      return "inline";
    case MC_QUESTIONS_LIST:
      return "list";
    default:
      return "?";
    }
}

/* How many default notes the packer can put into a rectangle of this size:
 * whole columns times whole rows. */
static guint
notes_that_fit (const McRect *area,
                double        scale)
{
  double w = NOTE_WIDTH * scale, h = NOTE_HEIGHT * scale, gap = NOTE_GAP * scale;
  double cols = floor ((area->width + gap + 1e-6) / (w + gap));
  double rows = floor ((area->height + gap + 1e-6) / (h + gap));

  return (guint) (MAX (cols, 0) * MAX (rows, 0));
}

/* The region group's begin item, or -1. */
static int
find_region_group (McScene    *scene,
                   const char *group_id)
{
  for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_GROUP_BEGIN && item->role == MC_ROLE_REGION &&
          g_strcmp0 (item->id, group_id) == 0)
        return (int) i;
    }
  return -1;
}

static void
text_rect (const McSceneItem *item,
           McRect            *rect)
{
  PangoRectangle ink, logical;

  /* The ink extents: what a reader sees, without the line's empty
   * ascent above a short word. */
  pango_layout_get_extents (item->layout, &ink, &logical);
  rect->x = item->x + (double) ink.x / PANGO_SCALE;
  rect->y = item->y + (double) ink.y / PANGO_SCALE;
  rect->width = (double) ink.width / PANGO_SCALE;
  rect->height = (double) ink.height / PANGO_SCALE;
}

static gboolean
rects_overlap (const McRect *a,
               const McRect *b,
               double        slack)
{
  return a->x + slack < b->x + b->width && b->x + slack < a->x + a->width &&
         a->y + slack < b->y + b->height && b->y + slack < a->y + a->height;
}

typedef struct
{
  guint n_failures;
} Checker;

#define CHECK(checker, cond, ...) \
  G_STMT_START { \
    if (!(cond)) \
      { \
        if ((checker)->n_failures++ < 40) \
          { \
            g_autofree char *msg_ = g_strdup_printf (__VA_ARGS__); \
            g_test_message ("%s", msg_); \
          } \
      } \
  } G_STMT_END

static void
check_combination (Checker            *c,
                   McLayout           *layout,
                   const McFigureInfo *info,
                   const char         *kind,
                   McLanguage          language,
                   McThemeKind         theme,
                   McQuestionsMode     questions,
                   gboolean            definitions)
{
  const McFigureKindClass *klass = mc_figure_kind_lookup (kind);
  g_autoptr(McScene) scene = NULL;
  g_autofree char *combo = NULL;
  McViewOptions options;

  mc_view_options_init (&options, language);
  options.theme = theme;
  options.questions = questions;
  options.definitions = definitions;
  scene = mc_layout_build_kind (layout, kind, klass->natural_width, &options);
  combo = g_strdup_printf ("%s %s/%s questions=%s definitions=%s", kind,
                           language_name (language), theme_name (theme),
                           questions_name (questions), definitions ? "on" : "off");

  for (guint r = 0; r < mc_figure_info_get_n_regions (info); r++)
    {
      const char *region_id = mc_region_info_get_id (mc_figure_info_get_region (info, r));
      g_autofree char *group_id = g_strdup_printf ("%s/%s", kind, region_id);
      const McSceneItem *group;
      int index;
      McRect area;
      guint n;

      index = find_region_group (scene, group_id);
      CHECK (c, index >= 0, "%s: no region group %s", combo, group_id);
      if (index < 0)
        continue;
      group = mc_scene_get_item (scene, index);

      if (!mc_layout_get_note_area (layout, kind, region_id, &area))
        {
          CHECK (c, FALSE, "%s: %s has no note area", combo, region_id);
          continue;
        }

      n = notes_that_fit (&area, 1.0);
      CHECK (c, n >= MIN_NOTES,
             "%s: note area of %s is %.0f × %.0f, holds %u default notes (needs %d)",
             combo, region_id, area.width, area.height, n, MIN_NOTES);

      /* Inside the region's own shape: corners, edge midpoints, centre. */
      if (group->hit_path != NULL)
        for (guint i = 0; i < 3; i++)
          for (guint j = 0; j < 3; j++)
            {
              double x = area.x + area.width * (0.002 + 0.498 * i);
              double y = area.y + area.height * (0.002 + 0.498 * j);

              CHECK (c, mc_path_contains_point (group->hit_path, x, y, TRUE),
                     "%s: note area of %s pokes out of its region at (%.0f, %.0f)",
                     combo, region_id, x, y);
            }

      /* No text of the figure lies on the note area. */
      for (guint i = 0; i < mc_scene_get_n_items (scene); i++)
        {
          const McSceneItem *item = mc_scene_get_item (scene, i);
          McRect rect;

          if (item->kind != MC_ITEM_TEXT || item->layout == NULL)
            continue;
          text_rect (item, &rect);
          if (rect.width <= 0 || rect.height <= 0)
            continue;
          CHECK (c, !rects_overlap (&area, &rect, 1.0),
                 "%s: text \"%.30s\" covers the note area of %s",
                 combo, pango_layout_get_text (item->layout), region_id);
        }
    }
}

static void
test_kind (gconstpointer data)
{
  const char *kind = data;
  McCatalog *catalog = mc_catalog_get_default ();
  const McFigureInfo *info = mc_catalog_get_figure (catalog, kind);
  g_autoptr(McLayout) layout = mc_layout_new (catalog);
  Checker c = { 0 };

  g_assert_nonnull (info);
  g_assert_cmpuint (mc_figure_info_get_n_regions (info), >, 0);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
      for (guint q = 0; q < G_N_ELEMENTS (question_modes); q++)
        for (guint d = 0; d < 2; d++)
          check_combination (&c, layout, info, kind, languages[l], themes[t],
                             question_modes[q], d == 1);

  if (c.n_failures > 0)
    g_test_fail_printf ("%s: %u problems with note areas (see the messages above)",
                        kind, c.n_failures);
}

/* The editing engineer's case: the layout's default options on the model
 * board, where every figure sits at scale 1. */
static void
test_model_board_defaults (void)
{
  McCatalog *catalog = mc_catalog_get_default ();
  g_autoptr(McLayout) layout = mc_layout_new (catalog);
  g_autoptr(McBoard) board = NULL;
  g_autoptr(McScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *kinds = mc_figure_kind_list ();
  McViewOptions options;

  board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);
  g_assert_no_error (error);
  mc_view_options_init (&options, MC_LANGUAGE_NL);
  scene = mc_layout_build (layout, board, &options);
  g_assert_nonnull (scene);

  for (guint k = 0; kinds[k] != NULL; k++)
    {
      const McFigureInfo *info = mc_catalog_get_figure (catalog, kinds[k]);

      for (guint r = 0; r < mc_figure_info_get_n_regions (info); r++)
        {
          const char *region_id = mc_region_info_get_id (mc_figure_info_get_region (info, r));
          McRect area;

          /* Placement ids in the model template equal the kind ids. */
          g_assert_true (mc_layout_get_note_area (layout, kinds[k], region_id, &area));
          if (notes_that_fit (&area, 1.0) < MIN_NOTES)
            g_test_fail_printf ("model board: %s/%s note area %.0f × %.0f",
                                kinds[k], region_id, area.width, area.height);
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
      g_autofree char *path = g_strdup_printf ("/mc/figure-areas/%s", kinds[i]);

      g_test_add_data_func (path, kinds[i], test_kind);
    }
  g_test_add_func ("/mc/figure-areas/model-board-defaults", test_model_board_defaults);

  return g_test_run ();
}
