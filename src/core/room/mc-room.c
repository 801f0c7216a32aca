/* mc-room.c — the room's HTTP and WebSocket server
 *
 * Requests pass one gate (early_handler) before anything else runs: the
 * Host must be the room's own, data paths need the token, the WebSocket its
 * exact Origin, bodies a small declared length. Only then are static files
 * (from the GResource, never the file system), the code exchange and the
 * WebSocket served. What participants send is handled in mc-room-protocol.c.
 */
#include "config.h"

#include "mc-room-private.h"
#include "mc-object-private.h"
#include "mc-room-resources.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/random.h>

#define RESOURCE_DIR RESOURCE_PREFIX "/room/"
#define CODE_ATTEMPTS_PER_SECOND 1.0
#define CODE_ATTEMPTS_BURST      30.0
#define KEEPALIVE_SECONDS        20
#define STATUS_TOO_MANY_REQUESTS 429

G_DEFINE_QUARK (mc-room-error-quark, mc_room_error)

G_DEFINE_FINAL_TYPE (McRoom, mc_room, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *path;
  const char *file;
  const char *type;
} static_files[] = {
  { "/", "index.html", "text/html; charset=utf-8" },
  { "/room.css", "room.css", "text/css; charset=utf-8" },
  { "/room.js", "room.js", "text/javascript; charset=utf-8" },
};

gboolean
_mc_room_rate_take (McRoomRate *rate,
                    double      per_second,
                    double      burst)
{
  gint64 now = g_get_monotonic_time ();

  if (rate->last == 0)
    rate->tokens = burst;
  else
    rate->tokens = MIN (burst, rate->tokens + (now - rate->last) * per_second / G_USEC_PER_SEC);
  rate->last = now;
  if (rate->tokens < 1.0)
    return FALSE;
  rate->tokens -= 1.0;
  return TRUE;
}

