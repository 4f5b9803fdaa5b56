package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/botrian/botrian/api"
	"github.com/botrian/botrian/api/collections"
	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/search"
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
	if err := parseFlags(fl, args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(e.stderr, "serve: unexpected argument %q\n", fl.Arg(0))
		fl.Usage()
		return errUsage
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

// serveIndex opens DIR/index.bleve and the collections file and serves them
// until ctx is cancelled.
func serveIndex(ctx context.Context, e env, data string, o serveOptions) error {
	path := filepath.Join(data, "index.bleve")
	idx, err := indexer.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no index at %s\nrun 'botrian import --data %s PATH...' then 'botrian index --data %s' first", path, data, data)
	}
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	s, err := search.New(idx, search.Config{Logger: log})
	if err != nil {
		idx.Close()
		return err
	}
	live := search.NewLive(s, idx)
	defer live.Close()
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
	// A rebuilt index ('botrian index' while serving) is picked up within
	// seconds, or at once on SIGHUP; requests in flight finish on the old one.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	poke := make(chan struct{})
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				select {
				case poke <- struct{}{}:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	go indexer.Watch(ctx, path, indexer.DefaultWatchInterval, poke, func(idx *indexer.Index) {
		s, err := search.New(idx, search.Config{Logger: log})
		if err != nil {
			idx.Close()
			log.Error("serve rebuilt index", "err", err)
			return
		}
		live.Swap(s, idx)
		log.Info("serving rebuilt index", "path", path, "generation", idx.Generation)
	}, func(err error) { log.Error("watch index", "err", err) })
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	fmt.Fprintf(e.stdout, "Botrian is serving %s at http://%s/ (Ctrl-C to stop)\n", path, ln.Addr())
	return srv.Serve(ctx, ln)
}
