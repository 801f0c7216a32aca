/* mc-layout.c — board + catalog + view options → scene */
#include "config.h"

#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "mc-layout.h"
#include "mc-layout-private.h"
#include "mc-layout-clusters-private.h"
#include "mc-board.h"
#include "mc-command.h"
#include "mc-figure-kind.h"
#include "mc-figure-kinds-private.h"
#include "mc-history.h"
#include "mc-text.h"
#include "mc-theme.h"

/* Gap between packed notes and around panels, in figure units. */
#define NOTE_GAP       10.0
#define PANEL_GAP      48.0
#define PANEL_WIDTH    560.0

typedef struct
{
  PangoLayout *layout;
  gboolean     fits;
  guint        generation; /* last build that used it */
} CachedText;

/* A figure's drawing depends only on its kind, frame and the view options,
 * so editing notes reuses it as is. */
typedef struct
{
  McScene    *scene;
  GHashTable *note_areas;
  guint       generation;
} CachedFigure;

struct _McLayout
{
  GObject     parent_instance;

  McCatalog  *catalog;
  GHashTable *text_cache;   /* key string → CachedText* */
  GHashTable *note_rects;   /* note id → McRect* (board units) */
  GHashTable *note_areas;   /* "figure/region" → McRect*, last build */
  GHashTable *figure_cache; /* key string → CachedFigure* */
  guint       generation;
  guint       n_text_layouts_created;
};

G_DEFINE_FINAL_TYPE (McLayout, mc_layout, G_TYPE_OBJECT)

/* What the layout knows about one drawn figure while it builds. */
typedef struct
{
  McFigure                *figure;       /* NULL for mc_layout_build_kind */
  const char              *placement_id;
  const McFigureKindClass *kind;
  const McFigureInfo      *info;
  McRect                   frame;
  double                   scale;
  GHashTable              *note_areas;  /* region id → McRect*, may be NULL */
  GHashTable              *used_regions; /* region ids with notes */
} PlacedFigure;

static void
placed_figure_clear (gpointer data)
{
  PlacedFigure *placed = data;

  g_clear_pointer (&placed->note_areas, g_hash_table_unref);
  g_clear_pointer (&placed->used_regions, g_hash_table_unref);
}

static void
cached_text_free (gpointer data)
{
  CachedText *cached = data;

  g_clear_object (&cached->layout);
  g_free (cached);
}

static void
cached_figure_free (gpointer data)
{
  CachedFigure *cached = data;

  g_clear_pointer (&cached->scene, mc_scene_unref);
  g_clear_pointer (&cached->note_areas, g_hash_table_unref);
  g_free (cached);
}

static void
mc_layout_finalize (GObject *object)
{
  McLayout *self = MC_LAYOUT (object);

  g_clear_pointer (&self->figure_cache, g_hash_table_unref);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->text_cache, g_hash_table_unref);
  g_clear_pointer (&self->note_rects, g_hash_table_unref);
  g_clear_pointer (&self->note_areas, g_hash_table_unref);

  G_OBJECT_CLASS (mc_layout_parent_class)->finalize (object);
}

static void
mc_layout_class_init (McLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_layout_finalize;
}

static void
mc_layout_init (McLayout *self)
{
  self->text_cache = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, cached_text_free);
  self->note_rects = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, (GDestroyNotify) mc_rect_free);
  self->note_areas = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, (GDestroyNotify) mc_rect_free);
  self->figure_cache = g_hash_table_new_full (g_str_hash, g_str_equal,
                                              g_free, cached_figure_free);
}

McLayout *
mc_layout_new (McCatalog *catalog)
{
  McLayout *self;

  g_return_val_if_fail (catalog == NULL || MC_IS_CATALOG (catalog), NULL);

  self = g_object_new (MC_TYPE_LAYOUT, NULL);
  self->catalog = catalog != NULL ? g_object_ref (catalog) : NULL;
  return self;
}

guint
_mc_layout_get_n_text_layouts_created (McLayout *self)
{
  g_return_val_if_fail (MC_IS_LAYOUT (self), 0);

  return self->n_text_layouts_created;
}

gboolean
mc_layout_get_note_area (McLayout   *self,
                          const char *figure_id,
                          const char *region_id,
                          McRect     *area)
{
  g_autofree char *key = NULL;
  const McRect *found;

  g_return_val_if_fail (MC_IS_LAYOUT (self), FALSE);

  key = g_strdup_printf ("%s/%s", figure_id, region_id);
  found = g_hash_table_lookup (self->note_areas, key);
  if (found == NULL)
    return FALSE;
  *area = *found;
  return TRUE;
}

