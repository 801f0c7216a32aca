/* mc-layout.h — board + catalog + view options → scene
 *
 * McLayout keeps caches (note text layouts keyed by text, size and style)
 * so that rebuilding the scene after an edit does not relayout unchanged
 * notes.
 */
#pragma once

#include "mc-types.h"
#include "mc-board.h"
#include "mc-catalog.h"
#include "mc-scene.h"
#include "mc-view-options.h"

G_BEGIN_DECLS

#define MC_LAYOUT_ERROR (mc_layout_error_quark ())
GQuark mc_layout_error_quark (void);

typedef enum
{
  MC_LAYOUT_ERROR_DOES_NOT_FIT,  /* strict view: content cannot fit at the font floor */
} McLayoutError;

/* The tallest figure a layout for the frame may make (a journal page's
 * type area). */
#define MC_LAYOUT_MAX_HEIGHT_MM 240.0

#define MC_TYPE_LAYOUT (mc_layout_get_type ())
G_DECLARE_FINAL_TYPE (McLayout, mc_layout, MC, LAYOUT, GObject)

McLayout   *mc_layout_new              (McCatalog           *catalog);
/* The board's scene: paper, then each placed figure (group "<id>", its
 * regions "<id>/<region>"), the questions list ("<id>:questions") and the
 * caption ("<id>:caption", or "board:caption" for several figures), then
 * the notes ("note:<uuid>") in board order. Anchored notes without a
 * position are packed into their region's note area, never overlapping. */
McScene    *mc_layout_build            (McLayout            *self,
                                        McBoard             *board,
                                        const McViewOptions *options);
/* A figure kind alone, width wide at (0,0): thumbnails, tests. */
McScene    *mc_layout_build_kind       (McLayout            *self,
                                        const char          *kind,
                                        double               width,
                                        const McViewOptions *options);

/* The rectangle of a placed figure on the board, in board units. */
gboolean    mc_layout_get_figure_rect  (McBoard             *board,
                                        const char          *figure_id,
                                        McRect              *rect);
/* Board coordinates of a note (resolving figure-relative positions and
 * packed notes) as of the last mc_layout_build. */
gboolean    mc_layout_get_note_rect    (McLayout            *self,
                                        const char          *note_id,
                                        McRect              *rect);

/* A region's note area (board units) as of the last build; FALSE if none. */
gboolean    mc_layout_get_note_area    (McLayout            *self,
                                        const char          *figure_id,
                                        const char          *region_id,
                                        McRect              *area);

/* The reach column (one of mc_note_reaches) of the region's note canvas
 * at board x, or the nearest, as of the last build; NULL when the region
 * has no reach columns. Dropping a note there gives it that reach. */
const char *mc_layout_reach_at         (McLayout            *self,
                                        const char          *figure_id,
                                        const char          *region_id,
                                        double               x);

/* Strict views (McViewOptions.strict), as of the last mc_layout_build():
 * what could not fit at the font floor, one translated phrase each ("3
 * notes do not fit in “Mechanismen”; export wider, …"); empty when all of
 * it fit. Texts that did not fit their region are not misfits: they are set
 * in full in the legend below the figure. Owned by the layout. */
GPtrArray  *mc_layout_get_misfits      (McLayout            *self);
/* FALSE with one line in MC_LAYOUT_ERROR_DOES_NOT_FIT naming the figure,
 * what did not fit and the cure, when the last build had misfits. Exports
 * call it after building and write no file when it fails. */
gboolean    mc_layout_check_fit        (McLayout            *self,
                                        const char          *figure_id,
                                        GError             **error);
/* The same for any list of misfit phrases (figure_id NULL: the board). */
gboolean    mc_layout_misfits_to_error (GPtrArray           *misfits,
                                        const char          *figure_id,
                                        GError             **error);
/* The misfit phrase of a note whose text cannot show at size (points):
 * its first words and the cure. */
char       *mc_layout_note_misfit      (const char          *text,
                                        double               size);
/* The misfit phrase of a figure laid out for its frame that came out
 * height_mm tall, more than a page's page_mm (MC_LAYOUT_MAX_HEIGHT_MM, or
 * a printer's paper): the cures left with the questions shown as they
 * are. */
char       *mc_layout_too_tall_misfit  (double               height_mm,
                                        double               page_mm,
                                        McQuestionsMode      questions);

G_END_DECLS
