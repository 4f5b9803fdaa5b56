package api

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/indexer/facet"
	"github.com/botrian/botrian/search"
)

// docPage is the data of doc.html.
type docPage struct {
	Doc        botrian.Document
	Facts      indexer.Facts
	Year       string
	Site       string
	Link       string // the original page, when it is on the web
	Provinces  []string
	Mentioned  []string
	Regions    []string
	Tools      []labelled
	Orgs       []labelled
	Paragraphs []paragraph
	Sections   []sectionView
	Evidence   []evidenceView
	Similar    []hitView
	// Collect lists the collections for the add form; nil when the
	// server has no collections store.
	Collect []collectOption
}

// paragraph is one paragraph of the body; Heading marks a section's
// heading, which the body repeats.
type paragraph struct {
	Text    string
	Heading bool
}

type sectionView struct {
	Heading, Kind string
	Paragraphs    []string
}

// evidenceView is one row of the evidence table: which value, and the text
// around the span that produced it.
type evidenceView struct {
	Facet, Value, Field, Rule string
	Before, Span, After       string
}

// handleDocPage serves GET /doc/{id}: one document with its facts, the
// evidence for each, and similar cases.
func (s *Server) handleDocPage(c echo.Context) error {
	ctx := c.Request().Context()
	id := c.Param("id")
	e, err := s.docs.Document(ctx, id)
	if err != nil {
		return err
	}
	// Similar cases are a bonus: the document is shown without them
	// rather than not at all.
	similar, err := s.docs.Similar(ctx, id, DefaultSimilar)
	if err != nil {
		if ctx.Err() != nil {
			return err
		}
		s.log.Warn("similar cases failed", "request_id", reqID(c), "doc_id", id, "err", err)
	}
	p := newDocPage(e, similar)
	if s.coll != nil {
		if p.Collect, err = s.collectOptions(ctx, id); err != nil {
			return err
		}
	}
	return s.render(c, http.StatusOK, "doc.html", p)
}

func newDocPage(e *indexer.Entry, similar []search.Hit) docPage {
	d, f := e.Document, e.Facts
	p := docPage{Doc: d, Facts: f, Year: yearLabel(f.Year), Site: siteLabel(d.Site),
		Provinces: f.Provinces, Mentioned: f.MentionedProvinces, Link: webLink(d.URL)}
	headings := map[string]bool{}
	for _, sec := range d.Sections {
		headings[strings.TrimSpace(sec.Heading)] = true
	}
	for _, t := range paragraphs(d.Body) {
		p.Paragraphs = append(p.Paragraphs, paragraph{Text: t, Heading: headings[t]})
	}
	if p.Doc.Title == "" {
		p.Doc.Title = "(ไม่มีชื่อเรื่อง)"
	}
	for _, r := range f.Regions {
		if ri, ok := facet.LookupRegion(r); ok {
			r = ri.Thai
		}
		p.Regions = append(p.Regions, r)
	}
	for _, t := range f.Tools {
		p.Tools = append(p.Tools, toolLabel(t))
	}
	for _, o := range f.Orgs {
		if oi, ok := facet.LookupOrg(o); ok {
			p.Orgs = append(p.Orgs, labelled{o, oi.Thai, oi.English})
		} else {
			p.Orgs = append(p.Orgs, labelled{o, o, o})
		}
	}
	for i, sec := range d.Sections {
		sv := sectionView{Heading: sec.Heading, Paragraphs: paragraphs(sec.Text)}
		if i < len(f.SectionKinds) && f.SectionKinds[i] != "" {
			if k := sectionLabel(f.SectionKinds[i]); k != sec.Heading {
				sv.Kind = k
			}
		}
		p.Sections = append(p.Sections, sv)
	}
	for _, ev := range f.Evidence {
		p.Evidence = append(p.Evidence, newEvidenceView(d, ev))
	}
	for _, h := range similar {
		p.Similar = append(p.Similar, newHitView(h))
	}
	return p
}

