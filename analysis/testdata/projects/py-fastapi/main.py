from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse

from orders import router

app = FastAPI()
# The router of orders.py goes under the servers prefix: its routes there
# do not carry it (trap 5, not carried).
app.include_router(router, prefix="/api/v1")


# Trap 5: the servers prefix carried by the route.
@app.get("/api/v1/health")
def health():
    return JSONResponse({"retry": True}, status_code=429)  # codes: 429/send want "undocumented-status: ^GET /health sends 429 Too Many Requests, which openapi.yaml does not document for this operation \\(it lists 200\\)$"


# Trap 2: an operation the description does not document.
@app.get("/metrics")
def metrics():
    raise HTTPException(status_code=503)  # codes: 503/send
