/* mc-atomic-write.c — replacing a file so that a crash leaves the old
 * contents or the new, never a part */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mc-atomic-write-private.h"

static McSaveFault fault = MC_SAVE_FAULT_NONE;

void
_mc_atomic_write_set_fault_for_test (McSaveFault new_fault)
{
  fault = new_fault;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n;

      if (fault == MC_SAVE_FAULT_WRITE)
        {
          errno = ENOSPC;
          return FALSE;
        }

      n = write (fd, data, length);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }

  return TRUE;
}

static gboolean
copy_file_contents (const char *from,
                    const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (from, &contents, &length, NULL) &&
         g_file_set_contents (to, contents, (gssize) length, NULL);
}

/* NAME~ holds what NAME held before this write. A hard link costs nothing;
 * where links are not possible (some file systems) copy instead. */
static gboolean
keep_backup (const char *path,
             const char *backup)
{
  if (fault == MC_SAVE_FAULT_BACKUP)
    {
      errno = EACCES;
      return FALSE;
    }

  if (unlink (backup) != 0 && errno != ENOENT)
    return FALSE;
  if (link (path, backup) == 0)
    return TRUE;
  if (errno != EPERM && errno != EXDEV && errno != ENOTSUP && errno != EMLINK)
    return FALSE;
  if (!copy_file_contents (path, backup))
    {
      errno = EIO;
      return FALSE;
    }
  return TRUE;
}

static void
sync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* The rename has happened; a failed directory sync only weakens the
   * crash guarantee, so it is not reported as a failed write. */
  if (fd >= 0)
    {
      if (fsync (fd) != 0)
        g_debug ("fsync of %s failed: %s", dir, g_strerror (errno));
      close (fd);
    }
}

/* Fails with errno kept, and the temporary file (if any) removed. */
static gboolean
fail_step (const char  *step,
           const char  *tmp_path,
           const char **failed_step)
{
  int saved_errno = errno;

  if (tmp_path != NULL)
    g_unlink (tmp_path);
  if (failed_step != NULL)
    *failed_step = step;
  errno = saved_errno;
  return FALSE;
}

gboolean
_mc_write_file_atomically (const char          *requested,
                           const char          *data,
                           gsize                length,
                           McAtomicWriteFlags   flags,
                           const char         **failed_step)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  struct stat st;
  gboolean exists;
  int fd;

  g_return_val_if_fail (requested != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  /* Write through a symbolic link to the file it points at, not over it. */
  path = realpath (requested, NULL);
  if (path == NULL)
    path = g_strdup (requested);

  exists = stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      errno = EISDIR;
      return fail_step (_("the name belongs to a folder"), NULL, failed_step);
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/%s.tmp-XXXXXX", dir, base);

  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return fail_step (_("cannot create a file in its folder"), NULL, failed_step);

  /* An existing file keeps its own permissions; a new one gets the usual
   * ones (mkstemp makes it private), unless it is to stay private. */
  if (exists)
    fchmod (fd, st.st_mode & 07777);
  else if (!(flags & MC_ATOMIC_WRITE_PRIVATE))
    {
      mode_t mask = umask (0);

      umask (mask);
      fchmod (fd, 0666 & ~mask);
    }

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      errno = saved_errno;
      return fail_step (_("cannot write"), tmp_path, failed_step);
    }
  if (close (fd) != 0)
    return fail_step (_("cannot write"), tmp_path, failed_step);

  if (exists && (flags & MC_ATOMIC_WRITE_KEEP_BACKUP))
    {
      g_autofree char *backup = g_strdup_printf ("%s~", path);

      if (!keep_backup (path, backup))
        return fail_step (_("cannot keep the previous version as a backup"),
                          tmp_path, failed_step);
    }

  if (fault == MC_SAVE_FAULT_RENAME)
    errno = EXDEV;
  if (fault == MC_SAVE_FAULT_RENAME || rename (tmp_path, path) != 0)
    return fail_step (_("cannot replace the file"), tmp_path, failed_step);

  sync_directory (dir);
  return TRUE;
}
