package thai

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText is the shared seeds when present, else text of our own.
func benchText(b *testing.B) string {
	b.Helper()
	if dir := sharedDir(b); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
		var sb strings.Builder
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				sb.Write(data)
			}
		}
		if sb.Len() > 0 {
			return sb.String()
		}
	}
	return strings.Repeat("สมัชชาสุขภาพจังหวัดลำพูน ได้เริ่มกระบวนการ HIA ในปี 2557 ร่วมกับภาคีเครือข่ายและ สช.\n", 500)
}

func benchSegment(b *testing.B, text string) {
	s := Default()
	var toks []Token
	lines := strings.SplitAfter(text, "\n")
	n := 0
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		n = 0
		for _, l := range lines {
			toks = s.AppendSegment(toks[:0], l)
			n += len(toks)
		}
		if n == 0 {
			b.Fatal("no tokens")
		}
	}
	b.ReportMetric(float64(n), "tokens/op")
}

func BenchmarkSegment(b *testing.B) { benchSegment(b, benchText(b)) }

func BenchmarkWorstCase(b *testing.B) {
	for name, text := range worstCases(b) {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) { benchSegment(b, text) })
	}
}

func BenchmarkSubWords(b *testing.B) {
	s := Default()
	text := benchText(b)
	toks := s.Segment(text)
	var sub []Token
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, t := range toks {
			sub = s.AppendSubWords(sub[:0], text, t)
			n += len(sub)
		}
		if n == 0 {
			b.Fatal("no sub-words")
		}
	}
}

func BenchmarkLoadDictionary(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if t, err := loadTrie(dictBin); err != nil || len(t.a) == 0 {
			b.Fatal("no dictionary", err)
		}
	}
}
