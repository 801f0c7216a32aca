/* mc-application.c — placeholder until the application helper lands */
#include "config.h"

#include "mc-application.h"

struct _McApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (McApplication, mc_application, ADW_TYPE_APPLICATION)

static void
mc_application_class_init (McApplicationClass *klass)
{
}

static void
mc_application_init (McApplication *self)
{
}

McApplication *
mc_application_new (void)
{
  return g_object_new (MC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
