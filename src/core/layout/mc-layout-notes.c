/* mc-layout-notes.c — a note's drawing (body, text, votes, conflict mark)
 * and the packing of notes into their region's note area */
#include "config.h"

#include <math.h>

#include "mc-layout-parts-private.h"
#include <glib/gi18n-lib.h>

#include "mc-board.h"
#include "mc-layout-incremental-private.h"

static char *
text_cache_key (const char        *text,
                const McTextStyle *style,
                double             width,
                double             height,
                double             min_size)
{
  return g_strdup_printf ("%s\x1f%d\x1f%.3f\x1f%.3f\x1f%.3f\x1f%.3f\x1f%s",
                          style->family != NULL ? style->family : "",
                          (int) style->weight, style->size, min_size,
                          width, height, text);
}

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

  key = text_cache_key (text, style, width, height, min_size);
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
note_style (const McTheme       *theme,
            const McViewOptions *options,
            double               s,
            McTextStyle         *style)
{
  *style = (McTextStyle) { theme->font_family,
                           MAX (theme->note_size * s, _mc_layout_text_floor (theme, options)),
                           PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, 0 };
}

void
_mc_layout_queue_note_measure (GArray              *jobs,
                               McNote              *note,
                               double               s,
                               const McViewOptions *options)
{
  McTextFitJob job = { mc_note_get_text (note), };

  if (job.text == NULL || *job.text == '\0')
    return;
  note_style (mc_theme_get (options->theme), options, s, &job.style);
  g_array_append_val (jobs, job);
}

void
_mc_layout_note_size (McNote              *note,
                      double               s,
                      gboolean             grow,
                      double               max_width,
                      const McViewOptions *options,
                      double              *width,
                      double              *height)
{
  const McTheme *theme = mc_theme_get (options->theme);
  const char *text = mc_note_get_text (note);
  McRect stored;

  mc_note_get_rect (note, &stored);
  *width = (stored.width > 0 ? stored.width : MC_NOTE_DEFAULT_WIDTH) * s;
  *height = (stored.height > 0 ? stored.height : MC_NOTE_DEFAULT_HEIGHT) * s;
  if (max_width > 0)
    *width = MIN (*width, floor (max_width));
  else if (max_width < 0)
    *width = floor (-max_width);   /* a column's width exactly */

  /* Wide enough for its longest word at the floor: words never break. */
  if (text != NULL && *text != '\0')
    {
      McTextStyle style;
      double lowest = _mc_layout_text_floor (theme, options);

      note_style (theme, options, s, &style);
      /* The smallest size _mc_layout_draw_note() may give the text. */
      lowest = MIN (grow ? lowest : MAX (lowest, theme->note_size * s * 0.6), style.size);
      *width = MAX (*width, ceil (mc_text_longest_word_width (text, &style) * lowest /
                                  style.size + 20 * s + 1));
    }

  /* As tall as its text at the note size, never cut. */
  if (grow && text != NULL && *text != '\0' && *width > 20 * s)
    {
      g_autoptr(PangoLayout) layout = NULL;
      McTextStyle style;
      double h;

      note_style (theme, options, s, &style);
      layout = mc_text_layout_new (text, &style, *width - 20 * s);
      mc_text_layout_get_size (layout, NULL, &h);
      /* Sized to its text: a short note need not keep the default's
       * empty space (journal figures are short of height). */
      *height = MAX (*height * 0.6,
                     ceil (h + 20 * s + (mc_note_get_votes (note) > 0 ? 14 * s : 0) + 1));
    }
}

/* The box a note's text has inside rect: padding, and the votes' strip. */
static void
note_text_box (McNote       *note,
               const McRect *rect,
               double        s,
               double       *width,
               double       *height)
{
  double pad = 10 * s;

  *width = rect->width - 2 * pad;
  *height = rect->height - 2 * pad - (mc_note_get_votes (note) > 0 ? 14 * s : 0);
}

/* What the note's text is fitted into: the style, box and
 * lowest size; FALSE without text or room. */
static gboolean
note_fit_box (McNote              *note,
              const McRect        *rect,
              double               s,
              gboolean             grown,
              const McViewOptions *options,
              McTextStyle         *style,
              double              *width,
              double              *height,
              double              *min_size)
{
  const McTheme *theme = mc_theme_get (options->theme);
  const char *text = mc_note_get_text (note);
  double floor_size = _mc_layout_text_floor (theme, options);

  note_text_box (note, rect, s, width, height);
  note_style (theme, options, s, style);
  if (text == NULL || *text == '\0' || *width <= 0 || *height <= 0)
    return FALSE;

  /* Even note text never goes below the view's floor (exports ask for 7 pt
   * at the printed width): it gets cut with an ellipsis instead. A grown
   * note is tall enough for its text; it shrinks only when its longest
   * word needs it (down to the floor), never breaking a word. */
  *min_size = grown ? MIN (floor_size, style->size)
                    : MIN (MAX (floor_size, theme->note_size * s * 0.6), style->size);
  return TRUE;
}

