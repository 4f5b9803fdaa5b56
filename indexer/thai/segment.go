package thai

import (
	"unicode"
	"unicode/utf8"
)

// Segment cuts text into tokens that cover every byte of it in order,
// whitespace included. Thai is cut into dictionary words; see the package
// documentation for the rules.
func (s *Segmenter) Segment(text string) []Token {
	return s.AppendSegment(make([]Token, 0, len(text)/6+1), text)
}

// AppendSegment appends the tokens of text to dst and returns the extended
// slice. Besides growing dst it allocates only for tokens whose normalised
// text differs from their slice of text.
func (s *Segmenter) AppendSegment(dst []Token, text string) []Token {
	sc := s.scratch.Get().(*scratch)
	defer s.scratch.Put(sc)
	for i := 0; i < len(text); {
		r, n := decodeRune(text, i)
		j := i + n
		kind := Other
		switch c := classify(r); {
		case c == cThai:
			j = scanThai(text, i, sc)
			dst = s.cutThai(dst, text, sc)
			i = j
			continue
		case c == cSpace, c == cJoin:
			kind = Space
			for j < len(text) {
				r, n := decodeRune(text, j)
				if c := classify(r); c != cSpace && c != cJoin {
					break
				}
				j += n
			}
		case c == cDigit:
			kind = Number
			j = scanNumber(text, j)
		case c == cLetter:
			kind = Latin
			for j < len(text) {
				r, n := decodeRune(text, j)
				if c := classify(r); c != cLetter && c != cDigit && c != cJoin && c != cMark {
					break
				}
				j += n
			}
		case c == cRepeat:
			kind = Repeat
		case c == cPunct:
			kind = Punct
		default:
			j = scanOther(text, j)
		}
		dst = append(dst, Token{Text: normalized(text[i:j]), Start: i, End: j, Kind: kind})
		i = j
	}
	return dst
}

// normalized returns Normalize(s), without allocating when s is already
// normal.
func normalized(s string) string {
	if plain(s) {
		return s
	}
	return Normalize(s)
}

// decodeRune decodes the rune at text[i:], with a fast path for Thai.
func decodeRune(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c == 0xE0 && i+2 < len(text) && (text[i+1] == 0xB8 || text[i+1] == 0xB9) && text[i+2]&0xC0 == 0x80 {
		return 0x0E00 + rune(text[i+1]-0xB8)<<6 + rune(text[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(text[i:])
}

// Character classes for the top-level scan.
const (
	cOther  = iota
	cThai   // Thai letters, vowels and marks, and ฯ
	cDigit  // ASCII and Thai digits
	cLetter // letters of other alphabetic scripts
	cMark   // combining marks outside Thai
	cSpace  // whitespace, NBSP, ZWSP, BOM
	cJoin   // ZWNJ, ZWJ, soft hyphen: invisible inside a word
	cRepeat // ๆ
	cPunct  // punctuation and non-emoji symbols
)

func classify(r rune) int {
	switch {
	case r < 0x80:
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			return cLetter
		case r >= '0' && r <= '9':
			return cDigit
		case r == ' ', r >= '\t' && r <= '\r':
			return cSpace
		case r > ' ' && r < 0x7F:
			return cPunct
		}
		return cOther
	case r >= 0x0E00 && r <= 0x0E7F:
		switch {
		case r == 'ๆ':
			return cRepeat
		case r >= '๐' && r <= '๙':
			return cDigit
		case r == '฿', r == '๏', r == '๚', r == '๛':
			return cPunct
		case r >= 0x0E01 && r <= 0x0E3A, r >= 0x0E40 && r <= 0x0E4E:
			return cThai
		}
		return cOther
	case r == '\u200B', r == '\uFEFF', r == nbsp:
		return cSpace
	case r == '\u200C', r == '\u200D', r == '\u00AD':
		return cJoin
	case unicode.IsSpace(r):
		return cSpace
	case unicode.IsLetter(r):
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			return cOther
		}
		return cLetter
	case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r):
		return cMark
	case unicode.IsPunct(r), unicode.In(r, unicode.Sm, unicode.Sc):
		return cPunct
	}
	return cOther
}

// scanNumber returns the end of the number whose first digit ends at j:
// digits, with single '.' or ',' between digits.
func scanNumber(text string, j int) int {
	for j < len(text) {
		r, n := decodeRune(text, j)
		if classify(r) == cDigit {
			j += n
			continue
		}
		if (r == '.' || r == ',') && j+1 < len(text) {
			if r2, _ := decodeRune(text, j+1); classify(r2) == cDigit {
				j++
				continue
			}
		}
		break
	}
	return j
}

// scanOther returns the end of a character that started before j, with its
// combining marks, variation selectors and emoji modifiers, and the
// characters joined to it by ZWJ.
func scanOther(text string, j int) int {
	for j < len(text) {
		r, n := decodeRune(text, j)
		switch {
		case r == '\u200D' && j+n < len(text):
			_, m := decodeRune(text, j+n)
			j += n + m
		case classify(r) == cMark, r >= 0xFE00 && r <= 0xFE0F, r >= 0x1F3FB && r <= 0x1F3FF, r >= 0xE0020 && r <= 0xE007F:
			j += n
		default:
			return j
		}
	}
	return j
}
