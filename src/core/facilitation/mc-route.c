/* mc-route.c — the facilitator's route through a board */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "mc-command.h"
#include "mc-layout.h"
#include "mc-route.h"

struct _McRoute
{
  GObject     parent_instance;

  McBoard    *board;
  McCatalog  *catalog;
  gulong      changed_handler;

  GPtrArray  *stops;     /* McRouteStop*, route order */
  guint       current;
  gboolean    join;      /* the room is open: a join stop */
};

enum {
  PROP_0,
  PROP_CURRENT,
  PROP_POSITION,
  PROP_COUNT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (McRoute, mc_route, G_TYPE_OBJECT)

static void
stop_free (gpointer data)
{
  McRouteStop *stop = data;

  g_free (stop->key);
  g_free (stop->figure_id);
  g_free (stop->region_id);
  g_free (stop->title);
  g_free (stop->prompt);
  g_free (stop);
}

static McRouteStop *
stop_new (McRouteStopKind  kind,
          const char      *figure_id,
          const char      *region_id,
          const char      *title,
          const char      *prompt)
{
  McRouteStop *stop = g_new0 (McRouteStop, 1);

  stop->kind = kind;
  stop->figure_id = g_strdup (figure_id);
  stop->region_id = g_strdup (region_id);
  if (kind == MC_ROUTE_STOP_OVERVIEW)
    stop->key = g_strdup ("overview");
  else if (kind == MC_ROUTE_STOP_JOIN)
    stop->key = g_strdup (MC_ROUTE_JOIN_KEY);
  else if (kind == MC_ROUTE_STOP_FIGURE)
    stop->key = g_strdup (figure_id);
  else
    stop->key = g_strdup_printf ("%s/%s", figure_id, region_id);
  stop->title = g_strdup (title != NULL ? title : "");
  stop->prompt = g_strdup (prompt != NULL ? prompt : "");
  return stop;
}

/* Building */

static char *
figure_title (McFigure           *figure,
              const McFigureInfo *info,
              McLanguage          language)
{
  const char *title = info != NULL ? mc_figure_info_get_title (info, language) : NULL;
  const char *id = mc_figure_get_id (figure);

  if (title == NULL || title[0] == '\0')
    title = mc_figure_get_kind (figure);
  /* A second placement of a kind needs telling apart from the first. */
  if (strcmp (id, mc_figure_get_kind (figure)) != 0)
    return g_strdup_printf ("%s (%s)", title, id);
  return g_strdup (title);
}

static GPtrArray *
build_default_stops (McRoute *self)
{
  GPtrArray *stops = g_ptr_array_new_with_free_func (stop_free);
  GPtrArray *figures = mc_board_get_figures (self->board);
  McLanguage language = mc_board_get_language (self->board);
  const char *board_title = mc_board_get_title (self->board);
  const char *board_case = mc_board_get_meta (self->board, MC_META_CASE);

  g_ptr_array_add (stops, stop_new (MC_ROUTE_STOP_OVERVIEW, NULL, NULL,
                                    board_title[0] != '\0' ? board_title : _("Overview"),
                                    board_case));
  if (self->join)
    g_ptr_array_add (stops, stop_new (MC_ROUTE_STOP_JOIN, NULL, NULL, _("Join the Room"),
                                      _("Scan the code with a phone's camera, or open the "
                                        "address and type the room code.")));

  for (guint f = 0; f < figures->len; f++)
    {
      McFigure *figure = g_ptr_array_index (figures, f);
      const char *figure_id = mc_figure_get_id (figure);
      const McFigureInfo *info = mc_catalog_get_figure (self->catalog,
                                                        mc_figure_get_kind (figure));
      g_autofree char *title = figure_title (figure, info, language);

      g_ptr_array_add (stops, stop_new (MC_ROUTE_STOP_FIGURE, figure_id, NULL, title, title));

      for (guint r = 0; info != NULL && r < mc_figure_info_get_n_regions (info); r++)
        {
          const McRegionInfo *region = mc_figure_info_get_region (info, r);
          const char * const *questions = mc_region_info_get_questions (region, language);
          g_autofree char *prompt = NULL;

          prompt = questions != NULL ? g_strjoinv ("\n", (char **) questions) : NULL;
          g_ptr_array_add (stops, stop_new (MC_ROUTE_STOP_REGION, figure_id,
                                            mc_region_info_get_id (region),
                                            mc_region_info_get_label (region, language),
                                            prompt));
        }
    }

  return stops;
}

/* Puts the stops named in order first (in that order), then the rest in
 * their built-in order, and marks the skipped ones. */
static void
apply_saved (GPtrArray  *stops,
             JsonArray  *order,
             JsonArray  *skipped)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) arranged = g_ptr_array_new ();

  for (guint i = 0; i < stops->len; i++)
    {
      McRouteStop *stop = g_ptr_array_index (stops, i);

      g_hash_table_insert (by_key, stop->key, stop);
    }

  for (guint i = 0; order != NULL && i < json_array_get_length (order); i++)
    {
      JsonNode *node = json_array_get_element (order, i);
      McRouteStop *stop;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      stop = g_hash_table_lookup (by_key, json_node_get_string (node));
      if (stop == NULL)
        continue;   /* its figure or region is gone */
      g_hash_table_remove (by_key, stop->key);
      g_ptr_array_add (arranged, stop);
    }
  for (guint i = 0; i < stops->len; i++)
    {
      McRouteStop *stop = g_ptr_array_index (stops, i);

      if (!g_hash_table_contains (by_key, stop->key))
        continue;
      /* New since the route was saved; a join stop (the room opened) goes
       * right after the overview, where it is needed first. */
      if (stop->kind == MC_ROUTE_STOP_JOIN)
        {
          int at = 0;

          for (guint k = 0; k < arranged->len; k++)
            if (((McRouteStop *) g_ptr_array_index (arranged, k))->kind == MC_ROUTE_STOP_OVERVIEW)
              at = (int) k + 1;
          g_ptr_array_insert (arranged, at, stop);
        }
      else
        g_ptr_array_add (arranged, stop);
    }

  for (guint i = 0; skipped != NULL && i < json_array_get_length (skipped); i++)
    {
      JsonNode *node = json_array_get_element (skipped, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      for (guint k = 0; k < arranged->len; k++)
        {
          McRouteStop *stop = g_ptr_array_index (arranged, k);

          if (strcmp (stop->key, json_node_get_string (node)) == 0)
            stop->skipped = TRUE;
        }
    }

  /* Same stops, new order: move the pointers without freeing any. */
  g_ptr_array_set_free_func (stops, NULL);
  g_ptr_array_set_size (stops, 0);
  for (guint i = 0; i < arranged->len; i++)
    g_ptr_array_add (stops, g_ptr_array_index (arranged, i));
  g_ptr_array_set_free_func (stops, stop_free);
}

