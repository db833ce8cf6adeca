// Package openapi reads OpenAPI 3.x and Swagger 2.0 descriptions in YAML or
// JSON: response codes and their descriptions, responses given by $ref
// within a file and into others.
//
// It registers itself (facts.Register) when loaded.
package openapi