static void
remember_note_areas (McLayout   *self,
                     const char *placement_id,
                     GHashTable *areas)
{
  GHashTableIter iter;
  gpointer key, value;

  if (areas == NULL)
    return;

  g_hash_table_iter_init (&iter, areas);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->note_areas,
                         g_strdup_printf ("%s/%s", placement_id, (const char *) key),
                         mc_rect_copy (value));
}

static const McFigureInfo *
lookup_info (McLayout   *self,
             const char *kind)
{
  if (self->catalog == NULL || kind == NULL)
    return NULL;
  return mc_catalog_get_figure (self->catalog, kind);
}

static double
text_floor (const McTheme       *theme,
            const McViewOptions *options)
{
  return options->min_font_size > 0 ? options->min_font_size : theme->min_font_size;
}

/* Builds one figure kind into its own scene (so regions can be filtered
 * before they join the board) and returns its note areas. */
static McScene *
draw_figure_scene (McLayout                *self,
                    const McFigureKindClass *kind,
                    const McFigureInfo      *info,
                    const char              *placement_id,
                    const McRect            *frame,
                    const McViewOptions     *options,
                    GHashTable             **note_areas)
{
  McScene *scene = mc_scene_new ();
  const McTheme *theme = mc_theme_get (options->theme);
  g_autoptr(McPath) frame_path = mc_path_new ();
  McFigureBuild build = { 0, };
  const char *title = info != NULL ? mc_figure_info_get_title (info, options->language) : NULL;

  build.scene = scene;
  build.info = info;
  build.theme = theme;
  build.options = options;
  build.language = options->language;
  build.placement_id = placement_id;
  build.frame = *frame;
  build.unit = frame->width / kind->natural_width;
  build.font_scale = build.unit;
  build.min_font_size = text_floor (theme, options);

  mc_path_rectangle (frame_path, frame);
  mc_scene_begin_group (scene, MC_ROLE_FIGURE, placement_id,
                        title != NULL ? title : placement_id, frame_path);
  if (kind->build != NULL)
    kind->build (&build);
  else
    _mc_figure_build_placeholder (&build);
  mc_scene_end_group (scene);

  *note_areas = build.note_areas;
  return scene;
}

static GHashTable *
copy_note_areas (GHashTable *areas)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, (GDestroyNotify) mc_rect_free);
  GHashTableIter iter;
  gpointer key, value;

  if (areas != NULL)
    {
      g_hash_table_iter_init (&iter, areas);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (copy, g_strdup (key), mc_rect_copy (value));
    }

  return copy;
}

/* Returns a new reference to the figure's scene, drawn or from the cache,
 * and a copy of its note areas. */
static McScene *
build_figure_scene (McLayout                *self,
                    const McFigureKindClass *kind,
                    const McFigureInfo      *info,
                    const char              *placement_id,
                    const McRect            *frame,
                    const McViewOptions     *options,
                    GHashTable             **note_areas)
{
  g_autofree char *key = NULL;
  CachedFigure *cached;

  key = g_strdup_printf ("%s\x1f%s\x1f%p\x1f%.4f\x1f%.4f\x1f%.4f\x1f%.4f\x1f%d\x1f%d\x1f%d\x1f%d\x1f%.3f",
                         placement_id, kind->id, (gconstpointer) info,
                         frame->x, frame->y, frame->width, frame->height,
                         options->theme, options->language, options->questions,
                         options->definitions, options->min_font_size);
  cached = g_hash_table_lookup (self->figure_cache, key);
  if (cached == NULL)
    {
      cached = g_new0 (CachedFigure, 1);
      cached->scene = draw_figure_scene (self, kind, info, placement_id, frame, options,
                                         &cached->note_areas);
      g_hash_table_insert (self->figure_cache, g_steal_pointer (&key), cached);
    }

  cached->generation = self->generation;
  *note_areas = copy_note_areas (cached->note_areas);
  return mc_scene_ref (cached->scene);
}

/* Copies a figure's scene, leaving out region groups without notes when
 * the options hide empty regions. */
static void
append_figure (McScene             *scene,
               McScene             *figure_scene,
               const char          *placement_id,
               GHashTable          *used_regions,
               const McViewOptions *options)
{
  guint n = mc_scene_get_n_items (figure_scene);
  gsize prefix_len = strlen (placement_id) + 1;
  guint run_start = 0;
  guint i = 0;

  if (options->empty_regions)
    {
      mc_scene_append (scene, figure_scene);
      return;
    }

  while (i < n)
    {
      const McSceneItem *item = mc_scene_get_item (figure_scene, i);

      if (item->kind == MC_ITEM_GROUP_BEGIN && item->role == MC_ROLE_REGION &&
          item->id != NULL && strlen (item->id) > prefix_len &&
          (used_regions == NULL ||
           !g_hash_table_contains (used_regions, item->id + prefix_len)))
        {
          if (i > run_start)
            mc_scene_append_range (scene, figure_scene, run_start, i);
          i = mc_scene_group_end (figure_scene, i);
          run_start = i;
          continue;
        }
      i++;
    }

  if (n > run_start)
    mc_scene_append_range (scene, figure_scene, run_start, n);
}

