package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/botrian/botrian/search"
)

// searcher is what the search endpoints and the web page call.
// *search.Searcher satisfies it.
type searcher interface {
	Search(ctx context.Context, r search.Request) (*search.Result, error)
}

// handleSearch serves GET /api/v1/search. Its parameters are those of
// search.ParseRequest; its body is search.Response, the same JSON that
// 'botrian search --json' prints. A size above search.MaxSize is capped,
// not refused, and the answer's "size" says what was used.
func (s *Server) handleSearch(c echo.Context) error {
	req, err := search.ParseRequest(c.QueryParams())
	if err != nil {
		return err
	}
	res, err := s.search.Search(c.Request().Context(), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, search.NewResponse(res, req))
}
