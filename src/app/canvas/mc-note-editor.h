/* mc-note-editor.h — the in-place editor of one sticky note's text
 *
 * A text view dressed as the note it edits (colour, font, padding). The
 * canvas lays it over the note and listens:
 *   ::text-changed  the person typed (not emitted by set_text)
 *   ::committed     Escape or Ctrl+Enter, or mc_note_editor_commit()
 *   ::cancelled     mc_note_editor_cancel()
 * Plain Enter is a new line. What a commit means (keep, drop an empty new
 * note) is the listener's business.
 */
#pragma once

#include <gtk/gtk.h>
#include "mc-types.h"

G_BEGIN_DECLS

#define MC_TYPE_NOTE_EDITOR (mc_note_editor_get_type ())
G_DECLARE_FINAL_TYPE (McNoteEditor, mc_note_editor, MC, NOTE_EDITOR, GtkTextView)

GtkWidget *mc_note_editor_new        (void);

/* Shows text with the cursor at its end and takes the keyboard focus. */
void       mc_note_editor_start      (McNoteEditor  *self,
                                      const char    *text);
/* The current text; free it. */
char      *mc_note_editor_dup_text   (McNoteEditor  *self);
/* Replaces the text without ::text-changed (the note changed elsewhere,
 * e.g. undo). Does nothing when the text is the same. */
void       mc_note_editor_set_text   (McNoteEditor  *self,
                                      const char    *text);
/* Types text at the cursor, as a key press would (::text-changed). */
void       mc_note_editor_insert     (McNoteEditor  *self,
                                      const char    *text);
void       mc_note_editor_commit     (McNoteEditor  *self);
void       mc_note_editor_cancel     (McNoteEditor  *self);

/* The note's look: fill colour, font family and size in widget pixels,
 * and the inner padding in widget pixels. */
void       mc_note_editor_set_look   (McNoteEditor  *self,
                                      const McColor *fill,
                                      const char    *font_family,
                                      double         font_px,
                                      int            padding);

G_END_DECLS
