/* mc-qr-code.c — a QR code of a text, drawn crisp at any size */
#include "config.h"

#include "mc-qr-code.h"

#include <math.h>
#include <qrencode.h>

#define QUIET_ZONE 4   /* modules of white around the code */

struct _McQrCode
{
  GtkWidget  parent_instance;

  char      *text;
  guint      size;
  guchar    *modules;   /* size × size, 1 = dark */
};

G_DEFINE_FINAL_TYPE (McQrCode, mc_qr_code, GTK_TYPE_WIDGET)

static void
mc_qr_code_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  McQrCode *self = MC_QR_CODE (widget);
  const GdkRGBA white = { 1, 1, 1, 1 };
  const GdkRGBA black = { 0, 0, 0, 1 };
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double side, module, x0, y0;

  if (self->size == 0)
    return;

  /* Whole pixels per module, so every module has the same size. */
  side = MIN (width, height);
  module = floor (side / (self->size + 2 * QUIET_ZONE));
  if (module < 1)
    module = side / (self->size + 2 * QUIET_ZONE);
  side = module * (self->size + 2 * QUIET_ZONE);
  x0 = floor ((width - side) / 2);
  y0 = floor ((height - side) / 2);

  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (x0, y0, side, side));
  for (guint y = 0; y < self->size; y++)
    for (guint x = 0; x < self->size; x++)
      if (self->modules[y * self->size + x])
        gtk_snapshot_append_color (snapshot, &black,
                                   &GRAPHENE_RECT_INIT (x0 + (x + QUIET_ZONE) * module,
                                                        y0 + (y + QUIET_ZONE) * module,
                                                        module, module));
}

static void
mc_qr_code_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  McQrCode *self = MC_QR_CODE (widget);
  int modules = self->size > 0 ? (int) self->size + 2 * QUIET_ZONE : 0;

  /* At least two pixels a module; four look well on a screen. */
  *minimum = 2 * modules;
  *natural = 4 * modules;
}

static void
mc_qr_code_finalize (GObject *object)
{
  McQrCode *self = MC_QR_CODE (object);

  g_free (self->text);
  g_free (self->modules);

  G_OBJECT_CLASS (mc_qr_code_parent_class)->finalize (object);
}

static void
mc_qr_code_class_init (McQrCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mc_qr_code_finalize;
  widget_class->snapshot = mc_qr_code_snapshot;
  widget_class->measure = mc_qr_code_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mc_qr_code_init (McQrCode *self)
{
}

GtkWidget *
mc_qr_code_new (void)
{
  return g_object_new (MC_TYPE_QR_CODE, NULL);
}

void
mc_qr_code_set_text (McQrCode   *self,
                     const char *text)
{
  QRcode *code = NULL;

  g_return_if_fail (MC_IS_QR_CODE (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_pointer (&self->modules, g_free);
  self->size = 0;

  if (text != NULL && text[0] != '\0')
    code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (code != NULL)
    {
      self->size = (guint) code->width;
      self->modules = g_malloc (self->size * self->size);
      for (guint i = 0; i < self->size * self->size; i++)
        self->modules[i] = code->data[i] & 1;
      QRcode_free (code);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
mc_qr_code_get_text (McQrCode *self)
{
  g_return_val_if_fail (MC_IS_QR_CODE (self), NULL);
  return self->text;
}

guint
mc_qr_code_get_size (McQrCode *self)
{
  g_return_val_if_fail (MC_IS_QR_CODE (self), 0);
  return self->size;
}

gboolean
mc_qr_code_get_module (McQrCode *self,
                       guint     x,
                       guint     y)
{
  g_return_val_if_fail (MC_IS_QR_CODE (self), FALSE);
  g_return_val_if_fail (x < self->size && y < self->size, FALSE);
  return self->modules[y * self->size + x] != 0;
}
