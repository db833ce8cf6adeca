// Command lspbench measures a built httpcodes language server from the
// outside, as an editor sees it: it spawns `httpcodes serve --stdio`, speaks
// LSP to it over its stdin and stdout, and prints the figures docs/DESIGN.md sets
// bars for — the hover round trip, diagnostics after an edit to a
// 10,000-line file, and the server's memory idle and with 1,000 open
// documents. It builds nothing itself; bench/lsp.sh builds the binary.
//
//	go run ./bench/lspbench -bin /tmp/httpcodes
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/httpcodes/httpcodes/internal/benchgen"
)

// The server's diagnostics debounce after an edit (lsp.Options.Debounce's
// default, which `httpcodes serve` keeps).
const debounce = 50 * time.Millisecond

// Bounds on every wait, so that a hung server fails the run instead of
// stalling it; the whole run must finish well within a minute.
const (
	replyTimeout   = 5 * time.Second
	publishTimeout = 10 * time.Second
	openAllTimeout = 20 * time.Second
	exitTimeout    = 5 * time.Second
	runTimeout     = 55 * time.Second
)

func main() {
	bin := flag.String("bin", "", "the httpcodes binary to measure (required)")
	hovers := flag.Int("hovers", 2000, "sequential hover requests to time")
	bigHovers := flag.Int("big-hovers", 500, "sequential hover requests to time in the 10,000-line file")
	edits := flag.Int("edits", 20, "edits to the 10,000-line file to time until their diagnostics arrive")
	docs := flag.Int("docs", 1000, "documents of about 100 lines to open for the memory figure")
	flag.Parse()
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "lspbench: -bin is required: build the server first (go build -o /tmp/httpcodes ./cmd/httpcodes)")
		os.Exit(2)
	}
	if err := run(*bin, *hovers, *bigHovers, *edits, *docs); err != nil {
		fmt.Fprintln(os.Stderr, "lspbench:", err)
		os.Exit(1)
	}
}

func run(bin string, hovers, bigHovers, edits, docs int) error {
	c, err := start(bin)
	if err != nil {
		return err
	}
	// A last resort: whatever hangs, the run ends.
	watchdog := time.AfterFunc(runTimeout, func() {
		fmt.Fprintf(os.Stderr, "lspbench: the run took over %v; killing the server\n", runTimeout)
		c.kill()
		os.Exit(1)
	})
	defer watchdog.Stop()
	err = measure(c, hovers, bigHovers, edits, docs)
	if err != nil {
		c.kill()
		if log := c.stderr.String(); log != "" {
			fmt.Fprintf(os.Stderr, "server log (last %d bytes):\n%s\n", len(log), log)
		}
		return err
	}
	return nil
}

