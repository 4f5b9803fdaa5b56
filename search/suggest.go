package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"

	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/indexer/facet"
	"github.com/botrian/botrian/indexer/thai"
)

// Suggestion is one completion of a typed prefix.
type Suggestion struct {
	// Text is the whole completed query text.
	Text string `json:"text"`
	// Facet is set when the suggestion is a facet value (Value, a filter
	// value); empty for a word of the index.
	Facet indexer.Facet `json:"facet,omitempty"`
	Value string        `json:"value,omitempty"`
	// Label and LabelEN name a facet value.
	Label   string `json:"label,omitempty"`
	LabelEN string `json:"label_en,omitempty"`
	// Count is the number of documents with the word or value.
	Count int `json:"count"`
}

// Suggest completes prefix (what the user has typed so far) from facet
// values (provinces, tools, organisations whose Thai or English names start
// with the last word) and from the index's words, most frequent first. At
// most size suggestions are returned (size 1-100).
func (s *Searcher) Suggest(ctx context.Context, prefix string, size int) ([]Suggestion, error) {
	if size < 1 || size > MaxSize {
		return nil, &ParamError{"size", fmt.Sprint(size), fmt.Sprintf("must be 1 to %d", MaxSize)}
	}
	p := thai.Normalize(prefix)
	if strings.TrimSpace(p) == "" {
		return []Suggestion{}, nil
	}
	counts, err := s.valueCounts(ctx)
	if err != nil {
		return nil, err
	}
	var out []Suggestion
	seen := map[string]bool{}
	add := func(sg Suggestion) {
		if !seen[sg.Text] && len(out) < 4*size {
			seen[sg.Text] = true
			out = append(out, sg)
		}
	}
	// Facet values complete the last space-separated word.
	head, last := "", p
	if i := strings.LastIndexByte(strings.TrimRight(p, " "), ' '); i >= 0 {
		head, last = p[:i+1], p[i+1:]
	}
	last = strings.TrimSpace(last)
	if last != "" {
		lower := strings.ToLower(last)
		// match returns the first of names that the last word begins.
		match := func(names ...string) (string, bool) {
			for _, n := range names {
				if n != "" && strings.HasPrefix(strings.ToLower(n), lower) {
					return n, true
				}
			}
			return "", false
		}
		for _, pr := range facet.Provinces() {
			if _, ok := match(append([]string{string(pr.Name), pr.English}, pr.Aliases...)...); ok {
				v := string(pr.Name)
				add(Suggestion{Text: head + v, Facet: indexer.FacetProvince, Value: v, Label: v, LabelEN: pr.English, Count: counts[indexer.FacetProvince][v]})
			}
		}
		for _, t := range facet.Tools() {
			if name, ok := match(append([]string{t.Thai, t.English, string(t.ID)}, t.Aliases...)...); ok {
				if isLatin(name) && !isLatin(last) || string(t.ID) == name {
					name = t.Thai
				}
				add(Suggestion{Text: head + name, Facet: indexer.FacetTool, Value: string(t.ID), Label: t.Thai, LabelEN: t.English, Count: counts[indexer.FacetTool][string(t.ID)]})
			}
		}
		for _, o := range facet.Orgs() {
			if _, ok := match(append([]string{o.ID, o.Thai, o.English}, o.Variants...)...); ok {
				add(Suggestion{Text: head + o.ID, Facet: indexer.FacetOrg, Value: o.ID, Label: o.Thai, LabelEN: o.English, Count: counts[indexer.FacetOrg][o.ID]})
			}
		}
	}
	// Index words complete the longest tail of the prefix that starts some
	// indexed word.
	words, cut := s.completeWord(p)
	for _, w := range words {
		add(Suggestion{Text: p[:cut] + w.term, Count: int(w.count)})
	}
	slices.SortStableFunc(out, func(a, b Suggestion) int {
		// Facet values the index holds first, then by count.
		ah, bh := a.Facet != "" && a.Count > 0, b.Facet != "" && b.Count > 0
		if ah != bh {
			if ah {
				return -1
			}
			return 1
		}
		return b.Count - a.Count
	})
	var kept []Suggestion
	for _, sg := range out {
		if sg.Facet != "" && sg.Count == 0 {
			continue
		}
		kept = append(kept, sg)
	}
	if len(kept) > size {
		kept = kept[:size]
	}
	return nonNil(kept), nil
}

