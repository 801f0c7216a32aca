/* room-panel-fixture.h — what the room panel's tests share
 * (tests/app/test-room-panel.c, test-room-hotspot.c): a room panel in a
 * 420 × 640 window on a board's room at 127.0.0.1, finding its widgets,
 * a phone joining over loopback, and children and a bus of the test's own */
#pragma once

#include <gtk/gtk.h>
#include <libsoup/soup.h>

#include "mc-room-panel.h"
#include "mc-test-app.h"

G_BEGIN_DECLS

typedef struct
{
  McBoard   *board;
  McRoom    *room;
  GtkWindow *window;
  McRoomPanel *panel;
} Fixture;

void        fixture_set_up     (Fixture       *f,
                                gconstpointer  data);
void        fixture_tear_down  (Fixture       *f,
                                gconstpointer  data);

/* The first widget of type under widget, depth first. */
GtkWidget  *find_child         (GtkWidget     *widget,
                                GType          type);
/* The button or switch whose label (or the label beside it) has text. */
GtkWidget  *find_labelled      (GtkWidget     *widget,
                                const char    *text);
/* Whether a visible label under widget shows text (the test library's). */
#define shows_text mc_test_shows_text

/* Conditions for mc_test_wait_until(). */
typedef struct
{
  GtkWidget  *widget;
  const char *text;
} ShowsText;
gboolean    shows_status       (gpointer       data);   /* a ShowsText */
gboolean    sensitive          (gpointer       widget);
gboolean    one_queued         (gpointer       room);
gboolean    one_connected      (gpointer       room);
/* Whether target's top is inside the scrolled window's visible part. */
typedef struct
{
  GtkWidget *scrolled;
  GtkWidget *target;
} InView;
gboolean    in_view            (gpointer       data);   /* an InView */

/* A phone's WebSocket into the room over loopback, its hello said. */
SoupWebsocketConnection *phone_join (Fixture     *f,
                                     SoupSession *session);

/* A child that ends with the test, even when it crashes. */
GSubprocess *spawn_child       (GSubprocessFlags    flags,
                                const char * const *argv);
/* A private bus, made the system bus of this test: the hotspot tests must
 * never reach a real NetworkManager. */
GSubprocess *start_private_bus (void);

G_END_DECLS
