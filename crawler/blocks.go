package crawler

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// This file turns a DOM subtree into blocks (paragraphs and headings) and
// collects its outgoing links.

// blockTags end the current paragraph when they open or close.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "header": true,
	"footer": true, "aside": true, "nav": true, "ul": true, "ol": true, "li": true, "dl": true,
	"dt": true, "dd": true, "table": true, "thead": true, "tbody": true, "tr": true, "td": true,
	"th": true, "caption": true, "blockquote": true, "pre": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "hr": true, "br": true, "figure": true,
	"figcaption": true, "address": true, "center": true, "form": true, "fieldset": true,
	"legend": true, "details": true, "summary": true, "body": true, "html": true,
}

// maxHeadingRunes is the longest bold line taken as a heading.
const maxHeadingRunes = 90

// walker accumulates blocks from a DOM walk.
type walker struct {
	base   *url.URL
	blocks []block
	links  []string // links of the current line
	cur    strings.Builder
	bold   int // runes of the current line inside b/strong
	head   bool
	inBold int
}

// domBlocks returns the blocks under the selection, each with its links.
func domBlocks(sel *goquery.Selection, base *url.URL) []block {
	w := &walker{base: base}
	for _, n := range sel.Nodes {
		w.walk(n)
	}
	w.flush()
	return w.blocks
}

func (w *walker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		t := n.Data
		w.cur.WriteString(t)
		if w.inBold > 0 {
			w.bold += utf8.RuneCountInString(strings.TrimSpace(t))
		}
		return
	case html.ElementNode:
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		return
	default:
		return
	}
	tag := n.Data
	switch tag {
	case "script", "style", "noscript", "template", "iframe", "svg", "head", "select", "textarea", "button":
		return
	case "img":
		return
	case "a":
		if h := attr(n, "href"); h != "" {
			w.addLink(h)
		}
	}
	isBlock := blockTags[tag]
	isHead := len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'
	if isBlock {
		w.flush()
	}
	if isHead {
		w.head = true
	}
	bold := tag == "b" || tag == "strong"
	if bold {
		w.inBold++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if bold {
		w.inBold--
	}
	if isBlock {
		w.flush()
	}
}

// flush ends the current line as a block. A line is a heading when it came
// from h1-h6, or when it is short and entirely bold.
func (w *walker) flush() {
	t := normSpace(w.cur.String())
	w.cur.Reset()
	head, bold, links := w.head, w.bold, w.links
	w.head, w.bold, w.links = false, 0, nil
	if t == "" {
		return
	}
	n := utf8.RuneCountInString(strings.ReplaceAll(t, " ", ""))
	if !head && bold > 0 && bold >= n && n <= maxHeadingRunes {
		head = true
	}
	w.blocks = append(w.blocks, block{text: t, heading: head, links: links})
}

// addLink records an absolute http(s) link.
func (w *walker) addLink(h string) {
	h = strings.TrimSpace(h)
	if h == "" || strings.HasPrefix(h, "#") {
		return
	}
	u, err := w.base.Parse(h)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return
	}
	u.Fragment, u.RawFragment = "", ""
	if isJunkLink(u) {
		return
	}
	w.links = append(w.links, u.String())
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf is the normalised text of a selection.
func textOf(s *goquery.Selection) string { return normSpace(s.Text()) }

// metaContent is the content of the first meta tag matching sel.
func metaContent(d *goquery.Document, sel string) string {
	v, _ := d.Find(sel).First().Attr("content")
	return normSpace(v)
}

// texts returns the normalised texts of each element in s.
func texts(s *goquery.Selection) []string {
	var out []string
	s.Each(func(_ int, e *goquery.Selection) {
		if t := strings.TrimPrefix(textOf(e), "#"); t != "" {
			out = append(out, strings.TrimSpace(t))
		}
	})
	return out
}

// docTitle is og:title, else the first h1, else the <title> with a site
// suffix such as " | Site" or " - Site" removed.
func docTitle(d *goquery.Document) string {
	if t := metaContent(d, `meta[property="og:title"]`); t != "" {
		return t
	}
	if t := textOf(d.Find("h1").First()); t != "" {
		return t
	}
	if t := textOf(d.Find("title").First()); t != "" {
		for _, sep := range []string{" | ", " – ", " — ", " - ", " :: ", " « ", " » "} {
			if i := strings.LastIndex(t, sep); i > 0 {
				t = strings.TrimSpace(t[:i])
				break
			}
		}
		return t
	}
	return ""
}

// firstText is the text of the first selector that finds non-empty text.
func firstText(d *goquery.Selection, sels ...string) string {
	for _, s := range sels {
		var t string
		d.Find(s).EachWithBreak(func(_ int, e *goquery.Selection) bool {
			t = textOf(e)
			return t == ""
		})
		if t != "" {
			return t
		}
	}
	return ""
}

// dropTitleBlock removes a leading block equal to the title (a fallback root
// can include the page heading).
func dropTitleBlock(bs []block, title string) []block {
	for i := 0; i < len(bs) && i < 5; i++ {
		if title != "" && bs[i].text == title {
			return append(bs[:i:i], bs[i+1:]...)
		}
	}
	return bs
}

// junkBlocks drops junk blocks (see isJunk) and cuts at the first stop line.
func junkBlocks(bs []block) []block {
	out := bs[:0:0]
	for _, b := range bs {
		if isJunk(b.text) {
			continue
		}
		out = append(out, b)
	}
	return cutAtStop(out)
}

// isJunkLink reports theme credits and share buttons.
func isJunkLink(u *url.URL) bool {
	h := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	p := strings.ToLower(u.Path)
	switch {
	case h == "bigtheme.net", h == "classstart.org":
		return true
	case strings.Contains(p, "sharer") || strings.HasPrefix(p, "/share") || strings.HasPrefix(p, "/intent/"):
		return true
	case h == "social-plugins.line.me", h == "line.me" && strings.Contains(p, "/msg/"):
		return true
	}
	return false
}