func measure(c *client, hovers, bigHovers, edits, docs int) error {
	t0 := time.Now()
	fmt.Printf("server: %s (pid %d)\n", c.cmd.Path, c.cmd.Process.Pid)
	var initResult struct {
		ServerInfo struct{ Name, Version string } `json:"serverInfo"`
	}
	init := map[string]any{
		"processId": os.Getpid(),
		"rootUri":   nil,
		"capabilities": map[string]any{
			"general": map[string]any{"positionEncodings": []string{"utf-16"}},
		},
	}
	if _, err := c.call("initialize", init, &initResult); err != nil {
		return err
	}
	if err := c.notify("initialized", struct{}{}); err != nil {
		return err
	}

	// 3. Idle memory: one realistic handler file open, its diagnostics in.
	const handlerURI = "file:///lspbench/api/handlers.go"
	if err := c.open(handlerURI, handlerFile); err != nil {
		return err
	}
	if _, err := c.waitPublish(handlerURI, 1, publishTimeout); err != nil {
		return err
	}
	time.Sleep(time.Second)
	idle, err := readRSS(c.cmd.Process.Pid)
	if err != nil {
		return err
	}

	// 1. Hover round trips on status codes in the handler file.
	spots, err := hoverSpots(handlerFile)
	if err != nil {
		return err
	}
	hoverTimes, err := timeHovers(c, handlerURI, spots, hovers)
	if err != nil {
		return err
	}

	// 2. Diagnostics after an edit to a 10,000-line file, end to end.
	const bigURI = "file:///lspbench/big/handlers.go"
	big := handlers(10000, 0)
	if err := c.open(bigURI, big); err != nil {
		return err
	}
	if _, err := c.waitPublish(bigURI, 1, publishTimeout); err != nil {
		return err
	}
	edit := statusDigit(big)
	var diagTimes []time.Duration
	var bigDiags int
	for i := range edits {
		version := int32(i + 2)
		digit := "2"
		if i%2 == 1 {
			digit = "1"
		}
		change := map[string]any{
			"textDocument":   map[string]any{"uri": bigURI, "version": version},
			"contentChanges": []any{map[string]any{"range": rangeOf(edit), "text": digit}},
		}
		sent := time.Now()
		if err := c.notify("textDocument/didChange", change); err != nil {
			return err
		}
		p, err := c.waitPublish(bigURI, version, publishTimeout)
		if err != nil {
			return err
		}
		diagTimes = append(diagTimes, p.at.Sub(sent))
		bigDiags = p.count
	}
	bigSpots := []position{edit}
	bigHoverTimes, err := timeHovers(c, bigURI, bigSpots, bigHovers)
	if err != nil {
		return err
	}
	if err := c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": bigURI}}); err != nil {
		return err
	}

	// 4. Memory with many open documents, once all their diagnostics are in.
	uris := make([]string, docs)
	var docBytes, docLines int
	openStart := time.Now()
	for i := range uris {
		uris[i] = fmt.Sprintf("file:///lspbench/many/handlers%04d.go", i)
		text := handlers(100, i)
		docBytes += len(text)
		docLines += strings.Count(text, "\n")
		if err := c.open(uris[i], text); err != nil {
			return err
		}
	}
	published, err := c.waitAllPublished(uris, openAllTimeout)
	if err != nil {
		return err
	}
	openTook := time.Since(openStart)
	many, err := readRSS(c.cmd.Process.Pid)
	if err != nil {
		return err
	}
	// The analyses of the opens ran at once; a second reading, once the
	// runtime has had time to return their garbage, tells transient from
	// held memory.
	time.Sleep(2 * time.Second)
	settled, err := readRSS(c.cmd.Process.Pid)
	if err != nil {
		return err
	}
	peak, err := readStatus(c.cmd.Process.Pid, "VmHWM")
	if err != nil {
		return err
	}

	code, err := c.shutdown()
	if err != nil {
		return err
	}

	ms := func(d time.Duration) string { return fmt.Sprintf("%.3f ms", float64(d)/float64(time.Millisecond)) }
	mb := func(kb int) string { return fmt.Sprintf("%.1f MB", float64(kb)/1024) }
	h, bh, dt := summarize(hoverTimes), summarize(bigHoverTimes), summarize(diagTimes)
	fmt.Printf("httpcodes %s language server over stdio, %d cores\n", initResult.ServerInfo.Version, runtime.NumCPU())
	fmt.Println()
	fmt.Printf("hover round trip, %d sequential requests on %d status codes in a %d-line handler file\n", len(hoverTimes), len(spots), strings.Count(handlerFile, "\n"))
	fmt.Printf("  p50 %s   p90 %s   p99 %s   max %s   (bar: p50 < 1 ms, p99 < 5 ms: %s)\n",
		ms(h.p50), ms(h.p90), ms(h.p99), ms(h.max), verdict(h.p50 < time.Millisecond && h.p99 < 5*time.Millisecond))
	fmt.Printf("hover round trip in the 10,000-line file, %d sequential requests (no bar)\n", len(bigHoverTimes))
	fmt.Printf("  p50 %s   p90 %s   p99 %s   max %s\n", ms(bh.p50), ms(bh.p90), ms(bh.p99), ms(bh.max))
	fmt.Println()
	fmt.Printf("diagnostics after an edit to a %d-line Go file (%d KB, %d diagnostics), %d edits\n", strings.Count(big, "\n"), len(big)/1024, bigDiags, len(diagTimes))
	fmt.Printf("  didChange → publishDiagnostics, raw:               p50 %s   max %s\n", ms(dt.p50), ms(dt.max))
	fmt.Printf("  the same minus the server's %v debounce:          p50 %s   max %s   (bar: < 20 ms: %s)\n",
		debounce, ms(dt.p50-debounce), ms(dt.max-debounce), verdict(dt.p50-debounce < 20*time.Millisecond))
	fmt.Println()
	fmt.Printf("memory (VmRSS)\n")
	fmt.Printf("  idle, one handler file open, after 1 s:  %s   (bar: < 30 MB: %s)\n", mb(idle), verdict(idle < 30*1024))
	fmt.Printf("  %d documents open (%d lines each on average, %d KB of text in all):\n", docs, docLines/max(docs, 1), docBytes/1024)
	fmt.Printf("    once all %d had diagnostics (after %v):  %s\n", published, openTook.Round(time.Millisecond), mb(many))
	fmt.Printf("    2 s later:                               %s   (peak VmHWM over the run: %s)\n", mb(settled), mb(peak))
	fmt.Println()
	fmt.Printf("shutdown + exit: exit status %d; run took %v\n", code, time.Since(t0).Round(time.Millisecond))
	return nil
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT MET"
}