type termFreq struct {
	term  string
	count uint64
}

// completeWord finds indexed words that complete a tail of p, trying the
// longest tail (from a word boundary) first. It returns them, most
// frequent first, and the byte offset where the completed tail starts.
func (s *Searcher) completeWord(p string) ([]termFreq, int) {
	trimmed := strings.TrimRight(p, " ")
	if trimmed != p {
		return nil, 0 // a finished word: nothing to complete
	}
	var starts []int
	for _, t := range thai.Default().Segment(p) {
		if t.Kind.Indexable() {
			starts = append(starts, t.Start)
		}
	}
	for _, st := range starts {
		tail := thai.Normalize(p[st:])
		if utf8.RuneCountInString(tail) < 1 || strings.ContainsRune(tail, ' ') {
			continue
		}
		d, err := s.idx.FieldDictPrefix("_all", []byte(tail))
		if err != nil {
			return nil, 0
		}
		var got []termFreq
		for e, err := d.Next(); err == nil && e != nil; e, err = d.Next() {
			got = append(got, termFreq{e.Term, e.Count})
		}
		d.Close()
		if len(got) == 0 {
			continue
		}
		slices.SortStableFunc(got, func(a, b termFreq) int {
			if a.count != b.count {
				if a.count > b.count {
					return -1
				}
				return 1
			}
			return strings.Compare(a.term, b.term)
		})
		return got, st
	}
	return nil, 0
}

// valueCounts returns the document count of every value of the province,
// tool and org facets over the whole index (cached per generation).
func (s *Searcher) valueCounts(ctx context.Context) (counts, error) {
	key := s.idx.Generation + "\x00suggest"
	if c, ok := s.cache.get(key); ok {
		return c, nil
	}
	r := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	for _, sp := range indexer.FacetSpecs() {
		switch sp.Facet {
		case indexer.FacetProvince, indexer.FacetTool, indexer.FacetOrg:
			r.AddFacet(string(sp.Facet), bleve.NewFacetRequest(sp.Field, sp.Size))
		}
	}
	res, err := s.idx.SearchInContext(ctx, r)
	if err != nil {
		return nil, fmt.Errorf("count facet values: %w", err)
	}
	c := counts{}
	for name, fr := range res.Facets {
		m := map[string]int{}
		if fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				m[t.Term] = t.Count
			}
		}
		c[indexer.Facet(name)] = m
	}
	s.cache.put(key, c)
	return c, nil
}

// didYouMean respells the words of the query the index does not know (or
// barely knows) with the most frequent indexed word one or two edits away,
// and returns the respelled query if it finds more documents than total.
func (s *Searcher) didYouMean(ctx context.Context, req Request, pq Query, total uint64) string {
	q := thai.Normalize(req.Query)
	changed := false
	for _, c := range pq.Clauses {
		if c.Exclude || c.Kind != Words {
			continue
		}
		text := s.respell(c.Text)
		if text != c.Text && strings.Contains(q, c.Text) {
			q = strings.Replace(q, c.Text, text, 1)
			changed = true
		}
	}
	if !changed {
		return ""
	}
	alt := req
	alt.Query, alt.Page, alt.Size = q, 1, 1
	pq2 := ParseQuery(q)
	r := bleve.NewSearchRequestOptions(withFilters(s.build(pq2).q, filterQueries(req.Filters), ""), 0, 0, false)
	res, err := s.idx.SearchInContext(ctx, r)
	if err != nil || res.Total <= total {
		return ""
	}
	return q
}

