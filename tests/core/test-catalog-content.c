/* test-catalog-content.c — the model's content: ids, languages, verbatim
 * definitions and questions, the strings the figures draw */
#include "config.h"

#include <string.h>

#include "mc-catalog.h"

#include "catalog-fixture.h"

/* The Dutch questions, copied from the seed (002_0312c0ae06be1979.txt)
 * region by region, in the seed's order, independently of data/model/.
 * Regions not listed here must have no questions. */
typedef struct
{
  const char *kind;
  const char *region;
  const char *questions[14];
} SeedQuestions;

#define Q_CONTEXT_ISSUE   "Welk vraagstuk speelt in deze specifieke context?"
#define Q_CONTEXT_FACTORS "Welke contextfactoren zijn van belang?"
#define Q_FIT        "Past het ontwerp gericht op hybridisering bij het vraagstuk in deze specifieke context?"
#define Q_PROVOKE    "Lokt het ontwerp de processen gericht op boundary crossing en een passende sociale dynamiek uit?"
#define Q_REACH      "Wordt de doorwerking bereikt via boundary crossing en een passende sociale dynamiek?"
#define Q_CONTRIBUTE "Draagt de doorwerking bij aan het oplossen van het vraagstuk in de specifieke context?"

static const SeedQuestions seed_questions[] = {
  /* § 2.3 asks the context questions; the CIMO band repeats the question
   * of the part each CIMO element stands for (§ 2.3 and § 2.8). */
  { "cimo", "context", { Q_CONTEXT_ISSUE, Q_CONTEXT_FACTORS } },
  { "cimo", "intervention", { Q_FIT } },
  { "cimo", "mechanisms", { Q_PROVOKE } },
  { "cimo", "outcomes", { Q_REACH, Q_CONTRIBUTE } },

  /* § 2.3 */
  { "context", "issue", { Q_CONTEXT_ISSUE } },
  { "context", "factors", { Q_CONTEXT_FACTORS } },

  /* § 2.4 */
  { "perspectives", "content", {
      "Welke opdracht?", "Welke taken?", "Welk inhoudelijk mandaat?",
      "Welk inhoudelijk startpunt?", "Welke inhoudelijke lijn?",
      "Welke inhoudelijke agenda's?", "Welke inhoudelijke kaders?" } },
  { "perspectives", "social", {
      "Welke organisaties en groeperingen?", "Welke actoren?", "Welke rollen?",
      "Welke experts?", "Welke samenwerkingsvormen?", "Welke governance?",
      "Welke interactievormen?" } },
  { "perspectives", "spatial", {
      "Welke locaties?", "Welke fysieke ruimtes?", "Welke digitale ruimtes?",
      "Bestaande?", "Nieuwe?", "Centrale locatie?", "Satelliet locaties?",
      "Gedistribueerde locaties?", "Wijk gebonden?", "Regionaal gebonden?",
      "Open toegankelijk?", "Besloten?", "Van één ‘eigenaar’ of gedeeld?" } },
  { "perspectives", "instrumental", {
      "Welke technische, fysieke tools, instrumenten?",
      "Welke apps, digitale en ICT-tools?",
      "Welke methodes, aanpak, instrumentaria?",
      "Welke herbruikbare bouwstenen?" } },
  { "perspectives", "temporal", {
      "Welke tijdshorizon?", "Welke sequentiële aspecten?", "Welke gelijktijdigheid?",
      "Welke cyclus?", "Fasering?", "Welke ritmes?", "Welke vaste momenten?",
      "Welke deadlines?" } },

  /* § 2.5 */
  { "boundary-crossing", "identification", {
      "Hoe kunnen processen worden gericht op het erkennen van de unieke meerwaarde van betrokkenen?" } },
  { "boundary-crossing", "coordination", {
      "Hoe kunnen processen worden gericht op optimaliseren van de onderlinge verbindingen?",
      "Hoe beter onderling communiceren, afstemmen en samenwerken?" } },
  { "boundary-crossing", "perspective", {
      "Hoe kunnen processen worden gericht op wederzijds begrip?",
      "Op inlevingsvermogen?", "Op wederkerigheid?" } },
  { "boundary-crossing", "transformation", {
      "Hoe kunnen grensoverstijgende, nieuwe tussenpraktijken in gang worden gezet?",
      "Hoe kunnen hybride praktijken ontstaan (hybridisering)?" } },

  /* § 2.7 */
  { "doorwerking", "system", {
      "Om welke veranderdoelen gaat het?",
      "Om welke duurzame veranderingen op alle systeemniveaus?" } },
  { "doorwerking", "person", {
      "Om welke persoonlijke ontwikkel- en professionaliseringsdoelen gaat het?" } },
  { "doorwerking", "product", {
      "Om welke maakdoelen gaat het?",
      "Prototypes, producten, (ICT-)tools, herbruikbare formats, instrumentontwikkeling?" } },
  { "doorwerking", "knowledge", {
      "Om welke kennisdoelen gaat het?", "Context specifieke kennis?",
      "Kennis om te recontextualiseren naar vergelijkbare contexten?" } },

  /* § 2.8, in the seed's order */
  { "coherence", "fit", { Q_FIT } },
  { "coherence", "provoke", { Q_PROVOKE } },
  { "coherence", "reach", { Q_REACH } },
  { "coherence", "contribute", { Q_CONTRIBUTE } },
};

