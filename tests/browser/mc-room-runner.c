/* mc-room-runner.c — a room without the app, for the browser test (a test
 * program, not part of the product)
 *
 *   mc-room-runner [--lang nl|en] [BOARD]
 *
 * Loads BOARD (or a new "model" board), opens the room on 127.0.0.1 with
 * the prompt at the first region, prints "url <join URL>", then obeys one
 * command per line on standard input:
 *
 *   notes   prints "notes N" and one JSON line per note: {"id","text","author"}
 *   wait N  the same, as soon as the board holds at least N notes (or after
 *           a minute, so a hang ends as a failure of the test)
 *   votes N the same, as soon as the notes hold at least N votes in all
 *   vote N  starts a voting round of N votes on the prompt's region; "voting"
 *   moderate  turns the moderation queue on; prints "moderated"
 *   approve / reject  the oldest queued note; prints "approved N" /
 *           "rejected N", N the notes still queued
 *   private / reveal  turns private mode on; reveals the held notes;
 *           prints "private" / "revealed N", N the notes still held
 *   lock / unlock  locks the round (no new notes) or opens it; prints
 *           "locked" / "unlocked"
 *   code    prints "code NNNNNN", the room code to type
 *   stop    closes the room (every connection); prints "stopped"
 *   start   opens it again on the same port; prints "started"
 *   quit    (or end of input) prints the notes, then exits
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <gio/gunixinputstream.h>
#include <json-glib/json-glib.h>

#include "mc-board-io.h"
#include "mc-catalog.h"
#include "mc-room.h"
#include "mc-route.h"
#include "mc-templates.h"

typedef struct
{
  McBoard          *board;
  McRoom           *room;
  McRoute          *route;
  GDataInputStream *input;
  GMainLoop        *loop;
  guint             port;
  guint             waiting_for;   /* what "wait N" or "votes N" waits for */
  gboolean          waiting_votes;
  gulong            changed_id;
  guint             deadline_id;
} Runner;

static void
print_notes (Runner *runner)
{
  GPtrArray *notes = mc_board_get_notes (runner->board);

  g_print ("notes %u\n", notes->len);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *line = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, mc_note_get_id (note));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, mc_note_get_text (note));
      json_builder_set_member_name (builder, "author");
      json_builder_add_string_value (builder, mc_note_get_author (note));
      json_builder_set_member_name (builder, "votes");
      json_builder_add_int_value (builder, mc_note_get_votes (note));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      line = json_to_string (root, FALSE);
      g_print ("%s\n", line);
    }
}

static void read_command (Runner *runner);

static void
end_wait (Runner *runner)
{
  g_clear_signal_handler (&runner->changed_id, runner->board);
  g_clear_handle_id (&runner->deadline_id, g_source_remove);
  runner->waiting_for = 0;
  print_notes (runner);
  read_command (runner);
}

static gboolean
wait_reached (Runner *runner)
{
  GPtrArray *notes = mc_board_get_notes (runner->board);
  guint votes = 0;

  if (!runner->waiting_votes)
    return notes->len >= runner->waiting_for;
  for (guint i = 0; i < notes->len; i++)
    votes += mc_note_get_votes (g_ptr_array_index (notes, i));
  return votes >= runner->waiting_for;
}

static void
on_board_changed (McBoard       *board,
                  McChangeFlags  flags,
                  GStrv          note_ids,
                  Runner        *runner)
{
  if (wait_reached (runner))
    end_wait (runner);
}

static gboolean
deadline_cb (gpointer data)
{
  Runner *runner = data;

  runner->deadline_id = 0;
  end_wait (runner);
  return G_SOURCE_REMOVE;
}

