/* mc-route-editor.c — the small editor of a presentation's route */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-command.h"
#include "mc-route-editor.h"

struct _McRouteEditor
{
  AdwWindow   parent_instance;

  GtkListBox *list;
  McRoute    *route;
  gulong      changed_id;
  gboolean    rebuilding;
};

G_DEFINE_FINAL_TYPE (McRouteEditor, mc_route_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ROUTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (McRouteEditor *self);

/* Every change is one undo step and travels with the board file. */
static void
save_route (McRouteEditor *self)
{
  McBoard *board = mc_route_get_board (self->route);

  if (mc_board_get_read_only (board))
    return;
  mc_board_execute (board, mc_route_save_command (self->route));
}

void
mc_route_editor_set_skipped (McRouteEditor *self,
                             guint          index,
                             gboolean       skipped)
{
  g_return_if_fail (MC_IS_ROUTE_EDITOR (self));
  g_return_if_fail (index < mc_route_get_n_stops (self->route));

  if (mc_route_get_stop (self->route, index)->skipped == skipped)
    return;

  mc_route_set_skipped (self->route, index, skipped);
  save_route (self);
  rebuild (self);
}

void
mc_route_editor_move (McRouteEditor *self,
                      guint          index,
                      int            delta)
{
  int to;

  g_return_if_fail (MC_IS_ROUTE_EDITOR (self));
  g_return_if_fail (index < mc_route_get_n_stops (self->route));

  to = (int) index + delta;
  if (to < 0 || to >= (int) mc_route_get_n_stops (self->route) || delta == 0)
    return;

  mc_route_move_stop (self->route, index, (guint) to);
  save_route (self);
  rebuild (self);

  /* Keep the moved row under the keyboard. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, to);

    if (row != NULL)
      gtk_widget_grab_focus (GTK_WIDGET (row));
  }
}

GtkListBox *
mc_route_editor_get_list (McRouteEditor *self)
{
  g_return_val_if_fail (MC_IS_ROUTE_EDITOR (self), NULL);

  return self->list;
}

McRoute *
mc_route_editor_get_route (McRouteEditor *self)
{
  g_return_val_if_fail (MC_IS_ROUTE_EDITOR (self), NULL);

  return self->route;
}

static guint
row_index (GtkWidget *child)
{
  GtkWidget *row = gtk_widget_get_ancestor (child, GTK_TYPE_LIST_BOX_ROW);

  return (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

static void
on_check_toggled (GtkCheckButton *check,
                  McRouteEditor  *self)
{
  if (self->rebuilding)
    return;
  mc_route_editor_set_skipped (self, row_index (GTK_WIDGET (check)),
                               !gtk_check_button_get_active (check));
}

static void
on_up_clicked (GtkButton     *button,
               McRouteEditor *self)
{
  mc_route_editor_move (self, row_index (GTK_WIDGET (button)), -1);
}

static void
on_down_clicked (GtkButton     *button,
                 McRouteEditor *self)
{
  mc_route_editor_move (self, row_index (GTK_WIDGET (button)), +1);
}

static GtkWidget *
new_row (McRouteEditor     *self,
         const McRouteStop *stop,
         guint              index,
         guint              n_stops)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (stop->title);
  GtkWidget *up = gtk_button_new_from_icon_name ("go-up-symbolic");
  GtkWidget *down = gtk_button_new_from_icon_name ("go-down-symbolic");
  const char *kind;

  switch (stop->kind)
    {
    case MC_ROUTE_STOP_OVERVIEW:
      kind = _("Overview");
      break;
    case MC_ROUTE_STOP_FIGURE:
      kind = _("Figure");
      break;
    case MC_ROUTE_STOP_JOIN:
      kind = _("The room's QR code");
      break;
    case MC_ROUTE_STOP_REGION:
    default:
      kind = _("Region");
      break;
    }

  gtk_widget_add_css_class (box, "route-row");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !stop->skipped);
  gtk_widget_set_tooltip_text (check, _("Show This Stop"));
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
  gtk_box_append (GTK_BOX (box), check);

  /* Regions sit under their figure. */
  if (stop->kind == MC_ROUTE_STOP_REGION)
    gtk_widget_set_margin_start (label, 24);
  else
    gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, kind);
  if (stop->skipped)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_set_tooltip_text (up, _("Move Up"));
  gtk_widget_add_css_class (up, "flat");
  gtk_widget_set_sensitive (up, index > 0);
  g_signal_connect (up, "clicked", G_CALLBACK (on_up_clicked), self);
  gtk_box_append (GTK_BOX (box), up);

  gtk_widget_set_tooltip_text (down, _("Move Down"));
  gtk_widget_add_css_class (down, "flat");
  gtk_widget_set_sensitive (down, index + 1 < n_stops);
  g_signal_connect (down, "clicked", G_CALLBACK (on_down_clicked), self);
  gtk_box_append (GTK_BOX (box), down);

  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, stop->title, -1);
  return box;
}

