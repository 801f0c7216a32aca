/* mc-export-dialog-rows.c — the Export window's rows: built, bound to the
 * remembered settings, shown as the chosen format asks
 *
 * The window opens with its first group (format, scope and figures: the
 * template, ui/dialogs/mc-export-dialog.ui). The other groups (content,
 * appearance, size: ui/dialogs/mc-export-dialog-options.ui) are built
 * after the window's first frame, one group in a turn of the main loop of
 * its own and shown by the frame after it, so neither opening the window
 * nor any one frame has to make, style, measure and draw all of its rows.
 * Then the board is read for the preview (mc-export-preview.c). Whatever
 * asks for a row before that (the options, a control by its name) builds
 * every group at once. Each row is bound to its GSettings key as it is
 * built, in delayed mode: a successful export applies them, so the next
 * window opens with the options of the last export.
 */
#include "config.h"

#include "mc-export-dialog-private.h"
#include "mc-catalog.h"

#define OPTIONS_RESOURCE "/io/github/missiecanvas/Missiecanvas/ui/mc-export-dialog-options.ui"

/* The groups built after the first frame, in the order they are built and
 * shown (the window's order, top to bottom). */
enum
{
  GROUP_CONTENT,
  GROUP_APPEARANCE,
  GROUP_SIZE,
  N_GROUPS
};

static const char * const group_ids[N_GROUPS] = { "content_group", "appearance_group", "size_group" };

/* Their objects the dialog keeps (borrowed: the rows own them). */
static const struct
{
  guint       group;
  const char *id;
  gsize       offset;
} group_objects[] = {
#define OBJECT(group, name) { group, #name, G_STRUCT_OFFSET (McExportDialog, name) }
  OBJECT (GROUP_CONTENT, notes_row),
  OBJECT (GROUP_CONTENT, notes_switch),
  OBJECT (GROUP_CONTENT, questions_row),
  OBJECT (GROUP_CONTENT, definitions_row),
  OBJECT (GROUP_CONTENT, definitions_switch),
  OBJECT (GROUP_CONTENT, empty_row),
  OBJECT (GROUP_CONTENT, empty_switch),
  OBJECT (GROUP_CONTENT, caption_row),
  OBJECT (GROUP_CONTENT, caption_switch),
  OBJECT (GROUP_CONTENT, language_row),
  OBJECT (GROUP_APPEARANCE, appearance_group),
  OBJECT (GROUP_APPEARANCE, theme_row),
  OBJECT (GROUP_APPEARANCE, background_row),
  OBJECT (GROUP_SIZE, size_group),
  OBJECT (GROUP_SIZE, page_row),
  OBJECT (GROUP_SIZE, width_row),
  OBJECT (GROUP_SIZE, custom_width_row),
  OBJECT (GROUP_SIZE, width_spin),
  OBJECT (GROUP_SIZE, font_floor_row),
  OBJECT (GROUP_SIZE, font_floor_spin),
  OBJECT (GROUP_SIZE, dpi_row),
#undef OBJECT
};

/* Every control by its name (mc_export_dialog_get_control()) and the
 * signal that tells the dialog it changed; group -1 is the template's. */
static const struct
{
  int         group;
  const char *name;
  gsize       offset;
  const char *signal;
} controls[] = {
#define CONTROL(group, name, field, signal) { group, name, G_STRUCT_OFFSET (McExportDialog, field), signal }
  CONTROL (-1, "format", format_row, "notify::selected"),
  CONTROL (-1, "separator", separator_row, "notify::selected"),
  CONTROL (-1, "scope", scope_row, "notify::selected"),
  CONTROL (-1, "figure", figure_row, "notify::selected"),
  CONTROL (-1, "figures", figures_row, NULL),
  CONTROL (-1, "export", export_button, NULL),
  CONTROL (GROUP_CONTENT, "notes", notes_switch, "notify::active"),
  CONTROL (GROUP_CONTENT, "questions", questions_row, "notify::selected"),
  CONTROL (GROUP_CONTENT, "definitions", definitions_switch, "notify::active"),
  CONTROL (GROUP_CONTENT, "empty-regions", empty_switch, "notify::active"),
  CONTROL (GROUP_CONTENT, "caption", caption_switch, "notify::active"),
  CONTROL (GROUP_CONTENT, "language", language_row, "notify::selected"),
  CONTROL (GROUP_APPEARANCE, "theme", theme_row, "notify::selected"),
  CONTROL (GROUP_APPEARANCE, "background", background_row, "notify::selected"),
  CONTROL (GROUP_SIZE, "width", width_row, "notify::selected"),
  CONTROL (GROUP_SIZE, "custom-width", width_spin, "value-changed"),
  CONTROL (GROUP_SIZE, "font-floor", font_floor_spin, "value-changed"),
  CONTROL (GROUP_SIZE, "dpi", dpi_row, "notify::selected"),
  CONTROL (GROUP_SIZE, "page", page_row, "notify::selected"),
#undef CONTROL
};

