package crawler

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/botrian/botrian"
	"github.com/google/go-cmp/cmp"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixtures are our own pages in each site's template shape, with the URL
// each is extracted under. Some URLs are on unknown hosts on purpose: the
// profile must then be found by signature (mirrors, saved copies).
var fixtures = []struct {
	file, url, site string
}{
	{"areahpp/post.html", "https://www.samatcha.org/areahpp2/archives/3101", botrian.SiteAreahpp},
	{"areahpp/saved-copy-874.html", "file:///home/km/saved/yasothon.html", botrian.SiteAreahpp},
	{"gotoknow/post.html", "https://mirror.example.org/posts/300123#google_vignette", botrian.SiteGotoknow},
	{"softganz/action.html", "https://ppi.psu.ac.th/project/171/info.action.view/812", botrian.SiteSoftganz},
	{"softganz/paper.html", "http://copy.example.net/paper/55", botrian.SiteSoftganz},
	{"generic/article.html", "https://news.example.com/2019/thakham", botrian.SiteGeneric},
}

// boilerplate are strings no stored field may contain, on any profile.
var boilerplate = []string{
	"BIGtheme.net", "bigtheme.net", "Check Also", "@gotoknow", "ClassStart", "OpenCart Templates",
	"Related Articles", "AreaHpp Facebook", "แสดงความคิดเห็น/แลกเปลี่ยนเรียนรู้", "ไม่มีความเห็น",
	"พบปัญหาการใช้งาน", "หมายเลขบันทึก", "คำสำคัญ (Tags)", "รายงานการใช้เงิน", "pixel ,", "Screen Shot",
	"หัวข้อที่เกี่ยวข้อง",
}

// checkClean fails t if d holds boilerplate or invalid UTF-8.
func checkClean(t *testing.T, name string, d botrian.Document) {
	t.Helper()
	fields := map[string]string{"title": d.Title, "body": d.Body, "date": d.DateText, "author": d.Author}
	for i, s := range d.Sections {
		fields["section heading "+s.Heading] = s.Heading
		fields["section text "+s.Heading+string(rune('0'+i%10))] = s.Text
	}
	for f, v := range fields {
		if !utf8.ValidString(v) {
			t.Errorf("%s: %s is not valid UTF-8: %q", name, f, v)
		}
		for _, m := range boilerplate {
			if strings.Contains(v, m) {
				t.Errorf("%s: %s contains %q:\n%s", name, f, m, v)
			}
		}
		for _, l := range strings.Split(v, "\n") {
			if isIconLine(strings.TrimSpace(l)) {
				t.Errorf("%s: %s has an icon-name line %q", name, f, l)
			}
		}
	}
}

func TestExtractGolden(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.file, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", fx.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Extract(fx.url, body, "")
			if err != nil {
				t.Fatalf("Extract(%q) error: %v", fx.file, err)
			}
			if got.Site != fx.site {
				t.Errorf("Extract(%q).Site = %q, want %q", fx.file, got.Site, fx.site)
			}
			checkClean(t, fx.file, got)
			golden := filepath.Join("testdata", strings.TrimSuffix(fx.file, filepath.Ext(fx.file))+".golden.json")
			b, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, '\n')
			if *updateGolden {
				if err := os.WriteFile(golden, b, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestExtractGolden -update)", err)
			}
			if diff := cmp.Diff(string(want), string(b)); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", fx.file, diff)
			}
		})
	}
}

// findShared returns <repo root>/../shared, or "" when it is absent.
func findShared() string {
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
	if _, err := os.Stat(filepath.Join(shared, "seeds")); err != nil {
		return ""
	}
	return shared
}

// seedsSharedDir returns <repo root>/../shared, or skips the test.
func seedsSharedDir(t testing.TB) string {
	t.Helper()
	s := findShared()
	if s == "" {
		t.Skip("../shared/seeds not found beside the repository")
	}
	return s
}