static void
read_saved (McRoute   *self,
            GPtrArray *stops)
{
  const char *saved = mc_board_get_meta (self->board, MC_META_ROUTE);
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonArray *order = NULL, *skipped = NULL;

  if (saved == NULL || saved[0] == '\0')
    return;

  /* A route that does not parse is ignored: the built-in one still works. */
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, saved, -1, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  if (json_object_has_member (object, "order") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "order")))
    order = json_object_get_array_member (object, "order");
  if (json_object_has_member (object, "skipped") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "skipped")))
    skipped = json_object_get_array_member (object, "skipped");

  apply_saved (stops, order, skipped);
}

static guint
count_active (McRoute *self)
{
  guint n = 0;

  for (guint i = 0; i < self->stops->len; i++)
    if (!((McRouteStop *) g_ptr_array_index (self->stops, i))->skipped)
      n++;
  return n;
}

static guint
active_position (McRoute *self)
{
  guint n = 0;

  for (guint i = 0; i <= self->current && i < self->stops->len; i++)
    if (!((McRouteStop *) g_ptr_array_index (self->stops, i))->skipped)
      n++;
  return MAX (n, 1);
}

/* Announces what moved: current, position, count, and the stops if asked. */
static void
notify_all (McRoute  *self,
            guint     old_current,
            guint     old_position,
            guint     old_count,
            gboolean  stops_changed)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->current != old_current)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
  if (active_position (self) != old_position)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  if (count_active (self) != old_count)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
  g_object_thaw_notify (G_OBJECT (self));
  if (stops_changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
rebuild (McRoute *self)
{
  g_autofree char *current_key = NULL;
  guint old_current = self->current;
  guint old_position = 0, old_count = 0;
  GPtrArray *stops;

  if (self->stops != NULL && self->current < self->stops->len)
    {
      current_key = g_strdup (((McRouteStop *) g_ptr_array_index (self->stops,
                                                                   self->current))->key);
      old_position = active_position (self);
      old_count = count_active (self);
    }

  stops = build_default_stops (self);
  read_saved (self, stops);
  g_clear_pointer (&self->stops, g_ptr_array_unref);
  self->stops = stops;

  self->current = 0;
  if (current_key != NULL)
    {
      int index = mc_route_find_stop (self, current_key);

      if (index >= 0)
        self->current = (guint) index;
    }

  notify_all (self, old_current, old_position, old_count, TRUE);
}

static void
on_board_changed (McBoard       *board,
                  McChangeFlags  flags,
                  GStrv          note_ids,
                  gpointer       user_data)
{
  McRoute *self = user_data;

  /* Figures, language, title and the saved route are all it depends on. */
  if (flags & (MC_CHANGE_FIGURES | MC_CHANGE_META))
    rebuild (self);
}

/* GObject */

static void
mc_route_dispose (GObject *object)
{
  McRoute *self = MC_ROUTE (object);

  if (self->board != NULL)
    g_clear_signal_handler (&self->changed_handler, self->board);
  g_clear_object (&self->board);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (mc_route_parent_class)->dispose (object);
}

static void
mc_route_finalize (GObject *object)
{
  McRoute *self = MC_ROUTE (object);

  g_clear_pointer (&self->stops, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_route_parent_class)->finalize (object);
}

static void
mc_route_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  McRoute *self = MC_ROUTE (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      g_value_set_uint (value, self->current);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, mc_route_get_position (self));
      break;
    case PROP_COUNT:
      g_value_set_uint (value, mc_route_get_count (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_route_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  McRoute *self = MC_ROUTE (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      mc_route_set_current (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_route_class_init (McRouteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = mc_route_dispose;
  object_class->finalize = mc_route_finalize;
  object_class->get_property = mc_route_get_property;
  object_class->set_property = mc_route_set_property;

  properties[PROP_CURRENT] =
    g_param_spec_uint ("current", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 1, G_MAXUINT, 1, ro);
  properties[PROP_COUNT] = g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 1, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mc_route_init (McRoute *self)
{
}

McRoute *
mc_route_new (McBoard   *board,
              McCatalog *catalog)
{
  McRoute *self;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (MC_IS_CATALOG (catalog), NULL);

  self = g_object_new (MC_TYPE_ROUTE, NULL);
  self->board = g_object_ref (board);
  self->catalog = g_object_ref (catalog);
  self->stops = build_default_stops (self);
  read_saved (self, self->stops);
  self->changed_handler = g_signal_connect (board, "changed",
                                            G_CALLBACK (on_board_changed), self);
  return self;
}

McBoard *
mc_route_get_board (McRoute *self)
{
  g_return_val_if_fail (MC_IS_ROUTE (self), NULL);
  return self->board;
}

guint
mc_route_get_n_stops (McRoute *self)
{
  g_return_val_if_fail (MC_IS_ROUTE (self), 0);
  return self->stops->len;
}

const McRouteStop *
mc_route_get_stop (McRoute *self,
                   guint    index)
{
  g_return_val_if_fail (MC_IS_ROUTE (self), NULL);
  g_return_val_if_fail (index < self->stops->len, NULL);
  return g_ptr_array_index (self->stops, index);
}

int
mc_route_find_stop (McRoute    *self,
                    const char *key)
{
  g_return_val_if_fail (MC_IS_ROUTE (self), -1);
  g_return_val_if_fail (key != NULL, -1);

  for (guint i = 0; i < self->stops->len; i++)
    if (strcmp (((McRouteStop *) g_ptr_array_index (self->stops, i))->key, key) == 0)
      return (int) i;
  return -1;
}

void
mc_route_set_join (McRoute  *self,
                   gboolean  join)
{
  g_return_if_fail (MC_IS_ROUTE (self));

  if (self->join == !!join)
    return;
  self->join = !!join;
  rebuild (self);
}

gboolean
mc_route_get_join (McRoute *self)
{
  g_return_val_if_fail (MC_IS_ROUTE (self), FALSE);
  return self->join;
}

/* Editing */

void
mc_route_move_stop (McRoute *self,
                    guint    from,
                    guint    to)
{
  guint old_current, old_position, old_count;
  McRouteStop *current;
  gpointer stop;

  g_return_if_fail (MC_IS_ROUTE (self));
  g_return_if_fail (from < self->stops->len);
  g_return_if_fail (to < self->stops->len);

  if (from == to)
    return;

  old_current = self->current;
  old_position = active_position (self);
  old_count = count_active (self);
  current = g_ptr_array_index (self->stops, self->current);

  stop = g_ptr_array_steal_index (self->stops, from);
  g_ptr_array_insert (self->stops, (int) to, stop);
  for (guint i = 0; i < self->stops->len; i++)
    if (g_ptr_array_index (self->stops, i) == current)
      self->current = i;

  notify_all (self, old_current, old_position, old_count, TRUE);
}

void
mc_route_set_skipped (McRoute  *self,
                      guint     index,
                      gboolean  skipped)
{
  guint old_position, old_count;
  McRouteStop *stop;

  g_return_if_fail (MC_IS_ROUTE (self));
  g_return_if_fail (index < self->stops->len);

  stop = g_ptr_array_index (self->stops, index);
  if (stop->skipped == !!skipped)
    return;

  old_position = active_position (self);
  old_count = count_active (self);
  stop->skipped = !!skipped;
  notify_all (self, self->current, old_position, old_count, TRUE);
}

void
mc_route_reset_order (McRoute *self)
{
  g_autofree char *current_key = NULL;
  guint old_current, old_position, old_count;
  int index;

  g_return_if_fail (MC_IS_ROUTE (self));

  old_current = self->current;
  old_position = active_position (self);
  old_count = count_active (self);
  current_key = g_strdup (((McRouteStop *) g_ptr_array_index (self->stops, self->current))->key);

  g_ptr_array_unref (self->stops);
  self->stops = build_default_stops (self);
  index = mc_route_find_stop (self, current_key);
  self->current = index >= 0 ? (guint) index : 0;

  notify_all (self, old_current, old_position, old_count, TRUE);
}

/* Navigation */

guint
mc_route_get_current (McRoute *self)
{
  g_return_val_if_fail (MC_IS_ROUTE (self), 0);
  return self->current;
}

const McRouteStop *
mc_route_get_current_stop (McRoute *self)
{
  g_return_val_if_fail (MC_IS_ROUTE (self), NULL);
  return g_ptr_array_index (self->stops, self->current);
}

void
mc_route_set_current (McRoute *self,
                      guint    index)
{
  guint old_current, old_position, old_count;

  g_return_if_fail (MC_IS_ROUTE (self));
  g_return_if_fail (index < self->stops->len);

  if (index == self->current)
    return;

  old_current = self->current;
  old_position = active_position (self);
  old_count = count_active (self);
  self->current = index;
  notify_all (self, old_current, old_position, old_count, FALSE);
}

static gboolean
step (McRoute  *self,
      gboolean  forward)
{
  g_return_val_if_fail (MC_IS_ROUTE (self), FALSE);

  for (guint i = self->current; forward ? i + 1 < self->stops->len : i > 0; )
    {
      McRouteStop *stop;

      i = forward ? i + 1 : i - 1;
      stop = g_ptr_array_index (self->stops, i);
      if (!stop->skipped)
        {
          mc_route_set_current (self, i);
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
mc_route_next (McRoute *self)
{
  return step (self, TRUE);
}

gboolean
mc_route_previous (McRoute *self)
{
  return step (self, FALSE);
}

guint
mc_route_get_position (McRoute *self)
{
  g_return_val_if_fail (MC_IS_ROUTE (self), 1);
  return active_position (self);
}

guint
mc_route_get_count (McRoute *self)
{
  g_return_val_if_fail (MC_IS_ROUTE (self), 0);
  return count_active (self);
}

char *
mc_route_format_position (McRoute *self)
{
  g_return_val_if_fail (MC_IS_ROUTE (self), NULL);

  /* TRANSLATORS: the presentation's stop indicator, e.g. "4 / 17". */
  return g_strdup_printf (_("%u / %u"), active_position (self), count_active (self));
}

/* Persistence */

static gboolean
is_default (McRoute *self)
{
  g_autoptr(GPtrArray) defaults = build_default_stops (self);

  if (defaults->len != self->stops->len)
    return FALSE;
  for (guint i = 0; i < defaults->len; i++)
    {
      McRouteStop *a = g_ptr_array_index (defaults, i);
      McRouteStop *b = g_ptr_array_index (self->stops, i);

      if (b->skipped || strcmp (a->key, b->key) != 0)
        return FALSE;
    }
  return TRUE;
}

char *
mc_route_to_string (McRoute *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (MC_IS_ROUTE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "order");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->stops->len; i++)
    json_builder_add_string_value (builder,
                                   ((McRouteStop *) g_ptr_array_index (self->stops, i))->key);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "skipped");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->stops->len; i++)
    {
      McRouteStop *stop = g_ptr_array_index (self->stops, i);

      if (stop->skipped)
        json_builder_add_string_value (builder, stop->key);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

McCommand *
mc_route_save_command (McRoute *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (MC_IS_ROUTE (self), NULL);

  /* The built-in route needs no record: the board file stays as it was. */
  if (!is_default (self))
    value = mc_route_to_string (self);
  return mc_command_set_meta (self->board, MC_META_ROUTE, value);
}
