package crawler

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/botrian/botrian"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
)

// This file is a second, larger fake site, built unlike the first one: the
// three styles mixed on one host under their real path shapes, with listing
// pages that paginate, a feed, a sitemap index, comment-reply links, edit
// links under /wp-admin/, off-host links and a page only reachable from
// page 3 of a category. Every page is generated here from templates and our
// own short Thai texts. It checks what the crawler does on a host it knows
// nothing about (127.0.0.1): which pages become documents is decided by URL
// path and markup, never by host name.

// unseenArticle is one article of the unseen site.
type unseenArticle struct {
	path    string   // canonical path
	style   string   // botrian.Site*
	title   string   // our own
	phrases []string // distinctive phrases, each only on this page
	// skip: robots.txt disallows it; it must never be requested.
	skip bool
	// hidden: linked only from the last page of a category (or only from
	// the sitemap or the feed; see the site's handlers).
	hidden bool
}

var unseenArticles = []unseenArticle{
	{path: "/areahpp2/archives/1234", style: botrian.SiteAreahpp, title: "เวทีสมัชชาสุขภาพจังหวัดพะเยา",
		phrases: []string{"ชาวบ้านตำบลแม่ใจเสนอให้ตั้งกองทุนน้ำสะอาด", "ข้อสรุปสุดท้ายคือทำแผนร่วมกับโรงพยาบาลส่งเสริมสุขภาพ"}},
	{path: "/areahpp2/archives/1235", style: botrian.SiteAreahpp, title: "เรื่องที่ห้ามเก็บ", skip: true,
		phrases: []string{"ข้อความลับที่หุ่นยนต์ต้องไม่อ่าน"}},
	{path: "/areahpp2/archives/1236", style: botrian.SiteAreahpp, title: "ธรรมนูญสุขภาพตำบลบ้านดอนสร้างใหม่",
		phrases: []string{"สภาองค์กรชุมชนบ้านดอนร่างธรรมนูญฉบับแรก", "ผู้สูงอายุขอให้มีลานออกกำลังกายกลางหมู่บ้าน"}},
	{path: "/areahpp2/archives/1237", style: botrian.SiteAreahpp, title: "ประเมินผลกระทบเหมืองหินด้วยชุมชน",
		phrases: []string{"ฝุ่นหินปูนลอยเข้าโรงเรียนทุกบ่าย", "ทีมประเมินชุมชนเก็บตัวอย่างน้ำบ่อสามจุด"}},
	{path: "/areahpp2/archives/1238", style: botrian.SiteAreahpp, title: "ประชุมภาคีเครือข่ายเขตสิบสอง",
		phrases: []string{"ภาคีเขตสิบสองตกลงแบ่งงานสามกลุ่ม", "งบประมาณกองทุนตำบลใช้ต่อยอดได้"}},
	{path: "/areahpp2/archives/1239", style: botrian.SiteAreahpp, title: "บทเรียนจากหน้าสามของหมวด", hidden: true,
		phrases: []string{"เรื่องนี้ลิงก์อยู่แค่หน้าสามของหมวดข่าว", "ชาวประมงพื้นบ้านร่วมวางแผนฟื้นป่าชายเลน"}},
	{path: "/areahpp2/archives/1241", style: botrian.SiteAreahpp, title: "ข่าวที่มีแต่ในฟีด", hidden: true,
		phrases: []string{"ข่าวนี้ประกาศผ่านฟีดเท่านั้น", "เยาวชนอาสาทำแผนที่ความเสี่ยงน้ำท่วม"}},
	{path: "/posts/212436", style: botrian.SiteGotoknow, title: "ถอดบทเรียนการทำ HIA ชุมชนชายฝั่ง",
		phrases: []string{"ชุมชนชายฝั่งใช้แผนที่ทำมือบอกจุดกัดเซาะ", "ปัจจัยสำเร็จคือผู้นำศาสนาช่วยชวนคน"}},
	{path: "/posts/212437", style: botrian.SiteGotoknow, title: "สมัชชาสุขภาพกับการจัดการขยะ",
		phrases: []string{"ร้านค้าในตลาดนัดเลิกใช้กล่องโฟมครบทุกร้าน", "บทเรียนคือเริ่มจากกลุ่มแม่บ้านก่อน"}},
	{path: "/posts/212438", style: botrian.SiteGotoknow, title: "บันทึกจากแผนผังเว็บ", hidden: true,
		phrases: []string{"บันทึกนี้พบได้จากแผนผังเว็บเท่านั้น", "อสม.เคาะประตูบ้านทุกหลังในสองสัปดาห์"}},
	{path: "/project/171/info.action.view/3696", style: botrian.SiteSoftganz, title: "ประชุมคณะทำงานติดตามแผน",
		phrases: []string{"คณะทำงานทบทวนแผนสุขภาพระดับอำเภอ", "ได้ข้อตกลงร่วมเรื่องลดหวานมันเค็มในโรงเรียน"}},
	{path: "/project/171/info.action.view/3697", style: botrian.SiteSoftganz, title: "ลงพื้นที่สำรวจแหล่งน้ำ",
		phrases: []string{"สำรวจสระน้ำสาธารณะครบแปดแห่ง", "ควรให้เทศบาลร่วมดูแลคุณภาพน้ำ"}},
	{path: "/paper/55", style: botrian.SiteSoftganz, title: "ข่าวเก่ารหัสภาษาไทย",
		phrases: []string{"หน้าข่าวนี้เข้ารหัสแบบวินโดวส์แปดเจ็ดสี่", "ชุมชนต้นแบบด้านอาหารปลอดภัยของจังหวัด"}},
	{path: "/paper/56", style: botrian.SiteSoftganz, title: "ข่าวเวทีเรียนรู้ภาคใต้",
		phrases: []string{"เวทีเรียนรู้ภาคใต้มีผู้เข้าร่วมจากสิบสี่จังหวัด", "เครือข่ายเสนอให้มีศูนย์ข้อมูลกลาง"}},
}

