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

# The command line makes an encrypted database (Argon2id and AES from the bundled libraries), signs in
# with the password from a file, and lists the bundled procedures.
printf 'smoke test password\n' > "$tmp/password"
RESOLVE_PASSWORD_FILE="$tmp/password" "$app/bin/Resolve" --db "$tmp/smoke.mv.db" init --admin smoke > /dev/null \
  || { echo "smoke test: 'init --admin' could not make the first administrator" >&2; exit 1; }
RESOLVE_PASSWORD_FILE="$tmp/password" "$app/bin/Resolve" --db "$tmp/smoke.mv.db" --user smoke policy list --json \
  | grep -q '"id" : "croydon"' \
  || { echo "smoke test: 'policy list' did not list the bundled procedures" >&2; exit 1; }
head -c 9 "$tmp/smoke.mv.db" | grep -q 'H2encrypt' \
  || { echo "smoke test: the database made by 'init' is not encrypted" >&2; exit 1; }

# JavaFX's native libraries live in the runtime, so nothing is unpacked into the user's profile.
ls "$app"/lib/runtime/lib/libprism_sw.so "$app"/lib/runtime/lib/libglass*.so > /dev/null \
  || { echo "smoke test: JavaFX native libraries are missing from the runtime" >&2; exit 1; }
# The window opens on its first screen and closes cleanly, headless (Monocle, software rendering).
probe="$(XDG_DATA_HOME="$tmp/data" LOCALAPPDATA="$tmp/data" "$app/lib/runtime/bin/java" \
  --patch-module javafx.graphics=target/smoke/monocle.jar \
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dresolve.startupProbe=true \
  -cp "$app/lib/app/*" uk.resolve.boot.Main)"
# A first start shows the set-up of the first administrator; nothing is written before that.
echo "$probe" | grep -Eq '^first-frame-ms=[0-9]+ screen=sign-in' \
  || { echo "smoke test: the window did not reach its sign-in screen: $probe" >&2; exit 1; }
[ ! -f "$tmp/data/resolve/resolve.mv.db" ] \
  || { echo "smoke test: a database was created before anyone signed in" >&2; exit 1; }
echo "smoke test passed: $got; ${probe%% *}"