static void
line_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Runner *runner = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish (runner->input, result, NULL, &error);

  if (line == NULL || g_str_equal (line, "quit"))
    {
      print_notes (runner);
      g_main_loop_quit (runner->loop);
      return;
    }
  if (g_str_equal (line, "notes"))
    print_notes (runner);
  else if (g_str_has_prefix (line, "wait ") || g_str_has_prefix (line, "votes "))
    {
      runner->waiting_votes = g_str_has_prefix (line, "votes ");
      runner->waiting_for = (guint) g_ascii_strtoull (strchr (line, ' ') + 1, NULL, 10);
      if (!wait_reached (runner))
        {
          runner->changed_id = g_signal_connect (runner->board, "changed",
                                                 G_CALLBACK (on_board_changed), runner);
          runner->deadline_id = g_timeout_add_seconds (60, deadline_cb, runner);
          return;   /* the next command is read when the wait ends */
        }
      print_notes (runner);
    }
  else if (g_str_has_prefix (line, "vote "))
    {
      const McRouteStop *stop = mc_route_get_current_stop (runner->route);

      mc_room_start_voting (runner->room, (guint) g_ascii_strtoull (line + 5, NULL, 10),
                            stop->figure_id, stop->region_id);
      g_print ("voting\n");
    }
  else if (g_str_equal (line, "moderate"))
    {
      mc_room_set_moderated (runner->room, TRUE);
      g_print ("moderated\n");
    }
  else if (g_str_equal (line, "approve") || g_str_equal (line, "reject"))
    {
      g_autoptr(GPtrArray) queue = mc_room_dup_queue (runner->room);
      gboolean approve = g_str_equal (line, "approve");

      if (queue->len > 0)
        {
          const char *id = mc_note_get_id (g_ptr_array_index (queue, 0));

          if (approve)
            mc_room_approve (runner->room, id);
          else
            mc_room_reject (runner->room, id);
        }
      g_print ("%s %u\n", approve ? "approved" : "rejected", mc_room_get_n_queued (runner->room));
    }
  else if (g_str_equal (line, "private"))
    {
      mc_room_set_private (runner->room, TRUE);
      g_print ("private\n");
    }
  else if (g_str_equal (line, "reveal"))
    {
      mc_room_reveal (runner->room);
      g_print ("revealed %u\n", mc_room_get_n_held (runner->room));
    }
  else if (g_str_equal (line, "lock") || g_str_equal (line, "unlock"))
    {
      mc_room_set_locked (runner->room, g_str_equal (line, "lock"));
      g_print ("%sed\n", line);
    }
  else if (g_str_equal (line, "code"))
    g_print ("code %s\n", mc_room_get_code (runner->room));
  else if (g_str_equal (line, "stop"))
    {
      mc_room_stop (runner->room);
      g_print ("stopped\n");
    }
  else if (g_str_equal (line, "start"))
    {
      mc_room_set_port (runner->room, runner->port);
      if (!mc_room_start (runner->room, &error))
        g_printerr ("cannot open the room again: %s\n", error->message);
      g_print ("started\n");
    }
  else
    g_printerr ("unknown command: %s\n", line);
  read_command (runner);
}

static void
read_command (Runner *runner)
{
  g_data_input_stream_read_line_async (runner->input, G_PRIORITY_DEFAULT, NULL, line_cb, runner);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stdin_stream = NULL;
  g_autofree char *url = NULL;
  const char *lang = "nl";
  const char *path = NULL;
  McLanguage language = MC_LANGUAGE_NL;
  Runner runner = { 0 };

  setvbuf (stdout, NULL, _IOLBF, 0);
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--lang") && i + 1 < argc)
        lang = argv[++i];
      else
        path = argv[i];
    }
  mc_core_ensure_resources ();
  if (!mc_language_from_string (lang, &language))
    {
      g_printerr ("unknown language: %s\n", lang);
      return 2;
    }

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      runner.board = mc_board_load_from_file (file, MC_BOARD_LOAD_NONE, &error);
    }
  else
    runner.board = mc_board_new_from_template ("model", language, &error);
  if (runner.board == NULL)
    {
      g_printerr ("cannot load the board: %s\n", error->message);
      return 1;
    }

  runner.route = mc_route_new (runner.board, mc_catalog_get_default ());
  for (guint i = 0; i < mc_route_get_n_stops (runner.route); i++)
    if (mc_route_get_stop (runner.route, i)->kind == MC_ROUTE_STOP_REGION)
      {
        mc_route_set_current (runner.route, i);
        break;
      }

  runner.room = mc_room_new (runner.board);
  mc_room_set_listen_address (runner.room, "127.0.0.1");
  mc_room_set_prompt (runner.room, mc_route_get_current_stop (runner.route));
  if (!mc_room_start (runner.room, &error))
    {
      g_printerr ("cannot open the room: %s\n", error->message);
      return 1;
    }
  runner.port = mc_room_get_port (runner.room);
  url = mc_room_dup_join_url (runner.room, "127.0.0.1");
  g_print ("url %s\n", url);

  stdin_stream = g_unix_input_stream_new (0, FALSE);
  runner.input = g_data_input_stream_new (stdin_stream);
  runner.loop = g_main_loop_new (NULL, FALSE);
  read_command (&runner);
  g_main_loop_run (runner.loop);

  g_clear_object (&runner.input);
  g_clear_pointer (&runner.loop, g_main_loop_unref);
  g_clear_object (&runner.room);
  g_clear_object (&runner.route);
  g_clear_object (&runner.board);
  return 0;
}
