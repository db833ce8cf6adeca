package rules

// Example is a rule's case in one language, taken from the annotated
// testdata (the test that generates examples_gen.go keeps them in
// step): a line the rule flags and, where the rule has a fix, the line as
// the fix writes it.
type Example struct {
	Language string
	// Bad is the flagged line, without its test annotation.
	Bad string
	// Good is Bad after the rule's fix; "" when the rule offers none.
	Good string
}

// Examples returns the rule's examples, one per language it runs on, in
// the order of Languages.
func (r *Rule) Examples() []Example {
	var out []Example
	for _, lang := range r.SupportedLanguages() {
		if e, ok := ruleExamples[r.Name][lang]; ok {
			e.Language = lang
			out = append(out, e)
		}
	}
	return out
}
