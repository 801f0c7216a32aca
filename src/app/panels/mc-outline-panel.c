/* mc-outline-panel.c — outline of the board with search
 *
 * A flat GListStore of rows (figure, region, note) shown by a GtkListView,
 * so only the visible rows have widgets: a thousand notes stay cheap. The
 * store is rebuilt in one splice, at idle, after the board changes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-canvas.h"
#include "mc-catalog.h"
#include "mc-layout.h"
#include "mc-outline-panel.h"

/* One row of the outline. */
#define MC_TYPE_OUTLINE_ROW (mc_outline_row_get_type ())
G_DECLARE_FINAL_TYPE (McOutlineRow, mc_outline_row, MC, OUTLINE_ROW, GObject)

struct _McOutlineRow
{
  GObject           parent_instance;
  McOutlineRowKind  kind;
  char             *target;    /* figure id, "<figure>/<region>", or note id */
  char             *title;
  char             *subtitle;  /* a region's questions, a note's votes; may be NULL */
};

G_DEFINE_FINAL_TYPE (McOutlineRow, mc_outline_row, G_TYPE_OBJECT)

static void
mc_outline_row_finalize (GObject *object)
{
  McOutlineRow *self = MC_OUTLINE_ROW (object);

  g_free (self->target);
  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (mc_outline_row_parent_class)->finalize (object);
}

static void
mc_outline_row_class_init (McOutlineRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_outline_row_finalize;
}

static void
mc_outline_row_init (McOutlineRow *self)
{
}

static McOutlineRow *
row_new (McOutlineRowKind  kind,
         const char       *target,
         const char       *title,
         char             *subtitle)  /* taken */
{
  McOutlineRow *row = g_object_new (MC_TYPE_OUTLINE_ROW, NULL);

  row->kind = kind;
  row->target = g_strdup (target);
  row->title = g_strdup (title);
  row->subtitle = subtitle;
  return row;
}

struct _McOutlinePanel
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  GtkWidget        *search_entry;
  GtkWidget        *list_view;
  GtkWidget        *empty_label;
  GListStore       *store;

  McCanvas         *canvas;
  McBoard          *board;
  gulong            board_changed_id;
  gulong            canvas_board_id;
  gulong            canvas_selection_id;
  guint             rebuild_id;
  char             *needle;       /* casefolded search, or NULL */
};

G_DEFINE_FINAL_TYPE (McOutlinePanel, mc_outline_panel, GTK_TYPE_WIDGET)

static void on_canvas_selection (McCanvas       *canvas,
                                 McOutlinePanel *self);

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static gboolean
matches (McOutlinePanel *self,
         const char     *text)
{
  g_autofree char *hay = NULL;

  if (self->needle == NULL)
    return TRUE;
  hay = fold (text);
  return strstr (hay, self->needle) != NULL;
}

/* A note's one-line title: its text with line breaks as spaces. */
static char *
note_title (McNote *note)
{
  const char *text = mc_note_get_text (note);
  char *title;

  if (text == NULL || *text == '\0')
    return g_strdup (_("(empty note)"));
  title = g_strdup (text);
  g_strdelimit (title, "\r\n\t", ' ');
  return title;
}

