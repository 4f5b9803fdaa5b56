package crawler

import (
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/botrian/botrian"
)

// areahpp profile: samatcha.org/areahpp2 (formerly areahpp.net), WordPress
// with TieLabs' Sahifa theme (DOMAIN.md §1.1).

// areahppBoilerplate are Sahifa parts inside or around the article that are
// never body text.
const areahppBoilerplate = `section#check-also-box, #check-also-box, section#related_posts, #related_posts,
	section#author-box, div.post-navigation, #comments, #respond, #theme-footer, footer, aside, #sidebar,
	.sidebar, div.widget, div.share-post, .share-post, .mini-share-post, .social-share, .sharedaddy,
	div.e3lan, .e3lan, div.page-link, span.edit-link, div#crumbs, #crumbs, .post-tag, .post-meta,
	.fb-comments, .fb-like, .fb-page, nav, header, #main-nav, .breaking-news, #top-nav, .top-nav,
	span[style*="display:none"], span[style*="display: none"], .vcard, span.updated`

// isAreahppHTML recognises Sahifa pages and saved copies of areahpp.
func isAreahppHTML(d *goquery.Document) bool {
	if d.Find("article#the-post, #check-also-box, #related_posts, a[href*='bigtheme.net']").Length() > 0 {
		return true
	}
	found := false
	d.Find("a[href], link[href]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		h, _ := s.Attr("href")
		found = strings.Contains(h, "areahpp")
		return !found
	})
	return found
}

func areahppHTML(d *goquery.Document, base *url.URL) page {
	p := page{site: botrian.SiteAreahpp}
	post := d.Find("article#the-post").First()
	if post.Length() == 0 {
		post = d.Find("article").First()
	}
	if post.Length() == 0 {
		post = d.Find("body")
	}
	p.title = firstText(post, "h1.post-title span[itemprop=name]", "h1.post-title", "h1.entry-title", ".post-title", "h1")
	if p.title == "" {
		p.title = docTitle(d)
	}
	meta := post.Find("p.post-meta").First()
	p.dateText = firstText(meta, "span.tie-date", ".tie-date", "time")
	if p.dateText == "" {
		p.dateText = firstText(d.Selection, "span.tie-date")
	}
	p.dateMachine = firstText(d.Selection, "#the-post span.updated", "span.updated")
	if p.dateMachine == "" {
		p.dateMachine = metaContent(d, `meta[property="article:published_time"]`)
	}
	if p.dateMachine == "" {
		if v, ok := d.Find("time[datetime]").First().Attr("datetime"); ok {
			p.dateMachine = normSpace(v)
		}
	}
	p.author = firstText(meta, "span.post-meta-author a", "span.post-meta-author")
	if p.author == "" {
		p.author = firstText(d.Selection, "div.vcard.author strong.fn", ".author .fn", `[rel="author"]`)
	}
	p.author = strings.TrimSpace(strings.TrimPrefix(p.author, "By "))
	p.categories = texts(meta.Find("span.post-cats a"))
	if len(p.categories) == 0 {
		p.categories = texts(d.Find(`a[rel~="category"]`))
	}
	p.tags = texts(d.Find("p.post-tag a"))
	if len(p.tags) == 0 {
		p.tags = texts(d.Find(`a[rel="tag"]`))
	}
	entry := post.Find("div.entry").First()
	if entry.Length() == 0 {
		entry = post.Find(".entry-content, .post-content").First()
	}
	if entry.Length() == 0 {
		entry = post
	}
	entry.Find(areahppBoilerplate).Remove()
	bs := domBlocks(entry, base)
	p.blocks = junkBlocks(dropTitleBlock(bs, p.title))
	return p
}

// areahppText reads a text rendering: credit line, title, body, then the
// Check Also box, the comment heading and the Facebook widget title.
func areahppText(lines []string) page {
	p := page{site: botrian.SiteAreahpp}
	bs := textBlocks(dropJunk(lines))
	bs = cutAtStop(bs)
	if len(bs) > 0 {
		p.title = bs[0].text
		bs = bs[1:]
	}
	p.blocks = bs
	return p
}
