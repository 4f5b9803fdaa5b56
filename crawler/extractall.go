package crawler

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/botrian/botrian"
	bolt "go.etcd.io/bbolt"
)

// analysis is what the crawler reads from one stored page.
type analysis struct {
	links     pageLinks
	doc       *botrian.Document // nil unless the page is an article
	docKey    string            // canonical URL of the page as finally fetched
	aliasKey  string            // docKey when it differs from the queued key
	preferred string            // the page's rel=canonical, when usable
	groupKeys []string          // keys that identify duplicates: body hash, rel=canonical
	err       error             // why an article page gave no document
}

// isXML reports whether a content type is XML other than XHTML (a feed or a
// sitemap linked as a page).
func isXML(ct string) bool {
	mt, _, _ := mime.ParseMediaType(ct)
	return strings.Contains(mt, "xml") && mt != "application/xhtml+xml"
}

// isArticle decides whether the page at canonical URL u becomes a
// document. A known article pattern always does; a listing path never,
// except a WordPress path that names no listing word (/areahpp2/2015/slug)
// whose markup shows a single post. On the known sites of the three styles
// nothing else does. On any other host, a path outside every pattern
// (PageOther) is an article unless its markup shows a listing: several post
// entries or article links. The host name never makes a page an article.
//
// needText is set when the verdict rests on nothing but the absence of a
// listing: the page must then hold at least minArticleRunes of body text, so
// that about, contact and login pages of a site stay out.
func isArticle(u *url.URL, body []byte, contentType string) (ok, needText bool) {
	k, byPrefix := kindOf(u)
	switch {
	case k == PageArticle:
		return true, false
	case styledHost(hostKey(u)):
		return false, false
	case k == PageListing && !byPrefix:
		return false, false
	}
	sh := markupShape(u, body, contentType)
	if k == PageListing {
		return sh == shapeSingle, false
	}
	return sh != shapeListing, sh == shapeUnknown
}

// minArticleRunes is the least body text of a page that only the absence of
// a listing made an article.
const minArticleRunes = 200

// styledHosts are the known sites of the three styles, where only article
// URL patterns are articles. Keys are hostKey forms (no "www.").
var styledHosts = []string{
	"samatcha.org", "areahpp.net", "gotoknow.org", "ppi.psu.ac.th", "happynetwork.org",
	"localfund.happynetwork.org", "ahsouth.com", "hsmi2.psu.ac.th", "consumersouth.org", "scf.or.th",
	"songkhlahealth.org", "mehealthpromotion.com",
}

func styledHost(h string) bool { return slices.Contains(styledHosts, h) }

// analyse reads the links of a stored page and, when extract is set and the
// page is an article, its document. sitemapish pages (XML) yield links only.
func analyse(p Page, extract bool) analysis {
	var a analysis
	final := p.URL
	if final == "" {
		final = p.Key
	}
	base, err := url.Parse(final)
	if err != nil {
		a.err = err
		return a
	}
	a.docKey = p.Key
	if k, err := Canonical(final); err == nil {
		a.docKey = k
		if k != p.Key {
			a.aliasKey = k
		}
	}
	if isXML(p.ContentType) {
		pages, _, _ := parseSitemap(p.Body)
		a.links.Links = pages
		return a
	}
	a.links = parseLinks(base, p.Body, p.ContentType)
	du, _ := url.Parse(a.docKey)
	if !extract || a.links.NoIndex || du == nil {
		return a
	}
	ok, needText := isArticle(du, p.Body, p.ContentType)
	if !ok {
		return a
	}
	doc, err := Extract(a.docKey, p.Body, p.ContentType)
	if err != nil {
		a.err = err
		return a
	}
	if needText && utf8.RuneCountInString(doc.Body) < minArticleRunes {
		return a
	}
	doc.URL, doc.ID, doc.FetchedAt = a.docKey, botrian.DocID(a.docKey), p.FetchedAt
	a.doc = &doc
	a.groupKeys = []string{"b:" + contentHash(doc)}
	if a.links.Canonical != "" {
		if ck, err := Canonical(a.links.Canonical); err == nil && ck != a.docKey {
			if cu, _ := url.Parse(ck); cu != nil && hostKey(cu) == hostKey(du) && Kind(cu) == PageArticle {
				a.preferred = ck
				a.groupKeys = append(a.groupKeys, "c:"+ck)
			}
		}
	}
	return a
}

// contentHash identifies an article by its title and whitespace-normalised
// body, whatever its URL.
func contentHash(d botrian.Document) string {
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	sum := sha256.Sum256([]byte(norm(d.Title) + "\x00" + norm(d.Body)))
	return hex.EncodeToString(sum[:16])
}

// batch collects documents and writes them to documents.jsonl. Each flush
// is one bbolt transaction: the documents are filed in their duplicate sets
// (which fixes their IDs), appended to documents.jsonl and synced, and their
// pages' pending marks cleared. A kill before the commit leaves the marks,
// so the next run extracts those pages again; a kill after it leaves lines
// that a later line or compact supersedes.
type batch struct {
	fr     *frontier
	path   string
	size   int
	items  []batchItem
	keys   []string // pending page keys the items come from, or that gave none
	merged int
}

type batchItem struct {
	doc       botrian.Document
	preferred string
	groupKeys []string
}

