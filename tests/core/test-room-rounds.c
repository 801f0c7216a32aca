/* test-room-rounds.c — the room's rounds: participants' notes (idempotent
 * by id), private mode and reveal, the moderation queue and dot votes with
 * their budget; a real SoupServer on 127.0.0.1 and libsoup clients
 * (tests/lib/mc-test-room.h) */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "mc-board.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-history.h"
#include "mc-layout.h"
#include "mc-room.h"
#include "mc-route.h"
#include "mc-templates.h"
#include "mc-test-room.h"
#include "mc-test-util.h"

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

/* Participants' notes are placed in the prompt's region without moving
 * the notes already there (issue 14: "a participant's note never moves
 * other notes"), and without overlapping them. */
static void
test_notes_never_move_others (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(Client) ann = participant (f, 1, "Ann");
  g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (McRect));
  McViewOptions options;

  mc_view_options_init (&options, MC_LANGUAGE_NL);
  for (guint n = 0; n < 10; n++)
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *text = g_strdup_printf ("Idee %u van de deelnemer, met wat meer woorden", n);
      McScene *scene;
      McRect rect;

      g_assert_cmpstr (send_note (ann, id, text), ==, "ack");
      scene = mc_layout_build (layout, f->board, &options);
      for (guint i = 0; i < ids->len; i++)
        {
          McRect now, *was = &g_array_index (rects, McRect, i);

          g_assert_true (mc_layout_get_note_rect (layout, g_ptr_array_index (ids, i), &now));
          g_assert_cmpfloat_with_epsilon (now.x, was->x, 1e-6);
          g_assert_cmpfloat_with_epsilon (now.y, was->y, 1e-6);
          g_assert_cmpfloat_with_epsilon (now.width, was->width, 1e-6);
          g_assert_cmpfloat_with_epsilon (now.height, was->height, 1e-6);
        }
      g_assert_true (mc_layout_get_note_rect (layout, id, &rect));
      for (guint i = 0; i < ids->len; i++)
        {
          McRect *other = &g_array_index (rects, McRect, i);

          g_assert_false (rect.x < other->x + other->width && other->x < rect.x + rect.width
                          && rect.y < other->y + other->height && other->y < rect.y + rect.height);
        }
      g_ptr_array_add (ids, g_steal_pointer (&id));
      g_array_append_val (rects, rect);
      mc_scene_unref (scene);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  mc_test_room_add ("/mc/room/notes", test_notes);
  mc_test_room_add ("/mc/room/private-and-reveal", test_private_and_reveal);
  mc_test_room_add ("/mc/room/moderation", test_moderation);
  mc_test_room_add ("/mc/room/votes", test_votes);
  mc_test_room_add ("/mc/room/notes-never-move-others", test_notes_never_move_others);

  return g_test_run ();
}
