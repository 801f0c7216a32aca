/* mc-canvas-a11y-announce.c — telling a screen reader what an edit did
 * (issue 16)
 *
 * GTK 4.8 has no gtk_accessible_announce(). What a screen reader does
 * present on its own is a change of the focused object's description
 * (AT-SPI object:property-change:accessible-description; Orca reads it
 * when the object is its locus of focus and the text differs from the
 * last one it read). So an announcement becomes, for a moment, the
 * description of whatever has the keyboard on the canvas: the focused
 * note's object or the canvas itself. The note's own description comes
 * back when the focus leaves it (the change is then not read, the object
 * no longer having the focus), so Tab back reads the note as before.
 *
 * What is announced:
 *   - the canvas's own edits, once its objects are up to date: "Note
 *     deleted", "Note moved to Mechanismen", "2 votes";
 *   - undo and redo: "Undone: Move notes";
 *   - notes that arrive from elsewhere (the room's participants), counted
 *     per region and told once the burst settles: "3 new notes in
 *     Mechanismen", after a quiet spell, or after at most a few seconds
 *     while they keep coming.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-canvas-a11y-node.h"
#include "mc-history.h"

/* A burst of new notes is told after this long without another one… */
#define BURST_QUIET_MS 1500
/* …or this long after its first note, whichever comes first. */
#define BURST_MAX_MS   6000

/* What the screen reader had of one note before an edit of the canvas. */
typedef struct
{
  gboolean  existed;
  char     *region;     /* its parent's id, NULL for none */
  guint     votes;
} NoteBefore;

static void
note_before_free (gpointer data)
{
  NoteBefore *before = data;

  g_free (before->region);
  g_free (before);
}

/* Delivery */

/* The node's own description, held back during an announcement or an
 * edit, is sent again. */
static void
release_node (McA11yNode *node)
{
  node->announcing = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (node),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  node->description != NULL ? node->description : "",
                                  -1);
}

/* The focused note held back its description for the edit's
 * announcement; with none coming, or for another object, it has it back. */
static void
release_held (McCanvasA11y *a11y,
              GtkWidget    *except)
{
  McA11yNode *held = a11y->held;

  if (held == NULL || GTK_WIDGET (held) == except)
    return;
  g_clear_weak_pointer (&a11y->held);
  if (GTK_WIDGET (held) != a11y->announced)
    release_node (held);
}

static void
restore_description (McCanvas *self)
{
  McCanvasA11y *a11y = self->a11y;
  GtkWidget *target = a11y->announced;

  if (target == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (target), (gpointer *) &a11y->announced);
  a11y->announced = NULL;
  g_clear_pointer (&a11y->announced_text, g_free);

  if (MC_IS_A11Y_NODE (target))
    release_node (MC_A11Y_NODE (target));
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
on_focus_widget (GtkRoot    *root,
                 GParamSpec *pspec,
                 McCanvas   *self)
{
  if (self->a11y != NULL && self->a11y->announced != NULL
      && gtk_root_get_focus (root) != self->a11y->announced)
    restore_description (self);
}

static void
deliver (McCanvas   *self,
         const char *text)
{
  McCanvasA11y *a11y = self->a11y;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *target = GTK_WIDGET (self);

  if (text == NULL || *text == '\0')
    return;
  if (focus != NULL && MC_IS_A11Y_NODE (focus)
      && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    target = focus;
  release_held (a11y, target);
  g_clear_weak_pointer (&a11y->held);

  if (target != a11y->announced)
    {
      restore_description (self);
      a11y->announced = target;
      g_object_add_weak_pointer (G_OBJECT (target), (gpointer *) &a11y->announced);
    }
  /* The same words again: a screen reader reads only a description that
   * differs from the last, so the old one goes first. */
  else if (g_strcmp0 (a11y->announced_text, text) == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (target),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "", -1);
  if (MC_IS_A11Y_NODE (target))
    MC_A11Y_NODE (target)->announcing = TRUE;
  g_free (a11y->announced_text);
  a11y->announced_text = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (target),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);

  if (root != NULL && a11y->focus_root != root)
    {
      if (a11y->focus_root != NULL)
        g_signal_handlers_disconnect_by_func (a11y->focus_root, on_focus_widget, self);
      g_set_weak_pointer (&a11y->focus_root, root);
      g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (on_focus_widget),
                               self, 0);
    }
}

static gboolean
deliver_idle (gpointer data)
{
  McCanvas *self = data;
  g_autofree char *text = g_steal_pointer (&self->a11y->pending_text);

  self->a11y->deliver_id = 0;
  deliver (self, text);
  return G_SOURCE_REMOVE;
}

/* After the frame: a note's object that has just moved to another region
 * is a new object for the screen reader, which only hears of changes to
 * it once the toolkit has put it on the accessibility bus. */
