/* mc-object-private.h — field helpers shared by McNote, McFigure and McCluster
 *
 * The three board objects keep plain fields, change them only through
 * "update" functions that notify on a real change, and carry the members of
 * their JSON object this build does not know. These helpers are that logic
 * once, so the three types cannot drift apart.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>
#include <string.h>

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76; Debian 12 has 2.74. */
static inline gboolean
_mc_set_str (char       **slot,
             const char  *value)
{
  char *copy;

  if (*slot == value || g_strcmp0 (*slot, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*slot);
  *slot = copy;
  return TRUE;
}

/* The index of str in the NULL-terminated list, or -1. */
static inline int
_mc_strv_index (const char * const *list,
                const char         *str)
{
  if (str == NULL)
    return -1;

  for (int i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], str) == 0)
      return i;

  return -1;
}

/* The entry of the NULL-terminated list equal to str (so it can be compared
 * by address), or NULL. */
static inline const char *
_mc_intern_in (const char * const *list,
               const char         *str)
{
  int i = _mc_strv_index (list, str);

  return i >= 0 ? list[i] : NULL;
}

/* Stores value and notifies pspec, only when the value really changes. */
static inline void
_mc_update_str (GObject     *object,
                char       **slot,
                const char  *value,
                GParamSpec  *pspec)
{
  if (_mc_set_str (slot, value))
    g_object_notify_by_pspec (object, pspec);
}

static inline void
_mc_update_double (GObject    *object,
                   double     *slot,
                   double      value,
                   GParamSpec *pspec)
{
  if (*slot != value)
    {
      *slot = value;
      g_object_notify_by_pspec (object, pspec);
    }
}

static inline void
_mc_update_boolean (GObject    *object,
                    gboolean   *slot,
                    gboolean    value,
                    GParamSpec *pspec)
{
  value = !!value;
  if (*slot != value)
    {
      *slot = value;
      g_object_notify_by_pspec (object, pspec);
    }
}

/* For interned strings (colours, kinds), compared by address; NULL is
 * what interning returns for an unknown name and changes nothing. */
static inline void
_mc_update_interned (GObject     *object,
                     const char **slot,
                     const char  *interned,
                     GParamSpec  *pspec)
{
  if (interned != NULL && interned != *slot)
    {
      *slot = interned;
      g_object_notify_by_pspec (object, pspec);
    }
}

/* Unknown members are immutable once set, so copies share them. */
static inline JsonObject *
_mc_extra_ref (JsonObject *extra)
{
  return extra != NULL ? json_object_ref (extra) : NULL;
}

static inline void
_mc_extra_set (JsonObject **slot,
               JsonObject  *extra)
{
  if (extra == *slot)
    return;
  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (slot, json_object_unref);
  *slot = extra;
}

/* No unknown members and an empty set of them are the same thing. */
static inline gboolean
_mc_extra_equal (JsonObject *a,
                 JsonObject *b)
{
  gboolean a_empty = a == NULL || json_object_get_size (a) == 0;
  gboolean b_empty = b == NULL || json_object_get_size (b) == 0;

  if (a_empty || b_empty)
    return a_empty == b_empty;

  return a == b || json_object_equal (a, b);
}

G_END_DECLS
