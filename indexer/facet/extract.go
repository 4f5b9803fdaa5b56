package facet

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Input is what Extract reads: a document's fields after boilerplate
// removal, as the crawler recorded them.
type Input struct {
	// Site is the crawler profile ("areahpp", "gotoknow", "softganz", ...).
	Site                  string
	Title                 string
	DateText, DateMachine string
	Tags, Categories      []string
	// Project is the project title on softganz report pages: weighed like
	// the tags.
	Project string
	// Body is the stripped article text; it includes the sections' text.
	Body     string
	Sections []InputSection
}

// InputSection is a labelled part of the body.
type InputSection struct{ Heading, Text string }

// Evidence is one span that produced (or supports) an extracted value.
type Evidence struct {
	// Facet is "province", "province_mentioned", "published", "year",
	// "event_year", "mentioned_year", "tool", "tool_mentioned",
	// "assembly_level", "org" or "section".
	Facet string `json:"facet"`
	Value string `json:"value"`
	// Field is "title", "body", "project", "tags", "categories" (offsets
	// into the values joined with "\n"), "date_text", "date_machine" or
	// "section:N" (the heading of Input.Sections[N]).
	Field string `json:"field"`
	// Start and End are byte offsets into the original field text; Text is
	// that span.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Rule  string `json:"rule"` // why the span counts
}

// Facts are the facets of one document.
type Facts struct {
	// Provinces are the subject provinces; MentionedProvinces the others
	// (venues, office seats, passing mentions, sub-regions), both by weight.
	Provinces          []Province `json:"provinces"`
	MentionedProvinces []Province `json:"mentioned_provinces"`
	// Published is the publication date from page metadata only.
	Published    Date `json:"published"`
	HasPublished bool `json:"has_published"`
	// Year is the document's CE year (DOMAIN.md §4.4), 0 if unknown.
	Year int `json:"year"`
	// EventYears are CE years of dated mentions in the body; MentionedYears
	// those of plan horizons, laws and future years.
	EventYears     []int `json:"event_years"`
	MentionedYears []int `json:"mentioned_years"`
	// Tools are the primary tools, MentionedTools the rest. A child (chia,
	// ehia) brings its parent (hia) into the same list.
	Tools          []Tool `json:"tools"`
	MentionedTools []Tool `json:"mentioned_tools"`
	// AssemblyLevels are the levels of the health assemblies the text
	// names with a qualifier (LevelProvincial, LevelRegional, ...), most
	// weighty first.
	AssemblyLevels []string `json:"assembly_levels"`
	Orgs           []string `json:"orgs"`
	// SectionKinds is aligned with Input.Sections; "" when unclassified.
	SectionKinds []SectionKind `json:"section_kinds"`
	Evidence     []Evidence    `json:"evidence"`
}

// field is one normalised input field.
type field struct {
	name string
	orig string
	t    ntext
	lh   *lexHits
}

func (f field) ev(facet, value string, i, j int, rule string) Evidence {
	a, b := f.t.span(i, j)
	return Evidence{Facet: facet, Value: value, Field: f.name, Start: a, End: b, Text: f.orig[a:b], Rule: rule}
}

// Extract derives a document's facts. It never fails: an empty or garbled
// input yields empty facts.
func Extract(in Input) Facts {
	var fx Facts
	mk := func(name, s string) field {
		t := normalize(s)
		return field{name, s, t, scanLex(t.lower)}
	}
	title := mk("title", in.Title)
	body := mk("body", cutBoilerplate(in.Body))
	tags := mk("tags", strings.Join(in.Tags, "\n"))
	cats := mk("categories", strings.Join(in.Categories, "\n"))
	project := mk("project", in.Project)

	extractYears(&fx, in, body)
	extractProvinces(&fx, title, body, tags, cats, project)
	extractTools(&fx, in.Site, title, body, tags, cats, project)
	extractOrgs(&fx, title, body)
	fx.SectionKinds = make([]SectionKind, len(in.Sections))
	for i, sec := range in.Sections {
		if k, ok := ClassifySection(sec.Heading); ok {
			fx.SectionKinds[i] = k
			fx.Evidence = append(fx.Evidence, Evidence{Facet: "section", Value: string(k), Field: "section:" + strconv.Itoa(i),
				Start: 0, End: len(sec.Heading), Text: sec.Heading, Rule: "heading cue"})
		}
	}
	return fx
}

