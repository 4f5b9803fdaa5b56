package search

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/indexer/facet"
)

// Boosts of the query parts. Text matches score by BM25 on the _all field;
// these reward where and how the words occur.
const (
	boostEntityField   = 3.0 // the document's primary province/tool/org is the one named
	boostEntityMention = 1.0 // ... is only mentioned in it
	boostYearField     = 2.0 // the document year is the year named
	boostTitle         = 2.0 // a clause's words all occur in the title
	boostRunTitle      = 3.0 // an unspaced run occurs as a phrase in the title
	boostRunBody       = 1.5 // ... in the body
	boostSection       = 0.5 // a clause's words all occur in one named section
	boostFuzzy         = 0.3 // a respelling of a word the index does not know
)

// Typo tolerance: only words the index does not know, only Latin words of
// minFuzzyLatin runes or more and Thai words of minFuzzyThai runes or more.
const (
	minFuzzyLatin = 4
	minFuzzyThai  = 6
)

var textFields = []string{indexer.FieldTitle, indexer.FieldBody, indexer.FieldTags, indexer.FieldProject}

// word is one analysed word of query text: its term and, for a compound,
// the terms of its dictionary sub-words.
type word struct {
	term string
	subs []string
}

// analyze cuts text into words with the index's analyzer.
func (s *Searcher) analyze(text string) []word {
	var out []word
	pos := -1
	for _, t := range s.analyzer.Analyze([]byte(text)) {
		if t.Position != pos {
			pos = t.Position
			out = append(out, word{term: string(t.Term)})
			continue
		}
		w := &out[len(out)-1]
		w.subs = append(w.subs, string(t.Term))
	}
	return out
}

// built is a query ready to run, with what snippets need.
type built struct {
	q query.Query
	// snippetFields are the fields to cut snippets from, best first.
	snippetFields []string
}

