package thai

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// cut returns the tokens' original slices joined by '|'.
func cut(s *Segmenter, text string) string {
	var b strings.Builder
	for i, t := range s.Segment(text) {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString(text[t.Start:t.End])
	}
	return b.String()
}

func TestSegment(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"สมัชชาสุขภาพจังหวัดลำพูน", "สมัชชาสุขภาพจังหวัด|ลำพูน"},
		{"สมัชชาสุขภาพจังหวัดลำพูน ได้เริ่มกระบวนการ HIA ปี 2557", "สมัชชาสุขภาพจังหวัด|ลำพูน| |ได้|เริ่ม|กระบวนการ| |HIA| |ปี| |2557"},
		{"ธรรมนูญสุขภาพตำบลของนักสานพลัง", "ธรรมนูญสุขภาพตำบล|ของ|นักสานพลัง"},
		{"ผอ.สำนักงาน สช. และ สสส.", "ผอ.|สำนักงาน| |สช.| |และ| |สสส."},
		{"จ.ลำพูน", "จ.|ลำพูน"},
		{"ไปเที่ยวกันมาๆ", "ไป|เที่ยว|กัน|มา|ๆ"},
		{"ปี ๒๕๕๗ และ 1,234.5 บาท", "ปี| |๒๕๕๗| |และ| |1,234.5| |บาท"},
		{"น้ํา", "น้ํา"},
		{"สุข\u200bภาพ", "สุข|\u200b|ภาพ"},
		{"COVID-19 ระบาด!!", "COVID|-|19| |ระบาด|!|!"},
		{"  \t", "  \t"},
		{"กรุงเทพฯ", "กรุงเทพฯ"},
		{"ขอนแก่นฯ", "ขอนแก่น|ฯ"},
		{"จันทร์", "จันทร์"},
		{"ครับ😀😀", "ครับ|😀|😀"},
		{"\xffก", "\xff|ก"},
		{"ก.ุ", "ก.ุ"}, // a stray mark stays with the character before it
	}
	s := Default()
	for _, tt := range tests {
		if got := cut(s, tt.in); got != tt.want {
			t.Errorf("Segment(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenKindAndText(t *testing.T) {
	type tok struct {
		text string
		kind Kind
	}
	tests := []struct {
		in   string
		want []tok
	}{
		{"HIA ๒๕๕๗", []tok{{"hia", Latin}, {" ", Space}, {"2557", Number}}},
		{"น้ํา", []tok{{"น้ำ", Word}}},
		{"สุข\u200cภาพ", []tok{{"สุขภาพ", Word}}},
		{"มาๆ", []tok{{"มา", Word}, {"ๆ", Repeat}}},
		{"ขอนแก่นฯ", []tok{{"ขอนแก่น", Word}, {"ฯ", Punct}}},
		{"ฉฉฉ", []tok{{"ฉฉฉ", Unknown}}},
		{"\u00a0", []tok{{" ", Space}}},
	}
	s := Default()
	for _, tt := range tests {
		var got []tok
		for _, x := range s.Segment(tt.in) {
			got = append(got, tok{x.Text, x.Kind})
		}
		if !equalTokens(got, tt.want) {
			t.Errorf("Segment(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func equalTokens[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"สุขภาพ", "สุขภาพ"},
		{"HIA", "hia"},
		{"๒๕๕๗", "2557"},
		{"น\u0e4d\u0e32", "นำ"},
		{"น\u0e4d\u0e49\u0e32", "น\u0e49ำ"},
		{"น\u0e49\u0e4d\u0e32", "น\u0e49ำ"},
		{"a\u200bb\u200cc\u200dd\ufeffe\u00adf", "abcdef"},
		{"a\u00a0b", "a b"},
		{"e\u0301", "\u00e9"},
		{"ก\u0e48\u0e38", "ก\u0e38\u0e48"},
		{"\xff", "\ufffd"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSubWords(t *testing.T) {
	tests := []struct {
		in   string
		want string // the sub-words, sorted, joined by '|'
	}{
		{"สมัชชาสุขภาพ", "สมัชชา|สุขภาพ"},
		{"สมัชชาสุขภาพจังหวัด", "จังหวัด|สมัชชา|สมัชชาสุขภาพ|สุขภาพ"},
		{"ธรรมนูญสุขภาพตำบล", "ตำบล|ธรรม|ธรรมนูญ|ธรรมนูญสุขภาพ|สุขภาพ"},
		{"ภาคีเครือข่าย", "ภาคี|เครือข่าย"},
		{"เครือข่าย", ""},    // เครือ and ข่าย have one syllable each
		{"ชุมชน", ""},        // nor ชุม out of ชุมชน
		{"ประชาชน", "ประชา"}, // nor ชา out of ประชาชน
		{"วิชาการ", "วิชา"},
		{"สมัชชา", ""},
		{"จังหวัด", ""}, // nor หวัด, nor วัด
		{"ป่าชุมชน", "ชุมชน|ป่า"},
		{"นักสานพลัง", "พลัง|สานพลัง"},
		{"การประเมินผลกระทบด้านสุขภาพ", "กระทบ|ประเมิน|ประเมินผลกระทบ|ประเมินผลกระทบด้านสุขภาพ|ผลกระทบ|สุขภาพ"},
		{"กองทุนหลักประกันสุขภาพ", "กองทุน|ทุน|ประกัน|สุขภาพ|หลักประกันสุขภาพ"},
		{"โรงพยาบาลส่งเสริมสุขภาพตำบล", "ตำบล|พยาบาล|สุขภาพ|ส่งเสริมสุขภาพ|โรงพยาบาล"},
	}
	s := Default()
	for _, tt := range tests {
		text := "ที่" + tt.in + " "
		toks := s.Segment(text)
		if len(toks) < 2 || toks[1].Text != tt.in || toks[1].Kind != Word {
			t.Fatalf("Segment(%q) = %v, want %q as its second word", text, toks, tt.in)
		}
		var got []string
		for _, w := range s.AppendSubWords(nil, text, toks[1]) {
			if w.Start < toks[1].Start || w.End > toks[1].End || text[w.Start:w.End] != w.Text {
				t.Errorf("AppendSubWords(%q) gave %+v outside its compound", text, w)
			}
			got = append(got, w.Text)
		}
		slices.Sort(got)
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("AppendSubWords(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
	if got := s.AppendSubWords(nil, "HIA", Token{Text: "hia", Start: 0, End: 3, Kind: Latin}); len(got) != 0 {
		t.Errorf("AppendSubWords(Latin) = %v, want none", got)
	}
}

func TestSyllables(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"ชา", 1},
		{"ชุม", 1},
		{"ชน", 1},
		{"กอง", 1},
		{"ส่วน", 1},
		{"ความ", 1},
		{"ประ", 1},
		{"หวัด", 1},
		{"เครือ", 1},
		{"ข่าย", 1},
		{"สุขภาพ", 2},
		{"ตำบล", 2},
		{"วิชา", 2},
		{"คณะ", 2},
		{"สมัชชา", 3},
	}
	s := Default()
	for _, tt := range tests {
		sc := s.scratch.Get().(*scratch)
		scanThai(tt.in, 0, sc)
		if got := syllables(sc.units); got != tt.want {
			t.Errorf("syllables(%q) = %d, want %d", tt.in, got, tt.want)
		}
		s.scratch.Put(sc)
	}
}

func TestNew(t *testing.T) {
	const text = "บ้านฉฉฉต้องสุข"
	if got, want := cut(Default(), text), "บ้าน|ฉฉฉ|ต้อง|สุข"; got != want {
		t.Fatalf("Default: Segment(%q) = %q, want %q", text, got, want)
	}
	s, err := New(Config{Words: []string{" ฉฉฉต้อง ", "บ้านฉ\u0e4d\u0e32"}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := cut(s, text), "บ้าน|ฉฉฉต้อง|สุข"; got != want {
		t.Errorf("New: Segment(%q) = %q, want %q", text, got, want)
	}
	if got, want := cut(s, "บ้านฉ\u0e4d\u0e32"), "บ้านฉ\u0e4d\u0e32"; got != want {
		t.Errorf("New: Segment(%q) = %q, want %q", "บ้านฉํา", got, want)
	}
	if _, err := New(Config{Words: []string{"HIA"}}); !errors.Is(err, ErrBadWord) {
		t.Errorf("New(HIA) error = %v, want ErrBadWord", err)
	}
}

// checkTokens reports a broken invariant of Segment's result on text.
func checkTokens(t *testing.T, s *Segmenter, text string, toks []Token) {
	t.Helper()
	at := 0
	for i, tk := range toks {
		if tk.Start != at || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("Segment(%q): token %d %+v does not continue at %d", text, i, tk, at)
		}
		if !utf8.RuneStart(text[tk.Start]) && i > 0 && utf8.ValidString(text) {
			t.Fatalf("Segment(%q): token %d starts inside a character", text, i)
		}
		if !utf8.ValidString(tk.Text) {
			t.Fatalf("Segment(%q): token %d text %q is not UTF-8", text, i, tk.Text)
		}
		for _, w := range s.AppendSubWords(nil, text, tk) {
			if w.Start < tk.Start || w.End > tk.End || w.Start >= w.End {
				t.Fatalf("AppendSubWords(%q, %+v) = %+v, outside the token", text, tk, w)
			}
		}
		at = tk.End
	}
	if at != len(text) {
		t.Fatalf("Segment(%q) covers %d of %d bytes", text, at, len(text))
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{"", "สมัชชาสุขภาพจังหวัดลำพูน 2557", "น\u0e4d\u0e49\u0e32ๆ", "สช.\u200bHIA", "\xe0\xb8", "เ", "์์", "ก\u200d😀", "ก.ุ", "กุ่", "ก.ุ่"} {
		f.Add(s)
	}
	s := Default()
	f.Fuzz(func(t *testing.T, text string) {
		checkTokens(t, s, text, s.Segment(text))
		if n := Normalize(text); utf8.ValidString(text) && Normalize(n) != n {
			t.Errorf("Normalize(%q) = %q, not idempotent", text, n)
		}
	})
}

// worstCases are inputs that defeat segmenters with super-linear search.
func worstCases(tb testing.TB) map[string]string {
	tb.Helper()
	para := strings.Repeat("การประเมินผลกระทบด้านสุขภาพของชุมชนริมน้ำที่ตากแดดตากลมมาทั้งปีนั้นต้องอาศัยความร่วมมือจากภาคีเครือข่าย", 200)
	cases := map[string]string{
		"60KB of one character": strings.Repeat("ก", 20000),
		"60KB of one vowel":     strings.Repeat("เ", 20000),
		"58KB unspaced":         para[:58000-58000%3],
		"ambiguous pairs":       strings.Repeat("ตากลม", 4000),
	}
	if dir := sharedDir(tb); dir != "" {
		b, err := os.ReadFile(filepath.Join(dir, "seeds", "002_eaa100f2b77f82f3.txt"))
		if err == nil {
			longest := ""
			for _, l := range strings.Split(string(b), "\n") {
				if len(l) > len(longest) {
					longest = l
				}
			}
			cases["seed 002 longest line"] = longest
		}
	}
	return cases
}

func TestWorstCases(t *testing.T) {
	s := Default()
	for name, text := range worstCases(t) {
		toks := s.Segment(text)
		checkTokens(t, s, text, toks)
		if len(toks) == 0 {
			t.Errorf("%s: no tokens", name)
		}
	}
}

// sharedDir returns <repo root>/../shared, or "" when it is absent.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	shared := filepath.Join(filepath.Dir(dir), "shared")
	if fi, err := os.Stat(shared); err != nil || !fi.IsDir() {
		return ""
	}
	return shared
}
