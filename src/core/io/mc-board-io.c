/* mc-board-io.c — reading and writing *.missiecanvas files
 *
 * Reading: a cheap byte scan refuses absurd nesting before json-glib's
 * recursive parser sees the data; the migrations table brings older trees
 * up to MC_BOARD_FORMAT_VERSION; then one lean pass decodes and validates
 * every member, keeping the ones it does not know. Nothing is returned
 * unless all of it is valid.
 *
 * Writing: JSON is produced directly into one GString in a fixed member
 * order (unknown members after the known ones, in their original order), so
 * the same board always gives the same bytes.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mc-board-io-private.h"
#include "mc-board-private.h"

#define FORMAT_NAME      "missiecanvas"
#define MAX_ID_LENGTH    256
#define MAX_SCALE        1000.0
#define MAX_VOTES        10000
#define EXAMPLE_RESOURCE RESOURCE_PREFIX "/examples/example.missiecanvas"

G_DEFINE_QUARK (mc-board-error-quark, mc_board_error)

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

void
_mc_board_io_set_save_fault_for_test (McSaveFault fault)
{
  _mc_atomic_write_set_fault_for_test (fault);
}

/* Times: "YYYY-MM-DDTHH:MM:SSZ" both ways without GDateTime, which costs
 * allocations per call; other ISO 8601 forms go through GLib. */

static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static void
civil_from_days (gint64  z,
                 gint64 *y,
                 guint  *m,
                 guint  *d)
{
  gint64 era;
  guint doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (guint) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = (gint64) yoe + era * 400 + (*m <= 2);
}

static gboolean
parse_digits (const char *s,
              guint       n,
              guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (guint) (s[i] - '0');
    }

  *value = v;
  return TRUE;
}

static gboolean
parse_date_part (const char *s,
                 guint      *year,
                 guint      *month,
                 guint      *day)
{
  return parse_digits (s, 4, year) && s[4] == '-' &&
         parse_digits (s + 5, 2, month) && s[7] == '-' &&
         parse_digits (s + 8, 2, day) &&
         *year >= 1 && g_date_valid_dmy (*day, *month, *year);
}

static gboolean
parse_time (const char *str,
            gint64     *usec)
{
  guint year, month, day, hour, minute, second;
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (strlen (str) == 20 &&
      parse_date_part (str, &year, &month, &day) && str[10] == 'T' &&
      parse_digits (str + 11, 2, &hour) && str[13] == ':' &&
      parse_digits (str + 14, 2, &minute) && str[16] == ':' &&
      parse_digits (str + 17, 2, &second) && str[19] == 'Z')
    {
      if (hour > 23 || minute > 59 || second > 59)
        return FALSE;
      *usec = ((days_from_civil (year, month, day) * 24 + hour) * 60 + minute) * 60 + second;
      *usec *= G_USEC_PER_SEC;
      return TRUE;
    }

  /* Offsets and fractions are ISO 8601 too; seconds are what we keep. */
  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (str, utc);
  if (dt == NULL)
    return FALSE;

  *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC;
  return TRUE;
}

static gboolean
is_iso_date (const char *str)
{
  guint year, month, day;
  gint64 usec;

  if (strlen (str) == 10)
    return parse_date_part (str, &year, &month, &day);

  return parse_time (str, &usec);
}

static void
append_time (GString *out,
             gint64   usec)
{
  gint64 secs = usec / G_USEC_PER_SEC - (usec % G_USEC_PER_SEC < 0 ? 1 : 0);
  gint64 days = secs / 86400 - (secs % 86400 < 0 ? 1 : 0);
  gint64 rest = secs - days * 86400;
  gint64 year;
  guint month, day;

  civil_from_days (days, &year, &month, &day);
  g_string_append_printf (out, "\"%04" G_GINT64_FORMAT "-%02u-%02uT%02u:%02u:%02uZ\"",
                          year, month, day,
                          (guint) (rest / 3600), (guint) (rest / 60 % 60), (guint) (rest % 60));
}

/* Errors */

typedef struct
{
  const char *display_name;
  McBoard    *board;
  GError    **error;
} Decoder;

static char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("an array"));
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *str = json_node_get_string (node);
        glong len = g_utf8_strlen (str, -1);

        if (len > 40)
          {
            g_autofree char *start = g_utf8_substring (str, 0, 37);

            return g_strdup_printf (_("“%s…” (%ld characters)"), start, len);
          }
        return g_strdup_printf ("“%s”", str);
      }
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_formatd (buf, sizeof buf, "%g", json_node_get_double (node)));
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return g_strdup (_("an unknown value"));
    }
}

static char *
format_path (const char *parent,
             int         index,
             const char *member)
{
  GString *path = g_string_new (parent);

  if (index >= 0)
    g_string_append_printf (path, "[%d]", index);
  if (member != NULL)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, member);
    }

  return g_string_free (path, FALSE);
}

/* "example.missiecanvas: board.notes[3].width: expected …, got …" */
static gboolean G_GNUC_PRINTF (6, 7)
fail (Decoder     *dec,
      McBoardError code,
      const char  *parent,
      int          index,
      const char  *member,
      const char  *format,
      ...)
{
  g_autofree char *path = format_path (parent, index, member);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (dec->error, MC_BOARD_ERROR, code, "%s: %s: %s",
               dec->display_name, path, message);
  return FALSE;
}

static gboolean
fail_expected (Decoder     *dec,
               McBoardError code,
               const char  *parent,
               int          index,
               const char  *member,
               const char  *expected,
               JsonNode    *got)
{
  g_autofree char *described = describe_node (got);

  return fail (dec, code, parent, index, member,
               _("expected %s, got %s"), expected, described);
}

/* Typed member readers: each validates and reports with the path. */

