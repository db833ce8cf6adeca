# httpcodes-test: tests=check (these expectations are those of test code checked like any other)
import unittest
from http import HTTPStatus

import httpx
import pytest
import requests


def test_create(client):
    r = client.post("/items", json={})
    assert r.status_code == 201  # codes: 201/compare want "prefer-constant: write HTTPStatus.CREATED"
    assert r.status_code != 500, r.text  # codes: 500/compare want "prefer-constant"
    assert 200 == r.status_code  # codes: 200/compare want "prefer-constant"
    assert r.status_code in (200, 204)  # codes: 200/compare 204/compare want "prefer-constant" "prefer-constant"
    assert r.status_code not in [299]  # codes: 299/compare want "unknown-status: status_code comparison with 299"
    assert r.status_code == HTTPStatus.CREATED  # codes: 201/compare
    assert r.status_code == HTTPStatus.CREATED.value  # codes: 201/compare
    assert HTTPStatus.OK.value == r.status_code  # codes: 200/compare
    assert resp.status == 404  # codes: 404/compare want "prefer-constant"
    assert 200 <= r.status_code < 300  # codes: 200/range 300/range
    if r.status_code >= 400:  # codes: 400/range
        pass
    # Class checks: 100 divides, 2 is a class.
    assert r.status_code // 100 == 2
    assert r.status_code == 2 * 100
    assert r.status_code == expected


class ItemTests(unittest.TestCase):
    def test_get(self):
        response = self.client.get("/items/1")
        self.assertEqual(response.status_code, 200)  # codes: 200/compare want "prefer-constant"
        self.assertEqual(HTTPStatus.NOT_FOUND, response.status_code)  # codes: 404/compare
        self.assertNotEqual(response.status_code, 500)  # codes: 500/compare want "prefer-constant"
        # Two lengths, not statuses.
        self.assertEqual(len(response.content), 200)
        self.assertContains(response, "hello", status_code=200)  # codes: 200/compare want "prefer-constant"
        self.assertRedirects(response, "/login", status_code=302, target_status_code=200)  # codes: 302/compare 200/compare want "prefer-constant" "prefer-constant"


def test_mocked(respx_mock):
    respx_mock.get("https://api.example.com/").mock(return_value=httpx.Response(404))  # codes: 404/send want "prefer-constant"
    fake = unittest.mock.Mock(status_code=503)  # codes: 503/send want "prefer-constant"
    fake.status_code = 2000  # codes: 2000/send want "invalid-status: .status_code = with 2000"
    with pytest.raises(requests.HTTPError):
        fake.raise_for_status()


def describe(r):
    match r.status_code:
        case 200 | 204:  # codes: 200/compare 204/compare want "prefer-constant" "prefer-constant"
            return "ok"
        case HTTPStatus.NOT_FOUND:  # codes: 404/compare
            match other.kind:
                case 500:
                    return "not a status"
            return "missing"
        case 299 if r.text:  # codes: 299/compare want "unknown-status"
            return "odd"
        case _:
            return "other"
    match = {"case": 404}
    match(r.status_code)
