/* mc-timer-widget.c — the session countdown on screen */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-timer-widget.h"

/* How often a running timer is read: often enough that the shown second
 * flips on time, seldom enough to cost nothing. */
#define UPDATE_INTERVAL_MS 200

struct _McTimerWidget
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkLabel       *time_label;
  GtkButton      *toggle_button;
  GtkWidget      *add_button;
  GtkWidget      *reset_button;
  GtkMenuButton  *length_button;
  GtkSpinButton  *custom_spin;

  McTimer        *timer;
  gulong          remaining_id;
  gulong          state_id;
  gulong          finished_id;
  guint           update_source;

  GSettings      *settings;
  GtkMediaStream *chime;
};

G_DEFINE_FINAL_TYPE (McTimerWidget, mc_timer_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
on_update_timeout (gpointer data)
{
  McTimerWidget *self = data;

  if (self->timer != NULL)
    mc_timer_update (self->timer);

  return G_SOURCE_CONTINUE;
}

static void
update_display (McTimerWidget *self)
{
  McTimerState state = self->timer != NULL ? mc_timer_get_state (self->timer) : MC_TIMER_IDLE;
  gint64 remaining = self->timer != NULL ? mc_timer_get_remaining (self->timer)
                                         : MC_TIMER_DEFAULT_DURATION;
  g_autofree char *text = mc_timer_format (remaining);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_label_set_text (self->time_label, text);

  if (state == MC_TIMER_RUNNING)
    {
      gtk_button_set_icon_name (self->toggle_button, "media-playback-pause-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->toggle_button), _("Pause the Timer"));
    }
  else
    {
      gtk_button_set_icon_name (self->toggle_button, "media-playback-start-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->toggle_button),
                                   state == MC_TIMER_PAUSED ? _("Resume the Timer")
                                                            : _("Start the Timer"));
    }

  if (state == MC_TIMER_RUNNING)
    gtk_widget_add_css_class (widget, "running");
  else
    gtk_widget_remove_css_class (widget, "running");
  if (state == MC_TIMER_PAUSED)
    gtk_widget_add_css_class (widget, "paused");
  else
    gtk_widget_remove_css_class (widget, "paused");
  if (state == MC_TIMER_FINISHED)
    gtk_widget_add_css_class (widget, "finished");
  else
    gtk_widget_remove_css_class (widget, "finished");

  /* Only a running timer needs reading; an injected clock is read by
   * whoever drives it, the timeout then just reads the same time again. */
  if (state == MC_TIMER_RUNNING && self->update_source == 0)
    self->update_source = g_timeout_add (UPDATE_INTERVAL_MS, on_update_timeout, self);
  else if (state != MC_TIMER_RUNNING)
    g_clear_handle_id (&self->update_source, g_source_remove);
}

static void
on_timer_notify (McTimer       *timer,
                 GParamSpec    *pspec,
                 McTimerWidget *self)
{
  update_display (self);
}

static void
play_chime (McTimerWidget *self)
{
  if (!g_settings_get_boolean (self->settings, "timer-sound"))
    return;

  if (self->chime == NULL)
    self->chime = gtk_media_file_new_for_resource (RESOURCE_PREFIX "/sounds/timer-end.wav");
  gtk_media_stream_seek (self->chime, 0);
  gtk_media_stream_play (self->chime);
}

static void
on_timer_finished (McTimer       *timer,
                   McTimerWidget *self)
{
  update_display (self);
  play_chime (self);
}

McTimer *
mc_timer_widget_get_timer (McTimerWidget *self)
{
  g_return_val_if_fail (MC_IS_TIMER_WIDGET (self), NULL);

  return self->timer;
}

void
mc_timer_widget_set_timer (McTimerWidget *self,
                           McTimer       *timer)
{
  g_return_if_fail (MC_IS_TIMER_WIDGET (self));
  g_return_if_fail (timer == NULL || MC_IS_TIMER (timer));

  if (self->timer == timer)
    return;

  if (self->timer != NULL)
    {
      g_clear_signal_handler (&self->remaining_id, self->timer);
      g_clear_signal_handler (&self->state_id, self->timer);
      g_clear_signal_handler (&self->finished_id, self->timer);
    }
  g_clear_handle_id (&self->update_source, g_source_remove);
  g_set_object (&self->timer, timer);

  if (timer != NULL)
    {
      self->remaining_id = g_signal_connect (timer, "notify::remaining",
                                             G_CALLBACK (on_timer_notify), self);
      self->state_id = g_signal_connect (timer, "notify::state",
                                         G_CALLBACK (on_timer_notify), self);
      self->finished_id = g_signal_connect (timer, "finished",
                                            G_CALLBACK (on_timer_finished), self);
    }

  update_display (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMER]);
}

const char *
mc_timer_widget_get_text (McTimerWidget *self)
{
  g_return_val_if_fail (MC_IS_TIMER_WIDGET (self), NULL);

  return gtk_label_get_text (self->time_label);
}

void
mc_timer_widget_set_large (McTimerWidget *self,
                           gboolean       large)
{
  g_return_if_fail (MC_IS_TIMER_WIDGET (self));

  if (large)
    gtk_widget_add_css_class (GTK_WIDGET (self), "large");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "large");
}