void
_mc_canvas_a11y_announce (McCanvas   *self,
                          const char *text)
{
  McCanvasA11y *a11y = self->a11y;

  if (text == NULL || *text == '\0')
    return;
  g_free (a11y->pending_text);
  a11y->pending_text = g_strdup (text);
  if (a11y->deliver_id == 0)
    a11y->deliver_id = g_idle_add_full (G_PRIORITY_LOW, deliver_idle, self, NULL);
}

/* The canvas's own edits */

void
_mc_canvas_a11y_execute (McCanvas  *self,
                         McCommand *command)
{
  self->a11y->own_edit++;
  mc_board_execute (self->board, command);
  self->a11y->own_edit--;
}

static const char *
parent_id (McA11yNode *node)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (node));

  return MC_IS_A11Y_NODE (parent) ? MC_A11Y_NODE (parent)->id : NULL;
}

static void
remember_before (McCanvasA11y        *a11y,
                 const char * const  *note_ids)
{
  for (guint i = 0; note_ids[i] != NULL; i++)
    {
      McA11yNode *node = _mc_canvas_a11y_lookup (a11y, note_ids[i]);
      NoteBefore *before;

      if (g_hash_table_contains (a11y->edited, note_ids[i]))
        continue;
      /* The focused note's new description would be read before the
       * announcement: it waits (see release_held()). */
      if (node != NULL && gtk_widget_has_focus (GTK_WIDGET (node)) && a11y->held == NULL)
        {
          g_set_weak_pointer (&a11y->held, node);
          node->announcing = TRUE;
        }
      before = g_new0 (NoteBefore, 1);
      before->existed = node != NULL;
      before->region = node != NULL ? g_strdup (parent_id (node)) : NULL;
      before->votes = node != NULL ? node->votes : 0;
      g_hash_table_insert (a11y->edited, g_strdup (note_ids[i]), before);
    }
}

/* What the canvas's edit did, from its objects before and after. */
static char *
describe_edit (McCanvas *self)
{
  McCanvasA11y *a11y = self->a11y;
  GHashTableIter iter;
  gpointer key, value;
  guint n_removed = 0, n_moved = 0, n_voted = 0, votes = 0;
  const char *moved_to = NULL;

  g_hash_table_iter_init (&iter, a11y->edited);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      NoteBefore *before = value;
      McA11yNode *node = _mc_canvas_a11y_lookup (a11y, key);

      if (!before->existed)
        continue;
      if (node == NULL)
        n_removed++;
      else if (g_strcmp0 (before->region, parent_id (node)) != 0)
        {
          GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (node));

          n_moved++;
          if (MC_IS_A11Y_NODE (parent))
            moved_to = MC_A11Y_NODE (parent)->title;
        }
      else if (before->votes != node->votes)
        {
          n_voted++;
          votes = node->votes;
        }
    }

  if (n_removed > 0)
    /* Translators: announced to a screen reader after deleting notes. */
    return n_removed == 1 ? g_strdup (_("Note deleted"))
                          : g_strdup_printf (ngettext ("%u note deleted", "%u notes deleted",
                                                       n_removed), n_removed);
  if (n_moved > 0 && moved_to != NULL)
    /* Translators: announced to a screen reader after moving notes to
     * another region; %s is the region's label. */
    return n_moved == 1 ? g_strdup_printf (_("Note moved to %s"), moved_to)
                        : g_strdup_printf (ngettext ("%u note moved to %s", "%u notes moved to %s",
                                                     n_moved), n_moved, moved_to);
  if (n_voted == 1)
    return g_strdup_printf (ngettext ("%u vote", "%u votes", votes), votes);
  return NULL;
}

/* Notes from elsewhere */

static gint64
burst_now (McCanvasA11y *a11y)
{
  return (a11y->burst_clock != NULL ? a11y->burst_clock () : g_get_monotonic_time ()) / 1000;
}

static gboolean
burst_flush (gpointer data)
{
  McCanvas *self = data;
  McCanvasA11y *a11y = self->a11y;
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  a11y->burst_id = 0;
  g_hash_table_iter_init (&iter, a11y->burst);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = GPOINTER_TO_UINT (value);
      const char *region = key;

      if (text->len > 0)
        g_string_append (text, "; ");
      if (*region != '\0')
        /* Translators: announced to a screen reader when participants'
         * notes arrive; %s is the region's label. */
        g_string_append_printf (text, ngettext ("%u new note in %s", "%u new notes in %s", n),
                                n, region);
      else
        /* Translators: announced to a screen reader when participants'
         * notes arrive outside every region. */
        g_string_append_printf (text, ngettext ("%u new note", "%u new notes", n), n);
    }
  g_hash_table_remove_all (a11y->burst);
  _mc_canvas_a11y_announce (self, text->str);
  return G_SOURCE_REMOVE;
}

static const char *
region_title (McCanvas *self,
              McNote   *note)
{
  McCanvasA11y *a11y = self->a11y;
  const char *figure_id = mc_note_get_figure_id (note);
  McA11yNode *node = NULL;

  if (figure_id == NULL)
    return "";
  if (mc_note_get_region_id (note) != NULL)
    {
      g_autofree char *id = g_strdup_printf ("%s/%s", figure_id, mc_note_get_region_id (note));

      node = _mc_canvas_a11y_lookup (a11y, id);
    }
  if (node == NULL)
    node = _mc_canvas_a11y_lookup (a11y, figure_id);
  return node != NULL && node->title != NULL ? node->title : "";
}

