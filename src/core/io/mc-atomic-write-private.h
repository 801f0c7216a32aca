/* mc-atomic-write-private.h — replacing a file so that a crash leaves the
 * old contents or the new, never a part
 *
 * The one way the core writes a file the user cares about: board saves,
 * exports (and autosave copies, which may use it). Plain POSIX underneath,
 * so it reports like POSIX: FALSE with errno set, plus which step failed.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MC_ATOMIC_WRITE_NONE        = 0,
  /* PATH~ keeps what PATH held before (when there was a PATH). */
  MC_ATOMIC_WRITE_KEEP_BACKUP = 1 << 0,
  /* A new file is readable by its owner only (0600), not per umask. */
  MC_ATOMIC_WRITE_PRIVATE     = 1 << 1,
} McAtomicWriteFlags;

/* Writes data to a temporary file beside path, flushes it to disk, and
 * renames it over path; a symbolic link is followed, not replaced (one that
 * points nowhere is refused), and an existing file keeps its permissions.
 * A FIFO, device, socket, folder or read-only file at path is refused, not
 * replaced. PATH~ is replaced in one rename, so it never goes missing; the
 * temporary files of writes that were killed are removed by the next write
 * to the same path (a live write's are locked). On failure nothing at path has
 * changed, the temporary file is gone, errno says why and *failed_step
 * (if not NULL) names the step, translated, for a message such as
 * "Could not save NAME: STEP: REASON". */
gboolean _mc_write_file_atomically (const char          *path,
                                    const char          *data,
                                    gsize                length,
                                    McAtomicWriteFlags   flags,
                                    const char         **failed_step);

/* Tests: make the following atomic writes fail at a stage, to check that
 * a failed write leaves file and document untouched. */
typedef enum
{
  MC_SAVE_FAULT_NONE,
  MC_SAVE_FAULT_WRITE,   /* while writing the temporary file */
  MC_SAVE_FAULT_BACKUP,  /* while keeping NAME~ */
  MC_SAVE_FAULT_RENAME,  /* while renaming into place */
} McSaveFault;

void     _mc_atomic_write_set_fault_for_test (McSaveFault fault);

G_END_DECLS
