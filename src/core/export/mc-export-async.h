/* mc-export-async.h — exports written in a worker thread, so the window
 * keeps drawing while thousands of notes are laid out and written
 */
#pragma once

#include <gio/gio.h>

#include "mc-export.h"

G_BEGIN_DECLS

/* Which file an asynchronous export writes. */
typedef enum
{
  MC_EXPORT_JOB_FIGURES,   /* mc_export_to_file_with_format() */
  MC_EXPORT_JOB_REPORT,    /* mc_export_session_report() */
} McExportJobKind;

/* Takes the board's text now (on the board's thread) and, in a worker,
 * reads it into a board of its own and exports that with a copy of
 * options: later edits of the live board do not reach the file. The
 * write is atomic, as every export's. */
void      mc_export_to_file_async  (McBoard                *board,
                                    const McExportOptions  *options,
                                    McExportJobKind         kind,
                                    McExportFormat          format,
                                    GFile                  *out,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data);
gboolean  mc_export_to_file_finish (GAsyncResult           *result,
                                    GError                **error);

G_END_DECLS
