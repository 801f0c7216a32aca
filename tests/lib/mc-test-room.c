/* mc-test-room.c — the room tests' fixture and clients (see mc-test-room.h) */
#include "config.h"

#include "mc-test-room.h"
#include "mc-catalog.h"
#include "mc-templates.h"
#include "mc-test-util.h"

#include <string.h>

void
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

void
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

char *
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
guint
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

guint
get (Fixture    *f,
     const char *host,
     const char *path,
     char      **out_response)
{
  g_autofree char *request = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: %s\r\n"
                                              "Connection: close\r\n\r\n", path, host);

  return raw_request (f, request, out_response);
}

char *
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

gboolean
client_done (gpointer data)
{
  return ((Client *) data)->done;
}

gboolean
client_closed (gpointer data)
{
  return ((Client *) data)->closed;
}

/* Connects to /ws with the token (NULL: none) and Origin (NULL: the right
 * one); client->ws is NULL when the handshake was refused. */
Client *
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

void
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

void
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
const char *
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

gboolean
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
Client *
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

const char *
send_note (Client     *client,
           const char *id,
           const char *text)
{
  g_autofree char *frame = note_frame (id, text);

  return request (client, id, frame);
}


void
mc_test_room_add (const char *path,
                  void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}
