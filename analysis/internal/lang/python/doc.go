// Package python reads Python: Flask, Django, Django REST Framework,
// FastAPI/Starlette, aiohttp, http.server, HTTPStatus, and the flow of a
// response.
//
// It registers itself (facts.Register) when loaded.
package python
