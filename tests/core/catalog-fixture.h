/* catalog-fixture.h — what the catalog tests (tests/core/test-catalog-*.c)
 * share: DESIGN.md's stable ids and the checks every model text passes */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* DESIGN.md's table of stable ids, in the catalog's order. */
typedef struct
{
  const char *kind;
  const char *regions[6];
} KindIds;

static const KindIds design_ids[] = {
  { "cimo", { "context", "intervention", "mechanisms", "outcomes" } },
  { "context", { "issue", "factors" } },
  { "perspectives", { "content", "social", "spatial", "instrumental", "temporal" } },
  { "scale-levels", { "nano", "micro", "meso", "macro", "mega" } },
  { "boundary-crossing", { "identification", "coordination", "perspective", "transformation" } },
  { "doorwerking", { "system", "person", "product", "knowledge" } },
  { "value-creation", { "value", "learning-short", "learning-long" } },
  { "coherence", { "fit", "provoke", "reach", "contribute" } },
  { "potential-value", { "core", "near", "far" } },
};

/* text is a model text: valid UTF-8, not empty, and free of what the PDF
 * extraction left (hyphenated breaks, double spaces, spaces at the ends). */
void assert_text (const char *text);

G_END_DECLS
