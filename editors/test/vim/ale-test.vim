" ale-test.vim: httpcodes through ALE, headless. Run by editors/test/run.sh:
"
"   HTTPCODES_CONFIG=editors/configs/httpcodes-ale.vim PATH=/dir/of/httpcodes:$PATH \
"   vim -N -u editors/test/vim/vimrc -i NONE -es -S editors/test/vim/ale-test.vim /tmp/x/handler.go
"
" The fixture is a copy of editors/test/testdata/handler.go. The test checks
" what ALE shows a user: the diagnostics in its loclist, the hover :ALEHover
" opens, the quick fix :ALECodeAction offers (applied by ALE), and the
" candidates CTRL-X CTRL-O (the config's omnifunc) gets. Every
" wait is bounded; Vim exits 0 when every check passes, 1 otherwise.

let s:failures = 0
let s:timeout = 10.0

" The report goes to $HTTPCODES_LOG (run.sh prints it after Vim exits), or
" to stderr.
function! s:Log(message) abort
    call writefile(split(a:message, "\n"), empty($HTTPCODES_LOG) ? '/dev/stderr' : $HTTPCODES_LOG, 'a')
endfunction

function! s:Check(ok, what, ...) abort
    if a:ok
        call s:Log('ok   vim/ale: ' . a:what)
    else
        let s:failures += 1
        call s:Log('FAIL vim/ale: ' . a:what . (a:0 ? "\n     " . a:1 : ''))
    endif

    return a:ok
endfunction

" Wait, running Vim's event loop (jobs, channels, timers), until Cond()
" is true, for at most s:timeout seconds.
function! s:Wait(Cond, what) abort
    let l:start = reltime()

    while !a:Cond()
        if reltimefloat(reltime(l:start)) > s:timeout
            return s:Check(0, a:what . ' (nothing within ' . string(s:timeout) . ' s)')
        endif

        sleep 10m
    endwhile

    return s:Check(1, a:what)
endfunction

function! s:Finish() abort
    " Stop the server ALE started, then exit with the verdict.
    silent! call ale#lsp#StopAll()
    execute (s:failures == 0 ? 'qall!' : 'cquit! 1')
endfunction

function! s:HttpcodesItems() abort
    let l:info = get(g:ale_buffer_info, bufnr(''), {})

    return filter(copy(get(l:info, 'loclist', [])), 'v:val.linter_name is# "httpcodes"')
endfunction

function! s:PopupText() abort
    for l:id in popup_list()
        let l:text = join(getbufline(winbufnr(l:id), 1, '$'), "\n")

        if !empty(l:text)
            return l:text
        endif
    endfor

    return ''
endfunction

function! s:OnCodeActions(data, items) abort
    let s:actions = [a:data, a:items]
endfunction

