-- :checkhealth httpcodes — Neovim's version, the binary, the running clients.
local M = {}

-- Neovim 0.10+ reports through vim.health.ok/…; 0.7–0.9 through
-- require('health').report_ok/… (0.8 and 0.9 have vim.health.report_*).
local function reporter()
  local h = vim.health
  if h and h.ok then
    return h.start, h.ok, h.warn, h.error, h.info
  end
  h = (h and h.report_ok) and h or require('health')
  return h.report_start, h.report_ok, h.report_warn, h.report_error, h.report_info
end

local function version_string()
  local v = vim.version()
  return string.format('%d.%d.%d', v.major, v.minor, v.patch)
end

function M.check()
  local start, ok, warn, error, info = reporter()
  local httpcodes = require('httpcodes')
  local opts = httpcodes.config()

  start('httpcodes: Neovim')
  local version = version_string()
  if vim.fn.has('nvim-0.11') == 1 then
    ok('Neovim ' .. version .. ': the server starts through vim.lsp.config/vim.lsp.enable; inlay hints are drawn')
  elseif vim.fn.has('nvim-0.10') == 1 then
    ok('Neovim ' .. version .. ': the server starts through vim.lsp.start; inlay hints are drawn')
  elseif vim.fn.has('nvim-0.7') == 1 then
    warn('Neovim ' .. version .. ': supported, but inlay hints are drawn only from 0.10', { 'Upgrade to Neovim 0.10 or later.' })
  else
    error('Neovim ' .. version .. ' is too old: httpcodes needs 0.7 or later')
  end
  if httpcodes.options then
    ok('setup{} has run; filetypes: ' .. table.concat(opts.filetypes, ', '))
  else
    warn('setup{} has not run, so the server does not start', { "Add require('httpcodes').setup{} to your config." })
  end

  start('httpcodes: binary')
  local bin = opts.cmd[1]
  local path = vim.fn.exepath(bin)
  if path == '' then
    error(string.format('%q is not executable', bin), {
      'go install github.com/httpcodes/httpcodes/cmd/httpcodes@latest',
      'or set cmd = {"/path/to/httpcodes", "serve"} in setup{}',
    })
  else
    ok('found ' .. path)
    local out = vim.fn.system({ path, 'version' })
    if vim.v.shell_error == 0 then
      ok('`httpcodes version`: ' .. vim.trim(out))
    else
      error('`' .. path .. ' version` failed: ' .. vim.trim(out))
    end
  end

  start('httpcodes: language server')
  local clients = httpcodes.clients()
  if #clients == 0 then
    warn('no httpcodes client is running', { 'Open a file of one of the configured filetypes.' })
  end
  for _, c in ipairs(clients) do
    local names = {}
    for b in pairs(c.attached_buffers or {}) do
      if vim.api.nvim_buf_is_valid(b) then
        names[#names + 1] = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(b), ':~:.')
      end
    end
    table.sort(names)
    local msg = string.format('client %d (root %s) attached to %d buffer%s', c.id, c.config.root_dir or '-',
      #names, #names == 1 and '' or 's')
    if #names > 0 then
      ok(msg .. ': ' .. table.concat(names, ', '))
    else
      warn(msg)
    end
    info('position encoding: ' .. tostring(c.offset_encoding))
  end
end

return M
