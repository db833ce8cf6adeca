package analysis

// The languages register themselves when their packages load.
import (
	_ "github.com/httpcodes/httpcodes/analysis/internal/lang/golang"
	_ "github.com/httpcodes/httpcodes/analysis/internal/lang/javascript"
	_ "github.com/httpcodes/httpcodes/analysis/internal/lang/jvm"
	_ "github.com/httpcodes/httpcodes/analysis/internal/lang/nginx"
	_ "github.com/httpcodes/httpcodes/analysis/internal/lang/openapi"
	_ "github.com/httpcodes/httpcodes/analysis/internal/lang/php"
	_ "github.com/httpcodes/httpcodes/analysis/internal/lang/python"
	_ "github.com/httpcodes/httpcodes/analysis/internal/lang/ruby"
	_ "github.com/httpcodes/httpcodes/analysis/internal/lang/rust"
)
