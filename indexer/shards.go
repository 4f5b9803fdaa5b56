package indexer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"runtime"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"
)

// Automatic sharding (Config.Shards 0). One scorch search does not use more
// than one core for a broad faceted query, so an index split into shards
// behind an alias answers such a query faster. search's BenchmarkShards at
// 100k synthetic documents on 2 cores: every document with every facet
// 174 ms in one index, 100 ms in 2 shards, 104 ms in 4; a narrower query
// (a topic in one province) 91, 97 and 99 ms. So one shard per core: more
// shards than cores gain nothing on broad queries and cost on the others.
// Below AutoShardMinDocs a broad query takes a few tens of milliseconds
// anyway, so small corpora stay in one index.
const (
	// AutoShardMinDocs is the corpus size from which Build shards automatically.
	AutoShardMinDocs = 50_000
	// MaxAutoShards caps the automatic shard count.
	MaxAutoShards = 4
)

// manifestName is the file in a sharded index directory that says how many
// shards it holds. A directory without it is a single bleve index (the
// layout of unsharded builds and of older Botrian versions).
const manifestName = "botrian-shards.json"

type manifest struct {
	Shards         int    `json:"shards"`
	MappingVersion int    `json:"mapping_version"`
	Generation     string `json:"generation"`
}

// autoShards is the shard count for a corpus of docs documents: one below
// AutoShardMinDocs, else one per core, at least 2 and at most MaxAutoShards.
func autoShards(docs int) int {
	if docs < AutoShardMinDocs {
		return 1
	}
	return min(MaxAutoShards, max(2, runtime.GOMAXPROCS(0)))
}

// shardOf is the shard that holds the document id among n shards: a stable
// hash, so Build and Document agree across processes and versions.
func shardOf(id string, n int) int {
	if n <= 1 {
		return 0
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(n))
}

func shardDir(dir string, i int) string { return filepath.Join(dir, fmt.Sprintf("shard-%02d", i)) }

func writeManifest(dir string, m manifest) error {
	b, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode shard manifest: %w", err)
	}
	p := filepath.Join(dir, manifestName)
	if err := os.WriteFile(p, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write shard manifest: %w", err)
	}
	return nil
}

// readManifest reads the manifest of the index directory dir; ok is false
// when there is none (a single-index layout).
func readManifest(dir string) (m manifest, ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, os.ErrNotExist) {
		return m, false, nil
	}
	if err != nil {
		return m, false, fmt.Errorf("read shard manifest: %w", err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, false, fmt.Errorf("decode shard manifest %s: %w", filepath.Join(dir, manifestName), err)
	}
	if m.Shards < 1 {
		return m, false, fmt.Errorf("shard manifest %s: invalid shard count %d", filepath.Join(dir, manifestName), m.Shards)
	}
	return m, true, nil
}

// shardSet is a read-only index split into shards: a bleve alias over them
// that also does what an alias of several indexes refuses (ErrorAliasMulti)
// and Botrian needs: Document by ID goes to the ID's shard, term
// dictionaries are merged (summing document counts), a failing shard
// fails a search, and Close closes the shards.
//
// Each shard scores with its own BM25 statistics. Documents are spread by a
// hash of the ID, so a shard's document count, term document frequencies
// and field lengths are the whole index's scaled by the same factor, and
// its scores estimate the whole index's. bleve's search.GlobalScoring is
// not used: in v2.6.3 it shares only the document count and field lengths
// while a term's document frequency stays the shard's, which mixes the two
// scales (IDF of common terms inflated by about log(shards)), and it fails
// queries on fields whose statistics it did not gather ("field stat for
// bm25 not present *"), which the alias reports only in the result's Status.
type shardSet struct {
	bleve.IndexAlias
	parts []bleve.Index
}

func newShardSet(parts []bleve.Index) (*shardSet, error) {
	a := bleve.NewIndexAlias(parts...)
	if err := a.SetIndexMapping(parts[0].Mapping()); err != nil {
		return nil, fmt.Errorf("set alias mapping: %w", err)
	}
	return &shardSet{IndexAlias: a, parts: parts}, nil
}

