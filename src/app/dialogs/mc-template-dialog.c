/* mc-template-dialog.c — the New board / Add figure chooser
 *
 * New mode: the whole model as a large card on the left, the nine figure
 * kinds in a 3 × 3 grid beside it. Add mode: the grid alone. Each card shows
 * a thumbnail drawn by the board's own layout and cairo renderer, the
 * figure's number and its catalog title in the model language.
 *
 * Keyboard: the window's arrow bindings move focus between the cards
 * geometrically, Enter or Space presses the focused card, Escape closes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "mc-catalog.h"
#include "mc-templates.h"
#include "mc-enums.h"
#include "mc-figure-kind.h"
#include "mc-layout.h"
#include "mc-render-cairo.h"
#include "mc-template-dialog.h"
#include "mc-theme.h"

/* Thumbnail sizes in logical pixels. The large one has the model board's
 * proportions (4360 × 3040 plus paper). */
#define SMALL_WIDTH   176
#define SMALL_HEIGHT  124
#define LARGE_WIDTH   392
#define LARGE_HEIGHT  280
#define THUMB_MARGIN  8
#define THUMB_RADIUS  6

/* The cards always show the colour theme: the board is light paper in
 * dark mode too. */
#define THUMB_THEME   MC_THEME_COLOR

struct _McTemplateDialog
{
  AdwWindow             parent_instance;

  /* Template children */
  AdwWindowTitle       *window_title;
  GtkScrolledWindow    *scroller;
  GtkBox               *cards_box;
  GtkGrid              *grid;

  McTemplateDialogMode  mode;
  McLanguage            language;

  GPtrArray            *ids;        /* char *, NULL-terminated */
  GHashTable           *pictures;   /* id → GtkPicture (borrowed) */
  GHashTable           *cards;      /* id → GtkButton (borrowed) */
  McLayout             *layout;
  guint                 next_thumbnail;
  guint                 thumbnail_idle;
};

G_DEFINE_FINAL_TYPE (McTemplateDialog, mc_template_dialog, ADW_TYPE_WINDOW)

G_DEFINE_ENUM_TYPE (McTemplateDialogMode, mc_template_dialog_mode,
                    G_DEFINE_ENUM_VALUE (MC_TEMPLATE_DIALOG_NEW, "new"),
                    G_DEFINE_ENUM_VALUE (MC_TEMPLATE_DIALOG_ADD, "add"))

