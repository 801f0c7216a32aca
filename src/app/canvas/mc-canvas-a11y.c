/* mc-canvas-a11y.c — what a screen reader sees of the canvas (issue 16)
 *
 * GTK 4.8 exposes widgets only, so every figure, region and note gets a
 * small invisible child widget (McA11yNode) that carries its role, name
 * and description and is allocated over what it stands for:
 *
 *   canvas (group "Board: …")
 *     figure (group, its title)
 *       region (group, its label; described by its questions and count)
 *         note (list item, its text; "region — figure, N votes, …")
 *     free notes
 *
 * The nodes follow the board's ::changed signal: with note ids only those
 * notes are touched (a keystroke updates one node), otherwise everything is
 * reconciled by id. The work runs in an idle just before the frame's
 * layout, when the scene is built anyway. The nodes draw nothing and take
 * no pointer events; the keyboard's note gets the focus, so the screen
 * reader announces it, while the canvas draws the visible focus frame.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mc-canvas-edit-private.h"
#include "mc-canvas-a11y-private.h"
#include "mc-catalog.h"
#include "mc-editing.h"

/* The node widget */

#define MC_TYPE_A11Y_NODE (mc_a11y_node_get_type ())
G_DECLARE_FINAL_TYPE (McA11yNode, mc_a11y_node, MC, A11Y_NODE, GtkWidget)

struct _McA11yNode
{
  GtkWidget   parent_instance;

  McItemRole  kind;          /* MC_ROLE_FIGURE, _REGION or _NOTE */
  char       *id;            /* placement id, "<placement>/<region>", note id */
  char       *title;
  char       *description;
  McRect      rect;          /* board units; notes read theirs from the layout */
  double      x;             /* where it was allocated, canvas pixels */
  double      y;
  guint       n_notes;       /* regions: the notes inside */
  gboolean    seen;          /* reconciling */
};

G_DEFINE_FINAL_TYPE (McA11yNode, mc_a11y_node, GTK_TYPE_WIDGET)

struct _McCanvasA11y
{
  GHashTable *nodes;         /* id → McA11yNode (figures, regions, notes) */
  GHashTable *dirty;         /* note ids to update */
  gboolean    all_dirty;
  guint       sync_id;
  guint       place_id;
};

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

