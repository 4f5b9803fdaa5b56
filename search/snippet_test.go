package search

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/botrian/botrian"
)

func TestFragmentsBoundaries(t *testing.T) {
	// Long Thai text with matches far apart: fragments must not start on a
	// combining mark, must keep <mark> balanced and escape HTML.
	filler := strings.Repeat("ชาวบ้านร่วมกันวิเคราะห์ปัญหาและหาทางออก ", 12)
	text := filler + "สมัชชาสุขภาพ <b>ลำพูน</b> " + filler + "ที่ประชุมเลือกสมัชชาสุขภาพอีกครั้ง" + filler
	var spans []span
	for _, w := range []string{"สมัชชาสุขภาพ", "ลำพูน"} {
		for i := 0; ; {
			j := strings.Index(text[i:], w)
			if j < 0 {
				break
			}
			spans = append(spans, span{i + j, i + j + len(w), w})
			i += j + len(w)
		}
	}
	frags := fragments(text, spans, 3, 80)
	if len(frags) != 2 {
		t.Fatalf("fragments = %d, want 2: %q", len(frags), frags)
	}
	if !strings.Contains(frags[0], "<mark>ลำพูน</mark>") || !strings.Contains(frags[0], "&lt;b&gt;") {
		t.Errorf("first fragment = %q, want both words marked and HTML escaped", frags[0])
	}
	for _, f := range frags {
		body := strings.TrimPrefix(f, "…")
		r, _ := utf8.DecodeRuneInString(body)
		if combining(body, 0) || r == ' ' {
			t.Errorf("fragment %q starts with %U", f, r)
		}
		if strings.Count(f, "<mark>") != strings.Count(f, "</mark>") || strings.Count(f, "<mark>") == 0 {
			t.Errorf("fragment %q: unbalanced or missing marks", f)
		}
		if n := utf8.RuneCountInString(f); n > 200 {
			t.Errorf("fragment %q: %d runes, want about 80", f, n)
		}
	}
}

func TestSnapStartNeverOnCombiningMark(t *testing.T) {
	text := "การประเมินผลกระทบด้านสุขภาพที่ชุมพรร่วมกันทำ"
	for i := 0; i < len(text); i++ {
		if !utf8.RuneStart(text[i]) {
			continue
		}
		if st := snapStart(text, i); combining(text, st) {
			t.Errorf("snapStart(%d) = %d, on a combining mark %q", i, st, text[st:])
		}
	}
}

func TestSnippetFromSection(t *testing.T) {
	docs := []botrian.Document{{
		ID: "d1", URL: "https://example.org/1", Site: "softganz", Title: "รายงานกิจกรรม",
		Body:     "เนื้อหาทั่วไปของรายงาน\n\nปัญหาและอุปสรรค\n\nงบประมาณล่าช้า ทำให้กิจกรรมเลื่อน",
		Sections: []botrian.Section{{Heading: "ปัญหาและอุปสรรค", Text: "งบประมาณล่าช้า ทำให้กิจกรรมเลื่อน"}},
	}}
	s := newSearcher(t, docs)
	res, err := s.Search(context.Background(), Request{Query: "section:obstacles งบประมาณ"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("Search = %v, %v", res, err)
	}
	h := res.Hits[0]
	if h.Section != "obstacles" || !strings.Contains(h.Snippet, "<mark>") {
		t.Errorf("hit section %q snippet %q, want obstacles with a mark", h.Section, h.Snippet)
	}
}
