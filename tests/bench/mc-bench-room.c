/* mc-bench-room.c — the room under load: 40 participants over loopback
 * WebSockets send 500 notes and 400 votes while the canvas redraws
 *
 * The participants run on their own thread (their own GMainContext and
 * SoupSession), so the window's main loop does only what the app does:
 * serve the room, run the commands, draw. Each participant sends its
 * notes spread over the run (12 or 13 in 60 s: within the room's limit of
 * MC_ROOM_NOTES_PER_MINUTE a minute, burst included) and, in the voting
 * round the bench opens, moves its 10 votes onto its own notes as they
 * are acknowledged (one "votes" frame each time). A refused frame ("rate")
 * is sent again a second later.
 *
 * Prints:
 *   room_note_ack_p50_ms, _p95_ms  send → ack; the room acks a note after
 *                                  it is on the board (mc_board_execute)
 *   room_notes_dropped, room_notes_duplicated   must be 0
 *   room_votes_on_board            must be 400
 *   room_peak_rss_mb               the whole process (clients included)
 *   room_frame_p50_ms, _p95_ms, _max_ms   frame clock intervals of the
 *                                  canvas, redrawn every frame, from the
 *                                  last participant connecting to the end
 *
 * Usage: mc-bench-room [SECONDS]   (60 by default). Needs a display.
 */
#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>
#include <sys/resource.h>

#include "mc-app-base.h"
#include "mc-canvas.h"
#include "mc-catalog.h"
#include "mc-room.h"
#include "mc-route.h"
#include "mc-templates.h"
#include "mc-bench-util.h"

#define N_PARTICIPANTS 40
#define N_NOTES        500
#define VOTES_EACH     10

typedef struct _Bench Bench;

static GArray *frames;     /* of double: ms between frame clock ticks */
static gint64 last_frame;
static gint burst;         /* atomic: every participant is connected */

typedef struct
{
  Bench                   *bench;
  guint                    n;
  SoupWebsocketConnection *ws;
  guint                    n_notes;      /* this participant's share */
  guint                    n_sent;
  GPtrArray               *acked;        /* note ids, in order */
  GHashTable              *sent_at;      /* id → gint64 * (µs) */
} Participant;

struct _Bench
{
  guint         port;
  char         *token;
  double        seconds;
  GMainContext *context;
  SoupSession  *session;
  Participant   participants[N_PARTICIPANTS];
  GArray       *ack_ms;                  /* of double */
  GHashTable   *ids;                     /* every note id sent */
  guint         n_connected;
  gint          done;                    /* atomic: the thread finished */
  gint64        start;
};

static void
send_note (Participant *p,
           const char  *id)
{
  g_autofree char *frame = g_strdup_printf ("{\"type\":\"note\",\"id\":\"%s\",\"text\":"
                                            "\"Deelnemer %u, notitie %s\",\"color\":\"yellow\"}",
                                            id, p->n, id);

  soup_websocket_connection_send_text (p->ws, frame);
}

static void
send_votes (Participant *p)
{
  GString *frame = g_string_new ("{\"type\":\"votes\",\"votes\":{");

  /* VOTES_EACH spread over the notes acknowledged so far. */
  for (guint i = 0; i < p->acked->len; i++)
    {
      guint votes = VOTES_EACH / p->acked->len + (i < VOTES_EACH % p->acked->len ? 1 : 0);

      if (i >= VOTES_EACH || votes == 0)
        break;
      g_string_append_printf (frame, "%s\"%s\":%u", i > 0 ? "," : "",
                              (char *) g_ptr_array_index (p->acked, i), votes);
    }
  g_string_append (frame, "}}");
  soup_websocket_connection_send_text (p->ws, frame->str);
  g_string_free (frame, TRUE);
}

static gboolean
resend_cb (gpointer data)
{
  Participant *p = data;
  GHashTableIter iter;
  gpointer id;

  /* Every note not acknowledged yet (idempotent by id). */
  g_hash_table_iter_init (&iter, p->sent_at);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    send_note (p, id);
  send_votes (p);
  return G_SOURCE_REMOVE;
}

