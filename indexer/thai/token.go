package thai

import "strconv"

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word    Kind = iota // a dictionary word
	Unknown             // Thai not in the dictionary, cut at cluster boundaries
	Latin               // letters of scripts written with spaces (Latin, Cyrillic, ...), digits inside
	Number              // digits (ASCII or Thai) with inner '.' or ','
	Space               // whitespace and zero-width spaces
	Punct               // one punctuation mark or symbol such as '$' or '฿'
	Repeat              // the repetition mark ๆ
	Other               // anything else, one character (with its marks) a token: emoji, CJK
)

var kindNames = [...]string{"Word", "Unknown", "Latin", "Number", "Space", "Punct", "Repeat", "Other"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Indexable reports whether tokens of kind k carry searchable text: words,
// unknown Thai, Latin words, numbers and other characters, but not spaces,
// punctuation or ๆ.
func (k Kind) Indexable() bool {
	switch k {
	case Word, Unknown, Latin, Number, Other:
		return true
	}
	return false
}

// Token is one segment of a text.
type Token struct {
	Text       string // the normalised form of the slice (see Normalize)
	Start, End int    // byte offsets of the slice in the original text
	Kind       Kind
}
