package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/botrian/botrian/search"
)

// suggester is what the autocomplete endpoint calls. *search.Searcher
// satisfies it.
type suggester interface {
	Suggest(ctx context.Context, prefix string, size int) ([]search.Suggestion, error)
}

// Suggestion list sizes.
const (
	DefaultSuggest = 8  // suggestions when size is not given
	MaxSuggest     = 20 // larger sizes are refused
)

// SuggestResponse is the body of GET /api/v1/suggest.
type SuggestResponse struct {
	Query       string              `json:"q"`
	Suggestions []search.Suggestion `json:"suggestions"`
}

// handleSuggest serves GET /api/v1/suggest?q=PREFIX&size=N: completions of
// what the user is typing, from index terms and facet values.
func (s *Server) handleSuggest(c echo.Context) error {
	q := c.QueryParam("q")
	size := DefaultSuggest
	if v := strings.TrimSpace(c.QueryParam("size")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > MaxSuggest {
			return &search.ParamError{Param: "size", Value: v, Reason: "must be 1 to " + strconv.Itoa(MaxSuggest)}
		}
		size = n
	}
	if len(q) > search.MaxQueryBytes {
		return &search.ParamError{Param: "q", Value: q[:64] + "…", Reason: "longer than " + strconv.Itoa(search.MaxQueryBytes) + " bytes"}
	}
	sug, err := s.suggest.Suggest(c.Request().Context(), q, size)
	if err != nil {
		return err
	}
	if sug == nil {
		sug = []search.Suggestion{}
	}
	return c.JSON(http.StatusOK, SuggestResponse{Query: q, Suggestions: sug})
}
