/* mc-slow-fsync.c — a slow folder for tools/bench save: preloaded
 * (LD_PRELOAD), it holds every fsync() and fdatasync() of the process
 * until the benchmark lets it finish, as a synced network folder
 * (Nextcloud, SURFdrive) or a busy USB disk holds a save. The benchmark
 * names a FIFO in MC_SLOW_FSYNC_FIFO and writes one byte to it for each
 * fsync it releases; without the variable the calls pass straight
 * through. A bench tool, never linked into the product.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int fsync (int fd);
int fdatasync (int fd);

/* Blocks until the benchmark writes a byte to the FIFO. */
static void
hold (void)
{
  const char *path = getenv ("MC_SLOW_FSYNC_FIFO");
  char byte;
  int fifo;

  if (path == NULL || (fifo = open (path, O_RDONLY | O_CLOEXEC)) < 0)
    return;
  while (read (fifo, &byte, 1) < 0 && errno == EINTR)
    ;
  close (fifo);
}

int
fsync (int fd)
{
  static int (*real) (int);

  if (real == NULL)
    real = (int (*) (int)) dlsym (RTLD_NEXT, "fsync");
  hold ();
  return real (fd);
}

int
fdatasync (int fd)
{
  static int (*real) (int);

  if (real == NULL)
    real = (int (*) (int)) dlsym (RTLD_NEXT, "fdatasync");
  hold ();
  return real (fd);
}
