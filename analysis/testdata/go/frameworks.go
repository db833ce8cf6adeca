package frameworks

import (
	"github.com/gin-gonic/gin"
	"github.com/go-chi/render"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	"net/http"
)

func ginHandler(c *gin.Context) {
	switch c.Param("case") {
	case "a":
		c.JSON(200, gin.H{"ok": true}) // codes: 200/send want "prefer-constant: http.StatusOK"
	case "b":
		c.Status(202)                        // codes: 202/send want "prefer-constant"
		c.String(http.StatusCreated, "made") // codes: 201/send
	case "c":
		c.AbortWithStatus(403) // codes: 403/send want "prefer-constant"
	case "d":
		c.Redirect(302, "/login") // codes: 302/send want "prefer-constant"
	case "e":
		c.AbortWithError(500, nil) // codes: 500/send want "prefer-constant"
	}
	if c.Writer.Status() == 404 { // codes: 404/compare want "prefer-constant"
	}
}

func echoHandler(c echo.Context) error {
	if c.QueryParam("x") == "" {
		return echo.NewHTTPError(400, "missing x") // codes: 400/send want "prefer-constant"
	}
	if c.QueryParam("y") == "" {
		return c.NoContent(204) // codes: 204/send want "prefer-constant"
	}
	return c.JSON(http.StatusOK, nil) // codes: 200/send
}

func fiberHandler(c *fiber.Ctx) error {
	if c.Query("a") == "" {
		return c.SendStatus(404) // codes: 404/send want "prefer-constant: 404 is 404 Not Found; write http.StatusNotFound$"
	}
	if c.Query("b") == "" {
		return fiber.NewError(fiber.StatusConflict, "taken") // codes: 409/send
	}
	return c.Status(201).JSON(nil) // codes: 201/send want "prefer-constant"
}

func chiHandler(w http.ResponseWriter, r *http.Request) {
	render.Status(r, 422) // codes: 422/send want "prefer-constant: 422 is 422 Unprocessable Content; write http.StatusUnprocessableEntity"
}

// Methods of the same names on values that are not framework contexts.
type cache struct{}

func (cache) JSON(n int, v any) {}
func (cache) Status(n int)      {}

func notFramework(k cache) {
	k.JSON(200, nil)
	k.Status(404)
}
