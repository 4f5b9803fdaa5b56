package crawler

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/botrian/botrian"
)

// This file holds the plain-text path (pages saved or rendered as text, such
// as the seeds) and the line rules every profile shares: what counts as
// junk, and where a body ends.

// extractText picks the style from text anchors and runs its text profile.
func extractText(s string) page {
	lines := textLines(s)
	var p page
	switch textStyle(lines) {
	case botrian.SiteGotoknow:
		p = gotoknowText(lines, strings.Split(s, "\n"))
	case botrian.SiteSoftganz:
		p = softganzText(lines)
	case botrian.SiteAreahpp:
		p = areahppText(lines)
	default:
		p = genericText(lines)
	}
	return p
}

// textLines splits text into trimmed lines with runs of spaces collapsed.
// Empty lines are kept as "" so profiles can see paragraph breaks.
func textLines(s string) []string {
	raw := strings.Split(s, "\n")
	out := make([]string, 0, len(raw))
	for _, l := range raw {
		out = append(out, normSpace(l))
	}
	return out
}

// normSpace trims s and collapses each run of white space to one space.
func normSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// textStyle recognises a style from text anchors (DOMAIN.md §1).
func textStyle(lines []string) string {
	var gk, sg, ah int
	for _, l := range lines {
		switch {
		case strings.Contains(l, "หมายเลขบันทึก:"), strings.HasPrefix(l, "คำสำคัญ (Tags):"),
			strings.Contains(l, "@gotoknow"), l == "ClassStart", strings.Contains(l, "gotoknow.org"):
			gk++
		case reporterRE.MatchString(l), softganzHeaderLine(l):
			sg += 2
		case isIconLine(l):
			sg++
		case isBigtheme(l), l == "Check Also", l == "AreaHpp Facebook",
			l == "แสดงความคิดเห็น/แลกเปลี่ยนเรียนรู้", strings.Contains(l, "areahpp"):
			ah++
		}
	}
	switch {
	case gk > 0 && gk >= ah:
		return botrian.SiteGotoknow
	case sg >= 2:
		return botrian.SiteSoftganz
	case ah > 0:
		return botrian.SiteAreahpp
	}
	return botrian.SiteGeneric
}

