#!/usr/bin/env bash
# Executes the notebooks headless, as CI does, and fails if any cell fails or a chart is missing.
#
#   bash notebooks/run.sh [--build]
#
# Needs: Node 20 and the root `npm ci` (vega, vega-lite); Debian's jupyter-nbconvert
# (apt-get install -y --no-install-recommends jupyter-nbconvert) for /usr/bin/jupyter.
# Builds the project (tsc) if dist/ is missing, or always with --build.
# Writes everything under notebooks/out/ (gitignored): the runs, the executed notebooks (.ipynb
# and .html) and the scripts that were type-checked.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$here/out"
cd "$root"

# Seconds a notebook may take in all, and one cell (the kernel starts in ~2 s; cells take < 1 s).
NOTEBOOK_TIMEOUT_S="${NOTEBOOK_TIMEOUT_S:-300}"
CELL_TIMEOUT_S="${CELL_TIMEOUT_S:-120}"

step() { printf '\n== %s\n' "$*"; }

step "tools"
if [ ! -x /usr/bin/jupyter ] || ! /usr/bin/jupyter nbconvert --version >/dev/null 2>&1; then
  echo "notebooks/run.sh: /usr/bin/jupyter nbconvert is missing; install Debian's package:" >&2
  echo "  apt-get install -y --no-install-recommends jupyter-nbconvert" >&2
  exit 2
fi
if [ ! -d "$root/node_modules/vega" ] || [ ! -d "$root/node_modules/vega-lite" ]; then
  echo "notebooks/run.sh: vega and vega-lite are not installed; run 'npm ci' at the repository root first" >&2
  exit 2
fi
# The Python notebook runs on Debian's python3 (not a pyenv or venv python on PATH), with Debian's
# pandas, matplotlib and ipykernel.
if ! /usr/bin/python3 -c 'import pandas, matplotlib, ipykernel' 2>/dev/null; then
  echo "notebooks/run.sh: Debian's python3 lacks pandas, matplotlib or ipykernel; install them:" >&2
  echo "  apt-get install -y --no-install-recommends python3-pandas python3-matplotlib python3-ipykernel" >&2
  exit 2
fi
echo "jupyter nbconvert $(/usr/bin/jupyter nbconvert --version), node $(node --version), $(/usr/bin/python3 -c 'import sys, pandas, matplotlib; print(f"python {sys.version.split()[0]}, pandas {pandas.__version__}, matplotlib {matplotlib.__version__}")')"

step "notebook tooling: npm ci --prefix notebooks"
npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
# Deno's binary comes in a per-platform package (see README.md): linux x64 glibc here.
export PATH="$here/node_modules/@deno/linux-x64-glibc:$PATH"
if ! command -v deno >/dev/null; then
  echo "notebooks/run.sh: no deno: npm installs the binary for linux x64 (glibc) only; elsewhere install Deno 2.9.6 and put it on PATH" >&2
  exit 2
fi
echo "$(command -v deno): $(deno --version | head -1)"

if [ "${1:-}" = "--build" ] || [ ! -f dist/cli/main.js ] || [ ! -f dist/load/index.js ]; then
  step "build: npx tsc -p tsconfig.json"
  npx tsc -p tsconfig.json
fi

# Jupyter: the committed Deno kernelspec, and no user configuration or runtime files of the
# machine's user in the way.
export JUPYTER_PATH="$here/jupyter"
export JUPYTER_CONFIG_DIR="$out/jupyter/config"
export JUPYTER_RUNTIME_DIR="$out/jupyter/runtime"
export JUPYTER_DATA_DIR="$out/jupyter/data"
export NO_COLOR=1
rm -rf "$out/jupyter" "$out/check" "$out/executed"
mkdir -p "$out/runs" "$out/check" "$out/executed" "$JUPYTER_CONFIG_DIR" "$JUPYTER_RUNTIME_DIR" "$JUPYTER_DATA_DIR"

step "runs: gde-baseline and no-programme, 3 replications each, same base seed (paired), and lesim compare of the two"
for scenario in gde-baseline no-programme; do
  node dist/cli/main.js run "$scenario" --reps 3 --seed 1 --out "$out/runs/$scenario" --force --no-events 2>&1 | tail -1
done
# The same two scenarios through lesim compare, same seed: the Python notebook checks its signs against it.
node dist/cli/main.js compare gde-baseline no-programme --reps 3 --seed 1 --out "$out/runs/compare" --force 2>&1 | tail -1
export LESIM_RUN="$out/runs/gde-baseline"
export LESIM_BASELINE="$out/runs/gde-baseline"
export LESIM_COMPARE="$out/runs/no-programme"
export LESIM_COMPARISON="$out/runs/compare"

step "committed notebooks match their sources"
node "$here/build.mjs" --check

notebooks=()
for nb in "$here"/[0-9][0-9]-*.ipynb; do notebooks+=("$(basename "$nb" .ipynb)"); done
echo "${#notebooks[@]} notebooks: ${notebooks[*]}"
# The kernel of each notebook, from its metadata: deno (TypeScript) or python3 (Debian's python).
kernel_of() { node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).metadata.kernelspec.name)' "$here/$1.ipynb"; }

step "type-check: nbconvert --to script, then deno check"
# The scripts sit in out/check; lib/ is linked beside them so their imports resolve as in the
# notebooks' folder, and deno finds notebooks/deno.json above them.
ln -s ../../lib "$out/check/lib"
for name in "${notebooks[@]}"; do
  /usr/bin/jupyter nbconvert --log-level=ERROR --to script "$here/$name.ipynb" --output-dir "$out/check"
done
scripts=()
for name in "${notebooks[@]}"; do
  if [ "$(kernel_of "$name")" = deno ]; then scripts+=("out/check/$name.ts"); else /usr/bin/python3 -m py_compile "$out/check/$name.py"; fi
done
(cd "$here" && deno check "${scripts[@]}")

step "execute each notebook (timeout ${NOTEBOOK_TIMEOUT_S} s per notebook, ${CELL_TIMEOUT_S} s per cell)"
passed=0
failed=0
for name in "${notebooks[@]}"; do
  start=$(date +%s)
  if (cd "$here" && timeout "$NOTEBOOK_TIMEOUT_S" /usr/bin/jupyter nbconvert --log-level=WARN --to notebook --execute \
    --ExecutePreprocessor.timeout="$CELL_TIMEOUT_S" --ExecutePreprocessor.kernel_name="$(kernel_of "$name")" \
    "$name.ipynb" --output-dir "$out/executed" --output "$name.ipynb" 2>"$out/executed/$name.log") &&
    node "$here/check-outputs.mjs" "$out/executed/$name.ipynb"; then
    /usr/bin/jupyter nbconvert --log-level=ERROR --to html "$out/executed/$name.ipynb" --output-dir "$out/executed"
    echo "ok   $name ($(($(date +%s) - start)) s)"
    passed=$((passed + 1))
  else
    echo "FAIL $name ($(($(date +%s) - start)) s); the kernel's log, $out/executed/$name.log:"
    grep -v -e 'is unstable' "$out/executed/$name.log" | tail -30 | sed 's/^/  /'
    failed=$((failed + 1))
  fi
done

echo
echo "Executed notebooks in $out/executed/ (.ipynb and .html)."
echo "notebooks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
