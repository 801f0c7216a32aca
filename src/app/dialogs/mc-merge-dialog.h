#pragma once

#include <gtk/gtk.h>
#include "mc-board.h"

G_BEGIN_DECLS

/* Asks for the other copy, merges it into board (one undo step) and shows
 * what the merge did. */
void mc_merge_dialog_present    (GtkWindow *parent,
                                 McBoard   *board);
/* The same without the file chooser (tests, drag and drop). The file is
 * read in a worker thread; done (may be NULL) is called with done_data on
 * the main thread once the merge is over and its message is shown. */
void mc_merge_dialog_merge_file (GtkWindow      *parent,
                                 McBoard        *board,
                                 GFile          *file,
                                 GDestroyNotify  done,
                                 gpointer        done_data);

G_END_DECLS
