package crawler

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/botrian/botrian"
)

// softganz profile: project activity reports and "paper" pages of the
// SoftGanz platform (ppi.psu.ac.th and its siblings, DOMAIN.md §1.3).

// softganzHosts run the SoftGanz project module; subdomains count too.
var softganzHosts = []string{
	"ppi.psu.ac.th", "happynetwork.org", "ahsouth.com", "hsmi2.psu.ac.th", "consumersouth.org",
	"scf.or.th", "songkhlahealth.org", "mehealthpromotion.com",
}

var (
	// reporterRE is the line "<month> <BE year>รายงานจากพื้นที่ โดย <name>".
	reporterRE = regexp.MustCompile(`^(.*?)\s*รายงานจาก(?:พื้นที่|พี่เลี้ยง)\s*โดย\s*(.*)$`)
	dayRE      = regexp.MustCompile(`^\d{1,2}$`)
	// headerRE is a site header such as "สถาบันนโยบายสาธารณะ (สนส. ม.อ.)".
	headerRE = regexp.MustCompile(`^\S.{0,60}\((?:สนส|สจรส|ม\.อ|ศวสต)[^)]*\)$`)
)

// softganzHeaders are site header lines seen on SoftGanz hosts.
var softganzHeaders = map[string]bool{
	"สถาบันนโยบายสาธารณะ (สนส. ม.อ.)": true,
	"สถาบันนโยบายสาธารณะ":             true,
}

func softganzHeaderLine(l string) bool { return softganzHeaders[l] || headerRE.MatchString(l) }

// softganzLabels are the activity report's section labels; a label may be
// followed by a funder name ("ข้อเสนอแนะต่อ สสส.").
var softganzLabels = []string{
	"วัตถุประสงค์", "กิจกรรมตามแผน", "รายละเอียดกิจกรรมตามแผน", "กิจกรรมที่ปฎิบัติ", "กิจกรรมที่ปฏิบัติ",
	"ผลลัพธ์ที่ตั้งไว้", "ผลที่เกิดขึ้นจริง", "ประเมินความสำเร็จของการดำเนินกิจกรรม", "กลุ่มเป้าหมายที่เข้าร่วม",
	"ปัญหา/แนวทางแก้ไข", "ข้อเสนอแนะต่อ", "ความต้องการสนับสนุนจากพี่เลี้ยง", "ชื่อผู้ติดตามในพื้นที่ของ",
	"คำแนะนำจากเจ้าหน้าที่ติดตามในพื้นที่", "รายงานการใช้เงิน",
}

// softganzHelp are help texts the form prints right after a label; the text
// rendering fuses them into the label line.
var softganzHelp = []string{
	"รายละเอียดของการทำกิจกรรมที่ได้ปฎิบัติจริง", "รายละเอียดของการทำกิจกรรมที่ได้ปฏิบัติจริง",
	"ผลผลิต (Output) / ผลลัพธ์ (Outcome) / ผลสรุปที่สำคัญของกิจกรรม",
}

// moneyLabel heads the money table, which is stripped.
const moneyLabel = "รายงานการใช้เงิน"

func isSoftganzLabel(l string) bool {
	if utf8.RuneCountInString(l) > 90 {
		return false
	}
	for _, lb := range softganzLabels {
		if strings.HasPrefix(l, lb) {
			return true
		}
	}
	return false
}

// cleanLabel removes a help text fused to the end of a label.
func cleanLabel(l string) string {
	for _, h := range softganzHelp {
		if t, ok := strings.CutSuffix(l, h); ok && t != "" {
			return strings.TrimSpace(t)
		}
	}
	return l
}

// isSoftganzHTML recognises SoftGanz markup.
func isSoftganzHTML(d *goquery.Document) bool {
	return d.Find(`.project-action-item, .project-action-summary, table.project-action-money-table, i.icon.-material, div.paper, #paper-footer`).Length() > 0
}

// softganzBoilerplate are parts that are never report text.
const softganzBoilerplate = `header, nav, footer, aside, #header, #footer, .sidebar, #sidebar, #comments,
	.comment, div.paper.-comment, #paper-footer, nav#paper-footer, table.project-action-money-table,
	.-photolist, .ui-album, .photo, i.icon, i.material-icons, .icon.-material, .btn, .nav, .toolbar,
	.sg-inline-edit-toolbar, div.date, div.owner, h3.title, .timestamp, .breadcrumb, .related-topics, .related`

