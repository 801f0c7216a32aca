/* mc-layout-parts-private.h — what the layout's source files share: the
 * McLayout instance, the figures being built, note packing, note drawing and
 * the panels (questions legend, caption) around the figures. Not for the
 * app or the tests. */
#pragma once

#include "mc-layout.h"
#include "mc-figure-kind.h"
#include "mc-layout-grid.h"
#include "mc-text.h"
#include "mc-theme.h"

G_BEGIN_DECLS

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
  GPtrArray  *misfits;      /* char*: what did not fit, last build */
  GHashTable *notes_below;  /* building again: region ids whose notes did
                               not fit a figure that keeps its design */
  double      figure_share; /* building again: > 0, the share of the frame's
                               width such a figure is drawn at */
};

/* What the layout knows about one drawn figure while it builds. */
typedef struct
{
  McFigure                *figure;       /* NULL for mc_layout_build_kind */
  const char              *placement_id;
  const McFigureKindClass *kind;
  const McFigureInfo      *info;
  McRect                   frame;
  double                   scale;        /* of its notes: board units → scene */
  double                   type_scale;   /* theme sizes → scene units */
  GPtrArray               *deferred;     /* McDeferredText*: strict views */
  gboolean                 reflowed;     /* laid out for its frame by its kind:
                                            its notes grow to hold their text */
  GHashTable              *note_areas;  /* region id → McRect*, may be NULL */
  GHashTable              *used_regions; /* region ids with notes */
  GHashTable              *free_reaches; /* McNote* → reach: packed notes without
                                            a reach of their own, may be NULL */
} PlacedFigure;


typedef struct
{
  McRect area;
  double x;
  double y;
  double row_height;
  /* Rows start at the area's left edge instead of a centred grid sized by
   * the first note: in layouts for a frame the notes differ in width (each
   * holds its longest word), and the region's height was computed for
   * rows that use the whole width (packed_notes_height()). */
  gboolean left_aligned;
} Shelf;

static inline double
_mc_layout_text_floor (const McTheme       *theme,
                       const McViewOptions *options)
{
  return options->min_font_size > 0 ? options->min_font_size : theme->min_font_size;
}

/* A note's size at scale s: its stored size, no wider than max_width
 * (> 0; < 0: exactly -max_width wide) unless its longest word needs it,
 * grown (when grow) to hold its whole text at the note size. */
void     _mc_layout_note_size  (McNote              *note,
                                double               s,
                                gboolean             grow,
                                double               max_width,
                                const McViewOptions *options,
                                double              *width,
                                double              *height);
/* Adds the note's text (McTextFitJob) at the style _mc_layout_note_size()
 * measures it in, for mc_text_measure_many(). */
void     _mc_layout_queue_note_measure (GArray              *jobs,
                                        McNote              *note,
                                        double               s,
                                        const McViewOptions *options);
/* The largest size (scene units) at which the note's text fits rect on
 * its own, down to its lowest size (the floor; on screen 60 % of the note
 * size). */
double   _mc_layout_note_text_size (McLayout            *self,
                                    McNote              *note,
                                    const McRect        *rect,
                                    double               s,
                                    gboolean             grown,
                                    const McViewOptions *options);
/* A note as the layout draws it. */
typedef struct
{
  McNote *note;
  McRect  rect;
  double  scale;
  gboolean grown;
  double  text_size;  /* its region's: the smallest of its notes' own */
} DrawnNote;

/* One text size per region: every note of a region (DrawnNote) is set
 * at the largest size at which all of them fit. */
void     _mc_layout_share_region_text_sizes (McLayout            *self,
                                             GArray              *drawn_notes,
                                             const McViewOptions *options);
/* Fits the texts of all drawn notes the text cache lacks, at once (on a
 * large board spread over the machine's cores), before they are drawn. */
void     _mc_layout_fit_note_texts (McLayout            *self,
                                    GArray              *drawn_notes,
                                    const McViewOptions *options);
/* text_size > 0: the text is set at that size (its region's) when its own
 * would be larger. */
void     _mc_layout_draw_note  (McLayout            *self,
                                McScene             *scene,
                                McNote              *note,
                                const McRect        *rect,
                                double               s,
                                double               opacity,
                                gboolean             grown,
                                double               text_size,
                                const McViewOptions *options);
/* Rows inside the shelf's note area; placed holds the figure's packed
 * rectangles so far. */
void     _mc_layout_pack_note  (Shelf               *shelf,
                                McRectGrid          *placed,
                                double               width,
                                double               height,
                                double               gap,
                                McRect              *result);
