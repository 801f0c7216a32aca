/* mc-board-decode.c — JSON → board: the file's tree, after the migrations
 * table has brought it up to MC_BOARD_FORMAT_VERSION, decoded and
 * validated in one lean pass that keeps the members it does not know.
 * Nothing is returned unless all of it is valid.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mc-board-decoder-private.h"
#include "mc-board-io-private.h"
#include "mc-board-private.h"

#define FORMAT_NAME "missiecanvas"

/* Migrations: one entry per step n → n + 1. None yet: version 1 is the
 * first. The sentinel keeps the array non-empty for ISO C. */
static const McBoardMigration builtin_migrations[] = {
  { -1, NULL },
};

static const McBoardMigration *migrations = builtin_migrations;
static guint n_migrations = 0;

void
_mc_board_io_set_migrations_for_test (const McBoardMigration *table,
                                      guint                   n_table)
{
  migrations = table != NULL ? table : builtin_migrations;
  n_migrations = table != NULL ? n_table : 0;
}

/* Figures, notes and clusters */

static const char * const figure_members[] = { "id", "kind", "x", "y", "scale", NULL };
static const char * const note_members[] = {
  "id", "text", "color", "figure", "region", "reach", "x", "y", "width", "height",
  "author", "created", "modified", "votes", "conflict", "phase", NULL
};
static const char * const cluster_members[] = { "id", "label", "color", "notes", NULL };

typedef struct
{
  const char *kind;
  double      x;
  double      y;
  double      scale;
} FigureMembers;

static gboolean
read_figure_member (McDecoder  *dec,
                    const char *name,
                    JsonNode   *member,
                    const char *parent,
                    int         index,
                    gpointer    data,
                    gboolean   *known)
{
  FigureMembers *m = data;

  if (strcmp (name, "kind") == 0)
    {
      const char *str;

      if (!_mc_decoder_read_string (dec, member, parent, index, "kind", MC_BOARD_MAX_ID_LENGTH,
                                    &str))
        return FALSE;
      m->kind = _mc_figure_intern_kind (str);
      if (m->kind == NULL)
        return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, "kind",
                                          _("a figure kind (cimo, context, perspectives, scale-levels, "
                                            "boundary-crossing, doorwerking, value-creation, coherence "
                                            "or potential-value)"),
                                          member);
      return TRUE;
    }
  if (strcmp (name, "x") == 0)
    return _mc_decoder_read_coordinate (dec, member, parent, index, "x", &m->x);
  if (strcmp (name, "y") == 0)
    return _mc_decoder_read_coordinate (dec, member, parent, index, "y", &m->y);
  if (strcmp (name, "scale") == 0)
    return _mc_decoder_read_size (dec, member, parent, index, "scale", MC_BOARD_MAX_SCALE,
                                  &m->scale);

  *known = FALSE;
  return TRUE;
}

static gboolean
decode_figure (McDecoder *dec,
               JsonNode  *node,
               int        index)
{
  static const char *parent = "board.figures";
  g_autoptr(JsonObject) extra = NULL;
  FigureMembers m = { NULL, 0, 0, 1.0 };
  const char *id;
  McFigure *figure;

  if (!_mc_decoder_decode_object (dec, node, parent, index, figure_members, read_figure_member, &m,
                                  &id, &extra))
    return FALSE;
  if (m.kind == NULL)
    return _mc_decoder_fail (dec, MC_BOARD_ERROR_INVALID, parent, index, "kind",
                             _("expected a figure kind, but the member is missing"));
  if (mc_board_get_figure (dec->board, id) != NULL)
    return _mc_decoder_fail (dec, MC_BOARD_ERROR_DUPLICATE_ID, parent, index, "id",
                             _("the id “%s” is used by an earlier figure"), id);

  figure = _mc_figure_new_bare (g_strdup (id), m.kind);
  figure->x = m.x;
  figure->y = m.y;
  figure->scale = m.scale;
  figure->extra = g_steal_pointer (&extra);
  _mc_board_take_figure (dec->board, figure);

  return TRUE;
}

