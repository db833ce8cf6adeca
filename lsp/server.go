// Package lsp is the httpcodes language server: hover, completion,
// diagnostics, quick fixes and inlay hints for HTTP status codes, over the
// Language Server Protocol on any stream (stdio in `httpcodes serve`).
//
// Like gopls, it keeps one file per feature; the language logic lives in
// analysis and codes, and positions are converted in one place (mapper.go).
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcodes/httpcodes/workspace"
)

// Server is one language server session.
type Server struct {
	version string
	log     *zap.Logger
	conn    jsonrpc2.Conn
	docs    *documents

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	enc         encoding
	settings    settings
	// ws is the core check shares: each document's configuration, pins,
	// inclusion and reported findings, under the editor's settings.
	ws   *workspace.Workspace
	pull bool // the client pulls diagnostics
	// refreshDiagnostics and refreshHints are set when the client takes
	// workspace/diagnostic/refresh and workspace/inlayHint/refresh.
	refreshDiagnostics, refreshHints bool
	// watchFiles is set when the client watches files for the server on
	// request (didChangeWatchedFiles' dynamic registration).
	watchFiles bool
	timers     map[string]*time.Timer
	// oversized holds the documents over maxDocumentSize the user was told about.
	oversized map[string]bool
	// projectVersions is the version of each document the project join
	// last read.
	projectVersions map[string]int32
	// projectMu orders the project join's updates from analyses with the
	// closing of documents (updateProject, closeProjectDocument).
	projectMu sync.Mutex
	// told holds the workspace problems (a broken configuration, a lockfile
	// that cannot be read) already shown, so each is shown once.
	told map[string]bool

	// debounce is how long diagnostics wait after an edit for the next one.
	debounce time.Duration
	extra    map[string]handlerFunc
	// inflight counts messages read but not yet handled, so that at the end
	// of input every one of them is still answered.
	inflight sync.WaitGroup
	exited   chan struct{}
	exitOnce sync.Once
}

// Options configure a Server.
type Options struct {
	Version string
	Logger  *zap.Logger
	// Debounce delays diagnostics after an edit; 0 means the default, 50 ms.
	Debounce time.Duration
	// extra are methods added for one server, by tests.
	extra map[string]handlerFunc
}

// Serve runs a session over in and out until the client sends exit or
// closes the stream. It returns the process exit status LSP prescribes: 0
// after shutdown, 1 otherwise.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opts Options) int {
	s := newServer(opts)
	st := newStream(in, out, nil)
	st.onBadFrame = func(err error) { s.log.Warn("bad message", zap.Error(err)) }
	s.conn = jsonrpc2.NewConn(st)
	s.conn.Go(ctx, s.handler())
	select {
	case <-s.exited:
	case <-s.conn.Done():
		if err := s.conn.Err(); err != nil && !errors.Is(err, io.EOF) {
			s.log.Info("connection ended", zap.Error(err))
		}
		s.drain(drainTimeout)
	case <-ctx.Done():
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdown {
		return 0
	}
	return 1
}

// drainTimeout bounds how long the end of input waits for the messages
// already read to be answered.
const drainTimeout = 5 * time.Second

func (s *Server) drain(timeout time.Duration) {
	done := make(chan struct{})
	go func() {
		s.inflight.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-s.exited:
	case <-time.After(timeout):
		s.log.Warn("gave up waiting for requests at the end of input")
	}
}

func newServer(opts Options) *Server {
	log := opts.Logger
	if log == nil {
		log = zap.NewNop()
	}
	debounce := opts.Debounce
	if debounce == 0 {
		debounce = 50 * time.Millisecond
	}
	return &Server{
		version: opts.Version, log: log, docs: newDocuments(), settings: defaultSettings(),
		timers: map[string]*time.Timer{}, oversized: map[string]bool{}, told: map[string]bool{},
		debounce: debounce, exited: make(chan struct{}), extra: opts.extra, ws: mustWorkspace(workspace.Settings{}),
	}
}

// handler is the chain every message goes through: $/cancelRequest acts at
// once; everything else runs in order, off the read loop (so a cancel can
// arrive while a request runs), with a cancellable context, and through
// dispatch, which never returns an error: jsonrpc2 v0.10.0 closes the
// connection on any error a handler returns.
func (s *Server) handler() jsonrpc2.Handler {
	inner, cancel := jsonrpc2.CancelHandler(func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		defer s.inflight.Done()
		s.dispatch(ctx, reply, req)
		return nil
	})
	ordered := jsonrpc2.AsyncHandler(inner)
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() == "$/cancelRequest" {
			var p struct {
				ID json.RawMessage `json:"id"`
			}
			if json.Unmarshal(req.Params(), &p) == nil {
				var id jsonrpc2.ID
				if json.Unmarshal(p.ID, &id) == nil {
					cancel(id)
				}
			}
			return nil
		}
		s.inflight.Add(1)
		return ordered(ctx, reply, req)
	}
}