static gboolean
read_string (Decoder     *dec,
             JsonNode    *node,
             const char  *parent,
             int          index,
             const char  *member,
             gsize        max_length,
             const char **out)
{
  const char *str;
  gsize len;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, member,
                          _("a string"), node);

  str = json_node_get_string (node);
  len = strlen (str);
  if (len > max_length)
    return fail (dec, MC_BOARD_ERROR_TOO_LARGE, parent, index, member,
                 _("expected at most %lu bytes, got %lu"),
                 (unsigned long) max_length, (unsigned long) len);
  if (!g_utf8_validate (str, len, NULL))
    return fail (dec, MC_BOARD_ERROR_INVALID, parent, index, member,
                 _("expected valid UTF-8 text"));

  *out = str;
  return TRUE;
}

/* Ids are what merge and undo rely on: a non-empty line of printable text. */
static gboolean
read_id (Decoder     *dec,
         JsonNode    *node,
         const char  *parent,
         int          index,
         const char **out)
{
  const char *id;

  if (!read_string (dec, node, parent, index, "id", MAX_ID_LENGTH, &id))
    return FALSE;

  if (id[0] == '\0')
    return fail (dec, MC_BOARD_ERROR_INVALID, parent, index, "id",
                 _("expected a non-empty id"));
  for (const char *p = id; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, "id",
                            _("an id without control characters"), node);

  *out = id;
  return TRUE;
}

static gboolean
get_number (JsonNode *node,
            double   *out)
{
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *out = (double) json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      *out = json_node_get_double (node);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
read_coordinate (Decoder    *dec,
                 JsonNode   *node,
                 const char *parent,
                 int         index,
                 const char *member,
                 double     *out)
{
  double v;

  if (!get_number (node, &v) || !isfinite (v) || fabs (v) > MC_BOARD_MAX_COORDINATE)
    return fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, member,
                          _("a number between -10000000 and 10000000"), node);

  *out = v;
  return TRUE;
}

static gboolean
read_size (Decoder    *dec,
           JsonNode   *node,
           const char *parent,
           int         index,
           const char *member,
           double      max,
           double     *out)
{
  double v;

  if (!get_number (node, &v) || !isfinite (v) || v <= 0 || v > max)
    {
      g_autofree char *expected = NULL;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      expected = g_strdup_printf (_("a positive number up to %s"),
                                  g_ascii_formatd (buf, sizeof buf, "%g", max));
      return fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, member,
                            expected, node);
    }

  *out = v;
  return TRUE;
}

static gboolean
read_time (Decoder    *dec,
           JsonNode   *node,
           const char *parent,
           int         index,
           const char *member,
           gint64     *out)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !parse_time (json_node_get_string (node), out))
    return fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, member,
                          _("an ISO 8601 time such as “2026-11-22T10:05:00Z”"), node);
  return TRUE;
}

static gboolean
is_null (JsonNode *node)
{
  return JSON_NODE_HOLDS_NULL (node);
}

static gboolean
read_color (Decoder     *dec,
            JsonNode    *node,
            const char  *parent,
            int          index,
            const char **out)
{
  const char *str;

  if (!read_string (dec, node, parent, index, "color", MAX_ID_LENGTH, &str))
    return FALSE;
  *out = _mc_note_intern_color (str);
  if (*out == NULL)
    return fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, "color",
                          _("a note colour (yellow, orange, pink, purple, blue or green)"),
                          node);
  return TRUE;
}

static gboolean
read_phase (Decoder    *dec,
            JsonNode   *node,
            const char *parent,
            int         index,
            McPhase    *out)
{
  const char *str;

  if (!read_string (dec, node, parent, index, "phase", MAX_ID_LENGTH, &str))
    return FALSE;
  if (!mc_phase_from_string (str, out))
    return fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, "phase",
                          _("“start”, “monitor” or “evaluate”"), node);
  return TRUE;
}

static gboolean
read_array (Decoder     *dec,
            JsonNode    *node,
            const char  *parent,
            int          index,
            const char  *member,
            JsonArray  **out)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, member,
                          _("an array"), node);
  *out = json_node_get_array (node);
  return TRUE;
}

/* json_node_copy() shares objects and arrays with the parser's tree; the
 * board must own its copy outright so the tree can be freed on another
 * thread (see release_parser). Depth is bounded by check_structure. */
static JsonNode *
deep_copy_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *copy = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        JsonNode *result;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          json_object_set_member (copy, name, deep_copy_node (member));
        result = json_node_init_object (json_node_alloc (), copy);
        json_object_unref (copy);
        return result;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        JsonArray *copy = json_array_sized_new (n);
        JsonNode *result;

        for (guint i = 0; i < n; i++)
          json_array_add_element (copy, deep_copy_node (json_array_get_element (array, i)));
        result = json_node_init_array (json_node_alloc (), copy);
        json_array_unref (copy);
        return result;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

/* Keeps a member this build does not know, for writing back. */
static void
keep_unknown (JsonObject **extra,
              const char  *name,
              JsonNode    *node)
{
  if (*extra == NULL)
    *extra = json_object_new ();
  json_object_set_member (*extra, name, deep_copy_node (node));
}

/* Keeps, in their original order, the members of object not in known.
 * Only called when the unordered pass met an unknown member: the ordered
 * iterator costs a hash lookup per member, too much for every note. */
static JsonObject *
collect_unknown (JsonObject         *object,
                 const char * const *known)
{
  JsonObject *extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    if (!g_strv_contains (known, name))
      keep_unknown (&extra, name, node);

  return extra;
}

/* Figures, notes and clusters */