static void
scale_label (GtkLabel *label,
             double    scale)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

/* The icons and labels inside a button (or a menu button's own child). */
static void
scale_button (GtkWidget *button,
              double     scale)
{
  for (GtkWidget *child = gtk_widget_get_first_child (button);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child))
        gtk_image_set_pixel_size (GTK_IMAGE (child), (int) (16 * scale + 0.5));
      else if (GTK_IS_LABEL (child))
        scale_label (GTK_LABEL (child), scale);
      else
        scale_button (child, scale);
    }
}

void
mc_timer_widget_set_scale (McTimerWidget *self,
                           double         scale)
{
  g_return_if_fail (MC_IS_TIMER_WIDGET (self));
  g_return_if_fail (scale > 0);

  GtkWidget *buttons[] = {
    GTK_WIDGET (self->toggle_button), self->add_button, self->reset_button,
    GTK_WIDGET (self->length_button),
  };
  /* The style sheet's round buttons are 34 px across; larger icons in them
   * would touch each other. */
  int side = scale > 1 ? (int) (34 * scale + 0.5) : -1;

  scale_label (self->time_label, scale);
  gtk_box_set_spacing (GTK_BOX (self->box), (int) (4 * scale + 0.5));
  gtk_widget_set_margin_end (GTK_WIDGET (self->time_label), (int) (6 * scale + 0.5));
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      scale_button (buttons[i], scale);
      gtk_widget_set_size_request (buttons[i], side, side);
    }
}

/* Actions */

static void
action_toggle (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  McTimerWidget *self = MC_TIMER_WIDGET (widget);

  if (self->timer != NULL)
    mc_timer_toggle (self->timer);
}

static void
action_add_minute (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  McTimerWidget *self = MC_TIMER_WIDGET (widget);

  if (self->timer != NULL)
    mc_timer_add_minute (self->timer);
}

static void
action_reset (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  McTimerWidget *self = MC_TIMER_WIDGET (widget);

  if (self->timer != NULL)
    mc_timer_reset (self->timer);
}

static void
set_length (McTimerWidget *self,
            guint          minutes)
{
  if (self->timer == NULL || minutes == 0)
    return;

  mc_timer_set_duration (self->timer, (gint64) minutes * 60 * G_USEC_PER_SEC);
  mc_timer_reset (self->timer);
  update_display (self);
}

static void
action_preset (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  set_length (MC_TIMER_WIDGET (widget), g_variant_get_uint32 (parameter));
}

static void
on_custom_activate (GtkWidget     *button,
                    McTimerWidget *self)
{
  set_length (self, (guint) gtk_spin_button_get_value_as_int (self->custom_spin));
  gtk_menu_button_popdown (self->length_button);
}

/* Building */