static char *
note_subtitle (McNote *note)
{
  guint votes = mc_note_get_votes (note);

  if (votes == 0)
    return NULL;
  /* Translators: shown under a note in the outline. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vote", "%u votes", votes), votes);
}

static void
append_notes (McOutlinePanel *self,
              GPtrArray      *rows,
              GPtrArray      *notes)
{
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      McNote *note = notes->pdata[i];
      g_autofree char *title = NULL;

      if (!matches (self, mc_note_get_text (note)))
        continue;
      title = note_title (note);
      g_ptr_array_add (rows, row_new (MC_OUTLINE_ROW_NOTE, mc_note_get_id (note),
                                      title, note_subtitle (note)));
    }
}

static void
rebuild (McOutlinePanel *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_region = NULL;
  g_autoptr(GPtrArray) free_notes = g_ptr_array_new ();
  McCatalog *catalog = mc_catalog_get_default ();
  McLanguage lang;
  GPtrArray *figures, *notes;

  if (self->board == NULL)
    {
      g_list_store_remove_all (self->store);
      gtk_widget_set_visible (self->empty_label, TRUE);
      return;
    }

  lang = mc_board_get_language (self->board);
  by_region = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_ptr_array_unref);
  notes = mc_board_get_notes (self->board);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = notes->pdata[i];
      const char *figure_id = mc_note_get_figure_id (note);
      char *key;
      GPtrArray *list;

      if (figure_id == NULL)
        {
          g_ptr_array_add (free_notes, note);
          continue;
        }
      key = g_strconcat (figure_id, "/", mc_note_get_region_id (note), NULL);
      list = g_hash_table_lookup (by_region, key);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_region, key, list);
        }
      else
        g_free (key);
      g_ptr_array_add (list, note);
    }

  figures = mc_board_get_figures (self->board);
  for (guint f = 0; f < figures->len; f++)
    {
      McFigure *figure = figures->pdata[f];
      const McFigureInfo *info = mc_catalog_get_figure (catalog, mc_figure_get_kind (figure));
      guint figure_row = rows->len;
      gboolean any = FALSE;

      if (info == NULL)
        continue;

      g_ptr_array_add (rows, row_new (MC_OUTLINE_ROW_FIGURE, mc_figure_get_id (figure),
                                      mc_figure_info_get_title (info, lang), NULL));

      for (guint r = 0; r < mc_figure_info_get_n_regions (info); r++)
        {
          const McRegionInfo *region = mc_figure_info_get_region (info, r);
          const char * const *questions = mc_region_info_get_questions (region, lang);
          g_autofree char *target = g_strconcat (mc_figure_get_id (figure), "/",
                                                 mc_region_info_get_id (region), NULL);
          GPtrArray *region_notes = g_hash_table_lookup (by_region, target);
          guint region_row = rows->len;
          gboolean region_matches;

          region_matches = matches (self, mc_region_info_get_label (region, lang));
          g_ptr_array_add (rows, row_new (MC_OUTLINE_ROW_REGION, target,
                                          mc_region_info_get_label (region, lang),
                                          questions != NULL && questions[0] != NULL
                                          ? g_strjoinv ("\n", (char **) questions) : NULL));
          append_notes (self, rows, region_notes);

          /* Searching keeps a region only for its label or its notes. */
          if (!region_matches && rows->len == region_row + 1)
            g_ptr_array_set_size (rows, region_row);
          else
            any = TRUE;
        }

      if (!any && !matches (self, mc_figure_info_get_title (info, lang)))
        g_ptr_array_set_size (rows, figure_row);
    }

  if (free_notes->len > 0)
    {
      guint heading = rows->len;

      g_ptr_array_add (rows, row_new (MC_OUTLINE_ROW_FIGURE, NULL, _("Free notes"), NULL));
      append_notes (self, rows, free_notes);
      if (rows->len == heading + 1)
        g_ptr_array_set_size (rows, heading);
    }

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       rows->pdata, rows->len);
  gtk_widget_set_visible (self->empty_label, rows->len == 0);
  if (self->canvas != NULL)
    on_canvas_selection (self->canvas, self);
}

static gboolean
rebuild_idle (gpointer data)
{
  McOutlinePanel *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (McOutlinePanel *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_idle, self, NULL);
}

static void
on_board_changed (McBoard        *board,
                  McChangeFlags   flags,
                  GStrv           note_ids,
                  McOutlinePanel *self)
{
  if (flags & (MC_CHANGE_CONTENT | MC_CHANGE_LAYOUT | MC_CHANGE_META | MC_CHANGE_FIGURES))
    queue_rebuild (self);
}

static void
set_board (McOutlinePanel *self,
           McBoard        *board)
{
  if (self->board == board)
    return;

  if (self->board != NULL)
    g_clear_signal_handler (&self->board_changed_id, self->board);
  g_set_object (&self->board, board);
  if (board != NULL)
    self->board_changed_id = g_signal_connect (board, "changed",
                                               G_CALLBACK (on_board_changed), self);
  queue_rebuild (self);
}

