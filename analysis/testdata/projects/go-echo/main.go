package main

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func main() {
	e := echo.New()
	// Trap 5: the servers prefix /api/v2 carried by the group.
	api := e.Group("/api/v2")
	// Trap 3: :oid here, {id} in the description; the handler comes
	// before echo's middleware.
	api.GET("/orders/:oid", getOrder, middleware.Logger())
	// Trap 4: DELETE is not documented on /orders/{id}.
	api.DELETE("/orders/:oid", func(c echo.Context) error {
		return c.NoContent(http.StatusConflict) // codes: 409/send
	})
	// Trap 5: the prefix not carried.
	e.POST("/orders/:id/cancel", cancelOrder)
	// Trap 2: an operation the description does not document.
	e.GET("/metrics", func(c echo.Context) error {
		return c.NoContent(http.StatusServiceUnavailable) // codes: 503/send
	})
	e.GET("/health", func(c echo.Context) error {
		return c.String(http.StatusTooManyRequests, "slow down") // codes: 429/send want "undocumented-status: ^GET /health sends 429 Too Many Requests, which openapi.yaml does not document for this operation \\(it lists 200\\)$"
	})
	e.Logger.Fatal(e.Start(":1323"))
}

func getOrder(c echo.Context) error {
	if c.Param("oid") == "" {
		return echo.NewHTTPError(http.StatusGone) // codes: 410/send (trap 1: 4XX covers it)
	}
	return c.NoContent(http.StatusServiceUnavailable) // codes: 503/send want "undocumented-status: ^GET /orders/\\{id\\} sends 503 Service Unavailable, which openapi.yaml does not document for this operation \\(it lists 200, 4XX\\)$"
}

func cancelOrder(c echo.Context) error {
	if c.Param("id") == "" {
		return fail(c, 404) // trap 6: a documented code through the helper
	}
	return fail(c, 422) // want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 422 Unprocessable Content, which openapi.yaml does not document for this operation \\(it lists 200, 404\\)$"
}

func fail(c echo.Context, code int) error {
	return c.JSON(code, map[string]string{"error": http.StatusText(code)})
}
