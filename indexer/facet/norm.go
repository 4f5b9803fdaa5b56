package facet

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ntext is a field's text normalised for matching, with a map back to the
// original byte offsets.
//
// s is NFC, with Thai digits as ASCII, NBSP and other spaces as ' ', dashes
// as '-', zero-width characters and soft hyphens removed, and the split
// SARA AM (nikhahit + sara aa) joined. lower is s with ASCII letters lowered
// (same length). off is nil when s is the original text itself (plainText);
// otherwise it has len(s)+1 entries: off[i] is the original offset of the
// byte at s[i], off[len(s)] the original length.
type ntext struct {
	s, lower string
	off      []int
}

// normalize builds the ntext of orig.
func normalize(orig string) ntext {
	if plainText(orig) {
		// Nothing to change: offsets are the identity (off is nil).
		return ntext{s: orig, lower: asciiLower(orig)}
	}
	var b strings.Builder
	b.Grow(len(orig))
	off := make([]int, 0, len(orig)+1)
	emit := func(r rune, at int) {
		n := utf8.RuneLen(r)
		if n < 0 {
			r, n = utf8.RuneError, 3
		}
		b.WriteRune(r)
		for range n {
			off = append(off, at)
		}
	}
	// runes holds the NFC form as (rune, original offset) pairs.
	type rp struct {
		r  rune
		at int
	}
	var runes []rp
	if norm.NFC.IsNormalString(orig) {
		runes = make([]rp, 0, len(orig)/2)
		for i, r := range orig { // invalid bytes decode to U+FFFD at their offset
			runes = append(runes, rp{r, i})
		}
	} else {
		// A composed segment maps all its runes to the segment's start.
		var it norm.Iter
		it.InitString(norm.NFC, orig)
		for !it.Done() {
			at := it.Pos()
			for _, r := range string(it.Next()) {
				runes = append(runes, rp{r, at})
			}
		}
	}
	for k := 0; k < len(runes); k++ {
		r, at := runes[k].r, runes[k].at
		switch {
		case r >= '๐' && r <= '๙':
			emit('0'+(r-'๐'), at)
		case r == '\u00a0' || r == '\u2007' || r == '\u202f' || r == '\u3000' || r == '\t':
			emit(' ', at)
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u2060' || r == '\u00ad':
			// dropped
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2014' || r == '\u2212' || r == '~':
			emit('-', at)
		case r == '\u0e4d' && k+1 < len(runes) && runes[k+1].r == '\u0e32':
			emit('\u0e33', at)
			k++
		default:
			emit(r, at)
		}
	}
	off = append(off, len(orig))
	s := b.String()
	return ntext{s: s, lower: asciiLower(s), off: off}
}

// span maps a normalised byte range to the original one.
func (t ntext) span(i, j int) (int, int) {
	if t.off == nil {
		return i, j
	}
	return t.off[i], t.off[j]
}

// plainText reports whether normalize would leave s as it is: valid UTF-8
// in NFC with none of the runes it rewrites or drops.
func plainText(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\t' || c == '~' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1,
			r >= '๐' && r <= '๙',
			r == '\u00a0' || r == '\u2007' || r == '\u202f' || r == '\u3000',
			r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u2060' || r == '\u00ad',
			r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2014' || r == '\u2212',
			r == '\u0e4d' && strings.HasPrefix(s[i+n:], "\u0e32"):
			return false
		}
		i += n
	}
	return norm.NFC.IsNormalString(s)
}

// asciiLower lowers ASCII letters only, keeping byte offsets.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// Norm returns s normalised as Extract sees it: NFC, Thai digits as ASCII,
// NBSP as space, dashes as '-', zero-width characters removed.
func Norm(s string) string { return normalize(s).s }

// isThaiCombining reports whether r is a Thai vowel or tone mark written
// above or below a consonant (it cannot start a word).
func isThaiCombining(r rune) bool {
	return r == '\u0e31' || (r >= '\u0e33' && r <= '\u0e3a') || (r >= '\u0e47' && r <= '\u0e4e')
}

// isThaiLeadingVowel reports whether r is a Thai vowel written before its
// consonant (เ แ โ ใ ไ): a word cannot end with it.
func isThaiLeadingVowel(r rune) bool { return r >= '\u0e40' && r <= '\u0e44' }

// isThaiLetter reports whether r is in the Thai block's letters and marks.
func isThaiLetter(r rune) bool { return r >= '\u0e01' && r <= '\u0e4e' }

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }

// runeBefore and runeAfter return the rune around s[i:j], or 0.
func runeBefore(s string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func runeAfter(s string, j int) rune {
	if j >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return r
}

// thaiBoundaryOK reports whether s[i:j] is not obviously cut out of a
// longer Thai syllable: no combining mark right after it, no leading vowel
// right before it.
func thaiBoundaryOK(s string, i, j int) bool {
	if isThaiCombining(runeAfter(s, j)) {
		return false
	}
	if isThaiLeadingVowel(runeBefore(s, i)) {
		return false
	}
	return true
}

// asciiWordAt reports whether s[i:j] has no ASCII letter on either side.
func asciiWordAt(s string, i, j int) bool {
	return (i == 0 || !isASCIILetter(s[i-1])) && (j >= len(s) || !isASCIILetter(s[j]))
}

// tail returns up to n runes of s before byte i.
func tail(s string, i, n int) string {
	k := i
	for c := 0; c < n && k > 0; c++ {
		_, sz := utf8.DecodeLastRuneInString(s[:k])
		k -= sz
	}
	return s[k:i]
}

// head returns up to n runes of s from byte j.
func head(s string, j, n int) string {
	k := j
	for c := 0; c < n && k < len(s); c++ {
		_, sz := utf8.DecodeRuneInString(s[k:])
		k += sz
	}
	return s[j:k]
}
