#!/usr/bin/env bash
# Builds the release artifacts of this platform into target/dist, each with a .sha256 beside it:
#   dbzlint-VERSION.jar                          the self-contained jar (Java 17+)
#   dbzlint-VERSION-linux-x64.tar.gz             bin/dbzlint, the jar, and a jlink runtime: no Java needed
#   dbzlint_VERSION_amd64.deb                    the same, installed under /opt/dbzlint (jpackage)
#   dbzlint-VERSION-oci.tar                      a container image from scratch, an OCI image layout (dist/image.py)
# Needs JDK 17+ with jlink and jpackage, Maven, and for the .deb dpkg-deb and fakeroot (Debian's).
# Nothing is downloaded but Maven Central's dependencies. dist/check.sh runs what this builds.
#
#   dist/build.sh [VERSION]      # default: the pom's version
set -euo pipefail
cd "$(dirname "$0")/.."

# the project's own <version>, the first in the pom (under its artifactId)
version=${1:-$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1)}
[ -n "$version" ] || { echo "dist: no version given and none read from the pom" >&2; exit 2; }
arch=$(uname -m); [ "$arch" = x86_64 ] && arch=x64
os=$(uname -s | tr '[:upper:]' '[:lower:]')
out=target/dist
rm -rf "$out" && mkdir -p "$out"
[ -f target/dbzlint.jar ] || mvn -B -q package -DskipTests

# the modules the jar uses, and the elliptic-curve TLS that a Connect cluster or a database may ask for
modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 target/dbzlint.jar),jdk.crypto.ec
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --generate-cds-archive --output "$out/runtime"

cp target/dbzlint.jar "$out/dbzlint-$version.jar"

name="dbzlint-$version-$os-$arch"
mkdir -p "$out/$name/bin" "$out/$name/lib"
cp target/dbzlint.jar "$out/$name/lib/dbzlint.jar"
cp -R "$out/runtime" "$out/$name/runtime"
cat > "$out/$name/bin/dbzlint" <<'LAUNCHER'
#!/bin/sh
# dbzlint with its own Java runtime: the start-up flags of the repository's bin/dbzlint
# (C1 only, the serial collector, no perf data file; the runtime's class-data archive is on by default).
here=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
exec "$here/runtime/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn32m -XX:-UsePerfData \
  -jar "$here/lib/dbzlint.jar" "$@"
LAUNCHER
chmod +x "$out/$name/bin/dbzlint"
tar -C "$out" -czf "$out/$name.tar.gz" "$name"

if command -v jpackage > /dev/null && command -v dpkg-deb > /dev/null && command -v fakeroot > /dev/null; then
  mkdir -p "$out/input" && cp target/dbzlint.jar "$out/input/"
  jpackage --type deb --name dbzlint --app-version "${version%%-*}" --input "$out/input" --main-jar dbzlint.jar \
    --runtime-image "$out/runtime" --dest "$out" --install-dir /opt \
    --java-options "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn32m -XX:-UsePerfData" \
    --description "Linter for Debezium connector configurations" --vendor dbzlint \
    --linux-package-name dbzlint --linux-app-category devel
else
  echo "dist: no jpackage, dpkg-deb or fakeroot: no .deb" >&2
fi

# the container image, from scratch (Linux: its layer carries the C libraries the runtime links)
if [ "$os" = linux ]; then
  python3 dist/image.py "$version" > /dev/null
fi

(cd "$out" && for f in *.jar *.tar.gz *.deb *-oci.tar; do [ -f "$f" ] && sha256sum "$f" > "$f.sha256"; done)
ls -l "$out" | grep -E '\.(jar|gz|deb|tar)$'
