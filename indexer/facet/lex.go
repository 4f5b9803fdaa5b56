package facet

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// lexKind says what a pattern of the lexicon stands for.
type lexKind uint8

const (
	lexProv         lexKind = iota // a province form; idx into provForms()
	lexSubRegion                   // a sub-region name; idx into subRegionNames()
	lexEnglishProv                 // an English province name; idx into englishProvNames()
	lexAssembly                    // สมัชชา
	lexCharter                     // ธรรมนูญ
	lexToolRule                    // a start literal of toolRules()[idx]
	lexToolPhrase                  // asciiToolPhrases[idx]
	lexOrgName                     // orgMatch().names[idx]
	lexOrgPre                      // first four runes of orgMatch().names[idx]
	lexOrgSuf                      // last four runes of orgMatch().names[idx]
	lexOrgAcr                      // a dot variant of the acronym of orgTable[idx]
	lexMonth                       // a month form: anchors the month regexp
	lexYearWord                    // ปี / พ.ศ. / ค.ศ.: anchors the year regexp
	lexHealthRegion                // เขตสุขภาพ / กขป: anchors healthRegionRE
	lexBangkok                     // แขวง / สำนักงานเขต: a Bangkok district follows
	numLexKinds
)

type lexEntry struct {
	kind lexKind
	idx  int32
}

// lexicon is every literal the extractors look for, in one Aho–Corasick
// automaton, so a field is scanned once whatever the size of the tables.
type lexicon struct {
	ac      *acMatcher
	entries [][]lexEntry // by pattern id
	// selfOverlap marks patterns that can overlap themselves (a proper
	// prefix is also a suffix): strings.Index loops skip such overlaps.
	selfOverlap []bool
}

// lexHit is one occurrence of a lexicon pattern in a field's lower-cased
// normalised text.
type lexHit struct {
	idx        int32
	pat        int32
	start, end int
}

// lexHits are a field's occurrences by kind, each sorted by start.
type lexHits [numLexKinds][]lexHit

var lex = sync.OnceValue(func() *lexicon {
	var pats []string
	ids := map[string]int{}
	var entries [][]lexEntry
	add := func(p string, k lexKind, idx int) {
		if p == "" {
			return
		}
		id, ok := ids[p]
		if !ok {
			id = len(pats)
			ids[p] = id
			pats = append(pats, p)
			entries = append(entries, nil)
		}
		entries[id] = append(entries[id], lexEntry{k, int32(idx)})
	}
	for i, f := range provForms() {
		add(f.text, lexProv, i)
	}
	for i, n := range subRegionNames() {
		add(n.name, lexSubRegion, i)
	}
	for i, n := range englishProvNames() {
		add(n.text, lexEnglishProv, i)
	}
	add("สมัชชา", lexAssembly, 0)
	add("ธรรมนูญ", lexCharter, 0)
	for i, tr := range toolRules() {
		for _, st := range tr.starts {
			add(st, lexToolRule, i)
		}
	}
	for i, p := range asciiToolPhrases {
		add(p.phrase, lexToolPhrase, i)
	}
	om := orgMatch()
	for i, n := range om.names {
		add(n.text, lexOrgName, i)
		if n.fuzzy && len(n.name) >= 8 {
			add(string(n.name[:4]), lexOrgPre, i)
			add(string(n.name[len(n.name)-4:]), lexOrgSuf, i)
		}
	}
	for i, o := range orgTable {
		if nameOnly[o.ID] {
			continue
		}
		for _, v := range dotVariants(strings.ReplaceAll(o.ID, ".", "")) {
			add(v, lexOrgAcr, i)
		}
	}
	for _, mf := range monthForms {
		for _, f := range mf.forms {
			add(f, lexMonth, mf.m)
		}
		for _, a := range mf.abbr {
			parts := strings.Split(a, ".")
			for _, v := range sepVariants(parts[0], parts[1]) {
				add(v, lexMonth, mf.m)
			}
		}
	}
	add("แขวง", lexBangkok, 0)
	add("สำนักงานเขต", lexBangkok, 0)
	add("เขตสุขภาพ", lexHealthRegion, 0)
	add("กขป", lexHealthRegion, 0)
	add("ปี", lexYearWord, 0)
	for _, v := range sepVariants("พ", "ศ") {
		add(v, lexYearWord, 0)
	}
	for _, v := range sepVariants("ค", "ศ") {
		add(v, lexYearWord, 0)
	}
	l := &lexicon{ac: newACMatcher(pats), entries: entries, selfOverlap: make([]bool, len(pats))}
	for i, p := range pats {
		for k := 1; k < len(p); k++ {
			if strings.HasPrefix(p, p[k:]) {
				l.selfOverlap[i] = true
				break
			}
		}
	}
	return l
})

