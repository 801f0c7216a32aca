/* mc-presentation.c — presentation mode: the board on a projector */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-app-base.h"
#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-layout.h"
#include "mc-presentation.h"
#include "mc-presenter-view.h"
#include "mc-route-editor.h"
#include "mc-theme.h"
#include "mc-timer-widget.h"
#include "mc-view-animation.h"

/* Space kept free around a stop, in widget pixels: at the sides, and at the
 * bottom for the timer, the stop number and the note entry. */
#define SIDE_INSET       32.0
#define BOTTOM_INSET    150.0
#define BANNER_GAP       12.0
/* Note text on a projector: at least 24 px on a 1920×1080 output, with a
 * little to spare. */
#define READABLE_NOTE_PX 25.0
/* How long the outline around a new note stays (its CSS animation). */
#define NOTE_POP_MS     600

struct _McPresentation
{
  AdwWindow       parent_instance;

  /* Template children */
  GtkOverlay     *overlay;
  McCanvas       *canvas;
  GtkWidget      *size_probe;
  GtkRevealer    *banner_revealer;
  GtkWidget      *banner;
  GtkLabel       *banner_context;
  GtkLabel       *banner_title;
  GtkLabel       *banner_prompt;
  GtkWidget      *footer;
  GtkWidget      *timer_widget;
  GtkRevealer    *capture_revealer;
  GtkEntry       *capture_entry;
  GtkLabel       *position_label;

  McBoard        *board;
  McRoute        *route;
  McTimer        *timer;
  GSettings      *settings;
  gulong          route_changed_id;
  gulong          route_current_id;

  GtkWindow      *from;            /* weak */
  GtkWindow      *presenter_view;  /* weak */

  McViewAnimation *animation;
};

G_DEFINE_FINAL_TYPE (McPresentation, mc_presentation, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const McRouteStop *
current_stop (McPresentation *self)
{
  if (self->route == NULL || mc_route_get_n_stops (self->route) == 0)
    return NULL;
  return mc_route_get_current_stop (self->route);
}

static gboolean
can_capture (McPresentation *self)
{
  const McRouteStop *stop = current_stop (self);

  return stop != NULL && stop->kind == MC_ROUTE_STOP_REGION
         && !mc_board_get_read_only (self->board);
}

/* Framing a stop */

static double
banner_height (McPresentation *self,
               double          width)
{
  int minimum = 0, natural = 0;

  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return 0;

  gtk_widget_measure (self->banner, GTK_ORIENTATION_VERTICAL, (int) width,
                      &minimum, &natural, NULL, NULL);
  return natural;
}

/* Where along one axis to centre a view of half-length half: near want,
 * keeping [start, start + length] in view; its beginning when it does not
 * fit (notes are packed in reading order). */
static double
fit_axis (double want,
          double start,
          double length,
          double half)
{
  double low = start + length - half;
  double high = start + half;

  if (low > high)
    return high;
  return CLAMP (want, low, high);
}

/* Where a region's notes are and new ones go: its note area and its notes. */
static gboolean
get_region_focus (McPresentation    *self,
                  const McRouteStop *stop,
                  McRect            *focus)
{
  McLayout *layout = mc_canvas_get_layout (self->canvas);
  GPtrArray *notes = mc_board_get_notes (self->board);
  gboolean found = mc_layout_get_note_area (layout, stop->figure_id, stop->region_id, focus);

  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      McRect rect;

      if (g_strcmp0 (mc_note_get_figure_id (note), stop->figure_id) != 0
          || g_strcmp0 (mc_note_get_region_id (note), stop->region_id) != 0
          || !mc_layout_get_note_rect (layout, mc_note_get_id (note), &rect))
        continue;

      if (found)
        mc_rect_union (focus, &rect, focus);
      else
        *focus = rect;
      found = TRUE;
    }

  return found;
}

/* The zoom at which the notes of a figure read well on the projector. */
static double
readable_zoom (McPresentation    *self,
               const McRouteStop *stop)
{
  const McTheme *theme = mc_theme_get (MC_THEME_PROJECTOR);
  McFigure *figure = mc_board_get_figure (self->board, stop->figure_id);
  double scale = figure != NULL ? mc_figure_get_scale (figure) : 1.0;

  return READABLE_NOTE_PX / (theme->note_size * MAX (scale, 0.01));
}

/* The zoom and the board point at the canvas's centre that show the
 * current stop below the banner and above the footer. */
