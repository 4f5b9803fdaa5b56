package crawler

import (
	"path/filepath"
	"testing"

	"github.com/botrian/botrian"
	"github.com/google/go-cmp/cmp"
	bolt "go.etcd.io/bbolt"
)

// TestGroupOrderIndependent files the three URLs of one article in every
// order: the primary and the alternates must not depend on the order.
func TestGroupOrderIndependent(t *testing.T) {
	type page struct{ url, preferred string }
	pages := []page{
		{"http://h.test/mirror/copy.html", ""},
		{"http://h.test/archives/12", ""},
		{"http://h.test/areahpp2/archives/12", ""},
	}
	tests := []struct {
		name      string
		canonical string // rel=canonical the mirror declares
		primary   string
		alts      []string
	}{
		{"by pattern and length", "", "http://h.test/archives/12", []string{"http://h.test/areahpp2/archives/12", "http://h.test/mirror/copy.html"}},
		{"declared canonical first", "http://h.test/areahpp2/archives/12", "http://h.test/areahpp2/archives/12", []string{"http://h.test/archives/12", "http://h.test/mirror/copy.html"}},
	}
	orders := [][]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}
	for _, tt := range tests {
		for _, order := range orders {
			fr, err := openFrontier(filepath.Join(t.TempDir(), CrawlDBFile))
			if err != nil {
				t.Fatal(err)
			}
			var primary string
			var alts []string
			retired := map[string]bool{}
			err = fr.db.Update(func(tx *bolt.Tx) error {
				for _, i := range order {
					p := pages[i]
					if i == 0 {
						p.preferred = tt.canonical
					}
					var r string
					var err error
					if primary, alts, r, err = groupTx(tx, p.url, p.preferred, []string{"b:samehash"}); err != nil {
						return err
					}
					if r != "" {
						retired[r] = true
					}
				}
				return nil
			})
			gone, gerr := fr.goneIDs()
			fr.close()
			if err != nil || gerr != nil {
				t.Fatal(err, gerr)
			}
			if primary != tt.primary || !cmp.Equal(alts, tt.alts) {
				t.Errorf("%s, order %v: primary %s, alts %q, want %s, %q", tt.name, order, primary, alts, tt.primary, tt.alts)
			}
			for r := range retired {
				if want := r != primary; gone[botrian.DocID(r)] != want {
					t.Errorf("%s, order %v: tombstone of former primary %s = %v, want %v", tt.name, order, r, !want, want)
				}
			}
		}
	}
}
