package crawler

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/botrian/botrian"
)

// Crawler defaults, used when the Config field is zero.
const (
	DefaultConcurrency = 4  // least fetches in flight over all hosts
	DefaultBatchSize   = 50 // documents per documents.jsonl append
)

// Names of the files a Crawler keeps in its data directory.
const (
	CrawlDBFile   = "crawl.db"
	PagesDir      = "pages"
	DocumentsFile = "documents.jsonl"
)

// Config configures a Crawler. Zero fields take the Default* values.
type Config struct {
	// Dir is the data directory: crawl.db, pages/ and documents.jsonl.
	Dir string
	// Seeds are the start URLs. Their hosts (with or without "www.") are the
	// hosts crawled, unless AnyHost.
	Seeds []string
	// Hosts are more host names to crawl besides the seeds', on any port.
	Hosts []string
	// AnyHost follows links to any host.
	AnyHost bool
	// MaxPages stops the crawl once this many URLs have been fetched in the
	// current pass (a rerun of an interrupted crawl continues the pass, so
	// the limit holds across restarts). 0 means no limit.
	MaxPages int
	// MaxDepth is the most links followed from a seed or a sitemap entry.
	// 0 means no limit.
	MaxDepth int
	// Concurrency is the number of fetches in flight over all hosts;
	// Fetch.ConcurrencyPerHost bounds each host. 0 means
	// ConcurrencyPerHost times the number of seed hosts, and at least
	// DefaultConcurrency.
	Concurrency int
	// BatchSize is how many documents are appended to documents.jsonl at a
	// time, in one crawl.db transaction. Fetched pages and their pending
	// documents are durable in crawl.db and pages/ before that, so a kill
	// between batches loses nothing.
	BatchSize int
	// Fetch configures the Fetcher (politeness, caps, SSRF guard).
	Fetch FetchConfig
	// Progress, if set, is called after every fetched URL with the run's
	// statistics so far, from one goroutine.
	Progress func(Stats)
	// Logger receives one Debug record per URL and a Warn per failure; nil
	// discards.
	Logger *slog.Logger
	// Now returns the current time (time.Now if nil); also the Fetcher's
	// clock unless Fetch.Now is set.
	Now func() time.Time
}

// ErrConfig: a Config or FetchConfig field has an invalid value.
var ErrConfig = errors.New("invalid crawl configuration")

// Stats counts what a run did.
type Stats struct {
	Fetched     int   // URLs fetched with a 2xx answer
	NotModified int   // URLs answered 304 Not Modified (re-crawl)
	Failed      int   // URLs given up on: 4xx, 5xx after retries, network errors, caps
	Disallowed  int   // URLs robots.txt forbids (never requested)
	Documents   int   // documents written to documents.jsonl (a rewrite of one counts again)
	Queued      int   // URLs still queued
	Bytes       int64 // body bytes fetched
	// Elapsed is the run's wall time so far.
	Elapsed time.Duration
}

// Crawler crawls sites breadth-first into a data directory. See Config and Run.
type Crawler struct {
	cfg     Config
	fetcher *Fetcher
	fr      *frontier
	pages   pageStore
	docs    string
	scope   map[string]bool
	seeds   []entry
	log     *slog.Logger
}

