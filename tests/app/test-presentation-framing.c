/* test-presentation-framing.c — presentation mode at projector sizes:
 * every stop of the example board framed in the area nothing covers, and
 * the room's join stop (its QR code card) filling that area
 *
 * Runs under Xvfb at 1920×1080 (tools/test); each presentation is sized
 * as a projector's screen by its content, also beyond the display.
 * G_DEBUG=fatal-warnings is set, so any warning fails the test.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "mc-layout.h"
#include "mc-presentation.h"
#include "mc-qr-code.h"
#include "mc-room.h"
#include "mc-room-join-card.h"
#include "mc-templates.h"
#include "mc-theme.h"
#include "mc-timer-widget.h"
#include "mc-window.h"
#include "mc-test-app.h"
#include "mc-test-util.h"

static GtkApplication *app;

typedef struct
{
  McWindow       *window;
  McPresentation *presentation;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoard) board = mc_board_new_from_template ("model", MC_LANGUAGE_NL, &error);

  g_assert_no_error (error);
  mc_test_present_window (app, board, &fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mc_test_close_windows (app);
  g_assert_null (fixture->window);
  g_assert_null (fixture->presentation);
}

static gboolean
view_settled (gpointer data)
{
  return !mc_presentation_get_animating (data);
}

/* The easing ends on the frame clock; wait for that, not for a time. */
static void
wait_for_view (McPresentation *presentation)
{
  mc_test_wait_until (view_settled, presentation, "the view to reach its stop");
  mc_test_spin ();
}

/* Into the build folder, always: these are for a person to look at. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");

  mc_test_screenshot (widget, dir != NULL ? dir : ".", name);
}

/* Framing at projector sizes */

static GtkWidget *
find_by_class (GtkWidget  *widget,
               const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Where widget lies in the canvas's pixels. */
static void
bounds_in_canvas (GtkWidget *widget,
                  McCanvas  *canvas,
                  McRect    *rect)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (canvas), &bounds));
  *rect = (McRect) { bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height };
}

typedef struct
{
  McPresentation *presentation;
  int             width;
  int             height;
} Size;

static gboolean
canvas_has_size (gpointer data)
{
  Size *size = data;
  GtkWidget *canvas = GTK_WIDGET (mc_presentation_get_canvas (size->presentation));

  return gtk_widget_get_width (canvas) == size->width
         && gtk_widget_get_height (canvas) == size->height;
}

static gboolean
banner_settled (gpointer data)
{
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_parent (data));

  return gtk_revealer_get_child_revealed (revealer) == gtk_revealer_get_reveal_child (revealer);
}

static gboolean
rect_inside (const McRect *outer,
             const McRect *inner)
{
  /* Half a pixel for rounding. */
  return inner->x >= outer->x - 0.5 && inner->y >= outer->y - 0.5
         && inner->x + inner->width <= outer->x + outer->width + 0.5
         && inner->y + inner->height <= outer->y + outer->height + 0.5;
}

/* The content at exactly that size, in the window's top-left corner;
 * the window grows where the test display is smaller. */
static GtkWidget *
size_as_projector (McPresentation *presentation,
                   int             width,
                   int             height)
{
  GtkWidget *content = adw_window_get_content (ADW_WINDOW (presentation));
  Size size = { presentation, width, height };

  gtk_widget_set_halign (content, GTK_ALIGN_START);
  gtk_widget_set_valign (content, GTK_ALIGN_START);
  gtk_widget_set_size_request (content, width, height);
  gtk_window_present (GTK_WINDOW (presentation));
  mc_test_wait_until (canvas_has_size, &size, "the presentation to take the projector's size");
  return content;
}

/* Issue 13: one font family on the wall. The banner, the stop number and
 * the timer are set in the projector theme's family, as the canvas is. */