type stats struct{ p50, p90, p99, max time.Duration }

// summarize returns nearest-rank percentiles.
func summarize(d []time.Duration) stats {
	if len(d) == 0 {
		return stats{}
	}
	s := slices.Clone(d)
	slices.Sort(s)
	rank := func(p float64) time.Duration {
		i := int(p*float64(len(s))+0.999999) - 1
		return s[min(max(i, 0), len(s)-1)]
	}
	return stats{p50: rank(0.50), p90: rank(0.90), p99: rank(0.99), max: s[len(s)-1]}
}

// timeHovers sends n hover requests one after another, cycling through
// spots, and times each from the write of the request to the read of its
// reply. Every reply must be a hover: a null one means the spot is not on
// a status code, and the figure would measure nothing.
func timeHovers(c *client, uri string, spots []position, n int) ([]time.Duration, error) {
	times := make([]time.Duration, 0, n)
	for i := range n {
		p := spots[i%len(spots)]
		params := map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}
		var hover *struct {
			Contents struct{ Value string } `json:"contents"`
		}
		took, err := c.call("textDocument/hover", params, &hover)
		if err != nil {
			return nil, err
		}
		if hover == nil || hover.Contents.Value == "" {
			return nil, fmt.Errorf("hover at %s %d:%d gave no hover; the benchmark's positions are off", uri, p.Line, p.Character)
		}
		times = append(times, took)
	}
	return times, nil
}

// readRSS returns a process's resident set size in KB.
func readRSS(pid int) (int, error) { return readStatus(pid, "VmRSS") }

// readStatus returns a "kB" field of /proc/<pid>/status.
func readStatus(pid int, field string) (int, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("read the server's memory: %w (lspbench needs Linux's /proc)", err)
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if value, ok := strings.CutPrefix(line, field+":"); ok {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(value), " kB"))
			if err != nil {
				return 0, fmt.Errorf("/proc/%d/status: %s: %w", pid, line, err)
			}
			return kb, nil
		}
	}
	return 0, fmt.Errorf("/proc/%d/status has no %s", pid, field)
}

// position is an LSP position; the files here are ASCII, so UTF-16 columns
// are byte columns.
type position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

func rangeOf(p position) map[string]position {
	return map[string]position{"start": p, "end": {p.Line, p.Character + 1}}
}

// find returns the position of the byte at offset off within the first
// match of needle in text.
func find(text, needle string, off int) (position, bool) {
	i := strings.Index(text, needle)
	if i < 0 {
		return position{}, false
	}
	return positionAt(text, i+off), true
}

func positionAt(text string, off int) position {
	return position{Line: strings.Count(text[:off], "\n"), Character: off - (strings.LastIndex(text[:off], "\n") + 1)}
}

// statusDigit is the last digit of the "w.WriteHeader(201)" nearest the
// middle of a file made by handlers.
func statusDigit(text string) position {
	const call = "w.WriteHeader(201)"
	half := len(text) / 2
	return positionAt(text, half+strings.Index(text[half:], call)+len(call)-2)
}

// hoverSpots are the status codes the hover figure alternates between: a
// number, a constant, a redirect's code and a comparison.
func hoverSpots(text string) ([]position, error) {
	var spots []position
	for _, s := range []struct {
		needle string
		off    int
	}{
		{"w.WriteHeader(201)", len("w.WriteHeader(2")},
		{"http.StatusNotFound)", len("http.StatusNot")},
		{"r.URL.Path+\"/\", 308)", len("r.URL.Path+\"/\", 30")},
		{"resp.StatusCode != 200", len("resp.StatusCode != 2")},
	} {
		p, ok := find(text, s.needle, s.off)
		if !ok {
			return nil, fmt.Errorf("the handler file has no %q to hover", s.needle)
		}
		spots = append(spots, p)
	}
	return spots, nil
}

// handlers makes a Go file of at least n lines dense with handlers; seed
// makes each file's names and numbers its own.
func handlers(n, seed int) string { return benchgen.Handlers(n, seed) }

