package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/search"
)

// library is what the document endpoints call. *search.Searcher satisfies it.
type library interface {
	Document(ctx context.Context, id string) (*indexer.Entry, error)
	Similar(ctx context.Context, id string, size int) ([]search.Hit, error)
}

// Similar-case list sizes.
const (
	DefaultSimilar = 5  // similar cases when size is not given
	MaxSimilar     = 50 // larger sizes are refused
)

// SimilarResponse is the body of GET /api/v1/documents/{id}/similar: the
// documents most like ID, best first.
type SimilarResponse struct {
	ID   string               `json:"id"`
	Hits []search.ResponseHit `json:"hits"`
}

// handleDocument serves GET /api/v1/documents/{id}: the stored document
// with its facts, including the evidence for every facet value.
func (s *Server) handleDocument(c echo.Context) error {
	e, err := s.docs.Document(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, e)
}

// handleSimilar serves GET /api/v1/documents/{id}/similar?size=N.
func (s *Server) handleSimilar(c echo.Context) error {
	id := c.Param("id")
	size, err := similarSize(c.QueryParam("size"))
	if err != nil {
		return err
	}
	hits, err := s.docs.Similar(c.Request().Context(), id, size)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, SimilarResponse{ID: id, Hits: responseHits(hits)})
}

// similarSize reads the size parameter of the similar endpoint.
func similarSize(v string) (int, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return DefaultSimilar, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > MaxSimilar {
		return 0, &search.ParamError{Param: "size", Value: v, Reason: "must be 1 to " + strconv.Itoa(MaxSimilar)}
	}
	return n, nil
}

// responseHits converts hits to their JSON form through search.NewResponse,
// so that every endpoint writes a hit the same way.
func responseHits(hits []search.Hit) []search.ResponseHit {
	return search.NewResponse(&search.Result{Hits: hits}, search.Request{}).Hits
}
