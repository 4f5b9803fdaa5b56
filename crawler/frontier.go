package crawler

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// FrontierVersion is the bucket layout version of crawl.db.
//
// # crawl.db layout (bbolt), version 1
//
//	meta     "version" → "1"
//	         "pass"    → uint64 big-endian: the current crawl pass (1, 2, ...)
//	         "fetched" → uint64 big-endian: URLs processed in the current pass
//	queue    uint64 big-endian sequence → canonical URL. The sequence only
//	         grows, so the queue is first-in first-out: breadth-first.
//	urls     canonical URL → JSON urlState: depth, kind, fetch URL, the pass
//	         it was last queued in, state (queued, fetching, done, failed,
//	         skipped), queue sequence, last status, attempts, ETag,
//	         Last-Modified, fetch time, last error. A key here with the
//	         current pass is the "seen" set.
//	pending  canonical URL → "" for fetched article pages whose document is
//	         not yet merged into documents.jsonl.
//	groups   "u:"+URL, "b:"+body hash or "c:"+rel=canonical URL → canonical
//	         URL of the primary document of a set of duplicates. After the
//	         primary of a set changes, "u:"+old primary → new primary, so a
//	         lookup follows the chain (see groups.go).
//	sets     primary canonical URL → JSON dupSet: the fetched URLs of the
//	         set, the rel=canonical URLs its pages declare, and its group
//	         keys.
//	alts     primary canonical URL → JSON []string: the other URLs (written
//	         by earlier builds; read when a set has no sets entry).
//	gone     document ID → canonical URL: tombstones of documents that must
//	         not stay in documents.jsonl (the page answered 404 or 410, or
//	         its set's primary changed). A document written again under the
//	         ID clears it.
//
// State changes are bbolt transactions: taking URLs from the queue marks
// them fetching (one transaction for all the free fetch slots); finishing
// the results that are ready records each one's outcome, queues its links
// and marks its page pending in one transaction; writing a batch of
// documents files them in their duplicate sets and clears their pending
// marks in one more. On open, URLs left fetching by a killed process go back
// to their old queue position; pending pages are re-extracted from
// DIR/pages. So a crawl killed at any moment and rerun loses no page and
// fetches again only the pages that were in flight.
const FrontierVersion = "1"

var (
	bucketMeta    = []byte("meta")
	bucketQueue   = []byte("queue")
	bucketURLs    = []byte("urls")
	bucketPending = []byte("pending")
	bucketGroups  = []byte("groups")
	bucketAlts    = []byte("alts")
	bucketSets    = []byte("sets")
	bucketGone    = []byte("gone")
	allBuckets    = [][]byte{bucketMeta, bucketQueue, bucketURLs, bucketPending, bucketGroups, bucketAlts, bucketSets, bucketGone}
)

// ErrFrontierVersion: crawl.db was written by an incompatible version.
var ErrFrontierVersion = errors.New("crawl.db layout version mismatch")

// urlKind says how a fetched URL is read.
type urlKind int

const (
	kindPage    urlKind = iota // HTML page: links followed, articles extracted
	kindSitemap                // sitemap, sitemap index or RSS/Atom feed
)

// urlStatus is where a URL is in its life.
type urlStatus int

const (
	stateQueued urlStatus = iota
	stateFetching
	stateDone    // fetched (2xx or 304)
	stateFailed  // gave up: 4xx, 5xx after retries, network error, too large
	stateSkipped // robots.txt disallowed it
)

