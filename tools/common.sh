# common.sh — shared by tools/run, tools/test and tools/bench: install what is
# missing (Debian 12 packages only), then configure and build with meson.
# Sourced, not run.

MC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Everything a fresh Debian 12 machine needs to build, run and test.
MC_PACKAGES=(
  gcc pkg-config meson ninja-build python3 gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libjson-glib-dev libcairo2-dev libpango1.0-dev librsvg2-dev libpng-dev
  desktop-file-utils appstream shared-mime-info libxml2-utils
  xvfb xauth imagemagick x11-utils dbus
  at-spi2-core python3-gi gir1.2-atspi-2.0  # the AT-SPI test (tests/a11y/)
  poppler-utils librsvg2-bin yelp-tools
  fonts-inter fonts-liberation2
  flatpak-builder  # reads the Flatpak manifest in the tests
  libsoup-3.0-dev libqrencode-dev libnm-dev chromium chromium-driver python3-selenium  # the room
  python3-dbusmock  # the room: a fake NetworkManager for the hotspot test
)

mc_die () {
  echo "error: $*" >&2
  exit 1
}

mc_install_packages () {
  local missing=() pkg sudo=""

  if [ ! -r /etc/debian_version ] || ! command -v dpkg >/dev/null 2>&1; then
    echo "This script installs its dependencies with apt on Debian 12." >&2
    echo "On this system, install the equivalents of these packages yourself:" >&2
    echo "  ${MC_PACKAGES[*]}" >&2
    mc_die "not a Debian system: cannot install the packages above automatically"
  fi

  for pkg in "${MC_PACKAGES[@]}" "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || mc_die "need root or sudo to install: ${missing[*]}"
    sudo="sudo"
  fi

  echo "Installing missing packages: ${missing[*]}"
  $sudo apt-get -o DPkg::Lock::Timeout=900 update -qq || mc_die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends \
    "${missing[@]}" || mc_die "apt-get install failed for: ${missing[*]}"
}

# mc_build BUILDDIR [meson setup options…]
mc_build () {
  local builddir=$1
  shift
  cd "$MC_ROOT" || mc_die "cannot enter $MC_ROOT"
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" "$@" || mc_die "meson setup failed"
  fi
  meson compile -C "$builddir" || mc_die "build failed"
}
