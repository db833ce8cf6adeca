package analysis

import (
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lang/rust"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

func TestIsTestPath(t *testing.T) {
	tests := map[string]bool{
		// Go: _test.go only.
		"api/handler_test.go": true, "api/handler.go": false, "test/handler.go": false, "latest.go": false,
		"server/forge/github/fixtures/handler.go": true, "internal/testutil/server.go": true, "fixture.go": false,
		// JavaScript and TypeScript.
		"src/api.test.js": true, "src/api.spec.ts": true, "src/__tests__/api.js": true, "test/api.js": true,
		"tests/e2e/api.mjs": true, "spec/api.ts": true, "src/contest.js": false, "src/latest.ts": false,
		"src/testing.js": false, "src/api.js": false, "src/__fixtures__/server.ts": true,
		// Python.
		"app/test_views.py": true, "app/views_test.py": true, "conftest.py": true, "app/tests.py": true,
		"tests/factories.py": true, "app/views.py": false, "app/contest.py": false, "app/testing.py": false,
		// Ruby.
		"spec/requests/users_spec.rb": true, "test/controllers/users_controller_test.rb": true,
		"app/controllers/users_controller.rb": false,
		// PHP.
		"tests/Feature/UserTest.php": true, "src/UserTest.php": true, "src/User.php": false,
		// Java and Kotlin.
		"src/test/java/a/UserControllerTest.java": true, "src/main/java/a/UserController.java": false,
		"a/UserTests.java": true, "a/UserIT.java": true, "a/UserControllerTest.kt": true,
		"src/test/kotlin/a/Fixtures.kt": true, "src/main/kotlin/a/TestUtils.kt": false,
		// C#.
		"Api.Tests/UsersTests.cs": true, "Api.Tests/Fixtures.cs": true, "Api.UnitTests/X.cs": true,
		"src/Api/UsersController.cs": false, "src/Api/Contest.cs": false,
		"testassets/TestServer/Controllers/UpgradeController.cs": true, "TestAssets/Server/Program.cs": true,
		"src/Assets/AssetsController.cs": false, "src/testassetsmanager/X.cs": false,
		// Rust: tests/ holds integration tests; unit tests are found in the file.
		"tests/api.rs": true, "src/api.rs": false,
		// Neither OpenAPI descriptions nor nginx files have test code.
		"tests/openapi.yaml": false, "test/nginx.conf": false,
		// A path the analysis does not read.
		"tests/README.md": false,
	}
	for path, want := range tests {
		if got := facts.IsTestPath(path); got != want {
			t.Errorf("IsTestPath(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestRustTestRegions(t *testing.T) {
	src := "fn a() {}\n#[cfg(test)]\nmod tests;\n#[cfg(test)]\n#[allow(dead_code)]\nmod t { fn b() { let x = [0u8; 4]; } }\n#[actix_web::test]\nasync fn c(x: [u8; 2]) -> Result<(), E> { }\nfn d() {}\n"
	r := &rust.RustScan{Scan: lex.NewScan("rust", []byte(src), rust.LexRust([]byte(src)))}
	got := r.TestRegions()
	want := [][2]int{
		{34, 105},  // #[cfg(test)] … mod t { … }
		{106, 168}, // #[actix_web::test] … async fn c … { }
	}
	if len(got) != len(want) {
		t.Fatalf("regions %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("region %d = %v %q, want %v", i, got[i], src[got[i][0]:got[i][1]], want[i])
		}
	}
	inner := "#![cfg(test)]\nfn a() {}\n"
	r = &rust.RustScan{Scan: lex.NewScan("rust", []byte(inner), rust.LexRust([]byte(inner)))}
	if got := r.TestRegions(); len(got) != 1 || got[0] != [2]int{0, len(inner)} {
		t.Errorf("#![cfg(test)]: regions %v, want the whole file", got)
	}
}