typedef struct
{
  const char *text;
  const char *color;
  const char *author;
  const char *figure_id;
  const char *region_id;
  const char *reach;       /* as written; unknown names are dropped */
  McRect      rect;
  gint64      created;
  gint64      modified;
  guint       votes;
  McPhase     phase;
  gboolean    has_x;
  gboolean    has_y;
  gboolean    has_created;
  gboolean    has_modified;
  gboolean    has_phase;
  gboolean    conflict;
} NoteMembers;

/* A string member that may also be null (absent). */

static gboolean
read_note_member (McDecoder  *dec,
                  const char *name,
                  JsonNode   *member,
                  const char *parent,
                  int         index,
                  gpointer    data,
                  gboolean   *known)
{
  NoteMembers *m = data;

  if (strcmp (name, "text") == 0)
    return _mc_decoder_read_string (dec, member, parent, index, "text", MC_BOARD_MAX_TEXT_LENGTH,
                                    &m->text);
  if (strcmp (name, "color") == 0)
    return _mc_decoder_read_color (dec, member, parent, index, &m->color);
  if (strcmp (name, "figure") == 0)
    {
      m->figure_id = NULL;
      return JSON_NODE_HOLDS_NULL (member) || _mc_decoder_read_id (dec, member, parent, index,
                                                                   &m->figure_id);
    }
  if (strcmp (name, "region") == 0)
    {
      if (!_mc_decoder_read_optional_string (dec, member, parent, index, "region",
                                             MC_BOARD_MAX_ID_LENGTH,
                                             &m->region_id))
        return FALSE;
      if (m->region_id != NULL && m->region_id[0] == '\0')
        return _mc_decoder_fail (dec, MC_BOARD_ERROR_INVALID, parent, index, "region",
                                 _("expected a region id, got an empty string"));
      return TRUE;
    }
  /* A reach this version does not name is derived again from the
   * note's place, as when there is none. */
  if (strcmp (name, "reach") == 0)
    return _mc_decoder_read_optional_string (dec, member, parent, index, "reach",
                                             MC_BOARD_MAX_ID_LENGTH, &m->reach);
  if (strcmp (name, "x") == 0)
    return (m->has_x = _mc_decoder_read_coordinate (dec, member, parent, index, "x", &m->rect.x));
  if (strcmp (name, "y") == 0)
    return (m->has_y = _mc_decoder_read_coordinate (dec, member, parent, index, "y", &m->rect.y));
  if (strcmp (name, "width") == 0)
    return _mc_decoder_read_size (dec, member, parent, index, "width", MC_BOARD_MAX_COORDINATE,
                                  &m->rect.width);
  if (strcmp (name, "height") == 0)
    return _mc_decoder_read_size (dec, member, parent, index, "height", MC_BOARD_MAX_COORDINATE,
                                  &m->rect.height);
  if (strcmp (name, "author") == 0)
    return _mc_decoder_read_optional_string (dec, member, parent, index, "author",
                                             MC_BOARD_MAX_TEXT_LENGTH,
                                             &m->author);
  if (strcmp (name, "created") == 0)
    return (m->has_created = _mc_decoder_read_time (dec, member, parent, index, "created",
                                                    &m->created));
  if (strcmp (name, "modified") == 0)
    return (m->has_modified = _mc_decoder_read_time (dec, member, parent, index, "modified",
                                                     &m->modified));
  if (strcmp (name, "votes") == 0)
    {
      double v;

      if (!_mc_decoder_get_number (member, &v) || v != floor (v) || v < 0 || v > MC_BOARD_MAX_VOTES)
        return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, "votes",
                                          _("a whole number from 0 to 10000"), member);
      m->votes = (guint) v;
      return TRUE;
    }
  if (strcmp (name, "conflict") == 0)
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN)
        return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, "conflict",
                                          _("true or false"), member);
      m->conflict = json_node_get_boolean (member);
      return TRUE;
    }
  if (strcmp (name, "phase") == 0)
    return (m->has_phase = _mc_decoder_read_phase (dec, member, parent, index, &m->phase));

  *known = FALSE;
  return TRUE;
}

