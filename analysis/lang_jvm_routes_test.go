package analysis

import "testing"

func TestRoutesSpringJava(t *testing.T) {
	runRouteCases(t, "OrderController.java", []routeCase{
		{name: "class prefix and method mappings",
			src: `@RestController
@RequestMapping("/api/orders")
public class OrderController {
    private final OrderService svc = new OrderService();

    @GetMapping("/{id}")
    public ResponseEntity<Order> get(@PathVariable Long id) throws NotFound {
        return ResponseEntity.ok(svc.get(id));
    }

    @PostMapping
    public Order create(@RequestBody Order o) { return o; }

    private Map<String, List<Order>> index() { return null; }
}
`,
			routes: []string{
				"GET /api/orders/{id} at \"/{id}\" body @GetMapping(\"/{id}\")\n    public ResponseEntity<Order> get(@PathVariable Long id) throws NotFound {\n        return ResponseEntity.ok(svc.get(id));\n    }",
				"POST /api/orders at PostMapping body @PostMapping\n    public Order create(@RequestBody Order o) { return o; }",
			},
			funs: []string{"get {\n        return ResponseEntity.ok(svc.get(id));\n    }", "create { return o; }", "index { return null; }"}},
		{name: "value and path attributes, arrays, RequestMapping methods",
			src: `@RequestMapping(value = {"/a", "/b"})
class C {
    @RequestMapping(path = "/{id}/cancel", method = {RequestMethod.POST, RequestMethod.PUT})
    void cancel() { x(); }
    @RequestMapping("/any")
    void any() {}
    @DeleteMapping(value = "/{id}", produces = "application/json")
    void del() {}
    @PatchMapping(produces = "application/json")
    void patch() {}
}
`,
			routes: []string{
				"POST /a/{id}/cancel at \"/{id}/cancel\" body @RequestMapping(path = \"/{id}/cancel\", method = {RequestMethod.POST, RequestMethod.PUT})\n    void cancel() { x(); }",
				"PUT /a/{id}/cancel at \"/{id}/cancel\" body @RequestMapping(path = \"/{id}/cancel\", method = {RequestMethod.POST, RequestMethod.PUT})\n    void cancel() { x(); }",
				"POST /b/{id}/cancel at \"/{id}/cancel\" body @RequestMapping(path = \"/{id}/cancel\", method = {RequestMethod.POST, RequestMethod.PUT})\n    void cancel() { x(); }",
				"PUT /b/{id}/cancel at \"/{id}/cancel\" body @RequestMapping(path = \"/{id}/cancel\", method = {RequestMethod.POST, RequestMethod.PUT})\n    void cancel() { x(); }",
				"ANY /a/any at \"/any\" body @RequestMapping(\"/any\")\n    void any() {}",
				"ANY /b/any at \"/any\" body @RequestMapping(\"/any\")\n    void any() {}",
				"DELETE /a/{id} at \"/{id}\" body @DeleteMapping(value = \"/{id}\", produces = \"application/json\")\n    void del() {}",
				"DELETE /b/{id} at \"/{id}\" body @DeleteMapping(value = \"/{id}\", produces = \"application/json\")\n    void del() {}",
				"PATCH /a at PatchMapping body @PatchMapping(produces = \"application/json\")\n    void patch() {}",
				"PATCH /b at PatchMapping body @PatchMapping(produces = \"application/json\")\n    void patch() {}",
			}},
		{name: "stacked annotations, comments and strings",
			src: `@RestController
@RequestMapping(path = "v1/things")
public class ThingController {
    // @GetMapping("/commented")
    /* @PostMapping("/block") */
    @Operation(summary = "@PutMapping(\"/in-a-string\")")
    @GetMapping("items")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.OK)
    public List<Thing> list() {
        String s = "@DeleteMapping(\"/x\")";
        return List.of();
    }
}
`,
			routes: []string{
				"GET /v1/things/items at \"items\" body @Operation(summary = \"@PutMapping(\\\"/in-a-string\\\")\")\n    @GetMapping(\"items\")\n    @PreAuthorize(\"hasRole('ADMIN')\")\n    @ResponseStatus(HttpStatus.OK)\n    public List<Thing> list() {\n        String s = \"@DeleteMapping(\\\"/x\\\")\";\n        return List.of();\n    }",
			}},
		{name: "a path that is not a literal is not read",
			src: "@RequestMapping(Paths.BASE)\nclass C {\n    @GetMapping(\"/\" + ID)\n    void a() {}\n    @GetMapping(\"/b\")\n    void b() {}\n}\n",
			routes: []string{
				"GET /b at \"/b\" body @GetMapping(\"/b\")\n    void b() {}",
			}},
		{name: "an interface's mapping names its method",
			src: "public interface PetApi {\n    @DeleteMapping(\"/pets/{petId}\")\n    ResponseEntity<Void> deletePet(@PathVariable(\"petId\") Long petId);\n}\n",
			routes: []string{
				"DELETE /pets/{petId} at \"/pets/{petId}\" handler deletePet",
			}},
		{name: "a nested class has its own prefix",
			src: "@RequestMapping(\"/outer\")\nclass O {\n    @RequestMapping(\"/inner\")\n    static class I {\n        @GetMapping(\"/x\") void x() {}\n    }\n    @GetMapping(\"/y\") void y() {}\n}\n",
			routes: []string{
				"GET /inner/x at \"/x\" body @GetMapping(\"/x\") void x() {}",
				"GET /outer/y at \"/y\" body @GetMapping(\"/y\") void y() {}",
			}},
		{name: "a class without a mapping",
			src: "@Controller\nclass H {\n    @GetMapping(\"/\")\n    String home() { return \"index\"; }\n}\n",
			routes: []string{
				"GET / at \"/\" body @GetMapping(\"/\")\n    String home() { return \"index\"; }",
			}},
	})
}

