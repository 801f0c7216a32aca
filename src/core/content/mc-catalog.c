/* mc-catalog.c — the model's content, read from data/model/<kind>.json
 *
 * Every string lives in one GStringChunk per catalog; the info structs only
 * point into it, so the catalog is a handful of allocations and nothing in
 * it changes after loading. Callers borrow everything.
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mc-catalog.h"
#include "mc-figure.h"
#include "mc-object-private.h"

/* Colour roles the themes know (mc-theme.h maps them to colours). */
static const char * const known_roles[] = {
  "context", "intervention", "mechanisms", "outcomes",
  "value", "coherence", "scale", "neutral",
  NULL,
};

static const char * const no_questions[] = { NULL };

struct _McRegionInfo
{
  const char  *id;
  const char  *role;
  const char  *label[MC_N_LANGUAGES];
  const char  *definition[MC_N_LANGUAGES];
  const char **questions[MC_N_LANGUAGES];   /* NULL-terminated, into the chunk */
};

typedef struct
{
  const char *text[MC_N_LANGUAGES];
} McCatalogString;

struct _McFigureInfo
{
  const char   *id;
  int           number;
  const char   *title[MC_N_LANGUAGES];
  const char   *caption[MC_N_LANGUAGES];
  const char   *source;
  GHashTable   *strings;     /* key (chunk) → McCatalogString* */
  McRegionInfo *regions;
  guint         n_regions;
};

struct _McCatalog
{
  GObject       parent_instance;

  GStringChunk *chunk;
  GPtrArray    *figures;     /* McFigureInfo*, in kind order */
  const char  **kinds;       /* NULL-terminated, into the chunk */
};

G_DEFINE_FINAL_TYPE (McCatalog, mc_catalog, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-catalog-error-quark, mc_catalog_error)

static void
figure_info_free (gpointer data)
{
  McFigureInfo *info = data;

  if (info == NULL)
    return;

  for (guint i = 0; i < info->n_regions; i++)
    for (guint l = 0; l < MC_N_LANGUAGES; l++)
      if (info->regions[i].questions[l] != (const char **) no_questions)
        g_free (info->regions[i].questions[l]);

  g_clear_pointer (&info->strings, g_hash_table_unref);
  g_free (info->regions);
  g_free (info);
}

static void
mc_catalog_finalize (GObject *object)
{
  McCatalog *self = MC_CATALOG (object);

  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->kinds, g_free);
  g_clear_pointer (&self->chunk, g_string_chunk_free);

  G_OBJECT_CLASS (mc_catalog_parent_class)->finalize (object);
}

static void
mc_catalog_class_init (McCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_catalog_finalize;
}

static void
mc_catalog_init (McCatalog *self)
{
  self->chunk = g_string_chunk_new (4096);
  self->figures = g_ptr_array_new_with_free_func (figure_info_free);
}

/* Loading ---------------------------------------------------------------- */

typedef struct
{
  McCatalog  *catalog;
  const char *file;     /* for messages */
} Loader;

static gboolean
fail (Loader      *loader,
      GError     **error,
      const char  *where,
      const char  *problem)
{
  g_set_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_INVALID,
               /* Translators: catalog file, JSON location, what is wrong */
               _("%s: %s: %s"), loader->file, where, problem);
  return FALSE;
}

static const char *
intern (Loader     *loader,
        const char *text)
{
  return g_string_chunk_insert_const (loader->catalog->chunk, text);
}

static gboolean
is_nonempty_utf8 (const char *text)
{
  return text != NULL && *text != '\0' && g_utf8_validate (text, -1, NULL);
}

/* Reads a required id-like string member (lowercase ASCII, digits, '-'). */
static gboolean
read_id (Loader      *loader,
         JsonObject  *object,
         const char  *where,
         const char **out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, "id");
  g_autofree char *path = g_strdup_printf ("%s.id", where);
  const char *id;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (loader, error, path, _("expected a string"));

  id = json_node_get_string (node);
  if (id == NULL || *id == '\0')
    return fail (loader, error, path, _("expected a non-empty id"));

  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return fail (loader, error, path,
                   _("ids use lowercase letters, digits and “-” only"));

  *out = intern (loader, id);
  return TRUE;
}