/* Notes */

static PangoLayout *
note_text_layout (McLayout          *self,
                  const char        *text,
                  const McTextStyle *style,
                  double             width,
                  double             height,
                  double             min_size,
                  gboolean          *fits)
{
  g_autofree char *key = NULL;
  CachedText *cached;

  key = g_strdup_printf ("%s\x1f%d\x1f%.3f\x1f%.3f\x1f%.3f\x1f%.3f\x1f%s",
                         style->family != NULL ? style->family : "",
                         (int) style->weight, style->size, min_size,
                         width, height, text);
  cached = g_hash_table_lookup (self->text_cache, key);
  if (cached == NULL)
    {
      cached = g_new0 (CachedText, 1);
      cached->layout = mc_text_layout_fit (text, style, width, height, min_size,
                                           &cached->fits);
      self->n_text_layouts_created++;
      g_hash_table_insert (self->text_cache, g_steal_pointer (&key), cached);
    }

  cached->generation = self->generation;
  *fits = cached->fits;
  return cached->layout;
}

static void
darken (const McColor *color,
        double         factor,
        McColor       *result)
{
  result->red = color->red * factor;
  result->green = color->green * factor;
  result->blue = color->blue * factor;
  result->alpha = color->alpha;
}

static void
draw_note (McLayout            *self,
           McScene             *scene,
           McNote              *note,
           const McRect        *rect,
           double               s,
           double               opacity,
           const McViewOptions *options)
{
  const McTheme *theme = mc_theme_get (options->theme);
  const char *text = mc_note_get_text (note);
  g_autofree char *id = g_strdup_printf ("note:%s", mc_note_get_id (note));
  g_autoptr(McPath) hit = mc_path_new ();
  g_autoptr(McPath) body = mc_path_new ();
  guint votes = mc_note_get_votes (note);
  double pad = 10 * s;
  double votes_strip = votes > 0 ? 14 * s : 0;
  McColor fill, edge;
  double floor_size = text_floor (theme, options);
  /* Even note text never goes below the view's floor (exports ask for 7 pt
   * at the printed width): it gets cut with an ellipsis instead. */
  McTextStyle style = { theme->font_family, MAX (theme->note_size * s, floor_size),
                        PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, 0 };
  double min_size = MIN (MAX (floor_size, theme->note_size * s * 0.6), style.size);
  gboolean fits = TRUE;

  mc_path_rectangle (hit, rect);
  mc_scene_begin_group (scene, MC_ROLE_NOTE, id, text, hit);
  /* Notes from an earlier phase of the session recede. */
  if (opacity < 1.0)
    mc_scene_set_group_opacity (scene, opacity);

  mc_theme_get_note_fill (theme, mc_note_get_color (note), &fill);
  darken (&fill, theme->kind == MC_THEME_PRINT ? 0.55 : 0.82, &edge);
  mc_path_rounded_rectangle (body, rect, 3 * s);

  if (theme->kind != MC_THEME_PRINT)
    {
      /* A very soft shadow lifts the note off the figure. */
      g_autoptr(McPath) shadow = mc_path_new ();
      McRect shadow_rect = { rect->x + 0.5 * s, rect->y + 2 * s, rect->width, rect->height };
      McColor shadow_color = { 0, 0, 0, 0.10 };

      mc_path_rounded_rectangle (shadow, &shadow_rect, 3 * s);
      mc_scene_add_path (scene, MC_ROLE_DECORATION, shadow, &shadow_color, NULL, 0,
                         MC_LINE_SOLID);
    }
  mc_scene_add_path (scene, MC_ROLE_NOTE, body, &fill, &edge,
                     MAX (theme->thin_line_width * 0.6 * s, 0.5), MC_LINE_SOLID);

  if (text != NULL && *text != '\0')
    {
      double w = rect->width - 2 * pad;
      double h = rect->height - 2 * pad - votes_strip;

      if (w > 0 && h > 0)
        {
          PangoLayout *layout = note_text_layout (self, text, &style, w, h, min_size, &fits);

          mc_scene_add_text (scene, MC_ROLE_NOTE_TEXT, layout, rect->x + pad,
                             rect->y + pad, &theme->ink);
        }
    }

  if (!fits)
    {
      /* The ellipsis ends the text; a small "…" tab at the corner says
       * plainly that there is more than shown. */
      McTextStyle marker_style = { theme->font_family, MAX (12 * s, floor_size), PANGO_WEIGHT_BOLD,
                                   PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, 0 };
      g_autoptr(McPath) tab = mc_path_new ();
      gboolean marker_fits;
      PangoLayout *marker = note_text_layout (self, "\u2026", &marker_style, -1,
                                              marker_style.size * 1.7,
                                              marker_style.size, &marker_fits);
      double mw, mh;
      McRect tab_rect;

      mc_text_layout_get_size (marker, &mw, &mh);
      tab_rect = (McRect) { rect->x + rect->width - mw - 8 * s, rect->y + rect->height - mh - 2 * s,
                            mw + 6 * s, mh };
      mc_path_rounded_rectangle (tab, &tab_rect, 3 * s);
      mc_scene_add_path (scene, MC_ROLE_DECORATION, tab, &edge, NULL, 0, MC_LINE_SOLID);
      mc_scene_add_text (scene, MC_ROLE_DECORATION, marker, tab_rect.x + 3 * s, tab_rect.y,
                         &theme->ink);
    }

  if (votes > 0)
    {
      g_autoptr(McPath) dots = mc_path_new ();
      McColor dot_color;
      double r = 3.5 * s;
      guint shown = MIN (votes, 10);
      double cy = rect->y + rect->height - pad * 0.6 - r;

      if (theme->kind == MC_THEME_PRINT)
        dot_color = theme->ink;
      else
        mc_color_parse (&dot_color, "#0072b2");

      for (guint i = 0; i < shown; i++)
        mc_path_circle (dots, rect->x + pad + r + i * (2 * r + 3 * s), cy, r);
      mc_scene_add_path (scene, MC_ROLE_VOTES, dots, &dot_color, NULL, 0, MC_LINE_SOLID);

      if (votes > shown)
        {
          g_autofree char *count = g_strdup_printf ("+%u", votes - shown);
          McTextStyle small = { theme->font_family, MAX (10 * s, floor_size), PANGO_WEIGHT_SEMIBOLD,
                                PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, 0 };
          gboolean count_fits;
          PangoLayout *layout = note_text_layout (self, count, &small, -1, small.size * 1.4,
                                                  small.size, &count_fits);
          double th;

          mc_text_layout_get_size (layout, NULL, &th);
          mc_scene_add_text (scene, MC_ROLE_VOTES, layout,
                             rect->x + pad + shown * (2 * r + 3 * s), cy - th / 2,
                             &theme->ink);
        }
    }

  if (mc_note_get_conflict (note))
    {
      g_autoptr(McPath) outline = mc_path_new ();
      McRect around = { rect->x - 3 * s, rect->y - 3 * s,
                        rect->width + 6 * s, rect->height + 6 * s };
      McColor red;

      mc_color_parse (&red, theme->kind == MC_THEME_PRINT ? "#000000" : "#c62828");
      mc_path_rounded_rectangle (outline, &around, 5 * s);
      mc_scene_add_path (scene, MC_ROLE_DECORATION, outline, NULL, &red, 2 * s,
                         MC_LINE_DASHED);
    }

  mc_scene_end_group (scene);
}

