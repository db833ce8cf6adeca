package analysis

import "testing"

func TestRoutesMinimalAPI(t *testing.T) {
	runRouteCases(t, "Program.cs", []routeCase{
		{name: "maps, groups, lambdas and method groups",
			src: `var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

// app.MapGet("/commented", () => 1);
var s = "app.MapGet(\"/string\", () => 1)";
app.MapGet("/todos", async (TodoDb db) => await db.Todos.ToListAsync());
var api = app.MapGroup("/api").WithTags("api");
var v1 = api.MapGroup("v1");
v1.MapPost("/orders/{id:int}/cancel", (int id) => {
    return Results.Conflict();
});
v1.MapDelete("orders/{id}", Handlers.DeleteOrder);
app.MapGroup("/chain").RequireAuthorization().MapGroup("/x").MapPut("/y", Put);
app.MapMethods("/m", new[] { "GET", "HEAD" }, () => "m");
app.Map("/any", delegate (HttpContext c) { return c.Response.WriteAsync("x"); });
app.MapPatch($"/{prefix}/p", () => 1);
app.Run();

static IResult Put() => Results.Ok();
`,
			routes: []string{
				"GET /todos at \"/todos\" body await db.Todos.ToListAsync()",
				"POST /api/v1/orders/{id:int}/cancel at \"/orders/{id:int}/cancel\" body {\n    return Results.Conflict();\n}",
				"DELETE /api/v1/orders/{id} at \"orders/{id}\" handler DeleteOrder",
				"PUT /chain/x/y at \"/y\" handler Put",
				"GET /m at \"/m\" body \"m\"",
				"HEAD /m at \"/m\" body \"m\"",
				"ANY /any at \"/any\" body { return c.Response.WriteAsync(\"x\"); }",
			},
			funs: []string{"Put Results.Ok()"}},
		{name: "an extension method's builder may be a group of elsewhere",
			src: `public static class TodoEndpoints {
    public static RouteGroupBuilder MapTodos(this RouteGroupBuilder group) {
        group.MapGet("/", GetAll);
        var items = group.MapGroup("/items");
        items.MapPost("/", Create);
        return group;
    }
    static async Task<Ok<List<Todo>>> GetAll(TodoDb db) => TypedResults.Ok(await db.Todos.ToListAsync());
    static IResult Create(Todo t) { return Results.Created($"/items/{t.Id}", t); }
}
`,
			routes: []string{
				"GET / mounted at \"/\" handler GetAll",
				"POST /items/ mounted at \"/\" handler Create",
			},
			funs: []string{
				"MapTodos {\n        group.MapGet(\"/\", GetAll);\n        var items = group.MapGroup(\"/items\");\n        items.MapPost(\"/\", Create);\n        return group;\n    }",
				"GetAll TypedResults.Ok(await db.Todos.ToListAsync())",
				"Create { return Results.Created($\"/items/{t.Id}\", t); }",
			}},
		{name: "a lambda with a generic return type",
			src:    "var api = app.MapGroup(\"/api/webhooks\");\napi.MapGet(\"/{id:int}\", async Task<Results<Ok<Sub>, NotFound<string>>> (int id) => {\n    return TypedResults.NotFound(\"x\");\n});\n",
			routes: []string{"GET /api/webhooks/{id:int} at \"/{id:int}\" body {\n    return TypedResults.NotFound(\"x\");\n}"}},
		{name: "a group whose prefix is not a literal",
			src: "var app = WebApplication.Create();\nvar g = app.MapGroup(Prefix);\ng.MapGet(\"/x\", () => 1);\n",
			routes: []string{
				"GET /x mounted at \"/x\" body 1",
			}},
		{name: "an application by another name",
			src: "var web = builder.Build();\nweb.MapGet(\"/x\", () => 1);\n",
			routes: []string{
				"GET /x at \"/x\" body 1",
			}},
	})
}

