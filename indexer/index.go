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

// ErrConfig is returned by Build for a negative shard count or batch size.
var ErrConfig = errors.New("negative value")

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
	// Shards is the number of indexes Build (not NewMemIndex) splits the
	// documents into, each to the shard of a hash of its ID; Open searches
	// them together through an alias. 0 means automatic: 1 below
	// AutoShardMinDocs documents, else one per core, 2 to MaxAutoShards.
	// 1 gives a single bleve index.
	Shards int
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
// leaves the previous index as it was. A sharded index is one directory
// too: the shards (shard-00, …) and a manifest naming their count. When an
// ID occurs on several lines, the last line wins.
func Build(ctx context.Context, docsPath, indexPath string, cfg Config) (Stats, error) {
	start := cfg.now()
	var st Stats
	if cfg.Shards < 0 || cfg.BatchSize < 0 {
		return st, fmt.Errorf("index config: shards %d, batch size %d: %w", cfg.Shards, cfg.BatchSize, ErrConfig)
	}
	last, err := lastLines(docsPath, cfg.logger(), &st)
	if err != nil {
		return st, err
	}
	im, err := cfg.mapping()
	if err != nil {
		return st, err
	}
	n := cfg.Shards
	if n <= 0 {
		n = autoShards(len(last))
	}
	tmp := fmt.Sprintf("%s.building-%d", indexPath, os.Getpid())
	if err := os.RemoveAll(tmp); err != nil {
		return st, fmt.Errorf("clear %s: %w", tmp, err)
	}
	parts, err := createShards(tmp, im, n)
	ok := false
	defer func() {
		if !ok {
			for _, p := range parts {
				if p != nil {
					p.Close()
				}
			}
			os.RemoveAll(tmp)
		}
	}()
	if err != nil {
		return st, err
	}
	f, err := os.Open(docsPath)
	if err != nil {
		return st, fmt.Errorf("open documents: %w", err)
	}
	defer f.Close()
	w := newBatcher(ctx, parts, cfg, len(last), start)
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
	for i, p := range parts {
		if err := writeInternal(p, start); err != nil {
			return st, err
		}
		err := p.Close()
		parts[i] = nil
		if err != nil {
			return st, fmt.Errorf("close index %s: %w", tmp, err)
		}
	}
	parts = nil
	if n > 1 {
		m := manifest{Shards: n, MappingVersion: MappingVersion, Generation: generation(start)}
		if err := writeManifest(tmp, m); err != nil {
			return st, err
		}
	}
	ok = true
	if err := swapDir(tmp, indexPath); err != nil {
		os.RemoveAll(tmp)
		return st, err
	}
	st.Elapsed = cfg.now().Sub(start)
	return st, nil
}

// createShards creates the n empty indexes of a build in dir: dir itself
// for one, else dir/shard-00 … beside a manifest written when they are
// complete. On error it returns the indexes created so far.
func createShards(dir string, im mapping.IndexMapping, n int) ([]bleve.Index, error) {
	if n == 1 {
		idx, err := bleve.New(dir, im)
		if err != nil {
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
		return []bleve.Index{idx}, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	var parts []bleve.Index
	for i := range n {
		idx, err := bleve.New(shardDir(dir, i), im)
		if err != nil {
			return parts, fmt.Errorf("create index shard %s: %w", shardDir(dir, i), err)
		}
		parts = append(parts, idx)
	}
	return parts, nil
}

func generation(t time.Time) string { return strconv.FormatInt(t.UnixNano(), 10) }

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

// batcher feeds documents to the shards of an index in batches, each
// document to the shard of its ID.
type batcher struct {
	ctx   context.Context
	parts []bleve.Index
	b     []*bleve.Batch
	cfg   Config
	size  int
	total int
	done  int
	start time.Time
}

func newBatcher(ctx context.Context, parts []bleve.Index, cfg Config, total int, start time.Time) *batcher {
	size := cfg.BatchSize
	if size <= 0 {
		size = DefaultBatchSize
	}
	w := &batcher{ctx: ctx, parts: parts, cfg: cfg, size: size, total: total, start: start}
	for _, p := range parts {
		w.b = append(w.b, p.NewBatch())
	}
	return w
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
	for i := range w.parts {
		if err := w.flush(i); err != nil {
			return err
		}
	}
	return nil
}

func (w *batcher) index(id string, fields map[string]interface{}) error {
	i := shardOf(id, len(w.parts))
	if err := w.b[i].Index(id, fields); err != nil {
		return fmt.Errorf("index document %s: %w", id, err)
	}
	if w.b[i].Size() >= w.size {
		return w.flush(i)
	}
	return nil
}

// flush sends the batch of shard i.
func (w *batcher) flush(i int) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	n := w.b[i].Size()
	if n == 0 {
		return nil
	}
	if err := w.parts[i].Batch(w.b[i]); err != nil {
		return fmt.Errorf("index batch at document %d: %w", w.done, err)
	}
	w.done += n
	w.b[i].Reset()
	if w.cfg.Progress != nil {
		w.cfg.Progress(Progress{Done: w.done, Total: w.total, Elapsed: w.cfg.now().Sub(w.start)})
	}
	return nil
}

func writeInternal(idx bleve.Index, now time.Time) error {
	if err := idx.SetInternal(keyMappingVersion, []byte(strconv.Itoa(MappingVersion))); err != nil {
		return fmt.Errorf("record mapping version: %w", err)
	}
	if err := idx.SetInternal(keyGeneration, []byte(generation(now))); err != nil {
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
// rebuild, for keying caches). A sharded index is a bleve.IndexAlias over
// its shards; Close closes them all.
type Index struct {
	bleve.Index
	Generation string
}

// Open opens the index at path for searching: a single bleve index, or the
// shards a sharded Build wrote, searched together.
func Open(path string) (*Index, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	m, sharded, err := readManifest(path)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	if !sharded {
		idx, g, err := openShard(path)
		if err != nil {
			return nil, err
		}
		return &Index{Index: idx, Generation: g}, nil
	}
	if m.MappingVersion != MappingVersion {
		return nil, fmt.Errorf("open index %s: %w (have %d, want %d): reindex with 'botrian index'", path, ErrMappingVersion, m.MappingVersion, MappingVersion)
	}
	var parts []bleve.Index
	closeAll := func() {
		for _, p := range parts {
			p.Close()
		}
	}
	for i := range m.Shards {
		idx, _, err := openShard(shardDir(path, i))
		if err != nil {
			closeAll()
			return nil, err
		}
		parts = append(parts, idx)
	}
	set, err := newShardSet(parts)
	if err != nil {
		closeAll()
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	return &Index{Index: set, Generation: m.Generation}, nil
}

// openShard opens one bleve index read-only and checks its mapping version.
func openShard(path string) (bleve.Index, string, error) {
	idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, "", fmt.Errorf("open index %s: %w", path, err)
	}
	v, err := idx.GetInternal(keyMappingVersion)
	if err != nil || string(v) != strconv.Itoa(MappingVersion) {
		idx.Close()
		return nil, "", fmt.Errorf("open index %s: %w (have %q, want %d): reindex with 'botrian index'", path, ErrMappingVersion, v, MappingVersion)
	}
	g, err := idx.GetInternal(keyGeneration)
	if err != nil {
		idx.Close()
		return nil, "", fmt.Errorf("open index %s: read generation: %w", path, err)
	}
	return idx, string(g), nil
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
	w := newBatcher(ctx, []bleve.Index{idx}, cfg, len(docs), cfg.now())
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
	return &Index{Index: idx, Generation: generation(now)}, nil
}
