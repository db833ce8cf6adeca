from fastapi import APIRouter, HTTPException, Response

# Included by main.py: from here, mounted under a prefix this file does
# not show.
router = APIRouter(prefix="/orders")


def fail(code: int, detail: str):
    raise HTTPException(status_code=code, detail=detail)


# Trap 3: the parameter is order_id here, id in the description.
@router.get("/{order_id}")
async def get_order(order_id: int):
    if order_id == 0:
        raise HTTPException(status_code=410)  # codes: 410/send (trap 1: 4XX covers it)
    raise HTTPException(status_code=503)  # codes: 503/send want "undocumented-status: ^GET /orders/\\{id\\} sends 503 Service Unavailable, which openapi.yaml does not document for this operation \\(it lists 200, 4XX\\)$"


# Trap 4: PUT is not documented on /orders/{id}.
@router.put("/{order_id}")
def replace_order(order_id: int):
    raise HTTPException(status_code=409)  # codes: 409/send


@router.delete("/{order_id}", status_code=204)  # codes: 204/send
def delete_order(order_id: int):
    raise HTTPException(status_code=500)  # codes: 500/send (trap 1: default covers it)


@router.post("/{order_id}/cancel", status_code=200)  # codes: 200/send
def cancel_order(order_id: int, shipped: bool = False):
    if order_id == 0:
        fail(404, "Not Found")  # trap 6: a documented code through the helper
    if order_id < 0:
        fail(422, "Bad id")  # want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 422 Unprocessable Content, which openapi.yaml does not document for this operation \\(it lists 200, 404\\)$"
    if shipped:
        return Response(status_code=409)  # codes: 409/send want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 409 Conflict, which openapi.yaml does not document for this operation \\(it lists 200, 404\\)$"
    return {"cancelled": order_id}
