package crawler

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"
)

// This file tells a single article from a listing by markup, for pages
// whose URL path does not say (a host the crawler does not know, a mirror, a
// pretty permalink). It is a judgement on the page's shape, never on its
// host name.

// shape is what a page's markup shows.
type shape int

const (
	shapeUnknown shape = iota // neither signal: a plain page
	shapeSingle               // one post: an article
	shapeListing              // several post entries: home, archive, blog, tag page
)

// singleSelectors each mark one post's page in one of the styles: Sahifa's
// single post, a SoftGanz activity report or paper.
const singleSelectors = `article#the-post, .project-action-item, div.paper .detail`

// entrySelectors are the entries of listing pages: WordPress archive items
// (Sahifa item-list, post-box-title), blog post items, cards.
const entrySelectors = `article, .item-list, .post-box-title, .post-item, .hentry, .type-post, .blog-post, .entry-summary`

// chromeSelectors hold links that are not the page's own content: menus,
// sidebars, footers and the related-post boxes of single posts.
const chromeSelectors = `nav, header, footer, aside, #sidebar, .sidebar, .widget, #related_posts, .related,
	#check-also-box, .post-navigation, #comments, .comments, #crumbs, .breadcrumb, .pagination, #footer, #header, #nav`

// markupShape reads the shape of an HTML page at base.
func markupShape(base *url.URL, body []byte, contentType string) shape {
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		r = bytes.NewReader(body)
	}
	d, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return shapeUnknown
	}
	return docShape(base, d)
}

func docShape(base *url.URL, d *goquery.Document) shape {
	single := d.Find(singleSelectors).Length()
	if single > 1 {
		return shapeListing
	}
	bodyClass := " " + d.Find("body").AttrOr("class", "") + " "
	if single == 1 || strings.Contains(bodyClass, " single ") || strings.Contains(bodyClass, " single-post ") ||
		strings.Count(d.Find("body").Text(), "หมายเลขบันทึก") == 1 ||
		d.Find(`meta[property="og:type"][content="article"]`).Length() > 0 {
		return shapeSingle
	}
	for _, c := range []string{" archive ", " blog ", " home ", " category ", " tag ", " author ", " search ", " paged "} {
		if strings.Contains(bodyClass, c) {
			return shapeListing
		}
	}
	d.Find(chromeSelectors).Remove()
	if d.Find(entrySelectors).Length() >= 2 {
		return shapeListing
	}
	// Several headings each linking to an article, or several distinct
	// article links in the content: an index of posts.
	titled, links := 0, map[string]bool{}
	d.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		u, err := base.Parse(strings.TrimSpace(a.AttrOr("href", "")))
		if err != nil {
			return
		}
		k, err := Canonical(u.String())
		if err != nil {
			return
		}
		cu, _ := url.Parse(k)
		if cu == nil || Kind(cu) != PageArticle || hostKey(cu) != hostKey(base) {
			return
		}
		if !links[k] && a.ParentsFiltered("h1, h2, h3, h4").Length() > 0 {
			titled++
		}
		links[k] = true
	})
	if titled >= 2 || len(links) >= 3 {
		return shapeListing
	}
	return shapeUnknown
}
