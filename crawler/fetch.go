package crawler

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/time/rate"
)

// Fetcher defaults, used when the FetchConfig field is zero.
const (
	DefaultUserAgent          = "Botrian/0.1 (+https://github.com/botrian/botrian)"
	DefaultTimeout            = 30 * time.Second
	DefaultRatePerHost        = 1.0 // requests per second
	DefaultConcurrencyPerHost = 2
	DefaultMaxRetries         = 3
	DefaultRetryBackoff       = 2 * time.Second
	DefaultMaxRetryWait       = 2 * time.Minute
	DefaultMaxRedirects       = 10
	DefaultMaxBodyBytes       = 10 << 20
)

// robotsAgent is the product token matched against robots.txt User-agent lines.
const robotsAgent = "botrian"

// DefaultContentTypes are the media types a Fetcher accepts: HTML pages,
// plain text, and the XML of sitemaps and feeds.
var DefaultContentTypes = []string{
	"text/html", "application/xhtml+xml", "text/plain",
	"application/xml", "text/xml", "application/rss+xml", "application/atom+xml",
	"application/x-gzip", "application/gzip", // gzipped sitemaps
}

// Errors a Fetcher returns, wrapped in a *FetchError; test with errors.Is.
var (
	ErrDisallowed       = errors.New("disallowed by robots.txt")
	ErrBodyTooLarge     = errors.New("body exceeds size cap")
	ErrContentType      = errors.New("content type not accepted")
	ErrRedirectLoop     = errors.New("redirect loop")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrPrivateAddress   = errors.New("private, loopback or link-local address refused")
	ErrStatus           = errors.New("unexpected http status")
	ErrOffScope         = errors.New("redirect leaves the crawl's hosts")
)

// FetchError reports a failed fetch: the URL and, when the server answered,
// the last HTTP status.
type FetchError struct {
	URL    string
	Status int // 0 when no response
	Err    error
}

func (e *FetchError) Error() string {
	if e.Status != 0 && errors.Is(e.Err, ErrStatus) {
		return fmt.Sprintf("fetch %s: status %d", e.URL, e.Status)
	}
	return fmt.Sprintf("fetch %s: %v", e.URL, e.Err)
}

func (e *FetchError) Unwrap() error { return e.Err }

// FetchConfig configures a Fetcher. Zero fields take the Default* values.
type FetchConfig struct {
	// UserAgent identifies the crawler to servers.
	UserAgent string
	// Timeout bounds one HTTP request, body included.
	Timeout time.Duration
	// RatePerHost is the most requests per second sent to one host; a
	// robots.txt Crawl-delay that asks for less wins.
	RatePerHost float64
	// ConcurrencyPerHost is the most requests in flight to one host.
	ConcurrencyPerHost int
	// MaxRetries is how many times a 5xx, 429 or network error is retried;
	// a negative value means never.
	MaxRetries int
	// RetryBackoff is the wait before the first retry, doubled on each retry.
	RetryBackoff time.Duration
	// MaxRetryWait caps a backoff or a server's Retry-After.
	MaxRetryWait time.Duration
	// MaxRedirects is the most redirects followed for one fetch.
	MaxRedirects int
	// MaxBodyBytes caps a response body; a larger page fails with ErrBodyTooLarge.
	MaxBodyBytes int64
	// ContentTypes are the accepted media types (DefaultContentTypes if nil).
	ContentTypes []string
	// AllowPrivate lets the Fetcher connect to private, loopback, link-local
	// and unspecified addresses. Off, such connections are refused when
	// dialling (after DNS), which stops server-side request forgery.
	AllowPrivate bool
	// Now returns the current time (time.Now if nil).
	Now func() time.Time
	// Sleep waits for d or until ctx is done (a real timer if nil). Rate
	// limits, crawl delays, backoffs and Retry-After all wait through it.
	Sleep func(ctx context.Context, d time.Duration) error
}

// check reports a negative duration, rate or limit: zero means the
// default, and only MaxRetries gives a negative value a meaning.
func (c FetchConfig) check() error {
	for _, f := range []struct {
		name string
		v    float64
	}{
		{"timeout", c.Timeout.Seconds()},
		{"rate per host", c.RatePerHost},
		{"retry backoff", c.RetryBackoff.Seconds()},
		{"max retry wait", c.MaxRetryWait.Seconds()},
		{"max redirects", float64(c.MaxRedirects)},
		{"max body bytes", float64(c.MaxBodyBytes)},
	} {
		if f.v < 0 || math.IsNaN(f.v) {
			return fmt.Errorf("fetch %s %v: %w", f.name, f.v, ErrConfig)
		}
	}
	return nil
}