static gboolean
compute_view (McPresentation *self,
              double         *zoom,
              double         *centre_x,
              double         *centre_y)
{
  McScene *scene = mc_canvas_get_scene (self->canvas);
  double width = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (self->canvas));
  double top, avail_w, avail_h, z;
  McRect target;

  if (scene == NULL || width <= 2 * SIDE_INSET || height <= 0
      || !mc_route_get_target_rect (self->route, scene, &target))
    return FALSE;

  top = banner_height (self, width);
  top = top > 0 ? top + BANNER_GAP : SIDE_INSET;
  avail_w = width - 2 * SIDE_INSET;
  /* A tall banner on a small window still leaves a third for the board. */
  avail_h = MAX (height - top - BOTTOM_INSET, height / 3.0);
  if (top + avail_h > height)
    top = height - avail_h;

  z = CLAMP (MIN (avail_w / target.width, avail_h / target.height),
             MC_CANVAS_MIN_ZOOM, MC_CANVAS_MAX_ZOOM);

  *centre_x = target.x + target.width / 2.0;
  *centre_y = target.y + target.height / 2.0;

  /* A large region (an outer ring) would show its notes too small to read:
   * come closer, keeping where its notes are (and new ones go) in view. */
  {
    const McRouteStop *stop = current_stop (self);
    McRect focus;

    if (stop != NULL && stop->kind == MC_ROUTE_STOP_REGION
        && z < readable_zoom (self, stop))
      {
        z = MIN (readable_zoom (self, stop), MC_CANVAS_MAX_ZOOM);
        if (get_region_focus (self, stop, &focus))
          {
            *centre_x = fit_axis (*centre_x, focus.x, focus.width, avail_w / 2.0 / z);
            *centre_y = fit_axis (*centre_y, focus.y, focus.height, avail_h / 2.0 / z);
          }
      }
  }

  *zoom = z;
  *centre_y += (height / 2.0 - top - avail_h / 2.0) / z;
  return TRUE;
}

/* The canvas's view as a transform, and back. */
static void
get_canvas_transform (McCanvas        *canvas,
                      McViewTransform *transform)
{
  transform->zoom = mc_canvas_get_zoom (canvas);
  mc_canvas_widget_to_board (canvas, 0, 0, &transform->origin_x, &transform->origin_y);
}

static void
apply_transform (const McViewTransform *transform,
                 gpointer               user_data)
{
  McPresentation *self = user_data;
  McViewTransform now;

  mc_canvas_zoom_at (self->canvas, transform->zoom, 0, 0, FALSE);
  get_canvas_transform (self->canvas, &now);
  mc_canvas_scroll_by (self->canvas,
                       (transform->origin_x - now.origin_x) * now.zoom,
                       (transform->origin_y - now.origin_y) * now.zoom);
}

static void
frame_stop (McPresentation *self,
            gboolean        animate)
{
  McViewTransform now, target;
  double zoom, cx, cy;
  double width = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  double height = gtk_widget_get_height (GTK_WIDGET (self->canvas));

  if (!compute_view (self, &zoom, &cx, &cy))
    return;

  target = (McViewTransform) { zoom, cx - width / 2.0 / zoom, cy - height / 2.0 / zoom };
  /* Start from where the canvas is (a resize or a pan may have moved it). */
  get_canvas_transform (self->canvas, &now);
  mc_view_animation_set_current (self->animation, &now);
  if (animate)
    mc_view_animation_animate_to (self->animation, &target);
  else
    mc_view_animation_jump_to (self->animation, &target);
}

static void
on_size_probe_resize (GtkDrawingArea *area,
                      int             width,
                      int             height,
                      McPresentation *self)
{
  frame_stop (self, FALSE);
}

gboolean
mc_presentation_get_animating (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), FALSE);

  return mc_view_animation_get_running (self->animation);
}

/* The banner and the stop number */

static char *
join_questions (const char *prompt)
{
  g_auto(GStrv) lines = NULL;

  if (prompt == NULL)
    return g_strdup ("");

  /* One question per line would fill the screen for a region with twelve
   * of them; as a paragraph they wrap into a few lines. */
  lines = g_strsplit (prompt, "\n", -1);
  return g_strjoinv (" ", lines);
}