// seedDocs imports the five seed pages, keyed by file-name prefix ("000").
func seedDocs(t *testing.T) map[string]botrian.Document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(seedsSharedDir(t), "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seeds: %v", err)
	}
	docs := map[string]botrian.Document{}
	_, err = Import(t.Context(), files, func(d botrian.Document) error {
		docs[filepath.Base(d.URL)[:3]] = d
		return nil
	}, func(p string, err error) { t.Errorf("Import(%s) failed: %v", p, err) })
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestSeeds(t *testing.T) {
	docs := seedDocs(t)
	tests := []struct {
		seed, field, got, want string
	}{
		{"000", "site", docs["000"].Site, botrian.SiteAreahpp},
		{"000", "title", docs["000"].Title, "บันทึกการเดินทาง 30.13 ก้าวที่สอง สมัชชาสุขภาพจังหวัดลำพูน"},
		{"001", "site", docs["001"].Site, botrian.SiteAreahpp},
		{"001", "title", docs["001"].Title, "9 จว.เหนือตอนล่างสานพลัง ตั้งกลุ่ม UPPER SIAM CIRCLE"},
		{"002", "site", docs["002"].Site, botrian.SiteAreahpp},
		{"003", "site", docs["003"].Site, botrian.SiteSoftganz},
		{"003", "title", docs["003"].Title, "ประชุมกอง บก.เพื่อสนับสนุนการขับเคลื่อนงานประเด็นความมั่นคงด้านอาหาร"},
		{"003", "date", docs["003"].DateText, "20 พฤศจิกายน 2559"},
		{"003", "author", docs["003"].Author, "chabeeah"},
		{"003", "project", docs["003"].Project, "โครงการพัฒนาเครือข่ายสื่อสาธารณะภาคใต้"},
		{"004", "site", docs["004"].Site, botrian.SiteGotoknow},
		{"004", "title", docs["004"].Title, "กระบวนการสมัชชาสุขภาพเมืองอุทุมพร"},
		{"004", "date", docs["004"].DateText, "28 กันยายน 2008 13:15 น."},
		{"004", "tags", strings.Join(docs["004"].Tags, "|"), "social chumphon"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("seed %s %s = %q, want %q", tt.seed, tt.field, tt.got, tt.want)
		}
	}
	for name, d := range docs {
		checkClean(t, "seed "+name, d)
		if d.ID != botrian.DocID(d.URL) || !strings.HasPrefix(d.URL, "file:///") {
			t.Errorf("seed %s: ID %q, URL %q: want DocID of a file:// URL", name, d.ID, d.URL)
		}
	}
	if b := docs["000"].Body; !strings.HasPrefix(b, "ละเมียดละไม") || !strings.HasSuffix(b, "จะบอกเล่าให้ฟังอีกระยะนะครับ") {
		t.Errorf("seed 000 body does not run from the first to the last paragraph:\n%s", b)
	}
	if strings.Contains(docs["002"].Body, "นักสื่อสารสุขภาวะภูมิภาค") {
		t.Errorf("seed 002 body keeps the Check Also post")
	}
}

func TestSeedSections(t *testing.T) {
	docs := seedDocs(t)
	sg := docs["003"].Sections
	want := []botrian.Section{
		{Heading: "วัตถุประสงค์", Text: "เพื่อสนับสนุนให้เกิดงานสมัชชาสู่การกำหนดนโยบายสาธารณะแบบมีส่วนร่วม ในการขับเคลื่อนงานในทุกด้านสู่ความ อยู่ดีมีสุข อย่างยั่งยืน"},
		{Heading: "กิจกรรมตามแผน"},
	}
	if diff := cmp.Diff(want, sg[:min(2, len(sg))]); diff != "" {
		t.Errorf("seed 003 first sections (-want +got):\n%s", diff)
	}
	heads := map[string]string{}
	for _, s := range sg {
		heads[s.Heading] = s.Text
	}
	for h, want := range map[string]string{
		"กิจกรรมที่ปฎิบัติ":                    "การจัดสมัชชาเพื่อให้เกิดเวทีสาธารณะ",
		"ผลที่เกิดขึ้นจริง":                    "ในการขับเคลื่อนสมัชชาสุขภาพจังหวัด",
		"ประเมินความสำเร็จของการดำเนินกิจกรรม": "บรรลุผลมากกว่าเป้าหมาย (4)",
		"กลุ่มเป้าหมายที่เข้าร่วม":             "จำนวน 350 คน จากที่ตั้งไว้ 500 คน",
		"ปัญหา/แนวทางแก้ไข":                    "",
		"ชื่อผู้ติดตามในพื้นที่ของ":            "",
		"ข้อเสนอแนะต่อ":                        "",
		"ข้อเสนอแนะต่อพื้นที่":                 "ขยายผลการขับเคลื่อนตามประเด็นงานในพื้นที่ให้ครอบคลุมมากขึ้น",
	} {
		got, ok := heads[h]
		if !ok || !strings.HasPrefix(got, want) || (want == "" && got != "") {
			t.Errorf("seed 003 section %q = %q (found %v), want prefix %q", h, got, ok, want)
		}
	}
	gk := map[string]bool{}
	for _, s := range docs["004"].Sections {
		gk[s.Heading] = s.Text != ""
	}
	for _, h := range []string{"วัตถุประสงค์ของโครงการสมัชชาสุขภาพ", "ผลการดำเนินงานที่ผ่านมา", "ปัจจัยของความสำเร็จ",
		"อุปสรรคหรือข้อจำกัดจากการดำเนินงานที่ผ่านมา", "แผนงานที่จะดำเนินการต่อไป", "ข้อเสนอแนะต่อ สช."} {
		if !gk[h] {
			t.Errorf("seed 004 has no non-empty section %q; sections: %v", h, gk)
		}
	}
}

