package facet

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// OrgInfo is an organisation or mechanism by its canonical acronym.
type OrgInfo struct {
	// ID is the canonical acronym with its final dot, e.g. "สช.".
	ID            string
	Thai, English string
	// Variants are other long names and spellings seen (typos included).
	Variants []string
}

var orgTable = []OrgInfo{
	{"สช.", "สำนักงานคณะกรรมการสุขภาพแห่งชาติ", "National Health Commission Office (NHCO)", []string{"สำนักงานสุขภาพแห่งชาติ", "NHCO"}},
	{"คสช.", "คณะกรรมการสุขภาพแห่งชาติ", "National Health Commission", nil},
	{"สสส.", "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ", "Thai Health Promotion Foundation (ThaiHealth)", []string{"สำนักงานกองทุนสร้างเสริมสุขภาพ", "ThaiHealth"}},
	{"สปสช.", "สำนักงานหลักประกันสุขภาพแห่งชาติ", "National Health Security Office (NHSO)", []string{"NHSO"}},
	{"พอช.", "สถาบันพัฒนาองค์กรชุมชน", "Community Organizations Development Institute (CODI)", []string{"CODI"}},
	{"สวรส.", "สถาบันวิจัยระบบสาธารณสุข", "Health Systems Research Institute (HSRI)", []string{"HSRI"}},
	{"สกว.", "สำนักงานกองทุนสนับสนุนการวิจัย", "Thailand Research Fund (TRF)", nil},
	{"สจรส.", "สถาบันการจัดการระบบสุขภาพ", "Health Systems Management Institute (PSU)", nil},
	{"สนส.", "สถาบันนโยบายสาธารณะ มหาวิทยาลัยสงขลานครินทร์", "Institute of Public Policy, Prince of Songkla University", []string{"สถาบันนโยบายสาธารณะ"}},
	{"สปพ.", "สำนักสนับสนุนการปฏิบัติงานพื้นที่", "NHCO area-support bureau", []string{"สำนักสนับสนุนการปฏิบัติงานระดับพื้นที่", "สำนักสนับสนุนพื้นที่"}},
	{"สสจ.", "สำนักงานสาธารณสุขจังหวัด", "Provincial Health Office", nil},
	{"สสอ.", "สำนักงานสาธารณสุขอำเภอ", "District Health Office", nil},
	{"สธ.", "กระทรวงสาธารณสุข", "Ministry of Public Health", []string{"MOPH"}},
	{"พม.", "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์", "Ministry of Social Development and Human Security", nil},
	{"อปท.", "องค์กรปกครองส่วนท้องถิ่น", "local government organisation", []string{"องค์กรปกครองส่วนท้องถิ่น", "องค์การปกครองส่วนท้องถิ่น", "องค์กรปกรองส่วนท้องถิ่น"}},
	{"อบต.", "องค์การบริหารส่วนตำบล", "Subdistrict Administrative Organisation", nil},
	{"อบจ.", "องค์การบริหารส่วนจังหวัด", "Provincial Administrative Organisation", nil},
	{"กศน.", "สำนักงานส่งเสริมการศึกษานอกระบบและการศึกษาตามอัธยาศัย", "Office of Non-Formal and Informal Education", []string{"การศึกษานอกระบบและการศึกษาตามอัธยาศัย"}},
	{"กขป.", "คณะกรรมการเขตสุขภาพเพื่อประชาชน", "Health Region Committee for the People", nil},
	{"พชอ.", "คณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอ", "District Quality-of-Life Committee", nil},
	{"รพ.สต.", "โรงพยาบาลส่งเสริมสุขภาพตำบล", "Subdistrict Health Promoting Hospital", nil},
	{"สพม.", "สภาพัฒนาการเมือง", "Political Development Council", []string{"สภาพัฒนากรเมือง"}},
	{"เทศบาล", "เทศบาล", "municipality (local government)", []string{"เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร"}},
	{"กทม.", "กรุงเทพมหานคร (ราชการส่วนท้องถิ่น)", "Bangkok Metropolitan Administration (BMA)", []string{"BMA", "ผู้ว่าราชการกรุงเทพมหานคร", "ผู้ว่าฯ กทม.", "ผู้ว่า กทม.", "สภากรุงเทพมหานคร", "สภา กทม.", "สำนักอนามัย กรุงเทพมหานคร", "สำนักอนามัยกรุงเทพมหานคร", "สำนักอนามัย กทม.", "ศูนย์บริการสาธารณสุข กทม.", "ศูนย์บริการสาธารณสุขกรุงเทพมหานคร"}},
}

