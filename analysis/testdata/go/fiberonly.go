package fiberonly

import "github.com/gofiber/fiber/v2"

// A fiber file without net/http gets fiber's own constants.
func handler(c *fiber.Ctx) error {
	return c.SendStatus(418) // codes: 418/send want "prefer-constant: write fiber.StatusTeapot$" "deprecated-status"
}
