package facet

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestACMatcher compares the automaton with a naive search over random
// texts made of the patterns' own pieces (overlaps, shared prefixes and
// suffixes included).
func TestACMatcher(t *testing.T) {
	pats := []string{"ตาก", "ตากใบ", "กใบ", "สมัชชา", "ชชา", "aa", "aaa", "ab", "ธรรมนูญ", "รัฐธรรมนูญ", "a", "ใบ"}
	m := newACMatcher(pats)
	pieces := append(slices.Clone(pats), "b", "x", " ", "ส")
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 500; n++ {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		type occ struct{ id, start, end int }
		var got, want []occ
		m.scan(s, func(id, start, end int) { got = append(got, occ{id, start, end}) })
		for id, p := range pats {
			for i := 0; i+len(p) <= len(s); i++ {
				if s[i:i+len(p)] == p {
					want = append(want, occ{id, i, i + len(p)})
				}
			}
		}
		less := func(a, b occ) int {
			if a.start != b.start {
				return a.start - b.start
			}
			return a.id - b.id
		}
		slices.SortFunc(got, less)
		slices.SortFunc(want, less)
		if !slices.Equal(got, want) {
			t.Fatalf("scan(%q) = %v, want %v", s, got, want)
		}
	}
}

// anchoredTexts are texts rich in dates, abbreviations and tool names: the
// seeds when ../shared is there, and random splices of date-like pieces.
func anchoredTexts(t *testing.T) []string {
	var out []string
	if dir, err := os.Getwd(); err == nil {
		files, _ := filepath.Glob(filepath.Join(dir, "..", "..", "..", "shared", "seeds", "*"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				out = append(out, Norm(string(b)))
			}
		}
	}
	pieces := []string{"วันที่", "วัน", "เดือน", " ", "  ", "\n", "-", "9", "16", "123", "ตุลาคม", "ต.ค.", "ตค.", "ต. ค", "ม.ค", "มกรา", "กุมภาพันธ์", "กุมภา",
		"2556", "56", "51", "พ.ศ.", "พ. ศ.", "พศ", "ค.ศ.", "ปี", "ปีงบประมาณ", "ปีงบฯ", "เวลา", "13:15", "11.25", "น.", "2557-08-06", "T10:00",
		"จ.", "คจ.สจ.รอ.", "ชพ.", "ศพส 11 ชพ.", "สข.", "รพ.สต.", "กข", "การประเมินผลกระทบ", "ประเมินผลกระทบ", "ด้าน", "สุขภาพ", "โดย", "ชุมชน",
		"สิ่งแวดล้อม", "และ", "กองทุน", "หลักประกัน", "กปท", "แผนที่", "ยุทธศาสตร์", "มาตรา", "12", "เอช", "ไอ", "เอ", "โครงการที่อาจก่อให้เกิดผลกระทบต่อชุมชนอย่างรุนแรง"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(14) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// unanchor turns ^(?:p) back into p.
func unanchor(re *regexp.Regexp) *regexp.Regexp {
	s := strings.TrimSuffix(strings.TrimPrefix(re.String(), "^(?:"), ")")
	return regexp.MustCompile(s)
}

type anchoredCheck struct {
	name   string
	anc    *regexp.Regexp
	full   *regexp.Regexp
	starts func(s string, lh *lexHits) []int
}

// anchoredChecks lists every regexp the extractor tries only at candidate
// starts, with how it finds them.
func anchoredChecks() []anchoredCheck {
	r := dateREs()
	checks := []anchoredCheck{
		{"month", r.month, nil, func(s string, lh *lexHits) []int { return monthStarts(s, lh[lexMonth]) }},
		{"year", r.year, nil, func(s string, lh *lexHits) []int {
			var out []int
			for _, x := range lh[lexYearWord] {
				out = append(out, x.start)
			}
			return out
		}},
		{"iso", r.iso, nil, func(s string, _ *lexHits) []int {
			var out []int
			for i := 4; i < len(s); i++ {
				if s[i] == '-' {
					out = append(out, i-4)
				}
			}
			return out
		}},
		{"abbr", abbrRE, nil, func(s string, _ *lexHits) []int { return abbrStarts(s) }},
	}
	for i, tr := range toolRules() {
		checks = append(checks, anchoredCheck{"tool " + tr.rule, tr.anc, nil, func(_ string, lh *lexHits) []int {
			var out []int
			for _, x := range lh[lexToolRule] {
				if int(x.idx) == i {
					out = append(out, x.start)
				}
			}
			return out
		}})
	}
	for i := range checks {
		checks[i].full = unanchor(checks[i].anc)
	}
	return checks
}

// checkAnchored reports the first regexp whose anchored search of s
// differs from a full scan.
func checkAnchored(t *testing.T, checks []anchoredCheck, s string) {
	t.Helper()
	lh := scanLex(asciiLower(s))
	for _, c := range checks {
		got := findAllSubmatchAnchored(c.anc, s, c.starts(s, lh))
		want := c.full.FindAllStringSubmatchIndex(s, -1)
		if len(got) != len(want) || !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s: anchored search of %q = %v, want %v", c.name, s, got, want)
		}
	}
}

// TestAnchoredSearch checks that trying the anchored regexps only at the
// lexicon's candidate starts finds exactly what a full regexp scan finds.
func TestAnchoredSearch(t *testing.T) {
	checks := anchoredChecks()
	for _, s := range anchoredTexts(t) {
		checkAnchored(t, checks, s)
		if t.Failed() {
			break
		}
	}
}

// FuzzAnchoredSearch checks the same invariant on normalised fuzz input.
func FuzzAnchoredSearch(f *testing.F) {
	for _, s := range []string{"วันที่ 16 - 17 ต. ค. 2551", "ปีงบประมาณ 2558-60 พ. ศ.2557", "คจ.สจ.รอ. ศพส 11 ชพ.", "การประเมินผลกระทบด้านสุขภาพ  โดยชุมชน", "2557-08-06T10:00"} {
		f.Add(s)
	}
	checks := anchoredChecks()
	f.Fuzz(func(t *testing.T, s string) {
		checkAnchored(t, checks, Norm(s))
	})
}

func TestFourDigits(t *testing.T) {
	re := regexp.MustCompile(`[0-9]{4}`)
	for _, s := range []string{"", "123", "1234", "123456789", "ปี 2557 และ 25581 x9999", "12345678"} {
		var want [][2]int
		for _, l := range re.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{l[0], l[1]})
		}
		if got := fourDigits(s); !slices.Equal(got, want) {
			t.Errorf("fourDigits(%q) = %v, want %v", s, got, want)
		}
	}
}