// respell replaces the words of text the index does not know. A misspelt
// Thai word is often cut into a known piece and an unknown rest
// (ปลอดภับ → ปลอด|ภับ), so an unknown word is also tried joined with its
// neighbours; the longest respellable join wins.
func (s *Searcher) respell(text string) string {
	ws := s.analyze(text)
	for i := 0; i < len(ws); i++ {
		if s.termCount(ws[i].term) > 0 {
			continue
		}
		done := false
		for _, span := range [][2]int{{i - 1, i + 1}, {i - 1, i}, {i, i + 1}, {i, i}} {
			lo, hi := span[0], span[1]
			if lo < 0 || hi >= len(ws) {
				continue
			}
			var joined string
			for _, w := range ws[lo : hi+1] {
				joined += w.term
			}
			if !strings.Contains(text, joined) {
				continue
			}
			if alt, ok := s.closest(joined); ok {
				text = strings.Replace(text, joined, alt, 1)
				done = true
				break
			}
		}
		if done {
			i++
		}
	}
	return text
}

// closest returns the most frequent indexed word within one edit (two for
// Latin words of eight letters or more) of term. Terms under four runes
// are never respelled.
func (s *Searcher) closest(term string) (string, bool) {
	n := utf8.RuneCountInString(term)
	if n < 4 {
		return "", false
	}
	fuzz := 1
	if isLatin(term) && n >= 8 || !isLatin(term) && n >= 8 {
		fuzz = 2
	}
	// Candidates share the first letter (typos there are rare, and it keeps
	// the scan to a slice of the vocabulary; not every bleve index type
	// offers a fuzzy dictionary).
	if isLatin(term) {
		// The corpus is Thai: English words a user types are mostly names
		// of provinces and tools, which the query understands through
		// aliases, not through the index vocabulary.
		if alt, ok := closestEnglish(term, fuzz); ok {
			return alt, true
		}
	}
	_, w := utf8.DecodeRuneInString(term)
	d, err := s.idx.FieldDictPrefix("_all", []byte(term[:w]))
	if err != nil {
		return "", false
	}
	defer d.Close()
	tr := []rune(term)
	best, bestN := "", uint64(0)
	for e, err := d.Next(); err == nil && e != nil; e, err = d.Next() {
		if e.Term == term || e.Count <= bestN || utf8.RuneCountInString(e.Term) < 4 {
			continue
		}
		if editDistance(tr, []rune(e.Term), fuzz) <= fuzz {
			best, bestN = e.Term, e.Count
		}
	}
	return best, best != ""
}

// editDistance is the Levenshtein distance of a and b in runes, or a value
// above limit when it exceeds limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// englishWords is the vocabulary of English names the query understands:
// the words of province and tool names and their English aliases.
var englishWords = sync.OnceValue(func() []string {
	seen := map[string]bool{}
	var out []string
	add := func(names ...string) {
		for _, n := range names {
			for _, w := range strings.FieldsFunc(strings.ToLower(n), func(r rune) bool {
				return !unicode.IsLetter(r)
			}) {
				if utf8.RuneCountInString(w) >= 4 && !seen[w] {
					seen[w] = true
					out = append(out, w)
				}
			}
		}
	}
	for _, p := range facet.Provinces() {
		add(p.English)
		add(p.EnglishAliases...)
	}
	for _, t := range facet.Tools() {
		add(t.English)
		add(t.Aliases...)
	}
	slices.Sort(out)
	return out
})

// closestEnglish returns the English name word nearest to term within fuzz
// edits (term itself when it is one), preferring the first letter kept.
func closestEnglish(term string, fuzz int) (string, bool) {
	term = strings.ToLower(term)
	tr := []rune(term)
	best, bestD := "", fuzz+1
	for _, w := range englishWords() {
		if w == term {
			return "", false
		}
		d := editDistance(tr, []rune(w), fuzz)
		if d < bestD || d == bestD && best != "" && best[0] != term[0] && w[0] == term[0] {
			best, bestD = w, d
		}
	}
	return best, best != ""
}