enum {
  PROP_0,
  PROP_MODE,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Thumbnails */

/* Rendered thumbnails for the life of the process: key
 * "<language>/<theme>/<id>/<width>x<height>@<scale>" → GdkTexture. */
static GHashTable *
get_thumbnail_cache (void)
{
  static GHashTable *cache;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return cache;
}

static gboolean
is_model (const char *id)
{
  return g_strcmp0 (id, "model") == 0;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - radius, radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, width - radius, height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, radius, height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, radius, radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The scene a thumbnail shows: the template's board, or the kind alone at
 * its natural size. No questions or definitions: at this size they are
 * grey texture that hides the shapes. */
static McScene *
build_thumbnail_scene (McLayout   *layout,
                       const char *id,
                       McLanguage  language)
{
  McViewOptions options;

  mc_view_options_init (&options, language);
  options.theme = THUMB_THEME;
  options.questions = MC_QUESTIONS_OFF;
  options.definitions = FALSE;
  options.notes = FALSE;

  if (is_model (id))
    {
      g_autoptr(McBoard) board = NULL;
      g_autoptr(GError) error = NULL;

      board = mc_board_new_from_template (id, language, &error);
      if (board == NULL)
        {
          g_warning ("Cannot draw the “%s” template: %s", id, error->message);
          return NULL;
        }
      return mc_layout_build (layout, board, &options);
    }
  else
    {
      const McFigureKindClass *klass = mc_figure_kind_lookup (id);

      g_return_val_if_fail (klass != NULL, NULL);
      return mc_layout_build_kind (layout, id, klass->natural_width, &options);
    }
}

static GdkTexture *
render_thumbnail (McLayout   *layout,
                  const char *id,
                  McLanguage  language,
                  int         width,
                  int         height,
                  int         scale)
{
  const McTheme *theme = mc_theme_get (THUMB_THEME);
  g_autoptr(McScene) scene = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  McRect bounds;
  double fit;
  GBytes *bytes;
  GdkTexture *texture;
  int stride;

  scene = build_thumbnail_scene (layout, id, language);
  if (scene == NULL)
    return NULL;
  mc_scene_get_bounds (scene, &bounds);
  if (bounds.width <= 0 || bounds.height <= 0)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);

  /* A sheet of the board's paper, with the figure centred on it. */
  rounded_rectangle (cr, width, height, THUMB_RADIUS);
  cairo_set_source_rgba (cr, theme->paper.red, theme->paper.green, theme->paper.blue, 1);
  cairo_fill_preserve (cr);
  cairo_clip (cr);

  fit = MIN ((width - 2 * THUMB_MARGIN) / bounds.width,
             (height - 2 * THUMB_MARGIN) / bounds.height);
  cairo_translate (cr,
                   (width - bounds.width * fit) / 2,
                   (height - bounds.height * fit) / 2);
  cairo_scale (cr, fit, fit);
  cairo_translate (cr, -bounds.x, -bounds.y);
  mc_render_scene (cr, scene, NULL);

  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* GDK_MEMORY_DEFAULT is cairo's ARGB32 layout (premultiplied, native
   * endian), so the pixels go over as they are. */
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      surface);
  texture = gdk_memory_texture_new (width * scale, height * scale,
                                    GDK_MEMORY_DEFAULT, bytes, stride);
  g_bytes_unref (bytes);

  return texture;
}

static void
thumbnail_size (const char *id,
                int        *width,
                int        *height)
{
  *width = is_model (id) ? LARGE_WIDTH : SMALL_WIDTH;
  *height = is_model (id) ? LARGE_HEIGHT : SMALL_HEIGHT;
}

static char *
thumbnail_key (McTemplateDialog *self,
               const char       *id,
               int               scale)
{
  int width, height;

  thumbnail_size (id, &width, &height);
  return g_strdup_printf ("%s/%s/%s/%dx%d@%d",
                          mc_language_to_string (self->language),
                          mc_theme_kind_to_string (THUMB_THEME),
                          id, width, height, scale);
}

/* Where a thumbnail is kept between runs: the user's cache folder, per
 * version (a new version may draw the figures differently). */
static char *
thumbnail_path (const char *key)
{
  g_autofree char *name = g_strdelimit (g_strconcat (key, ".png", NULL), "/", '-');

  return g_build_filename (g_get_user_cache_dir (), "missiecanvas", "thumbnails",
                           PACKAGE_VERSION, name, NULL);
}

/* Best effort: a thumbnail that cannot be kept is drawn again next time. */
static void
save_thumbnail (GdkTexture *texture,
                const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0 || !gdk_texture_save_to_png (texture, partial))
    return;
  if (g_rename (partial, path) != 0)
    g_unlink (partial);
}

/* The thumbnail from the process's cache, else from the disk cache, else
 * (with draw) drawn now and kept in both. Drawing the ten cards takes
 * seconds; reading them back a few milliseconds, so after the first time
 * the chooser opens with every picture in place. */
