package thai

import (
	_ "embed"
	"strings"
	"sync"
)

// shortWordList is dict/subwords.txt: one-syllable words of our domain that
// are worth finding inside a compound (น้ำ in น้ำเสีย, ป่า in ป่าชุมชน).
//
//go:embed dict/subwords.txt
var shortWordList string

// shortWords is the set of shortWordList, built on first use.
var shortWords = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	words, _ := ReadWords(strings.NewReader(shortWordList)) // reading a string cannot fail
	for _, w := range words {
		set[Normalize(w)] = true
	}
	return set
})

// AppendSubWords appends to dst the meaningful dictionary words inside tok,
// a Word token of text, so that search mode can index them at the
// compound's position (สุขภาพ finds สมัชชาสุขภาพ). Offsets are into text;
// other kinds have no sub-words.
//
// A compound is cut into the fewest dictionary words (then the fewest
// that are not meaningful); when no such cut exists its longest known
// prefix and suffix stand in. Of these parts, the meaningful ones are
// sub-words, and their own parts in turn: สมัชชาสุขภาพจังหวัด gives
// สมัชชาสุขภาพ, จังหวัด, สมัชชา and สุขภาพ. A word is meaningful when it
// has at least two syllables (counted as character clusters, a lone final
// consonant not counting), or is listed in dict/subwords.txt. So ชา never
// comes out of ประชาชน or ภาควิชาการ, nor ชุม out of ชุมชน.
func (s *Segmenter) AppendSubWords(dst []Token, text string, tok Token) []Token {
	if tok.Kind != Word || tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End {
		return dst
	}
	sc := s.scratch.Get().(*scratch)
	defer s.scratch.Put(sc)
	if scanThai(text[:tok.End], tok.Start, sc) != tok.End {
		return dst
	}
	first := len(dst)
	work := append(sc.segs[:0], span{from: 0, to: int32(len(sc.units))})
	for len(work) > 0 {
		w := work[len(work)-1]
		work = work[:len(work)-1]
		for _, p := range s.parts(sc, text, int(w.from), int(w.to)) {
			a, b := sc.pos(int(p.from)), sc.pos(int(p.to))
			if !p.known || emitted(dst[first:], a, b) {
				continue
			}
			dst = append(dst, Token{Text: normalized(text[a:b]), Start: a, End: b, Kind: Word})
			work = append(work, p)
		}
	}
	sc.segs = work
	return dst
}

func emitted(toks []Token, a, b int) bool {
	for _, t := range toks {
		if t.Start == a && t.End == b {
			return true
		}
	}
	return false
}

// parts returns the parts of the word on units [from, to): the best cut
// into two or more dictionary words, or else its longest proper prefix and
// suffix that are words. A part's known field reports whether it is
// meaningful. The result is in sc.parts, valid until the next call.
func (s *Segmenter) parts(sc *scratch, text string, from, to int) []span {
	u := sc.units
	n := to - from
	if cap(sc.cost) < n+1 {
		sc.cost = make([]uint64, n+1)
		sc.back = make([]int32, n+1)
	}
	// cost is words<<32 | words not meaningful; back[i] is the start of
	// the last word of the best cut of [from, from+i).
	cost, back := sc.cost[:n+1], sc.back[:n+1]
	for i := range cost {
		cost[i] = infCost
	}
	cost[0] = 0
	for i := 0; i < n; i++ {
		if cost[i] == infCost {
			continue
		}
		for _, t := range s.dicts {
			node := rootNode
			for k := from + i; k < to; k++ {
				if node = t.next(node, int(u[k].sym)); node == 0 {
					break
				}
				if !t.final(node) || k+1 < to && !u[k+1].brk || i == 0 && k+1 == to {
					continue
				}
				c := cost[i] + 1<<32
				if !s.meaningful(sc, text, from+i, k+1) {
					c++
				}
				if c < cost[k+1-from] {
					cost[k+1-from], back[k+1-from] = c, int32(i)
				}
			}
		}
	}
	out := sc.parts[:0]
	if cost[n] != infCost {
		for p := n; p > 0; p = int(back[p]) {
			a, b := from+int(back[p]), from+p
			out = append(out, span{from: int32(a), to: int32(b), known: s.meaningful(sc, text, a, b)})
		}
	} else {
		if k := s.longestPrefix(sc, from, to); k > from {
			out = append(out, span{from: int32(from), to: int32(k), known: s.meaningful(sc, text, from, k)})
		}
		for k := from + 1; k < to; k++ {
			if u[k].brk && s.isWord(sc, k, to) {
				out = append(out, span{from: int32(k), to: int32(to), known: s.meaningful(sc, text, k, to)})
				break
			}
		}
	}
	sc.parts = out
	return out
}

