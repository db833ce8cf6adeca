-- End-to-end test of the httpcodes Neovim plugin against a real `httpcodes
-- serve`. Run by test.sh as
--
--   nvim --headless --clean -n -u test/e2e.lua handlers.go
--
-- in a copy of test/testdata, with HTTPCODES_BIN (the binary), HTTPCODES_PLUGIN
-- (editors/nvim) and optionally HTTPCODES_EXTRA_RTP (the tree-sitter parsers
-- of an extracted Neovim). Every wait is bounded; the exit status is the
-- number of failed checks (0 when all pass, 99 on a timeout).
local uv = vim.loop
local env = vim.env

local plugin, bin, work = env.HTTPCODES_PLUGIN, env.HTTPCODES_BIN, env.HTTPCODES_WORK
if not plugin or not bin or not work then
  io.stderr:write('e2e.lua: set HTTPCODES_PLUGIN, HTTPCODES_BIN and HTTPCODES_WORK\n')
  vim.cmd('cquit 98')
end

vim.opt.runtimepath:prepend(plugin)
if env.HTTPCODES_EXTRA_RTP and env.HTTPCODES_EXTRA_RTP ~= '' then
  vim.opt.runtimepath:append(env.HTTPCODES_EXTRA_RTP)
end
vim.o.showmode = false
vim.opt.shortmess:append('c')
vim.o.completeopt = 'menu,menuone,noselect'
vim.o.columns = 120
vim.o.lines = 40

-- The whole run has a deadline, whatever hangs.
local watchdog = uv.new_timer()
watchdog:start(tonumber(env.HTTPCODES_TEST_TIMEOUT_MS or '60000'), 0, function()
  io.stdout:write('not ok - the test did not finish in time\n')
  io.stdout:flush()
  os.exit(99)
end)

local failures = {}
local function out(s)
  io.stdout:write(s .. '\n')
  io.stdout:flush()
