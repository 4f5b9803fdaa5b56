package thai

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite dict.bin and testdata golden files")

// dictionaryWords returns the words dict.bin is compiled from.
func dictionaryWords(t *testing.T) []string {
	t.Helper()
	read := func(name string) []string {
		f, err := os.Open(filepath.Join("dict", name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		w, err := ReadWords(f)
		if err != nil {
			t.Fatal(err)
		}
		for i := range w {
			w[i] = Normalize(w[i])
		}
		return w
	}
	icu, exclude, domain := read("icu-thaidict.txt"), read("exclude.txt"), read("domain.txt")
	words := slices.DeleteFunc(icu, func(w string) bool { return slices.Contains(exclude, w) })
	return append(words, domain...)
}

// TestDictionaryBlob checks that the embedded dict.bin is compiled from the
// word lists in dict/; with -update it rewrites it (go generate).
func TestDictionaryBlob(t *testing.T) {
	words := dictionaryWords(t)
	b, err := buildTrie(words)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("dict.bin", b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(b, dictBin) {
		t.Fatalf("dict.bin is stale: run go generate ./indexer/thai")
	}
	tr, err := loadTrie(dictBin)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		if !tr.contains(w) {
			t.Errorf("dictionary lacks %q", w)
		}
	}
	for _, w := range []string{"สุขภา", "สมัชชาสุขภาพจ", "ก", ""} {
		if tr.contains(w) {
			t.Errorf("dictionary has %q", w)
		}
	}
}

// contains reports whether w is a word of t.
func (t trie) contains(w string) bool {
	if w == "" {
		return false
	}
	node := rootNode
	for _, r := range w {
		if node = t.next(node, symbol(r)); node == 0 {
			return false
		}
	}
	return t.final(node)
}

func TestReadWords(t *testing.T) {
	got, err := ReadWords(strings.NewReader("# comment\nสุขภาพ\n\n  สมัชชา \r\n#x\nสช."))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"สุขภาพ", "สมัชชา", "สช."}; !slices.Equal(got, want) {
		t.Errorf("ReadWords = %q, want %q", got, want)
	}
}
