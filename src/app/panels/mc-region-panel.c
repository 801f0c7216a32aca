/* mc-region-panel.c — label, definition and questions of a region */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-catalog.h"
#include "mc-region-panel.h"

struct _McRegionPanel
{
  AdwBin      parent_instance;

  GtkStack   *stack;
  GtkLabel   *figure_label;
  GtkLabel   *region_label;
  GtkLabel   *definition_label;
  GtkLabel   *questions_heading;
  GtkBox     *questions_box;

  char       *region_id;
};

G_DEFINE_FINAL_TYPE (McRegionPanel, mc_region_panel, ADW_TYPE_BIN)

static GtkLabel *
new_wrapped_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  /* Bounds the natural width, so the panel keeps its own width instead of
   * growing to one line per definition. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Selectable labels would otherwise take focus and select all on show. */
  gtk_widget_set_focusable (label, FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return GTK_LABEL (label);
}

static void
clear_questions (McRegionPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_box))) != NULL)
    gtk_box_remove (self->questions_box, child);
}

void
mc_region_panel_show (McRegionPanel *self,
                      McBoard       *board,
                      const char    *region_id)
{
  McCatalog *catalog = mc_catalog_get_default ();
  const McFigureInfo *figure_info = NULL;
  const McRegionInfo *info = NULL;
  const char * const *questions;
  const char *definition;
  McLanguage language;
  g_auto(GStrv) parts = NULL;

  g_return_if_fail (MC_IS_REGION_PANEL (self));
  g_return_if_fail (board == NULL || MC_IS_BOARD (board));

  if (board != NULL && region_id != NULL)
    {
      McFigure *figure;

      parts = g_strsplit (region_id, "/", 2);
      figure = parts[1] != NULL ? mc_board_get_figure (board, parts[0]) : NULL;
      if (figure != NULL)
        {
          figure_info = mc_catalog_get_figure (catalog, mc_figure_get_kind (figure));
          info = mc_catalog_get_region (catalog, mc_figure_get_kind (figure), parts[1]);
        }
    }

  g_free (self->region_id);
  self->region_id = info != NULL ? g_strdup (region_id) : NULL;
  clear_questions (self);

  if (info == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  language = mc_board_get_language (board);
  gtk_label_set_label (self->figure_label,
                       figure_info != NULL ? mc_figure_info_get_title (figure_info, language) : "");
  gtk_label_set_label (self->region_label, mc_region_info_get_label (info, language));

  definition = mc_region_info_get_definition (info, language);
  gtk_label_set_label (self->definition_label, definition != NULL ? definition : "");
  gtk_widget_set_visible (GTK_WIDGET (self->definition_label),
                          definition != NULL && *definition != '\0');

  questions = mc_region_info_get_questions (info, language);
  gtk_widget_set_visible (GTK_WIDGET (self->questions_heading),
                          questions != NULL && questions[0] != NULL);
  for (guint i = 0; questions != NULL && questions[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *bullet = gtk_label_new ("•");
      GtkLabel *label = new_wrapped_label (NULL);

      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_widget_add_css_class (bullet, "dim-label");
      gtk_label_set_label (label, questions[i]);
      gtk_widget_set_hexpand (GTK_WIDGET (label), TRUE);
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (label));
      gtk_box_append (self->questions_box, row);
    }

  gtk_stack_set_visible_child_name (self->stack, "region");
}

const char *
mc_region_panel_get_region (McRegionPanel *self)
{
  g_return_val_if_fail (MC_IS_REGION_PANEL (self), NULL);

  return self->region_id;
}

/* The panel has one width: labels and the status page would otherwise ask
 * for a line per paragraph and take half the window. */
#define PANEL_WIDTH 340

static void
mc_region_panel_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = PANEL_WIDTH;
      return;
    }

  GTK_WIDGET_CLASS (mc_region_panel_parent_class)->measure (widget, orientation,
                                                             for_size == -1 ? PANEL_WIDTH : for_size,
                                                             minimum, natural,
                                                             minimum_baseline, natural_baseline);
}

static void
mc_region_panel_finalize (GObject *object)
{
  McRegionPanel *self = MC_REGION_PANEL (object);

  g_clear_pointer (&self->region_id, g_free);

  G_OBJECT_CLASS (mc_region_panel_parent_class)->finalize (object);
}

static void
mc_region_panel_class_init (McRegionPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_region_panel_finalize;
  GTK_WIDGET_CLASS (klass)->measure = mc_region_panel_measure;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "mcregionpanel");
}

static void
mc_region_panel_init (McRegionPanel *self)
{
  GtkWidget *scroller, *box, *status;

  /* The panel is as wide as the sidebar makes it. Its question labels
   * expand inside it; were that to reach the sidebar, a window box would
   * share its spare width with the hidden sidebar (a blank strip beside
   * the canvas, issue 13). */
  gtk_widget_set_hexpand (GTK_WIDGET (self), FALSE);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "find-location-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Region"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Point at a region of a figure, or click it, to see its definition and questions"));
  gtk_widget_add_css_class (status, "compact");
  gtk_stack_add_named (self->stack, status, "empty");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "region-details");
  self->figure_label = new_wrapped_label ("caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->figure_label), "dim-label");
  self->region_label = new_wrapped_label ("title-2");
  self->definition_label = new_wrapped_label ("body");
  gtk_widget_set_margin_top (GTK_WIDGET (self->definition_label), 6);
  self->questions_heading = new_wrapped_label ("heading");
  gtk_label_set_label (self->questions_heading, _("Questions"));
  gtk_widget_set_margin_top (GTK_WIDGET (self->questions_heading), 12);
  self->questions_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->figure_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->region_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->definition_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->questions_heading));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->questions_box));

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_stack_add_named (self->stack, scroller, "region");

  gtk_stack_set_visible_child_name (self->stack, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

GtkWidget *
mc_region_panel_new (void)
{
  return g_object_new (MC_TYPE_REGION_PANEL, NULL);
}
