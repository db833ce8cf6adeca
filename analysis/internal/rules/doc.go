// Package rules holds the rules, each in its own file, registering itself
// with the languages it supports, its release, its severity and whether its
// fix is safe. Rules read only facts: the occurrences and flow steps a
// language extracted, and the phrases the language declares for messages.
package rules