typedef struct
{
  McRect area;
  double x;
  double y;
  double row_height;
} Shelf;

static gboolean
collides (GArray       *placed,
          const McRect *rect)
{
  for (guint i = 0; i < placed->len; i++)
    if (mc_rect_intersects (&g_array_index (placed, McRect, i), rect))
      return TRUE;
  return FALSE;
}

/* Rows inside the note area, centred; once the area is full the rows go on
 * below it. Every packed rectangle of the figure is checked, so notes that
 * spill out of one region never land on another region's notes. */
static void
pack_note (Shelf  *shelf,
           GArray *placed,
           double  width,
           double  height,
           double  gap,
           McRect *result)
{
  McRect candidate;

  if (shelf->row_height < 0)
    {
      guint cols = (guint) floor ((shelf->area.width + gap) / (width + gap));
      double used = cols > 0 ? cols * (width + gap) - gap : width;

      shelf->x = shelf->area.x + MAX (0, (shelf->area.width - used) / 2);
      shelf->area.x = shelf->x;
      shelf->area.width = MAX (used, width);
      shelf->y = shelf->area.y;
      shelf->row_height = 0;
    }

  for (;;)
    {
      if (shelf->x + width > shelf->area.x + shelf->area.width + 0.01 &&
          shelf->x > shelf->area.x)
        {
          shelf->x = shelf->area.x;
          shelf->y += (shelf->row_height > 0 ? shelf->row_height : height) + gap;
          shelf->row_height = 0;
        }

      candidate = (McRect) { shelf->x, shelf->y, width, height };
      shelf->x += width + gap;
      if (collides (placed, &candidate))
        continue;

      shelf->row_height = MAX (shelf->row_height, height);
      g_array_append_val (placed, candidate);
      *result = candidate;
      return;
    }
}

/* Questions list and caption */

