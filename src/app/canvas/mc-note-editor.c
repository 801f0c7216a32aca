/* mc-note-editor.c — the in-place editor of one sticky note's text */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-note-editor.h"

struct _McNoteEditor
{
  GtkTextView     parent_instance;

  GtkCssProvider *css;
  char           *css_text;      /* what css holds, to skip reloading it */
  gboolean        quiet;         /* set_text: no ::text-changed */
};

G_DEFINE_FINAL_TYPE (McNoteEditor, mc_note_editor, GTK_TYPE_TEXT_VIEW)

enum {
  SIGNAL_TEXT_CHANGED,
  SIGNAL_COMMITTED,
  SIGNAL_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   McNoteEditor  *self)
{
  if (!self->quiet)
    g_signal_emit (self, signals[SIGNAL_TEXT_CHANGED], 0);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                McNoteEditor          *self)
{
  /* Escape and Ctrl+Enter leave the editor; plain Enter is a new line. */
  if (keyval == GDK_KEY_Escape
      || ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK)))
    {
      mc_note_editor_commit (self);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

GtkWidget *
mc_note_editor_new (void)
{
  return g_object_new (MC_TYPE_NOTE_EDITOR, NULL);
}

void
mc_note_editor_start (McNoteEditor *self,
                      const char   *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (MC_IS_NOTE_EDITOR (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  self->quiet = TRUE;
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  self->quiet = FALSE;
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

char *
mc_note_editor_dup_text (McNoteEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (MC_IS_NOTE_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
mc_note_editor_set_text (McNoteEditor *self,
                         const char   *text)
{
  g_autofree char *current = NULL;

  g_return_if_fail (MC_IS_NOTE_EDITOR (self));

  current = mc_note_editor_dup_text (self);
  if (g_strcmp0 (current, text) == 0)
    return;

  self->quiet = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), text != NULL ? text : "", -1);
  self->quiet = FALSE;
}

void
mc_note_editor_insert (McNoteEditor *self,
                       const char   *text)
{
  g_return_if_fail (MC_IS_NOTE_EDITOR (self));

  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), text, -1);
}

void
mc_note_editor_commit (McNoteEditor *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (MC_IS_NOTE_EDITOR (self));

  text = mc_note_editor_dup_text (self);
  g_signal_emit (self, signals[SIGNAL_COMMITTED], 0, text);
}

void
mc_note_editor_cancel (McNoteEditor *self)
{
  g_return_if_fail (MC_IS_NOTE_EDITOR (self));

  g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
}

void
mc_note_editor_set_look (McNoteEditor  *self,
                         const McColor *fill,
                         const char    *font_family,
                         double         font_px,
                         int            padding)
{
  McColor opaque = *fill;
  g_autofree char *fill_name = NULL;
  g_autofree char *family = NULL;
  g_autofree char *css = NULL;
  char size[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (MC_IS_NOTE_EDITOR (self));

  opaque.alpha = 1.0;
  fill_name = mc_color_to_string (&opaque);
  family = g_strdelimit (g_strdup (font_family), "\"", ' ');
  g_ascii_formatd (size, sizeof size, "%.2f", MAX (font_px, 4.0));

  css = g_strdup_printf ("textview.mc-note-editor, textview.mc-note-editor > text {"
                         " background-color: %s; color: #1a1a1a; caret-color: #1a1a1a;"
                         " font-family: %s; font-size: %spx; }",
                         fill_name, family, size);
  if (g_strcmp0 (css, self->css_text) != 0)
    {
      gtk_css_provider_load_from_data (self->css, css, -1);
      g_free (self->css_text);
      self->css_text = g_steal_pointer (&css);
    }

  /* The same inner padding as the drawn note, so text does not jump when
   * editing starts. */
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), padding);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), padding);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), padding);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self), padding);
}

static void
mc_note_editor_finalize (GObject *object)
{
  McNoteEditor *self = MC_NOTE_EDITOR (object);

  g_clear_object (&self->css);
  g_clear_pointer (&self->css_text, g_free);

  G_OBJECT_CLASS (mc_note_editor_parent_class)->finalize (object);
}

static void
mc_note_editor_class_init (McNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_note_editor_finalize;

  signals[SIGNAL_TEXT_CHANGED] =
    g_signal_new ("text-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_COMMITTED] =
    g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mc_note_editor_init (McNoteEditor *self)
{
  GtkEventController *keys;

  self->css = gtk_css_provider_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "mc-note-editor");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note text"),
                                  -1);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "changed",
                           G_CALLBACK (on_buffer_changed), self, 0);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
