package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/botrian/botrian/search"
)

// Health is the body of /healthz and /readyz.
type Health struct {
	// Status is "ok" (healthz), "ready", or "not_ready" with a Reason.
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
	// Documents is the number of indexed documents (readyz only).
	Documents uint64 `json:"documents,omitempty"`
}

// handleHealth serves GET /healthz: the process is up and answering.
func (s *Server) handleHealth(c echo.Context) error {
	return c.JSON(http.StatusOK, Health{Status: "ok"})
}

// handleReady serves GET /readyz: 200 when the index is open and answers a
// search, 503 while it does not or while the server shuts down.
func (s *Server) handleReady(c echo.Context) error {
	if s.draining.Load() {
		return c.JSON(http.StatusServiceUnavailable, Health{Status: "not_ready", Reason: "shutting down"})
	}
	res, err := s.search.Search(c.Request().Context(), search.Request{Size: 1})
	if err != nil {
		s.log.Warn("not ready", "request_id", reqID(c), "err", err)
		return c.JSON(http.StatusServiceUnavailable, Health{Status: "not_ready", Reason: "index not answering"})
	}
	return c.JSON(http.StatusOK, Health{Status: "ready", Documents: res.Total})
}
