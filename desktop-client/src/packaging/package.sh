#!/usr/bin/env bash
# Builds a jlinked runtime and jpackage installers for the Drawbridge desktop app.
#
#   desktop-client/src/packaging/package.sh app-image deb     # Linux (deb needs fakeroot, dpkg-deb)
#   desktop-client/src/packaging/package.sh rpm               # Linux with rpmbuild
#   desktop-client/src/packaging/package.sh msi               # Windows (WiX on PATH), from Git Bash
#   desktop-client/src/packaging/package.sh dmg               # macOS
#
# Normally run through Maven, which first builds the jars and copies the dependencies:
#   ./mvnw -B -Pinstallers -pl desktop-client -am package -DskipTests
# Output: desktop-client/target/installer/.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/../.." && pwd)
target="$module/target"
java_home=${JAVA_HOME:?set JAVA_HOME to a JDK 25}
# The project's version (the pom's revision) without -SNAPSHOT: jpackage takes X.Y.Z only.
project_version=${PROJECT_VERSION:-1.0.0}
version=${APP_VERSION:-${project_version%-SNAPSHOT}}
types=("$@")
# Through Maven the types come in INSTALLER_TYPES (-Dinstaller.types="app-image deb rpm").
[ ${#types[@]} -gt 0 ] || read -r -a types <<< "${INSTALLER_TYPES:-app-image}"

case "$(uname -s)" in
  Linux*) os=linux; icon="$here/drawbridge.png" ;;
  Darwin*) os=mac; icon="$here/drawbridge.icns" ;;
  *) os=win; icon="$here/drawbridge.ico" ;;
esac

app_jar=desktop-client-$project_version.jar
# Run by hand without PROJECT_VERSION: the newest jar the build left.
[ -f "$target/$app_jar" ] ||
  app_jar=$(cd "$target" && ls -t desktop-client-*.jar | grep -v -e sources -e tests | head -1)
[ -n "$app_jar" ] || { echo "no desktop-client jar in $target: build it first" >&2; exit 1; }

# JavaFX's platform jars are modules: they go into the runtime image. The classifier-less
# javafx-* jars are empty placeholders and are dropped; every other jar stays on the class path.
rm -rf "$target/jfx-mods" "$target/app-input" "$target/runtime" "$target/installer"
mkdir -p "$target/jfx-mods" "$target/app-input" "$target/installer"
for jar in "$target/libs"/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-linux*.jar | javafx-*-mac*.jar | javafx-*-win*.jar) cp "$jar" "$target/jfx-mods/" ;;
    javafx-*.jar) ;;
    *) cp "$jar" "$target/app-input/" ;;
  esac
done
cp "$target/$app_jar" "$target/app-input/"

# java.desktop/java.datatransfer for AWT image I/O (PNG export), java.sql for SQLite (embedded
# relay), java.naming/java.management for Logback and Micrometer, jdk.localedata for 简体中文,
# jdk.unsupported for Netty and JavaFX, jdk.crypto.ec for TLS.
# --include-locales keeps the locale data of the two languages the UI ships (English, 简体中文;
# other system locales show the English UI and fall back to the root formats): 25 MB less runtime.
# No --compress: the installers compress anyway, and a zip-compressed runtime made the .deb
# larger (62 MB -> 87 MB) while saving only disk space after install (174 MB -> 117 MB).
modules=java.base,java.datatransfer,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.sql,java.xml,java.scripting,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.net,jdk.unsupported,jdk.zipfs,javafx.base,javafx.graphics,javafx.controls,javafx.swing

"$java_home/bin/jlink" \
  --module-path "$target/jfx-mods" \
  --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --include-locales=en,zh \
  --output "$target/runtime"

# JavaFX's natives go into the runtime, as its per-OS jmods would put them (issue 20). The Maven
# jars carry them only as resources, which JavaFX otherwise unpacks at every start (into a cache
# outside the app: files that code signing and notarization never saw). JavaFX looks in the
# runtime's own lib directory (bin on Windows) first, so the unpacking never happens; .ci/run checks
# that no library is loaded "from resource". (Gluon's jmods are not on Maven Central.)
case "$os" in
  win) natives="$target/runtime/bin" ;;
  *) natives="$target/runtime/lib" ;;
