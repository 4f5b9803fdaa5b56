package search

import (
	"errors"
	"sync/atomic"
	"testing"

	"github.com/botrian/botrian"
)

type countingCloser struct{ n atomic.Int32 }

func (c *countingCloser) Close() error { c.n.Add(1); return nil }

func liveDoc(url, title, body string) botrian.Document {
	return botrian.Document{ID: botrian.DocID(url), URL: url, Site: botrian.SiteGeneric, Title: title, Body: body}
}

func titles(t *testing.T, l *Live, q string) []string {
	t.Helper()
	res, err := l.Search(t.Context(), Request{Query: q, Page: 1, Size: 10})
	if err != nil {
		t.Fatalf("Search(%q) = %v", q, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Title)
	}
	return out
}

// TestLiveSwap: a request in flight keeps its index open through a swap;
// the old index is closed when that request ends, new requests see the new
// index, and Close closes the current one.
func TestLiveSwap(t *testing.T) {
	oldS := newSearcher(t, []botrian.Document{liveDoc("https://x.example/a", "ธรรมนูญสุขภาพตำบลเก่า", "ชาวบ้านร่างธรรมนูญสุขภาพ")})
	newS := newSearcher(t, []botrian.Document{liveDoc("https://x.example/b", "ธรรมนูญสุขภาพตำบลใหม่", "ชาวบ้านแก้ไขธรรมนูญสุขภาพ")})
	var oldC, newC countingCloser
	l := NewLive(oldS, &oldC)
	if got := titles(t, l, "ธรรมนูญสุขภาพ"); len(got) != 1 || got[0] != "ธรรมนูญสุขภาพตำบลเก่า" {
		t.Fatalf("before swap: %q", got)
	}

	inFlight, release, err := l.acquire()
	if err != nil || inFlight != oldS {
		t.Fatalf("acquire = %p, %v; want the old searcher", inFlight, err)
	}
	l.Swap(newS, &newC)
	if n := oldC.n.Load(); n != 0 {
		t.Errorf("old index closed %d times while a request used it", n)
	}
	if got := titles(t, l, "ธรรมนูญสุขภาพ"); len(got) != 1 || got[0] != "ธรรมนูญสุขภาพตำบลใหม่" {
		t.Errorf("after swap: %q, want the new index's document", got)
	}
	release()
	if n := oldC.n.Load(); n != 1 {
		t.Errorf("old index closed %d times after its last request, want 1", n)
	}

	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if n := newC.n.Load(); n != 1 {
		t.Errorf("Close closed the current index %d times, want 1", n)
	}
	if _, err := l.Search(t.Context(), Request{Query: "ธรรมนูญ", Page: 1, Size: 10}); !errors.Is(err, ErrClosed) {
		t.Errorf("Search after Close = %v, want ErrClosed", err)
	}
	if g := l.Generation(); g != "" {
		t.Errorf("Generation after Close = %q, want empty", g)
	}
}
