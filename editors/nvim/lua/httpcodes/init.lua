-- httpcodes: HTTP status codes explained in Neovim.
--
-- Starts `httpcodes serve` for the configured filetypes and adds :HttpCodes.
-- Neovim 0.11+ uses vim.lsp.config/vim.lsp.enable, 0.8–0.10 vim.lsp.start,
-- and 0.7 vim.lsp.start_client with vim.lsp.buf_attach_client.
local M = {}

M.name = 'httpcodes'

local severities = { error = true, warning = true, info = true, hint = true, off = true }

-- The defaults. The server settings are left empty so the server's own
-- defaults (lsp/settings.go) apply; see :help httpcodes-settings.
M.defaults = {
  cmd = { 'httpcodes', 'serve' },
  filetypes = {
    'go', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact',
    'python', 'java', 'kotlin', 'cs', 'rust', 'ruby', 'php', 'yaml', 'json', 'nginx',
  },
  root_markers = { '.httpcodes.yaml', '.git', 'go.mod' },
  settings = {},
  inlay_hints = true,
  explain = { window = 'float' },
  autostart = true,
  on_attach = nil,
  capabilities = nil,
}

M.options = nil

local function has(version)
  return vim.fn.has('nvim-' .. version) == 1
end

local function deepcopy(t)
  return vim.deepcopy(t)
end

-- call runs a client method: with ':' from Neovim 0.11 (0.12 deprecates '.'),
-- with '.' before (where ':' would pass the client as the first argument).
function M.call(client, method, ...)
  if has('0.11') then
    return client[method](client, ...)
  end
  return client[method](...)
end

-- validate_settings checks the server settings the way the server does, so a
-- typo is reported when Neovim starts rather than in the server's log.
local function validate_settings(s)
  local function fail(msg)
    error('httpcodes.setup: settings.' .. msg, 3)
  end
  if type(s) ~= 'table' then
    fail('must be a table')
  end
  local known = { hover = true, inlayHints = true, completion = true, rules = true, docsUrl = true, tests = true }
  for k in pairs(s) do
    if not known[k] then
      fail(string.format('%s is not a setting (hover, inlayHints, completion, rules, docsUrl, tests)', tostring(k)))
    end
  end
  if s.tests ~= nil and s.tests ~= 'quiet' and s.tests ~= 'check' then
    fail(string.format('tests = %q: use "quiet" or "check"', tostring(s.tests)))
  end
  if s.hover ~= nil and s.hover ~= 'short' and s.hover ~= 'full' then
    fail(string.format('hover = %q: use "short" or "full"', tostring(s.hover)))
  end
  if s.inlayHints ~= nil then
    if type(s.inlayHints) ~= 'table' then
      fail('inlayHints must be a table {titles = bool, numbers = bool}')
    end
    for k, v in pairs(s.inlayHints) do
      if (k ~= 'titles' and k ~= 'numbers') or type(v) ~= 'boolean' then
        fail(string.format('inlayHints.%s: use titles = true|false, numbers = true|false', tostring(k)))
      end
    end
  end
  if s.completion ~= nil then
    if type(s.completion) ~= 'table' then
      fail('completion must be a table {insert = "constant"|"number", goConstants = bool}')
    end
    for k, v in pairs(s.completion) do
      local ok = (k == 'insert' and (v == 'constant' or v == 'number')) or (k == 'goConstants' and type(v) == 'boolean')
      if not ok then
        fail(string.format('completion.%s = %q: use insert = "constant" or "number", goConstants = true|false', tostring(k), tostring(v)))
      end
    end
  end
  if s.rules ~= nil then
    if type(s.rules) ~= 'table' then
      fail('rules must be a table {["rule-name"] = severity|"off"}')
    end
    for rule, sev in pairs(s.rules) do
      if type(rule) ~= 'string' or not severities[sev] then
        fail(string.format('rules[%q] = %q: use error, warning, info, hint or off', tostring(rule), tostring(sev)))
      end
    end
  end
  if s.docsUrl ~= nil and type(s.docsUrl) ~= 'string' then
    fail('docsUrl must be a string')
  end
end

