package thai

import "slices"

// unit is one Thai character of a run as the dictionary sees it: a decoded
// symbol, where it starts, and whether a word may start there without
// cutting a Thai character cluster.
type unit struct {
	start int
	sym   uint8
	brk   bool
}

// scratch holds the per-call buffers of one segmentation.
type scratch struct {
	units []unit
	end   int  // byte offset where the run of units ends
	plain bool // the run's text is already normalised
	cost  []uint64
	back  []int32
	known []bool
	segs  []span
	parts []span // AppendSubWords
}

type span struct {
	from, to    int32 // unit indexes
	dict, known bool  // a dictionary word; kept as a word
}

func isThaiMark(r rune) bool {
	return r == '\u0E31' || r >= '\u0E34' && r <= '\u0E3A' || r >= '\u0E47' && r <= '\u0E4E'
}

// Flags of the characters of the Thai block, by code point - U+0E00.
const (
	fRun     = 1 << iota // part of a Thai run (cThai)
	fNoStart             // a mark or vowel that follows its consonant
	fLead                // a leading vowel เ แ โ ใ ไ
	fCons                // a consonant
	fTone                // a tone mark
	fBelow               // a below vowel or phinthu (NFC moves tone marks after it)
)

// Abbreviations for thaiFlags.
const (
	__ = 0
	fR = fRun                     // ฯ
	fC = fRun | fCons             // consonants
	fV = fRun | fNoStart          // vowels and marks after their consonant
	fB = fRun | fNoStart | fBelow // below vowels and phinthu
	fL = fRun | fLead             // leading vowels
	fT = fRun | fNoStart | fTone  // tone marks
)

// thaiFlags are the flags of the Thai block, by code point - U+0E00: a
// literal table, so that nothing is built at start-up. TestThaiFlags
// checks it against the character rules (classify, isThaiMark, ...).
var thaiFlags = [128]uint8{
	__, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, // U+0E00
	fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, // U+0E10
	fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fC, fR, // U+0E20
	fV, fV, fV, fV, fV, fV, fV, fV, fB, fB, fB, __, __, __, __, __, // U+0E30
	fL, fL, fL, fL, fL, fV, __, fV, fT, fT, fT, fT, fV, fV, fV, __, // U+0E40
	__, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, // U+0E50
	__, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, // U+0E60
	__, __, __, __, __, __, __, __, __, __, __, __, __, __, __, __, // U+0E70
}

// scanThai reads the Thai run starting at text[i] into sc.units and
// returns its end. The run holds Thai letters, vowels, marks and ฯ, the
// invisible joiners inside it, and full stops directly after a Thai
// character (so that abbreviations such as สช. can match). sc.plain
// records whether every slice of the run is already normalised.
func scanThai(text string, i int, sc *scratch) int {
	u := sc.units[:0]
	plain := true
	j := i
scan:
	for j < len(text) {
		var r rune
		n := 3
		if c := text[j]; c == 0xE0 && j+2 < len(text) && (text[j+1] == 0xB8 || text[j+1] == 0xB9) && text[j+2]&0xC0 == 0x80 {
			k := int(text[j+1]-0xB8)<<6 | int(text[j+2]&0x3F)
			f := thaiFlags[k]
			if f&fRun == 0 {
				break
			}
			r = rune(0x0E00 + k)
			if len(u) > 0 && f&fBelow != 0 && u[len(u)-1].sym != symDot && thaiFlags[u[len(u)-1].sym-1]&fTone != 0 {
				plain = false // NFC reorders the tone mark
			}
		} else {
			r, n = decodeRune(text, j)
			switch {
			case classify(r) == cJoin:
				plain = false
				j += n
				continue
			case r == '.' && len(u) > 0:
				u = append(u, unit{start: j, sym: symDot, brk: true})
				j += n
				continue
			}
			break scan
		}
		if r == nikhahit {
			plain = false
			if tone, m := decomposedAm(text[j+n:]); m > 0 {
				at := j
				if tone != 0 {
					u = append(u, unit{start: j, sym: uint8(symbol(tone))})
					at = j + n + 3
				}
				u = append(u, unit{start: at, sym: uint8(symbol(saraAm))})
				j += n + m
				continue
			}
		}
		brk := len(u) == 0 || canStart(u, r)
		if r == '\u0E4C' {
			attachKaran(u)
		}
		u = append(u, unit{start: j, sym: uint8(r - 0x0E00 + 1), brk: brk})
		j += n
	}
	if len(u) > 0 {
		u[0].brk = true
	}
	sc.units, sc.end, sc.plain = u, j, plain
	return j
}

// pos returns the byte offset of unit index p.
func (sc *scratch) pos(p int) int {
	if p == len(sc.units) {
		return sc.end
	}
	return sc.units[p].start
}

const infCost = ^uint64(0)

