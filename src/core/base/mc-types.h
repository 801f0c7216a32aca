/* mc-types.h — shared forward declarations, enums and small value types
 *
 * Everything in src/core/ is free of GTK: it links GLib/GIO, cairo, pango,
 * json-glib and librsvg only.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _McBoard      McBoard;
typedef struct _McNote       McNote;
typedef struct _McFigure     McFigure;
typedef struct _McCluster    McCluster;
typedef struct _McHistory    McHistory;
typedef struct _McCommand    McCommand;
typedef struct _McCatalog    McCatalog;
typedef struct _McScene      McScene;
typedef struct _McPath       McPath;
typedef struct _McTheme      McTheme;
typedef struct _McLayout     McLayout;

/* What a McBoard::changed emission says changed. The canvas relayouts and
 * redraws only what the flags name. */
typedef enum /*< flags >*/
{
  MC_CHANGE_NONE     = 0,
  MC_CHANGE_CONTENT  = 1 << 0, /* note text, colour, votes, author */
  MC_CHANGE_LAYOUT   = 1 << 1, /* note geometry or anchor; notes added/removed */
  MC_CHANGE_META     = 1 << 2, /* title, language, phase, metadata */
  MC_CHANGE_HISTORY  = 1 << 3, /* undo/redo state or the saved point moved */
  MC_CHANGE_FIGURES  = 1 << 4, /* figures added, removed, moved or scaled */
  MC_CHANGE_CLUSTERS = 1 << 5, /* clusters added, removed or relabelled */
  MC_CHANGE_ALL      = (1 << 6) - 1,
} McChangeFlags;

/* The three moments the model names for using the canvas (Figuur 13). */
typedef enum
{
  MC_PHASE_START,    /* "bij de start": consortiumvorming of verkennende fase */
  MC_PHASE_MONITOR,  /* "gedurende het proces": monitoren en bijsturen */
  MC_PHASE_EVALUATE, /* "aan het einde": evalueren */
} McPhase;

/* Language of the model content on a board; UI strings go through gettext. */
typedef enum
{
  MC_LANGUAGE_NL,
  MC_LANGUAGE_EN,
  MC_N_LANGUAGES,
} McLanguage;

typedef enum
{
  MC_THEME_COLOR,     /* the default on screen */
  MC_THEME_PRINT,     /* journals: grayscale-safe, thin lines, Liberation Sans */
  MC_THEME_PROJECTOR, /* high contrast, large type */
  /* The desktop's high-contrast style (mc-theme.h): the colour and the
   * projector theme's type and layout with a high-contrast palette. */
  MC_THEME_HIGH_CONTRAST,
  MC_THEME_PROJECTOR_HIGH_CONTRAST,
  MC_N_THEMES,
} McThemeKind;

typedef enum
{
  MC_QUESTIONS_OFF,
  MC_QUESTIONS_INLINE, /* small print inside the region */
  MC_QUESTIONS_LIST,   /* a numbered list beside the figure */
} McQuestionsMode;

/* Plain strings for the enums, as used in the board file and on the
 * command line. The *_from_string functions return FALSE on unknown input. */
const char *mc_phase_to_string        (McPhase      phase);
gboolean    mc_phase_from_string      (const char  *str,
                                       McPhase     *phase);
const char *mc_language_to_string     (McLanguage   language);
gboolean    mc_language_from_string   (const char  *str,
                                       McLanguage  *language);
const char *mc_theme_kind_to_string   (McThemeKind  kind);
gboolean    mc_theme_kind_from_string (const char  *str,
                                       McThemeKind *kind);

/* Makes sure the core's GResource (model content, example board) is linked
 * in and registered; call before looking anything up under RESOURCE_PREFIX. */
void        mc_core_ensure_resources  (void);

/* Rectangles in board units (1 unit = 1 px at 100 % zoom). */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} McRect;

#define MC_TYPE_RECT (mc_rect_get_type ())
GType     mc_rect_get_type       (void) G_GNUC_CONST;
McRect   *mc_rect_copy           (const McRect *rect);
void      mc_rect_free           (McRect       *rect);
gboolean  mc_rect_contains_point (const McRect *rect,
                                  double        x,
                                  double        y);
gboolean  mc_rect_intersects     (const McRect *a,
                                  const McRect *b);
void      mc_rect_union          (const McRect *a,
                                  const McRect *b,
                                  McRect       *result);
gboolean  mc_rect_contains_rect  (const McRect *outer,
                                  const McRect *inner);
/* Moves a span [*pos, *pos + size) inside [lo, lo + room) when it fits,
 * else centres it there (so it sticks out evenly on both sides). */
void      mc_span_keep_inside    (double       *pos,
                                  double        size,
                                  double        lo,
                                  double        room);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McRect, mc_rect_free)

/* Colours, straight (not premultiplied) RGBA in 0..1. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} McColor;

#define MC_TYPE_COLOR (mc_color_get_type ())
GType     mc_color_get_type   (void) G_GNUC_CONST;
McColor  *mc_color_copy       (const McColor *color);
void      mc_color_free       (McColor       *color);
gboolean  mc_color_parse      (McColor       *color,
                               const char    *spec);   /* "#rrggbb" or "#rrggbbaa" */
char     *mc_color_to_string  (const McColor *color);  /* "#rrggbb" (alpha 1) or "#rrggbbaa" */
double    mc_color_luminance  (const McColor *color);  /* relative luminance, WCAG */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McColor, mc_color_free)

G_END_DECLS
