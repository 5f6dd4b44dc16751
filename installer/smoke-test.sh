#!/usr/bin/env bash
# Smoke test of the built app-image: the launcher starts, prints its version, and the runtime
# holds every module the command line needs. Run by `mvn -P installer package` after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: smoke-test.sh VERSION}"
app=target/installer/Resolve
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

got="$("$app/bin/Resolve" --version)"
[ "$got" = "Resolve $version" ] || { echo "smoke test: --version printed '$got', expected 'Resolve $version'" >&2; exit 1; }

"$app/bin/Resolve" --db "$tmp/smoke.mv.db" policy list --json | grep -q '"id" : "croydon"' \
  || { echo "smoke test: 'policy list' did not list the bundled procedures" >&2; exit 1; }

# JavaFX's native libraries live in the runtime, so nothing is unpacked into the user's profile.
ls "$app"/lib/runtime/lib/libprism_sw.so "$app"/lib/runtime/lib/libglass*.so > /dev/null \
  || { echo "smoke test: JavaFX native libraries are missing from the runtime" >&2; exit 1; }
echo "smoke test passed: $got"
