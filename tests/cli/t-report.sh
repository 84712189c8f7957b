#!/bin/sh
# CLI tests for `synccert table` and `synccert report`: formats, errors, and a
# small report compiled with real LaTeX whose PDF text (pdftotext) must carry
# exactly the certified digit strings of `synccert table --format csv`.
. "$(dirname "$0")/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- table: formats and known values --------------------------------------
expect_ok '\\begin\{tabular\}' table --activations relu,tanh --dims 4 --quiet
expect_ok '\\toprule' table --activations relu --dims 4 --quiet
expect_ok 'correctly rounded' table --activations relu --dims 4 --quiet
expect_ok '^tanh,0\.3942944904,0\.4644029024,14\.24813639,4,-0\.3592402844,0\.8367098523,yes$' \
    table --activations tanh --dims 4 --format csv --quiet
expect_ok '^relu,0\.5000000000,0\.5000000000,none,32,-0\.5000000000,1\.000000000,yes$' \
    table --activations relu --dims 32 --format csv --quiet
expect_ok '^gelu,.*,30\.76559237,32,0\.01890457208,--,no$' table --activations gelu --dims 32 --format csv --quiet
expect_ok '^step,0\.5000000000,inf,3\.000000000,3,undefined,undefined,undefined$' table --activations step --dims 3 --format csv --quiet
expect_ok '^leaky_relu:alpha=0\.1,' table --activations leaky_relu:alpha=0.1,relu --dims 4 --format csv --quiet
expect_ok '^erf:c=2,.*,4,-0\.4279540282,' table --activations erf:c=2 --dims 4 --format csv --quiet
expect_ok '^\| activation' table --activations relu --dims 4 --format markdown --quiet
expect_ok '^relu +0\.5000000000' table --activations relu --quantities K1,Km1 --format text --quiet
expect_ok '^relu,4,0\.125' table --activations relu --dims 4 --quantities cp --format csv --quiet
expect_ok 'Km1,v,antipodal' table --activations sin --quantities K1,dK1,Km1,v,antipodal --format csv --quiet
expect_ok 'synccert table' help table
expect_ok 'synccert report' help report
sc_run=$((sc_run + 1))
if "$SYNCCERT" table --activations relu --dims 4 --quiet -o "$tmp/t.tex" && grep -q 'booktabs' "$tmp/t.tex"; then :; else
    sc_failed=$((sc_failed + 1)); echo "FAILED: table -o FILE"; fi

# --- bad input: one line on stderr, exit 2 ---------------------------------
expect_error 2 "synccert table: unknown activation 'foo'" table --activations relu,foo
expect_error 2 'synccert table: .*dimension' table --dims 4,1
expect_error 2 'synccert table: .*dimension' table --dims 4,x
expect_error 2 "synccert table: unknown quantity 'zz'" table --quantities K1,zz
expect_error 2 'synccert table: .*twice' table --quantities K1,K1
expect_error 2 "synccert table: unknown format 'pdf'" table --format pdf
expect_error 2 "synccert table: cannot write" table --activations relu -o /nonexistent/dir/t.tex
expect_error 2 'synccert table: .*empty' table --activations ''
expect_error 2 'synccert table: --digits' table --digits 0
expect_error 2 'synccert table: .*sigma' table --sigma -1
expect_error 2 'synccert table: .*p' table --p 3 --quantities cp
expect_error 2 'synccert table: unknown option' table --bogus
expect_error 2 'synccert report: cannot create' report -o /proc/nonexistent/x --quiet
expect_error 2 'synccert report: --digits' report --digits 0
expect_error 2 'synccert report: bad report name' report --name a/b

# --- progress on stderr: --progress even when stderr is not a terminal ----
sc_run=$((sc_run + 1))
run_sc report --small --no-pdf -o "$tmp/prog" --progress
if [ "$sc_rc" -ne 0 ] || ! grep -q '^synccert report: kernel table$' "$sc_err" \
   || ! grep -q '^synccert report: section: Simulated versus certified values$' "$sc_err" \
   || ! grep -q 'LaTeX source' "$sc_out"; then
    sc_failed=$((sc_failed + 1)); echo "FAILED: report --progress (exit $sc_rc; stderr: $(head -c 300 "$sc_err"))"; fi
sc_run=$((sc_run + 1))
run_sc report --small --no-pdf -o "$tmp/prog"
if [ "$sc_rc" -ne 0 ] || [ -s "$sc_err" ]; then
    sc_failed=$((sc_failed + 1)); echo "FAILED: report without --progress writes to a non-terminal stderr"; fi

# --- a small report, compiled with real LaTeX ------------------------------
sc_run=$((sc_run + 1))
if ! command -v latexmk >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    sc_failed=$((sc_failed + 1))
    echo "FAILED: latexmk/pdftotext not installed: cannot check the PDF (sh scripts/install-deps report)"
elif ! timeout 120 "$SYNCCERT" report --small -o "$tmp/rep" --quiet >"$tmp/summary" 2>"$tmp/err" \
     || [ ! -s "$tmp/rep/synccert-report.pdf" ]; then
    sc_failed=$((sc_failed + 1))
    echo "FAILED: synccert report --small did not produce a PDF: $(cat "$tmp/err")"
else
    # the PDF text, with the typographic minus sign as '-'
    pdftotext -layout "$tmp/rep/synccert-report.pdf" - | sed 's/\xe2\x88\x92/-/g' >"$tmp/pdf.txt"
    "$SYNCCERT" table --activations relu,erf,tanh,gelu --dims 4,32 --quantities dstar,lambda,pstar \
        --format csv --quiet >"$tmp/sync.csv"
    "$SYNCCERT" table --activations relu,erf,tanh,gelu --quantities K1,dK1,Km1,v \
        --format csv --quiet >"$tmp/kern.csv"
    n=0; bad=""
    for v in $(tail -n +2 "$tmp/sync.csv" "$tmp/kern.csv" | grep -v '^==>' | cut -d, -f2- | tr ',' '\n' \
               | grep -E '^-?[0-9]+\.[0-9]+$' | sort -u); do
        n=$((n + 1))
        # the whole certified string, not a longer or shorter one
        grep -Eq -- "(^|[^0-9.])$(printf '%s' "$v" | sed 's/\./\\./g')([^0-9]|$)" "$tmp/pdf.txt" || bad="$bad $v"
    done
    if [ "$n" -lt 20 ] || [ -n "$bad" ]; then
        sc_failed=$((sc_failed + 1))
        echo "FAILED: PDF numbers: checked $n, missing from the PDF:$bad"
    fi
    # verdicts and the summary
    grep -q 'Synchronisation by common noise' "$tmp/pdf.txt" && grep -q 'Certified regions' "$tmp/pdf.txt" \
        && grep -q 'random quadratic form' "$tmp/pdf.txt" && grep -q 'PDF:' "$tmp/summary" \
        || { sc_failed=$((sc_failed + 1)); echo "FAILED: report sections or summary missing"; }
fi
finish
