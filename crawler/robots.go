package crawler

import (
	"context"
	"errors"
	"net/url"
	"sync"

	"github.com/temoto/robotstxt"
)

// robotsEntry is the cached robots.txt of one origin (scheme://host:port).
type robotsEntry struct {
	mu     sync.Mutex
	loaded bool
	data   *robotstxt.RobotsData
}

// Allowed reports whether robots.txt of u's origin lets the crawler fetch u.
// robots.txt is fetched once per origin and kept for the Fetcher's life; its
// Crawl-delay, if slower than the configured rate, becomes the host's rate.
// A missing robots.txt (4xx) allows everything; a server error (5xx) or an
// unreachable server disallows everything, as RFC 9309 asks.
func (f *Fetcher) Allowed(ctx context.Context, u *url.URL) (bool, error) {
	e, err := f.robotsFor(ctx, u)
	if err != nil {
		return false, err
	}
	return e.data.TestAgent(u.RequestURI(), robotsAgent), nil
}

// Sitemaps returns the Sitemap: URLs listed in robots.txt of u's origin.
func (f *Fetcher) Sitemaps(ctx context.Context, u *url.URL) ([]string, error) {
	e, err := f.robotsFor(ctx, u)
	if err != nil {
		return nil, err
	}
	return e.data.Sitemaps, nil
}

func (f *Fetcher) robotsFor(ctx context.Context, u *url.URL) (*robotsEntry, error) {
	origin := u.Scheme + "://" + u.Host
	f.mu.Lock()
	e, ok := f.robots[origin]
	if !ok {
		e = &robotsEntry{}
		f.robots[origin] = e
	}
	f.mu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if e.loaded {
		return e, nil
	}
	res, err := f.Fetch(ctx, Request{URL: origin + "/robots.txt", SkipRobots: true, AnyType: true})
	var data *robotstxt.RobotsData
	var fe *FetchError
	switch {
	case err == nil:
		data, err = robotstxt.FromStatusAndBytes(res.Status, res.Body)
		if err != nil {
			// A robots.txt the parser rejects is treated as absent.
			data, _ = robotstxt.FromStatusAndBytes(404, nil)
		}
	case ctx.Err() != nil:
		return nil, ctx.Err() // not cached: the next run asks again
	case errors.Is(err, ErrPrivateAddress):
		return nil, err
	case errors.As(err, &fe) && fe.Status >= 400 && fe.Status < 500:
		data, _ = robotstxt.FromStatusAndBytes(fe.Status, nil)
	case errors.Is(err, ErrBodyTooLarge):
		data, _ = robotstxt.FromStatusAndBytes(404, nil)
	default: // 5xx after retries, unreachable, redirect loop
		data, _ = robotstxt.FromStatusAndBytes(503, nil)
	}
	e.loaded = true
	e.data = data
	f.setCrawlDelay(u, data.FindGroup(robotsAgent).CrawlDelay)
	return e, nil
}
