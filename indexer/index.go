package indexer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/indexer/facet"
)

// DefaultBatchSize is how many documents go into one bleve batch: small
// enough to bound memory, large enough to avoid a segment per document.
const DefaultBatchSize = 256

// Internal keys the index keeps beside the documents.
var (
	keyMappingVersion = []byte("botrian_mapping_version")
	keyGeneration     = []byte("botrian_generation")
)

// ErrNoDocuments is returned by Build when the documents file does not exist.
var ErrNoDocuments = errors.New("no documents file")

// Config controls building an index.
type Config struct {
	// BatchSize is the number of documents per batch; 0 means DefaultBatchSize.
	BatchSize int
	// UserWords are extra Thai dictionary words (see MappingConfig).
	UserWords []string
	// Progress, if set, is called after every batch.
	Progress func(Progress)
	// Logger receives warnings such as undecodable document lines.
	Logger *slog.Logger
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
}

// Progress reports how far a build has come.
type Progress struct {
	Done, Total int
	Elapsed     time.Duration
}

// Stats summarises a finished build.
type Stats struct {
	Documents  int // indexed
	Duplicates int // lines superseded by a later line with the same ID
	BadLines   int // lines that did not decode
	Elapsed    time.Duration
}

func (c Config) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c Config) logger() *slog.Logger {
	if c.Logger != nil {
		return c.Logger
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

func (c Config) mapping() (*mapping.IndexMappingImpl, error) {
	var kinds []string
	for _, k := range facet.SectionKinds() {
		kinds = append(kinds, string(k.ID))
	}
	return NewMapping(MappingConfig{UserWords: c.UserWords, SectionKinds: kinds})
}

// Build indexes the documents of the JSONL file docsPath into a new index
// at indexPath. It builds into a sibling directory and swaps it in only when
// complete, so a reader never sees a half-built index and a killed build
// leaves the previous index as it was. When an ID occurs on several lines,
// the last line wins.
func Build(ctx context.Context, docsPath, indexPath string, cfg Config) (Stats, error) {
	start := cfg.now()
	var st Stats
	last, err := lastLines(docsPath, cfg.logger(), &st)
	if err != nil {
		return st, err
	}
	im, err := cfg.mapping()
	if err != nil {
		return st, err
	}
	tmp := fmt.Sprintf("%s.building-%d", indexPath, os.Getpid())
	if err := os.RemoveAll(tmp); err != nil {
		return st, fmt.Errorf("clear %s: %w", tmp, err)
	}
	idx, err := bleve.New(tmp, im)
	if err != nil {
		return st, fmt.Errorf("create index %s: %w", tmp, err)
	}
	ok := false
	defer func() {
		if !ok {
			idx.Close()
			os.RemoveAll(tmp)
		}
	}()
	f, err := os.Open(docsPath)
	if err != nil {
		return st, fmt.Errorf("open documents: %w", err)
	}
	defer f.Close()
	w := newBatcher(ctx, idx, cfg, len(last), start)
	err = w.addAll(func(emit func(botrian.Document) error) error {
		line := 0
		return botrian.ReadDocuments(f, func(d botrian.Document) error {
			line++
			if last[d.ID] != line {
				return nil
			}
			return emit(d)
		}, func(error) { line++ })
	})
	if err != nil {
		return st, err
	}
	st.Documents = w.done
	if err := writeInternal(idx, start); err != nil {
		return st, err
	}
	if err := idx.Close(); err != nil {
		return st, fmt.Errorf("close index %s: %w", tmp, err)
	}
	ok = true
	if err := swapDir(tmp, indexPath); err != nil {
		os.RemoveAll(tmp)
		return st, err
	}
	st.Elapsed = cfg.now().Sub(start)
	return st, nil
}

// lastLines maps each document ID to the number of the last line holding
// it, counting lines as ReadDocuments does.
func lastLines(path string, log *slog.Logger, st *Stats) (map[string]int, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNoDocuments, path)
	}
	if err != nil {
		return nil, fmt.Errorf("open documents: %w", err)
	}
	defer f.Close()
	last := map[string]int{}
	line := 0
	err = botrian.ReadDocuments(f, func(d botrian.Document) error {
		line++
		if _, dup := last[d.ID]; dup {
			st.Duplicates++
		}
		last[d.ID] = line
		return nil
	}, func(err error) {
		line++
		st.BadLines++
		log.Warn("skip document line", "err", err)
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return last, nil
}

// batcher feeds documents to an index in batches.
type batcher struct {
	ctx   context.Context
	idx   bleve.Index
	b     *bleve.Batch
	cfg   Config
	size  int
	total int
	done  int
	start time.Time
}

func newBatcher(ctx context.Context, idx bleve.Index, cfg Config, total int, start time.Time) *batcher {
	size := cfg.BatchSize
	if size <= 0 {
		size = DefaultBatchSize
	}
	return &batcher{ctx: ctx, idx: idx, b: idx.NewBatch(), cfg: cfg, size: size, total: total, start: start}
}

// addAll indexes every document that produce emits, then flushes.
// Extracting facts is the costly part of indexing a document, so it runs on
// every core while this goroutine fills and sends the batches.
func (w *batcher) addAll(produce func(emit func(botrian.Document) error) error) error {
	ctx, cancel := context.WithCancel(w.ctx)
	defer cancel()
	type item struct {
		id     string
		fields map[string]interface{}
		err    error
	}
	in := make(chan botrian.Document, w.size)
	out := make(chan item, w.size)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range in {
				m, err := Enrich(d).fields()
				select {
				case out <- item{d.ID, m, err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	produced := make(chan error, 1)
	go func() {
		produced <- produce(func(d botrian.Document) error {
			select {
			case in <- d:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		close(in)
		wg.Wait()
		close(out)
	}()
	var err error
	for it := range out {
		if err != nil {
			continue // drain, so the workers finish
		}
		if err = it.err; err == nil {
			err = w.index(it.id, it.fields)
		}
		if err != nil {
			cancel()
		}
	}
	if perr := <-produced; err == nil && perr != nil {
		err = perr
	}
	if err != nil {
		return err
	}
	return w.flush()
}

func (w *batcher) index(id string, fields map[string]interface{}) error {
	if err := w.b.Index(id, fields); err != nil {
		return fmt.Errorf("index document %s: %w", id, err)
	}
	if w.b.Size() >= w.size {
		return w.flush()
	}
	return nil
}

func (w *batcher) flush() error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	n := w.b.Size()
	if n == 0 {
		return nil
	}
	if err := w.idx.Batch(w.b); err != nil {
		return fmt.Errorf("index batch at document %d: %w", w.done, err)
	}
	w.done += n
	w.b.Reset()
	if w.cfg.Progress != nil {
		w.cfg.Progress(Progress{Done: w.done, Total: w.total, Elapsed: w.cfg.now().Sub(w.start)})
	}
	return nil
}

func writeInternal(idx bleve.Index, now time.Time) error {
	if err := idx.SetInternal(keyMappingVersion, []byte(strconv.Itoa(MappingVersion))); err != nil {
		return fmt.Errorf("record mapping version: %w", err)
	}
	if err := idx.SetInternal(keyGeneration, []byte(strconv.FormatInt(now.UnixNano(), 10))); err != nil {
		return fmt.Errorf("record generation: %w", err)
	}
	return nil
}

// swapDir replaces dst with the directory src.
func swapDir(src, dst string) error {
	old := fmt.Sprintf("%s.old-%d", dst, os.Getpid())
	hadOld := true
	if err := os.Rename(dst, old); errors.Is(err, os.ErrNotExist) {
		hadOld = false
	} else if err != nil {
		return fmt.Errorf("move old index aside: %w", err)
	}
	if err := os.Rename(src, dst); err != nil {
		if hadOld {
			os.Rename(old, dst)
		}
		return fmt.Errorf("swap in new index: %w", err)
	}
	if hadOld {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove old index: %w", err)
		}
	}
	cleanStale(filepath.Dir(dst), filepath.Base(dst))
	return nil
}

// cleanStale removes build directories left by killed builds.
func cleanStale(dir, base string) {
	for _, pat := range []string{base + ".building-*", base + ".old-*"} {
		ms, _ := filepath.Glob(filepath.Join(dir, pat))
		for _, m := range ms {
			os.RemoveAll(m)
		}
	}
}

// ErrMappingVersion is returned by Open for an index built by another
// version of Botrian.
var ErrMappingVersion = errors.New("index built under another mapping version")

// Index is an open index with its generation (a value that changes on every
// rebuild, for keying caches).
type Index struct {
	bleve.Index
	Generation string
}

// Open opens the index at path for searching.
func Open(path string) (*Index, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	v, err := idx.GetInternal(keyMappingVersion)
	if err != nil || string(v) != strconv.Itoa(MappingVersion) {
		idx.Close()
		return nil, fmt.Errorf("open index %s: %w (have %q, want %d): reindex with 'botrian index'", path, ErrMappingVersion, v, MappingVersion)
	}
	g, err := idx.GetInternal(keyGeneration)
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("open index %s: read generation: %w", path, err)
	}
	return &Index{Index: idx, Generation: string(g)}, nil
}

// NewMemIndex indexes docs into an in-memory index, for tests and small
// corpora.
func NewMemIndex(ctx context.Context, docs []botrian.Document, cfg Config) (*Index, error) {
	im, err := cfg.mapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewMemOnly(im)
	if err != nil {
		return nil, fmt.Errorf("create memory index: %w", err)
	}
	w := newBatcher(ctx, idx, cfg, len(docs), cfg.now())
	err = w.addAll(func(emit func(botrian.Document) error) error {
		for _, d := range docs {
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		idx.Close()
		return nil, err
	}
	now := cfg.now()
	if err := writeInternal(idx, now); err != nil {
		idx.Close()
		return nil, err
	}
	return &Index{Index: idx, Generation: strconv.FormatInt(now.UnixNano(), 10)}, nil
}
