// Package php reads PHP: plain PHP, Laravel, Symfony, PSR-7, and the flow of
// a response.
//
// It registers itself (facts.Register) when loaded.
package php