static void
count_new_notes (McCanvas           *self,
                 const char * const *note_ids)
{
  McCanvasA11y *a11y = self->a11y;
  gint64 now = burst_now (a11y);
  guint n = 0;
  gint64 wait;

  for (guint i = 0; note_ids[i] != NULL; i++)
    {
      McNote *note = mc_board_get_note (self->board, note_ids[i]);
      const char *region;

      /* New: on the board, and not yet known to the screen reader. */
      if (note == NULL || _mc_canvas_a11y_lookup (a11y, note_ids[i]) != NULL)
        continue;
      region = region_title (self, note);
      g_hash_table_replace (a11y->burst, g_strdup (region),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (a11y->burst,
                                                                                     region)) + 1));
      n++;
    }
  if (n == 0)
    return;

  if (a11y->burst_id == 0)
    a11y->burst_start = now;
  g_clear_handle_id (&a11y->burst_id, g_source_remove);
  wait = MIN ((gint64) a11y->burst_quiet_ms, a11y->burst_start + a11y->burst_max_ms - now);
  a11y->burst_id = g_timeout_add ((guint) MAX (wait, 0), burst_flush, self);
}

/* Hooks from mc-canvas-a11y.c */

void
_mc_canvas_a11y_announce_changed (McCanvas           *self,
                                  const char * const *note_ids)
{
  McCanvasA11y *a11y = self->a11y;
  McHistory *history = mc_board_get_history (self->board);
  guint n_undo = mc_history_get_n_undo (history);
  guint n_redo = mc_history_get_n_redo (history);

  g_clear_pointer (&a11y->step_text, g_free);
  if (n_redo > a11y->n_redo && n_undo < a11y->n_undo)
    /* Translators: announced to a screen reader after undo; %s is what
     * was undone, such as "Move Notes". */
    a11y->step_text = g_strdup_printf (_("Undone: %s"), mc_history_get_redo_label (history));
  else if (a11y->own_edit == 0 && n_redo < a11y->n_redo && n_undo > a11y->n_undo)
    /* Translators: announced to a screen reader after redo. */
    a11y->step_text = g_strdup_printf (_("Redone: %s"), mc_history_get_undo_label (history));
  a11y->n_undo = n_undo;
  a11y->n_redo = n_redo;

  if (a11y->step_text != NULL || note_ids == NULL)
    return;
  if (a11y->own_edit > 0)
    remember_before (a11y, note_ids);
  else
    count_new_notes (self, note_ids);
}

void
_mc_canvas_a11y_announce_synced (McCanvas *self)
{
  McCanvasA11y *a11y = self->a11y;
  g_autofree char *text = NULL;

  if (a11y->step_text != NULL)
    text = g_steal_pointer (&a11y->step_text);
  else if (g_hash_table_size (a11y->edited) > 0)
    text = describe_edit (self);
  g_hash_table_remove_all (a11y->edited);
  if (text == NULL)
    release_held (a11y, NULL);
  _mc_canvas_a11y_announce (self, text);
}

void
_mc_canvas_a11y_set_burst_timing (McCanvas *self,
                                  guint     quiet_ms,
                                  guint     max_ms,
                                  gint64  (*clock) (void))
{
  self->a11y->burst_quiet_ms = quiet_ms;
  self->a11y->burst_max_ms = max_ms;
  self->a11y->burst_clock = clock;
}

void
_mc_canvas_a11y_announce_init (McCanvas *self)
{
  McCanvasA11y *a11y = self->a11y;

  a11y->edited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, note_before_free);
  a11y->burst = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  a11y->burst_quiet_ms = BURST_QUIET_MS;
  a11y->burst_max_ms = BURST_MAX_MS;
}

void
_mc_canvas_a11y_announce_dispose (McCanvas *self)
{
  McCanvasA11y *a11y = self->a11y;

  g_clear_handle_id (&a11y->burst_id, g_source_remove);
  g_clear_handle_id (&a11y->deliver_id, g_source_remove);
  g_clear_pointer (&a11y->pending_text, g_free);
  if (a11y->announced != NULL)
    g_object_remove_weak_pointer (G_OBJECT (a11y->announced), (gpointer *) &a11y->announced);
  a11y->announced = NULL;
  g_clear_pointer (&a11y->announced_text, g_free);
  if (a11y->focus_root != NULL)
    g_signal_handlers_disconnect_by_func (a11y->focus_root, on_focus_widget, self);
  g_clear_weak_pointer (&a11y->focus_root);
  g_clear_weak_pointer (&a11y->held);
  g_clear_pointer (&a11y->step_text, g_free);
  g_clear_pointer (&a11y->edited, g_hash_table_unref);
  g_clear_pointer (&a11y->burst, g_hash_table_unref);
}
