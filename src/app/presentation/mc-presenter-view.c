/* mc-presenter-view.c — the facilitator's view on the laptop */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-app-base.h"
#include "mc-catalog.h"
#include "mc-presenter-view.h"
#include "mc-timer-widget.h"

struct _McPresenterView
{
  AdwWindow       parent_instance;

  /* Template children */
  GtkLabel       *now_context;
  GtkLabel       *now_title;
  GtkLabel       *now_prompt;
  GtkLabel       *next_title;
  GtkLabel       *next_prompt;
  GtkWidget      *timer_widget;
  GtkLabel       *position_label;
  GtkEntry       *note_entry;

  McPresentation *presentation;  /* weak: it owns this window */
  McRoute        *route;
  gulong          changed_id;
  gulong          current_id;
};

G_DEFINE_FINAL_TYPE (McPresenterView, mc_presenter_view, ADW_TYPE_WINDOW)

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* The prompt of a stop as the projector shows it. */
static const char *
stop_prompt (const McRouteStop *stop)
{
  return stop->kind == MC_ROUTE_STOP_FIGURE ? NULL : stop->prompt;
}

static const McRouteStop *
next_stop (McRoute *route)
{
  guint n = mc_route_get_n_stops (route);

  for (guint i = mc_route_get_current (route) + 1; i < n; i++)
    {
      const McRouteStop *stop = mc_route_get_stop (route, i);

      if (!stop->skipped)
        return stop;
    }
  return NULL;
}

static void
update (McPresenterView *self)
{
  const McRouteStop *stop;
  const McRouteStop *next;
  g_autofree char *position = NULL;
  gboolean region;

  if (self->route == NULL || mc_route_get_n_stops (self->route) == 0)
    return;

  stop = mc_route_get_current_stop (self->route);
  next = next_stop (self->route);
  region = stop->kind == MC_ROUTE_STOP_REGION;

  set_label (self->now_context, NULL);
  if (region && stop->figure_id != NULL)
    {
      McBoard *board = mc_route_get_board (self->route);
      McFigure *figure = mc_board_get_figure (board, stop->figure_id);
      const McFigureInfo *info = figure != NULL
        ? mc_catalog_get_figure (mc_catalog_get_default (), mc_figure_get_kind (figure))
        : NULL;

      set_label (self->now_context,
                 info != NULL ? mc_figure_info_get_title (info, mc_board_get_language (board)) : NULL);
    }

  set_label (self->now_title, stop->title);
  set_label (self->now_prompt, stop_prompt (stop));
  if (next != NULL)
    {
      set_label (self->next_title, next->title);
      set_label (self->next_prompt, stop_prompt (next));
    }
  else
    {
      set_label (self->next_title, _("End of the route"));
      set_label (self->next_prompt, NULL);
    }

  position = mc_route_format_position (self->route);
  gtk_label_set_text (self->position_label, position);

  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), region);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presenter.add-note", region);
  if (region)
    {
      /* Translators: placeholder of the note entry; %s is a region, such as "Sociaal". */
      g_autofree char *placeholder = g_strdup_printf (_("A note for “%s”"), stop->title);

      gtk_entry_set_placeholder_text (self->note_entry, placeholder);
    }
  else
    gtk_entry_set_placeholder_text (self->note_entry, _("Notes can be added at a region"));
}

static void
on_route_changed (McRoute         *route,
                  McPresenterView *self)
{
  update (self);
}

static void
on_route_current (McRoute         *route,
                  GParamSpec      *pspec,
                  McPresenterView *self)
{
  update (self);
}

const char *
mc_presenter_view_get_current_title (McPresenterView *self)
{
  g_return_val_if_fail (MC_IS_PRESENTER_VIEW (self), NULL);

  return gtk_label_get_text (self->now_title);
}

const char *
mc_presenter_view_get_current_prompt (McPresenterView *self)
{
  g_return_val_if_fail (MC_IS_PRESENTER_VIEW (self), NULL);

  return gtk_label_get_text (self->now_prompt);
}

const char *
mc_presenter_view_get_next_title (McPresenterView *self)
{
  g_return_val_if_fail (MC_IS_PRESENTER_VIEW (self), NULL);

  return gtk_label_get_text (self->next_title);
}

