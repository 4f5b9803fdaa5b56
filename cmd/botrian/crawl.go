package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/botrian/botrian/crawler"
)

func runCrawl(ctx context.Context, e env, args []string) error {
	fs := flags(e, "crawl", "[--data DIR] --seed URL... [--max-pages N] [--max-depth D] [--rate R] [--concurrency C] [--allow-private] [--log-format text|json]",
		"Crawls breadth-first from the seeds (and the sitemaps and feeds it finds), on the\n"+
			"seeds' hosts only, obeying robots.txt and its Crawl-delay. Raw pages go to DIR/pages,\n"+
			"crawl state to DIR/crawl.db, and each article's document to DIR/documents.jsonl.\n"+
			"Stop it at any time (even kill -9) and run the same command again to continue; after\n"+
			"a finished crawl, running it again re-crawls with conditional requests (ETag).")
	data := fs.String("data", defaultDataDir, "data `directory`")
	var seeds multiFlag
	fs.Var(&seeds, "seed", "start `URL` (repeatable)")
	maxPages := fs.Int("max-pages", 0, "stop after `N` URLs fetched in this pass (0: no limit)")
	maxDepth := fs.Int("max-depth", 0, "follow at most `D` links from a seed (0: no limit)")
	rate := fs.Float64("rate", crawler.DefaultRatePerHost, "requests per second per host")
	conc := fs.Int("concurrency", crawler.DefaultConcurrencyPerHost, "fetches in flight per host")
	allowPrivate := fs.Bool("allow-private", false, "allow private, loopback and link-local addresses")
	logFormat := fs.String("log-format", "text", "log format on stderr: text or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if len(seeds) == 0 || fs.NArg() > 0 || (*logFormat != "text" && *logFormat != "json") || *conc < 1 || *rate <= 0 {
		fmt.Fprintln(e.stderr, "crawl: need at least one --seed URL, no arguments, --concurrency and --rate above 0, and --log-format text or json")
		fs.Usage()
		return errUsage
	}
	tty := isTerminal(e.stdout)
	level := slog.LevelInfo
	if tty {
		level = slog.LevelWarn // the progress line says the rest
	}
	opts := &slog.HandlerOptions{Level: level}
	var h slog.Handler = slog.NewTextHandler(e.stderr, opts)
	if *logFormat == "json" {
		h = slog.NewJSONHandler(e.stderr, opts)
	}
	log := slog.New(h).With("component", "crawler")
	cfg := crawler.Config{
		Dir: *data, Seeds: seeds, MaxPages: *maxPages, MaxDepth: *maxDepth, Logger: log,
		Fetch: crawler.FetchConfig{RatePerHost: *rate, ConcurrencyPerHost: *conc, AllowPrivate: *allowPrivate},
	}
	m := newMeter(e.stdout, "")
	cfg.Progress = func(st crawler.Stats) { m.show(progressLine(st)) }
	c, err := crawler.New(cfg)
	if err != nil {
		return fmt.Errorf("crawl: %w", err)
	}
	defer c.Close()
	st, err := c.Run(ctx)
	m.done()
	summary(e.stdout, log, st, tty)
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(e.stderr, "crawl: interrupted; run the same command again to continue")
	}
	return err
}

// progressLine is the terminal progress display.
func progressLine(st crawler.Stats) string {
	done := st.Fetched + st.NotModified + st.Failed
	rate := float64(done) / max(st.Elapsed.Seconds(), 1e-3)
	line := fmt.Sprintf("fetched %d  queued %d  docs %d  errors %d  %.1f/s", done, st.Queued, st.Documents, st.Failed, rate)
	if rate > 0 && st.Queued > 0 {
		line += "  ETA " + time.Duration(float64(st.Queued)/rate*float64(time.Second)).Round(time.Second).String()
	}
	return line
}

// summary prints the end-of-crawl line on a terminal, or logs it otherwise.
func summary(w io.Writer, log *slog.Logger, st crawler.Stats, tty bool) {
	if tty {
		fmt.Fprintf(w, "crawled %d pages (%d unchanged, %d failed, %d disallowed), %d documents, %d queued, %.1f MB in %s\n",
			st.Fetched, st.NotModified, st.Failed, st.Disallowed, st.Documents, st.Queued, float64(st.Bytes)/1e6, st.Elapsed.Round(time.Millisecond))
		return
	}
	log.Info("crawl done", "fetched", st.Fetched, "not_modified", st.NotModified, "failed", st.Failed,
		"disallowed", st.Disallowed, "documents", st.Documents, "queued", st.Queued, "bytes", st.Bytes, "elapsed", st.Elapsed)
}

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, " ") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }
