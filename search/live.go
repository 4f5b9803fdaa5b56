package search

import (
	"context"
	"errors"
	"io"
	"sync"
	"sync/atomic"

	"github.com/botrian/botrian/indexer"
)

// Live answers from whichever index is current, and lets a rebuilt index
// replace it while requests run: a request finishes on the index it started
// on, and a replaced index is closed when its last request ends. It has the
// methods of Searcher, so a server can hold a Live and never restart to pick
// up a new index.
type Live struct {
	swap sync.Mutex // serialises Swap and Close
	cur  atomic.Pointer[generation]
}

// generation is one Searcher and the index it owns.
type generation struct {
	s       *Searcher
	closer  io.Closer
	mu      sync.Mutex
	refs    int
	retired bool
	closed  chan struct{} // closed once closer has run
	err     error         // closer's result
}

// ErrClosed is returned by a Live after Close.
var ErrClosed = errors.New("search: closed")

// NewLive returns a Live serving s. closer (usually s's index) is closed
// when s is replaced and no request uses it any more, or by Close.
func NewLive(s *Searcher, closer io.Closer) *Live {
	l := &Live{}
	l.cur.Store(newGeneration(s, closer))
	return l
}

func newGeneration(s *Searcher, closer io.Closer) *generation {
	return &generation{s: s, closer: closer, closed: make(chan struct{})}
}

// Swap makes s current. The replaced generation's closer runs once the
// requests already using it have finished.
func (l *Live) Swap(s *Searcher, closer io.Closer) {
	l.swap.Lock()
	defer l.swap.Unlock()
	if old := l.cur.Swap(newGeneration(s, closer)); old != nil {
		old.retire()
	}
}

// Close stops serving and closes the current index once its requests end.
// It waits for that and returns the closer's error.
func (l *Live) Close() error {
	l.swap.Lock()
	defer l.swap.Unlock()
	old := l.cur.Swap(nil)
	if old == nil {
		return nil
	}
	old.retire()
	<-old.closed
	return old.err
}

// Generation is the current index's generation ("" after Close).
func (l *Live) Generation() string {
	g, release, err := l.acquire()
	if err != nil {
		return ""
	}
	defer release()
	return g.idx.Generation
}

// acquire returns the current Searcher, counted as in use until release.
func (l *Live) acquire() (*Searcher, func(), error) {
	for {
		g := l.cur.Load()
		if g == nil {
			return nil, nil, ErrClosed
		}
		g.mu.Lock()
		if g.retired { // swapped out after Load: take the new one
			g.mu.Unlock()
			continue
		}
		g.refs++
		g.mu.Unlock()
		return g.s, g.release, nil
	}
}

func (g *generation) release() {
	g.mu.Lock()
	g.refs--
	done := g.retired && g.refs == 0
	g.mu.Unlock()
	if done {
		g.close()
	}
}

func (g *generation) retire() {
	g.mu.Lock()
	g.retired = true
	done := g.refs == 0
	g.mu.Unlock()
	if done {
		g.close()
	}
}

func (g *generation) close() {
	if g.closer != nil {
		g.err = g.closer.Close()
	}
	close(g.closed)
}

// Search is Searcher.Search on the current index.
func (l *Live) Search(ctx context.Context, r Request) (*Result, error) {
	s, release, err := l.acquire()
	if err != nil {
		return nil, err
	}
	defer release()
	return s.Search(ctx, r)
}

// Document is Searcher.Document on the current index.
func (l *Live) Document(ctx context.Context, id string) (*indexer.Entry, error) {
	s, release, err := l.acquire()
	if err != nil {
		return nil, err
	}
	defer release()
	return s.Document(ctx, id)
}

// Similar is Searcher.Similar on the current index.
func (l *Live) Similar(ctx context.Context, id string, size int) ([]Hit, error) {
	s, release, err := l.acquire()
	if err != nil {
		return nil, err
	}
	defer release()
	return s.Similar(ctx, id, size)
}

// Suggest is Searcher.Suggest on the current index.
func (l *Live) Suggest(ctx context.Context, prefix string, size int) ([]Suggestion, error) {
	s, release, err := l.acquire()
	if err != nil {
		return nil, err
	}
	defer release()
	return s.Suggest(ctx, prefix, size)
}

// Export is Searcher.Export on the current index: an export runs to its
// end on the index it started on.
func (l *Live) Export(ctx context.Context, r Request, fn func(Hit) error) error {
	s, release, err := l.acquire()
	if err != nil {
		return err
	}
	defer release()
	return s.Export(ctx, r, fn)
}