static void
on_message (SoupWebsocketConnection *ws,
            SoupWebsocketDataType    type,
            GBytes                  *message,
            Participant             *p)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *kind, *id;
  gint64 *sent;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (message, NULL),
                                   g_bytes_get_size (message), NULL))
    return;
  object = json_node_get_object (json_parser_get_root (parser));
  kind = json_object_get_string_member_with_default (object, "type", "");
  id = json_object_get_string_member_with_default (object, "id", NULL);
  if (g_str_equal (kind, "error"))
    {
      g_timeout_add_seconds (1, resend_cb, p);
      return;
    }
  if (!g_str_equal (kind, "ack") || id == NULL
      || (sent = g_hash_table_lookup (p->sent_at, id)) == NULL)
    return;
  g_array_append_val (p->bench->ack_ms, (double) { (g_get_monotonic_time () - *sent) / 1000.0 });
  g_ptr_array_add (p->acked, g_strdup (id));
  g_hash_table_remove (p->sent_at, id);
  send_votes (p);
}

static gboolean
send_next (gpointer data)
{
  Participant *p = data;
  char *id = g_uuid_string_random ();
  gint64 *sent = g_new (gint64, 1);

  *sent = g_get_monotonic_time ();
  g_hash_table_insert (p->sent_at, g_strdup (id), sent);
  g_hash_table_add (p->bench->ids, id);
  send_note (p, id);
  return ++p->n_sent < p->n_notes;
}

static guint
interval_ms (Participant *p)
{
  return (guint) (p->bench->seconds * 1000 / p->n_notes);
}

static gboolean
start_sending (gpointer data)
{
  Participant *p = data;

  if (send_next (p))
    g_timeout_add (interval_ms (p), send_next, p);
  return G_SOURCE_REMOVE;
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Participant *p = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *hello = NULL;

  p->ws = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (p->ws == NULL)
    g_error ("participant %u: %s", p->n, error->message);
  soup_websocket_connection_set_max_incoming_payload_size (p->ws, 1024 * 1024);
  g_signal_connect (p->ws, "message", G_CALLBACK (on_message), p);
  hello = g_strdup_printf ("{\"type\":\"hello\",\"session\":\"%032x\",\"name\":\"Deelnemer %u\"}",
                           p->n + 1, p->n);
  soup_websocket_connection_send_text (p->ws, hello);
  /* Spread over the run, each participant offset a little. */
  g_timeout_add (interval_ms (p) * p->n / N_PARTICIPANTS + 1, start_sending, p);
  if (++p->bench->n_connected == N_PARTICIPANTS)
    g_atomic_int_set (&burst, 1);
}

static gboolean
all_settled (Bench *bench)
{
  for (guint i = 0; i < N_PARTICIPANTS; i++)
    if (bench->participants[i].n_sent < bench->participants[i].n_notes
        || g_hash_table_size (bench->participants[i].sent_at) > 0)
      return FALSE;
  return TRUE;
}

