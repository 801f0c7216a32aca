/* mc-export.c — options, formats, scope and the export entry points
 *
 * Every figure export is: choose the page geometry for the physical width →
 * derive the font floor in scene units → build the scene with the layout →
 * draw it (cairo) or write it (SVG writer). Files are produced in memory and
 * replaced atomically, so a failed export never leaves a partial file.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mc-atomic-write-private.h"
#include "mc-export-private.h"
#include "mc-catalog.h"
#include "mc-json-canvas.h"
#include "mc-layout.h"
#include "mc-text.h"

G_DEFINE_QUARK (mc-export-error-quark, mc_export_error)

/* Options and formats */

void
mc_export_options_init (McExportOptions *options,
                        McLanguage       language)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->scope = MC_EXPORT_SCOPE_BOARD;
  options->language = language;
  options->theme = MC_THEME_COLOR;
  options->notes = TRUE;
  options->questions = MC_QUESTIONS_OFF;
  options->definitions = FALSE;
  options->empty_regions = TRUE;
  options->caption = FALSE;
  options->font_floor_pt = MC_EXPORT_DEFAULT_FONT_FLOOR_PT;
  options->width_mm = 0;
  options->width_px = 0;
  options->dpi = MC_EXPORT_DEFAULT_DPI;
  options->margin_mm = MC_EXPORT_DEFAULT_MARGIN_MM;
  options->background = MC_EXPORT_BACKGROUND_PAPER;
  options->page = MC_EXPORT_PAGE_FIT;
}

static const char * const format_extensions[MC_N_EXPORT_FORMATS] = {
  [MC_EXPORT_FORMAT_PDF] = "pdf",
  [MC_EXPORT_FORMAT_SVG] = "svg",
  [MC_EXPORT_FORMAT_PNG] = "png",
  [MC_EXPORT_FORMAT_MARKDOWN] = "md",
  [MC_EXPORT_FORMAT_CSV] = "csv",
  [MC_EXPORT_FORMAT_CANVAS] = "canvas",
};

const char *
mc_export_format_get_extension (McExportFormat format)
{
  g_return_val_if_fail ((guint) format < MC_N_EXPORT_FORMATS, NULL);
  return format_extensions[format];
}

gboolean
mc_export_format_from_string (const char     *str,
                              McExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (str, "markdown") == 0)
    {
      *format = MC_EXPORT_FORMAT_MARKDOWN;
      return TRUE;
    }
  for (guint i = 0; i < MC_N_EXPORT_FORMATS; i++)
    {
      if (g_ascii_strcasecmp (str, format_extensions[i]) == 0)
        {
          *format = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
mc_export_format_from_filename (const char     *filename,
                                McExportFormat *format)
{
  const char *dot;
  const char *slash;

  g_return_val_if_fail (format != NULL, FALSE);

  if (filename == NULL)
    return FALSE;
  dot = strrchr (filename, '.');
  slash = strrchr (filename, G_DIR_SEPARATOR);
  if (dot == NULL || (slash != NULL && dot < slash))
    return FALSE;
  return mc_export_format_from_string (dot + 1, format);
}

gboolean
_mc_export_check_options (const McExportOptions  *options,
               McExportFormat          format,
               GError                **error)
{
  if ((guint) options->language >= MC_N_LANGUAGES ||
      (guint) options->theme >= MC_N_THEMES)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("Unknown language or theme"));
      return FALSE;
    }
  if (options->width_mm < 0 || options->width_mm > 5000)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("Width %g mm is out of range (10 to 5000 mm)"), options->width_mm);
      return FALSE;
    }
  if (options->width_mm > 0 && options->width_mm < 10)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("Width %g mm is out of range (10 to 5000 mm)"), options->width_mm);
      return FALSE;
    }
  if (options->margin_mm < 0 || (options->width_mm > 0 && 2 * options->margin_mm >= options->width_mm / 2))
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("Margin %g mm does not fit the width"), options->margin_mm);
      return FALSE;
    }
  if (options->font_floor_pt < 0 || options->font_floor_pt > 72)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("Minimum font size %g pt is out of range (0 to 72 pt)"), options->font_floor_pt);
      return FALSE;
    }
  if (options->csv_separator != 0 && options->csv_separator != ',' &&
      options->csv_separator != ';' && options->csv_separator != '\t')
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("Unknown CSV separator: use a comma, a semicolon or a tab"));
      return FALSE;
    }
  if (format == MC_EXPORT_FORMAT_PNG)
    {
      if (options->dpi < 36 || options->dpi > 2400)
        {
          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                       _("Resolution %d DPI is out of range (36 to 2400)"), options->dpi);
          return FALSE;
        }
      if (options->width_px < 0 || options->width_px > 30000)
        {
          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                       _("Width %d px is out of range (1 to 30000 px)"), options->width_px);
          return FALSE;
        }
    }
  return TRUE;
}