static GdkTexture *
lookup_thumbnail (McTemplateDialog *self,
                  const char       *id,
                  gboolean          draw)
{
  GHashTable *cache = get_thumbnail_cache ();
  int scale = MAX (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1);
  g_autofree char *key = thumbnail_key (self, id, scale);
  g_autofree char *path = NULL;
  GdkTexture *texture = g_hash_table_lookup (cache, key);
  int width, height;

  if (texture != NULL)
    return texture;

  path = thumbnail_path (key);
  thumbnail_size (id, &width, &height);
  texture = gdk_texture_new_from_filename (path, NULL);
  if (texture != NULL && (gdk_texture_get_width (texture) != width * scale
                          || gdk_texture_get_height (texture) != height * scale))
    g_clear_object (&texture);
  if (texture == NULL && draw)
    {
      if (self->layout == NULL)
        self->layout = mc_layout_new (mc_catalog_get_default ());
      texture = render_thumbnail (self->layout, id, self->language, width, height, scale);
      if (texture != NULL)
        save_thumbnail (texture, path);
    }
  if (texture != NULL)
    g_hash_table_insert (cache, g_steal_pointer (&key), texture);

  return texture;
}

void
mc_template_dialog_forget_thumbnails (void)
{
  g_hash_table_remove_all (get_thumbnail_cache ());
}

static void
show_thumbnail (McTemplateDialog *self,
                const char       *id,
                GdkTexture       *texture)
{
  GtkPicture *picture = g_hash_table_lookup (self->pictures, id);

  if (picture != NULL && texture != NULL)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

/* One thumbnail per idle, so the dialog shows at once and stays
 * responsive while the rest are drawn. */
static gboolean
draw_next_thumbnail (gpointer data)
{
  McTemplateDialog *self = data;

  while (self->next_thumbnail < self->ids->len - 1)
    {
      const char *id = g_ptr_array_index (self->ids, self->next_thumbnail++);
      gboolean cached = lookup_thumbnail (self, id, FALSE) != NULL;

      show_thumbnail (self, id, lookup_thumbnail (self, id, TRUE));
      if (!cached)
        return G_SOURCE_CONTINUE;
    }

  self->thumbnail_idle = 0;
  return G_SOURCE_REMOVE;
}

/* Cards */

static const char *
figure_word (McLanguage language)
{
  /* Model content, like the figure captions: in the board's language. */
  return language == MC_LANGUAGE_EN ? "Figure" : "Figuur";
}

static void
on_card_clicked (GtkButton        *button,
                 McTemplateDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "mc-template-id");

  mc_template_dialog_choose (self, id);
}