void
_mc_room_emit_changed (McRoom *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* From the kernel's generator: GRand is predictable from its output. */
void
_mc_room_random_bytes (guchar *bytes,
                       gsize   n_bytes)
{
  gsize done = 0;

  while (done < n_bytes)
    {
      gssize n = getrandom (bytes + done, n_bytes - done, 0);

      if (n <= 0)
        g_error ("Cannot read random bytes for the room's secrets");
      done += n;
    }
}

static char *
random_hex (guint n_bytes)
{
  g_autofree guchar *bytes = g_malloc (n_bytes);
  GString *hex = g_string_sized_new (n_bytes * 2);

  _mc_room_random_bytes (bytes, n_bytes);
  for (guint i = 0; i < n_bytes; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  return g_string_free (hex, FALSE);
}

static void
new_credentials (McRoom *self)
{
  g_autofree char *code = NULL;
  guint32 draw;

  g_free (self->token);
  self->token = random_hex (16);   /* 128 bits */
  _mc_room_random_bytes ((guchar *) &draw, sizeof draw);
  code = g_strdup_printf ("%0*u", MC_ROOM_CODE_DIGITS, draw % 1000000);
  g_free (self->code);
  self->code = g_steal_pointer (&code);
}

/* Constant time, so the token cannot be guessed byte by byte. */
static gboolean
secret_equal (const char *given,
              const char *secret)
{
  gsize n = strlen (secret);
  guchar diff = 0;

  if (given == NULL || strlen (given) != n)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    diff |= (guchar) given[i] ^ (guchar) secret[i];
  return diff == 0;
}

static void
client_free (McRoomClient *client)
{
  g_signal_handlers_disconnect_by_data (client->ws, client);
  if (soup_websocket_connection_get_state (client->ws) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (client->ws, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_object_unref (client->ws);
  g_free (client);
}

static void
close_clients (McRoom *self)
{
  if (self->clients->len == 0)
    return;
  g_ptr_array_set_size (self->clients, 0);
  _mc_room_emit_changed (self);
}

static void
on_board_changed (McBoard       *board,
                  McChangeFlags  flags,
                  GStrv          note_ids,
                  McRoom        *self)
{
  /* Votes, texts and deletions on the wall show on the phones. */
  _mc_room_queue_broadcast (self);
}

static void
mc_room_dispose (GObject *object)
{
  McRoom *self = MC_ROOM (object);

  mc_room_stop (self);
  g_clear_handle_id (&self->broadcast_idle, g_source_remove);
  g_clear_signal_handler (&self->board_changed_id, self->board);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (mc_room_parent_class)->dispose (object);
}

static void
mc_room_finalize (GObject *object)
{
  McRoom *self = MC_ROOM (object);

  g_free (self->listen_address);
  g_strfreev (self->lan_addresses);
  g_free (self->join_address);
  g_free (self->token);
  g_free (self->code);
  g_hash_table_unref (self->sessions);
  g_ptr_array_unref (self->clients);
  g_ptr_array_unref (self->held);
  g_ptr_array_unref (self->queue);
  g_hash_table_unref (self->notes);
  g_hash_table_unref (self->votes_applied);
  g_free (self->prompt_figure);
  g_free (self->prompt_region);
  g_free (self->prompt_title);
  g_free (self->prompt_text);
  g_free (self->vote_figure);
  g_free (self->vote_region);

  G_OBJECT_CLASS (mc_room_parent_class)->finalize (object);
}

static void
mc_room_class_init (McRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_room_dispose;
  object_class->finalize = mc_room_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
mc_room_init (McRoom *self)
{
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) _mc_room_session_free);
  self->clients = g_ptr_array_new_with_free_func ((GDestroyNotify) client_free);
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) _mc_room_note_free);
  self->held = g_ptr_array_new ();
  self->queue = g_ptr_array_new ();
  self->votes_applied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  new_credentials (self);
}

McRoom *
mc_room_new (McBoard *board)
{
  McRoom *self;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  self = g_object_new (MC_TYPE_ROOM, NULL);
  self->board = g_object_ref (board);
  self->board_changed_id = g_signal_connect (board, "changed",
                                             G_CALLBACK (on_board_changed), self);
  return self;
}

McBoard *
mc_room_get_board (McRoom *self)
{
  g_return_val_if_fail (MC_IS_ROOM (self), NULL);
  return self->board;
}

void
mc_room_set_port (McRoom *self,
                  guint   port)
{
  g_return_if_fail (MC_IS_ROOM (self));
  g_return_if_fail (port <= G_MAXUINT16);
  self->port = port;
}

void
mc_room_set_listen_address (McRoom     *self,
                            const char *address)
{
  g_return_if_fail (MC_IS_ROOM (self));
  _mc_set_str (&self->listen_address, address);
}

/* HTTP */

static void
set_error (SoupServerMessage *msg,
           guint              status)
{
  /* libsoup 3.2 has no name for 429. */
  const char *phrase = status == STATUS_TOO_MANY_REQUESTS ? "Too Many Requests"
                                                          : soup_status_get_phrase (status);

  soup_server_message_set_status (msg, status, phrase);
  /* A refused client gets no second request on the same connection. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");
  soup_server_message_set_response (msg, "text/plain; charset=utf-8", SOUP_MEMORY_STATIC,
                                    phrase, strlen (phrase));
}

/* For a body the room will not read: libsoup would read it all before
 * answering, so the room answers itself and hangs up. */
static void
refuse_body (SoupServerMessage *msg,
             guint              status)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  g_autofree char *response = NULL;

  if (stream == NULL)
    return;
  response = g_strdup_printf ("HTTP/1.1 %u %s\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
                              status, soup_status_get_phrase (status));
  g_output_stream_write_all (g_io_stream_get_output_stream (stream), response, strlen (response),
                             NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static void
set_json (SoupServerMessage *msg,
          guint              status,
          JsonBuilder       *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  gsize length;
  char *text;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, length);
}

static gboolean
is_static_path (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (static_files); i++)
    if (g_str_equal (path, static_files[i].path))
      return TRUE;
  return FALSE;
}

/* The gate every request passes once its headers are in. A status set here
 * ends the request: no handler, no WebSocket, no body read. */
static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  McRoom *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *host = soup_message_headers_get_one (headers, "Host");
  gboolean is_get = g_str_equal (method, "GET") || g_str_equal (method, "HEAD");

  if (!_mc_room_host_is_ours (self, host))
    {
      set_error (msg, SOUP_STATUS_MISDIRECTED_REQUEST);
      return;
    }

  if (is_static_path (path))
    {
      if (!is_get)
        set_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED);
      return;
    }

  if (g_str_equal (path, "/api/join"))
    {
      if (!g_str_equal (method, "POST"))
        set_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED);
      else if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
        refuse_body (msg, SOUP_STATUS_LENGTH_REQUIRED);
      else if (soup_message_headers_get_content_length (headers) > MC_ROOM_MAX_BODY_SIZE)
        refuse_body (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE);
      return;
    }

  if (g_str_equal (path, "/ws") || g_str_equal (path, "/api/prompt"))
    {
      const char *token = query != NULL ? g_hash_table_lookup (query, "t") : NULL;

      if (!is_get)
        set_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED);
      else if (!secret_equal (token, self->token))
        set_error (msg, SOUP_STATUS_FORBIDDEN);
      else if (g_str_equal (path, "/ws"))
        {
          const char *origin = soup_message_headers_get_one (headers, "Origin");
          g_autofree char *expected = g_strconcat ("http://", host, NULL);

          if (g_strcmp0 (origin, expected) != 0)
            set_error (msg, SOUP_STATUS_FORBIDDEN);
          else if (self->clients->len >= MC_ROOM_MAX_CONNECTIONS)
            set_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE);
        }
      return;
    }

  set_error (msg, SOUP_STATUS_NOT_FOUND);
}

