package crawler

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/botrian/botrian"
)

// gotoknow profile: gotoknow.org/posts/N (DOMAIN.md §1.2). Its HTML was
// never seen, so the profile trusts text anchors more than selectors: the
// "คำสำคัญ (Tags):" line, the one-line metadata run with หมายเลขบันทึก (post
// number) and เขียนเมื่อ (written on), the "ความเห็น (N)" comment heading and
// the ClassStart footer.

var (
	// writtenRE takes the written date, never the แก้ไขเมื่อ (edited) one.
	writtenRE = regexp.MustCompile(`เขียนเมื่อ\s*:?\s*(\d{1,2}\s+\S+\s+\d{4}(?:\s+\d{1,2}[:.]\d{2})?(?:\s*น\.)?)`)
	// sectionWordRE finds the words of the report headings authors use
	// (objectives, targets, results, success factors, obstacles, lessons,
	// plans, recommendations).
	sectionWordRE = regexp.MustCompile(`วัตถุประสงค์|เป้าหมาย|ผลการดำเนินงาน|ผลที่เกิดขึ้น|ผลลัพธ์|ปัจจัย|อุปสรรค|ข้อจำกัด|ปัญหา|บทเรียน|ข้อเสนอแนะ|แผนงาน|ความสำเร็จ|สิ่งที่ได้เรียนรู้|ขั้นตอน|ขั้นการ`)
	// numberedRE is a numbered item such as "๑.", "2.1", "๒.)".
	numberedRE = regexp.MustCompile(`^[\d๐-๙]+(\.[\d๐-๙]+)*\s*[.)]`)
	// gapRE is a run of two or more spaces: authors separate a "#" heading
	// from the text that follows on the same line with one.
	gapRE = regexp.MustCompile(`[ \t\x{00A0}]{2,}`)
)

// hasGotoknowMeta reports gotoknow's one-line metadata run under a post.
func hasGotoknowMeta(d *goquery.Document) bool {
	t := d.Find("body").Text()
	return strings.Contains(t, "หมายเลขบันทึก") && strings.Contains(t, "เขียนเมื่อ")
}

// isGotoknowHTML recognises gotoknow pages and saved copies.
func isGotoknowHTML(d *goquery.Document) bool {
	if d.Find(`a[href*="gotoknow.org"], link[href*="gotoknow.org"], meta[content*="gotoknow"]`).Length() > 0 {
		return true
	}
	t := d.Find("body").Text()
	return strings.Contains(t, "หมายเลขบันทึก") && strings.Contains(t, "เขียนเมื่อ") ||
		strings.Contains(t, "@gotoknow") || strings.Contains(t, "ClassStart")
}

// gotoknowBoilerplate are parts of a page that are never the post.
const gotoknowBoilerplate = `header, nav, footer, aside, #sidebar, .sidebar, #comments, .comments, .comment,
	#footer, .footer, .share, .social, .breadcrumb, .navbar, .related, .recent-posts, .byline, .author,
	.author-name, .post-author, .post-meta`

func gotoknowHTML(d *goquery.Document, base *url.URL) page {
	p := page{site: botrian.SiteGotoknow}
	p.title = firstText(d.Selection, "article h1", "main h1", "#content h1", ".post h1", "h1")
	if p.title == "" {
		p.title = docTitle(d)
	}
	p.author = metaContent(d, `meta[name="author"]`)
	if p.author == "" {
		p.author = firstText(d.Selection, `a[rel="author"]`, ".author-name", ".post-author", ".author",
			`a[href*="/profiles/users/"]`, `a[href*="/user/"]`)
	}
	p.author = strings.TrimSpace(strings.TrimPrefix(p.author, "โดย"))
	p.dateMachine = metaContent(d, `meta[property="article:published_time"]`)
	if tl := d.Find(`*:containsOwn("คำสำคัญ (Tags)")`).Last(); tl.Length() > 0 {
		links := tl.Find("a")
		if links.Length() == 0 {
			links = tl.Parent().Find("a")
		}
		p.tags = texts(links)
	}
	root := d.Find("article, .post-content, .entry-content, .post-body, #post-body").First()
	if root.Length() == 0 {
		root = d.Find("main, #content, #main").First()
	}
	if root.Length() == 0 {
		root = d.Find("body")
	}
	// The metadata run and tags sit below the post, maybe outside root:
	// read them from the whole page before cutting.
	all := domBlocks(d.Find("body"), base)
	meta := page{}
	gotoknowAnchors(&meta, all)
	p.dateText = meta.dateText
	if len(p.tags) == 0 {
		p.tags = meta.tags
	}
	root.Find(gotoknowBoilerplate).Remove()
	bs := domBlocks(root, base)
	bs = dropTitleBlock(bs, p.title)
	p.blocks = gotoknowHeadings(junkBlocks(bs))
	return p
}