/* The size the note's text fits rect at on its own, from the note size
 * down to its lowest size, judged from the text's measure where it can
 * tell: most notes are drawn at their region's smaller size, so their own
 * size is only compared, not laid out. */
double
_mc_layout_note_text_size (McLayout            *self,
                           McNote              *note,
                           const McRect        *rect,
                           double               s,
                           gboolean             grown,
                           const McViewOptions *options)
{
  McTextStyle style;
  PangoLayout *layout;
  gboolean fits;
  double w, h, min_size, size;

  if (!note_fit_box (note, rect, s, grown, options, &style, &w, &h, &min_size))
    return style.size;
  size = mc_text_fit_size (mc_note_get_text (note), &style, w, h, min_size);
  if (size >= 0)
    return size;
  layout = note_text_layout (self, mc_note_get_text (note), &style, w, h, min_size, &fits);
  return (double) pango_font_description_get_size (pango_layout_get_font_description (layout))
         / PANGO_SCALE;
}

/* How _mc_layout_draw_note() fits the note's text: its own style, the
 * style it is set in (its region's size, when that is smaller than its
 * own), the box and the lowest size; FALSE without text or room. */
static gboolean
note_text_request (McLayout            *self,
                   McNote              *note,
                   const McRect        *rect,
                   double               s,
                   gboolean             grown,
                   double               text_size,
                   const McViewOptions *options,
                   McTextStyle         *own,
                   McTextStyle         *set,
                   double              *w,
                   double              *h,
                   double              *min_size)
{
  if (!note_fit_box (note, rect, s, grown, options, own, w, h, min_size))
    return FALSE;
  *set = *own;
  if (text_size > 0 && _mc_layout_note_text_size (self, note, rect, s, grown, options) > text_size + 1e-6)
    {
      set->size = text_size;
      *min_size = text_size;
    }
  return TRUE;
}

static void
queue_note_text (McLayout            *self,
                 GArray              *queue,
                 GHashTable          *queued,
                 McNote              *note,
                 const McRect        *rect,
                 double               s,
                 gboolean             grown,
                 double               text_size,
                 const McViewOptions *options)
{
  McTextFitJob job = { mc_note_get_text (note), };
  McTextStyle own;
  g_autofree char *key = NULL;

  if (!note_text_request (self, note, rect, s, grown, text_size, options, &own, &job.style,
                          &job.width, &job.height, &job.min_size))
    return;
  key = text_cache_key (job.text, &job.style, job.width, job.height, job.min_size);
  if (g_hash_table_contains (self->text_cache, key) || g_hash_table_contains (queued, key))
    return;
  g_array_append_val (queue, job);
  g_hash_table_add (queued, g_steal_pointer (&key));
}

static void
fit_queued_texts (McLayout   *self,
                  GArray     *queue,
                  GHashTable *queued)
{
  McTextFitJob *jobs = (McTextFitJob *) queue->data;

  mc_text_layout_fit_many (jobs, queue->len);
  for (guint i = 0; i < queue->len; i++)
    {
      CachedText *cached = g_new0 (CachedText, 1);

      cached->layout = jobs[i].layout;
      cached->fits = jobs[i].fits;
      cached->generation = self->generation;
      self->n_text_layouts_created++;
      g_hash_table_insert (self->text_cache,
                           text_cache_key (jobs[i].text, &jobs[i].style, jobs[i].width,
                                           jobs[i].height, jobs[i].min_size),
                           cached);
    }
  g_array_set_size (queue, 0);
  g_hash_table_remove_all (queued);
}

/* One text size per region: every note of a region is set at the largest
 * size at which all of them fit (a short note no longer comes out larger
 * than its neighbours). Free notes keep their own. */
