/* mc-canvas.c — the board canvas widget: its board and scene, regions
 * and figures picked, properties and size
 *
 * The view transform and zoom live in mc-canvas-view.c, drawing in
 * mc-canvas-draw.c, input in mc-canvas-input.c, note editing in the
 * files listed in mc-canvas-edit-private.h.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mc-canvas-a11y-private.h"
#include "mc-canvas-edit-private.h"
#include "mc-catalog.h"
#include "mc-desktop.h"
#include "mc-figure.h"
#include "mc-layout-incremental.h"

G_DEFINE_FINAL_TYPE (McCanvas, mc_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BOARD,
  PROP_ZOOM,
  PROP_ACTIVE_REGION,
  PROP_SELECTED_REGION,
  PROP_SELECTED_FIGURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
invalidate_scene (McCanvas *self)
{
  g_clear_pointer (&self->scene, mc_scene_unref);
  g_clear_pointer (&self->previous_scene, mc_scene_unref);
  g_clear_pointer (&self->changed_ids, g_ptr_array_unref);
  self->damaged = FALSE;
  if (self->edit != NULL)
    g_clear_object (&self->edit->cache);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Where the notes ids are now, as damage. */
static void
damage_notes (McCanvas           *self,
              const char * const *ids)
{
  McRect rect;

  for (guint i = 0; ids[i] != NULL; i++)
    if (mc_layout_get_note_rect (self->layout, ids[i], &rect))
      _mc_canvas_add_damage (self, &rect);
}

/* Only the notes note_ids changed: the next scene is made from this one,
 * laying out just them (mc_layout_update()), when it can be. */
