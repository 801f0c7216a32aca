/* test-template-dialog.c — the template chooser's cards as a new user
 * first sees them (issue 13): whole titles, and thumbnails in place when
 * the chooser opens, not seconds later.
 *
 * Runs under Xvfb (tools/test), with XDG folders of its own: the disk
 * cache starts empty.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "mc-template-dialog.h"
#include "mc-test-app.h"
#include "mc-test-util.h"

static GtkApplication *app;

static gboolean
dialog_is_ready (gpointer data)
{
  return mc_template_dialog_get_ready (data);
}

static gboolean
is_laid_out (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static McTemplateDialog *
open_dialog (void)
{
  McTemplateDialog *dialog = mc_template_dialog_new (NULL, MC_TEMPLATE_DIALOG_NEW, MC_LANGUAGE_NL);

  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Every label of every card shows its whole text. */
static void
assert_titles_whole (McTemplateDialog *dialog)
{
  const char * const *ids = mc_template_dialog_get_template_ids (dialog);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *card = mc_template_dialog_get_card (dialog, ids[i]);
      GtkWidget *box = gtk_button_get_child (GTK_BUTTON (card));
      guint n_labels = 0;

      mc_test_wait_until (is_laid_out, card, "the card's allocation");
      for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (!GTK_IS_LABEL (child))
            continue;
          n_labels++;
          g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (child)), ==, PANGO_ELLIPSIZE_NONE);
          if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child))))
            g_error ("the title of %s is cut short: %s", ids[i], gtk_label_get_label (GTK_LABEL (child)));
        }
      g_assert_cmpuint (n_labels, >=, 1);
    }
}

static void
test_titles_and_thumbnails (void)
{
  McTemplateDialog *dialog = open_dialog ();

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  assert_titles_whole (dialog);

  /* The first run draws them (from an idle, the dialog stays responsive). */
  mc_test_wait_until (dialog_is_ready, dialog, "the first thumbnails");
  gtk_window_destroy (GTK_WINDOW (dialog));
  mc_test_spin ();
  g_assert_null (dialog);

  /* A later run: the process has none kept, the disk cache has them all,
   * so every card has its picture before the main loop ran once. */
  mc_template_dialog_forget_thumbnails ();
  dialog = open_dialog ();
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (mc_template_dialog_get_ready (dialog));
  for (const char * const *ids = mc_template_dialog_get_template_ids (dialog); *ids != NULL; ids++)
    g_assert_cmpint (gdk_texture_get_width (mc_template_dialog_get_thumbnail (dialog, *ids)), >=, 100);

  gtk_window_destroy (GTK_WINDOW (dialog));
  mc_test_spin ();
  g_assert_null (dialog);
}

int
main (int   argc,
      char *argv[])
{
  app = mc_test_app_new (&argc, &argv);

  g_test_add_func ("/mc/template-dialog/titles-and-thumbnails", test_titles_and_thumbnails);
  return mc_test_app_run (app);
}