static const char * const figure_members[] = { "id", "kind", "x", "y", "scale", NULL };
static const char * const note_members[] = {
  "id", "text", "color", "figure", "region", "x", "y", "width", "height",
  "author", "created", "modified", "votes", "conflict", "phase", NULL
};
static const char * const cluster_members[] = { "id", "label", "color", "notes", NULL };

/* Reads the member name (not "id") of one object into members; sets *known
 * to FALSE, and returns TRUE, for a member it does not know. */
typedef gboolean (*ReadMemberFunc) (Decoder    *dec,
                                    const char *name,
                                    JsonNode   *member,
                                    const char *parent,
                                    int         index,
                                    gpointer    members,
                                    gboolean   *known);

/* What figures, notes and clusters have in common: an object with an id
 * anywhere among its members, the others read by read_member, and the ones
 * this build does not know kept in *extra, in their original order. */
static gboolean
decode_object (Decoder             *dec,
               JsonNode            *node,
               const char          *parent,
               int                  index,
               const char * const  *known_members,
               ReadMemberFunc       read_member,
               gpointer             members,
               const char         **id,
               JsonObject         **extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean has_unknown = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, NULL,
                          _("an object"), node);

  *id = NULL;
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &member))
    {
      gboolean known = TRUE;

      if (strcmp (name, "id") == 0)
        {
          if (!read_id (dec, member, parent, index, id))
            return FALSE;
        }
      else if (!read_member (dec, name, member, parent, index, members, &known))
        return FALSE;
      has_unknown |= !known;
    }

  if (has_unknown)
    *extra = collect_unknown (json_node_get_object (node), known_members);

  if (*id == NULL)
    return fail (dec, MC_BOARD_ERROR_INVALID, parent, index, "id",
                 _("expected an id, but the member is missing"));
  return TRUE;
}

typedef struct
{
  const char *kind;
  double      x;
  double      y;
  double      scale;
} FigureMembers;

static gboolean
read_figure_member (Decoder    *dec,
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

      if (!read_string (dec, member, parent, index, "kind", MAX_ID_LENGTH, &str))
        return FALSE;
      m->kind = _mc_figure_intern_kind (str);
      if (m->kind == NULL)
        return fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, "kind",
                              _("a figure kind (cimo, context, perspectives, scale-levels, "
                                "boundary-crossing, doorwerking, value-creation, coherence "
                                "or potential-value)"),
                              member);
      return TRUE;
    }
  if (strcmp (name, "x") == 0)
    return read_coordinate (dec, member, parent, index, "x", &m->x);
  if (strcmp (name, "y") == 0)
    return read_coordinate (dec, member, parent, index, "y", &m->y);
  if (strcmp (name, "scale") == 0)
    return read_size (dec, member, parent, index, "scale", MAX_SCALE, &m->scale);

  *known = FALSE;
  return TRUE;
}

static gboolean
decode_figure (Decoder  *dec,
               JsonNode *node,
               int       index)
{
  static const char *parent = "board.figures";
  g_autoptr(JsonObject) extra = NULL;
  FigureMembers m = { NULL, 0, 0, 1.0 };
  const char *id;
  McFigure *figure;

  if (!decode_object (dec, node, parent, index, figure_members, read_figure_member, &m,
                      &id, &extra))
    return FALSE;
  if (m.kind == NULL)
    return fail (dec, MC_BOARD_ERROR_INVALID, parent, index, "kind",
                 _("expected a figure kind, but the member is missing"));
  if (mc_board_get_figure (dec->board, id) != NULL)
    return fail (dec, MC_BOARD_ERROR_DUPLICATE_ID, parent, index, "id",
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
read_optional_string (Decoder     *dec,
                      JsonNode    *member,
                      const char  *parent,
                      int          index,
                      const char  *name,
                      gsize        max_length,
                      const char **out)
{
  if (is_null (member))
    {
      *out = NULL;
      return TRUE;
    }
  return read_string (dec, member, parent, index, name, max_length, out);
}

static gboolean
read_note_member (Decoder    *dec,
                  const char *name,
                  JsonNode   *member,
                  const char *parent,
                  int         index,
                  gpointer    data,
                  gboolean   *known)
{
  NoteMembers *m = data;

  if (strcmp (name, "text") == 0)
    return read_string (dec, member, parent, index, "text", MC_BOARD_MAX_TEXT_LENGTH, &m->text);
  if (strcmp (name, "color") == 0)
    return read_color (dec, member, parent, index, &m->color);
  if (strcmp (name, "figure") == 0)
    {
      m->figure_id = NULL;
      return is_null (member) || read_id (dec, member, parent, index, &m->figure_id);
    }
  if (strcmp (name, "region") == 0)
    {
      if (!read_optional_string (dec, member, parent, index, "region", MAX_ID_LENGTH,
                                 &m->region_id))
        return FALSE;
      if (m->region_id != NULL && m->region_id[0] == '\0')
        return fail (dec, MC_BOARD_ERROR_INVALID, parent, index, "region",
                     _("expected a region id, got an empty string"));
      return TRUE;
    }
  if (strcmp (name, "x") == 0)
    return (m->has_x = read_coordinate (dec, member, parent, index, "x", &m->rect.x));
  if (strcmp (name, "y") == 0)
    return (m->has_y = read_coordinate (dec, member, parent, index, "y", &m->rect.y));
  if (strcmp (name, "width") == 0)
    return read_size (dec, member, parent, index, "width", MC_BOARD_MAX_COORDINATE,
                      &m->rect.width);
  if (strcmp (name, "height") == 0)
    return read_size (dec, member, parent, index, "height", MC_BOARD_MAX_COORDINATE,
                      &m->rect.height);
  if (strcmp (name, "author") == 0)
    return read_optional_string (dec, member, parent, index, "author", MC_BOARD_MAX_TEXT_LENGTH,
                                 &m->author);
  if (strcmp (name, "created") == 0)
    return (m->has_created = read_time (dec, member, parent, index, "created", &m->created));
  if (strcmp (name, "modified") == 0)
    return (m->has_modified = read_time (dec, member, parent, index, "modified", &m->modified));
  if (strcmp (name, "votes") == 0)
    {
      double v;

      if (!get_number (member, &v) || v != floor (v) || v < 0 || v > MAX_VOTES)
        return fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, "votes",
                              _("a whole number from 0 to 10000"), member);
      m->votes = (guint) v;
      return TRUE;
    }
  if (strcmp (name, "conflict") == 0)
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN)
        return fail_expected (dec, MC_BOARD_ERROR_INVALID, parent, index, "conflict",
                              _("true or false"), member);
      m->conflict = json_node_get_boolean (member);
      return TRUE;
    }
  if (strcmp (name, "phase") == 0)
    return (m->has_phase = read_phase (dec, member, parent, index, &m->phase));

  *known = FALSE;
  return TRUE;
}