static gboolean
decode_note (McDecoder *dec,
             JsonNode  *node,
             int        index,
             gint64     now)
{
  static const char *parent = "board.notes";
  g_autoptr(JsonObject) extra = NULL;
  NoteMembers m = {
    .text = "",
    .color = mc_note_colors[0],
    .rect = { 0, 0, MC_NOTE_DEFAULT_WIDTH, MC_NOTE_DEFAULT_HEIGHT },
    .created = now,
    .modified = now,
    .phase = MC_PHASE_START,
  };
  const char *id;
  McNote *note;

  if (!_mc_decoder_decode_object (dec, node, parent, index, note_members, read_note_member, &m,
                                  &id, &extra))
    return FALSE;
  if (m.has_x != m.has_y)
    return _mc_decoder_fail (dec, MC_BOARD_ERROR_INVALID, parent, index, m.has_x ? "y" : "x",
                             _("expected both x and y, or neither"));
  if ((m.figure_id == NULL) != (m.region_id == NULL))
    return _mc_decoder_fail (dec, MC_BOARD_ERROR_INVALID, parent, index,
                             m.figure_id != NULL ? "region" : "figure",
                             _("expected both figure and region, or neither"));
  if (mc_board_get_note (dec->board, id) != NULL)
    return _mc_decoder_fail (dec, MC_BOARD_ERROR_DUPLICATE_ID, parent, index, "id",
                             _("the id “%s” is used by an earlier note"), id);
  if (!m.has_modified)
    m.modified = m.has_created ? m.created : now;

  note = _mc_note_new_bare (g_strdup (id));
  _mc_set_str (&note->text, m.text);
  note->color = m.color;
  note->author = m.author != NULL && m.author[0] != '\0' ? g_strdup (m.author) : NULL;
  note->rect = m.rect;
  note->has_position = m.has_x;
  note->created = m.created;
  note->modified = m.modified;
  note->votes = m.votes;
  note->conflict = m.conflict;
  note->has_phase = m.has_phase;
  note->phase = m.phase;
  note->extra = g_steal_pointer (&extra);

  /* Never lose a note: one whose figure is gone becomes a free note. */
  if (m.figure_id != NULL && mc_board_get_figure (dec->board, m.figure_id) == NULL)
    {
      g_autofree char *warning = NULL;
      g_autofree char *excerpt = g_utf8_substring (m.text, 0, MIN (g_utf8_strlen (m.text, -1), 40));

      warning = g_strdup_printf (_("Note “%s” was on figure “%s”, which is not on the board; "
                                   "it is now a free note."), excerpt, m.figure_id);
      _mc_board_add_load_warning (dec->board, warning);
      m.figure_id = m.region_id = NULL;
    }
  note->figure_id = g_strdup (m.figure_id);
  note->region_id = g_strdup (m.region_id);
  note->reach = m.figure_id != NULL ? _mc_note_intern_reach (m.reach) : NULL;

  _mc_board_take_note (dec->board, note);
  return TRUE;
}

typedef struct
{
  const char *label;
  const char *color;
  JsonArray  *notes;
} ClusterMembers;

static gboolean
read_cluster_member (McDecoder  *dec,
                     const char *name,
                     JsonNode   *member,
                     const char *parent,
                     int         index,
                     gpointer    data,
                     gboolean   *known)
{
  ClusterMembers *m = data;

  if (strcmp (name, "label") == 0)
    return _mc_decoder_read_string (dec, member, parent, index, "label",
                                    MC_CLUSTER_MAX_LABEL_LENGTH,
                                    &m->label);
  if (strcmp (name, "color") == 0)
    return _mc_decoder_read_color (dec, member, parent, index, &m->color);
  if (strcmp (name, "notes") == 0)
    return _mc_decoder_read_array (dec, member, parent, index, "notes", &m->notes);

  *known = FALSE;
  return TRUE;
}