GtkEditable *
mc_presenter_view_get_note_entry (McPresenterView *self)
{
  g_return_val_if_fail (MC_IS_PRESENTER_VIEW (self), NULL);

  return GTK_EDITABLE (self->note_entry);
}

/* Actions */

static void
action_next (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  McPresenterView *self = MC_PRESENTER_VIEW (widget);

  if (self->presentation != NULL)
    mc_presentation_next (self->presentation);
}

static void
action_previous (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  McPresenterView *self = MC_PRESENTER_VIEW (widget);

  if (self->presentation != NULL)
    mc_presentation_previous (self->presentation);
}

static void
action_leave (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  McPresenterView *self = MC_PRESENTER_VIEW (widget);

  if (self->presentation != NULL)
    mc_presentation_leave (self->presentation);
}

static void
action_add_note (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  McPresenterView *self = MC_PRESENTER_VIEW (widget);
  g_autofree char *note_id = NULL;

  if (self->presentation == NULL)
    return;

  note_id = mc_presentation_capture_note (self->presentation,
                                          gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
  if (note_id != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
}

static void
on_entry_activate (GtkEntry        *entry,
                   McPresenterView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "presenter.add-note", NULL);
}

/* Object */

static void
mc_presenter_view_dispose (GObject *object)
{
  McPresenterView *self = MC_PRESENTER_VIEW (object);

  if (self->route != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->route);
      g_clear_signal_handler (&self->current_id, self->route);
    }
  g_clear_object (&self->route);
  if (self->presentation != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->presentation),
                                  (gpointer *) &self->presentation);
  self->presentation = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_PRESENTER_VIEW);

  G_OBJECT_CLASS (mc_presenter_view_parent_class)->dispose (object);
}

static void
mc_presenter_view_class_init (McPresenterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_presenter_view_dispose;

  mc_app_ensure_resources ();
  g_type_ensure (MC_TYPE_TIMER_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/mc-presenter-view.ui");
  gtk_widget_class_bind_template_child (widget_class, McPresenterView, now_context);
  gtk_widget_class_bind_template_child (widget_class, McPresenterView, now_title);
  gtk_widget_class_bind_template_child (widget_class, McPresenterView, now_prompt);
  gtk_widget_class_bind_template_child (widget_class, McPresenterView, next_title);
  gtk_widget_class_bind_template_child (widget_class, McPresenterView, next_prompt);
  gtk_widget_class_bind_template_child (widget_class, McPresenterView, timer_widget);
  gtk_widget_class_bind_template_child (widget_class, McPresenterView, position_label);
  gtk_widget_class_bind_template_child (widget_class, McPresenterView, note_entry);

  gtk_widget_class_install_action (widget_class, "presenter.next", NULL, action_next);
  gtk_widget_class_install_action (widget_class, "presenter.previous", NULL, action_previous);
  gtk_widget_class_install_action (widget_class, "presenter.leave", NULL, action_leave);
  gtk_widget_class_install_action (widget_class, "presenter.add-note", NULL, action_add_note);

  /* Clickers work here too; the note entry keeps its own keys. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "presenter.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "presenter.previous", NULL);
}

static void
mc_presenter_view_init (McPresenterView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->note_entry, "activate", G_CALLBACK (on_entry_activate), self);
}

McPresenterView *
mc_presenter_view_new (McPresentation *presentation)
{
  McPresenterView *self;

  g_return_val_if_fail (MC_IS_PRESENTATION (presentation), NULL);

  self = g_object_new (MC_TYPE_PRESENTER_VIEW,
                       "application", gtk_window_get_application (GTK_WINDOW (presentation)),
                       NULL);
  self->presentation = presentation;
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &self->presentation);
  self->route = g_object_ref (mc_presentation_get_route (presentation));
  self->changed_id = g_signal_connect (self->route, "changed",
                                       G_CALLBACK (on_route_changed), self);
  self->current_id = g_signal_connect (self->route, "notify::current",
                                       G_CALLBACK (on_route_current), self);
  mc_timer_widget_set_timer (MC_TIMER_WIDGET (self->timer_widget),
                             mc_presentation_get_timer (presentation));
  update (self);

  return self;
}