static gboolean
decode_note (Decoder  *dec,
             JsonNode *node,
             int       index,
             gint64    now)
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

  if (!decode_object (dec, node, parent, index, note_members, read_note_member, &m,
                      &id, &extra))
    return FALSE;
  if (m.has_x != m.has_y)
    return fail (dec, MC_BOARD_ERROR_INVALID, parent, index, m.has_x ? "y" : "x",
                 _("expected both x and y, or neither"));
  if ((m.figure_id == NULL) != (m.region_id == NULL))
    return fail (dec, MC_BOARD_ERROR_INVALID, parent, index,
                 m.figure_id != NULL ? "region" : "figure",
                 _("expected both figure and region, or neither"));
  if (mc_board_get_note (dec->board, id) != NULL)
    return fail (dec, MC_BOARD_ERROR_DUPLICATE_ID, parent, index, "id",
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
read_cluster_member (Decoder    *dec,
                     const char *name,
                     JsonNode   *member,
                     const char *parent,
                     int         index,
                     gpointer    data,
                     gboolean   *known)
{
  ClusterMembers *m = data;

  if (strcmp (name, "label") == 0)
    return read_string (dec, member, parent, index, "label", MC_CLUSTER_MAX_LABEL_LENGTH,
                        &m->label);
  if (strcmp (name, "color") == 0)
    return read_color (dec, member, parent, index, &m->color);
  if (strcmp (name, "notes") == 0)
    return read_array (dec, member, parent, index, "notes", &m->notes);

  *known = FALSE;
  return TRUE;
}

static gboolean
decode_cluster (Decoder    *dec,
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

  if (!decode_object (dec, node, parent, index, cluster_members, read_cluster_member, &m,
                      &id, &extra))
    return FALSE;
  if (g_hash_table_contains (seen, id))
    return fail (dec, MC_BOARD_ERROR_DUPLICATE_ID, parent, index, "id",
                 _("the id “%s” is used by an earlier cluster"), id);
  g_hash_table_add (seen, g_strdup (id));

  for (guint i = 0; m.notes != NULL && i < json_array_get_length (m.notes); i++)
    {
      JsonNode *element = json_array_get_element (m.notes, i);
      g_autofree char *element_parent = format_path (parent, index, "notes");
      const char *note_id;

      if (!read_id (dec, element, element_parent, (int) i, &note_id))
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
decode_meta (Decoder  *dec,
             JsonNode *node)
{
  GHashTable *meta = _mc_board_get_meta_table (dec->board);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_expected (dec, MC_BOARD_ERROR_INVALID, "board", -1, "meta",
                          _("an object"), node);

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      const char *value;

      if (!read_string (dec, member, "board.meta", -1, name, MC_BOARD_MAX_TEXT_LENGTH, &value))
        return FALSE;
      if (strcmp (name, MC_META_DATE) == 0 && value[0] != '\0' && !is_iso_date (value))
        return fail_expected (dec, MC_BOARD_ERROR_INVALID, "board.meta", -1, name,
                              _("an ISO 8601 date such as “2026-11-22”"), member);
      g_hash_table_replace (meta, g_strdup (name), g_strdup (value));
    }

  return TRUE;
}

static gboolean
decode_board (Decoder  *dec,
              JsonNode *node)
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
    return fail (dec, MC_BOARD_ERROR_INVALID, "", -1, "board",
                 _("expected an object, but the member is missing"));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_expected (dec, MC_BOARD_ERROR_INVALID, "", -1, "board", _("an object"), node);

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (strcmp (name, "title") == 0)
        {
          const char *title;

          if (!read_string (dec, member, "board", -1, "title", MC_BOARD_MAX_TEXT_LENGTH, &title))
            return FALSE;
          _mc_board_update_title (dec->board, title);
        }
      else if (strcmp (name, "language") == 0)
        {
          const char *str;
          McLanguage language;

          if (!read_string (dec, member, "board", -1, "language", MAX_ID_LENGTH, &str))
            return FALSE;
          if (!mc_language_from_string (str, &language))
            return fail_expected (dec, MC_BOARD_ERROR_INVALID, "board", -1, "language",
                                  _("“nl” or “en”"), member);
          _mc_board_update_language (dec->board, language);
        }
      else if (strcmp (name, "phase") == 0)
        {
          McPhase phase;

          if (!read_phase (dec, member, "board", -1, &phase))
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
        keep_unknown (&extra, name, member);
    }

  /* Figures before notes: anchors are checked against them. */
  if (figures != NULL)
    {
      JsonArray *array = NULL;
      guint n;

      if (!read_array (dec, figures, "board", -1, "figures", &array))
        return FALSE;
      n = json_array_get_length (array);
      if (n > MC_BOARD_MAX_FIGURES)
        return fail (dec, MC_BOARD_ERROR_TOO_LARGE, "board", -1, "figures",
                     _("expected at most %d figures, got %u"), MC_BOARD_MAX_FIGURES, n);
      for (guint i = 0; i < n; i++)
        if (!decode_figure (dec, json_array_get_element (array, i), (int) i))
          return FALSE;
    }

  if (notes != NULL)
    {
      JsonArray *array = NULL;
      guint n;

      if (!read_array (dec, notes, "board", -1, "notes", &array))
        return FALSE;
      n = json_array_get_length (array);
      if (n > MC_BOARD_MAX_NOTES)
        return fail (dec, MC_BOARD_ERROR_TOO_LARGE, "board", -1, "notes",
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

      if (!read_array (dec, clusters, "board", -1, "clusters", &array))
        return FALSE;
      n = json_array_get_length (array);
      if (n > MC_BOARD_MAX_NOTES)
        return fail (dec, MC_BOARD_ERROR_TOO_LARGE, "board", -1, "clusters",
                     _("expected at most %d clusters, got %u"), MC_BOARD_MAX_NOTES, n);
      for (guint i = 0; i < n; i++)
        if (!decode_cluster (dec, json_array_get_element (array, i), (int) i, seen, clustered))
          return FALSE;
    }

  _mc_board_set_extra (dec->board, extra);
  return TRUE;
}

static gboolean
run_migrations (Decoder    *dec,
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
        return fail (dec, MC_BOARD_ERROR_INVALID, "", -1, "format_version",
                     _("cannot read format version %lld: no migration to version %lld is known"),
                     (long long) v, (long long) v + 1);

      if (!step->migrate (root, &local_error))
        return fail (dec, MC_BOARD_ERROR_INVALID, "", -1, "format_version",
                     _("could not bring format version %lld up to date: %s"),
                     (long long) v, local_error != NULL ? local_error->message : _("unknown error"));

      json_object_set_int_member (root, "format_version", v + 1);
    }

  return TRUE;
}

static gboolean
decode_document (Decoder          *dec,
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
        fail_expected (dec, MC_BOARD_ERROR_NOT_A_BOARD, "", -1, "format", "“missiecanvas”", format);
      return FALSE;
    }

  version_node = json_object_get_member (object, "format_version");
  if (version_node == NULL)
    return fail (dec, MC_BOARD_ERROR_INVALID, "", -1, "format_version",
                 _("expected a whole number, but the member is missing"));
  if (!JSON_NODE_HOLDS_VALUE (version_node) ||
      json_node_get_value_type (version_node) != G_TYPE_INT64 ||
      json_node_get_int (version_node) < 0)
    return fail_expected (dec, MC_BOARD_ERROR_INVALID, "", -1, "format_version",
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
          if (!read_string (dec, member, "", -1, "generator", MAX_ID_LENGTH, &generator))
            return FALSE;
          continue;
        }
      keep_unknown (&extra, name, member);
    }

  if (!decode_board (dec, json_object_get_member (object, "board")))
    return FALSE;

  _mc_board_set_file_extra (dec->board, extra);
  return TRUE;
}

