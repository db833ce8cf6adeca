-- httpcodes: the :HttpCodes command. The language server starts once
-- require('httpcodes').setup{} has run (see :help httpcodes).
if vim.g.loaded_httpcodes then
  return
end
vim.g.loaded_httpcodes = true

if vim.fn.has('nvim-0.7') ~= 1 then
  vim.api.nvim_err_writeln('httpcodes needs Neovim 0.7 or later')
  return
end

local subcommands = {
  explain = function(args)
    require('httpcodes.explain').open(args[1])
  end,
  restart = function()
    require('httpcodes').restart()
  end,
  fixall = function()
    local n = require('httpcodes').fix_all(0)
    vim.notify(string.format('httpcodes: applied %d fix-all action%s', n, n == 1 and '' or 's'))
  end,
}

vim.api.nvim_create_user_command('HttpCodes', function(cmd)
  local args = vim.split(vim.trim(cmd.args), '%s+')
  local name = table.remove(args, 1)
  local run = subcommands[name]
  if not run then
    vim.notify(
      string.format('httpcodes: unknown subcommand %q; use explain {code}, fixall or restart', name or ''),
      vim.log.levels.ERROR
    )
    return
  end
  run(args)
end, {
  nargs = '+',
  desc = 'httpcodes: explain a status code, fix all, restart the server',
  complete = function(lead, line)
    local words = vim.split(line:sub(1, #line - #lead), '%s+', { trimempty = true })
    if #words <= 1 then
      local names = vim.tbl_keys(subcommands)
      table.sort(names)
      return vim.tbl_filter(function(n)
        return n:sub(1, #lead) == lead
      end, names)
    end
    if words[2] == 'explain' and #words == 2 then
      return require('httpcodes.explain').complete(lead)
    end
    return {}
  end,
})