static void
assert_theme_font (GtkWidget *widget)
{
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  g_auto(GStrv) got = g_strsplit (pango_font_description_get_family (font), ",", -1);
  g_auto(GStrv) expected = g_strsplit (mc_theme_get (MC_THEME_PROJECTOR)->font_family, ",", -1);

  g_assert_cmpuint (g_strv_length (got), ==, g_strv_length (expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (g_strstrip (got[i]), ==, g_strstrip (expected[i]));
}

/* Issue 13: the timer and the stop number never sit over the board. They
 * stand on a band in the banner's colour across the bottom: below the
 * pills and between them, no pixel of the board shows (before, the board
 * ran on under them and the timer covered a neighbouring region's text). */
static gboolean
is_band_pixel (const guchar *pixel)
{
  /* B8G8R8A8 premultiplied, opaque: the banner's #0c0e11. */
  return ABS (pixel[0] - 0x11) <= 3 && ABS (pixel[1] - 0x0e) <= 3
         && ABS (pixel[2] - 0x0c) <= 3;
}

static void
assert_footer_band (GtkWidget *content,
                    GtkWidget *timer,
                    GtkWidget *position)
{
  g_autoptr(GdkTexture) texture = mc_test_render_widget (content);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  graphene_rect_t left, right;
  int rows[2];

  gdk_texture_download (texture, pixels, stride);
  g_assert_true (gtk_widget_compute_bounds (timer, content, &left));
  g_assert_true (gtk_widget_compute_bounds (position, content, &right));
  rows[0] = height - 3;
  rows[1] = (int) (right.origin.y + right.size.height / 2);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      int from = r == 0 ? 0 : (int) (left.origin.x + left.size.width) + 2;
      int to = r == 0 ? width : (int) right.origin.x - 2;

      g_assert_cmpint (from, <, to);
      for (int x = from; x < to; x++)
        if (!is_band_pixel (pixels + (gsize) rows[r] * stride + (gsize) x * 4))
          g_error ("%d×%d: the board shows under the footer at %d,%d", width, height, x, rows[r]);
    }
}

/* What the room must see at a stop, from the scene alone (not from the
 * presentation's own idea of its target): the whole board at the
 * overview; the figure at a figure's stop; at a region's stop its name
 * (every label of the region, the title first of all: issue 13 saw the
 * banner cover it) and its notes. In board units. */
static gboolean
get_must_show (McCanvas          *canvas,
               McBoard           *board,
               const McRouteStop *stop,
               McRect            *rect)
{
  McScene *scene = mc_canvas_get_scene (canvas);
  GPtrArray *notes = mc_board_get_notes (board);
  gboolean found = FALSE;
  int begin;

  if (stop->kind == MC_ROUTE_STOP_OVERVIEW)
    {
      mc_scene_get_bounds (scene, rect);
      return TRUE;
    }
  begin = mc_scene_find_group (scene, stop->key);
  if (begin < 0)
    return FALSE;
  if (stop->kind == MC_ROUTE_STOP_FIGURE)
    {
      *rect = mc_scene_get_item (scene, (guint) begin)->bounds;
      return TRUE;
    }

  for (guint i = (guint) begin, end = mc_scene_group_end (scene, (guint) begin); i < end; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      if (item->role != MC_ROLE_LABEL)
        continue;
      if (found)
        mc_rect_union (rect, &item->bounds, rect);
      else
        *rect = item->bounds;
      found = TRUE;
    }
  for (guint i = 0; i < notes->len; i++)
    {
      McNote *note = g_ptr_array_index (notes, i);
      McRect note_rect;

      if (g_strcmp0 (mc_note_get_figure_id (note), stop->figure_id) != 0
          || g_strcmp0 (mc_note_get_region_id (note), stop->region_id) != 0
          || !mc_layout_get_note_rect (mc_canvas_get_layout (canvas), mc_note_get_id (note), &note_rect))
        continue;
      if (found)
        mc_rect_union (rect, &note_rect, rect);
      else
        *rect = note_rect;
      found = TRUE;
    }
  return found;
}

/* Air the stop keeps from the banner, the footer and the sides. */
#define MIN_AIR 12.0

/* Steps through every stop at one size and checks that the stop's target
 * lies in the free area, and that the free area is clear of the banner,
 * the timer and the stop number. Saves the stop with the most questions. */
static void
check_frames_at (McPresentation *presentation,
                 int             width,
                 int             height,
                 guint          *misses)
{
  McCanvas *canvas = mc_presentation_get_canvas (presentation);
  McRoute *route = mc_presentation_get_route (presentation);
  McBoard *board = mc_route_get_board (route);
  GtkWidget *banner = find_by_class (GTK_WIDGET (presentation), "prompt-banner");
  GtkWidget *position = find_by_class (GTK_WIDGET (presentation), "stop-position");
  GtkWidget *timer = find_by_class (GTK_WIDGET (presentation), "presentation-pill");
  g_autofree char *name = g_strdup_printf ("presentation-%dx%d.png", width, height);
  guint longest = 0;
  gsize longest_len = 0;
  GtkWidget *content;

  g_assert_nonnull (banner);
  g_assert_nonnull (position);
  g_assert_true (MC_IS_TIMER_WIDGET (timer));
  assert_theme_font (banner);
  assert_theme_font (position);
  assert_theme_font (timer);

  content = size_as_projector (presentation, width, height);

  for (guint i = 0; i < mc_route_get_n_stops (route); i++)
    {
      const McRouteStop *stop = mc_route_get_stop (route, i);
      McRect free_area, target, shown, pill, inner;

      if (stop->skipped)
        continue;
      if (stop->kind == MC_ROUTE_STOP_REGION && stop->prompt != NULL && strlen (stop->prompt) > longest_len)
        {
          longest = i;
          longest_len = strlen (stop->prompt);
        }

      mc_presentation_go_to (presentation, i);
      wait_for_view (presentation);
      mc_test_wait_until (banner_settled, banner, "the banner to show or hide");
      mc_test_wait_frames (GTK_WIDGET (presentation), 2);

      g_assert_true (mc_presentation_get_free_area (presentation, &free_area));
      g_assert_true (mc_presentation_get_stop_target (presentation, &target));
      mc_canvas_board_to_widget (canvas, target.x, target.y, &shown.x, &shown.y);
      shown.width = target.width * mc_canvas_get_zoom (canvas);
      shown.height = target.height * mc_canvas_get_zoom (canvas);
      if (!rect_inside (&free_area, &shown))
        g_error ("%d×%d, stop %s: shown at %.0f,%.0f %.0f×%.0f, outside the free area "
                 "%.0f,%.0f %.0f×%.0f", width, height, stop->key, shown.x, shown.y,
                 shown.width, shown.height, free_area.x, free_area.y,
                 free_area.width, free_area.height);
      /* And what the room must see, by the scene, with some air. */
      {
        McRect must, air = { free_area.x + MIN_AIR, free_area.y + MIN_AIR,
                             free_area.width - 2 * MIN_AIR, free_area.height - 2 * MIN_AIR };

        g_assert_true (get_must_show (canvas, board, stop, &must));
        mc_canvas_board_to_widget (canvas, must.x, must.y, &shown.x, &shown.y);
        shown.width = must.width * mc_canvas_get_zoom (canvas);
        shown.height = must.height * mc_canvas_get_zoom (canvas);
        /* Every stop that misses is listed, not only the first. */
        if (!rect_inside (&air, &shown))
          {
            g_test_message ("%dx%d, stop %s: its name and notes at %.0f,%.0f %.0fx%.0f, "
                            "the free area %.0f,%.0f %.0fx%.0f", width, height, stop->key,
                            shown.x, shown.y, shown.width, shown.height, free_area.x,
                            free_area.y, free_area.width, free_area.height);
            (*misses)++;
          }
      }
      /* The stop uses the room it has: it fills the free area's width or
       * its height (less the margins), unless a region is framed closer. */
      if (stop->kind != MC_ROUTE_STOP_REGION)
        g_assert_true (shown.width >= free_area.width * 0.8
                       || shown.height >= free_area.height * 0.8);

      /* Nothing covers the free area. */
      if (gtk_widget_get_mapped (banner))
        {
          McRect rect;

          bounds_in_canvas (banner, canvas, &rect);
          g_assert_cmpfloat (rect.y + rect.height, <=, free_area.y + 0.5);
          g_assert_cmpfloat (rect.height, <=, height / 3.0 + 0.5);
        }
      inner = (McRect) { free_area.x + 0.5, free_area.y + 0.5,
                         free_area.width - 1, free_area.height - 1 };
      bounds_in_canvas (position, canvas, &pill);
      g_assert_false (mc_rect_intersects (&inner, &pill));
      g_assert_cmpfloat (pill.x + pill.width, <=, width + 0.5);
      g_assert_cmpfloat (free_area.y + free_area.height, <=, pill.y + 0.5);
      bounds_in_canvas (timer, canvas, &pill);
      g_assert_false (mc_rect_intersects (&inner, &pill));
      g_assert_cmpfloat (free_area.y + free_area.height, <=, pill.y + 0.5);

      /* MC_TEST_EVERY_STOP=1: one screenshot per stop, for a person. */
      if (g_getenv ("MC_TEST_EVERY_STOP") != NULL)
        {
          g_autofree char *each = g_strdup_printf ("stop-%dx%d-%02u.png", width, height, i);

          save_screenshot (content, each);
        }
    }

  mc_presentation_go_to (presentation, longest);
  wait_for_view (presentation);
  mc_test_wait_until (banner_settled, banner, "the banner to show");
  mc_test_wait_frames (GTK_WIDGET (presentation), 2);
  assert_footer_band (content, timer, position);
  save_screenshot (content, name);
}

static void
test_framing_sizes (Fixture       *fixture,
                    gconstpointer  data)
{
  McBoard *board = mc_window_get_board (fixture->window);
  const int sizes[][2] = {
    { 1024, 768 }, { 1280, 720 }, { 1366, 768 }, { 1920, 1080 }, { 3840, 2160 },
  };
  guint misses = 0;

  /* Jumps instead of easing: the view is where it goes at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* A presentation sized as each projector's screen, whatever the test
   * display's size is: a window that is not fullscreen grows to its
   * content's size, also beyond the display. */
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      McPresentation *presentation = mc_presentation_new (app, board);

      g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &fixture->presentation);
      fixture->presentation = presentation;
      check_frames_at (presentation, sizes[i][0], sizes[i][1], &misses);
      gtk_window_destroy (GTK_WINDOW (presentation));
      mc_test_spin ();
      g_assert_null (fixture->presentation);
    }
  if (misses > 0)
    g_error ("%u stops show their name or notes outside the free area (or with less "
             "than %.0f px of air): see the messages above", misses, MIN_AIR);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* Paged questions */

