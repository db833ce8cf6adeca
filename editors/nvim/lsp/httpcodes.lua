-- The httpcodes language server for Neovim 0.11+'s vim.lsp.config: with this
-- plugin on 'runtimepath', vim.lsp.enable('httpcodes') starts it without
-- setup{}. require('httpcodes').setup{} layers its options over this.
return {
  cmd = { 'httpcodes', 'serve' },
  filetypes = {
    'go', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact',
    'python', 'java', 'kotlin', 'cs', 'rust', 'ruby', 'php', 'yaml', 'json', 'nginx',
  },
  root_markers = { '.httpcodes.yaml', '.git', 'go.mod' },
}
