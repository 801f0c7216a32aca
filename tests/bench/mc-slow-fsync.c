/* mc-slow-fsync.c — a slow folder for tools/bench save: preloaded
 * (LD_PRELOAD), it makes every fsync() and fdatasync() of the process
 * take MC_SLOW_FSYNC_MS longer, as a synced network folder (Nextcloud,
 * SURFdrive) or a busy USB disk does. A bench tool, never linked into
 * the product.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int fsync (int fd);
int fdatasync (int fd);

static void
delay (void)
{
  const char *env = getenv ("MC_SLOW_FSYNC_MS");
  long ms = env != NULL ? atol (env) : 1000;
  struct timespec wait = { ms / 1000, (ms % 1000) * 1000000L };

  while (nanosleep (&wait, &wait) != 0)
    ;
}

int
fsync (int fd)
{
  static int (*real) (int);

  if (real == NULL)
    real = (int (*) (int)) dlsym (RTLD_NEXT, "fsync");
  delay ();
  return real (fd);
}

int
fdatasync (int fd)
{
  static int (*real) (int);

  if (real == NULL)
    real = (int (*) (int)) dlsym (RTLD_NEXT, "fdatasync");
  delay ();
  return real (fd);
}
