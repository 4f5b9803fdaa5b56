package thai

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
)

// dictBin is the compiled dictionary: ICU's Thai word list
// (dict/icu-thaidict.txt) minus dict/exclude.txt plus dict/domain.txt. It is
// regenerated, and checked against those lists, by TestDictionaryBlob.
//
//go:generate go test -run ^TestDictionaryBlob$ -update
//go:embed dict.bin
var dictBin []byte

// Segmenter cuts text into words. It is immutable and safe for concurrent
// use.
type Segmenter struct {
	dicts   []trie // the embedded dictionary, then Config.Words if any
	scratch sync.Pool
}

// Config configures New.
type Config struct {
	// Words are extra dictionary words, such as a user dictionary read
	// with ReadWords. They may use Thai characters and '.' only.
	Words []string
}

// embedded decodes dict.bin once. TestDictionaryBlob checks that it is
// valid, so the error cannot happen in a tested build.
var embedded = sync.OnceValues(func() (trie, error) { return loadTrie(dictBin) })

var defaultSegmenter = sync.OnceValue(func() *Segmenter {
	t, _ := embedded()
	return newSegmenter([]trie{t})
})

// Default returns the segmenter with the embedded dictionary. It is built
// once, at the cost of one copy of the compiled dictionary (about 0.6 MB).
func Default() *Segmenter { return defaultSegmenter() }

// New returns a segmenter with the embedded dictionary and cfg.Words. A
// word with characters other than Thai and '.' is an error.
func New(cfg Config) (*Segmenter, error) {
	if len(cfg.Words) == 0 {
		return Default(), nil
	}
	words := make([]string, len(cfg.Words))
	for i, w := range cfg.Words {
		words[i] = Normalize(strings.TrimSpace(w))
	}
	b, err := buildTrie(words)
	if err != nil {
		return nil, fmt.Errorf("thai dictionary: %w", err)
	}
	base, err := embedded()
	if err != nil {
		return nil, err
	}
	user, err := loadTrie(b)
	if err != nil {
		return nil, err
	}
	return newSegmenter([]trie{base, user}), nil
}

func newSegmenter(dicts []trie) *Segmenter {
	s := &Segmenter{dicts: dicts}
	s.scratch.New = func() any { return new(scratch) }
	return s
}

// ReadWords reads a word list: one word a line, surrounding space trimmed;
// blank lines and lines starting with '#' are skipped.
func ReadWords(r io.Reader) ([]string, error) {
	var words []string
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		words = append(words, w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read words: %w", err)
	}
	return words, nil
}