/* A figure's packed notes by note area, for the kinds that grow their
 * regions to hold them (layouts for the frame). */
typedef struct
{
  GHashTable          *sizes;  /* note area id → GPtrArray of McNote* */
  double               gap;
  double               scale;
  const McViewOptions *options;
} NoteSizes;

/* One figure kind drawn into its own scene (so regions can be filtered
 * before they join the board); sets the figure's note areas and deferred
 * texts, and in a layout for the frame its height. */
McScene *_mc_layout_draw_figure_scene (McLayout            *self,
                                       PlacedFigure        *placed,
                                       const McViewOptions *options,
                                       NoteSizes           *note_sizes);
/* A new reference to the figure's scene: drawn (drawn, when
 * _mc_layout_draw_figures() drew it already; taken) or from the cache;
 * sets its note areas. */
McScene *_mc_layout_build_figure_scene (McLayout            *self,
                                        PlacedFigure        *placed,
                                        const McViewOptions *options,
                                        NoteSizes           *note_sizes,
                                        McScene             *drawn);
/* The figures the cache lacks, drawn at once on every core: per figure
 * its scene, or NULL to take from the cache (free the array). */
McScene **_mc_layout_draw_figures (McLayout            *self,
                                   GArray              *placed_figures,
                                   const McViewOptions *options,
                                   NoteSizes           *note_sizes);

/* McFigureBuild's notes_height and notes_min_width over a NoteSizes
 * (mc-layout-frame-notes.c). */
double   _mc_layout_packed_notes_height    (gpointer             data,
                                            const char          *region_id,
                                            double               width);
double   _mc_layout_packed_notes_min_width (gpointer             data,
                                            const char          *area_id);
/* A figure that keeps its design, laid out for a frame: the notes of the
 * regions in self->notes_below are set below it, under their region's
 * name, full width and in rows; their rectangles go into rects (note id →
 * McRect*), the region's note area becomes its part of that block and
 * the figure's frame grows to hold it (the legend and caption follow). */
void     _mc_layout_place_notes_below      (McLayout            *self,
                                            McScene             *content,
                                            PlacedFigure        *placed,
                                            GPtrArray           *notes,
                                            const McViewOptions *options,
                                            GHashTable          *rects);

/* A figure that keeps its design, laid out for a frame, came out taller
 * than a page (scene): builds it again drawn smaller, centred in the
 * frame, its notes and legend still as wide as the frame, down to 60 % of
 * the width; returns the first that fits, else the smallest (which the
 * export then refuses for its height). Takes scene. */
McScene *_mc_layout_build_smaller          (McLayout            *self,
                                            McBoard             *board,
                                            const McViewOptions *options,
                                            McScene             *scene);

/* The bounds of the whole board's placed free notes (empty: none). */
McRect   _mc_layout_free_notes_bounds (McBoard             *board,
                                       GPtrArray           *notes,
                                       const McViewOptions *options);
/* The questions legends and captions of the figures drawn. */
void     _mc_layout_add_panels (McScene             *scene,
                                GArray              *placed_figures,
                                const McRect        *free_notes,
                                const char          *board_title,
                                const McViewOptions *options);

/* The id of the note area a note of placed goes into: its region's, or
 * where the region is divided into reach columns (doorwerking) the column
 * of its reach: the stored one, else the one its position shows, else the
 * one _mc_layout_spread_reaches() gave it. NULL for a free note
 * (mc-layout-reach.c). */
char    *_mc_layout_note_area_id   (const PlacedFigure  *placed,
                                    McNote              *note,
                                    const McViewOptions *options);
/* Gives every note of placed that has neither a reach nor a position a
 * reach column (placed->free_reaches), so that they spread over the row:
 * each to the column least full for its width. */
void     _mc_layout_spread_reaches (PlacedFigure        *placed,
                                    GPtrArray           *notes,
                                    const McViewOptions *options);

/* Strict views: adds to self->misfits the notes spilled out of their
 * region's area (placement id \x1f region id → count) and, laid out for
 * the frame, a figure taller than a page (mc-layout-misfits.c). */
void     _mc_layout_report_misfits (McLayout            *self,
                                    GArray              *placed_figures,
                                    GHashTable          *spilled,
                                    McScene             *content,
                                    gboolean             for_frame,
                                    const McViewOptions *options);

/* A region's note area, or one of its reach columns (area_id), as drawn;
 * NULL when the figure has none (mc-layout-reach.c). */
const McRect *_mc_layout_lookup_note_area (const PlacedFigure *placed,
                                           const char         *area_id);

G_END_DECLS
