package indexer

import (
	"context"
	"fmt"
	"os"
	"time"
)

// DefaultWatchInterval is how often Watch looks for a rebuilt index.
const DefaultWatchInterval = 5 * time.Second

// Watch calls swap with the newly opened index each time the index at path
// is replaced by a rebuild (Build swaps in a new directory, so the path then
// names another directory). It checks every interval, and at once whenever
// a value arrives on poke (e.g. on SIGHUP; poke may be nil). An index that
// fails to open is reported to fail and retried at the next check. It
// returns when ctx is done. The caller owns every index passed to swap.
func Watch(ctx context.Context, path string, interval time.Duration, poke <-chan struct{}, swap func(*Index), fail func(error)) {
	if interval <= 0 {
		interval = DefaultWatchInterval
	}
	last, _ := os.Stat(path)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-poke:
		}
		cur, err := os.Stat(path)
		if err != nil || (last != nil && os.SameFile(last, cur)) {
			continue
		}
		idx, err := Open(path)
		if err != nil {
			fail(fmt.Errorf("reopen rebuilt index: %w", err))
			continue
		}
		last = cur
		swap(idx)
	}
}
