from flask import Flask, abort, jsonify

from orders import bp

app = Flask(__name__)
# The blueprint of orders.py goes under the basePath: its routes there do
# not carry it (trap 5, not carried).
app.register_blueprint(bp, url_prefix="/api")


# Trap 5: the basePath carried by the route.
@app.route("/api/health")
def health():
    return jsonify(retry=True), 429  # codes: 429/send want "undocumented-status: ^GET /health sends 429 Too Many Requests, which swagger.yaml does not document for this operation \\(it lists 200\\)$"


# Trap 2: an operation the description does not document.
@app.get("/stats")
def stats():
    abort(503)  # codes: 503/send