// nameOnly are organisations found through their names only, never their
// short form: เทศบาล has no acronym of its own (ทต./ทม./ทน. collide with
// words), and กทม. in running text is nearly always the place, which the
// province facet already carries; the administration (BMA) is recognised
// by its organisational names (สำนักอนามัย กทม., ผู้ว่าฯ กทม., สภา กทม.).
var nameOnly = map[string]bool{"เทศบาล": true, "กทม.": true}

// Orgs returns the organisation dictionary. The result is a copy.
func Orgs() []OrgInfo {
	out := slices.Clone(orgTable)
	for i := range out {
		out[i].Variants = slices.Clone(out[i].Variants)
	}
	return out
}

var orgLookup = sync.OnceValue(func() map[string]int {
	m := map[string]int{}
	for i, o := range orgTable {
		for _, k := range append([]string{o.ID, o.Thai, o.English}, o.Variants...) {
			m[lookupKey(k)] = i
		}
	}
	return m
})

// LookupOrg resolves an acronym with or without dots (สช, ส.ช., สช.), a long
// name or a listed variant.
func LookupOrg(s string) (OrgInfo, bool) {
	i, ok := orgLookup()[lookupKey(s)]
	if !ok {
		return OrgInfo{}, false
	}
	return Orgs()[i], true
}

type orgMatcher struct {
	// acrRank is each orgTable row's place in the acronym alternation
	// (longest pattern first): at one position, the first alternative
	// that matches wins, as in the regexp this matcher replaced.
	acrRank []int
	ids     map[string]string // acronym letters (no dots) → ID
	names   []orgName         // long names, longest first
}

type orgName struct {
	name  []rune
	text  string
	id    string
	fuzzy bool
}

var orgMatch = sync.OnceValue(func() *orgMatcher {
	m := &orgMatcher{ids: map[string]string{}}
	var alts []string
	for _, o := range orgTable {
		letters := strings.ReplaceAll(o.ID, ".", "")
		if !nameOnly[o.ID] {
			m.ids[letters] = o.ID
		}
		var parts []string
		for _, r := range letters {
			parts = append(parts, regexp.QuoteMeta(string(r)))
		}
		alts = append(alts, strings.Join(parts, `\.?`)+`\.?`)
		for _, n := range append([]string{o.Thai}, o.Variants...) {
			if !strings.ContainsFunc(n, func(r rune) bool { return r > 0x7f }) {
				continue
			}
			m.names = append(m.names, orgName{name: []rune(n), text: n, id: o.ID, fuzzy: utf8.RuneCountInString(n) >= 14})
		}
	}
	order := make([]int, len(alts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(alts[b]), len(alts[a])) })
	m.acrRank = make([]int, len(alts))
	for rank, i := range order {
		m.acrRank[i] = rank
	}
	slices.SortStableFunc(m.names, func(a, b orgName) int { return len(b.text) - len(a.text) })
	return m
})

type orgHit struct {
	start, end int
	id, rule   string
}

