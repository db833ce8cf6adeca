package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rawSession is a server driven with raw bytes, whose output is read back
// frame by frame: what a client with bugs in its framing would see.
type rawSession struct {
	t   *testing.T
	in  *io.PipeWriter
	out chan rawMessage
}

type rawMessage struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func startRaw(t *testing.T) *rawSession {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	s := &rawSession{t: t, in: inW, out: make(chan rawMessage, 100)}
	c := &client{t: t, slowStarted: make(chan struct{})}
	go func() {
		Serve(context.Background(), inR, outW, Options{Debounce: time.Millisecond, extra: testHandlers(c)})
		outW.Close()
	}()
	go func() {
		defer close(s.out)
		r := bufio.NewReader(outR)
		for {
			var length int
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					return
				}
				line = strings.TrimSpace(line)
				if line == "" {
					break
				}
				if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
					length, _ = strconv.Atoi(v)
				}
			}
			body := make([]byte, length)
			if _, err := io.ReadFull(r, body); err != nil {
				return
			}
			var m rawMessage
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("the server wrote a frame that is not JSON: %q", body)
				return
			}
			s.out <- m
		}
	}()
	t.Cleanup(func() { inW.Close() })
	s.send(frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`) +
		frame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`) +
		frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.go","languageId":"go","version":1,"text":`+jsonString(handlerGo)+`}}}`))
	if m := s.next(); string(m.ID) != "1" || m.Error != nil {
		t.Fatalf("initialize: %+v", m)
	}
	return s
}

func (s *rawSession) send(text string) {
	s.t.Helper()
	go s.in.Write([]byte(text)) // the server may answer before it has read it all
}

// next returns the next response, skipping notifications.
func (s *rawSession) next() rawMessage {
	s.t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case m, ok := <-s.out:
			if !ok {
				s.t.Fatal("the server ended its output")
			}
			if m.Method == "" {
				return m
			}
		case <-timeout:
			s.t.Fatal("no response within 5 s")
		}
	}
}

// hoverFrame is a hover request on the 207 of handlerGo.
func hoverRequest(id string) string {
	return `{"jsonrpc":"2.0","id":` + id + `,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.go"},"position":{"line":5,"character":40}}}`
}

// answer describes a response: the id and then "207" for a hover of 207,
// or the error code.
func (m rawMessage) answer() string {
	if m.Error != nil {
		return string(m.ID) + ":" + strconv.Itoa(m.Error.Code)
	}
	if strings.Contains(string(m.Result), "### 207 Multi-Status") {
		return string(m.ID) + ":207"
	}
	return string(m.ID) + ":" + string(m.Result)
}

// TestFramingResynchronises: after stray bytes or a frame whose header is
// wrong, the server answers an error and finds the next frame; every
// message after it is handled. It used to answer -32700 to everything
// after the first bad byte.
func TestFramingResynchronises(t *testing.T) {
	hover5 := hoverRequest("5")
	tests := []struct {
		name string
		bad  string
		want string // the answers, in order, ending with those to 7 and 8
	}{
		{"a stray byte", "x", "null:-32700 7:207 8:207"},
		{"a stray line", "garbage\r\n", "null:-32700 7:207 8:207"},
		{"stray blank lines", "\r\n\r\n", "7:207 8:207"},
		// The body ends early: it is not JSON, and its end is skipped.
		{"a Content-Length 3 too short", fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(hover5)-3, hover5), "null:-32700 null:-32700 7:207 8:207"},
		// The body runs into the next frame: the message is refused with
		// its id, and what follows it is read again as the next frame.
		{"a Content-Length 5 too long", fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(hover5)+5, hover5), "5:-32700 7:207 8:207"},
		{"a Content-Length 40 too long", fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(hover5)+40, hover5), "5:-32700 7:207 8:207"},
		{"a Content-Length that is no number", "Content-Length: five\r\n\r\n" + hover5, "null:-32700 7:207 8:207"},
		{"a negative Content-Length", "Content-Length: -5\r\n\r\n" + hover5, "null:-32700 7:207 8:207"},
		{"a Content-Length over the limit", "Content-Length: 99999999999\r\n\r\n" + hover5, "null:-32700 7:207 8:207"},
		{"no Content-Length", "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + hover5, "null:-32700 7:207 8:207"},
		{"a header that never ends", strings.Repeat("X-Filler: 1\r\n", 1000), "null:-32700 7:207 8:207"},
		{"a header line over the limit", "X-Filler: " + strings.Repeat("y", 10000) + "\r\n\r\n" + hover5, "null:-32700 7:207 8:207"},
		{"a lower-case header", "content-length: " + strconv.Itoa(len(hover5)) + "\r\n\r\n" + hover5, "5:207 7:207 8:207"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startRaw(t)
			s.send(tt.bad + frame(hoverRequest("7")) + frame(hoverRequest("8")))
			// Requests are handled in order, but a reply may be written
			// after the next one's (jsonrpc2 starts the next request when
			// the previous replies): clients match replies by id. Read as
			// many answers as are wanted, and compare as sets.
			want := strings.Fields(tt.want)
			var got []string
			for len(got) < len(want) {
				got = append(got, s.next().answer())
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("answers %s, want %s", strings.Join(got, " "), tt.want)
			}
		})
	}
}