// gotoknowText reads a text rendering: title, body, tags line, metadata run,
// comments, footer. raw are the lines before spaces were collapsed.
func gotoknowText(lines, raw []string) page {
	p := page{site: botrian.SiteGotoknow}
	var bs []block
	for i, l := range lines {
		if l == "" || isJunk(l) {
			continue
		}
		if strings.HasPrefix(l, "#") {
			bs = append(bs, splitHashHeading(raw[i])...)
			continue
		}
		bs = append(bs, block{text: l})
	}
	gotoknowAnchors(&p, bs)
	bs = cutAtStop(bs)
	if len(bs) > 0 {
		p.title = strings.TrimSpace(strings.TrimLeft(bs[0].text, "# "))
		bs = bs[1:]
	}
	p.blocks = gotoknowHeadings(bs)
	return p
}

// gotoknowAnchors reads tags and the written date from their lines.
func gotoknowAnchors(p *page, bs []block) {
	for _, b := range bs {
		t := b.text
		if rest, ok := strings.CutPrefix(t, "คำสำคัญ (Tags)"); ok && len(p.tags) == 0 {
			rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ":"))
			for _, tag := range strings.Split(rest, "#") {
				if tag = strings.TrimSpace(tag); tag != "" {
					p.tags = append(p.tags, tag)
				}
			}
		}
		if p.dateText == "" && strings.Contains(t, "เขียนเมื่อ") {
			if m := writtenRE.FindStringSubmatch(t); m != nil {
				p.dateText = normSpace(m[1])
			}
		}
	}
}

// splitHashHeading turns a "# heading  text..." line into a heading block
// and, when the author wrote text on the same line, a paragraph block.
func splitHashHeading(raw string) []block {
	s := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(raw), "#"))
	if n := normSpace(s); utf8.RuneCountInString(n) <= maxHeadingRunes {
		if n == "" {
			return nil
		}
		return []block{{text: n, heading: true}}
	}
	if loc := gapRE.FindStringIndex(s); loc != nil {
		h, rest := normSpace(s[:loc[0]]), normSpace(s[loc[1]:])
		if h != "" && utf8.RuneCountInString(h) <= maxHeadingRunes {
			return []block{{text: h, heading: true}, {text: rest}}
		}
	}
	return []block{{text: normSpace(s)}}
}

// gotoknowHeadings marks heading lines: "#" lines, and short unnumbered
// lines (a "•" bullet allowed) that name a report section.
func gotoknowHeadings(bs []block) []block {
	for i := range bs {
		t := bs[i].text
		if strings.HasPrefix(t, "#") {
			bs[i] = block{text: strings.TrimSpace(strings.TrimLeft(t, "# ")), heading: true}
			continue
		}
		if bs[i].heading {
			continue
		}
		if isSectionLine(t) {
			bs[i] = block{text: strings.TrimSpace(strings.TrimLeft(t, bulletChars)), heading: true}
		}
	}
	return bs
}

// bulletChars are the bullets authors put before a heading line.
const bulletChars = "•·*-–◦▪ "

// isSectionLine reports a short line that reads as a section heading.
func isSectionLine(t string) bool {
	t = strings.TrimSpace(strings.TrimLeft(t, bulletChars))
	n := utf8.RuneCountInString(t)
	if n == 0 || n > 60 || numberedRE.MatchString(t) || strings.ContainsAny(t, ",;") {
		return false
	}
	return sectionWordRE.MatchString(t)
}