static void
offset_to_location (const char *data,
                    gsize       offset,
                    guint      *line,
                    guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else
        (*column)++;
    }
}

/* json-glib's parser recurses per nesting level, so a hostile file could
 * exhaust the stack: count brackets outside strings first. Also tells an
 * empty (or blank) file apart. */
static gboolean
check_structure (const char  *data,
                 gsize        length,
                 const char  *display_name,
                 gboolean    *surrogate_escapes,
                 GError     **error)
{
  guint depth = 0;
  gboolean blank = TRUE;
  gboolean closed = FALSE; /* the first top-level value has ended */

  for (gsize i = 0; i < length; i++)
    {
      /* One value per file: json-glib 1.6 would keep the last of several
       * and leak the others. */
      if (closed && data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
        {
          guint line, column;

          offset_to_location (data, i, &line, &column);
          g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON,
                       _("%s:%u:%u: not valid JSON: text after the end of the board"),
                       display_name, line, column);
          return FALSE;
        }

      switch (data[i])
        {
        case ' ': case '\t': case '\n': case '\r':
          break;
        case '"':
          blank = FALSE;
          for (i++; i < length && data[i] != '"'; i++)
            if (data[i] == '\\')
              {
                /* \uD800–\uDFFF: json-glib turns a lone surrogate into bytes
                 * that are not UTF-8 (it rejects raw invalid UTF-8 itself). */
                if (i + 3 < length && data[i + 1] == 'u' &&
                    (data[i + 2] == 'd' || data[i + 2] == 'D') &&
                    strchr ("89abcdefABCDEF", data[i + 3]) != NULL)
                  *surrogate_escapes = TRUE;
                i++;
              }
          closed = depth == 0;
          break;
        case '{': case '[':
          blank = FALSE;
          if (++depth > MC_BOARD_MAX_DEPTH)
            {
              guint line, column;

              offset_to_location (data, i, &line, &column);
              g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_DEEP,
                           _("%s:%u:%u: nested more than %d levels deep"),
                           display_name, line, column, MC_BOARD_MAX_DEPTH);
              return FALSE;
            }
          break;
        case '}': case ']':
          blank = FALSE;
          if (depth > 0)
            depth--;
          closed = depth == 0;
          break;
        default:
          blank = FALSE;
          if (depth == 0)
            {
              /* a bare number, true, false or null: up to its end */
              while (i + 1 < length && strchr (" \t\n\r{}[]\",:", data[i + 1]) == NULL)
                i++;
              closed = TRUE;
            }
          break;
        }
    }

  if (blank)
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON,
                   _("%s: the file is empty"), display_name);
      return FALSE;
    }

  return TRUE;
}

