#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a working Headway:
#   packaging/bootstrap.sh run    install what is missing, build, open Headway on the demo
#   packaging/bootstrap.sh test   install what is missing, build, run the whole test suite
# Idempotent: packages already present are not reinstalled, builds are incremental.
set -euo pipefail

mode="${1:-run}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${HEADWAY_BUILD_DIR:-$here/build}"
jobs="$(nproc)"

packages=(
    build-essential cmake pkg-config git
    qt6-base-dev qt6-svg-dev libgl-dev
    libgraphviz-dev graphviz
    python3 python3-alembic python3-flask-migrate python3-flask-sqlalchemy python3-pytest
    xvfb xauth
)
if [ "$mode" = test ]; then
    packages+=(clang libclang-rt-14-dev)
    # Test upgrades on real engines: the tests start throwaway servers from these themselves.
    packages+=(postgresql mariadb-server python3-psycopg2 python3-pymysql)
    packages+=(locales) # the layout test runs under a decimal-comma locale
    # The package test: cpack's .deb (dpkg-shlibdeps), lintian, the desktop and AppStream validators.
    packages+=(dpkg-dev lintian desktop-file-utils appstream)
fi

install_missing() {
    local missing=()
    for package in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "bootstrap: all packages present"
        return
    fi
    echo "bootstrap: installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Graphviz must read numbers the same under a locale whose decimal separator is a
# comma; the layout test checks that under this one, so generate it if it is missing.
comma_locale=de_DE.UTF-8
ensure_comma_locale() {
    if locale -a 2>/dev/null | grep -ix "${comma_locale%%.*}\.utf-\?8" >/dev/null; then # listed as de_DE.utf8
        return
    fi
    echo "bootstrap: generating the $comma_locale locale"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    if grep -q "^# *$comma_locale UTF-8" /etc/locale.gen 2>/dev/null; then
        "${sudo[@]}" sed -i "s/^# *\($comma_locale UTF-8\)/\1/" /etc/locale.gen
    elif ! grep -q "^$comma_locale UTF-8" /etc/locale.gen 2>/dev/null; then
        echo "$comma_locale UTF-8" | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
    fi
    "${sudo[@]}" locale-gen
}

configure_and_build() {
    cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
    cmake --build "$build" --parallel "$jobs"
}

# The parser's libFuzzer target needs clang; its bounded run is one of the CTest tests.
build_fuzzer() {
    local fuzz_build="$build-fuzz"
    CXX=clang++ cmake -S "$here" -B "$fuzz_build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DHEADWAY_FUZZ=ON -DHEADWAY_BUILD_TESTS=OFF -DHEADWAY_BUILD_GUI=OFF >/dev/null
    cmake --build "$fuzz_build" --parallel "$jobs" --target fuzz_migration_parser
    fuzzer="$fuzz_build/tests/fuzz/fuzz_migration_parser"
}

# Every test once more under AddressSanitizer and UndefinedBehaviorSanitizer, the GUI's
# on the offscreen platform. LeakSanitizer skips only what tests/sanitizer/lsan.supp
# names: third-party libraries' process-lifetime allocations, never Headway's.
# Sanitized code runs several times slower, so QtTest's per-function watchdog gets the
# time CTest gives a whole test. The package is made from the release build only.
run_sanitized_tests() {
    local asan_build="$build-asan" started=$SECONDS
    cmake -S "$here" -B "$asan_build" -DCMAKE_BUILD_TYPE=Debug -DHEADWAY_SANITIZE=ON -DHEADWAY_BUILD_GUI=ON >/dev/null
    cmake --build "$asan_build" --parallel "$jobs"
    (cd "$asan_build" && QT_QPA_PLATFORM=offscreen QTEST_FUNCTION_TIMEOUT=900000 \
        UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        LSAN_OPTIONS="suppressions=$here/tests/sanitizer/lsan.supp" \
        ctest --output-on-failure --timeout 1200 -j "$jobs" -LE packaging)
    echo "bootstrap: sanitized build and tests took $(( (SECONDS - started) / 60 )) min"
}

install_missing
case "$mode" in
run)
    configure_and_build
    gui="$build/app/gui/headway"
    if [ -x "$gui" ]; then
        if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
            echo "bootstrap: no display; starting Headway under Xvfb (use a desktop session to see it)"
            exec xvfb-run -a "$gui" --demo
        fi
        exec "$gui" --demo
    fi
    cli="$build/app/cli/headway-cli"
    demo="$("$cli" demo)"
    echo "== Headway on the bundled demo ($demo)"
    "$cli" history "$demo"
    "$cli" check "$demo" || true
    ;;
test)
    ensure_comma_locale
    export HEADWAY_COMMA_LOCALE="$comma_locale" # the test fails instead of skipping without it
    export HEADWAY_REQUIRE_SERVERS=1 # so do the tests on throwaway PostgreSQL and MariaDB servers
    export HEADWAY_REQUIRE_PACKAGING=1 # and the package test without lintian and the validators
    build_fuzzer
    run_sanitized_tests
    configure_and_build -DHEADWAY_FUZZER="$fuzzer"
    cd "$build"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 1200 -j "$jobs"
    ;;
*)
    echo "usage: $0 run|test" >&2
    exit 64
    ;;
esac