// findOrgs returns organisation mentions in normalised text s, whose
// lexicon hits are lh: acronyms (dots optional, longest first so สปสช. is
// not read as สช.) and long names, the long ones with one typo tolerated.
func findOrgs(s string, lh *lexHits) []orgHit {
	m := orgMatch()
	var hits []orgHit
	used := newSpanSet(len(s))
	addHit := func(h orgHit) {
		hits = append(hits, h)
		used.mark(h.start, h.end)
	}
	// Per name: exact occurrences, then one-typo ones.
	exact := indexOrder(lh[lexOrgName])
	pres, sufs := indexOrder(lh[lexOrgPre]), indexOrder(lh[lexOrgSuf])
	for i, n := range m.names {
		for len(exact) > 0 && int(exact[0].idx) < i {
			exact = exact[1:]
		}
		for ; len(exact) > 0 && int(exact[0].idx) == i; exact = exact[1:] {
			if x := exact[0]; !used.taken(x.start, x.end) {
				addHit(orgHit{x.start, x.end, n.id, "long name"})
			}
		}
		if !n.fuzzy {
			continue
		}
		var pre, suf []int
		for ; len(pres) > 0 && int(pres[0].idx) <= i; pres = pres[1:] {
			if int(pres[0].idx) == i {
				pre = append(pre, pres[0].start)
			}
		}
		for ; len(sufs) > 0 && int(sufs[0].idx) <= i; sufs = sufs[1:] {
			if int(sufs[0].idx) == i {
				suf = append(suf, sufs[0].end)
			}
		}
		for _, h := range fuzzyFind(s, n.name, n.text, pre, suf) {
			if !used.taken(h[0], h[1]) {
				addHit(orgHit{h[0], h[1], n.id, "long name, one typo"})
			}
		}
	}
	// Acronyms, as the alternation of the acronym regexp would match them:
	// leftmost, then the first alternative, then every dot it can take.
	acr := lh[lexOrgAcr]
	p := 0
	for k := 0; k < len(acr); {
		st := acr[k].start
		j := k
		best := -1
		for ; j < len(acr) && acr[j].start == st; j++ {
			x := acr[j]
			if best < 0 || m.acrRank[x.idx] < m.acrRank[acr[best].idx] || x.idx == acr[best].idx && x.end > acr[best].end {
				best = j
			}
		}
		k = j
		if st < p {
			continue
		}
		en := acr[best].end
		p = en
		if used.taken(st, en) {
			continue
		}
		surface := s[st:en]
		letters := strings.ReplaceAll(surface, ".", "")
		id, ok := m.ids[letters]
		if !ok {
			continue
		}
		dotted := strings.HasSuffix(surface, ".")
		prev, next := runeBefore(s, st), runeAfter(s, en)
		// Without a final dot an acronym must stand alone; with it, it may
		// follow Thai text (authors glue "พื้นที่สช.") but not a combining
		// mark's syllable of another acronym.
		if !dotted && (isThaiLetter(prev) || isThaiLetter(next)) {
			continue
		}
		if dotted && (isThaiCombining(next) || isThaiLeadingVowel(prev)) {
			continue
		}
		if isThaiLetter(prev) && !isThaiCombining(prev) && !dotted {
			continue
		}
		if isThaiCombining(next) {
			continue
		}
		hits = append(hits, orgHit{st, en, id, "acronym"})
	}
	slices.SortFunc(hits, func(a, b orgHit) int { return a.start - b.start })
	return hits
}

// fuzzyFind returns the spans of s within edit distance 1 of name, anchored
// on name's first or last four runes (one typo cannot hit both): pre are
// the starts of the first four runes' occurrences, suf the ends of the last
// four's, both in text order.
func fuzzyFind(s string, name []rune, nm string, pre, suf []int) [][2]int {
	if len(name) < 8 {
		return nil
	}
	var out [][2]int
	seen := map[int]bool{}
	try := func(st int) {
		if seen[st] {
			return
		}
		seen[st] = true
		// Compare name against s[st:] allowing one edit.
		end, ok := within1(s[st:], name, nm)
		if ok {
			out = append(out, [2]int{st, st + end})
		}
	}
	for _, st := range pre {
		try(st)
	}
	for _, endAt := range suf {
		// Walk back len(name)±1 runes to candidate starts.
		var at [3]int
		found := 0
		st := endAt
		for c := 1; c <= len(name)+1 && st > 0; c++ {
			_, sz := utf8.DecodeLastRuneInString(s[:st])
			st -= sz
			if c >= len(name)-1 {
				at[found] = st
				found++
			}
		}
		for _, st := range at[:found] {
			try(st)
		}
	}
	return out
}

// within1 reports whether a prefix of s equals name (whose text is nm)
// with at most one edit, returning the prefix's byte length. Exact matches
// are left to the exact search (ok is false for them).
func within1(s string, name []rune, nm string) (int, bool) {
	ti, ni := 0, 0 // byte offsets in s and in nm, the name's text
	for i := 0; i < len(name); i++ {
		if ti >= len(s) {
			return 0, false
		}
		r, sz := utf8.DecodeRuneInString(s[ti:])
		if r == name[i] {
			ti, ni = ti+sz, ni+utf8.RuneLen(name[i])
			continue
		}
		next := ni + utf8.RuneLen(name[i])
		switch {
		case strings.HasPrefix(s[ti+sz:], nm[next:]): // substitution
			return ti + sz + len(nm) - next, true
		case strings.HasPrefix(s[ti+sz:], nm[ni:]): // insertion in s
			return ti + sz + len(nm) - ni, true
		case strings.HasPrefix(s[ti:], nm[next:]): // deletion from s
			return ti + len(nm) - next, true
		}
		return 0, false
	}
	return 0, false
}
