// Package ruby reads Ruby: Rails, Sinatra, Rack, status symbols, and the
// flow of a response.
//
// It registers itself (facts.Register) when loaded.
package ruby