static void
serve_static (McRoom            *self,
              SoupServerMessage *msg,
              const char        *path)
{
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *host = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Host");
  g_autofree char *csp = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (static_files); i++)
    {
      g_autofree char *resource = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_equal (path, static_files[i].path))
        continue;
      resource = g_strconcat (RESOURCE_DIR, static_files[i].file, NULL);
      bytes = g_resource_lookup_data (mc_room_get_resource (), resource,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes == NULL)
        break;
      /* Same origin only: no inline script, no other host, no framing. */
      csp = g_strdup_printf ("default-src 'none'; script-src 'self'; style-src 'self'; "
                             "img-src 'self' data:; connect-src 'self' ws://%s; "
                             "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
                             host);
      soup_message_headers_replace (response, "Content-Security-Policy", csp);
      soup_message_headers_replace (response, "X-Content-Type-Options", "nosniff");
      soup_message_headers_replace (response, "Referrer-Policy", "no-referrer");
      soup_message_headers_replace (response, "Cache-Control", "no-cache");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      if (g_str_equal (static_files[i].file, "index.html"))
        {
          /* The join form, before any token, speaks the board's language
           * (only that is told; the page still holds nothing of the board). */
          const char *lang = mc_language_to_string (mc_board_get_language (self->board));
          g_autofree char *tag = g_strdup_printf ("<html lang=\"%s\">", lang);
          GString *page = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

          g_string_replace (page, "<html lang=\"en\">", tag, 1);
          soup_message_headers_replace (response, "Content-Language", lang);
          soup_server_message_set_response (msg, static_files[i].type, SOUP_MEMORY_COPY,
                                            page->str, page->len);
          g_string_free (page, TRUE);
          return;
        }
      soup_server_message_set_response (msg, static_files[i].type, SOUP_MEMORY_COPY,
                                        g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes));
      return;
    }
  set_error (msg, SOUP_STATUS_NOT_FOUND);
}

/* The typing fallback: the room code for the token. */
static void
serve_join (McRoom            *self,
            SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GBytes) bytes = NULL;
  const char *code = NULL;
  JsonNode *root;

  if (!_mc_room_rate_take (&self->code_attempts, CODE_ATTEMPTS_PER_SECOND, CODE_ATTEMPTS_BURST))
    {
      set_error (msg, STATUS_TOO_MANY_REQUESTS);
      return;
    }
  bytes = soup_message_body_flatten (body);
  if (g_bytes_get_size (bytes) > MC_ROOM_MAX_BODY_SIZE
      || !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL))
    {
      set_error (msg, SOUP_STATUS_BAD_REQUEST);
      return;
    }
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    code = json_object_get_string_member_with_default (json_node_get_object (root), "code", NULL);
  if (!secret_equal (code, self->code))
    {
      set_error (msg, SOUP_STATUS_FORBIDDEN);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, self->token);
  json_builder_end_object (builder);
  set_json (msg, SOUP_STATUS_OK, builder);
}

static void
serve_prompt (McRoom            *self,
              SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "lang");
  json_builder_add_string_value (builder, mc_language_to_string (mc_board_get_language (self->board)));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, self->prompt_title);
  json_builder_set_member_name (builder, "questions");
  json_builder_add_string_value (builder, self->prompt_text);
  json_builder_end_object (builder);
  set_json (msg, SOUP_STATUS_OK, builder);
}

static void
request_handler (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  McRoom *self = user_data;

  if (is_static_path (path))
    serve_static (self, msg, path);
  else if (g_str_equal (path, "/api/join"))
    serve_join (self, msg);
  else if (g_str_equal (path, "/api/prompt"))
    serve_prompt (self, msg);
  else
    set_error (msg, SOUP_STATUS_NOT_FOUND);
}

/* WebSocket */

static void
on_ws_message (SoupWebsocketConnection *ws,
               SoupWebsocketDataType    type,
               GBytes                  *message,
               McRoomClient            *client)
{
  if (soup_websocket_connection_get_state (ws) != SOUP_WEBSOCKET_STATE_OPEN)
    return;
  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    {
      soup_websocket_connection_close (ws, SOUP_WEBSOCKET_CLOSE_UNSUPPORTED_DATA, NULL);
      return;
    }
  _mc_room_client_message (client, message);
}

