/* mc-room.h — the room: participants add notes and votes from their phones
 *
 * McRoom serves a small page (data/room/, from a GResource) and a WebSocket
 * over HTTP on the local network, while the facilitator has opened it
 * (mc_room_start) and until it is closed (mc_room_stop, or the last
 * reference going). It is one more client of the core: every change a
 * participant makes reaches the board as a McCommand through
 * mc_board_execute(), so undo, autosave and the outline see participant
 * notes as ordinary notes whose author is the participant's name or
 * "anonymous".
 *
 * Joining: the join URL is http://<numeric IPv4>:<port>/#t=<token>; the
 * token (128 random bits, hex) never travels in a request line except the
 * WebSocket's. Typing fallback: the bare address and the room code, which
 * the page trades for the token (rate limited for the whole room).
 *
 * Security: every data request and the WebSocket handshake need the token
 * (403 otherwise); Host must be one of the room's own addresses with its
 * port (421 otherwise: DNS rebinding); the WebSocket's Origin must be
 * exactly http://<Host>; no CORS headers; requests, frames and notes have
 * size caps; notes are rate limited per participant session; the room as a
 * whole is capped.
 *
 * Rounds: the prompt is the region the presentation is at
 * (mc_room_set_prompt); new notes go into that region. Private mode holds
 * notes and votes in the room until mc_room_reveal() puts them on the board
 * in one undo step; lock closes the round (no new notes, no edits); a
 * voting round gives each participant N votes on a scope, enforced here.
 *
 * Signals:
 *   void changed (McRoom *room)   participants, held notes, the round or
 *                                 the running state changed (for the panel)
 */
#pragma once

#include "mc-types.h"
#include "mc-board.h"
#include "mc-route.h"

G_BEGIN_DECLS

/* Caps. The note text cap stays within the loader's (MC_BOARD_MAX_TEXT_LENGTH),
 * so whatever the room writes the loader reads back. */
#define MC_ROOM_MAX_NOTE_CHARS      500
#define MC_ROOM_MAX_NAME_CHARS      40
#define MC_ROOM_MAX_FRAME_SIZE      (16 * 1024)
#define MC_ROOM_MAX_BODY_SIZE       (4 * 1024)
#define MC_ROOM_MAX_CONNECTIONS     250
#define MC_ROOM_MAX_PARTICIPANTS    250
#define MC_ROOM_MAX_NOTES           2000      /* per room, held ones included */
#define MC_ROOM_NOTES_PER_MINUTE    12        /* per participant session */
#define MC_ROOM_MESSAGES_PER_SECOND 10        /* per participant session */
#define MC_ROOM_MAX_VOTES           20        /* per participant per round */
#define MC_ROOM_CODE_DIGITS         6

#define MC_ROOM_ERROR (mc_room_error_quark ())
GQuark mc_room_error_quark (void);

typedef enum
{
  MC_ROOM_ERROR_NO_ADDRESS,   /* no IPv4 address to serve on */
} McRoomError;

#define MC_TYPE_ROOM (mc_room_get_type ())
G_DECLARE_FINAL_TYPE (McRoom, mc_room, MC, ROOM, GObject)

McRoom      *mc_room_new                (McBoard     *board);
McBoard     *mc_room_get_board          (McRoom      *self);

/* Where to listen, set before mc_room_start(): port 0 (the default) takes a
 * free one; address NULL (the default) binds every IPv4 interface, a
 * numeric IPv4 address binds just that one (tests use "127.0.0.1"). */
void         mc_room_set_port           (McRoom      *self,
                                         guint        port);
void         mc_room_set_listen_address (McRoom      *self,
                                         const char  *address);

gboolean     mc_room_start              (McRoom      *self,
                                         GError     **error);
/* Closes every connection. Notes, sessions and the token stay, so a room
 * opened again takes up where it was and resent notes are not doubled. */
void         mc_room_stop               (McRoom      *self);
gboolean     mc_room_get_running        (McRoom      *self);
/* The port listened on while running, else 0. */
guint        mc_room_get_port           (McRoom      *self);

/* The machine's IPv4 addresses other than loopback (sorted, never NULL),
 * read afresh on every call; the join address first while it is one of
 * them. */
