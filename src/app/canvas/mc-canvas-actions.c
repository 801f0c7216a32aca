/* mc-canvas-actions.c — the canvas.* actions on the selected notes and
 * their keys, the author name new notes carry, and the editing state's
 * setup
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-canvas-edit-private.h"
#include "mc-canvas-a11y-private.h"
#include "mc-editing.h"
#include "mc-figure.h"
#include "mc-app-base.h"

gboolean
_mc_canvas_is_editable (McCanvas *self)
{
  return self->board != NULL && !mc_board_get_read_only (self->board);
}

char *
_mc_canvas_dup_author (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  char *name;

  /* The canvas also runs in tools and tests without the installed schema. */
  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return NULL;

  settings = g_settings_new (APP_ID);
  name = g_settings_get_string (settings, "author-name");
  if (*g_strstrip (name) == '\0')
    g_clear_pointer (&name, g_free);

  return name;
}

void
_mc_canvas_execute (McCanvas  *self,
                    McCommand *command)
{
  if (command == NULL)
    return;
  if (!_mc_canvas_is_editable (self))
    {
      mc_command_free (command);
      return;
    }
  _mc_canvas_a11y_execute (self, command);
}

/* Actions */

static void
action_new_note (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  McRect visible;
  double bx, by;

  if (!_mc_canvas_target_region (self, NULL, NULL, &bx, &by))
    {
      /* No region: a free note in the middle of the view. */
      mc_canvas_get_visible_rect (self, &visible);
      bx = visible.x + visible.width / 2.0;
      by = visible.y + visible.height / 2.0;
    }
  _mc_canvas_edit_new_note_at (self, bx, by);
}

static void
action_edit (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  const char *id = self->edit->cursor;

  if (id == NULL || !g_hash_table_contains (self->edit->selected, id))
    id = self->edit->selection->len > 0 ? self->edit->selection->pdata[0] : NULL;
  if (id != NULL)
    {
      g_autofree char *copy = g_strdup (id);

      _mc_canvas_edit_note (self, copy);
    }
}

static void
action_delete (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_auto(GStrv) ids = mc_canvas_dup_selection (self);

  _mc_canvas_end_editing (self, TRUE);
  if (ids[0] != NULL)
    _mc_canvas_execute (self, mc_editing_delete_notes_command (self->board, (const char * const *) ids));
}

static void
action_duplicate (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_auto(GStrv) ids = mc_canvas_dup_selection (self);
  g_auto(GStrv) new_ids = NULL;
  McCommand *command;

  _mc_canvas_end_editing (self, TRUE);
  if (ids[0] == NULL || !_mc_canvas_is_editable (self))
    return;

  mc_canvas_get_scene (self);
  command = mc_editing_duplicate_notes_command (self->board, self->layout,
                                                (const char * const *) ids, &new_ids);
  _mc_canvas_execute (self, command);
  mc_canvas_select_notes (self, (const char * const *) new_ids);
}

static void
action_raise (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_auto(GStrv) ids = mc_canvas_dup_selection (self);

  if (ids[0] != NULL)
    _mc_canvas_execute (self, mc_editing_raise_notes_command (self->board, (const char * const *) ids));
}

static void
action_color (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_auto(GStrv) ids = mc_canvas_dup_selection (self);
  const char *color = g_variant_get_string (parameter, NULL);

  if (ids[0] != NULL && mc_note_color_is_valid (color))
    _mc_canvas_execute (self, mc_editing_set_color_command (self->board, (const char * const *) ids, color));
}

static void
vote (McCanvas *self,
      int       delta)
{
  g_auto(GStrv) ids = mc_canvas_dup_selection (self);

  if (ids[0] != NULL && delta != 0)
    _mc_canvas_execute (self, mc_editing_vote_command (self->board, (const char * const *) ids, delta));
}

static void
action_vote_add (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  vote (MC_CANVAS (widget), CLAMP (g_variant_get_int32 (parameter), 1, 9));
}

static void
action_vote_remove (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  vote (MC_CANVAS (widget), -1);
}