static const char *
figure_title (McPresentation *self,
              const char     *figure_id)
{
  McFigure *figure = figure_id != NULL ? mc_board_get_figure (self->board, figure_id) : NULL;
  const McFigureInfo *info;

  if (figure == NULL)
    return NULL;

  info = mc_catalog_get_figure (mc_catalog_get_default (), mc_figure_get_kind (figure));
  return info != NULL ? mc_figure_info_get_title (info, mc_board_get_language (self->board)) : NULL;
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
update_banner (McPresentation *self)
{
  const McRouteStop *stop = current_stop (self);
  g_autofree char *position = NULL;
  g_autofree char *placeholder = NULL;

  if (stop == NULL)
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      gtk_label_set_text (self->position_label, "");
      return;
    }

  switch (stop->kind)
    {
    case MC_ROUTE_STOP_OVERVIEW:
      set_label (self->banner_context, NULL);
      set_label (self->banner_title, stop->title);
      set_label (self->banner_prompt, stop->prompt);
      break;

    case MC_ROUTE_STOP_FIGURE:
      set_label (self->banner_context, NULL);
      set_label (self->banner_title, stop->title);
      set_label (self->banner_prompt, NULL);
      break;

    case MC_ROUTE_STOP_REGION:
    default:
      {
        g_autofree char *questions = join_questions (stop->prompt);

        set_label (self->banner_context, figure_title (self, stop->figure_id));
        set_label (self->banner_title, stop->title);
        set_label (self->banner_prompt, questions);
      }
      break;
    }

  gtk_revealer_set_reveal_child (self->banner_revealer,
                                 gtk_widget_get_visible (GTK_WIDGET (self->banner_title))
                                 || gtk_widget_get_visible (GTK_WIDGET (self->banner_prompt)));

  position = mc_route_format_position (self->route);
  gtk_label_set_text (self->position_label, position);

  /* Translators: placeholder of the note entry; %s is a region, such as "Sociaal". */
  placeholder = g_strdup_printf (_("A note for “%s”"), stop->title != NULL ? stop->title : "");
  gtk_entry_set_placeholder_text (self->capture_entry, placeholder);

  /* The region of a region stop is outlined on the board. */
  mc_canvas_select_region (self->canvas, stop->kind == MC_ROUTE_STOP_REGION ? stop->key : NULL);
}

const char *
mc_presentation_get_prompt_title (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return gtk_label_get_text (self->banner_title);
}

const char *
mc_presentation_get_prompt_text (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return gtk_label_get_text (self->banner_prompt);
}

const char *
mc_presentation_get_position_text (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return gtk_label_get_text (self->position_label);
}

/* Quick capture */

static void
end_capture (McPresentation *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->capture_entry), "");
  gtk_revealer_set_reveal_child (self->capture_revealer, FALSE);
  /* Keys go back to the window: space and arrows navigate again. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

/* Adds text to what is being typed (a click elsewhere may have taken the
 * focus away from the entry in between). */
static void
begin_capture (McPresentation *self,
               const char     *text)
{
  GtkEditable *entry = GTK_EDITABLE (self->capture_entry);
  g_autofree char *joined = g_strconcat (gtk_editable_get_text (entry), text, NULL);

  /* The entry shows at once, without the slide: keys typed while the
   * revealer was still sliding in were dropped under load ("Buurt" became
   * "Burt" with xdotool), since the first key came here and the next ones
   * went to an entry that was not yet fully revealed. */
  if (!gtk_revealer_get_reveal_child (self->capture_revealer))
    {
      guint duration = gtk_revealer_get_transition_duration (self->capture_revealer);

      gtk_revealer_set_transition_duration (self->capture_revealer, 0);
      gtk_revealer_set_reveal_child (self->capture_revealer, TRUE);
      gtk_revealer_set_transition_duration (self->capture_revealer, duration);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->capture_entry));
  gtk_editable_set_text (entry, joined);
  gtk_editable_set_position (entry, -1);
}

static gboolean
capture_has_focus (McPresentation *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  return gtk_revealer_get_reveal_child (self->capture_revealer)
         && focus != NULL
         && (focus == GTK_WIDGET (self->capture_entry)
             || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->capture_entry)));
}

gboolean
mc_presentation_get_capturing (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), FALSE);

  return gtk_revealer_get_reveal_child (self->capture_revealer);
}

GtkEditable *
mc_presentation_get_capture_entry (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return GTK_EDITABLE (self->capture_entry);
}

static gboolean
remove_pop (gpointer data)
{
  GtkWidget *pop = data;
  GtkWidget *parent = gtk_widget_get_parent (pop);

  if (GTK_IS_OVERLAY (parent))
    gtk_overlay_remove_overlay (GTK_OVERLAY (parent), pop);

  return G_SOURCE_REMOVE;
}

