-- The ways editors/nvim is installed (README "Install"), headless: run by
-- scripts/test-dist.sh with the plugin on 'runtimepath' (as the lazy.nvim
-- spec puts it) or in a native package under 'packpath'. No helptags is run:
-- the committed doc/tags must make :help work. Exits 0 when every check
-- passes, 1 otherwise, printing each check.
local failed = 0
local function check(ok, what, detail)
  io.stdout:write((ok and 'ok   ' or 'FAIL ') .. what .. (ok and '' or (': ' .. vim.inspect(detail))) .. '\n')
  if not ok then
    failed = failed + 1
  end
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    check(vim.fn.exists(':HttpCodes') == 2, 'plugin/httpcodes.lua defined :HttpCodes')
    local ok, mod = pcall(require, 'httpcodes')
    check(ok and type(mod.setup) == 'function', "require('httpcodes').setup exists", mod)
    for _, tag in ipairs({ 'httpcodes', 'httpcodes.setup()', ':HttpCodes-explain' }) do
      local hok, herr = pcall(vim.cmd, 'help ' .. tag)
      local name = vim.fn.expand('%:t')
      local line = vim.api.nvim_get_current_line()
      check(hok and vim.bo.buftype == 'help' and name == 'httpcodes.txt' and line:find('*' .. tag .. '*', 1, true) ~= nil,
        ':help ' .. tag .. ' opens httpcodes.txt at the tag', { herr, name, line })
      if hok then
        vim.cmd('helpclose')
      end
    end
    io.stdout:write(failed == 0 and 'all passed\n' or (failed .. ' failed\n'))
    vim.cmd((failed == 0 and 'qall!' or 'cquit 1'))
  end,
})
