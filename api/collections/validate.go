package collections

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what a collection holds, in runes (Thai text is 3 bytes a rune
// in UTF-8, so a byte limit would cut Thai notes a third as long).
const (
	MaxTitle       = 200   // runes in a title
	MaxDescription = 4000  // runes in a description
	MaxNote        = 10000 // runes in an item's note
	MaxItems       = 5000  // documents in one collection
	MaxIDLen       = 64    // bytes in a collection ID
)

// docIDLen is the length of botrian.DocID: 16 lowercase hex digits.
const docIDLen = 16

// cleanText trims s and checks it against max runes; empty is refused when
// required. Newlines and tabs are kept (notes have paragraphs); other
// control characters are refused.
func cleanText(field, s string, max int, required bool) (string, error) {
	if !utf8.ValidString(s) {
		return "", &ValidationError{field, "not valid UTF-8"}
	}
	s = strings.TrimSpace(s)
	if s == "" && required {
		return "", &ValidationError{field, "must not be empty"}
	}
	if n := utf8.RuneCountInString(s); n > max {
		return "", &ValidationError{field, "has " + strconv.Itoa(n) + " characters, more than " + strconv.Itoa(max)}
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' {
			return "", &ValidationError{field, "contains control character " + strconv.QuoteRune(r)}
		}
	}
	return s, nil
}

// checkDocID accepts an ID as botrian.DocID makes it.
func checkDocID(id string) error {
	if len(id) != docIDLen {
		return &ValidationError{"doc_id", "must be " + strconv.Itoa(docIDLen) + " hex digits, got " + strconv.Quote(id)}
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return &ValidationError{"doc_id", "must be " + strconv.Itoa(docIDLen) + " lowercase hex digits, got " + strconv.Quote(id)}
		}
	}
	return nil
}

// CheckID reports whether id can name a collection: 1 to MaxIDLen of a-z,
// 0-9 and inner hyphens, as Create generates them.
func CheckID(id string) error {
	if id == "" || len(id) > MaxIDLen {
		return &ValidationError{"id", "must be 1 to " + strconv.Itoa(MaxIDLen) + " characters"}
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0 && i < len(id)-1) {
			return &ValidationError{"id", "may hold only a-z, 0-9 and inner hyphens, got " + strconv.Quote(id)}
		}
	}
	return nil
}

// slugWords is how much of a title's Latin text a generated ID keeps.
const slugWords = 40

// slug makes the readable part of a generated ID from the ASCII letters
// and digits of title ("HIA ชุมพร 2551" → "hia-2551"); Thai is left out
// so that the ID stays plain in URLs. It returns "" if nothing is left.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		switch {
		case ok && dash && b.Len() > 0:
			b.WriteByte('-')
			fallthrough
		case ok:
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
		if b.Len() >= slugWords {
			break
		}
	}
	return strings.TrimRight(b.String(), "-")
}