/* The region stop with the most questions. */
static guint
most_questions (McRoute *route)
{
  guint best = 0, best_n = 0;

  for (guint i = 0; i < mc_route_get_n_stops (route); i++)
    {
      const McRouteStop *stop = mc_route_get_stop (route, i);
      g_auto(GStrv) questions = NULL;

      if (stop->kind != MC_ROUTE_STOP_REGION || stop->skipped || stop->prompt == NULL)
        continue;
      questions = g_strsplit (stop->prompt, "\n", -1);
      if (g_strv_length (questions) > best_n)
        {
          best = i;
          best_n = g_strv_length (questions);
        }
    }
  return best;
}

static void
assert_banner_whole (McPresentation *presentation,
                     GtkWidget      *banner,
                     GtkLabel       *prompt,
                     int             height)
{
  McRect rect, free_area;

  mc_test_wait_frames (GTK_WIDGET (presentation), 2);
  /* Never cut, never "…". */
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (prompt)));
  g_assert_cmpint (gtk_label_get_lines (prompt), ==, -1);
  bounds_in_canvas (banner, mc_presentation_get_canvas (presentation), &rect);
  g_assert_cmpfloat (rect.height, <=, height / 3.0 + 0.5);
  g_assert_true (mc_presentation_get_free_area (presentation, &free_area));
  g_assert_cmpfloat (rect.y + rect.height, <=, free_area.y + 0.5);
}

