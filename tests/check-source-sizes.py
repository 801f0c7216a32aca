#!/usr/bin/env python3
"""Fail when a source file is too long to read in one sitting.

Usage: check-source-sizes.py SOURCE_ROOT

Counts the lines of every C, Python, shell and JavaScript file under src/,
tests/ and tools/ (issue #10: no source file over ~900 lines). Fails for a
file over LIMIT lines; lists the files over NOTICE lines, the ones to split
next, without failing.
"""
import os
import sys

LIMIT = 1000
NOTICE = 900
FOLDERS = ("src", "tests", "tools")
ENDINGS = (".c", ".h", ".py", ".sh", ".js")


def source_files(root):
    for folder in FOLDERS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, folder)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.endswith(ENDINGS):
                    yield os.path.join(dirpath, name)


def main(root):
    failed = False
    for path in source_files(root):
        with open(path, encoding="utf-8", errors="replace") as source:
            n = sum(1 for _ in source)
        relative = os.path.relpath(path, root)
        if n > LIMIT:
            print(f"{relative}: {n} lines, over {LIMIT}: split it along its themes")
            failed = True
        elif n > NOTICE:
            print(f"{relative}: {n} lines (over {NOTICE}: the next to split)")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
