from fastapi import FastAPI, HTTPException, status

app = FastAPI()


@app.post("/upload")
async def upload(size: int):
    if size > 10_000_000:
        raise HTTPException(status_code=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)  # codes: 413/send want "deprecated-constant: status.HTTP_413_REQUEST_ENTITY_TOO_LARGE is deprecated by Starlette since 0.48; write status.HTTP_413_CONTENT_TOO_LARGE, the RFC 9110 name for 413 Content Too Large"
    if size == 0:
        raise HTTPException(status_code=status.HTTP_422_UNPROCESSABLE_ENTITY)  # codes: 422/send want "deprecated-constant: write status.HTTP_422_UNPROCESSABLE_CONTENT"
    if size < 0:
        raise HTTPException(status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)  # codes: 422/send
    return {"size": size}