// nonEmpty returns the lines that are not empty, in order.
func nonEmpty(lines []string) []string {
	var out []string
	for _, l := range lines {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// textBlocks turns lines into body blocks, one per non-empty line.
func textBlocks(lines []string) []block {
	var out []block
	for _, l := range lines {
		if l != "" {
			out = append(out, block{text: l})
		}
	}
	return out
}

// genericText: the first line is the title, the rest is body up to the
// first stop line.
func genericText(lines []string) page {
	p := page{site: botrian.SiteGeneric}
	bs := cutAtStop(textBlocks(dropJunk(lines)))
	if len(bs) > 0 {
		p.title = bs[0].text
		bs = bs[1:]
	}
	p.blocks = bs
	return p
}

// dropJunk removes lines that are boilerplate on every style: theme credits,
// icon-name leaks, photo and screenshot captions.
func dropJunk(lines []string) []string {
	out := lines[:0:0]
	for _, l := range lines {
		if l != "" && isJunk(l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

func isJunk(l string) bool {
	return isBigtheme(l) || isIconLine(l) || photoLineRE.MatchString(l) || captionRE.MatchString(l) ||
		imageFileRE.MatchString(l) || (commentLinkRE.MatchString(l) && !isStop(l))
}

// commentLinkRE is a comment link or count of a post's meta line ("แสดงความคิดเห็น",
// "แสดงความคิดเห็น (3)"), which may sit inside the post's container. The
// comment area's heading is a stop line instead.
var commentLinkRE = regexp.MustCompile(`^แสดงความคิดเห็น\S{0,20}(\s*\(?[\d๐-๙]*\)?)?$`)

func isBigtheme(l string) bool { return strings.Contains(asciiLower(l), "bigtheme.net") }

var (
	photoLineRE = regexp.MustCompile(`(?i)^photo\b[^,]*,\s*\d+\s*x\s*\d+\s*pixel\s*,\s*[\d,]+\s*bytes\.?$`)
	captionRE   = regexp.MustCompile(`(?i)^(screen ?shot|ภาพหน้าจอ|ภาพถ่ายหน้าจอ)\s.{0,40}\d{1,2}[.:]\d{2}([.:]\d{2})?(\s*[ap]\.?m\.?)?(\.(png|jpe?g))?$`)
	imageFileRE = regexp.MustCompile(`(?i)^[\w\-. ()]{1,80}\.(jpe?g|png|gif|webp|heic|bmp)$`)
)

// iconNames are Material Icons ligature names that leak into text as lines
// of their own on SoftGanz pages (DOMAIN.md §1.3), plus common neighbours.
var iconNames = map[string]bool{
	"circle": true, "directions_run": true, "assignment": true, "place": true, "directions": true,
	"edit": true, "attach_money": true, "people": true, "delete": true, "add_a_photo": true,
	"add": true, "remove": true, "close": true, "menu": true, "search": true, "home": true,
	"more_vert": true, "more_horiz": true, "arrow_forward": true, "arrow_back": true,
	"navigate_next": true, "navigate_before": true, "chevron_right": true, "chevron_left": true,
	"expand_more": true, "expand_less": true, "check_circle": true, "cancel": true, "info": true,
	"print": true, "share": true, "visibility": true, "thumb_up": true, "person": true,
	"group": true, "event": true, "schedule": true, "photo_camera": true, "description": true,
	"attach_file": true, "attachment": true, "insert_drive_file": true, "folder": true,
	"star": true, "favorite": true, "done": true, "check": true, "clear": true,
	"account_circle": true, "location_on": true, "room": true, "today": true, "date_range": true,
	"access_time": true, "phone": true, "email": true, "map": true, "flag": true, "lock": true,
	"settings": true, "view_list": true, "dashboard": true, "refresh": true, "cloud_upload": true,
	"file_download": true, "file_upload": true, "supervisor_account": true, "how_to_reg": true,
	"payment": true, "monetization_on": true, "assessment": true, "insert_chart": true,
	"bar_chart": true, "timeline": true, "trending_up": true, "work": true, "school": true,
	"local_hospital": true, "radio_button_unchecked": true, "radio_button_checked": true,
	"fiber_manual_record": true, "lens": true, "label": true, "bookmark": true, "comment": true,
	"chat": true, "forum": true, "visibility_off": true, "photo": true, "image": true,
	"collections": true, "photo_library": true, "format_list_bulleted": true, "playlist_add_check": true,
}

// isIconLine reports a line made only of icon names ("circle", "edit delete").
func isIconLine(l string) bool {
	f := strings.Fields(l)
	if len(f) == 0 || len(f) > 4 {
		return false
	}
	for _, w := range f {
		if !iconNames[w] {
			return false
		}
	}
	return true
}

// stopExact are lines that end an article body on every style: what
// follows is a related-post box, comments or a sidebar.
var stopExact = map[string]bool{
	"Check Also": true, "CHECK ALSO": true, "Related Articles": true, "Related Posts": true,
	"แสดงความคิดเห็น/แลกเปลี่ยนเรียนรู้": true, "AreaHpp Facebook": true, "Leave a Reply": true,
	"ไม่มีความเห็น": true, "บทความที่เกี่ยวข้อง": true, "ClassStart": true,
	"หัวข้อที่เกี่ยวข้อง": true, "เรื่องที่เกี่ยวข้อง": true, "ข่าวที่เกี่ยวข้อง": true,
}

// commentCountRE heads a comment list: "ความเห็น (2)", "ความเห็น (๒ ความเห็น)",
// perhaps with a short call to write one after it.
var commentCountRE = regexp.MustCompile(`^ความเห็น\s*\(\s*[\d๐-๙,]+\s*(ความเห็น|รายการ)?\s*\)\s*.{0,30}$`)

// isStop reports a line at which the body ends.
func isStop(l string) bool {
	return stopExact[l] || commentCountRE.MatchString(l) || strings.HasPrefix(l, "คำสำคัญ (Tags)") ||
		strings.Contains(l, "หมายเลขบันทึก:") || strings.HasPrefix(l, "พบปัญหาการใช้งาน") ||
		strings.Contains(l, "@gotoknow")
}

// cutAtStop drops everything from the first stop block on.
func cutAtStop(bs []block) []block {
	for i, b := range bs {
		if isStop(b.text) {
			return bs[:i]
		}
	}
	return bs
}

// markers are strings that must never survive into stored text. scrubLine
// drops a short line that holds one (a credit, a footer, a box heading) and
// cuts the marker out of a long one (a paragraph that merely quotes it).
var markers = []string{"bigtheme.net", "check also", "@gotoknow", "classstart", "areahpp facebook", "related articles"}

// chromeMarkers are Thai strings of site chrome (the comment area, the money
// table's caption, a comment count). Authors use their words in sentences
// ("ชาวบ้านร่วมแสดงความคิดเห็น..."), so scrubLine drops only a short line
// that holds one: a heading or a link, never a paragraph.
var chromeMarkers = []string{"แสดงความคิดเห็น", "รายงานการใช้เงิน", "ความเห็น ("}

// maxChromeRunes is the longest line chromeMarkers can drop.
const maxChromeRunes = 40

// iconPrefixRE is icon-font ligature names glued before a label
// ("circleวัตถุประสงค์") when the icon's markup was not recognised.
var iconPrefixRE = regexp.MustCompile(`^(?:` + iconAlternation() + `)+\s*([^\x00-\x7F])`)

func iconAlternation() string {
	names := make([]string, 0, len(iconNames))
	for n := range iconNames {
		names = append(names, regexp.QuoteMeta(n))
	}
	// Longest first, so "check_circle" is not read as "check" + "_circle".
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	return strings.Join(names, "|")
}

// scrubLine is the last guard on every stored line: junk lines become "",
// marker strings are removed.
func scrubLine(s string) string {
	s = normSpace(s)
	if m := iconPrefixRE.FindStringSubmatchIndex(s); m != nil {
		s = s[m[2]:]
	}
	if s == "" || isJunk(s) || isStop(s) {
		return ""
	}
	if utf8.RuneCountInString(s) <= maxChromeRunes {
		for _, m := range chromeMarkers {
			if strings.Contains(s, m) {
				return ""
			}
		}
	}
	low := asciiLower(s)
	for _, m := range markers {
		if !strings.Contains(low, m) {
			continue
		}
		if len([]rune(s)) < 160 {
			return ""
		}
		s = removeFold(s, m)
		low = asciiLower(s)
	}
	return normSpace(s)
}

// removeFold removes every case-insensitive occurrence of the ASCII marker m.
func removeFold(s, m string) string {
	var b strings.Builder
	for {
		i := strings.Index(asciiLower(s), m)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		s = s[i+len(m):]
	}
}

// asciiLower lowers A-Z only, so byte offsets stay those of s.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
