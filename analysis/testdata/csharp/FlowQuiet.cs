using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Example.Flow;

// What ASP.NET allows: the status and headers in any order before the
// response starts, a challenge that sets WWW-Authenticate, helpers that
// set Location, writes that are not certain to have run.
public class Quiet : ControllerBase
{
    public async Task HeaderAfterStatus(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized; // codes: 401/send
        context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.StatusCode = StatusCodes.Status403Forbidden; // codes: 403/send
        await context.Response.WriteAsync("denied");
    }

    public async Task Challenged(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized; // codes: 401/send
        await context.ChallengeAsync();
    }

    public async Task HandedOn(HttpContext context, RequestDelegate next)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized; // codes: 401/send
        await next(context);
    }

    public IActionResult Moved()
    {
        Response.StatusCode = StatusCodes.Status301MovedPermanently; // codes: 301/send
        Response.Headers.Location = "/new";
        return Redirect("/new");
    }

    public async Task Guarded(HttpContext context, bool empty)
    {
        if (empty) context.Response.StatusCode = StatusCodes.Status204NoContent; // codes: 204/send
        if (!empty)
        {
            await context.Response.WriteAsync("x");
        }
        context.Response.Headers["X-After"] = "1";
    }

    public IResult Created(User u) => Results.Json(u, statusCode: StatusCodes.Status201Created); // codes: 201/send
}
