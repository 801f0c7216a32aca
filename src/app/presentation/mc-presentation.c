/* mc-presentation.c — presentation mode: the board on a projector
 *
 * The window itself: starting on the right monitor, leaving, the actions
 * and the object. The other parts are listed in mc-presentation-private.h.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-app-base.h"
#include "mc-catalog.h"
#include "mc-presentation-private.h"
#include "mc-presenter-view.h"
#include "mc-route-editor.h"
#include "mc-theme.h"
#include "mc-timer-widget.h"

G_DEFINE_FINAL_TYPE (McPresentation, mc_presentation, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void set_from (McPresentation *self,
                      GtkWindow      *from);

const McRouteStop *
_mc_presentation_current_stop (McPresentation *self)
{
  if (self->route == NULL || mc_route_get_n_stops (self->route) == 0)
    return NULL;
  return mc_route_get_current_stop (self->route);
}

gboolean
_mc_presentation_can_capture (McPresentation *self)
{
  const McRouteStop *stop = _mc_presentation_current_stop (self);

  return stop != NULL && stop->kind == MC_ROUTE_STOP_REGION
         && !mc_board_get_read_only (self->board);
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

  set_from (self, from);

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

  g_assert (self->board == NULL && self->route == NULL);

  self->board = g_object_ref (board);
  self->route = mc_route_new (board, mc_catalog_get_default ());
  _mc_presentation_sync_join (self);
  _mc_presentation_connect_route (self);

  /* The projector theme; the banner shows the questions in large type, so
   * the figures leave them out and keep their room for the notes. */
  mc_view_options_init (&options, mc_board_get_language (board));
  options.theme = MC_THEME_PROJECTOR;
  options.questions = MC_QUESTIONS_OFF;
  mc_canvas_set_view_options (self->canvas, &options);
  mc_canvas_set_figures_locked (self->canvas, TRUE);
  mc_canvas_set_board (self->canvas, board);
  _mc_presentation_watch_notes (self);

  _mc_presentation_update_banner (self);
}

static void
release_board (McPresentation *self)
{
  _mc_presentation_unwatch_notes (self);
  if (self->route != NULL)
    {
      g_clear_signal_handler (&self->route_changed_id, self->route);
      g_clear_signal_handler (&self->route_current_id, self->route);
    }
  g_clear_object (&self->route);
  g_clear_object (&self->board);
}

static void
close_presenter_view (McPresentation *self)
{
  GtkWindow *view = self->presenter_view;

  if (view == NULL)
    return;

  g_object_remove_weak_pointer (G_OBJECT (view), (gpointer *) &self->presenter_view);
  self->presenter_view = NULL;
  gtk_window_destroy (view);
}

void
mc_presentation_set_board (McPresentation *self,
                           McBoard        *board)
{
  const McRouteStop *stop;
  g_autofree char *key = NULL;
  gboolean had_view;
  int index;

  g_return_if_fail (MC_IS_PRESENTATION (self));
  g_return_if_fail (MC_IS_BOARD (board));

  if (board == self->board)
    return;

  /* The presenter view follows the route it was opened on: reopen it on
   * the new one. What is being typed stays in the entry, for the new board. */
  stop = _mc_presentation_current_stop (self);
  key = stop != NULL ? g_strdup (stop->key) : NULL;
  had_view = self->presenter_view != NULL;
  close_presenter_view (self);

  release_board (self);
  set_board (self, board);

  /* The same stop on the new board, where it has one. */
  index = key != NULL ? mc_route_find_stop (self->route, key) : -1;
  if (index >= 0 && (guint) index != mc_route_get_current (self->route))
    mc_route_set_current (self->route, (guint) index);
  _mc_presentation_frame_stop (self, FALSE);

  if (had_view)
    mc_presentation_show_presenter_view (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

/* The window the presentation came from shows another board (recovery,
 * open in place): the wall shows it too, so no board it does not show
 * takes what is typed at the wall. */
static void
on_from_board (GObject        *from,
               GParamSpec     *pspec,
               McPresentation *self)
{
  g_autoptr(McBoard) board = NULL;

  g_object_get (from, "board", &board, NULL);
  if (board != NULL)
    mc_presentation_set_board (self, board);
}

static void
set_from (McPresentation *self,
          GtkWindow      *from)
{
  if (self->from != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->from, on_from_board, self);
      g_object_remove_weak_pointer (G_OBJECT (self->from), (gpointer *) &self->from);
    }

  self->from = from;
  if (from == NULL)
    return;

  g_object_add_weak_pointer (G_OBJECT (from), (gpointer *) &self->from);
  {
    GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (from), "board");

    if (pspec != NULL && g_type_is_a (pspec->value_type, MC_TYPE_BOARD))
      g_signal_connect (from, "notify::board", G_CALLBACK (on_from_board), self);
  }
}

void
mc_presentation_follow_window (McPresentation *self,
                               GtkWindow      *from)
{
  g_return_if_fail (MC_IS_PRESENTATION (self));
  g_return_if_fail (GTK_IS_WINDOW (from));

  if (from != self->from)
    set_from (self, from);
  on_from_board (G_OBJECT (from), NULL, self);
}

static void
mc_presentation_dispose (GObject *object)
{
  McPresentation *self = MC_PRESENTATION (object);

  if (self->reframe_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->canvas), self->reframe_id);
  self->reframe_id = 0;
  g_clear_object (&self->animation);
  close_presenter_view (self);
  set_from (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_PRESENTATION);

  release_board (self);
  _mc_presentation_release_room (self);
  g_clear_pointer (&self->page_starts, g_free);
  g_clear_pointer (&self->questions, g_strfreev);
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
      if (g_value_get_object (value) == NULL)
        break;
      if (self->board == NULL)
        set_board (self, g_value_get_object (value));
      else
        mc_presentation_set_board (self, g_value_get_object (value));
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
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT
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
  gtk_widget_class_bind_template_child (widget_class, McPresentation, banner_page);
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

/* One font family on the wall: the banner, the pills and the entry use
 * the projector theme's, as the board does. Once per display. */
static void
use_theme_font (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autofree char *css = NULL;

  if (g_object_get_data (G_OBJECT (display), "mc-presentation-font") != NULL)
    return;

  css = g_strdup_printf ("window.presentation { font-family: %s; }",
                         mc_theme_get (MC_THEME_PROJECTOR)->font_family);
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "mc-presentation-font",
                          g_object_ref (provider), g_object_unref);
}

static void
mc_presentation_init (McPresentation *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  use_theme_font (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->timer = mc_timer_new ();
  mc_timer_widget_set_timer (MC_TIMER_WIDGET (self->timer_widget), self->timer);
  mc_timer_widget_set_large (MC_TIMER_WIDGET (self->timer_widget), TRUE);

  _mc_presentation_init_framing (self);
  _mc_presentation_init_capture (self);
  _mc_presentation_init_steps (self);
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

