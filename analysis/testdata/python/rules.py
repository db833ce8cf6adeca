# Each rule, flagged and not, in a file that writes no constants: numbers
# get no prefer-constant hint here.
from flask import Flask, abort, redirect
from aiohttp import web
from fastapi import HTTPException
import tornado.web

app = Flask(__name__)


def invalid(n):
    abort(2000)  # codes: 2000/send want "invalid-status: abort with 2000: a status code has three digits"
    abort(99)  # codes: 99/send want "invalid-status"
    raise HTTPException(status_code=0)  # codes: 0/send want "invalid-status"
    # A range check's bound is not sent: no finding.
    return n.status_code < 1000


def unknown(resp):
    abort(430)  # codes: 430/send want "unknown-status: clients treat it as 400 Bad Request; did you mean 429 Too Many Requests\\?"
    web.Response(status=299)  # codes: 299/send want "unknown-status: web.Response with 299: no registry or known vendor defines 299"
    if resp.status_code == 777:  # codes: 777/compare want "unknown-status: HTTP defines no 7xx class"
        pass
    if resp.status_code >= 600:  # codes: 600/range
        pass
    web.json_response({}, status=429)  # codes: 429/send


def nonstandard(handler):
    handler.set_status(499)  # codes: 499/send want "nonstandard-status: not a registered code but nginx's own"
    handler.set_status(522, "Connection Timed Out")  # codes: 522/send want "nonstandard-status: Cloudflare"
    handler.set_status(503)  # codes: 503/send


def stop_polling(request):
    # htmx's documented "stop polling" answer (netbox does this on purpose):
    # a vendor code, reported as such, not as an unknown status.
    response = render(request, "job.html")
    response.status_code = 286  # codes: 286/send want "nonstandard-status: not a registered code but htmx's own; clients that do not know it treat it as 200 OK"
    return response


def deprecated(handler):
    handler.send_error(305)  # codes: 305/send want "deprecated-status: 305 Use Proxy, a retired code"
    abort(418)  # codes: 418/send want "deprecated-status"
    raise tornado.web.HTTPError(510)  # codes: 510/send want "deprecated-status: 510 Not Extended"
    raise tornado.web.HTTPError(501)  # codes: 501/send


def reasons():
    abort(404, "Forbidden")  # codes: 404/send want "reason-mismatch: abort sends 404 Not Found with the message \"Forbidden\", which is the reason phrase of 403 Forbidden"
    abort(404, "not found.")  # codes: 404/send
    abort(403, "You may not.")  # codes: 403/send
    raise HTTPException(404, detail="Request Entity Too Large")  # codes: 404/send want "reason-mismatch: 413 Content Too Large"
    raise HTTPException(413, detail="Request Entity Too Large")  # codes: 413/send


def redirects():
    redirect("/home", code=200)  # codes: 200/send want "redirect-status: redirect with 200 OK: a redirect needs a 3xx code"
    redirect("/home", 304)  # codes: 304/send want "redirect-status: 304 Not Modified answers a conditional request"
    redirect("/home", code=300)  # codes: 300/send want "redirect-status: clients do not follow 300 Multiple Choices"
    redirect("/home", code=303)  # codes: 303/send


def errors(handler):
    abort(200)  # codes: 200/send want "error-status: abort with 200 OK: it sends an error message"
    abort(302)  # codes: 302/send want "error-status: to redirect"
    abort(299)  # codes: 299/send want "error-status: abort with 299: it sends an error message, but 299 tells the client"
    handler.send_error(500)  # codes: 500/send
    raise HTTPException(status_code=401)  # codes: 401/send want "missing-header: WWW-Authenticate"
