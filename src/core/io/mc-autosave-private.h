/* mc-autosave-private.h — what autosave and recovery share: the copies'
 * file names and their format */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RECOVERY_FORMAT "missiecanvas-recovery"

/* The recovery folder's file for session_id with suffix (".json",
 * ".missiecanvas", ".lock"). */
char     *_mc_autosave_session_path        (const char *session_id,
                                            const char *suffix);
/* Session ids name files: only what g_uuid_string_random makes. */
gboolean  _mc_autosave_session_id_is_valid (const char *id);

G_END_DECLS
