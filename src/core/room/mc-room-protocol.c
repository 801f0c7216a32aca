/* mc-room-protocol.c — what participants send, and what they are told
 *
 * Every frame is one JSON object with a "type":
 *
 *   hello  {session, name?}            first; session is 32 hex digits the
 *                                      page keeps, so a reconnect resumes
 *   note   {id, text, color?, name?}   add, or edit one's own (idempotent by
 *                                      id: a resend acks and changes nothing)
 *   delete {id}                        one's own; unknown ids ack too
 *   votes  {votes: {note id: n, …}}    the whole allocation (idempotent),
 *                                      at most the round's budget
 *
 * The room answers "ack" {id} or "error" {id?, code} and sends "state"
 * whenever what the participant sees changed: the language, the prompt,
 * whether the round is open, their own notes and, during a voting round,
 * the notes in scope with their own votes.
 *
 * Edits reach the board only as commands (mc_board_execute).
 */
#include "config.h"

#include "mc-room-private.h"
#include "mc-object-private.h"
#include "mc-command.h"
#include "mc-editing.h"
#include "mc-board-io.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define MAX_REFUSED        50    /* consecutive refusals before the connection goes */
#define MAX_VOTING_NOTES   150   /* notes listed in a voting round's state */
#define BROADCAST_INTERVAL_MS 250
#define ANONYMOUS          "anonymous"

G_STATIC_ASSERT (MC_ROOM_MAX_NOTE_CHARS * 4 <= MC_BOARD_MAX_TEXT_LENGTH);
G_STATIC_ASSERT (MC_ROOM_MAX_NAME_CHARS * 4 <= MC_BOARD_MAX_TEXT_LENGTH);

void
_mc_room_session_free (McRoomSession *session)
{
  g_free (session->id);
  g_free (session->name);
  g_hash_table_unref (session->votes);
  g_free (session);
}

void
_mc_room_note_free (McRoomNote *note)
{
  g_free (note->id);
  g_free (note->session_id);
  g_free (note->text);
  g_free (note->color);
  g_free (note->author);
  g_free (note->figure_id);
  g_free (note->region_id);
  g_free (note);
}

/* Sending */

static void
send_builder (McRoomClient *client,
              JsonBuilder  *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  if (soup_websocket_connection_get_state (client->ws) != SOUP_WEBSOCKET_STATE_OPEN)
    return;
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  soup_websocket_connection_send_text (client->ws, text);
}

static void
send_reply (McRoomClient *client,
            const char   *type,
            const char   *id,
            const char   *code)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  if (id != NULL)
    {
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
    }
  if (code != NULL)
    {
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, code);
    }
  json_builder_end_object (builder);
  send_builder (client, builder);
}

/* Refusals: one error frame each; a client that keeps being refused is
 * closed, so a flood costs the room little. */
static void
refuse (McRoomClient *client,
        const char   *id,
        const char   *code)
{
  if (++client->n_refused > MAX_REFUSED)
    {
      soup_websocket_connection_close (client->ws, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, NULL);
      return;
    }
  send_reply (client, "error", id, code);
}

static void
ack (McRoomClient *client,
     const char   *id)
{
  client->n_refused = 0;
  send_reply (client, "ack", id, NULL);
}

/* State */

static gboolean
note_in_scope (McRoom *self,
               McNote *note)
{
  if (self->vote_figure == NULL)
    return TRUE;
  if (g_strcmp0 (mc_note_get_figure_id (note), self->vote_figure) != 0)
    return FALSE;
  return self->vote_region == NULL
         || g_strcmp0 (mc_note_get_region_id (note), self->vote_region) == 0;
}

static void
add_note_object (JsonBuilder *builder,
                 const char  *id,
                 const char  *text,
                 const char  *color,
                 const char  *status)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "color");
  json_builder_add_string_value (builder, color);
  if (status != NULL)
    {
      json_builder_set_member_name (builder, status);
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);
}