func (c FetchConfig) withDefaults() FetchConfig {
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.RatePerHost <= 0 {
		c.RatePerHost = DefaultRatePerHost
	}
	if c.ConcurrencyPerHost <= 0 {
		c.ConcurrencyPerHost = DefaultConcurrencyPerHost
	}
	if c.MaxRetries < 0 {
		c.MaxRetries = 0
	} else if c.MaxRetries == 0 {
		c.MaxRetries = DefaultMaxRetries
	}
	if c.RetryBackoff <= 0 {
		c.RetryBackoff = DefaultRetryBackoff
	}
	if c.MaxRetryWait <= 0 {
		c.MaxRetryWait = DefaultMaxRetryWait
	}
	if c.MaxRedirects <= 0 {
		c.MaxRedirects = DefaultMaxRedirects
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.ContentTypes == nil {
		c.ContentTypes = DefaultContentTypes
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Sleep == nil {
		c.Sleep = sleepCtx
	}
	return c
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Fetcher fetches pages politely: robots.txt, a per-host rate limit and
// concurrency cap, retries with backoff, a redirect limit, a body-size cap, a
// content-type filter and conditional requests. It is safe for concurrent use.
type Fetcher struct {
	cfg    FetchConfig
	client *http.Client

	mu     sync.Mutex
	hosts  map[string]*hostState
	robots map[string]*robotsEntry
}

// hostState is the politeness state of one host (host:port).
type hostState struct {
	sem chan struct{} // ConcurrencyPerHost slots
	lim *rate.Limiter

	mu        sync.Mutex
	notBefore time.Time // set by Retry-After
}

// NewFetcher returns a Fetcher for cfg.
func NewFetcher(cfg FetchConfig) *Fetcher {
	cfg = cfg.withDefaults()
	f := &Fetcher{cfg: cfg, hosts: map[string]*hostState{}, robots: map[string]*robotsEntry{}}
	dialer := &net.Dialer{Timeout: cfg.Timeout, KeepAlive: 30 * time.Second}
	if !cfg.AllowPrivate {
		dialer.Control = refusePrivate
	}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us and bypass the address guard
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   cfg.ConcurrencyPerHost,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   cfg.Timeout,
		ResponseHeaderTimeout: cfg.Timeout,
	}
	f.client = &http.Client{
		Transport:     tr,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return f
}

// Close releases idle connections.
func (f *Fetcher) Close() { f.client.CloseIdleConnections() }

// blockedPrefixes are special-purpose ranges refused besides those net/netip
// classifies (private, loopback, link-local, unspecified, multicast).
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"), // NAT64 can reach private IPv4
}

// blockedAddr reports whether a connection to ip is refused without AllowPrivate.
func blockedAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.IsPrivate() || ip.IsLoopback() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return true
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// refusePrivate is a net.Dialer Control: it runs after name resolution, on the
// address actually dialled, so DNS tricks cannot reach an internal service.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	if blockedAddr(ip) {
		return fmt.Errorf("dial %s %s: %w", network, address, ErrPrivateAddress)
	}
	return nil
}

// Request is one fetch.
type Request struct {
	URL string
	// ETag and LastModified, from an earlier fetch, make the request
	// conditional; an unchanged page answers with NotModified set.
	ETag, LastModified string
	// SkipRobots fetches without consulting robots.txt (for robots.txt itself).
	SkipRobots bool
	// AnyType accepts any content type.
	AnyType bool
	// InScope, if set, vets each redirect target: one it rejects is not
	// followed and the fetch fails with ErrOffScope.
	InScope func(*url.URL) bool
}

// Response is a successful fetch.
type Response struct {
	// URL is the URL finally fetched, after redirects.
	URL string
	// Status is the final HTTP status: 2xx, or 304 with NotModified.
	Status      int
	NotModified bool
	// ContentType is the Content-Type header (sniffed when absent).
	ContentType string
	Body        []byte
	// ETag and LastModified are the validators to send next time.
	ETag, LastModified string
	// Attempts counts requests sent, retries and redirects included.
	Attempts int
}

