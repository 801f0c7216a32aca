#!/usr/bin/env python3
"""What a screen reader sees of the canvas, over AT-SPI (issue 16).

Starts the real program on the example board, walks its accessible tree
and checks that every figure, region and note of the board is there with
its role and name (the notes' texts come from the program's own CSV
outline of the same board), that Tab moves the focus from note to note in
reading order, that moving a note to another region by keyboard is
announced (a description change of the focused note, which Orca speaks),
and that a note typed on the keyboard appears in the tree.
Then starts it again in presentation mode and checks that each stop puts
the focus on the prompt, named by the stop's title and described by its
questions, so a screen reader reads them.
Every wait is on a condition; the deadline (60 s times
MC_TEST_TIMEOUT_MULTIPLIER) only turns a hang into a failure. Prints TAP.
"""
import csv
import os
import re
import subprocess
import sys
import tempfile

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

EXE = sys.argv[1]
DEADLINE = 60.0 * float(os.environ.get("MC_TEST_TIMEOUT_MULTIPLIER", "1"))
results = []


def check(ok, what):
    results.append((bool(ok), what))
    print(("ok %d - " if ok else "not ok %d - ") % len(results) + what, flush=True)
    return ok


# Any change on the accessibility bus wakes wait_for() to look again; the
# description changes are kept: that is how edits are announced.
descriptions = []


def on_event(event):
    if event.type == "object:property-change:accessible-description":
        try:
            name = event.source.get_name()
        except GLib.Error:  # an object already gone
            name = None
        descriptions.append((name, event.any_data))


events = Atspi.EventListener.new(on_event)
for kind in ("object:", "window:", "focus:"):
    events.register(kind)


def wait_for(what, condition):
    """Checks condition after each AT-SPI event until it holds; the
    deadline is the only timer, and it only turns a hang into a failure."""
    context = GLib.MainContext.default()
    expired = []
    deadline = GLib.timeout_add(int(DEADLINE * 1000), lambda: expired.append(True))
    while not expired:
        value = condition()
        if value:
            GLib.source_remove(deadline)
            return value
        context.iteration(True)
    check(False, "timed out waiting for " + what)
    finish()


def finish():
    if app.poll() is None:
        app.terminate()
        app.wait(timeout=30)
    print("1..%d" % len(results))
    sys.exit(0 if results and all(ok for ok, _ in results) else 1)


def walk(node, depth=0):
    yield node, depth
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from walk(child, depth + 1)


def role(node):
    return node.get_role_name()


def find_app():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        child = desktop.get_child_at_index(i)
        if child is not None and child.get_process_id() == app.pid:
            return child
    return None


def find_canvas(root):
    for node, _ in walk(root):
        if (node.get_name() or "").startswith("Board: "):
            return node
    return None


def notes_of(canvas):
    return [n for n, _ in walk(canvas) if role(n) == "list item"]


def focused_note(canvas):
    for note in notes_of(canvas):
        if note.get_state_set().contains(Atspi.StateType.FOCUSED):
            return note
    return None


def key(keysym, modifiers=0):
    """Presses keysym, with the modifier mask (X's: Shift 1, Mod1/Alt 8)
    locked around it."""
    if modifiers:
        Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.LOCKMODIFIERS)
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.PRESSRELEASE | Atspi.KeySynthType.SYM)
    if modifiers:
        Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.UNLOCKMODIFIERS)


