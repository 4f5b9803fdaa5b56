package search

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/botrian/botrian/indexer/facet"
	"github.com/botrian/botrian/indexer/thai"
)

// Kind says what a Clause means.
type Kind int

// Clause kinds.
const (
	Words    Kind = iota // plain words: all of them must occur
	Phrase               // a quoted phrase: its words adjacent, in order
	Year                 // a year (Value is CE)
	Province             // a province (Value is its canonical Thai name)
	Tool                 // a tool (Value is its id)
	Org                  // an organisation (Value is its canonical acronym)
)

// Clause is one unit of a parsed query.
type Clause struct {
	Kind Kind
	// Text is the clause's normalized text as typed (without quotes,
	// prefix or minus).
	Text string
	// Field restricts the clause: "" (title, body, tags, project), "title",
	// "tags" or "section" (any section).
	Field string
	// Exclude is set for -word and -"phrase".
	Exclude bool
	// Value is the canonical value of a recognised Year, Province, Tool
	// or Org.
	Value string
	// Also are further values a Tool clause may mean: English words that
	// name several tools ("health assembly", "charter").
	Also []string `json:",omitempty"`
	// Latin is set for words in Latin script.
	Latin bool
}

// Query is a parsed query.
type Query struct {
	Clauses []Clause
	// Runs are the unspaced Thai runs of two or more words; a document that
	// has a run's words adjacent ranks higher.
	Runs []string
	// Section is the section kind of a section:KIND prefix: every clause is
	// then searched in that section only.
	Section string
}

// IsEmpty reports whether q matches every document.
func (q Query) IsEmpty() bool {
	for _, c := range q.Clauses {
		if !c.Exclude {
			return false
		}
	}
	return true
}

// maxEntityWords bounds the words joined to look up a name.
const maxEntityWords = 8

// ambiguousProvinces are province names that are also common words; alone in
// a longer Thai run they are read as words (เลย is "at all", แพร่ "spread").
var ambiguousProvinces = map[string]bool{
	"เลย": true, "แพร่": true, "ตาก": true, "น่าน": true, "ตราด": true, "กระบี่": true, "ตรัง": true,
}

// englishStop are English words that carry no search meaning.
var englishStop = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "and": true, "or": true,
	"for": true, "to": true, "with": true, "by": true, "at": true, "from": true, "about": true,
}

// yearWords introduce a year: ปี ๒๕๕๑, พ.ศ. 2551, ค.ศ. 2008.
var yearWords = []string{"ปีงบประมาณ", "ปี", "พ.ศ.", "พ.ศ", "พศ.", "พศ", "ค.ศ.", "ค.ศ", "คศ.", "คศ"}

// ParseQuery reads a query as users type it:
//
//   - words separated by spaces must all occur; an unspaced Thai run is cut
//     into its words, which must all occur, adjacent ones ranked higher;
//   - "a phrase" must occur as written; -word and -"phrase" must not occur;
//   - title:word, tag:word and section:word search one field; section:KIND
//     (a section kind id or heading, e.g. section:obstacles) searches every
//     other clause in that section only;
//   - years in CE or BE, with Thai or Arabic digits, after ปี or พ.ศ. or
//     alone (four digits), mean a year;
//   - province names and nicknames (Thai or English), tool names and
//     abbreviations, organisation acronyms and names are recognised.
//
// ParseQuery never fails: text it cannot read is searched as words.
func ParseQuery(s string) Query {
	s = thai.Normalize(s)
	var q Query
	var plain []string // consecutive unprefixed, unquoted, included pieces
	flush := func() {
		if len(plain) > 0 {
			q.understand(plain)
			plain = plain[:0]
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		exclude := false
		if r == '-' && i+1 < len(s) && !isSpaceByte(s[i+1]) && s[i+1] != '-' {
			exclude = true
			i++
		}
		field := ""
		for _, p := range []struct{ prefix, field string }{{"title:", "title"}, {"tag:", "tags"}, {"tags:", "tags"}, {"section:", "section"}} {
			if strings.HasPrefix(s[i:], p.prefix) && i+len(p.prefix) < len(s) && !isSpaceByte(s[i+len(p.prefix)]) {
				field = p.field
				i += len(p.prefix)
				break
			}
		}
		var text string
		quoted := false
		if s[i] == '"' {
			quoted = true
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				text = s[i+1:]
				i = len(s)
			} else {
				text = s[i+1 : i+1+end]
				i += end + 2
			}
		} else {
			end := strings.IndexFunc(s[i:], unicode.IsSpace)
			if end < 0 {
				end = len(s) - i
			}
			text = s[i : i+end]
			i += end
		}
		text = strings.TrimSpace(strings.Join(strings.Fields(text), " "))
		if !hasWordChar(text) {
			continue
		}
		if field == "section" && !quoted && !exclude {
			if k := canonicalSection(text); isSection(k) {
				q.Section = k
				continue
			}
		}
		if field == "" && !quoted && !exclude {
			plain = append(plain, text)
			continue
		}
		flush()
		kind := Words
		if quoted {
			kind = Phrase
		}
		q.Clauses = append(q.Clauses, Clause{Kind: kind, Text: text, Field: field, Exclude: exclude, Latin: isLatin(text)})
	}
	flush()
	return q
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

func isLatin(s string) bool {
	latin := false
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			latin = true
		case unicode.Is(unicode.Thai, r):
			return false
		}
	}
	return latin
}

