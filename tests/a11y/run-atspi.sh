#!/usr/bin/env bash
# The AT-SPI test's start (its lines are TAP-like; the exit code counts,
# since the activated registry writes to the same output) (issue 16): a session bus of its own
# (dbus-run-session, which activates the accessibility bus on request), the
# X display tools/test provides, and the accessibility that the other
# tests turn off turned on again.
# Usage: run-atspi.sh MISSIECANVAS   (inside dbus-run-session, on X)
set -euo pipefail
unset NO_AT_BRIDGE GTK_A11Y
# Warnings stay fatal for the program; libatspi's own (a cache that a new
# registry does not have yet) must not stop the test.
export MC_APP_G_DEBUG=${G_DEBUG:-}
unset G_DEBUG
xdg=$(mktemp -d)
trap 'rm -rf "$xdg"' EXIT
export XDG_DATA_HOME=$xdg XDG_STATE_HOME=$xdg XDG_CONFIG_HOME=$xdg XDG_CACHE_HOME=$xdg
# Debian's python3, which has the GObject bindings (python3-gi).
exec /usr/bin/python3 "$(dirname "$0")/test-atspi.py" "$(realpath "$1")"
