package crawler

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/botrian/botrian"
)

// FuzzExtract feeds every profile (the fixtures, the seeds' shapes, broken
// markup) through Extract under each site's URL and as text. Invariants: no
// panic, valid UTF-8 out, no boilerplate marker or icon-name line left.
func FuzzExtract(f *testing.F) {
	for _, fx := range fixtures {
		b, err := os.ReadFile(filepath.Join("testdata", fx.file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(0))
	}
	for _, s := range []string{
		"BIGtheme.net http://bigtheme.net/ecommerce/opencart OpenCart Templates\n\nหัวเรื่อง\n\nเนื้อหา\n\nCheck Also\n\nอื่น\n",
		"สถาบันนโยบายสาธารณะ (สนส. ม.อ.)\n\nโครงการ\n\nกิจกรรม5 เมษายน 2561\n5\nเมษายน 2561รายงานจากพื้นที่ โดย x\ncircle\nวัตถุประสงค์\n\nไม่มี\n",
		"หัวเรื่อง\n\n# หัวข้อ  เนื้อ\nคำสำคัญ (Tags): #a #b\nหมายเลขบันทึก: 1เขียนเมื่อ 1 มกราคม 2009 10:00 น. ()\nความเห็น (0)\nClassStart\n",
		"<p>ก<b>ข<p>ค</td><h5>ง<i class='icon -material'>circle</i>",
		"\xff\xfe\xfd<html>\xca\xc1\xd1",
	} {
		f.Add([]byte(s), uint8(1))
	}
	urls := []string{"https://www.samatcha.org/areahpp2/archives/1", "https://www.gotoknow.org/posts/1",
		"https://ppi.psu.ac.th/project/1/info.action.view/1", "https://news.example.com/a", "file:///x/a.txt"}
	f.Fuzz(func(t *testing.T, body []byte, which uint8) {
		u := urls[int(which)%len(urls)]
		d, err := Extract(u, body, "")
		if err != nil {
			return
		}
		for _, v := range append([]string{d.Title, d.Body, d.DateText, d.Author, d.Project}, sectionStrings(d.Sections)...) {
			if !utf8.ValidString(v) {
				t.Fatalf("Extract(%q) gave invalid UTF-8 %q", body, v)
			}
			low := strings.ToLower(v)
			for _, m := range []string{"bigtheme.net", "check also", "@gotoknow", "classstart"} {
				if strings.Contains(low, m) {
					t.Fatalf("Extract(%q) left %q in %q", body, m, v)
				}
			}
			for _, l := range strings.Split(v, "\n") {
				if isIconLine(strings.TrimSpace(l)) {
					t.Fatalf("Extract(%q) left icon line %q", body, l)
				}
			}
		}
	})
}

func sectionStrings(ss []botrian.Section) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Heading, s.Text)
	}
	return out
}

// BenchmarkExtract measures each profile on its fixture, and the text path
// on the seeds when they are present.
func BenchmarkExtract(b *testing.B) {
	type bench struct {
		name, url string
		body      []byte
	}
	var cases []bench
	for _, fx := range fixtures {
		body, err := os.ReadFile(filepath.Join("testdata", fx.file))
		if err != nil {
			b.Fatal(err)
		}
		cases = append(cases, bench{strings.TrimSuffix(fx.file, ".html"), fx.url, body})
	}
	if shared := findShared(); shared != "" {
		files, _ := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
		for _, f := range files {
			body, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			cases = append(cases, bench{"text/" + filepath.Base(f)[:3], "file://" + f, body})
		}
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.body)))
			for b.Loop() {
				d, err := Extract(c.url, c.body, "")
				if err != nil || d.Body == "" {
					b.Fatalf("Extract(%s) = %v, body %d bytes", c.name, err, len(d.Body))
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