/* At each size, the stop with the most questions shows every question,
 * on pages where they do not fit at once: Page Down turns the pages and
 * then moves on, Page Up comes back to the last page. */
static void
check_pages_at (McPresentation *presentation,
                int             width,
                int             height,
                gboolean        must_page)
{
  McRoute *route = mc_presentation_get_route (presentation);
  GtkWidget *banner = find_by_class (GTK_WIDGET (presentation), "prompt-banner");
  GtkLabel *prompt = GTK_LABEL (find_by_class (GTK_WIDGET (presentation), "banner-prompt"));
  g_autofree char *name = g_strdup_printf ("presentation-questions-%dx%d.png", width, height);
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autofree char *expected = NULL;
  g_auto(GStrv) questions = NULL;
  GtkWidget *content;
  guint index, n_pages = 0;

  content = size_as_projector (presentation, width, height);
  index = most_questions (route);
  questions = g_strsplit (mc_route_get_stop (route, index)->prompt, "\n", -1);
  expected = g_strjoinv (" ", questions);

  mc_presentation_go_to (presentation, index);
  wait_for_view (presentation);
  mc_test_wait_until (banner_settled, banner, "the banner to show");
  mc_presentation_get_prompt_page (presentation, &n_pages);
  g_test_message ("%d×%d: %u questions on %u page(s)", width, height,
                  g_strv_length (questions), n_pages);
  if (must_page)
    g_assert_cmpuint (n_pages, >=, 2);
  /* Drawn first: a widget not yet drawn has nothing to capture. */
  mc_test_wait_frames (GTK_WIDGET (presentation), 2);
  save_screenshot (content, name);

  for (guint page = 0; page < n_pages; page++)
    {
      g_assert_cmpuint (mc_presentation_get_prompt_page (presentation, NULL), ==, page);
      g_assert_cmpuint (mc_route_get_current (route), ==, index);
      assert_banner_whole (presentation, banner, prompt, height);
      if (shown->len > 0)
        g_string_append_c (shown, ' ');
      g_string_append (shown, gtk_label_get_text (prompt));
      g_assert_true (mc_presentation_handle_key (presentation, GDK_KEY_Page_Down, 0));
    }
  /* Every question, once, in order. */
  g_assert_cmpstr (shown->str, ==, expected);

  /* Past the last page: the next stop; back: the last page again. */
  g_assert_cmpuint (mc_route_get_current (route), !=, index);
  g_assert_true (mc_presentation_handle_key (presentation, GDK_KEY_Page_Up, 0));
  g_assert_cmpuint (mc_route_get_current (route), ==, index);
  g_assert_cmpuint (mc_presentation_get_prompt_page (presentation, NULL), ==, n_pages - 1);
}