static McA11yNode *
node_new (McItemRole  kind,
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

static void
set_description (McA11yNode *node,
                 const char *description)
{
  if (g_strcmp0 (node->description, description) == 0)
    return;

  g_free (node->description);
  node->description = g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (node),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static McA11yNode *
lookup (McCanvasA11y *a11y,
        const char   *id)
{
  return id != NULL ? g_hash_table_lookup (a11y->nodes, id) : NULL;
}

static void
set_title (McA11yNode *node,
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

static void
describe_region (McCanvas   *self,
                 McA11yNode *region)
{
  const char *slash = strchr (region->id, '/');
  g_autofree char *figure_id = g_strndup (region->id, slash - region->id);
  McFigure *figure = mc_board_get_figure (self->board, figure_id);
  const McRegionInfo *info = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (figure != NULL)
    info = mc_catalog_get_region (mc_catalog_get_default (),
                                  mc_figure_get_kind (figure), slash + 1);
  if (info != NULL)
    {
      const char * const *questions =
        mc_region_info_get_questions (info, mc_board_get_language (self->board));

      for (guint i = 0; questions[i] != NULL; i++)
        g_string_append_printf (text, "%s ", questions[i]);
    }
  g_string_append_printf (text,
                          /* Translators: how many notes a region holds, as a
                           * screen reader says after the region's questions. */
                          ngettext ("%u note", "%u notes", region->n_notes),
                          region->n_notes);
  set_description (region, text->str);
}

/* "region — figure, N votes, cluster X, by AUTHOR" */
static void
describe_note (McCanvas   *self,
               McA11yNode *node,
               McNote     *note)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (node));
  McCluster *cluster = mc_board_get_note_cluster (self->board, node->id);
  const char *author = mc_note_get_author (note);
  guint votes = mc_note_get_votes (note);
  g_autoptr(GString) text = g_string_new (NULL);

  if (MC_IS_A11Y_NODE (parent) && MC_A11Y_NODE (parent)->kind == MC_ROLE_REGION)
    {
      GtkWidget *figure = gtk_widget_get_parent (parent);

      g_string_append (text, MC_A11Y_NODE (parent)->title);
      if (MC_IS_A11Y_NODE (figure))
        g_string_append_printf (text, " — %s", MC_A11Y_NODE (figure)->title);
    }
  else if (MC_IS_A11Y_NODE (parent))
    g_string_append (text, MC_A11Y_NODE (parent)->title);
  else
    /* Translators: a note outside every figure, as a screen reader says. */
    g_string_append (text, _("Free note"));

  g_string_append (text, ", ");
  /* Translators: a note's votes, as a screen reader says. */
  g_string_append_printf (text, ngettext ("%u vote", "%u votes", votes), votes);
  if (cluster != NULL)
    {
      g_string_append (text, ", ");
      /* Translators: the cluster a note is in, as a screen reader says. */
      g_string_append_printf (text, _("cluster %s"), mc_cluster_get_label (cluster));
    }
  if (author != NULL && *author != '\0')
    {
      g_string_append (text, ", ");
      /* Translators: who wrote a note, as a screen reader says. */
      g_string_append_printf (text, _("by %s"), author);
    }

  set_title (node, mc_note_get_text (note));
  set_description (node, text->str);
}

/* Structure */

static void
move_node (McA11yNode *node,
           GtkWidget  *parent)
{
  GtkWidget *widget = GTK_WIDGET (node);
  GtkWidget *old = gtk_widget_get_parent (widget);
  gboolean had_focus = gtk_widget_has_focus (widget);

  if (old == parent)
    return;

  if (MC_IS_A11Y_NODE (old))
    MC_A11Y_NODE (old)->n_notes--;
  if (old != NULL)
    {
      g_object_ref (widget);
      gtk_widget_unparent (widget);
      gtk_widget_set_parent (widget, parent);
      g_object_unref (widget);
    }
  else
    gtk_widget_set_parent (widget, parent);
  if (MC_IS_A11Y_NODE (parent))
    MC_A11Y_NODE (parent)->n_notes++;
  if (had_focus)
    gtk_widget_grab_focus (widget);
}

static void
forget_subtree (McCanvasA11y *a11y,
                GtkWidget    *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    forget_subtree (a11y, child);
  g_hash_table_remove (a11y->nodes, MC_A11Y_NODE (widget)->id);
}

static void
remove_node (McCanvasA11y *a11y,
             McA11yNode   *node)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (node));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (node));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* The keyboard stays on the canvas when what it was on goes. */
  if (focus != NULL && (focus == GTK_WIDGET (node) || gtk_widget_is_ancestor (focus, GTK_WIDGET (node))))
    gtk_widget_grab_focus (gtk_widget_get_ancestor (GTK_WIDGET (node), MC_TYPE_CANVAS));
  if (node->kind == MC_ROLE_NOTE && MC_IS_A11Y_NODE (parent))
    MC_A11Y_NODE (parent)->n_notes--;
  /* Children of a figure or region go with it, and their entries. */
  forget_subtree (a11y, GTK_WIDGET (node));
  gtk_widget_unparent (GTK_WIDGET (node));
}

/* Adds, updates or removes one note's node; the regions whose count
 * changed are added to touched. */
static void
sync_note (McCanvas   *self,
           const char *note_id,
           GHashTable *touched)
{
  McCanvasA11y *a11y = self->a11y;
  McNote *note = mc_board_get_note (self->board, note_id);
  McA11yNode *node = lookup (a11y, note_id);
  McA11yNode *parent;
  GtkWidget *old_parent;

  if (note == NULL)
    {
      if (node != NULL)
        {
          old_parent = gtk_widget_get_parent (GTK_WIDGET (node));
          if (MC_IS_A11Y_NODE (old_parent))
            g_hash_table_add (touched, old_parent);
          remove_node (a11y, node);
        }
      return;
    }

  if (node == NULL)
    {
      node = node_new (MC_ROLE_NOTE, note_id);
      g_hash_table_insert (a11y->nodes, node->id, node);
    }
  node->seen = TRUE;

  parent = NULL;
  if (mc_note_get_figure_id (note) != NULL)
    {
      g_autofree char *region_id = g_strdup_printf ("%s/%s", mc_note_get_figure_id (note),
                                                    mc_note_get_region_id (note));

      parent = lookup (a11y, mc_note_get_region_id (note) != NULL ? region_id
                                                                  : mc_note_get_figure_id (note));
      if (parent == NULL)
        parent = lookup (a11y, mc_note_get_figure_id (note));
    }

  old_parent = gtk_widget_get_parent (GTK_WIDGET (node));
  if (old_parent != (parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (self)))
    {
      if (MC_IS_A11Y_NODE (old_parent))
        g_hash_table_add (touched, old_parent);
      if (parent != NULL)
        g_hash_table_add (touched, parent);
      move_node (node, parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (self));
    }
  describe_note (self, node, note);
}

