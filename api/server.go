package api

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// Defaults for Config fields left zero.
const (
	// DefaultTimeout bounds a search, document or page request. The search
	// is cancelled through the request context when it runs out.
	DefaultTimeout = 10 * time.Second
	// DefaultExportTimeout bounds a CSV or JSON Lines export, which streams
	// every matching document.
	DefaultExportTimeout = 5 * time.Minute
	// DefaultMaxBodyBytes bounds request bodies. No route reads a body
	// today; the limit keeps a client from making us read one.
	DefaultMaxBodyBytes = 1 << 20
	// DefaultShutdownTimeout is how long Serve waits for requests in flight
	// after its context is cancelled.
	DefaultShutdownTimeout = 10 * time.Second
)

// Config configures a Server.
type Config struct {
	// Searcher answers searches, documents, similar cases and suggestions
	// over an open index. Required.
	Searcher Backend
	// Logger receives access logs and errors; nil discards them.
	Logger *slog.Logger
	// CORSOrigins are the origins allowed to call the API from a browser
	// ("*" for any). Empty sends no CORS headers: same-origin only.
	CORSOrigins []string
	// Timeout bounds each request but exports; 0 means DefaultTimeout.
	Timeout time.Duration
	// ExportTimeout bounds each export; 0 means DefaultExportTimeout.
	ExportTimeout time.Duration
	// MaxBodyBytes bounds request bodies (413 beyond); 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// ShutdownTimeout bounds the graceful shutdown of Serve; 0 means
	// DefaultShutdownTimeout.
	ShutdownTimeout time.Duration
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// Collections stores curators' collections. Optional: when nil, the
	// collections API and pages are not registered (their URLs answer 404
	// not_found) and the web page offers no collections.
	Collections Collections
}

// Backend is what the server asks of the search layer: *search.Searcher
// answers over one open index, *search.Live over whichever index is current.
type Backend interface {
	searcher
	library
	suggester
	exporter
}

// Server is the HTTP face of Botrian. It is an http.Handler; Serve runs it
// on a listener with graceful shutdown.
type Server struct {
	cfg     Config
	log     *slog.Logger
	echo    *echo.Echo
	search  searcher
	docs    library
	suggest suggester
	export  exporter
	coll    Collections // nil: no collections routes
	web     *webAssets
	metrics *metrics
	known   map[string]bool // every route pattern, for metric labels
	pages   map[string]bool // route patterns answered with HTML
	// draining is set when Serve begins shutting down; /readyz then fails
	// so that a load balancer stops sending requests.
	draining atomic.Bool
}

//go:embed openapi.json web/templates/*.html web/static/*
var assets embed.FS

// New builds a Server. It fails when the searcher is missing, a duration or
// limit is negative, or a template or the OpenAPI document does not parse.
func New(cfg Config) (*Server, error) {
	if cfg.Searcher == nil {
		return nil, errors.New("api: no searcher")
	}
	for _, d := range []struct {
		name string
		v    *time.Duration
		def  time.Duration
	}{
		{"timeout", &cfg.Timeout, DefaultTimeout},
		{"export timeout", &cfg.ExportTimeout, DefaultExportTimeout},
		{"shutdown timeout", &cfg.ShutdownTimeout, DefaultShutdownTimeout},
	} {
		if *d.v < 0 {
			return nil, fmt.Errorf("api: negative %s %v", d.name, *d.v)
		}
		if *d.v == 0 {
			*d.v = d.def
		}
	}
	if cfg.MaxBodyBytes < 0 {
		return nil, fmt.Errorf("api: negative body limit %d", cfg.MaxBodyBytes)
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	web, err := loadWeb(assets, cfg.Collections != nil)
	if err != nil {
		return nil, err
	}
	if err := checkOpenAPI(); err != nil {
		return nil, err
	}
	s := &Server{
		cfg:     cfg,
		log:     log.With("component", "api"),
		search:  cfg.Searcher,
		docs:    cfg.Searcher,
		suggest: cfg.Searcher,
		export:  cfg.Searcher,
		coll:    cfg.Collections,
		web:     web,
		metrics: newMetrics(),
		known:   map[string]bool{},
		pages:   map[string]bool{},
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.Logger.SetOutput(io.Discard)
	e.HTTPErrorHandler = s.handleError
	e.Use(requestID, s.observe, bodyLimit(cfg.MaxBodyBytes), sameOrigin())
	if len(cfg.CORSOrigins) > 0 {
		e.Use(middleware.CORSWithConfig(middleware.CORSConfig{
			AllowOrigins:  cfg.CORSOrigins,
			AllowMethods:  []string{http.MethodGet, http.MethodHead, http.MethodOptions},
			ExposeHeaders: []string{echo.HeaderXRequestID},
			MaxAge:        3600,
		}))
	}
	e.Use(middleware.GzipWithConfig(middleware.GzipConfig{MinLength: 1024}))
	s.echo = e
	s.routes()
	for _, r := range e.Routes() {
		s.known[r.Path] = true
	}
	return s, nil
}

// routes registers every route: the whole URL space on one screen. Every
// GET route answers HEAD too. The collections routes, the only ones that
// change anything, exist when Config.Collections is set.
func (s *Server) routes() {
	e := s.echo
	short := timeout(s.cfg.Timeout)
	long := timeout(s.cfg.ExportTimeout)

	v1 := e.Group("/api/v1")
	getRoute(v1, "/search", s.handleSearch, short)
	getRoute(v1, "/search.csv", s.handleExportCSV, long)
	getRoute(v1, "/search.jsonl", s.handleExportJSONL, long)
	getRoute(v1, "/documents/:id", s.handleDocument, short)
	getRoute(v1, "/documents/:id/similar", s.handleSimilar, short)
	getRoute(v1, "/facets", s.handleFacets, short)
	getRoute(v1, "/suggest", s.handleSuggest, short)
	getRoute(e, "/api/openapi.json", s.handleOpenAPI)
	if s.coll != nil {
		s.collectionRoutes(v1, short)
	}

	getRoute(e, "/healthz", s.handleHealth)
	getRoute(e, "/readyz", s.handleReady, short)
	getRoute(e, "/metrics", s.handleMetrics)

	getRoute(e, "/", s.handleSearchPage, short)
	getRoute(e, "/doc/:id", s.handleDocPage, short)
	getRoute(e, "/static/*", s.handleStatic)
	s.pages["/"], s.pages["/doc/:id"] = true, true
	if s.coll != nil {
		s.collectionPages(e, short)
	}
}

// router is what echo.Echo and echo.Group have in common.
type router interface {
	Match(methods []string, path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) []*echo.Route
}

// getRoute registers h for GET and HEAD (net/http drops a HEAD answer's body).
func getRoute(r router, path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) {
	r.Match([]string{http.MethodGet, http.MethodHead}, path, h, m...)
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.echo.ServeHTTP(w, r) }

// Serve answers requests on ln until ctx is cancelled, then shuts down
// gracefully: it stops accepting, fails /readyz, waits up to
// Config.ShutdownTimeout for requests in flight and returns nil. It returns
// an error if the listener fails or the shutdown times out. Serve closes ln.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	s.draining.Store(true)
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		hs.Close()
		return fmt.Errorf("shut down %s: %w", ln.Addr(), err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	}
	return nil
}
