/* fuzz-common.c — the start shared by the libFuzzer harnesses */
#include "config.h"

#include "fuzz-common.h"

/* A critical or warning (a g_return_if_fail tripped by file content, in
 * our code or in a library we call) is a finding: abort() so libFuzzer
 * keeps the input; GLib's own fatal path raises SIGTRAP, which it does not. */
static void
abort_on_log (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return;
  fprintf (stderr, "%s: %s\n", domain ? domain : "", message);
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_default_handler (abort_on_log, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}