static void
set_parse_error (const char  *data,
                 gsize        length,
                 const char  *display_name,
                 GError      *parse_error,
                 GError     **error)
{
  const char *message = parse_error->message;
  const char *end;

  /* json-glib says "<data>:LINE:COL: Parse error: …": put the file's name
   * in place of "<data>". */
  if (g_str_has_prefix (message, "<data>:"))
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON, "%s:%s",
                   display_name, message + strlen ("<data>:"));
      return;
    }

  if (!g_utf8_validate (data, length, &end))
    {
      guint line, column;

      offset_to_location (data, end - data, &line, &column);
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON,
                   _("%s:%u:%u: not valid UTF-8 text"), display_name, line, column);
      return;
    }

  g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_NOT_JSON,
               _("%s: not valid JSON: %s"), display_name, message);
}

static void
free_parser (gpointer data,
             gpointer user_data)
{
  g_object_unref (data);
}

/* Freeing json-glib's tree of a large file costs about half as much as
 * parsing it. Nothing in the board points into the tree (strings are copied,
 * unknown members deep-copied), so a worker thread frees it while the
 * caller goes on with the board. */
static void
release_parser (JsonParser *parser,
                gsize       length)
{
  static GThreadPool *pool = NULL;

  if (length >= 256 * 1024)
    {
      if (g_once_init_enter (&pool))
        g_once_init_leave (&pool, g_thread_pool_new (free_parser, NULL, 1, FALSE, NULL));
      g_thread_pool_push (pool, parser, NULL);
    }
  else
    g_object_unref (parser);
}

/* json-glib turns a lone "\ud800" escape into bytes that are not UTF-8.
 * Every member name and string is checked here, known or not, because
 * unknown members are written back and a file we write must load again.
 * Recursion is bounded: check_structure() limited the depth. */
static gboolean
check_utf8 (JsonNode    *node,
            const char  *display_name,
            GError     **error)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          if (!g_utf8_validate (name, -1, NULL) || !check_utf8 (member, display_name, error))
            goto invalid;
        return TRUE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!check_utf8 (json_array_get_element (array, i), display_name, error))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING &&
          !g_utf8_validate (json_node_get_string (node), -1, NULL))
        goto invalid;
      return TRUE;
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }

invalid:
  if (error != NULL && *error == NULL)
    g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_INVALID,
                 _("%s: a text in the file is not valid UTF-8"), display_name);
  return FALSE;
}

McBoard *
mc_board_load_from_data (const char        *data,
                         gsize              length,
                         const char        *display_name,
                         McBoardLoadFlags   flags,
                         GError           **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(McBoard) board = NULL;
  gboolean surrogate_escapes = FALSE;
  Decoder dec;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("board");
  if (length == (gsize) -1)
    length = strlen (data);

  if (length > MC_BOARD_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (MC_BOARD_MAX_FILE_SIZE);

      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE,
                   _("%s: the file is %s; a board may be at most %s"),
                   display_name, size, max);
      return NULL;
    }

  if (!check_structure (data, length, display_name, &surrogate_escapes, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      set_parse_error (data, length, display_name, parse_error, error);
      return NULL;
    }
  /* (The root is NULL for a file of only comments: decoding reports it.)
   * Only escaped surrogates can put invalid UTF-8 in the tree, so the
   * walk over every string runs only for files that have them. */
  if (surrogate_escapes && json_parser_get_root (parser) != NULL &&
      !check_utf8 (json_parser_get_root (parser), display_name, error))
    return NULL;

  board = mc_board_new ();
  dec.display_name = display_name;
  dec.board = board;
  dec.error = error;

  if (!decode_document (&dec, json_parser_get_root (parser), flags))
    {
      release_parser (g_steal_pointer (&parser), length);
      return NULL;
    }

  release_parser (g_steal_pointer (&parser), length);
  return g_steal_pointer (&board);
}

McBoard *
mc_board_load_from_file (GFile             *file,
                         McBoardLoadFlags   flags,
                         GError           **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  McBoard *board;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  display_name = g_strdup (g_file_info_get_display_name (info));
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO,
                   _("%s: is a folder, not a board file"), display_name);
      return NULL;
    }
  if (g_file_info_get_size (info) > MC_BOARD_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *max = g_format_size (MC_BOARD_MAX_FILE_SIZE);

      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_TOO_LARGE,
                   _("%s: the file is %s; a board may be at most %s"),
                   display_name, size, max);
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO,
                   "%s: %s", display_name, local_error->message);
      return NULL;
    }

  board = mc_board_load_from_data (contents, length, display_name, flags, error);
  if (board != NULL)
    mc_board_set_file (board, file);

  return board;
}

McBoard *
mc_board_new_example (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  McBoard *board;
  gsize length;
  const char *data;

  mc_core_ensure_resources ();

  bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_warning ("The example board is missing from the resources: %s", error->message);
      return mc_board_new ();
    }

  data = g_bytes_get_data (bytes, &length);
  board = mc_board_load_from_data (data, length, "example.missiecanvas",
                                   MC_BOARD_LOAD_NONE, &error);
  if (board == NULL)
    {
      /* Still being written while the app is developed; not worth a warning
       * that would abort tests running with fatal warnings. */
      g_debug ("Could not load the example board: %s", error->message);
      return mc_board_new ();
    }

  return board;
}

/* Writing */

typedef struct
{
  GString *out;
  guint    level;
  gboolean first;
} Writer;

static void
append_indent (GString *out,
               guint    level)
{
  static const char spaces[] = "                                                                ";
  gsize n = level * 2;

  while (n > 0)
    {
      gsize chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (out, spaces, chunk);
      n -= chunk;
    }
}

