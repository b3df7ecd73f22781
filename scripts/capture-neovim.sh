#!/usr/bin/env bash
# Captures what corolint-clangd looks like in Neovim 0.7 (Debian's package),
# for docs/editors.md. Neovim runs in a detached 110x30 tmux pane with a
# minimal init.lua that starts corolint-clangd for C++ buffers through the
# built-in LSP client. The script opens examples/seed_chain.cpp, waits for the
# diagnostics, opens the diagnostic float on line 30, asks for code actions,
# chooses the quick fix, and writes the three screens to
# docs/neovim-capture.txt.
#
#   bash scripts/capture-neovim.sh [path/to/corolint-clangd]
#
# The default server is build/bin/corolint-clangd. Needs tmux and nvim. For
# the docs only: not part of the test suite.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
server=${1:-$root/build/bin/corolint-clangd}
out=$root/docs/neovim-capture.txt
timeout=${COROLINT_CAPTURE_TIMEOUT:-180}

die() { echo "capture-neovim: $*" >&2; exit 1; }

[ -f "$server" ] || die "no corolint-clangd at $server (build it with scripts/build.sh, or pass its path)"
[ -x "$server" ] || die "$server is not executable"
server=$(cd "$(dirname "$server")" && pwd)/$(basename "$server")
command -v tmux >/dev/null || die "tmux is not installed (apt-get install tmux)"
command -v nvim >/dev/null || die "nvim is not installed (apt-get install neovim)"

work=$(mktemp -d)
sock=corolint-capture-$$
session=capture
tmx() { tmux -u -L "$sock" "$@"; }
cleanup() {
  tmx kill-server 2>/dev/null || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"
  rm -rf "$work"
}
trap cleanup EXIT

cp "$root/examples/seed_chain.cpp" "$work/"
printf "Checks: '-*,coro-*'\n" > "$work/.clang-tidy"
printf -- '-std=c++20\n-DASIO_HAS_CO_AWAIT=1\n' > "$work/compile_flags.txt"
mkdir -p "$work/xdg/config" "$work/xdg/data" "$work/xdg/state" "$work/xdg/cache"

cat > "$work/init.lua" <<'EOF'
-- Minimal Neovim 0.7 setup: corolint-clangd for C++ buffers, diagnostics as
-- virtual text and signs, the check name in the float.
vim.o.number = true
vim.o.signcolumn = 'yes'
vim.o.swapfile = false
vim.o.shortmess = vim.o.shortmess .. 'I'

local server = os.getenv('COROLINT_CLANGD')

vim.diagnostic.config({
  virtual_text = true,
  signs = true,
  underline = true,
  float = {
    border = 'rounded',
    format = function(d)
      local lsp = d.user_data and d.user_data.lsp or {}
      local text = d.message
      if lsp.code then text = text .. '\n[' .. lsp.code .. ']' end
      for _, info in ipairs(lsp.relatedInformation or {}) do
        local path = vim.fn.fnamemodify(vim.uri_to_fname(info.location.uri), ':t')
        local pos = info.location.range.start
        text = text .. string.format('\n%s:%d:%d: %s', path, pos.line + 1,
          pos.character + 1, info.message)
      end
      return text
    end,
  },
})

local clients = {}
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'c', 'cpp' },
  callback = function(args)
    local root = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h')
    if not clients[root] then
      clients[root] = vim.lsp.start_client({
        name = 'corolint-clangd',
        cmd = { server },
        root_dir = root,
      })
    end
    vim.lsp.buf_attach_client(args.buf, clients[root])
  end,
})
EOF

# Runs in the pane: nvim with only that init.lua, no shada, no swap files.
printf '#!/bin/sh\nexec env LANG=C.UTF-8 XDG_CONFIG_HOME=%q XDG_DATA_HOME=%q XDG_STATE_HOME=%q XDG_CACHE_HOME=%q COROLINT_CLANGD=%q nvim -u %q -i NONE -n %q\n' \
  "$work/xdg/config" "$work/xdg/data" "$work/xdg/state" "$work/xdg/cache" \
  "$server" "$work/init.lua" "$work/seed_chain.cpp" > "$work/run-nvim.sh"