/* {"nl": "…", "en": "…"}: both languages, non-empty. When optional and the
 * member is absent, both outputs are NULL. A plain string is accepted only
 * where allow_neutral is set (language-neutral values such as part ids). */
static gboolean
read_text (Loader      *loader,
           JsonObject  *object,
           const char  *member,
           const char  *where,
           gboolean     optional,
           gboolean     allow_neutral,
           const char **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = g_strdup_printf ("%s.%s", where, member);
  JsonObject *pair;

  for (guint l = 0; l < MC_N_LANGUAGES; l++)
    out[l] = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (optional)
        return TRUE;
      return fail (loader, error, path, _("missing"));
    }

  if (allow_neutral && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (!is_nonempty_utf8 (text))
        return fail (loader, error, path, _("expected a non-empty string"));
      for (guint l = 0; l < MC_N_LANGUAGES; l++)
        out[l] = intern (loader, text);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (loader, error, path,
                 _("expected an object with “nl” and “en” strings"));

  pair = json_node_get_object (node);
  for (guint l = 0; l < MC_N_LANGUAGES; l++)
    {
      const char *lang = mc_language_to_string (l);
      JsonNode *text_node = json_object_get_member (pair, lang);
      const char *text;

      if (text_node == NULL || !JSON_NODE_HOLDS_VALUE (text_node) ||
          json_node_get_value_type (text_node) != G_TYPE_STRING)
        {
          g_autofree char *lang_path = g_strdup_printf ("%s.%s", path, lang);
          return fail (loader, error, lang_path, _("expected a string"));
        }

      text = json_node_get_string (text_node);
      if (!is_nonempty_utf8 (text))
        {
          g_autofree char *lang_path = g_strdup_printf ("%s.%s", path, lang);
          return fail (loader, error, lang_path, _("expected a non-empty string"));
        }

      out[l] = intern (loader, text);
    }

  return TRUE;
}

static gboolean
read_question_list (Loader       *loader,
                    JsonObject   *questions,
                    McLanguage    lang,
                    const char   *where,
                    const char ***out,
                    GError      **error)
{
  const char *lang_name = mc_language_to_string (lang);
  g_autofree char *path = g_strdup_printf ("%s.questions.%s", where, lang_name);
  JsonNode *node = json_object_get_member (questions, lang_name);
  JsonArray *array;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (loader, error, path, _("expected an array of strings"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n == 0)
    {
      *out = (const char **) no_questions;
      return TRUE;
    }

  *out = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *text = NULL;

      if (JSON_NODE_HOLDS_VALUE (item) &&
          json_node_get_value_type (item) == G_TYPE_STRING)
        text = json_node_get_string (item);

      if (!is_nonempty_utf8 (text))
        {
          g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
          return fail (loader, error, item_path, _("expected a non-empty string"));
        }

      (*out)[i] = intern (loader, text);
    }

  return TRUE;
}

static gboolean
read_region (Loader       *loader,
             JsonNode     *node,
             const char   *where,
             McRegionInfo *region,
             GError      **error)
{
  JsonObject *object;
  JsonNode *member;
  const char *role;

  /* Questions start as the shared empty list so a half-read region frees cleanly. */
  for (guint l = 0; l < MC_N_LANGUAGES; l++)
    region->questions[l] = (const char **) no_questions;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (loader, error, where, _("expected an object"));
  object = json_node_get_object (node);

  if (!read_id (loader, object, where, &region->id, error))
    return FALSE;

  member = json_object_get_member (object, "role");
  role = (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
          json_node_get_value_type (member) == G_TYPE_STRING)
         ? json_node_get_string (member) : NULL;
  if (role == NULL || !g_strv_contains (known_roles, role))
    {
      g_autofree char *path = g_strdup_printf ("%s.role", where);
      return fail (loader, error, path,
                   _("expected one of context, intervention, mechanisms, "
                     "outcomes, value, coherence, scale, neutral"));
    }
  region->role = intern (loader, role);

  if (!read_text (loader, object, "label", where, FALSE, FALSE, region->label, error) ||
      !read_text (loader, object, "definition", where, TRUE, FALSE, region->definition, error))
    return FALSE;

  member = json_object_get_member (object, "questions");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      JsonObject *questions;

      if (!JSON_NODE_HOLDS_OBJECT (member))
        {
          g_autofree char *path = g_strdup_printf ("%s.questions", where);
          return fail (loader, error, path,
                       _("expected an object with “nl” and “en” arrays"));
        }

      questions = json_node_get_object (member);
      for (guint l = 0; l < MC_N_LANGUAGES; l++)
        if (!read_question_list (loader, questions, l, where, &region->questions[l], error))
          return FALSE;

      /* Translations go question by question: the lists must pair up. */
      if (g_strv_length ((char **) region->questions[MC_LANGUAGE_NL]) !=
          g_strv_length ((char **) region->questions[MC_LANGUAGE_EN]))
        {
          g_autofree char *path = g_strdup_printf ("%s.questions", where);
          return fail (loader, error, path,
                       _("the “nl” and “en” lists differ in length"));
        }
    }

  return TRUE;
}

