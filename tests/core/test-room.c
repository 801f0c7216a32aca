/* test-room.c — the room server: a real SoupServer on 127.0.0.1 and real
 * clients (libsoup's WebSocket client, and raw HTTP from a thread where a
 * test needs a request libsoup would not send) */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "mc-board.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-history.h"
#include "mc-room.h"
#include "mc-route.h"
#include "mc-templates.h"
#include "mc-test-util.h"

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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *lan[] = { LAN_ADDRESS, NULL };

  mc_core_ensure_resources ();
  f->board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);
  g_assert_no_error (error);
  f->route = mc_route_new (f->board, mc_catalog_get_default ());
  for (guint i = 0; i < mc_route_get_n_stops (f->route); i++)
    if (mc_route_get_stop (f->route, i)->kind == MC_ROUTE_STOP_REGION)
      {
        mc_route_set_current (f->route, i);
        break;
      }
  f->figure = g_strdup (mc_route_get_current_stop (f->route)->figure_id);
  f->region = g_strdup (mc_route_get_current_stop (f->route)->region_id);

  f->room = mc_room_new (f->board);
  mc_room_set_listen_address (f->room, "127.0.0.1");
  mc_room_set_lan_addresses (f->room, lan);
  mc_room_set_prompt (f->room, mc_route_get_current_stop (f->route));
  g_assert_true (mc_room_start (f->room, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mc_room_get_port (f->room), >, 0);
  f->session = soup_session_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->room);
  g_clear_object (&f->route);
  g_clear_object (&f->board);
  g_free (f->figure);
  g_free (f->region);
}

static char *
base_url (Fixture *f)
{
  return g_strdup_printf ("http://127.0.0.1:%u", mc_room_get_port (f->room));
}

/* Raw HTTP: one request written as given, the whole response read back.
 * Runs in a thread, so the server keeps serving on the main context. */

typedef struct
{
  guint     port;
  char     *request;
  GString  *response;
  gboolean  done;
} Raw;

static gpointer
raw_thread (gpointer data)
{
  Raw *raw = data;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  char buffer[4096];
  gssize n;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", raw->port, NULL, NULL);
  if (connection != NULL)
    {
      GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
      GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));

      if (g_output_stream_write_all (out, raw->request, strlen (raw->request), NULL, NULL, NULL))
        while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
          g_string_append_len (raw->response, buffer, n);
    }
  g_atomic_int_set (&raw->done, TRUE);
  return NULL;
}

static gboolean
raw_done (gpointer data)
{
  return g_atomic_int_get (&((Raw *) data)->done);
}

/* The response's status code; the whole response in out_response. */
static guint
raw_request (Fixture     *f,
             const char  *request,
             char       **out_response)
{
  Raw raw = { mc_room_get_port (f->room), (char *) request, g_string_new (NULL), FALSE };
  GThread *thread = g_thread_new ("raw-http", raw_thread, &raw);
  guint64 status = 0;

  mc_test_wait_until (raw_done, &raw, "a raw HTTP response");
  g_thread_join (thread);
  if (g_str_has_prefix (raw.response->str, "HTTP/1.") && raw.response->len >= 12)
    {
      g_autofree char *code = g_strndup (raw.response->str + 9, 3);

      g_ascii_string_to_unsigned (code, 10, 100, 599, &status, NULL);
    }
  if (out_response != NULL)
    *out_response = g_strdup (raw.response->str);
  g_string_free (raw.response, TRUE);
  return (guint) status;
}

static guint
get (Fixture    *f,
     const char *host,
     const char *path,
     char      **out_response)
{
  g_autofree char *request = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: %s\r\n"
                                              "Connection: close\r\n\r\n", path, host);

  return raw_request (f, request, out_response);
}

static char *
own_host (Fixture    *f,
          const char *address)
{
  return g_strdup_printf ("%s:%u", address, mc_room_get_port (f->room));
}

/* WebSocket clients */

static void
on_message (SoupWebsocketConnection *ws,
            SoupWebsocketDataType    type,
            GBytes                  *message,
            Client                  *client)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (message, NULL),
                                             g_bytes_get_size (message), NULL));
  g_ptr_array_add (client->received, json_object_ref (json_node_get_object (json_parser_get_root (parser))));
}

static void
on_closed (SoupWebsocketConnection *ws,
           Client                  *client)
{
  client->closed = TRUE;
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Client *client = data;

  client->ws = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, NULL);
  if (client->ws != NULL)
    {
      g_signal_connect (client->ws, "message", G_CALLBACK (on_message), client);
      g_signal_connect (client->ws, "closed", G_CALLBACK (on_closed), client);
    }
  client->done = TRUE;
}

static gboolean
client_done (gpointer data)
{
  return ((Client *) data)->done;
}

static gboolean
client_closed (gpointer data)
{
  return ((Client *) data)->closed;
}

/* Connects to /ws with the token (NULL: none) and Origin (NULL: the right
 * one); client->ws is NULL when the handshake was refused. */
