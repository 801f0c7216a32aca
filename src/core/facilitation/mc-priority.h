/* mc-priority.h — priority on the potential-value target (Figuur 1)
 *
 * On the target the added value was placed "bij de kern of meer op
 * afstand": a note's distance from the core is its priority. The zone
 * (core 1, near 2, far 3) comes from the note's region; the distance is
 * measured from the centre of the core (the middle of the target's base)
 * to the note's centre, in units of the near ring's radius, so the core
 * ends at about 0.53 and the near ring at 1.
 */
#pragma once

#include "mc-board.h"
#include "mc-layout.h"

G_BEGIN_DECLS

#define MC_PRIORITY_KIND "potential-value"

/* TRUE for a note in a potential-value figure: its zone (1–3; 0 for a
 * region that is not a zone) and distance. layout must have built the
 * board (its note rectangles are used); without a rectangle the note's
 * stored position is used, and a note with neither counts as the far edge
 * of its zone. */
gboolean   mc_priority_get_note_rank    (McLayout   *layout,
                                         McBoard    *board,
                                         const char *note_id,
                                         guint      *zone,
                                         double     *distance);
/* The notes of one potential-value figure, most important first: by zone,
 * then by distance, then by votes. Borrowed notes; never NULL. */
GPtrArray *mc_priority_list_notes      (McLayout   *layout,
                                        McBoard    *board,
                                        const char *figure_id);

G_END_DECLS