// unseenBoilerplate are strings of the templates' chrome that must never
// reach a document body.
var unseenBoilerplate = []string{
	"BIGtheme.net", "Check Also", "Related Articles", "แสดงความคิดเห็น", "AreaHpp Facebook", "ความเห็น (",
	"ClassStart", "@gotoknow", "รายงานการใช้เงิน", "ความเห็นของผู้อ่านที่ไม่ใช่เนื้อหา", "เรื่องล่าสุดในแถบข้าง",
	"สงวนลิขสิทธิ์", "ค่าอาหารว่าง",
}

// unseenAlt is the second URL of article 1237: its old WordPress permalink.
const (
	unseenAltPath  = "/archives/1237"
	unseenAltOf    = "/areahpp2/archives/1237"
	unseenFlaky    = "/areahpp2/archives/1238"
	unseenCP1252   = "/paper/55"
	unseenCategory = "/areahpp2/archives/category/news"
	// unseenSaved is a saved copy of unseenSavedOf under a path of no style.
	unseenSaved   = "/saved/phayao-assembly.html"
	unseenSavedOf = "/areahpp2/archives/1234"
)

func unseenByPath(p string) (unseenArticle, bool) {
	for _, a := range unseenArticles {
		if a.path == p {
			return a, true
		}
	}
	return unseenArticle{}, false
}

// unseenSite serves the site and records each request as host + URI.
type unseenSite struct {
	*httptest.Server
	siteLog
	hook func(r *http.Request)
	// offPort, if set, is another server's URL the home page links to.
	offPort string
	// removed maps a path (no trailing slash) to the status it now answers.
	removed map[string]int
}

