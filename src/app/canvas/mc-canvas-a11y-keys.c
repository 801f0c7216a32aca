/* mc-canvas-a11y-keys.c — the keyboard from region to region (issue 16):
 * Alt+arrows select the next or previous region in board order (the
 * accessible objects' order, mc-canvas-a11y.c) and Shift+Alt+arrows move
 * the selected notes there.
 */
#include "config.h"

#include "mc-canvas-edit-private.h"
#include "mc-canvas-a11y-node.h"
#include "mc-editing.h"

/* The region after (or before) from in board order, wrapping; the first
 * (or last) for NULL. */
static McA11yNode *
step_region (McCanvas   *self,
             const char *from,
             gboolean    backwards)
{
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();
  guint at = G_MAXUINT;

  for (GtkWidget *figure = gtk_widget_get_first_child (GTK_WIDGET (self));
       figure != NULL;
       figure = gtk_widget_get_next_sibling (figure))
    if (MC_IS_A11Y_NODE (figure))
      for (GtkWidget *region = gtk_widget_get_first_child (figure);
           region != NULL;
           region = gtk_widget_get_next_sibling (region))
        if (MC_A11Y_NODE (region)->kind == MC_ROLE_REGION)
          {
            if (g_strcmp0 (MC_A11Y_NODE (region)->id, from) == 0)
              at = regions->len;
            g_ptr_array_add (regions, region);
          }

  if (regions->len == 0)
    return NULL;
  if (at == G_MAXUINT)
    return regions->pdata[backwards ? regions->len - 1 : 0];
  return regions->pdata[(at + (backwards ? regions->len - 1 : 1)) % regions->len];
}

static void
reveal_rect (McCanvas     *self,
             const McRect *rect)
{
  McRect visible;

  mc_canvas_get_visible_rect (self, &visible);
  if (mc_rect_contains_rect (&visible, rect))
    return;
  _mc_canvas_stop_animation (self);
  _mc_canvas_set_origin (self,
                         rect->x + rect->width / 2.0 - visible.width / 2.0,
                         rect->y + rect->height / 2.0 - visible.height / 2.0);
}

/* The selected notes go to the next region: the keyboard's note lands in
 * the middle of the region's note area, the others keep their offsets. */
static gboolean
move_selection (McCanvas *self,
                gboolean  backwards)
{
  McNote *note = self->edit->cursor != NULL ? mc_board_get_note (self->board, self->edit->cursor) : NULL;
  g_autofree char *from = NULL;
  McA11yNode *target;
  const char *slash;
  g_autofree char *figure_id = NULL;
  McRect rect, area;

  if (note == NULL || !mc_canvas_is_note_selected (self, self->edit->cursor)
      || !_mc_canvas_is_editable (self))
    return FALSE;

  if (mc_note_get_region_id (note) != NULL)
    from = g_strdup_printf ("%s/%s", mc_note_get_figure_id (note), mc_note_get_region_id (note));
  target = step_region (self, from, backwards);
  if (target == NULL || !mc_layout_get_note_rect (self->layout, self->edit->cursor, &rect))
    return TRUE;

  slash = strchr (target->id, '/');
  figure_id = g_strndup (target->id, slash - target->id);
  if (!mc_layout_get_note_area (self->layout, figure_id, slash + 1, &area))
    area = target->rect;
  _mc_canvas_execute (self,
                      mc_editing_move_notes_command (self->board, self->layout,
                                                     mc_canvas_get_scene (self),
                                                     _mc_canvas_selection_ids (self),
                                                     area.x + area.width / 2.0 - (rect.x + rect.width / 2.0),
                                                     area.y + area.height / 2.0 - (rect.y + rect.height / 2.0)));
  mc_canvas_select_region (self, target->id);
  reveal_rect (self, &target->rect);
  return TRUE;
}

gboolean
_mc_canvas_a11y_key (McCanvas        *self,
                     guint            keyval,
                     GdkModifierType  state)
{
  gboolean backwards;
  McA11yNode *target;

  if ((state & (GDK_ALT_MASK | GDK_CONTROL_MASK)) != GDK_ALT_MASK || self->board == NULL)
    return FALSE;
  if (keyval == GDK_KEY_Right || keyval == GDK_KEY_Down)
    backwards = FALSE;
  else if (keyval == GDK_KEY_Left || keyval == GDK_KEY_Up)
    backwards = TRUE;
  else
    return FALSE;

  _mc_canvas_a11y_sync (self);
  if (state & GDK_SHIFT_MASK)
    return move_selection (self, backwards);

  target = step_region (self, mc_canvas_get_selected_region (self), backwards);
  if (target == NULL)
    return TRUE;
  mc_canvas_select_region (self, target->id);
  reveal_rect (self, &target->rect);
  if (_mc_canvas_a11y_has_focus (self))
    gtk_widget_grab_focus (GTK_WIDGET (target));
  return TRUE;
}
