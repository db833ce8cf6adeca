package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"go.lsp.dev/jsonrpc2"
)

const (
	// maxMessageSize bounds a frame's Content-Length. Editors do not send
	// files this large to extensions (VS Code stops at 50 MB), a document
	// over maxDocumentSize is only held, not analysed, and a bogus length
	// cannot make the server allocate more than this.
	maxMessageSize = 64 << 20
	// maxHeaderSize bounds a frame's header section, and so each of its
	// lines: an LSP header is "Content-Length: N" and perhaps a
	// Content-Type, under a hundred bytes.
	maxHeaderSize = 4 << 10
)

// stream is the LSP base protocol (Content-Length framed JSON-RPC) for
// jsonrpc2.Conn. Unlike jsonrpc2's own stream, a frame it cannot decode
// does not end the connection: it answers the JSON-RPC error the frame
// deserves and reads the next one. When the framing itself is lost (stray
// bytes, a wrong or missing Content-Length, a header that never ends), it
// skips to the next "Content-Length:" and goes on from there, holding at
// most a header's worth of the bytes it skips. Only the end of input stops
// it.
//
// It also keeps the ids of the client's requests: jsonrpc2 v0.10.0 reads
// an id into an int32 or a non-empty string, so "" came back as 0 and
// 2^31 or 1.5 could not be answered at all. Each request gets an id of
// our own on the way in, and its reply the client's id, byte for byte,
// on the way out.
type stream struct {
	in  *frameReader
	out io.Writer
	c   io.Closer
	mu  sync.Mutex // serialises writes: replies, notifications and our own errors
	// onBadFrame is told about each frame that was answered with an error.
	onBadFrame func(error)

	idMu sync.Mutex
	// calls maps our id of a request still unanswered (as JSON) to the
	// client's; byClient maps back, for $/cancelRequest.
	calls    map[string]json.RawMessage
	byClient map[string]jsonrpc2.ID
	nextID   int64
}

func newStream(r io.Reader, w io.Writer, c io.Closer) *stream {
	return &stream{
		in: &frameReader{r: r}, out: w, c: c, onBadFrame: func(error) {},
		calls: map[string]json.RawMessage{}, byClient: map[string]jsonrpc2.ID{},
	}
}

// errorResponse is a response written by hand, with the id as the client
// wrote it (null for a frame whose id cannot be known).
type errorResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Error   *jsonrpc2.Error `json:"error"`
}

type resultResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  json.RawMessage `json:"result"`
}

func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		data, n, err := s.readFrame()
		if err != nil {
			var bad *badFrameError
			if errors.As(err, &bad) {
				s.replyError(nil, jsonrpc2.NewError(jsonrpc2.ParseError, bad.Error()))
				continue
			}
			return nil, n, err
		}
		msg, err := s.decode(data)
		if err != nil {
			var rpcErr *jsonrpc2.Error
			errors.As(err, &rpcErr)
			if rpcErr.Code == jsonrpc2.ParseError {
				if id, ok := s.overlong(data); ok {
					s.replyError(id, jsonrpc2.NewError(jsonrpc2.ParseError, "the message is shorter than its Content-Length: the bytes after it were read again as the next message"))
					continue
				}
			}
			s.replyError(idOf(data), rpcErr)
			continue
		}
		if msg == nil {
			continue // a cancellation of a request already answered
		}
		return msg, n, nil
	}
}

// overlong handles a frame whose Content-Length was too long: one JSON
// value and then the start of the next frame. It puts the bytes after the
// value back to be read as the next frame and returns the value's id.
func (s *stream) overlong(data []byte) (json.RawMessage, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	if dec.Decode(&v) != nil {
		return nil, false
	}
	rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n")
	if len(rest) == 0 {
		return nil, false
	}
	s.in.unread(rest)
	return idOf(v), true
}

