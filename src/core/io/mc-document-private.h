/* mc-document-private.h — test hooks of McDocument; the product never
 * calls them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* While held, document saves wait in their worker thread before writing,
 * as on a slow or synced folder, so a test can see the window stay
 * responsive; releasing lets them go on. */
void   _mc_document_hold_writes_for_test   (gboolean hold);
/* How many saves wait at the hold now. */
guint  _mc_document_get_held_writes_for_test (void);

G_END_DECLS