// dispatch routes one message, recovering from any panic in a handler.
func (s *Server) dispatch(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) {
	replied := false
	send := func(result any, err error) {
		if replied {
			return
		}
		replied = true
		if err == nil && ctx.Err() != nil {
			err = jsonrpc2.NewError(codeRequestCancelled, "the request was cancelled")
		}
		if werr := reply(ctx, result, err); werr != nil {
			s.log.Warn("cannot send a reply", zap.String("method", req.Method()), zap.Error(werr))
		}
	}
	// Every message is answered, notifications with nothing: the
	// asynchronous handler lets the next message through only once the
	// reply is called, so a notification left unanswered ($/setTrace,
	// which VS Code sends on every settings change) would stall the
	// server for good.
	defer send(nil, nil)
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("handler panicked", zap.String("method", req.Method()), zap.Any("panic", r), zap.ByteString("stack", debug.Stack()))
			err := jsonrpc2.NewError(jsonrpc2.InternalError, fmt.Sprintf("internal error in %s: %v", req.Method(), r))
			if _, isCall := req.(*jsonrpc2.Call); !isCall {
				s.logMessage(ctx, protocol.MessageTypeError, "httpcodes: "+err.Message)
			}
			send(nil, err)
		}
	}()
	_, isCall := req.(*jsonrpc2.Call)
	method := req.Method()

	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case method == "exit":
		s.exitOnce.Do(func() { close(s.exited) })
		return
	case method == "initialize":
		if initialized {
			send(nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize was already called"))
			return
		}
	case !initialized:
		if isCall {
			send(nil, jsonrpc2.NewError(codeServerNotInitialized, "the server is not initialized: send initialize first"))
		}
		return
	case shutdown:
		if isCall {
			send(nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shut down: only exit is accepted"))
		}
		return
	}

	h, ok := s.extra[method]
	if !ok {
		h, ok = handlers[method]
	}
	if !ok {
		if isCall {
			send(nil, jsonrpc2.NewError(jsonrpc2.MethodNotFound, fmt.Sprintf("method %q is not supported", method)))
		}
		return // unknown notifications, $/ ones included, are ignored
	}
	start := time.Now()
	result, err := h(s, ctx, req.Params())
	s.log.Debug("handled", zap.String("method", method), zap.Duration("took", time.Since(start)), zap.Error(err))
	if err != nil && !isCall {
		// A notification has no reply to carry its error: a didChange the
		// server could not apply would leave its text behind the editor's
		// without a word. The client's log says so.
		s.logMessage(ctx, protocol.MessageTypeError, fmt.Sprintf("httpcodes: %s: %v", method, err))
	}
	send(result, err)
}

// logMessage writes to the client's log (window/logMessage) and ours.
func (s *Server) logMessage(ctx context.Context, kind protocol.MessageType, msg string) {
	s.log.Warn(msg)
	if s.conn == nil {
		return
	}
	if err := s.conn.Notify(context.WithoutCancel(ctx), "window/logMessage", protocol.LogMessageParams{Type: kind, Message: msg}); err != nil {
		s.log.Warn("cannot notify", zap.Error(err))
	}
}

// handlerFunc answers one method; notifications' results are dropped.
type handlerFunc func(s *Server, ctx context.Context, params json.RawMessage) (any, error)

var handlers map[string]handlerFunc

func init() {
	handlers = map[string]handlerFunc{
		"initialize":                          (*Server).initialize,
		"initialized":                         (*Server).initializedNotification,
		"shutdown":                            (*Server).shutdownRequest,
		"textDocument/didOpen":                (*Server).didOpen,
		"textDocument/didChange":              (*Server).didChange,
		"textDocument/didClose":               (*Server).didClose,
		"textDocument/didSave":                noop,
		"textDocument/hover":                  (*Server).hover,
		"textDocument/completion":             (*Server).completion,
		"completionItem/resolve":              (*Server).resolveCompletion,
		"textDocument/codeAction":             (*Server).codeAction,
		"textDocument/inlayHint":              (*Server).inlayHint,
		"textDocument/diagnostic":             (*Server).pullDiagnostics,
		"workspace/didChangeConfiguration":    (*Server).didChangeConfiguration,
		"workspace/didChangeWorkspaceFolders": noop,
		"workspace/didChangeWatchedFiles":     (*Server).didChangeWatchedFiles,
	}
}

func noop(*Server, context.Context, json.RawMessage) (any, error) { return nil, nil }

// decodeParams reads a request's params, or says why they do not fit.
func decodeParams(raw json.RawMessage, v any) error {
	if len(raw) == 0 {
		return jsonrpc2.NewError(jsonrpc2.InvalidParams, "params are missing")
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return jsonrpc2.NewError(jsonrpc2.InvalidParams, "params do not fit the method: "+err.Error())
	}
	return nil
}

// snapshot returns the encoding, settings and workspace in force.
func (s *Server) snapshot() (encoding, settings, *workspace.Workspace) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.enc, s.settings, s.ws
}