static GtkWidget *
new_flat_button (const char *icon_name,
                 const char *label,
                 const char *tooltip,
                 const char *action_name)
{
  GtkWidget *button = icon_name != NULL ? gtk_button_new_from_icon_name (icon_name)
                                        : gtk_button_new_with_label (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  /* Keys belong to the presentation (space is "next"), not to the buttons. */
  gtk_widget_set_focusable (button, FALSE);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  return button;
}

static GtkWidget *
build_length_popover (McTimerWidget *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *presets = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *custom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (_("Length"));
  GtkWidget *set_button;
  GtkWidget *sound;

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);

  gtk_widget_add_css_class (presets, "linked");
  for (guint i = 0; mc_timer_preset_minutes[i] != 0; i++)
    {
      /* Translators: a timer length in minutes, on a small button. */
      g_autofree char *label = g_strdup_printf (_("%u min"), mc_timer_preset_minutes[i]);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_uint32 (mc_timer_preset_minutes[i]));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "timer.preset");
      gtk_box_append (GTK_BOX (presets), button);
    }
  gtk_box_append (GTK_BOX (box), presets);

  self->custom_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 180, 1));
  gtk_spin_button_set_value (self->custom_spin, 20);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->custom_spin), _("Minutes"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->custom_spin), TRUE);
  set_button = gtk_button_new_with_label (_("Set"));
  g_signal_connect (set_button, "clicked", G_CALLBACK (on_custom_activate), self);
  gtk_box_append (GTK_BOX (custom), GTK_WIDGET (self->custom_spin));
  gtk_box_append (GTK_BOX (custom), set_button);
  gtk_box_append (GTK_BOX (box), custom);

  sound = gtk_check_button_new_with_label (_("Sound at Zero"));
  g_settings_bind (self->settings, "timer-sound", sound, "active", G_SETTINGS_BIND_DEFAULT);
  gtk_box_append (GTK_BOX (box), sound);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static void
mc_timer_widget_dispose (GObject *object)
{
  McTimerWidget *self = MC_TIMER_WIDGET (object);

  mc_timer_widget_set_timer (self, NULL);
  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->chime != NULL)
    gtk_media_stream_pause (self->chime);
  g_clear_object (&self->chime);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (mc_timer_widget_parent_class)->dispose (object);
}

static void
mc_timer_widget_finalize (GObject *object)
{
  McTimerWidget *self = MC_TIMER_WIDGET (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mc_timer_widget_parent_class)->finalize (object);
}

static void
mc_timer_widget_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  McTimerWidget *self = MC_TIMER_WIDGET (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      g_value_set_object (value, self->timer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_timer_widget_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  McTimerWidget *self = MC_TIMER_WIDGET (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      mc_timer_widget_set_timer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_timer_widget_class_init (McTimerWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_timer_widget_dispose;
  object_class->finalize = mc_timer_widget_finalize;
  object_class->get_property = mc_timer_widget_get_property;
  object_class->set_property = mc_timer_widget_set_property;

  properties[PROP_TIMER] =
    g_param_spec_object ("timer", NULL, NULL,
                         MC_TYPE_TIMER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "timer.toggle", NULL, action_toggle);
  gtk_widget_class_install_action (widget_class, "timer.add-minute", NULL, action_add_minute);
  gtk_widget_class_install_action (widget_class, "timer.reset", NULL, action_reset);
  gtk_widget_class_install_action (widget_class, "timer.preset", "u", action_preset);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mctimer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mc_timer_widget_init (McTimerWidget *self)
{
  GtkWidget *label;

  self->settings = g_settings_new (APP_ID);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  label = gtk_label_new ("05:00");
  gtk_widget_add_css_class (label, "timer-time");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_margin_end (label, 6);
  self->time_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (self->box), label);

  self->toggle_button = GTK_BUTTON (new_flat_button ("media-playback-start-symbolic", NULL,
                                                     _("Start the Timer"), "timer.toggle"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->toggle_button));

  /* Translators: the button that adds one minute to the timer. */
  self->add_button = new_flat_button (NULL, _("+1"), _("Add a Minute"), "timer.add-minute");
  gtk_box_append (GTK_BOX (self->box), self->add_button);

  self->reset_button = new_flat_button ("view-refresh-symbolic", NULL, _("Reset the Timer"),
                                        "timer.reset");
  gtk_box_append (GTK_BOX (self->box), self->reset_button);

  self->length_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->length_button, "pan-down-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->length_button), _("Timer Length"));
  gtk_widget_set_focusable (GTK_WIDGET (self->length_button), FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->length_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->length_button), "flat");
  gtk_menu_button_set_popover (self->length_button, build_length_popover (self));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->length_button));

  update_display (self);
}

GtkWidget *
mc_timer_widget_new (McTimer *timer)
{
  g_return_val_if_fail (timer == NULL || MC_IS_TIMER (timer), NULL);

  return g_object_new (MC_TYPE_TIMER_WIDGET, "timer", timer, NULL);
}
