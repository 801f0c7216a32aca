/* test-room.c — the room server and its gate: the page, the join link and
 * code, the token, Host and Origin, size and rate caps, closing; and the
 * Wi-Fi QR code. A real SoupServer on 127.0.0.1 and real clients (libsoup's
 * WebSocket client, and raw HTTP from a thread where a test needs a request
 * libsoup would not send; tests/lib/mc-test-room.h). The rounds (notes,
 * private mode, moderation, votes) are in test-room-rounds.c. */
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
#include "mc-test-room.h"
#include "mc-test-util.h"

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
  /* The join form speaks the board's language before any token. */
  g_assert_nonnull (strstr (page, "<html lang=\"nl\">"));
  g_assert_nonnull (strstr (page, "Content-Language: nl"));
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
  /* "Going away": the phone tells a closed room from a lost network. */
  g_assert_cmpuint (soup_websocket_connection_get_close_code (ann->ws), ==,
                    SOUP_WEBSOCKET_CLOSE_GOING_AWAY);

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  mc_test_room_add ("/mc/room/static-and-host", test_static_and_host);
  mc_test_room_add ("/mc/room/join-url", test_join_url);
  mc_test_room_add ("/mc/room/websocket-gate", test_websocket_gate);
  mc_test_room_add ("/mc/room/code", test_code);
  mc_test_room_add ("/mc/room/oversized-frame", test_oversized_frame);
  mc_test_room_add ("/mc/room/rate-limits", test_rate_limits);
  mc_test_room_add ("/mc/room/participant-cap", test_participant_cap);
  mc_test_room_add ("/mc/room/close-drops-clients", test_close_drops_clients);
  g_test_add_func ("/mc/room/wifi-qr-text", test_wifi_qr_text);
  g_test_add_func ("/mc/room/wifi-password", test_wifi_password);

  return g_test_run ();
}
