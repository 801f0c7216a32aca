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
 *   "source":  "Akkerman & Bakker (2011, 2012)",
 *   "strings": {"centre": {"nl": "…", "en": "…"}, …},   (other labels the drawing needs)
 *   "regions": [
 *     {"id": "identification", "role": "mechanisms",
 *      "label": {"nl": "Identificatie", "en": "Identification"},
 *      "definition": {"nl": "…", "en": "…"},
 *      "questions": {"nl": ["…", …], "en": ["…", …]}}
 *   ]
 * }
 */
#pragma once

#include "mc-types.h"

G_BEGIN_DECLS

typedef struct _McFigureInfo McFigureInfo;
typedef struct _McRegionInfo McRegionInfo;

#define MC_TYPE_CATALOG (mc_catalog_get_type ())
G_DECLARE_FINAL_TYPE (McCatalog, mc_catalog, MC, CATALOG, GObject)

/* The catalog compiled into the program; loaded once, never freed. */
McCatalog          *mc_catalog_get_default      (void);
/* For tests: every *.json in a resource path or a directory. */
McCatalog          *mc_catalog_new_from_resource (const char *resource_dir,
                                                  GError    **error);

/* Kinds in the order of the seed's figures. NULL-terminated, borrowed. */
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
                                                 McLanguage          lang);
const char         *mc_figure_info_get_source   (const McFigureInfo *info);
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
