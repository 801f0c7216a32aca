/* mc-window-figures.c — the window's template and figure actions
 *
 *   win.new-board          the template chooser; its card runs win.new(id)
 *   win.add-figure         the chooser in add mode; its card runs
 *   win.insert-figure(s)   adds a figure of that kind where the board has
 *                          room (mc-placement.h) and shows it
 *   win.figure-scale-up    the current figure one step larger / smaller
 *   win.figure-scale-down
 *   win.figure-remove      the current figure and its notes (undoable)
 *
 * "The current figure" is the one whose region is selected on the canvas,
 * or the only figure of a one-figure board.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-catalog.h"
#include "mc-command.h"
#include "mc-figure-kind.h"
#include "mc-placement.h"
#include "mc-template-dialog.h"
#include "mc-window-private.h"

/* One step of Larger / Smaller. */
#define SCALE_STEP 1.25

static gboolean
is_editable (McWindow *self)
{
  return self->board != NULL && !mc_board_get_read_only (self->board);
}

/* The figure the Figure actions act on; NULL for none. Borrowed. */
static McFigure *
current_figure (McWindow *self)
{
  const char *region;
  const char *slash;
  GPtrArray *figures;

  if (self->board == NULL)
    return NULL;

  /* A figure selected by its frame or title band (or a right-click). */
  if (mc_canvas_get_selected_figure (self->canvas) != NULL)
    {
      McFigure *figure = mc_board_get_figure (self->board, mc_canvas_get_selected_figure (self->canvas));

      if (figure != NULL)
        return figure;
    }

  region = mc_canvas_get_selected_region (self->canvas);
  if (region != NULL && (slash = strchr (region, '/')) != NULL)
    {
      g_autofree char *figure_id = g_strndup (region, slash - region);
      McFigure *figure = mc_board_get_figure (self->board, figure_id);

      if (figure != NULL)
        return figure;
    }

  figures = mc_board_get_figures (self->board);
  return figures->len == 1 ? g_ptr_array_index (figures, 0) : NULL;
}

