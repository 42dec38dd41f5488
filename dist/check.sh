#!/usr/bin/env bash
# Checks what dist/build.sh built, as a user without Java would run it: each checksum, then the
# archive's bin/dbzlint and the .deb's installed launcher linting examples/capstone with no java
# on the PATH and no JAVA_HOME (only the shell tools the launcher itself calls).
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/dist
(cd "$out" && sha256sum --quiet -c ./*.sha256)

tools=$(mktemp -d); trap 'rm -rf "$tools"' EXIT
ln -s "$(command -v dirname)" "$tools/dirname"
expected="0 errors, 0 warnings in 2 connectors (2 files)"
run() { # a launcher, in a bare environment, on the capstone
  local got; got=$(env -i PATH="$tools" HOME="$tools" "$1" lint --no-config --color never "$PWD/examples/capstone")
  [ "$got" = "$expected" ] || { echo "dist: $1 printed '$got', not '$expected'" >&2; exit 1; }
  echo "ok: $1"
}

for archive in "$out"/dbzlint-*-*-*.tar.gz; do
  mkdir -p "$tools/archive" && tar -C "$tools/archive" -xzf "$archive"
  run "$(ls -d "$tools"/archive/dbzlint-*)/bin/dbzlint"
done
for deb in "$out"/*.deb; do
  [ -f "$deb" ] || continue
  dpkg-deb -f "$deb" Package | grep -qx dbzlint || { echo "dist: $deb is not package dbzlint" >&2; exit 1; }
  dpkg-deb -x "$deb" "$tools/deb"
  run "$tools/deb/opt/dbzlint/bin/dbzlint"
done
for image in "$out"/*-oci.tar; do
  [ -f "$image" ] || continue
  python3 dist/check_image.py "$image"
done
