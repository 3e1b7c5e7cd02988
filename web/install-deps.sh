#!/usr/bin/env bash
# Installs what the playground needs and is missing on a Debian machine: Debian packages and the
# npm packages in web/package-lock.json. Idempotent: a no-op when all is present.
#   web/install-deps.sh [build|test|bench]
#     build: compilers, Emscripten, Eigen, Catch2, Unicode data, Node (enough to build and serve)
#     test:  + Chromium and CJK fonts (browser tests), gensim and fastText (interop tests),
#            Firefox ESR, WebKitGTK's WebDriver + MiniBrowser and Xvfb (cross-browser tests),
#            clang 14 with its sanitizer runtimes and libFuzzer (tests/sanitize.sh, tests/fuzz.sh),
#            Jekyll and its minima theme (the embed docs' Jekyll path, tests/browser/jekyll.test.mjs)
#     bench: + fastText and the GCIDE dictionary (benchmark peers and corpus)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
profile="${1:-build}"

debian_packages=(cmake g++ make python3 nodejs npm emscripten libeigen3-dev catch2 unicode-data)
case "$profile" in
  build) ;;
  test) debian_packages+=(chromium fonts-noto-cjk python3-gensim fasttext firefox-esr webkit2gtk-driver xvfb xauth
                          clang-14 libclang-rt-14-dev libfuzzer-14-dev jekyll jekyll-theme-minima) ;;
  bench) debian_packages+=(chromium fonts-noto-cjk python3-gensim fasttext dict-gcide) ;;
  *) echo "install-deps: unknown profile '$profile' (expected build, test or bench)" >&2; exit 2 ;;
esac

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A node/npm from elsewhere on PATH is fine; only install Debian's when none is there.
if command -v node >/dev/null && command -v npm >/dev/null; then
  kept=()
  for p in "${missing[@]}"; do [ "$p" = nodejs ] || [ "$p" = npm ] || kept+=("$p"); done
  missing=("${kept[@]+"${kept[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages, reinstalled only when the lock file changed.
stamp="$root/web/node_modules/.installed-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$root/web/package-lock.json" "$stamp"; then
  echo "install-deps: installing npm packages (web/package-lock.json)"
  (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$root/web/package-lock.json" "$stamp"
fi