static const char * const valid_roles[] = {
  "context", "intervention", "mechanisms", "outcomes",
  "value", "coherence", "scale", "neutral", NULL,
};

static const SeedQuestions *
find_seed_questions (const char *kind,
                     const char *region)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_questions); i++)
    if (g_str_equal (seed_questions[i].kind, kind) &&
        g_str_equal (seed_questions[i].region, region))
      return &seed_questions[i];
  return NULL;
}

static gpointer
default_in_thread (gpointer data)
{
  return mc_catalog_get_default ();
}

/* Runs first, so the threads race for the very first initialisation. */
static void
test_default_threads (void)
{
  GThread *threads[6];
  McCatalog *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("catalog", default_in_thread, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      McCatalog *catalog = g_thread_join (threads[i]);

      g_assert_true (MC_IS_CATALOG (catalog));
      if (first == NULL)
        first = catalog;
      g_assert_true (catalog == first);
    }

  g_assert_true (mc_catalog_get_default () == first);
}

static void
test_kinds (void)
{
  McCatalog *catalog = mc_catalog_get_default ();
  const char * const *kinds = mc_catalog_get_kinds (catalog);

  g_assert_nonnull (kinds);
  g_assert_cmpuint (g_strv_length ((char **) kinds), ==, G_N_ELEMENTS (design_ids));

  for (guint i = 0; i < G_N_ELEMENTS (design_ids); i++)
    {
      const McFigureInfo *info = mc_catalog_get_figure (catalog, design_ids[i].kind);

      g_assert_cmpstr (kinds[i], ==, design_ids[i].kind);
      g_assert_nonnull (info);
      g_assert_cmpstr (mc_figure_info_get_id (info), ==, design_ids[i].kind);
      g_assert_cmpint (mc_figure_info_get_number (info), >, 0);
      assert_text (mc_figure_info_get_title (info, MC_LANGUAGE_NL));
      assert_text (mc_figure_info_get_title (info, MC_LANGUAGE_EN));
      g_assert_cmpstr (mc_figure_info_get_title (info, MC_LANGUAGE_NL), !=,
                       mc_figure_info_get_title (info, MC_LANGUAGE_EN));
    }
}

