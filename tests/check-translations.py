#!/usr/bin/env python3
"""Fail when po/LANG.po misses a translation of a msgid in the sources.

Usage: check-translations.py SOURCE_ROOT LANG

Regenerates the POT from po/POTFILES.in with xgettext (the keywords of
meson's 'glib' preset), merges it into a temporary copy of po/LANG.po and
fails when any message is untranslated or fuzzy, or when msgfmt --check
finds a format mismatch. Also fails when a file in POTFILES.in is missing.
"""
import os
import re
import subprocess
import sys
import tempfile

KEYWORDS = [
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format", "--flag=g_print:1:c-format",
    "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(args)}")
    return result


def main(root, lang):
    po_dir = os.path.join(root, "po")
    with open(os.path.join(po_dir, "POTFILES.in"), encoding="utf-8") as f:
        files = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    missing = [p for p in files if not os.path.exists(os.path.join(root, p))]
    if missing:
        print("POTFILES.in names missing files: " + ", ".join(missing))
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "missiecanvas.pot")
        merged = os.path.join(tmp, lang + ".po")
        run(["xgettext", "--from-code=UTF-8", "--add-comments=Translators",
             "--package-name=missiecanvas", "-o", pot, *KEYWORDS, *files],
            cwd=root)
        if not os.path.exists(pot):
            print("xgettext found no messages at all")
            return 1
        run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged,
             os.path.join(po_dir, lang + ".po"), pot])
        untranslated = run(["msgattrib", "--untranslated", "--no-obsolete",
                            "--no-wrap", merged]).stdout
        fuzzy = run(["msgattrib", "--only-fuzzy", "--no-obsolete",
                     "--no-wrap", merged]).stdout
        stats = run(["msgfmt", "--check", "--statistics", "-o", os.devnull,
                     merged]).stderr.strip()

    def msgids(text):
        # A msgid may continue over several "…" lines; the header's is empty.
        ids = re.findall(r'^msgid ((?:".*"\n)+)', text, re.MULTILINE)
        joined = ["".join(re.findall(r'"(.*)"', i)) for i in ids]
        return [i for i in joined if i]

    bad = 0
    for kind, text in (("untranslated", untranslated), ("fuzzy", fuzzy)):
        for msgid in msgids(text):
            print(f"{kind} in po/{lang}.po: \"{msgid}\"")
            bad += 1
    print(stats)
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