// New opens (or creates) the crawl state in cfg.Dir. A crawl.db held by
// another process fails after a short wait. A negative concurrency, or a
// negative duration, rate or limit in cfg.Fetch, fails with ErrConfig.
func New(cfg Config) (*Crawler, error) {
	if cfg.Concurrency < 0 || cfg.Fetch.ConcurrencyPerHost < 0 {
		return nil, fmt.Errorf("concurrency %d, %d per host: %w", cfg.Concurrency, cfg.Fetch.ConcurrencyPerHost, ErrConfig)
	}
	if err := cfg.Fetch.check(); err != nil {
		return nil, err
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = DefaultBatchSize
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Fetch.Now == nil {
		cfg.Fetch.Now = cfg.Now
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	c := &Crawler{
		cfg:   cfg,
		pages: pageStore{dir: filepath.Join(cfg.Dir, PagesDir)},
		docs:  filepath.Join(cfg.Dir, DocumentsFile),
		scope: map[string]bool{},
		log:   log,
	}
	for _, h := range cfg.Hosts {
		c.scope[strings.TrimPrefix(strings.ToLower(h), "www.")] = true
	}
	for _, s := range cfg.Seeds {
		key, fetchURL, err := canonicalPair(s)
		if err != nil {
			return nil, fmt.Errorf("seed %q: %w", s, err)
		}
		u, _ := url.Parse(key)
		c.scope[scopeKey(u)] = true
		c.seeds = append(c.seeds, entry{Key: key, URL: fetchURL})
	}
	if c.cfg.Concurrency == 0 {
		perHost := cmp.Or(cfg.Fetch.ConcurrencyPerHost, DefaultConcurrencyPerHost)
		c.cfg.Concurrency = max(DefaultConcurrency, perHost*len(c.scope))
	}
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("crawl data dir: %w", err)
	}
	fr, err := openFrontier(filepath.Join(cfg.Dir, CrawlDBFile))
	if err != nil {
		return nil, err
	}
	c.fr = fr
	c.fetcher = NewFetcher(cfg.Fetch)
	return c, nil
}

// Close releases the crawl state. A Crawler abandoned without Close (a
// killed process) leaves crawl.db consistent; the next New resumes.
func (c *Crawler) Close() error {
	c.fetcher.Close()
	return c.fr.close()
}

// canonicalPair returns the canonical key of raw and the URL to fetch for it:
// the canonical form with raw's trailing slash kept, since some servers
// answer only one of the two.
func canonicalPair(raw string) (key, fetchURL string, err error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", "", err
	}
	c, err := canonicalURL(u)
	if err != nil {
		return "", "", err
	}
	key = c.String()
	if strings.HasSuffix(u.Path, "/") && c.Path != "/" {
		c.Path += "/"
		if c.RawPath != "" {
			c.RawPath += "/"
		}
	}
	return key, c.String(), nil
}

// inScope reports whether u's host is one the crawl may visit: a seed's
// host and port (with or without "www."), or a host of Config.Hosts on any
// port.
func (c *Crawler) inScope(u *url.URL) bool {
	return c.cfg.AnyHost || c.scope[scopeKey(u)] || c.scope[hostKey(u)]
}

// scopeKey is hostKey with the port when it is not the scheme's default:
// another port is another server, so 127.0.0.1:8081 is off a seed
// 127.0.0.1:8080. http and https of one name are the same site.
func scopeKey(u *url.URL) string {
	p := u.Port()
	if p == "" || (p == "80" && u.Scheme == "http") || (p == "443" && u.Scheme == "https") {
		return hostKey(u)
	}
	return hostKey(u) + ":" + p
}

// result is a worker's report on one item.
type result struct {
	it        item
	cancelled bool
	links     []entry
	doc       *botrian.Document
	groupKeys []string
	preferred string
	requested bool // a request was sent (counts toward MaxPages)
	gone      bool // a page that answered 404 or 410
	bytes     int
	err       error
}

// Run crawls until the queue is empty, MaxPages is reached or ctx is done,
// appending each article's document to documents.jsonl in batches, and
// returns what it did. Before returning it compacts documents.jsonl to one
// line per live document (see CompactDocuments). On cancellation it returns
// the statistics and ctx.Err(); fetches in flight go back to the queue, so a
// rerun continues. A page that answers 404 or 410 loses its document.
//
// A rerun after a finished crawl starts a new pass: the seeds are queued
// again and known pages are fetched with If-None-Match / If-Modified-Since,
// so unchanged pages cost a 304 and no extraction.
func (c *Crawler) Run(ctx context.Context) (Stats, error) {
	start := c.cfg.Now()
	var st Stats
	b := &batch{fr: c.fr, path: c.docs, size: c.cfg.BatchSize}
	if err := c.extractPending(ctx, b); err != nil {
		return st, err
	}
	if err := c.queueSeeds(ctx); err != nil {
		return st, err
	}
	queued, err := c.fr.queueLen()
	if err != nil {
		return st, fmt.Errorf("crawl: %w", err)
	}
	st.Queued = queued
	fetched, err := c.fr.fetched()
	if err != nil {
		return st, fmt.Errorf("crawl: %w", err)
	}

	results := make(chan result, c.cfg.Concurrency)
	active := 0
	var runErr error
	for {
		free := c.cfg.Concurrency - active
		if c.cfg.MaxPages > 0 {
			free = min(free, c.cfg.MaxPages-int(fetched)-active)
		}
		if ctx.Err() == nil && runErr == nil && free > 0 {
			// One transaction takes as many URLs as there are free slots.
			its, err := c.fr.nextN(free)
			if err != nil {
				runErr = fmt.Errorf("crawl: %w", err)
				continue
			}
			for _, it := range its {
				st.Queued--
				active++
				go func() { results <- c.process(ctx, it) }()
			}
			if len(its) > 0 {
				continue
			}
		}
		if active == 0 {
			break
		}
		// Wait for one result, take whatever else is ready, and record them
		// all in one transaction.
		rs := []result{<-results}
	drain:
		for {
			select {
			case r := <-results:
				rs = append(rs, r)
			default:
				break drain
			}
		}
		active -= len(rs)
		queued, again, err := c.fr.finishAll(rs)
		if err != nil {
			if runErr == nil {
				runErr = fmt.Errorf("crawl: %w", err)
			}
			continue
		}
		for i, r := range rs {
			if r.cancelled {
				st.Queued++
				continue
			}
			if r.requested {
				fetched++
			}
			st.Queued += queued[i]
			c.count(&st, r)
			if r.gone {
				if err := c.dropGone(r.it.Key, again[i], b); err != nil && runErr == nil {
					runErr = fmt.Errorf("crawl: %w", err)
				}
			}
			if r.doc != nil {
				if err := b.add(r.it.Key, *r.doc, r.preferred, r.groupKeys); err != nil && runErr == nil {
					runErr = err
				}
			}
			st.Documents = b.merged
			st.Elapsed = c.cfg.Now().Sub(start)
			if c.cfg.Progress != nil {
				c.cfg.Progress(st)
			}
		}
	}
	if err := b.compact(); err != nil && runErr == nil {
		runErr = err
	}
	st.Documents = b.merged
	st.Elapsed = c.cfg.Now().Sub(start)
	if runErr != nil {
		return st, runErr
	}
	return st, ctx.Err()
}