static void
on_canvas_board (McCanvas       *canvas,
                 GParamSpec     *pspec,
                 McOutlinePanel *self)
{
  set_board (self, mc_canvas_get_board (canvas));
  /* The canvas forgets its highlights with its board; give it ours. */
  mc_canvas_set_search (canvas, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* The canvas's keyboard note (the last one picked) is the outline's
 * selected row, so both views show the same selection. */
static void
on_canvas_selection (McCanvas       *canvas,
                     McOutlinePanel *self)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (self->list_view)));
  g_auto(GStrv) ids = mc_canvas_dup_selection (canvas);
  guint n = ids != NULL ? g_strv_length (ids) : 0;
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; n > 0 && i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr(McOutlineRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (row->kind == MC_OUTLINE_ROW_NOTE && g_str_equal (row->target, ids[n - 1]))
        {
          position = i;
          break;
        }
    }
  gtk_single_selection_set_selected (selection, position);
}

char *
mc_outline_panel_dup_selected (McOutlinePanel *self)
{
  GtkSingleSelection *selection;
  McOutlineRow *row;

  g_return_val_if_fail (MC_IS_OUTLINE_PANEL (self), NULL);

  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (self->list_view)));
  row = gtk_single_selection_get_selected_item (selection);
  return row != NULL ? g_strdup (row->target) : NULL;
}

void
mc_outline_panel_set_canvas (McOutlinePanel *self,
                             McCanvas       *canvas)
{
  g_return_if_fail (MC_IS_OUTLINE_PANEL (self));
  g_return_if_fail (canvas == NULL || MC_IS_CANVAS (canvas));

  if (self->canvas == canvas)
    return;

  if (self->canvas != NULL)
    {
      g_clear_signal_handler (&self->canvas_board_id, self->canvas);
      g_clear_signal_handler (&self->canvas_selection_id, self->canvas);
      g_object_remove_weak_pointer (G_OBJECT (self->canvas), (gpointer *) &self->canvas);
    }
  self->canvas = canvas;
  if (canvas != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (canvas), (gpointer *) &self->canvas);
      self->canvas_board_id = g_signal_connect (canvas, "notify::board",
                                                G_CALLBACK (on_canvas_board), self);
      self->canvas_selection_id = g_signal_connect (canvas, "selection-changed",
                                                    G_CALLBACK (on_canvas_selection), self);
      on_canvas_board (canvas, NULL, self);
    }
  else
    set_board (self, NULL);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   McOutlinePanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->needle, g_free);
  if (text != NULL && *text != '\0')
    self->needle = fold (text);

  if (self->canvas != NULL)
    mc_canvas_set_search (self->canvas, text);
  /* Typing wants an answer now, not at idle. */
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
}