// handlerFile is a realistic handler file: a small JSON API with the
// status writes, errors, redirects and checks such code has.
const handlerFile = `package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
)

type User struct {
	ID    int    ` + "`json:\"id\"`" + `
	Name  string ` + "`json:\"name\"`" + `
	Email string ` + "`json:\"email\"`" + `
}

var ErrNotFound = errors.New("not found")

type Store interface {
	User(id int) (*User, error)
	Save(u *User) error
}

type API struct {
	store  Store
	client *http.Client
}

func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasSuffix(r.URL.Path, "/") {
		http.Redirect(w, r, r.URL.Path+"/", 308)
		return
	}
	switch r.Method {
	case http.MethodGet:
		a.getUser(w, r)
	case http.MethodPost:
		a.createUser(w, r)
	default:
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

func (a *API) getUser(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(strings.Trim(r.URL.Path, "/"))
	if err != nil {
		http.Error(w, "the id must be a number", http.StatusBadRequest)
		return
	}
	u, err := a.store.User(id)
	if errors.Is(err, ErrNotFound) {
		http.Error(w, "no such user", http.StatusNotFound)
		return
	}
	if err != nil {
		http.Error(w, "cannot read the user", 500)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(u)
}

func (a *API) createUser(w http.ResponseWriter, r *http.Request) {
	var u User
	if err := json.NewDecoder(r.Body).Decode(&u); err != nil {
		http.Error(w, "the body is not a user", 400)
		return
	}
	if u.Email == "" {
		http.Error(w, "a user needs an email", http.StatusUnprocessableEntity)
		return
	}
	if err := a.store.Save(&u); err != nil {
		http.Error(w, "cannot save the user", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Location", "/users/"+strconv.Itoa(u.ID))
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(201)
	json.NewEncoder(w).Encode(u)
}

func (a *API) checkUpstream(url string) error {
	resp, err := a.client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return errors.New("upstream: " + resp.Status)
	}
	return nil
}

func health(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}
`

// client is a minimal LSP client over a child process's stdio.
type client struct {
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	stderr  *tailBuffer
	done    chan struct{} // closed when the process has exited
	waitErr error

	wmu    sync.Mutex
	nextID int

	mu        sync.Mutex
	pending   map[int]chan response
	published map[string]publication // latest per URI
	changed   chan struct{}          // signalled on each publication
	readErr   error
}

type response struct {
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
	at time.Time // when the reply was read
}

type publication struct {
	version int32
	count   int
	at      time.Time
}

func start(bin string) (*client, error) {
	cmd := exec.Command(bin, "serve", "--stdio")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	c := &client{
		cmd: cmd, stdin: stdin, stderr: &tailBuffer{max: 8 << 10}, done: make(chan struct{}),
		pending: map[int]chan response{}, published: map[string]publication{}, changed: make(chan struct{}, 1),
	}
	cmd.Stderr = c.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s serve --stdio: %w", bin, err)
	}
	go c.read(bufio.NewReaderSize(stdout, 64<<10))
	go func() {
		c.waitErr = cmd.Wait()
		close(c.done)
	}()
	return c, nil
}

func (c *client) kill() {
	select {
	case <-c.done:
	default:
		_ = c.cmd.Process.Kill()
	}
}

// write sends one framed message in a single write.
func (c *client) write(msg any) error {
	body, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	frame := append([]byte("Content-Length: "+strconv.Itoa(len(body))+"\r\n\r\n"), body...)
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if _, err := c.stdin.Write(frame); err != nil {
		return fmt.Errorf("write to the server: %w", err)
	}
	return nil
}

func (c *client) notify(method string, params any) error {
	return c.write(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// call sends a request, waits for its reply and decodes the result into
// result; it returns the time from the write to the read of the reply.
func (c *client) call(method string, params, result any) (time.Duration, error) {
	ch := make(chan response, 1)
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	c.pending[id] = ch
	c.mu.Unlock()
	sent := time.Now()
	if err := c.write(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params}); err != nil {
		return 0, err
	}
	select {
	case r := <-ch:
		if r.Error != nil {
			return 0, fmt.Errorf("%s: error %d: %s", method, r.Error.Code, r.Error.Message)
		}
		if result != nil && len(r.Result) > 0 {
			if err := json.Unmarshal(r.Result, result); err != nil {
				return 0, fmt.Errorf("%s: decode the result: %w", method, err)
			}
		}
		return r.at.Sub(sent), nil
	case <-c.done:
		return 0, fmt.Errorf("%s: the server exited (%v)", method, c.waitErr)
	case <-time.After(replyTimeout):
		c.mu.Lock()
		delete(c.pending, id)
		c.mu.Unlock()
		return 0, fmt.Errorf("%s: no reply within %v", method, replyTimeout)
	}
}

func (c *client) open(uri, text string) error {
	return c.notify("textDocument/didOpen", map[string]any{
		"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": text},
	})
}