func (c *Crawler) count(st *Stats, r result) {
	var fe *FetchError
	switch {
	case r.err == nil && r.it.Status == 304:
		st.NotModified++
	case r.err == nil:
		st.Fetched++
		st.Bytes += int64(r.bytes)
	case errors.Is(r.err, ErrDisallowed):
		st.Disallowed++
		c.log.Debug("disallowed by robots.txt", "url", r.it.URL)
	case r.it.Kind == kindSitemap && errors.As(r.err, &fe) && fe.Status == 404:
		c.log.Debug("no sitemap", "url", r.it.URL) // /sitemap.xml is a guess
	default:
		st.Failed++
		c.log.Warn("fetch failed", "url", r.it.URL, "err", r.err)
	}
}

// queueSeeds queues the seeds and, for each seed origin, /sitemap.xml and the
// sitemaps its robots.txt lists.
func (c *Crawler) queueSeeds(ctx context.Context) error {
	es := append([]entry(nil), c.seeds...)
	done := map[string]bool{}
	for _, s := range c.seeds {
		u, _ := url.Parse(s.Key)
		origin := u.Scheme + "://" + u.Host
		if done[origin] {
			continue
		}
		done[origin] = true
		sitemaps := []string{origin + "/sitemap.xml"}
		listed, err := c.fetcher.Sitemaps(ctx, u)
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case err != nil:
			c.log.Warn("robots.txt", "origin", origin, "err", err)
		}
		sitemaps = append(sitemaps, listed...)
		for _, sm := range sitemaps {
			if e, ok := c.entryFor(sm, 0, kindSitemap); ok {
				es = append(es, e)
			}
		}
	}
	if _, err := c.fr.add(es); err != nil {
		return fmt.Errorf("queue seeds: %w", err)
	}
	return nil
}

// entryFor makes a queue entry for a discovered URL, or reports false for a
// URL the crawl does not want: off scope, too deep, not http(s), or a file
// type it never reads.
func (c *Crawler) entryFor(raw string, depth int, kind urlKind) (entry, bool) {
	if c.cfg.MaxDepth > 0 && depth > c.cfg.MaxDepth {
		return entry{}, false
	}
	key, fetchURL, err := canonicalPair(raw)
	if err != nil {
		return entry{}, false
	}
	u, _ := url.Parse(key)
	if !c.inScope(u) || (kind == kindPage && skipByExtension(u.Path)) {
		return entry{}, false
	}
	return entry{Key: key, URL: fetchURL, Depth: depth, Kind: kind}, true
}

