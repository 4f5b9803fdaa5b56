package facet

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that Extract never panics and that every evidence span
// lies inside its field and equals the text it reports.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"สมัชชาสุขภาพจังหวัดลำพูน ๑๓ ม.ค. ๕๘", "จ.ตาก\u00a0และตากแดด\u200b HIA ชุมชน", "ํา\xff๑-๒ ตค. ๕๑ คจ.สจ.รอ.", "เมืองนคร ปีที่แล้ว สปสช. เขต 7 สุราษฎร์ธานี"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, title, body string) {
		fx := Extract(Input{Title: title, Body: body, DateText: body, Tags: []string{title}})
		fields := map[string]string{"title": title, "body": body, "date_text": body, "tags": title}
		for _, e := range fx.Evidence {
			s, ok := fields[e.Field]
			if !ok {
				continue
			}
			if e.Start < 0 || e.End > len(s) || e.Start > e.End || s[e.Start:e.End] != e.Text {
				t.Fatalf("evidence %+v out of field %s (%d bytes)", e, e.Field, len(s))
			}
		}
		if fx.Year != 0 && (fx.Year < 1900 || fx.Year > 2100) {
			t.Fatalf("Year = %d", fx.Year)
		}
		for _, p := range fx.Provinces {
			if _, ok := p.Info(); !ok {
				t.Fatalf("province %q not in the gazetteer", p)
			}
		}
		_ = utf8.ValidString(strings.Join(fx.Orgs, ""))
	})
}

func BenchmarkExtract(b *testing.B) {
	body := strings.Repeat("เมื่อวันที่ 9 – 11 ตุลาคม 2556 ที่จังหวัดเพชรบูรณ์ เครือข่ายสมัชชาสุขภาพสยามตอนบน จัดเวทีประชุม 9 จังหวัดภาคเหนือตอนล่าง โดยมีตัวแทนจาก กำแพงเพชร พิษณุโลก พิจิตร และตากเข้าร่วม สช. สปสช. กองทุนหลักประกันสุขภาพ\n\n", 20)
	in := Input{Title: "สมัชชาสุขภาพจังหวัดลำพูน", Body: body, DateText: "28 กันยายน 2008 13:15 น."}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if fx := Extract(in); fx.Year == 0 {
			b.Fatal("no year")
		}
	}
}
