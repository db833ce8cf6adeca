"""Responses built whole, and http.server writing as it goes: bodies with
bodiless codes, codes without the header they need, late headers."""
from http.server import BaseHTTPRequestHandler

from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from flask import Flask, abort, jsonify, redirect
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, RedirectResponse, Response

app = Flask(__name__)


@app.delete("/items/<int:uid>")
def delete_item(uid):
    if uid == 1:
        return jsonify(deleted=uid), 204  # codes: 204/send want "bodiless-status: jsonify\\(deleted=uid\\), 204 with 204 No Content sends a body"
    if uid == 2:
        return "", 204  # codes: 204/send
    if uid == 3:
        return "log in", 401  # codes: 401/send want "missing-header: sends 401 Unauthorized without a WWW-Authenticate header: .*headers=\\{\\\"WWW-Authenticate\\\": …\\}"
    if uid == 5:
        return "moved", 302  # codes: 302/send want "missing-header: a 302 redirects nowhere without it; set Location first, or use redirect\\(\\) or RedirectResponse"
    if uid == 6:
        return "moved", 302, extra_headers()  # codes: 302/send
    if uid == 7:
        # Flask's redirect() sets Location itself.
        return redirect("/items", code=302)  # codes: 302/send
    if uid == 8:
        abort(405)  # codes: 405/send want "missing-header: Allow"
    return jsonify(ok=True)


def extra_headers():
    return {}


def starlette_views(request):
    if request.a:
        return Response(b"data", status_code=204)  # codes: 204/send want "bodiless-status: Response\\(b\\\"data\\\", status_code=204\\) with 204 No Content sends a body"
    if request.b:
        return Response(status_code=204)  # codes: 204/send
    if request.c:
        return JSONResponse(None, status_code=204)  # codes: 204/send
        return Response(b"", status_code=304)  # codes: 304/send
        return Response("", status_code=204)  # codes: 204/send
    if request.d:
        resp = JSONResponse({"x": 1}, 304)  # codes: 304/send want "bodiless-status"
        return resp
    if request.e:
        raise HTTPException(status_code=401, detail="who are you?")  # codes: 401/send want "missing-header: WWW-Authenticate"
    if request.g:
        raise HTTPException(status_code=405, headers=allow_headers)  # codes: 405/send
    if request.h:
        return RedirectResponse("/next", status_code=301)  # codes: 301/send
    # Built, then given its header before it is returned.
    resp = Response("no", status_code=401)  # codes: 401/send
    resp.headers.update(challenge())
    return resp


def challenge():
    return {}


allow_headers = {}


def django_views(request):
    if request.method == "PUT":
        return JsonResponse({"deleted": True}, status=204)  # codes: 204/send want "bodiless-status"
    if request.method == "DELETE":
        return HttpResponse(status=204)  # codes: 204/send
    if request.method == "PATCH":
        return HttpResponse("moved", status=301)  # codes: 301/send want "missing-header: Location"
    return HttpResponseNotAllowed(["GET", "POST"])


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/empty":
            self.send_response(204)  # codes: 204/send
            self.end_headers()
            self.wfile.write(b"nothing")  # want "bodiless-status: self.wfile.write\\(b\\\"nothing\\\"\\) writes a body after self.send_response\\(204\\) … self.end_headers\\(\\) on line \\d+ sent 204 No Content, which has no body: http.server sends the bytes anyway"
            return
        if self.path == "/late":
            self.send_response(200)  # codes: 200/send
            self.end_headers()
            self.send_header("X-Late", "1")  # want "late-header: self.send_header\\(\\\"X-Late\\\", \\\"1\\\"\\) comes too late: the status was sent by self.send_response\\(200\\) … self.end_headers\\(\\) on line \\d+; http.server queues"
            return
        if self.path == "/private":
            self.send_response(405)  # codes: 405/send
            self.end_headers()  # want "missing-header: self.send_response\\(405\\) … self.end_headers\\(\\) sends 405 Method Not Allowed without an Allow header: .*self.send_header\\(\\\"Allow\\\", …\\) before end_headers\\(\\)"
            return
        if self.path == "/missing":
            self.send_error(404)  # codes: 404/send
            return
        self.send_response(200)  # codes: 200/send
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok")

    def do_POST(self):
        if self.path == "/a":
            self.send_response(204)  # codes: 204/send
        else:
            self.send_response(200)  # codes: 200/send
        self.end_headers()
        self.wfile.write(b"maybe")

    def do_PUT(self):
        if self.path == "/a":
            self.send_response(204)  # codes: 204/send
        self.end_headers()
        self.wfile.write(b"maybe")