// read reads the server's messages until its stdout closes: replies go to
// their callers, publications are recorded, requests get a null result.
func (c *client) read(r *bufio.Reader) {
	for {
		body, err := readFrame(r)
		at := time.Now()
		if err != nil {
			c.mu.Lock()
			c.readErr = err
			c.mu.Unlock()
			c.signal()
			return
		}
		var msg struct {
			ID     *json.RawMessage `json:"id"`
			Method string           `json:"method"`
			Params json.RawMessage  `json:"params"`
		}
		if err := json.Unmarshal(body, &msg); err != nil {
			continue
		}
		switch {
		case msg.Method == "" && msg.ID != nil: // a reply
			var resp response
			if json.Unmarshal(body, &resp) != nil {
				continue
			}
			resp.at = at
			id, err := strconv.Atoi(string(*msg.ID))
			if err != nil {
				continue
			}
			c.mu.Lock()
			ch, ok := c.pending[id]
			delete(c.pending, id)
			c.mu.Unlock()
			if ok {
				ch <- resp
			}
		case msg.Method == "textDocument/publishDiagnostics":
			var p struct {
				URI         string            `json:"uri"`
				Version     int32             `json:"version"`
				Diagnostics []json.RawMessage `json:"diagnostics"`
			}
			if json.Unmarshal(msg.Params, &p) != nil {
				continue
			}
			c.mu.Lock()
			c.published[p.URI] = publication{version: p.Version, count: len(p.Diagnostics), at: at}
			c.mu.Unlock()
			c.signal()
		case msg.ID != nil: // a request from the server
			_ = c.write(map[string]any{"jsonrpc": "2.0", "id": msg.ID, "result": nil})
		}
	}
}

func (c *client) signal() {
	select {
	case c.changed <- struct{}{}:
	default:
	}
}

// waitFor waits until ok holds of the publications, or timeout passes.
func (c *client) waitFor(what string, timeout time.Duration, ok func(map[string]publication) bool) error {
	deadline := time.After(timeout)
	for {
		c.mu.Lock()
		done, readErr := ok(c.published), c.readErr
		c.mu.Unlock()
		if done {
			return nil
		}
		if readErr != nil {
			return fmt.Errorf("waiting for %s: reading from the server: %w", what, readErr)
		}
		select {
		case <-c.changed:
		case <-deadline:
			return fmt.Errorf("no %s within %v", what, timeout)
		}
	}
}

// waitPublish waits for the diagnostics of a document's version.
func (c *client) waitPublish(uri string, version int32, timeout time.Duration) (publication, error) {
	var got publication
	err := c.waitFor(fmt.Sprintf("diagnostics for %s version %d", uri, version), timeout, func(m map[string]publication) bool {
		p, ok := m[uri]
		got = p
		return ok && p.version == version
	})
	return got, err
}

// waitAllPublished waits until every uri has had diagnostics published, or
// timeout passes; it returns how many had.
func (c *client) waitAllPublished(uris []string, timeout time.Duration) (int, error) {
	n := 0
	err := c.waitFor(fmt.Sprintf("diagnostics for all %d documents", len(uris)), timeout, func(m map[string]publication) bool {
		n = 0
		for _, u := range uris {
			if _, ok := m[u]; ok {
				n++
			}
		}
		return n == len(uris)
	})
	return n, err
}

// shutdown ends the session as an editor does: shutdown, exit, and the end
// of the server's input; it returns the server's exit status.
func (c *client) shutdown() (int, error) {
	if _, err := c.call("shutdown", nil, nil); err != nil {
		return -1, err
	}
	if err := c.notify("exit", nil); err != nil {
		return -1, err
	}
	_ = c.stdin.Close()
	select {
	case <-c.done:
	case <-time.After(exitTimeout):
		c.kill()
		return -1, fmt.Errorf("the server did not exit within %v of exit", exitTimeout)
	}
	var exit *exec.ExitError
	if c.waitErr != nil && !errors.As(c.waitErr, &exit) {
		return -1, c.waitErr
	}
	return c.cmd.ProcessState.ExitCode(), nil
}

// readFrame reads one Content-Length framed message body.
func readFrame(r *bufio.Reader) ([]byte, error) {
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if length >= 0 {
				break
			}
			continue
		}
		if name, value, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			if length, err = strconv.Atoi(strings.TrimSpace(value)); err != nil {
				return nil, fmt.Errorf("bad Content-Length %q", value)
			}
		}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	return body, nil
}

// tailBuffer keeps the last max bytes written to it: the server's log, for
// a failed run's report.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	buf bytes.Buffer
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf.Write(p)
	if extra := t.buf.Len() - t.max; extra > 0 {
		t.buf.Next(extra)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.String()
}
