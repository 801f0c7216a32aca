/* mc-canvas-input.c — pointer, scroll and keyboard input of the canvas
 *
 * Navigation: pan (drag on empty space, middle-button drag, space + drag,
 * scroll), zoom (Ctrl + scroll about the pointer, pinch) and picking the
 * region the side panel describes. Note editing: a primary press goes to
 * mc-canvas-drag.c first, which says whether it starts a move, a resize, a
 * rubber band (Shift/Ctrl on empty space) or a pan; double-click edits or
 * creates a note; arrows nudge selected notes.
 */
#include "config.h"

#include <math.h>

#include "mc-canvas-a11y-private.h"
#include "mc-canvas-edit-private.h"

/* Pixels per wheel notch when scrolling, and zoom factor per notch. */
#define WHEEL_STEP_PX   48.0
#define WHEEL_ZOOM_BASE 1.15

static const char *
region_at (McCanvas *self,
           double    widget_x,
           double    widget_y)
{
  const McSceneItem *item;
  McScene *scene = mc_canvas_get_scene (self);
  double x, y;

  if (scene == NULL)
    return NULL;

  mc_canvas_widget_to_board (self, widget_x, widget_y, &x, &y);
  item = mc_scene_hit_test (scene, x, y, 1 << MC_ROLE_REGION);

  return item != NULL ? item->id : NULL;
}

static void
update_cursor (McCanvas *self)
{
  const char *name = NULL;

  if (self->panning)
    name = "grabbing";
  else if (self->space_down)
    name = "grab";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

/* Scrolling */

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           McCanvas                 *self)
{
  GdkModifierType state;
  double step = WHEEL_STEP_PX;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* Touchpads report pixels; wheels report notches. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
    step = 1.0;

  if (state & GDK_CONTROL_MASK)
    {
      double notches = step == 1.0 ? dy / 20.0 : dy;
      double zoom = mc_canvas_get_zoom (self) * pow (WHEEL_ZOOM_BASE, -notches);

      mc_canvas_zoom_at (self, zoom, self->pointer_x, self->pointer_y, FALSE);
      return GDK_EVENT_STOP;
    }

  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }

  mc_canvas_scroll_by (self, dx * step, dy * step);
  return GDK_EVENT_STOP;
}

/* Pinch on a touchpad or touchscreen */

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               McCanvas         *self)
{
  self->pinch_start_zoom = mc_canvas_get_zoom (self);
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       McCanvas       *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  mc_canvas_zoom_at (self, self->pinch_start_zoom * scale, x, y, FALSE);
}

/* Panning by dragging */

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          start_x,
               double          start_y,
               McCanvas       *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state;

  self->edit->drag_mode = MC_DRAG_NONE;

  if (button == GDK_BUTTON_PRIMARY && !self->space_down)
    {
      state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
      /* Notes, handles and rubber bands belong to note editing. */
      if (_mc_canvas_edit_press (self, start_x, start_y, state) != MC_DRAG_PAN)
        return;
    }
  else if (button != GDK_BUTTON_MIDDLE && !self->space_down)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  else
    self->edit->drag_mode = MC_DRAG_PAN;

  _mc_canvas_stop_animation (self);
  self->pan_start_x = self->origin_x;
  self->pan_start_y = self->origin_y;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                McCanvas       *self)
{
  McDragMode mode = self->edit->drag_mode;

  if (mode != MC_DRAG_PAN)
    {
      if (mode == MC_DRAG_NONE)
        return;
      if (!self->edit->drag_active
          && !gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) offset_x, (int) offset_y))
        return;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      _mc_canvas_edit_drag_update (self, offset_x, offset_y);
      return;
    }

  /* Start panning only past the threshold, so clicks still select. */
  if (!self->panning)
    {
      if (gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) offset_x, (int) offset_y)
          || self->space_down
          || gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_MIDDLE)
        {
          self->panning = TRUE;
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
          update_cursor (self);
        }
      else
        return;
    }

  _mc_canvas_set_origin (self,
                         self->pan_start_x - offset_x / self->zoom,
                         self->pan_start_y - offset_y / self->zoom);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             McCanvas       *self)
{
  gboolean moved = self->edit->drag_active || self->panning;

  self->panning = FALSE;
  update_cursor (self);
  if (self->edit->drag_mode != MC_DRAG_NONE)
    _mc_canvas_edit_drag_end (self, offset_x, offset_y, moved);
}

/* Clicking selects the region the side panel describes */