static void
invalidate_notes (McCanvas           *self,
                  const char * const *note_ids)
{
  if (self->scene != NULL)
    {
      g_clear_pointer (&self->previous_scene, mc_scene_unref);
      g_clear_pointer (&self->changed_ids, g_ptr_array_unref);
      self->previous_scene = g_steal_pointer (&self->scene);
      self->changed_ids = g_ptr_array_new_with_free_func (g_free);
    }
  if (self->changed_ids == NULL)
    {
      invalidate_scene (self);
      return;
    }
  for (guint i = 0; note_ids[i] != NULL; i++)
    g_ptr_array_add (self->changed_ids, g_strdup (note_ids[i]));
  /* Where they were; where they go is added once they are laid out. */
  damage_notes (self, note_ids);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Screen readers name the canvas after its board (issue 16). */
static void
update_accessible_name (McCanvas *self)
{
  const char *title = self->board != NULL ? mc_board_get_title (self->board) : NULL;
  g_autofree char *label = NULL;

  if (title != NULL && *title != '\0')
    /* Translators: the canvas as a screen reader names it; %s is the
     * board's title. */
    label = g_strdup_printf (_("Board: %s"), title);
  else
    label = g_strdup (_("Board"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
on_board_changed (McBoard       *board,
                  McChangeFlags  flags,
                  GStrv          note_ids,
                  McCanvas      *self)
{
  /* Undo/redo bookkeeping alone changes nothing on screen. */
  if ((flags & ~MC_CHANGE_HISTORY) == 0)
    return;

  /* Notes alone: lay out only them. */
  if (note_ids != NULL && (flags & ~(MC_CHANGE_CONTENT | MC_CHANGE_LAYOUT | MC_CHANGE_HISTORY)) == 0)
    invalidate_notes (self, (const char * const *) note_ids);
  else
    invalidate_scene (self);
  if (flags & MC_CHANGE_META)
    update_accessible_name (self);
  if (self->selected_figure != NULL && mc_board_get_figure (board, self->selected_figure) == NULL)
    mc_canvas_select_figure (self, NULL);
  _mc_canvas_edit_board_changed (self, flags);
  _mc_canvas_a11y_board_changed (self, flags, (const char * const *) note_ids);
}

McScene *
mc_canvas_get_scene (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  if (self->board == NULL)
    return NULL;

  if (self->scene == NULL)
    {
      McViewOptions options = self->options;

      options.language = mc_board_get_language (self->board);
      if (self->previous_scene != NULL && self->changed_ids != NULL)
        {
          g_ptr_array_add (self->changed_ids, NULL);
          self->scene = mc_layout_update (self->layout, self->board, &options, self->previous_scene,
                                          (const char * const *) self->changed_ids->pdata);
          if (self->scene != NULL)
            {
              const GArray *damage = mc_layout_get_update_damage (self->layout);

              /* The changed notes, and the packed notes that moved with them. */
              damage_notes (self, (const char * const *) self->changed_ids->pdata);
              for (guint i = 0; i < damage->len; i++)
                _mc_canvas_add_damage (self, &g_array_index (damage, McRect, i));
            }
        }
      g_clear_pointer (&self->previous_scene, mc_scene_unref);
      g_clear_pointer (&self->changed_ids, g_ptr_array_unref);
      if (self->scene == NULL)
        {
          /* Built anew: the board texture is drawn anew too. */
          self->damaged = FALSE;
          if (self->edit != NULL)
            g_clear_object (&self->edit->cache);
          self->scene = mc_layout_build (self->layout, self->board, &options);
        }
    }

  return self->scene;
}

McLayout *
mc_canvas_get_layout (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  return self->layout;
}

const McViewOptions *
mc_canvas_get_view_options (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  return &self->options;
}

void
mc_canvas_set_view_options (McCanvas            *self,
                            const McViewOptions *options)
{
  g_return_if_fail (MC_IS_CANVAS (self));
  g_return_if_fail (options != NULL);

  /* figure_id is borrowed in McViewOptions; the canvas always shows every
   * figure of its board. */
  self->options = *options;
  self->options.figure_id = NULL;
  /* The desktop's contrast, in this one place (mc-canvas-a11y.c follows it). */
  self->options.theme = mc_desktop_theme (options->theme);
  invalidate_scene (self);
}

/* The options that change a scene, compared one by one (the struct has
 * padding). */
static gboolean
same_view_options (const McViewOptions *a,
                   const McViewOptions *b)
{
  return a->language == b->language && a->theme == b->theme && a->questions == b->questions &&
         a->definitions == b->definitions && a->notes == b->notes &&
         a->empty_regions == b->empty_regions && a->caption == b->caption &&
         a->min_font_size == b->min_font_size && g_strcmp0 (a->figure_id, b->figure_id) == 0 &&
         a->frame_width == b->frame_width && a->strict == b->strict &&
         a->legend_below == b->legend_below;
}

static void
clear_offer (McCanvas *self)
{
  g_clear_object (&self->offered_board);
  g_clear_object (&self->offered_layout);
  g_clear_pointer (&self->offered_scene, mc_scene_unref);
}

void
mc_canvas_offer_scene (McCanvas            *self,
                       McBoard             *board,
                       McLayout            *layout,
                       McScene             *scene,
                       const McViewOptions *options)
{
  g_return_if_fail (MC_IS_CANVAS (self));
  g_return_if_fail (MC_IS_BOARD (board));
  g_return_if_fail (MC_IS_LAYOUT (layout));
  g_return_if_fail (scene != NULL && options != NULL);

  clear_offer (self);
  self->offered_board = g_object_ref (board);
  self->offered_layout = g_object_ref (layout);
  self->offered_scene = mc_scene_ref (scene);
  self->offered_options = *options;
}

/* The scene offered for the board just set, when it is what
 * mc_canvas_get_scene() would build now: its layout (the note rectangles,
 * the text cache) comes with it. */
static void
take_offer (McCanvas *self)
{
  McViewOptions current = self->options;

  if (self->offered_scene != NULL && self->board != NULL && self->offered_board == self->board)
    {
      current.language = mc_board_get_language (self->board);
      if (same_view_options (&current, &self->offered_options))
        {
          g_set_object (&self->layout, self->offered_layout);
          self->scene = mc_scene_ref (self->offered_scene);
        }
    }
  clear_offer (self);
}

gboolean
_mc_canvas_get_board_bounds (McCanvas *self,
                             McRect   *bounds)
{
  McScene *scene = mc_canvas_get_scene (self);

  if (scene == NULL || mc_scene_get_n_items (scene) == 0)
    return FALSE;

  mc_scene_get_bounds (scene, bounds);
  return bounds->width > 0 && bounds->height > 0;
}

McBoard *
mc_canvas_get_board (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  return self->board;
}

void
mc_canvas_set_board (McCanvas *self,
                     McBoard  *board)
{
  g_return_if_fail (MC_IS_CANVAS (self));
  g_return_if_fail (board == NULL || MC_IS_BOARD (board));

  if (self->board == board)
    return;

  if (self->board != NULL)
    g_clear_signal_handler (&self->board_changed_id, self->board);
  g_set_object (&self->board, board);
  if (board != NULL)
    self->board_changed_id = g_signal_connect (board, "changed",
                                               G_CALLBACK (on_board_changed),
                                               self);

  _mc_canvas_set_hover_region (self, NULL);
  mc_canvas_select_region (self, NULL);
  mc_canvas_select_figure (self, NULL);
  update_accessible_name (self);
  _mc_canvas_stop_animation (self);
  invalidate_scene (self);
  take_offer (self);
  /* MC_CHANGE_ALL: a different board, the editing state starts afresh. */
  _mc_canvas_edit_board_changed (self, MC_CHANGE_ALL);
  _mc_canvas_a11y_board_changed (self, MC_CHANGE_ALL, NULL);

  /* A new board starts out whole on screen, at once: easing from the
   * previous board's view would render it at every step (issue 17). */
  self->fit_pending = TRUE;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    _mc_canvas_fit_board (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

void
_mc_canvas_notify_zoom (McCanvas *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Regions */

const char *
mc_canvas_get_selected_region (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  return self->selected_region;
}

const char *
mc_canvas_get_active_region (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  return self->selected_region != NULL ? self->selected_region : self->hover_region;
}

void
mc_canvas_select_region (McCanvas   *self,
                         const char *region_id)
{
  const char *was_active;

  g_return_if_fail (MC_IS_CANVAS (self));

  was_active = mc_canvas_get_active_region (self);
  if (g_strcmp0 (self->selected_region, region_id) == 0)
    return;

  {
    g_autofree char *old_active = g_strdup (was_active);

    g_free (self->selected_region);
    self->selected_region = g_strdup (region_id);
    gtk_widget_queue_draw (GTK_WIDGET (self));
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
    if (g_strcmp0 (old_active, mc_canvas_get_active_region (self)) != 0)
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_REGION]);
  }
}

const char *
mc_canvas_get_selected_figure (McCanvas *self)
{
  g_return_val_if_fail (MC_IS_CANVAS (self), NULL);

  return self->selected_figure;
}

void
mc_canvas_select_figure (McCanvas   *self,
                         const char *figure_id)
{
  g_return_if_fail (MC_IS_CANVAS (self));

  if (figure_id != NULL && (self->board == NULL || mc_board_get_figure (self->board, figure_id) == NULL))
    figure_id = NULL;
  if (g_strcmp0 (self->selected_figure, figure_id) == 0)
    return;

  g_free (self->selected_figure);
  self->selected_figure = g_strdup (figure_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_FIGURE]);
}

void
_mc_canvas_set_hover_region (McCanvas   *self,
                             const char *region_id)
{
  g_autofree char *old_active = NULL;

  if (g_strcmp0 (self->hover_region, region_id) == 0)
    return;

  old_active = g_strdup (mc_canvas_get_active_region (self));
  g_free (self->hover_region);
  self->hover_region = g_strdup (region_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (g_strcmp0 (old_active, mc_canvas_get_active_region (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_REGION]);
}

static gboolean
refit_idle (gpointer data)
{
  McCanvas *self = data;

  self->refit_id = 0;
  if (self->fit_pending || self->fit_kept)
    {
      /* The first frame may have been fitted quietly already
       * (_mc_canvas_fit_before_drawing()): the zoom label learns it here. */
      _mc_canvas_fit_board (self, FALSE);
      _mc_canvas_notify_zoom (self);
    }
  return G_SOURCE_REMOVE;
}

static void
mc_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  McCanvas *self = MC_CANVAS (widget);
  gboolean resized = width != self->alloc_width || height != self->alloc_height;

  self->alloc_width = width;
  self->alloc_height = height;

  /* Follow the window while the whole board is on view. Not from inside
   * the allocation: the new zoom updates other widgets (the zoom label).
   * Only when the size changed: the note editor reallocates the canvas as
   * it grows, and a refit then would move the view under the typing and
   * reallocate again, frame after frame. */
  if ((self->fit_pending || (self->fit_kept && resized)) && width > 0 && height > 0 &&
      self->refit_id == 0)
    self->refit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, refit_idle, self, NULL);
  _mc_canvas_edit_allocate (self);
  _mc_canvas_a11y_allocate (self);
}

static void
mc_canvas_map (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (mc_canvas_parent_class)->map (widget);

  /* The board is what a window is for: keys (Ctrl+2, N, arrows) reach the
   * canvas from the start, rather than the first header bar button that
   * GTK would otherwise focus. */
  root = gtk_widget_get_root (widget);
  if (root != NULL && gtk_root_get_focus (root) == NULL)
    gtk_widget_grab_focus (widget);
}

static void
mc_canvas_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  /* Any size works; ask for a comfortable one. */
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 600;
}

static void
mc_canvas_dispose (GObject *object)
{
  McCanvas *self = MC_CANVAS (object);

  _mc_canvas_stop_animation (self);
  g_clear_handle_id (&self->refit_id, g_source_remove);
  _mc_canvas_edit_dispose (self);
  _mc_canvas_a11y_dispose (self);
  if (self->board != NULL)
    g_clear_signal_handler (&self->board_changed_id, self->board);
  g_clear_object (&self->board);
  g_clear_pointer (&self->scene, mc_scene_unref);
  g_clear_pointer (&self->previous_scene, mc_scene_unref);
  g_clear_pointer (&self->changed_ids, g_ptr_array_unref);
  clear_offer (self);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->hover_region, g_free);
  g_clear_pointer (&self->selected_region, g_free);
  g_clear_pointer (&self->selected_figure, g_free);

  G_OBJECT_CLASS (mc_canvas_parent_class)->dispose (object);
}

static void
mc_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  McCanvas *self = MC_CANVAS (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, mc_canvas_get_zoom (self));
      break;

    case PROP_ACTIVE_REGION:
      g_value_set_string (value, mc_canvas_get_active_region (self));
      break;

    case PROP_SELECTED_REGION:
      g_value_set_string (value, self->selected_region);
      break;

    case PROP_SELECTED_FIGURE:
      g_value_set_string (value, self->selected_figure);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  McCanvas *self = MC_CANVAS (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      mc_canvas_set_board (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      mc_canvas_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_SELECTED_REGION:
      mc_canvas_select_region (self, g_value_get_string (value));
      break;

    case PROP_SELECTED_FIGURE:
      mc_canvas_select_figure (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_canvas_class_init (McCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_canvas_dispose;
  object_class->get_property = mc_canvas_get_property;
  object_class->set_property = mc_canvas_set_property;

  widget_class->snapshot = _mc_canvas_snapshot;
  widget_class->size_allocate = mc_canvas_size_allocate;
  widget_class->measure = mc_canvas_measure;
  widget_class->map = mc_canvas_map;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         MC_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         MC_CANVAS_MIN_ZOOM, MC_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACTIVE_REGION] =
    g_param_spec_string ("active-region", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_REGION] =
    g_param_spec_string ("selected-region", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_FIGURE] =
    g_param_spec_string ("selected-figure", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "mccanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  _mc_canvas_edit_class_init (widget_class);

}

static void
mc_canvas_init (McCanvas *self)
{
  self->zoom = 1.0;
  self->fit_pending = TRUE;
  self->layout = mc_layout_new (mc_catalog_get_default ());
  mc_view_options_init (&self->options, MC_LANGUAGE_NL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  _mc_canvas_edit_init (self);
  _mc_canvas_install_input (self);
  _mc_canvas_a11y_init (self);
}

GtkWidget *
mc_canvas_new (void)
{
  return g_object_new (MC_TYPE_CANVAS, NULL);
}