static void
test_figure_numbers (void)
{
  McCatalog *catalog = mc_catalog_get_default ();
  /* Figuur numbers and captions of the seed. */
  static const struct { const char *kind; int number; const char *title; } expected[] = {
    { "potential-value", 1, "Mural Denk-werksessie Werkgroep vier Kenniscentra HU, 22 november 2021" },
    { "value-creation", 2, "Model Missiegedreven Omgevingen" },
    { "cimo", 3, "CIMO-logica als basis" },
    { "context", 4, "Context: vraagstuk en contextfactoren" },
    { "perspectives", 5, "Interventie: ontwerp gericht op hybridisering" },
    { "boundary-crossing", 6, "Teweegbrengen mechanismen: boundary crossing" },
    { "doorwerking", 7, "Outcomes: doorwerking naar individu, collectief en maatschappij" },
    { "scale-levels", 10, "Schaalniveaus van een Missiegedreven Omgeving" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const McFigureInfo *info = mc_catalog_get_figure (catalog, expected[i].kind);

      g_assert_cmpint (mc_figure_info_get_number (info), ==, expected[i].number);
      g_assert_cmpstr (mc_figure_info_get_title (info, MC_LANGUAGE_NL), ==, expected[i].title);
    }

  /* The seed ties no Figuur to samenhang; § 2.8's heading names it. */
  g_assert_cmpstr (mc_figure_info_get_title (mc_catalog_get_figure (catalog, "coherence"),
                                             MC_LANGUAGE_NL),
                   ==, "Samenhangende missiegedreven omgeving");

  g_assert_cmpstr (mc_figure_info_get_source (mc_catalog_get_figure (catalog, "boundary-crossing")),
                   ==, "Akkerman & Bakker (2011, 2012)");
  g_assert_cmpstr (mc_figure_info_get_source (mc_catalog_get_figure (catalog, "doorwerking")),
                   ==, "Andriessen (2019)");
  g_assert_nonnull (strstr (mc_figure_info_get_source (mc_catalog_get_figure (catalog, "cimo")),
                            "Denyer, Tranfield & Van Aken (2008)"));
  g_assert_nonnull (strstr (mc_figure_info_get_source (mc_catalog_get_figure (catalog, "perspectives")),
                            "Bouw, Zitter & De Bruijn (2021)"));
}

static const char *
expected_role (const char *kind,
               const char *region)
{
  if (g_str_equal (kind, "cimo"))
    return region;
  if (g_str_equal (kind, "context"))
    return "context";
  if (g_str_equal (kind, "perspectives"))
    return "intervention";
  if (g_str_equal (kind, "scale-levels"))
    return "scale";
  if (g_str_equal (kind, "boundary-crossing"))
    return "mechanisms";
  if (g_str_equal (kind, "doorwerking"))
    return "outcomes";
  if (g_str_equal (kind, "coherence"))
    return "coherence";
  return "value";   /* value-creation, potential-value */
}

static void
test_regions (void)
{
  McCatalog *catalog = mc_catalog_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (design_ids); i++)
    {
      const McFigureInfo *info = mc_catalog_get_figure (catalog, design_ids[i].kind);
      guint n = g_strv_length ((char **) design_ids[i].regions);

      g_assert_cmpuint (mc_figure_info_get_n_regions (info), ==, n);

      for (guint r = 0; r < n; r++)
        {
          const char *id = design_ids[i].regions[r];
          const McRegionInfo *region = mc_figure_info_get_region (info, r);

          g_test_message ("%s/%s", design_ids[i].kind, id);
          g_assert_cmpstr (mc_region_info_get_id (region), ==, id);
          g_assert_true (mc_figure_info_find_region (info, id) == region);
          g_assert_true (mc_catalog_get_region (catalog, design_ids[i].kind, id) == region);
          assert_text (mc_region_info_get_label (region, MC_LANGUAGE_NL));
          assert_text (mc_region_info_get_label (region, MC_LANGUAGE_EN));
          g_assert_true (g_strv_contains (valid_roles, mc_region_info_get_role (region)));
          g_assert_cmpstr (mc_region_info_get_role (region), ==,
                           expected_role (design_ids[i].kind, id));

          /* A definition is optional, but never in one language only. */
          g_assert_true ((mc_region_info_get_definition (region, MC_LANGUAGE_NL) == NULL) ==
                         (mc_region_info_get_definition (region, MC_LANGUAGE_EN) == NULL));
          if (mc_region_info_get_definition (region, MC_LANGUAGE_NL) != NULL)
            {
              assert_text (mc_region_info_get_definition (region, MC_LANGUAGE_NL));
              assert_text (mc_region_info_get_definition (region, MC_LANGUAGE_EN));
            }
        }
    }
}

