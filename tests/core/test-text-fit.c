/* test-text-fit.c — mc_text_layout_fit() shapes a text once and finds the
 * same size as laying it out at every candidate size did */
#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "mc-text.h"
#include "mc-test-util.h"

static const McTextStyle note_style = { "Liberation Sans", 40, PANGO_WEIGHT_NORMAL,
                                        PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, 0 };

static gboolean
oracle_fits (PangoLayout *layout,
             double       width,
             double       height)
{
  double w, h;

  mc_text_layout_get_size (layout, &w, &h);
  return h <= height + 0.01 && w <= width + 0.01 &&
         !mc_text_layout_breaks_inside_word (layout);
}

static PangoLayout *
oracle_layout (const char *text,
               double      size,
               double      width)
{
  McTextStyle style = note_style;

  style.size = size;
  return mc_text_layout_new (text, &style, width);
}

/* The search as it was: every candidate size laid out. Returns the size
 * found, or 0 when the text does not fit even at min_size. */
static double
oracle_size (const char *text,
             double      width,
             double      height,
             double      min_size)
{
  g_autoptr(PangoLayout) full = oracle_layout (text, note_style.size, width);
  g_autoptr(PangoLayout) floor_layout = NULL;
  double lo = min_size;
  double hi = note_style.size;

  if (oracle_fits (full, width, height))
    return note_style.size;
  floor_layout = oracle_layout (text, min_size, width);
  if (!oracle_fits (floor_layout, width, height))
    return 0;
  for (guint i = 0; i < 7 && hi - lo > 0.01 * note_style.size; i++)
    {
      double mid = (lo + hi) / 2;
      g_autoptr(PangoLayout) candidate = oracle_layout (text, mid, width);

      if (oracle_fits (candidate, width, height))
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static const char *texts[] = {
  "Kort",
  "Een langere zin die bij veertig pixels niet in het vak past",
  "Bewoners onderzoeken de gezondheidskloof in hun eigen wijk, samen met de GGD",
  "Gezondheidskloof: zeven jaar verschil in levensverwachting tussen wijken",
  "Eerste regel\nTweede regel die wat langer is\n\nNa een lege regel",
  "Semesterritme en gezondheidsagenda lopen niet gelijk op",
  "https://example.org/een/heel/lang/pad/zonder/spaties/dat/toch/moet/breken",
  "a b c d e f g h i j k l m n o p q r s t u v w x y z",
  "Wie    zet   extra    spaties   tussen   de   woorden?   ",
  "Tijdspad 2024–2027: pilot, evaluatie, opschaling (80 % van de wijken)",
};

/* Every text, in boxes from roomy to hopeless: the same size as the old
 * search, and a layout that really fits whenever it says so. */
static void
test_fit_same_as_search (void)
{
  static const double widths[] = { 90, 140, 200, 260, 333.3, 420 };
  static const double heights[] = { 30, 48.5, 80, 120, 200 };
  guint checked = 0;

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (guint h = 0; h < G_N_ELEMENTS (heights); h++)
        {
          g_autoptr(PangoLayout) layout = NULL;
          double expected = oracle_size (texts[t], widths[w], heights[h], 12);
          double size;
          gboolean fits = FALSE;

          layout = mc_text_layout_fit (texts[t], &note_style, widths[w], heights[h], 12, &fits);
          size = (double) pango_font_description_get_size (pango_layout_get_font_description (layout))
                 / PANGO_SCALE;
          if (expected == 0)
            {
              /* The floor, cut with an ellipsis unless only a word broke. */
          g_assert_cmpfloat (size, ==, 12);
              g_assert_true (fits == !pango_layout_is_ellipsized (layout));
              continue;
            }
          g_assert_true (fits);
          g_assert_cmpfloat_with_epsilon (size, expected, 1.0 / PANGO_SCALE);
          g_assert_true (oracle_fits (layout, widths[w], heights[h]));
          checked++;
        }
  /* Most boxes hold their text at some size. */
  g_assert_cmpuint (checked, >, 150);
}

/* A text that must shrink is laid out once, not once per candidate size
 * (the old search made 9 layouts for it), and its measure is reused for
 * another box and for its longest word. */
static void
test_fit_shapes_once (void)
{
  const char *text = "Een notitie die in dit vak moet krimpen om te passen, twee keer";
  g_autoptr(PangoLayout) first = NULL;
  g_autoptr(PangoLayout) second = NULL;
  gboolean fits = FALSE;
  guint before = mc_text_get_n_layouts ();
  double size;

  first = mc_text_layout_fit (text, &note_style, 300, 120, 12, &fits);
  g_assert_true (fits);
  size = (double) pango_font_description_get_size (pango_layout_get_font_description (first))
         / PANGO_SCALE;
  g_assert_cmpfloat (size, <, 40);
  /* The measure (one line per paragraph) and the layout at the size found. */
  g_assert_cmpuint (mc_text_get_n_layouts () - before, <=, 2);

  before = mc_text_get_n_layouts ();
  second = mc_text_layout_fit (text, &note_style, 260, 140, 12, &fits);
  g_assert_true (fits);
  g_assert_cmpfloat (mc_text_longest_word_width (text, &note_style), >, 0);
  g_assert_cmpuint (mc_text_get_n_layouts () - before, <=, 1);
}

/* Set at its region's smaller size after being fitted at its own, a
 * note's text reuses the measure made at its own size (issue 17): one new
 * layout (the one at the size found), no second measure, and the answer
 * of laying it out for real. */
static void
test_fit_other_size_reuses_measure (void)
{
  const char *text = "Bewoners en studenten onderzoeken samen de gezondheidskloof in hun wijk";
  McTextStyle smaller = note_style;
  g_autoptr(PangoLayout) own = NULL;
  g_autoptr(PangoLayout) shared = NULL;
  g_autoptr(PangoLayout) oracle = NULL;
  gboolean fits = FALSE;
  guint before;

  own = mc_text_layout_fit (text, &note_style, 310, 170, 12, &fits);
  g_assert_true (fits);

  smaller.size = 23.5;
  before = mc_text_get_n_layouts ();
  shared = mc_text_layout_fit (text, &smaller, 310, 170, 23.5, &fits);
  g_assert_cmpuint (mc_text_get_n_layouts () - before, ==, 1);
  g_assert_true (fits);
  g_assert_cmpint (pango_font_description_get_size (pango_layout_get_font_description (shared)),
                   ==, (int) (23.5 * PANGO_SCALE));
  oracle = oracle_layout (text, 23.5, 310);
  g_assert_true (oracle_fits (oracle, 310, 170));
  g_assert_true (oracle_fits (shared, 310, 170));
}

/* The longest word, measured from the shared measure, is the width of
 * that word laid out alone. */
static void
test_longest_word (void)
{
  g_autoptr(PangoLayout) alone = oracle_layout ("gezondheidskloof", note_style.size, -1);
  double w;

  mc_text_layout_get_size (alone, &w, NULL);
  g_assert_cmpfloat_with_epsilon (mc_text_longest_word_width ("de gezondheidskloof  in wijken",
                                                              &note_style),
                                  w, 0.01);
  g_assert_cmpfloat (mc_text_longest_word_width ("", &note_style), ==, 0);
  g_assert_cmpfloat (mc_text_longest_word_width ("   ", &note_style), ==, 0);
}

/* A note drawn at its region's smaller size is compared at its own
 * size, not laid out there (issue 17): mc_text_fit_size() finds the size
 * mc_text_layout_fit() lays the text out at, for every text and box, and
 * shapes nothing beyond the measure (-1 where only a layout can tell). */
static void
test_fit_size_without_layout (void)
{
  static const double widths[] = { 90, 140, 200, 260, 333.3, 420 };
  static const double heights[] = { 30, 48.5, 80, 120, 200 };
  guint without_layout = 0;

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (guint h = 0; h < G_N_ELEMENTS (heights); h++)
        {
          g_autoptr(PangoLayout) layout = NULL;
          guint before;
          double size;

          /* The measure, made once per text. */
          mc_text_longest_word_width (texts[t], &note_style);
          before = mc_text_get_n_layouts ();
          size = mc_text_fit_size (texts[t], &note_style, widths[w], heights[h], 12);
          g_assert_cmpuint (mc_text_get_n_layouts (), ==, before);
          layout = mc_text_layout_fit (texts[t], &note_style, widths[w], heights[h], 12, NULL);
          if (size < 0)
            continue;
          without_layout++;
          g_assert_cmpfloat (size, ==,
                             (double) pango_font_description_get_size (pango_layout_get_font_description (layout))
                             / PANGO_SCALE);
        }
  /* Only texts too close to call, cut at the floor or with runs of
   * spaces need a layout. */
  g_assert_cmpuint (without_layout, >, 150);
}

/* Many texts fitted at once, on several threads, come out as fitted one
 * by one; the layouts the threads made stay usable (drawn here). */
static void
test_fit_many_same_as_one_by_one (void)
{
  static const char *words[] = { "samenwerking", "grenzen", "de", "leeragenda", "maatschappelijke",
                                 "opgave", "wij", "ontwerpen", "Utrecht", "kennis", "en", "waarde" };
  const guint n = 400;
  g_autofree McTextFitJob *jobs = g_new0 (McTextFitJob, n);
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 200);
  cairo_t *cr = cairo_create (surface);
  guint made_elsewhere = 0;

  for (guint i = 0; i < n; i++)
    {
      GString *text = g_string_new (NULL);

      for (guint w = 0; w < 3 + i % 17; w++)
        g_string_append_printf (text, "%s%s", w > 0 ? " " : "", words[(i * 7 + w * 5) % G_N_ELEMENTS (words)]);
      g_string_append_printf (text, " %u", i);
      g_ptr_array_add (made, g_string_free (text, FALSE));
      jobs[i] = (McTextFitJob) { made->pdata[i], note_style, 150 + (i % 9) * 20,
                                 60 + (i % 5) * 30, 12, NULL, FALSE };
    }

  g_setenv ("MC_THREADS", "4", TRUE);
  mc_text_layout_fit_many (jobs, n);
  g_unsetenv ("MC_THREADS");

  for (guint i = 0; i < n; i++)
    {
      gboolean fits;
      g_autoptr(PangoLayout) alone = mc_text_layout_fit (jobs[i].text, &jobs[i].style, jobs[i].width,
                                                          jobs[i].height, jobs[i].min_size, &fits);
      double w1, h1, w2, h2;

      g_assert_nonnull (jobs[i].layout);
      g_assert_cmpint (jobs[i].fits, ==, fits);
      g_assert_cmpint (pango_font_description_get_size (pango_layout_get_font_description (jobs[i].layout)), ==,
                       pango_font_description_get_size (pango_layout_get_font_description (alone)));
      g_assert_cmpint (pango_layout_get_line_count (jobs[i].layout), ==, pango_layout_get_line_count (alone));
      mc_text_layout_get_size (jobs[i].layout, &w1, &h1);
      mc_text_layout_get_size (alone, &w2, &h2);
      g_assert_cmpfloat_with_epsilon (w1, w2, 1e-9);
      g_assert_cmpfloat_with_epsilon (h1, h2, 1e-9);
      if (pango_layout_get_context (jobs[i].layout) != mc_text_get_context ())
        made_elsewhere++;
      pango_cairo_show_layout (cr, jobs[i].layout);
      g_object_unref (jobs[i].layout);
    }
  /* Other threads did part of the work. */
  g_assert_cmpuint (made_elsewhere, >, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/text-fit/same-as-search", test_fit_same_as_search);
  g_test_add_func ("/mc/text-fit/shapes-once", test_fit_shapes_once);
  g_test_add_func ("/mc/text-fit/longest-word", test_longest_word);
  g_test_add_func ("/mc/text-fit/other-size-reuses-measure", test_fit_other_size_reuses_measure);
  g_test_add_func ("/mc/text-fit/size-without-layout", test_fit_size_without_layout);
  g_test_add_func ("/mc/text-fit/many-same-as-one-by-one", test_fit_many_same_as_one_by_one);
  return g_test_run ();
}
