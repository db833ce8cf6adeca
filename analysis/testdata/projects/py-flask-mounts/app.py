from flask import Flask, abort, jsonify

import feeds

app = Flask(__name__)
# The project's blueprints go under /rss, not under the server's /api/v1
# (trap 1: a blueprint built by a call, mounted here).
app.register_blueprint(feeds.make_feeds(), url_prefix="/rss")


# The API's own route carries the server's path.
@app.route("/api/v1/watch/<uuid>")
def watch(uuid):
    if not uuid:
        abort(404)  # codes: 404/send
    return jsonify(busy=True), 429  # codes: 429/send want "undocumented-status: ^GET /watch/\\{uuid\\} sends 429 Too Many Requests, which openapi.yaml does not document for this operation \\(it lists 200, 404\\)$"
