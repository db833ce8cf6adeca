from fastapi import FastAPI, HTTPException, status
from fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

app = FastAPI()


@app.post("/items", status_code=201, responses={404: {"description": "missing"}, 409: {}})  # codes: 201/send 404/send 409/send want "prefer-constant: write status.HTTP_201_CREATED" "prefer-constant: status.HTTP_404_NOT_FOUND" "prefer-constant: status.HTTP_409_CONFLICT"
async def create_item(item: dict):
    if not item:
        raise HTTPException(status_code=status.HTTP_422_UNPROCESSABLE_CONTENT, detail="empty")  # codes: 422/send
    if "id" in item:
        raise HTTPException(409, "Conflict")  # codes: 409/send want "prefer-constant"
    if "name" not in item:
        raise HTTPException(status_code=400, detail="Not Found")  # codes: 400/send want "reason-mismatch: HTTPException sends 400 Bad Request with the message \"Not Found\"" "prefer-constant"
    if "ok" in item:
        raise HTTPException(status_code=200, detail="fine")  # codes: 200/send want "error-status: HTTPException with 200 OK: it sends an error message" "prefer-constant"
    # A tuple from a FastAPI route is a JSON array, not a status.
    return item, 200


@app.get(
    "/old",
    status_code=status.HTTP_307_TEMPORARY_REDIRECT,  # codes: 307/send
)
def old():
    return RedirectResponse("/new", status_code=302)  # codes: 302/send want "prefer-constant"


@app.get("/moved")
def moved():
    return RedirectResponse(url="/new", status_code=200)  # codes: 200/send want "redirect-status: RedirectResponse with 200 OK: a redirect needs a 3xx code" "prefer-constant"


@app.get("/default-redirect")
def default_redirect():
    # Starlette's default is 307: nothing written, nothing to judge.
    return RedirectResponse("/new")


@app.get("/text")
def text():
    return PlainTextResponse("Bad Gateway", 502)  # codes: 502/send want "prefer-constant"


@app.get("/json")
def json_error():
    return JSONResponse({"error": "x"}, status_code=status.HTTP_503_SERVICE_UNAVAILABLE)  # codes: 503/send


@app.exception_handler(StarletteHTTPException)
async def handler(request, exc):
    return JSONResponse(content={"detail": exc.detail}, status_code=exc.status_code)


@app.exception_handler(404)  # codes: 404/compare want "prefer-constant"
async def missing(request, exc):
    raise StarletteHTTPException(status_code=status.HTTP_404_NOT_FOUND)  # codes: 404/send


EXPECTED = status.HTTP_200_OK  # codes: 200/ref
TOO_LARGE = status.HTTP_413_CONTENT_TOO_LARGE  # codes: 413/ref
