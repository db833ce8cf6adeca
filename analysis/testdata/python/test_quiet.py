# test_*.py is pytest's test code: warnings and errors are quiet, except a
# comparison that can never be true.
def test_teapot(client):
    r = client.get("/brew")
    assert r.status_code == 299  # codes: 299/compare
    assert r.status_code == 2000  # codes: 2000/compare want "invalid-status: can never be true"