// newUnseenSite starts the site. flaky makes unseenFlaky answer 500 once;
// crawlDelay is the robots.txt Crawl-delay in seconds (0: none).
func newUnseenSite(t testing.TB, flaky bool, crawlDelay int) *unseenSite {
	t.Helper()
	s := &unseenSite{siteLog: siteLog{fails: map[string]int{}}}
	if flaky {
		s.fails[unseenFlaky] = 1
	}
	mux := http.NewServeMux()
	html := func(w http.ResponseWriter, body string) {
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		fmt.Fprint(w, body)
	}
	xml := func(w http.ResponseWriter, ct, body string) {
		w.Header().Set("Content-Type", ct)
		fmt.Fprint(w, body)
	}
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nDisallow: /wp-admin/\nDisallow: /areahpp2/wp-admin/\nDisallow: /areahpp2/archives/1235\n")
		if crawlDelay > 0 {
			fmt.Fprintf(w, "Crawl-delay: %d\n", crawlDelay)
		}
		fmt.Fprintf(w, "\nSitemap: %s/sitemap_index.xml\n", s.URL)
	})
	mux.HandleFunc("/sitemap_index.xml", func(w http.ResponseWriter, r *http.Request) {
		xml(w, "text/xml; charset=UTF-8", fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%[1]s/post-sitemap.xml</loc><lastmod>2016-01-02T03:04:05+00:00</lastmod></sitemap>
<sitemap><loc>%[1]s/page-sitemap.xml</loc></sitemap></sitemapindex>`, s.URL))
	})
	mux.HandleFunc("/post-sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		xml(w, "application/xml", fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>%[1]s/areahpp2/archives/1234/</loc></url>
<url><loc>%[1]s/areahpp2/archives/1235/</loc></url>
<url><loc>%[1]s/posts/212438</loc><lastmod>2010-05-06</lastmod></url>
</urlset>`, s.URL))
	})
	mux.HandleFunc("/page-sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		xml(w, "application/xml", fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>%[1]s/</loc></url><url><loc>%[1]s/areahpp2/</loc></url></urlset>`, s.URL))
	})
	mux.HandleFunc("/areahpp2/feed/", func(w http.ResponseWriter, r *http.Request) {
		xml(w, "application/rss+xml; charset=UTF-8", fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>AreaHpp</title><link>%[1]s/areahpp2</link>
<item><title>ข่าวที่มีแต่ในฟีด</title><link>%[1]s/areahpp2/archives/1241</link>
<comments>%[1]s/areahpp2/archives/1241#respond</comments></item>
<item><title>เวที</title><link>%[1]s/areahpp2/archives/1234?utm_source=rss&amp;utm_medium=rss</link></item>
</channel></rss>`, s.URL))
	})
	// Off-host links: another host name for the same server, and the world.
	offHost := "http://localhost:" + "PORT"
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		other := s.offPort
		s.mu.Unlock()
		html(w, strings.Replace(unseenHome(offHost), "</footer>", `<a href="`+other+`/posts/212437">พอร์ตอื่น</a></footer>`, 1))
	})
	// areahpp listings: home, paging, category with three pages, tag, author.
	areahppList := func(w http.ResponseWriter, heading string, ids []string, pager string) {
		html(w, areahppListing(heading, ids, pager))
	}
	mux.HandleFunc("/areahpp2/{$}", func(w http.ResponseWriter, r *http.Request) {
		areahppList(w, "เรื่องล่าสุด", []string{"1234", "1236"}, pagerHTML("/areahpp2", 1, 2))
	})
	page2 := func(w http.ResponseWriter, r *http.Request) {
		areahppList(w, "เรื่องล่าสุด", []string{"1237", "1238"}, pagerHTML("/areahpp2", 2, 2))
	}
	mux.HandleFunc("/areahpp2/page/2", page2)
	mux.HandleFunc("/areahpp2/page/2/{$}", page2)
	mux.HandleFunc(unseenCategory+"/{$}", func(w http.ResponseWriter, r *http.Request) {
		areahppList(w, "หมวด ข่าว", []string{"1234", "1236"}, pagerHTML(unseenCategory, 1, 3))
	})
	mux.HandleFunc(unseenCategory, func(w http.ResponseWriter, r *http.Request) {
		areahppList(w, "หมวด ข่าว", []string{"1234", "1236"}, pagerHTML(unseenCategory, 1, 3))
	})
	categoryPage := func(w http.ResponseWriter, r *http.Request) {
		switch r.PathValue("n") {
		case "2":
			areahppList(w, "หมวด ข่าว", []string{"1237", "1238"}, pagerHTML(unseenCategory, 2, 3))
		case "3":
			areahppList(w, "หมวด ข่าว", []string{"1239"}, pagerHTML(unseenCategory, 3, 3))
		default:
			http.NotFound(w, r)
		}
	}
	mux.HandleFunc(unseenCategory+"/page/{n}", categoryPage)
	mux.HandleFunc(unseenCategory+"/page/{n}/{$}", categoryPage)
	mux.HandleFunc("/areahpp2/archives/tag/hia", func(w http.ResponseWriter, r *http.Request) {
		areahppList(w, "ป้ายกำกับ HIA", []string{"1237", "1234"}, "")
	})
	mux.HandleFunc("/areahpp2/archives/author/areahpp", func(w http.ResponseWriter, r *http.Request) {
		areahppList(w, "ผู้เขียน areahpp", []string{"1236", "1238", "1234"}, "")
	})
	areahppArticle := func(w http.ResponseWriter, r *http.Request, p string) {
		a, ok := unseenByPath(p)
		if !ok || a.style != botrian.SiteAreahpp {
			http.NotFound(w, r)
			return
		}
		if r.URL.Query().Get("replytocom") != "" && r.URL.Query().Get("replytocom") != "7" {
			http.NotFound(w, r)
			return
		}
		html(w, areahppSingle(a, offHost))
	}
	mux.HandleFunc("/areahpp2/archives/{id}", func(w http.ResponseWriter, r *http.Request) {
		p := "/areahpp2/archives/" + r.PathValue("id")
		if p == unseenFlaky && s.fail(p) {
			http.Error(w, "database connection error", http.StatusInternalServerError)
			return
		}
		areahppArticle(w, r, p)
	})
	mux.HandleFunc("/areahpp2/archives/{id}/{$}", func(w http.ResponseWriter, r *http.Request) {
		areahppArticle(w, r, "/areahpp2/archives/"+r.PathValue("id"))
	})
	mux.HandleFunc(unseenAltPath, func(w http.ResponseWriter, r *http.Request) { areahppArticle(w, r, unseenAltOf) })
	mux.HandleFunc(unseenSaved, func(w http.ResponseWriter, r *http.Request) { areahppArticle(w, r, unseenSavedOf) })
	mux.HandleFunc("/areahpp2/archives/1234/attachment/shot", func(w http.ResponseWriter, r *http.Request) {
		html(w, areahppSingle(unseenArticle{path: "/areahpp2/archives/1234/attachment/shot", title: "shot",
			phrases: []string{"ภาพประกอบ", "ภาพ"}}, ""))
	})
	mux.HandleFunc("/go/elsewhere", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		other := s.offPort
		s.mu.Unlock()
		http.Redirect(w, r, other+"/posts/212436", http.StatusFound)
	})
	mux.HandleFunc("/about", func(w http.ResponseWriter, r *http.Request) {
		html(w, `<html><head><title>เกี่ยวกับเรา</title></head><body><h1>เกี่ยวกับเรา</h1><p>ศูนย์ความรู้ของเครือข่าย ติดต่อทีมงานได้ทุกวัน</p></body></html>`)
	})
	mux.HandleFunc("/wp-admin/", func(w http.ResponseWriter, r *http.Request) { html(w, "<p>admin</p>") })
	mux.HandleFunc("/areahpp2/wp-admin/", func(w http.ResponseWriter, r *http.Request) { html(w, "<p>admin</p>") })
	// gotoknow: posts, a blog listing, an author page, a tag page.
	mux.HandleFunc("/posts/{id}", func(w http.ResponseWriter, r *http.Request) {
		a, ok := unseenByPath(r.URL.Path)
		if !ok || a.style != botrian.SiteGotoknow {
			http.NotFound(w, r)
			return
		}
		html(w, gotoknowSingle(a, offHost))
	})
	gotoknowList := func(w http.ResponseWriter, r *http.Request) {
		html(w, gotoknowListing([]string{"/posts/212436", "/posts/212437"}))
	}
	mux.HandleFunc("/blog/hia-coast", gotoknowList)
	mux.HandleFunc("/user/somsri", gotoknowList)
	mux.HandleFunc("/tags/hia", gotoknowList)
	// softganz: activity reports, the project's pages, papers, a profile.
	mux.HandleFunc("/project/171/info.action.view/{id}", func(w http.ResponseWriter, r *http.Request) {
		a, ok := unseenByPath(r.URL.Path)
		if !ok {
			http.NotFound(w, r)
			return
		}
		page := softganzAction(a)
		if strings.HasSuffix(a.path, "/3697") { // another icon markup
			page = strings.ReplaceAll(page, `<i class="icon -material">circle</i>`, `<span class="material-icons">circle</span>`)
		}
		html(w, page)
	})
	softganzList := func(w http.ResponseWriter, r *http.Request) {
		html(w, softganzListing())
	}
	mux.HandleFunc("/project/171", softganzList)
	mux.HandleFunc("/project/171/info.action", softganzList)
	mux.HandleFunc("/profile/12", softganzList)
	mux.HandleFunc("/paper/{id}", func(w http.ResponseWriter, r *http.Request) {
		a, ok := unseenByPath(r.URL.Path)
		if !ok {
			http.NotFound(w, r)
			return
		}
		if r.URL.Path != unseenCP1252 {
			html(w, softganzPaperPage(a, "UTF-8"))
			return
		}
		b, err := charmap.Windows874.NewEncoder().String(softganzPaperPage(a, "windows-874"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=windows-874")
		fmt.Fprint(w, b)
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.log = append(s.log, r.Host+" "+r.URL.RequestURI())
		hook := s.hook
		status := s.removed[strings.TrimSuffix(r.URL.Path, "/")]
		s.mu.Unlock()
		if hook != nil {
			hook(r)
		}
		if status != 0 {
			http.Error(w, http.StatusText(status), status)
			return
		}
		rec := &portFixer{ResponseWriter: w, port: r.Host[strings.LastIndex(r.Host, ":")+1:]}
		mux.ServeHTTP(rec, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// portFixer writes the server's port where a template says PORT, so that
// off-host links name this server under another host name.
type portFixer struct {
	http.ResponseWriter
	port string
}

func (p *portFixer) Write(b []byte) (int, error) {
	if _, err := p.ResponseWriter.Write([]byte(strings.ReplaceAll(string(b), "localhost:PORT", "localhost:"+p.port))); err != nil {
		return 0, err
	}
	return len(b), nil
}

func pagerHTML(base string, cur, last int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="pagination"><span class="pages">หน้า %d จาก %d</span>`, cur, last)
	for i := 1; i <= last; i++ {
		href := base + "/"
		if i > 1 {
			href = fmt.Sprintf("%s/page/%d/", base, i)
		}
		if i == cur {
			fmt.Fprintf(&b, `<span class="current">%d</span>`, i)
			continue
		}
		fmt.Fprintf(&b, `<a href="%s" class="page" title="%d">%d</a>`, href, i, i)
	}
	if cur < last {
		fmt.Fprintf(&b, `<span id="tie-next-page"><a href="%s/page/%d/">»</a></span>`, base, cur+1)
	}
	return b.String() + `</div>`
}

// unseenHome is the host's home page: a portal over the three sections.
func unseenHome(offHost string) string {
	return `<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>ศูนย์ความรู้นโยบายสาธารณะ</title>
<link rel="alternate" type="application/rss+xml" title="ฟีด" href="/areahpp2/feed/"></head><body>
<header><nav><a href="/">หน้าแรก</a> <a href="/areahpp2/">AreaHpp</a> <a href="/blog/hia-coast">บล็อก</a>
<a href="/project/171">โครงการ</a></nav></header>
<main><h1>ศูนย์ความรู้นโยบายสาธารณะ</h1>
<section><h2>ข่าวจากพื้นที่</h2><ul>
<li><a href="/areahpp2/archives/1234/?utm_source=facebook&amp;utm_campaign=x&amp;fbclid=IwAR0abc">เวทีพะเยา</a></li>
<li><a href="/areahpp2/archives/1236#more-1236">ธรรมนูญ</a></li>
<li><a href="` + unseenAltPath + `">ลิงก์เก่า</a></li><li><a href="` + unseenSaved + `">ฉบับบันทึก</a></li>
<li><a href="/areahpp2/archives/1234/attachment/shot">ภาพ</a></li><li><a href="/about">เกี่ยวกับ</a></li>
<li><a href="/go/elsewhere">ลิงก์ย้ายออกนอกเว็บ</a></li>
<li><a href="` + unseenCategory + `/">หมวดข่าว</a></li>
<li><a href="/areahpp2/archives/1235">ห้าม</a></li>
</ul></section>
<section><h2>บันทึก</h2><ul><li><a href="/posts/212436#google_vignette">HIA ชายฝั่ง</a></li>
<li><a href="/tags/hia">#hia</a></li></ul></section>
<section><h2>รายงานกิจกรรม</h2><ul><li><a href="/project/171/info.action.view/3696?gclid=xyz">ประชุม</a></li>
<li><a href="/paper/55">ข่าวเก่า</a></li><li><a href="/paper/56">ข่าวเวที</a></li></ul></section></main>
<footer><a href="` + offHost + `/posts/999001">กระจก</a> <a href="https://www.facebook.com/areahpp">Facebook</a>
<a href="mailto:info@example.org">ติดต่อ</a> <a href="/wp-admin/">เข้าระบบ</a> <a href="/logo.png">โลโก้</a></footer></body></html>`
}

// areahppListing is a Sahifa archive page: several post entries with
// excerpts, and the sidebar and footer every page has.
func areahppListing(heading string, ids []string, pager string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="th"><head><meta charset="UTF-8"><title>` + heading + ` | AreaHpp</title>
<link rel="alternate" type="application/rss+xml" href="/areahpp2/feed/"></head><body class="archive category">
<div class="wrapper"><header id="theme-header"><div class="logo"><h2><a href="/areahpp2/">AreaHpp</a></h2></div>
<nav id="main-nav"><ul><li><a href="/areahpp2/">หน้าแรก</a></li><li><a href="` + unseenCategory + `">ข่าว</a></li></ul></nav></header>
<div id="main-content" class="container"><div class="content"><div class="page-head"><h1 class="page-title">` + heading + `</h1></div>
<div class="post-listing archive-box">`)
	for _, id := range ids {
		a, _ := unseenByPath("/areahpp2/archives/" + id)
		fmt.Fprintf(&b, `<article class="item-list"><h2 class="post-box-title"><a href="/areahpp2/archives/%[1]s">%[2]s</a></h2>
<p class="post-meta"><span class="post-meta-author"><a href="/areahpp2/archives/author/areahpp">areahpp</a></span><span class="tie-date">5 มกราคม 2015</span></p>
<div class="entry"><p>%[3]s …</p><a class="more-link" href="/areahpp2/archives/%[1]s">Read More »</a></div><div class="clear"></div></article>`,
			id, a.title, "บทคัดย่อสั้นของเรื่อง "+id)
	}
	b.WriteString(`</div>` + pager + `</div>` + areahppChrome("") + `</div></div></body></html>`)
	return b.String()
}

// areahppChrome is the sidebar, footer and theme credit of every Sahifa page.
func areahppChrome(offHost string) string {
	return `<aside id="sidebar"><div id="text-2" class="widget widget_text"><div class="widget-top"><h4>AreaHpp Facebook</h4></div>
<div class="widget-container"><div class="fb-page" data-href="https://www.facebook.com/areahpp"></div></div></div>
<div class="widget"><div class="widget-top"><h4>เรื่องล่าสุดในแถบข้าง</h4></div><div class="widget-container"><ul>
<li><a href="/areahpp2/archives/1236">ธรรมนูญ</a></li><li><a href="/areahpp2/archives/author/areahpp">areahpp</a></li>
<li><a href="/areahpp2/archives/tag/hia">HIA</a></li><li><a href="/areahpp2/page/2">ก่อนหน้า</a></li></ul></div></div></aside>
<footer id="theme-footer"><div class="footer-widget-top"><h4>เกี่ยวกับเรา</h4></div><p>สงวนลิขสิทธิ์ ทีมงาน</p></footer>
<div class="footer-bottom"><div class="alignright">BIGtheme.net <a href="http://bigtheme.net/ecommerce/opencart">OpenCart Templates</a></div>
<div class="alignleft"><a href="` + offHost + `/areahpp2/">สำเนา</a></div></div>`
}

// areahppSingle is a Sahifa single post: credit bar, header, breadcrumbs,
// article#the-post with its meta line and div.entry (share bar and an ad
// inside), hidden tags, then the author box, navigation, Related Articles,
// Check Also, comments with reply links, the sidebar and the footer.
func areahppSingle(a unseenArticle, offHost string) string {
	id := a.path[strings.LastIndex(a.path, "/")+1:]
	var body strings.Builder
	fmt.Fprintf(&body, `<p>%s ในช่วงเช้ามีการแบ่งกลุ่มย่อยตามประเด็น</p>`, a.phrases[0])
	body.WriteString(`<p><img src="/wp-content/uploads/2015/01/shot.png" alt=""></p><p>Screen Shot 2557-08-06 at 1.42.28 PM</p>`)
	if len(a.phrases) > 1 {
		fmt.Fprintf(&body, `<p><strong>สรุปผล</strong></p><p>%s และนัดประชุมครั้งต่อไป (อ่าน <a href="https://www.gotoknow.org/posts/1">บันทึกเดิม</a>)</p>`, a.phrases[1])
	}
	return `<!DOCTYPE html><html lang="th"><head><meta charset="UTF-8"><title>` + a.title + ` | AreaHpp</title>
<link rel="alternate" type="application/rss+xml" title="AreaHpp » Feed" href="/areahpp2/feed/">
<link rel="canonical" href="` + a.path + `/"><meta property="og:title" content="` + a.title + `">
<script>var tie = {"ajaxurl":"/areahpp2/wp-admin/admin-ajax.php"};</script></head>
<body id="top" class="single single-post postid-` + id + `"><div class="wrapper-outer">
<div id="top-bar"><span>BIGtheme.net http://bigtheme.net/ecommerce/opencart OpenCart Templates</span></div>
<header id="theme-header"><div class="logo"><h2><a href="/areahpp2/">AreaHpp</a></h2></div>
<nav id="main-nav"><ul><li><a href="/areahpp2/">หน้าแรก</a></li><li><a href="` + unseenCategory + `">ข่าว</a></li></ul></nav></header>
<div id="main-content" class="container"><div class="content">
<div id="crumbs"><a href="/areahpp2/">Home</a> / <a href="` + unseenCategory + `">ข่าว</a> / <span class="current">` + a.title + `</span></div>
<article class="post-listing post-` + id + ` post type-post status-publish hentry category-news tag-hia" id="the-post">
<div class="post-inner"><h1 class="name post-title entry-title"><span itemprop="name">` + a.title + `</span></h1>
<p class="post-meta"><span class="post-meta-author"><a href="/areahpp2/archives/author/areahpp">areahpp</a></span>
<span class="tie-date">5 มกราคม 2015</span><span class="post-cats"><a href="` + unseenCategory + `" rel="category tag">ข่าว</a></span>
<span class="post-comments"><a href="` + a.path + `#respond">แสดงความคิดเห็น</a></span></p>
<div class="entry"><div class="share-post"><span class="share-text">แบ่งปัน</span><ul><li><a href="https://www.facebook.com/sharer.php?u=x">Facebook</a></li></ul></div>
` + body.String() + `
<div class="e3lan e3lan-in-post1"><a href="https://ads.example.com/">ป้ายโฆษณา</a></div>
<span class="edit-link"><a href="/areahpp2/wp-admin/post.php?post=` + id + `&amp;action=edit">แก้ไข</a></span>
</div><!-- .entry /-->
<span style="display:none"><a href="/areahpp2/archives/tag/hia" rel="tag">HIA</a></span>
<span style="display:none" class="updated">2015-01-05</span>
<div style="display:none" class="vcard author"><strong class="fn">areahpp</strong></div></div></article>
<p class="post-tag">ป้ายกำกับ<a href="/areahpp2/archives/tag/hia" rel="tag">HIA</a></p>
<section id="author-box"><div class="block-head"><h3>About areahpp</h3></div><div class="author-bio">ทีมงานพื้นที่</div></section>
<div class="post-navigation"><div class="post-previous"><a href="/areahpp2/archives/1236" rel="prev">ก่อนหน้า</a></div></div>
<section id="related_posts"><div class="block-head"><h3>Related Articles</h3></div><div class="post-listing">
<div class="related-item"><h3><a href="/areahpp2/archives/1238">ประชุมภาคีเครือข่ายเขตสิบสอง</a></h3></div></div></section>
<section id="check-also-box" class="post-listing check-also-right"><div class="block-head"><h3>Check Also</h3></div>
<div class="check-also-post"><h2 class="post-title"><a href="/areahpp2/archives/1236">ธรรมนูญ</a></h2><p>บทคัดย่อของเรื่องอื่น …</p></div></section>
<div id="comments"><h3 id="comments-title">แสดงความคิดเห็น/แลกเปลี่ยนเรียนรู้</h3><ol class="commentlist">
<li class="comment"><div class="comment-content"><p>ความเห็นของผู้อ่านที่ไม่ใช่เนื้อหา</p></div>
<a rel="nofollow" class="comment-reply-link" href="` + a.path + `?replytocom=7#respond">ตอบกลับ</a></li></ol>
<div id="respond"><h3 id="reply-title">Leave a Reply</h3></div></div>
</div>` + areahppChrome(offHost) + `</div></div></body></html>`
}

// gotoknowSingle is a gotoknow post: navbar, post header with the author and
// blog links, the body with "#" headings, tags, the metadata run, comments
// with a reply link, a sidebar and the ClassStart footer.
func gotoknowSingle(a unseenArticle, offHost string) string {
	id := strings.TrimPrefix(a.path, "/posts/")
	return `<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>` + a.title + ` - GotoKnow</title>
<meta property="og:title" content="` + a.title + `"><meta property="og:url" content="https://www.gotoknow.org/posts/` + id + `">
<link rel="canonical" href="https://www.gotoknow.org/posts/` + id + `"></head><body>
<div class="navbar"><a class="brand" href="/">GotoKnow</a> <a href="/user/somsri">สมศรี</a></div>
<div class="container"><div class="row"><div class="col-md-8" id="content">
<div class="post-header"><h1>` + a.title + `</h1><div class="byline"><a href="/user/somsri" class="author-name">สมศรี ใจงาม</a>
ใน <a href="/blog/hia-coast">บล็อก HIA ชายฝั่ง</a></div></div>
<div class="post-body"><p>` + a.phrases[0] + ` ซึ่งเป็นงานที่ทำต่อเนื่องมาสองปี</p>
<p># วัตถุประสงค์</p><p>เพื่อให้ชุมชนมีข้อมูลของตัวเอง</p>
<p># บทเรียน</p><p>` + a.phrases[1] + `</p></div>
<div class="post-tags">คำสำคัญ (Tags): <a href="/tags/hia">#hia</a> <a href="/tags/hia?page=2">#สมัชชา</a></div>
<div class="post-info">หมายเลขบันทึก: ` + id + ` เขียนเมื่อ 28 กันยายน 2008 13:15 น. () แก้ไขเมื่อ 29 กันยายน 2008 09:00 น. () สัญญาอนุญาต: จำนวนที่อ่านจำนวนที่อ่าน:</div>
<p class="post-actions"><a href="#comments">แสดงความคิดเห็น</a></p>
<div class="comment-box"><h3>ความเห็น (2 ความเห็น)</h3><div class="comment-item"><p>ความเห็นของผู้อ่านที่ไม่ใช่เนื้อหา</p>
<a href="` + a.path + `?replytocom=3#comment-3">ตอบ</a></div></div>
</div><div class="col-md-4 sidebar"><h4>บันทึกอื่น</h4><ul><li><a href="/posts/212437">ขยะ</a></li>
<li><a href="` + offHost + `/posts/999002">อื่น</a></li></ul></div></div></div>
<footer><p>พบปัญหาการใช้งานกรุณาแจ้ง LINE ID @gotoknow</p><p>ClassStart</p><p>ระบบจัดการการเรียนการสอนผ่านอินเทอร์เน็ต</p>
<p><a href="https://www.classstart.org/">ClassStart Books</a></p></footer></body></html>`
}

// gotoknowListing is a blog, author or tag page: several post entries.
func gotoknowListing(paths []string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>บล็อก - GotoKnow</title></head><body>
<div class="navbar"><a class="brand" href="/">GotoKnow</a></div><div class="container" id="content"><h1>บล็อก HIA ชายฝั่ง</h1>`)
	for _, p := range paths {
		a, _ := unseenByPath(p)
		fmt.Fprintf(&b, `<div class="post-item"><h3><a href="%s">%s</a></h3><p>บทคัดย่อของบันทึกนี้สั้นๆ เพื่อชวนอ่านต่อ</p>
<div class="meta">เขียนเมื่อ 28 กันยายน 2008 13:15 น. · <a href="%s#comments">ความเห็น (2)</a></div></div>`, p, a.title, p)
	}
	b.WriteString(`<div class="pagination"><a href="/blog/hia-coast?page=2">ถัดไป</a></div></div>
<footer><p>พบปัญหาการใช้งานกรุณาแจ้ง LINE ID @gotoknow</p><p>ClassStart</p></footer></body></html>`)
	return b.String()
}

