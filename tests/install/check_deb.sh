#!/usr/bin/env bash
# The install check (CTest label install_deb): builds the Debian package
# with cpack from an already built tree, unpacks it with `dpkg-deb -x` into a
# temporary root (no root rights, no container; nothing is installed into
# the system), and runs the installed programs from there.
#
# usage: check_deb.sh BUILD_DIR VERSION GUI(ON|OFF) DEPENDS-PREFIX...
# Each DEPENDS-PREFIX (e.g. libtorch) must start a package name in Depends.
set -euo pipefail

build=$1 version=$2 gui=$3
shift 3
expected_depends=("$@")

fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in cpack dpkg-deb dpkg-shlibdeps; do
    command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install cmake dpkg-dev)"
done
[[ -f $build/CPackConfig.cmake ]] || fail "no CPackConfig.cmake in $build (configure first)"

work=$(mktemp -d "${TMPDIR:-/tmp}/archscape-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT

# cpack runs the install rules (cmake_install.cmake) into its own staging
# folder under -B; it builds nothing, so a target that is not built fails.
started=$SECONDS
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/package" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
debs=("$work"/package/*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || fail "cpack made no single .deb: ${debs[*]}"
deb=${debs[0]}
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1)) in $((SECONDS - started)) s"

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == archscape ]] || fail "Package is '$(field Package)'"
[[ $(field Version) == "$version" ]] || fail "Version is '$(field Version)', not $version"
depends=$(field Depends)
echo "Depends: $depends"
for prefix in "${expected_depends[@]}"; do
    grep -Eq "(^|, )$prefix" <<<"$depends" || fail "Depends lacks $prefix*"
done
grep -q nodejs <<<"$depends" && fail "nodejs is in Depends; it is only suggested"
grep -q nodejs <<<"$(field Suggests)" || fail "Suggests lacks nodejs"

# Every file under /usr, none under /usr/local.
outside=$(dpkg-deb -c "$deb" | awk '{print $6}' | grep -Ev '^\./(usr/)?$|^\./usr/' || true)
[[ -z $outside ]] || fail "files outside /usr: $outside"
dpkg-deb -c "$deb" | grep -q '^.* \./usr/local' && fail "files under /usr/local"

root=$work/root
dpkg-deb -x "$deb" "$root"
need_file() { [[ -f $root/$1 ]] || fail "the package lacks /$1"; }
need_file usr/bin/archscape-cli
for space in nb201 mbconv fashion_mnist; do
    need_file "usr/share/archscape/spaces/$space.json"
done
need_file usr/share/doc/archscape/README.md
need_file usr/share/doc/archscape/docs/cli.md

cli=$root/usr/bin/archscape-cli
out=$("$cli" --version) || fail "archscape-cli --version exited $?"
[[ $out == "archscape-cli $version" ]] || fail "archscape-cli --version printed '$out'"
echo "$out"
out=$("$cli" space "$root/usr/share/archscape/spaces/nb201.json") \
    || fail "archscape-cli space nb201.json exited $?"
grep -q '^size: 9445 distinct' <<<"$out" || fail "archscape-cli space nb201.json: not 9445 architectures: $out"
echo "installed archscape-cli validated the installed nb201.json"

if [[ $gui == ON ]]; then
    need_file usr/bin/archscape
    need_file usr/share/applications/archscape.desktop
    need_file usr/share/icons/hicolor/scalable/apps/archscape.svg
    desktop=$root/usr/share/applications/archscape.desktop
    grep -q '^Exec=archscape' "$desktop" || fail "the .desktop file does not run archscape"
    grep -q '^Icon=archscape$' "$desktop" || fail "the .desktop file names another icon"
    if command -v desktop-file-validate >/dev/null; then
        desktop-file-validate "$desktop" || fail "desktop-file-validate rejects the .desktop file"
    fi
    app=$root/usr/bin/archscape
    # --version needs no display: no platform plugin is asked for.
    out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$app" --version) \
        || fail "archscape --version exited $?"
    [[ $out == "archscape $version" ]] || fail "archscape --version printed '$out'"
    echo "$out"
    # The installed app opens an installed space and draws it, with no display.
    shot=$work/nb201.png
    QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$work/config \
        "$app" "$root/usr/share/archscape/spaces/nb201.json" --screenshot "$shot" >/dev/null \
        || fail "the installed archscape could not open nb201.json"
    [[ -s $shot ]] || fail "the installed archscape drew no window"
    echo "installed archscape opened the installed nb201.json"
fi

# The installed CLI loads the installed plugins (found beside its executable).
plugins=$root/usr/lib/archscape/plugins
if [[ -d $plugins ]]; then
    # Each is tried first in the probe installed beside them.
    probe=$root/usr/lib/archscape/archscape-plugin-probe
    [[ -x $probe ]] || fail "the package lacks /usr/lib/archscape/archscape-plugin-probe"
    for plugin in "$plugins"/*.so; do
        verdict=$("$probe" "$plugin") || fail "the installed probe refused $plugin: $verdict"
    done
    out=$(env -u ARCHSCAPE_PLUGIN_PATH "$cli" plugins) || fail "archscape-cli plugins exited $?: $out"
    for plugin in "$plugins"/*.so; do
        grep -F "$plugin" <<<"$out" | grep -q 'loaded' \
            || fail "the installed archscape-cli did not load $plugin: $out"
    done
    echo "installed plugins loaded: $(cd "$plugins" && ls | tr '\n' ' ')"
fi
echo "install check passed"