// longestPrefix returns the end of the longest word that starts at from,
// ends on a cluster boundary and is shorter than [from, to), or from.
func (s *Segmenter) longestPrefix(sc *scratch, from, to int) int {
	best := from
	for _, t := range s.dicts {
		node := rootNode
		for k := from; k+1 < to; k++ {
			if node = t.next(node, int(sc.units[k].sym)); node == 0 {
				break
			}
			if t.final(node) && sc.units[k+1].brk && k+1 > best {
				best = k + 1
			}
		}
	}
	return best
}

// isWord reports whether units [from, to) spell a dictionary word.
func (s *Segmenter) isWord(sc *scratch, from, to int) bool {
	for _, t := range s.dicts {
		node := rootNode
		for k := from; k < to && node != 0; k++ {
			node = t.next(node, int(sc.units[k].sym))
		}
		if node != 0 && t.final(node) {
			return true
		}
	}
	return false
}

// meaningful reports whether the word on units [from, to) may be a
// sub-word: two syllables or more, or listed in dict/subwords.txt.
func (s *Segmenter) meaningful(sc *scratch, text string, from, to int) bool {
	if syllables(sc.units[from:to]) >= 2 {
		return true
	}
	return shortWords()[normalized(text[sc.pos(from):sc.pos(to)])]
}

// syllables estimates the syllables of a word from its character
// clusters. Each cluster counts, except a lone consonant that closes the
// syllable before it (the ม of ชุม, the น of ชน), a lone อ or ว read as a
// vowel after a bare consonant (กอง, ส่วน), and a consonant that is the
// first of an onset pair such as ปร, คล, หว (ประ, ความ, หวัด, เครือ).
// Clusters with ั or ็ already hold their final consonant, and ะ and ำ end
// a syllable. The estimate only has to tell words of one syllable from
// longer ones.
func syllables(u []unit) int {
	n, open, bare, skip := 0, false, false, false
	for i := 0; i < len(u); {
		j := i + 1
		for j < len(u) && !u[j].brk {
			j++
		}
		c := u[i:j]
		first := runeOf(c[0])
		lone := len(c) == 1 && c[0].sym != symDot && isConsonant(first)
		// next is the consonant that starts the next cluster, if any.
		var next rune
		if j < len(u) && u[j].sym != symDot && isConsonant(runeOf(u[j])) {
			next = runeOf(u[j])
		}
		switch {
		case lone && bare && (first == 'อ' || first == 'ว'):
			bare = false // a vowel letter: ก-อ-ง, ส่-ว-น
		case lone && open:
			open, bare = false, false // a final consonant
		case skip:
			skip, open, bare = false, true, false // second consonant of an onset
		case lone && onset(first, next):
			// the syllable starts here but counts with the next cluster
		default:
			n++
			open, bare = true, true
			for k, x := range c {
				r := runeOf(x)
				if x.sym == symDot || r == 'ั' || r == '็' || r == 'ะ' || r == 'ำ' {
					open = false
				}
				if k > 0 && !isToneMark(r) {
					bare = false
				}
			}
			if len(c) == 2 && thaiFlags[c[0].sym-1]&fLead != 0 && onset(runeOf(c[1]), next) {
				skip = true // เค|รือ: the next cluster is part of this syllable
			}
		}
		i = j
	}
	return n
}

// onset reports whether consonants a and b may start a syllable together.
func onset(a, b rune) bool {
	switch b {
	case 'ร', 'ล', 'ว':
		if strings.ContainsRune("กขคตปพบดผฟทจศส", a) {
			return true
		}
	}
	return a == 'ห' && strings.ContainsRune("งญนณมยรลว", b) || a == 'อ' && b == 'ย'
}