static GtkWidget *
create_card (McTemplateDialog *self,
             const char       *id)
{
  gboolean large = is_model (id);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, large ? 10 : 6);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *caption = NULL;
  GtkWidget *title;
  g_autofree char *caption_text = NULL;
  g_autofree char *accessible_label = NULL;
  const char *title_text;
  int width, height;

  if (large)
    {
      /* A label of the interface, in its language (figure titles below are
       * the model's, in the board's language). */
      title_text = _("The whole model");
    }
  else
    {
      const McFigureInfo *info = mc_catalog_get_figure (mc_catalog_get_default (), id);

      title_text = info != NULL ? mc_figure_info_get_title (info, self->language) : id;
      if (info != NULL && mc_figure_info_get_number (info) > 0)
        caption_text = g_strdup_printf ("%s %d", figure_word (self->language),
                                        mc_figure_info_get_number (info));
    }

  thumbnail_size (id, &width, &height);
  gtk_widget_set_size_request (picture, width, height);
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_add_css_class (picture, "template-thumbnail");
  gtk_box_append (GTK_BOX (box), picture);

  if (caption_text != NULL)
    {
      caption = gtk_label_new (caption_text);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (box), caption);
    }

  title = gtk_label_new (title_text);
  /* The whole title, wrapped at word boundaries: a title cut short with
   * "…" hides what tells the figures apart. */
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  /* Narrower than the thumbnail, so the card is as wide as its picture
   * and the picture is never stretched to a label's width. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), large ? 30 : 16);
  gtk_widget_add_css_class (title, large ? "title-3" : "heading");
  gtk_box_append (GTK_BOX (box), title);

  if (large)
    {
      GtkWidget *description;

      description = gtk_label_new (_("All nine figures on one board, like the canvas of the model: the CIMO band on top, each of its parts above the figure that fills it in."));
      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      gtk_label_set_justify (GTK_LABEL (description), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (description), 42);
      gtk_widget_add_css_class (description, "dim-label");
      gtk_box_append (GTK_BOX (box), description);
    }

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, large ? GTK_ALIGN_CENTER : GTK_ALIGN_START);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "template-card");
  if (large)
    gtk_widget_add_css_class (button, "large");
  gtk_widget_set_tooltip_text (button, title_text);
  accessible_label = caption_text != NULL
                     ? g_strdup_printf ("%s: %s", caption_text, title_text)
                     : g_strdup (title_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);

  g_object_set_data_full (G_OBJECT (button), "mc-template-id", g_strdup (id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_card_clicked), self);

  g_hash_table_insert (self->pictures, g_strdup (id), picture);
  g_hash_table_insert (self->cards, g_strdup (id), button);

  return button;
}

static void
build_cards (McTemplateDialog *self)
{
  const char * const *kinds = mc_catalog_get_kinds (mc_catalog_get_default ());
  guint column = 0, row = 0;

  if (self->mode == MC_TEMPLATE_DIALOG_NEW)
    g_ptr_array_add (self->ids, g_strdup ("model"));
  for (guint i = 0; kinds[i] != NULL; i++)
    if (mc_figure_kind_lookup (kinds[i]) != NULL)
      g_ptr_array_add (self->ids, g_strdup (kinds[i]));
  g_ptr_array_add (self->ids, NULL);

  for (guint i = 0; i < self->ids->len - 1; i++)
    {
      const char *id = g_ptr_array_index (self->ids, i);
      GtkWidget *card = create_card (self, id);

      if (is_model (id))
        {
          gtk_box_prepend (self->cards_box, card);
          continue;
        }

      gtk_grid_attach (self->grid, card, column, row, 1, 1);
      if (++column == 3)
        {
          column = 0;
          row++;
        }
    }

  /* Cached thumbnails show at once; the others follow from the idle. */
  for (guint i = 0; i < self->ids->len - 1; i++)
    {
      const char *id = g_ptr_array_index (self->ids, i);

      show_thumbnail (self, id, lookup_thumbnail (self, id, FALSE));
    }
  self->thumbnail_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, draw_next_thumbnail,
                                          self, NULL);

  gtk_window_set_focus (GTK_WINDOW (self),
                        g_hash_table_lookup (self->cards, g_ptr_array_index (self->ids, 0)));
}

/* Public API */

McTemplateDialog *
mc_template_dialog_new (GtkWindow            *parent,
                        McTemplateDialogMode  mode,
                        McLanguage            language)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (language < MC_N_LANGUAGES, NULL);

  return g_object_new (MC_TYPE_TEMPLATE_DIALOG,
                       "transient-for", parent,
                       "mode", mode,
                       "language", language,
                       NULL);
}

McTemplateDialogMode
mc_template_dialog_get_mode (McTemplateDialog *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE_DIALOG (self), MC_TEMPLATE_DIALOG_NEW);

  return self->mode;
}

const char * const *
mc_template_dialog_get_template_ids (McTemplateDialog *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE_DIALOG (self), NULL);

  return (const char * const *) self->ids->pdata;
}

