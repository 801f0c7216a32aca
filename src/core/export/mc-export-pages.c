/* mc-export-pages.c — a page too tall for PDF, cut into pages
 *
 * A whole board of thousands of notes at a journal's width is a page
 * metres tall, and PDF viewers refuse pages over 14,400 pt (5080 mm). Such
 * a page is cut into pages of the same width, each within the limit,
 * between notes and lines of text (never through a note or a line, unless
 * one is taller than a page). Finding the cuts sorts the items once; each
 * page then draws only the top-level items that reach into it, so the work
 * is O(n log n) in the items, whatever the number of pages.
 */
#include "config.h"

#include <math.h>

#include "mc-export-private.h"
#include "mc-render-cairo.h"

typedef struct
{
  double top;
  double bottom;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a;
  const Span *y = b;

  return (x->top > y->top) - (x->top < y->top);
}

static void
add_span (GArray       *spans,
          const McRect *bounds)
{
  Span span = { bounds->y, bounds->y + bounds->height };

  if (bounds->height > 0 && isfinite (span.top) && isfinite (span.bottom))
    g_array_append_val (spans, span);
}

/* What a cut must not pass through: every note and every line of text
 * outside the notes, sorted and merged into disjoint spans. */
static GArray *
keep_together (McScene *scene)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (Span));
  guint n = mc_scene_get_n_items (scene);

  for (guint i = 0; i < n; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->kind == MC_ITEM_GROUP_BEGIN && item->role == MC_ROLE_NOTE)
        {
          add_span (spans, &item->bounds);
          i = mc_scene_group_end (scene, i) - 1;
        }
      else if (item->kind == MC_ITEM_TEXT)
        add_span (spans, &item->bounds);
    }

  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      Span *last = merged->len > 0 ? &g_array_index (merged, Span, merged->len - 1) : NULL;

      if (last != NULL && span->top < last->bottom)
        last->bottom = MAX (last->bottom, span->bottom);
      else
        g_array_append_val (merged, *span);
    }
  return merged;
}

/* The last merged span starting before y, or -1. */
static int
span_before (GArray *spans,
             double  y)
{
  int lo = 0;
  int hi = (int) spans->len - 1;
  int found = -1;

  while (lo <= hi)
    {
      int mid = lo + (hi - lo) / 2;

      if (g_array_index (spans, Span, mid).top < y)
        {
          found = mid;
          lo = mid + 1;
        }
      else
        hi = mid - 1;
    }
  return found;
}

#define PAGE_SLACK_PT 0.5

GArray *
_mc_export_page_bands (McScene              *scene,
                       const McPageGeometry *geo,
                       double                max_page_pt)
{
  GArray *bands = g_array_new (FALSE, FALSE, sizeof (Span));
  double top = geo->content.y;
  double end = geo->content.y + geo->content.height;
  /* The content each page can hold, in scene units, between its margins.
   * Half a point short of the limit: a page exactly at it came back from
   * the millimetres the page check works in a hair over it, and a 10,000-
   * note board was refused as "5000 × 5080 mm". */
  double room = (max_page_pt - PAGE_SLACK_PT - 2 * geo->offset_y) / geo->scale;
  g_autoptr(GArray) keep = NULL;

  if (geo->page_height <= max_page_pt || !(room > 0) || !isfinite (room))
    {
      Span whole = { top, end };

      g_array_append_val (bands, whole);
      return bands;
    }

  keep = keep_together (scene);
  while (top < end)
    {
      Span band = { top, MIN (top + room, end) };

      if (band.bottom < end)
        {
          int k = span_before (keep, band.bottom);

          /* A cut inside a note or a line moves up to its top, unless that
           * would leave the page (nearly) empty: a block taller than a
           * page is cut where the page ends. */
          if (k >= 0)
            {
              const Span *span = &g_array_index (keep, Span, k);

              if (span->bottom > band.bottom && span->top > top + room * 0.25)
                band.bottom = span->top;
            }
        }
      g_array_append_val (bands, band);
      top = band.bottom;
    }
  return bands;
}

/* The first band whose bottom lies below y. */
static guint
band_at (GArray *bands,
         double  y)
{
  guint lo = 0;
  guint hi = bands->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (bands, Span, mid).bottom <= y)
        lo = mid + 1;
      else
        hi = mid;
    }
  return MIN (lo, bands->len - 1);
}