/* Oldest first, as the participant wrote them. */
static int
compare_created (gconstpointer a,
                 gconstpointer b)
{
  const McRoomNote *x = *(McRoomNote * const *) a;
  const McRoomNote *y = *(McRoomNote * const *) b;

  if (x->created != y->created)
    return x->created < y->created ? -1 : 1;
  return strcmp (x->id, y->id);
}

static void
add_own_notes (McRoom        *self,
               McRoomSession *session,
               JsonBuilder   *builder)
{
  g_autoptr(GPtrArray) own = g_ptr_array_new ();
  GHashTableIter iter;
  McRoomNote *note;

  g_hash_table_iter_init (&iter, self->notes);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &note))
    if (!note->deleted && g_str_equal (note->session_id, session->id))
      g_ptr_array_add (own, note);
  g_ptr_array_sort (own, compare_created);

  json_builder_begin_array (builder);
  for (guint i = 0; i < own->len; i++)
    {
      McNote *on_board;

      note = g_ptr_array_index (own, i);

      if (note->held || note->queued || note->rejected)
        {
          add_note_object (builder, note->id, note->text, note->color,
                           note->held ? "held" : note->queued ? "queued" : "rejected");
          continue;
        }
      /* What the wall shows now: the facilitator may have edited it. */
      on_board = mc_board_get_note (self->board, note->id);
      if (on_board != NULL)
        add_note_object (builder, note->id, mc_note_get_text (on_board),
                         mc_note_get_color (on_board), NULL);
    }
  json_builder_end_array (builder);
}

static void
add_voting (McRoom        *self,
            McRoomSession *session,
            JsonBuilder   *builder)
{
  GPtrArray *notes = mc_board_get_notes (self->board);
  guint listed = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "budget");
  json_builder_add_int_value (builder, self->vote_budget);
  /* A locked round takes no votes either: the phone's buttons go grey. */
  json_builder_set_member_name (builder, "open");
  json_builder_add_boolean_value (builder, !self->locked);
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < notes->len && listed < MAX_VOTING_NOTES; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);

      if (!note_in_scope (self, note))
        continue;
      add_note_object (builder, mc_note_get_id (note), mc_note_get_text (note),
                       mc_note_get_color (note), NULL);
      listed++;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "votes");
  json_builder_begin_object (builder);
  if (session != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, session->votes);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          json_builder_set_member_name (builder, key);
          json_builder_add_int_value (builder, GPOINTER_TO_UINT (value));
        }
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

void
_mc_room_send_state (McRoomClient *client)
{
  McRoom *self = client->room;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "state");
  json_builder_set_member_name (builder, "lang");
  json_builder_add_string_value (builder, mc_language_to_string (mc_board_get_language (self->board)));
  json_builder_set_member_name (builder, "limit");
  json_builder_add_int_value (builder, MC_ROOM_MAX_NOTE_CHARS);
  json_builder_set_member_name (builder, "prompt");
  if (self->prompt_region != NULL)
    {
      g_auto(GStrv) questions = g_strsplit (self->prompt_text, "\n", -1);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, self->prompt_title);
      json_builder_set_member_name (builder, "questions");
      json_builder_begin_array (builder);
      for (guint i = 0; questions[i] != NULL; i++)
        if (questions[i][0] != '\0')
          json_builder_add_string_value (builder, questions[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "open");
  json_builder_add_boolean_value (builder, self->prompt_region != NULL && !self->locked);
  json_builder_set_member_name (builder, "private");
  json_builder_add_boolean_value (builder, self->private_mode);
  if (client->session != NULL)
    {
      json_builder_set_member_name (builder, "mine");
      add_own_notes (self, client->session, builder);
    }
  json_builder_set_member_name (builder, "voting");
  if (self->voting)
    add_voting (self, client->session, builder);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  send_builder (client, builder);
}