static const char *
figure_word (McLanguage language)
{
  /* Model content follows the board's language, not the UI's. */
  return language == MC_LANGUAGE_EN ? "Figure" : "Figuur";
}

static double
add_stacked_text_indented (McScene           *scene,
                           McItemRole         role,
                           const char        *text,
                           const McTextStyle *style,
                           double             x,
                           double             y,
                           double             width,
                           double             hanging,
                           const McColor     *color)
{
  g_autoptr(PangoLayout) layout = mc_text_layout_new (text, style, width);
  double h;

  /* Wrapped lines of a numbered item line up after its number. */
  if (hanging > 0)
    pango_layout_set_indent (layout, (int) (-hanging * PANGO_SCALE));

  mc_scene_add_text (scene, role, layout, x, y, color);
  mc_text_layout_get_size (layout, NULL, &h);
  return h;
}

static double
add_stacked_text (McScene           *scene,
                  McItemRole         role,
                  const char        *text,
                  const McTextStyle *style,
                  double             x,
                  double             y,
                  double             width,
                  const McColor     *color)
{
  return add_stacked_text_indented (scene, role, text, style, x, y, width, 0, color);
}

/* A numbered list of every region's questions, from the catalog; returns
 * its bottom edge. */
static double
add_questions_list (McScene             *scene,
                    const PlacedFigure  *placed,
                    double               x,
                    double               y,
                    double               unit,
                    const McViewOptions *options)
{
  const McTheme *theme = mc_theme_get (options->theme);
  double floor_size = text_floor (theme, options);
  double width = PANEL_WIDTH * unit;
  McTextStyle heading = { theme->font_family, MAX (theme->label_size * 0.8 * unit, floor_size),
                          PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, 0 };
  McTextStyle body = { theme->font_family, MAX (theme->body_size * unit, floor_size),
                       PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, 0 };
  g_autofree char *id = g_strdup_printf ("%s:questions", placed->placement_id);
  g_autoptr(McPath) rule = mc_path_new ();
  guint n_regions = placed->info != NULL ? mc_figure_info_get_n_regions (placed->info) : 0;
  double top = y;
  guint number = 1;

  mc_scene_begin_group (scene, MC_ROLE_QUESTION, id, NULL, NULL);
  for (guint i = 0; i < n_regions; i++)
    {
      const McRegionInfo *region = mc_figure_info_get_region (placed->info, i);
      const char * const *questions = mc_region_info_get_questions (region, options->language);
      const char *label = mc_region_info_get_label (region, options->language);
      g_autoptr(GString) list = NULL;

      if (questions == NULL || questions[0] == NULL)
        continue;

      if (y > top)
        y += body.size * 0.8;
      y += add_stacked_text (scene, MC_ROLE_LABEL, label != NULL ? label : mc_region_info_get_id (region),
                             &heading, x + 14 * unit, y, width - 14 * unit, &theme->ink);
      y += body.size * 0.25;

      list = g_string_new (NULL);
      for (guint q = 0; questions[q] != NULL; q++)
        g_string_append_printf (list, "%s%u.\u2002%s", q > 0 ? "\n" : "", number++, questions[q]);
      y += add_stacked_text_indented (scene, MC_ROLE_QUESTION, list->str, &body,
                                      x + 14 * unit, y, width - 14 * unit,
                                      body.size * (number > 10 ? 1.6 : 1.1), &theme->muted_ink);
    }

  if (y > top)
    {
      mc_path_move_to (rule, x, top);
      mc_path_line_to (rule, x, y);
      mc_scene_add_path (scene, MC_ROLE_DECORATION, rule, NULL, &theme->rule,
                         theme->thin_line_width * unit, MC_LINE_SOLID);
    }
  mc_scene_end_group (scene);

  return y;
}

static void
add_caption (McScene             *scene,
             const char          *id,
             int                  number,
             const char          *title,
             const char          *sentence,
             double               x,
             double               y,
             double               width,
             double               unit,
             const McViewOptions *options)
{
  const McTheme *theme = mc_theme_get (options->theme);
  double floor_size = text_floor (theme, options);
  double size = MAX (theme->body_size * 1.1 * unit, floor_size);
  McTextStyle bold = { theme->font_family, size, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                       PANGO_ALIGN_LEFT, 0 };
  McTextStyle italic = { theme->font_family, size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC,
                         PANGO_ALIGN_LEFT, 0 };
  McTextStyle regular = { theme->font_family, size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                          PANGO_ALIGN_LEFT, 0 };
  g_autofree char *heading = g_strdup_printf ("%s %d", figure_word (options->language), number);

  mc_scene_begin_group (scene, MC_ROLE_CAPTION, id, NULL, NULL);
  y += add_stacked_text (scene, MC_ROLE_CAPTION, heading, &bold, x, y, width, &theme->ink);
  y += size * 0.3;
  if (title != NULL)
    y += add_stacked_text (scene, MC_ROLE_CAPTION, title, &italic, x, y, width, &theme->ink);
  if (sentence != NULL && *sentence != '\0')
    {
      y += size * 0.3;
      add_stacked_text (scene, MC_ROLE_CAPTION, sentence, &regular, x, y, width,
                        &theme->ink);
    }
  mc_scene_end_group (scene);
}