func TestRoutesSpringKotlin(t *testing.T) {
	runRouteCases(t, "UserController.kt", []routeCase{
		{name: "fun methods, expression bodies, arrays",
			src: `@RestController
@RequestMapping("/api/users")
class UserController(private val svc: UserService) {
    @GetMapping("/{id}")
    fun get(@PathVariable id: Long): User = svc.get(id)

    @PostMapping(value = ["", "/new"])
    suspend fun create(@RequestBody u: User): ResponseEntity<User> {
        return ResponseEntity.status(201).body(u)
    }

    @RequestMapping(path = ["/{id}"], method = [RequestMethod.DELETE])
    fun delete(@PathVariable id: Long) {
        svc.delete(id)
    }

    companion object {
        const val X = "y"
    }
}

fun top(x: Int) = x + 1
`,
			routes: []string{
				"GET /api/users/{id} at \"/{id}\" body @GetMapping(\"/{id}\")\n    fun get(@PathVariable id: Long): User = svc.get(id)",
				"POST /api/users at \"\" body @PostMapping(value = [\"\", \"/new\"])\n    suspend fun create(@RequestBody u: User): ResponseEntity<User> {\n        return ResponseEntity.status(201).body(u)\n    }",
				"POST /api/users/new at \"/new\" body @PostMapping(value = [\"\", \"/new\"])\n    suspend fun create(@RequestBody u: User): ResponseEntity<User> {\n        return ResponseEntity.status(201).body(u)\n    }",
				"DELETE /api/users/{id} at \"/{id}\" body @RequestMapping(path = [\"/{id}\"], method = [RequestMethod.DELETE])\n    fun delete(@PathVariable id: Long) {\n        svc.delete(id)\n    }",
			},
			funs: []string{
				"get svc.get(id)",
				"create {\n        return ResponseEntity.status(201).body(u)\n    }",
				"delete {\n        svc.delete(id)\n    }",
				"top x + 1",
			}},
		{name: "a template string is not a plain path",
			src: "@RestController\nclass C {\n    @GetMapping(\"$BASE/x\")\n    fun x() = 1\n    @GetMapping(\"/y/${'$'}\")\n    fun y() = 2\n    @GetMapping(\"/z\")\n    fun z() = 3\n}\n",
			routes: []string{
				"GET /z at \"/z\" body @GetMapping(\"/z\")\n    fun z() = 3",
			}},
	})
}

func TestRoutesJAXRSAndMicronaut(t *testing.T) {
	runRouteCases(t, "OrderResource.java", []routeCase{
		{name: "JAX-RS class and method paths",
			src: "@Path(\"/orders\")\n@Produces(MediaType.APPLICATION_JSON)\npublic class OrderResource {\n    @GET\n    public List<Order> list() { return all; }\n    @POST\n    @Path(\"{id}/cancel\")\n    public Response cancel(@PathParam(\"id\") long id) { return Response.status(409).build(); }\n    @Path(\"{id}/items\")\n    public ItemResource items() { return new ItemResource(); }\n}\n",
			routes: []string{
				"GET /orders at GET body @GET\n    public List<Order> list() { return all; }",
				"POST /orders/{id}/cancel at \"{id}/cancel\" body @POST\n    @Path(\"{id}/cancel\")\n    public Response cancel(@PathParam(\"id\") long id) { return Response.status(409).build(); }",
			}},
		{name: "Micronaut in a file that imports it",
			src: "import io.micronaut.http.annotation.*;\n@Controller(\"/pets\")\nclass PetController {\n    @Get(\"/{id}\")\n    Pet show(long id) { return null; }\n    @Post(uri = \"/\")\n    Pet save() { return null; }\n}\n",
			routes: []string{
				"GET /pets/{id} at \"/{id}\" body @Get(\"/{id}\")\n    Pet show(long id) { return null; }",
				"POST /pets/ at \"/\" body @Post(uri = \"/\")\n    Pet save() { return null; }",
			}},
		{name: "declarative clients map no routes",
			src:    "@Path(\"/api/heroes\")\n@RegisterRestClient(configKey = \"hero\")\ninterface HeroClient {\n    @GET\n    @Path(\"/random\")\n    Hero random();\n}\n@FeignClient(name = \"orders\")\ninterface OrdersClient {\n    @GetMapping(\"/orders/{id}\")\n    Order get(@PathVariable long id);\n}\n@Path(\"/api/villains\")\nclass VillainResource {\n    @GET\n    public Villain random() { return null; }\n}\n",
			routes: []string{"GET /api/villains at GET body @GET\n    public Villain random() { return null; }"}},
		{name: "Spring's @Controller names a bean, and @Get is not Spring's",
			src:    "@Controller(\"orderController\")\nclass C {\n    @Get(\"/x\")\n    void x() {}\n    @GetMapping(\"/y\")\n    void y() {}\n}\n",
			routes: []string{"GET /y at \"/y\" body @GetMapping(\"/y\")\n    void y() {}"}},
	})
}
