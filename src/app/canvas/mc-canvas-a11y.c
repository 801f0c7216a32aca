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

#include "mc-canvas-edit-private.h"
#include "mc-canvas-a11y-node.h"
#include "mc-catalog.h"
#include "mc-desktop.h"

/* Names and descriptions */

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
  _mc_a11y_node_set_description (region, text->str);
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

  node->votes = votes;
  _mc_a11y_node_set_title (node, mc_note_get_text (note));
  _mc_a11y_node_set_description (node, text->str);
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
  McA11yNode *node = _mc_canvas_a11y_lookup (a11y, note_id);
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
      node = _mc_a11y_node_new (MC_ROLE_NOTE, note_id);
      g_hash_table_insert (a11y->nodes, node->id, node);
    }
  node->seen = TRUE;

  parent = NULL;
  if (mc_note_get_figure_id (note) != NULL)
    {
      g_autofree char *region_id = g_strdup_printf ("%s/%s", mc_note_get_figure_id (note),
                                                    mc_note_get_region_id (note));

      parent = _mc_canvas_a11y_lookup (a11y, mc_note_get_region_id (note) != NULL ? region_id
                                                                  : mc_note_get_figure_id (note));
      if (parent == NULL)
        parent = _mc_canvas_a11y_lookup (a11y, mc_note_get_figure_id (note));
    }

  old_parent = gtk_widget_get_parent (GTK_WIDGET (node));
  if (old_parent != (parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (self)))
    {
      if (MC_IS_A11Y_NODE (old_parent))
        g_hash_table_add (touched, old_parent);
      if (parent != NULL)
        g_hash_table_add (touched, parent);
      /* A note moving to another region gets a new object: GTK 4.8 sends
       * no events (focus, description) for a reparented one, so a screen
       * reader would not hear of it again. The keyboard's focus comes
       * back to it with focus_cursor(). */
      if (old_parent != NULL)
        {
          remove_node (a11y, node);
          node = _mc_a11y_node_new (MC_ROLE_NOTE, note_id);
          node->seen = TRUE;
          g_hash_table_insert (a11y->nodes, node->id, node);
        }
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

      node = _mc_canvas_a11y_lookup (a11y, item->id);
      if (node == NULL)
        {
          node = _mc_a11y_node_new (item->role, item->id);
          g_hash_table_insert (a11y->nodes, node->id, node);
          gtk_widget_set_parent (GTK_WIDGET (node),
                                 item->role == MC_ROLE_FIGURE ? GTK_WIDGET (self)
                                                              : GTK_WIDGET (figure));
        }
      node->seen = TRUE;
      node->rect = item->bounds;
      _mc_a11y_node_set_title (node, item->title);
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
  McA11yNode *node = _mc_canvas_a11y_lookup (self->a11y, self->edit->cursor);
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

static void
stop_waiting_for_paint (McCanvasA11y *a11y)
{
  if (a11y->painted_id != 0)
    g_clear_signal_handler (&a11y->painted_id, a11y->painted_clock);
  g_clear_object (&a11y->painted_clock);
}

void
_mc_canvas_a11y_sync (McCanvas *self)
{
  McCanvasA11y *a11y = self->a11y;

  g_clear_handle_id (&a11y->sync_id, g_source_remove);
  /* Asked for now (the keyboard, a test): no longer after the frame. */
  stop_waiting_for_paint (a11y);
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
  _mc_canvas_a11y_announce_synced (self);

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

static void
schedule_sync (McCanvas *self)
{
  /* Before the frame's layout (GDK_PRIORITY_REDRAW), after the event. */
  if (self->a11y->sync_id == 0 && self->a11y->painted_id == 0)
    self->a11y->sync_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, sync_idle, self, NULL);
}

static void
on_first_paint (GdkFrameClock *clock,
                McCanvas      *self)
{
  stop_waiting_for_paint (self->a11y);
  schedule_sync (self);
}

void
_mc_canvas_a11y_board_changed (McCanvas      *self,
                               McChangeFlags  flags,
                               const char * const *note_ids)
{
  McCanvasA11y *a11y = self->a11y;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->board != NULL)
    _mc_canvas_a11y_announce_changed (self, note_ids);
  if (note_ids == NULL || (flags & (MC_CHANGE_META | MC_CHANGE_FIGURES | MC_CHANGE_CLUSTERS)))
    a11y->all_dirty = TRUE;
  else
    for (guint i = 0; note_ids[i] != NULL; i++)
      g_hash_table_add (a11y->dirty, g_strdup (note_ids[i]));

  /* A board just opened (a new board on the canvas): making thousands of
   * its objects must not hold up the frame that first shows it (issue
   * 17), so they are made once that frame is painted. */
  if (flags == MC_CHANGE_ALL && note_ids == NULL && clock != NULL && a11y->painted_id == 0 &&
      self->board != NULL)
    {
      g_clear_handle_id (&a11y->sync_id, g_source_remove);
      a11y->painted_clock = g_object_ref (clock);
      a11y->painted_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint), self);
    }
  schedule_sync (self);
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

/* The desktop's high-contrast style switched: the same view options, now
 * drawn in the other variant of their theme (mc_canvas_set_view_options()). */
static void
on_high_contrast (McCanvas *self)
{
  McViewOptions options = self->options;

  mc_canvas_set_view_options (self, &options);
}

/* Its frame clock goes with it: the objects are made without the frame. */
static void
on_unrealize (McCanvas *self)
{
  if (self->a11y != NULL && self->a11y->painted_id != 0)
    {
      stop_waiting_for_paint (self->a11y);
      schedule_sync (self);
    }
}

void
_mc_canvas_a11y_init (McCanvas *self)
{
  self->a11y = g_new0 (McCanvasA11y, 1);
  self->a11y->nodes = g_hash_table_new (g_str_hash, g_str_equal);
  self->a11y->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (self, "selection-changed", G_CALLBACK (on_selection_changed), NULL);
  g_signal_connect (self, "unrealize", G_CALLBACK (on_unrealize), NULL);
  _mc_canvas_a11y_announce_init (self);
  mc_desktop_watch_high_contrast (self, G_CALLBACK (on_high_contrast));
}

void
_mc_canvas_a11y_dispose (McCanvas *self)
{
  if (self->a11y == NULL)
    return;

  g_clear_handle_id (&self->a11y->sync_id, g_source_remove);
  g_clear_handle_id (&self->a11y->place_id, g_source_remove);
  stop_waiting_for_paint (self->a11y);
  _mc_canvas_a11y_announce_dispose (self);
  clear_nodes (self);
  g_clear_pointer (&self->a11y->nodes, g_hash_table_unref);
  g_clear_pointer (&self->a11y->dirty, g_hash_table_unref);
  g_clear_pointer (&self->a11y, g_free);
}