static gboolean
broadcast_cb (gpointer data)
{
  McRoom *self = data;

  self->broadcast_idle = 0;
  for (guint i = 0; i < self->clients->len; i++)
    {
      McRoomClient *client = g_ptr_array_index (self->clients, i);

      if (client->session != NULL)
        _mc_room_send_state (client);
    }
  return G_SOURCE_REMOVE;
}

void
_mc_room_queue_broadcast (McRoom *self)
{
  /* At most a few times a second: a burst of edits is one state each. */
  if (self->broadcast_idle == 0 && self->clients->len > 0)
    self->broadcast_idle = g_timeout_add_full (G_PRIORITY_LOW, BROADCAST_INTERVAL_MS,
                                               broadcast_cb, self, NULL);
}

/* Input checks */

static gboolean
is_hex_id (const char *text,
           gsize       length)
{
  if (text == NULL || strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* Text from a phone: trimmed, control characters other than newlines and
 * tabs dropped, at most max_chars characters. NULL when it is too long or
 * nothing is left. */
static char *
clean_text (const char *text,
            guint       max_chars,
            gboolean    multi_line)
{
  GString *clean;
  guint n_chars = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  clean = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        continue;
      if ((c == '\n' || c == '\t') && !multi_line)
        c = ' ';
      else if (g_unichar_iscntrl (c) && c != '\n' && c != '\t')
        continue;
      g_string_append_unichar (clean, c);
      n_chars++;
    }
  g_strstrip (clean->str);
  clean->len = strlen (clean->str);
  if (clean->len == 0 || g_utf8_strlen (clean->str, -1) > max_chars || n_chars > 4 * max_chars)
    {
      g_string_free (clean, TRUE);
      return NULL;
    }
  return g_string_free (clean, FALSE);
}

static void
update_name (McRoomSession *session,
             JsonObject    *object)
{
  const char *name = json_object_get_string_member_with_default (object, "name", NULL);

  if (name != NULL)
    {
      g_free (session->name);
      session->name = clean_text (name, MC_ROOM_MAX_NAME_CHARS, FALSE);
    }
}

/* Messages */

static void
handle_hello (McRoomClient *client,
              JsonObject   *object)
{
  McRoom *self = client->room;
  const char *given = json_object_get_string_member_with_default (object, "session", NULL);
  g_autofree char *id = NULL;
  McRoomSession *session;

  if (!is_hex_id (given, 32))
    {
      refuse (client, NULL, "session");
      return;
    }
  id = g_ascii_strdown (given, -1);
  session = g_hash_table_lookup (self->sessions, id);
  if (session == NULL)
    {
      if (g_hash_table_size (self->sessions) >= MC_ROOM_MAX_PARTICIPANTS)
        {
          refuse (client, NULL, "full");
          return;
        }
      session = g_new0 (McRoomSession, 1);
      session->id = g_strdup (id);
      session->votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (self->sessions, session->id, session);
      _mc_room_emit_changed (self);
    }
  client->session = session;
  update_name (session, object);
  _mc_room_send_state (client);
}

static void
edit_own_note (McRoomClient *client,
               McRoomNote   *note,
               const char   *text,
               const char   *color)
{
  McRoom *self = client->room;
  McNote *on_board;
  McNote *changed;

  if (note->rejected)
    {
      refuse (client, note->id, "rejected");
      return;
    }
  if (note->held || note->queued)
    {
      _mc_set_str (&note->text, text);
      _mc_set_str (&note->color, color);
      ack (client, note->id);
      _mc_room_send_state (client);
      return;
    }
  on_board = mc_board_get_note (self->board, note->id);
  if (on_board == NULL)
    {
      refuse (client, note->id, "gone");
      return;
    }
  if (g_strcmp0 (mc_note_get_text (on_board), text) != 0
      || g_strcmp0 (mc_note_get_color (on_board), color) != 0)
    {
      changed = mc_note_dup (on_board);
      mc_note_set_text (changed, text);
      mc_note_set_color (changed, color);
      mc_note_touch (changed);
      mc_board_execute (self->board, mc_command_update_note (self->board, changed));
    }
  _mc_set_str (&note->text, text);
  _mc_set_str (&note->color, color);
  ack (client, note->id);
}

/* A note id from a phone, checked and in the board's (lower) case. */
static char *
dup_note_id (JsonObject *object)
{
  const char *id = json_object_get_string_member_with_default (object, "id", NULL);

  if (id == NULL || !g_uuid_string_is_valid (id))
    return NULL;
  return g_ascii_strdown (id, -1);
}

static void
handle_note (McRoomClient *client,
             JsonObject   *object)
{
  McRoom *self = client->room;
  McRoomSession *session = client->session;
  g_autofree char *id = dup_note_id (object);
  const char *color = json_object_get_string_member_with_default (object, "color", NULL);
  g_autofree char *text = NULL;
  McRoomNote *note;

  if (id == NULL)
    {
      refuse (client, NULL, "id");
      return;
    }
  note = g_hash_table_lookup (self->notes, id);
  if (note != NULL && !g_str_equal (note->session_id, session->id))
    {
      refuse (client, id, "taken");
      return;
    }
  if (note != NULL && note->deleted)
    {
      /* A resend of a note deleted since: nothing to do. */
      ack (client, id);
      return;
    }
  if (note == NULL && mc_board_get_note (self->board, id) != NULL)
    {
      refuse (client, id, "taken");
      return;
    }

  text = clean_text (json_object_get_string_member_with_default (object, "text", NULL),
                     MC_ROOM_MAX_NOTE_CHARS, TRUE);
  if (text == NULL)
    {
      refuse (client, id, "text");
      return;
    }
  if (color == NULL || !mc_note_color_is_valid (color))
    color = MC_NOTE_COLOR_DEFAULT;

  if (note != NULL && g_str_equal (note->text, text) && g_str_equal (note->color, color))
    {
      ack (client, id);   /* a resend */
      return;
    }
  if (self->prompt_region == NULL || self->locked)
    {
      refuse (client, id, "closed");
      return;
    }
  if (note != NULL)
    {
      edit_own_note (client, note, text, color);
      return;
    }

  if (self->n_notes >= MC_ROOM_MAX_NOTES
      || mc_board_get_n_notes (self->board) >= MC_BOARD_MAX_NOTES)
    {
      refuse (client, id, "full");
      return;
    }
  if (!_mc_room_rate_take (&session->notes, MC_ROOM_NOTES_PER_MINUTE / 60.0,
                           MC_ROOM_NOTES_PER_MINUTE))
    {
      refuse (client, id, "rate");
      return;
    }
  update_name (session, object);

  note = g_new0 (McRoomNote, 1);
  note->id = g_steal_pointer (&id);
  note->session_id = g_strdup (session->id);
  note->text = g_steal_pointer (&text);
  note->color = g_strdup (color);
  note->author = g_strdup (self->anonymous || session->name == NULL ? ANONYMOUS : session->name);
  note->figure_id = g_strdup (self->prompt_figure);
  note->region_id = g_strdup (self->prompt_region);
  note->created = g_get_real_time ();
  g_hash_table_insert (self->notes, note->id, note);
  self->n_notes++;

  _mc_room_place_note (self, note);
  ack (client, note->id);
  _mc_room_send_state (client);
}

static void
handle_delete (McRoomClient *client,
               JsonObject   *object)
{
  McRoom *self = client->room;
  g_autofree char *id = dup_note_id (object);
  McRoomNote *note;

  if (id == NULL)
    {
      refuse (client, NULL, "id");
      return;
    }
  note = g_hash_table_lookup (self->notes, id);
  if (note == NULL || note->deleted)
    {
      ack (client, id);
      return;
    }
  if (!g_str_equal (note->session_id, client->session->id))
    {
      refuse (client, id, "taken");
      return;
    }
  if (self->prompt_region == NULL || self->locked)
    {
      refuse (client, id, "closed");
      return;
    }
  note->deleted = TRUE;
  if (note->held || note->queued)
    _mc_room_forget_note (self, note);
  else if (mc_board_get_note (self->board, id) != NULL)
    {
      const char *ids[] = { note->id, NULL };

      mc_board_execute (self->board, mc_editing_delete_notes_command (self->board, ids));
    }
  ack (client, id);
  _mc_room_send_state (client);
}

static void
handle_votes (McRoomClient *client,
              JsonObject   *object)
{
  McRoom *self = client->room;
  McRoomSession *session = client->session;
  g_autoptr(GHashTable) votes = NULL;
  JsonNode *node = json_object_get_member (object, "votes");
  JsonObject *given;
  g_autoptr(GList) members = NULL;
  guint total = 0;

  if (!self->voting || self->locked)
    {
      refuse (client, NULL, "closed");
      return;
    }
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (client, NULL, "votes");
      return;
    }
  given = json_node_get_object (node);
  votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  members = json_object_get_members (given);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *count = json_object_get_member (given, l->data);
      McNote *note = mc_board_get_note (self->board, l->data);
      gint64 n;

      if (!JSON_NODE_HOLDS_VALUE (count) || json_node_get_value_type (count) != G_TYPE_INT64
          || note == NULL || !note_in_scope (self, note))
        {
          refuse (client, NULL, "votes");
          return;
        }
      n = json_node_get_int (count);
      if (n < 0 || n > self->vote_budget || (total += n) > self->vote_budget)
        {
          refuse (client, NULL, "budget");
          return;
        }
      if (n > 0)
        g_hash_table_insert (votes, g_strdup (l->data), GUINT_TO_POINTER ((guint) n));
    }

  g_hash_table_unref (session->votes);
  session->votes = g_steal_pointer (&votes);
  session->n_votes = total;
  if (!self->private_mode)
    _mc_room_sync_votes (self);
  else
    _mc_room_emit_changed (self);
  ack (client, NULL);
  _mc_room_send_state (client);
}

