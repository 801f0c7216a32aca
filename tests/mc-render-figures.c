/* mc-render-figures.c — developer tool: every figure kind × theme × language
 * as a PNG, so people can look at the figures.
 *
 *   mc-render-figures OUTDIR [KIND…] [--width N] [--with-notes]
 *                     [--questions off|inline|list] [--no-definitions] [--caption]
 *
 * Writes OUTDIR/<kind>-<theme>-<lang>.png (N px per 1000 figure units,
 * default 1600) and OUTDIR/model-<theme>-<lang>.png of the whole `model`
 * template. With --with-notes the example board's notes are drawn too.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <cairo.h>
#include <glib/gstdio.h>

#include "mc-board.h"
#include "mc-templates.h"
#include "mc-board-io.h"
#include "mc-catalog.h"
#include "mc-figure-kind.h"
#include "mc-layout.h"
#include "mc-render-cairo.h"
#include "mc-theme.h"

#define MARGIN 24.0

static gboolean
write_png (McScene     *scene,
           double       scale,
           const char  *path,
           GError     **error)
{
  McRect bounds;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int width, height;

  mc_scene_get_bounds (scene, &bounds);
  width = (int) (bounds.width * scale + 2 * MARGIN + 0.5);
  height = (int) (bounds.height * scale + 2 * MARGIN + 0.5);
  width = CLAMP (width, 1, 32000);
  height = CLAMP (height, 1, 32000);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, MARGIN, MARGIN);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -bounds.x, -bounds.y);
  mc_render_scene (cr, scene, NULL);
  cairo_destroy (cr);

  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* The first placement of kind on the board, or NULL. */
