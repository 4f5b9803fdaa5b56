package api

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/botrian/botrian/api/collections"
	"github.com/botrian/botrian/search"
)

// Error codes of the JSON error body. They are part of the API: clients
// test them, so they never change meaning.
const (
	codeInvalidParam     = "invalid_param"          // 400: a query parameter is malformed or names an unknown value
	codeBadRequest       = "bad_request"            // 400: anything else the client got wrong
	codeForbidden        = "forbidden"              // 403: a cross-site browser request to change something
	codeNotFound         = "not_found"              // 404: no such route, document, collection or item
	codeMethodNotAllowed = "method_not_allowed"     // 405
	codeConflict         = "conflict"               // 409: the collection ID is taken, or the collection holds the document already
	codeTooLarge         = "too_large"              // 413: request body over Config.MaxBodyBytes
	codeMediaType        = "unsupported_media_type" // 415: a body that is not application/json
	codeTimeout          = "timeout"                // 503: the request ran out of Config.Timeout
	codeInternal         = "internal"               // 500: our fault; details are in the log under the request ID
)

// statusClientClosed is logged (never sent) when the client went away
// before the answer was ready, as nginx does.
const statusClientClosed = 499

// ErrorBody is the body of every error answer of the JSON API.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail says what went wrong. Param names the offending query
// parameter or body field for invalid_param.
type ErrorDetail struct {
	Code    string `json:"code"`
	Param   string `json:"param,omitempty"`
	Message string `json:"message"`
}

// handleError is the server's one echo.HTTPErrorHandler: handlers return
// errors and this maps them to a status and a body, JSON for the API and an
// HTML page for the web pages. Unknown errors become 500 "internal error"
// and are logged with the request ID; their text never reaches the client.
func (s *Server) handleError(err error, c echo.Context) {
	res := c.Response()
	if res.Committed {
		// A streamed export failed half-way: the status is gone, the log is all we have.
		if !errors.Is(err, context.Canceled) {
			s.log.Error("response failed after it started", "request_id", reqID(c), "uri", c.Request().RequestURI, "err", err)
		}
		return
	}
	status, body := s.classify(err, c)
	if status == statusClientClosed {
		res.Status = status
		return
	}
	if c.Request().Method == http.MethodHead {
		c.NoContent(status)
		return
	}
	var werr error
	if s.wantsHTML(c) {
		werr = s.renderError(c, status, body.Error)
	} else {
		werr = c.JSON(status, body)
	}
	if werr != nil {
		s.log.Warn("write error response", "request_id", reqID(c), "err", werr)
	}
}

// classify maps err to a status and body.
func (s *Server) classify(err error, c echo.Context) (int, ErrorBody) {
	var (
		pe *search.ParamError
		ve *collections.ValidationError
		he *echo.HTTPError
		me *http.MaxBytesError
	)
	ctx := c.Request().Context()
	switch {
	case errors.As(err, &pe):
		return http.StatusBadRequest, ErrorBody{ErrorDetail{codeInvalidParam, pe.Param, pe.Error()}}
	case errors.As(err, &ve):
		return http.StatusBadRequest, ErrorBody{ErrorDetail{codeInvalidParam, ve.Field, ve.Error()}}
	case errors.Is(err, search.ErrNotFound), errors.Is(err, collections.ErrNotFound):
		return http.StatusNotFound, ErrorBody{ErrorDetail{Code: codeNotFound, Message: err.Error()}}
	case errors.Is(err, collections.ErrExists):
		return http.StatusConflict, ErrorBody{ErrorDetail{Code: codeConflict, Message: err.Error()}}
	case errors.As(err, &me):
		return http.StatusRequestEntityTooLarge, ErrorBody{ErrorDetail{Code: codeTooLarge, Message: http.StatusText(http.StatusRequestEntityTooLarge)}}
	case errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil:
		s.log.Warn("request timed out", "request_id", reqID(c), "uri", c.Request().RequestURI, "err", err)
		return http.StatusServiceUnavailable, ErrorBody{ErrorDetail{Code: codeTimeout, Message: "the request took too long"}}
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		return statusClientClosed, ErrorBody{}
	case errors.As(err, &he) && he.Code < http.StatusInternalServerError:
		code := codeBadRequest
		switch he.Code {
		case http.StatusForbidden:
			code = codeForbidden
		case http.StatusNotFound:
			code = codeNotFound
		case http.StatusMethodNotAllowed:
			code = codeMethodNotAllowed
		case http.StatusRequestEntityTooLarge:
			code = codeTooLarge
		case http.StatusUnsupportedMediaType:
			code = codeMediaType
		}
		return he.Code, ErrorBody{ErrorDetail{Code: code, Message: strings.ToLower(http.StatusText(he.Code))}}
	}
	s.log.LogAttrs(ctx, slog.LevelError, "internal error",
		slog.String("request_id", reqID(c)),
		slog.String("uri", c.Request().RequestURI),
		slog.String("err", err.Error()))
	return http.StatusInternalServerError, ErrorBody{ErrorDetail{Code: codeInternal, Message: "internal error"}}
}

// wantsHTML reports whether an error should be answered with a web page:
// on the page routes, and for browsers on any path outside the API.
func (s *Server) wantsHTML(c echo.Context) bool {
	if s.pages[c.Path()] {
		return true
	}
	p := c.Request().URL.Path
	for _, prefix := range []string{"/api/", "/healthz", "/readyz", "/metrics"} {
		if strings.HasPrefix(p, prefix) {
			return false
		}
	}
	return strings.Contains(c.Request().Header.Get(echo.HeaderAccept), echo.MIMETextHTML)
}