static void
sync_structure (McCanvas *self)
{
  McCanvasA11y *a11y = self->a11y;
  McScene *scene = mc_canvas_get_scene (self);
  McA11yNode *figure = NULL;
  GHashTableIter iter;
  gpointer value;
  guint n = scene != NULL ? mc_scene_get_n_items (scene) : 0;

  g_hash_table_iter_init (&iter, a11y->nodes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    MC_A11Y_NODE (value)->seen = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);
      McA11yNode *node;

      if (item->kind != MC_ITEM_GROUP_BEGIN || item->id == NULL
          || (item->role != MC_ROLE_FIGURE && item->role != MC_ROLE_REGION))
        continue;
      if (item->role == MC_ROLE_REGION && figure == NULL)
        continue;

      node = lookup (a11y, item->id);
      if (node == NULL)
        {
          node = node_new (item->role, item->id);
          g_hash_table_insert (a11y->nodes, node->id, node);
          gtk_widget_set_parent (GTK_WIDGET (node),
                                 item->role == MC_ROLE_FIGURE ? GTK_WIDGET (self)
                                                              : GTK_WIDGET (figure));
        }
      node->seen = TRUE;
      node->rect = item->bounds;
      set_title (node, item->title);
      if (item->role == MC_ROLE_FIGURE)
        figure = node;
    }
}

static void
sync_all (McCanvas *self)
{
  McCanvasA11y *a11y = self->a11y;
  g_autoptr(GHashTable) touched = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *notes = mc_board_get_notes (self->board);
  GHashTableIter iter;
  gpointer value;

  sync_structure (self);
  for (guint i = 0; i < notes->len; i++)
    sync_note (self, mc_note_get_id (notes->pdata[i]), touched);

  g_hash_table_iter_init (&iter, a11y->nodes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!MC_A11Y_NODE (value)->seen)
      g_ptr_array_add (gone, g_object_ref (value));
  /* Notes first, so their regions' counts stay right. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < gone->len; i++)
      {
        McA11yNode *node = gone->pdata[i];
        McItemRole kind = pass == 0 ? MC_ROLE_NOTE : pass == 1 ? MC_ROLE_REGION : MC_ROLE_FIGURE;

        if (node->kind == kind && gtk_widget_get_parent (GTK_WIDGET (node)) != NULL)
          remove_node (a11y, node);
      }

  /* Every region's description: the language may have changed. */
  g_hash_table_iter_init (&iter, a11y->nodes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (MC_A11Y_NODE (value)->kind == MC_ROLE_REGION)
      describe_region (self, value);
}

static void
clear_nodes (McCanvas *self)
{
  GtkWidget *child;

  if (!gtk_widget_has_focus (GTK_WIDGET (self)) && _mc_canvas_a11y_has_focus (self))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  child = gtk_widget_get_first_child (GTK_WIDGET (self));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (MC_IS_A11Y_NODE (child))
        gtk_widget_unparent (child);
      child = next;
    }
  g_hash_table_remove_all (self->a11y->nodes);
}

