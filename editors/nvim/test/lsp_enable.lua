-- Neovim 0.11+ without setup{}: the plugin's lsp/httpcodes.lua is enough for
-- vim.lsp.enable('httpcodes'). Run by test.sh like e2e.lua, with the binary's
-- directory on $PATH. On older Neovims it checks that setup{} is needed
-- (there is no vim.lsp.enable) and exits 0.
local env = vim.env
vim.opt.runtimepath:prepend(env.HTTPCODES_PLUGIN)

local timer = vim.loop.new_timer()
timer:start(30000, 0, function()
  io.stdout:write('not ok - lsp_enable.lua did not finish in time\n')
  os.exit(99)
end)

local failed = 0
local function check(cond, name, detail)
  io.stdout:write((cond and 'ok - ' or 'not ok - ') .. name .. '\n')
  if not cond then
    failed = failed + 1
    if detail then
      io.stdout:write('    ' .. vim.inspect(detail) .. '\n')
    end
  end
end

local function finish()
  timer:stop()
  vim.cmd('cquit ' .. failed)
end

if vim.fn.has('nvim-0.11') ~= 1 then
  check(vim.lsp.enable == nil, 'Neovim before 0.11 has no vim.lsp.enable: setup{} starts the server')
  vim.api.nvim_create_autocmd('VimEnter', { once = true, callback = finish })
  return
end

vim.lsp.enable('httpcodes')

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      local buf = vim.api.nvim_get_current_buf()
      local client
      vim.wait(10000, function()
        client = vim.lsp.get_clients({ bufnr = buf, name = 'httpcodes' })[1]
        return client ~= nil and #vim.diagnostic.get(buf) >= 3
      end, 20)
      check(client ~= nil, 'vim.lsp.enable("httpcodes") started the server from lsp/httpcodes.lua')
      if client then
        check(vim.deep_equal(client.config.cmd, { 'httpcodes', 'serve' }), 'the default cmd', client.config.cmd)
        check(vim.fn.resolve(client.config.root_dir) == vim.fn.resolve(env.HTTPCODES_WORK),
          'root_markers found .httpcodes.yaml', client.config.root_dir)
        local rules = {}
        for _, d in ipairs(vim.diagnostic.get(buf)) do
          rules[#rules + 1] = d.lnum .. ':' .. tostring(d.code)
        end
        table.sort(rules)
        check(vim.deep_equal(rules, { '10:redirect-status', '14:prefer-constant', '18:prefer-constant' }),
          'diagnostics with the server defaults', rules)
        client:stop()
        vim.wait(5000, function()
          return client:is_stopped()
        end, 20)
      end
      finish()
    end)
  end,
})
