#!/usr/bin/env python3
"""Fail when a test waits a fixed time instead of for a condition.

Usage: check-fixed-waits.py SOURCE_ROOT

Looks through the C and Python files under tests/ (the benchmark, which
measures time, left out) for the calls that sleep or run the main loop for
a fixed time. A test waits on what it needs instead: mc_test_wait_until()
in tests/lib/mc-test-util.h, or an event with a deadline in Python. On a
loaded machine a fixed wait is too short, and on an idle one too long.
"""
import os
import re
import sys

SKIP = ("bench",)


def calls(*names):
    """A pattern for a call to any of NAMES (regular expressions)."""
    return re.compile(r"\b(" + "|".join(names) + r")\s*\(")


FIXED_WAITS = {
    ".c": calls("g_usleep", "usleep", "nanosleep", "sleep", "mc_test_run_for"),
    ".py": calls (r"time\.sleep", r"asyncio\.sleep", "sleep"),
}


def main(root):
    tests = os.path.join(root, "tests")
    found = 0
    for dirpath, dirnames, filenames in os.walk(tests):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP)
        for name in sorted(filenames):
            pattern = FIXED_WAITS.get(os.path.splitext(name)[1])
            if pattern is None:
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8", errors="replace") as source:
                for number, line in enumerate(source, 1):
                    match = pattern.search(line)
                    if match:
                        print(f"{os.path.relpath(path, root)}:{number}: {match.group(1)}: "
                              "a fixed wait; wait on a condition (mc_test_wait_until)")
                        found += 1
    return 1 if found else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