static Client *
client_connect_full (Fixture    *f,
                     const char *token,
                     const char *origin)
{
  Client *client = g_new0 (Client, 1);
  g_autofree char *base = base_url (f);
  g_autofree char *url = token != NULL ? g_strdup_printf ("%s/ws?t=%s", base, token)
                                       : g_strdup_printf ("%s/ws", base);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  client->received = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  soup_session_websocket_connect_async (f->session, msg, origin != NULL ? origin : base,
                                        NULL, G_PRIORITY_DEFAULT, NULL, connected_cb, client);
  mc_test_wait_until (client_done, client, "the WebSocket handshake");
  client->status = soup_message_get_status (msg);
  return client;
}

static void
client_free (Client *client)
{
  if (client->ws != NULL)
    {
      g_signal_handlers_disconnect_by_data (client->ws, client);
      if (soup_websocket_connection_get_state (client->ws) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (client->ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_object_unref (client->ws);
    }
  g_ptr_array_unref (client->received);
  g_free (client);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Client, client_free)

static void
client_send (Client     *client,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
client_send (Client     *client,
             const char *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  soup_websocket_connection_send_text (client->ws, text);
}

typedef struct
{
  Client     *client;
  guint       from;
  const char *type;
  const char *id;
  JsonObject *found;
} Wait;

static gboolean
reply_arrived (gpointer data)
{
  Wait *wait = data;

  for (guint i = wait->from; i < wait->client->received->len; i++)
    {
      JsonObject *object = g_ptr_array_index (wait->client->received, i);
      const char *type = json_object_get_string_member (object, "type");
      const char *id = json_object_get_string_member_with_default (object, "id", NULL);

      if ((g_str_equal (type, "ack") || g_str_equal (type, "error"))
          && g_strcmp0 (id, wait->id) == 0)
        {
          wait->found = object;
          return TRUE;
        }
    }
  return FALSE;
}

/* Sends one frame and waits for its ack or error (about id, NULL for none);
 * returns "ack" or the error's code. */
static const char *
request (Client     *client,
         const char *id,
         const char *frame)
{
  Wait wait = { client, client->received->len, NULL, id, NULL };

  soup_websocket_connection_send_text (client->ws, frame);
  mc_test_wait_until (reply_arrived, &wait, "the room's reply");
  if (g_str_equal (json_object_get_string_member (wait.found, "type"), "ack"))
    return "ack";
  return json_object_get_string_member (wait.found, "code");
}

static gboolean
state_arrived (gpointer data)
{
  Wait *wait = data;

  for (guint i = wait->from; i < wait->client->received->len; i++)
    {
      JsonObject *object = g_ptr_array_index (wait->client->received, i);

      if (g_str_equal (json_object_get_string_member (object, "type"), "state"))
        wait->found = object;
    }
  return wait->found != NULL;
}

/* A connected participant with session number n (said hello). */
static Client *
participant (Fixture *f,
             guint    n,
             const char *name)
{
  Client *client = client_connect_full (f, mc_room_get_token (f->room), NULL);
  Wait wait = { client, 0, NULL, NULL, NULL };

  g_assert_nonnull (client->ws);
  client_send (client, "{\"type\":\"hello\",\"session\":\"%032x\",\"name\":\"%s\"}", n, name);
  mc_test_wait_until (state_arrived, &wait, "the room's state after hello");
  return client;
}

static char *
note_frame (const char *id,
            const char *text)
{
  return g_strdup_printf ("{\"type\":\"note\",\"id\":\"%s\",\"text\":\"%s\",\"color\":\"blue\"}",
                          id, text);
}

static const char *
send_note (Client     *client,
           const char *id,
           const char *text)
{
  g_autofree char *frame = note_frame (id, text);

  return request (client, id, frame);
}

/* Tests */

static void
test_static_and_host (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *loopback = own_host (f, "127.0.0.1");
  g_autofree char *lan = own_host (f, LAN_ADDRESS);
  g_autofree char *other_port = g_strdup_printf ("127.0.0.1:%u", mc_room_get_port (f->room) + 1);
  g_autofree char *page = NULL;
  g_autofree char *path = NULL;
  char *response = NULL;

  g_assert_cmpuint (get (f, loopback, "/", &page), ==, 200);
  g_assert_nonnull (strstr (page, "<html"));
  g_assert_nonnull (strstr (page, "Content-Security-Policy"));
  /* No CORS, ever. */
  g_assert_null (strstr (page, "Access-Control-Allow"));
  /* The page reveals nothing of the board. */
  g_assert_null (strstr (page, mc_room_get_token (f->room)));

  /* The LAN path: the LAN address in Host, over loopback. */
  g_assert_cmpuint (get (f, lan, "/room.js", NULL), ==, 200);
  g_assert_cmpuint (get (f, lan, "/room.css", NULL), ==, 200);

  /* DNS rebinding: any other name or port is refused. */
  g_assert_cmpuint (get (f, "evil.example", "/", NULL), ==, 421);
  g_assert_cmpuint (get (f, "evil.example:80", "/", NULL), ==, 421);
  g_assert_cmpuint (get (f, other_port, "/", NULL), ==, 421);
  g_assert_cmpuint (raw_request (f, "GET / HTTP/1.0\r\n\r\n", NULL), ==, 421);

  /* Nothing but the three files; no file system. */
  g_assert_cmpuint (get (f, loopback, "/../../etc/passwd", NULL), ==, 404);
  g_assert_cmpuint (get (f, loopback, "/index.html", NULL), ==, 404);

  /* Data needs the token. */
  g_assert_cmpuint (get (f, loopback, "/api/prompt", NULL), ==, 403);
  g_assert_cmpuint (get (f, loopback, "/api/prompt?t=00112233445566778899aabbccddeeff", NULL), ==, 403);
  path = g_strdup_printf ("/api/prompt?t=%s", mc_room_get_token (f->room));
  g_assert_cmpuint (get (f, loopback, path, &response), ==, 200);
  g_assert_nonnull (strstr (response, "\"lang\":\"nl\""));
  g_assert_nonnull (strstr (response, mc_route_get_current_stop (f->route)->title));
  g_free (response);

  /* The token is 128 bits, the code six digits. */
  g_assert_cmpuint (strlen (mc_room_get_token (f->room)), ==, 32);
  g_assert_cmpuint (strlen (mc_room_get_code (f->room)), ==, MC_ROOM_CODE_DIGITS);
}

static void
test_join_url (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *url = mc_room_dup_join_url (f->room, NULL);
  g_autofree char *expected = g_strdup_printf ("http://" LAN_ADDRESS ":%u/#t=%s",
                                               mc_room_get_port (f->room),
                                               mc_room_get_token (f->room));
  g_auto(GStrv) interfaces = NULL;
  const char *old_token = mc_room_get_token (f->room);
  g_autofree char *kept = g_strdup (old_token);

  g_assert_cmpstr (url, ==, expected);

  /* Real interfaces: numeric IPv4, never loopback. */
  mc_room_set_lan_addresses (f->room, NULL);
  interfaces = mc_room_dup_lan_addresses (f->room);
  for (guint i = 0; interfaces[i] != NULL; i++)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (interfaces[i]);

      g_assert_nonnull (address);
      g_assert_cmpint (g_inet_address_get_family (address), ==, G_SOCKET_FAMILY_IPV4);
      g_assert_false (g_inet_address_get_is_loopback (address));
    }

  /* Rotating makes a new token and code. */
  mc_room_rotate_token (f->room);
  g_assert_cmpstr (mc_room_get_token (f->room), !=, kept);
}

static void
test_websocket_gate (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *base = base_url (f);
  g_autofree char *lan_origin = g_strdup_printf ("http://" LAN_ADDRESS ":%u", mc_room_get_port (f->room));
  g_autoptr(Client) no_token = client_connect_full (f, NULL, NULL);
  g_autoptr(Client) wrong_token = client_connect_full (f, "00112233445566778899aabbccddeeff", NULL);
  g_autoptr(Client) wrong_origin = client_connect_full (f, mc_room_get_token (f->room),
                                                        "http://evil.example");
  g_autoptr(Client) other_address = client_connect_full (f, mc_room_get_token (f->room), lan_origin);
  g_autoptr(Client) good = client_connect_full (f, mc_room_get_token (f->room), base);
  g_autofree char *no_origin = g_strdup_printf ("GET /ws?t=%s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                                                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                                                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                                "Sec-WebSocket-Version: 13\r\n\r\n",
                                                mc_room_get_token (f->room),
                                                mc_room_get_port (f->room));

  g_assert_null (no_token->ws);
  g_assert_cmpuint (no_token->status, ==, 403);
  g_assert_null (wrong_token->ws);
  g_assert_cmpuint (wrong_token->status, ==, 403);
  g_assert_null (wrong_origin->ws);
  g_assert_cmpuint (wrong_origin->status, ==, 403);
  /* Host 127.0.0.1 with the LAN origin: not the same origin. */
  g_assert_null (other_address->ws);
  g_assert_cmpuint (other_address->status, ==, 403);
  g_assert_cmpuint (raw_request (f, no_origin, NULL), ==, 403);

  g_assert_nonnull (good->ws);
  g_assert_cmpuint (mc_room_get_n_connected (f->room), ==, 1);

  /* Nothing works before hello. */
  g_assert_cmpstr (request (good, NULL, "{\"type\":\"votes\",\"votes\":{}}"), ==, "hello");
  g_assert_cmpstr (request (good, NULL, "{\"type\":\"hello\",\"session\":\"nothex\"}"), ==, "session");
}

static void
test_code (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *wrong = NULL;
  g_autofree char *right = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *chunked = NULL;
  g_autofree char *response = NULL;
  guint port = mc_room_get_port (f->room);
  const char *bad_code = g_str_equal (mc_room_get_code (f->room), "000000") ? "000001" : "000000";

  wrong = g_strdup_printf ("POST /api/join HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nConnection: close\r\n"
                           "Content-Length: 17\r\n\r\n{\"code\":\"%s\"}", port, bad_code);
  right = g_strdup_printf ("POST /api/join HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nConnection: close\r\n"
                           "Content-Length: 17\r\n\r\n{\"code\":\"%s\"}", port, mc_room_get_code (f->room));
  huge = g_strdup_printf ("POST /api/join HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nConnection: close\r\n"
                          "Content-Length: %u\r\n\r\n{", port, MC_ROOM_MAX_BODY_SIZE + 1);
  chunked = g_strdup_printf ("POST /api/join HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nConnection: close\r\n"
                             "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n0\r\n\r\n", port);

  g_assert_cmpuint (raw_request (f, wrong, NULL), ==, 403);
  g_assert_cmpuint (raw_request (f, right, &response), ==, 200);
  g_assert_nonnull (strstr (response, mc_room_get_token (f->room)));
  g_assert_cmpuint (raw_request (f, huge, NULL), ==, 413);
  g_assert_cmpuint (raw_request (f, chunked, NULL), ==, 411);

  /* Guessing is rate limited for the whole room, not per address. */
  {
    guint limited = 0;

    for (guint i = 0; i < 40 && limited == 0; i++)
      if (raw_request (f, wrong, NULL) == 429)
        limited = i + 1;
    g_assert_cmpuint (limited, >, 0);
    g_assert_cmpuint (raw_request (f, right, NULL), ==, 429);
  }
}

static gboolean
no_connections (gpointer data)
{
  return mc_room_get_n_connected (data) == 0;
}

static void
test_oversized_frame (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Client) client = participant (f, 1, "Ann");
  g_autofree char *big = g_strnfill (MC_ROOM_MAX_FRAME_SIZE + 1, 'x');
  g_autofree char *long_text = g_strnfill (MC_ROOM_MAX_NOTE_CHARS + 1, 'a');
  g_autofree char *id = g_uuid_string_random ();

  /* A note over the length cap is refused, the connection stays. */
  g_assert_cmpstr (send_note (client, id, long_text), ==, "text");
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 0);

  soup_websocket_connection_send_text (client->ws, big);
  mc_test_wait_until (client_closed, client, "the room to close an oversized frame");
  mc_test_wait_until (no_connections, f->room, "the room to let go of the connection");
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 0);

  /* The room itself carries on. */
  {
    g_autoptr(Client) next = participant (f, 1, "Ann");

    g_assert_cmpstr (send_note (next, id, "Kort"), ==, "ack");
    g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 1);
  }
}

