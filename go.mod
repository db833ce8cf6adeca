module github.com/httpcodes/httpcodes

go 1.26.0

// Each dependency does one job the standard library does not:
require (
	github.com/aymanbagabas/go-udiff v0.4.1 // check --diff: unified diffs (a port of gopls's diff)
	github.com/bmatcuk/doublestar/v4 v4.10.4 // .httpcodes.yaml exclude globs with **
	github.com/go-git/go-billy/v5 v5.9.2 // go-git's filesystem type, which its global-excludes loader takes
	github.com/go-git/go-git/v5 v5.19.3 // check: .gitignore, .git/info/exclude and the global excludes read with its plumbing/format/gitignore matcher, without running git
	github.com/golangci/plugin-module-register v0.1.2 // goanalyzer/golangci: the golangci-lint module plugin registry (no dependencies of its own)
	github.com/owenrumney/go-sarif/v3 v3.3.1 // check --format sarif: SARIF 2.1.0 types
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3 // tests only: validate SARIF against the official draft-04 schema, and .httpcodes.yaml examples against our schema
	github.com/spf13/cobra v1.10.2 // the command line: flags anywhere, help, did-you-mean, shell completion and (cobra/doc) man pages, as golangci-lint and gh use it
	github.com/yuin/goldmark v1.8.7 // site: the data set's Markdown as HTML
	go.lsp.dev/jsonrpc2 v0.10.0 // the server's JSON-RPC (v0.10.0: the only version protocol v0.12.0 builds with)
	go.lsp.dev/protocol v0.12.0 // LSP types
	go.lsp.dev/uri v0.3.0 // protocol's URI type, used in workspace edits
	go.uber.org/zap v1.28.0 // the server's logs, to stderr or a file
	go.yaml.in/yaml/v3 v3.0.6 // .httpcodes.yaml, with line numbers for errors; OpenAPI responses $ref'd from another file
	golang.org/x/sys v0.49.0 // check --fix: renameat2 RENAME_EXCHANGE, to swap a fixed file in without losing an edit
	golang.org/x/tools v0.52.0 // goanalyzer, cmd/httpcodes-vet: the go/analysis API, unitchecker for go vet -vettool, analysistest (the newest release served here)
)

require (
	github.com/cpuguy83/go-md2man/v2 v2.0.6 // indirect
	github.com/cyphar/filepath-securejoin v0.6.1 // indirect
	github.com/go-git/gcfg v1.5.1-0.20230307220236-3a3c6141e376 // indirect
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/jbenet/go-context v0.0.0-20150711004518-d14ea06fba99 // indirect
	github.com/russross/blackfriday/v2 v2.1.0 // indirect
	github.com/segmentio/asm v1.1.3 // indirect
	github.com/segmentio/encoding v0.3.4 // indirect
	github.com/spf13/pflag v1.0.9 // indirect
	github.com/xeipuuv/gojsonpointer v0.0.0-20180127040702-4e3ac2762d5f // indirect
	github.com/xeipuuv/gojsonreference v0.0.0-20180127040603-bd5ef7bd5415 // indirect
	github.com/xeipuuv/gojsonschema v1.2.0 // indirect
	go.lsp.dev/pkg v0.0.0-20210717090340-384b27a52fb2 // indirect
	go.uber.org/multierr v1.10.0 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/net v0.61.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/text v0.43.0 // indirect
	gopkg.in/warnings.v0 v0.1.2 // indirect
)
