/* mc-window-session.c — the window's facilitated-session actions
 *
 *   win.present       F5: presentation mode (mc-presentation.h)
 *   win.edit-route    the presentation's route editor
 *   win.phase (s)     the board's phase: start / monitor / evaluate, the
 *                     three moments of Figuur 13; undoable
 *   win.new-session   "New Session from This Board": the board copied into
 *                     the next phase, in a new window
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-presentation.h"
#include "mc-room.h"
#include "mc-room-panel.h"
#include "mc-route-editor.h"
#include "mc-window-private.h"

const char *
_mc_window_phase_label (McPhase phase)
{
  switch (phase)
    {
    case MC_PHASE_MONITOR:
      /* Translators: the model's second moment of use, "gedurende het proces". */
      return _("During the Process");
    case MC_PHASE_EVALUATE:
      /* Translators: the model's third moment of use, "aan het einde". */
      return _("At the End");
    case MC_PHASE_START:
    default:
      /* Translators: the model's first moment of use, "bij de start". */
      return _("At the Start");
    }
}

static McPresentation *
find_presentation (McWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL || self->board == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (MC_IS_PRESENTATION (l->data)
        && mc_presentation_get_board (l->data) == self->board)
      return l->data;

  return NULL;
}

#define ROOM_KEY "mc-room"

/* The room asks the participants what the wall asks: the current stop. */
static void
on_route_current (McRoute  *route,
                  GParamSpec *pspec,
                  McWindow *self)
{
  McRoom *room = g_object_get_data (G_OBJECT (self), ROOM_KEY);

  if (room != NULL)
    mc_room_set_prompt (room, mc_route_get_current_stop (route));
}

static void
action_present (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  McWindow *self = user_data;
  McPresentation *presentation;

  if (self->board == NULL)
    return;

  /* One presentation per board: F5 again brings it back. */
  presentation = find_presentation (self);
  if (presentation != NULL)
    {
      gtk_window_present (GTK_WINDOW (presentation));
      return;
    }

  presentation = mc_presentation_new (gtk_window_get_application (GTK_WINDOW (self)),
                                      self->board);
  g_signal_connect_object (mc_presentation_get_route (presentation), "notify::current",
                           G_CALLBACK (on_route_current), self, 0);
  mc_presentation_set_room (presentation, g_object_get_data (G_OBJECT (self), ROOM_KEY));
  mc_presentation_start (presentation, GTK_WINDOW (self));
}

/* The room: participants' phones add notes and votes (mc-room.h). It lives
 * as long as the window; the panel opens, closes and shows it. */
static void
action_room (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  McWindow *self = user_data;
  McRoom *room = g_object_get_data (G_OBJECT (self), ROOM_KEY);
  McPresentation *presentation = find_presentation (self);
  GtkWidget *window, *box, *header;

  if (self->board == NULL)
    return;
  if (room == NULL || mc_room_get_board (room) != self->board)
    {
      room = mc_room_new (self->board);
      g_object_set_data_full (G_OBJECT (self), ROOM_KEY, room, g_object_unref);
    }
  if (presentation != NULL)
    {
      mc_presentation_set_room (presentation, room);
      mc_room_set_prompt (room, mc_route_get_current_stop (mc_presentation_get_route (presentation)));
    }

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("The Room"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 640);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), mc_room_panel_new (room));
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
action_edit_route (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  McWindow *self = user_data;
  g_autoptr(McRoute) route = NULL;

  if (self->board == NULL)
    return;

  route = mc_route_new (self->board, mc_catalog_get_default ());
  mc_route_editor_present (GTK_WINDOW (self), route);
}

static void
change_phase (GSimpleAction *action,
              GVariant      *value,
              gpointer       user_data)
{
  McWindow *self = user_data;
  McPhase phase;

  if (self->board == NULL || mc_board_get_read_only (self->board)
      || !mc_phase_from_string (g_variant_get_string (value, NULL), &phase))
    return;

  g_simple_action_set_state (action, value);
  if (phase != mc_board_get_phase (self->board))
    mc_board_execute (self->board, mc_command_set_phase (self->board, phase));
}

static void
action_new_session (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  McWindow *self = user_data;
  g_autoptr(McBoard) copy = NULL;
  g_autoptr(GError) error = NULL;
  McWindow *window;
  g_autofree char *message = NULL;

  if (self->board == NULL)
    return;

  copy = mc_board_new_session_copy (self->board, &error);
  if (copy == NULL)
    {
      _mc_window_show_error (self, _("Could Not Start a New Session"), error);
      return;
    }

  window = mc_window_new (gtk_window_get_application (GTK_WINDOW (self)), copy);
  gtk_window_present (GTK_WINDOW (window));

  /* Translators: %s is a phase, such as "During the Process". */
  message = g_strdup_printf (_("New session: %s. Earlier notes are shown dimmed."),
                             _mc_window_phase_label (mc_board_get_phase (copy)));
  mc_window_show_toast (window, message);
}

static const GActionEntry session_entries[] = {
  { "present", action_present },
  { "room", action_room },
  { "edit-route", action_edit_route },
  { "phase", NULL, "s", "'start'", change_phase },
  { "new-session", action_new_session },
};

void
_mc_window_init_session_actions (McWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), session_entries,
                                   G_N_ELEMENTS (session_entries), self);
}

void
_mc_window_update_session_actions (McWindow *self)
{
  McBoard *board = self->board;
  gboolean editable = board != NULL && !mc_board_get_read_only (board);
  GAction *phase_action = g_action_map_lookup_action (G_ACTION_MAP (self), "phase");

  if (phase_action == NULL)
    return;

  _mc_window_set_action_enabled (self, "phase", editable);
  _mc_window_set_action_enabled (self, "present", board != NULL);
  _mc_window_set_action_enabled (self, "edit-route", editable);
  _mc_window_set_action_enabled (self, "new-session",
                                 board != NULL && mc_board_get_phase (board) != MC_PHASE_EVALUATE);

  if (board != NULL)
    {
      McPhase phase = mc_board_get_phase (board);
      const char *name = mc_phase_to_string (phase);
      g_autoptr(GVariant) state = g_action_get_state (phase_action);

      /* Follows the board (undo, open) without executing another command. */
      if (g_strcmp0 (g_variant_get_string (state, NULL), name) != 0)
        g_simple_action_set_state (G_SIMPLE_ACTION (phase_action), g_variant_new_string (name));
      if (self->phase_button != NULL)
        gtk_menu_button_set_label (self->phase_button, _mc_window_phase_label (phase));
    }
}