static const char *
find_placement (McBoard    *board,
                const char *kind)
{
  GPtrArray *figures = mc_board_get_figures (board);

  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      McFigure *figure = g_ptr_array_index (figures, i);

      if (g_strcmp0 (mc_figure_get_kind (figure), kind) == 0)
        return mc_figure_get_id (figure);
    }

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  g_autoptr(McLayout) layout = NULL;
  g_autoptr(McBoard) example = NULL;
  const char *outdir = NULL;
  double width = 1600;
  gboolean with_notes = FALSE;
  gboolean with_model = FALSE;
  gboolean caption = FALSE;
  gboolean definitions = TRUE;
  McQuestionsMode questions = MC_QUESTIONS_INLINE;
  guint n_written = 0;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--width") == 0 && i + 1 < argc)
        width = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_has_prefix (argv[i], "--width="))
        width = g_ascii_strtod (argv[i] + strlen ("--width="), NULL);
      else if (strcmp (argv[i], "--with-notes") == 0)
        with_notes = TRUE;
      else if (strcmp (argv[i], "--caption") == 0)
        caption = TRUE;
      else if (strcmp (argv[i], "--no-definitions") == 0)
        definitions = FALSE;
      else if (strcmp (argv[i], "--questions") == 0 && i + 1 < argc)
        {
          const char *mode = argv[++i];

          if (strcmp (mode, "off") == 0)
            questions = MC_QUESTIONS_OFF;
          else if (strcmp (mode, "list") == 0)
            questions = MC_QUESTIONS_LIST;
          else
            questions = MC_QUESTIONS_INLINE;
        }
      else if (strcmp (argv[i], "--help") == 0 || argv[i][0] == '-')
        {
          g_printerr ("usage: %s OUTDIR [KIND…] [--width N] [--with-notes]\n"
                      "         [--questions off|inline|list] [--no-definitions] [--caption]\n"
                      "  KIND: a figure kind id or \"model\"; default: all of them\n",
                      argv[0]);
          return strcmp (argv[i], "--help") == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
        }
      else if (outdir == NULL)
        outdir = argv[i];
      else if (strcmp (argv[i], "model") == 0)
        with_model = TRUE;
      else if (mc_figure_kind_lookup (argv[i]) != NULL)
        g_ptr_array_add (kinds, argv[i]);
      else
        {
          g_printerr ("%s: unknown figure kind “%s”\n", argv[0], argv[i]);
          return EXIT_FAILURE;
        }
    }

  if (outdir == NULL || width < 50 || width > 20000)
    {
      g_printerr ("usage: %s OUTDIR [KIND…] [--width N] [--with-notes]\n", argv[0]);
      return EXIT_FAILURE;
    }

  if (kinds->len == 0 && !with_model)
    {
      const char * const *all = mc_figure_kind_list ();

      for (guint i = 0; all[i] != NULL; i++)
        g_ptr_array_add (kinds, (gpointer) all[i]);
      with_model = TRUE;
    }

  if (g_mkdir_with_parents (outdir, 0755) != 0)
    {
      g_printerr ("%s: cannot create %s\n", argv[0], outdir);
      return EXIT_FAILURE;
    }

  mc_core_ensure_resources ();
  layout = mc_layout_new (mc_catalog_get_default ());
  if (with_notes)
    example = mc_board_new_example ();

  for (McThemeKind theme = 0; theme < MC_N_THEMES; theme++)
    for (McLanguage lang = 0; lang < MC_N_LANGUAGES; lang++)
      {
        McViewOptions options;

        mc_view_options_init (&options, lang);
        options.theme = theme;
        options.caption = caption;
        options.definitions = definitions;
        options.questions = questions;

        for (guint k = 0; k < kinds->len; k++)
          {
            const char *kind = g_ptr_array_index (kinds, k);
            const McFigureKindClass *klass = mc_figure_kind_lookup (kind);
            const char *placement = example != NULL ? find_placement (example, kind) : NULL;
            g_autofree char *name = g_strdup_printf ("%s-%s-%s.png", kind,
                                                     mc_theme_kind_to_string (theme),
                                                     mc_language_to_string (lang));
            g_autofree char *path = g_build_filename (outdir, name, NULL);
            g_autoptr(McScene) scene = NULL;
            g_autoptr(GError) error = NULL;
            double scale = 1.0;

            if (placement != NULL)
              {
                McRect frame;

                /* The example's figure at its board size, scaled on output. */
                options.figure_id = placement;
                scene = mc_layout_build (layout, example, &options);
                options.figure_id = NULL;
                mc_layout_get_figure_rect (example, placement, &frame);
                scale = width * klass->natural_width / 1000.0 / frame.width;
              }
            else
              scene = mc_layout_build_kind (layout, kind,
                                            width * klass->natural_width / 1000.0,
                                            &options);

            if (!write_png (scene, scale, path, &error))
              {
                g_printerr ("%s\n", error->message);
                return EXIT_FAILURE;
              }
            n_written++;
          }

        if (with_model)
          {
            g_autofree char *name = g_strdup_printf ("model-%s-%s.png",
                                                     mc_theme_kind_to_string (theme),
                                                     mc_language_to_string (lang));
            g_autofree char *path = g_build_filename (outdir, name, NULL);
            g_autoptr(McBoard) board = NULL;
            g_autoptr(McScene) scene = NULL;
            g_autoptr(GError) error = NULL;
            McRect bounds;

            if (example != NULL && mc_board_get_language (example) == lang)
              board = g_object_ref (example);
            else
              board = mc_board_new_from_template ("model", lang, &error);
            if (board == NULL)
              {
                g_printerr ("model: %s\n", error->message);
                return EXIT_FAILURE;
              }

            scene = mc_layout_build (layout, board, &options);
            mc_scene_get_bounds (scene, &bounds);
            /* The composition at twice the figure width: readable, not huge. */
            if (!write_png (scene, bounds.width > 0 ? 2 * width / bounds.width : 1.0,
                            path, &error))
              {
                g_printerr ("%s\n", error->message);
                return EXIT_FAILURE;
              }
            n_written++;
          }
      }

  g_print ("%u images in %s\n", n_written, outdir);
  return EXIT_SUCCESS;
}