// reWhite are the characters RE2's \s matches.
var reWhite = []string{" ", "\t", "\n", "\f", "\r"}

// sepVariants returns the surfaces of a\.?\s?b: the start literals of an
// abbreviation whose dots and one space are optional.
func sepVariants(a, b string) []string {
	var out []string
	for _, dot := range []string{"", "."} {
		out = append(out, a+dot+b)
		for _, w := range reWhite {
			out = append(out, a+dot+w+b)
		}
	}
	return out
}

// dotVariants returns letters with an optional dot after each rune, as the
// acronym regexp of orgs allows.
func dotVariants(letters string) []string {
	out := []string{""}
	for _, r := range letters {
		var next []string
		for _, v := range out {
			next = append(next, v+string(r), v+string(r)+".")
		}
		out = next
	}
	return out
}

// scanLex finds every lexicon pattern in s (a field's lower-cased
// normalised text) in one pass.
func scanLex(s string) *lexHits {
	l := lex()
	var h lexHits
	l.ac.scan(s, func(id, start, end int) {
		for _, e := range l.entries[id] {
			h[e.kind] = append(h[e.kind], lexHit{idx: e.idx, pat: int32(id), start: start, end: end})
		}
	})
	for k := range h {
		slices.SortStableFunc(h[k], func(a, b lexHit) int { return cmp.Compare(a.start, b.start) })
	}
	return &h
}

// indexOrder returns hits as a strings.Index loop per pattern would find
// them: grouped by idx (ascending), each group in text order and without
// a pattern's occurrences that overlap its previous one.
func indexOrder(hs []lexHit) []lexHit {
	l := lex()
	out := slices.Clone(hs)
	slices.SortStableFunc(out, func(a, b lexHit) int { return cmp.Compare(a.idx, b.idx) })
	kept := out[:0]
	var lastEnd map[int32]int
	for _, h := range out {
		if l.selfOverlap[h.pat] {
			if lastEnd == nil {
				lastEnd = map[int32]int{}
			}
			if e, ok := lastEnd[h.pat]; ok && h.start < e {
				continue
			}
			lastEnd[h.pat] = h.end
		}
		kept = append(kept, h)
	}
	return kept
}

// span is a taken byte range tracker: marking and testing cost the length
// of the range, so overlap resolution is linear in the text.
type spanSet []bool

func newSpanSet(n int) spanSet { return make(spanSet, n) }

func (s spanSet) taken(i, j int) bool {
	return slices.Contains(s[i:j], true)
}

func (s spanSet) mark(i, j int) {
	for k := i; k < j; k++ {
		s[k] = true
	}
}

// findAllAnchored returns what re.FindAllStringIndex(s, -1) returns, trying
// re (anchored: anc) only at candidate starts, which must include every
// start of a match, sorted ascending.
func findAllAnchored(anc *regexp.Regexp, s string, starts []int) [][]int {
	var out [][]int
	p := 0
	last := -1
	for _, c := range starts {
		if c < p || c == last {
			continue
		}
		last = c
		if loc := anc.FindStringIndex(s[c:]); loc != nil {
			out = append(out, []int{c, c + loc[1]})
			p = c + loc[1]
		}
	}
	return out
}

// anchored compiles ^(?:pat).
func anchored(pat string) *regexp.Regexp { return regexp.MustCompile(`^(?:` + pat + `)`) }

// isRuneStart reports whether s[i] starts a rune.
func isRuneStart(s string, i int) bool { return i >= len(s) || utf8.RuneStart(s[i]) }