static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(Client) ann = participant (f, 1, "Ann <b>");
  g_autoptr(Client) bob = participant (f, 2, "");
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *edit = NULL;
  g_autofree char *delete = NULL;
  McNote *note;

  g_assert_cmpstr (send_note (ann, id, "Eerste idee\\nmet twee regels"), ==, "ack");
  note = mc_board_get_note (f->board, id);
  g_assert_nonnull (note);
  g_assert_cmpstr (mc_note_get_text (note), ==, "Eerste idee\nmet twee regels");
  g_assert_cmpstr (mc_note_get_author (note), ==, "Ann <b>");
  g_assert_cmpstr (mc_note_get_color (note), ==, "blue");
  g_assert_cmpstr (mc_note_get_figure_id (note), ==, f->figure);
  g_assert_cmpstr (mc_note_get_region_id (note), ==, f->region);

  /* A resend (the ack was lost) never doubles. */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (send_note (ann, id, "Eerste idee\\nmet twee regels"), ==, "ack");
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 1);
  /* Nor does a resend over a new connection of the same session. */
  {
    g_autoptr(Client) again = participant (f, 1, "Ann <b>");

    g_assert_cmpstr (send_note (again, id, "Eerste idee\\nmet twee regels"), ==, "ack");
    g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 1);
  }

  /* Someone else's note is not yours to change. */
  g_assert_cmpstr (send_note (bob, id, "overschreven"), ==, "taken");

  /* Editing one's own, an ordinary undo step. */
  g_assert_cmpstr (send_note (ann, id, "Beter idee"), ==, "ack");
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (f->board, id)), ==, "Beter idee");
  g_assert_true (mc_board_undo (f->board));
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (f->board, id)), ==,
                   "Eerste idee\nmet twee regels");
  g_assert_true (mc_board_redo (f->board));

  /* Without a name: anonymous. */
  {
    g_autofree char *bob_id = g_uuid_string_random ();

    g_assert_cmpstr (send_note (bob, bob_id, "Van Bob"), ==, "ack");
    g_assert_cmpstr (mc_note_get_author (mc_board_get_note (f->board, bob_id)), ==, "anonymous");
  }

  /* Deleting one's own; a repeated delete acks. */
  delete = g_strdup_printf ("{\"type\":\"delete\",\"id\":\"%s\"}", id);
  g_assert_cmpstr (request (ann, id, delete), ==, "ack");
  g_assert_null (mc_board_get_note (f->board, id));
  g_assert_cmpstr (request (ann, id, delete), ==, "ack");
  /* A late resend of the deleted note does not bring it back. */
  g_assert_cmpstr (send_note (ann, id, "Beter idee"), ==, "ack");
  g_assert_null (mc_board_get_note (f->board, id));
  /* The facilitator's undo does. */
  g_assert_true (mc_board_undo (f->board));
  g_assert_nonnull (mc_board_get_note (f->board, id));

  /* Empty notes and bad ids are refused. */
  edit = g_uuid_string_random ();
  g_assert_cmpstr (send_note (ann, edit, "   "), ==, "text");
  g_assert_cmpstr (request (ann, NULL, "{\"type\":\"note\",\"id\":\"x\",\"text\":\"a\"}"), ==, "id");
  g_assert_cmpstr (request (ann, NULL, "not json"), ==, "json");
}

