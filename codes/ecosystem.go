package codes

// Ecosystem is a library or language runtime that names status codes.
type Ecosystem string

// The ecosystems whose constant names the data set records, in the column
// order of data/constants.csv.
const (
	Go        Ecosystem = "go"        // net/http: http.StatusNotFound
	Python    Ecosystem = "python"    // http.HTTPStatus: HTTPStatus.NOT_FOUND
	DRF       Ecosystem = "drf"       // Django REST framework: status.HTTP_404_NOT_FOUND
	Starlette Ecosystem = "starlette" // Starlette and FastAPI: status.HTTP_404_NOT_FOUND
	Spring    Ecosystem = "spring"    // org.springframework.http.HttpStatus.NOT_FOUND
	Servlet   Ecosystem = "servlet"   // HttpServletResponse.SC_NOT_FOUND
	ASPNet    Ecosystem = "aspnet"    // Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound
	DotNet    Ecosystem = "dotnet"    // System.Net.HttpStatusCode.NotFound
	Rust      Ecosystem = "rust"      // http::StatusCode::NOT_FOUND
	Node      Ecosystem = "node"      // http-status-codes: StatusCodes.NOT_FOUND
	NestJS    Ecosystem = "nestjs"    // @nestjs/common: HttpStatus.NOT_FOUND
	Rack      Ecosystem = "rack"      // Rack and Rails symbols: :not_found
	Symfony   Ecosystem = "symfony"   // Symfony HttpFoundation: Response::HTTP_NOT_FOUND
)

// Ecosystems lists every ecosystem in a stable order.
var Ecosystems = []Ecosystem{Go, Python, DRF, Starlette, Spring, Servlet, ASPNet, DotNet, Rust, Node, NestJS, Rack, Symfony}

// Label is the ecosystem's name as shown to people.
func (e Ecosystem) Label() string {
	switch e {
	case Go:
		return "Go net/http"
	case Python:
		return "Python http.HTTPStatus"
	case DRF:
		return "Django REST framework"
	case Starlette:
		return "Starlette / FastAPI"
	case Spring:
		return "Spring HttpStatus"
	case Servlet:
		return "Jakarta Servlet"
	case ASPNet:
		return "ASP.NET Core StatusCodes"
	case DotNet:
		return ".NET HttpStatusCode"
	case Rust:
		return "Rust http::StatusCode"
	case Node:
		return "Node http-status-codes"
	case NestJS:
		return "NestJS HttpStatus"
	case Rack:
		return "Rack / Rails"
	case Symfony:
		return "Symfony Response"
	}
	return string(e)
}

// Constant is one ecosystem's name for a code.
type Constant struct {
	Ecosystem Ecosystem
	// Name is written as in code: "http.StatusNotFound", ":not_found".
	Name string
	// Deprecated is set when the library itself deprecates the name.
	Deprecated bool
	// Replacement is the library's current name for the code when Deprecated is set.
	Replacement string
}

// EcosystemsForLanguage returns the ecosystems whose constants a source file
// in the given language may use, most common first. Languages are named as
// the analysis names them ("go", "python", "java", …).
func EcosystemsForLanguage(lang string) []Ecosystem {
	switch lang {
	case "go":
		return []Ecosystem{Go}
	case "python":
		return []Ecosystem{Python, Starlette, DRF}
	case "java", "kotlin":
		return []Ecosystem{Spring, Servlet}
	case "csharp":
		return []Ecosystem{ASPNet, DotNet}
	case "rust":
		return []Ecosystem{Rust}
	case "javascript", "typescript":
		return []Ecosystem{Node, NestJS}
	case "ruby":
		return []Ecosystem{Rack}
	case "php":
		return []Ecosystem{Symfony}
	}
	return nil
}