// piece is one word of a plain stretch of the query: a script run.
type piece struct {
	text  string
	latin bool
	num   bool
	space bool // a space (or the start) comes before it
}

// understand recognises years, provinces, tools and organisations in a
// stretch of plain pieces and appends the clauses.
func (q *Query) understand(words []string) {
	var ps []piece
	for _, w := range words {
		first := true
		for _, r := range scriptRuns(w) {
			r.space = first
			first = false
			ps = append(ps, r)
		}
	}
	// Thai runs are cut into words; remember multi-word runs for phrase
	// rewards.
	var toks []piece
	for _, p := range ps {
		if p.latin || p.num {
			toks = append(toks, p)
			continue
		}
		var run []string
		for j, t := range thai.Default().Segment(p.text) {
			if !t.Kind.Indexable() && t.Text != "." {
				continue
			}
			run = append(run, t.Text)
			toks = append(toks, piece{text: t.Text, space: p.space && j == 0})
		}
		if len(run) > 1 {
			q.Runs = append(q.Runs, p.text)
		}
	}
	var words2 []piece // plain words waiting to become one Words clause
	flushWords := func() {
		if len(words2) == 0 {
			return
		}
		var b strings.Builder
		for i, w := range words2 {
			if i > 0 && (w.space || w.latin || words2[i-1].latin) {
				b.WriteByte(' ')
			}
			b.WriteString(w.text)
		}
		q.Clauses = append(q.Clauses, Clause{Kind: Words, Text: b.String(), Latin: isLatin(b.String())})
		words2 = words2[:0]
	}
	for i := 0; i < len(toks); {
		if n, c, ok := entityAt(toks, i); ok {
			flushWords()
			q.Clauses = append(q.Clauses, c)
			i += n
			continue
		}
		t := toks[i]
		if t.text == "." || (t.latin && englishStop[t.text]) {
			i++
			continue
		}
		if t.latin {
			flushWords()
			q.Clauses = append(q.Clauses, Clause{Kind: Words, Text: t.text, Latin: true})
			i++
			continue
		}
		words2 = append(words2, t)
		i++
	}
	flushWords()
}