#define FIELD(self, offset) (G_STRUCT_MEMBER_P ((self), (offset)))

/* Settings values, in the order of the rows' items (NULL-terminated for
 * the settings mappings). */
static const char * const format_names[] = { "pdf", "svg", "png", "md", "csv", "canvas", NULL };
static const char * const questions_names[] = { "off", "inline", "list", NULL };
static const char * const theme_names[] = { "color", "print", "projector", NULL };
static const char * const background_names[] = { "paper", "white", "transparent", NULL };
static const char * const width_names[] = { "one-column", "one-column-wide", "one-and-half",
                                            "two-columns", "two-columns-wide", "a4",
                                            "natural", "custom", NULL };
static const char * const page_names[] = { "fit", "a4-portrait", "a4-landscape", "a3-portrait",
                                           "a3-landscape", NULL };
static const int dpi_values[] = { 150, 300, 600 };

G_STATIC_ASSERT (G_N_ELEMENTS (format_names) == MC_N_EXPORT_FORMATS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (width_names) == MC_EXPORT_DIALOG_WIDTH_CUSTOM + 2);

static guint
index_of_name (const char * const *names,
               const char         *name,
               guint               fallback)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  return fallback;
}

McThemeKind
_mc_export_dialog_remembered_theme (GSettings *settings)
{
  g_autofree char *theme = g_settings_get_string (settings, "export-theme");

  return index_of_name (theme_names, theme, MC_THEME_COLOR);
}

int
_mc_export_rows_dpi (McExportDialog *self)
{
  _mc_export_rows_ensure (self);
  return dpi_values[MIN (adw_combo_row_get_selected (self->dpi_row), G_N_ELEMENTS (dpi_values) - 1)];
}

/* Remembered options: each row bound to its key */

static gboolean
name_to_index (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char * const *names = user_data;

  g_value_set_uint (value, index_of_name (names, g_variant_get_string (variant, NULL), 0));
  return TRUE;
}

static GVariant *
index_to_name (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  const char * const *names = user_data;
  guint index = g_value_get_uint (value);
  guint n = g_strv_length ((char **) names);

  return g_variant_new_string (names[MIN (index, n - 1)]);
}

static gboolean
dpi_to_index (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  int dpi = g_variant_get_int32 (variant);
  guint best = 1;

  for (guint i = 0; i < G_N_ELEMENTS (dpi_values); i++)
    if (ABS (dpi_values[i] - dpi) < ABS (dpi_values[best] - dpi))
      best = i;
  g_value_set_uint (value, best);
  return TRUE;
}

static GVariant *
index_to_dpi (const GValue       *value,
              const GVariantType *expected_type,
              gpointer            user_data)
{
  return g_variant_new_int32 (dpi_values[MIN (g_value_get_uint (value), G_N_ELEMENTS (dpi_values) - 1)]);
}

static void
bind_combo (McExportDialog     *self,
            const char         *key,
            AdwComboRow        *row,
            const char * const *names)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                name_to_index, index_to_name, (gpointer) names, NULL);
}