/* The list panels and captions for the figures drawn. One figure: its list
 * beside it and its caption below. Several: the lists in a column to the
 * right of them all, one caption below everything. */
static void
add_panels (McScene             *scene,
            GArray              *placed_figures,
            const char          *board_title,
            const McViewOptions *options)
{
  McRect all = { 0, };
  double list_bottom = -G_MAXDOUBLE;
  double unit = 1.0;

  if (placed_figures->len == 0)
    return;

  for (guint i = 0; i < placed_figures->len; i++)
    {
      PlacedFigure *placed = &g_array_index (placed_figures, PlacedFigure, i);

      if (i == 0)
        all = placed->frame;
      else
        mc_rect_union (&all, &placed->frame, &all);
    }
  {
    PlacedFigure *first = &g_array_index (placed_figures, PlacedFigure, 0);

    unit = first->frame.width / first->kind->natural_width;
  }

  if (options->questions == MC_QUESTIONS_LIST)
    {
      double y = all.y;

      for (guint i = 0; i < placed_figures->len; i++)
        {
          PlacedFigure *placed = &g_array_index (placed_figures, PlacedFigure, i);
          double u = placed->frame.width / placed->kind->natural_width;
          double x = all.x + all.width + PANEL_GAP * u;

          if (placed_figures->len == 1)
            y = placed->frame.y;
          y = add_questions_list (scene, placed, x, y, u, options) + PANEL_GAP * u;
          list_bottom = MAX (list_bottom, y - PANEL_GAP * u);
        }
    }

  if (options->caption)
    {
      double y = MAX (all.y + all.height, list_bottom) + 28 * unit;
      double width = MAX (all.width, PANEL_WIDTH * unit);

      if (placed_figures->len == 1)
        {
          PlacedFigure *placed = &g_array_index (placed_figures, PlacedFigure, 0);
          g_autofree char *id = g_strdup_printf ("%s:caption", placed->placement_id);
          const char *kind = placed->kind->id;
          const char *title = placed->info != NULL
                              ? mc_figure_info_get_title (placed->info, options->language) : NULL;
          const char *sentence = NULL;
          int number = placed->info != NULL ? mc_figure_info_get_number (placed->info) : 1;

          /* The CIMO figure carries its reasoning sentence, as in the seed. */
          if (placed->info != NULL && g_strcmp0 (kind, "cimo") == 0)
            sentence = mc_figure_info_get_caption (placed->info, options->language);
          add_caption (scene, id, number, title, sentence, all.x, y, width, unit, options);
        }
      else
        {
          add_caption (scene, "board:caption", 1, board_title, NULL, all.x, y, width,
                       unit, options);
        }
    }
}

/* Building */

static void
figure_frame (McFigure                *figure,
              const McFigureKindClass *kind,
              McRect                  *frame)
{
  double scale = mc_figure_get_scale (figure);
  double nw = kind != NULL ? kind->natural_width : 1000;
  double nh = kind != NULL ? kind->natural_height : 1000;

  frame->x = mc_figure_get_x (figure);
  frame->y = mc_figure_get_y (figure);
  frame->width = nw * scale;
  frame->height = nh * scale;
}

static void
trim_text_cache (McLayout *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->figure_cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CachedFigure *cached = value;

      if (cached->generation != self->generation)
        g_hash_table_iter_remove (&iter);
    }

  /* Keep what the last build used; an edited note's old text goes. */
  g_hash_table_iter_init (&iter, self->text_cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CachedText *cached = value;

      if (cached->generation != self->generation)
        g_hash_table_iter_remove (&iter);
    }
}

typedef struct
{
  McNote *note;
  McRect  rect;
  double  scale;
} DrawnNote;

static gboolean
lookup_note_rect (gpointer    user_data,
                  const char *note_id,
                  McRect     *rect)
{
  McLayout *self = user_data;

  return mc_layout_get_note_rect (self, note_id, rect);
}

