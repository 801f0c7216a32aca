/* mc-canvas-menus.c — the right-click menus of notes and figures and the
 * prompt that names a new cluster
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-canvas-edit-private.h"
#include "mc-cluster.h"
#include "mc-editing.h"
#include "mc-figure.h"
#include "mc-figure-shapes.h"

/* Clusters */

static void
create_cluster (McCanvas   *self,
                const char *label)
{
  g_auto(GStrv) ids = mc_canvas_dup_selection (self);
  McCluster *cluster;

  if (ids[0] == NULL || !_mc_canvas_is_editable (self))
    return;

  if (label == NULL || *label == '\0')
    label = _("Cluster");
  cluster = mc_cluster_new (label, NULL);
  mc_cluster_set_note_ids (cluster, (const char * const *) ids);
  _mc_canvas_execute (self, mc_command_add_cluster (self->board, cluster));
}

static void
on_cluster_label_activate (GtkEntry *entry,
                           McCanvas *self)
{
  g_autofree char *label = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  if (self->edit->cluster_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->edit->cluster_popover));
  create_cluster (self, g_strstrip (label));
}

static void
on_cluster_button_clicked (GtkButton *button,
                           GtkEntry  *entry)
{
  g_signal_emit_by_name (entry, "activate");
}

static void
on_cluster_popover_closed (GtkPopover *popover,
                           McCanvas   *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
selection_bounds_widget (McCanvas     *self,
                         GdkRectangle *out)
{
  McRect all = { 0 }, rect;
  gboolean any = FALSE;
  double x0, y0, x1, y1;

  for (guint i = 0; i < self->edit->selection->len; i++)
    if (mc_layout_get_note_rect (self->layout, self->edit->selection->pdata[i], &rect))
      {
        if (any)
          mc_rect_union (&all, &rect, &all);
        else
          all = rect;
        any = TRUE;
      }

  mc_canvas_board_to_widget (self, all.x, all.y, &x0, &y0);
  mc_canvas_board_to_widget (self, all.x + all.width, all.y + all.height, &x1, &y1);
  x0 = CLAMP (x0, 0, gtk_widget_get_width (GTK_WIDGET (self)));
  x1 = CLAMP (x1, 0, gtk_widget_get_width (GTK_WIDGET (self)));
  y0 = CLAMP (y0, 0, gtk_widget_get_height (GTK_WIDGET (self)));
  y1 = CLAMP (y1, 0, gtk_widget_get_height (GTK_WIDGET (self)));
  *out = (GdkRectangle) { (int) x0, (int) y0, MAX ((int) (x1 - x0), 1), MAX ((int) (y1 - y0), 1) };
}

static void
action_cluster (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  McCanvasEdit *edit = self->edit;
  GtkWidget *box, *entry, *button, *label;
  GdkRectangle pointing;

  _mc_canvas_end_editing (self, TRUE);
  if (edit->selection->len == 0 || !_mc_canvas_is_editable (self))
    return;

  if (edit->cluster_popover == NULL)
    {
      edit->cluster_popover = gtk_popover_new ();
      gtk_widget_set_parent (edit->cluster_popover, widget);
      g_signal_connect (edit->cluster_popover, "closed", G_CALLBACK (on_cluster_popover_closed), self);

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      label = gtk_label_new (_("Cluster label"));
      gtk_widget_add_css_class (label, "dim-label");
      entry = gtk_entry_new ();
      gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cluster label"), -1);
      g_signal_connect (entry, "activate", G_CALLBACK (on_cluster_label_activate), self);
      button = gtk_button_new_with_mnemonic (_("_Cluster"));
      gtk_widget_add_css_class (button, "suggested-action");
      g_signal_connect (button, "clicked", G_CALLBACK (on_cluster_button_clicked), entry);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), entry);
      gtk_box_append (GTK_BOX (box), button);
      gtk_popover_set_child (GTK_POPOVER (edit->cluster_popover), box);
      g_object_set_data (G_OBJECT (edit->cluster_popover), "mc-entry", entry);
    }

  entry = g_object_get_data (G_OBJECT (edit->cluster_popover), "mc-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), _("Cluster"));
  selection_bounds_widget (self, &pointing);
  gtk_popover_set_pointing_to (GTK_POPOVER (edit->cluster_popover), &pointing);
  gtk_popover_popup (GTK_POPOVER (edit->cluster_popover));
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static void
action_uncluster (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_autoptr(McCommand) group = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->board == NULL)
    return;

  group = mc_command_group_new (_("Remove Cluster"));
  for (guint i = 0; i < self->edit->selection->len; i++)
    {
      McCluster *cluster = mc_board_get_note_cluster (self->board, self->edit->selection->pdata[i]);

      if (cluster == NULL || !g_hash_table_add (seen, (gpointer) mc_cluster_get_id (cluster)))
        continue;
      mc_command_group_add (group, mc_command_remove_cluster (self->board, mc_cluster_get_id (cluster)));
    }

  if (!mc_command_group_is_empty (group))
    _mc_canvas_execute (self, g_steal_pointer (&group));
}

/* Context menu */