local function validate(opts)
  -- Checked by hand: vim.validate's table form is deprecated from 0.11 and
  -- its argument form does not exist before 0.11.
  local function expect(name, value, ty, optional)
    if (value == nil and not optional) or (value ~= nil and type(value) ~= ty) then
      error(string.format('httpcodes.setup: %s must be a %s, not %s', name, ty, type(value)), 4)
    end
  end
  expect('cmd', opts.cmd, 'table')
  expect('filetypes', opts.filetypes, 'table')
  expect('root_markers', opts.root_markers, 'table')
  expect('settings', opts.settings, 'table')
  expect('inlay_hints', opts.inlay_hints, 'boolean')
  expect('explain', opts.explain, 'table')
  expect('autostart', opts.autostart, 'boolean')
  expect('on_attach', opts.on_attach, 'function', true)
  expect('capabilities', opts.capabilities, 'table', true)
  if #opts.cmd == 0 or type(opts.cmd[1]) ~= 'string' then
    error('httpcodes.setup: cmd must be a list such as {"httpcodes", "serve"}', 3)
  end
  local w = opts.explain.window
  if w ~= 'float' and w ~= 'split' and w ~= 'vsplit' and w ~= 'tab' then
    error(string.format('httpcodes.setup: explain.window = %q: use "float", "split", "vsplit" or "tab"', tostring(w)), 3)
  end
  validate_settings(opts.settings)
end

-- config returns the options in effect: setup's, or the defaults before it.
function M.config()
  return M.options or deepcopy(M.defaults)
end

-- root_dir finds the nearest directory above path holding one of the markers;
-- without one, the file's own directory.
function M.root_dir(path, markers)
  markers = markers or M.config().root_markers
  if path == nil or path == '' then
    return vim.loop.cwd()
  end
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local start = dir
  while true do
    for _, m in ipairs(markers) do
      local candidate = dir .. '/' .. m
      if vim.loop.fs_stat(candidate) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return start
    end
    dir = parent
  end
end

-- server_settings is what the server receives as initializationOptions and
-- workspace/didChangeConfiguration. An empty table would be encoded as a JSON
-- array, which the server rejects, so empty tables become vim.empty_dict().
local function server_settings(s)
  local out = vim.empty_dict()
  for k, v in pairs(s) do
    if type(v) == 'table' and next(v) == nil then
      out[k] = vim.empty_dict()
    else
      out[k] = v
    end
  end
  return out
end

local function on_attach_fn(opts)
  return function(client, bufnr)
    -- Neovim 0.8+ sets the LSP omnifunc itself; 0.7 leaves it to the user.
    if not has('0.8') and vim.bo[bufnr].omnifunc == '' then
      vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
    end
    if opts.inlay_hints and vim.lsp.inlay_hint and has('0.10') then
      vim.lsp.inlay_hint.enable(true, { bufnr = bufnr })
    end
    if opts.on_attach then
      opts.on_attach(client, bufnr)
    end
  end
end

-- lsp_config is the client configuration shared by every start path.
function M.lsp_config(opts)
  opts = opts or M.config()
  local settings = server_settings(opts.settings)
  return {
    name = M.name,
    cmd = vim.deepcopy(opts.cmd),
    filetypes = vim.deepcopy(opts.filetypes),
    root_markers = vim.deepcopy(opts.root_markers),
    init_options = settings,
    settings = { httpcodes = settings },
    capabilities = opts.capabilities and vim.deepcopy(opts.capabilities) or nil,
    on_attach = on_attach_fn(opts),
  }
end

local function wants(opts, bufnr)
  if vim.bo[bufnr].buftype ~= '' then
    return false
  end
  local ft = vim.bo[bufnr].filetype
  for _, f in ipairs(opts.filetypes) do
    if f == ft then
      return true
    end
  end
  return false
end

local function warn_missing(opts)
  if vim.fn.executable(opts.cmd[1]) == 1 then
    return true
  end
  if not M._warned then
    M._warned = true
    vim.notify(
      string.format('httpcodes: %q is not executable; install it with `go install github.com/httpcodes/httpcodes/cmd/httpcodes@latest` or set cmd in setup{}', opts.cmd[1]),
      vim.log.levels.WARN
    )
  end
  return false
end

-- clients started on Neovim 0.7, by root directory.
local legacy_clients = {}