void
_mc_layout_share_region_text_sizes (McLayout            *self,
                                    GArray              *drawn_notes,
                                    const McViewOptions *options)
{
  g_autoptr(GHashTable) smallest = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                          g_free, g_free);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < drawn_notes->len; i++)
      {
        DrawnNote *drawn = &g_array_index (drawn_notes, DrawnNote, i);
        const char *figure_id = mc_note_get_figure_id (drawn->note);
        const char *region_id = mc_note_get_region_id (drawn->note);
        g_autofree char *key = NULL;
        double *size;

        if (figure_id == NULL || region_id == NULL)
          continue;
        key = g_strdup_printf ("%s/%s", figure_id, region_id);
        size = g_hash_table_lookup (smallest, key);
        if (pass == 1)
          {
            drawn->text_size = size != NULL ? *size : 0;
            continue;
          }
        drawn->text_size = _mc_layout_note_text_size (self, drawn->note, &drawn->rect,
                                                      drawn->scale, drawn->grown, options);
        _mc_layout_incremental_text_size (self, drawn->note, drawn->text_size);
        if (size == NULL)
          g_hash_table_insert (smallest, g_steal_pointer (&key),
                               g_memdup2 (&drawn->text_size, sizeof (double)));
        else
          *size = MIN (*size, drawn->text_size);
      }
}

/* Every note's text fitted before the notes are drawn, all at once: on a
 * large board that spreads the shaping over the machine's cores. */
void
_mc_layout_fit_note_texts (McLayout            *self,
                           GArray              *drawn_notes,
                           const McViewOptions *options)
{
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (McTextFitJob));
  g_autoptr(GHashTable) queued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < drawn_notes->len; i++)
    {
      DrawnNote *drawn = &g_array_index (drawn_notes, DrawnNote, i);

      queue_note_text (self, queue, queued, drawn->note, &drawn->rect, drawn->scale,
                                  drawn->grown, drawn->text_size, options);
    }
  fit_queued_texts (self, queue, queued);
}

void
_mc_layout_draw_note (McLayout            *self,
           McScene             *scene,
           McNote              *note,
           const McRect        *rect,
           double               s,
           double               opacity,
           gboolean             grown,
           double               text_size,
           const McViewOptions *options)
{
  const McTheme *theme = mc_theme_get (options->theme);
  const char *text = mc_note_get_text (note);
  g_autofree char *id = g_strdup_printf ("note:%s", mc_note_get_id (note));
  g_autoptr(McPath) hit = mc_path_new ();
  g_autoptr(McPath) body = mc_path_new ();
  guint votes = mc_note_get_votes (note);
  double pad = 10 * s;
  McColor fill, edge;
  double floor_size = _mc_layout_text_floor (theme, options);
  McTextStyle style, set;
  gboolean fits = TRUE;
  PangoLayout *layout = NULL;
  double w, h, min_size;

  if (note_text_request (self, note, rect, s, grown, text_size, options, &style, &set,
                         &w, &h, &min_size))
    layout = note_text_layout (self, text, &set, w, h, min_size, &fits);
  mc_path_rectangle (hit, rect);
  mc_scene_begin_group (scene, MC_ROLE_NOTE, id, text, hit);
  /* Notes from an earlier phase of the session recede. */
  if (opacity < 1.0)
    mc_scene_set_group_opacity (scene, opacity);

  mc_theme_get_note_fill (theme, mc_note_get_color (note), &fill);
  darken (&fill, theme->note_edge_shade, &edge);
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

  if (layout != NULL)
    mc_scene_add_text (scene, MC_ROLE_NOTE_TEXT, layout, rect->x + pad, rect->y + pad,
                       &theme->ink);

  if (!fits && options->strict)
    g_ptr_array_add (self->misfits, mc_layout_note_misfit (text, style.size));
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
          PangoLayout *count_layout = note_text_layout (self, count, &small, -1,
                                                        small.size * 1.4, small.size,
                                                        &count_fits);
          double th;

          mc_text_layout_get_size (count_layout, NULL, &th);
          mc_scene_add_text (scene, MC_ROLE_VOTES, count_layout,
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


/* Rows inside the note area, centred; once the area is full the rows go on
 * below it. Every packed rectangle of the figure is checked (through its
 * grid: the neighbours only), so notes that spill out of one region never
 * land on another region's notes. */
void
_mc_layout_pack_note (Shelf      *shelf,
                      McRectGrid *placed,
                      double      width,
                      double      height,
                      double      gap,
                      McRect     *result)
{
  McRect candidate;

  if (shelf->row_height < 0 && shelf->left_aligned)
    {
      shelf->x = shelf->area.x;
      shelf->y = shelf->area.y;
      shelf->row_height = 0;
    }
  else if (shelf->row_height < 0)
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
      if (mc_rect_grid_intersects (placed, &candidate))
        continue;

      shelf->row_height = MAX (shelf->row_height, height);
      mc_rect_grid_add (placed, &candidate);
      *result = candidate;
      return;
    }
}