// process fetches one item and reads it: links to queue and, for an
// article, its document. It runs in its own goroutine and touches no shared
// state but the Fetcher and the page store.
func (c *Crawler) process(ctx context.Context, it item) result {
	r := result{it: it}
	req := Request{URL: it.URL, ETag: it.ETag, LastModified: it.LastModified, InScope: c.inScope,
		AnyType: it.Kind == kindSitemap} // sitemaps come as XML, gzip, text or octet-stream
	res, err := c.fetcher.Fetch(ctx, req)
	if ctx.Err() != nil {
		r.cancelled = true
		return r
	}
	r.it.Attempts++
	r.it.FetchedAt = c.cfg.Now()
	r.it.Err = ""
	if err != nil {
		r.err = err
		r.it.State, r.it.Err = stateFailed, err.Error()
		var fe *FetchError
		if errors.As(err, &fe) {
			r.it.Status = fe.Status
		}
		if errors.Is(err, ErrDisallowed) {
			r.it.State = stateSkipped
		} else {
			r.requested = true
		}
		r.gone = it.Kind == kindPage && isGoneStatus(r.it.Status)
		return r
	}
	r.requested = true
	r.it.State, r.it.Status = stateDone, res.Status
	r.it.ETag, r.it.LastModified = res.ETag, res.LastModified
	var p Page
	if res.NotModified {
		if p, err = c.pages.get(it.Key); err != nil {
			// The stored copy is gone: fetch it whole.
			req.ETag, req.LastModified = "", ""
			if res, err = c.fetcher.Fetch(ctx, req); err != nil {
				if ctx.Err() != nil {
					r.cancelled = true
					return r
				}
				r.err, r.it.State, r.it.Err = err, stateFailed, err.Error()
				return r
			}
			r.it.Status, r.it.ETag, r.it.LastModified = res.Status, res.ETag, res.LastModified
		}
	}
	if !res.NotModified {
		p = Page{Key: it.Key, URL: res.URL, ContentType: res.ContentType, FetchedAt: r.it.FetchedAt, Body: res.Body}
		if err := c.pages.put(p); err != nil {
			r.err, r.it.State, r.it.Err = err, stateFailed, err.Error()
			return r
		}
		r.bytes = len(res.Body)
	}
	if it.Kind == kindSitemap {
		r.links = c.sitemapLinks(p, it.Depth)
		return r
	}
	a := analyse(p, !res.NotModified)
	r.err = a.err
	if !a.links.NoFollow {
		for _, l := range a.links.Links {
			if e, ok := c.entryFor(l, it.Depth+1, kindPage); ok {
				r.links = append(r.links, e)
			}
		}
	}
	for _, l := range a.links.Feeds {
		if e, ok := c.entryFor(l, it.Depth, kindSitemap); ok {
			r.links = append(r.links, e)
		}
	}
	if a.aliasKey != "" && a.aliasKey != it.Key {
		// Redirected: the target counts as seen, so it is not fetched again.
		r.links = append(r.links, entry{Key: a.aliasKey, URL: p.URL, Depth: it.Depth, Kind: kindPage, Done: true})
	}
	if a.doc != nil {
		r.doc, r.preferred, r.groupKeys = a.doc, a.preferred, a.groupKeys
	}
	if r.err != nil {
		c.log.Debug("no document", "url", it.URL, "err", r.err)
		r.err = nil // the fetch itself succeeded
	}
	return r
}

// dropGone finishes forgetting a page that answered 404 or 410 (finishAll
// tombstoned its document and dissolved its duplicate set): its stored copy
// goes, and the set's other URLs, marked pending in that transaction, are
// extracted again so the article stays under the best URL left.
func (c *Crawler) dropGone(key string, rest []string, b *batch) error {
	if err := c.pages.remove(key); err != nil {
		return err
	}
	for _, k := range rest {
		if err := c.extractStored(k, b); err != nil {
			return err
		}
	}
	return nil
}

// sitemapLinks queues what a sitemap or feed lists, at the sitemap's depth.
func (c *Crawler) sitemapLinks(p Page, depth int) []entry {
	pages, sitemaps, err := parseSitemap(p.Body)
	if err != nil {
		c.log.Debug("sitemap", "url", p.URL, "err", err)
		return nil
	}
	base, _ := url.Parse(p.URL)
	var es []entry
	for _, list := range []struct {
		urls []string
		kind urlKind
	}{{pages, kindPage}, {sitemaps, kindSitemap}} {
		for _, s := range list.urls {
			if base != nil {
				if u, err := base.Parse(s); err == nil {
					s = u.String()
				}
			}
			if e, ok := c.entryFor(s, depth, list.kind); ok {
				es = append(es, e)
			}
		}
	}
	return es
}