/* Scope */

/* The placed figures an export covers, in board order; NULL entries never.
 * For the whole board the array is empty and the scene is built at once. */
GPtrArray *
_mc_export_scope_figure_ids (McBoard                *board,
                  const McExportOptions  *options,
                  GError                **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  switch (options->scope)
    {
    case MC_EXPORT_SCOPE_BOARD:
      if (mc_board_get_figures (board)->len == 0 && mc_board_get_n_notes (board) == 0)
        {
          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_EMPTY,
                       _("Nothing to export: the board has no figures and no notes"));
          return NULL;
        }
      break;

    case MC_EXPORT_SCOPE_FIGURE:
      if (options->figure_id == NULL || mc_board_get_figure (board, options->figure_id) == NULL)
        {
          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_UNKNOWN_FIGURE,
                       _("No figure “%s” on this board"),
                       options->figure_id != NULL ? options->figure_id : "");
          return NULL;
        }
      g_ptr_array_add (ids, g_strdup (options->figure_id));
      break;

    case MC_EXPORT_SCOPE_FIGURES:
      for (guint i = 0; options->figure_ids != NULL && options->figure_ids[i] != NULL; i++)
        {
          if (mc_board_get_figure (board, options->figure_ids[i]) == NULL)
            {
              g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_UNKNOWN_FIGURE,
                           _("No figure “%s” on this board"), options->figure_ids[i]);
              return NULL;
            }
          g_ptr_array_add (ids, g_strdup (options->figure_ids[i]));
        }
      if (ids->len == 0)
        {
          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_EMPTY,
                       _("Nothing to export: no figures chosen"));
          return NULL;
        }
      break;

    default:
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID_OPTION,
                   _("Unknown export scope"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

McScene *
mc_export_build_scene (McBoard                *board,
                       const McExportOptions  *options,
                       McRect                 *content,
                       double                 *points_per_unit,
                       GError                **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  McPageGeometry geo;
  McScene *scene;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_mc_export_check_options (options, MC_EXPORT_FORMAT_PDF, error))
    return NULL;
  ids = _mc_export_scope_figure_ids (board, options, error);
  if (ids == NULL)
    return NULL;

  scene = _mc_export_build_scene (board, options, MC_EXPORT_FORMAT_PDF, ids, &geo, error);
  if (scene == NULL)
    return NULL;
  if (content != NULL)
    *content = geo.content;
  if (points_per_unit != NULL)
    *points_per_unit = geo.scale;
  return scene;
}

GBytes *
mc_export_to_bytes (McBoard                *board,
                    const McExportOptions  *options,
                    McExportFormat          format,
                    GError                **error)
{
  return mc_export_to_bytes_full (board, options, format, NULL, error);
}

GBytes *
mc_export_to_bytes_full (McBoard                *board,
                         const McExportOptions  *options,
                         McExportFormat          format,
                         McExportSummary        *summary,
                         GError                **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  McExportSummary local_summary;

  g_return_val_if_fail (MC_IS_BOARD (board), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (summary == NULL)
    summary = &local_summary;
  memset (summary, 0, sizeof *summary);

  if ((guint) format >= MC_N_EXPORT_FORMATS)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Unknown export format"));
      return NULL;
    }
  if (!_mc_export_check_options (options, format, error))
    return NULL;

  if (format == MC_EXPORT_FORMAT_CANVAS)
    {
      /* Another tool's board: always the whole board, every note. */
      g_autoptr(McLayout) layout = mc_layout_new (mc_catalog_get_default ());

      return mc_json_canvas_export (board, layout, error);
    }
  if (format == MC_EXPORT_FORMAT_MARKDOWN || format == MC_EXPORT_FORMAT_CSV)
    {
      /* An outline of an empty board is still a valid (empty) document. */
      if (options->scope == MC_EXPORT_SCOPE_BOARD)
        ids = g_ptr_array_new_with_free_func (g_free);
      else
        ids = _mc_export_scope_figure_ids (board, options, error);
      if (ids == NULL)
        return NULL;
      return _mc_export_write_outline (board, options, format, ids);
    }

  ids = _mc_export_scope_figure_ids (board, options, error);
  if (ids == NULL)
    return NULL;

  return _mc_export_write_figures (board, options, format, ids, summary, error);
}

/* Only a regular file (or a new one) is replaced: a FIFO, a device such as
 * /dev/stdout, a folder or a link to nothing would be turned into a
 * regular file by the rename, and a read-only file is the user's "do not
 * change". A link to a regular file is followed: its target is written.
 * Returns the path to write, or NULL with the reason. */
