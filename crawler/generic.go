package crawler

import (
	"net/url"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"github.com/botrian/botrian"
)

// generic profile: any other site. go-readability (a port of Mozilla's
// Readability.js) finds the main content; the shared line rules then drop
// captions, icon leaks and everything after a comments or related-posts
// heading.
//
// Why readability and not go-trafilatura: on our 27 fixture and demo pages
// both kept the same paragraphs (261 and 260 of the 263 our site profiles
// keep), trafilatura left fewer boilerplate lines in its raw output (6 against
// 31, all of which the line rules here strip anyway), but it was 3.6 times
// slower (239 ms against 67 ms for the 27 pages) and pulls in about 80 more
// modules, among them a WebAssembly RE2 runtime (wazero). readability was
// already a dependency.

// genericBoilerplate is removed before readability scores the page.
const genericBoilerplate = `nav, footer, aside, #comments, .comments, #respond, .share, .sharedaddy, .related,
	#related_posts, #check-also-box, .sidebar, #sidebar, .widget`

// minReadableRunes is the least text a readability result must hold to be
// trusted over the whole (cleaned) body.
const minReadableRunes = 250

func genericHTML(d *goquery.Document, base *url.URL) page {
	p := page{site: botrian.SiteGeneric}
	p.title = docTitle(d)
	p.dateMachine = metaContent(d, `meta[property="article:published_time"]`)
	p.author = metaContent(d, `meta[name="author"]`)
	d.Find(genericBoilerplate).Remove()
	root := d.Find("body")
	if len(d.Nodes) > 0 {
		parser := readability.NewParser()
		art, err := parser.ParseDocument(d.Nodes[0], base)
		// On short pages readability's scores are noise and it may keep one
		// paragraph of several: the cleaned body is the better answer there.
		if err == nil && art.Node != nil && utf8.RuneCountInString(goquery.NewDocumentFromNode(art.Node).Text()) >= minReadableRunes {
			root = goquery.NewDocumentFromNode(art.Node).Selection
			if t := art.Title(); t != "" && p.title == "" {
				p.title = t
			}
			if p.author == "" {
				p.author = art.Byline()
			}
		}
	}
	bs := domBlocks(root, base)
	p.blocks = junkBlocks(dropTitleBlock(bs, p.title))
	return p
}
