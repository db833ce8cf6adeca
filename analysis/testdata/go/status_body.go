package statusbody

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

type user struct{ Name string }

// gin renders no body for 1xx, 204 and 304 (Render checks
// bodyAllowedForStatus): with nil, "" or no bytes nothing is meant and
// nothing is lost.
func ginLogout(c *gin.Context) {
	c.JSON(http.StatusNoContent, nil) // codes: 204/send
}

func ginEmpty(c *gin.Context, fresh bool) {
	if fresh {
		c.String(http.StatusNotModified, "") // codes: 304/send
		return
	}
	c.Data(http.StatusNoContent, "text/plain", []byte{}) // codes: 204/send
}

// A value the author meant to send is dropped by gin without a word.
func ginDropped(c *gin.Context, u user) {
	c.JSON(http.StatusNoContent, u) // codes: 204/send want "bodiless-status: c.JSON\\(http.StatusNoContent, u\\) with 204 No Content sends a body"
}

// The status an empty render sends is still the status: a second one
// has no effect.
func ginTwice(c *gin.Context) {
	c.JSON(http.StatusNoContent, nil) // codes: 204/send
	c.JSON(http.StatusOK, gin.H{})    // codes: 200/send want "superfluous-writeheader"
}

// echo writes what its encoder makes: c.JSON(204, nil) writes "null",
// which net/http refuses; an empty string or blob writes nothing.
func echoNull(c echo.Context) error {
	if c.QueryParam("x") == "" {
		return c.String(http.StatusNoContent, "") // codes: 204/send
	}
	return c.JSON(http.StatusNoContent, nil) // codes: 204/send want "bodiless-status: c.JSON\\(http.StatusNoContent, nil\\) with 204"
}