// cutThai appends the tokens of the run in sc.units. It picks, among all
// cuts at cluster boundaries into dictionary words and unknown clusters,
// the one with the fewest unknown characters, then the fewest tokens; ties
// go to the longest first word, then the longest second, and so on
// (โครงการ|ขับเคลื่อน, not โครง|การขับเคลื่อน). The search runs from the end
// of the run: cost[i] is the cost of the best cut of units[i:]. Time is
// linear in the run: each position walks the trie at most the length of
// the longest word.
func (s *Segmenter) cutThai(dst []Token, text string, sc *scratch) []Token {
	u := sc.units
	m := len(u)
	// Each scratch slice is grown on its own: parts() grows cost and back
	// without known.
	if cap(sc.cost) < m+1 {
		sc.cost = make([]uint64, m+1)
	}
	if cap(sc.back) < m+1 {
		sc.back = make([]int32, m+1)
	}
	if cap(sc.known) < m+1 {
		sc.known = make([]bool, m+1)
	}
	cost, next, known := sc.cost[:m+1], sc.back[:m+1], sc.known[:m+1]
	cost[m] = 0
	for i := m - 1; i >= 0; i-- {
		cost[i] = infCost
		if !u[i].brk {
			continue
		}
		for _, t := range s.dicts {
			a := t.a // the walk of trie.next, inlined
			node := uint32(rootNode)
			for k := i; k < m; k++ {
				n := int(a[2*node]&^termBit) + int(u[k].sym)
				if 2*n+1 >= len(a) || a[2*n+1] != node {
					break
				}
				node = uint32(n)
				if a[2*n]&termBit != 0 && (k+1 == m || u[k+1].brk) && cost[k+1] != infCost {
					if c := cost[k+1] + 1; c <= cost[i] {
						cost[i], next[i], known[i] = c, int32(k+1), true
					}
				}
			}
		}
		k := i + 1
		for k < m && !u[k].brk {
			k++
		}
		if cost[k] != infCost {
			if c := cost[k] + uint64(k-i)<<32 + 1; c < cost[i] {
				cost[i], next[i], known[i] = c, int32(k), false
			}
		}
	}
	segs := sc.segs[:0]
	for p := 0; p < m; p = int(next[p]) {
		segs = append(segs, span{from: int32(p), to: next[p], dict: known[p]})
	}
	slices.Reverse(segs)
	sc.segs = segs
	// segs is reversed. A one-cluster word beside an unknown stretch is more
	// likely a piece of that unknown word (นิ|ส|สัน is one name).
	for x := range segs {
		sg := &segs[x]
		sg.known = sg.dict && !((x > 0 && !segs[x-1].dict && !sc.lonePunct(segs[x-1]) ||
			x+1 < len(segs) && !segs[x+1].dict && !sc.lonePunct(segs[x+1])) &&
			sc.oneCluster(*sg))
	}
	for x := len(segs) - 1; x >= 0; x-- {
		sg := segs[x]
		kind := Word
		if !sg.known {
			kind = Unknown
			if sc.lonePunct(sg) {
				kind = Punct
			} else {
				// Merge the following unknown clusters into one token.
				for x > 0 && !segs[x-1].known && !sc.lonePunct(segs[x-1]) {
					x--
					sg.to = segs[x].to
				}
			}
		}
		a, b := sc.pos(int(sg.from)), sc.pos(int(sg.to))
		t := text[a:b]
		if !sc.plain {
			t = normalized(t)
		}
		dst = append(dst, Token{Text: t, Start: a, End: b, Kind: kind})
	}
	return dst
}

// lonePunct reports whether sg is a lone full stop or ฯ.
func (sc *scratch) lonePunct(sg span) bool {
	return sg.to-sg.from == 1 && (sc.units[sg.from].sym == symDot || sc.units[sg.from].sym == symPaiyannoi)
}

// runeOf returns the character of a Thai unit.
func runeOf(x unit) rune { return rune(x.sym) - 1 + 0x0E00 }

func isConsonant(r rune) bool { return r >= 'ก' && r <= 'ฮ' }

// canStart reports whether a Thai character cluster, and so a word, may
// start with r after the units u: the rules of Thai character clusters
// (TCC) that matter for cutting.
func canStart(u []unit, r rune) bool {
	n := len(u)
	f := thaiFlags[r-0x0E00]
	switch {
	case f&fNoStart != 0:
		return false // vowels and marks that follow their consonant
	case u[n-1].sym == symDot:
		return true
	case thaiFlags[u[n-1].sym-1]&fLead != 0:
		return false // a leading vowel needs its consonant
	case f&fCons == 0:
		return true
	}
	prev := runeOf(u[n-1])
	// r is a consonant: does it close the cluster before it?
	p := n - 1
	if isToneMark(prev) && p > 0 {
		p--
	}
	v := runeOf(u[p])
	lead := func(i int) rune { // the leading vowel before the consonant u[i]
		if i > 0 && isConsonant(runeOf(u[i])) {
			return runeOf(u[i-1])
		}
		return 0
	}
	switch {
	case v == '\u0E31', v == '\u0E37':
		return false // ั and ื need a final consonant (or อ, ว)
	case v == '\u0E47' && p > 0 && (lead(p-1) == 'เ' || lead(p-1) == 'แ'):
		return false // เ-็ and แ-็ close with a consonant
	case r == 'ย' && (v == '\u0E34' || v == '\u0E35' || v == '\u0E38' || v == '\u0E39') && p > 0 && lead(p-1) == 'เ':
		return false // เ-ีย
	case r == 'อ' && isConsonant(v) && p == n-1 && lead(p) == 'เ':
		return false // เ-อ
	}
	return true
}

// attachKaran joins a consonant silenced by thanthakhat (the mark about to
// follow u), with an optional vowel ิ or ุ and one more consonant before it,
// to the cluster before them: จัน|ทร์ is one cluster จันทร์.
func attachKaran(u []unit) {
	i := len(u) - 1
	if i > 0 && (runeOf(u[i]) == '\u0E34' || runeOf(u[i]) == '\u0E38') {
		i--
	}
	if i <= 0 || !isConsonant(runeOf(u[i])) {
		return
	}
	u[i].brk = false
	if i > 1 && isConsonant(runeOf(u[i-1])) && isConsonant(runeOf(u[i-2])) {
		u[i-1].brk = false
	}
}

// oneCluster reports whether sg is a single Thai character cluster.
func (sc *scratch) oneCluster(sg span) bool {
	for k := sg.from + 1; k < sg.to; k++ {
		if sc.units[k].brk {
			return false
		}
	}
	return true
}
