module github.com/httpcodes/httpcodes

go 1.26