// decode turns a frame into a message, or into the JSON-RPC error it earns:
// ParseError for text that is not JSON, InvalidRequest for JSON that is no
// request, notification or response. A request gets an id of our own; a
// cancellation is sent on with it, or dropped (nil) when the request it
// names is no longer running.
func (s *stream) decode(data []byte) (jsonrpc2.Message, error) {
	var probe struct {
		JSONRPC string           `json:"jsonrpc"`
		Method  *string          `json:"method"`
		ID      json.RawMessage  `json:"id"`
		Result  *json.RawMessage `json:"result"`
		Error   *json.RawMessage `json:"error"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) || !json.Valid(data) {
			return nil, jsonrpc2.NewError(jsonrpc2.ParseError, "the message is not valid JSON: "+err.Error())
		}
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the message is not a JSON-RPC object: "+err.Error())
	}
	if probe.Method == nil && probe.ID == nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the message has neither a method nor an id")
	}
	if probe.Method != nil && *probe.Method == "" {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the method is empty")
	}
	if probe.ID != nil && !validID(probe.ID) {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the id is not a string, a number or null")
	}
	if probe.Method != nil && probe.ID != nil {
		// The request again, with our id in place of the client's.
		var call struct {
			JSONRPC string          `json:"jsonrpc"`
			ID      jsonrpc2.ID     `json:"id"`
			Method  string          `json:"method"`
			Params  json.RawMessage `json:"params,omitempty"`
		}
		_ = json.Unmarshal(data, &struct {
			Params *json.RawMessage `json:"params"`
		}{&call.Params}) // the probe above read the same text
		call.JSONRPC, call.ID, call.Method = probe.JSONRPC, s.ourID(probe.ID), *probe.Method
		if data, err := json.Marshal(&call); err == nil {
			if msg, err := jsonrpc2.DecodeMessage(data); err == nil {
				return msg, nil
			}
		}
		s.clientID(call.ID)
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the message is not a valid JSON-RPC request")
	}
	msg, err := jsonrpc2.DecodeMessage(data)
	if err != nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the message is not a valid JSON-RPC message: "+err.Error())
	}
	if n, ok := msg.(*jsonrpc2.Notification); ok && n.Method() == "$/cancelRequest" {
		return s.cancellation(n)
	}
	return msg, nil
}

// validID reports whether an id is a JSON string, number or null.
func validID(raw json.RawMessage) bool {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return false
	}
	switch v.(type) {
	case string, float64, nil:
		return true
	}
	return false
}

// ourID gives a request an id of our own and remembers the client's.
func (s *stream) ourID(client json.RawMessage) jsonrpc2.ID {
	s.idMu.Lock()
	defer s.idMu.Unlock()
	s.nextID++
	id := jsonrpc2.NewStringID("httpcodes-" + strconv.FormatInt(s.nextID, 10))
	key, _ := json.Marshal(&id)
	s.calls[string(key)] = append(json.RawMessage(nil), client...)
	s.byClient[compactID(client)] = id
	return id
}

// compactID is an id's JSON without insignificant spaces, for lookups.
func compactID(raw json.RawMessage) string {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return string(raw)
	}
	return b.String()
}

// cancellation rewrites a $/cancelRequest to name our id of the request.
func (s *stream) cancellation(n *jsonrpc2.Notification) (jsonrpc2.Message, error) {
	var p struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(n.Params(), &p) != nil || p.ID == nil {
		return nil, nil
	}
	s.idMu.Lock()
	id, ok := s.byClient[compactID(p.ID)]
	s.idMu.Unlock()
	if !ok {
		return nil, nil
	}
	msg, err := jsonrpc2.NewNotification(n.Method(), map[string]any{"id": &id})
	if err != nil {
		return nil, nil
	}
	return msg, nil
}

// clientID returns, and forgets, the client's id of the request we know
// by id.
func (s *stream) clientID(id jsonrpc2.ID) (json.RawMessage, bool) {
	key, _ := json.Marshal(&id)
	s.idMu.Lock()
	defer s.idMu.Unlock()
	raw, ok := s.calls[string(key)]
	if ok {
		delete(s.calls, string(key))
		if s.byClient[compactID(raw)] == id {
			delete(s.byClient, compactID(raw))
		}
	}
	return raw, ok
}

// idOf returns the id of a frame that failed to decode, when it has one, so
// the error can answer the request it belongs to.
func idOf(data []byte) json.RawMessage {
	var probe struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(data, &probe) != nil || len(probe.ID) == 0 {
		return nil
	}
	var v any
	if json.Unmarshal(probe.ID, &v) != nil {
		return nil
	}
	switch v.(type) {
	case string, float64:
		return probe.ID
	}
	return nil
}

type badFrameError struct{ msg string }

func (e *badFrameError) Error() string { return e.msg }

// readFrame reads one frame's body. When the header is not one it can
// use, it skips to the next "Content-Length:" after the header's first
// byte and reports a badFrameError.
func (s *stream) readFrame() ([]byte, int64, error) {
	header, length, problem, err := s.readHeader()
	total := int64(len(header))
	if err != nil {
		if errors.Is(err, io.EOF) && len(bytes.TrimSpace(header)) == 0 {
			return nil, total, io.EOF
		}
		return nil, total, fmt.Errorf("reading a header: %w", err)
	}
	if problem == "" {
		data, err := s.in.readFull(length)
		if err != nil {
			return nil, total, fmt.Errorf("reading a %d-byte message: %w", length, err)
		}
		return data, total + length, nil
	}
	// Resynchronise: the header's first byte is skipped, so the search
	// cannot find the same header again.
	s.in.unread(header[1:])
	skipped := 1 + s.in.skipToHeader()
	total += int64(skipped - len(header))
	return nil, total, &badFrameError{fmt.Sprintf("%s; skipped %d bytes to the next Content-Length header", problem, skipped)}
}

// readHeader reads a header section up to its blank line. It returns the
// bytes it consumed, and the body's length or the problem that makes the
// header unusable; it stops at the first problem.
func (s *stream) readHeader() (header []byte, length int64, problem string, err error) {
	length = -1
	for {
		line, err := s.in.readLine()
		if errors.Is(err, errLongLine) {
			if len(header) == 0 {
				header = s.in.take(1)
			}
			return header, 0, fmt.Sprintf("a header line is over %d bytes", maxHeaderSize), nil
		}
		header = append(header, line...)
		if err != nil {
			return header, 0, "", err
		}
		text := strings.TrimRight(string(line), "\r\n")
		if text == "" {
			if length < 0 && len(bytes.TrimSpace(header)) == 0 {
				header = header[:0] // stray blank lines between frames
				continue
			}
			break
		}
		if len(header) > maxHeaderSize {
			return header, 0, fmt.Sprintf("the header is over %d bytes", maxHeaderSize), nil
		}
		name, value, ok := strings.Cut(text, ":")
		if !ok || !isToken(name) {
			return header, 0, fmt.Sprintf("%q is not a header line", truncate(text)), nil
		}
		if strings.EqualFold(name, "Content-Length") {
			n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			switch {
			case err != nil || n < 0:
				return header, 0, fmt.Sprintf("Content-Length %q is not a length", truncate(value)), nil
			case n > maxMessageSize:
				return header, 0, fmt.Sprintf("Content-Length %d is over the limit of %d bytes", n, maxMessageSize), nil
			}
			length = n
		}
	}
	if length < 0 {
		return header, 0, "the header has no Content-Length", nil
	}
	return header, length, "", nil
}

// isToken reports whether a header name is an RFC 9110 token.
func isToken(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}

func truncate(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

func (s *stream) replyError(id json.RawMessage, e *jsonrpc2.Error) {
	if id == nil {
		id = json.RawMessage("null")
	}
	data, err := json.Marshal(errorResponse{JSONRPC: "2.0", ID: id, Error: e})
	if err == nil {
		s.writeFrame(data)
	}
	s.onBadFrame(e)
}

func (s *stream) Write(_ context.Context, msg jsonrpc2.Message) (int64, error) {
	if r, ok := msg.(*jsonrpc2.Response); ok {
		if id, ok := s.clientID(r.ID()); ok {
			return s.writeResponse(id, r)
		}
	}
	data, err := json.Marshal(msg)
	if err != nil {
		return 0, fmt.Errorf("encoding a message: %w", err)
	}
	return s.writeFrame(data)
}

// writeResponse writes a reply with the client's id of its request.
func (s *stream) writeResponse(id json.RawMessage, r *jsonrpc2.Response) (int64, error) {
	var v any
	if err := r.Err(); err != nil {
		var e *jsonrpc2.Error
		if !errors.As(err, &e) {
			e = jsonrpc2.NewError(jsonrpc2.InternalError, err.Error())
		}
		v = errorResponse{JSONRPC: "2.0", ID: id, Error: e}
	} else {
		result := r.Result()
		if len(result) == 0 {
			result = json.RawMessage("null")
		}
		v = resultResponse{JSONRPC: "2.0", ID: id, Result: result}
	}
	data, err := json.Marshal(v)
	if err != nil {
		return 0, fmt.Errorf("encoding a response: %w", err)
	}
	return s.writeFrame(data)
}

func (s *stream) writeFrame(data []byte) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := fmt.Fprintf(s.out, "Content-Length: %d\r\n\r\n", len(data))
	if err != nil {
		return int64(n), err
	}
	m, err := s.out.Write(data)
	return int64(n + m), err
}

func (s *stream) Close() error {
	if s.c == nil {
		return nil
	}
	return s.c.Close()
}
