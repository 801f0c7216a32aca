/* mc-test-room.h — what the room's core tests share: a board with a room
 * serving on 127.0.0.1 (its prompt the route's first region), raw HTTP
 * from a thread (for requests libsoup would not send) and libsoup
 * WebSocket clients that play participants */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "mc-board.h"
#include "mc-room.h"
#include "mc-route.h"

G_BEGIN_DECLS

#define LAN_ADDRESS "192.0.2.7"   /* TEST-NET-1: never reached, only named in Host */

typedef struct
{
  McBoard    *board;
  McRoute    *route;
  McRoom     *room;
  SoupSession *session;
  char       *figure;   /* the prompt's figure and region */
  char       *region;
} Fixture;

typedef struct
{
  SoupWebsocketConnection *ws;
  GPtrArray               *received;   /* of JsonObject */
  gboolean                 done;       /* connect finished */
  gboolean                 closed;
  guint                    status;     /* handshake HTTP status */
} Client;

/* What a client waits for among the frames received from index from on. */
typedef struct
{
  Client     *client;
  guint       from;
  const char *type;
  const char *id;
  JsonObject *found;
} Wait;

void        fixture_set_up      (Fixture       *f,
                                 gconstpointer  data);
void        fixture_tear_down   (Fixture       *f,
                                 gconstpointer  data);
/* g_test_add() with the fixture above. */
void        mc_test_room_add    (const char    *path,
                                 void (*func) (Fixture *, gconstpointer));

/* http://127.0.0.1:PORT */
char       *base_url            (Fixture       *f);
/* One raw request as given; the response's status code, the whole
 * response in out_response. */
guint       raw_request         (Fixture       *f,
                                 const char    *request,
                                 char         **out_response);
guint       get                 (Fixture       *f,
                                 const char    *host,
                                 const char    *path,
                                 char         **out_response);
/* ADDRESS:PORT, the room's own Host for address. */
char       *own_host            (Fixture       *f,
                                 const char    *address);

/* Conditions for mc_test_wait_until() on a Client. */
gboolean    client_done         (gpointer       data);
gboolean    client_closed       (gpointer       data);
/* Connects to /ws with the token (NULL: none) and Origin (NULL: the right
 * one); client->ws is NULL when the handshake was refused. */
Client     *client_connect_full (Fixture       *f,
                                 const char    *token,
                                 const char    *origin);
void        client_free         (Client        *client);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Client, client_free)
void        client_send         (Client        *client,
                                 const char    *format,
                                 ...) G_GNUC_PRINTF (2, 3);
/* Sends one frame and waits for its ack or error (about id, NULL for none);
 * returns "ack" or the error's code. */
const char *request             (Client        *client,
                                 const char    *id,
                                 const char    *frame);
/* Condition: a Wait whose client received a state. */
gboolean    state_arrived       (gpointer       data);
/* A connected participant with session number n (said hello). */
Client     *participant         (Fixture       *f,
                                 guint          n,
                                 const char    *name);
/* A note (blue) as request() sends it. */
const char *send_note           (Client        *client,
                                 const char    *id,
                                 const char    *text);

G_END_DECLS
