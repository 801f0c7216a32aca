/* fuzz-common.h — what every libFuzzer harness here shares
 *
 * fuzz-common.c provides LLVMFuzzerInitialize(), which makes any GLib
 * critical or warning abort; a harness only defines
 * LLVMFuzzerTestOneInput() and reports its own findings with fuzz_fail().
 */
#pragma once

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

G_BEGIN_DECLS

/* g_error() raises SIGTRAP, which libFuzzer does not catch: abort() makes
 * it save the input as an artifact. */
#define fuzz_fail(...) \
  G_STMT_START { fprintf (stderr, __VA_ARGS__); fputc ('\n', stderr); abort (); } G_STMT_END

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

G_END_DECLS
