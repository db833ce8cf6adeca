using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Example.Services;

// A service's own result type carries a StatusCode of its own: 0 and 1
// there are its codes, not HTTP statuses.
public class ImageService
{
    public StatusDto Save(bool ok)
    {
        if (!ok)
        {
            return new StatusDto { StatusCode = 0, Message = "Save image failed!" };
        }
        var dto = new StatusDto { Message = "OK", StatusCode = 1 };
        dto.StatusCode = 2;
        return dto;
    }

    // A number from 100 on is read as a status on any object.
    public StatusDto Odd() => new StatusDto { StatusCode = 2000 }; // codes: 2000/send want "invalid-status"

    // A ProblemDetails' Status is the body's copy: a round-trip fixture's
    // Status = 1 is a payload.
    public ProblemDetails Fixture() => new ProblemDetails { Detail = "d", Status = 1, Title = "t" };
}

// On a response or an action result a small number is a status all the
// same, and invalid.
public class Handlers : ControllerBase
{
    public IActionResult Zero() => new ObjectResult(new { }) { StatusCode = 0 }; // codes: 0/send want "invalid-status"

    public IActionResult Generic() => new ObjectResult<string>("x") { Value = "x", StatusCode = 7 }; // codes: 7/send want "invalid-status"

    public void Direct(HttpContext ctx)
    {
        ctx.Response.StatusCode = 42; // codes: 42/send want "invalid-status"
        var result = new ContentResult();
        result.StatusCode = 1; // codes: 1/send want "invalid-status"
    }
}
