" httpcodes with ALE (https://github.com/dense-analysis/ale), for Vim 8.2+ and
" Neovim. Source this file from your vimrc once ALE is on 'runtimepath' and
" before its plugin files run, e.g.
"
"     packadd! ale                          " Debian/Ubuntu: apt install vim-ale
"     source ~/.vim/httpcodes-ale.vim
"
" or, with vim-plug, after `call plug#end()`. `httpcodes` must be on $PATH
" (go install github.com/httpcodes/httpcodes/cmd/httpcodes@latest), or set
" g:ale_httpcodes_executable to its path.

" The binary ALE starts; a buffer may override it with b:ale_httpcodes_executable.
call ale#Set('httpcodes_executable', 'httpcodes')

" The server's settings (README.md, "The language server"). The hover is the
" short page: the full one has an example in an ```http block, and ALE 3.3
" stops with E484 when Vim has no syntax/http.vim to highlight it.
let g:ale_httpcodes_settings = get(g:, 'ale_httpcodes_settings', {
\   'hover': 'short',
\   'inlayHints': {'titles': v:true, 'numbers': v:true},
\   'completion': {'insert': 'constant'},
\   'rules': {'prefer-constant': 'hint'},
\   'docsUrl': 'https://httpcodes.dev',
\})

" The project root ALE starts the server in: the nearest directory with a
" .httpcodes.yaml, else the nearest with a version-control directory or a
" project file, else the file's own directory.
function! HttpcodesProjectRoot(buffer) abort
    let l:config = ale#path#FindNearestFile(a:buffer, '.httpcodes.yaml')

    if !empty(l:config)
        return fnamemodify(l:config, ':h')
    endif

    for l:dir in ['.git', '.hg']
        let l:found = ale#path#FindNearestDirectory(a:buffer, l:dir)

        if !empty(l:found)
            return fnamemodify(l:found, ':h:h')
        endif
    endfor

    for l:file in ['go.mod', 'package.json', 'pyproject.toml', 'pom.xml',
    \              'build.gradle', 'build.gradle.kts', 'Cargo.toml', 'Gemfile',
    \              'composer.json']
        let l:found = ale#path#FindNearestFile(a:buffer, l:file)

        if !empty(l:found)
            return fnamemodify(l:found, ':h')
        endif
    endfor

    return fnamemodify(bufname(a:buffer), ':p:h')
endfunction

let g:httpcodes_ale_filetypes = [
\   'go',
\   'javascript', 'javascriptreact', 'typescript', 'typescriptreact',
\   'python', 'java', 'kotlin', 'cs', 'rust', 'ruby', 'php',
\   'yaml', 'json', 'nginx',
\]

for s:filetype in g:httpcodes_ale_filetypes
    call ale#linter#Define(s:filetype, {
    \   'name': 'httpcodes',
    \   'lsp': 'stdio',
    \   'executable': {buffer -> ale#Var(buffer, 'httpcodes_executable')},
    \   'command': '%e serve',
    \   'project_root': function('HttpcodesProjectRoot'),
    \   'initialization_options': {buffer -> g:ale_httpcodes_settings},
    \   'lsp_config': {buffer -> g:ale_httpcodes_settings},
    \})
endfor

" ALE runs every linter it knows for a filetype, except where a list says
" which: yours in g:ale_linters, or ALE's defaults (ALE 3.3 has them for go,
" json, python, rust and yaml). Add httpcodes to those lists.
let s:ale_default_linters = {
\   'go': ['gofmt', 'golint', 'gopls', 'govet'],
\   'json': ['jsonlint', 'spectral', 'vscodejson'],
\   'python': ['flake8', 'mypy', 'pylint', 'pyright', 'ruff'],
\   'rust': ['cargo', 'rls'],
\   'yaml': ['spectral', 'yaml-language-server', 'yamllint'],
\}
let g:ale_linters = get(g:, 'ale_linters', {})

for s:filetype in g:httpcodes_ale_filetypes
    if has_key(g:ale_linters, s:filetype)
        let s:names = g:ale_linters[s:filetype]
    elseif has_key(s:ale_default_linters, s:filetype)
        let s:names = s:ale_default_linters[s:filetype]
    elseif get(g:, 'ale_linters_explicit', 0)
        let s:names = []
    else
        continue
    endif

    if type(s:names) is v:t_list && index(s:names, 'httpcodes') < 0
        let g:ale_linters[s:filetype] = s:names + ['httpcodes']
    endif
endfor

" Completion as you type (ALE reads this when it loads) and with CTRL-X CTRL-O.
let g:ale_completion_enabled = 1
set omnifunc=ale#completion#OmniFunc

if exists('g:loaded_ale')
    " ALE is loaded already: turn completion on now.
    call ale#completion#Enable()
endif

" Hover: K shows the code's page; resting the cursor on a code echoes a line.
let g:ale_hover_cursor = 1
let g:ale_hover_to_floating_preview = 1
nmap <silent> K <Plug>(ale_hover)
" Quick fixes: ALE's :ALECodeAction, here on <Leader>qf.
nmap <silent> <Leader>qf <Plug>(ale_code_action)