static void
test_definitions_verbatim (void)
{
  McCatalog *catalog = mc_catalog_get_default ();
  /* The bold-term definitions of § 3.7 and § 3.8. */
  static const char * const expected[][3] = {
    { "boundary-crossing", "identification",
      "inzicht in hoe verschillende praktijken zich (complementair) van elkaar onderscheiden" },
    { "boundary-crossing", "coordination",
      "Inzet van nieuwe of alternatieve middelen en procedures om effectieve afstemming tussen praktijken mogelijk te maken" },
    { "boundary-crossing", "perspective",
      "Definiëring en uitwisseling van perspectieven uit verschillende praktijken" },
    { "boundary-crossing", "transformation",
      "Vorming van nieuwe, hybride (tussen)praktijken (boundary practices)" },
    { "doorwerking", "system",
      "de duurzame ontwikkeling en verandering van het systeem, op de verschillende schaalniveaus" },
    { "doorwerking", "person",
      "de ontwikkeling, het leren, het professionaliseren, het veranderende gedrag van individuele betrokkenen" },
    { "doorwerking", "product",
      "de ontwikkeling van (nieuwe) tools, instrumenten, technologie, herbruikbare ontwerpen, aanpakken en werkwijzen" },
    { "doorwerking", "knowledge",
      "de ontwikkeling van kennis voor de betrokken, lokale contexten en voor vergelijkbare, andere contexten (onderzoek)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const McRegionInfo *region = mc_catalog_get_region (catalog, expected[i][0], expected[i][1]);

      g_assert_cmpstr (mc_region_info_get_definition (region, MC_LANGUAGE_NL), ==, expected[i][2]);
    }
}

static void
test_questions_paired (void)
{
  McCatalog *catalog = mc_catalog_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (design_ids); i++)
    {
      const McFigureInfo *info = mc_catalog_get_figure (catalog, design_ids[i].kind);

      for (guint r = 0; r < mc_figure_info_get_n_regions (info); r++)
        {
          const McRegionInfo *region = mc_figure_info_get_region (info, r);
          const char * const *nl = mc_region_info_get_questions (region, MC_LANGUAGE_NL);
          const char * const *en = mc_region_info_get_questions (region, MC_LANGUAGE_EN);

          g_assert_nonnull (nl);
          g_assert_nonnull (en);
          g_assert_cmpuint (g_strv_length ((char **) nl), ==, g_strv_length ((char **) en));
          for (guint q = 0; en[q] != NULL; q++)
            {
              assert_text (en[q]);
              g_assert_true (g_str_has_suffix (en[q], "?"));
              g_assert_cmpstr (en[q], !=, nl[q]);
            }
        }
    }
}

static void
test_questions_verbatim (void)
{
  McCatalog *catalog = mc_catalog_get_default ();
  guint n_checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (design_ids); i++)
    {
      const McFigureInfo *info = mc_catalog_get_figure (catalog, design_ids[i].kind);

      for (guint r = 0; r < mc_figure_info_get_n_regions (info); r++)
        {
          const McRegionInfo *region = mc_figure_info_get_region (info, r);
          const SeedQuestions *seed = find_seed_questions (design_ids[i].kind,
                                                           mc_region_info_get_id (region));
          const char * const *nl = mc_region_info_get_questions (region, MC_LANGUAGE_NL);

          g_test_message ("%s/%s", design_ids[i].kind, mc_region_info_get_id (region));

          if (seed == NULL)
            {
              /* The seed asks nothing here: no invented Dutch questions. */
              g_assert_null (nl[0]);
              continue;
            }

          g_assert_cmpstrv (nl, seed->questions);
          n_checked++;
        }
    }

  /* Every seed entry matched a region of the catalog. */
  g_assert_cmpuint (n_checked, ==, G_N_ELEMENTS (seed_questions));
}

