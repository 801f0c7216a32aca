/* mc-room-private.h — what mc-room.c (the server) and mc-room-protocol.c
 * (participants' messages, notes and votes) share */
#pragma once

#include "mc-room.h"

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A token bucket: up to burst at once, refilled at rate per second. */
typedef struct
{
  double tokens;
  gint64 last;     /* monotonic µs of the last refill; 0 = full */
} McRoomRate;

gboolean _mc_room_rate_take (McRoomRate *rate,
                             double      per_second,
                             double      burst);

/* A participant's session: the id the page keeps in localStorage, so
 * reconnecting (a dropped network, a locked screen) resumes it. Rate limits
 * count per session, never per address (a class shares one NAT). */
typedef struct
{
  char       *id;
  char       *name;
  McRoomRate  notes;
  McRoomRate  messages;
  GHashTable *votes;      /* note id → GUINT_TO_POINTER (votes this round) */
  guint       n_votes;
} McRoomSession;

/* One WebSocket connection; session is NULL until its "hello". */
typedef struct
{
  McRoom                  *room;
  SoupWebsocketConnection *ws;
  McRoomSession           *session;
  McRoomRate               messages;
  guint                    n_refused;  /* consecutive; too many closes it */
} McRoomClient;

/* A note a participant sent, remembered by its id (made on the phone) so a
 * resend is never doubled. */
typedef struct
{
  char     *id;
  char     *session_id;
  char     *text;
  char     *color;
  char     *author;
  char     *figure_id;
  char     *region_id;
  gint64    created;
  gboolean  held;      /* private round: not on the board until reveal */
  gboolean  queued;    /* moderated round: waits for the facilitator */
  gboolean  rejected;  /* the facilitator said no: never on the board */
  gboolean  deleted;
} McRoomNote;

struct _McRoom
{
  GObject     parent_instance;

  McBoard    *board;
  gulong      board_changed_id;
  SoupServer *server;
  guint       port;            /* asked for; 0 = any */
  guint       bound_port;
  char       *listen_address;
  GStrv       lan_addresses;   /* override, or NULL */
  char       *join_address;    /* the hotspot's: first when present, or NULL */

  char       *token;
  char       *code;
  McRoomRate  code_attempts;   /* the whole room's */

  GHashTable *sessions;        /* id → McRoomSession */
  GPtrArray  *clients;         /* of McRoomClient */
  GHashTable *notes;           /* id → McRoomNote */
  GPtrArray  *held;            /* of McRoomNote (borrowed), arrival order */
  GPtrArray  *queue;           /* of McRoomNote (borrowed), arrival order */
  guint       n_notes;         /* ever accepted, for MC_ROOM_MAX_NOTES */

  char       *prompt_figure;   /* NULL: no region open */
  char       *prompt_region;
  char       *prompt_title;
  char       *prompt_text;     /* questions, one per line */

  gboolean    private_mode;
  gboolean    locked;
  gboolean    anonymous;
  gboolean    moderated;

  gboolean    voting;
  guint       vote_budget;
  char       *vote_figure;
  char       *vote_region;
  GHashTable *votes_applied;   /* note id → GUINT (on the board, by the room) */

  guint       broadcast_idle;
};

/* mc-room.c */
void          _mc_room_emit_changed      (McRoom        *self);
/* Whether a Host header names one of the room's own addresses and its
 * port (mc-room-addresses.c). */
gboolean      _mc_room_host_is_ours      (McRoom        *self,
                                          const char    *host);
/* n_bytes from the kernel's generator (aborts if it cannot give them). */
void          _mc_room_random_bytes      (guchar        *bytes,
                                          gsize          n_bytes);

/* mc-room-protocol.c */
void          _mc_room_session_free      (McRoomSession *session);
void          _mc_room_note_free         (McRoomNote    *note);
void          _mc_room_client_message    (McRoomClient  *client,
                                          GBytes        *message);
/* Sends every connected participant its state, soon (coalesced). */
void          _mc_room_queue_broadcast   (McRoom        *self);
void          _mc_room_send_state        (McRoomClient  *client);

/* mc-room-rounds.c */
/* A detached board note for what a participant sent. */
McNote       *_mc_room_note_to_board     (McRoomNote    *note);
/* Makes the board's votes what the sessions gave, one undo step. */
void          _mc_room_sync_votes        (McRoom        *self);
/* Puts held notes (and, with reveal, held votes) on the board. */
void          _mc_room_apply_held        (McRoom        *self,
                                          gboolean       reveal);

/* mc-room-moderation.c */
/* Where a participant's new note goes: the queue, the held notes or the
 * board. */
void          _mc_room_place_note        (McRoom        *self,
                                          McRoomNote    *note);
/* A participant deleted a note that had not reached the board. */
void          _mc_room_forget_note       (McRoom        *self,
                                          McRoomNote    *note);

G_END_DECLS
