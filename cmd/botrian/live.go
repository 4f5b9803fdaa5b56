package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/search"
)

// openLive opens the index at path for serving and keeps it current until
// ctx ends: a rebuilt index ('botrian index' while serving) is picked up
// within indexer.DefaultWatchInterval, or at once on SIGHUP, and requests in
// flight finish on the old one. Failures to open a rebuilt index are logged
// and retried at the next check. The caller closes the Live.
func openLive(ctx context.Context, path string, log *slog.Logger) (*search.Live, error) {
	idx, err := indexer.Open(path)
	if err != nil {
		return nil, err
	}
	s, err := search.New(idx, search.Config{Logger: log})
	if err != nil {
		idx.Close()
		return nil, err
	}
	live := search.NewLive(s, idx)
	go indexer.Watch(ctx, path, indexer.DefaultWatchInterval, hangups(ctx), func(idx *indexer.Index) {
		s, err := search.New(idx, search.Config{Logger: log})
		if err != nil {
			idx.Close()
			log.Error("serve rebuilt index", "path", path, "err", err)
			return
		}
		live.Swap(s, idx)
		log.Info("serving rebuilt index", "path", path, "generation", idx.Generation)
	}, func(err error) { log.Error("watch index", "path", path, "err", err) })
	return live, nil
}

// hangups returns a channel that receives a value for each SIGHUP until ctx
// ends.
func hangups(ctx context.Context) <-chan struct{} {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	poke := make(chan struct{})
	go func() {
		defer signal.Stop(hup)
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
	return poke
}
