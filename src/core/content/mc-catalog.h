/* mc-catalog.h — the model's content: figure kinds, regions, questions
 *
 * Loaded from data/model/<kind>.json (compiled into the core GResource under
 * /io/github/missiecanvas/Missiecanvas/model/). Dutch is verbatim from the
 * seeds; English is this project's translation.
 *
 * JSON shape of one file:
 * {
 *   "id": "boundary-crossing",
 *   "number": 6,                              (Figuur number in the seed)
 *   "title":   {"nl": "…", "en": "…"},
 *   "caption": {"nl": "…", "en": "…"},         (figure caption / reasoning sentence)
 *   "source":  "Akkerman & Bakker (2011, 2012)",          (optional)
 *   "strings": {"centre": {"nl": "…", "en": "…"}, …},   (other labels the drawing needs;
 *              a plain string is language-neutral, e.g. "fit_from": "intervention")
 *   "regions": [
 *     {"id": "identification", "role": "mechanisms",
 *      "label": {"nl": "Identificatie", "en": "Identification"},
 *      "definition": {"nl": "…", "en": "…"},     (optional)
 *      "questions": {"nl": ["…", …], "en": ["…", …]}}
 *   ]
 * }
 *
 * "strings" keys per kind (all in nl and en unless marked neutral):
 *   cimo               caption (the reasoning sentence), name, context_short,
 *                      intervention_short, mechanisms_short, outcomes_short,
 *                      context_alt ("Vraagstuk-in-context"), context_model,
 *                      intervention_model, mechanisms_model, outcomes_model
 *                      (the generic model filling in each part), reciprocal
 *   context            centre, context_part
 *   perspectives       centre ("Interventie: ontwerp gericht op hybridisering"),
 *                      centre_part, centre_design (the two halves), perspectives
 *   scale-levels       levels ("(nano), micro, meso, macro, (mega)"), focus,
 *                      nested, examples, local, regional, national, embedded
 *   boundary-crossing  centre, learning_potential, definition
 *   doorwerking        centre, individual, collective, society (reach bands)
 *   value-creation     centre, heading, learning_agenda, short_term, long_term, horizon,
 *                      scale_levels (the name before the levels under the whole model)
 *   coherence          centre, social_dynamics, context, intervention, mechanisms,
 *                      outcomes (part names); <region>_from / <region>_to
 *                      (neutral: the cimo region ids each question links)
 *   potential-value    centre, heading, placement, value_1 … value_5 (the five
 *                      values found in the Mural session)
 */
#pragma once

#include "mc-types.h"

G_BEGIN_DECLS

typedef struct _McFigureInfo McFigureInfo;
typedef struct _McRegionInfo McRegionInfo;

/* Errors of mc_catalog_new_from_resource(). */
#define MC_CATALOG_ERROR (mc_catalog_error_quark ())
GQuark mc_catalog_error_quark (void);

typedef enum
{
  MC_CATALOG_ERROR_INVALID,   /* a file is not JSON or breaks the shape above */
  MC_CATALOG_ERROR_NOT_FOUND, /* no *.json at the given path */
} McCatalogError;

#define MC_TYPE_CATALOG (mc_catalog_get_type ())
G_DECLARE_FINAL_TYPE (McCatalog, mc_catalog, MC, CATALOG, GObject)

/* The catalog compiled into the program; loaded once, never freed. */
McCatalog          *mc_catalog_get_default      (void);
/* For tests: every *.json in a resource path or a directory. */
McCatalog          *mc_catalog_new_from_resource (const char *resource_dir,
                                                  GError    **error);

/* Kinds in DESIGN.md's order (cimo, context, perspectives, scale-levels,
 * boundary-crossing, doorwerking, value-creation, coherence, potential-value),
 * then any others alphabetically. NULL-terminated, borrowed. */
const char * const *mc_catalog_get_kinds        (McCatalog  *self);
const McFigureInfo *mc_catalog_get_figure       (McCatalog  *self,
                                                 const char *kind);
/* region lookup across a kind; NULL if unknown */
const McRegionInfo *mc_catalog_get_region       (McCatalog  *self,
                                                 const char *kind,
                                                 const char *region_id);

const char         *mc_figure_info_get_id       (const McFigureInfo *info);
int                 mc_figure_info_get_number   (const McFigureInfo *info);
const char         *mc_figure_info_get_title    (const McFigureInfo *info,
                                                 McLanguage          lang);
const char         *mc_figure_info_get_caption  (const McFigureInfo *info,
                                                 McLanguage          lang);  /* may be NULL */
const char         *mc_figure_info_get_source   (const McFigureInfo *info);  /* may be NULL */
/* An entry of "strings"; NULL if absent. */
const char         *mc_figure_info_get_string   (const McFigureInfo *info,
                                                 const char         *key,
                                                 McLanguage          lang);
guint               mc_figure_info_get_n_regions (const McFigureInfo *info);
const McRegionInfo *mc_figure_info_get_region   (const McFigureInfo *info,
                                                 guint               index);
const McRegionInfo *mc_figure_info_find_region  (const McFigureInfo *info,
                                                 const char         *region_id);

const char         *mc_region_info_get_id       (const McRegionInfo *info);
const char         *mc_region_info_get_role     (const McRegionInfo *info);  /* colour role */
const char         *mc_region_info_get_label    (const McRegionInfo *info,
                                                 McLanguage          lang);
const char         *mc_region_info_get_definition (const McRegionInfo *info,
                                                   McLanguage        lang);  /* may be NULL */
/* NULL-terminated, borrowed; empty for regions without questions. */
const char * const *mc_region_info_get_questions (const McRegionInfo *info,
                                                  McLanguage        lang);

G_END_DECLS
