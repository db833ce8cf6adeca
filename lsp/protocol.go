package lsp

import (
	"encoding/json"

	"go.lsp.dev/protocol"
)

// go.lsp.dev/protocol v0.12.0 speaks LSP 3.16. The types below are the
// parts of LSP 3.17 this server implements and that library lacks: position
// encodings, inlay hints, pull diagnostics; and a content change whose range
// can be absent (the library's is a value, so a full-text change cannot be
// told from an edit at 0:0).

// contentChange is one entry of didChange's contentChanges.
type contentChange struct {
	Range *protocol.Range `json:"range,omitempty"`
	Text  string          `json:"text"`
}

type didChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []contentChange                          `json:"contentChanges"`
}

// initializeParams is the part of the client's initialize request the
// server reads.
type initializeParams struct {
	ProcessID    *int32 `json:"processId"`
	Capabilities struct {
		General struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
		TextDocument struct {
			Diagnostic *json.RawMessage `json:"diagnostic"`
			Completion struct {
				CompletionItem struct {
					SnippetSupport bool `json:"snippetSupport"`
				} `json:"completionItem"`
			} `json:"completion"`
		} `json:"textDocument"`
		Workspace struct {
			Diagnostics           refreshCapability `json:"diagnostics"`
			InlayHint             refreshCapability `json:"inlayHint"`
			DidChangeWatchedFiles struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
		} `json:"workspace"`
	} `json:"capabilities"`
	InitializationOptions json.RawMessage `json:"initializationOptions"`
	RootURI               string          `json:"rootUri"`
	WorkspaceFolders      []struct {
		URI string `json:"uri"`
	} `json:"workspaceFolders"`
}

// refreshCapability says whether the client takes a server's request to
// pull a feature's results again (workspace/diagnostic/refresh, …).
type refreshCapability struct {
	RefreshSupport bool `json:"refreshSupport"`
}

type initializeResult struct {
	Capabilities serverCapabilities `json:"capabilities"`
	ServerInfo   serverInfo         `json:"serverInfo"`
}

type serverInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type serverCapabilities struct {
	PositionEncoding   string                      `json:"positionEncoding"`
	TextDocumentSync   textDocumentSyncOptions     `json:"textDocumentSync"`
	HoverProvider      bool                        `json:"hoverProvider"`
	CompletionProvider *protocol.CompletionOptions `json:"completionProvider"`
	CodeActionProvider codeActionOptions           `json:"codeActionProvider"`
	InlayHintProvider  bool                        `json:"inlayHintProvider"`
	DiagnosticProvider *diagnosticOptions          `json:"diagnosticProvider,omitempty"`
}

type textDocumentSyncOptions struct {
	OpenClose bool                          `json:"openClose"`
	Change    protocol.TextDocumentSyncKind `json:"change"`
	Save      *protocol.SaveOptions         `json:"save,omitempty"`
}

type codeActionOptions struct {
	CodeActionKinds []protocol.CodeActionKind `json:"codeActionKinds"`
}

type diagnosticOptions struct {
	Identifier            string `json:"identifier"`
	InterFileDependencies bool   `json:"interFileDependencies"`
	WorkspaceDiagnostics  bool   `json:"workspaceDiagnostics"`
}

// inlayHintParams is textDocument/inlayHint's request (LSP 3.17).
type inlayHintParams struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	Range        protocol.Range                  `json:"range"`
}

// inlayHint is one hint (LSP 3.17); kind 1 is a type hint, 2 a parameter.
type inlayHint struct {
	Position     protocol.Position `json:"position"`
	Label        string            `json:"label"`
	PaddingLeft  bool              `json:"paddingLeft,omitempty"`
	PaddingRight bool              `json:"paddingRight,omitempty"`
	Tooltip      string            `json:"tooltip,omitempty"`
}

// documentDiagnosticParams is textDocument/diagnostic's request (LSP 3.17).
type documentDiagnosticParams struct {
	TextDocument     protocol.TextDocumentIdentifier `json:"textDocument"`
	Identifier       string                          `json:"identifier,omitempty"`
	PreviousResultID string                          `json:"previousResultId,omitempty"`
}

// documentDiagnosticReport is a full report; the server always sends one.
type documentDiagnosticReport struct {
	Kind     string                `json:"kind"` // "full"
	ResultID string                `json:"resultId,omitempty"`
	Items    []protocol.Diagnostic `json:"items"`
}

// The code action kind of "fix everything httpcodes can".
const sourceFixAllHTTPCodes protocol.CodeActionKind = "source.fixAll.httpcodes"

// ErrServerNotInitialized and ErrRequestCancelled are LSP's error codes.
const (
	codeServerNotInitialized = -32002
	codeRequestCancelled     = -32800
)
