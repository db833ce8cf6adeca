// Package lex is the scanning framework the languages share: tokens and
// their bracket pairs, status contexts (which call, argument or field makes
// a number a status), comparisons, member chains, and the completion
// helpers. Every walk is linear in the file (TestShapesLinear).
package lex