// build turns a parsed query into a bleve query (without filters).
func (s *Searcher) build(pq Query) built {
	fields := []string{"_all"}
	if pq.Section != "" {
		fields = []string{indexer.SectionField(pq.Section)}
	}
	b := built{snippetFields: snippetFields(pq)}
	var must, should, not []query.Query
	positives := 0
	for _, c := range pq.Clauses {
		if !c.Exclude {
			positives++
		}
	}
	for _, c := range pq.Clauses {
		cq := s.clauseQuery(c, s.clauseFields(c, fields))
		if cq == nil {
			continue
		}
		if c.Exclude {
			not = append(not, cq)
			continue
		}
		// An unknown Latin word beside other clauses is likely English
		// filler around names ("provincial health assembly of Lamphun"):
		// it may add to the score but is not required.
		if c.Kind == Words && c.Latin && positives > 1 && !s.knowsAll(c.Text) {
			should = append(should, cq)
		} else {
			must = append(must, cq)
		}
		if c.Field == "" && pq.Section == "" {
			should = append(should, s.rewards(c)...)
		}
	}
	if pq.Section == "" {
		for _, run := range pq.Runs {
			for _, q := range []query.Query{s.phraseQ(indexer.FieldTitle, run, boostRunTitle), s.phraseQ(indexer.FieldBody, run, boostRunBody)} {
				if q != nil {
					should = append(should, q)
				}
			}
		}
	}
	if len(must) == 0 && len(should) > 0 && len(not) == 0 {
		must, should = should, nil
	}
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	if len(should) == 0 && len(not) == 0 {
		b.q = conj(must)
		return b
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(must...)
	if len(should) > 0 {
		bq.AddShould(should...)
	}
	if len(not) > 0 {
		bq.AddMustNot(not...)
	}
	b.q = bq
	return b
}

// snippetFields are the fields snippets of pq's hits are cut from, best
// first: the named section, else body, title and every section.
func snippetFields(pq Query) []string {
	if pq.Section != "" {
		return []string{indexer.SectionField(pq.Section)}
	}
	out := []string{indexer.FieldBody, indexer.FieldTitle}
	for _, k := range facet.SectionKinds() {
		out = append(out, indexer.SectionField(string(k.ID)))
	}
	return out
}

// clauseFields are the fields a clause searches: those its prefix names
// (title:, tag:, section:), else fields.
func (s *Searcher) clauseFields(c Clause, fields []string) []string {
	switch c.Field {
	case "title":
		return []string{indexer.FieldTitle}
	case "tags":
		return []string{indexer.FieldTags}
	case "section":
		return s.sectionFields()
	}
	return fields
}

func (s *Searcher) sectionFields() []string {
	var out []string
	for _, k := range facet.SectionKinds() {
		out = append(out, indexer.SectionField(string(k.ID)))
	}
	return out
}

// clauseQuery is the required part of a clause over fields.
func (s *Searcher) clauseQuery(c Clause, fields []string) query.Query {
	switch c.Kind {
	case Phrase:
		var alts []query.Query
		for _, f := range expandAll(fields) {
			if q := s.phraseQ(f, c.Text, 1); q != nil {
				alts = append(alts, q)
			}
		}
		return disj(alts)
	case Words:
		return s.wordsQuery(c.Text, fields, true, true)
	}
	var alts []query.Query
	add := func(q query.Query) {
		if q != nil {
			alts = append(alts, q)
		}
	}
	// Names are matched as phrases: their words anywhere would match
	// far too much (สมัชชา ... สุขภาพ ... พื้นที่).
	addText := func(text string) {
		if text == "" {
			return
		}
		if len(s.analyze(text)) == 1 {
			add(s.wordsQuery(text, fields, false, false))
			return
		}
		for _, f := range expandAll(fields) {
			add(s.phraseQ(f, text, 1))
		}
	}
	switch c.Kind {
	case Year:
		add(termQ(indexer.FieldYear, c.Value, boostYearField))
		add(termQ(indexer.FieldEventYears, c.Value, 1))
		if y, err := strconv.Atoi(c.Value); err == nil {
			addText(strconv.Itoa(y + 543))
			addText(strconv.Itoa(y))
		}
	case Province:
		add(termQ(indexer.FieldProvince, c.Value, boostEntityField))
		add(termQ(indexer.FieldProvinceMentioned, c.Value, boostEntityMention))
		addText(c.Value)
		if !c.Latin && c.Text != c.Value {
			addText(c.Text)
		}
	case Tool:
		for _, v := range append([]string{c.Value}, c.Also...) {
			add(termQ(indexer.FieldTool, v, boostEntityField))
			add(termQ(indexer.FieldToolMentioned, v, boostEntityMention))
			if t, ok := facet.Tool(v).Info(); ok {
				addText(t.Thai)
				for _, a := range t.Aliases {
					if !strings.Contains(a, " ") {
						addText(a)
					}
				}
			}
		}
		if !c.Latin {
			addText(c.Text)
		}
	case Org:
		add(termQ(indexer.FieldOrg, c.Value, boostEntityField))
		if o, ok := facet.LookupOrg(c.Value); ok {
			addText(strings.TrimSuffix(o.ID, "."))
			addText(o.Thai)
			for _, v := range o.Variants {
				addText(v)
			}
		}
		if !c.Latin {
			addText(c.Text)
		}
	}
	return disj(alts)
}

// expandAll replaces _all by the text fields (for phrases, which need one
// field's positions).
func expandAll(fields []string) []string {
	if len(fields) == 1 && fields[0] == "_all" {
		return textFields
	}
	return fields
}

// wordsQuery requires every word of text in one of fields. With subs set, a
// compound also matches as its sub-words together; with fuzzy set, a word the index does
// not know may match a close spelling.
func (s *Searcher) wordsQuery(text string, fields []string, subs, fuzzy bool) query.Query {
	ws := s.analyze(text)
	if len(ws) == 0 {
		return nil
	}
	var per []query.Query
	for _, f := range fields {
		var all []query.Query
		for _, w := range ws {
			alts := []query.Query{termQ(f, w.term, 1)}
			if tiles := tile(w.term, w.subs); subs && len(tiles) > 1 {
				var parts []query.Query
				for _, sub := range tiles {
					parts = append(parts, termQ(f, sub, 1))
				}
				alts = append(alts, conj(parts))
			}
			if fuzzy && fuzzyOK(w.term) && !s.knows(w.term) {
				fq := bleve.NewFuzzyQuery(w.term)
				fq.SetField(f)
				fq.SetFuzziness(1)
				if utf8.RuneCountInString(w.term) >= 8 && isLatin(w.term) {
					fq.SetFuzziness(2)
				}
				fq.SetBoost(boostFuzzy)
				alts = append(alts, fq)
			}
			all = append(all, disj(alts))
		}
		per = append(per, conj(all))
	}
	return disj(per)
}

// fuzzyOK says whether a term may be matched with a typo.
func fuzzyOK(term string) bool {
	n := utf8.RuneCountInString(term)
	if isLatin(term) {
		return n >= minFuzzyLatin
	}
	for _, r := range term {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return n >= minFuzzyThai
}

// rewards are optional queries that rank a clause's better matches higher:
// in the title, in a named section.
func (s *Searcher) rewards(c Clause) []query.Query {
	text := c.Text
	switch c.Kind {
	case Province, Tool, Org:
		if c.Latin {
			th, _, _ := label(entityFacet(c.Kind), c.Value)
			text = th
		}
	case Year:
		return nil
	}
	var out []query.Query
	if q := s.wordsQuery(text, []string{indexer.FieldTitle}, true, false); q != nil {
		setBoost(q, boostTitle)
		out = append(out, q)
	}
	if c.Kind == Words || c.Kind == Phrase {
		if q := s.wordsQuery(text, s.sectionFields(), true, false); q != nil {
			setBoost(q, boostSection)
			out = append(out, q)
		}
	}
	return out
}

func entityFacet(k Kind) indexer.Facet {
	switch k {
	case Province:
		return indexer.FacetProvince
	case Tool:
		return indexer.FacetTool
	}
	return indexer.FacetOrg
}

func setBoost(q query.Query, b float64) {
	if bq, ok := q.(query.BoostableQuery); ok {
		bq.SetBoost(b)
	}
}

// phraseQ matches text's words adjacent and in order in field. bleve's
// match_phrase would put a compound's sub-words at the compound's position
// as alternatives (any one of them matching), so the phrase is built here:
// the words as analysed, or, where compounds were written apart, their
// sub-words in sequence.
func (s *Searcher) phraseQ(field, text string, boost float64) query.Query {
	ws := s.analyze(text)
	if len(ws) == 0 {
		return nil
	}
	var top, flat []string
	split := false
	for _, w := range ws {
		top = append(top, w.term)
		if len(w.subs) > 0 {
			flat = append(flat, w.subs...)
			split = true
		} else {
			flat = append(flat, w.term)
		}
	}
	seq := func(terms []string) query.Query {
		if len(terms) == 1 {
			return termQ(field, terms[0], 1)
		}
		return bleve.NewPhraseQuery(terms, field)
	}
	q := seq(top)
	if split {
		q = bleve.NewDisjunctionQuery(q, seq(flat))
	}
	setBoost(q, boost)
	return q
}

// knows reports whether the index has term in its text.
func (s *Searcher) knows(term string) bool { return s.termCount(term) > 0 }

// knowsAll reports whether the index knows every word of text.
func (s *Searcher) knowsAll(text string) bool {
	for _, w := range s.analyze(text) {
		if !s.knows(w.term) {
			return false
		}
	}
	return true
}

// termCount returns the number of documents with term in their text.
func (s *Searcher) termCount(term string) uint64 {
	d, err := s.idx.FieldDictRange("_all", []byte(term), []byte(term))
	if err != nil {
		return 0
	}
	defer d.Close()
	var n uint64
	for e, err := d.Next(); err == nil && e != nil; e, err = d.Next() {
		if e.Term == term {
			n += e.Count
		}
	}
	return n
}

// buildRelaxed is the query for when no document has every word of pq: the
// words and names of its unqualified clauses become alternatives of which a
// document must match at least half (two of three, two of four, ...).
// Exclusions, field-qualified clauses and section scopes stay as they are.
// ok is false when pq has fewer than two such words, where relaxing would
// change nothing.
func (s *Searcher) buildRelaxed(pq Query) (b built, ok bool) {
	fields := []string{"_all"}
	if pq.Section != "" {
		fields = []string{indexer.SectionField(pq.Section)}
	}
	var units, must, not []query.Query
	for _, c := range pq.Clauses {
		if c.Exclude {
			if q := s.clauseQuery(c, s.clauseFields(c, fields)); q != nil {
				not = append(not, q)
			}
			continue
		}
		if c.Field != "" {
			if q := s.clauseQuery(c, s.clauseFields(c, fields)); q != nil {
				must = append(must, q)
			}
			continue
		}
		if c.Kind != Words {
			if q := s.clauseQuery(c, fields); q != nil {
				units = append(units, q)
			}
			continue
		}
		for _, w := range s.analyze(c.Text) {
			if q := s.wordsQuery(w.term, fields, true, true); q != nil {
				units = append(units, q)
			}
		}
	}
	if len(units) < 2 {
		return built{}, false
	}
	d := bleve.NewDisjunctionQuery(units...)
	d.SetMin(float64((len(units) + 1) / 2))
	bq := bleve.NewBooleanQuery()
	bq.AddMust(append(must, d)...)
	if len(not) > 0 {
		bq.AddMustNot(not...)
	}
	return built{q: bq, snippetFields: snippetFields(pq)}, true
}

// tile returns sub-words of term that, in order, spell it exactly, with the
// fewest pieces; nil when its sub-words do not cover it. A compound may
// then match a document that writes its parts apart (ธรรมนูญสุขภาพ ตำบล
// for ธรรมนูญสุขภาพตำบล), but never through one part alone: ภาคเหนือ,
// whose only sub-word is ภาค, must not match ภาคใต้.
func tile(term string, subs []string) []string {
	if len(subs) == 0 {
		return nil
	}
	n := len(term)
	best := make([]int, n+1) // pieces of the best tiling of term[:i]; -1: none
	from := make([]string, n+1)
	for i := 1; i <= n; i++ {
		best[i] = -1
	}
	for i := 0; i < n; i++ {
		if best[i] < 0 {
			continue
		}
		for _, sub := range subs {
			j := i + len(sub)
			if sub == "" || j > n || term[i:j] != sub {
				continue
			}
			if best[j] < 0 || best[i]+1 < best[j] {
				best[j], from[j] = best[i]+1, sub
			}
		}
	}
	if best[n] < 0 {
		return nil
	}
	out := make([]string, best[n])
	for i, k := n, best[n]-1; i > 0; k-- {
		out[k] = from[i]
		i -= len(from[i])
	}
	return out
}
