#!/usr/bin/env python3
"""Count test cases in a meson testlog.json and print 'N passed, N failed'.

TAP tests count one per 'ok'/'not ok' line; other tests count as one.
Exits 1 when anything failed or when no test ran at all.
"""
import json
import re
import sys

TAP_LINE = re.compile(r"^(not ok|ok)\b(.*)$")


def main(path):
    passed = failed = 0
    try:
        with open(path, encoding="utf-8") as log:
            entries = [json.loads(line) for line in log if line.strip()]
    except OSError as err:
        print(f"cannot read {path}: {err}", file=sys.stderr)
        print("0 passed, 1 failed")
        return 1

    for entry in entries:
        result = entry.get("result")
        tap = [TAP_LINE.match(l) for l in entry.get("stdout", "").splitlines()]
        tap = [m for m in tap if m]
        if tap:
            for m in tap:
                skipped = "# SKIP" in m.group(2).upper()
                if m.group(1) == "ok" and not skipped:
                    passed += 1
                elif m.group(1) == "not ok" and "# TODO" not in m.group(2).upper():
                    failed += 1
            # A crash after some passing cases must still count as a failure.
            if result not in ("OK", "EXPECTEDFAIL", "SKIP") and not any(
                    m.group(1) == "not ok" for m in tap):
                failed += 1
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result != "SKIP":
            failed += 1

    print(f"{passed} passed, {failed} failed")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
