/* mc-outline-panel.h — the side panel's outline of a board: figures, their
 * regions with the regions' questions, and the notes under each; a search
 * field filters it and highlights the matching notes on the canvas.
 * Activating a row selects that figure, region or note on the canvas and
 * brings it into view. */
#pragma once

#include <adwaita.h>
#include "mc-canvas.h"

G_BEGIN_DECLS

typedef enum
{
  MC_OUTLINE_ROW_FIGURE,
  MC_OUTLINE_ROW_REGION,
  MC_OUTLINE_ROW_NOTE,
} McOutlineRowKind;

#define MC_TYPE_OUTLINE_PANEL (mc_outline_panel_get_type ())
G_DECLARE_FINAL_TYPE (McOutlinePanel, mc_outline_panel, MC, OUTLINE_PANEL, GtkWidget)

GtkWidget  *mc_outline_panel_new            (void);
/* The canvas whose board the outline shows and whose selection it drives
 * (followed through notify::board); NULL detaches. */
void        mc_outline_panel_set_canvas     (McOutlinePanel   *self,
                                             McCanvas         *canvas);
/* Sets the search field's text (NULL clears); the outline and the canvas
 * highlights follow. */
void        mc_outline_panel_set_search     (McOutlinePanel   *self,
                                             const char       *text);
/* Moves the keyboard focus into the search field. */
void        mc_outline_panel_focus_search   (McOutlinePanel   *self);
/* How many rows of a kind the outline shows now (after filtering). */
guint       mc_outline_panel_count          (McOutlinePanel   *self,
                                             McOutlineRowKind  kind);
/* As a click on the note's row: selects the note and reveals it. FALSE if
 * the outline shows no such note. */
gboolean    mc_outline_panel_activate_note  (McOutlinePanel   *self,
                                             const char       *note_id);
/* The selected row's figure id, "<figure>/<region>" or note id, or NULL.
 * The row of the canvas's keyboard note is selected as it changes. */
char       *mc_outline_panel_dup_selected   (McOutlinePanel   *self);

G_END_DECLS
