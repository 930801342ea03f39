#!/usr/bin/env bash
# The installed layout: `cmake --install` into a temporary prefix, the prefix then moved
# elsewhere (as a package or a copy places it), run from another folder with no DEFCOOP_*
# variables set. defcoop must find its own data and dashboard, its binary must name no
# path of the source tree, and the man page and bash completion must work.
#   installed_layout.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "installed_layout: $*" >&2
  exit 1
}

cmake --install "$build" --prefix "$tmp/staged" >/dev/null
mv "$tmp/staged" "$tmp/moved"
prefix=$tmp/moved
defcoop=$prefix/bin/defcoop
unset DEFCOOP_DB DEFCOOP_DATA DEFCOOP_WEB
cd /

for file in bin/defcoop share/defcoop/data/claims.csv share/defcoop/data/sources.json \
  share/man/man1/defcoop.1 share/bash-completion/completions/defcoop; do
  [ -e "$prefix/$file" ] || fail "the installation has no $file"
done
if [ -d "$source_dir/web/dist" ]; then
  [ -f "$prefix/share/defcoop/web/index.html" ] || fail "the dashboard was not installed"
fi

# The data and the dashboard are the installation's own.
out=$("$defcoop" --db "$tmp/store.db" init)
[[ $out == *"from $prefix/share/defcoop/data:"* ]] || fail "init read another folder: $out"
"$defcoop" validate | grep -qF "$prefix/share/defcoop/data: valid" || fail "validate: wrong folder"
"$defcoop" --db "$tmp/store.db" claims --format json >/dev/null || fail "claims on the new store"
"$defcoop" serve --help | grep -qF "$prefix/share/defcoop/web" || fail "serve's default --web"
if grep -qaF -e "$source_dir/data" -e "$source_dir/web" "$defcoop"; then
  fail "the binary names a folder of the source tree"
fi
# The environment overrides the installation.
DEFCOOP_DATA=$source_dir/data "$defcoop" validate | grep -qF "$source_dir/data: valid" ||
  fail "DEFCOOP_DATA was ignored"

# The man page renders without warnings and documents the commands and the environment.
# (grotty writes bold and underline as overstrikes: X\bX, _\bX)
man_text=$(groff -man -Tutf8 -ww "$prefix/share/man/man1/defcoop.1" 2>"$tmp/groff.err" | sed "s/.\x08//g")
[ ! -s "$tmp/groff.err" ] || fail "groff warns: $(cat "$tmp/groff.err")"
for word in suppliers claims DEFCOOP_DATA --years; do
  [[ $man_text == *"$word"* ]] || fail "the man page lacks $word"
done

# The completion script completes commands, their options, choices and nested commands.
# shellcheck disable=SC1091
source "$prefix/share/bash-completion/completions/defcoop"
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _defcoop
  echo " ${COMPREPLY[*]} "
}
[[ $(complete_words defcoop sup) == *" suppliers "* ]] || fail "completion: commands"
[[ $(complete_words defcoop suppliers --ye) == *" --years "* ]] || fail "completion: options"
[[ $(complete_words defcoop --format c) == " csv " ]] || fail "completion: --format values"
[[ $(complete_words defcoop import s) == " sipri " ]] || fail "completion: import sources"
echo "installed_layout: ok ($prefix)"