static void
test_rate_limits (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(Client) ann = participant (f, 1, "Ann");
  g_autoptr(Client) bob = participant (f, 2, "Bob");
  g_autoptr(Client) ann_again = NULL;
  g_autofree char *last = g_uuid_string_random ();
  g_autofree char *bobs = g_uuid_string_random ();

  for (guint i = 0; i < MC_ROOM_NOTES_PER_MINUTE; i++)
    {
      g_autofree char *id = g_uuid_string_random ();

      g_assert_cmpstr (send_note (ann, id, "idee"), ==, "ack");
    }
  g_assert_cmpstr (send_note (ann, last, "een te veel"), ==, "rate");
  g_assert_null (mc_board_get_note (f->board, last));
  /* The limit follows the session, not the connection… */
  ann_again = participant (f, 1, "Ann");
  g_assert_cmpstr (send_note (ann_again, last, "een te veel"), ==, "rate");
  /* …and not the address: Bob, on the same 127.0.0.1, still may. */
  g_assert_cmpstr (send_note (bob, bobs, "idee"), ==, "ack");
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, MC_ROOM_NOTES_PER_MINUTE + 1);

  /* A flood of frames is refused, then the connection is closed. */
  {
    g_autoptr(Client) flood = participant (f, 3, "");
    gboolean limited = FALSE;

    for (guint i = 0; i < 60; i++)
      client_send (flood, "{\"type\":\"votes\",\"votes\":{}}");
    mc_test_wait_until (client_closed, flood, "the room to close a flooding connection");
    for (guint i = 0; i < flood->received->len; i++)
      {
        JsonObject *object = g_ptr_array_index (flood->received, i);

        limited |= g_strcmp0 (json_object_get_string_member_with_default (object, "code", NULL),
                              "rate") == 0;
      }
    g_assert_true (limited);
    g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, MC_ROOM_NOTES_PER_MINUTE + 1);
  }
}

