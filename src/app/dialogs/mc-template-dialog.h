/* mc-template-dialog.h — choose a template (New board) or a figure kind
 * (Add figure) from cards with thumbnails
 *
 * The thumbnails are drawn by the same layout and cairo code as the board,
 * rendered lazily (one per main-loop idle) and cached per language, theme
 * and size for the life of the process.
 *
 * Activating a card closes the dialog and runs an action on the window it
 * belongs to: "win.new" with the template id (new mode) or
 * "win.insert-figure" with the kind (add mode).
 */
#pragma once

#include <adwaita.h>
#include "mc-types.h"

G_BEGIN_DECLS

typedef enum
{
  MC_TEMPLATE_DIALOG_NEW, /* "model" and the nine kinds; makes a new board */
  MC_TEMPLATE_DIALOG_ADD, /* the nine kinds; adds one to the open board */
} McTemplateDialogMode;

#define MC_TYPE_TEMPLATE_DIALOG_MODE (mc_template_dialog_mode_get_type ())
GType mc_template_dialog_mode_get_type (void) G_GNUC_CONST;

#define MC_TYPE_TEMPLATE_DIALOG (mc_template_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McTemplateDialog, mc_template_dialog, MC, TEMPLATE_DIALOG, AdwWindow)

/* language: the model language the cards show (the one a new board gets). */
McTemplateDialog *mc_template_dialog_new           (GtkWindow            *parent,
                                                    McTemplateDialogMode  mode,
                                                    McLanguage            language);
McTemplateDialogMode mc_template_dialog_get_mode   (McTemplateDialog     *self);

/* Template ids in card order ("model" first in new mode). NULL-terminated,
 * borrowed. */
const char * const *mc_template_dialog_get_template_ids (McTemplateDialog *self);
/* The card (a GtkButton) of a template id, or NULL. */
GtkWidget        *mc_template_dialog_get_card      (McTemplateDialog     *self,
                                                    const char           *template_id);
/* The card's thumbnail, or NULL while it is still being drawn. */
GdkTexture       *mc_template_dialog_get_thumbnail (McTemplateDialog     *self,
                                                    const char           *template_id);
/* TRUE once every card has its thumbnail. */
gboolean          mc_template_dialog_get_ready     (McTemplateDialog     *self);
/* Drops the thumbnails kept in this process (not those on disk): the next
 * dialog reads them back as a new run would. For tests. */
void              mc_template_dialog_forget_thumbnails (void);
/* What clicking the card does: closes the dialog and runs the action. */
void              mc_template_dialog_choose        (McTemplateDialog     *self,
                                                    const char           *template_id);

G_END_DECLS
