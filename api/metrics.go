package api

import (
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
)

// latencyBuckets are the upper bounds, in seconds, of the request duration
// histogram: fine below 100 ms, where a search should answer, coarse above.
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics counts requests for /metrics. It is written with the standard
// library: three series do not justify the Prometheus client and its
// dependencies. Routes are echo's route patterns, so label cardinality is
// bounded by the routes table.
type metrics struct {
	inFlight atomic.Int64

	mu       sync.Mutex
	requests map[requestKey]uint64
	latency  map[string]*histogram // by route
}

type requestKey struct {
	route, method string
	code          int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative; the last is +Inf
	sum    float64
	n      uint64
}

func newMetrics() *metrics {
	return &metrics{requests: map[requestKey]uint64{}, latency: map[string]*histogram{}}
}

func (m *metrics) observe(route, method string, code int, took time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[requestKey{route, method, code}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets)+1)}
		m.latency[route] = h
	}
	sec := took.Seconds()
	i, _ := slices.BinarySearch(latencyBuckets, sec)
	h.counts[i]++
	h.sum += sec
	h.n++
}

// writeTo writes the metrics in the Prometheus text exposition format 0.0.4.
func (m *metrics) writeTo(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# HELP botrian_http_requests_total HTTP requests answered, by route pattern, method and status code.\n")
	b.WriteString("# TYPE botrian_http_requests_total counter\n")
	m.mu.Lock()
	keys := slices.SortedFunc(maps.Keys(m.requests), func(a, b requestKey) int {
		if c := strings.Compare(a.route, b.route); c != 0 {
			return c
		}
		if c := strings.Compare(a.method, b.method); c != 0 {
			return c
		}
		return a.code - b.code
	})
	for _, k := range keys {
		fmt.Fprintf(&b, "botrian_http_requests_total{route=%s,method=%s,code=\"%d\"} %d\n",
			quoteLabel(k.route), quoteLabel(k.method), k.code, m.requests[k])
	}
	b.WriteString("# HELP botrian_http_request_duration_seconds Time to answer an HTTP request, by route pattern.\n")
	b.WriteString("# TYPE botrian_http_request_duration_seconds histogram\n")
	for _, route := range slices.Sorted(maps.Keys(m.latency)) {
		h := m.latency[route]
		r := quoteLabel(route)
		var cum uint64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(&b, "botrian_http_request_duration_seconds_bucket{route=%s,le=\"%s\"} %d\n",
				r, strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		fmt.Fprintf(&b, "botrian_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", r, h.n)
		fmt.Fprintf(&b, "botrian_http_request_duration_seconds_sum{route=%s} %s\n", r, strconv.FormatFloat(h.sum, 'g', -1, 64))
		fmt.Fprintf(&b, "botrian_http_request_duration_seconds_count{route=%s} %d\n", r, h.n)
	}
	m.mu.Unlock()
	b.WriteString("# HELP botrian_http_requests_in_flight HTTP requests being answered.\n")
	b.WriteString("# TYPE botrian_http_requests_in_flight gauge\n")
	fmt.Fprintf(&b, "botrian_http_requests_in_flight %d\n", m.inFlight.Load())
	_, err := io.WriteString(w, b.String())
	return err
}

// quoteLabel quotes a label value as the exposition format wants:
// backslash, double quote and newline escaped.
func quoteLabel(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// handleMetrics serves GET /metrics.
func (s *Server) handleMetrics(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderContentType, "text/plain; version=0.0.4; charset=utf-8")
	c.Response().WriteHeader(http.StatusOK)
	return s.metrics.writeTo(c.Response())
}
