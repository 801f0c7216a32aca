/* mc-json-writer-private.h — pretty-printed JSON straight into a GString
 *
 * Two-space indentation, one member or element per line, "name": value.
 * Numbers are written in the shortest form that reads back as the same
 * double, so the same values always give the same bytes.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  GString *out;
  guint    level;
  gboolean first;
} McJsonWriter;

void _mc_json_append_string        (GString      *out,
                                    const char   *str);
void _mc_json_append_double        (GString      *out,
                                    double        v);
/* open is '{' or '['; close the same container with its closing bracket,
 * saying whether nothing was written into it. */
void _mc_json_begin                (McJsonWriter *w,
                                    char          open);
void _mc_json_end                  (McJsonWriter *w,
                                    char          close,
                                    gboolean      was_empty);
/* Starts the next element of an array (the caller writes the value). */
void _mc_json_next_item            (McJsonWriter *w);
/* Starts the member name of an object (the caller writes the value). */
void _mc_json_member               (McJsonWriter *w,
                                    const char   *name);
void _mc_json_string_member        (McJsonWriter *w,
                                    const char   *name,
                                    const char   *value);
void _mc_json_double_member        (McJsonWriter *w,
                                    const char   *name,
                                    double        value);
/* Any JSON value, e.g. a member the loader did not know. */
void _mc_json_write_node           (McJsonWriter *w,
                                    JsonNode     *node);
/* Every member of extra (may be NULL), in its original order. */
void _mc_json_write_extra_members  (McJsonWriter *w,
                                    JsonObject   *extra);

G_END_DECLS