// Fetch fetches req.URL, following redirects. Every hop is checked against
// robots.txt (unless SkipRobots), rate limited and retried on 5xx, 429 and
// network errors. Failures are *FetchError wrapping ErrDisallowed,
// ErrBodyTooLarge, ErrContentType, ErrRedirectLoop, ErrTooManyRedirects,
// ErrPrivateAddress, ErrOffScope, ErrStatus (with Status set) or the
// transport's error.
func (f *Fetcher) Fetch(ctx context.Context, req Request) (*Response, error) {
	u, err := url.Parse(req.URL)
	if err != nil {
		return nil, &FetchError{URL: req.URL, Err: err}
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, &FetchError{URL: req.URL, Err: ErrUnsupportedURL}
	}
	visited := map[string]bool{}
	attempts := 0
	for hop := 0; ; hop++ {
		visited[u.String()] = true
		if !req.SkipRobots {
			ok, err := f.Allowed(ctx, u)
			if err != nil {
				return nil, &FetchError{URL: u.String(), Err: err}
			}
			if !ok {
				return nil, &FetchError{URL: u.String(), Err: ErrDisallowed}
			}
		}
		hdr := http.Header{}
		if hop == 0 {
			if req.ETag != "" {
				hdr.Set("If-None-Match", req.ETag)
			}
			if req.LastModified != "" {
				hdr.Set("If-Modified-Since", req.LastModified)
			}
		}
		res, n, err := f.retrying(ctx, u, hdr, req.AnyType)
		attempts += n
		if err != nil {
			return nil, err
		}
		if res.location == "" {
			res.Attempts = attempts
			return &res.Response, nil
		}
		next, err := u.Parse(res.location)
		if err != nil {
			return nil, &FetchError{URL: u.String(), Status: res.Status, Err: fmt.Errorf("bad redirect %q: %w", res.location, err)}
		}
		next.Fragment = ""
		if next.Scheme != "http" && next.Scheme != "https" {
			return nil, &FetchError{URL: next.String(), Err: ErrUnsupportedURL}
		}
		if req.InScope != nil && !req.InScope(next) {
			return nil, &FetchError{URL: req.URL, Status: res.Status, Err: fmt.Errorf("%w: %s", ErrOffScope, next)}
		}
		if visited[next.String()] {
			return nil, &FetchError{URL: req.URL, Status: res.Status, Err: fmt.Errorf("%w at %s", ErrRedirectLoop, next)}
		}
		if hop+1 > f.cfg.MaxRedirects {
			return nil, &FetchError{URL: req.URL, Status: res.Status, Err: ErrTooManyRedirects}
		}
		u = next
	}
}

// hopResult is one hop's answer: a final response or a redirect location.
type hopResult struct {
	Response
	location string
}

// retrying sends one request to u, retrying 5xx, 429 and transient network
// errors with exponential backoff or the server's Retry-After. It returns
// the result and the number of requests sent.
func (f *Fetcher) retrying(ctx context.Context, u *url.URL, hdr http.Header, anyType bool) (hopResult, int, error) {
	h := f.host(u)
	for attempt := 0; ; attempt++ {
		res, retryAfter, err := f.once(ctx, h, u, hdr, anyType)
		if err == nil || !retryable(ctx, err) || attempt >= f.cfg.MaxRetries {
			return res, attempt + 1, err
		}
		wait := f.cfg.RetryBackoff << attempt
		if retryAfter > 0 {
			wait = retryAfter
		}
		wait = min(wait, f.cfg.MaxRetryWait)
		if retryAfter > 0 {
			h.mu.Lock()
			if nb := f.cfg.Now().Add(wait); nb.After(h.notBefore) {
				h.notBefore = nb // other workers on this host wait too
			}
			h.mu.Unlock()
		}
		if err := f.cfg.Sleep(ctx, wait); err != nil {
			return res, attempt + 1, &FetchError{URL: u.String(), Err: err}
		}
	}
}

// retryable reports whether err is worth another attempt: a 5xx or 429, or a
// network error other than a refused address or the caller's cancellation.
func retryable(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	var fe *FetchError
	if errors.As(err, &fe) && fe.Status != 0 {
		return fe.Status == http.StatusTooManyRequests || fe.Status >= 500
	}
	switch {
	case errors.Is(err, ErrPrivateAddress), errors.Is(err, ErrBodyTooLarge), errors.Is(err, ErrContentType),
		errors.Is(err, ErrUnsupportedURL):
		return false
	}
	return true
}

// acquire waits for a slot on h and for its rate limit; the returned func
// frees the slot.
func (f *Fetcher) acquire(ctx context.Context, h *hostState) (func(), error) {
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release := func() { <-h.sem }
	now := f.cfg.Now()
	at := now
	h.mu.Lock()
	if h.notBefore.After(at) {
		at = h.notBefore
	}
	h.mu.Unlock()
	r := h.lim.ReserveN(at, 1)
	if !r.OK() {
		release()
		return nil, errors.New("rate limiter refused a reservation")
	}
	if d := r.DelayFrom(now); d > 0 {
		if err := f.cfg.Sleep(ctx, d); err != nil {
			r.CancelAt(f.cfg.Now())
			release()
			return nil, err
		}
	}
	return release, nil
}