// softganzAction is an activity report as the SoftGanz project module
// renders it: site header, project title, the item with its date, owner,
// icon-prefixed section labels, a help text, a photo, the money table, and
// the footer.
func softganzAction(a unseenArticle) string {
	id := a.path[strings.LastIndex(a.path, "/")+1:]
	return `<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>` + a.title + ` | สถาบันนโยบายสาธารณะ</title></head><body>
<div id="header"><h1><a href="/">สถาบันนโยบายสาธารณะ (สนส. ม.อ.)</a></h1></div>
<div id="nav"><ul><li><a href="/project/171">โครงการ</a></li><li><a href="/project/171/info.action">กิจกรรมทั้งหมด</a></li></ul></div>
<div id="main"><div class="project-info"><h2>โครงการพัฒนากลไกสุขภาพอำเภอของเรา</h2></div>
<div id="project-action-` + id + `" class="project-action-item"><div class="header"><h3 class="title">` + a.title + `</h3>
<div class="date"><span class="day">20</span> <span class="month">พฤศจิกายน</span> <span class="year">2559</span> <span class="time">09:00</span></div>
<div class="owner"><span class="owner-name"><a href="/profile/12">chabeeah</a></span> รายงานจากพื้นที่</div></div>
<div class="project-action-summary"><h5><i class="icon -material">circle</i>วัตถุประสงค์</h5><div class="sg-inline-edit"><p>` + a.phrases[0] + `</p></div></div>
<div class="project-action-summary"><h5><i class="icon -material">circle</i>กิจกรรมที่ปฎิบัติ</h5><p class="-help">รายละเอียดของการทำกิจกรรมที่ได้ปฎิบัติจริง</p>
<div class="sg-inline-edit"><p>ประชุมที่ห้องประชุมที่ว่าการอำเภอ</p></div></div>
<div class="project-action-summary"><h5><i class="icon -material">circle</i>ผลที่เกิดขึ้นจริง</h5><div class="sg-inline-edit"><p>` + a.phrases[1] + `</p></div></div>
<div class="-photolist"><ul class="ui-album"><li><img src="/upload/pics/a.jpg" alt="photo a"><span>photo a.jpg,800x600 pixel , 120,000 bytes.</span></li></ul></div>
<table class="project-action-money-table"><caption>รายงานการใช้เงิน</caption><tr><td>ค่าอาหารว่าง</td><td>1,000</td></tr></table>
<div class="project-action-summary"><h5><i class="icon -material">circle</i>ข้อเสนอแนะต่อ สสส.</h5><div class="sg-inline-edit"><p>ไม่มี</p></div></div>
<div class="btn-group"><a class="btn" href="/project/171/info.action.view/` + id + `?action=edit"><i class="icon -material">edit</i></a></div>
</div></div><div id="footer">สถาบันนโยบายสาธารณะ มหาวิทยาลัยสงขลานครินทร์ สงวนลิขสิทธิ์</div></body></html>`
}

