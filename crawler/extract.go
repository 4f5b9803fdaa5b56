package crawler

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/botrian/botrian"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// MaxExtractBytes is the largest page Extract accepts. Field reports are a
// few hundred kilobytes at most; anything bigger is a dump or an attack, and
// parsing it would hold the whole tree in memory.
const MaxExtractBytes = 16 << 20

// Errors Extract and Import report; test them with errors.Is.
var (
	// ErrEmpty: the page or file has no bytes, or no text after stripping.
	ErrEmpty = errors.New("empty page")
	// ErrBinary: the content is not text (an image, a PDF, an archive, ...).
	ErrBinary = errors.New("binary content, not text or HTML")
	// ErrTooLarge: the content is bigger than MaxExtractBytes.
	ErrTooLarge = fmt.Errorf("page larger than %d bytes", MaxExtractBytes)
	// ErrNoText: the page parsed but held no title and no body text.
	ErrNoText = errors.New("no text found")
)

// ExtractError wraps an extraction failure with the page URL.
type ExtractError struct {
	URL string
	Err error
}

func (e *ExtractError) Error() string { return fmt.Sprintf("extract %s: %v", e.URL, e.Err) }
func (e *ExtractError) Unwrap() error { return e.Err }

// Extract turns one page into a Document. It picks the site profile by host
// (samatcha.org/areahpp2 and areahpp.net, gotoknow.org, the SoftGanz hosts),
// then by markup or text signature, so mirrors, moved hosts and saved copies
// work; anything else goes to the generic profile.
//
// body is converted to UTF-8: a BOM or the charset in contentType wins, then
// an HTML meta declaration; valid UTF-8 stays as is; anything else, and a
// Latin-1 declaration on a body that is not UTF-8 (a common mistake on Thai
// sites), is taken as windows-874 (TIS-620), the legacy Thai encoding. Invalid UTF-8
// left after conversion is repaired with U+FFFD. contentType may be "" (then
// sniffed); text/plain bodies (and .txt URLs) go through the plain-text path,
// which finds each style's parts by text anchors.
//
// The Document's URL is Canonical(pageURL) for http(s) URLs, and pageURL
// without its fragment otherwise (file:// for imports); its ID is
// botrian.DocID of that URL. FetchedAt is left zero for the caller to set.
//
// Errors wrap ErrEmpty, ErrBinary, ErrTooLarge or ErrNoText in an
// *ExtractError. A panic inside a profile is recovered and returned as an
// error, so one bad page never stops a crawl.
func Extract(pageURL string, body []byte, contentType string) (doc botrian.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc = botrian.Document{}
			err = &ExtractError{URL: pageURL, Err: fmt.Errorf("profile panicked: %v", r)}
		}
	}()
	u, err := url.Parse(pageURL)
	if err != nil {
		return botrian.Document{}, &ExtractError{URL: pageURL, Err: err}
	}
	u.Fragment, u.RawFragment = "", ""
	switch {
	case len(body) > MaxExtractBytes:
		return botrian.Document{}, &ExtractError{URL: pageURL, Err: ErrTooLarge}
	case len(bytes.TrimSpace(body)) == 0:
		return botrian.Document{}, &ExtractError{URL: pageURL, Err: ErrEmpty}
	case isBinary(body):
		return botrian.Document{}, &ExtractError{URL: pageURL, Err: ErrBinary}
	}
	isText := isPlainText(u, body, contentType)
	s := toUTF8(body, contentType, !isText)
	var p page
	if isText {
		p = extractText(s)
	} else {
		p, err = extractHTML(u, s)
		if err != nil {
			return botrian.Document{}, &ExtractError{URL: pageURL, Err: err}
		}
	}
	doc = p.document()
	if doc.Title == "" && doc.Body == "" {
		return botrian.Document{}, &ExtractError{URL: pageURL, Err: ErrNoText}
	}
	doc.URL = u.String()
	if c, err := Canonical(pageURL); err == nil {
		doc.URL = c
	}
	doc.ID = botrian.DocID(doc.URL)
	doc.Host = strings.ToLower(u.Hostname())
	return doc, nil
}

