"""Numbers that are not status codes: none of these lines is a finding.

A docstring may say status_code=404 or abort(500) or HTTPStatus.NOT_FOUND.
"""
import os
import time

# abort(404) in a comment; status_code = 500 too.
PORT = 8080
TIMEOUT = 404
x = 404
status = 404
time.sleep(200)
sizes = [404] * 301
width = 200 + 301
buf = bytearray(404)
os.abort()
template = '''
<div style="width: 404px">status_code=404</div>
'''
raw = r"status_code=\"404\" abort(500)"
rb_bytes = rb'status_code=404'
fmt = f"{'status_code=404'} {x} abort(500)"
nested = f"{x["key"]} status_code=404"
fmt_triple = f"""{status}
abort(500) status_code=404
"""
line = "a \
status_code=404"
css = "h1 { margin: 404px; }"
sql = """SELECT * FROM t WHERE status_code = 404"""


def retry(attempts=404, delay=200):
    return attempts * delay


class Job:
    status = 200

    def run(self):
        self.status = "404 NOT FOUND"
        self.count = 404
        if self.attempts == 404:
            return self.retries > 500


def helper():
    return "Not Found", 404


def not_a_status(order):
    return order.status_code // 100, order.total == 404