void
mc_outline_panel_set_search (McOutlinePanel *self,
                             const char     *text)
{
  g_return_if_fail (MC_IS_OUTLINE_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* search-changed is delayed; apply at once. */
  on_search_changed (GTK_SEARCH_ENTRY (self->search_entry), self);
}

void
mc_outline_panel_focus_search (McOutlinePanel *self)
{
  g_return_if_fail (MC_IS_OUTLINE_PANEL (self));

  gtk_widget_grab_focus (self->search_entry);
}

static void
on_stop_search (GtkSearchEntry *entry,
                McOutlinePanel *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    mc_outline_panel_set_search (self, NULL);
  else if (self->canvas != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

guint
mc_outline_panel_count (McOutlinePanel   *self,
                        McOutlineRowKind  kind)
{
  guint n, count = 0;

  g_return_val_if_fail (MC_IS_OUTLINE_PANEL (self), 0);

  if (self->rebuild_id != 0)
    {
      g_clear_handle_id (&self->rebuild_id, g_source_remove);
      rebuild (self);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McOutlineRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (row->kind == kind && (kind != MC_OUTLINE_ROW_FIGURE || row->target != NULL))
        count++;
    }
  return count;
}

static void
activate_row (McOutlinePanel *self,
              McOutlineRow   *row)
{
  McCanvas *canvas = self->canvas;
  McRect rect;

  if (canvas == NULL || self->board == NULL || row->target == NULL)
    return;

  switch (row->kind)
    {
    case MC_OUTLINE_ROW_FIGURE:
      mc_canvas_select_region (canvas, NULL);
      if (mc_layout_get_figure_rect (self->board, row->target, &rect))
        mc_canvas_zoom_to_rect (canvas, &rect, gtk_widget_get_mapped (GTK_WIDGET (canvas)));
      break;

    case MC_OUTLINE_ROW_REGION:
      {
        McScene *scene = mc_canvas_get_scene (canvas);
        int index = scene != NULL ? mc_scene_find_group (scene, row->target) : -1;

        mc_canvas_select_region (canvas, row->target);
        if (index >= 0)
          {
            McRect bounds = mc_scene_get_item (scene, index)->bounds;
            double margin = MAX (bounds.width, bounds.height) * 0.08;

            bounds.x -= margin;
            bounds.y -= margin;
            bounds.width += 2 * margin;
            bounds.height += 2 * margin;
            mc_canvas_zoom_to_rect (canvas, &bounds, gtk_widget_get_mapped (GTK_WIDGET (canvas)));
          }
      }
      break;

    case MC_OUTLINE_ROW_NOTE:
      {
        const char *ids[] = { row->target, NULL };

        mc_canvas_select_notes (canvas, ids);
        mc_canvas_reveal_note (canvas, row->target);
      }
      break;

    default:
      break;
    }
}

gboolean
mc_outline_panel_activate_note (McOutlinePanel *self,
                                const char     *note_id)
{
  guint n;

  g_return_val_if_fail (MC_IS_OUTLINE_PANEL (self), FALSE);

  mc_outline_panel_count (self, MC_OUTLINE_ROW_NOTE);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McOutlineRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (row->kind == MC_OUTLINE_ROW_NOTE && g_strcmp0 (row->target, note_id) == 0)
        {
          activate_row (self, row);
          return TRUE;
        }
    }
  return FALSE;
}

static void
on_list_activate (GtkListView    *view,
                  guint           position,
                  McOutlinePanel *self)
{
  g_autoptr(McOutlineRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (row != NULL)
    activate_row (self, row);
}

/* Rows: a title and an optional dimmed subtitle, indented by level. */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_lines (GTK_LABEL (subtitle), 4);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  /* Wrapped labels ask for their unwrapped width: cap it, so the sidebar
   * keeps its width whatever the notes say. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 28);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 28);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_end (box, 8);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  McOutlineRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  static const int indent[] = { 8, 20, 36 };

  gtk_label_set_text (GTK_LABEL (title), row->title);
  gtk_label_set_text (GTK_LABEL (subtitle), row->subtitle != NULL ? row->subtitle : "");
  gtk_widget_set_visible (subtitle, row->subtitle != NULL);
  gtk_widget_set_margin_start (box, indent[row->kind]);

  gtk_widget_remove_css_class (title, "heading");
  gtk_widget_remove_css_class (title, "mc-outline-region");
  if (row->kind == MC_OUTLINE_ROW_FIGURE)
    gtk_widget_add_css_class (title, "heading");
  else if (row->kind == MC_OUTLINE_ROW_REGION)
    gtk_widget_add_css_class (title, "mc-outline-region");
}

static void
mc_outline_panel_dispose (GObject *object)
{
  McOutlinePanel *self = MC_OUTLINE_PANEL (object);

  mc_outline_panel_set_canvas (self, NULL);
  set_board (self, NULL);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (mc_outline_panel_parent_class)->dispose (object);
}

static void
mc_outline_panel_class_init (McOutlinePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_outline_panel_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mcoutlinepanel");
}

static void
mc_outline_panel_init (McOutlinePanel *self)
{
  GtkListItemFactory *factory;
  GtkSelectionModel *selection;
  GtkWidget *scrolled;

  /* As the region panel: its width is the sidebar's, never a share of the
   * window's spare width. */
  gtk_widget_set_hexpand (GTK_WIDGET (self), FALSE);

  self->store = g_list_store_new (MC_TYPE_OUTLINE_ROW);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->search_entry = gtk_search_entry_new ();
  g_object_set (self->search_entry, "placeholder-text", _("Search notes"), NULL);
  gtk_widget_set_margin_top (self->search_entry, 8);
  gtk_widget_set_margin_bottom (self->search_entry, 8);
  gtk_widget_set_margin_start (self->search_entry, 8);
  gtk_widget_set_margin_end (self->search_entry, 8);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self);
  gtk_box_append (GTK_BOX (self->box), self->search_entry);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
  self->list_view = gtk_list_view_new (selection, factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Board outline"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_list_activate), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);

  self->empty_label = gtk_label_new (_("Nothing found"));
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_margin_top (self->empty_label, 24);
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->empty_label);
}

GtkWidget *
mc_outline_panel_new (void)
{
  return g_object_new (MC_TYPE_OUTLINE_PANEL, NULL);
}