static void
test_paged_questions (Fixture       *fixture,
                      gconstpointer  data)
{
  McBoard *board = mc_window_get_board (fixture->window);
  const struct { int width, height; gboolean must_page; } sizes[] = {
    { 1024, 768, FALSE }, { 1280, 720, FALSE }, { 1024, 600, TRUE },
  };

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      McPresentation *presentation = mc_presentation_new (app, board);

      g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &fixture->presentation);
      fixture->presentation = presentation;
      check_pages_at (presentation, sizes[i].width, sizes[i].height, sizes[i].must_page);
      gtk_window_destroy (GTK_WINDOW (presentation));
      mc_test_spin ();
      g_assert_null (fixture->presentation);
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* The join stop (issue 14) */

#define JOIN_LAN_ADDRESS "192.0.2.7"   /* TEST-NET-1: only named, never reached */

static GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every label of the card whole: inside the card, never "…". */
static void
assert_labels_whole (GtkWidget    *card,
                     McCanvas     *canvas,
                     const McRect *card_rect)
{
  for (GtkWidget *child = gtk_widget_get_first_child (card); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      McRect rect;

      if (!GTK_IS_LABEL (child) || !gtk_widget_get_visible (child))
        continue;
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child))));
      bounds_in_canvas (child, canvas, &rect);
      g_assert_true (rect_inside (card_rect, &rect));
      /* The text fits the width it was given. */
      {
        int text_width;

        pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (child)), &text_width, NULL);
        g_assert_cmpint (text_width, <=, (int) rect.width + 1);
      }
    }
}

/* At one size: the facilitator steps from the overview to the join stop,
 * where the card fills the free area with the QR code as large as it can
 * be (whole pixels a module) and the address and code beneath, readable;
 * then steps on and the card goes. */