// softganzListing is a project card, its activity list or a profile.
func softganzListing() string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>โครงการ | สถาบันนโยบายสาธารณะ</title></head><body>
<div id="header"><h1><a href="/">สถาบันนโยบายสาธารณะ (สนส. ม.อ.)</a></h1></div><div id="main"><h2>โครงการพัฒนากลไกสุขภาพอำเภอของเรา</h2><ul class="ui-card">`)
	for _, id := range []string{"3696", "3697"} {
		a, _ := unseenByPath("/project/171/info.action.view/" + id)
		fmt.Fprintf(&b, `<li class="ui-item"><i class="icon -material">assignment</i><a href="/project/171/info.action.view/%s">%s</a> <span>20 พฤศจิกายน 2559</span></li>`, id, a.title)
	}
	b.WriteString(`</ul><a href="/paper/56">ข่าว</a></div><div id="footer">สงวนลิขสิทธิ์</div></body></html>`)
	return b.String()
}

// softganzPaperPage is a "paper" (news) page with a comment box and footer.
func softganzPaperPage(a unseenArticle, cs string) string {
	id := strings.TrimPrefix(a.path, "/paper/")
	return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=` + cs + `"><title>` + a.title + `</title></head><body>
<div id="header">สถาบันนโยบายสาธารณะ (สนส. ม.อ.)</div>
<div id="paper-` + id + `" class="paper"><h2 class="title">` + a.title + `</h2>
<div class="timestamp">by <span class="poster">ผู้สื่อข่าว</span> @<span class="timestamp">15 ก.ย. 55 11.25</span></div>
<div class="detail"><div class="detail-body"><p>` + a.phrases[0] + `</p><p>` + a.phrases[1] + `</p></div></div>
<div id="comments"><h4>ความเห็น (1)</h4><div class="comment">ความเห็นของผู้อ่านที่ไม่ใช่เนื้อหา</div></div>
<nav id="paper-footer"><a href="/profile/12">ผู้สื่อข่าว</a> อ่าน 10 ครั้ง</nav></div>
<div id="footer">สงวนลิขสิทธิ์</div></body></html>`
}

