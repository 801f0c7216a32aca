#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MC_TYPE_APPLICATION (mc_application_get_type ())
G_DECLARE_FINAL_TYPE (McApplication, mc_application, MC, APPLICATION, AdwApplication)

McApplication *mc_application_new              (void);
/* Registers the UI's and the core's GResources (templates, CSS, icons,
 * model content); idempotent. Tests that build windows call it too. */

G_END_DECLS