static void
action_select_all (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  GPtrArray *notes;

  if (self->board == NULL)
    return;

  _mc_canvas_end_editing (self, TRUE);
  _mc_canvas_selection_clear_quiet (self);
  notes = mc_board_get_notes (self->board);
  for (guint i = 0; i < notes->len; i++)
    _mc_canvas_selection_add_quiet (self, mc_note_get_id (notes->pdata[i]));
  _mc_canvas_selection_changed (self);
}

static void
action_select_region (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_autofree char *figure_id = NULL;
  g_autofree char *region_id = NULL;
  g_auto(GStrv) ids = NULL;
  double bx, by;

  if (!_mc_canvas_target_region (self, &figure_id, &region_id, &bx, &by))
    return;

  _mc_canvas_end_editing (self, TRUE);
  ids = mc_editing_notes_in_region (self->board, figure_id, region_id);
  mc_canvas_select_notes (self, (const char * const *) ids);
}

static void
action_select_none (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _mc_canvas_edit_escape (MC_CANVAS (widget));
}

static void
arrange (McCanvas *self,
         gboolean  by_votes)
{
  g_autofree char *figure_id = NULL;
  g_autofree char *region_id = NULL;
  double bx, by;

  if (!_mc_canvas_is_editable (self) || !_mc_canvas_target_region (self, &figure_id, &region_id, &bx, &by))
    {
      mc_app_show_toast (GTK_WIDGET (self), _("Select a region to arrange its notes"));
      return;
    }

  _mc_canvas_end_editing (self, TRUE);
  mc_canvas_get_scene (self);
  if (by_votes)
    _mc_canvas_execute (self, mc_editing_sort_region_by_votes_command (self->board, self->layout,
                                                                       figure_id, region_id));
  else
    _mc_canvas_execute (self, mc_editing_arrange_region_command (self->board, self->layout,
                                                                 figure_id, region_id));
}

static void
action_arrange (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  arrange (MC_CANVAS (widget), FALSE);
}

static void
action_sort_votes (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  arrange (MC_CANVAS (widget), TRUE);
}

static void
step_note (McCanvas *self,
           gboolean  backwards)
{
  const char *next;

  if (self->board == NULL)
    return;

  _mc_canvas_end_editing (self, TRUE);
  mc_canvas_get_scene (self);
  next = mc_editing_next_note (self->board, self->layout, self->edit->cursor, backwards);
  if (next == NULL)
    return;

  {
    g_autofree char *id = g_strdup (next);

    _mc_canvas_select_only (self, id);
    mc_canvas_reveal_note (self, id);
  }
}

static void
action_next_note (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  step_note (MC_CANVAS (widget), FALSE);
}

static void
action_previous_note (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_note (MC_CANVAS (widget), TRUE);
}

static void
action_fit_figure (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  McCanvas *self = MC_CANVAS (widget);
  g_autofree char *figure_id = NULL;
  McRect rect;
  double bx, by;

  if (self->board == NULL)
    return;

  if (self->edit->selection->len > 0)
    {
      McNote *note = mc_board_get_note (self->board, self->edit->selection->pdata[0]);

      if (note != NULL)
        figure_id = g_strdup (mc_note_get_figure_id (note));
    }
  if (figure_id == NULL)
    _mc_canvas_target_region (self, &figure_id, NULL, &bx, &by);
  if (figure_id == NULL && mc_board_get_figures (self->board)->len > 0)
    figure_id = g_strdup (mc_figure_get_id (g_ptr_array_index (mc_board_get_figures (self->board), 0)));

  if (figure_id != NULL && _mc_canvas_get_figure_rect (self, figure_id, &rect))
    mc_canvas_zoom_to_rect (self, &rect, gtk_widget_get_mapped (widget));
}

/* Author name (new notes carry it) */

static void
on_author_response (AdwMessageDialog *dialog,
                    const char       *response,
                    GtkEntry         *entry)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "save"))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "author-name", name);
}

static void
action_author (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = _mc_canvas_dup_author ();
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Your Name on Notes"),
                                   _("New notes you write carry this name as their author. Leave it empty to write notes without a name."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), name != NULL ? name : "");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_author_response), entry);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Setup */

