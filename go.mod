module github.com/httpcodes/httpcodes

go 1.26

require (
	github.com/aymanbagabas/go-udiff v0.4.1
	github.com/bmatcuk/doublestar/v4 v4.10.4
	go.yaml.in/yaml/v3 v3.0.6
)