static void
bind_group (McExportDialog *self,
            guint           group)
{
  GSettings *s = self->settings;

  switch (group)
    {
    case GROUP_CONTENT:
      g_settings_bind (s, "export-notes", self->notes_switch, "active", G_SETTINGS_BIND_DEFAULT);
      bind_combo (self, "export-questions", self->questions_row, questions_names);
      g_settings_bind (s, "export-definitions", self->definitions_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-empty-regions", self->empty_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-caption", self->caption_switch, "active", G_SETTINGS_BIND_DEFAULT);
      /* Not remembered: the board's own language. */
      adw_combo_row_set_selected (self->language_row, mc_board_get_language (self->board));
      break;
    case GROUP_APPEARANCE:
      bind_combo (self, "export-theme", self->theme_row, theme_names);
      bind_combo (self, "export-background", self->background_row, background_names);
      break;
    case GROUP_SIZE:
      bind_combo (self, "export-page", self->page_row, page_names);
      bind_combo (self, "export-width", self->width_row, width_names);
      g_settings_bind (s, "export-width-mm", self->width_spin, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-font-floor", self->font_floor_spin, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind_with_mapping (s, "export-dpi", self->dpi_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                    dpi_to_index, index_to_dpi, NULL, NULL);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Showing the rows that apply */

static gboolean
group_built (McExportDialog *self,
             guint           group)
{
  return self->n_groups_built > group;
}

/* Shows the rows that apply to the chosen format and scope; hides the rest
 * so the dialog only asks what matters. Groups not built yet are shown so
 * when they are. */
void
_mc_export_rows_update (McExportDialog *self)
{
  McExportFormat format = mc_export_dialog_get_format (self);
  gboolean figure = _mc_export_dialog_format_is_figure (format);
  guint scope = adw_combo_row_get_selected (self->scope_row);

  gtk_widget_set_visible (GTK_WIDGET (self->figure_row), scope == MC_EXPORT_DIALOG_SCOPE_FIGURE);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_row), scope == MC_EXPORT_DIALOG_SCOPE_FIGURES);
  if (scope == MC_EXPORT_DIALOG_SCOPE_FIGURES)
    adw_expander_row_set_expanded (self->figures_row, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->separator_row), format == MC_EXPORT_FORMAT_CSV);

  if (group_built (self, GROUP_CONTENT))
    {
      gtk_widget_set_visible (self->notes_row, figure);
      gtk_widget_set_visible (GTK_WIDGET (self->questions_row), figure);
      gtk_widget_set_visible (self->definitions_row, figure);
      gtk_widget_set_visible (self->empty_row, figure);
      gtk_widget_set_visible (self->caption_row, figure);
    }
  if (group_built (self, GROUP_APPEARANCE))
    gtk_widget_set_visible (self->appearance_group, figure);
  if (group_built (self, GROUP_SIZE))
    {
      /* A fixed page decides the size itself. */
      gboolean fixed_page = format == MC_EXPORT_FORMAT_PDF &&
                            adw_combo_row_get_selected (self->page_row) != MC_EXPORT_PAGE_FIT;

      gtk_widget_set_visible (self->size_group, figure);
      gtk_widget_set_visible (GTK_WIDGET (self->page_row), format == MC_EXPORT_FORMAT_PDF);
      gtk_widget_set_visible (GTK_WIDGET (self->dpi_row), format == MC_EXPORT_FORMAT_PNG);
      gtk_widget_set_visible (GTK_WIDGET (self->width_row), !fixed_page);
      gtk_widget_set_visible (self->custom_width_row,
                              !fixed_page &&
                              adw_combo_row_get_selected (self->width_row) == MC_EXPORT_DIALOG_WIDTH_CUSTOM);
    }

  gtk_stack_set_visible_child_name (self->preview_stack, figure ? "figure" : "outline");
}

static void
on_option_changed (McExportDialog *self)
{
  if (self->loading)
    return;

  _mc_export_rows_update (self);
  _mc_export_preview_schedule (self);
}

static void
connect_controls (McExportDialog *self,
                  int             group)
{
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      gpointer widget;

      if (controls[i].group != group)
        continue;
      widget = *(gpointer *) FIELD (self, controls[i].offset);
      g_hash_table_insert (self->controls, (gpointer) controls[i].name, widget);
      if (controls[i].signal != NULL)
        g_signal_connect_swapped (widget, controls[i].signal, G_CALLBACK (on_option_changed), self);
    }
}

/* Building the groups */

static void
build_group (McExportDialog *self,
             guint           group)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  const char *ids[] = { group_ids[group], NULL };
  gboolean loading = self->loading;

  g_assert (group == self->n_groups_built);

  /* The group and its rows only: the file holds every group. */
  if (!gtk_builder_add_objects_from_resource (builder, OPTIONS_RESOURCE, ids, &error))
    g_error ("%s: %s", OPTIONS_RESOURCE, error->message);
  for (guint i = 0; i < G_N_ELEMENTS (group_objects); i++)
    if (group_objects[i].group == group)
      {
        GObject *object = gtk_builder_get_object (builder, group_objects[i].id);

        g_assert (object != NULL);
        *(gpointer *) FIELD (self, group_objects[i].offset) = object;
      }

  /* Its settings are the rows' first values, not changes. */
  self->loading = TRUE;
  connect_controls (self, group);
  bind_group (self, group);
  self->n_groups_built++;
  _mc_export_rows_update (self);
  self->loading = loading;

  adw_preferences_page_add (self->options_page,
                            ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, group_ids[group])));
}

gboolean
_mc_export_rows_all_built (McExportDialog *self)
{
  return self->n_groups_built == N_GROUPS;
}

void
_mc_export_rows_ensure (McExportDialog *self)
{
  while (self->n_groups_built < N_GROUPS)
    build_group (self, self->n_groups_built);
}

static void rows_wait_for_frame (McExportDialog *self);