void
_mc_canvas_edit_class_init (GtkWidgetClass *widget_class)
{
  static const char *color_keys[] = { "1", "2", "3", "4", "5", "6" };

  _mc_canvas_selection_class_init (widget_class);
  _mc_canvas_clipboard_class_init (widget_class);
  _mc_canvas_menus_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "canvas.new-note", NULL, action_new_note);
  gtk_widget_class_install_action (widget_class, "canvas.edit", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, action_duplicate);
  gtk_widget_class_install_action (widget_class, "canvas.raise", NULL, action_raise);
  gtk_widget_class_install_action (widget_class, "canvas.color", "s", action_color);
  gtk_widget_class_install_action (widget_class, "canvas.vote-add", "i", action_vote_add);
  gtk_widget_class_install_action (widget_class, "canvas.vote-remove", NULL, action_vote_remove);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, action_select_all);
  gtk_widget_class_install_action (widget_class, "canvas.select-region", NULL, action_select_region);
  gtk_widget_class_install_action (widget_class, "canvas.select-none", NULL, action_select_none);
  gtk_widget_class_install_action (widget_class, "canvas.arrange", NULL, action_arrange);
  gtk_widget_class_install_action (widget_class, "canvas.sort-votes", NULL, action_sort_votes);
  gtk_widget_class_install_action (widget_class, "canvas.next-note", NULL, action_next_note);
  gtk_widget_class_install_action (widget_class, "canvas.previous-note", NULL, action_previous_note);
  gtk_widget_class_install_action (widget_class, "canvas.fit-figure", NULL, action_fit_figure);
  gtk_widget_class_install_action (widget_class, "canvas.author", NULL, action_author);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketright, GDK_CONTROL_MASK, "canvas.raise", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.select-region", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "canvas.arrange", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.sort-votes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "canvas.next-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "canvas.previous-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, "canvas.previous-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "canvas.fit-figure", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "canvas.cluster", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.uncluster", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "canvas.vote-add", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "canvas.vote-add", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "canvas.vote-remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "canvas.vote-remove", NULL);
  for (int i = 1; i <= 9; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, 0, "canvas.vote-add", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + i, 0, "canvas.vote-add", "i", i);
    }
  /* Alt+1 … Alt+6: the six note colours in mc_note_colors order. */
  for (guint i = 0; i < G_N_ELEMENTS (color_keys) && mc_note_colors[i] != NULL; i++)
    gtk_widget_class_add_binding_action (widget_class, gdk_keyval_from_name (color_keys[i]),
                                         GDK_ALT_MASK, "canvas.color", "s", mc_note_colors[i]);
}

void
_mc_canvas_edit_init (McCanvas *self)
{
  McCanvasEdit *edit = g_new0 (McCanvasEdit, 1);

  edit->selection = g_ptr_array_new_with_free_func (g_free);
  edit->selected = g_hash_table_new (g_str_hash, g_str_equal);
  edit->matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->edit = edit;

  _mc_canvas_update_actions (self);
}

void
_mc_canvas_edit_dispose (McCanvas *self)
{
  McCanvasEdit *edit = self->edit;

  if (edit == NULL)
    return;

  if (edit->editor != NULL)
    {
      g_signal_handlers_disconnect_matched (edit->editor, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      g_clear_pointer (&edit->editor, gtk_widget_unparent);
    }
  _mc_canvas_menus_dispose (self);
  g_clear_pointer (&edit->drag_figure, g_free);
  g_clear_pointer (&edit->hover_figure, g_free);
  g_clear_pointer (&edit->drop_region, g_free);
  g_clear_pointer (&edit->selection, g_ptr_array_unref);
  g_clear_pointer (&edit->selected, g_hash_table_unref);
  g_clear_pointer (&edit->matches, g_hash_table_unref);
  g_clear_pointer (&edit->cursor, g_free);
  g_clear_pointer (&edit->hover_note, g_free);
  g_clear_pointer (&edit->resize_id, g_free);
  g_clear_pointer (&edit->editing_id, g_free);
  g_clear_pointer (&edit->search, g_free);
  g_clear_pointer (&edit->rubber_base, g_strfreev);
  g_clear_pointer (&edit->drag_scene, mc_scene_unref);
  g_clear_pointer (&edit->base_scene, mc_scene_unref);
  g_clear_object (&edit->cache);
  g_clear_pointer (&self->edit, g_free);
}

