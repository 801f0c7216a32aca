/* mc-file-watch-private.h — reading a board's file the way the watch and
 * McDocument both do; not for other layers. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  READ_OK,
  READ_MISSING,  /* no such file, or not a regular file any more */
  READ_FAILED,   /* there, but unreadable for now */
} McReadResult;

/* Reads file (any thread). A file over the board size limit reads as
 * empty: certainly not a version we wrote. */
McReadResult _mc_file_watch_read (GFile   *file,
                                  GBytes **contents,
                                  GError **error);

G_END_DECLS