static GMenuModel *
note_menu_model (void)
{
  /* Labels of the six note colours, in mc_note_colors order. */
  const char *color_labels[] = {
    N_("Yellow"), N_("Orange"), N_("Pink"), N_("Purple"), N_("Blue"), N_("Green"),
  };
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) colors = g_menu_new ();
  g_autoptr(GMenu) region = g_menu_new ();

  g_menu_append (edit, _("_Edit Text"), "canvas.edit");
  g_menu_append (edit, _("D_uplicate"), "canvas.duplicate");
  g_menu_append (edit, _("Bring to _Front"), "canvas.raise");
  g_menu_append (edit, _("_Delete"), "canvas.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  for (guint i = 0; i < G_N_ELEMENTS (color_labels) && mc_note_colors[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(color_labels[i]), NULL);

      g_menu_item_set_action_and_target_value (item, "canvas.color",
                                               g_variant_new_string (mc_note_colors[i]));
      g_menu_append_item (colors, item);
    }
  g_menu_append_submenu (menu, _("_Colour"), G_MENU_MODEL (colors));

  g_menu_append (region, _("_Arrange Region"), "canvas.arrange");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (region));

  return G_MENU_MODEL (menu);
}

static GMenuModel *
figure_menu_model (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) size = g_menu_new ();
  g_autoptr(GMenu) board = g_menu_new ();

  /* The window's Figure actions act on the canvas's selected figure. */
  g_menu_append (size, _("_Larger"), "win.figure-scale-up");
  g_menu_append (size, _("_Smaller"), "win.figure-scale-down");
  g_menu_append (size, _("_Remove Figure"), "win.figure-remove");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (size));
  g_menu_append (board, _("_Add Figure…"), "win.add-figure");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (board));

  return G_MENU_MODEL (menu);
}

static void
popup_menu (McCanvas   *self,
            GMenuModel *model,
            double      x,
            double      y)
{
  McCanvasEdit *edit = self->edit;

  if (edit->context_menu == NULL)
    {
      edit->context_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (edit->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (edit->context_menu), FALSE);
      gtk_widget_set_halign (edit->context_menu, GTK_ALIGN_START);
    }

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (edit->context_menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (edit->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (edit->context_menu));
}

void
_mc_canvas_edit_context_menu (McCanvas *self,
                              double    x,
                              double    y)
{
  McCanvasEdit *edit = self->edit;
  McScene *scene = mc_canvas_get_scene (self);
  g_autofree char *note = NULL;
  g_autoptr(GMenuModel) model = NULL;
  const char *figure;
  double bx, by;

  _mc_canvas_end_editing (self, TRUE);
  if (scene == NULL)
    return;

  /* The menu's actions look at the pointer (Arrange) and the selection. */
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;

  mc_canvas_widget_to_board (self, x, y, &bx, &by);
  note = mc_editing_note_at (scene, bx, by);
  if (note != NULL)
    {
      /* Right-click on a note outside the selection picks it alone. */
      if (!g_hash_table_contains (edit->selected, note))
        _mc_canvas_select_only (self, note);
      mc_canvas_select_figure (self, NULL);
      model = note_menu_model ();
    }
  else if ((figure = _mc_canvas_figure_at (self, bx, by)) != NULL)
    {
      if (_mc_canvas_selection_clear_quiet (self))
        _mc_canvas_selection_changed (self);
      mc_canvas_select_figure (self, figure);
      model = figure_menu_model ();
    }
  else
    return;

  popup_menu (self, model, x, y);
}

static void
action_context_menu (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  McCanvasEdit *edit = self->edit;
  McRect rect;
  double x, y;

  /* From the keyboard: at the keyboard's note, or the selected figure. */
  if (edit->cursor != NULL && g_hash_table_contains (edit->selected, edit->cursor)
      && mc_layout_get_note_rect (self->layout, edit->cursor, &rect))
    ;
  else if (self->selected_figure != NULL && _mc_canvas_get_figure_rect (self, self->selected_figure, &rect))
    {
      double title = MC_FIGURE_TITLE_BAND * mc_figure_get_scale (mc_board_get_figure (self->board, self->selected_figure));

      /* Its title band, outside every region. */
      rect.height = MIN (rect.height, title);
    }
  else
    return;

  mc_canvas_board_to_widget (self, rect.x + MIN (rect.width / 2, 40.0), rect.y + rect.height / 2, &x, &y);
  x = CLAMP (x, 0, gtk_widget_get_width (widget));
  y = CLAMP (y, 0, gtk_widget_get_height (widget));
  _mc_canvas_edit_context_menu (self, x, y);
}

void
_mc_canvas_menus_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.cluster", NULL, action_cluster);
  gtk_widget_class_install_action (widget_class, "canvas.uncluster", NULL, action_uncluster);
  gtk_widget_class_install_action (widget_class, "canvas.context-menu", NULL, action_context_menu);
}

void
_mc_canvas_menus_dispose (McCanvas *self)
{
  g_clear_pointer (&self->edit->cluster_popover, gtk_widget_unparent);
  g_clear_pointer (&self->edit->context_menu, gtk_widget_unparent);
}