McScene *
mc_layout_build (McLayout            *self,
                 McBoard             *board,
                 const McViewOptions *options)
{
  const McTheme *theme;
  g_autoptr(McScene) content = mc_scene_new ();
  g_autoptr(GArray) placed_figures = NULL;
  g_autoptr(GHashTable) by_id = NULL;  /* placement id → index into placed_figures */
  g_autoptr(GHashTable) shelves = NULL; /* "placement/region" → Shelf* */
  g_autoptr(GHashTable) packed = NULL;  /* placement id → GArray of McRect */
  g_autoptr(GArray) drawn_notes = g_array_new (FALSE, FALSE, sizeof (DrawnNote));
  GPtrArray *figures, *notes;
  McScene *scene;
  McRect bounds;

  g_return_val_if_fail (MC_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  theme = mc_theme_get (options->theme);
  self->generation++;
  g_hash_table_remove_all (self->note_rects);
  g_hash_table_remove_all (self->note_areas);

  placed_figures = g_array_new (FALSE, TRUE, sizeof (PlacedFigure));
  g_array_set_clear_func (placed_figures, placed_figure_clear);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  shelves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  packed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                  (GDestroyNotify) g_array_unref);

  figures = mc_board_get_figures (board);
  notes = mc_board_get_notes (board);

  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      McFigure *figure = g_ptr_array_index (figures, i);
      PlacedFigure placed = { 0, };

      if (options->figure_id != NULL &&
          g_strcmp0 (options->figure_id, mc_figure_get_id (figure)) != 0)
        continue;

      placed.figure = figure;
      placed.placement_id = mc_figure_get_id (figure);
      placed.kind = mc_figure_kind_lookup (mc_figure_get_kind (figure));
      if (placed.kind == NULL)
        continue;   /* a kind from a newer version: kept in the file, not drawn */
      placed.info = lookup_info (self, placed.kind->id);
      placed.scale = mc_figure_get_scale (figure);
      figure_frame (figure, placed.kind, &placed.frame);
      placed.used_regions = g_hash_table_new (g_str_hash, g_str_equal);
      g_array_append_val (placed_figures, placed);
    }
  for (guint i = 0; i < placed_figures->len; i++)
    {
      PlacedFigure *placed = &g_array_index (placed_figures, PlacedFigure, i);

      g_hash_table_insert (by_id, (gpointer) placed->placement_id, GUINT_TO_POINTER (i + 1));
    }

  /* Which regions have notes: hidden-when-empty needs it before drawing. */
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      const char *figure_id = mc_note_get_figure_id (note);
      const char *region_id = mc_note_get_region_id (note);
      guint index;

      if (figure_id == NULL || region_id == NULL)
        continue;
      index = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, figure_id));
      if (index > 0)
        g_hash_table_add (g_array_index (placed_figures, PlacedFigure, index - 1).used_regions,
                          (gpointer) region_id);
    }

  for (guint i = 0; i < placed_figures->len; i++)
    {
      PlacedFigure *placed = &g_array_index (placed_figures, PlacedFigure, i);
      g_autoptr(McScene) figure_scene = NULL;

      figure_scene = build_figure_scene (self, placed->kind, placed->info,
                                         placed->placement_id, &placed->frame,
                                         options, &placed->note_areas);
      remember_note_areas (self, placed->placement_id, placed->note_areas);
      append_figure (content, figure_scene, placed->placement_id,
                     placed->used_regions, options);
    }

  add_panels (content, placed_figures, mc_board_get_title (board), options);

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      const char *figure_id = mc_note_get_figure_id (note);
      const char *region_id = mc_note_get_region_id (note);
      PlacedFigure *placed = NULL;
      McRect stored, rect;
      double s = 1.0;

      if (figure_id != NULL)
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, figure_id));

          if (index > 0)
            placed = &g_array_index (placed_figures, PlacedFigure, index - 1);
          else if (options->figure_id != NULL || mc_board_get_figure (board, figure_id) != NULL)
            continue;   /* its figure is not drawn in this view */
        }
      else if (options->figure_id != NULL)
        continue;       /* free notes belong to the whole board only */

      mc_note_get_rect (note, &stored);
      if (stored.width <= 0)
        stored.width = MC_NOTE_DEFAULT_WIDTH;
      if (stored.height <= 0)
        stored.height = MC_NOTE_DEFAULT_HEIGHT;

      if (placed == NULL)
        {
          /* Free (or anchored to a figure the board lacks): board units. */
          rect = stored;
          if (!mc_note_get_has_position (note))
            rect.x = rect.y = 0;
        }
      else
        {
          s = placed->scale;
          if (mc_note_get_has_position (note))
            {
              rect = (McRect) { placed->frame.x + stored.x * s, placed->frame.y + stored.y * s,
                                stored.width * s, stored.height * s };
            }
          else
            {
              g_autofree char *key = g_strdup_printf ("%s/%s", placed->placement_id,
                                                      region_id != NULL ? region_id : "");
              Shelf *shelf = g_hash_table_lookup (shelves, key);
              GArray *placed_rects = g_hash_table_lookup (packed, placed->placement_id);

              if (shelf == NULL)
                {
                  const McRect *area = NULL;

                  if (placed->note_areas != NULL && region_id != NULL)
                    area = g_hash_table_lookup (placed->note_areas, region_id);
                  shelf = g_new0 (Shelf, 1);
                  if (area != NULL)
                    shelf->area = *area;
                  else
                    {
                      /* No area known (unknown region): the whole figure. */
                      double inset = 0.04 * MIN (placed->frame.width, placed->frame.height);

                      shelf->area = (McRect) { placed->frame.x + inset, placed->frame.y + inset,
                                               placed->frame.width - 2 * inset,
                                               placed->frame.height - 2 * inset };
                    }
                  shelf->row_height = -1;
                  g_hash_table_insert (shelves, g_steal_pointer (&key), shelf);
                }
              if (placed_rects == NULL)
                {
                  placed_rects = g_array_new (FALSE, FALSE, sizeof (McRect));
                  g_hash_table_insert (packed, (gpointer) placed->placement_id, placed_rects);
                }
              pack_note (shelf, placed_rects, stored.width * s, stored.height * s,
                         NOTE_GAP * s, &rect);
            }
        }

      g_hash_table_insert (self->note_rects, g_strdup (mc_note_get_id (note)),
                           mc_rect_copy (&rect));
      if (options->notes)
        {
          DrawnNote drawn = { note, rect, s };

          g_array_append_val (drawn_notes, drawn);
        }
    }

  /* Cluster outlines go under the notes they surround. */
  if (options->notes)
    _mc_layout_add_clusters (content, board, theme, lookup_note_rect, self);

  for (guint i = 0; i < drawn_notes->len; i++)
    {
      DrawnNote *drawn = &g_array_index (drawn_notes, DrawnNote, i);

      draw_note (self, content, drawn->note, &drawn->rect, drawn->scale,
                 _mc_layout_note_opacity (board, drawn->note), options);
    }

  trim_text_cache (self);

  /* The paper under everything, exactly as large as what is drawn. */
  scene = mc_scene_new ();
  mc_scene_get_bounds (content, &bounds);
  if (bounds.width > 0 && bounds.height > 0)
    {
      g_autoptr(McPath) paper = mc_path_new ();

      mc_path_rectangle (paper, &bounds);
      mc_scene_add_path (scene, MC_ROLE_BOARD, paper, &theme->paper, NULL, 0, MC_LINE_SOLID);
    }
  mc_scene_append (scene, content);

  return scene;
}

