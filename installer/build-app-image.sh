#!/usr/bin/env bash
# Builds the Linux app-image under target/installer/Resolve: a jlinked Java 17 runtime holding
# JavaFX (its native libraries in the runtime's lib folder, so nothing is extracted into the
# user's profile at first start) and the application's jars. Run through `mvn -P installer package`.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:?usage: build-app-image.sh VERSION}"
numeric="${version%%-*}"                 # jpackage wants 1.2.3, not 1.2.3-SNAPSHOT
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
out=target/installer
work=target/installer-work

rm -rf "$out" "$work"
mkdir -p "$out" "$work/input" "$work/javafx" "$work/natives"

# JavaFX's platform jars become modules of the runtime; everything else stays on the class path.
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar)
      cp "$jar" "$work/javafx/"
      (mkdir -p "$work/unpacked" && cd "$work/unpacked" && "$jdk/bin/jar" xf "$OLDPWD/$jar")
      find "$work/unpacked" -maxdepth 1 -name '*.so' -exec cp {} "$work/natives/" \;
      rm -rf "$work/unpacked" ;;
    javafx-*) ;;
    *) cp "$jar" "$work/input/" ;;
  esac
done
cp target/resolve.jar "$work/input/"

"$jdk/bin/jlink" \
  --module-path "$jdk/jmods:$work/javafx" \
  --add-modules "$(tr -d ' \n' < installer/modules.txt)" \
  --include-locales en,en-GB \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$work/runtime"
cp "$work"/natives/*.so "$work/runtime/lib/"
# the runtime's own class data sharing archive, which the application's archive (below) builds on
"$work/runtime/bin/java" -Xshare:dump > /dev/null

"$jdk/bin/jpackage" \
  --type app-image \
  --name Resolve \
  --app-version "$numeric" \
  --vendor "Resolve" \
  --description "Resolution of professional differences in safeguarding" \
  --copyright "Apache License 2.0" \
  --icon installer/resolve.png \
  --input "$work/input" \
  --main-jar resolve.jar \
  --main-class uk.resolve.boot.Main \
  --runtime-image "$work/runtime" \
  --java-options "-Xmx512m -Dfile.encoding=UTF-8 -Duser.language=en -Duser.country=GB" \
  --dest "$out"

# AppCDS: a training start records the classes Resolve loads into an archive that later starts map
# instead of loading one by one. With a display (xvfb here) the training opens the window; without
# one it runs a command, which still covers the database and procedure classes. Best effort: a
# failed training leaves an app-image that starts without the archive.
app="$out/Resolve"
jsa="$app/lib/app/resolve.jsa"
train_data="$(mktemp -d)"
train() {
  XDG_DATA_HOME="$train_data" JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$jsa $1" \
    timeout 120 "${@:2}" > "$work/cds-training.log" 2>&1
}
if command -v xvfb-run > /dev/null 2>&1; then
  train "-Dresolve.startupProbe=true" xvfb-run -a -s "-screen 0 1366x768x24" "$app/bin/Resolve" || true
fi
if [ ! -s "$jsa" ]; then
  train "" "$app/bin/Resolve" --db "$train_data/training.mv.db" case list || true
fi
rm -rf "$train_data"
if [ -s "$jsa" ]; then
  printf 'java-options=-XX:SharedArchiveFile=$APPDIR/resolve.jsa\njava-options=-Xshare:auto\n' >> "$app/lib/app/Resolve.cfg"
  echo "Class data sharing archive: $(du -h "$jsa" | cut -f1)"
else
  echo "No class data sharing archive (training did not complete; see $work/cds-training.log)"
fi

echo "App-image: $out/Resolve (run $out/Resolve/bin/Resolve)"