// isBinary reports content that is not text: NUL bytes, or a sniffed type
// that is neither text nor markup.
func isBinary(b []byte) bool {
	head := b[:min(len(b), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		// UTF-16 text has NULs too, but only after a BOM.
		return !bytes.HasPrefix(head, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(head, []byte{0xFE, 0xFF})
	}
	ct := http.DetectContentType(head)
	return !strings.HasPrefix(ct, "text/") && !strings.Contains(ct, "xml")
}

// isPlainText decides between the HTML and the text path.
func isPlainText(u *url.URL, body []byte, contentType string) bool {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		switch {
		case mt == "text/plain":
			return true
		case strings.Contains(mt, "html") || strings.Contains(mt, "xml"):
			return false
		}
	}
	p := strings.ToLower(u.Path)
	if strings.HasSuffix(p, ".txt") {
		return true
	}
	if strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm") {
		return false
	}
	return !markupRE.Match(body[:min(len(body), 4096)])
}

var markupRE = regexp.MustCompile(`(?i)<(!doctype|html|head|body|p|div|br|title|meta|article|h[1-6])[\s>/]`)

// toUTF8 converts body to valid UTF-8 (see Extract for the rules).
func toUTF8(body []byte, contentType string, isHTML bool) string {
	ctype := contentType
	if !isHTML {
		// Meta prescan only makes sense for markup.
		if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
			ctype = "text/plain; charset=" + params["charset"]
		}
	}
	e, name, certain := charset.DetermineEncoding(body, ctype)
	switch {
	case (certain || name == "utf-8" || name == "windows-1252") && mostlyUTF8(body):
		// Declared UTF-8, or nothing useful declared, and the body is UTF-8
		// with at most a few broken bytes: repair those.
		return cleanUTF8(string(body))
	case name == "windows-1252" && !utf8.Valid(body):
		// Latin-1 declared (a common mistake on Thai sites) or nothing
		// declared: Thai legacy pages are windows-874 / TIS-620.
		e = charmap.Windows874
	case certain:
	case utf8.Valid(body):
		return cleanUTF8(string(body))
	case !isHTML || name == "utf-8":
		e = charmap.Windows874
	}
	out, err := e.NewDecoder().Bytes(body)
	if err != nil {
		return cleanUTF8(string(body))
	}
	return cleanUTF8(string(out))
}

// mostlyUTF8 reports a body whose multi-byte UTF-8 sequences outnumber its
// invalid bytes: UTF-8 with damage, not a legacy encoding.
func mostlyUTF8(b []byte) bool {
	var multi, bad int
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			bad++
		} else {
			multi++
		}
		b = b[n:]
	}
	return multi > bad
}

// cleanUTF8 repairs invalid UTF-8 and drops control and zero-width
// characters, keeping newlines and tabs.
func cleanUTF8(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\t':
			return r
		case '\r':
			return '\n'
		case '\u00A0', '\u2007', '\u202F':
			return ' '
		case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD':
			return -1
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// extractHTML parses the page and runs the profile chosen for it.
func extractHTML(u *url.URL, s string) (page, error) {
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return page{}, fmt.Errorf("parse html: %w", err)
	}
	d := goquery.NewDocumentFromNode(root)
	d.Url = u
	base := u
	if h, ok := d.Find("base[href]").First().Attr("href"); ok {
		if b, err := u.Parse(strings.TrimSpace(h)); err == nil {
			base = b
		}
	}
	d.Find("script, style, noscript, template, iframe, svg, object, embed, form, button, select, textarea").Remove()
	site := siteOf(u, d)
	// Icon-font ligatures ("circle", "edit") are never text.
	d.Find(`.material-icons, .material-icons-outlined, .material-icons-round, .material-symbols-outlined,
		.material-symbols-rounded`).Remove()
	switch site {
	case botrian.SiteAreahpp:
		return areahppHTML(d, base), nil
	case botrian.SiteGotoknow:
		return gotoknowHTML(d, base), nil
	case botrian.SiteSoftganz:
		return softganzHTML(d, base), nil
	}
	return genericHTML(d, base), nil
}