static gboolean
decode_cluster (McDecoder    *dec,
                JsonNode   *node,
                int         index,
                GHashTable *seen,       /* cluster ids so far, filled here */
                GHashTable *clustered)  /* note ids so far, filled here */
{
  static const char *parent = "board.clusters";
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(GPtrArray) note_ids = g_ptr_array_new ();
  ClusterMembers m = { "", mc_note_colors[0], NULL };
  const char *id;
  guint dropped = 0;
  McCluster *cluster;

  if (!_mc_decoder_decode_object (dec, node, parent, index, cluster_members, read_cluster_member,
                                  &m,
                                  &id, &extra))
    return FALSE;
  if (g_hash_table_contains (seen, id))
    return _mc_decoder_fail (dec, MC_BOARD_ERROR_DUPLICATE_ID, parent, index, "id",
                             _("the id “%s” is used by an earlier cluster"), id);
  g_hash_table_add (seen, g_strdup (id));

  for (guint i = 0; m.notes != NULL && i < json_array_get_length (m.notes); i++)
    {
      JsonNode *element = json_array_get_element (m.notes, i);
      g_autofree char *element_parent = _mc_decoder_format_path (parent, index, "notes");
      const char *note_id;

      if (!_mc_decoder_read_id (dec, element, element_parent, (int) i, &note_id))
        return FALSE;
      /* A cluster names notes; one that is gone, or already in another
       * cluster, is simply no longer grouped here. */
      if (mc_board_get_note (dec->board, note_id) == NULL ||
          g_hash_table_contains (clustered, note_id))
        {
          dropped++;
          continue;
        }
      g_hash_table_add (clustered, g_strdup (note_id));
      g_ptr_array_add (note_ids, (gpointer) note_id);
    }
  g_ptr_array_add (note_ids, NULL);

  if (dropped > 0)
    {
      g_autofree char *warning = NULL;

      warning = g_strdup_printf (ngettext ("Cluster “%s” named a note that is not on the board "
                                           "or already in another cluster; it was left out.",
                                           "Cluster “%s” named %u notes that are not on the board "
                                           "or already in another cluster; they were left out.",
                                           dropped),
                                 m.label, dropped);
      _mc_board_add_load_warning (dec->board, warning);
    }
  if (note_ids->len == 1)
    {
      g_autofree char *warning = NULL;

      warning = g_strdup_printf (_("Cluster “%s” has no notes on the board; it was removed."),
                                 m.label);
      _mc_board_add_load_warning (dec->board, warning);
      return TRUE;
    }

  cluster = _mc_cluster_new_bare (g_strdup (id));
  mc_cluster_set_label (cluster, m.label);
  mc_cluster_set_color (cluster, m.color);
  mc_cluster_set_note_ids (cluster, (const char * const *) note_ids->pdata);
  cluster->extra = g_steal_pointer (&extra);
  _mc_board_take_cluster (dec->board, cluster);
  return TRUE;
}

/* The board object */

static gboolean
decode_meta (McDecoder *dec,
             JsonNode  *node)
{
  GHashTable *meta = _mc_board_get_meta_table (dec->board);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, "board", -1, "meta",
                                      _("an object"), node);

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      const char *value;

      if (!_mc_decoder_read_string (dec, member, "board.meta", -1, name, MC_BOARD_MAX_TEXT_LENGTH,
                                    &value))
        return FALSE;
      if (strcmp (name, MC_META_DATE) == 0 && value[0] != '\0' && !mc_time_is_iso_date (value))
        return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, "board.meta", -1, name,
                                          _("an ISO 8601 date such as “2026-11-22”"), member);
      g_hash_table_replace (meta, g_strdup (name), g_strdup (value));
    }

  return TRUE;
}

