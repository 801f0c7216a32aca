/* mc-canvas-a11y-node.c — the invisible widget standing for one figure,
 * region or note (see mc-canvas-a11y.c): it draws nothing, takes no
 * pointer events, carries a role, name and description, and is allocated
 * over what it stands for whenever the canvas is.
 */
#include "config.h"

#include <math.h>

#include "mc-canvas-a11y-node.h"

G_DEFINE_FINAL_TYPE (McA11yNode, mc_a11y_node, GTK_TYPE_WIDGET)

static void allocate_children (GtkWidget *parent,
                               McCanvas  *canvas,
                               double     parent_x,
                               double     parent_y);

static void
mc_a11y_node_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  McA11yNode *self = MC_A11Y_NODE (widget);
  McCanvas *canvas = MC_CANVAS (gtk_widget_get_ancestor (widget, MC_TYPE_CANVAS));

  allocate_children (widget, canvas, self->x, self->y);
}

static void
mc_a11y_node_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = *natural = 0;
}

static void
mc_a11y_node_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mc_a11y_node_parent_class)->dispose (object);
}

static void
mc_a11y_node_finalize (GObject *object)
{
  McA11yNode *self = MC_A11Y_NODE (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);

  G_OBJECT_CLASS (mc_a11y_node_parent_class)->finalize (object);
}

static void
mc_a11y_node_class_init (McA11yNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_a11y_node_dispose;
  object_class->finalize = mc_a11y_node_finalize;
  widget_class->size_allocate = mc_a11y_node_size_allocate;
  widget_class->measure = mc_a11y_node_measure;
  gtk_widget_class_set_css_name (widget_class, "mcaccessible");
}

static void
mc_a11y_node_init (McA11yNode *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

McA11yNode *
_mc_a11y_node_new (McItemRole  kind,
                   const char *id)
{
  GtkAccessibleRole role = kind == MC_ROLE_NOTE ? GTK_ACCESSIBLE_ROLE_LIST_ITEM
                                                : GTK_ACCESSIBLE_ROLE_GROUP;
  McA11yNode *node = g_object_new (MC_TYPE_A11Y_NODE, "accessible-role", role, NULL);

  node->kind = kind;
  node->id = g_strdup (id);
  gtk_widget_set_focusable (GTK_WIDGET (node), kind != MC_ROLE_FIGURE);
  return node;
}

/* Positions */

static gboolean
node_board_rect (McCanvas   *canvas,
                 McA11yNode *node,
                 McRect     *rect)
{
  if (node->kind == MC_ROLE_NOTE)
    return mc_layout_get_note_rect (canvas->layout, node->id, rect);

  *rect = node->rect;
  return TRUE;
}

static void
allocate_children (GtkWidget *parent,
                   McCanvas  *canvas,
                   double     parent_x,
                   double     parent_y)
{
  for (GtkWidget *child = gtk_widget_get_first_child (parent);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      McA11yNode *node;
      McRect rect = { 0, 0, 0, 0 };
      GtkAllocation alloc;
      double x, y, x2, y2;

      if (!MC_IS_A11Y_NODE (child))
        continue;

      node = MC_A11Y_NODE (child);
      node_board_rect (canvas, node, &rect);
      mc_canvas_board_to_widget (canvas, rect.x, rect.y, &x, &y);
      mc_canvas_board_to_widget (canvas, rect.x + rect.width, rect.y + rect.height, &x2, &y2);
      /* Whole pixels, kept absolute so nesting adds no rounding. */
      alloc.x = (int) round (x - parent_x);
      alloc.y = (int) round (y - parent_y);
      alloc.width = MAX (1, (int) round (x2 - x));
      alloc.height = MAX (1, (int) round (y2 - y));
      node->x = parent_x + alloc.x;
      node->y = parent_y + alloc.y;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, &alloc, -1);
    }
}

void
_mc_canvas_a11y_allocate (McCanvas *self)
{
  allocate_children (GTK_WIDGET (self), self, 0, 0);
}

static gboolean
place_idle (gpointer data)
{
  McCanvas *self = data;

  self->a11y->place_id = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

void
_mc_canvas_a11y_view_changed (McCanvas *self)
{
  if (self->a11y != NULL && self->a11y->place_id == 0)
    self->a11y->place_id = g_idle_add (place_idle, self);
}

/* Names and descriptions */

void
_mc_a11y_node_set_description (McA11yNode *node,
                               const char *description)
{
  if (g_strcmp0 (node->description, description) == 0)
    return;

  g_free (node->description);
  node->description = g_strdup (description);
  /* An announcement shows for now; this comes back when it goes. */
  if (node->announcing)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (node),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
_mc_a11y_node_set_title (McA11yNode *node,
                         const char *title)
{
  if (g_strcmp0 (node->title, title) == 0)
    return;

  g_free (node->title);
  node->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (node),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                  -1);
}

McA11yNode *
_mc_canvas_a11y_lookup (McCanvasA11y *a11y,
                        const char   *id)
{
  return id != NULL ? g_hash_table_lookup (a11y->nodes, id) : NULL;
}

const char *
mc_a11y_node_get_id (McA11yNode *node)
{
  return node->id;
}

const char *
mc_a11y_node_get_title (McA11yNode *node)
{
  return node->title;
}

const char *
mc_a11y_node_get_description (McA11yNode *node)
{
  return node->description;
}
