-- Drives corolint-clangd through Neovim's own LSP client, as a user would:
-- open the file, wait for the diagnostics, put the cursor on the warning on
-- line $COROLINT_LINE,
-- ask for code actions (vim.lsp.buf.code_action), choose the quick fix whose
-- title starts with $COROLINT_PICK in the menu (vim.ui.select), let the client
-- apply it, and write the buffer. What happened goes to $COROLINT_OUT:
--   diagnostic L:C <source> [<code>] <message>   (as Neovim stores them)
--   menu <title>                                 (the code-action menu)
--   chose <title>
--   line <text>                                  (the buffer after the edit)
-- Exits 0 when the fix was applied and written, 1 otherwise.
local server = os.getenv("COROLINT_CLANGD")
local file = os.getenv("COROLINT_FILE")
local pick = os.getenv("COROLINT_PICK")
local line = tonumber(os.getenv("COROLINT_LINE"))
local out = assert(io.open(os.getenv("COROLINT_OUT"), "w"))

local function finish(code)
  out:close()
  vim.cmd((code == 0 and "qall!" or "cquit! " .. code))
end

local function fail(msg)
  out:write("error " .. msg .. "\n")
  finish(1)
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  cmd = { server },
  root_dir = vim.fn.fnamemodify(file, ":h"),
  name = "corolint-clangd",
})
if not client_id then return fail("could not start " .. server) end
vim.lsp.buf_attach_client(bufnr, client_id)

local function coro_diagnostics()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.user_data and d.user_data.lsp and d.user_data.lsp.code
    if type(code) == "string" and code:find("^coro%-") then
      table.insert(found, { d = d, code = code })
    end
  end
  return found
end

-- Waits are for events; the bounds only keep a hung server from hanging the
-- test, and are generous for a machine under load.
if not vim.wait(600000, function() return #coro_diagnostics() > 0 end, 100) then
  return fail("no coro-* diagnostics within 600 s")
end
local diagnostics = coro_diagnostics()
table.sort(diagnostics, function(a, b) return a.d.lnum < b.d.lnum end)
for _, e in ipairs(diagnostics) do
  out:write(string.format("diagnostic %d:%d %s [%s] %s\n", e.d.lnum + 1, e.d.col + 1,
    e.d.source or "", e.code, e.d.message))
end

local target
for _, e in ipairs(diagnostics) do
  if e.d.lnum + 1 == line then target = e.d break end
end
if not target then return fail("no coro-* diagnostic on line " .. line) end
vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })

local chosen = false
local menu_shown = false
vim.ui.select = function(items, opts, on_choice)
  menu_shown = true
  for _, item in ipairs(items) do
    local title = opts.format_item and opts.format_item(item) or tostring(item)
    out:write("menu " .. title .. "\n")
  end
  for i, item in ipairs(items) do
    local title = opts.format_item and opts.format_item(item) or tostring(item)
    if title:sub(1, #pick) == pick then
      out:write("chose " .. title .. "\n")
      chosen = true
      return on_choice(item, i)
    end
  end
  on_choice(nil, nil)
end

local before = vim.api.nvim_buf_get_changedtick(bufnr)
vim.lsp.buf.code_action({ only = { "quickfix" } })
if not vim.wait(600000, function()
  return vim.api.nvim_buf_get_changedtick(bufnr) ~= before or (menu_shown and not chosen)
end, 100) or not chosen then
  return fail(chosen and "the chosen fix did not change the buffer" or "no menu entry starts with " .. pick)
end
vim.cmd("silent write")
for _, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
  out:write("line " .. line .. "\n")
end
vim.lsp.stop_client(client_id)
finish(0)