static McFigureInfo *
read_figure (Loader      *loader,
             JsonNode    *root,
             const char  *expected_id,
             GError     **error)
{
  McFigureInfo *info;
  JsonObject *object;
  JsonNode *member;
  JsonArray *regions;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (loader, error, "$", _("expected an object"));
      return NULL;
    }
  object = json_node_get_object (root);

  info = g_new0 (McFigureInfo, 1);
  info->strings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (!read_id (loader, object, "$", &info->id, error))
    goto failed;

  if (g_strcmp0 (info->id, expected_id) != 0)
    {
      fail (loader, error, "$.id", _("does not match the file name"));
      goto failed;
    }

  member = json_object_get_member (object, "number");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_INT64 ||
      json_node_get_int (member) < 1 || json_node_get_int (member) > 1000)
    {
      fail (loader, error, "$.number", _("expected the figure number, a positive integer"));
      goto failed;
    }
  info->number = (int) json_node_get_int (member);

  if (!read_text (loader, object, "title", "$", FALSE, FALSE, info->title, error) ||
      !read_text (loader, object, "caption", "$", TRUE, FALSE, info->caption, error))
    goto failed;

  member = json_object_get_member (object, "source");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_VALUE (member) ||
          json_node_get_value_type (member) != G_TYPE_STRING ||
          !is_nonempty_utf8 (json_node_get_string (member)))
        {
          fail (loader, error, "$.source", _("expected a non-empty string"));
          goto failed;
        }
      info->source = intern (loader, json_node_get_string (member));
    }

  member = json_object_get_member (object, "strings");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      JsonObject *strings_object;
      g_autoptr(GList) keys = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (member))
        {
          fail (loader, error, "$.strings", _("expected an object"));
          goto failed;
        }

      strings_object = json_node_get_object (member);
      keys = json_object_get_members (strings_object);
      for (const GList *l = keys; l != NULL; l = l->next)
        {
          McCatalogString *entry = g_new0 (McCatalogString, 1);

          if (!read_text (loader, strings_object, l->data, "$.strings", FALSE, TRUE,
                          entry->text, error))
            {
              g_free (entry);
              goto failed;
            }
          g_hash_table_insert (info->strings, (gpointer) intern (loader, l->data), entry);
        }
    }

  member = json_object_get_member (object, "regions");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member) ||
      json_array_get_length (json_node_get_array (member)) == 0)
    {
      fail (loader, error, "$.regions", _("expected a non-empty array"));
      goto failed;
    }

  regions = json_node_get_array (member);
  info->n_regions = json_array_get_length (regions);
  info->regions = g_new0 (McRegionInfo, info->n_regions);
  for (guint i = 0; i < info->n_regions; i++)
    {
      g_autofree char *where = g_strdup_printf ("$.regions[%u]", i);

      if (!read_region (loader, json_array_get_element (regions, i), where,
                        &info->regions[i], error))
        goto failed;   /* unread regions hold NULL lists: g_free() is fine */

      for (guint j = 0; j < i; j++)
        if (strcmp (info->regions[j].id, info->regions[i].id) == 0)
          {
            fail (loader, error, where, _("duplicate region id"));
            goto failed;
          }
    }

  return info;

failed:
  figure_info_free (info);
  return NULL;
}