static void
test_participant_cap (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Client) client = participant (f, 0, "");

  /* Ever new sessions run into the cap (a connection may say hello a few
   * times a second, so several connections share the work). */
  for (guint i = 1; i < MC_ROOM_MAX_PARTICIPANTS; i++)
    {
      Wait wait = { NULL, 0, NULL, NULL, NULL };

      if (i % MC_ROOM_MESSAGES_PER_SECOND == 0)
        {
          g_clear_pointer (&client, client_free);
          client = participant (f, i, "");
          continue;
        }
      wait = (Wait) { client, client->received->len, NULL, NULL, NULL };
      client_send (client, "{\"type\":\"hello\",\"session\":\"%032x\"}", i);
      mc_test_wait_until (state_arrived, &wait, "the state after hello");
    }
  g_clear_pointer (&client, client_free);
  client = participant (f, 0, "");
  g_assert_cmpuint (mc_room_get_n_participants (f->room), ==, MC_ROOM_MAX_PARTICIPANTS);
  g_assert_cmpstr (request (client, NULL, "{\"type\":\"hello\",\"session\":\"ffffffffffffffffffffffffffffffff\"}"),
                   ==, "full");
  g_assert_cmpuint (mc_room_get_n_participants (f->room), ==, MC_ROOM_MAX_PARTICIPANTS);
}