// urlState is the JSON value of the urls bucket.
type urlState struct {
	URL          string    `json:"url"` // the URL to fetch (canonical, original trailing slash kept)
	Depth        int       `json:"depth"`
	Kind         urlKind   `json:"kind,omitempty"`
	Pass         uint64    `json:"pass"`
	State        urlStatus `json:"state"`
	Seq          uint64    `json:"seq,omitempty"`
	Status       int       `json:"status,omitempty"`
	Attempts     int       `json:"attempts,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	FetchedAt    time.Time `json:"fetched_at,omitzero"`
	Err          string    `json:"err,omitempty"`
}

// entry is a URL to queue.
type entry struct {
	Key   string // canonical URL
	URL   string // URL to fetch
	Depth int
	Kind  urlKind
	// Done records the URL as already fetched in this pass without queueing
	// it: the target of a redirect, fetched under the source's key.
	Done bool
}

// item is a URL taken from the queue.
type item struct {
	Key string
	urlState
}

// frontier is the crawl state in DIR/crawl.db.
type frontier struct {
	db   *bolt.DB
	pass uint64
}

// openFrontier opens (creating) the crawl state at path, puts URLs that a
// killed process left fetching back in the queue, and starts a new pass if
// the queue is empty.
func openFrontier(path string) (*frontier, error) {
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("open crawl state %s: %w", path, err)
	}
	f := &frontier{db: db}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		switch v := meta.Get([]byte("version")); {
		case v == nil:
			if err := meta.Put([]byte("version"), []byte(FrontierVersion)); err != nil {
				return err
			}
		case string(v) != FrontierVersion:
			return fmt.Errorf("%w: file has %q, this program writes %q", ErrFrontierVersion, v, FrontierVersion)
		}
		if err := recoverFetching(tx); err != nil {
			return err
		}
		f.pass = getUint(meta, "pass")
		if f.pass == 0 || tx.Bucket(bucketQueue).Stats().KeyN == 0 {
			f.pass++
			if err := putUint(meta, "pass", f.pass); err != nil {
				return err
			}
			return putUint(meta, "fetched", 0)
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open crawl state %s: %w", path, err)
	}
	return f, nil
}

func (f *frontier) close() error { return f.db.Close() }

// recoverFetching puts URLs left fetching back in the queue at their old
// position.
func recoverFetching(tx *bolt.Tx) error {
	urls, queue := tx.Bucket(bucketURLs), tx.Bucket(bucketQueue)
	type fix struct {
		k []byte
		s urlState
	}
	var fixes []fix
	err := urls.ForEach(func(k, v []byte) error {
		var s urlState
		if err := json.Unmarshal(v, &s); err != nil {
			return fmt.Errorf("decode state of %s: %w", k, err)
		}
		if s.State == stateFetching {
			fixes = append(fixes, fix{slices.Clone(k), s})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, x := range fixes {
		x.s.State = stateQueued
		if err := putState(urls, string(x.k), x.s); err != nil {
			return err
		}
		if err := queue.Put(seqKey(x.s.Seq), x.k); err != nil {
			return err
		}
	}
	return nil
}

// add queues the entries not yet seen in this pass and returns how many it
// queued. A URL known from an earlier pass keeps its validators (ETag,
// Last-Modified), so the re-crawl is conditional.
func (f *frontier) add(es []entry) (int, error) {
	var n int
	err := f.db.Update(func(tx *bolt.Tx) error {
		var err error
		n, err = f.addTx(tx, es)
		return err
	})
	return n, err
}

func (f *frontier) addTx(tx *bolt.Tx, es []entry) (int, error) {
	urls, queue := tx.Bucket(bucketURLs), tx.Bucket(bucketQueue)
	n := 0
	for _, e := range es {
		var s urlState
		if v := urls.Get([]byte(e.Key)); v != nil {
			if err := json.Unmarshal(v, &s); err != nil {
				return n, fmt.Errorf("decode state of %s: %w", e.Key, err)
			}
			if s.Pass == f.pass {
				continue
			}
		}
		s.URL, s.Depth, s.Kind = e.URL, e.Depth, e.Kind
		if e.Done {
			s.Pass, s.State, s.Seq = f.pass, stateDone, 0
			if err := putState(urls, e.Key, s); err != nil {
				return n, err
			}
			continue
		}
		seq, err := queue.NextSequence()
		if err != nil {
			return n, err
		}
		s.Pass, s.State, s.Seq, s.Err = f.pass, stateQueued, seq, ""
		if err := putState(urls, e.Key, s); err != nil {
			return n, err
		}
		if err := queue.Put(seqKey(seq), []byte(e.Key)); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// nextN takes up to n URLs from the head of the queue, in one transaction,
// and marks them fetching. It returns none when the queue is empty.
func (f *frontier) nextN(n int) (its []item, err error) {
	err = f.db.Update(func(tx *bolt.Tx) error {
		its = its[:0]
		queue, urls := tx.Bucket(bucketQueue), tx.Bucket(bucketURLs)
		c := queue.Cursor()
		var seqs [][]byte
		for k, v := c.First(); k != nil && len(its) < n; k, v = c.Next() {
			key := string(v)
			raw := urls.Get(v)
			if raw == nil {
				return fmt.Errorf("queued url %s has no state", key)
			}
			it := item{Key: key}
			if err := json.Unmarshal(raw, &it.urlState); err != nil {
				return fmt.Errorf("decode state of %s: %w", key, err)
			}
			it.State = stateFetching
			if err := putState(urls, key, it.urlState); err != nil {
				return err
			}
			its = append(its, it)
			seqs = append(seqs, slices.Clone(k))
		}
		for _, k := range seqs {
			if err := queue.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	return its, err
}

// requeueTx puts an item taken by nextN back at its old queue position,
// for a fetch interrupted by cancellation.
func requeueTx(tx *bolt.Tx, it item) error {
	it.State = stateQueued
	if err := putState(tx.Bucket(bucketURLs), it.Key, it.urlState); err != nil {
		return err
	}
	return tx.Bucket(bucketQueue).Put(seqKey(it.Seq), []byte(it.Key))
}

// finishAll records the outcomes of several items in one transaction: each
// one's new state, the links found on it (queued), a pending mark when it
// gave a document, and the pass's fetched count when a request was sent. A
// cancelled item goes back to its queue position. A gone page's document is
// tombstoned and its duplicate set dissolved (see dropTx); the set's other
// URLs are marked pending. It returns how many links each one newly queued
// and, for gone pages, those other URLs.
func (f *frontier) finishAll(rs []result) (queued []int, again [][]string, err error) {
	queued, again = make([]int, len(rs)), make([][]string, len(rs))
	err = f.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		fetched := getUint(meta, "fetched")
		for i, r := range rs {
			if r.cancelled {
				if err := requeueTx(tx, r.it); err != nil {
					return err
				}
				continue
			}
			it := r.it
			it.Seq = 0
			if err := putState(tx.Bucket(bucketURLs), it.Key, it.urlState); err != nil {
				return err
			}
			n, err := f.addTx(tx, r.links)
			if err != nil {
				return err
			}
			queued[i] = n
			if r.doc != nil {
				if err := tx.Bucket(bucketPending).Put([]byte(it.Key), nil); err != nil {
					return err
				}
			}
			if r.requested {
				fetched++
			}
			if r.gone {
				rest, err := dropTx(tx, it.Key)
				if err != nil {
					return fmt.Errorf("drop %s: %w", it.Key, err)
				}
				for _, k := range rest {
					if err := tx.Bucket(bucketPending).Put([]byte(k), nil); err != nil {
						return err
					}
				}
				again[i] = rest
			}
		}
		return putUint(meta, "fetched", fetched)
	})
	return queued, again, err
}

// fetched returns how many URLs this pass has processed.
func (f *frontier) fetched() (n uint64, err error) {
	err = f.db.View(func(tx *bolt.Tx) error {
		n = getUint(tx.Bucket(bucketMeta), "fetched")
		return nil
	})
	return n, err
}

// queueLen returns the number of queued URLs.
func (f *frontier) queueLen() (n int, err error) {
	err = f.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketQueue).Stats().KeyN
		return nil
	})
	return n, err
}

// pendingKeys returns the URLs whose documents are not yet merged.
func (f *frontier) pendingKeys() ([]string, error) {
	var keys []string
	err := f.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPending).ForEach(func(k, _ []byte) error {
			keys = append(keys, string(k))
			return nil
		})
	})
	return keys, err
}

func putState(b *bolt.Bucket, key string, s urlState) error {
	v, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("encode state of %s: %w", key, err)
	}
	return b.Put([]byte(key), v)
}

func seqKey(n uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, n)
}

func getUint(b *bolt.Bucket, key string) uint64 {
	v := b.Get([]byte(key))
	if len(v) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(v)
}

func putUint(b *bolt.Bucket, key string, n uint64) error {
	return b.Put([]byte(key), binary.BigEndian.AppendUint64(nil, n))
}