esac
for jar in "$target/jfx-mods"/*.jar; do
  libs=$("$java_home/bin/jar" tf "$jar" | grep -E '^[^/]+\.(so|dylib|dll)$' || true)
  if [ -n "$libs" ]; then
    # shellcheck disable=SC2086 # one argument per library name
    (cd "$natives" && "$java_home/bin/jar" xf "$jar" $libs)
  fi
done

# Linux: the JDK's and JavaFX's shared libraries carry symbol tables nobody reads at run time
# (lintian: unstripped-binary-or-object); stripped, the runtime is 6 MB smaller and runs the same.
if [ "$os" = linux ] && command -v strip >/dev/null 2>&1; then
  find "$target/runtime" -name '*.so' -exec strip --strip-unneeded {} +
fi

# Debian looks for the licence at /usr/share/doc/<package>/copyright in its machine-readable format
# and for a changelog beside it; jpackage writes a free-form licence under /opt and no changelog.
# Rewritten in place (lintian: no-copyright-file, no-changelog).
debian_docs() { # deb license-file
  local deb=$1 license=$2 work
  work=$(mktemp -d)
  dpkg-deb -R "$deb" "$work"
  rm -f "$work/opt/drawbridge/share/doc/copyright"
  mkdir -p "$work/usr/share/doc/drawbridge"
  {
    echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    echo "Upstream-Name: Drawbridge"
    [ -n "${DRAWBRIDGE_HOMEPAGE:-}" ] && echo "Source: $DRAWBRIDGE_HOMEPAGE"
    echo
    echo "Files: *"
    echo "Copyright: $(date +%Y) the Drawbridge authors"
    echo "License: ${DRAWBRIDGE_LICENSE:-see below}"
    sed -e 's/^[[:space:]]*$/./' -e 's/^/ /' "$license"
  } >"$work/usr/share/doc/drawbridge/copyright"
  {
    echo "drawbridge ($version) stable; urgency=medium"
    echo
    echo "  * Drawbridge $version: the release notes are on the project's releases page."
    echo
    echo " -- Drawbridge <${DRAWBRIDGE_MAINTAINER:-unknown@invalid}>  $(date -R)"
  } | gzip -9n >"$work/usr/share/doc/drawbridge/changelog.gz"
  chmod 644 "$work/usr/share/doc/drawbridge/copyright" "$work/usr/share/doc/drawbridge/changelog.gz"
  fakeroot dpkg-deb --build --root-owner-group "$work" "$deb" >/dev/null
  rm -rf "$work"
}

common=(
  --name Drawbridge
  --app-version "$version"
  --vendor "Drawbridge"
  --description "Collaborative whiteboard: draw together, online or offline"
  --dest "$target/installer"
)
# Package metadata (docs/releasing.md, "Package metadata"), from the release workflow's repository
# variables: the maintainer's e-mail address (the .deb's Maintainer is "Drawbridge <address>"), a homepage (the .deb's Homepage, the
# .rpm's URL, the installers' "about" link), an SPDX licence id for the .rpm; the licence text is
# the repository's LICENSE file (the .deb's copyright file, the .msi's and .dmg's licence page).
# Unset, jpackage's placeholders stay (lintian: malformed-contact, no-copyright-file). Installers
# only: jpackage refuses these for an app image.
installer_meta=()
[ -n "${DRAWBRIDGE_HOMEPAGE:-}" ] && installer_meta+=(--about-url "$DRAWBRIDGE_HOMEPAGE")
[ -f "$module/../LICENSE" ] && installer_meta+=(--license-file "$module/../LICENSE")
linux_meta=()
[ -n "${DRAWBRIDGE_MAINTAINER:-}" ] && linux_meta+=(--linux-deb-maintainer "$DRAWBRIDGE_MAINTAINER")
[ -n "${DRAWBRIDGE_LICENSE:-}" ] && linux_meta+=(--linux-rpm-license-type "$DRAWBRIDGE_LICENSE")

# Memory (issue 15; docs/performance.md, "Pictures"): a heap that starts small (by default it starts
# at 1/64 of the machine's memory and never shrinks below that) and gives back what it does not use
# (at most 20 % free after a collection cycle), and malloc's free memory handed back to the system
# every second (the picture decoder's native buffers). A board of 200 photos panned at 25 %:
# 943 -> ~560 MB RSS. G1 stays: the serial collector measured the same RSS here but stops the app
# for a whole-heap collection (196 ms with this board's ~250 MB). The exec:exec dev run (pom.xml)
# uses the same.
memory="-Xms32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:TrimNativeHeapInterval=1000"

# Installers are built from the same inputs rather than from the app image, so that the
# icon lands in the desktop entry / start menu too.
app=(
  --input "$target/app-input"
  --main-jar "$app_jar"
  --main-class dev.drawbridge.client.ui.app.Launcher
  --runtime-image "$target/runtime"
  --icon "$icon"
  --java-options "-Xmx2g $memory --enable-native-access=ALL-UNNAMED,javafx.graphics"
)

# Signing (docs/releasing.md, "Signing"): on macOS jpackage signs the app, its runtime (JavaFX's
# natives included) and the .dmg with MAC_SIGNING_IDENTITY; on Windows WINDOWS_SIGN_COMMAND signs
# the launcher and JavaFX's DLLs before the .msi is made from the app image, then the .msi. Neither
# set: unsigned installers, as before.
if [ "$os" = mac ] && [ -n "${MAC_SIGNING_IDENTITY:-}" ]; then
  common+=(--mac-sign --mac-signing-key-user-name "$MAC_SIGNING_IDENTITY")
  [ -n "${MAC_SIGNING_KEYCHAIN:-}" ] && common+=(--mac-signing-keychain "$MAC_SIGNING_KEYCHAIN")
fi

"$java_home/bin/jpackage" --type app-image "${common[@]}" "${app[@]}"

# AOT cache (JEP 483/514, issue 19): one training run of this app image (--smoke-test: start, show
# the main window's first frame, exit) records the classes start-up loads and links, into
# app-input/drawbridge.aot; the app image and the installers are then made again with it, and
# their launcher opens it. Measured under Xvfb from another directory than the training run's
# (docs/performance.md, "App start"): first frame 1.53 s -> 0.93 s median. Headless training
# (JavaFX's own headless glass) gives the same cache benefit as a run on a display, so it needs
# none. The run opens a small board file (aot-training.drawbridge: 140 strokes, shapes and texts)
# and exits once it is painted, so reading and drawing a board are in the cache too (opening a
# 10,000-element board, issue 19). A failed training run leaves the cache out and says so; .ci/run
# checks it is there.
case "$os" in
  linux) launcher="$target/installer/Drawbridge/bin/Drawbridge" ;;
  mac) launcher="$target/installer/Drawbridge.app/Contents/MacOS/Drawbridge" ;;
  *) launcher="$target/installer/Drawbridge/Drawbridge.exe" ;;
esac
aot="$target/app-input/drawbridge.aot"
train_home=$(mktemp -d)
if JAVA_TOOL_OPTIONS="-Dglass.platform=Headless -Dprism.order=sw -Ddrawbridge.home=$train_home -XX:AOTCacheOutput=$aot" \
    "$launcher" --smoke-test "$here/aot-training.drawbridge" >"$target/aot-training.log" 2>&1 &&
    [ -s "$aot" ]; then
  rm -rf "$target/installer"/Drawbridge*
  app+=(--java-options "-XX:AOTCache=\$APPDIR/drawbridge.aot")
  "$java_home/bin/jpackage" --type app-image "${common[@]}" "${app[@]}"
  echo "AOT cache: $(du -h "$aot" | cut -f1) from one training run (log: $target/aot-training.log)"
else
  echo "WARNING: the AOT training run failed; installers without an AOT cache (see $target/aot-training.log)" >&2
  rm -f "$aot"
fi
rm -rf "$train_home"

for type in "${types[@]}"; do
  [ "$type" = app-image ] && continue
  extra=()
  case "$type" in
    deb | rpm)
      # linux/Drawbridge.desktop replaces jpackage's desktop entry: %U passes an opened
      # .drawbridge file or a clicked drawbridge:// link to the app, and MimeType registers
      # x-scheme-handler/drawbridge (SchemeRegistrationTest).
      extra=(--linux-package-name drawbridge --linux-shortcut --linux-menu-group Graphics
             --linux-app-category graphics --resource-dir "$here/linux" ${linux_meta[@]+"${linux_meta[@]}"})
      # .deb: linux/control names its dependencies itself (jpackage would list every library the
      # build host resolves, by that distribution's package names: libjpeg-turbo8 on Ubuntu,
      # libjpeg62-turbo on Debian), with names Ubuntu 22.04/24.04 and Debian 12 all know; the
      # release workflow installs it in each. .rpm: rpm requires the libraries by soname, the same
      # on every RPM distribution, plus GTK and libXtst, which JavaFX opens at run time.
      [ "$type" = rpm ] && extra+=(--linux-package-deps "libgtk-3.so.0()(64bit), libXtst.so.6()(64bit)")
      ;;
    msi)
      extra=(--win-menu --win-menu-group Drawbridge --win-shortcut --win-dir-chooser
             --win-upgrade-uuid 5d6f2a4e-3c1b-4f57-9a0e-7b1f2c9d8e41)
      ;;
    dmg)
      # macos/Info.plist is jpackage's template plus CFBundleURLTypes: drawbridge:// links.
      extra=(--mac-package-identifier dev.drawbridge.app --mac-package-name Drawbridge
             --resource-dir "$here/macos")
      ;;
  esac
  inputs=("${app[@]}")
  if [ "$type" = msi ] && [ -n "${WINDOWS_SIGN_COMMAND:-}" ]; then
    # An installer made from the signed app image carries the signed files (jpackage cannot sign
    # on Windows itself); the image already holds its icon and launcher options.
    image="$target/installer/Drawbridge"
    find "$image" -maxdepth 1 -name '*.exe' -print0 | xargs -0 "$WINDOWS_SIGN_COMMAND"
    find "$image/runtime/bin" -maxdepth 1 \( -name 'glass*.dll' -o -name 'prism*.dll' \
      -o -name 'javafx*.dll' -o -name 'decora*.dll' \) -print0 | xargs -0 -r "$WINDOWS_SIGN_COMMAND"
    inputs=(--app-image "$image")
  fi
  "$java_home/bin/jpackage" --type "$type" "${common[@]}" "${inputs[@]}" \
    ${installer_meta[@]+"${installer_meta[@]}"} --file-associations "$here/drawbridge-file.properties" \
    "${extra[@]}"
  if [ "$type" = msi ] && [ -n "${WINDOWS_SIGN_COMMAND:-}" ]; then
    "$WINDOWS_SIGN_COMMAND" "$target/installer"/*.msi
  fi
  if [ "$type" = deb ] && [ -f "$module/../LICENSE" ]; then
    debian_docs "$target/installer"/drawbridge_*.deb "$module/../LICENSE"
  fi
done

ls -la "$target/installer"
