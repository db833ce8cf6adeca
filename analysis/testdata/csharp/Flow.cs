using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Example.Flow;

// ASP.NET Core keeps the status and headers until the response starts
// (the first body write, StartAsync); after that Kestrel throws.
public static class Ext
{
    // FastEndpoints' SendUnauthorizedAsync: 401 and no challenge.
    public static async Task SendUnauthorizedAsync(this HttpResponse rsp, CancellationToken cancellation)
    {
        rsp.StatusCode = 401; // codes: 401/send want "missing-header: rsp.StatusCode = 401 sends 401 Unauthorized without a WWW-Authenticate header" "prefer-constant"
        await rsp.StartAsync(cancellation.IfDefault(rsp));
    }

    public static async Task NotAllowed(HttpContext ctx)
    {
        ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed; // codes: 405/send want "missing-header: Allow"
        await ctx.Response.WriteAsync("use GET");
    }
}

public class Middleware
{
    public async Task Late(HttpContext context)
    {
        await context.Response.WriteAsync("hello");
        context.Response.Headers["X-Trace"] = "1"; // want "late-header: Kestrel throws"
        context.Response.StatusCode = 500; // codes: 500/send want "superfluous-writeheader: Response.StatusCode = 500 comes too late" "prefer-constant"
    }

    public async Task Empty(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent; // codes: 204/send
        await context.Response.WriteAsJsonAsync(new { ok = true }); // want "bodiless-status: Kestrel refuses"
    }
}

public static class Endpoints
{
    // An empty text or byte array is no body.
    public static IResult NoContentText() => Results.Text("", statusCode: StatusCodes.Status204NoContent); // codes: 204/send
    public static IResult NotModifiedBytes() => Results.Bytes(Array.Empty<byte>(), statusCode: StatusCodes.Status304NotModified); // codes: 304/send
    public static IResult NoContentJson(User u) => Results.Json(u, statusCode: 204); // codes: 204/send want "bodiless-status: Results.Json\\(u, statusCode: 204\\) with 204 No Content sends a body" "prefer-constant"
}