/* A short outline that pops around a new note, so the room sees where it
 * landed. */
static void
pop_note (McPresentation *self,
          const char     *note_id)
{
  GtkWidget *pop;
  McRect rect;
  double x, y, zoom = mc_canvas_get_zoom (self->canvas);

  mc_canvas_get_scene (self->canvas);
  if (!mc_layout_get_note_rect (mc_canvas_get_layout (self->canvas), note_id, &rect))
    return;

  mc_canvas_board_to_widget (self->canvas, rect.x, rect.y, &x, &y);
  if (x + rect.width * zoom < 0 || y + rect.height * zoom < 0
      || x > gtk_widget_get_width (GTK_WIDGET (self->canvas))
      || y > gtk_widget_get_height (GTK_WIDGET (self->canvas)))
    return;

  pop = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (pop, "note-pop");
  gtk_widget_set_can_target (pop, FALSE);
  gtk_widget_set_halign (pop, GTK_ALIGN_START);
  gtk_widget_set_valign (pop, GTK_ALIGN_START);
  gtk_widget_set_margin_start (pop, (int) MAX (x, 0));
  gtk_widget_set_margin_top (pop, (int) MAX (y, 0));
  gtk_widget_set_size_request (pop, (int) (rect.width * zoom), (int) (rect.height * zoom));
  gtk_overlay_add_overlay (self->overlay, pop);

  g_timeout_add_full (G_PRIORITY_DEFAULT, NOTE_POP_MS, remove_pop,
                      g_object_ref (pop), g_object_unref);
}

char *
mc_presentation_capture_note (McPresentation *self,
                              const char     *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *author = NULL;
  char *note_id = NULL;
  McCommand *command;

  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0' || !can_capture (self))
    return NULL;

  author = g_settings_get_string (self->settings, "author-name");
  /* The route places the note among the notes the layout last placed. */
  mc_canvas_get_scene (self->canvas);
  command = mc_route_capture_note_command (self->route, mc_canvas_get_layout (self->canvas),
                                           stripped, *author != '\0' ? author : NULL,
                                           &note_id);
  if (command == NULL)
    return NULL;

  mc_board_execute (self->board, command);
  pop_note (self, note_id);

  return note_id;
}

static void
commit_capture (McPresentation *self)
{
  g_autofree char *note_id = NULL;

  note_id = mc_presentation_capture_note (self, gtk_editable_get_text (GTK_EDITABLE (self->capture_entry)));
  if (note_id != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->capture_entry), "");
}

static void
on_capture_activate (GtkEntry       *entry,
                     McPresentation *self)
{
  commit_capture (self);
}

/* Navigation */

static void
on_route_current (McRoute        *route,
                  GParamSpec     *pspec,
                  McPresentation *self)
{
  update_banner (self);
  frame_stop (self, TRUE);
}

static void
on_route_changed (McRoute        *route,
                  McPresentation *self)
{
  /* Texts or order changed (an edit, undo, the route editor): the view
   * stays where it is. */
  update_banner (self);
}

static void
leave_capture_for_navigation (McPresentation *self)
{
  if (!mc_presentation_get_capturing (self))
    return;

  /* A clicker press while typing keeps what was typed. */
  commit_capture (self);
  end_capture (self);
}

gboolean
mc_presentation_next (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), FALSE);

  leave_capture_for_navigation (self);
  return mc_route_next (self->route);
}

gboolean
mc_presentation_previous (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), FALSE);

  leave_capture_for_navigation (self);
  return mc_route_previous (self->route);
}