func softganzHTML(d *goquery.Document, base *url.URL) page {
	if d.Find(".project-action-item, .paper, #paper, h3.title, h2.title").Length() == 0 {
		// Markup without the module's classes: read the rendered lines as
		// the text path does, if they show the reporter line.
		if p, ok := softganzLines(d, base); ok {
			return p
		}
	}
	p := page{site: botrian.SiteSoftganz, formLabels: true}
	item := d.Find(".project-action-item").First()
	if item.Length() == 0 {
		item = d.Find(".paper, #paper, .detail, #main, main, article").First()
	}
	if item.Length() == 0 {
		item = d.Find("body")
	}
	p.title = firstText(item, "h3.title", ".title")
	if p.title == "" {
		p.title = firstText(d.Selection, "h3.title", "h2.title", "h1")
	}
	if p.title == "" {
		p.title = docTitle(d)
	}
	if date := item.Find("div.date").First(); date.Length() > 0 {
		p.dateText = normSpace(strings.Join([]string{
			textOf(date.Find("span.day")), textOf(date.Find("span.month")), textOf(date.Find("span.year")),
		}, " "))
		if p.dateText == "" {
			p.dateText = textOf(date)
		}
	}
	if ts := d.Find(".timestamp").First(); p.dateText == "" && ts.Length() > 0 {
		p.dateText = firstText(ts, "span.timestamp")
		p.author = firstText(ts, "span.poster", ".poster")
		p.tags = texts(ts.Find("a[href*='tag']"))
	}
	if p.author == "" {
		p.author = firstText(item, "div.owner span.owner-name", ".owner-name", `a[href*="/profile/"]`)
	}
	p.project = firstText(d.Selection, ".project-title", "#project-title", ".project-info h2", "#project-info h2",
		"h2.project", ".project-name")
	if p.project == "" {
		if h := firstText(d.Selection, "h2", "h1"); h != p.title && !softganzHeaderLine(h) {
			p.project = h
		}
	}
	p.title = unfuseDate(p.title, p.dateText)
	item.Find(softganzBoilerplate).Remove()
	bs := domBlocks(item, base)
	bs = dropTitleBlock(bs, p.title)
	p.blocks = softganzSections(junkBlocks(bs))
	return p
}

// softganzLines reads an activity report from its rendered lines (see
// softganzText) when one of them is the "รายงานจากพื้นที่ โดย" reporter line.
func softganzLines(d *goquery.Document, base *url.URL) (page, bool) {
	body := d.Find("body")
	body.Find("header, nav, footer, #header, #footer, .sidebar, #sidebar").Remove()
	var lines []string
	found := false
	for _, b := range domBlocks(body, base) {
		lines = append(lines, b.text)
		found = found || reporterRE.MatchString(b.text)
	}
	if !found {
		return page{}, false
	}
	return softganzText(lines), true
}

// unfuseDate removes the activity date glued to the end of a title.
func unfuseDate(title, date string) string {
	if date == "" {
		return title
	}
	if t, ok := strings.CutSuffix(title, date); ok && strings.TrimSpace(t) != "" {
		return strings.TrimSpace(t)
	}
	return title
}

// softganzSections marks label blocks as headings, strips fused help texts,
// and drops the money table section.
func softganzSections(bs []block) []block {
	var out []block
	inMoney := false
	for _, b := range bs {
		if b.heading || isSoftganzLabel(b.text) {
			b.heading = true
			b.text = cleanLabel(b.text)
			inMoney = strings.HasPrefix(b.text, moneyLabel)
			if inMoney {
				continue
			}
		}
		if inMoney || softganzHeaderLine(b.text) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// softganzText reads a text rendering: site header, project title, activity
// title fused with the date, the day alone, "<month> <year>รายงานจากพื้นที่
// โดย <name>", then icon-name lines each followed by a section label.
func softganzText(lines []string) page {
	p := page{site: botrian.SiteSoftganz, formLabels: true}
	ls := nonEmpty(lines)
	start := 0
	for i, l := range ls {
		m := reporterRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		p.author = strings.TrimSpace(m[2])
		monthYear := strings.TrimSpace(m[1])
		ti := i - 1
		if ti >= 0 && dayRE.MatchString(ls[ti]) {
			p.dateText = normSpace(ls[ti] + " " + monthYear)
			ti--
		} else {
			p.dateText = monthYear
		}
		if ti >= 0 {
			p.title = unfuseDate(ls[ti], p.dateText)
			before := ls[:ti]
			switch {
			case len(before) >= 2:
				p.project = before[len(before)-1]
			case len(before) == 1 && !softganzHeaderLine(before[0]):
				p.project = before[0]
			}
		}
		start = i + 1
		break
	}
	rest := ls[start:]
	if start == 0 {
		// No reporter line: drop a header, take the first line as title.
		for len(rest) > 0 && softganzHeaderLine(rest[0]) {
			rest = rest[1:]
		}
		if len(rest) > 0 {
			p.title, rest = rest[0], rest[1:]
		}
	}
	var bs []block
	nextIsLabel := false
	for _, l := range rest {
		switch {
		case isIconLine(l):
			nextIsLabel = true
			continue
		case isJunk(l):
			continue
		}
		bs = append(bs, block{text: l, heading: nextIsLabel})
		nextIsLabel = false
	}
	p.blocks = softganzSections(cutAtStop(bs))
	return p
}