static void
append_string (GString    *out,
               const char *str)
{
  const char *run = str;
  const char *p;

  g_string_append_c (out, '"');
  for (p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      char buf[8];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\t': escape = "\\t"; break;
        case '\r': escape = "\\r"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_snprintf (buf, sizeof buf, "\\u%04x", c);
          escape = buf;
          break;
        }

      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* Shortest of %.15g / %.17g that reads back as the same double, and
 * integers without a fraction, so bytes are stable and diffs readable. */
static void
append_double (GString *out,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    {
      /* JSON has no infinities; only unknown members can hold one. */
      g_string_append (out, "null");
      return;
    }
  if (v == 0)
    {
      g_string_append_c (out, '0');
      return;
    }
  if (v == floor (v) && fabs (v) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) v);
      return;
    }

  g_ascii_formatd (buf, sizeof buf, "%.15g", v);
  if (g_ascii_strtod (buf, NULL) != v)
    g_ascii_formatd (buf, sizeof buf, "%.17g", v);
  g_string_append (out, buf);
}

static void
begin_container (Writer *w,
                 char    open)
{
  g_string_append_c (w->out, open);
  w->level++;
  w->first = TRUE;
}

static void
end_container (Writer *w,
               char    close,
               gboolean was_empty)
{
  w->level--;
  if (!was_empty)
    {
      g_string_append_c (w->out, '\n');
      append_indent (w->out, w->level);
    }
  g_string_append_c (w->out, close);
  w->first = FALSE;
}

static void
next_item (Writer *w)
{
  g_string_append (w->out, w->first ? "\n" : ",\n");
  append_indent (w->out, w->level);
  w->first = FALSE;
}

static void
member (Writer     *w,
        const char *name)
{
  next_item (w);
  append_string (w->out, name);
  g_string_append (w->out, ": ");
}

static void
string_member (Writer     *w,
               const char *name,
               const char *value)
{
  member (w, name);
  append_string (w->out, value);
}

static void
double_member (Writer     *w,
               const char *name,
               double      value)
{
  member (w, name);
  append_double (w->out, value);
}

static void write_node (Writer *w, JsonNode *node);

static void
write_extra_members (Writer     *w,
                     JsonObject *extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      member (w, name);
      write_node (w, node);
    }
}

