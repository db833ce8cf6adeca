-- :HttpCodes explain — a code's page from `httpcodes explain`, as Markdown in
-- a scratch buffer.
local M = {}

local headings = {
  ['RETIRED'] = 'Retired',
  ['MEANING'] = 'Meaning',
  ['WHEN TO USE'] = 'When to Use',
  ['EXAMPLE'] = 'Example',
  ['WHEN NOT TO USE'] = 'When Not to Use',
  ['SOURCE'] = 'Source',
  ['CONSTANTS'] = 'Constants',
}

local function httpcodes()
  return require('httpcodes')
end

local function binary()
  return httpcodes().config().cmd[1]
end

-- config_file is the project's .httpcodes.yaml for the current buffer, so a
-- project's own codes are explained too.
local function config_file()
  local h = httpcodes()
  local root
  local clients = h.clients(vim.api.nvim_get_current_buf())
  if clients[1] and clients[1].config.root_dir then
    root = clients[1].config.root_dir
  else
    local name = vim.api.nvim_buf_get_name(0)
    if name == '' or vim.bo.buftype ~= '' then
      return nil
    end
    root = h.root_dir(name)
  end
  local file = root .. '/.httpcodes.yaml'
  if vim.loop.fs_stat(file) then
    return file
  end
  return nil
end

-- markdown turns the terminal page (headings in capitals, sections indented by
-- two spaces) into Markdown.
function M.markdown(text)
  local out = {}
  local section
  local lines = vim.split(text, '\n', { plain = true })
  while #lines > 0 and lines[#lines] == '' do
    table.remove(lines)
  end
  for i, line in ipairs(lines) do
    if i == 1 then
      out[#out + 1] = '# ' .. line
    elseif i == 2 then
      out[#out + 1] = '*' .. line .. '*'
    elseif headings[line] then
      section = headings[line]
      out[#out + 1] = '## ' .. section
      out[#out + 1] = ''
      if section == 'Constants' then
        out[#out + 1] = '| library | constant |'
        out[#out + 1] = '|---|---|'
      end
    elseif section == 'Constants' and line ~= '' then
      local label, name = line:match('^  (.-)%s%s+(%S.*)$')
      if not label then
        label, name = line:match('^  (.-) (%S+.*)$')
      end
      out[#out + 1] = string.format('| %s | `%s` |', label or vim.trim(line), name or '')
        :gsub('`(%S+)  %(deprecated: use ([^)]+)%)`', '`%1` (deprecated: use `%2`)')
    elseif section == 'Source' and line:match('^  https?://') then
      out[#out + 1] = '<' .. line:sub(3) .. '>'
    else
      out[#out + 1] = line:sub(1, 2) == '  ' and line:sub(3) or line
    end
  end
  return out
end

-- page runs `httpcodes explain` and returns the page as Markdown lines, or
-- nil and the error the binary printed.
function M.page(arg)
  local cmd = { binary(), 'explain' }
  local config = config_file()
  if config then
    vim.list_extend(cmd, { '--config', config })
  end
  cmd[#cmd + 1] = arg
  if vim.fn.executable(cmd[1]) ~= 1 then
    return nil, string.format('%q is not executable (see :checkhealth httpcodes)', cmd[1])
  end
  local out = vim.fn.system(cmd)
  if vim.v.shell_error ~= 0 then
    return nil, (vim.trim(out):gsub('^httpcodes: ', ''))
  end
  return M.markdown(out)
end

local function scratch(name, lines)
  local buf = vim.fn.bufnr('^' .. vim.fn.escape(name, '\\/.*$^~[]') .. '$')
  if buf == -1 or not vim.api.nvim_buf_is_valid(buf) then
    buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_name(buf, name)
  end
  vim.bo[buf].modifiable = true
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].buftype = 'nofile'
  vim.bo[buf].bufhidden = 'wipe'
  vim.bo[buf].swapfile = false
  vim.bo[buf].modifiable = false
  vim.bo[buf].filetype = 'markdown'
  return buf
end

local function open_window(buf, lines, how)
  if how == 'float' then
    local width = 0
    for _, l in ipairs(lines) do
      width = math.max(width, vim.fn.strdisplaywidth(l))
    end
    width = math.max(40, math.min(width + 2, vim.o.columns - 4, 100))
    local height = math.max(3, math.min(#lines, vim.o.lines - 6))
    local win = vim.api.nvim_open_win(buf, true, {
      relative = 'editor',
      width = width,
      height = height,
      row = math.floor((vim.o.lines - height) / 2) - 1,
      col = math.floor((vim.o.columns - width) / 2),
      style = 'minimal',
      border = 'rounded',
    })
    vim.wo[win].wrap = true
    vim.wo[win].conceallevel = 2
    for _, key in ipairs({ 'q', '<Esc>' }) do
      vim.api.nvim_buf_set_keymap(buf, 'n', key, '<Cmd>close<CR>', { nowait = true, noremap = true, silent = true })
    end
    return win
  end
  local existing = vim.fn.bufwinid(buf)
  if existing ~= -1 then
    vim.api.nvim_set_current_win(existing)
    return existing
  end
  vim.cmd(({ split = 'new', vsplit = 'vnew', tab = 'tabnew' })[how])
  local placeholder = vim.api.nvim_get_current_buf()
  vim.api.nvim_win_set_buf(0, buf)
  if placeholder ~= buf and vim.api.nvim_buf_is_valid(placeholder) then
    vim.api.nvim_buf_delete(placeholder, { force = true })
  end
  vim.api.nvim_buf_set_keymap(buf, 'n', 'q', '<Cmd>close<CR>', { nowait = true, noremap = true, silent = true })
  return vim.api.nvim_get_current_win()
end

-- open shows arg's page (the word under the cursor when arg is empty) in the
-- window explain.window names; it returns the buffer, or nil on an error.
function M.open(arg, how)
  if arg == nil or arg == '' then
    arg = vim.fn.expand('<cword>')
  end
  if arg == '' then
    vim.notify('httpcodes: explain what? :HttpCodes explain 404', vim.log.levels.ERROR)
    return nil
  end
  local lines, err = M.page(arg)
  if not lines then
    vim.notify('httpcodes: ' .. err, vim.log.levels.ERROR)
    return nil
  end
  local buf = scratch('httpcodes://' .. arg, lines)
  open_window(buf, lines, how or httpcodes().config().explain.window)
  return buf
end

local codes

-- complete lists the codes `httpcodes list` knows that start with lead.
function M.complete(lead)
  if codes == nil then
    codes = {}
    if vim.fn.executable(binary()) == 1 then
      local out = vim.fn.system({ binary(), 'list' })
      if vim.v.shell_error == 0 then
        for line in out:gmatch('[^\n]+') do
          local n = line:match('^(%d+)%s')
          if n then
            codes[#codes + 1] = n
          end
        end
      end
    end
  end
  return vim.tbl_filter(function(c)
    return c:sub(1, #lead) == lead
  end, codes)
end

return M