static void
test_private_and_reveal (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(Client) ann = participant (f, 1, "Ann");
  g_autoptr(Client) bob = participant (f, 2, "Bob");
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();
  guint undo_steps = mc_history_get_n_undo (mc_board_get_history (f->board));

  mc_room_set_private (f->room, TRUE);
  g_assert_cmpstr (send_note (ann, a, "Geheim"), ==, "ack");
  g_assert_cmpstr (send_note (bob, b, "Ook geheim"), ==, "ack");
  /* Held: not on the wall, edits stay held. */
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 0);
  g_assert_cmpuint (mc_room_get_n_held (f->room), ==, 2);
  g_assert_cmpstr (send_note (ann, a, "Geheim, verbeterd"), ==, "ack");
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 0);
  g_assert_cmpuint (mc_history_get_n_undo (mc_board_get_history (f->board)), ==, undo_steps);

  mc_room_reveal (f->room);
  g_assert_cmpuint (mc_room_get_n_held (f->room), ==, 0);
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 2);
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (f->board, a)), ==, "Geheim, verbeterd");
  /* One undo step. */
  g_assert_cmpuint (mc_history_get_n_undo (mc_board_get_history (f->board)), ==, undo_steps + 1);
  g_assert_true (mc_board_undo (f->board));
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 0);
  g_assert_true (mc_board_redo (f->board));

  /* Anonymous hides authors; lock closes the round. */
  mc_room_set_private (f->room, FALSE);
  mc_room_set_anonymous (f->room, TRUE);
  {
    g_autofree char *c = g_uuid_string_random ();
    g_autofree char *d = g_uuid_string_random ();

    g_assert_cmpstr (send_note (ann, c, "Zonder naam"), ==, "ack");
    g_assert_cmpstr (mc_note_get_author (mc_board_get_note (f->board, c)), ==, "anonymous");
    mc_room_set_locked (f->room, TRUE);
    g_assert_cmpstr (send_note (ann, d, "Te laat"), ==, "closed");
    g_assert_cmpstr (send_note (ann, c, "Nog bewerken"), ==, "closed");
    g_assert_null (mc_board_get_note (f->board, d));
  }
  /* Without a region prompt there is nowhere to write. */
  mc_room_set_locked (f->room, FALSE);
  mc_room_set_prompt (f->room, NULL);
  {
    g_autofree char *e = g_uuid_string_random ();

    g_assert_cmpstr (send_note (ann, e, "Waar?"), ==, "closed");
  }
}

typedef struct
{
  Client     *client;
  const char *id;
  const char *status;   /* "queued", "held", "rejected", or NULL: on the board */
} MineWait;

/* Whether the client's latest state lists its note id with that status. */
static gboolean
mine_status_is (gpointer data)
{
  MineWait *wait = data;

  for (guint i = wait->client->received->len; i > 0; i--)
    {
      JsonObject *object = g_ptr_array_index (wait->client->received, i - 1);
      JsonArray *mine;

      if (!g_str_equal (json_object_get_string_member (object, "type"), "state"))
        continue;
      mine = json_object_get_array_member (object, "mine");
      for (guint j = 0; j < json_array_get_length (mine); j++)
        {
          JsonObject *note = json_array_get_object_element (mine, j);

          if (!g_str_equal (json_object_get_string_member (note, "id"), wait->id))
            continue;
          if (wait->status == NULL)
            return !json_object_has_member (note, "queued")
                   && !json_object_has_member (note, "rejected")
                   && !json_object_has_member (note, "held");
          return json_object_get_boolean_member_with_default (note, wait->status, FALSE);
        }
      return FALSE;
    }
  return FALSE;
}

static void
test_moderation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Client) ann = participant (f, 1, "Ann");
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();
  g_autofree char *c = g_uuid_string_random ();
  g_autofree char *d = g_uuid_string_random ();
  g_autoptr(GPtrArray) queue = NULL;
  MineWait wait = { ann, NULL, NULL };
  guint undo_steps;

  mc_room_set_moderated (f->room, TRUE);
  g_assert_true (mc_room_get_moderated (f->room));
  g_assert_cmpstr (send_note (ann, a, "Eerste"), ==, "ack");
  g_assert_cmpstr (send_note (ann, b, "Tweede"), ==, "ack");
  g_assert_cmpstr (send_note (ann, c, "Derde"), ==, "ack");
  /* Queued: nothing on the wall, the phone is told it waits. */
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 0);
  g_assert_cmpuint (mc_room_get_n_queued (f->room), ==, 3);
  wait.id = a;
  wait.status = "queued";
  mc_test_wait_until (mine_status_is, &wait, "the note shown as waiting for approval");

  /* Oldest first, with the participant's name. */
  queue = mc_room_dup_queue (f->room);
  g_assert_cmpuint (queue->len, ==, 3);
  g_assert_cmpstr (mc_note_get_id (g_ptr_array_index (queue, 0)), ==, a);
  g_assert_cmpstr (mc_note_get_text (g_ptr_array_index (queue, 0)), ==, "Eerste");
  g_assert_cmpstr (mc_note_get_author (g_ptr_array_index (queue, 0)), ==, "Ann");

  /* An edit while queued stays in the queue; a resend changes nothing. */
  g_assert_cmpstr (send_note (ann, a, "Eerste, verbeterd"), ==, "ack");
  g_assert_cmpstr (send_note (ann, a, "Eerste, verbeterd"), ==, "ack");
  g_assert_cmpuint (mc_room_get_n_queued (f->room), ==, 3);
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 0);

  /* Approve: an ordinary command, undone like any other. */
  undo_steps = mc_history_get_n_undo (mc_board_get_history (f->board));
  g_assert_true (mc_room_approve (f->room, a));
  g_assert_false (mc_room_approve (f->room, a));
  g_assert_cmpuint (mc_room_get_n_queued (f->room), ==, 2);
  g_assert_cmpstr (mc_note_get_text (mc_board_get_note (f->board, a)), ==, "Eerste, verbeterd");
  g_assert_cmpstr (mc_note_get_region_id (mc_board_get_note (f->board, a)), ==, f->region);
  g_assert_cmpuint (mc_history_get_n_undo (mc_board_get_history (f->board)), ==, undo_steps + 1);
  wait.status = NULL;
  mc_test_wait_until (mine_status_is, &wait, "the approved note shown as on the board");
  g_assert_true (mc_board_undo (f->board));
  g_assert_null (mc_board_get_note (f->board, a));
  g_assert_true (mc_board_redo (f->board));
  g_assert_nonnull (mc_board_get_note (f->board, a));

  /* Reject: never on the board, not by a resend nor an edit either. */
  g_assert_true (mc_room_reject (f->room, b));
  g_assert_false (mc_room_approve (f->room, b));
  g_assert_null (mc_board_get_note (f->board, b));
  wait.id = b;
  wait.status = "rejected";
  mc_test_wait_until (mine_status_is, &wait, "the rejected note shown as not accepted");
  g_assert_cmpstr (send_note (ann, b, "Tweede"), ==, "ack");
  g_assert_cmpstr (send_note (ann, b, "Tweede, anders"), ==, "rejected");
  g_assert_null (mc_board_get_note (f->board, b));

  /* A participant deleting a queued note takes it out of the queue. */
  {
    g_autofree char *frame = g_strdup_printf ("{\"type\":\"delete\",\"id\":\"%s\"}", c);

    g_assert_cmpstr (request (ann, c, frame), ==, "ack");
  }
  g_assert_cmpuint (mc_room_get_n_queued (f->room), ==, 0);
  g_assert_false (mc_room_approve (f->room, c));

  /* Moderated and private: an approved note is held until the reveal. */
  mc_room_set_private (f->room, TRUE);
  g_assert_cmpstr (send_note (ann, d, "Vierde"), ==, "ack");
  g_assert_true (mc_room_approve (f->room, d));
  g_assert_null (mc_board_get_note (f->board, d));
  g_assert_cmpuint (mc_room_get_n_held (f->room), ==, 1);
  mc_room_reveal (f->room);
  g_assert_nonnull (mc_board_get_note (f->board, d));

  /* Off again: new notes go straight on. */
  mc_room_set_private (f->room, FALSE);
  mc_room_set_moderated (f->room, FALSE);
  {
    g_autofree char *e = g_uuid_string_random ();

    g_assert_cmpstr (send_note (ann, e, "Vijfde"), ==, "ack");
    g_assert_nonnull (mc_board_get_note (f->board, e));
  }
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 3);
}