static void
rebuild (McRouteEditor *self)
{
  GtkWidget *child;
  guint n;

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  n = self->route != NULL ? mc_route_get_n_stops (self->route) : 0;
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, new_row (self, mc_route_get_stop (self->route, i), i, n));
  self->rebuilding = FALSE;
}

static void
on_route_changed (McRoute       *route,
                  McRouteEditor *self)
{
  rebuild (self);
}

static void
on_reset_clicked (GtkButton     *button,
                  McRouteEditor *self)
{
  mc_route_reset_order (self->route);
  save_route (self);
  rebuild (self);
}

static void
set_route (McRouteEditor *self,
           McRoute       *route)
{
  g_assert (self->route == NULL);

  self->route = g_object_ref (route);
  self->changed_id = g_signal_connect (route, "changed", G_CALLBACK (on_route_changed), self);
  rebuild (self);
}

static void
mc_route_editor_dispose (GObject *object)
{
  McRouteEditor *self = MC_ROUTE_EDITOR (object);

  if (self->route != NULL)
    g_clear_signal_handler (&self->changed_id, self->route);
  g_clear_object (&self->route);

  G_OBJECT_CLASS (mc_route_editor_parent_class)->dispose (object);
}

static void
mc_route_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  McRouteEditor *self = MC_ROUTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ROUTE:
      g_value_set_object (value, self->route);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_route_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  McRouteEditor *self = MC_ROUTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ROUTE:
      set_route (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_route_editor_class_init (McRouteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_route_editor_dispose;
  object_class->get_property = mc_route_editor_get_property;
  object_class->set_property = mc_route_editor_set_property;

  properties[PROP_ROUTE] =
    g_param_spec_object ("route", NULL, NULL,
                         MC_TYPE_ROUTE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                         | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_route_editor_init (McRouteEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *reset = gtk_button_new_with_mnemonic (_("_Reset"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *hint;

  gtk_window_set_title (GTK_WINDOW (self), _("Presentation Route"));
  gtk_window_set_default_size (GTK_WINDOW (self), 460, 620);

  gtk_widget_set_tooltip_text (reset, _("Back to the Order of the Model, Nothing Skipped"));
  g_signal_connect (reset, "clicked", G_CALLBACK (on_reset_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), reset);
  gtk_box_append (GTK_BOX (box), header);

  hint = gtk_label_new (_("Untick a stop to skip it; the arrows change the order."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_margin_start (hint, 18);
  gtk_widget_set_margin_end (hint, 18);
  gtk_widget_set_margin_top (hint, 12);
  gtk_widget_set_margin_bottom (hint, 6);
  gtk_box_append (GTK_BOX (box), hint);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_window_set_content (ADW_WINDOW (self), box);
}

McRouteEditor *
mc_route_editor_new (McRoute *route)
{
  g_return_val_if_fail (MC_IS_ROUTE (route), NULL);

  return g_object_new (MC_TYPE_ROUTE_EDITOR, "route", route, NULL);
}

McRouteEditor *
mc_route_editor_present (GtkWindow *parent,
                         McRoute   *route)
{
  McRouteEditor *editor;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MC_IS_ROUTE (route), NULL);

  editor = mc_route_editor_new (route);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (editor), parent);
      gtk_window_set_modal (GTK_WINDOW (editor), TRUE);
      gtk_window_set_application (GTK_WINDOW (editor), gtk_window_get_application (parent));
    }
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}
