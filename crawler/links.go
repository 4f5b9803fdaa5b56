package crawler

import (
	"bytes"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// pageLinks is what the crawler reads from a page besides its article: the
// links to follow, feeds, the page's own canonical URL and robots meta.
type pageLinks struct {
	Links     []string // absolute URLs from a, area, iframe, frame and link rel=next/prev
	Feeds     []string // link rel=alternate type=application/rss+xml or atom+xml
	Canonical string   // link rel=canonical, absolute
	NoFollow  bool     // meta robots nofollow
	NoIndex   bool     // meta robots noindex
}

// parseLinks reads links from an HTML page whose URL is base. The body is
// converted to UTF-8 first (charset from contentType or the page), so Thai
// paths in legacy encodings resolve to the same URLs a browser would request.
func parseLinks(base *url.URL, body []byte, contentType string) pageLinks {
	var out pageLinks
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		r = bytes.NewReader(body)
	}
	z := html.NewTokenizer(r)
	seen := map[string]bool{}
	add := func(list *[]string, ref string) {
		ref = strings.TrimSpace(ref)
		if ref == "" || strings.HasPrefix(ref, "#") {
			return
		}
		u, err := base.Parse(ref)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return
		}
		u.Fragment, u.RawFragment = "", ""
		s := u.String()
		if !seen[s] {
			seen[s] = true
			*list = append(*list, s)
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				return out
			}
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
		default:
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		attrs := map[string]string{}
		for {
			k, v, more := z.TagAttr()
			attrs[string(k)] = string(v)
			if !more {
				break
			}
		}
		switch string(name) {
		case "base":
			if h, ok := attrs["href"]; ok {
				if b, err := base.Parse(strings.TrimSpace(h)); err == nil {
					base = b
				}
			}
		case "a", "area":
			add(&out.Links, attrs["href"])
		case "iframe", "frame":
			add(&out.Links, attrs["src"])
		case "link":
			rel := " " + strings.ToLower(attrs["rel"]) + " "
			switch {
			case strings.Contains(rel, " canonical "):
				if u, err := base.Parse(strings.TrimSpace(attrs["href"])); err == nil && attrs["href"] != "" {
					u.Fragment = ""
					out.Canonical = u.String()
				}
			case strings.Contains(rel, " alternate ") && strings.Contains(attrs["type"], "xml"):
				add(&out.Feeds, attrs["href"])
			case strings.Contains(rel, " next ") || strings.Contains(rel, " prev "):
				add(&out.Links, attrs["href"])
			}
		case "meta":
			if n := strings.ToLower(attrs["name"]); n == "robots" || n == "botrian" {
				c := strings.ToLower(attrs["content"])
				out.NoFollow = out.NoFollow || strings.Contains(c, "nofollow") || strings.Contains(c, "none")
				out.NoIndex = out.NoIndex || strings.Contains(c, "noindex") || strings.Contains(c, "none")
			}
		}
	}
}
