#!/usr/bin/env bash
# Serves the playground: installs and builds what is missing, then serves dist/ on localhost.
#   PORT=8080 HOST=127.0.0.1 web/serve.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/web/build.sh"
exec node "$root/web/serve.mjs" "$root/dist"
