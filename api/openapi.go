package api

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
)

// The OpenAPI 3 document of the API is api/openapi.json, embedded with the
// web assets. A test validates every JSON route's real responses against it,
// so the document and the code cannot drift apart silently.

// checkOpenAPI makes New fail on a document that is not JSON.
func checkOpenAPI() error {
	b, err := assets.ReadFile("openapi.json")
	if err != nil {
		return err
	}
	if !json.Valid(b) {
		return errors.New("api: openapi.json is not valid JSON")
	}
	return nil
}

// handleOpenAPI serves GET /api/openapi.json.
func (s *Server) handleOpenAPI(c echo.Context) error {
	b, err := assets.ReadFile("openapi.json")
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "public, max-age=300")
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, b)
}
