package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"time"

	"github.com/botrian/botrian/api"
	"github.com/botrian/botrian/api/collections"
)

func runServe(ctx context.Context, e env, args []string) error {
	fl := flags(e, "serve", "[--data DIR] [--addr HOST:PORT] [--collections PATH] [--cors ORIGINS] [--timeout D]",
		"Serves DIR/index.bleve (built by 'botrian index'): the web page at /, the JSON API under\n"+
			"/api/v1 (search, documents, similar cases, facets, suggestions, CSV and JSON Lines\n"+
			"export), its OpenAPI document at /api/openapi.json, /healthz, /readyz and /metrics.\n"+
			"Curators' collections (/collections, /api/v1/collections) are kept in --collections.\n"+
			"Access logs go to stderr. Interrupt (Ctrl-C) shuts down gracefully.")
	data := fl.String("data", defaultDataDir, "data `directory`")
	addr := fl.String("addr", "127.0.0.1:8080", "listen `address`")
	coll := fl.String("collections", "", "collections `file` (bbolt; default DIR/collections.db)")
	cors := fl.String("cors", "", "comma-separated `origins` allowed to call the API from browsers (\"*\" for any)")
	timeout := fl.Duration("timeout", api.DefaultTimeout, "per-request `duration` limit; a search is cancelled when it runs out")
	if err := parseNoArgs(fl, args); err != nil {
		return err
	}
	if *timeout <= 0 {
		fmt.Fprintf(e.stderr, "serve: --timeout must be positive, got %v\n", *timeout)
		return errUsage
	}
	var origins []string
	for _, o := range strings.Split(*cors, ",") {
		if o = strings.TrimSpace(o); o != "" {
			origins = append(origins, o)
		}
	}
	return serveIndex(ctx, e, *data, serveOptions{addr: *addr, origins: origins, timeout: *timeout, collections: *coll})
}

// serveOptions are the server settings serve and demo share.
type serveOptions struct {
	addr        string
	origins     []string
	timeout     time.Duration
	collections string // the collections file; "" means DIR/collections.db
}

// serveIndex opens DIR/index.bleve (following rebuilds, see openLive) and
// the collections file and serves them until ctx is cancelled.
func serveIndex(ctx context.Context, e env, data string, o serveOptions) error {
	path := indexDir(data)
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	live, err := openLive(ctx, path, log)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no index at %s\nrun 'botrian import --data %s PATH...' then 'botrian index --data %s' first", path, data, data)
	}
	if err != nil {
		return err
	}
	defer live.Close()
	ctx, stopWatch := context.WithCancel(ctx) // ends the watch on an early return too
	defer stopWatch()
	if o.collections == "" {
		o.collections = filepath.Join(data, "collections.db")
	}
	coll, err := collections.Open(o.collections, collections.Config{})
	if err != nil {
		return err
	}
	defer coll.Close()
	srv, err := api.New(api.Config{Searcher: live, Logger: log, CORSOrigins: o.origins, Timeout: o.timeout, Collections: coll})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	fmt.Fprintf(e.stdout, "Botrian is serving %s at http://%s/ (Ctrl-C to stop)\n", path, ln.Addr())
	return srv.Serve(ctx, ln)
}