static void
assert_string (const McFigureInfo *info,
               const char         *key)
{
  g_test_message ("%s: %s", mc_figure_info_get_id (info), key);
  assert_text (mc_figure_info_get_string (info, key, MC_LANGUAGE_NL));
  assert_text (mc_figure_info_get_string (info, key, MC_LANGUAGE_EN));
}

static void
test_strings (void)
{
  McCatalog *catalog = mc_catalog_get_default ();
  const McFigureInfo *cimo = mc_catalog_get_figure (catalog, "cimo");
  const McFigureInfo *perspectives = mc_catalog_get_figure (catalog, "perspectives");
  const McFigureInfo *boundary = mc_catalog_get_figure (catalog, "boundary-crossing");
  const McFigureInfo *doorwerking = mc_catalog_get_figure (catalog, "doorwerking");
  const McFigureInfo *scale = mc_catalog_get_figure (catalog, "scale-levels");
  const McFigureInfo *value = mc_catalog_get_figure (catalog, "value-creation");
  const McFigureInfo *coherence = mc_catalog_get_figure (catalog, "coherence");
  const McFigureInfo *potential = mc_catalog_get_figure (catalog, "potential-value");
  static const char * const cimo_keys[] = {
    "caption", "context_short", "intervention_short", "mechanisms_short", "outcomes_short",
    "context_model", "intervention_model", "mechanisms_model", "outcomes_model",
  };
  static const char * const links[] = { "fit", "provoke", "reach", "contribute" };
  static const char * const link_ends[][2] = {
    { "intervention", "context" },
    { "intervention", "mechanisms" },
    { "mechanisms", "outcomes" },
    { "outcomes", "context" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cimo_keys); i++)
    assert_string (cimo, cimo_keys[i]);
  g_assert_cmpstr (mc_figure_info_get_string (cimo, "caption", MC_LANGUAGE_NL), ==,
                   "‘Voor dit vraagstuk-in-context is het nuttig om deze interventie toe te "
                   "passen, die door deze mechanismen de volgende uitkomsten (outcomes) zal "
                   "genereren’");
  g_assert_cmpstr (mc_figure_info_get_caption (cimo, MC_LANGUAGE_NL), ==,
                   mc_figure_info_get_string (cimo, "caption", MC_LANGUAGE_NL));

  assert_string (perspectives, "centre");
  assert_string (perspectives, "perspectives");
  g_assert_cmpstr (mc_figure_info_get_string (perspectives, "centre", MC_LANGUAGE_NL), ==,
                   "Interventie: ontwerp gericht op hybridisering");
  g_assert_cmpstr (mc_figure_info_get_string (perspectives, "perspectives", MC_LANGUAGE_NL), ==,
                   "ontwerpperspectieven");

  assert_string (boundary, "centre");
  g_assert_cmpstr (mc_figure_info_get_string (boundary, "centre", MC_LANGUAGE_NL), ==,
                   "boundary crossing");

  assert_string (doorwerking, "individual");
  assert_string (doorwerking, "collective");
  assert_string (doorwerking, "society");
  g_assert_cmpstr (mc_figure_info_get_string (doorwerking, "individual", MC_LANGUAGE_NL), ==, "individu");
  g_assert_cmpstr (mc_figure_info_get_string (doorwerking, "collective", MC_LANGUAGE_NL), ==, "collectief");
  g_assert_cmpstr (mc_figure_info_get_string (doorwerking, "society", MC_LANGUAGE_NL), ==, "maatschappij");

  assert_string (scale, "local");
  assert_string (scale, "regional");
  assert_string (scale, "national");

  assert_string (value, "centre");
  assert_string (value, "learning_agenda");
  assert_string (value, "short_term");
  assert_string (value, "long_term");
  g_assert_cmpstr (mc_figure_info_get_string (value, "centre", MC_LANGUAGE_NL), ==,
                   "Meervoudige waardecreatie");
  g_assert_cmpstr (mc_figure_info_get_string (value, "learning_agenda", MC_LANGUAGE_NL), ==,
                   "dynamische leeragenda");

  /* Which CIMO parts each samenhang question links: ids of cimo regions,
   * the same in both languages. */
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autofree char *from_key = g_strdup_printf ("%s_from", links[i]);
      g_autofree char *to_key = g_strdup_printf ("%s_to", links[i]);

      for (McLanguage lang = 0; lang < MC_N_LANGUAGES; lang++)
        {
          const char *from = mc_figure_info_get_string (coherence, from_key, lang);
          const char *to = mc_figure_info_get_string (coherence, to_key, lang);

          g_assert_cmpstr (from, ==, link_ends[i][0]);
          g_assert_cmpstr (to, ==, link_ends[i][1]);
          g_assert_nonnull (mc_catalog_get_region (catalog, "cimo", from));
          g_assert_nonnull (mc_catalog_get_region (catalog, "cimo", to));
        }
    }

  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *key = g_strdup_printf ("value_%u", i);

      assert_string (potential, key);
    }
  g_assert_cmpstr (mc_figure_info_get_string (potential, "value_3", MC_LANGUAGE_NL), ==,
                   "Leren in werkelijkheid");
  g_assert_null (mc_figure_info_get_string (potential, "value_6", MC_LANGUAGE_NL));
}

