using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers;

[ApiController]
[Route("orders")]
public class OrdersController : ControllerBase
{
    // Trap 3: the parameter is {orderId:long} here, {id} in the description.
    [HttpGet("{orderId:long}")]
    public IActionResult Get(long orderId)
    {
        if (orderId == 0)
        {
            return StatusCode(StatusCodes.Status410Gone); // codes: 410/send (trap 1: 4XX covers it)
        }
        return StatusCode(StatusCodes.Status503ServiceUnavailable); // codes: 503/send want "undocumented-status: ^GET /orders/\\{id\\} sends 503 Service Unavailable, which openapi.json does not document for this operation \\(it lists 200, 4XX\\)$"
    }

    // Trap 4: PUT is not documented on /orders/{id}.
    [HttpPut("{orderId:long}")]
    public IActionResult Replace(long orderId) => StatusCode(StatusCodes.Status409Conflict); // codes: 409/send

    [HttpDelete("{orderId:long}")]
    public IActionResult Delete(long orderId)
    {
        return StatusCode(StatusCodes.Status500InternalServerError); // codes: 500/send (trap 1: default covers it)
    }
}
