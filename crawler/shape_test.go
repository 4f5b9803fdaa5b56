package crawler

import (
	"net/url"
	"testing"

	"github.com/botrian/botrian"
	"github.com/google/go-cmp/cmp"
)

func TestIsArticle(t *testing.T) {
	const (
		single   = `<html><body class="single single-post"><article id="the-post"><div class="entry"><p>เนื้อหา</p></div></article></body></html>`
		sahifa   = `<html><body><article id="the-post"><div class="entry"><p>เนื้อหา</p></div></article><section id="related_posts"><h3><a href="/areahpp2/archives/2">a</a></h3><h3><a href="/areahpp2/archives/3">b</a></h3></section></body></html>`
		entries  = `<html><body><div class="post-item"><h3><a href="/posts/1">หนึ่ง</a></h3></div><div class="post-item"><h3><a href="/posts/2">สอง</a></h3></div></body></html>`
		titled   = `<html><body><h2><a href="/paper/1">หนึ่ง</a></h2><p>ย่อ</p><h2><a href="/paper/2">สอง</a></h2><p>ย่อ</p></body></html>`
		archive  = `<html><body class="archive category"><p>รายการ</p></body></html>`
		plain    = `<html><body><h1>รายงาน</h1><p>เนื้อหายาว</p><p>อ่าน <a href="/posts/9">บันทึก</a></p></body></html>`
		gotoknow = `<html><body><h1>บันทึก</h1><p>เนื้อหา</p><div>หมายเลขบันทึก: 1 เขียนเมื่อ 1 มกราคม 2009</div><ul><li><a href="/posts/2">2</a></li><li><a href="/posts/3">3</a></li><li><a href="/posts/4">4</a></li></ul></body></html>`
	)
	tests := []struct {
		url, body        string
		want, wantNeedTx bool
	}{
		{"http://127.0.0.1:8080/areahpp2/archives/12", archive, true, false},            // the path says article
		{"http://127.0.0.1:8080/areahpp2/archives/category/news", single, false, false}, // the path says listing
		{"http://127.0.0.1:8080/", single, false, false},
		{"http://127.0.0.1:8080/posts/12?page=2", single, false, false},
		{"http://127.0.0.1:8080/areahpp2/2015/01/phayao", single, true, false}, // pretty permalink, single markup
		{"http://127.0.0.1:8080/areahpp2/2015/01/phayao", entries, false, false},
		{"http://127.0.0.1:8080/areahpp2/archives/12/attachment/shot", single, false, false}, // part of a post
		{"http://127.0.0.1:8080/saved/copy.html", sahifa, true, false},
		{"http://127.0.0.1:8080/blog/somsri", entries, false, false},
		{"http://127.0.0.1:8080/news", titled, false, false},
		{"http://127.0.0.1:8080/news", archive, false, false},
		{"http://127.0.0.1:8080/mirror/note", gotoknow, true, false},
		{"http://127.0.0.1:8080/report.html", plain, true, true},
		{"https://www.gotoknow.org/blog/somsri", plain, false, false}, // known host: patterns only
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.url)
		if err != nil {
			t.Fatal(err)
		}
		got, needText := isArticle(u, []byte(tt.body), "text/html; charset=utf-8")
		if got != tt.want || needText != tt.wantNeedTx {
			t.Errorf("isArticle(%q, %.40q) = %v, %v, want %v, %v", tt.url, tt.body, got, needText, tt.want, tt.wantNeedTx)
		}
	}
}

func TestScrubLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"แสดงความคิดเห็น", ""},
		{"แสดงความคิดเห็น (3)", ""},
		{"ความเห็น (2 ความเห็น)", ""},
		{"รายงานการใช้เงิน", ""},
		{"AreaHpp Facebook", ""},
		{"Related Articles", ""},
		{"circle", ""},
		{"circleวัตถุประสงค์", "วัตถุประสงค์"},
		{"check_circle ผลที่เกิดขึ้นจริง", "ผลที่เกิดขึ้นจริง"},
		{"ชาวบ้านกว่าห้าสิบคนมาร่วมแสดงความคิดเห็นต่อร่างธรรมนูญสุขภาพตำบลอย่างคึกคัก", "ชาวบ้านกว่าห้าสิบคนมาร่วมแสดงความคิดเห็นต่อร่างธรรมนูญสุขภาพตำบลอย่างคึกคัก"},
		{"circles of care", "circles of care"},
	}
	for _, tt := range tests {
		if got := scrubLine(tt.in); got != tt.want {
			t.Errorf("scrubLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSiteOfUnknownHost(t *testing.T) {
	tests := []struct{ path, body, want string }{
		{"/saved/a.html", `<article id="the-post"><div class="entry"><p>ดู <a href="https://www.gotoknow.org/posts/1">บันทึก</a></p></div></article>`, botrian.SiteAreahpp},
		{"/areahpp2/archives/5", `<div class="post"><p>เนื้อหา</p></div>`, botrian.SiteAreahpp},
		{"/posts/5", `<div><h1>บันทึก</h1><p>เนื้อหา</p></div>`, botrian.SiteGotoknow},
		{"/x", `<div><p>เนื้อหา</p><p>หมายเลขบันทึก: 5 เขียนเมื่อ 1 มกราคม 2009</p></div>`, botrian.SiteGotoknow},
		{"/project/1/info.action.view/2", `<div><h3>กิจกรรม</h3><p>เนื้อหา</p></div>`, botrian.SiteSoftganz},
		{"/x", `<div class="project-action-item"><h3 class="title">ก</h3></div>`, botrian.SiteSoftganz},
		{"/x", `<div><p>เนื้อหา <a href="https://www.gotoknow.org/posts/1">ลิงก์</a></p></div>`, botrian.SiteGotoknow},
		{"/x", `<div><p>เนื้อหา</p></div>`, botrian.SiteGeneric},
	}
	for _, tt := range tests {
		d, err := Extract("http://127.0.0.1:8080"+tt.path, []byte("<html><body>"+tt.body+"</body></html>"), "text/html")
		if err != nil {
			t.Errorf("Extract(%q): %v", tt.path, err)
			continue
		}
		if d.Site != tt.want {
			t.Errorf("Extract(%q, %.50q).Site = %q, want %q", tt.path, tt.body, d.Site, tt.want)
		}
	}
}

// TestSoftganzWithoutClasses: an activity report whose markup lacks the
// module's classes is read from its rendered lines.
func TestSoftganzWithoutClasses(t *testing.T) {
	const page = `<html><body><div>สถาบันนโยบายสาธารณะ (สนส. ม.อ.)</div><h2>โครงการทดสอบ</h2>
<div><h3>ประชุมคณะทำงาน20 พฤศจิกายน 2559</h3><div>20</div><div>พฤศจิกายน 2559รายงานจากพื้นที่ โดย ผู้รายงาน</div>
<div><i>circle</i></div><div><b>วัตถุประสงค์</b></div><div>เนื้อหาวัตถุประสงค์</div>
<div><i>attach_money</i></div><div><b>รายงานการใช้เงิน</b></div><table><tr><td>ค่าอาหาร</td><td>100</td></tr></table>
<div>แสดงความคิดเห็น</div></div></body></html>`
	d, err := Extract("http://127.0.0.1:8080/project/1/info.action.view/2", []byte(page), "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	got := []string{d.Site, d.Title, d.DateText, d.Author, d.Project, d.Body}
	want := []string{botrian.SiteSoftganz, "ประชุมคณะทำงาน", "20 พฤศจิกายน 2559", "ผู้รายงาน", "โครงการทดสอบ", "วัตถุประสงค์\n\nเนื้อหาวัตถุประสงค์"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Extract(classless report) site, title, date, author, project, body (-want +got):\n%s", diff)
	}
}
