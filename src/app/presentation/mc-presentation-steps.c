/* mc-presentation-steps.c — presentation mode: stepping along the route, and the keys */
#include "config.h"

#include "mc-presentation-private.h"

static void
on_route_current (McRoute        *route,
                  GParamSpec     *pspec,
                  McPresentation *self)
{
  /* A new stop starts at its first page of questions (or its last, when
   * stepping back: mc_presentation_previous()). */
  self->page = 0;
  _mc_presentation_update_banner (self);
  _mc_presentation_frame_stop (self, TRUE);
}

static void
on_route_changed (McRoute        *route,
                  McPresentation *self)
{
  /* Texts or order changed (an edit, undo, the route editor): the view
   * stays where it is. */
  _mc_presentation_update_banner (self);
}

gboolean
mc_presentation_next (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), FALSE);

  _mc_presentation_finish_capture (self);
  /* The stop's next page of questions first, then the next stop. */
  if (_mc_presentation_turn_page (self, 1))
    return TRUE;
  return mc_route_next (self->route);
}

gboolean
mc_presentation_previous (McPresentation *self)
{
  gboolean moved;

  g_return_val_if_fail (MC_IS_PRESENTATION (self), FALSE);

  _mc_presentation_finish_capture (self);
  if (_mc_presentation_turn_page (self, -1))
    return TRUE;
  self->to_last_page = TRUE;
  moved = mc_route_previous (self->route);
  self->to_last_page = FALSE;
  return moved;
}

void
mc_presentation_go_to (McPresentation *self,
                       guint           index)
{
  g_return_if_fail (MC_IS_PRESENTATION (self));
  g_return_if_fail (index < mc_route_get_n_stops (self->route));

  _mc_presentation_finish_capture (self);
  mc_route_set_current (self->route, index);
}

static void
go_to_end (McPresentation *self,
           gboolean        last)
{
  guint n = mc_route_get_n_stops (self->route);

  for (guint k = 0; k < n; k++)
    {
      guint i = last ? n - 1 - k : k;

      if (!mc_route_get_stop (self->route, i)->skipped)
        {
          mc_presentation_go_to (self, i);
          return;
        }
    }
}

gboolean
mc_presentation_handle_key (McPresentation  *self,
                            guint            keyval,
                            GdkModifierType  state)
{
  gboolean typing;
  gunichar c;

  g_return_val_if_fail (MC_IS_PRESENTATION (self), FALSE);

  /* Shortcuts with modifiers are the window's. */
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  typing = _mc_presentation_capture_has_focus (self);

  switch (keyval)
    {
    case GDK_KEY_Escape:
      /* As on the canvas: Escape keeps what was typed. */
      if (mc_presentation_get_capturing (self))
        _mc_presentation_finish_capture (self);
      else
        mc_presentation_leave (self);
      return TRUE;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      mc_presentation_next (self);
      return TRUE;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      mc_presentation_previous (self);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (typing)
        return FALSE;
      mc_presentation_next (self);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
    case GDK_KEY_BackSpace:
      if (typing)
        return FALSE;
      mc_presentation_previous (self);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_End:
      if (typing)
        return FALSE;
      go_to_end (self, keyval == GDK_KEY_End);
      return TRUE;

    default:
      break;
    }

  if (typing)
    return FALSE;

  /* Typing a character at a region stop starts a note there. */
  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && g_unichar_isgraph (c) && _mc_presentation_can_capture (self))
    {
      char text[7] = { 0 };

      g_unichar_to_utf8 (c, text);
      _mc_presentation_begin_capture (self, text);
      return TRUE;
    }

  return FALSE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                McPresentation        *self)
{
  return mc_presentation_handle_key (self, keyval, state);
}


void
_mc_presentation_connect_route (McPresentation *self)
{
  self->route_changed_id = g_signal_connect (self->route, "changed",
                                             G_CALLBACK (on_route_changed), self);
  self->route_current_id = g_signal_connect (self->route, "notify::current",
                                             G_CALLBACK (on_route_current), self);
}

void
_mc_presentation_init_steps (McPresentation *self)
{
  GtkEventController *keys;

  /* Before any child: space and the arrows navigate unless one is typing. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
