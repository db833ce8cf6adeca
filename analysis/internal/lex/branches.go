package lex

import (
	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

func MergeBranches(outs []facts.State, done []bool) (facts.State, bool) {
	var live []facts.State
	for i, o := range outs {
		if !done[i] {
			live = append(live, o)
		}
	}
	if len(live) == 0 {
		return nil, true
	}
	return facts.Union(live...), false
}
