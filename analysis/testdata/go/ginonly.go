package ginonly

import "github.com/gin-gonic/gin"

// A gin file without net/http: the constant needs an import, so no fix.
func handler(c *gin.Context) {
	c.JSON(200, nil) // codes: 200/send want "prefer-constant: write http.StatusOK \\(this file does not import its package yet\\)"
}