// unseenConfig crawls the site from its home page.
func unseenConfig(site *unseenSite, dir string, clock *fakeClock) Config {
	cfg := testConfig(&fakeSite{Server: site.Server}, dir, clock)
	cfg.Fetch.MaxBodyBytes = 1 << 20
	return cfg
}

// unseenDocs is the comparable content of a documents.jsonl of the unseen
// site: path → sorted other paths and body.
type unseenDoc struct {
	ID   string
	Alts []string
	Body string
}

func unseenDocSet(t *testing.T, base, dir string) map[string]unseenDoc {
	t.Helper()
	out := map[string]unseenDoc{}
	for _, d := range crawledDocs(t, dir) {
		p := strings.TrimPrefix(d.URL, base)
		if _, dup := out[p]; dup {
			t.Errorf("document %s appears twice", p)
		}
		var alts []string
		for _, a := range d.AltURLs {
			alts = append(alts, strings.TrimPrefix(a, base))
		}
		slices.Sort(alts)
		out[p] = unseenDoc{ID: d.ID, Alts: alts, Body: d.Body}
	}
	return out
}

func TestCrawlUnseenSite(t *testing.T) {
	site := newUnseenSite(t, true, 3)
	other := newUnseenSite(t, false, 0) // the same host name on another port
	site.offPort = other.URL
	dir := t.TempDir()
	clock := newFakeClock()
	st := crawl(t, unseenConfig(site, dir, clock), context.Background())
	if r := other.requests(); len(r) > 0 {
		t.Errorf("the server on another port got %q, want no request", r)
	}
	reqs := site.requests()

	docs := crawledDocs(t, dir)
	got := map[string][]string{}
	for _, d := range docs {
		var alts []string
		for _, a := range d.AltURLs {
			alts = append(alts, strings.TrimPrefix(a, site.URL))
		}
		got[strings.TrimPrefix(d.URL, site.URL)] = alts
	}
	want := map[string][]string{}
	for _, a := range unseenArticles {
		if !a.skip {
			want[a.path] = nil
		}
	}
	want[unseenAltOf] = []string{unseenAltPath}
	want[unseenSavedOf] = []string{unseenSaved}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("documents (-want +got):\n%s\nrequests: %q", diff, reqs)
	}
	if len(docs) != len(got) {
		t.Errorf("%d documents for %d URLs: a document is written twice", len(docs), len(got))
	}
	for _, d := range docs {
		p := strings.TrimPrefix(d.URL, site.URL)
		a, ok := unseenByPath(p)
		if !ok {
			continue
		}
		if d.Site != a.style {
			t.Errorf("document %s Site = %q, want %q", p, d.Site, a.style)
		}
		if d.Title != a.title {
			t.Errorf("document %s Title = %q, want %q", p, d.Title, a.title)
		}
		for _, ph := range a.phrases {
			if !strings.Contains(d.Body, ph) {
				t.Errorf("document %s body lacks %q:\n%s", p, ph, d.Body)
			}
		}
		for _, bp := range unseenBoilerplate {
			if strings.Contains(d.Body, bp) {
				t.Errorf("document %s body holds boilerplate %q:\n%s", p, bp, d.Body)
			}
		}
		for _, l := range strings.Split(d.Body, "\n") {
			if strings.TrimSpace(l) == "circle" {
				t.Errorf("document %s body holds an icon-name line %q", p, l)
			}
		}
	}
	host := strings.TrimPrefix(site.URL, "http://")
	seen := map[string]int{}
	for _, r := range reqs {
		h, uri, _ := strings.Cut(r, " ")
		if h != host {
			t.Errorf("requested %s from host %s, want only %s", uri, h, host)
		}
		seen[uri]++
		for _, bad := range []string{"/areahpp2/archives/1235", "/wp-admin/", "/areahpp2/wp-admin/", "utm_", "fbclid", "gclid", "replytocom", "/logo.png"} {
			if strings.Contains(uri, bad) {
				t.Errorf("requested %s, want no URL containing %q", uri, bad)
			}
		}
	}
	for uri, n := range seen {
		want := 1
		if uri == unseenFlaky {
			want = 2 // 500, then 200
		}
		if n != want {
			t.Errorf("requests of %s = %d, want %d", uri, n, want)
		}
	}
	for _, p := range []string{"/robots.txt", "/sitemap_index.xml", "/post-sitemap.xml", "/page-sitemap.xml", "/areahpp2/feed/",
		unseenCategory + "/page/3/", "/areahpp2/archives/1239", "/areahpp2/archives/1241", "/posts/212438", unseenCP1252} {
		if seen[p] == 0 {
			t.Errorf("never requested %s; requests: %q", p, reqs)
		}
	}
	if st.Failed != 1 || st.Disallowed == 0 || st.Queued != 0 {
		t.Errorf("Stats = %+v, want one failure (the off-host redirect), some disallowed, empty queue", st)
	}
}

