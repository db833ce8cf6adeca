from flask import Blueprint, abort, jsonify

# Registered by app.py: from here, mounted under a prefix this file does
# not show.
bp = Blueprint("orders", __name__)


def error(code, message):
    abort(code, description=message)


# Trap 3: the parameter is <int:order_id> here, {id} in the description.
@bp.route("/orders/<int:order_id>")
def get_order(order_id):
    if order_id == 0:
        return jsonify(gone=True), 410  # codes: 410/send (trap 1: 4XX covers it)
    abort(503)  # codes: 503/send want "undocumented-status: ^GET /orders/\\{id\\} sends 503 Service Unavailable, which swagger.yaml does not document for this operation \\(it lists 200, 4XX\\)$"


# Trap 4: PUT is not documented on /orders/{id}.
@bp.route("/orders/<int:order_id>", methods=["PUT"])
def replace_order(order_id):
    return "", 409  # codes: 409/send


@bp.delete("/orders/<int:order_id>")
def delete_order(order_id):
    abort(500)  # codes: 500/send (trap 1: default covers it)


@bp.route("/orders/<order_id>/cancel", methods=["POST"])
def cancel_order(order_id):
    if not order_id:
        error(404, "Not Found")  # trap 6: a documented code through the helper
    if order_id == "all":
        error(422, "One order at a time")  # want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 422 Unprocessable Content, which swagger.yaml does not document for this operation \\(it lists 200, 404\\)$"
    return jsonify(error="already shipped"), 409  # codes: 409/send want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 409 Conflict, which swagger.yaml does not document for this operation \\(it lists 200, 404\\)$"
