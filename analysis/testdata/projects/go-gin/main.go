package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.Default()
	// Trap 5: the basePath /v1 carried by the group.
	v1 := r.Group("/v1")
	{
		orders := v1.Group("/orders")
		// Trap 3: :orderId here, {id} in the description.
		orders.GET("/:orderId", auth(), getOrder)
		// Trap 4: PUT is not documented on /orders/{id}.
		orders.PUT("/:orderId", func(c *gin.Context) {
			c.Status(http.StatusConflict) // codes: 409/send
		})
	}
	// Trap 5: the basePath not carried.
	r.POST("/orders/:id/cancel", cancelOrder)
	// Trap 2: an operation the description does not document.
	r.GET("/metrics", func(c *gin.Context) {
		c.Status(http.StatusServiceUnavailable) // codes: 503/send
	})
	// A handler made by a factory: its code is in the factory's body.
	r.Handle("GET", "/health", health())
	r.Run()
}

func health() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.String(http.StatusTooManyRequests, "slow down") // codes: 429/send want "undocumented-status: ^GET /health sends 429 Too Many Requests, which swagger.yaml does not document for this operation \\(it lists 200\\)$"
	}
}

func auth() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }

func getOrder(c *gin.Context) {
	c.JSON(http.StatusBadGateway, gin.H{}) // codes: 502/send (trap 1: default covers it)
}

func cancelOrder(c *gin.Context) {
	if c.Param("id") == "" {
		abort(c, http.StatusNotFound) // codes: 404/ref (trap 6: a documented code through the helper)
		return
	}
	abort(c, http.StatusConflict) // codes: 409/ref want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 409 Conflict, which swagger.yaml does not document for this operation \\(it lists 200, 404\\)$"
}

func abort(c *gin.Context, code int) {
	c.AbortWithStatusJSON(code, gin.H{"error": http.StatusText(code)})
}