GPtrArray *
_mc_export_page_items (McScene *scene,
                       GArray  *bands)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint n = mc_scene_get_n_items (scene);
  guint i = 0;

  for (guint p = 0; p < bands->len; p++)
    g_ptr_array_add (pages, g_array_new (FALSE, FALSE, sizeof (guint)));

  while (i < n)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);
      guint next = item->kind == MC_ITEM_GROUP_BEGIN ? mc_scene_group_end (scene, i) : i + 1;
      double top = item->bounds.y;
      double bottom = item->bounds.y + item->bounds.height;

      if (item->kind != MC_ITEM_GROUP_END)
        {
          guint range[2] = { i, next };

          for (guint p = band_at (bands, top); p < bands->len; p++)
            {
              if (p > 0 && g_array_index (bands, Span, p).top >= bottom)
                break;
              g_array_append_vals (pages->pdata[p], range, 2);
            }
        }
      i = next;
    }
  return pages;
}

double
_mc_export_band_height (const McPageGeometry *geo,
                        GArray               *bands,
                        guint                 band)
{
  const Span *span = &g_array_index (bands, Span, band);

  return (span->bottom - span->top) * geo->scale + 2 * geo->offset_y;
}

void
_mc_export_draw_band (cairo_t              *cr,
                      McScene              *scene,
                      const McPageGeometry *geo,
                      GArray               *bands,
                      guint                 band,
                      GArray               *items,
                      const McColor        *background)
{
  const Span *span = &g_array_index (bands, Span, band);
  McRect clip = { geo->content.x - geo->offset_x / geo->scale, span->top,
                  geo->page_width / geo->scale, span->bottom - span->top };

  if (background != NULL)
    {
      cairo_save (cr);
      cairo_set_source_rgba (cr, background->red, background->green,
                             background->blue, background->alpha);
      cairo_rectangle (cr, 0, 0, geo->page_width, _mc_export_band_height (geo, bands, band));
      cairo_fill (cr);
      cairo_restore (cr);
    }

  cairo_save (cr);
  cairo_translate (cr, geo->offset_x, geo->offset_y);
  cairo_scale (cr, geo->scale, geo->scale);
  cairo_translate (cr, -geo->content.x, -span->top);
  /* Only the band: what crosses a cut continues on the next page. */
  if (bands->len > 1)
    {
      cairo_rectangle (cr, clip.x, clip.y, clip.width, clip.height);
      cairo_clip (cr);
    }
  for (guint i = 0; i + 1 < items->len; i += 2)
    mc_render_scene_range (cr, scene, g_array_index (items, guint, i),
                           g_array_index (items, guint, i + 1), &clip);
  cairo_restore (cr);
}

guint
mc_export_count_pdf_pages (McScene               *scene,
                           const McExportOptions *options,
                           const McRect          *content,
                           double                 points_per_unit,
                           double                *tallest_mm)
{
  double margin = MC_MM_TO_PT (options->margin_mm);
  McPageGeometry geo = {
    .page_width = content->width * points_per_unit + 2 * margin,
    .page_height = content->height * points_per_unit + 2 * margin,
    .scale = points_per_unit,
    .offset_x = margin,
    .offset_y = margin,
    .content = *content,
  };
  g_autoptr(GArray) bands = NULL;
  double tallest = 0;

  g_return_val_if_fail (scene != NULL, 0);
  g_return_val_if_fail (options != NULL, 0);
  g_return_val_if_fail (content != NULL, 0);

  if (options->page != MC_EXPORT_PAGE_FIT || !(points_per_unit > 0))
    {
      if (tallest_mm != NULL)
        *tallest_mm = MC_PT_TO_MM (geo.page_height);
      return 1;
    }
  bands = _mc_export_page_bands (scene, &geo, MC_EXPORT_MAX_PDF_PAGE_PT);
  for (guint i = 0; i < bands->len; i++)
    tallest = MAX (tallest, _mc_export_band_height (&geo, bands, i));
  if (tallest_mm != NULL)
    *tallest_mm = MC_PT_TO_MM (tallest);
  return bands->len;
}
