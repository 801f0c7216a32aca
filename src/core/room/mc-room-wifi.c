/* mc-room-wifi.c — the Wi-Fi QR code's text, so phones join the
 * facilitator's hotspot by scanning before they scan the room's code
 *
 * The format phones' camera apps read: WIFI:T:WPA;S:<name>;P:<password>;;
 * where backslash, semicolon, comma, colon and double quote are escaped
 * with a backslash. A name of hex digits alone is quoted, or readers take
 * it for the name's bytes in hex.
 */
#include "config.h"

#include "mc-room.h"
#include "mc-room-private.h"

#include <string.h>

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("\\;,:\"", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static gboolean
is_hex (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

char *
mc_room_dup_wifi_qr_text (const char *ssid,
                          const char *password)
{
  GString *out;
  gboolean quoted;

  g_return_val_if_fail (ssid != NULL && ssid[0] != '\0', NULL);
  g_return_val_if_fail (g_utf8_validate (ssid, -1, NULL), NULL);
  g_return_val_if_fail (password == NULL || g_utf8_validate (password, -1, NULL), NULL);

  out = g_string_new ("WIFI:T:");
  g_string_append (out, password != NULL && password[0] != '\0' ? "WPA" : "nopass");
  g_string_append (out, ";S:");
  quoted = is_hex (ssid);
  if (quoted)
    g_string_append_c (out, '"');
  append_escaped (out, ssid);
  if (quoted)
    g_string_append_c (out, '"');
  g_string_append_c (out, ';');
  if (password != NULL && password[0] != '\0')
    {
      g_string_append (out, "P:");
      if (is_hex (password))
        g_string_append_c (out, '"');
      append_escaped (out, password);
      if (is_hex (password))
        g_string_append_c (out, '"');
      g_string_append_c (out, ';');
    }
  g_string_append_c (out, ';');
  return g_string_free (out, FALSE);
}

/* Letters and digits that cannot be mistaken for one another. */
static const char password_alphabet[] = "abcdefghijkmnopqrstuvwxyz"
                                        "ABCDEFGHJKLMNPQRSTUVWXYZ"
                                        "23456789";

char *
mc_room_dup_wifi_password (void)
{
  const guint n = sizeof password_alphabet - 1;
  const guint limit = 256 - 256 % n;   /* drawing below it keeps every letter equally likely */
  GString *out = g_string_sized_new (MC_ROOM_WIFI_PASSWORD_LENGTH);

  while (out->len < MC_ROOM_WIFI_PASSWORD_LENGTH)
    {
      guchar bytes[32];

      _mc_room_random_bytes (bytes, sizeof bytes);
      for (guint i = 0; i < sizeof bytes && out->len < MC_ROOM_WIFI_PASSWORD_LENGTH; i++)
        if (bytes[i] < limit)
          g_string_append_c (out, password_alphabet[bytes[i] % n]);
    }
  return g_string_free (out, FALSE);
}