// TestIDsEchoed: a reply carries the request's id as the client wrote it.
// jsonrpc2 read "" as the number 0, and could not read 2^31 or 1.5.
func TestIDsEchoed(t *testing.T) {
	s := startRaw(t)
	for _, id := range []string{`""`, `0`, `"0"`, `-7`, `2147483648`, `1.5`, `1e3`, `"é \"x\""`, `"httpcodes-1"`, `null`} {
		s.send(frame(hoverRequest(id)))
		if got := s.next(); string(got.ID) != id || got.answer() != id+":207" {
			t.Errorf("id %s answered as %s", id, got.answer())
		}
	}
	for _, id := range []string{`{}`, `[1]`, `true`} {
		s.send(frame(hoverRequest(id)))
		if got := s.next(); got.answer() != "null:-32600" {
			t.Errorf("id %s answered as %s, want an invalid request with a null id", id, got.answer())
		}
	}
	// An error reply keeps the id too.
	s.send(frame(`{"jsonrpc":"2.0","id":"","method":"no/such"}`))
	if got := s.next(); got.answer() != `"":-32601` {
		t.Errorf("unknown method with id \"\": %s", got.answer())
	}
	// A cancellation names the request by the client's id.
	s.send(frame(`{"jsonrpc":"2.0","id":"","method":"test/slow","params":{}}`))
	time.Sleep(20 * time.Millisecond)
	s.send(frame(`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":""}}`))
	if got := s.next(); got.answer() != `"":-32800` {
		t.Errorf("cancelled request with id \"\": %s", got.answer())
	}
}

// repeatReader yields n copies of a byte, then r.
type repeatReader struct {
	b    byte
	n    int
	then io.Reader
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return r.then.Read(p)
	}
	k := min(len(p), r.n)
	for i := range p[:k] {
		p[i] = r.b
	}
	r.n -= k
	return k, nil
}

// TestHugeHeaderLine: a 200 MB header line is skipped with an error and
// the frame after it read, holding a few buffers' worth of memory. The
// reader used to keep the whole line.
func TestHugeHeaderLine(t *testing.T) {
	in := &repeatReader{b: 'x', n: 200 << 20, then: strings.NewReader("\r\n\r\n" + frame(hoverRequest("7")))}
	var out bytes.Buffer
	s := newStream(in, &out, nil)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	msg, _, err := s.Read(context.Background())
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if call, ok := msg.(interface{ Method() string }); !ok || call.Method() != "textDocument/hover" {
		t.Errorf("the message after the line: %#v", msg)
	}
	if !strings.Contains(out.String(), `"id":null,"error":{"code":-32700,"message":"a header line is over 4096 bytes; skipped 209715204 bytes`) {
		t.Errorf("the error for the line: %s", out.String())
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
		t.Errorf("reading past a 200 MB line allocated %d bytes", alloc)
	}
}