// boilerplateHeadings are lines that start a site's related-links or
// comments block. The crawler strips these; a line left in the body that
// is exactly one of them ends the article for Extract too, so a province in
// a related headline never becomes a facet.
var boilerplateHeadings = []string{
	"หัวข้อที่เกี่ยวข้อง", "บทความที่เกี่ยวข้อง", "ข่าวที่เกี่ยวข้อง", "เรื่องที่เกี่ยวข้อง", "Check Also",
	"Related Articles", "Related Posts", "แสดงความคิดเห็น/แลกเปลี่ยนเรียนรู้",
}

// cutBoilerplate returns body up to the first boilerplate heading line.
func cutBoilerplate(body string) string {
	for i := 0; i < len(body); {
		j := strings.IndexByte(body[i:], '\n')
		if j < 0 {
			j = len(body) - i
		}
		line := strings.TrimRight(strings.TrimSpace(body[i:i+j]), ":")
		if slices.Contains(boilerplateHeadings, line) {
			return body[:i]
		}
		i += j + 1
	}
	return body
}

func extractYears(fx *Facts, in Input, body field) {
	// Published: metadata only.
	var pubField, pubText string
	for _, f := range []struct{ name, s string }{{"date_machine", in.DateMachine}, {"date_text", in.DateText}} {
		if strings.TrimSpace(f.s) == "" {
			continue
		}
		d, err := ParseDate(f.s)
		if err != nil || d.Year == 0 {
			continue
		}
		fx.Published, fx.HasPublished = d, true
		pubField, pubText = f.name, f.s
		fx.Evidence = append(fx.Evidence, Evidence{Facet: "published", Value: d.String(), Field: f.name, Start: 0, End: len(f.s), Text: f.s, Rule: "page metadata"})
		break
	}
	ms := findDates(body.t.s, body.lh)
	// Reference for yearless dates: the publication date, else the latest
	// dated mention in the body.
	ref := fx.Published
	if !fx.HasPublished {
		for _, m := range ms {
			if (m.kind == kindFull || m.kind == kindMonthYear || m.kind == kindISO) && cmpDate(m.d, ref) > 0 {
				ref = m.d
			}
		}
	}
	type yearAt struct {
		year int
		m    mention
		rule string
	}
	var events []yearAt
	mentioned := map[int]bool{}
	events2 := map[int]int{}
	for _, m := range ms {
		y, rule := m.d.Year, "dated mention"
		switch m.kind {
		case kindInvalid:
			continue
		case kindNoYear:
			if ref.Year == 0 {
				continue
			}
			y = resolveYear(m, ref)
			rule = "day/month without a year, resolved against " + ref.String()
			if m.hasRel {
				y = ref.Year + m.rel
				rule = "month with ปีที่แล้ว/ปีนี้/ปีหน้า, resolved against " + ref.String()
			}
		case kindRelYear:
			if ref.Year == 0 {
				continue
			}
			y, rule = ref.Year+m.rel, "ปีนี้/ปีที่แล้ว/ปีหน้า, resolved against "+ref.String()
		case kindRange:
			for yy := m.d.Year; yy <= m.d.EndYear; yy++ {
				mentioned[yy] = true
			}
			fx.Evidence = append(fx.Evidence, body.ev("mentioned_year", fmt.Sprintf("%d-%d", m.d.Year, m.d.EndYear), m.start, m.end, "multi-year range: a plan horizon"))
			continue
		case kindFiscal:
			y, rule = m.d.EndYear, "fiscal year (ends 30 Sep)"
		case kindBare:
			rule = "bare Buddhist-Era year"
		case kindISO:
			rule = "ISO-like date"
		}
		pre := tail(body.t.s, m.start, 40)
		if (m.kind == kindYear || m.kind == kindBare) && hasAnyContains(pre, "พ.ร.บ", "พรบ", "พระราชบัญญัติ", "รัฐธรรมนูญ", "ธรรมนูญว่าด้วย", "ฉบับที่", "ปฏิญญา") {
			mentioned[y] = true
			fx.Evidence = append(fx.Evidence, body.ev("mentioned_year", strconv.Itoa(y), m.start, m.end, "year of a law or charter edition"))
			continue
		}
		if fx.HasPublished && y > fx.Published.Year {
			mentioned[y] = true
			fx.Evidence = append(fx.Evidence, body.ev("mentioned_year", strconv.Itoa(y), m.start, m.end, "after the publication year: a plan"))
			continue
		}
		events = append(events, yearAt{y, m, rule})
		events2[y]++
		if m.kind == kindFiscal && m.d.Year != y {
			events2[m.d.Year]++
		}
	}
	for y := range events2 {
		fx.EventYears = append(fx.EventYears, y)
		delete(mentioned, y)
	}
	slices.Sort(fx.EventYears)
	for y := range mentioned {
		fx.MentionedYears = append(fx.MentionedYears, y)
	}
	slices.Sort(fx.MentionedYears)
	for _, e := range events {
		fx.Evidence = append(fx.Evidence, body.ev("event_year", strconv.Itoa(e.year), e.m.start, e.m.end, e.rule))
	}
	// The facet year.
	switch {
	case in.Site == "softganz" && pubField == "date_text":
		fx.Year = fx.Published.Year
		fx.Evidence = append(fx.Evidence, Evidence{Facet: "year", Value: strconv.Itoa(fx.Year), Field: pubField, End: len(pubText), Text: pubText, Rule: "softganz activity date: the event date"})
	case len(events) > 0 && (!fx.HasPublished || events[0].year >= fx.Published.Year-2 && events[0].year <= fx.Published.Year):
		fx.Year = events[0].year
		fx.Evidence = append(fx.Evidence, body.ev("year", strconv.Itoa(fx.Year), events[0].m.start, events[0].m.end, "first date in the body"))
	case len(events) > 0:
		best, bestN := 0, 0
		for _, e := range events {
			n := events2[e.year]
			if n > bestN || n == bestN && abs(e.year-fx.Published.Year) < abs(best-fx.Published.Year) {
				best, bestN = e.year, n
			}
		}
		fx.Year = best
		for _, e := range events {
			if e.year == best {
				fx.Evidence = append(fx.Evidence, body.ev("year", strconv.Itoa(best), e.m.start, e.m.end, "most frequent event year (first date outside published-2..published)"))
				break
			}
		}
	case fx.HasPublished:
		fx.Year = fx.Published.Year
		fx.Evidence = append(fx.Evidence, Evidence{Facet: "year", Value: strconv.Itoa(fx.Year), Field: pubField, End: len(pubText), Text: pubText, Rule: "no date in the body: the publication year"})
	}
}