void
mc_presentation_go_to (McPresentation *self,
                       guint           index)
{
  g_return_if_fail (MC_IS_PRESENTATION (self));
  g_return_if_fail (index < mc_route_get_n_stops (self->route));

  leave_capture_for_navigation (self);
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

  typing = capture_has_focus (self);

  switch (keyval)
    {
    case GDK_KEY_Escape:
      if (mc_presentation_get_capturing (self))
        end_capture (self);
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
  if (c != 0 && g_unichar_isgraph (c) && can_capture (self))
    {
      char text[7] = { 0 };

      g_unichar_to_utf8 (c, text);
      begin_capture (self, text);
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

/* Windows */

void
mc_presentation_leave (McPresentation *self)
{
  g_return_if_fail (MC_IS_PRESENTATION (self));

  if (self->from != NULL)
    gtk_window_present (self->from);
  gtk_window_destroy (GTK_WINDOW (self));
}

GtkWindow *
mc_presentation_get_presenter_view (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return self->presenter_view;
}

GtkWindow *
mc_presentation_show_presenter_view (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  if (self->presenter_view == NULL)
    {
      self->presenter_view = GTK_WINDOW (mc_presenter_view_new (self));
      g_object_add_weak_pointer (G_OBJECT (self->presenter_view),
                                 (gpointer *) &self->presenter_view);
    }

  gtk_window_present (self->presenter_view);
  return self->presenter_view;
}

static GdkMonitor *
monitor_of (GtkWindow *window)
{
  GdkSurface *surface;

  if (window == NULL || !gtk_widget_get_realized (GTK_WIDGET (window)))
    return NULL;

  surface = gtk_native_get_surface (GTK_NATIVE (window));
  return surface != NULL ? gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                               surface)
                         : NULL;
}

/* Where no window manager honours fullscreen (a bare X server, some
 * kiosk setups), the window still covers the whole output. */
static void
size_to_monitor (McPresentation *self,
                 GdkMonitor     *monitor)
{
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
}

void
mc_presentation_start (McPresentation *self,
                       GtkWindow      *from)
{
  GListModel *monitors;
  guint n_monitors;

  g_return_if_fail (MC_IS_PRESENTATION (self));
  g_return_if_fail (from == NULL || GTK_IS_WINDOW (from));

  if (self->from != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->from), (gpointer *) &self->from);
  self->from = from;
  if (from != NULL)
    g_object_add_weak_pointer (G_OBJECT (from), (gpointer *) &self->from);

  monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  n_monitors = g_list_model_get_n_items (monitors);

  if (n_monitors >= 2)
    {
      g_autoptr(GdkMonitor) first = g_list_model_get_item (monitors, 0);
      GdkMonitor *laptop = monitor_of (from);
      g_autoptr(GdkMonitor) projector = NULL;

      if (laptop == NULL)
        laptop = first;
      for (guint i = 0; i < n_monitors && projector == NULL; i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

          if (monitor != laptop)
            projector = g_steal_pointer (&monitor);
        }

      size_to_monitor (self, projector);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), projector);
      gtk_window_present (GTK_WINDOW (self));
      gtk_window_fullscreen_on_monitor (mc_presentation_show_presenter_view (self), laptop);
      return;
    }

  if (n_monitors == 1)
    {
      g_autoptr(GdkMonitor) only = g_list_model_get_item (monitors, 0);

      size_to_monitor (self, only);
    }
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

/* Actions */

static void
action_next (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  mc_presentation_next (MC_PRESENTATION (widget));
}

static void
action_previous (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  mc_presentation_previous (MC_PRESENTATION (widget));
}

static void
action_leave (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  mc_presentation_leave (MC_PRESENTATION (widget));
}

static void
action_presenter_view (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  mc_presentation_show_presenter_view (MC_PRESENTATION (widget));
}

static void
action_edit_route (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  McPresentation *self = MC_PRESENTATION (widget);

  mc_route_editor_present (GTK_WINDOW (self), self->route);
}

static void
action_timer_toggle (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  mc_timer_toggle (MC_PRESENTATION (widget)->timer);
}

static void
action_timer_add_minute (GtkWidget  *widget,
                         const char *name,
                         GVariant   *parameter)
{
  mc_timer_add_minute (MC_PRESENTATION (widget)->timer);
}

/* Object */

McBoard *
mc_presentation_get_board (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return self->board;
}

McRoute *
mc_presentation_get_route (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return self->route;
}

McTimer *
mc_presentation_get_timer (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return self->timer;
}

McCanvas *
mc_presentation_get_canvas (McPresentation *self)
{
  g_return_val_if_fail (MC_IS_PRESENTATION (self), NULL);

  return self->canvas;
}

static void
set_board (McPresentation *self,
           McBoard        *board)
{
  McViewOptions options;

  g_assert (self->board == NULL);

  self->board = g_object_ref (board);
  self->route = mc_route_new (board, mc_catalog_get_default ());
  self->route_changed_id = g_signal_connect (self->route, "changed",
                                             G_CALLBACK (on_route_changed), self);
  self->route_current_id = g_signal_connect (self->route, "notify::current",
                                             G_CALLBACK (on_route_current), self);

  /* The projector theme; the banner shows the questions in large type, so
   * the figures leave them out and keep their room for the notes. */
  mc_view_options_init (&options, mc_board_get_language (board));
  options.theme = MC_THEME_PROJECTOR;
  options.questions = MC_QUESTIONS_OFF;
  mc_canvas_set_view_options (self->canvas, &options);
  mc_canvas_set_board (self->canvas, board);

  update_banner (self);
}