static int
kind_rank (const char *kind)
{
  /* The seed's own order of the generic models; kinds found in the data
   * but not known to boards follow in alphabetical order. */
  int rank = _mc_strv_index (mc_figure_get_kinds (), kind);

  return rank >= 0 ? rank : (int) g_strv_length ((char **) mc_figure_get_kinds ());
}

static int
compare_figures (gconstpointer a,
                 gconstpointer b)
{
  const McFigureInfo *fa = *(const McFigureInfo * const *) a;
  const McFigureInfo *fb = *(const McFigureInfo * const *) b;
  int ra = kind_rank (fa->id);
  int rb = kind_rank (fb->id);

  if (ra != rb)
    return ra - rb;
  return strcmp (fa->id, fb->id);
}

static gboolean
load_one (McCatalog   *self,
          const char  *name,
          GBytes      *bytes,
          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *kind = g_strndup (name, strlen (name) - strlen (".json"));
  Loader loader = { self, name };
  McFigureInfo *info;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_INVALID,
                   "%s: %s", name, local_error->message);
      return FALSE;
    }

  for (guint i = 0; i < self->figures->len; i++)
    if (strcmp (((McFigureInfo *) g_ptr_array_index (self->figures, i))->id, kind) == 0)
      return fail (&loader, error, "$", _("figure kind defined twice"));

  info = read_figure (&loader, json_parser_get_root (parser), kind, error);
  if (info == NULL)
    return FALSE;

  g_ptr_array_add (self->figures, info);
  return TRUE;
}

static gboolean
has_json_suffix (const char *name)
{
  return g_str_has_suffix (name, ".json") && strlen (name) > strlen (".json");
}