static gboolean
decode_board (McDecoder *dec,
              JsonNode  *node)
{
  g_autoptr(JsonObject) extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  JsonNode *figures = NULL;
  JsonNode *notes = NULL;
  JsonNode *clusters = NULL;
  gint64 now = _mc_note_now ();

  if (node == NULL)
    return _mc_decoder_fail (dec, MC_BOARD_ERROR_INVALID, "", -1, "board",
                             _("expected an object, but the member is missing"));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, "", -1, "board", _("an object"),
                                      node);

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (strcmp (name, "title") == 0)
        {
          const char *title;

          if (!_mc_decoder_read_string (dec, member, "board", -1, "title",
                                        MC_BOARD_MAX_TEXT_LENGTH, &title))
            return FALSE;
          _mc_board_update_title (dec->board, title);
        }
      else if (strcmp (name, "language") == 0)
        {
          const char *str;
          McLanguage language;

          if (!_mc_decoder_read_string (dec, member, "board", -1, "language",
                                        MC_BOARD_MAX_ID_LENGTH, &str))
            return FALSE;
          if (!mc_language_from_string (str, &language))
            return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, "board", -1, "language",
                                              _("“nl” or “en”"), member);
          _mc_board_update_language (dec->board, language);
        }
      else if (strcmp (name, "phase") == 0)
        {
          McPhase phase;

          if (!_mc_decoder_read_phase (dec, member, "board", -1, &phase))
            return FALSE;
          _mc_board_update_phase (dec->board, phase);
        }
      else if (strcmp (name, "meta") == 0)
        {
          if (!decode_meta (dec, member))
            return FALSE;
        }
      else if (strcmp (name, "figures") == 0)
        figures = member;
      else if (strcmp (name, "notes") == 0)
        notes = member;
      else if (strcmp (name, "clusters") == 0)
        clusters = member;
      else
        _mc_decoder_keep_unknown (&extra, name, member);
    }

  /* Figures before notes: anchors are checked against them. */
  if (figures != NULL)
    {
      JsonArray *array = NULL;
      guint n;

      if (!_mc_decoder_read_array (dec, figures, "board", -1, "figures", &array))
        return FALSE;
      n = json_array_get_length (array);
      if (n > MC_BOARD_MAX_FIGURES)
        return _mc_decoder_fail (dec, MC_BOARD_ERROR_TOO_LARGE, "board", -1, "figures",
                                 _("expected at most %d figures, got %u"), MC_BOARD_MAX_FIGURES, n);
      for (guint i = 0; i < n; i++)
        if (!decode_figure (dec, json_array_get_element (array, i), (int) i))
          return FALSE;
    }

  if (notes != NULL)
    {
      JsonArray *array = NULL;
      guint n;

      if (!_mc_decoder_read_array (dec, notes, "board", -1, "notes", &array))
        return FALSE;
      n = json_array_get_length (array);
      if (n > MC_BOARD_MAX_NOTES)
        return _mc_decoder_fail (dec, MC_BOARD_ERROR_TOO_LARGE, "board", -1, "notes",
                                 _("expected at most %d notes, got %u"), MC_BOARD_MAX_NOTES, n);
      for (guint i = 0; i < n; i++)
        if (!decode_note (dec, json_array_get_element (array, i), (int) i, now))
          return FALSE;
    }

  /* Clusters after notes: their members are checked against them. */
  if (clusters != NULL)
    {
      g_autoptr(GHashTable) clustered = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      JsonArray *array = NULL;
      guint n;

      if (!_mc_decoder_read_array (dec, clusters, "board", -1, "clusters", &array))
        return FALSE;
      n = json_array_get_length (array);
      if (n > MC_BOARD_MAX_NOTES)
        return _mc_decoder_fail (dec, MC_BOARD_ERROR_TOO_LARGE, "board", -1, "clusters",
                                 _("expected at most %d clusters, got %u"), MC_BOARD_MAX_NOTES, n);
      for (guint i = 0; i < n; i++)
        if (!decode_cluster (dec, json_array_get_element (array, i), (int) i, seen, clustered))
          return FALSE;
    }

  _mc_board_set_extra (dec->board, extra);
  return TRUE;
}

