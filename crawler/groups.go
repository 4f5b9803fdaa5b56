package crawler

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"

	"github.com/botrian/botrian"
	bolt "go.etcd.io/bbolt"
)

// This file keeps the sets of duplicate pages in crawl.db (one document per
// article, however many URLs show it) and the tombstones of documents that
// must leave documents.jsonl.

// dupSet is the JSON value of the sets bucket.
type dupSet struct {
	URLs  []string `json:"urls"`            // fetched canonical URLs, sorted
	Canon []string `json:"canon,omitempty"` // rel=canonical URLs the pages declare, sorted
	Keys  []string `json:"keys,omitempty"`  // group keys ("b:", "c:") pointing at the set
}

// betterPrimary reports whether URL a should head a set rather than b: a
// URL some page declares canonical first, then one matching an article
// pattern, then the shorter, then the smaller. The order is total, so the
// primary of a set depends only on its members, never on the order in which
// they were fetched: an interrupted crawl ends with the same IDs as an
// uninterrupted one.
func betterPrimary(a, b string, canon []string) bool {
	ca, cb := slices.Contains(canon, a), slices.Contains(canon, b)
	if ca != cb {
		return ca
	}
	ka, kb := kindOfString(a) == PageArticle, kindOfString(b) == PageArticle
	if ka != kb {
		return ka
	}
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

func kindOfString(s string) ArticleKind {
	u, err := url.Parse(s)
	if err != nil {
		return PageOther
	}
	return Kind(u)
}

// resolvePrimary follows "u:" links from a former primary to the current one.
func resolvePrimary(groups *bolt.Bucket, p string) string {
	for range 16 {
		v := groups.Get([]byte("u:" + p))
		if v == nil || string(v) == p {
			return p
		}
		p = string(v)
	}
	return p
}

func getSet(tx *bolt.Tx, primary string) (dupSet, error) {
	var s dupSet
	if v := tx.Bucket(bucketSets).Get([]byte(primary)); v != nil {
		if err := json.Unmarshal(v, &s); err != nil {
			return s, fmt.Errorf("decode duplicate set of %s: %w", primary, err)
		}
		return s, nil
	}
	s.URLs = []string{primary}
	if v := tx.Bucket(bucketAlts).Get([]byte(primary)); v != nil { // an earlier build's layout
		var alts []string
		if err := json.Unmarshal(v, &alts); err != nil {
			return s, fmt.Errorf("decode alternates of %s: %w", primary, err)
		}
		s.URLs = append(s.URLs, alts...)
	}
	return s, nil
}

func putSet(tx *bolt.Tx, primary string, s dupSet) error {
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketSets).Put([]byte(primary), b)
}

func addSorted(list []string, v string) []string {
	if v == "" || slices.Contains(list, v) {
		return list
	}
	list = append(list, v)
	slices.Sort(list)
	return list
}

// groupTx files the fetched page u in its set of duplicates: the set of the
// first of its keys already known ("u:"+u, body hash, rel=canonical), or a
// new one. preferred is the page's own rel=canonical ("" if none or
// unusable). It returns the set's primary URL, its other fetched URLs
// (sorted), and the former primary when this page changed it (that
// document's ID is tombstoned here). The primary's tombstone is cleared.
func groupTx(tx *bolt.Tx, u, preferred string, keys []string) (primary string, alts []string, retired string, err error) {
	groups, gone := tx.Bucket(bucketGroups), tx.Bucket(bucketGone)
	if preferred != "" && answeredGone(tx, preferred) {
		preferred = "" // the declared canonical answered 404 or 410
	}
	all := append([]string{"u:" + u}, keys...)
	var old string
	for _, k := range all {
		if v := groups.Get([]byte(k)); v != nil {
			old = resolvePrimary(groups, string(v))
			break
		}
	}
	var set dupSet
	if old != "" {
		if set, err = getSet(tx, old); err != nil {
			return "", nil, "", err
		}
	}
	set.URLs = addSorted(set.URLs, u)
	set.Canon = addSorted(set.Canon, preferred)
	for _, k := range keys {
		set.Keys = addSorted(set.Keys, k)
	}
	primary = old
	for _, c := range slices.Concat(set.URLs, set.Canon) {
		if primary == "" || betterPrimary(c, primary, set.Canon) {
			primary = c
		}
	}
	if old != "" && old != primary {
		retired = old
		if err := tx.Bucket(bucketSets).Delete([]byte(old)); err != nil {
			return "", nil, "", err
		}
		if err := tx.Bucket(bucketAlts).Delete([]byte(old)); err != nil {
			return "", nil, "", err
		}
		if err := groups.Put([]byte("u:"+old), []byte(primary)); err != nil {
			return "", nil, "", err
		}
		if err := gone.Put([]byte(botrian.DocID(old)), []byte(old)); err != nil {
			return "", nil, "", err
		}
	}
	for _, k := range slices.Concat(all, set.Keys, []string{"u:" + primary}) {
		if err := groups.Put([]byte(k), []byte(primary)); err != nil {
			return "", nil, "", err
		}
	}
	if err := putSet(tx, primary, set); err != nil {
		return "", nil, "", err
	}
	if err := gone.Delete([]byte(botrian.DocID(primary))); err != nil {
		return "", nil, "", err
	}
	for _, m := range set.URLs {
		if m != primary {
			alts = append(alts, m)
		}
	}
	return primary, alts, retired, nil
}

// answeredGone reports a URL whose last fetch answered 404 or 410.
func answeredGone(tx *bolt.Tx, u string) bool {
	v := tx.Bucket(bucketURLs).Get([]byte(u))
	if v == nil {
		return false
	}
	var s urlState
	return json.Unmarshal(v, &s) == nil && s.State == stateFailed && isGoneStatus(s.Status)
}

// dropTx forgets the page u, which answered 404 or 410: its set's document
// is tombstoned and the set dissolved. It returns the set's other fetched
// URLs, whose stored pages the caller extracts again so that they form the
// set anew, under the best remaining URL.
func dropTx(tx *bolt.Tx, u string) (rest []string, err error) {
	groups := tx.Bucket(bucketGroups)
	v := groups.Get([]byte("u:" + u))
	if v == nil {
		return nil, nil
	}
	p := resolvePrimary(groups, string(v))
	set, err := getSet(tx, p)
	if err != nil {
		return nil, err
	}
	if err := tx.Bucket(bucketGone).Put([]byte(botrian.DocID(p)), []byte(p)); err != nil {
		return nil, err
	}
	if err := tx.Bucket(bucketGone).Put([]byte(botrian.DocID(u)), []byte(u)); err != nil {
		return nil, err
	}
	del := slices.Concat(set.Keys, []string{"u:" + p, "u:" + u})
	for _, m := range set.URLs {
		del = append(del, "u:"+m)
		if m != u {
			rest = append(rest, m)
		}
	}
	for _, k := range del {
		if err := groups.Delete([]byte(k)); err != nil {
			return nil, err
		}
	}
	if err := tx.Bucket(bucketSets).Delete([]byte(p)); err != nil {
		return nil, err
	}
	return rest, tx.Bucket(bucketAlts).Delete([]byte(p))
}

// goneIDs returns the tombstoned document IDs.
func (f *frontier) goneIDs() (map[string]bool, error) {
	out := map[string]bool{}
	err := f.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketGone).ForEach(func(k, _ []byte) error {
			out[string(k)] = true
			return nil
		})
	})
	return out, err
}

// isGoneStatus reports the statuses that mean a page was removed.
func isGoneStatus(status int) bool { return status == 404 || status == 410 }
