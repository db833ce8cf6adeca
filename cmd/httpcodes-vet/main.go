// Command httpcodes-vet runs httpcodes's Go rules under go vet:
//
//	go install github.com/httpcodes/httpcodes/cmd/httpcodes-vet@latest
//	go vet -vettool=$(which httpcodes-vet) ./...
//	go vet -vettool=$(which httpcodes-vet) -httpcodes.severity=hint ./...
//
// go vet type-checks each package first, so this is slower than
// `httpcodes check`, which parses only; its use is a vet step a team has
// already, and the other languages need `httpcodes check`.
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/httpcodes/httpcodes/goanalyzer"
)

func main() { unitchecker.Main(goanalyzer.Analyzer) }
