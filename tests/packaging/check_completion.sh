#!/usr/bin/env bash
# The bash completion of headway-cli, driven the way bash drives it: source the
# script, set COMP_WORDS / COMP_CWORD, call the function, read COMPREPLY.
#   check_completion.sh HEADWAY_CLI COMPLETION_FILE DEMO_REPOSITORY
set -uo pipefail

cli=$1
completion=$2
demo=$(cd "$3" && pwd)
# shellcheck source=/dev/null
source "$completion"
passed=0
failed=0

# Completes the last word of the line; prints the candidates, one a line, sorted.
complete_words()
{
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="${COMP_WORDS[*]}"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _headway_cli
    ((${#COMPREPLY[@]})) && printf '%s\n' "${COMPREPLY[@]}" | sort -u
}

# expect WHAT "WANTED WORDS" "UNWANTED WORDS" -- WORDS...
expect()
{
    local what=$1 wanted=$2 unwanted=$3 word
    shift 4
    local got
    got=$(complete_words "$@")
    local problems=""
    for word in $wanted; do
        grep -qxF -- "$word" <<<"$got" || problems+=" missing '$word';"
    done
    for word in $unwanted; do
        grep -qxF -- "$word" <<<"$got" && problems+=" unexpected '$word';"
    done
    if [[ -n $problems ]]; then
        echo "FAIL: $what ($*):$problems got: $(tr '\n' ' ' <<<"$got")"
        ((failed++))
    else
        ((passed++))
    fi
}

# The demo's revision ids, read from its files (not from headway-cli).
ids=$(sed -n "s/^revision = ['\"]\([0-9a-f]*\)['\"].*/\1/p" "$demo"/migrations/versions/*.py | sort)
[[ $(wc -l <<<"$ids") -eq 5 ]] || { echo "FAIL: the demo should have 5 revisions, found: $ids"; exit 1; }
first=$(head -n1 <<<"$ids")

expect "commands" "heads history show check conflicts preview-merge custom-migrations test-upgrade help" "__complete" \
    -- "$cli" ""
expect "commands by prefix" "heads help" "history show" -- "$cli" "he"
expect "global options" "--help --version" "--json" -- "$cli" "--"
expect "options of heads" "--json --verbose -v --resolve-dependencies --help" "--sql --format" -- "$cli" heads "-"
expect "options of upgrade" "--sql --no-backup --python --flask-app --env --timeout --dry-run" "--onto" -- "$cli" upgrade "--"
expect "options of rebase" "--onto --yes --dry-run" "-y --json" -- "$cli" rebase "--"
expect "check --format values" "text json github junit sarif" "dot" -- "$cli" check --format ""
expect "check --format=values" "text json github junit sarif" "dot" -- "$cli" check --format = ""
expect "graph --format values" "json dot" "sarif" -- "$cli" graph --format ""
expect "test-upgrade --engine values" "sqlite postgresql mariadb" "" -- "$cli" test-upgrade --engine ""
expect "commands after help" "heads preview-merge" "help" -- "$cli" help ""

# Revisions: of the repository named on the line, else of the current directory.
expect "heads of a named repository" "$ids" "head base" -- "$cli" conflicts "$demo" ""
expect "a revision by prefix" "$first" "$(grep -vx "$first" <<<"$ids")" -- "$cli" conflicts "$demo" "${first:0:3}"
cd "$demo" || exit 1
expect "REV in the current directory" "$ids head heads base" "" -- "$cli" show ""
expect "REV after an option" "$ids" "" -- "$cli" show --json ""
expect "REV after an option's value" "$ids" "" -- "$cli" downgrade --timeout 30 ""
expect "rebase --onto a revision" "$ids" "" -- "$cli" rebase "$first" --onto ""
expect "the repository argument" "migrations tools" "$first" -- "$cli" history ""
cd - >/dev/null || exit 1

# Every option the parser of each command has is offered.
for command in $("$cli" __complete commands); do
    [[ $command == help ]] && continue
    options=$("$cli" __complete options "$command" | cut -f1 | tr '\n' ' ')
    expect "every option of $command" "$options" "" -- "$cli" "$command" "-"
done

echo "$passed passed, $failed failed"
((failed == 0))
