var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
var app = builder.Build();
app.MapControllers();

// Trap 5: the servers prefix carried by the route.
app.MapGet("/api/v1/health", () => Results.StatusCode(429)); // codes: 429/send want "undocumented-status: ^GET /health sends 429 Too Many Requests, which openapi.json does not document for this operation \\(it lists 200\\)$"

// Trap 2: an operation the description does not document.
app.MapGet("/metrics", () => Results.StatusCode(503)); // codes: 503/send

// The servers prefix is not carried by the group (trap 5, not carried).
var orders = app.MapGroup("/orders").WithTags("orders");
orders.MapPost("/{orderId:long}/cancel", Cancel);

app.Run();

static IResult Fail(int code, string message) => Results.Problem(message, statusCode: code);

static IResult Cancel(long orderId, bool shipped)
{
    if (orderId == 0)
    {
        return Fail(404, "Not Found"); // trap 6: a documented code through the helper
    }
    if (orderId < 0)
    {
        return Fail(422, "Bad id"); // want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 422 Unprocessable Content, which openapi.json does not document for this operation \\(it lists 200, 404\\)$"
    }
    if (shipped)
    {
        return Results.StatusCode(409); // codes: 409/send want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 409 Conflict, which openapi.json does not document for this operation \\(it lists 200, 404\\)$"
    }
    return Results.Ok();
}
