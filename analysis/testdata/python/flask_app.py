"""A Flask application: views return (body, status) tuples."""
from http import HTTPStatus

import flask
from flask import Flask, abort, jsonify, make_response, redirect, Response

app = Flask(__name__)
bp = flask.Blueprint("api", __name__)


@app.route("/users/<int:uid>")
def show_user(uid):
    if uid == 0:
        abort(404)  # codes: 404/send want "prefer-constant: write HTTPStatus.NOT_FOUND"
    if uid < 0:
        abort(400, "Bad Request")  # codes: 400/send want "prefer-constant"
    if uid == 1:
        abort(404, description="Forbidden")  # codes: 404/send want "reason-mismatch: sends 404 Not Found with the message \"Forbidden\", which is the reason phrase of 403 Forbidden" "prefer-constant"
    if uid == 2:
        flask.abort(HTTPStatus.UNAUTHORIZED)  # codes: 401/send want "missing-header: WWW-Authenticate"
    if uid == 3:
        return jsonify(error="gone"), 410  # codes: 410/send want "prefer-constant: 410 is 410 Gone; write HTTPStatus.GONE"
    if uid == 4:
        return "Not Found", HTTPStatus.NOT_FOUND, {"X-Reason": "missing"}  # codes: 404/send
    if uid == 5:
        return ("created", 201)  # codes: 201/send want "prefer-constant"
    return jsonify(id=uid)


@bp.get("/legacy")
async def legacy():
    def helper():
        # A nested function is not the view: its tuple is two values.
        return "x", 404

    if helper():
        return redirect("/new", code=301)  # codes: 301/send want "prefer-constant"
    return redirect("/new", 308)  # codes: 308/send want "prefer-constant"


@bp.post("/items")
def create_item():
    resp = make_response(jsonify(ok=True), 201)  # codes: 201/send want "prefer-constant"
    resp.status_code = 202  # codes: 202/send want "prefer-constant"
    return resp, {"Location": "/items/1"}


@app.errorhandler(404)  # codes: 404/compare want "prefer-constant"
def not_found(error):
    return "Internal Server Error", 404  # codes: 404/send want "reason-mismatch: the reason phrase of 500" "prefer-constant"


app.register_error_handler(HTTPStatus.INTERNAL_SERVER_ERROR, not_found)  # codes: 500/compare


def pagination(items):
    # Not a view: a helper returning a pair.
    return items[:100], 200


def stream():
    return Response("chunk", status=206, mimetype="text/plain")  # codes: 206/send want "prefer-constant"


def teapot():
    return Response("short and stout", 418)  # codes: 418/send want "deprecated-status: 418 I'm a teapot, a retired code" "prefer-constant"


def payload():
    # jsonify's keywords are the body: {"status": 404}.
    return jsonify(status=404, message="Not Found")
