from flask import Blueprint, Response


def make_feeds():
    feeds = Blueprint("rss", __name__)
    add_watch_feed(feeds)
    return feeds


# Trap 2: a blueprint that reaches the function as a parameter, mounted by
# app.py under /rss, not under the server's /api/v1: its /watch/<uuid> is
# the feed /rss/watch/<uuid>, not the operation GET /watch/{uuid}.
def add_watch_feed(feeds):
    @feeds.route("/watch/<uuid>")
    def watch_feed(uuid):
        return Response("not enough history", status=400)  # codes: 400/send