func (s *shardSet) Search(req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	return s.SearchInContext(context.Background(), req)
}

// SearchInContext searches every shard and merges the results. A shard
// that fails fails the search, as a single index would, rather than only
// showing in the result's Status as the alias reports it.
func (s *shardSet) SearchInContext(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	res, err := s.IndexAlias.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	if len(res.Status.Errors) > 0 {
		var errs []error
		for name, e := range res.Status.Errors {
			errs = append(errs, fmt.Errorf("shard %s: %w", filepath.Base(name), e))
		}
		return nil, errors.Join(errs...)
	}
	return res, nil
}

func (s *shardSet) Document(id string) (index.Document, error) {
	return s.parts[shardOf(id, len(s.parts))].Document(id)
}

func (s *shardSet) GetInternal(key []byte) ([]byte, error) { return s.parts[0].GetInternal(key) }

func (s *shardSet) Fields() ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, p := range s.parts {
		fs, err := p.Fields()
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out, nil
}

func (s *shardSet) FieldDict(field string) (index.FieldDict, error) {
	return s.mergeDicts(func(p bleve.Index) (index.FieldDict, error) { return p.FieldDict(field) })
}

func (s *shardSet) FieldDictRange(field string, start, end []byte) (index.FieldDict, error) {
	return s.mergeDicts(func(p bleve.Index) (index.FieldDict, error) { return p.FieldDictRange(field, start, end) })
}

func (s *shardSet) FieldDictPrefix(field string, prefix []byte) (index.FieldDict, error) {
	return s.mergeDicts(func(p bleve.Index) (index.FieldDict, error) { return p.FieldDictPrefix(field, prefix) })
}

func (s *shardSet) mergeDicts(open func(bleve.Index) (index.FieldDict, error)) (index.FieldDict, error) {
	m := &mergedDict{}
	for _, p := range s.parts {
		d, err := open(p)
		if err != nil {
			m.Close()
			return nil, err
		}
		m.dicts = append(m.dicts, d)
		m.heads = append(m.heads, nil)
		if err := m.advance(len(m.dicts) - 1); err != nil {
			m.Close()
			return nil, err
		}
	}
	return m, nil
}

// Close closes the alias and every shard.
func (s *shardSet) Close() error {
	errs := []error{s.IndexAlias.Close()}
	for _, p := range s.parts {
		errs = append(errs, p.Close())
	}
	return errors.Join(errs...)
}

// mergedDict merges the term dictionaries of the shards, each in term
// order, into one in term order, summing the counts of a term.
type mergedDict struct {
	dicts []index.FieldDict
	heads []*index.DictEntry // copies; nil once a dictionary is exhausted
}

// advance moves dictionary i to its next term, copying the entry, which a
// dictionary may reuse.
func (m *mergedDict) advance(i int) error {
	e, err := m.dicts[i].Next()
	if err != nil {
		return err
	}
	if e == nil {
		m.heads[i] = nil
		return nil
	}
	c := *e
	m.heads[i] = &c
	return nil
}

func (m *mergedDict) Next() (*index.DictEntry, error) {
	var least *index.DictEntry
	for _, h := range m.heads {
		if h != nil && (least == nil || h.Term < least.Term) {
			least = h
		}
	}
	if least == nil {
		return nil, nil
	}
	out := &index.DictEntry{Term: least.Term, EditDistance: least.EditDistance}
	for i, h := range m.heads {
		if h == nil || h.Term != out.Term {
			continue
		}
		out.Count += h.Count
		if err := m.advance(i); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (m *mergedDict) Close() error {
	var errs []error
	for _, d := range m.dicts {
		errs = append(errs, d.Close())
	}
	return errors.Join(errs...)
}

// Cardinality is an upper bound: terms in several shards count once per shard.
func (m *mergedDict) Cardinality() int {
	n := 0
	for _, d := range m.dicts {
		n += d.Cardinality()
	}
	return n
}

func (m *mergedDict) BytesRead() uint64 {
	var n uint64
	for _, d := range m.dicts {
		n += d.BytesRead()
	}
	return n
}