static gboolean
run_migrations (McDecoder  *dec,
                JsonObject *root,
                gint64      version)
{
  for (gint64 v = version; v < MC_BOARD_FORMAT_VERSION; v++)
    {
      const McBoardMigration *step = NULL;
      g_autoptr(GError) local_error = NULL;

      for (guint i = 0; i < n_migrations; i++)
        if (migrations[i].from_version == v)
          step = &migrations[i];

      if (step == NULL)
        return _mc_decoder_fail (dec, MC_BOARD_ERROR_INVALID, "", -1, "format_version",
                                 _("cannot read format version %lld: no migration to version %lld is known"),
                                 (long long) v, (long long) v + 1);

      if (!step->migrate (root, &local_error))
        return _mc_decoder_fail (dec, MC_BOARD_ERROR_INVALID, "", -1, "format_version",
                                 _("could not bring format version %lld up to date: %s"),
                                 (long long) v, local_error != NULL ? local_error->message : _("unknown error"));

      json_object_set_int_member (root, "format_version", v + 1);
    }

  return TRUE;
}

gboolean
_mc_board_decode_document (McDecoder        *dec,
                           JsonNode         *root,
                           McBoardLoadFlags  flags)
{
  g_autoptr(JsonObject) extra = NULL;
  JsonObject *object;
  JsonNode *format, *version_node;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gint64 version;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (dec->error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_A_BOARD,
                   _("%s: not a Missiecanvas board: expected an object with \"format\": \"missiecanvas\""),
                   dec->display_name);
      return FALSE;
    }

  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING ||
      strcmp (json_node_get_string (format), FORMAT_NAME) != 0)
    {
      if (format == NULL)
        g_set_error (dec->error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_A_BOARD,
                     _("%s: not a Missiecanvas board: the member \"format\" is missing"),
                     dec->display_name);
      else
        _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_NOT_A_BOARD, "", -1, "format",
                                   "“missiecanvas”", format);
      return FALSE;
    }

  version_node = json_object_get_member (object, "format_version");
  if (version_node == NULL)
    return _mc_decoder_fail (dec, MC_BOARD_ERROR_INVALID, "", -1, "format_version",
                             _("expected a whole number, but the member is missing"));
  if (!JSON_NODE_HOLDS_VALUE (version_node) ||
      json_node_get_value_type (version_node) != G_TYPE_INT64 ||
      json_node_get_int (version_node) < 0)
    return _mc_decoder_fail_expected (dec, MC_BOARD_ERROR_INVALID, "", -1, "format_version",
                                      _("a whole number"), version_node);

  version = json_node_get_int (version_node);
  if (version > MC_BOARD_FORMAT_VERSION)
    {
      if (!(flags & MC_BOARD_LOAD_ALLOW_NEWER))
        {
          g_set_error (dec->error, MC_BOARD_ERROR, MC_BOARD_ERROR_NEWER_VERSION,
                       _("%s: format_version: this board was saved by a newer Missiecanvas "
                         "(format version %lld; this version reads up to %d)"),
                       dec->display_name, (long long) version, MC_BOARD_FORMAT_VERSION);
          return FALSE;
        }
      mc_board_set_read_only (dec->board, TRUE);
      _mc_board_add_load_warning (dec->board,
                                  _("This board was saved by a newer version of Missiecanvas. "
                                    "It is open read-only."));
    }
  else if (version < MC_BOARD_FORMAT_VERSION && !run_migrations (dec, object, version))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (strcmp (name, "format") == 0 || strcmp (name, "format_version") == 0 ||
          strcmp (name, "board") == 0)
        continue;
      if (strcmp (name, "generator") == 0)
        {
          const char *generator;

          /* Rewritten on save; checked only so nonsense is not ignored. */
          if (!_mc_decoder_read_string (dec, member, "", -1, "generator", MC_BOARD_MAX_ID_LENGTH,
                                        &generator))
            return FALSE;
          continue;
        }
      _mc_decoder_keep_unknown (&extra, name, member);
    }

  if (!decode_board (dec, json_object_get_member (object, "board")))
    return FALSE;

  _mc_board_set_file_extra (dec->board, extra);
  return TRUE;
}
