#!/bin/sh
# The man pages agree with their sources: doc/synccert.1 is exactly what
# scripts/gen-man makes from `synccert help` (run `make man` after changing
# a command's help), and names every command and option; doc/synccert.3
# names only functions the headers declare and shows the README's example;
# groff reads both without a warning; every public header is usable from C++.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

t() {   # t NAME COMMAND...: one check
    sc_run=$((sc_run + 1))
    if ! "$@" >"$tmp/log" 2>&1; then
        sc_failed=$((sc_failed + 1)); echo "FAILED: $name"; head -20 "$tmp/log"
    fi
}

name="doc/synccert.1 is what scripts/gen-man prints (make man)"
sh scripts/gen-man "$SYNCCERT" >"$tmp/synccert.1"
t diff -u doc/synccert.1 "$tmp/synccert.1"

for c in $("$SYNCCERT" help | awk '/^commands:/ { f = 1; next } f && /^$/ { f = 0 } f && /^  [a-z]/ && $1 != "help" { print $1 }'); do
    name="synccert.1 has a section for '$c'"
    t grep -q "^\.SS \"synccert $c\"" doc/synccert.1
    # every option of the command's help in its section
    sed -n "/^\.SS \"synccert $c\"/,/^\.S[SH] /p" doc/synccert.1 | sed 's/\\-/-/g' >"$tmp/section"
    for o in $("$SYNCCERT" help "$c" | grep -o -- '--[a-z][-a-z]*' | sort -u); do
        name="synccert.1 section '$c' mentions $o"
        t grep -q -- "$o" "$tmp/section"
    done
done
for topic in activations output; do
    name="synccert.1 carries 'synccert help $topic'"
    "$SYNCCERT" help $topic | head -1 | cut -c1-30 >"$tmp/first"
    t sh -c "sed 's/\\\\-/-/g' doc/synccert.1 | grep -qF \"\$(cat '$tmp/first')\""
done

name="every sc_ name in synccert.3 is declared in include/synccert/"
t sh -c 'for f in $(grep -o "sc_[a-z0-9_]*" doc/synccert.3 | grep -v "_\$" | sort -u); do
             grep -qw "$f" include/synccert/*.h || { echo "undeclared: $f"; exit 1; }; done'

name="synccert(3)'s example is the README's"
sed -n '/^\.SH EXAMPLE/,/^\.fi/p' doc/synccert.3 | sed '1,2d;$d' | sed 's/\\e/\\/g' >"$tmp/ex3.c"
awk '/^## Library/ { lib = 1 } lib && /^```c$/ { f = 1; next } f && /^```$/ { exit } f' README.md >"$tmp/readme.c"
t diff -u "$tmp/readme.c" "$tmp/ex3.c"

if command -v groff >/dev/null 2>&1; then
    for page in doc/synccert.1 doc/synccert.3; do
        name="groff -ww reads $page without a warning"
        t sh -c "groff -man -Tutf8 -ww -z $page 2>&1 | (! grep .)"
    done
fi

name="every public header but the umbrella has extern \"C\""
t sh -c 'for h in include/synccert/*.h; do [ "$h" = include/synccert/synccert.h ] && continue
             grep -q "extern \"C\"" "$h" || { echo "$h"; exit 1; }; done'

finish