// paragraphs splits text at blank lines.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// evidenceFacets name the evidence kinds of indexer.Evidence.Facet.
var evidenceFacets = map[string]string{
	"province":           "จังหวัดหลัก",
	"province_mentioned": "จังหวัดที่กล่าวถึง",
	"published":          "วันที่เผยแพร่",
	"year":               "ปีของเอกสาร",
	"event_year":         "ปีที่จัดกิจกรรม",
	"mentioned_year":     "ปีที่กล่าวถึง",
	"tool":               "เครื่องมือหลัก",
	"tool_mentioned":     "เครื่องมือที่กล่าวถึง",
	"org":                "หน่วยงาน",
	"section":            "หัวข้อ",
}

// evidenceFields name the fields of indexer.Evidence.Field.
var evidenceFields = map[string]string{
	"title":        "ชื่อเรื่อง",
	"body":         "เนื้อหา",
	"tags":         "แท็ก",
	"categories":   "หมวดหมู่",
	"date_text":    "วันที่บนหน้าเว็บ",
	"date_machine": "วันที่ในข้อมูลหน้าเว็บ",
	"published":    "วันที่เผยแพร่",
}

// evidenceContext is how many runes of text the evidence table shows on
// each side of a span.
const evidenceContext = 40

func newEvidenceView(d botrian.Document, ev indexer.Evidence) evidenceView {
	v := evidenceView{Facet: ev.Facet, Value: ev.Value, Field: ev.Field, Rule: ev.Rule, Span: ev.Text}
	if l, ok := evidenceFacets[ev.Facet]; ok {
		v.Facet = l
	}
	switch ev.Facet {
	case "province", "province_mentioned":
	case "tool", "tool_mentioned":
		v.Value = toolLabel(ev.Value).Label
	case "year", "event_year", "mentioned_year":
		if y, err := strconv.Atoi(ev.Value); err == nil {
			v.Value = yearLabel(y)
		}
	case "section":
		v.Value = sectionLabel(ev.Value)
	}
	text := ""
	switch {
	case ev.Field == "title":
		text = d.Title
	case ev.Field == "body":
		text = d.Body
	case ev.Field == "tags":
		text = strings.Join(d.Tags, "\n")
	case ev.Field == "categories":
		text = strings.Join(d.Categories, "\n")
	case ev.Field == "date_text":
		text = d.DateText
	case ev.Field == "date_machine":
		text = d.DateMachine
	case strings.HasPrefix(ev.Field, "section:"):
		if n, err := strconv.Atoi(strings.TrimPrefix(ev.Field, "section:")); err == nil && n >= 0 && n < len(d.Sections) {
			text = d.Sections[n].Heading
			v.Field = "หัวข้อ “" + text + "”"
		}
	}
	if l, ok := evidenceFields[ev.Field]; ok {
		v.Field = l
	}
	if ev.Start >= 0 && ev.Start <= ev.End && ev.End <= len(text) && text[ev.Start:ev.End] == ev.Text {
		v.Before = lastRunes(text[:ev.Start], evidenceContext)
		v.After = firstRunes(text[ev.End:], evidenceContext)
	}
	return v
}

// lastRunes returns about the last n runes of s, from a space if one is
// near, with an ellipsis when cut.
func lastRunes(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.Is(unicode.Mn, r) {
			break
		}
		i += size
	}
	if j := strings.IndexByte(s[i:], ' '); j >= 0 && j < len(s[i:])/2 {
		i += j + 1
	}
	return "…" + s[i:]
}

// firstRunes returns about the first n runes of s, to a space if one is
// near, with an ellipsis when cut.
func firstRunes(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.Is(unicode.Mn, r) {
			break
		}
		i += size
	}
	if j := strings.LastIndexByte(s[:i], ' '); j > i/2 {
		i = j
	}
	return s[:i] + "…"
}

// webLink returns u if it is an http or https URL a browser can open, else
// "" (imported files have file:// URLs that mean nothing to a visitor).
func webLink(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}