// entityAt recognises a year, province, tool or organisation starting at
// toks[i], the longest first. It returns the number of pieces used.
func entityAt(toks []piece, i int) (int, Clause, bool) {
	// A year: digits, optionally after ปี/พ.ศ.
	for _, w := range yearWords {
		if joinUpTo(toks, i, 4, w) > 0 {
			n := joinUpTo(toks, i, 4, w)
			if i+n < len(toks) && toks[i+n].num {
				if y, ok := parseYear(w + " " + toks[i+n].text); ok {
					return n + 1, Clause{Kind: Year, Text: w + " " + toks[i+n].text, Value: strconv.Itoa(y)}, true
				}
			}
		}
	}
	if toks[i].num && len(toks[i].text) == 4 {
		if y, ok := parseYear(toks[i].text); ok {
			return 1, Clause{Kind: Year, Text: toks[i].text, Value: strconv.Itoa(y)}, true
		}
	}
	if toks[i].num {
		return 0, Clause{}, false
	}
	for n := min(maxEntityWords, len(toks)-i); n >= 1; n-- {
		seg := toks[i : i+n]
		latin := seg[0].latin
		mixed := false
		for _, t := range seg {
			if t.latin != latin || t.num {
				mixed = true
			}
		}
		if mixed {
			continue
		}
		var text string
		if latin {
			parts := make([]string, n)
			for j, t := range seg {
				parts[j] = t.text
			}
			text = strings.Join(parts, " ")
		} else {
			for _, t := range seg {
				text += t.text
			}
		}
		if text == "." {
			continue
		}
		whole := i == 0 && n == len(toks)
		if p, ok := facet.LookupProvince(text); ok {
			if !(n == 1 && !latin && ambiguousProvinces[text] && !whole) {
				return n, Clause{Kind: Province, Text: text, Value: string(p.Name), Latin: latin}, true
			}
		}
		if t, ok := facet.LookupTool(text); ok {
			if !(latin && n == 1 && len(text) < 2) {
				return n, Clause{Kind: Tool, Text: text, Value: string(t.ID), Latin: latin}, true
			}
		}
		if o, ok := facet.LookupOrg(text); ok && (n > 1 || !latin || len(text) >= 3) {
			return n, Clause{Kind: Org, Text: text, Value: o.ID, Latin: latin}, true
		}
		if latin {
			if tools := englishTools(text, n); len(tools) > 0 {
				return n, Clause{Kind: Tool, Text: text, Value: tools[0], Also: tools[1:], Latin: true}, true
			}
		}
	}
	return 0, Clause{}, false
}

// joinUpTo reports how many pieces from toks[i] spell w exactly (at most
// max pieces), or 0.
func joinUpTo(toks []piece, i, max int, w string) int {
	var b strings.Builder
	for n := 1; n <= max && i+n <= len(toks); n++ {
		b.WriteString(toks[i+n-1].text)
		if b.String() == w {
			return n
		}
		if !strings.HasPrefix(w, b.String()) {
			return 0
		}
	}
	return 0
}

// scriptRuns splits a space-free word where the script changes: Thai (with
// '.' kept inside, for abbreviations), Latin letters, digits.
func scriptRuns(w string) []piece {
	var out []piece
	class := func(r rune) int {
		switch {
		case unicode.Is(unicode.Thai, r) && !(r >= '๐' && r <= '๙'):
			return 1
		case r >= '0' && r <= '9':
			return 3
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return 2
		case r == '.':
			return 0 // joins the run before it
		}
		return -1
	}
	start, cur := 0, -2
	emit := func(end int) {
		if cur >= 1 && end > start {
			t := strings.Trim(w[start:end], ".")
			if cur == 1 {
				t = strings.TrimLeft(w[start:end], ".")
			}
			if t != "" {
				out = append(out, piece{text: t, latin: cur == 2, num: cur == 3})
			}
		}
	}
	for i, r := range w {
		c := class(r)
		if c == 0 && cur >= 1 {
			continue
		}
		if c != cur {
			emit(i)
			start, cur = i, c
		}
	}
	emit(len(w))
	return out
}

// englishTools returns the tools whose English name or alias holds the n
// words of text in a row ("health assembly" → the assemblies), or whose
// family text names (a single word: "charter", "assembly", "fund"). Generic
// words alone ("health", "community") name no tool.
func englishTools(text string, n int) []string {
	var out []string
	for _, t := range facet.Tools() {
		match := false
		if n == 1 {
			match = strings.EqualFold(t.Family, text) || strings.EqualFold(t.Family+"s", text)
		} else {
			for _, name := range append([]string{t.English}, t.Aliases...) {
				name = " " + strings.ToLower(strings.NewReplacer("(", "", ")", "", "/", " ").Replace(name)) + " "
				if strings.Contains(strings.Join(strings.Fields(name), " ")+" ", " "+text+" ") ||
					strings.Contains(" "+strings.Join(strings.Fields(name), " ")+" ", " "+text+" ") {
					match = true
				}
			}
		}
		if match && t.Parent == "" {
			out = append(out, string(t.ID))
		}
	}
	return out
}