static void
rows_stop_waiting (McExportDialog *self)
{
  /* A clock whose window went has let go of its handlers itself. */
  if (self->rows_clock != NULL && self->rows_paint_id != 0 &&
      g_signal_handler_is_connected (self->rows_clock, self->rows_paint_id))
    g_signal_handler_disconnect (self->rows_clock, self->rows_paint_id);
  self->rows_paint_id = 0;
  g_clear_object (&self->rows_clock);
}

/* One turn of the main loop: the next group, or when all are there, the
 * board for the preview. */
static gboolean
on_rows_idle (gpointer user_data)
{
  McExportDialog *self = user_data;

  self->rows_idle_id = 0;
  if (_mc_export_rows_all_built (self))
    {
      _mc_export_preview_read_board (self);
      return G_SOURCE_REMOVE;
    }
  build_group (self, self->n_groups_built);
  rows_wait_for_frame (self);
  return G_SOURCE_REMOVE;
}

/* A frame was drawn: the next step goes in a turn of its own after it,
 * below drawing. */
static void
on_rows_after_paint (GdkFrameClock  *clock,
                     McExportDialog *self)
{
  rows_stop_waiting (self);
  if (self->rows_idle_id == 0)
    self->rows_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_rows_idle, self, NULL);
}

static void
rows_wait_for_frame (McExportDialog *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  /* Not on screen: mapping the window starts again. */
  if (clock == NULL || self->rows_paint_id != 0)
    return;
  self->rows_clock = g_object_ref (clock);
  self->rows_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_rows_after_paint), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

/* The window is mapped: after its first frame, the rest. */
void
_mc_export_rows_start (McExportDialog *self)
{
  if (self->rows_idle_id == 0)
    rows_wait_for_frame (self);
}

/* Hidden, it draws no frames: mapping it again goes on. */
static void
on_unmap (McExportDialog *self)
{
  rows_stop_waiting (self);
}

void
_mc_export_rows_dispose (McExportDialog *self)
{
  rows_stop_waiting (self);
  g_clear_handle_id (&self->rows_idle_id, g_source_remove);
}

/* The first group: its figure rows come from the board */

static void
build_figure_rows (McExportDialog *self,
                   const char     *figure_id)
{
  McCatalog *catalog = mc_catalog_get_default ();
  McLanguage language = mc_board_get_language (self->board);
  GPtrArray *figures = mc_board_get_figures (self->board);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) model = NULL;
  guint selected = 0;

  for (guint i = 0; i < figures->len; i++)
    {
      McFigure *figure = figures->pdata[i];
      const char *id = mc_figure_get_id (figure);
      const McFigureInfo *info = mc_catalog_get_figure (catalog, mc_figure_get_kind (figure));
      const char *title = info != NULL ? mc_figure_info_get_title (info, language) : NULL;
      g_autofree char *label = NULL;

      /* Two figures of one kind: the id tells them apart. */
      if (title == NULL)
        label = g_strdup (id);
      else if (!g_str_equal (id, mc_figure_get_kind (figure)))
        label = g_strdup_printf ("%s (%s)", title, id);
      else
        label = g_strdup (title);

      g_ptr_array_insert (self->figure_ids, self->figure_ids->len - 1, g_strdup (id));
      g_ptr_array_add (titles, g_steal_pointer (&label));
      if (g_strcmp0 (figure_id, id) == 0)
        selected = i;
    }
  g_ptr_array_add (titles, NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), figures->len > 0);
  model = gtk_string_list_new ((const char * const *) titles->pdata);
  adw_combo_row_set_model (self->figure_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->figure_row, selected);

  for (guint i = 0; i < figures->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles->pdata[i]);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_name (check, self->figure_ids->pdata[i]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "notify::active", G_CALLBACK (on_option_changed), self);
      adw_expander_row_add_row (self->figures_row, row);
      g_ptr_array_add (self->figure_checks, check);
    }

  /* A journal takes figures, so the window opens on one: the one selected
   * on the canvas, or the first. (The whole board at a journal's width is
   * refused with its cure; it stays one choice away.) */
  if (figures->len > 0)
    adw_combo_row_set_selected (self->scope_row, MC_EXPORT_DIALOG_SCOPE_FIGURE);
}

/* The template's group, at once; the others after the first frame. */
void
_mc_export_rows_init (McExportDialog *self,
                      const char     *figure_id)
{
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
  self->loading = TRUE;
  connect_controls (self, -1);
  build_figure_rows (self, figure_id);
  bind_combo (self, "export-format", self->format_row, format_names);
  self->loading = FALSE;
  _mc_export_rows_update (self);
}
