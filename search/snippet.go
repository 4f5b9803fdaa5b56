package search

import (
	"context"
	"html"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/indexer/thai"
)

// span is a matched word in a field's stored text, in bytes.
type span struct {
	start, end int
	term       string
}

// snippets cuts up to Config.Fragments highlighted fragments for a hit from
// the field whose matches are best: the body, or a named section when it
// holds as many of the matched words (the section kind is returned).
func (s *Searcher) snippets(ctx context.Context, h *bsearch.DocumentMatch, fields []string) ([]string, string) {
	best, bestTerms := "", 0
	for _, f := range fields {
		tl := h.Locations[f]
		if len(tl) == 0 || f == indexer.FieldTitle {
			continue
		}
		n := len(tl)
		if n > bestTerms || (n == bestTerms && strings.HasPrefix(best, indexer.FieldBody) && f != indexer.FieldBody) {
			best, bestTerms = f, n
		}
	}
	if best == "" {
		return nil, ""
	}
	var text string
	if best == indexer.FieldBody {
		text = str(h.Fields[indexer.FieldBody])
	}
	if text == "" {
		d, err := s.stored(ctx, h.ID, best)
		if err != nil {
			return nil, ""
		}
		text = str(d.Fields[best])
	}
	var spans []span
	for term, locs := range h.Locations[best] {
		for _, l := range locs {
			if len(l.ArrayPositions) > 0 {
				continue
			}
			st, en := int(l.Start), int(l.End)
			if st < 0 || en > len(text) || st >= en || !utf8.RuneStart(text[st]) || (en < len(text) && !utf8.RuneStart(text[en])) {
				continue
			}
			spans = append(spans, span{st, en, term})
		}
	}
	frags := fragments(text, spans, s.cfg.Fragments, s.cfg.FragmentLen)
	section := ""
	if k, ok := strings.CutPrefix(best, "sec_"); ok && len(frags) > 0 {
		section = k
	}
	return frags, section
}

// leadSnippet is the opening of a document's body, for hits without
// matched words (an empty query).
func (s *Searcher) leadSnippet(text string, n int) []string {
	if text == "" {
		return nil
	}
	end := snapEnd(text, runeOffset(text, 0, n))
	out := html.EscapeString(oneLine(text[:end]))
	if end < len(text) {
		out += "…"
	}
	return []string{out}
}

// fragments picks up to n windows of about size runes holding the most
// distinct matched words, cuts them on word boundaries, and marks the
// matches. The best fragment comes first.
func fragments(text string, spans []span, n, size int) []string {
	if len(spans) == 0 || n <= 0 {
		return nil
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	// Drop spans inside others (a compound's sub-words).
	kept := spans[:0]
	for _, sp := range spans {
		if len(kept) > 0 && sp.start < kept[len(kept)-1].end {
			continue
		}
		kept = append(kept, sp)
	}
	spans = kept
	type window struct {
		first, last int // span indexes
		score       int
	}
	var ws []window
	for i := range spans {
		limit := runeOffset(text, spans[i].start, size*2/3)
		terms := map[string]bool{}
		j := i
		for ; j < len(spans) && spans[j].end <= limit; j++ {
			terms[spans[j].term] = true
		}
		if j == i {
			j = i + 1
			terms[spans[i].term] = true
		}
		ws = append(ws, window{i, j - 1, len(terms)*100 + (j - i)})
	}
	sort.SliceStable(ws, func(a, b int) bool { return ws[a].score > ws[b].score })
	var out []string
	var taken [][2]int
	for _, w := range ws {
		if len(out) == n {
			break
		}
		a, b := spans[w.first].start, spans[w.last].end
		overlap := false
		for _, t := range taken {
			if a < t[1] && b > t[0] {
				overlap = true
			}
		}
		if overlap {
			continue
		}
		used := runeCount(text[a:b])
		ctxRunes := max(size-used, 0)
		start := snapStart(text, runeOffset(text, a, -ctxRunes/3))
		end := snapEnd(text, runeOffset(text, b, ctxRunes-ctxRunes/3))
		overlap = false
		for _, t := range taken {
			if start < t[1] && end > t[0] {
				overlap = true
			}
		}
		if overlap {
			continue
		}
		taken = append(taken, [2]int{start, end})
		out = append(out, mark(text, start, end, spans))
	}
	return out
}

// mark renders text[start:end] as escaped HTML with <mark> around spans.
func mark(text string, start, end int, spans []span) string {
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	at := start
	for _, sp := range spans {
		if sp.start < at || sp.end > end {
			continue
		}
		b.WriteString(html.EscapeString(oneLine(text[at:sp.start])))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[sp.start:sp.end]))
		b.WriteString("</mark>")
		at = sp.end
	}
	b.WriteString(html.EscapeString(oneLine(text[at:end])))
	if end < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

// oneLine folds line breaks and runs of spaces to one space.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// runeOffset moves n runes from byte offset i (backwards when n < 0),
// clamped to the text.
func runeOffset(text string, i, n int) int {
	for ; n > 0 && i < len(text); n-- {
		_, w := utf8.DecodeRuneInString(text[i:])
		i += w
	}
	for ; n < 0 && i > 0; n++ {
		_, w := utf8.DecodeLastRuneInString(text[:i])
		i -= w
	}
	return i
}

func runeCount(s string) int { return utf8.RuneCountInString(s) }

// boundaryWindow is how far (bytes) around a cut the text is segmented to
// find word boundaries.
const boundaryWindow = 120

// wordBoundaries returns the word boundaries of text[lo:hi], as offsets
// into text. The segmenter's token edges are word edges; a cut there never
// separates a combining mark from its consonant.
func wordBoundaries(text string, lo, hi int) []int {
	lo = max(lo, 0)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	hi = min(hi, len(text))
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	var out []int
	for _, t := range thai.Default().Segment(text[lo:hi]) {
		out = append(out, lo+t.Start, lo+t.End)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// snapStart moves a fragment start back to a word boundary (inside the
// segmented window the first token may be cut, so its start is skipped) and
// never onto a combining mark.
func snapStart(text string, i int) int {
	if i <= 0 {
		return 0
	}
	bs := wordBoundaries(text, i-boundaryWindow, i+boundaryWindow)
	best := -1
	for _, b := range bs {
		if b > i-boundaryWindow && b <= i && b > best && !combining(text, b) {
			best = b
		}
	}
	if best <= 0 || best == max(i-boundaryWindow, 0) {
		for _, b := range bs {
			if b >= i && !combining(text, b) {
				best = b
				break
			}
		}
	}
	if best < 0 {
		best = i
		for best < len(text) && combining(text, best) {
			_, w := utf8.DecodeRuneInString(text[best:])
			best += w
		}
	}
	// Skip leading spaces.
	for best < len(text) && (text[best] == ' ' || text[best] == '\n') {
		best++
	}
	return best
}

// snapEnd moves a fragment end forward to a word boundary.
func snapEnd(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	bs := wordBoundaries(text, i-boundaryWindow, i+boundaryWindow)
	for _, b := range bs {
		if b >= i && b < min(i+boundaryWindow, len(text)) && !combining(text, b) {
			return b
		}
	}
	for i < len(text) && combining(text, i) {
		_, w := utf8.DecodeRuneInString(text[i:])
		i += w
	}
	return i
}

// combining reports whether the rune at byte i is a Thai combining mark
// (above/below vowels, tone marks), which must never start a fragment.
func combining(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r == '\u0E31' || (r >= '\u0E34' && r <= '\u0E3A') || (r >= '\u0E47' && r <= '\u0E4E') || unicode.Is(unicode.Mn, r)
}