// add queues doc; pageKey is the pending mark to clear once it is written.
func (b *batch) add(pageKey string, doc botrian.Document, preferred string, groupKeys []string) error {
	b.items = append(b.items, batchItem{doc, preferred, groupKeys})
	b.keys = append(b.keys, pageKey)
	if len(b.items) >= b.size {
		return b.flush()
	}
	return nil
}

// done clears a pending mark that yields no document.
func (b *batch) done(pageKey string) { b.keys = append(b.keys, pageKey) }

func (b *batch) flush() error {
	if len(b.items) == 0 && len(b.keys) == 0 {
		return nil
	}
	err := b.fr.db.Update(func(tx *bolt.Tx) error {
		docs := make([]botrian.Document, 0, len(b.items))
		for _, it := range b.items {
			doc := it.doc
			primary, alts, _, err := groupTx(tx, doc.URL, it.preferred, it.groupKeys)
			if err != nil {
				return fmt.Errorf("group %s: %w", doc.URL, err)
			}
			if primary != doc.URL {
				doc.URL, doc.ID = primary, botrian.DocID(primary)
			}
			doc.AltURLs = mergeURLs(primary, alts, doc.AltURLs)
			docs = append(docs, doc)
		}
		if len(docs) > 0 {
			if err := appendDocuments(b.path, docs); err != nil {
				return err
			}
		}
		pending := tx.Bucket(bucketPending)
		for _, k := range b.keys {
			if err := pending.Delete([]byte(k)); err != nil {
				return fmt.Errorf("clear pending %s: %w", k, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	b.merged += len(b.items)
	b.items, b.keys = b.items[:0], b.keys[:0]
	return nil
}

// compact flushes, then rewrites documents.jsonl with one line per live
// document if it holds superseded or tombstoned lines (also those a killed
// run left).
func (b *batch) compact() error {
	if err := b.flush(); err != nil {
		return err
	}
	gone, err := b.fr.goneIDs()
	if err != nil {
		return fmt.Errorf("tombstones: %w", err)
	}
	_, err = CompactDocuments(b.path, gone)
	return err
}

// extractPending re-extracts pages fetched by an earlier run whose documents
// were not merged before it stopped.
func (c *Crawler) extractPending(ctx context.Context, b *batch) error {
	keys, err := c.fr.pendingKeys()
	if err != nil {
		return fmt.Errorf("pending pages: %w", err)
	}
	for _, k := range keys {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err := c.extractStored(k, b); err != nil {
			return err
		}
	}
	return b.flush()
}

// extractStored extracts the stored page of key into the batch; the page's
// pending mark, if any, is cleared with the batch.
func (c *Crawler) extractStored(k string, b *batch) error {
	p, err := c.pages.get(k)
	if err != nil {
		c.log.Warn("pending page", "url", k, "err", err)
		b.done(k)
		return nil
	}
	a := analyse(p, true)
	if a.doc == nil {
		b.done(k)
		return nil
	}
	return b.add(k, *a.doc, a.preferred, a.groupKeys)
}

// ExtractStats counts what ExtractAll did.
type ExtractStats struct {
	Pages     int // stored pages read
	Documents int // documents merged
	Failed    int // article pages whose extraction failed
}

// ExtractAll re-runs extraction over every page stored under dir/pages, in
// canonical-URL order, and merges the documents into dir/documents.jsonl,
// one document per duplicate set (the same article under two URLs). It
// fetches nothing. It needs dir/crawl.db (created if missing) for the
// duplicate sets, so it cannot run beside a crawl of the same dir.
func ExtractAll(ctx context.Context, dir string, log *slog.Logger) (ExtractStats, error) {
	var st ExtractStats
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	fr, err := openFrontier(filepath.Join(dir, CrawlDBFile))
	if err != nil {
		return st, err
	}
	defer fr.close()
	store := pageStore{dir: filepath.Join(dir, PagesDir)}
	type stored struct{ key, path string }
	var list []stored
	err = store.walk(func(path string) error {
		key, err := readPageKey(path)
		if err != nil {
			log.Warn("unreadable page", "path", path, "err", err)
			return nil
		}
		list = append(list, stored{key, path})
		return nil
	})
	if err != nil {
		return st, fmt.Errorf("list pages: %w", err)
	}
	slices.SortFunc(list, func(a, b stored) int { return strings.Compare(a.key, b.key) })
	b := &batch{fr: fr, path: filepath.Join(dir, DocumentsFile), size: DefaultBatchSize}
	for _, s := range list {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		p, err := readPage(s.path)
		if err != nil {
			log.Warn("unreadable page", "path", s.path, "err", err)
			continue
		}
		st.Pages++
		a := analyse(p, true)
		if a.err != nil {
			st.Failed++
			log.Warn("extract", "url", p.Key, "err", a.err)
		}
		if a.doc == nil {
			b.done(p.Key)
			continue
		}
		if err := b.add(p.Key, *a.doc, a.preferred, a.groupKeys); err != nil {
			return st, err
		}
	}
	if err := b.compact(); err != nil {
		return st, err
	}
	st.Documents = b.merged
	return st, nil
}

// readPageKey reads only the header of a stored page.
func readPageKey(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return "", err
	}
	line, err := bufio.NewReader(zr).ReadBytes('\n')
	if err != nil {
		return "", err
	}
	var p Page
	if err := json.Unmarshal(line, &p); err != nil {
		return "", err
	}
	return p.Key, nil
}
