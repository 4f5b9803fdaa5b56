package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"github.com/labstack/echo/v4"
)

// keyRequestID is the echo context key holding the request ID.
const keyRequestID = "request_id"

// requestID gives every request an ID, sent back in X-Request-ID and used
// in every log line about the request. An ID the client sends is kept when
// it is short and plain, so a proxy's ID can be followed through our logs.
func requestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id := c.Request().Header.Get(echo.HeaderXRequestID)
		if !plainID(id) {
			var b [8]byte
			rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		c.Set(keyRequestID, id)
		c.Response().Header().Set(echo.HeaderXRequestID, id)
		return next(c)
	}
}

func plainID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

func reqID(c echo.Context) string {
	id, _ := c.Get(keyRequestID).(string)
	return id
}

// observe answers errors and panics through the error handler, then records
// the request in the metrics and writes one access-log line. It sits
// outermost but for requestID, so the status it logs is the one sent.
func (s *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		start := s.cfg.Now()
		s.metrics.inFlight.Add(1)
		defer s.metrics.inFlight.Add(-1)
		defer func() {
			if p := recover(); p != nil {
				buf := make([]byte, 8<<10)
				buf = buf[:runtime.Stack(buf, false)]
				err = fmt.Errorf("panic: %v\n%s", p, buf)
			}
			if err != nil {
				c.Error(err)
				err = nil
			}
			took := s.cfg.Now().Sub(start)
			res, req := c.Response(), c.Request()
			route := s.routeLabel(c)
			s.metrics.observe(route, req.Method, res.Status, took)
			level := slog.LevelInfo
			if res.Status >= http.StatusInternalServerError {
				level = slog.LevelWarn
			}
			s.log.LogAttrs(req.Context(), level, "request",
				slog.String("request_id", reqID(c)),
				slog.String("method", req.Method),
				slog.String("uri", req.RequestURI),
				slog.String("route", route),
				slog.Int("status", res.Status),
				slog.Int64("bytes", res.Size),
				slog.Int64("took_ms", took.Milliseconds()),
				slog.String("remote", c.RealIP()),
			)
		}()
		return next(c)
	}
}

// routeLabel names the route a request matched, for metrics: the route
// pattern, or "unmatched" so that probes for random paths cannot grow the
// label set.
func (s *Server) routeLabel(c echo.Context) string {
	if p := c.Path(); s.known[p] {
		return p
	}
	return "unmatched"
}

// timeout bounds a request's context. Handlers pass that context to the
// searcher, so bleve stops when it expires and the error handler answers
// 503 timeout.
func timeout(d time.Duration) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			ctx, cancel := context.WithTimeout(c.Request().Context(), d)
			defer cancel()
			c.SetRequest(c.Request().WithContext(ctx))
			return next(c)
		}
	}
}

// bodyLimit refuses request bodies over max bytes with 413: at once when the
// client declares the length, when the excess is read otherwise.
func bodyLimit(max int64) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			if req.ContentLength > max {
				return echo.ErrStatusRequestEntityTooLarge
			}
			if req.Body != nil {
				req.Body = http.MaxBytesReader(c.Response(), req.Body, max)
			}
			return next(c)
		}
	}
}

// sameOrigin refuses requests that change something (POST, PATCH, DELETE)
// when a browser says they come from another site: the Sec-Fetch-Site
// header, or else an Origin that differs from Host (net/http's
// CrossOriginProtection). This is the CSRF defence of the collections
// forms; it needs no token, works without JavaScript, and lets through
// clients that send neither header (curl, scripts), which no other site
// can make a browser impersonate. GET and HEAD never change anything.
func sameOrigin() echo.MiddlewareFunc {
	cop := http.NewCrossOriginProtection()
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if err := cop.Check(c.Request()); err != nil {
				return echo.ErrForbidden
			}
			return next(c)
		}
	}
}