static void
on_ws_closed (SoupWebsocketConnection *ws,
              McRoomClient            *client)
{
  McRoom *self = client->room;

  g_ptr_array_remove (self->clients, client);
  _mc_room_emit_changed (self);
}

static void
websocket_handler (SoupServer              *server,
                   SoupServerMessage       *msg,
                   const char              *path,
                   SoupWebsocketConnection *ws,
                   gpointer                 user_data)
{
  McRoom *self = user_data;
  McRoomClient *client = g_new0 (McRoomClient, 1);

  client->room = self;
  client->ws = g_object_ref (ws);
  soup_websocket_connection_set_max_incoming_payload_size (ws, MC_ROOM_MAX_FRAME_SIZE);
  soup_websocket_connection_set_keepalive_interval (ws, KEEPALIVE_SECONDS);
  g_signal_connect (ws, "message", G_CALLBACK (on_ws_message), client);
  g_signal_connect (ws, "closed", G_CALLBACK (on_ws_closed), client);
  g_ptr_array_add (self->clients, client);
  _mc_room_emit_changed (self);
}

/* Starting and stopping */

gboolean
mc_room_start (McRoom  *self,
               GError **error)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GSList) uris = NULL;
  gboolean ok;

  g_return_val_if_fail (MC_IS_ROOM (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->server != NULL)
    return TRUE;

  server = soup_server_new ("server-header", NULL, NULL);
  /* No compression: a small frame must not inflate past the frame cap. */
  soup_server_remove_websocket_extension (server, SOUP_TYPE_WEBSOCKET_EXTENSION_DEFLATE);
  /* Handlers are per path, the most specific wins: the gate on both. */
  soup_server_add_early_handler (server, NULL, early_handler, self, NULL);
  soup_server_add_early_handler (server, "/ws", early_handler, self, NULL);
  soup_server_add_handler (server, NULL, request_handler, self, NULL);
  soup_server_add_websocket_handler (server, "/ws", NULL, NULL, websocket_handler, self, NULL);

  if (self->listen_address != NULL)
    {
      g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (self->listen_address);
      g_autoptr(GSocketAddress) address = NULL;

      if (inet == NULL || g_inet_address_get_family (inet) != G_SOCKET_FAMILY_IPV4)
        {
          g_set_error (error, MC_ROOM_ERROR, MC_ROOM_ERROR_NO_ADDRESS,
                       _("“%s” is not a numeric IPv4 address"), self->listen_address);
          return FALSE;
        }
      address = g_inet_socket_address_new (inet, self->port);
      ok = soup_server_listen (server, address, 0, error);
    }
  else
    ok = soup_server_listen_all (server, self->port, SOUP_SERVER_LISTEN_IPV4_ONLY, error);
  if (!ok)
    return FALSE;

  uris = soup_server_get_uris (server);
  self->bound_port = uris != NULL ? (guint) g_uri_get_port (uris->data) : self->port;
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  self->server = g_steal_pointer (&server);
  _mc_room_emit_changed (self);
  return TRUE;
}

void
mc_room_stop (McRoom *self)
{
  g_return_if_fail (MC_IS_ROOM (self));

  if (self->server == NULL)
    return;
  close_clients (self);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  self->bound_port = 0;
  _mc_room_emit_changed (self);
}

gboolean
mc_room_get_running (McRoom *self)
{
  g_return_val_if_fail (MC_IS_ROOM (self), FALSE);
  return self->server != NULL;
}

guint
mc_room_get_port (McRoom *self)
{
  g_return_val_if_fail (MC_IS_ROOM (self), 0);
  return self->bound_port;
}

const char *
mc_room_get_token (McRoom *self)
{
  g_return_val_if_fail (MC_IS_ROOM (self), NULL);
  return self->token;
}

const char *
mc_room_get_code (McRoom *self)
{
  g_return_val_if_fail (MC_IS_ROOM (self), NULL);
  return self->code;
}

void
mc_room_rotate_token (McRoom *self)
{
  g_return_if_fail (MC_IS_ROOM (self));

  new_credentials (self);
  close_clients (self);
  _mc_room_emit_changed (self);
}

guint
mc_room_get_n_participants (McRoom *self)
{
  g_return_val_if_fail (MC_IS_ROOM (self), 0);
  return g_hash_table_size (self->sessions);
}

guint
mc_room_get_n_connected (McRoom *self)
{
  g_return_val_if_fail (MC_IS_ROOM (self), 0);
  return self->clients->len;
}
