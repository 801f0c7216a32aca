#!/usr/bin/env bash
# D-Bus activation: started as a service (as the session bus does for
# DBusActivatable=true), the application answers org.freedesktop.Application
# and Activate opens a window. Waits on conditions, with a deadline that only
# turns a hang into a failure.
# Usage: dbus-activation.sh MISSIECANVAS  (run inside dbus-run-session, on X)
set -euo pipefail
exe=$1
name=io.github.missiecanvas.Missiecanvas
path=/io/github/missiecanvas/Missiecanvas
xdg=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; rm -rf "$xdg"' EXIT
export XDG_DATA_HOME=$xdg XDG_STATE_HOME=$xdg XDG_CONFIG_HOME=$xdg XDG_CACHE_HOME=$xdg

wait_for () {
  local what=$1; shift
  for _ in $(seq 600); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "not ok: timed out waiting for $what"
  exit 1
}

"$exe" --gapplication-service &
pid=$!
wait_for "the service on the bus" gdbus introspect --session --dest $name --object-path $path
gdbus call --session --dest $name --object-path $path \
  --method org.freedesktop.Application.Activate '{}' >/dev/null
has_window () { xwininfo -root -tree | grep -q '"Wijkleerlab Gezond Overvecht"\|"Nieuw bord"\|"New board"'; }
wait_for "a window after Activate" has_window
echo "ok: activated over D-Bus and opened a window"