static char *
votes_frame (const char *a,
             guint       na,
             const char *b,
             guint       nb)
{
  if (b == NULL)
    return g_strdup_printf ("{\"type\":\"votes\",\"votes\":{\"%s\":%u}}", a, na);
  return g_strdup_printf ("{\"type\":\"votes\",\"votes\":{\"%s\":%u,\"%s\":%u}}", a, na, b, nb);
}

static void
test_votes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(Client) ann = participant (f, 1, "Ann");
  g_autoptr(Client) bob = participant (f, 2, "Bob");
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();
  g_autofree char *outside = NULL;
  g_autofree char *frame = NULL;
  McNote *other;

  g_assert_cmpstr (send_note (ann, a, "A"), ==, "ack");
  g_assert_cmpstr (send_note (bob, b, "B"), ==, "ack");
  /* A note outside the scope. */
  other = mc_note_new ("elders");
  outside = g_strdup (mc_note_get_id (other));
  mc_board_execute (f->board, mc_command_add_note (other));

  frame = votes_frame (a, 1, NULL, 0);
  g_assert_cmpstr (request (ann, NULL, frame), ==, "closed");

  mc_room_start_voting (f->room, 3, f->figure, f->region);
  g_clear_pointer (&frame, g_free);
  frame = votes_frame (a, 2, b, 1);
  g_assert_cmpstr (request (ann, NULL, frame), ==, "ack");
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, a)), ==, 2);
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, b)), ==, 1);
  /* Sending the same allocation again changes nothing. */
  g_assert_cmpstr (request (ann, NULL, frame), ==, "ack");
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, a)), ==, 2);

  /* Over the budget, or outside the scope: refused, nothing changes. */
  g_clear_pointer (&frame, g_free);
  frame = votes_frame (a, 3, b, 1);
  g_assert_cmpstr (request (ann, NULL, frame), ==, "budget");
  g_clear_pointer (&frame, g_free);
  frame = votes_frame (a, 4, NULL, 0);
  g_assert_cmpstr (request (ann, NULL, frame), ==, "budget");
  g_clear_pointer (&frame, g_free);
  frame = votes_frame (outside, 1, NULL, 0);
  g_assert_cmpstr (request (ann, NULL, frame), ==, "votes");
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, a)), ==, 2);
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, outside)), ==, 0);

  /* Moving a vote; Bob's votes add up with Ann's. */
  g_clear_pointer (&frame, g_free);
  frame = votes_frame (a, 1, b, 2);
  g_assert_cmpstr (request (ann, NULL, frame), ==, "ack");
  g_clear_pointer (&frame, g_free);
  frame = votes_frame (a, 3, NULL, 0);
  g_assert_cmpstr (request (bob, NULL, frame), ==, "ack");
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, a)), ==, 4);
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, b)), ==, 2);

  /* Private voting: held until reveal. */
  mc_room_start_voting (f->room, 2, f->figure, NULL);
  mc_room_set_private (f->room, TRUE);
  g_clear_pointer (&frame, g_free);
  frame = votes_frame (b, 2, NULL, 0);
  g_assert_cmpstr (request (bob, NULL, frame), ==, "ack");
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, b)), ==, 2);
  mc_room_reveal (f->room);
  g_assert_cmpuint (mc_note_get_votes (mc_board_get_note (f->board, b)), ==, 4);

  mc_room_stop_voting (f->room);
  g_assert_cmpstr (request (bob, NULL, frame), ==, "closed");
}

