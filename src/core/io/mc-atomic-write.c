/* mc-atomic-write.c — replacing a file so that a crash leaves the old
 * contents or the new, never a part */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
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

/* A temporary file is "ours" while its writer holds an flock on it; the
 * kernel drops the lock when the writer dies, however it dies. */
static gboolean
is_abandoned (const char *path)
{
  struct stat st;
  gboolean abandoned;
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);

  if (fd < 0)
    return FALSE;
  abandoned = fstat (fd, &st) == 0 && S_ISREG (st.st_mode) &&
              flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);  /* releases the lock, if we took it */
  return abandoned;
}

/* Saves that were killed leave NAME.tmp-XXXXXX (and, killed while keeping
 * the backup, NAME.tmp-XXXXXX~) behind: remove those no live save holds. */
static void
remove_abandoned_temporaries (const char *dir,
                              const char *base)
{
  g_autofree char *prefix = g_strconcat (base, ".tmp-", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  if (folder == NULL)
    return;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      gsize len;

      if (!g_str_has_prefix (name, prefix))
        continue;
      len = strlen (name + strlen (prefix));
      path = g_build_filename (dir, name, NULL);
      if (len == 6 && is_abandoned (path))
        g_unlink (path);
      else if (len == 7 && g_str_has_suffix (name, "~"))
        {
          g_autofree char *owner = g_strndup (path, strlen (path) - 1);

          if (!g_file_test (owner, G_FILE_TEST_EXISTS) || is_abandoned (owner))
            g_unlink (path);
        }
    }
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

/* NAME~ holds what NAME held before this write, and is replaced in one
 * rename: it never goes missing. A hard link costs nothing; where links
 * are not possible (some file systems) copy instead. staging is a name
 * beside the temporary file, removed on the next save if we are killed. */
static gboolean
keep_backup (const char *path,
             const char *staging,
             const char *backup)
{
  if (fault == MC_SAVE_FAULT_BACKUP)
    {
      errno = EACCES;
      return FALSE;
    }

  if (link (path, staging) != 0)
    {
      if (errno != EPERM && errno != EXDEV && errno != ENOTSUP && errno != EMLINK)
        return FALSE;
      if (!copy_file_contents (path, staging))
        {
          g_unlink (staging);
          errno = EIO;
          return FALSE;
        }
    }
  if (rename (staging, backup) != 0)
    {
      int saved_errno = errno;

      g_unlink (staging);
      errno = saved_errno;
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

/* Fails with errno kept, the temporary file (if any) removed and its lock
 * (if any) released. */
static gboolean
fail_step (const char  *step,
           const char  *tmp_path,
           int          lock_fd,
           const char **failed_step)
{
  int saved_errno = errno;

  if (tmp_path != NULL)
    g_unlink (tmp_path);
  if (lock_fd >= 0)
    close (lock_fd);
  if (failed_step != NULL)
    *failed_step = step;
  errno = saved_errno;
  return FALSE;
}

/* Where to write for the name the user gave: a symbolic link is followed to
 * its target, as other editors do; one that points nowhere is refused, as
 * is anything that is not a regular file or that is read-only. */
static char *
resolve_target (const char   *requested,
                struct stat  *st,
                gboolean     *exists,
                const char  **failed_step)
{
  struct stat lst;
  char *path;

  if (lstat (requested, &lst) == 0 && S_ISLNK (lst.st_mode))
    {
      path = realpath (requested, NULL);
      if (path == NULL)
        {
          fail_step (_("the name is a symbolic link to a file that does not exist"),
                     NULL, -1, failed_step);
          return NULL;
        }
    }
  else
    path = g_strdup (requested);

  *exists = stat (path, st) == 0;
  if (!*exists)
    return path;

  if (S_ISDIR (st->st_mode))
    {
      errno = EISDIR;
      fail_step (_("the name belongs to a folder"), NULL, -1, failed_step);
    }
  else if (!S_ISREG (st->st_mode))
    {
      errno = EPERM;
      fail_step (_("the name belongs to a pipe, device or socket, not a file"),
                 NULL, -1, failed_step);
    }
  else if ((st->st_mode & 0222) == 0 || access (path, W_OK) != 0)
    {
      errno = EACCES;
      fail_step (_("the file is read-only"), NULL, -1, failed_step);
    }
  else
    return path;

  g_free (path);
  return NULL;
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
  int fd, lock_fd;

  g_return_val_if_fail (requested != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  path = resolve_target (requested, &st, &exists, failed_step);
  if (path == NULL)
    return FALSE;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  remove_abandoned_temporaries (dir, base);
  tmp_path = g_strdup_printf ("%s/%s.tmp-XXXXXX", dir, base);

  /* A new file gets the usual permissions (the kernel applies the umask)
   * unless it is to stay private; an existing one keeps its own. */
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC,
                       (flags & MC_ATOMIC_WRITE_PRIVATE) ? 0600 : 0666);
  if (fd < 0)
    return fail_step (_("cannot create a file in its folder"), NULL, -1, failed_step);

  /* Held until the rename: marks the temporary file as a live save's. */
  lock_fd = dup (fd);
  if (lock_fd < 0 || flock (lock_fd, LOCK_EX) != 0)
    {
      close (fd);
      return fail_step (_("cannot create a file in its folder"), tmp_path, lock_fd,
                        failed_step);
    }

  if (exists)
    fchmod (fd, st.st_mode & 07777);

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      errno = saved_errno;
      return fail_step (_("cannot write"), tmp_path, lock_fd, failed_step);
    }
  if (close (fd) != 0)
    return fail_step (_("cannot write"), tmp_path, lock_fd, failed_step);

  if (exists && (flags & MC_ATOMIC_WRITE_KEEP_BACKUP))
    {
      g_autofree char *staging = g_strconcat (tmp_path, "~", NULL);
      g_autofree char *backup = g_strconcat (path, "~", NULL);

      if (!keep_backup (path, staging, backup))
        return fail_step (_("cannot keep the previous version as a backup"),
                          tmp_path, lock_fd, failed_step);
    }

  if (fault == MC_SAVE_FAULT_RENAME)
    errno = EXDEV;
  if (fault == MC_SAVE_FAULT_RENAME || rename (tmp_path, path) != 0)
    return fail_step (_("cannot replace the file"), tmp_path, lock_fd, failed_step);

  close (lock_fd);
  sync_directory (dir);
  return TRUE;
}