function! s:Run() abort
    call s:Log('vim ' . v:version / 100 . '.' . v:version % 100 . ', ALE ' . (exists('g:loaded_ale') ? 'loaded' : 'NOT loaded') . ', config ' . fnamemodify($HTTPCODES_CONFIG, ':t'))
    if !s:Check(executable('httpcodes'), 'httpcodes is on PATH')
        return
    endif
    call s:Check(&filetype is# 'go', 'the fixture opens as filetype go', 'filetype ' . &filetype)
    let l:names = map(ale#linter#Get(&filetype), 'v:val.name')
    if !s:Check(index(l:names, 'httpcodes') >= 0, 'the config adds httpcodes to the go linters', string(l:names))
        return
    endif

    " The settings ALE sends the server (initializationOptions and
    " workspace/didChangeConfiguration) are the config's.
    let l:linter = filter(ale#linter#Get(&filetype), 'v:val.name is# "httpcodes"')[0]
    let l:options = ale#lsp_linter#GetOptions(bufnr(''), l:linter)
    call s:Check(get(l:options, 'hover', '') is# 'short'
    \   && get(get(l:options, 'rules', {}), 'prefer-constant', '') is# 'hint',
    \   'ALE sends the config''s settings as initializationOptions', string(l:options))
    call s:Check(ale#lsp_linter#GetConfig(bufnr(''), l:linter) ==# l:options,
    \   'and the same as workspace/didChangeConfiguration')

    " Diagnostics, as ALE lints the buffer it opened.
    if s:Wait({-> len(s:HttpcodesItems()) >= 2}, 'ALE gets diagnostics from httpcodes')
        let l:items = sort(map(s:HttpcodesItems(),
        \   {_, v -> [v.lnum, v.col, v.type, get(v, 'code', ''), v.text]}))
        call s:Check(len(l:items) == 2, 'exactly two httpcodes diagnostics', string(l:items))
        call s:Check(l:items[0][0:3] == [10, 16, 'W', 'prefer-constant']
        \   && l:items[0][4] =~# '^207 is 207 Multi-Status; write http.StatusMultiStatus',
        \   'diagnostic 10:16 prefer-constant (a hint: ALE 3.3 types hints W)', string(l:items[0]))
        call s:Check(l:items[1][0:3] == [15, 31, 'E', 'redirect-status']
        \   && l:items[1][4] =~# '^http.Redirect with 200 OK',
        \   'diagnostic 15:31 redirect-status (error)', string(l:items[1]))
    endif

    " Hover: :ALEHover (the config maps K to it) on 207, into the popup the
    " config asks for (g:ale_hover_to_floating_preview).
    call cursor(10, 17)
    ALEHover
    if s:Wait({-> !empty(s:PopupText())}, ':ALEHover on 207 opens a popup')
        let l:text = s:PopupText()
        " The page's title line, not a mention: 208's page names 207 too.
        call s:Check(l:text =~# '^[# ]*207 Multi-Status\n', 'the hover is the page of 207 Multi-Status', l:text)
        call s:Check(l:text =~# 'Meaning' && l:text !~# 'When to Use',
        \   'the hover is the short page the config asks for', l:text)
    endif
    call popup_clear(1)

    " A quick fix: what :ALECodeAction (the config's <Leader>qf) asks the
    " server for on 207, applied by ALE. The callback form of the command
    " lets the test pick the action by its title, as a user picks from
    " the menu.
    call cursor(10, 16)
    let s:actions = v:null
    call ale#codefix#Execute(0, function('s:OnCodeActions'))
    if s:Wait({-> s:actions isnot v:null}, ':ALECodeAction on 207 gets code actions')
        let [l:data, l:items] = s:actions
        let l:titles = map(copy(l:items), 'v:val[1].title')
        let l:fix = filter(copy(l:items), 'v:val[1].title is# "Replace 207 with http.StatusMultiStatus"')
        if s:Check(len(l:fix) == 1, 'the actions include "Replace 207 with http.StatusMultiStatus"', string(l:titles))
            call ale#codefix#ApplyLSPCodeAction(l:data, l:fix[0][1])
            call s:Check(getline(10) is# "\tw.WriteHeader(http.StatusMultiStatus)",
            \   'ALE applied the quick fix to the buffer', string(getline(10)))
        endif
    endif

    " Completion: CTRL-X CTRL-O after `http.Status` on a new line, which
    " calls the config's omnifunc (ALE's) in Insert mode.
    call append(10, "\t_ = http.Status")
    call cursor(11, 1)
    call s:Check(&omnifunc is# 'ale#completion#OmniFunc', 'the config sets omnifunc to ALE''s', &omnifunc)
    set completeopt=menu,menuone
    let s:completed = []
    augroup httpcodes_test
        autocmd!
        autocmd CompleteDonePre * let s:completed = copy(get(b:, 'ale_completion_result', []))
    augroup END
    let l:start = reltime()
    execute "normal! A\<C-x>\<C-o>\<C-y>"
    call s:Log(printf('     (completion took %.0f ms)', reltimefloat(reltime(l:start)) * 1000))
    let l:words = map(copy(s:completed), 'v:val.word')
    call s:Check(index(l:words, 'StatusMultiStatus') >= 0,
    \   'CTRL-X CTRL-O after http.Status offers StatusMultiStatus', len(l:words) . ' words: ' . string(l:words[:7]))
    call s:Check(index(l:words, 'StatusNotFound') >= 0,
    \   'CTRL-X CTRL-O after http.Status offers StatusNotFound')

    " With one match, CTRL-X CTRL-O writes it.
    call append(11, "\t_ = http.StatusMulti")
    call cursor(12, 1)
    execute "normal! A\<C-x>\<C-o>\<C-y>"
    call s:Check(getline(12) is# "\t_ = http.StatusMultiStatus",
    \   'CTRL-X CTRL-O after http.StatusMulti writes http.StatusMultiStatus', string(getline(12)))
endfunction

try
    call s:Run()
catch
    call s:Check(0, 'no Vim error', v:exception . ' at ' . v:throwpoint)
endtry
call s:Finish()
