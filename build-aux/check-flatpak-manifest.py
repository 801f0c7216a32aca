#!/usr/bin/env python3
"""check-flatpak-manifest.py MANIFEST APP_ID [FLATPAK_BUILDER]

Checks the Flatpak manifest without building it (the GNOME runtime is not
installed here): valid JSON, the application id and command, the GNOME
runtime, the modules (the fonts the figures use, the app from this
repository), every download pinned by a sha256, and finish-args that give a
document application what it needs and no more. With FLATPAK_BUILDER, also
asks flatpak-builder to read it (--show-manifest). Prints what is wrong and
exits 1.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

SHA256 = re.compile(r"^[0-9a-f]{64}$")
EXPECTED_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
    "--share=network",  # the room serves the local network
}
FONTS = {"Inter": "/app/share/fonts/", "LiberationSans": "/app/share/fonts/"}


def check(manifest, app_id):
    problems = []

    def expect(condition, message):
        if not condition:
            problems.append(message)

    expect(manifest.get("id") == app_id, f"id is {manifest.get('id')!r}, not {app_id!r}")
    expect(manifest.get("command") == "missiecanvas", "command is not missiecanvas")
    expect(manifest.get("runtime") == "org.gnome.Platform", "runtime is not org.gnome.Platform")
    expect(manifest.get("sdk") == "org.gnome.Sdk", "sdk is not org.gnome.Sdk")
    expect(str(manifest.get("runtime-version")) == "47", "runtime-version is not 47")

    args = manifest.get("finish-args", [])
    expect(set(args) == EXPECTED_ARGS and len(args) == len(EXPECTED_ARGS),
           f"finish-args {sorted(args)} are not exactly {sorted(EXPECTED_ARGS)}")
    expect(not any(a.startswith("--filesystem") for a in args),
           "no --filesystem: files come through the portal")

    modules = manifest.get("modules", [])
    expect(isinstance(modules, list) and modules, "no modules")
    names = [m.get("name") for m in modules if isinstance(m, dict)]
    expect(len(names) == len(modules), "a module is not an object")
    expect(len(set(names)) == len(names), f"module names repeat: {names}")
    expect(names and names[-1] == "missiecanvas", "the last module is not missiecanvas")

    for module in modules:
        if not isinstance(module, dict):
            continue
        name = module.get("name")
        sources = module.get("sources", [])
        expect(sources, f"module {name} has no sources")
        for source in sources:
            kind = source.get("type")
            if kind in ("archive", "file"):
                expect(str(source.get("url", "")).startswith(("https://", "http://deb.debian.org/")),
                       f"module {name}: source URL {source.get('url')!r}")
                expect(SHA256.match(str(source.get("sha256", ""))) is not None,
                       f"module {name}: sha256 {source.get('sha256')!r} is not 64 hex digits")
            elif kind == "dir":
                expect(name == "missiecanvas", f"module {name}: only the app comes from the repository")
            else:
                problems.append(f"module {name}: unexpected source type {kind!r}")

    app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    expect(app.get("buildsystem") == "meson", "the app module is not built with meson")
    expect(any(s.get("type") == "dir" and s.get("path") == ".." for s in app.get("sources", [])),
           "the app module's source is not the repository (type dir, path ..)")

    commands = " ".join(c for m in modules if isinstance(m, dict)
                        for c in m.get("build-commands", []))
    for font, prefix in FONTS.items():
        expect(re.search(re.escape(prefix) + r"\S*\s+\S*" + font, commands) is not None,
               f"no module installs {font} into {prefix}")
    return problems


def main():
    path, app_id = sys.argv[1], sys.argv[2]
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{path}: {e}")
        return 1
    problems = check(manifest, app_id)
    if len(sys.argv) > 3:
        # In a scratch folder: flatpak-builder makes its state folder there.
        with tempfile.TemporaryDirectory() as scratch:
            run = subprocess.run([sys.argv[3], "--show-manifest", os.path.abspath(path)],
                                 capture_output=True, text=True, cwd=scratch)
        if run.returncode != 0 or "WARNING" in run.stderr:
            # It only warns about a property it does not know, e.g. a typo.
            problems.append(f"flatpak-builder --show-manifest: {run.stderr.strip()}")
        else:
            try:
                shown = json.loads(run.stdout)
                if shown.get("id", shown.get("app-id")) != app_id:
                    problems.append("flatpak-builder reads a different id")
            except ValueError as e:
                problems.append(f"flatpak-builder --show-manifest printed no JSON: {e}")
    for p in problems:
        print(f"{path}: {p}")
    if not problems:
        print(f"{path}: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