static gpointer
clients_thread (gpointer data)
{
  Bench *bench = data;
  g_autofree char *base = g_strdup_printf ("http://127.0.0.1:%u", bench->port);
  g_autofree char *url = g_strdup_printf ("%s/ws?t=%s", base, bench->token);
  double deadline;

  g_main_context_push_thread_default (bench->context);
  bench->session = soup_session_new_with_options ("max-conns", 100, "max-conns-per-host", 100, NULL);
  for (guint i = 0; i < N_PARTICIPANTS; i++)
    {
      Participant *p = &bench->participants[i];
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

      p->bench = bench;
      p->n = i;
      p->n_notes = N_NOTES / N_PARTICIPANTS + (i < N_NOTES % N_PARTICIPANTS ? 1 : 0);
      p->acked = g_ptr_array_new_with_free_func (g_free);
      p->sent_at = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      soup_session_websocket_connect_async (bench->session, msg, base, NULL,
                                            G_PRIORITY_DEFAULT, NULL, connected_cb, p);
    }
  /* Bounded: the run, then time for the stragglers. */
  deadline = mc_bench_now_ms () + bench->seconds * 1000 + 60000;
  while ((bench->n_connected < N_PARTICIPANTS || !all_settled (bench)) && mc_bench_now_ms () < deadline)
    g_main_context_iteration (bench->context, TRUE);
  /* The last votes frames. */
  for (double end = mc_bench_now_ms () + 1000; mc_bench_now_ms () < end;)
    g_main_context_iteration (bench->context, FALSE);
  for (guint i = 0; i < N_PARTICIPANTS; i++)
    if (bench->participants[i].ws != NULL)
      soup_websocket_connection_close (bench->participants[i].ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  for (double end = mc_bench_now_ms () + 500; mc_bench_now_ms () < end;)
    g_main_context_iteration (bench->context, FALSE);
  g_main_context_pop_thread_default (bench->context);
  g_atomic_int_set (&bench->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}


static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  gint64 time = gdk_frame_clock_get_frame_time (clock);

  if (last_frame != 0 && g_atomic_int_get (&burst))
    g_array_append_val (frames, (double) { (time - last_frame) / 1000.0 });
  last_frame = time;
  gtk_widget_queue_draw (widget);   /* redraw every frame, as during the animation */
  return G_SOURCE_CONTINUE;
}

static double
percentile (GArray *values,
            double  fraction)
{
  if (values->len == 0)
    return 0;
  return mc_bench_percentile ((double *) (void *) values->data, values->len, fraction);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = NULL;
  g_autoptr(McRoute) route = NULL;
  g_autoptr(McRoom) room = NULL;
  Bench bench = { 0 };
  GtkWidget *window, *canvas;
  GThread *thread;
  guint n_before, n_ours = 0, votes = 0;
  struct rusage usage;

  gtk_init ();
  adw_init ();
  mc_core_ensure_resources ();
  mc_app_ensure_resources ();
  bench.seconds = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 60;
  if (bench.seconds <= 0)
    bench.seconds = 60;

  board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);
  g_assert_no_error (error);
  route = mc_route_new (board, mc_catalog_get_default ());
  room = mc_room_new (board);
  for (guint i = 0; i < mc_route_get_n_stops (route); i++)
    if (mc_route_get_stop (route, i)->kind == MC_ROUTE_STOP_REGION)
      {
        mc_room_set_prompt (room, mc_route_get_stop (route, i));
        break;
      }
  mc_room_set_listen_address (room, "127.0.0.1");
  if (!mc_room_start (room, &error))
    g_error ("%s", error->message);
  mc_room_start_voting (room, VOTES_EACH, NULL, NULL);
  n_before = mc_board_get_n_notes (board);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  canvas = mc_canvas_new ();
  mc_canvas_set_board (MC_CANVAS (canvas), board);
  gtk_window_set_child (GTK_WINDOW (window), canvas);
  gtk_window_present (GTK_WINDOW (window));
  frames = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_add_tick_callback (canvas, on_tick, NULL, NULL);

  bench.port = mc_room_get_port (room);
  bench.token = g_strdup (mc_room_get_token (room));
  bench.context = g_main_context_new ();
  bench.ack_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  thread = g_thread_new ("participants", clients_thread, &bench);
  while (!g_atomic_int_get (&bench.done))
    g_main_context_iteration (NULL, TRUE);
  g_atomic_int_set (&burst, 0);
  g_thread_join (thread);
  for (double end = mc_bench_now_ms () + 500; mc_bench_now_ms () < end;)
    g_main_context_iteration (NULL, FALSE);

  /* What is on the board. */
  for (guint i = 0; i < mc_board_get_notes (board)->len; i++)
    {
      McNote *note = g_ptr_array_index (mc_board_get_notes (board), i);

      if (g_hash_table_contains (bench.ids, mc_note_get_id (note)))
        {
          n_ours++;
          votes += mc_note_get_votes (note);
        }
    }
  getrusage (RUSAGE_SELF, &usage);

  g_print ("room_participants: %u\n", N_PARTICIPANTS);
  g_print ("room_seconds: %.0f\n", bench.seconds);
  g_print ("room_notes_sent: %u\n", g_hash_table_size (bench.ids));
  g_print ("room_note_ack_p50_ms: %.1f\n", percentile (bench.ack_ms, 0.50));
  g_print ("room_note_ack_p95_ms: %.1f\n", percentile (bench.ack_ms, 0.95));
  g_print ("room_notes_dropped: %u\n", g_hash_table_size (bench.ids) - MIN (n_ours, g_hash_table_size (bench.ids)));
  g_print ("room_notes_duplicated: %u\n", mc_board_get_n_notes (board) - n_before - n_ours);
  g_print ("room_votes_on_board: %u\n", votes);
  g_print ("room_peak_rss_mb: %.0f\n", usage.ru_maxrss / 1024.0);
  g_print ("room_frame_p50_ms: %.1f\n", percentile (frames, 0.50));
  g_print ("room_frame_p95_ms: %.1f\n", percentile (frames, 0.95));
  g_print ("room_frame_max_ms: %.1f\n", percentile (frames, 1.0));

  mc_room_stop (room);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
