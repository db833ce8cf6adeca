"""A JSON payload is the first argument of these responses, not a status;
Starlette sends HTTPException(304) and (204) without a body."""
import httpx
from aiohttp import web
from django.http import JsonResponse
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse


async def answer(request):
    if request.a:
        return web.json_response(42)
    if request.b:
        return JsonResponse(7, safe=False)
    if request.c:
        return JSONResponse(0)
    if request.d:
        raise HTTPException(status_code=304)  # codes: 304/send
    if request.e:
        raise HTTPException(204)  # codes: 204/send
    if request.f:
        raise HTTPException(status_code=302)  # codes: 302/send want "error-status: to redirect, use the redirect API"
    return httpx.Response(42)  # codes: 42/send want "invalid-status"
