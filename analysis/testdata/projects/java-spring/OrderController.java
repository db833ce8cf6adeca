package com.example.orders;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ResponseStatusException;

// The servers prefix (/api) is the context path, outside the code: these
// routes do not carry it (trap 5, not carried).
@RestController
@RequestMapping("/orders")
public class OrderController {

    private ResponseEntity<String> fail(int code, String message) {
        return ResponseEntity.status(code).body(message);
    }

    // Trap 3: the parameter is {orderId} here, {id} in the description.
    @GetMapping("/{orderId}")
    public ResponseEntity<String> get(@PathVariable long orderId) {
        if (orderId == 0) {
            return ResponseEntity.status(HttpStatus.GONE).build(); // codes: 410/send (trap 1: 4XX covers it)
        }
        throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE); // codes: 503/send want "undocumented-status: ^GET /orders/\\{id\\} sends 503 Service Unavailable, which openapi.yaml does not document for this operation \\(it lists 200, 4XX\\)$"
    }

    // Trap 4: PUT is not documented on /orders/{id}.
    @PutMapping("/{orderId}")
    public ResponseEntity<String> replace(@PathVariable long orderId) {
        return ResponseEntity.status(HttpStatus.CONFLICT).build(); // codes: 409/send
    }

    @DeleteMapping("/{orderId}")
    public ResponseEntity<Void> delete(@PathVariable long orderId) {
        return new ResponseEntity<>(HttpStatus.INTERNAL_SERVER_ERROR); // codes: 500/send (trap 1: default covers it)
    }

    @RequestMapping(path = "/{id}/cancel", method = RequestMethod.POST)
    public ResponseEntity<String> cancel(@PathVariable long id, @RequestParam boolean shipped) {
        if (id == 0) {
            return fail(404, "Not Found"); // trap 6: a documented code through the helper
        }
        if (id < 0) {
            return fail(422, "Bad id"); // want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 422 Unprocessable Content, which openapi.yaml does not document for this operation \\(it lists 200, 404\\)$"
        }
        if (shipped) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body("already shipped"); // codes: 409/send want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 409 Conflict, which openapi.yaml does not document for this operation \\(it lists 200, 404\\)$"
        }
        return ResponseEntity.ok("cancelled");
    }
}
