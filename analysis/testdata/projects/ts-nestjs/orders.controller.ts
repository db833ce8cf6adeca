import { Controller, Delete, Get, HttpCode, HttpException, HttpStatus, Param, Post, Put } from '@nestjs/common';

function fail(message: string, status: number): never {
  throw new HttpException(message, status);
}

@Controller('orders')
export class OrdersController {
  // Trap 3: the parameter is :orderId here, {id} in the description.
  @Get(':orderId')
  find(@Param('orderId') id: string) {
    if (!id) {
      throw new HttpException('Gone', HttpStatus.GONE); // codes: 410/send (trap 1: 4XX covers it)
    }
    throw new HttpException('Service Unavailable', HttpStatus.SERVICE_UNAVAILABLE); // codes: 503/send want "undocumented-status: ^GET /orders/\\{id\\} sends 503 Service Unavailable, which openapi.json does not document for this operation \\(it lists 200, 4XX\\)$"
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.ACCEPTED) // codes: 202/send want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 202 Accepted, which openapi.json does not document for this operation \\(it lists 200, 404\\)$"
  cancel(@Param('id') id: string) {
    if (!id) {
      fail('Not Found', 404); // trap 6: a documented code through the helper
    }
    fail('Conflict', 409); // want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 409 Conflict"
  }

  // Trap 4: PUT is not documented on /orders/{id}.
  @Put(':id')
  replace() {
    throw new HttpException('Conflict', HttpStatus.CONFLICT); // codes: 409/send
  }

  @Delete(':id')
  remove() {
    throw new HttpException('Internal Server Error', HttpStatus.INTERNAL_SERVER_ERROR); // codes: 500/send (trap 1: default covers it)
  }
}

@Controller()
export class HealthController {
  // Trap 5: the servers prefix carried by the route.
  @Get('api/health')
  health() {
    throw new HttpException('Too Many Requests', HttpStatus.TOO_MANY_REQUESTS); // codes: 429/send want "undocumented-status: ^GET /health sends 429 Too Many Requests, which openapi.json does not document for this operation \\(it lists 200\\)$"
  }

  // Trap 2: an operation the description does not document.
  @Get('metrics')
  metrics() {
    throw new HttpException('Service Unavailable', HttpStatus.SERVICE_UNAVAILABLE); // codes: 503/send
  }
}