/* Unknown members: any JSON. Depth is bounded by the loader's limit. */
static void
write_node (Writer   *w,
            JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);

        begin_container (w, '{');
        write_extra_members (w, object);
        end_container (w, '}', json_object_get_size (object) == 0);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        begin_container (w, '[');
        for (guint i = 0; i < n; i++)
          {
            next_item (w);
            write_node (w, json_array_get_element (array, i));
          }
        end_container (w, ']', n == 0);
      }
      break;
    case JSON_NODE_NULL:
      g_string_append (w->out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          append_string (w->out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (w->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (w->out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (w->out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_string_append (w->out, "null");
          break;
        }
      break;
    }
}

static void
write_figure (Writer   *w,
              McFigure *figure)
{
  next_item (w);
  begin_container (w, '{');
  string_member (w, "id", figure->id);
  string_member (w, "kind", figure->kind);
  double_member (w, "x", figure->x);
  double_member (w, "y", figure->y);
  double_member (w, "scale", figure->scale);
  write_extra_members (w, figure->extra);
  end_container (w, '}', FALSE);
}

static void
write_note (Writer *w,
            McNote *note)
{
  next_item (w);
  begin_container (w, '{');
  string_member (w, "id", note->id);
  string_member (w, "text", note->text);
  string_member (w, "color", note->color);
  if (note->figure_id != NULL)
    {
      string_member (w, "figure", note->figure_id);
      string_member (w, "region", note->region_id);
    }
  if (note->has_position)
    {
      double_member (w, "x", note->rect.x);
      double_member (w, "y", note->rect.y);
    }
  double_member (w, "width", note->rect.width);
  double_member (w, "height", note->rect.height);
  if (note->author != NULL)
    string_member (w, "author", note->author);
  member (w, "created");
  append_time (w->out, note->created);
  member (w, "modified");
  append_time (w->out, note->modified);
  member (w, "votes");
  g_string_append_printf (w->out, "%u", note->votes);
  if (note->conflict)
    {
      member (w, "conflict");
      g_string_append (w->out, "true");
    }
  if (note->has_phase)
    string_member (w, "phase", mc_phase_to_string (note->phase));
  write_extra_members (w, note->extra);
  end_container (w, '}', FALSE);
}

static void
write_cluster (Writer    *w,
               McCluster *cluster)
{
  const char * const *ids = mc_cluster_get_note_ids (cluster);

  next_item (w);
  begin_container (w, '{');
  string_member (w, "id", cluster->id);
  string_member (w, "label", cluster->label);
  string_member (w, "color", cluster->color);
  member (w, "notes");
  begin_container (w, '[');
  for (guint i = 0; ids[i] != NULL; i++)
    {
      next_item (w);
      append_string (w->out, ids[i]);
    }
  end_container (w, ']', ids[0] == NULL);
  write_extra_members (w, cluster->extra);
  end_container (w, '}', FALSE);
}

typedef void (*WriteItemFunc) (Writer *w, gpointer item);

static void
array_member (Writer        *w,
              const char    *name,
              GPtrArray     *items,
              WriteItemFunc  write_item)
{
  member (w, name);
  begin_container (w, '[');
  for (guint i = 0; i < items->len; i++)
    write_item (w, g_ptr_array_index (items, i));
  end_container (w, ']', items->len == 0);
}

char *
mc_board_to_data (McBoard *board,
                  gsize   *length)
{
  g_auto(GStrv) meta_keys = NULL;
  GPtrArray *figures, *notes, *clusters;
  Writer w = { NULL, 0, TRUE };

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);

  figures = mc_board_get_figures (board);
  notes = mc_board_get_notes (board);
  w.out = g_string_sized_new (4096 + notes->len * 420);

  begin_container (&w, '{');
  string_member (&w, "format", FORMAT_NAME);
  member (&w, "format_version");
  g_string_append_printf (w.out, "%d", MC_BOARD_FORMAT_VERSION);
  string_member (&w, "generator", "missiecanvas " PACKAGE_VERSION);
  member (&w, "board");

  begin_container (&w, '{');
  string_member (&w, "title", mc_board_get_title (board));
  string_member (&w, "language", mc_language_to_string (mc_board_get_language (board)));
  string_member (&w, "phase", mc_phase_to_string (mc_board_get_phase (board)));

  member (&w, "meta");
  meta_keys = mc_board_dup_meta_keys (board);
  begin_container (&w, '{');
  for (guint i = 0; meta_keys[i] != NULL; i++)
    {
      member (&w, meta_keys[i]);
      append_string (w.out, mc_board_get_meta (board, meta_keys[i]));
    }
  end_container (&w, '}', meta_keys[0] == NULL);

  array_member (&w, "figures", figures, (WriteItemFunc) write_figure);
  array_member (&w, "notes", notes, (WriteItemFunc) write_note);

  /* Optional: a board without clusters is written as before they existed. */
  clusters = mc_board_get_clusters (board);
  if (clusters->len > 0)
    array_member (&w, "clusters", clusters, (WriteItemFunc) write_cluster);

  write_extra_members (&w, _mc_board_get_extra (board));
  end_container (&w, '}', FALSE);

  write_extra_members (&w, _mc_board_get_file_extra (board));
  end_container (&w, '}', FALSE);
  g_string_append_c (w.out, '\n');

  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}

/* Sessions */

McBoard *
mc_board_new_session_copy (McBoard  *self,
                           GError  **error)
{
  g_autoptr(McBoard) copy = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *data = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *date = NULL;
  const char *old_date;
  GPtrArray *notes;
  McPhase phase;
  gsize length;

  g_return_val_if_fail (MC_IS_BOARD (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  phase = mc_board_get_phase (self);
  if (phase >= MC_PHASE_EVALUATE)
    {
      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_INVALID,
                   _("This board is already in the last phase (evaluate): there is no next session"));
      return NULL;
    }

  /* Writing and reading back copies everything the file holds, unknown
   * members included, exactly as saving and opening would. */
  data = mc_board_to_data (self, &length);
  copy = mc_board_load_from_data (data, length, mc_board_get_title (self),
                                  MC_BOARD_LOAD_NONE, error);
  if (copy == NULL)
    return NULL;

  /* Nobody sees the copy yet: fill it directly, with no history. */
  notes = mc_board_get_notes (copy);
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);

      if (!note->has_phase)
        {
          note->has_phase = TRUE;
          note->phase = phase;
        }
    }
  _mc_board_update_phase (copy, phase + 1);

  old_date = mc_board_get_meta (self, MC_META_DATE);
  if (old_date != NULL && old_date[0] != '\0')
    previous = g_strdup_printf ("%s (%s, %s)", mc_board_get_title (self),
                                mc_phase_to_string (phase), old_date);
  else
    previous = g_strdup_printf ("%s (%s)", mc_board_get_title (self), mc_phase_to_string (phase));
  _mc_board_update_meta (copy, MC_META_PREVIOUS_SESSION, previous);

  today = g_date_time_new_now_local ();
  date = g_date_time_format (today, "%Y-%m-%d");
  _mc_board_update_meta (copy, MC_META_DATE, date);

  return g_steal_pointer (&copy);
}

/* Saving */

static gboolean
set_io_error (GError     **error,
              const char  *path,
              const char  *what,
              int          saved_errno)
{
  /* Name the file that was written, the target of a symbolic link. */
  g_autofree char *resolved = realpath (path, NULL);
  g_autofree char *display = g_filename_display_name (resolved != NULL ? resolved : path);

  g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO,
               _("Could not save %s: %s: %s"), display, what, g_strerror (saved_errno));
  return FALSE;
}

gboolean
mc_board_save_to_file (McBoard  *board,
                       GFile    *file,
                       GError  **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *old_revision = NULL;
  g_autofree char *old_base = NULL;
  g_autofree char *new_revision = NULL;
  const char *step = NULL;
  gsize length;

  g_return_val_if_fail (MC_IS_BOARD (board), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, MC_BOARD_ERROR, MC_BOARD_ERROR_IO,
                   _("Could not save %s: only local files can be saved"), uri);
      return FALSE;
    }

  /* Revision marks describe the file, not an edit: set outside the
   * history, and put back if the write fails. */
  old_revision = g_strdup (mc_board_get_meta (board, MC_META_REVISION));
  old_base = g_strdup (mc_board_get_meta (board, MC_META_BASE_REVISION));
  new_revision = g_uuid_string_random ();
  if (old_revision != NULL && old_base == NULL)
    _mc_board_update_meta (board, MC_META_BASE_REVISION, old_revision);
  _mc_board_update_meta (board, MC_META_REVISION, new_revision);

  data = mc_board_to_data (board, &length);
  if (!_mc_write_file_atomically (path, data, length, MC_ATOMIC_WRITE_KEEP_BACKUP, &step))
    {
      int saved_errno = errno;

      _mc_board_update_meta (board, MC_META_REVISION, old_revision);
      _mc_board_update_meta (board, MC_META_BASE_REVISION, old_base);
      return set_io_error (error, path, step, saved_errno);
    }

  mc_board_set_file (board, file);
  mc_board_mark_saved (board);
  return TRUE;
}