GStrv        mc_room_dup_lan_addresses  (McRoom      *self);
/* Replaces that list (a hotspot's address; tests); NULL reads the
 * interfaces again. */
void         mc_room_set_lan_addresses  (McRoom      *self,
                                         const char * const *addresses);
/* The address phones should use, e.g. the laptop's hotspot's once it has
 * started: while the machine has it, it comes first in the LAN addresses,
 * so the join link and QR code use it. NULL: the first in sorted order. */
void         mc_room_set_join_address   (McRoom      *self,
                                         const char  *address);
/* http://<address>:<port>/#t=<token>; address NULL takes the first LAN
 * address, or 127.0.0.1 when there is none. NULL while not running. */
char        *mc_room_dup_join_url       (McRoom      *self,
                                         const char  *address);

const char  *mc_room_get_token          (McRoom      *self);
const char  *mc_room_get_code           (McRoom      *self);
/* New token and code; every participant is disconnected and old links stop
 * working. */
void         mc_room_rotate_token       (McRoom      *self);

/* Participant sessions seen since the room was made, and how many of them
 * are connected now. */
guint        mc_room_get_n_participants (McRoom      *self);
guint        mc_room_get_n_connected    (McRoom      *self);

/* The current prompt: a region stop of the presentation's route (its title
 * and questions are already in the board's language). Other stops, or
 * NULL, leave the room without a region: participants wait. */
void         mc_room_set_prompt         (McRoom            *self,
                                         const McRouteStop *stop);

/* Round settings. */
void         mc_room_set_private        (McRoom      *self,
                                         gboolean     private_mode);
gboolean     mc_room_get_private        (McRoom      *self);
/* Puts the held notes and votes on the board, one undo step; stays private
 * for what comes after only if private mode is still on. */
void         mc_room_reveal             (McRoom      *self);
guint        mc_room_get_n_held         (McRoom      *self);
void         mc_room_set_locked         (McRoom      *self,
                                         gboolean     locked);
gboolean     mc_room_get_locked         (McRoom      *self);
void         mc_room_set_anonymous      (McRoom      *self,
                                         gboolean     anonymous);

/* Moderation: while on, new notes wait in a queue until the facilitator
 * approves them (an ordinary command, so undo takes one back off the board;
 * in a private round an approved note is held until the reveal) or rejects
 * them (they never reach the board). Turning it off leaves the queue as it
 * is, for the facilitator to finish. */
void         mc_room_set_moderated      (McRoom      *self,
                                         gboolean     moderated);
gboolean     mc_room_get_moderated      (McRoom      *self);
guint        mc_room_get_n_queued       (McRoom      *self);
/* The queued notes, oldest first, as detached board notes (id, text,
 * colour, author). */
GPtrArray   *mc_room_dup_queue          (McRoom      *self);
/* FALSE when id is not in the queue (any more). */
gboolean     mc_room_approve            (McRoom      *self,
                                         const char  *id);
gboolean     mc_room_reject             (McRoom      *self,
                                         const char  *id);

/* Voting: votes_per_person (1 … MC_ROOM_MAX_VOTES) on the notes anchored to
 * region_id of figure_id, to figure_id (region_id NULL), or the whole board
 * (both NULL). Starting a round forgets the previous round's budgets. */
void         mc_room_start_voting       (McRoom      *self,
                                         guint        votes_per_person,
                                         const char  *figure_id,
                                         const char  *region_id);
void         mc_room_stop_voting        (McRoom      *self);
gboolean     mc_room_get_voting         (McRoom      *self);

/* The text of a Wi-Fi QR code (WIFI:T:WPA;S:…;P:…;;, escaped) for the
 * network participants join first, e.g. the laptop's hotspot when the
 * room's network keeps devices apart; password NULL or "" for an open
 * network. */
char        *mc_room_dup_wifi_qr_text   (const char  *ssid,
                                         const char  *password);
/* A new WPA2 password for the laptop's hotspot: MC_ROOM_WIFI_PASSWORD_LENGTH
 * characters from the kernel's generator, in an alphabet without look-alikes
 * (no 0/O, 1/l/I), so it can also be typed from the wall. */
#define MC_ROOM_WIFI_PASSWORD_LENGTH 12
char        *mc_room_dup_wifi_password  (void);

G_END_DECLS
