"""The headers a status needs, given with the response or named by the
app: none of these is a finding."""
from flask import Flask, abort
from starlette.exceptions import HTTPException
from starlette.responses import Response

app = Flask(__name__)


@app.get("/private")
def private(uid):
    if uid == 4:
        return "log in", 401, {"WWW-Authenticate": "Bearer"}  # codes: 401/send
    if uid == 9:
        abort(405, valid_methods=["GET", "HEAD"])  # codes: 405/send
    return "", 200  # codes: 200/send


def starlette_view(request):
    if request.f:
        raise HTTPException(status_code=401, headers={"WWW-Authenticate": "Basic"})  # codes: 401/send
    resp = Response("no", status_code=405)  # codes: 405/send
    resp.headers["Allow"] = "GET"
    return resp


def not_allowed():
    # The app names Allow above: a hook or a helper may set it.
    return Response("no", status_code=405)  # codes: 405/send


@app.after_request
def challenge(resp):
    if resp.status_code == 401:  # codes: 401/compare
        resp.headers["WWW-Authenticate"] = "Bearer"
    return resp


@app.get("/who")
def who():
    abort(401)  # codes: 401/send
