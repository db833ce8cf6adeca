package lsp

import (
	"bufio"
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

// maxMessageSize bounds a frame's Content-Length: a 10 MB document sent as
// JSON fits several times over, and a bogus length cannot exhaust memory.
const maxMessageSize = 256 << 20

// stream is the LSP base protocol (Content-Length framed JSON-RPC) for
// jsonrpc2.Conn. Unlike jsonrpc2's own stream, a frame it cannot decode
// does not end the connection: it answers the JSON-RPC error the frame
// deserves and reads the next one. Only the end of input, or a header it
// cannot find its way out of, stops it.
type stream struct {
	in  *bufio.Reader
	out io.Writer
	c   io.Closer
	mu  sync.Mutex // serialises writes: replies, notifications and our own errors
	// onBadFrame is told about each frame that was answered with an error.
	onBadFrame func(error)
}

func newStream(r io.Reader, w io.Writer, c io.Closer) *stream {
	return &stream{in: bufio.NewReaderSize(r, 64<<10), out: w, c: c, onBadFrame: func(error) {}}
}

// errorResponse is written by hand: jsonrpc2 v0.10.0 cannot build a
// response whose id is null, which a parse error must have.
type errorResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Error   *jsonrpc2.Error `json:"error"`
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
		msg, err := decode(data)
		if err != nil {
			s.replyError(idOf(data), err.(*jsonrpc2.Error))
			continue
		}
		return msg, n, nil
	}
}

// decode turns a frame into a message, or into the JSON-RPC error it earns:
// ParseError for text that is not JSON, InvalidRequest for JSON that is no
// request, notification or response.
func decode(data []byte) (jsonrpc2.Message, error) {
	var probe struct {
		JSONRPC string           `json:"jsonrpc"`
		Method  *string          `json:"method"`
		ID      *json.RawMessage `json:"id"`
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
	msg, err := jsonrpc2.DecodeMessage(data)
	if err != nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the message is not a valid JSON-RPC message: "+err.Error())
	}
	return msg, nil
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

// readFrame reads one frame's body. A malformed header section is skipped
// to its blank line and reported as a badFrameError.
func (s *stream) readFrame() ([]byte, int64, error) {
	var total int64
	length := int64(-1)
	var problem string
	for {
		line, err := s.in.ReadString('\n')
		total += int64(len(line))
		if err != nil {
			if err == io.EOF && strings.TrimSpace(line) == "" {
				return nil, total, io.EOF
			}
			return nil, total, fmt.Errorf("reading a header: %w", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if problem == "" && length < 0 && total <= 2 {
				continue // stray blank line between frames
			}
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			problem = fmt.Sprintf("header line %q is not \"Name: value\"", truncate(line))
			continue
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			switch {
			case err != nil || n < 0:
				problem = fmt.Sprintf("Content-Length %q is not a length", truncate(value))
			case n > maxMessageSize:
				problem = fmt.Sprintf("Content-Length %d is over the limit of %d bytes", n, maxMessageSize)
			default:
				length = n
			}
		}
	}
	if problem == "" && length < 0 {
		problem = "the header has no Content-Length"
	}
	if problem != "" {
		if length > 0 && length <= maxMessageSize {
			// The length is usable: skip the body, so the next frame is found.
			if _, err := io.CopyN(io.Discard, s.in, length); err != nil {
				return nil, total, fmt.Errorf("skipping a bad frame: %w", err)
			}
		}
		return nil, total, &badFrameError{problem}
	}
	data := make([]byte, length)
	if _, err := io.ReadFull(s.in, data); err != nil {
		return nil, total, fmt.Errorf("reading a %d-byte message: %w", length, err)
	}
	return data, total + length, nil
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
	data, err := json.Marshal(msg)
	if err != nil {
		return 0, fmt.Errorf("encoding a message: %w", err)
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