static gboolean
load_from_resource (McCatalog   *self,
                    const char  *dir,
                    GError     **error)
{
  g_auto(GStrv) names = NULL;

  names = g_resources_enumerate_children (dir, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (!has_json_suffix (names[i]))
        continue;

      path = g_build_path ("/", dir, names[i], NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL || !load_one (self, names[i], bytes, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_from_directory (McCatalog   *self,
                     const char  *dir,
                     GError     **error)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, error);
  const char *name;

  if (handle == NULL)
    return FALSE;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;

      if (!has_json_suffix (name))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (!g_file_get_contents (path, &contents, &length, error))
        return FALSE;

      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      if (!load_one (self, name, bytes, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * mc_catalog_new_from_resource:
 * @resource_dir: a GResource path such as RESOURCE_PREFIX "/model", or a
 *   directory on disk holding `<kind>.json` files
 * @error: return location for an error
 *
 * Loads and validates every `*.json` under @resource_dir. Paths starting
 * with "/" are tried as a resource first, then as a directory.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set
 */
McCatalog *
mc_catalog_new_from_resource (const char  *resource_dir,
                              GError     **error)
{
  g_autoptr(McCatalog) self = NULL;
  g_autoptr(GError) resource_error = NULL;
  gboolean loaded;

  g_return_val_if_fail (resource_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  mc_core_ensure_resources ();

  self = g_object_new (MC_TYPE_CATALOG, NULL);

  loaded = load_from_resource (self, resource_dir, &resource_error);
  if (!loaded && g_error_matches (resource_error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND) &&
      g_file_test (resource_dir, G_FILE_TEST_IS_DIR))
    loaded = load_from_directory (self, resource_dir, error);
  else if (!loaded)
    g_propagate_error (error, g_steal_pointer (&resource_error));

  if (!loaded)
    return NULL;

  if (self->figures->len == 0)
    {
      g_set_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_NOT_FOUND,
                   _("%s: no figure kinds (*.json) found"), resource_dir);
      return NULL;
    }

  g_ptr_array_sort (self->figures, compare_figures);

  self->kinds = g_new0 (const char *, self->figures->len + 1);
  for (guint i = 0; i < self->figures->len; i++)
    self->kinds[i] = ((McFigureInfo *) g_ptr_array_index (self->figures, i))->id;

  return g_steal_pointer (&self);
}

/**
 * mc_catalog_get_default:
 *
 * The catalog compiled into the program. Loaded on first use from any
 * thread; never freed. A catalog that does not load is a build error, so
 * this aborts with the file and the problem.
 *
 * Returns: (transfer none): the default catalog
 */
McCatalog *
mc_catalog_get_default (void)
{
  static McCatalog *default_catalog = NULL;

  if (g_once_init_enter (&default_catalog))
    {
      g_autoptr(GError) error = NULL;
      McCatalog *catalog;

      catalog = mc_catalog_new_from_resource (RESOURCE_PREFIX "/model", &error);
      if (catalog == NULL)
        g_error ("The model catalog compiled into this program is broken: %s",
                 error->message);

      g_once_init_leave (&default_catalog, catalog);
    }

  return default_catalog;
}

/* Lookups ---------------------------------------------------------------- */

const char * const *
mc_catalog_get_kinds (McCatalog *self)
{
  g_return_val_if_fail (MC_IS_CATALOG (self), NULL);

  return (const char * const *) self->kinds;
}

const McFigureInfo *
mc_catalog_get_figure (McCatalog  *self,
                       const char *kind)
{
  g_return_val_if_fail (MC_IS_CATALOG (self), NULL);

  if (kind == NULL)
    return NULL;

  for (guint i = 0; i < self->figures->len; i++)
    {
      const McFigureInfo *info = g_ptr_array_index (self->figures, i);

      if (strcmp (info->id, kind) == 0)
        return info;
    }

  return NULL;
}

const McRegionInfo *
mc_catalog_get_region (McCatalog  *self,
                       const char *kind,
                       const char *region_id)
{
  const McFigureInfo *info;

  g_return_val_if_fail (MC_IS_CATALOG (self), NULL);

  info = mc_catalog_get_figure (self, kind);
  if (info == NULL)
    return NULL;

  return mc_figure_info_find_region (info, region_id);
}

const char *
mc_figure_info_get_id (const McFigureInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return info->id;
}

int
mc_figure_info_get_number (const McFigureInfo *info)
{
  g_return_val_if_fail (info != NULL, 0);
  return info->number;
}

const char *
mc_figure_info_get_title (const McFigureInfo *info,
                          McLanguage          lang)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (lang < MC_N_LANGUAGES, NULL);
  return info->title[lang];
}

const char *
mc_figure_info_get_caption (const McFigureInfo *info,
                            McLanguage          lang)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (lang < MC_N_LANGUAGES, NULL);
  return info->caption[lang];
}

const char *
mc_figure_info_get_source (const McFigureInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return info->source;
}

const char *
mc_figure_info_get_string (const McFigureInfo *info,
                           const char         *key,
                           McLanguage          lang)
{
  const McCatalogString *entry;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (lang < MC_N_LANGUAGES, NULL);

  if (key == NULL)
    return NULL;

  entry = g_hash_table_lookup (info->strings, key);
  return entry != NULL ? entry->text[lang] : NULL;
}

guint
mc_figure_info_get_n_regions (const McFigureInfo *info)
{
  g_return_val_if_fail (info != NULL, 0);
  return info->n_regions;
}

const McRegionInfo *
mc_figure_info_get_region (const McFigureInfo *info,
                           guint               index)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (index < info->n_regions, NULL);
  return &info->regions[index];
}

const McRegionInfo *
mc_figure_info_find_region (const McFigureInfo *info,
                            const char         *region_id)
{
  g_return_val_if_fail (info != NULL, NULL);

  if (region_id == NULL)
    return NULL;

  for (guint i = 0; i < info->n_regions; i++)
    if (strcmp (info->regions[i].id, region_id) == 0)
      return &info->regions[i];

  return NULL;
}

const char *
mc_region_info_get_id (const McRegionInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return info->id;
}

const char *
mc_region_info_get_role (const McRegionInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return info->role;
}

const char *
mc_region_info_get_label (const McRegionInfo *info,
                          McLanguage          lang)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (lang < MC_N_LANGUAGES, NULL);
  return info->label[lang];
}

const char *
mc_region_info_get_definition (const McRegionInfo *info,
                               McLanguage          lang)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (lang < MC_N_LANGUAGES, NULL);
  return info->definition[lang];
}

const char * const *
mc_region_info_get_questions (const McRegionInfo *info,
                              McLanguage          lang)
{
  g_return_val_if_fail (info != NULL, no_questions);
  g_return_val_if_fail (lang < MC_N_LANGUAGES, no_questions);
  return (const char * const *) info->questions[lang];
}