static void
mc_presentation_dispose (GObject *object)
{
  McPresentation *self = MC_PRESENTATION (object);

  g_clear_object (&self->animation);
  if (self->presenter_view != NULL)
    {
      GtkWindow *view = self->presenter_view;

      g_object_remove_weak_pointer (G_OBJECT (view), (gpointer *) &self->presenter_view);
      self->presenter_view = NULL;
      gtk_window_destroy (view);
    }
  if (self->from != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->from), (gpointer *) &self->from);
      self->from = NULL;
    }
  if (self->route != NULL)
    {
      g_clear_signal_handler (&self->route_changed_id, self->route);
      g_clear_signal_handler (&self->route_current_id, self->route);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_PRESENTATION);

  g_clear_object (&self->route);
  g_clear_object (&self->board);
  if (self->timer != NULL)
    mc_timer_pause (self->timer);
  g_clear_object (&self->timer);

  G_OBJECT_CLASS (mc_presentation_parent_class)->dispose (object);
}

static void
mc_presentation_finalize (GObject *object)
{
  McPresentation *self = MC_PRESENTATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mc_presentation_parent_class)->finalize (object);
}

static void
mc_presentation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  McPresentation *self = MC_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_presentation_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  McPresentation *self = MC_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      set_board (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_presentation_class_init (McPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_presentation_dispose;
  object_class->finalize = mc_presentation_finalize;
  object_class->get_property = mc_presentation_get_property;
  object_class->set_property = mc_presentation_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         MC_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                         | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  mc_app_ensure_resources ();
  g_type_ensure (MC_TYPE_CANVAS);
  g_type_ensure (MC_TYPE_TIMER_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/mc-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, McPresentation, overlay);
  gtk_widget_class_bind_template_child (widget_class, McPresentation, canvas);
  gtk_widget_class_bind_template_child (widget_class, McPresentation, size_probe);
  gtk_widget_class_bind_template_child (widget_class, McPresentation, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, McPresentation, banner);
  gtk_widget_class_bind_template_child (widget_class, McPresentation, banner_context);
  gtk_widget_class_bind_template_child (widget_class, McPresentation, banner_title);
  gtk_widget_class_bind_template_child (widget_class, McPresentation, banner_prompt);
  gtk_widget_class_bind_template_child (widget_class, McPresentation, footer);
  gtk_widget_class_bind_template_child (widget_class, McPresentation, timer_widget);
  gtk_widget_class_bind_template_child (widget_class, McPresentation, capture_revealer);
  gtk_widget_class_bind_template_child (widget_class, McPresentation, capture_entry);
  gtk_widget_class_bind_template_child (widget_class, McPresentation, position_label);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, action_next);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, action_previous);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, action_leave);
  gtk_widget_class_install_action (widget_class, "presentation.presenter-view", NULL,
                                   action_presenter_view);
  gtk_widget_class_install_action (widget_class, "presentation.edit-route", NULL,
                                   action_edit_route);
  gtk_widget_class_install_action (widget_class, "presentation.timer-toggle", NULL,
                                   action_timer_toggle);
  gtk_widget_class_install_action (widget_class, "presentation.timer-add-minute", NULL,
                                   action_timer_add_minute);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "presentation.timer-toggle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "presentation.timer-add-minute", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "presentation.presenter-view", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "presentation.edit-route", NULL);
}

static void
mc_presentation_init (McPresentation *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->timer = mc_timer_new ();
  mc_timer_widget_set_timer (MC_TIMER_WIDGET (self->timer_widget), self->timer);
  mc_timer_widget_set_large (MC_TIMER_WIDGET (self->timer_widget), TRUE);

  self->animation = mc_view_animation_new (GTK_WIDGET (self->canvas), apply_transform, self);
  mc_view_animation_set_duration (self->animation, MC_PRESENTATION_ANIMATION_MS);

  g_signal_connect (self->size_probe, "resize", G_CALLBACK (on_size_probe_resize), self);
  g_signal_connect (self->capture_entry, "activate", G_CALLBACK (on_capture_activate), self);

  /* Before any child: space and the arrows navigate unless one is typing. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

McPresentation *
mc_presentation_new (GtkApplication *application,
                     McBoard        *board)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  return g_object_new (MC_TYPE_PRESENTATION,
                       "application", application,
                       "board", board,
                       NULL);
}