static char *
check_target (const char  *path,
              GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *target = NULL;
  struct stat st;

  if (lstat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return g_strdup (path);
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), name, g_strerror (errno));
      return NULL;
    }
  if (S_ISLNK (st.st_mode))
    {
      char *resolved;

      if (stat (path, &st) != 0)
        {
          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE,
                       _("Could not write “%s”: it is a link to a file that does not exist"), name);
          return NULL;
        }
      resolved = S_ISREG (st.st_mode) ? realpath (path, NULL) : NULL;
      if (resolved != NULL)
        target = g_strdup (resolved);
      else
        st.st_mode = S_IFIFO;   /* a link to a pipe, as /dev/stdout often is */
      free (resolved);
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE,
                   S_ISDIR (st.st_mode) ? _("Could not write “%s”: it is a folder")
                                        : _("Could not write “%s”: it is not a regular file (a pipe, device or socket)"),
                   name);
      return NULL;
    }
  /* No write permission for anyone is read-only even for root. */
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
      access (target != NULL ? target : path, W_OK) != 0)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: the file is read-only"), name);
      return NULL;
    }
  return target != NULL ? g_steal_pointer (&target) : g_strdup (path);
}

gboolean
mc_export_write_bytes (GFile   *out,
                        GBytes  *bytes,
                        GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (out);
  g_autofree char *path = g_file_get_path (out);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *step = NULL;

  if (data == NULL)
    data = "";

  /* Local files as boards are saved; other places (GVFS) through GIO,
   * which also writes a temporary file and renames it into place. */
  if (path != NULL)
    {
      g_autofree char *target = check_target (path, error);

      if (target == NULL)
        return FALSE;
      if (!_mc_write_file_atomically (target, data, length, MC_ATOMIC_WRITE_NONE, &step))
        {
          g_autofree char *reason = g_strdup_printf ("%s: %s", step, g_strerror (errno));

          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE,
                       _("Could not write “%s”: %s"), name, reason);
          return FALSE;
        }
      return TRUE;
    }

  if (!g_file_replace_contents (out, data, length, NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
mc_export_to_file_with_format (McBoard                *board,
                               const McExportOptions  *options,
                               McExportFormat          format,
                               GFile                  *out,
                               GError                **error)
{
  return mc_export_to_file_full (board, options, format, out, NULL, error);
}

gboolean
mc_export_to_file_full (McBoard                *board,
                        const McExportOptions  *options,
                        McExportFormat          format,
                        GFile                  *out,
                        McExportSummary        *summary,
                        GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MC_IS_BOARD (board), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = mc_export_to_bytes_full (board, options, format, summary, error);
  if (bytes == NULL)
    return FALSE;
  return mc_export_write_bytes (out, bytes, error);
}

gboolean
mc_export_to_file (McBoard                *board,
                   const McExportOptions  *options,
                   GFile                  *out,
                   GError                **error)
{
  g_autofree char *basename = NULL;
  McExportFormat format;

  g_return_val_if_fail (MC_IS_BOARD (board), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  basename = g_file_get_basename (out);
  if (!mc_export_format_from_filename (basename, &format))
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Unknown file type “%s”: use .pdf, .svg, .png, .md, .csv or .canvas"),
                   basename != NULL ? basename : "");
      return FALSE;
    }
  return mc_export_to_file_with_format (board, options, format, out, error);
}
/* One pass over the scene: a note counts once when any text of its group
 * is ellipsized or breaks a word inside itself (what mc_editing_note_text_fits() asks of one note). */
guint
mc_export_count_cut_notes (McScene *scene)
{
  guint cut = 0;
  guint depth = 0;
  guint note_depth = 0;     /* the depth inside the current note group; 0: none */
  gboolean counted = FALSE;
  guint n;

  g_return_val_if_fail (scene != NULL, 0);

  n = mc_scene_get_n_items (scene);
  for (guint i = 0; i < n; i++)
    {
      const McSceneItem *item = mc_scene_get_item (scene, i);

      switch (item->kind)
        {
        case MC_ITEM_GROUP_BEGIN:
          depth++;
          if (note_depth == 0 && item->role == MC_ROLE_NOTE &&
              item->id != NULL && g_str_has_prefix (item->id, "note:"))
            {
              note_depth = depth;
              counted = FALSE;
            }
          break;
        case MC_ITEM_GROUP_END:
          if (depth == note_depth)
            note_depth = 0;
          if (depth > 0)
            depth--;
          break;
        case MC_ITEM_TEXT:
          if (note_depth > 0 && !counted && item->role == MC_ROLE_NOTE_TEXT &&
              item->layout != NULL && (pango_layout_is_ellipsized (item->layout) ||
                                       mc_text_layout_breaks_inside_word (item->layout)))
            {
              cut++;
              counted = TRUE;
            }
          break;
        case MC_ITEM_PATH:
        default:
          break;
        }
    }

  return cut;
}