void
_mc_window_update_figure_actions (McWindow *self)
{
  gboolean editable = is_editable (self);
  McFigure *figure = editable ? current_figure (self) : NULL;
  double scale = figure != NULL ? mc_figure_get_scale (figure) : 1;
  static const char * const names[] = { "add-figure", "insert-figure" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    _mc_window_set_action_enabled (self, names[i], editable);

  _mc_window_set_action_enabled (self, "figure-scale-up",
                                 figure != NULL && scale < MC_PLACEMENT_MAX_SCALE);
  _mc_window_set_action_enabled (self, "figure-scale-down",
                                 figure != NULL && scale > MC_PLACEMENT_MIN_SCALE);
  _mc_window_set_action_enabled (self, "figure-remove", figure != NULL);
}

/* The chooser */

static void
present_chooser (McWindow             *self,
                 McTemplateDialogMode  mode)
{
  McLanguage language;
  McTemplateDialog *dialog;

  /* New boards get the default language; an added figure is drawn in the
   * language of the board it joins. */
  if (mode == MC_TEMPLATE_DIALOG_ADD && self->board != NULL)
    language = mc_board_get_language (self->board);
  else
    language = _mc_window_get_default_language (self);

  dialog = mc_template_dialog_new (GTK_WINDOW (self), mode, language);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_new_board (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  present_chooser (user_data, MC_TEMPLATE_DIALOG_NEW);
}

static void
action_add_figure (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  McWindow *self = user_data;

  if (is_editable (self))
    present_chooser (self, MC_TEMPLATE_DIALOG_ADD);
}

/* Shows rect with a margin, keeping the zoom when it fits already. */
static void
reveal_rect (McWindow     *self,
             const McRect *rect,
             double        margin)
{
  McRect visible;
  McRect wanted = {
    rect->x - margin, rect->y - margin,
    rect->width + 2 * margin, rect->height + 2 * margin,
  };

  mc_canvas_get_visible_rect (self->canvas, &visible);
  if (visible.width > 0 && visible.height > 0 && mc_rect_contains_rect (&visible, &wanted))
    return;

  mc_canvas_zoom_to_rect (self->canvas, &wanted, TRUE);
}

static void
action_insert_figure (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  McWindow *self = user_data;
  const char *kind = g_variant_get_string (parameter, NULL);
  g_autofree char *id = NULL;
  const McFigureInfo *info;
  McFigure *figure;
  McRect rect;

  if (!is_editable (self) || !mc_figure_is_valid_kind (kind) || mc_figure_kind_lookup (kind) == NULL)
    return;

  mc_board_execute (self->board, mc_placement_add_figure_command (self->board, kind, &id));
  figure = mc_board_get_figure (self->board, id);
  if (figure == NULL)
    return;

  /* Select its first region, so Larger, Smaller and Remove act on the
   * figure just added. */
  info = mc_catalog_get_figure (mc_catalog_get_default (), kind);
  if (info != NULL && mc_figure_info_get_n_regions (info) > 0)
    {
      const McRegionInfo *region = mc_figure_info_get_region (info, 0);
      g_autofree char *region_id = g_strdup_printf ("%s/%s", id, mc_region_info_get_id (region));

      mc_canvas_select_region (self->canvas, region_id);
    }

  if (mc_layout_get_figure_rect (self->board, id, &rect))
    reveal_rect (self, &rect, MC_PLACEMENT_GAP * mc_figure_get_scale (figure));

  _mc_window_update_figure_actions (self);
}

static void
scale_current (McWindow *self,
               double    factor)
{
  McFigure *figure = current_figure (self);
  McCommand *command;
  McRect rect;

  if (!is_editable (self) || figure == NULL)
    return;

  command = mc_placement_scale_figure_command (self->board, mc_figure_get_id (figure),
                                               mc_figure_get_scale (figure) * factor);
  if (command == NULL)
    return;

  mc_board_execute (self->board, command);
  if (mc_layout_get_figure_rect (self->board, mc_figure_get_id (figure), &rect))
    reveal_rect (self, &rect, 0);
  _mc_window_update_figure_actions (self);
}

static void
action_figure_scale_up (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  scale_current (user_data, SCALE_STEP);
}

static void
action_figure_scale_down (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  scale_current (user_data, 1 / SCALE_STEP);
}

static void
action_figure_remove (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  McWindow *self = user_data;
  McFigure *figure = current_figure (self);
  g_autofree char *id = NULL;
  AdwToast *toast;

  if (!is_editable (self) || figure == NULL)
    return;

  id = g_strdup (mc_figure_get_id (figure));
  mc_canvas_select_region (self->canvas, NULL);
  mc_canvas_select_figure (self->canvas, NULL);
  mc_board_execute (self->board, mc_command_remove_figure (self->board, id));

  /* Its notes went with it: make the way back obvious. */
  toast = adw_toast_new (_("Figure removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  _mc_window_update_figure_actions (self);
}

static const GActionEntry figure_entries[] = {
  { "new-board", action_new_board },
  { "add-figure", action_add_figure },
  { "insert-figure", action_insert_figure, "s" },
  { "figure-scale-up", action_figure_scale_up },
  { "figure-scale-down", action_figure_scale_down },
  { "figure-remove", action_figure_remove },
};

static void
on_selected_region_changed (McCanvas   *canvas,
                            GParamSpec *pspec,
                            McWindow   *self)
{
  _mc_window_update_figure_actions (self);
}

void
_mc_window_init_figure_actions (McWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), figure_entries,
                                   G_N_ELEMENTS (figure_entries), self);
  g_signal_connect_object (self->canvas, "notify::selected-region",
                           G_CALLBACK (on_selected_region_changed), self, 0);
  g_signal_connect_object (self->canvas, "notify::selected-figure",
                           G_CALLBACK (on_selected_region_changed), self, 0);
  _mc_window_update_figure_actions (self);
}