-- attach starts (or reuses) the client for bufnr on Neovim 0.7–0.10.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local opts = M.config()
  if not wants(opts, bufnr) or not warn_missing(opts) then
    return nil
  end
  local config = M.lsp_config(opts)
  config.root_markers = nil
  config.root_dir = M.root_dir(vim.api.nvim_buf_get_name(bufnr), opts.root_markers)
  config.workspace_folders = {
    { uri = vim.uri_from_fname(config.root_dir), name = config.root_dir },
  }
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = legacy_clients[config.root_dir]
  if id == nil or vim.lsp.get_client_by_id(id) == nil or M.call(vim.lsp.get_client_by_id(id), 'is_stopped') then
    id = vim.lsp.start_client(config)
    if id == nil then
      return nil
    end
    legacy_clients[config.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

-- clients returns the running httpcodes clients, of bufnr when given.
function M.clients(bufnr)
  local all
  if vim.lsp.get_clients then
    all = vim.lsp.get_clients({ name = M.name, bufnr = bufnr })
  elseif bufnr then
    all = vim.tbl_values(vim.lsp.buf_get_clients(bufnr))
  else
    all = vim.lsp.get_active_clients()
  end
  return vim.tbl_filter(function(c)
    return c.name == M.name
  end, all)
end

local group

-- uses_lsp_config: Neovim 0.11+ starts servers through vim.lsp.config/enable.
local function uses_lsp_config()
  return has('0.11') and type(vim.lsp.config) == 'table' and vim.lsp.enable ~= nil
end

function M.setup(user)
  local opts = vim.tbl_deep_extend('force', deepcopy(M.defaults), user or {})
  -- Lists replace the defaults rather than merging with them by index.
  for _, k in ipairs({ 'cmd', 'filetypes', 'root_markers' }) do
    if user and user[k] then
      opts[k] = vim.deepcopy(user[k])
    end
  end
  validate(opts)
  M.options = opts

  if uses_lsp_config() then
    local config = M.lsp_config(opts)
    config.name = nil
    config.root_markers = nil
    -- Not calling on_dir keeps the server out of scratch buffers (another
    -- plugin's JSON float), as wants() does before 0.11.
    config.root_dir = function(bufnr, on_dir)
      if vim.bo[bufnr].buftype == '' then
        on_dir(M.root_dir(vim.api.nvim_buf_get_name(bufnr), opts.root_markers))
      end
    end
    vim.lsp.config(M.name, config)
    if opts.autostart then
      -- A command missing from $PATH would make every FileType fail loudly.
      if warn_missing(opts) then
        vim.lsp.enable(M.name)
      end
    end
    return
  end

  group = vim.api.nvim_create_augroup('httpcodes', { clear = true })
  if not opts.autostart then
    return
  end
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = opts.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
    desc = 'httpcodes: start the language server',
  })
  -- Buffers opened before setup (a lazy-loaded plugin) get a client too.
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and wants(opts, b) then
      M.attach(b)
    end
  end
end

-- restart stops every httpcodes client and starts them again for the buffers
-- they were attached to.
function M.restart()
  local buffers = {}
  local clients = M.clients()
  for _, c in ipairs(clients) do
    for b in pairs(c.attached_buffers or {}) do
      buffers[#buffers + 1] = b
    end
  end
  if #buffers == 0 then
    local cur = vim.api.nvim_get_current_buf()
    if wants(M.config(), cur) then
      buffers[1] = cur
    end
  end
  for _, c in ipairs(clients) do
    M.call(c, 'stop')
  end
  -- A stopped client stays registered until its exit callback has run, and
  -- vim.lsp.start would reuse it until then.
  local function gone()
    for _, c in ipairs(clients) do
      if not M.call(c, 'is_stopped') or vim.lsp.get_client_by_id(c.id) ~= nil then
        return false
      end
    end
    return true
  end
  local stopped = vim.wait(5000, gone, 20)
  if not stopped then
    for _, c in ipairs(clients) do
      M.call(c, 'stop', true)
    end
    vim.wait(1000, gone, 20)
    vim.notify('httpcodes: the server did not stop within 5 s; it was killed', vim.log.levels.WARN)
  end
  legacy_clients = {}
  for _, b in ipairs(buffers) do
    if vim.api.nvim_buf_is_valid(b) then
      if uses_lsp_config() and M.options then
        local config = vim.deepcopy(vim.lsp.config[M.name])
        config.name = M.name
        config.root_dir = M.root_dir(vim.api.nvim_buf_get_name(b), M.config().root_markers)
        vim.lsp.start(config, { bufnr = b })
      else
        M.attach(b)
      end
    end
  end
  vim.notify(string.format('httpcodes: restarted (%d buffer%s)', #buffers, #buffers == 1 and '' or 's'))
end

-- fix_all applies the server's source.fixAll.httpcodes action to bufnr and
-- waits for it (at most timeout_ms), so it can run from BufWritePre.
function M.fix_all(bufnr, timeout_ms)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local clients = M.clients(bufnr)
  if #clients == 0 then
    vim.notify('httpcodes: no httpcodes client is attached to this buffer', vim.log.levels.WARN)
    return 0
  end
  local client = clients[1]
  local last = vim.api.nvim_buf_line_count(bufnr)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = last, character = 0 } },
    context = { diagnostics = {}, only = { 'source.fixAll.httpcodes' } },
  }
  local replies, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout_ms or 2000)
  if not replies then
    vim.notify('httpcodes: fix all: ' .. tostring(err), vim.log.levels.ERROR)
    return 0
  end
  local applied = 0
  local reply = replies[client.id]
  for _, action in ipairs((reply and reply.result) or {}) do
    if action.kind == 'source.fixAll.httpcodes' and action.edit then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
      applied = applied + 1
    end
  end
  return applied
end

return M