static void
check_join_at (McPresentation *presentation,
               McRoom         *room,
               int             width,
               int             height)
{
  McCanvas *canvas = mc_presentation_get_canvas (presentation);
  McRoute *route = mc_presentation_get_route (presentation);
  GtkWidget *card = mc_presentation_get_join_card (presentation);
  GtkWidget *banner = find_by_class (GTK_WIDGET (presentation), "prompt-banner");
  GtkWidget *position = find_by_class (GTK_WIDGET (presentation), "stop-position");
  GtkWidget *timer = find_by_class (GTK_WIDGET (presentation), "presentation-pill");
  McQrCode *qr = MC_QR_CODE (find_by_type (card, MC_TYPE_QR_CODE));
  g_autofree char *name = g_strdup_printf ("presentation-join-%dx%d.png", width, height);
  g_autofree char *url = mc_room_dup_join_url (room, NULL);
  McRect free_area, card_rect, qr_rect, pill;
  GtkWidget *content;
  int join = mc_route_find_stop (route, MC_ROUTE_JOIN_KEY);
  int modules, side;

  g_assert_nonnull (card);
  g_assert_cmpint (join, ==, 1);
  content = size_as_projector (presentation, width, height);

  mc_presentation_go_to (presentation, 0);
  wait_for_view (presentation);
  g_assert_false (gtk_widget_get_visible (card));

  g_assert_true (mc_presentation_next (presentation));
  g_assert_cmpuint (mc_route_get_current (route), ==, (guint) join);
  wait_for_view (presentation);
  mc_test_wait_until (banner_settled, banner, "the banner to hide");
  mc_test_wait_frames (GTK_WIDGET (presentation), 2);

  g_assert_true (gtk_widget_get_mapped (card));
  g_assert_false (gtk_widget_get_mapped (banner));
  g_assert_true (mc_presentation_get_free_area (presentation, &free_area));
  bounds_in_canvas (card, canvas, &card_rect);
  if (!rect_inside (&free_area, &card_rect))
    g_error ("%d×%d: the card at %.0f,%.0f %.0f×%.0f is outside the free area %.0f,%.0f %.0f×%.0f",
             width, height, card_rect.x, card_rect.y, card_rect.width, card_rect.height,
             free_area.x, free_area.y, free_area.width, free_area.height);
  /* It uses the room it has. */
  g_assert_cmpfloat (card_rect.width, >=, free_area.width * 0.8);
  g_assert_cmpfloat (card_rect.height, >=, free_area.height * 0.8);
  bounds_in_canvas (position, canvas, &pill);
  g_assert_false (mc_rect_intersects (&card_rect, &pill));
  bounds_in_canvas (timer, canvas, &pill);
  g_assert_false (mc_rect_intersects (&card_rect, &pill));

  /* The QR code: the room's link, drawn with whole pixels a module over
   * at least half the card's height, so a phone reads it from the back. */
  g_assert_cmpstr (mc_qr_code_get_text (qr), ==, url);
  bounds_in_canvas (GTK_WIDGET (qr), canvas, &qr_rect);
  modules = (int) mc_qr_code_get_size (qr) + 8;
  side = (MIN ((int) qr_rect.width, (int) qr_rect.height) / modules) * modules;
  g_test_message ("%d×%d: the QR code is %d pixels, %d a module (%d %% of the card's height)",
                  width, height, side, side / modules, (int) (100 * side / card_rect.height));
  g_assert_cmpfloat (2 * side, >=, card_rect.height);
  g_assert_cmpint (side / modules, >=, 6);

  /* The address and the room code, whole. */
  assert_labels_whole (card, canvas, &card_rect);
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_last_child (card)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (card))), ==,
                   mc_room_get_code (room));
  {
    g_autofree char *address = g_strdup_printf ("http://" JOIN_LAN_ADDRESS ":%u", mc_room_get_port (room));
    GtkWidget *hint = gtk_widget_get_prev_sibling (gtk_widget_get_last_child (card));

    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), address));
    /* Never the token: that is in the code only. */
    g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (hint)), mc_room_get_token (room)));
  }
  save_screenshot (content, name);

  /* And away. */
  g_assert_true (mc_presentation_next (presentation));
  wait_for_view (presentation);
  g_assert_false (gtk_widget_get_visible (card));
  g_assert_true (mc_presentation_previous (presentation));
  g_assert_true (gtk_widget_get_visible (card));
}