# The board's notes and regions, as the program writes them.
with tempfile.TemporaryDirectory() as tmp:
    outline = os.path.join(tmp, "example.csv")
    subprocess.run([EXE, "--export", outline], check=True,
                   env=dict(os.environ, LC_ALL="C.UTF-8"))
    with open(outline, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
note_texts = sorted(r[3] for r in rows if r[3])
figure_titles = {r[0] for r in rows if r[1]}  # free notes have no region

Atspi.init()
app = subprocess.Popen([EXE], env=dict(os.environ, LC_ALL="C.UTF-8", GSETTINGS_BACKEND="memory",
                                       G_DEBUG=os.environ.get("MC_APP_G_DEBUG", "")))
root = wait_for("the program on the accessibility bus", find_app)
canvas = wait_for("the canvas, named after its board", lambda: find_canvas(root))
check(canvas.get_name() == "Board: Wijkleerlab Gezond Overvecht", "canvas named after the board")
wait_for("every note in the tree", lambda: len(notes_of(canvas)) >= len(note_texts))

# Figures, regions, notes.
tree = list(walk(canvas))
figures = [n for n, d in tree if d == 1 and role(n) != "list item"]
regions = [n for n, d in tree if d == 2 and role(n) != "list item"]
check(figure_titles <= {f.get_name() for f in figures},
      "every figure with notes is a group named by its title (%d figures; missing %s of %s)"
      % (len(figures), figure_titles - {f.get_name() for f in figures},
         [f.get_name() for f in figures]))
check(all(role(f) in ("panel", "grouping") for f in figures + regions),
      "figures and regions have a group role")
check(all(r.get_name() and r.get_description() for r in regions),
      "every region has a label and a description (%d regions)" % len(regions))
names = sorted(n.get_name() for n in notes_of(canvas))
check(names == note_texts, "every note is a list item named by its text (%d notes)" % len(names))
check(all(" vote" in n.get_description() for n in notes_of(canvas)),
      "every note is described with its votes")

# Tab walks the notes in reading order: regions in tree order, never back.
region_index = {}
for i, region in enumerate(regions):
    for n, _ in walk(region):
        if role(n) == "list item":
            region_index[n.get_name()] = i
seen = []
for step in range(6):
    before = focused_note(canvas)
    key(0xff09)  # Tab
    now = wait_for("the focus on the next note",
                   lambda: (lambda f: f if f is not None and
                            (before is None or f.get_name() != before.get_name()) else None)
                   (focused_note(canvas)))
    seen.append(now.get_name())
check(len(set(seen)) == len(seen), "Tab focuses a new note each time: %s" % seen[:3])
order = [region_index.get(name, -1) for name in seen]
check(order == sorted(order) and order[0] == 0, "Tab goes in reading order (regions %s)" % order)

# Moving the focused note to the next region by keyboard is announced: the
# note (still focused) sends a description change with the result, the
# event Orca speaks for the object it is on.
# A vote on the focused note is announced the same way.
voting = focused_note(canvas)
del descriptions[:]
key(0x2b)  # plus
voted = wait_for("the vote announced",
                 lambda: [text for source, text in descriptions
                          if source == voting.get_name()
                          and re.fullmatch(r"\d+ votes?", text or "")])
check(voted, "a vote is announced on the focused note: %r" % voted[-1])
said = [text for source, text in descriptions if source == voting.get_name()]
check(said[0] == voted[-1],
      "the announcement is the first thing the note says, its new description waits: %r" % said)

moving = focused_note(canvas)
moving_name = moving.get_name()
del descriptions[:]
key(0xff53, 1 | 8)  # Shift+Alt+Right
announced = wait_for("the move announced",
                     lambda: [text for source, text in descriptions
                              if source == moving_name
                              and (text or "").startswith("Note moved to ")])
# The note's object in its new region is a new one, still focused.
moved = wait_for("the moved note focused",
                 lambda: (lambda f: f if f is not None and f.get_name() == moving_name else None)
                 (focused_note(canvas)))
region = moved.get_parent()
check(announced[-1] == "Note moved to " + (region.get_name() if region is not None else "?"),
      "a keyboard move is announced on the focused note: %r" % announced[-1])
check(moved.get_state_set().contains(Atspi.StateType.FOCUSED), "the moved note keeps the focus")

# A note typed on the keyboard appears in the tree.
count = len(notes_of(canvas))
key(0xff1b)  # Escape: no note selected
Atspi.generate_keyboard_event(0, "Nieuw", Atspi.KeySynthType.STRING)
key(0xff1b)  # Escape commits the note
new = wait_for("the typed note in the tree",
               lambda: [n for n in notes_of(canvas) if n.get_name() == "Nieuw"])
check(len(notes_of(canvas)) == count + 1 and new, "a note typed on the keyboard appears")
app.terminate()
app.wait(timeout=30)


# Presentation: each stop's prompt takes the focus, with its title and questions.
def focused_prompt(root):
    for node, _ in walk(root):
        if (role(node) in ("panel", "grouping") and node.get_name()
                and node.get_state_set().contains(Atspi.StateType.FOCUSED)):
            return node
    return None


# A folder of its own: the edits above left a recovery file, whose
# question would stand in front of the presentation.
fresh = tempfile.mkdtemp(dir=os.environ.get("XDG_CACHE_HOME"))  # removed with it
app = subprocess.Popen([EXE, "--present"],
                       env=dict(os.environ, LC_ALL="C.UTF-8", GSETTINGS_BACKEND="memory",
                                XDG_DATA_HOME=fresh, XDG_STATE_HOME=fresh,
                                XDG_CACHE_HOME=fresh, XDG_CONFIG_HOME=fresh,
                                G_DEBUG=os.environ.get("MC_APP_G_DEBUG", "")))
root = wait_for("the presentation on the accessibility bus", find_app)
stops = [wait_for("the first stop's prompt focused", lambda: focused_prompt(root))]
stops[0] = (stops[0].get_name(), stops[0].get_description())
while len(stops) < 3:
    key(0xff56)  # PageDown (Next)
    prompt = wait_for("the next stop's prompt focused",
                      lambda: (lambda p: p if p is not None and p.get_name() != stops[-1][0] else None)
                      (focused_prompt(root)))
    stops.append((prompt.get_name(), prompt.get_description()))
check(len({name for name, _ in stops}) == len(stops),
      "each stop's prompt takes the focus, named by the stop's title: %s" % [name for name, _ in stops])
check(any(description for _, description in stops[1:]),
      "a region stop's prompt is described by its questions: %s" % [d[:40] for _, d in stops])
finish()
