#pragma once

#include <gtk/gtk.h>
#include "mc-board.h"

G_BEGIN_DECLS

/* Asks for the other copy, merges it into board (one undo step) and shows
 * what the merge did. */
void mc_merge_dialog_present    (GtkWindow *parent,
                                 McBoard   *board);
/* The same without the file chooser (tests, drag and drop). */
void mc_merge_dialog_merge_file (GtkWindow *parent,
                                 McBoard   *board,
                                 GFile     *file);

G_END_DECLS
