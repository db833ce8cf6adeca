using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Example.Api;

#region Controllers
// A controller that writes ASP.NET's StatusCodes constants: numbers are
// offered them as they are (they are ints).
[ApiController]
[Route("api/users")]
public class UsersController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(typeof(User), StatusCodes.Status200OK)] // codes: 200/send
    [ProducesResponseType(404)] // codes: 404/send want "prefer-constant: write StatusCodes.Status404NotFound$"
    [ProducesResponseType<Error>(StatusCodes.Status409Conflict)] // codes: 409/send
    [ProducesResponseType(typeof(Error), 430, Type = typeof(Error))] // codes: 430/send want "unknown-status: 430"
    [SwaggerResponse(500, "Not Found")] // codes: 500/send want "reason-mismatch: 404 Not Found" "prefer-constant: Status500InternalServerError"
    public IActionResult Get(int id)
    {
        if (id < 0)
        {
            return StatusCode(400); // codes: 400/send want "prefer-constant: write StatusCodes.Status400BadRequest$"
        }
        if (id == 0)
        {
            return StatusCode(StatusCodes.Status418ImATeapot); // codes: 418/send want "deprecated-status: I'm a teapot"
        }
        if (id == 1)
        {
            return StatusCode(2000); // codes: 2000/send want "invalid-status: StatusCode with 2000"
        }
        if (id == 2)
        {
            return this.StatusCode(499, "client went away"); // codes: 499/send want "nonstandard-status: nginx"
        }
        if (id == 3)
        {
            return Problem(statusCode: 200, title: "OK"); // codes: 200/send want "error-status: Problem with 200 OK" "prefer-constant: Status200OK"
        }
        if (id == 4)
        {
            return Problem("detail", null, StatusCodes.Status500InternalServerError, "Service Unavailable"); // codes: 500/send want "reason-mismatch: 503 Service Unavailable"
        }
        if (id == 5)
        {
            return new ObjectResult(new { error = "x" }) { StatusCode = 503 }; // codes: 503/send want "prefer-constant: Status503ServiceUnavailable"
        }
        if (id == 6)
        {
            return new StatusCodeResult(StatusCodes.Status304NotModified); // codes: 304/send
        }
        if (id == 7)
        {
            return new ObjectResult(new ProblemDetails { Status = 404, Title = "Not Found" }); // codes: 404/send want "prefer-constant: Status404NotFound"
        }
        if (id == 8)
        {
            var problem = new ProblemDetails { Title = "Conflict", Status = StatusCodes.Status400BadRequest }; // codes: 400/send want "reason-mismatch: 409 Conflict"
            problem.Status = 201; // codes: 201/send want "error-status: problem.Status with 201 Created" "prefer-constant: Status201Created"
            return BadRequest(problem);
        }
        Response.StatusCode = 204; // codes: 204/send want "prefer-constant: Status204NoContent"
        HttpContext.Response.StatusCode = StatusCodes.Status202Accepted; // codes: 202/send
        return Ok(new User(id));
    }

    [HttpGet("/old")]
    public IActionResult Old() => RedirectPreserveMethod("/api/users");

    public void Middleware(HttpContext context)
    {
        context.Response.StatusCode = 429; // codes: 429/send want "prefer-constant: Status429TooManyRequests"
        context.Response.StatusCode = (int)HttpStatusCode.NotFound; // codes: 404/send
        if (context.Response.StatusCode == 404) // codes: 404/compare want "prefer-constant: Status404NotFound"
        {
            return;
        }
        if (context.Response.StatusCode >= 500) // codes: 500/range
        {
            return;
        }
        var code = (int)HttpStatusCode.Gone; // codes: 410/ref
    }
}
#endregion

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/a", () => Results.StatusCode(201)); // codes: 201/send want "prefer-constant: Status201Created"
        app.MapGet("/b", () => TypedResults.StatusCode(StatusCodes.Status202Accepted)); // codes: 202/send
        app.MapGet("/c", () => Results.Problem(statusCode: 302, title: "Found")); // codes: 302/send want "error-status: Results.Problem with 302 Found" "prefer-constant: Status302Found"
        app.MapGet("/d", () => Results.Json(new { }, statusCode: 422)); // codes: 422/send want "prefer-constant: Status422UnprocessableEntity"
        app.MapGet("/e", () => Results.Text("hi", statusCode: 5000)); // codes: 5000/send want "invalid-status: Results.Text with 5000"
        app.MapGet("/f", () => Results.Redirect("/a", permanent: true));
        app.MapGet("/g", () => Custom.Reply(statusCode: 404)); // codes: 404/send want "prefer-constant: Status404NotFound"
        app.MapGet("/h", () => Custom.Reply(statusCode: 4));
    }
}