capture() { tmx capture-pane -p -t "$session" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'; }

# wait_until DESCRIPTION SHELL-TEST: polls the pane until the test, run with
# the pane's text on standard input, succeeds.
wait_until() {
  local what=$1 test=$2 start=$SECONDS
  while :; do
    tmx has-session -t "$session" 2>/dev/null || die "nvim exited while waiting for $what"
    if capture | bash -c "$test"; then return 0; fi
    if (( SECONDS - start >= timeout )); then
      echo "capture-neovim: no $what within $timeout s; the pane shows:" >&2
      capture >&2
      exit 1
    fi
    sleep 0.5
  done
}

# settle: waits until the pane has not changed for a second, so that a
# capture never catches Neovim half-way through a redraw.
settle() {
  local before now start=$SECONDS
  before=$(capture)
  while :; do
    sleep 1
    now=$(capture)
    [ "$now" = "$before" ] && return 0
    (( SECONDS - start >= timeout )) && die "the pane never settled"
    before=$now
  done
}

keys() { tmx send-keys -t "$session" "$@"; }
command_line() { keys -l "$1"; keys Enter; }

begin=$SECONDS
(cd "$work" && tmx new-session -d -s "$session" -x 110 -y 30 "sh $work/run-nvim.sh")

wait_until "diagnostics" "grep -q 'Blocking sleep'"
echo "capture-neovim: diagnostics after $((SECONDS - begin)) s" >&2

# Lines 12 to 39 in view (all three warnings), the cursor on the call the
# warning on line 30 sits on; then the float, which opens above the cursor
# there, over lines without virtual text.
command_line ':12 | normal! zt'
command_line ':call cursor(30, 5)'
command_line ':lua vim.diagnostic.open_float()'
wait_until "diagnostic float" "grep -q 'Diagnostics:'"
settle
float=$(capture)

# Moving the cursor closes the float; then the code actions, which Neovim
# 0.7 shows with inputlist().
keys l
sleep 0.3
keys h
wait_until "the float to close" "! grep -q 'Diagnostics:'"
command_line ':lua vim.lsp.buf.code_action()'
wait_until "code-action menu" "grep -q 'Type number and <Enter>'"
settle
menu=$(capture)
choice=$(printf '%s\n' "$menu" | sed -n "s/^\([0-9][0-9]*\): change 'std::this_thread::sleep_for(1s)'.*/\1/p" | head -n 1)
[ -n "$choice" ] || die "no quick fix for line 30 in the menu"
keys -l "$choice"
keys Enter

# The edit, then clangd's new diagnostics: line 30 without its sign, line 31
# still warned about.
wait_until "edited buffer with new diagnostics" \
  "t=\$(cat); grep -q '^   30     co_await asio::steady_timer' <<<\"\$t\" && grep -q \"^W  31 .*Call to 'fetch_price_now'\" <<<\"\$t\""
settle
fixed=$(capture)

tmx kill-session -t "$session"
elapsed=$((SECONDS - begin))

{
  echo "$(nvim --version | head -n 1) and $("$server" --version | head -n 1)"
  echo "on examples/seed_chain.cpp, in a 110x30 terminal (tmux). Written by"
  echo "scripts/capture-neovim.sh; do not edit by hand."
  echo
  echo "== 1. The warnings as virtual text and signs; the diagnostic float on line 30 =="
  echo "== (:lua vim.diagnostic.open_float()) =="
  echo
  printf '%s\n' "$float"
  echo
  echo "== 2. The code-action menu on line 30 (:lua vim.lsp.buf.code_action()) =="
  echo
  printf '%s\n' "$menu"
  echo
  echo "== 3. After choosing the quick fix ($choice) and clangd's new diagnostics =="
  echo
  printf '%s\n' "$fixed"
} > "$out"
echo "capture-neovim: wrote $out in $elapsed s" >&2