// TestCrawlRecrawlRemovesGone re-crawls the unseen site after two articles
// were removed: one answers 410, the other (the primary URL of a duplicate
// pair) 404. The first document goes; the second article stays under its
// other URL.
func TestCrawlRecrawlRemovesGone(t *testing.T) {
	site := newUnseenSite(t, false, 0)
	dir := t.TempDir()
	cfg := unseenConfig(site, dir, newFakeClock())
	crawl(t, cfg, context.Background())
	before := unseenDocSet(t, site.URL, dir)
	if _, ok := before["/areahpp2/archives/1236"]; !ok {
		t.Fatalf("first crawl has no /areahpp2/archives/1236: %v", before)
	}
	site.mu.Lock()
	site.removed = map[string]int{"/areahpp2/archives/1236": http.StatusGone, unseenAltOf: http.StatusNotFound}
	site.mu.Unlock()
	crawl(t, cfg, context.Background())
	after := unseenDocSet(t, site.URL, dir)

	want := maps.Clone(before)
	delete(want, "/areahpp2/archives/1236")
	moved := want[unseenAltOf]
	delete(want, unseenAltOf)
	moved.ID, moved.Alts = botrian.DocID(site.URL+unseenAltPath), nil
	want[unseenAltPath] = moved
	if diff := cmp.Diff(want, after); diff != "" {
		t.Errorf("documents after the re-crawl (-want +got):\n%s", diff)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	gone, err := c.fr.goneIDs()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/areahpp2/archives/1236", unseenAltOf} {
		if id := botrian.DocID(site.URL + p); !gone[id] {
			t.Errorf("crawl.db has no tombstone for %s (%s); tombstones %v", p, id, gone)
		}
	}
	if _, err := c.pages.get(site.URL + "/areahpp2/archives/1236"); err == nil {
		t.Errorf("the stored page of a removed article is still in pages/")
	}
}
