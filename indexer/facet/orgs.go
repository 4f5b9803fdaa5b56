package facet

import (
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
}

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
	acr   *regexp.Regexp
	ids   map[string]string // acronym letters (no dots) → ID
	names []orgName         // long names, longest first
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
		m.ids[letters] = o.ID
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
	sortByLenDesc(alts)
	m.acr = regexp.MustCompile(strings.Join(alts, "|"))
	slices.SortStableFunc(m.names, func(a, b orgName) int { return len(b.text) - len(a.text) })
	return m
})

type orgHit struct {
	start, end int
	id, rule   string
}

// findOrgs returns organisation mentions in normalised text s: acronyms
// (dots optional, longest first so สปสช. is not read as สช.) and long names,
// the long ones with one typo tolerated.
func findOrgs(s string) []orgHit {
	m := orgMatch()
	var hits []orgHit
	taken := func(i, j int) bool {
		for _, h := range hits {
			if i < h.end && j > h.start {
				return true
			}
		}
		return false
	}
	for _, n := range m.names {
		for i := 0; ; {
			k := strings.Index(s[i:], n.text)
			if k < 0 {
				break
			}
			st := i + k
			i = st + len(n.text)
			if !taken(st, i) {
				hits = append(hits, orgHit{st, i, n.id, "long name"})
			}
		}
		if n.fuzzy {
			for _, h := range fuzzyFind(s, n.name) {
				if !taken(h[0], h[1]) {
					hits = append(hits, orgHit{h[0], h[1], n.id, "long name, one typo"})
				}
			}
		}
	}
	for _, loc := range m.acr.FindAllStringIndex(s, -1) {
		st, en := loc[0], loc[1]
		if taken(st, en) {
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
// on name's first or last four runes (one typo cannot hit both).
func fuzzyFind(s string, name []rune) [][2]int {
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
		end, ok := within1(s[st:], name)
		if ok {
			out = append(out, [2]int{st, st + end})
		}
	}
	pre, suf := string(name[:4]), string(name[len(name)-4:])
	for i := 0; ; {
		k := strings.Index(s[i:], pre)
		if k < 0 {
			break
		}
		try(i + k)
		i += k + len(pre)
	}
	for i := 0; ; {
		k := strings.Index(s[i:], suf)
		if k < 0 {
			break
		}
		endAt := i + k + len(suf)
		// Walk back len(name)±1 runes to candidate starts.
		for _, n := range []int{len(name) - 1, len(name), len(name) + 1} {
			st := endAt
			okStart := true
			for c := 0; c < n; c++ {
				if st == 0 {
					okStart = false
					break
				}
				_, sz := utf8.DecodeLastRuneInString(s[:st])
				st -= sz
			}
			if okStart {
				try(st)
			}
		}
		i = endAt
	}
	return out
}

// within1 reports whether a prefix of s equals name with at most one edit,
// returning the prefix's byte length. Exact matches are left to the exact
// search (ok is false for them).
func within1(s string, name []rune) (int, bool) {
	text := make([]rune, 0, len(name)+1)
	for _, r := range s {
		text = append(text, r)
		if len(text) > len(name) {
			break
		}
	}
	eq := func(a, b []rune) bool { return slices.Equal(a, b) }
	n := len(name)
	byteLen := func(k int) int { return len(string(text[:k])) }
	if len(text) >= n && eq(text[:n], name) {
		return 0, false
	}
	for i := 0; i < n && i < len(text); i++ {
		if text[i] == name[i] {
			continue
		}
		// substitution
		if len(text) >= n && eq(text[i+1:n], name[i+1:]) {
			return byteLen(n), true
		}
		// insertion in text
		if len(text) >= n+1 && eq(text[i+1:n+1], name[i:]) {
			return byteLen(n + 1), true
		}
		// deletion from text
		if len(text) >= n-1 && eq(text[i:n-1], name[i+1:]) {
			return byteLen(n - 1), true
		}
		return 0, false
	}
	return 0, false
}