// resolveYear picks the year of a yearless day/month near ref. Narratives
// report the past: the latest date no later than about two months after ref
// wins, or no later than ref for "ที่ผ่านมา"; "นี้"/"ที่จะถึง" takes the
// earliest date not before ref.
func resolveYear(m mention, ref Date) int {
	day := max(m.d.Day, 1)
	refN := ref.Year*372 + max(ref.Month, 1)*31 + max(ref.Day, 1)
	slack := 62
	if m.past {
		slack = 0
	}
	if m.future {
		for y := ref.Year - 1; y <= ref.Year+1; y++ {
			if y*372+m.d.Month*31+day >= refN {
				return y
			}
		}
		return ref.Year + 1
	}
	for y := ref.Year + 1; y >= ref.Year-1; y-- {
		if y*372+m.d.Month*31+day-refN <= slack {
			return y
		}
	}
	return ref.Year - 1
}

func cmpDate(a, b Date) int {
	return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Month, b.Month), cmp.Compare(a.Day, b.Day))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func hasAnyContains(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// extractProvinces applies DOMAIN.md §3.3: a governed list makes all its
// provinces primary; else the title's; else the tags'; else the body's most
// weighty (venues and office seats weigh little, so a workshop held in
// Bangkok about national strategy has no primary province).
func extractProvinces(fx *Facts, title, body, tags, cats, project field) {
	type fh struct {
		f *field
		h provHit
	}
	var all []fh
	for _, f := range []*field{&title, &body, &tags, &cats, &project} {
		for _, h := range findProvinces(f.t, f.lh) {
			all = append(all, fh{f, h})
		}
		if f.name == "tags" || f.name == "categories" {
			for _, h := range findEnglishProvinces(f.t, f.lh) {
				all = append(all, fh{f, h})
			}
		}
		if f.name == "title" || f.name == "body" {
			for _, h := range findHealthRegions(f.t.s, f.lh, fx.Year) {
				all = append(all, fh{f, h})
			}
			for _, h := range bangkokPlaces(f.t.s, f.lh) {
				all = append(all, fh{f, h})
			}
		}
	}
	// Resolve bare นคร forms from the dominant นคร province.
	score := map[Province]float64{}
	for _, x := range all {
		if !x.h.dominant && !x.h.district && !x.h.sub {
			score[x.h.prov] += x.h.weight
		}
	}
	var dom Province
	for p, sc := range score {
		if strings.HasPrefix(string(p), "นคร") && (dom == "" || sc > score[dom] || sc == score[dom] && p < dom) {
			dom = p
		}
	}
	kept := all[:0]
	for _, x := range all {
		if x.h.dominant {
			if dom == "" {
				continue
			}
			x.h.prov = dom
		}
		kept = append(kept, x)
	}
	all = kept

	primary := map[Province]string{} // province → rule
	for _, x := range all {
		if x.h.list > 0 {
			primary[x.h.prov] = "list of provinces governed by ตัวแทนจาก/เครือข่าย/N จังหวัด"
		}
	}
	if len(primary) == 0 {
		for _, x := range all {
			if x.f.name == "title" && !x.h.venue && !x.h.sub && !x.h.district && x.h.weight >= 1 {
				primary[x.h.prov] = "named in the title"
			}
		}
	}
	for _, meta := range []string{"project", "tags", "categories"} {
		if len(primary) > 0 {
			break
		}
		for _, x := range all {
			if x.f.name == meta && !x.h.sub && !x.h.district && !x.h.venue && x.h.weight >= 1 {
				primary[x.h.prov] = "named in the " + meta
			}
		}
	}
	weights := map[Province]float64{}
	for _, x := range all {
		w := x.h.weight
		if x.f.name == "title" {
			w *= 3
		}
		weights[x.h.prov] += w
	}
	if len(primary) == 0 {
		named := map[Province]float64{}
		for _, x := range all {
			if x.f.name == "body" && !x.h.district && !x.h.sub {
				named[x.h.prov] += x.h.weight
			}
		}
		if len(named) == 0 {
			for _, x := range all {
				if x.f.name == "body" && x.h.district {
					named[x.h.prov] += x.h.weight
				}
			}
		}
		top := 0.0
		for _, w := range named {
			top = max(top, w)
		}
		if top >= 1 {
			for p, w := range named {
				if w >= 0.6*top && w >= 1 {
					primary[p] = "most mentioned in the body"
				}
			}
		}
	}
	// Weak evidence only: the province of an institution (โรงพยาบาลX) or
	// of districts is the subject when it is the only one the text names
	// that way, or when it adds up to a full mention (title districts
	// count twice).
	if len(primary) == 0 {
		weak := map[Province]float64{}
		for _, x := range all {
			if (x.f.name == "body" || x.f.name == "title") && (x.h.inst || x.h.district) && !x.h.venue {
				w := x.h.weight
				if x.f.name == "title" {
					w *= 2
				}
				weak[x.h.prov] += w
			}
		}
		best, bestW, ties := Province(""), 0.0, 0
		for p, w := range weak {
			switch {
			case w > bestW:
				best, bestW, ties = p, w, 1
			case w == bestW:
				ties++
			}
		}
		if ties == 1 && (len(weak) == 1 || bestW >= 1) {
			primary[best] = "the only or main province named through an institution or district"
		}
	}
	order := func(set map[Province]bool) []Province {
		var ps []Province
		for p := range set {
			ps = append(ps, p)
		}
		slices.SortFunc(ps, func(a, b Province) int {
			return cmp.Or(cmp.Compare(weights[b], weights[a]), strings.Compare(isoOf(a), isoOf(b)))
		})
		return ps
	}
	pset, mset := map[Province]bool{}, map[Province]bool{}
	for p := range primary {
		pset[p] = true
	}
	for _, x := range all {
		if !pset[x.h.prov] {
			mset[x.h.prov] = true
		}
	}
	fx.Provinces, fx.MentionedProvinces = order(pset), order(mset)
	for _, x := range all {
		facet, rule := "province_mentioned", x.h.rule
		if pset[x.h.prov] {
			facet = "province"
			if r := primary[x.h.prov]; r != "" {
				rule = r + "; " + rule
			}
		}
		fx.Evidence = append(fx.Evidence, x.f.ev(facet, string(x.h.prov), x.h.start, x.h.end, rule))
	}
}

func isoOf(p Province) string {
	if i, ok := gaz().byName[p]; ok {
		return provinceTable[i].ISO
	}
	return ""
}

// findEnglishProvinces matches English names and variants as whole ASCII
// words, for tags and categories (social chumphon).
func findEnglishProvinces(t ntext, lh *lexHits) []provHit {
	var out []provHit
	ls := t.lower
	names := englishProvNames()
	for _, h := range indexOrder(lh[lexEnglishProv]) {
		if asciiWordAt(ls, h.start, h.end) {
			n := names[h.idx]
			out = append(out, provHit{start: h.start, end: h.end, prov: n.prov, weight: 1, rule: "English name " + n.text})
		}
	}
	return out
}

type englishProvName struct {
	prov Province
	text string // lower case
}

// englishProvNames lists each province's English name, the name without
// spaces and its variants, lower-cased, in table order; names shorter than
// four letters (Nan) are left out.
var englishProvNames = sync.OnceValue(func() []englishProvName {
	var out []englishProvName
	for _, p := range provinceTable {
		for _, n := range append([]string{p.English, strings.ReplaceAll(p.English, " ", "")}, p.EnglishAliases...) {
			if n = strings.ToLower(n); len(n) >= 4 {
				out = append(out, englishProvName{p.Name, n})
			}
		}
	}
	return out
})

// extractTools applies DOMAIN.md §2: tools named in the title are primary
// (except the object of a ถอดบทเรียน/จัดการความรู้ title); otherwise the
// body's most frequent, with any tool at least half as frequent (and named
// three times or more). Bare สมัชชา counts only when the document names a qualified
// health assembly or comes from areahpp.
func extractTools(fx *Facts, site string, fields ...field) {
	type fh struct {
		f *field
		h toolHit
	}
	var all []fh
	qualified := false
	for i := range fields {
		f := &fields[i]
		for _, h := range findTools(f.t, f.lh, fx.Year) {
			all = append(all, fh{f, h})
			if !h.bare && (h.tool == ToolAreaAssembly || h.tool == ToolIssueAssembly || h.tool == ToolNationalAssembly) {
				qualified = true
			}
		}
	}
	kept := all[:0]
	for _, x := range all {
		if x.h.bare && x.h.tool == ToolAreaAssembly && !qualified && site != "areahpp" {
			continue
		}
		kept = append(kept, x)
	}
	all = kept
	score := map[Tool]float64{}
	primary := map[Tool]string{}
	// In a title like "ถอดบทเรียนสิบปีสมัชชาสุขภาพ" the tool after the
	// lesson distillation is its object: the document is a distillation.
	metaAt := -1
	for _, x := range all {
		if x.f.name == "title" && (x.h.tool == ToolLessonDistillation || x.h.tool == ToolKnowledgeManagement) && (metaAt < 0 || x.h.start < metaAt) {
			metaAt = x.h.start
		}
	}
	for _, x := range all {
		w := x.h.weight
		switch x.f.name {
		case "title":
			w *= 3
			if !x.h.bare && (metaAt < 0 || x.h.start <= metaAt) {
				primary[x.h.tool] = "named in the title"
			}
		case "tags", "categories", "project":
			w *= 2
		}
		score[x.h.tool] += w
	}
	// Body ranking: the top tool, and any tool at least half as weighty.
	bodyScore := map[Tool]float64{}
	firstAt := map[Tool]int{}
	for _, x := range all {
		if x.f.name == "body" {
			bodyScore[x.h.tool] += x.h.weight
			if at, ok := firstAt[x.h.tool]; !ok || x.h.start < at {
				firstAt[x.h.tool] = x.h.start
			}
		}
	}
	top := 0.0
	for _, w := range bodyScore {
		top = max(top, w)
	}
	titled := len(primary) > 0
	if !titled && top > 0 {
		var tops []Tool
		for t, w := range bodyScore {
			if w == top {
				tops = append(tops, t)
			}
		}
		// A tie between a core tool and a supporting one goes to the core;
		// between two of a kind, to the one the story names first.
		slices.SortFunc(tops, func(a, b Tool) int {
			return cmp.Or(cmp.Compare(toolCore(b), toolCore(a)), cmp.Compare(firstAt[a], firstAt[b]), cmp.Compare(toolRank(a), toolRank(b)))
		})
		primary[tops[0]] = "most frequent in the body"
	}
	// With a tool in the title (not the object of a ถอดบทเรียน title), a
	// body tool named at least as often as the title's joins it: "นักสาน
	// พลัง... ลงนาม" with two MOUs in the body is about both.
	if titled && metaAt < 0 {
		titleTop := 0.0
		for t := range primary {
			titleTop = max(titleTop, bodyScore[t])
		}
		for t, w := range bodyScore {
			if _, ok := primary[t]; !ok && w >= 2 && w >= titleTop {
				primary[t] = "as frequent in the body as the title's tool"
			}
		}
	}
	// Without a title tool, other frequent tools join the top one.
	if !titled {
		for t, w := range bodyScore {
			if _, ok := primary[t]; !ok && w >= 0.5*top && w >= 3 {
				primary[t] = "frequent in the body"
			}
		}
	}
	// Parents follow children (in taxonomy order, so the rule text is
	// deterministic when both chia and ehia are primary).
	children := slices.SortedFunc(maps.Keys(primary), func(a, b Tool) int { return cmp.Compare(toolRank(a), toolRank(b)) })
	for _, t := range children {
		if ti, ok := t.Info(); ok && ti.Parent != "" {
			if _, ok := primary[ti.Parent]; !ok {
				primary[ti.Parent] = "parent of " + string(t)
			}
		}
	}
	mset := map[Tool]bool{}
	for _, x := range all {
		if _, ok := primary[x.h.tool]; !ok {
			mset[x.h.tool] = true
			if ti, ok := x.h.tool.Info(); ok && ti.Parent != "" {
				if _, ok := primary[ti.Parent]; !ok {
					mset[ti.Parent] = true
				}
			}
		}
	}
	order := func(ts []Tool) []Tool {
		slices.SortFunc(ts, func(a, b Tool) int {
			return cmp.Or(cmp.Compare(score[b], score[a]), cmp.Compare(toolRank(a), toolRank(b)))
		})
		return ts
	}
	for t := range primary {
		fx.Tools = append(fx.Tools, t)
	}
	for t := range mset {
		fx.MentionedTools = append(fx.MentionedTools, t)
	}
	fx.Tools, fx.MentionedTools = order(fx.Tools), order(fx.MentionedTools)
	levels := map[string]float64{}
	for _, x := range all {
		if x.h.level == "" {
			continue
		}
		w := x.h.weight
		if x.f.name == "title" {
			w *= 3
		}
		levels[x.h.level] += w
		fx.Evidence = append(fx.Evidence, x.f.ev("assembly_level", x.h.level, x.h.start, x.h.end, "assembly form "+x.f.t.s[x.h.start:x.h.end]+" and its qualifier"))
	}
	fx.AssemblyLevels = slices.SortedFunc(maps.Keys(levels), func(a, b string) int {
		return cmp.Or(cmp.Compare(levels[b], levels[a]), strings.Compare(a, b))
	})
	for _, x := range all {
		facet, rule := "tool_mentioned", x.h.rule
		if r, ok := primary[x.h.tool]; ok {
			facet, rule = "tool", r+"; "+rule
		}
		fx.Evidence = append(fx.Evidence, x.f.ev(facet, string(x.h.tool), x.h.start, x.h.end, rule))
	}
}

// toolCore is 1 for the core tools of the Act
// (assemblies, HIA, charters, the local health fund) rather than a
// supporting method.
func toolCore(t Tool) int {
	if ti, ok := t.Info(); ok && (ti.Family == "assembly" || ti.Family == "hia" || ti.Family == "charter" || t == ToolLocalHealthFund) {
		return 1
	}
	return 0
}

// toolRank orders tools as the taxonomy lists them (core tools first).
func toolRank(t Tool) int {
	for i, ti := range toolTable {
		if ti.ID == t {
			return i
		}
	}
	return len(toolTable)
}

func extractOrgs(fx *Facts, fields ...field) {
	seen := map[string]bool{}
	for _, f := range fields {
		for _, h := range findOrgs(f.t.s, f.lh) {
			if !seen[h.id] {
				seen[h.id] = true
				fx.Orgs = append(fx.Orgs, h.id)
			}
			fx.Evidence = append(fx.Evidence, f.ev("org", h.id, h.start, h.end, h.rule))
		}
	}
}