end
local function check(cond, name, detail)
  if cond then
    out('ok - ' .. name)
  else
    failures[#failures + 1] = name
    out('not ok - ' .. name .. (detail and ('\n    ' .. tostring(detail):gsub('\n', '\n    ')) or ''))
  end
  return cond
end
local function eq(got, want, name)
  return check(vim.deep_equal(got, want), name, 'got:  ' .. vim.inspect(got) .. '\nwant: ' .. vim.inspect(want))
end
local function contains(text, needle, name)
  return check(type(text) == 'string' and text:find(needle, 1, true) ~= nil, name,
    string.format('%q not found in:\n%s', needle, tostring(text)))
end

-- Any use of an API this Neovim deprecates is a failure.
local deprecated = {}
if vim.deprecate then
  local orig = vim.deprecate
  vim.deprecate = function(name, ...)
    deprecated[#deprecated + 1] = name
    return orig(name, ...)
  end
end

-- Notifications are kept so error messages can be checked.
local notes = {}
vim.notify = function(msg, level)
  notes[#notes + 1] = { msg = msg, level = level }
end

local nvim_version = vim.version()
local version = string.format('%d.%d.%d', nvim_version.major, nvim_version.minor, nvim_version.patch)
local has = function(v)
  return vim.fn.has('nvim-' .. v) == 1
end

-- The plugin, configured through its own setup{}: settings the server must
-- honour (hover "full", prefer-constant raised to a warning).
require('httpcodes').setup({
  cmd = { bin, 'serve' },
  settings = {
    hover = 'full',
    rules = { ['prefer-constant'] = 'warning' },
  },
})

local call = require('httpcodes').call

local function buf_text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
end

local function client_of(buf)
  return require('httpcodes').clients(buf)[1]
end

local function diags(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    list[#list + 1] = { d.lnum, d.col, code, d.severity }
  end
  table.sort(list, function(a, b)
    return a[1] < b[1]
  end)
  return list
end

local S = vim.diagnostic.severity
local steps = {}
local function step(name, fn)
  steps[#steps + 1] = { name = name, fn = fn }
end

local buf, client

step('plugin and client', function()
  buf = vim.api.nvim_get_current_buf()
  check(vim.g.loaded_httpcodes == true, 'plugin/httpcodes.lua was sourced')
  check(vim.fn.exists(':HttpCodes') == 2, ':HttpCodes exists')
  eq(vim.bo[buf].filetype, 'go', 'the fixture is a Go buffer')
  vim.wait(10000, function()
    return client_of(buf) ~= nil and client_of(buf).initialized ~= false
  end, 20)
  client = client_of(buf)
  if not check(client ~= nil, 'an httpcodes client attached to the buffer') then
    return false
  end
  eq(client.name, 'httpcodes', 'client name')
  if has('0.11') then
    local cfg = vim.lsp.config.httpcodes
    eq(cfg and cfg.cmd, { bin, 'serve' }, 'setup{} configured vim.lsp.config.httpcodes (Neovim 0.11+)')
    check(vim.lsp.is_enabled == nil or vim.lsp.is_enabled('httpcodes'), 'vim.lsp.enable("httpcodes") ran')
  else
    local go = vim.tbl_filter(function(a)
      return a.pattern == 'go'
    end, vim.api.nvim_get_autocmds({ group = 'httpcodes', event = 'FileType' }))
    eq(#go, 1, 'setup{} added the FileType autocommand for go (Neovim < 0.11)')
  end
  eq(client.config.cmd, { bin, 'serve' }, 'client cmd comes from setup{}')
  eq(vim.fn.resolve(client.config.root_dir), vim.fn.resolve(work), 'root_dir is the directory with .httpcodes.yaml')
  eq(vim.bo[buf].omnifunc, 'v:lua.vim.lsp.omnifunc', 'omnifunc is the LSP omnifunc')
  -- The server takes UTF-8 when the client offers it (Neovim 0.11+), and
  -- falls back to UTF-16.
  local caps = vim.lsp.protocol.make_client_capabilities()
  local offered = (caps.general and caps.general.positionEncodings) or {}
  local expect_enc = vim.tbl_contains(offered, 'utf-8') and 'utf-8' or 'utf-16'
  eq(client.offset_encoding, expect_enc, 'position encoding negotiated (offered: ' .. table.concat(offered, ', ') .. ')')
end)

step('setup{} rejects bad options', function()
  local h = require('httpcodes')
  local before = h.options
  for _, case in ipairs({
    { { settings = { hover = 'long' } }, 'settings.hover = "long": use "short" or "full"' },
    { { settings = { rules = { ['prefer-constant'] = 'loud' } } }, 'rules["prefer-constant"] = "loud"' },
    { { settings = { inlayHint = {} } }, 'settings.inlayHint is not a setting' },
    { { settings = { completion = { insert = 'name' } } }, 'completion.insert = "name"' },
    { { explain = { window = 'popup' } }, 'explain.window = "popup"' },
    { { cmd = 'httpcodes serve' }, 'cmd must be a table, not string' },
  }) do
    local ok, err = pcall(h.setup, case[1])
    check(not ok and tostring(err):find(case[2], 1, true) ~= nil, 'setup{} error: ' .. case[2], err)
  end
  check(h.options == before, 'a rejected setup{} changes nothing')
end)

-- Line numbers below are 0-based; columns are bytes (vim.diagnostic's own).
-- `httpcodes check --fail-on hint test/testdata` reports 11:31, 15:16, 19:25.
step('diagnostics', function()
  local want = {
    { 10, 30, 'redirect-status', S.ERROR },
    { 14, 15, 'prefer-constant', S.WARN },
    { 18, 24, 'prefer-constant', S.WARN },
  }
  vim.wait(10000, function()
    return #vim.diagnostic.get(buf) >= 3
  end, 20)
  eq(diags(buf), want, 'diagnostics: rules, lines, byte columns, severities (prefer-constant raised by settings)')
  local msgs = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    msgs[d.lnum] = d.message
  end
  contains(msgs[14], '201 is 201 Created; write http.StatusCreated', 'prefer-constant message')
  contains(msgs[10], 'http.Redirect with 200 OK', 'redirect-status message')
end)

step('hover request', function()
  vim.api.nvim_win_set_cursor(0, { 7, 22 }) -- inside StatusMultiStatus
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local replies = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 5000) or {}
  local r = replies[client.id]
  local value = r and r.result and r.result.contents and r.result.contents.value
  contains(value, 'Multi-Status', 'hover names the code')
  contains(value, 'RFC 4918', 'hover cites the source')
  contains(value, 'When to Use', 'hover is the full page (settings.hover = "full")')
end)

step('hover float', function()
  vim.api.nvim_win_set_cursor(0, { 7, 22 })
  local before = vim.api.nvim_get_current_win()
  vim.lsp.buf.hover()
  local float
  vim.wait(5000, function()
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(w).relative ~= '' then
        float = w
        return true
      end
    end
    return false
  end, 20)
  if check(float ~= nil, 'hover opened a floating window') then
    local text = buf_text(vim.api.nvim_win_get_buf(float))
    contains(text, 'Multi-Status', 'the float shows Multi-Status')
    contains(text, 'multistatus', 'the float shows the page body')
    vim.api.nvim_win_close(float, true)
  end
  vim.api.nvim_set_current_win(before)
end)

step('inlay hints', function()
  local last = vim.api.nvim_buf_line_count(buf)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = last, character = 0 } },
  }
  local replies = vim.lsp.buf_request_sync(buf, 'textDocument/inlayHint', params, 5000) or {}
  local r = replies[client.id]
  local got = {}
  for _, h in ipairs((r and r.result) or {}) do
    local label = h.label
    if type(label) == 'table' then
      label = table.concat(vim.tbl_map(function(p)
        return p.value
      end, label))
    end
    got[#got + 1] = { h.position.line, h.position.character, label }
  end
  table.sort(got, function(a, b)
    return a[1] < b[1]
  end)
  -- "gône" is 5 bytes but 4 UTF-16 units, so the last column depends on the
  -- negotiated encoding.
  local gone_col = client.offset_encoding == 'utf-8' and 27 or 26
  eq(got, {
    { 6, 37, '207' },
    { 10, 43, '200' },
    { 14, 18, 'Created' },
    { 18, gone_col, 'Gone' },
  }, 'inlay hint request: positions and labels')

  if not has('0.10') then
    check(vim.lsp.inlay_hint == nil, 'Neovim ' .. version .. ' has no inlay hint display (request checked only)')
    return
  end
  check(vim.lsp.inlay_hint.is_enabled({ bufnr = buf }), 'the plugin enabled inlay hints for the buffer')
  local ns
  for name, id in pairs(vim.api.nvim_get_namespaces()) do
    if name:find('inlayhint', 1, true) or name:find('inlay_hint', 1, true) then
      ns = id
    end
  end
  if not check(ns ~= nil, 'an inlay hint namespace exists') then
    return
  end
  local drawn = {}
  vim.wait(5000, function()
    vim.cmd('redraw!')
    drawn = {}
    for _, m in ipairs(vim.api.nvim_buf_get_extmarks(buf, ns, 0, -1, { details = true })) do
      local text = table.concat(vim.tbl_map(function(chunk)
        return chunk[1]
      end, m[4].virt_text or {}))
      drawn[#drawn + 1] = { m[2], m[3], vim.trim(text) }
    end
    return #drawn >= 4
  end, 50)
  table.sort(drawn, function(a, b)
    return a[1] < b[1]
  end)
  eq(drawn, {
    { 6, 37, '207' },
    { 10, 43, '200' },
    { 14, 18, 'Created' },
    { 18, 27, 'Gone' },
  }, 'inlay hints drawn as extmarks (row, byte column, text)')
  local row = vim.fn.screenpos(0, 7, 1).row
  local screen = {}
  for c = 1, 60 do
    screen[#screen + 1] = vim.fn.screenstring(row, c)
  end
  contains(table.concat(screen), 'w.WriteHeader(http.StatusMultiStatus 207)', 'the hint is on the screen after the constant')
end)

-- poll calls fn on the main loop every ms milliseconds until it returns true
-- (a timer's queued callbacks may still run once after it is stopped).
local function poll(ms, fn)
  local timer = uv.new_timer()
  local finished = false
  timer:start(ms, ms, vim.schedule_wrap(function()
    if finished then
      return
    end
    if fn() then
      finished = true
      timer:stop()
      timer:close()
    end
  end))
end

-- The real <C-x><C-o> popup: the LSP omnifunc answers only in Insert mode, so
-- a timer polls complete_info() while Neovim waits for keys.
step('completion popup', function(done)
  vim.api.nvim_buf_set_lines(buf, 7, 7, false, { '\tw.WriteHeader(http.StatusMulti)' })
  vim.api.nvim_win_set_cursor(0, { 8, 31 }) -- on the ')'
  local started = uv.now()
  local want = '\tw.WriteHeader(http.StatusMultiStatus)'
  local function accepted()
    local deadline = uv.now() + 3000
    poll(20, function()
      local line = vim.api.nvim_buf_get_lines(buf, 7, 8, false)[1]
      if (vim.fn.mode() == 'n' and line == want) or uv.now() > deadline then
        eq(line, want, 'accepting the item completes the constant')
        eq(vim.fn.mode(), 'n', 'back in Normal mode')
        done()
        return true
      end
    end)
  end
  poll(50, function()
    local info = vim.fn.complete_info({ 'items', 'pum_visible' })
    if #info.items > 0 and info.pum_visible == 1 then
      local words, selected = {}, nil
      for i, it in ipairs(info.items) do
        words[#words + 1] = it.word
        if it.word == 'StatusMultiStatus' then
          selected = i - 1
        end
      end
      table.sort(words)
      -- The omnifunc completes the word after "http.", and only the
      -- constants starting with what was typed.
      eq(words, { 'StatusMultiStatus', 'StatusMultipleChoices' }, 'the completion popup lists the matching constants')
      if selected then
        vim.api.nvim_select_popupmenu_item(selected, true, true, {})
      end
      vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('<Esc>', true, false, true), 'n', false)
      accepted()
      return true
    elseif uv.now() - started > 5000 then
      check(false, 'the completion popup appeared within 5 s', vim.inspect(info))
      vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('<Esc>', true, false, true), 'n', false)
      accepted()
      return true
    end
  end)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('i<C-x><C-o>', true, false, true), 'x!', false)
end)

step('code action (quick fix)', function()
  vim.api.nvim_buf_set_lines(buf, 7, 8, false, {}) -- the completion line goes again
  vim.api.nvim_win_set_cursor(0, { 15, 16 }) -- on 201
  local titles
  local orig = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    titles = {}
    local pick
    for i, item in ipairs(items) do
      local title = opts.format_item(item)
      titles[#titles + 1] = title
      if title == 'Replace 201 with http.StatusCreated' then
        pick = i
      end
    end
    on_choice(pick and items[pick] or nil, pick)
  end
  vim.lsp.buf.code_action()
  vim.wait(5000, function()
    return vim.api.nvim_buf_get_lines(buf, 14, 15, false)[1] == '\tw.WriteHeader(http.StatusCreated)'
  end, 20)
  vim.ui.select = orig
  check(titles ~= nil and vim.tbl_contains(titles, 'Replace 201 with http.StatusCreated'),
    'the quick fix is offered by title', vim.inspect(titles))
  eq(vim.api.nvim_buf_get_lines(buf, 14, 15, false)[1], '\tw.WriteHeader(http.StatusCreated)', 'the quick fix changed the line')
end)

step(':HttpCodes fixall', function()
  vim.cmd('HttpCodes fixall')
  eq(vim.api.nvim_buf_get_lines(buf, 18, 19, false)[1], '\thttp.Error(w, "gône", http.StatusGone)',
    'source.fixAll.httpcodes applied the remaining fix')
  vim.wait(5000, function()
    return #vim.diagnostic.get(buf) == 1
  end, 20)
  eq(diags(buf), { { 10, 30, 'redirect-status', S.ERROR } }, 'after the fixes only redirect-status is left')
end)

local function explain_window()
  local w = vim.api.nvim_get_current_win()
  return w, vim.api.nvim_win_get_buf(w)
end

step(':HttpCodes explain', function()
  local before = vim.api.nvim_get_current_win()
  vim.cmd('HttpCodes explain 404')
  local win, b = explain_window()
  check(win ~= before and vim.api.nvim_win_get_config(win).relative ~= '', 'explain opens a float by default')
  eq(vim.api.nvim_buf_get_name(b), 'httpcodes://404', 'the explain buffer name')
  eq(vim.bo[b].filetype, 'markdown', 'the explain buffer is Markdown')
  eq(vim.bo[b].buftype, 'nofile', 'the explain buffer is a scratch buffer')
  local lines = vim.api.nvim_buf_get_lines(b, 0, -1, false)
  eq(lines[1], '# 404 Not Found', 'the page title')
  local text = table.concat(lines, '\n')
  contains(text, '\n## Meaning\n', 'the Meaning section')
  contains(text, '\n## When Not to Use\n', 'the When Not to Use section')
  contains(text, '<https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5>', 'the source link')
  contains(text, '| Go net/http | `http.StatusNotFound` |', 'the constants table')
  vim.api.nvim_feedkeys('q', 'x', false)
  eq(vim.api.nvim_get_current_win(), before, 'q closes the float')

  -- The project's own code, from the root's .httpcodes.yaml.
  vim.cmd('HttpCodes explain 299')
  win, b = explain_window()
  eq(vim.api.nvim_buf_get_lines(b, 0, 1, false)[1], '# 299 Quota Noted', "the project's own code")
  vim.api.nvim_win_close(win, true)

  -- Without an argument: the word under the cursor.
  vim.api.nvim_set_current_win(before)
  vim.api.nvim_win_set_cursor(0, { 7, 22 })
  vim.cmd('HttpCodes explain')
  win, b = explain_window()
  eq(vim.api.nvim_buf_get_lines(b, 0, 1, false)[1], '# 207 Multi-Status', 'explain with no argument takes <cword>')
  vim.api.nvim_win_close(win, true)
  vim.api.nvim_set_current_win(before)

  -- In a split, and again: the same window is reused.
  local wins = #vim.api.nvim_list_wins()
  require('httpcodes.explain').open('teapot', 'split')
  win, b = explain_window()
  check(vim.api.nvim_win_get_config(win).relative == '' and #vim.api.nvim_list_wins() == wins + 1,
    'explain in a split window')
  eq(vim.api.nvim_buf_get_lines(b, 0, 1, false)[1], '# 418 I\'m a teapot', 'explain by name')
  vim.api.nvim_set_current_win(before)
  require('httpcodes.explain').open('teapot', 'split')
  eq({ #vim.api.nvim_list_wins(), vim.api.nvim_get_current_win() }, { wins + 1, win }, 'explaining it again reuses the window')
  vim.api.nvim_feedkeys('q', 'x', false)
  eq(#vim.api.nvim_list_wins(), wins, 'q closes the split')
  vim.api.nvim_set_current_win(before)

  local n = #notes
  vim.cmd('HttpCodes explain nope')
  local note = notes[n + 1] or {}
  contains(note.msg, 'no status code is named "nope"', 'a bad name is reported')
  eq(note.level, vim.log.levels.ERROR, 'as an error')
  eq(vim.api.nvim_get_current_win(), before, 'and opens no window')

  eq(vim.fn.getcompletion('HttpCodes ', 'cmdline'), { 'explain', 'fixall', 'restart' }, 'subcommand completion')
  local codes = vim.fn.getcompletion('HttpCodes explain 20', 'cmdline')
  check(vim.tbl_contains(codes, '207') and vim.tbl_contains(codes, '204') and #vim.tbl_filter(function(c)
    return c:sub(1, 2) ~= '20'
  end, codes) == 0, 'code completion of explain', vim.inspect(codes))
end)

step('checkhealth', function()
  vim.cmd('checkhealth httpcodes')
  out('') -- after checkhealth's own progress messages
  local hb = vim.api.nvim_get_current_buf()
  local text = buf_text(hb)
  local bin_version = vim.trim(vim.fn.system({ bin, 'version' }))
  contains(text, 'Neovim ' .. version, 'health: Neovim version')
  contains(text, 'setup{} has run', 'health: setup ran')
  contains(text, 'found ' .. bin, 'health: binary found')
  contains(text, '`httpcodes version`: ' .. bin_version, 'health: binary version')
  contains(text, 'attached to 1 buffer: handlers.go', 'health: the client is attached')
  check(not text:find('ERROR', 1, true), 'health: no errors', text)
  if has('0.10') then
    check(text:find('OK Neovim ' .. version, 1, true) ~= nil, 'health: Neovim ' .. version .. ' is OK', text)
  else
    check(text:find('WARNING: Neovim ' .. version, 1, true) ~= nil, 'health: Neovim ' .. version .. ' is a warning', text)
  end
  vim.cmd('tabclose')
end)

step(':HttpCodes restart', function()
  local old = client.id
  vim.cmd('HttpCodes restart')
  vim.wait(10000, function()
    local c = client_of(buf)
    return c ~= nil and c.id ~= old and #vim.diagnostic.get(buf) == 1
  end, 20)
  local c = client_of(buf)
  check(c ~= nil and c.id ~= old, 'a new client is attached after restart',
    vim.inspect({ old = old, new = c and c.id, notes = notes }))
  check(vim.lsp.get_client_by_id(old) == nil or call(vim.lsp.get_client_by_id(old), 'is_stopped'), 'the old client stopped')
  eq(diags(buf), { { 10, 30, 'redirect-status', S.ERROR } }, 'the new server sends diagnostics')
  client = c or client
end)

step('no server in scratch buffers', function()
  local cur = vim.api.nvim_get_current_buf()
  local scratch = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_set_current_buf(scratch)
  vim.bo[scratch].filetype = 'json'
  vim.wait(300, function()
    return #require('httpcodes').clients(scratch) > 0
  end, 20)
  eq(#require('httpcodes').clients(scratch), 0, 'a nofile buffer of a configured filetype gets no client')
  vim.api.nvim_set_current_buf(cur)
  vim.api.nvim_buf_delete(scratch, { force = true })
end)

step('help file', function()
  local dir = work .. '/../helpdoc'
  vim.fn.mkdir(dir .. '/doc', 'p')
  vim.fn.writefile(vim.fn.readfile(plugin .. '/doc/httpcodes.txt'), dir .. '/doc/httpcodes.txt')
  local ok, err = pcall(vim.cmd, 'helptags ' .. vim.fn.fnameescape(dir .. '/doc'))
  check(ok, ':helptags accepts doc/httpcodes.txt (no duplicate tags)', err)
  vim.opt.runtimepath:prepend(dir)
  for _, tag in ipairs({ 'httpcodes', 'httpcodes-settings-rules', ':HttpCodes-explain', 'httpcodes-lspconfig' }) do
    local hok, herr = pcall(vim.cmd, 'help ' .. tag)
    local name = vim.fn.expand('%:t')
    local line = vim.api.nvim_get_current_line()
    check(hok and name == 'httpcodes.txt' and line:find('*' .. tag .. '*', 1, true) ~= nil,
      ':help ' .. tag, vim.inspect({ herr, name, line }))
    if hok then
      vim.cmd('close')
    end
  end
end)

step('shutdown', function()
  local clients = require('httpcodes').clients()
  for _, c in ipairs(clients) do
    call(c, 'stop')
  end
  local stopped = vim.wait(5000, function()
    for _, c in ipairs(clients) do
      if not call(c, 'is_stopped') then
        return false
      end
    end
    return true
  end, 20)
  check(stopped, 'the server shut down cleanly')
  eq(deprecated, {}, 'no deprecated Neovim API was used')
  for _, c in ipairs(clients) do
    call(c, 'stop', true)
  end
end)

local t_start = uv.now()
local function run(i)
  local s = steps[i]
  if not s then
    out(string.format('# Neovim %s: %d failed', version, #failures))
    watchdog:stop()
    vim.cmd('cquit ' .. math.min(#failures, 90))
    return
  end
  out(string.format('# %s (at %d ms)', s.name, uv.now() - t_start))
  local async = debug.getinfo(s.fn, 'u').nparams > 0
  local called = false
  local function nxt()
    if called then
      return
    end
    called = true
    vim.schedule(function()
      run(i + 1)
    end)
  end
  local ok, res = pcall(s.fn, nxt)
  if not ok then
    check(false, s.name .. ' raised an error', res)
    nxt()
  elseif res == false then
    out('# stopping: ' .. s.name .. ' failed and the rest depends on it')
    run(#steps + 1)
  elseif not async then
    nxt()
  end
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      run(1)
    end)
  end,
})
