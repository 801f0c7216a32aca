/* mc-presenter-view.h — the facilitator's view on the laptop
 *
 * While the projector shows the board (McPresentation), this window shows
 * the current and the next prompt, the timer with its controls, the stop
 * number, previous/next buttons and a note entry that adds notes to the
 * current region.
 */
#pragma once

#include <adwaita.h>
#include "mc-presentation.h"

G_BEGIN_DECLS

#define MC_TYPE_PRESENTER_VIEW (mc_presenter_view_get_type ())
G_DECLARE_FINAL_TYPE (McPresenterView, mc_presenter_view, MC, PRESENTER_VIEW, AdwWindow)

McPresenterView *mc_presenter_view_new              (McPresentation  *presentation);

/* What it shows, for tests. */
const char      *mc_presenter_view_get_current_title (McPresenterView *self);
const char      *mc_presenter_view_get_current_prompt (McPresenterView *self);
const char      *mc_presenter_view_get_next_title    (McPresenterView *self);
GtkEditable     *mc_presenter_view_get_note_entry    (McPresenterView *self);

G_END_DECLS
