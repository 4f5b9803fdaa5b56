package api

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/botrian/botrian/search"
)

// exporter is what the export endpoints call. *search.Searcher satisfies it.
type exporter interface {
	Export(ctx context.Context, r search.Request, fn func(search.Hit) error) error
}

// flushEvery is how many rows an export writes between flushes: often
// enough that a client sees progress, rarely enough to keep gzip effective.
const flushEvery = 100

// csvHeader names the columns of the CSV export. Lists (provinces, tools)
// are joined with "; ".
var csvHeader = []string{"id", "url", "title", "site", "published", "year", "year_be", "provinces", "tools", "score"}

// utf8BOM starts the CSV export so that spreadsheet programs (Excel above
// all) read the Thai text as UTF-8 instead of the legacy Thai code page.
const utf8BOM = "\uFEFF"

// handleExportCSV serves GET /api/v1/search.csv: every hit of the search
// (page and size are ignored), streamed as CSV in the search's order.
func (s *Server) handleExportCSV(c echo.Context) error {
	req, err := exportRequest(c)
	if err != nil {
		return err
	}
	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	w.Header().Set(echo.HeaderContentDisposition, `attachment; filename="botrian-search.csv"`)
	cw := csv.NewWriter(w)
	started := false
	n := 0
	err = s.export.Export(c.Request().Context(), req, func(h search.Hit) error {
		if !started {
			started = true
			w.WriteHeader(http.StatusOK)
			w.Write([]byte(utf8BOM))
			cw.Write(csvHeader)
		}
		year, yearBE := "", ""
		if h.Year > 0 {
			year, yearBE = strconv.Itoa(h.Year), strconv.Itoa(h.Year+543)
		}
		cw.Write([]string{h.ID, h.URL, h.Title, h.Site, h.Published, year, yearBE,
			strings.Join(h.Provinces, "; "), strings.Join(h.Tools, "; "),
			strconv.FormatFloat(h.Score, 'f', 4, 64)})
		if n++; n%flushEvery == 0 {
			cw.Flush()
			w.Flush()
		}
		return cw.Error()
	})
	if err != nil {
		return err
	}
	if !started {
		w.WriteHeader(http.StatusOK)
		w.Write([]byte(utf8BOM))
		cw.Write(csvHeader)
	}
	cw.Flush()
	return cw.Error()
}

// handleExportJSONL serves GET /api/v1/search.jsonl: every hit of the
// search, one JSON object a line, each shaped as a hit of /api/v1/search.
func (s *Server) handleExportJSONL(c echo.Context) error {
	req, err := exportRequest(c)
	if err != nil {
		return err
	}
	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "application/jsonl; charset=utf-8")
	w.Header().Set(echo.HeaderContentDisposition, `attachment; filename="botrian-search.jsonl"`)
	enc := json.NewEncoder(w) // as echo's c.JSON, so a line reads as a hit of /api/v1/search
	n := 0
	err = s.export.Export(c.Request().Context(), req, func(h search.Hit) error {
		if n == 0 {
			w.WriteHeader(http.StatusOK)
		}
		if err := enc.Encode(responseHits([]search.Hit{h})[0]); err != nil {
			return err
		}
		if n++; n%flushEvery == 0 {
			w.Flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n == 0 {
		w.WriteHeader(http.StatusOK)
	}
	return nil
}

// exportRequest reads an export's parameters: those of the search, with
// page and size ignored, since an export is every hit.
func exportRequest(c echo.Context) (search.Request, error) {
	req, err := search.ParseRequest(without(c.QueryParams(), "page", "size"))
	req.Page = 1
	return req, err
}