void
_mc_room_client_message (McRoomClient *client,
                         GBytes       *message)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  const char *type;

  /* Frames still arriving after the room closed the connection. */
  if (soup_websocket_connection_get_state (client->ws) != SOUP_WEBSOCKET_STATE_OPEN)
    return;

  /* Per connection, and per session across its connections: hopping from
   * session to session, or opening connections, gains a flood nothing. */
  if (!_mc_room_rate_take (&client->messages, MC_ROOM_MESSAGES_PER_SECOND,
                           2 * MC_ROOM_MESSAGES_PER_SECOND)
      || (client->session != NULL
          && !_mc_room_rate_take (&client->session->messages, MC_ROOM_MESSAGES_PER_SECOND,
                                  2 * MC_ROOM_MESSAGES_PER_SECOND)))
    {
      refuse (client, NULL, "rate");
      return;
    }
  if (!json_parser_load_from_data (parser, g_bytes_get_data (message, NULL),
                                   g_bytes_get_size (message), NULL)
      || (root = json_parser_get_root (parser)) == NULL
      || !JSON_NODE_HOLDS_OBJECT (root))
    {
      refuse (client, NULL, "json");
      return;
    }
  object = json_node_get_object (root);
  type = json_object_get_string_member_with_default (object, "type", "");

  if (g_str_equal (type, "hello"))
    handle_hello (client, object);
  else if (client->session == NULL)
    refuse (client, NULL, "hello");
  else if (g_str_equal (type, "note"))
    handle_note (client, object);
  else if (g_str_equal (type, "delete"))
    handle_delete (client, object);
  else if (g_str_equal (type, "votes"))
    handle_votes (client, object);
  else
    refuse (client, NULL, "type");
}