static void
test_lookup (void)
{
  McCatalog *catalog = mc_catalog_get_default ();
  const McFigureInfo *cimo = mc_catalog_get_figure (catalog, "cimo");

  g_assert_nonnull (mc_catalog_get_region (catalog, "cimo", "mechanisms"));
  g_assert_nonnull (mc_catalog_get_region (catalog, "potential-value", "far"));
  /* A region id of another kind is not a region of this one. */
  g_assert_null (mc_catalog_get_region (catalog, "cimo", "issue"));
  g_assert_null (mc_catalog_get_region (catalog, "context", "mechanisms"));
  g_assert_null (mc_catalog_get_region (catalog, "cimo", "Context"));
  g_assert_null (mc_catalog_get_region (catalog, "cimo", ""));
  g_assert_null (mc_catalog_get_region (catalog, "cimo", NULL));
  g_assert_null (mc_catalog_get_region (catalog, "no-such-kind", "context"));
  g_assert_null (mc_catalog_get_region (catalog, NULL, "context"));
  g_assert_null (mc_catalog_get_figure (catalog, "model"));
  g_assert_null (mc_catalog_get_figure (catalog, ""));
  g_assert_null (mc_catalog_get_figure (catalog, NULL));
  g_assert_null (mc_figure_info_find_region (cimo, "nope"));
  g_assert_null (mc_figure_info_get_string (cimo, "no-such-key", MC_LANGUAGE_EN));
  g_assert_null (mc_figure_info_get_string (cimo, NULL, MC_LANGUAGE_EN));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/catalog/default-threads", test_default_threads);
  g_test_add_func ("/mc/catalog/kinds", test_kinds);
  g_test_add_func ("/mc/catalog/figure-numbers", test_figure_numbers);
  g_test_add_func ("/mc/catalog/regions", test_regions);
  g_test_add_func ("/mc/catalog/definitions-verbatim", test_definitions_verbatim);
  g_test_add_func ("/mc/catalog/questions-paired", test_questions_paired);
  g_test_add_func ("/mc/catalog/questions-verbatim", test_questions_verbatim);
  g_test_add_func ("/mc/catalog/strings", test_strings);
  g_test_add_func ("/mc/catalog/lookup", test_lookup);

  return g_test_run ();
}