McScene *
mc_layout_build_kind (McLayout            *self,
                      const char          *kind,
                      double               width,
                      const McViewOptions *options)
{
  const McFigureKindClass *klass;
  g_autoptr(GArray) placed_figures = NULL;
  PlacedFigure placed = { 0, };
  McScene *scene;
  McScene *figure_scene;

  g_return_val_if_fail (MC_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (width > 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  klass = mc_figure_kind_lookup (kind);
  if (klass == NULL)
    return mc_scene_new ();

  placed.kind = klass;
  placed.placement_id = klass->id;
  placed.info = lookup_info (self, kind);
  placed.frame = (McRect) { 0, 0, width, width * klass->natural_height / klass->natural_width };
  placed.scale = width / klass->natural_width;

  scene = mc_scene_new ();
  g_hash_table_remove_all (self->note_areas);
  /* Kinds at arbitrary widths (thumbnails, tests) are not worth caching. */
  figure_scene = draw_figure_scene (self, klass, placed.info, klass->id, &placed.frame,
                                    options, &placed.note_areas);
  remember_note_areas (self, klass->id, placed.note_areas);
  /* Without a board every region is empty; hiding them would leave nothing. */
  mc_scene_append (scene, figure_scene);
  mc_scene_unref (figure_scene);

  placed_figures = g_array_new (FALSE, TRUE, sizeof (PlacedFigure));
  g_array_set_clear_func (placed_figures, placed_figure_clear);
  g_array_append_val (placed_figures, placed);
  add_panels (scene, placed_figures, NULL, options);

  return scene;
}

gboolean
mc_layout_get_figure_rect (McBoard    *board,
                           const char *figure_id,
                           McRect     *rect)
{
  McFigure *figure;

  g_return_val_if_fail (MC_IS_BOARD (board), FALSE);
  g_return_val_if_fail (figure_id != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  figure = mc_board_get_figure (board, figure_id);
  if (figure == NULL)
    return FALSE;

  figure_frame (figure, mc_figure_kind_lookup (mc_figure_get_kind (figure)), rect);
  return TRUE;
}

gboolean
mc_layout_get_note_rect (McLayout   *self,
                         const char *note_id,
                         McRect     *rect)
{
  const McRect *found;

  g_return_val_if_fail (MC_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (note_id != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  found = g_hash_table_lookup (self->note_rects, note_id);
  if (found == NULL)
    return FALSE;

  *rect = *found;
  return TRUE;
}