GtkWidget *
mc_template_dialog_get_card (McTemplateDialog *self,
                             const char       *template_id)
{
  g_return_val_if_fail (MC_IS_TEMPLATE_DIALOG (self), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  return g_hash_table_lookup (self->cards, template_id);
}

GdkTexture *
mc_template_dialog_get_thumbnail (McTemplateDialog *self,
                                  const char       *template_id)
{
  GtkPicture *picture;
  GdkPaintable *paintable;

  g_return_val_if_fail (MC_IS_TEMPLATE_DIALOG (self), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  picture = g_hash_table_lookup (self->pictures, template_id);
  paintable = picture != NULL ? gtk_picture_get_paintable (picture) : NULL;

  return GDK_IS_TEXTURE (paintable) ? GDK_TEXTURE (paintable) : NULL;
}

gboolean
mc_template_dialog_get_ready (McTemplateDialog *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE_DIALOG (self), FALSE);

  for (guint i = 0; i < self->ids->len - 1; i++)
    if (mc_template_dialog_get_thumbnail (self, g_ptr_array_index (self->ids, i)) == NULL)
      return FALSE;

  return TRUE;
}

void
mc_template_dialog_choose (McTemplateDialog *self,
                           const char       *template_id)
{
  g_autoptr(GtkWidget) parent = NULL;
  g_autofree char *id = NULL;
  const char *action;
  gboolean known = FALSE;

  g_return_if_fail (MC_IS_TEMPLATE_DIALOG (self));
  g_return_if_fail (template_id != NULL);

  for (guint i = 0; i < self->ids->len - 1; i++)
    known |= g_strcmp0 (g_ptr_array_index (self->ids, i), template_id) == 0;
  g_return_if_fail (known);

  id = g_strdup (template_id);
  action = self->mode == MC_TEMPLATE_DIALOG_NEW ? "win.new" : "win.insert-figure";
  if (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL)
    parent = g_object_ref (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))));

  /* Gone first, so a new window the action opens comes out on top. */
  gtk_window_destroy (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (parent, action, "s", id);
}

/* GObject */

static void
mc_template_dialog_constructed (GObject *object)
{
  McTemplateDialog *self = MC_TEMPLATE_DIALOG (object);

  G_OBJECT_CLASS (mc_template_dialog_parent_class)->constructed (object);

  if (self->mode == MC_TEMPLATE_DIALOG_NEW)
    {
      adw_window_title_set_title (self->window_title, _("New Board"));
      adw_window_title_set_subtitle (self->window_title,
                                     _("Start from the whole model or from one figure"));
      gtk_window_set_default_size (GTK_WINDOW (self), 1160, 820);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Add Figure"));
      adw_window_title_set_subtitle (self->window_title,
                                     _("The figure goes where the board has room"));
      gtk_window_set_default_size (GTK_WINDOW (self), 720, 820);
    }
  gtk_window_set_title (GTK_WINDOW (self),
                        adw_window_title_get_title (self->window_title));

  build_cards (self);
}

static void
mc_template_dialog_dispose (GObject *object)
{
  McTemplateDialog *self = MC_TEMPLATE_DIALOG (object);

  g_clear_handle_id (&self->thumbnail_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_TEMPLATE_DIALOG);

  G_OBJECT_CLASS (mc_template_dialog_parent_class)->dispose (object);
}

static void
mc_template_dialog_finalize (GObject *object)
{
  McTemplateDialog *self = MC_TEMPLATE_DIALOG (object);

  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->pictures, g_hash_table_unref);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (mc_template_dialog_parent_class)->finalize (object);
}

static void
mc_template_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  McTemplateDialog *self = MC_TEMPLATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;

    case PROP_LANGUAGE:
      g_value_set_enum (value, self->language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_template_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  McTemplateDialog *self = MC_TEMPLATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_MODE:
      self->mode = g_value_get_enum (value);
      break;

    case PROP_LANGUAGE:
      self->language = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_template_dialog_class_init (McTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_template_dialog_constructed;
  object_class->dispose = mc_template_dialog_dispose;
  object_class->finalize = mc_template_dialog_finalize;
  object_class->get_property = mc_template_dialog_get_property;
  object_class->set_property = mc_template_dialog_set_property;

  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       MC_TYPE_TEMPLATE_DIALOG_MODE, MC_TEMPLATE_DIALOG_NEW,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LANGUAGE] =
    g_param_spec_enum ("language", NULL, NULL,
                       MC_TYPE_LANGUAGE, MC_LANGUAGE_NL,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mc-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McTemplateDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, McTemplateDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, McTemplateDialog, cards_box);
  gtk_widget_class_bind_template_child (widget_class, McTemplateDialog, grid);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_template_dialog_init (McTemplateDialog *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->pictures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
}