func TestExtractBadInput(t *testing.T) {
	huge := bytes.Repeat([]byte("<p>ก</p>"), MaxExtractBytes/8+1)
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
	tests := []struct {
		name, url, ct string
		body          []byte
		want          error
	}{
		{"empty", "https://x.example/a", "", nil, ErrEmpty},
		{"spaces", "https://x.example/a", "", []byte(" \n\t "), ErrEmpty},
		{"png", "https://x.example/a.png", "", png, ErrBinary},
		{"pdf", "file:///tmp/a.txt", "", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00"), ErrBinary},
		{"huge", "https://x.example/a", "text/html", huge, ErrTooLarge},
		{"no text", "https://x.example/a", "text/html", []byte("<html><body><script>x()</script></body></html>"), ErrNoText},
	}
	for _, tt := range tests {
		_, err := Extract(tt.url, tt.body, tt.ct)
		if !errors.Is(err, tt.want) {
			t.Errorf("Extract(%s) error = %v, want %v", tt.name, err, tt.want)
		}
		var xe *ExtractError
		if err != nil && (!errors.As(err, &xe) || xe.URL != tt.url) {
			t.Errorf("Extract(%s) error %v does not carry the URL %q", tt.name, err, tt.url)
		}
	}
}

func TestExtractCharset(t *testing.T) {
	const title = "สมัชชาสุขภาพจังหวัดสุรินทร์"
	thai874 := []byte{0xCA, 0xC1, 0xD1, 0xAA, 0xAA, 0xD2, 0xCA, 0xD8, 0xA2, 0xC0, 0xD2, 0xBE, 0xA8, 0xD1, 0xA7, 0xCB, 0xC7, 0xD1, 0xB4, 0xCA, 0xD8, 0xC3, 0xD4, 0xB9, 0xB7, 0xC3, 0xEC}
	page := func(head string, b []byte) []byte {
		return append(append([]byte("<html><head>"+head+"</head><body><h1>"), b...), []byte("</h1><p>x</p></body></html>")...)
	}
	tests := []struct {
		name, ct string
		body     []byte
	}{
		{"utf-8", "", page("", []byte(title))},
		{"header windows-874", "text/html; charset=windows-874", page("", thai874)},
		{"header tis-620", "text/html; charset=TIS-620", page("", thai874)},
		{"meta tis-620", "", page(`<meta http-equiv="Content-Type" content="text/html; charset=tis-620">`, thai874)},
		{"undeclared", "", page("", thai874)},
		{"declared latin-1", "text/html; charset=iso-8859-1", page("", thai874)},
		{"text undeclared", "text/plain", append(thai874, "\n\nx"...)},
	}
	for _, tt := range tests {
		d, err := Extract("https://x.example/a", tt.body, tt.ct)
		if err != nil {
			t.Errorf("Extract(%s) error: %v", tt.name, err)
			continue
		}
		if d.Title != title {
			t.Errorf("Extract(%s).Title = %q, want %q", tt.name, d.Title, title)
		}
	}
}

func TestExtractRepairsUTF8(t *testing.T) {
	body := []byte("<html><meta charset=utf-8><h1>หัวเรื่อง\xff\xfeท้าย</h1><p>เนื้อ\xc3ความ</p></html>")
	d, err := Extract("https://x.example/a", body, "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "หัวเรื่อง\uFFFDท้าย" || d.Body != "เนื้อ\uFFFDความ" {
		t.Errorf("Extract(invalid UTF-8) = %q / %q, want each broken run replaced by one U+FFFD", d.Title, d.Body)
	}
}

func TestExtractMalformedHTML(t *testing.T) {
	body := []byte(`<html><head><title>เวทีประชาคม</title><body><div id="x"><p>ย่อหน้าแรก <b>ไม่ปิด<p>ย่อหน้าสอง</td></tr></table><a href="http://[::1">ลิงก์เสีย</a>`)
	d, err := Extract("https://x.example/a", body, "")
	if err != nil {
		t.Fatalf("Extract(malformed) error: %v", err)
	}
	if d.Title != "เวทีประชาคม" || !strings.Contains(d.Body, "ย่อหน้าสอง") {
		t.Errorf("Extract(malformed) = title %q body %q, want both", d.Title, d.Body)
	}
}

func TestSiteByHost(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.samatcha.org/areahpp2/archives/2693", botrian.SiteAreahpp},
		{"http://areahpp.net/archives/12", botrian.SiteAreahpp},
		{"https://www.samatcha.org/other", ""},
		{"https://gotoknow.org/posts/212436", botrian.SiteGotoknow},
		{"https://ppi.psu.ac.th/project/171/info.action.view/3696", botrian.SiteSoftganz},
		{"https://localfund.happynetwork.org/project/proposal/1/print", botrian.SiteSoftganz},
		{"https://news.example.com/", ""},
	}
	for _, tt := range tests {
		u := parseTestURL(t, tt.url)
		if got := siteByHost(u); got != tt.want {
			t.Errorf("siteByHost(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

func parseTestURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