// siteOf picks the profile for an HTML page: by host; then by the markup of
// one style's post (Sahifa's article#the-post, SoftGanz's activity and
// paper blocks, gotoknow's metadata run); then by the URL path's article
// pattern; then by weaker hints (links to the known sites, footer texts).
// Strong markup goes before the path, so a saved copy works under any path,
// and before links, so an areahpp post citing a gotoknow post stays areahpp.
func siteOf(u *url.URL, d *goquery.Document) string {
	if s := siteByHost(u); s != "" {
		return s
	}
	switch {
	case d.Find("article#the-post, #check-also-box").Length() > 0:
		return botrian.SiteAreahpp
	case isSoftganzHTML(d):
		return botrian.SiteSoftganz
	case hasGotoknowMeta(d):
		return botrian.SiteGotoknow
	}
	switch p := u.Path; {
	case areahppArticle.MatchString(p) || strings.HasPrefix(p, "/areahpp2/"):
		return botrian.SiteAreahpp
	case gotoknowArticle.MatchString(p):
		return botrian.SiteGotoknow
	case softganzArticle.MatchString(p) || softganzPaper.MatchString(p):
		return botrian.SiteSoftganz
	}
	switch {
	case isGotoknowHTML(d):
		return botrian.SiteGotoknow
	case isAreahppHTML(d):
		return botrian.SiteAreahpp
	}
	return botrian.SiteGeneric
}

// siteByHost maps the known hosts (and their moves) to a profile.
func siteByHost(u *url.URL) string {
	h := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	switch {
	case h == "areahpp.net", h == "samatcha.org" && strings.HasPrefix(u.Path, "/areahpp2"):
		return botrian.SiteAreahpp
	case h == "gotoknow.org":
		return botrian.SiteGotoknow
	}
	for _, s := range softganzHosts {
		if h == s || strings.HasSuffix(h, "."+s) {
			return botrian.SiteSoftganz
		}
	}
	return ""
}

// page is what a profile found, before it becomes a Document.
type page struct {
	site                                 string
	title, dateText, dateMachine, author string
	project                              string
	tags, categories                     []string
	blocks                               []block
	// formLabels: headings are a form's labels (softganz), so a label with
	// no answer is kept as an empty Section and left out of the body.
	// Otherwise headings are the author's text and always stay in the body.
	formLabels bool
}

// block is one paragraph of body text, or a section heading, with the
// outgoing links found in it.
type block struct {
	text    string
	heading bool
	links   []string
}

// document assembles the Document: body paragraphs in page order, the
// sections that headings open, and the links of the blocks kept.
func (p page) document() botrian.Document {
	d := botrian.Document{
		Site:        p.site,
		Title:       scrubLine(p.title),
		DateText:    p.dateText,
		DateMachine: p.dateMachine,
		Author:      p.author,
		Project:     p.project,
		Tags:        dedupe(p.tags),
		Categories:  dedupe(p.categories),
	}
	var body, links []string
	var cur *botrian.Section
	var curText []string
	flush := func() {
		if cur == nil {
			return
		}
		cur.Text = strings.Join(curText, "\n\n")
		if cur.Text != "" || !p.formLabels {
			body = append(body, cur.Heading)
			body = append(body, curText...)
		}
		if cur.Text != "" || p.formLabels {
			d.Sections = append(d.Sections, *cur)
		}
		cur, curText = nil, nil
	}
	for _, b := range p.blocks {
		t := scrubLine(b.text)
		if t == "" {
			continue
		}
		links = append(links, b.links...)
		switch {
		case b.heading:
			flush()
			cur = &botrian.Section{Heading: t}
		case cur == nil:
			body = append(body, t)
		case !isNoneAnswer(t):
			curText = append(curText, t)
		}
	}
	flush()
	d.Body = strings.Join(body, "\n\n")
	d.Links = dedupe(links)
	return d
}

// isNoneAnswer reports a form answer that means "none".
func isNoneAnswer(s string) bool {
	switch strings.TrimSpace(s) {
	case "ไม่มี", "-", "--", "ไม่มี -", "–", "ไม่มีข้อเสนอแนะ":
		return true
	}
	return false
}

func dedupe(ss []string) []string {
	var out []string
	seen := make(map[string]bool, len(ss))
	for _, s := range ss {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}
