package thai

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	nikhahit = '\u0E4D' // ํ, the first half of a decomposed sara am
	saraAa   = '\u0E32' // า
	saraAm   = '\u0E33' // ำ
	nbsp     = '\u00A0'
)

// zeroWidth reports the invisible characters that Normalize removes.
func zeroWidth(r rune) bool {
	return r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\uFEFF' || r == '\u00AD'
}

func isThaiDigit(r rune) bool { return r >= '๐' && r <= '๙' }

func isToneMark(r rune) bool { return r >= '\u0E48' && r <= '\u0E4B' }

// Normalize returns s in the form used for Token.Text: zero-width
// characters removed, NBSP read as a space, decomposed sara am (ํ + า, with
// any tone mark between moved before it) composed to ำ, Thai digits read as
// ASCII digits, letters lower-cased, then NFC. Use it on query strings and
// keyword values so they meet the indexed terms.
func Normalize(s string) string {
	if plain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case zeroWidth(r):
		case r == nbsp:
			b.WriteByte(' ')
		case r == nikhahit:
			if tone, m := decomposedAm(s[i+n:]); m > 0 {
				if tone != 0 {
					b.WriteRune(tone)
				}
				b.WriteRune(saraAm)
				n += m
			} else {
				b.WriteRune(r)
			}
		case isThaiDigit(r):
			b.WriteByte(byte('0' + r - '๐'))
		case r == utf8.RuneError && n == 1:
			b.WriteRune(unicode.ReplacementChar)
		default:
			b.WriteRune(unicode.ToLower(r))
		}
		i += n
	}
	return norm.NFC.String(b.String())
}

// decomposedAm reports whether s (the text after a nikhahit) continues a
// decomposed sara am: an optional tone mark, then sara aa. It returns the
// tone mark (or 0) and the bytes consumed.
func decomposedAm(s string) (tone rune, n int) {
	r, m := utf8.DecodeRuneInString(s)
	if r == saraAa {
		return 0, m
	}
	if isToneMark(r) {
		if r2, m2 := utf8.DecodeRuneInString(s[m:]); r2 == saraAa {
			return r, m + m2
		}
	}
	return 0, 0
}

// plain reports whether Normalize(s) == s for certain: s holds only
// lower-case ASCII without control characters, and Thai letters and marks
// other than digits and nikhahit, in an order NFC leaves alone.
func plain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				return false
			}
			i++
			continue
		}
		// Thai is E0 B8 80–E0 B9 BF (U+0E00–U+0E7F).
		if c != 0xE0 || i+3 > len(s) || s[i+1] != 0xB8 && s[i+1] != 0xB9 || s[i+2]&0xC0 != 0x80 {
			return false
		}
		r := 0x0E00 + rune(s[i+1]-0xB8)<<6 + rune(s[i+2]&0x3F)
		if r == nikhahit || isThaiDigit(r) {
			return false
		}
		// NFC moves a tone mark (ccc 107) after a following below vowel
		// or phinthu (U+0E38–U+0E3A, ccc 103 and 9).
		if isToneMark(r) && i+6 <= len(s) && s[i+3] == 0xE0 && s[i+4] == 0xB8 && s[i+5] >= 0xB8 && s[i+5] <= 0xBA {
			return false
		}
		i += 3
	}
	return true
}