// once sends one request. A 3xx with Location is returned as a redirect; a
// non-2xx other than 304 is a *FetchError with Status, plus the server's
// Retry-After when it gave one.
func (f *Fetcher) once(ctx context.Context, h *hostState, u *url.URL, hdr http.Header, anyType bool) (hopResult, time.Duration, error) {
	release, err := f.acquire(ctx, h)
	if err != nil {
		return hopResult{}, 0, &FetchError{URL: u.String(), Err: err}
	}
	defer release()
	rctx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return hopResult{}, 0, &FetchError{URL: u.String(), Err: err}
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	res, err := f.client.Do(req)
	if err != nil {
		return hopResult{}, 0, &FetchError{URL: u.String(), Err: err}
	}
	defer res.Body.Close()
	out := hopResult{Response: Response{URL: u.String(), Status: res.StatusCode}}
	switch {
	case res.StatusCode == http.StatusNotModified:
		out.NotModified = true
		out.ETag, out.LastModified = res.Header.Get("ETag"), res.Header.Get("Last-Modified")
		if out.ETag == "" {
			out.ETag = hdr.Get("If-None-Match")
		}
		if out.LastModified == "" {
			out.LastModified = hdr.Get("If-Modified-Since")
		}
		return out, 0, nil
	case res.StatusCode >= 300 && res.StatusCode < 400 && res.Header.Get("Location") != "":
		out.location = res.Header.Get("Location")
		return out, 0, nil
	case res.StatusCode < 200 || res.StatusCode >= 300:
		_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
		return out, f.retryAfter(res.Header.Get("Retry-After")), &FetchError{URL: u.String(), Status: res.StatusCode, Err: ErrStatus}
	}
	if res.ContentLength > f.cfg.MaxBodyBytes {
		return out, 0, &FetchError{URL: u.String(), Status: res.StatusCode, Err: fmt.Errorf("%w: %d > %d bytes", ErrBodyTooLarge, res.ContentLength, f.cfg.MaxBodyBytes)}
	}
	ct := res.Header.Get("Content-Type")
	if !anyType && ct != "" && !f.acceptType(ct) {
		return out, 0, &FetchError{URL: u.String(), Status: res.StatusCode, Err: fmt.Errorf("%w: %s", ErrContentType, ct)}
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, f.cfg.MaxBodyBytes+1))
	if err != nil {
		return out, 0, &FetchError{URL: u.String(), Status: res.StatusCode, Err: fmt.Errorf("read body: %w", err)}
	}
	if int64(len(body)) > f.cfg.MaxBodyBytes {
		return out, 0, &FetchError{URL: u.String(), Status: res.StatusCode, Err: fmt.Errorf("%w: over %d bytes", ErrBodyTooLarge, f.cfg.MaxBodyBytes)}
	}
	if ct == "" {
		ct = http.DetectContentType(body)
		if !anyType && !f.acceptType(ct) {
			return out, 0, &FetchError{URL: u.String(), Status: res.StatusCode, Err: fmt.Errorf("%w: sniffed %s", ErrContentType, ct)}
		}
	}
	out.ContentType = ct
	out.Body = body
	out.ETag, out.LastModified = res.Header.Get("ETag"), res.Header.Get("Last-Modified")
	return out, 0, nil
}

func (f *Fetcher) acceptType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	for _, t := range f.cfg.ContentTypes {
		if strings.EqualFold(mt, t) {
			return true
		}
	}
	return false
}

// retryAfter parses a Retry-After header: seconds or an HTTP date.
func (f *Fetcher) retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(f.cfg.Now()); d > 0 {
			return d
		}
	}
	return 0
}

// host returns the politeness state for u's host, creating it on first use.
func (f *Fetcher) host(u *url.URL) *hostState {
	key := strings.ToLower(u.Host)
	f.mu.Lock()
	defer f.mu.Unlock()
	h, ok := f.hosts[key]
	if !ok {
		h = &hostState{
			sem: make(chan struct{}, f.cfg.ConcurrencyPerHost),
			lim: rate.NewLimiter(rate.Limit(f.cfg.RatePerHost), 1),
		}
		f.hosts[key] = h
	}
	return h
}

// setCrawlDelay slows u's host to one request per d if that is slower than
// the configured rate.
func (f *Fetcher) setCrawlDelay(u *url.URL, d time.Duration) {
	if d <= 0 {
		return
	}
	h := f.host(u)
	if lim := rate.Every(d); lim < h.lim.Limit() {
		h.lim.SetLimitAt(f.cfg.Now(), lim)
	}
}