void
_mc_canvas_click_region (McCanvas *self,
                         double    x,
                         double    y,
                         int       n_press)
{
  const char *region;

  /* The second click of a double-click creates or edits a note. */
  if (n_press > 1)
    return;

  region = region_at (self, x, y);
  /* Clicking the selected region again lets the panel follow the pointer. */
  if (region != NULL && g_strcmp0 (region, mc_canvas_get_selected_region (self)) == 0)
    region = NULL;
  mc_canvas_select_region (self, region);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   McCanvas        *self)
{
  if (!_mc_canvas_edit_is_editing (self))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  if (self->panning || self->space_down)
    return;

  /* On release, after the press has gone through note editing (which
   * commits any open editor), so the new editor stays open. */
  if (n_press == 2)
    _mc_canvas_edit_double_click (self, x, y);

  _mc_canvas_click_region (self, x, y, n_press);
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      McCanvas        *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  _mc_canvas_edit_context_menu (self, x, y);
}

/* Hover */

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           McCanvas                 *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;

  if (!self->panning && !self->edit->drag_active)
    {
      _mc_canvas_set_hover_region (self, region_at (self, x, y));
      _mc_canvas_edit_motion (self, x, y);
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          McCanvas                 *self)
{
  self->pointer_inside = FALSE;
  self->pointer_x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  self->pointer_y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  _mc_canvas_set_hover_region (self, NULL);
}

/* Keys */

gboolean
_mc_canvas_key_pressed (McCanvas        *self,
                        guint            keyval,
                        GdkModifierType  state)
{
  const double step = 64.0;
  /* Arrow keys nudge selected notes (Shift: a larger step), else the
   * selected figure, else pan. */
  double nudge = (state & GDK_SHIFT_MASK) ? 40.0 : 4.0;
  double figure_step = (state & GDK_SHIFT_MASK) ? 10.0 : 1.0;

  /* Alt+arrows: from region to region (mc-canvas-a11y.c). */
  if (_mc_canvas_a11y_key (self, keyval, state))
    return GDK_EVENT_STOP;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_space:
      self->space_down = TRUE;
      update_cursor (self);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      /* First the editor, then the notes, then the region. */
      if (_mc_canvas_edit_escape (self))
        return GDK_EVENT_STOP;
      if (mc_canvas_get_selected_region (self) == NULL)
        return GDK_EVENT_PROPAGATE;
      mc_canvas_select_region (self, NULL);
      return GDK_EVENT_STOP;

    case GDK_KEY_Left:
      if (!_mc_canvas_edit_nudge (self, -nudge, 0)
          && !_mc_canvas_edit_nudge_figure (self, -figure_step, 0))
        mc_canvas_scroll_by (self, -step, 0);
      return GDK_EVENT_STOP;

    case GDK_KEY_Right:
      if (!_mc_canvas_edit_nudge (self, nudge, 0)
          && !_mc_canvas_edit_nudge_figure (self, figure_step, 0))
        mc_canvas_scroll_by (self, step, 0);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
      if (!_mc_canvas_edit_nudge (self, 0, -nudge)
          && !_mc_canvas_edit_nudge_figure (self, 0, -figure_step))
        mc_canvas_scroll_by (self, 0, -step);
      return GDK_EVENT_STOP;

    case GDK_KEY_Down:
      if (!_mc_canvas_edit_nudge (self, 0, nudge)
          && !_mc_canvas_edit_nudge_figure (self, 0, figure_step))
        mc_canvas_scroll_by (self, 0, step);
      return GDK_EVENT_STOP;

    default:
      if (_mc_canvas_edit_type (self, keyval))
        return GDK_EVENT_STOP;
      /* N where there is no region to write in: an empty new note. Not a
       * key binding, which would take the letter before typing could. */
      if (keyval == GDK_KEY_n && !_mc_canvas_edit_is_editing (self))
        return gtk_widget_activate_action (GTK_WIDGET (self), "canvas.new-note", NULL);
      return GDK_EVENT_PROPAGATE;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                McCanvas              *self)
{
  return _mc_canvas_key_pressed (self, keyval, state);
}

static void
on_key_released (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 McCanvas              *self)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_down = FALSE;
      update_cursor (self);
    }
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                McCanvas                *self)
{
  /* A space released elsewhere would otherwise leave the hand cursor on. */
  self->space_down = FALSE;
  update_cursor (self);
}

void
_mc_canvas_install_input (McCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  /* Right-click: the menu of the note or figure there. */
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (widget, controller);
}