static void
test_join_stop (Fixture       *fixture,
                gconstpointer  data)
{
  McBoard *board = mc_window_get_board (fixture->window);
  g_autoptr(McRoom) room = mc_room_new (board);
  const char *lan[] = { JOIN_LAN_ADDRESS, NULL };
  const int sizes[][2] = {
    { 1024, 768 }, { 1280, 720 }, { 1366, 768 }, { 1920, 1080 }, { 3840, 2160 },
  };
  McPresentation *presentation;
  McRoute *route;
  guint n;

  mc_room_set_listen_address (room, "127.0.0.1");
  mc_room_set_lan_addresses (room, lan);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* A closed room has no join stop; opening it adds one, closing it takes
   * it away, also while the wall shows it. */
  presentation = mc_presentation_new (app, board);
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &fixture->presentation);
  fixture->presentation = presentation;
  route = mc_presentation_get_route (presentation);
  n = mc_route_get_n_stops (route);
  mc_presentation_set_room (presentation, room);
  g_assert_true (mc_presentation_get_room (presentation) == room);
  g_assert_cmpuint (mc_route_get_n_stops (route), ==, n);
  g_assert_true (mc_room_start (room, NULL));
  g_assert_cmpuint (mc_route_get_n_stops (route), ==, n + 1);
  size_as_projector (presentation, 1024, 768);
  mc_presentation_go_to (presentation, 1);
  wait_for_view (presentation);
  g_assert_true (gtk_widget_get_visible (mc_presentation_get_join_card (presentation)));
  mc_room_stop (room);
  g_assert_cmpuint (mc_route_get_n_stops (route), ==, n);
  g_assert_cmpint (mc_route_get_current_stop (route)->kind, !=, MC_ROUTE_STOP_JOIN);
  g_assert_false (gtk_widget_get_visible (mc_presentation_get_join_card (presentation)));
  gtk_window_destroy (GTK_WINDOW (presentation));
  mc_test_spin ();
  g_assert_null (fixture->presentation);

  g_assert_true (mc_room_start (room, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      presentation = mc_presentation_new (app, board);
      g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &fixture->presentation);
      fixture->presentation = presentation;
      mc_presentation_set_room (presentation, room);
      check_join_at (presentation, room, sizes[i][0], sizes[i][1]);
      gtk_window_destroy (GTK_WINDOW (presentation));
      mc_test_spin ();
      g_assert_null (fixture->presentation);
    }
  mc_room_stop (room);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* The footer at a large screen */

/* The height of the text label shows, from its Pango layout. */
static int
text_height (GtkWidget *label)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (gtk_label_get_layout (GTK_LABEL (label)), NULL, &logical);
  return logical.height;
}

/* Issue 13: at 3840×2160 the stop number and the timer were drawn at the
 * style sheet's size, tiny next to the banner and the board, which scale
 * with the screen. They scale as the banner does: twice the text at twice
 * the lines, and the band reserved below the board grows with them. */
static void
test_footer_scales (Fixture       *fixture,
                    gconstpointer  data)
{
  McBoard *board = mc_window_get_board (fixture->window);
  const int sizes[][2] = { { 1920, 1080 }, { 3840, 2160 } };
  int position[2], time[2], footer[2];

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      McPresentation *presentation = mc_presentation_new (app, board);
      GtkWidget *content, *footer_box;

      g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &fixture->presentation);
      fixture->presentation = presentation;
      content = size_as_projector (presentation, sizes[i][0], sizes[i][1]);
      wait_for_view (presentation);
      position[i] = text_height (find_by_class (content, "stop-position"));
      time[i] = text_height (find_by_class (content, "timer-time"));
      footer_box = find_by_class (content, "presentation-footer");
      footer[i] = gtk_widget_get_height (footer_box);
      g_test_message ("%d×%d: stop number %d px, timer %d px, footer %d px", sizes[i][0],
                      sizes[i][1], position[i], time[i], footer[i]);
      gtk_window_destroy (GTK_WINDOW (presentation));
      mc_test_spin ();
      g_assert_null (fixture->presentation);
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);

  /* About twice: text heights round to whole pixels and lines. */
  g_assert_cmpfloat ((double) position[1] / position[0], >=, 1.8);
  g_assert_cmpfloat ((double) position[1] / position[0], <=, 2.2);
  g_assert_cmpfloat ((double) time[1] / time[0], >=, 1.8);
  g_assert_cmpfloat ((double) time[1] / time[0], <=, 2.2);
  g_assert_cmpfloat ((double) footer[1] / footer[0], >=, 1.6);
}

int
main (int   argc,
      char *argv[])
{
  app = mc_test_app_new (&argc, &argv);

  g_test_add ("/mc/presentation-framing/sizes", Fixture, NULL,
              fixture_set_up, test_framing_sizes, fixture_tear_down);
  g_test_add ("/mc/presentation-framing/paged-questions", Fixture, NULL,
              fixture_set_up, test_paged_questions, fixture_tear_down);
  g_test_add ("/mc/presentation-framing/footer-scales", Fixture, NULL,
              fixture_set_up, test_footer_scales, fixture_tear_down);
  g_test_add ("/mc/presentation-framing/join-stop", Fixture, NULL,
              fixture_set_up, test_join_stop, fixture_tear_down);

  return mc_test_app_run (app);
}
