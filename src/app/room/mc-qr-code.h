/* mc-qr-code.h — a QR code of a text, drawn crisp at any size
 *
 * Encoded with libqrencode (error correction M, so a code on a projector
 * still scans from the back of a room); dark modules on white with the
 * four-module quiet zone readers need.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MC_TYPE_QR_CODE (mc_qr_code_get_type ())
G_DECLARE_FINAL_TYPE (McQrCode, mc_qr_code, MC, QR_CODE, GtkWidget)

GtkWidget  *mc_qr_code_new       (void);
/* NULL or "" shows nothing. */
void        mc_qr_code_set_text  (McQrCode   *self,
                                  const char *text);
const char *mc_qr_code_get_text  (McQrCode   *self);
/* Modules per side (quiet zone excluded); 0 without a code. */
guint       mc_qr_code_get_size  (McQrCode   *self);
/* Whether module (x, y) is dark; for tests. */
gboolean    mc_qr_code_get_module (McQrCode  *self,
                                   guint      x,
                                   guint      y);

G_END_DECLS