func TestRoutesControllers(t *testing.T) {
	runRouteCases(t, "OrdersController.cs", []routeCase{
		{name: "class route, verbs, tokens, absolute routes",
			src: `namespace Shop.Controllers;

[ApiController]
[Route("api/[controller]")]
public class OrdersController : ControllerBase
{
    // [HttpPut("commented")]
    [HttpGet]
    public ActionResult<IEnumerable<Order>> GetAll() { return Ok(); }

    [HttpDelete("{id}")]
    [Authorize, ProducesResponseType(404)]
    public async Task<IActionResult> Delete(long id)
    {
        return NoContent();
    }

    [HttpPost("/absolute/[action]")]
    public IActionResult Create() => Ok("[HttpGet(\"x\")]");

    [HttpGet("~/tilde")]
    public IActionResult Tilde() => Ok();

    [Route("[action]/{x}")]
    [HttpPut]
    public IActionResult Update(int x) { return Ok(); }

    [AcceptVerbs("GET", "POST", Route = "both")]
    public IActionResult Both() { return Ok(); }

    [NonAction]
    [HttpGet("no")]
    public void Helper() { }
}
`,
			routes: []string{
				"GET /api/Orders at HttpGet body [HttpGet]\n    public ActionResult<IEnumerable<Order>> GetAll() { return Ok(); }",
				"DELETE /api/Orders/{id} at \"{id}\" body [HttpDelete(\"{id}\")]\n    [Authorize, ProducesResponseType(404)]\n    public async Task<IActionResult> Delete(long id)\n    {\n        return NoContent();\n    }",
				"POST /absolute/Create at \"/absolute/[action]\" body [HttpPost(\"/absolute/[action]\")]\n    public IActionResult Create() => Ok(\"[HttpGet(\\\"x\\\")]\")",
				"GET /tilde at \"~/tilde\" body [HttpGet(\"~/tilde\")]\n    public IActionResult Tilde() => Ok()",
				"PUT /api/Orders/Update/{x} at \"[action]/{x}\" body [Route(\"[action]/{x}\")]\n    [HttpPut]\n    public IActionResult Update(int x) { return Ok(); }",
				"GET /api/Orders/both at \"both\" body [AcceptVerbs(\"GET\", \"POST\", Route = \"both\")]\n    public IActionResult Both() { return Ok(); }",
				"POST /api/Orders/both at \"both\" body [AcceptVerbs(\"GET\", \"POST\", Route = \"both\")]\n    public IActionResult Both() { return Ok(); }",
			}},
		{name: "a controller without a route is conventionally routed",
			src: "public class HomeController : Controller {\n    [HttpGet]\n    public IActionResult Index() { return View(); }\n    [HttpGet(\"about\")]\n    public IActionResult About() { return View(); }\n}\n",
			routes: []string{
				"GET /about at \"about\" body [HttpGet(\"about\")]\n    public IActionResult About() { return View(); }",
			},
			funs: []string{"Index { return View(); }", "About { return View(); }"}},
		{name: "a base class's route is inherited",
			src: "[Route(\"api/v1/[controller]\")]\npublic abstract class ApiBase : ControllerBase { }\npublic class UsersController : ApiBase {\n    [HttpGet(\"{id}\")]\n    public IActionResult Get(int id) { return Ok(); }\n}\n",
			routes: []string{
				"GET /{id} mounted at \"{id}\" body [HttpGet(\"{id}\")]\n    public IActionResult Get(int id) { return Ok(); }",
			}},
		{name: "several class routes, a template argument",
			src: "[Route(\"api/items\")]\n[Route(\"api/v2/items\")]\npublic class ItemsController : Microsoft.AspNetCore.Mvc.ControllerBase {\n    [HttpGet(template: \"{id:int}\", Name = \"GetItem\")]\n    public IActionResult Get(int id) { return Ok(); }\n}\n",
			routes: []string{
				"GET /api/items/{id:int} at \"{id:int}\" body [HttpGet(template: \"{id:int}\", Name = \"GetItem\")]\n    public IActionResult Get(int id) { return Ok(); }",
				"GET /api/v2/items/{id:int} at \"{id:int}\" body [HttpGet(template: \"{id:int}\", Name = \"GetItem\")]\n    public IActionResult Get(int id) { return Ok(); }",
			}},
	})
}
