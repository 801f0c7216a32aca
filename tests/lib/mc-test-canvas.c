/* mc-test-canvas.c — the mc_canvas_test_* entry points: the same code
 * paths as the gestures, for tests that cannot send real pointer events.
 * Tests only: the product has no such entry points.
 */
#include "config.h"

#include "mc-test-canvas.h"
#include "mc-canvas-a11y-node.h"

void
mc_canvas_test_click (McCanvas        *self,
                      double           x,
                      double           y,
                      GdkModifierType  state)
{
  McDragMode mode = _mc_canvas_edit_press (self, x, y, state);

  _mc_canvas_edit_drag_end (self, 0, 0, FALSE);
  /* Like on_click_released: the click also picks the region. */
  if (mode == MC_DRAG_PAN || mode == MC_DRAG_FIGURE)
    _mc_canvas_click_region (self, x, y, 1);
}

void
mc_canvas_test_double_click (McCanvas *self,
                             double    x,
                             double    y)
{
  mc_canvas_test_click (self, x, y, 0);
  _mc_canvas_edit_press (self, x, y, 0);
  _mc_canvas_edit_drag_end (self, 0, 0, FALSE);
  _mc_canvas_edit_double_click (self, x, y);
}

void
mc_canvas_test_drag (McCanvas        *self,
                     double           x,
                     double           y,
                     double           to_x,
                     double           to_y,
                     GdkModifierType  state)
{
  McDragMode mode = _mc_canvas_edit_press (self, x, y, state);

  if (mode == MC_DRAG_PAN)
    {
      _mc_canvas_edit_drag_end (self, to_x - x, to_y - y, TRUE);
      mc_canvas_scroll_by (self, x - to_x, y - to_y);
      return;
    }
  /* Two motion events, as a real drag has many. */
  _mc_canvas_edit_drag_update (self, (to_x - x) / 2, (to_y - y) / 2);
  _mc_canvas_edit_drag_update (self, to_x - x, to_y - y);
  _mc_canvas_edit_drag_end (self, to_x - x, to_y - y, TRUE);
}

GtkWidget *
mc_canvas_test_get_editor (McCanvas *self)
{
  return self->edit->editor;
}

gboolean
mc_canvas_test_key (McCanvas        *self,
                    guint            keyval,
                    GdkModifierType  state)
{
  return _mc_canvas_key_pressed (self, keyval, state);
}

GtkWidget *
mc_canvas_test_context_menu (McCanvas *self,
                             double    x,
                             double    y)
{
  _mc_canvas_edit_context_menu (self, x, y);
  if (self->edit->context_menu == NULL || !gtk_widget_get_visible (self->edit->context_menu))
    return NULL;
  return self->edit->context_menu;
}

static GtkWidget *
find_accessible (GtkWidget  *parent,
                 const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (parent);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!MC_IS_A11Y_NODE (child))
        continue;
      if (g_strcmp0 (mc_a11y_node_get_id (MC_A11Y_NODE (child)), id) == 0)
        return child;
      if ((found = find_accessible (child, id)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
mc_canvas_test_get_accessible (McCanvas   *self,
                               const char *id)
{
  _mc_canvas_a11y_sync (self);
  return id != NULL ? find_accessible (GTK_WIDGET (self), id) : NULL;
}

const char *
mc_canvas_test_accessible_name (GtkWidget *node)
{
  return mc_a11y_node_get_title (MC_A11Y_NODE (node));
}

const char *
mc_canvas_test_accessible_description (GtkWidget *node)
{
  return mc_a11y_node_get_description (MC_A11Y_NODE (node));
}
