package crawler

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// maxSitemapBytes caps a decompressed sitemap (the sitemaps.org limit is 50 MB).
const maxSitemapBytes = 50 << 20

// parseSitemap reads a sitemap (<urlset>), a sitemap index (<sitemapindex>),
// an RSS feed (WordPress /feed/), an Atom feed or a text sitemap (one URL a
// line), gzipped or not. It returns
// the page URLs and the further sitemap URLs it lists, as written.
func parseSitemap(body []byte) (pages, sitemaps []string, err error) {
	if len(body) > 2 && body[0] == 0x1f && body[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, nil, fmt.Errorf("sitemap: %w", err)
		}
		if body, err = io.ReadAll(io.LimitReader(zr, maxSitemapBytes)); err != nil {
			return nil, nil, fmt.Errorf("sitemap: %w", err)
		}
	}
	if t := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))); len(t) > 0 && t[0] != '<' {
		return textSitemap(t), nil, nil
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	dec.CharsetReader = charset.NewReaderLabel
	var (
		stack []string
		text  strings.Builder
	)
	parent := func() string {
		if len(stack) < 2 {
			return ""
		}
		return stack[len(stack)-2]
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if len(pages)+len(sitemaps) > 0 {
				break // keep what a truncated file gave
			}
			return nil, nil, fmt.Errorf("sitemap: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			stack = append(stack, name)
			text.Reset()
			if name == "link" && parent() == "entry" { // Atom
				rel, href := "alternate", ""
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "rel":
						rel = a.Value
					case "href":
						href = a.Value
					}
				}
				if rel == "alternate" && href != "" {
					pages = append(pages, strings.TrimSpace(href))
				}
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			name := stack[len(stack)-1]
			v := strings.TrimSpace(text.String())
			switch {
			case v == "":
			case name == "loc" && parent() == "url":
				pages = append(pages, v)
			case name == "loc" && parent() == "sitemap":
				sitemaps = append(sitemaps, v)
			case name == "link" && parent() == "item": // RSS
				pages = append(pages, v)
			}
			text.Reset()
			stack = stack[:len(stack)-1]
		}
	}
	return pages, sitemaps, nil
}

// textSitemap reads a text sitemap: one absolute http(s) URL a line.
func textSitemap(body []byte) []string {
	var pages []string
	for _, l := range strings.Split(string(body), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
			pages = append(pages, l)
		}
	}
	return pages
}