static void
focus_cursor (McCanvas *self)
{
  McA11yNode *node = lookup (self->a11y, self->edit->cursor);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Only when the keyboard is on the canvas, never from the editor. */
  if (focus == NULL || _mc_canvas_edit_is_editing (self) || !_mc_canvas_a11y_has_focus (self))
    return;
  if (node != NULL && mc_canvas_is_note_selected (self, node->id))
    {
      if (focus != GTK_WIDGET (node))
        gtk_widget_grab_focus (GTK_WIDGET (node));
    }
  /* A note no longer selected (Escape) gives the focus back. */
  else if (MC_IS_A11Y_NODE (focus) && MC_A11Y_NODE (focus)->kind == MC_ROLE_NOTE)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
_mc_canvas_a11y_sync (McCanvas *self)
{
  McCanvasA11y *a11y = self->a11y;

  g_clear_handle_id (&a11y->sync_id, g_source_remove);
  if (self->board == NULL)
    {
      clear_nodes (self);
      g_hash_table_remove_all (a11y->dirty);
      return;
    }

  if (a11y->all_dirty)
    sync_all (self);
  else if (g_hash_table_size (a11y->dirty) > 0)
    {
      g_autoptr(GHashTable) touched = g_hash_table_new (NULL, NULL);
      GHashTableIter iter;
      gpointer key;

      /* Notes' positions come from the layout of the current scene. */
      mc_canvas_get_scene (self);
      g_hash_table_iter_init (&iter, a11y->dirty);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        sync_note (self, key, touched);
      g_hash_table_iter_init (&iter, touched);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (MC_A11Y_NODE (key)->kind == MC_ROLE_REGION)
          describe_region (self, key);
    }
  a11y->all_dirty = FALSE;
  g_hash_table_remove_all (a11y->dirty);
  focus_cursor (self);

  /* Notes repacked in their regions move without being named. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (MC_IS_A11Y_NODE (child))
      {
        gtk_widget_queue_allocate (child);
        for (GtkWidget *region = gtk_widget_get_first_child (child);
             region != NULL;
             region = gtk_widget_get_next_sibling (region))
          gtk_widget_queue_allocate (region);
      }
}

static gboolean
sync_idle (gpointer data)
{
  McCanvas *self = data;

  self->a11y->sync_id = 0;
  _mc_canvas_a11y_sync (self);
  return G_SOURCE_REMOVE;
}

void
_mc_canvas_a11y_board_changed (McCanvas      *self,
                               McChangeFlags  flags,
                               const char * const *note_ids)
{
  McCanvasA11y *a11y = self->a11y;

  if (note_ids == NULL || (flags & (MC_CHANGE_META | MC_CHANGE_FIGURES | MC_CHANGE_CLUSTERS)))
    a11y->all_dirty = TRUE;
  else
    for (guint i = 0; note_ids[i] != NULL; i++)
      g_hash_table_add (a11y->dirty, g_strdup (note_ids[i]));

  /* Before the frame's layout (GDK_PRIORITY_REDRAW), after the event. */
  if (a11y->sync_id == 0)
    a11y->sync_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, sync_idle, self, NULL);
}

gboolean
_mc_canvas_a11y_has_focus (McCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *child = gtk_widget_get_focus_child (widget);

  if (gtk_widget_has_focus (widget))
    return TRUE;
  /* The focus is on a node, or inside one. */
  return child != NULL && MC_IS_A11Y_NODE (child);
}

static void
on_selection_changed (McCanvas *self)
{
  focus_cursor (self);
}

void
_mc_canvas_a11y_init (McCanvas *self)
{
  self->a11y = g_new0 (McCanvasA11y, 1);
  self->a11y->nodes = g_hash_table_new (g_str_hash, g_str_equal);
  self->a11y->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (self, "selection-changed", G_CALLBACK (on_selection_changed), NULL);
}

void
_mc_canvas_a11y_dispose (McCanvas *self)
{
  if (self->a11y == NULL)
    return;

  g_clear_handle_id (&self->a11y->sync_id, g_source_remove);
  g_clear_handle_id (&self->a11y->place_id, g_source_remove);
  clear_nodes (self);
  g_clear_pointer (&self->a11y->nodes, g_hash_table_unref);
  g_clear_pointer (&self->a11y->dirty, g_hash_table_unref);
  g_clear_pointer (&self->a11y, g_free);
}

/* Keyboard: from region to region */

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

/* Tests: the node standing for a figure, region or note id, or NULL. */
GtkWidget *
mc_canvas_test_get_accessible (McCanvas   *self,
                               const char *id)
{
  _mc_canvas_a11y_sync (self);
  return GTK_WIDGET (lookup (self->a11y, id));
}

const char *
mc_canvas_test_accessible_name (GtkWidget *node)
{
  return MC_A11Y_NODE (node)->title;
}

const char *
mc_canvas_test_accessible_description (GtkWidget *node)
{
  return MC_A11Y_NODE (node)->description;
}