static void
test_close_drops_clients (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(Client) ann = participant (f, 1, "Ann");
  g_autoptr(Client) bob = participant (f, 2, "Bob");
  g_autoptr(Client) later = NULL;
  g_autofree char *id = g_uuid_string_random ();
  guint port = mc_room_get_port (f->room);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (send_note (ann, id, "Voor de pauze"), ==, "ack");
  g_assert_cmpuint (mc_room_get_n_connected (f->room), ==, 2);
  mc_room_stop (f->room);
  g_assert_false (mc_room_get_running (f->room));
  g_assert_cmpuint (mc_room_get_n_connected (f->room), ==, 0);
  mc_test_wait_until (client_closed, ann, "Ann's connection to close");
  mc_test_wait_until (client_closed, bob, "Bob's connection to close");

  /* Open again on the same port: the resend is still not doubled. */
  mc_room_set_port (f->room, port);
  g_assert_true (mc_room_start (f->room, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mc_room_get_port (f->room), ==, port);
  later = participant (f, 1, "Ann");
  g_assert_cmpstr (send_note (later, id, "Voor de pauze"), ==, "ack");
  g_assert_cmpuint (mc_board_get_n_notes (f->board), ==, 1);

  /* A new token disconnects everyone and old links stop working. */
  {
    g_autofree char *old = g_strdup (mc_room_get_token (f->room));
    g_autoptr(Client) stale = NULL;

    mc_room_rotate_token (f->room);
    mc_test_wait_until (client_closed, later, "the connection to close on a new token");
    stale = client_connect_full (f, old, NULL);
    g_assert_null (stale->ws);
    g_assert_cmpuint (stale->status, ==, 403);
  }
}

static void
test_wifi_qr_text (void)
{
  static const struct { const char *ssid, *password, *text; } cases[] = {
    { "Klas 4B", "geheim123", "WIFI:T:WPA;S:Klas 4B;P:geheim123;;" },
    { "a;b,c:d", "p\\q\"r", "WIFI:T:WPA;S:a\\;b\\,c\\:d;P:p\\\\q\\\"r;;" },
    { "Open net", NULL, "WIFI:T:nopass;S:Open net;;" },
    { "Open net", "", "WIFI:T:nopass;S:Open net;;" },
    { "c0ffee", "12345678", "WIFI:T:WPA;S:\"c0ffee\";P:\"12345678\";;" },
    { "Café ☕", "wachtwoord", "WIFI:T:WPA;S:Café ☕;P:wachtwoord;;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = mc_room_dup_wifi_qr_text (cases[i].ssid, cases[i].password);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The hotspot's password: WPA2's minimum length and more, letters that
 * cannot be mistaken, new each time. */
static void
test_wifi_password (void)
{
  g_autofree char *first = mc_room_dup_wifi_password ();

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *password = mc_room_dup_wifi_password ();

      g_assert_cmpuint (strlen (password), ==, MC_ROOM_WIFI_PASSWORD_LENGTH);
      g_assert_cmpuint (strlen (password), >=, 8);
      for (const char *p = password; *p != '\0'; p++)
        {
          g_assert_true (g_ascii_isalnum (*p));
          g_assert_null (strchr ("0O1lI", *p));
        }
      g_assert_cmpstr (password, !=, first);
    }
}

static void
add_test (const char *path,
          void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/mc/room/static-and-host", test_static_and_host);
  add_test ("/mc/room/join-url", test_join_url);
  add_test ("/mc/room/websocket-gate", test_websocket_gate);
  add_test ("/mc/room/code", test_code);
  add_test ("/mc/room/oversized-frame", test_oversized_frame);
  add_test ("/mc/room/notes", test_notes);
  add_test ("/mc/room/rate-limits", test_rate_limits);
  add_test ("/mc/room/participant-cap", test_participant_cap);
  add_test ("/mc/room/private-and-reveal", test_private_and_reveal);
  add_test ("/mc/room/moderation", test_moderation);
  add_test ("/mc/room/votes", test_votes);
  add_test ("/mc/room/close-drops-clients", test_close_drops_clients);
  g_test_add_func ("/mc/room/wifi-qr-text", test_wifi_qr_text);
  g_test_add_func ("/mc/room/wifi-password", test_wifi_password);

  return g_test_run ();
}
