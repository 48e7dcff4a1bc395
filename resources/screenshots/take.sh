#!/bin/bash
# Retakes every screenshot the README shows, with the application itself
# (headway --screenshot), offscreen and with throwaway settings, so nothing of
# the user's (recent repositories, preferences, the demo copy) is read or
# changed. Run from the source tree after building:
#     resources/screenshots/take.sh [BUILD_DIR]
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
gui=$build/app/gui/headway
cli=$build/app/cli/headway-cli
gen=$build/tests/support/headway-gen-history
work=$(mktemp -d "${TMPDIR:-/tmp}/headway-screenshots-XXXXXX")
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache

# A database for `current` to read (the generated alembic.ini names none): at base.
with_database() {
    sed -i 's|^script_location = .*|&\nsqlalchemy.url = sqlite:///%(here)s/app.db|' "$1/alembic.ini"
}

shot() {
    local file=$1
    shift
    "$gui" --screenshot "$here/$file" "$@"
    echo "$file"
}

# The demo: the fork's migration selected, with its origin and source.
shot demo.png --demo --select b3a83eea3022
shot test-upgrade.png --demo --run test-upgrade
shot rehearsal.png --demo --run rehearse
shot preview-merge.png --demo --run preview-merge

# A long history, collapsed, with the Overview dock: 600 revisions, 54 merges.
"$gen" --seed 41 --revisions 600 --branch-chance 0.14 --merge-chance 0.16 --flask-bodies --out "$work/long" > /dev/null
with_database "$work/long"
shot long-history.png "$work/long"

# The start page with two recent repositories, one of them gone.
demo=$("$cli" demo --path "$work/recent-demo")
mkdir -p "$XDG_CONFIG_HOME/Headway"
printf '[General]\nrecentRepositories=%s, %s\n' "$demo" "$work/gone" > "$XDG_CONFIG_HOME/Headway/Headway.conf"
shot start-page.png --start-page
