package facet

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Date is a calendar date in the Common Era, as precise as the text: Month
// and Day are 0 when the text gives only a year (or a month and a year).
// End* are set for ranges ("16-17 ก.ค. 2557", "ปี 2558-2560") and fiscal
// years; Hour and Minute when a time is printed (HasTime).
type Date struct {
	Year     int  `json:"year"`
	Month    int  `json:"month,omitempty"`
	Day      int  `json:"day,omitempty"`
	Hour     int  `json:"hour,omitempty"`
	Minute   int  `json:"minute,omitempty"`
	HasTime  bool `json:"has_time,omitempty"`
	EndYear  int  `json:"end_year,omitempty"`
	EndMonth int  `json:"end_month,omitempty"`
	EndDay   int  `json:"end_day,omitempty"`
	// Fiscal is set for a Thai fiscal year (ปีงบประมาณ N runs 1 Oct N-1 to
	// 30 Sep N); Year..EndYear then spans it.
	Fiscal bool `json:"fiscal,omitempty"`
}

// IsZero reports whether d holds no date.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats d as YYYY[-MM[-DD]] (CE), with "/..." for a range.
func (d Date) String() string {
	f := func(y, m, dd int) string {
		s := fmt.Sprintf("%04d", y)
		if m > 0 {
			s += fmt.Sprintf("-%02d", m)
			if dd > 0 {
				s += fmt.Sprintf("-%02d", dd)
			}
		}
		return s
	}
	s := f(d.Year, d.Month, d.Day)
	if d.HasTime {
		s += fmt.Sprintf("T%02d:%02d", d.Hour, d.Minute)
	}
	if d.EndYear != 0 {
		s += "/" + f(d.EndYear, d.EndMonth, d.EndDay)
	}
	return s
}

// ErrNoDate is returned (wrapped in a *DateError) by ParseDate when the text
// holds no date.
var ErrNoDate = errors.New("no date")

// ErrBadDate is returned (wrapped in a *DateError) when a date is found but
// invalid (day 31 in a 30-day month, a year outside 1900-2100 CE).
var ErrBadDate = errors.New("invalid date")

// DateError reports why a string is not a date.
type DateError struct {
	Input  string
	Reason string
	Err    error // ErrNoDate or ErrBadDate
}

func (e *DateError) Error() string {
	return fmt.Sprintf("parse date %q: %s", e.Input, e.Reason)
}
func (e *DateError) Unwrap() error { return e.Err }

// months lists month forms, month number first. Full names with their common
// misspellings, then abbreviations (dots optional).
var monthForms = []struct {
	m     int
	forms []string
	abbr  []string // consonants of the abbreviation, dots optional
}{
	{1, []string{"มกราคม", "มกรา"}, []string{"ม.ค"}},
	{2, []string{"กุมภาพันธ์", "กุมภาพันธ", "กุมภาพัน", "กุมภา"}, []string{"ก.พ"}},
	{3, []string{"มีนาคม", "มีนา"}, []string{"มี.ค"}},
	{4, []string{"เมษายน", "เมษา"}, []string{"เม.ย"}},
	{5, []string{"พฤษภาคม", "พฤศภาคม", "พถษภาคม", "พฤษภา"}, []string{"พ.ค"}},
	{6, []string{"มิถุนายน", "มิถุนา"}, []string{"มิ.ย"}},
	{7, []string{"กรกฎาคม", "กรกฏาคม", "กรกฎา", "กรกฏา"}, []string{"ก.ค"}},
	{8, []string{"สิงหาคม", "สิงหา"}, []string{"ส.ค"}},
	{9, []string{"กันยายน", "กันยา"}, []string{"ก.ย"}},
	{10, []string{"ตุลาคม", "ตุลา"}, []string{"ต.ค"}},
	{11, []string{"พฤศจิกายน", "พฤษจิกายน", "พฤศจิกา", "พฤศจิ"}, []string{"พ.ย"}},
	{12, []string{"ธันวาคม", "ธันวา"}, []string{"ธ.ค"}},
}

var englishMonths = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

type dateRes struct {
	// month (full-date and month-year forms) and year (ปี / พ.ศ. /
	// ปีงบประมาณ + year(s)) are anchored: findDates tries them only where
	// the lexicon found a month form or a year word.
	month   *regexp.Regexp
	monthOf map[string]monthInfo // month surface (dots and spaces removed)
	year    *regexp.Regexp
	paren   *regexp.Regexp // (2559)
	iso     *regexp.Regexp // 2557-08-06, 2014-08-06T... (anchored)
	clock   *regexp.Regexp
	digits  *regexp.Regexp
	rel     *regexp.Regexp
}

type monthInfo struct {
	m    int
	abbr bool
}

var dateREs = sync.OnceValue(func() *dateRes {
	r := &dateRes{monthOf: map[string]monthInfo{}}
	var alts []string
	for _, mf := range monthForms {
		for _, f := range mf.forms {
			alts = append(alts, regexp.QuoteMeta(f))
			r.monthOf[f] = monthInfo{mf.m, false}
		}
		for _, a := range mf.abbr {
			parts := strings.Split(a, ".")
			alts = append(alts, strings.Join(parts, `\.?\s?`)+`\.?`)
			r.monthOf[strings.Join(parts, "")] = monthInfo{mf.m, true}
		}
	}
	// Longest first so that RE2's leftmost-first picks กุมภาพันธ์ over กุมภา.
	sortByLenDesc(alts)
	mon := `(` + strings.Join(alts, "|") + `)`
	yr := `(?:\s*(?:(พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)\s*)?([0-9]{4}|[0-9]{2}))?`
	day := `(?:(?:วันที่|วัน)?\s*([0-9]{1,2})(?:\s*-\s*([0-9]{1,2}))?\s*)?`
	monthPat := day + `(?:เดือน\s*)?` + mon + yr + `(?:\s+(?:เวลา\s*)?([0-9]{1,2})[:.]([0-9]{2})(?:\s*น\.)?)?`
	r.month = anchored(monthPat)
	yearPat := `(ปีงบประมาณ|ปีงบฯ|ปีงบ|ปี|พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)\s*(?:(?:พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)\s*)?([0-9]{4}|[0-9]{2})(?:\s*-\s*([0-9]{4}|[0-9]{2}))?`
	r.year = anchored(yearPat)
	r.paren = regexp.MustCompile(`\(\s*([0-9]{4})\s*\)`)
	r.iso = anchored(`([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ]([0-9]{2}):([0-9]{2}))?`)
	r.clock = regexp.MustCompile(`([0-9]{1,2})[:.]([0-9]{2})`)
	r.digits = regexp.MustCompile(`[0-9]+`)
	r.rel = regexp.MustCompile(`ปี(นี้|ที่แล้ว|ก่อน|ที่ผ่านมา|หน้า)`)
	return r
})

// mentionKind says how precise a date mention is.
type mentionKind int

const (
	kindFull      mentionKind = iota // day month year
	kindMonthYear                    // month year
	kindYear                         // ปี 2557, พ.ศ. 2557, (2559)
	kindFiscal                       // ปีงบประมาณ 2565
	kindRange                        // ปี 2558-2560: a horizon
	kindNoYear                       // 13 มกราคม, เดือนกุมภาพันธ์: needs a reference
	kindBare                         // a lone 25xx number: weak
	kindISO                          // 2557-08-06
	kindInvalid                      // a date that does not exist (31 เมษายน)
	kindRelYear                      // ปีนี้, ปีที่แล้ว, ปีหน้า: needs a reference
)

// mention is one date found in normalised text at [start, end).
type mention struct {
	start, end int
	kind       mentionKind
	d          Date
	future     bool // yearless and marked นี้/ที่จะถึง/ต่อไป
	past       bool // yearless and marked ที่ผ่านมา
	rel        int  // yearless with ปีที่แล้ว (-1), ปีนี้ (0), ปีหน้า (+1)
	hasRel     bool
}

// yearCE converts a year as written to CE. twoDigit years are BE 25xx.
// ok is false for values that are not plausible years.
func yearCE(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, false
	}
	switch {
	case len(s) == 2:
		return 2500 + n - 543, true
	case n >= 2400 && n <= 2700:
		return n - 543, true
	case n >= 1900 && n <= 2100:
		return n, true
	}
	return 0, false
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// findAllSubmatchAnchored is re.FindAllStringSubmatchIndex(s, -1) for a
// regexp whose anchored form anc is tried only at starts (ascending, a
// superset of the starts of its matches).
func findAllSubmatchAnchored(anc *regexp.Regexp, s string, starts []int) [][]int {
	var out [][]int
	p, last := 0, -1
	for _, c := range starts {
		if c < p || c == last {
			continue
		}
		last = c
		if loc := anc.FindStringSubmatchIndex(s[c:]); loc != nil {
			for k := range loc {
				if loc[k] >= 0 {
					loc[k] += c
				}
			}
			out = append(out, loc)
			p = loc[1]
		}
	}
	return out
}

// monthStarts returns where a match of the month regexp can start, given
// its month forms at anchors: at the month itself or back over the day
// part (วันที่/วัน, spaces, digits, a dash) and เดือน.
func monthStarts(s string, anchors []lexHit) []int {
	var out []int
	prev := -1
	for _, a := range anchors {
		if a.start == prev {
			continue
		}
		prev = a.start
		st := a.start
		for st > 0 {
			switch c := s[st-1]; {
			case c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '-' || isDigit(c):
				st--
				continue
			}
			if w := lastPrefix(s[:st], "เดือน", "วันที่", "วัน"); w != "" {
				st -= len(w)
				continue
			}
			break
		}
		for c := st; c <= a.start; c++ {
			if isRuneStart(s, c) {
				out = append(out, c)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// findDates returns the date mentions in normalised text s, whose lexicon
// hits are lh (nil: scan s), in order, without overlaps.
func findDates(s string, lh *lexHits) []mention {
	r := dateREs()
	if lh == nil {
		lh = scanLex(asciiLower(s))
	}
	var out []mention
	used := newSpanSet(len(s))
	taken := used.taken
	push := func(m mention) {
		out = append(out, m)
		used.mark(m.start, m.end)
	}
	// ISO-like first: its digits would otherwise read as bare years.
	// A match has its first dash four digits after its start.
	var isoStarts []int
	for i := 4; i < len(s); i++ {
		if s[i] == '-' {
			isoStarts = append(isoStarts, i-4)
		}
	}
	for _, loc := range findAllSubmatchAnchored(r.iso, s, isoStarts) {
		if (loc[0] > 0 && isDigit(s[loc[0]-1])) || (loc[1] < len(s) && isDigit(s[loc[1]])) {
			continue
		}
		y, ok := yearCE(s[loc[2]:loc[3]])
		mo, _ := strconv.Atoi(s[loc[4]:loc[5]])
		d, _ := strconv.Atoi(s[loc[6]:loc[7]])
		if !ok || len(s[loc[2]:loc[3]]) != 4 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
			continue
		}
		m := mention{start: loc[0], end: loc[1], kind: kindISO, d: Date{Year: y, Month: mo, Day: d}}
		if loc[8] >= 0 {
			h, _ := strconv.Atoi(s[loc[8]:loc[9]])
			mi, _ := strconv.Atoi(s[loc[10]:loc[11]])
			if h < 24 && mi < 60 {
				m.d.Hour, m.d.Minute, m.d.HasTime = h, mi, true
			}
		}
		push(m)
	}
	for _, loc := range findAllSubmatchAnchored(r.month, s, monthStarts(s, lh[lexMonth])) {
		if taken(loc[0], loc[1]) {
			continue
		}
		if m, ok := monthMention(s, loc); ok {
			push(m)
		}
	}
	var yearStarts []int
	for _, x := range lh[lexYearWord] {
		yearStarts = append(yearStarts, x.start)
	}
	for _, loc := range findAllSubmatchAnchored(r.year, s, yearStarts) {
		if taken(loc[0], loc[1]) || (loc[1] < len(s) && isDigit(s[loc[1]])) {
			continue
		}
		if m, ok := yearMention(s, loc); ok {
			push(m)
		}
	}
	for _, loc := range r.paren.FindAllStringSubmatchIndex(s, -1) {
		if taken(loc[0], loc[1]) {
			continue
		}
		if y, ok := yearCE(s[loc[2]:loc[3]]); ok {
			push(mention{start: loc[0], end: loc[1], kind: kindYear, d: Date{Year: y}})
		}
	}
	for _, loc := range fourDigits(s) {
		i, j := loc[0], loc[1]
		if taken(i, j) || (i > 0 && (isDigit(s[i-1]) || s[i-1] == ',' || s[i-1] == '.' || s[i-1] == '-' || s[i-1] == '/')) ||
			(j < len(s) && (isDigit(s[j]) || s[j] == ',' || s[j] == '.' && j+1 < len(s) && isDigit(s[j+1]) || s[j] == '-' || s[j] == '/')) {
			continue
		}
		n, _ := strconv.Atoi(s[i:j])
		if n < 2500 || n > 2600 { // bare CE numbers are too often counts
			continue
		}
		y, _ := yearCE(s[i:j])
		push(mention{start: i, end: j, kind: kindBare, d: Date{Year: y}})
	}
	for _, loc := range r.rel.FindAllStringSubmatchIndex(s, -1) {
		i, j := loc[0], loc[1]
		// "2 ปีก่อน" is a duration; a month just before has taken it as
		// its year already.
		pre := strings.TrimRight(tail(s, i, 3), " ")
		if taken(i, j) || pre != "" && isDigit(pre[len(pre)-1]) || followsMonth(out, i) {
			continue
		}
		rel := map[string]int{"นี้": 0, "ที่แล้ว": -1, "ก่อน": -1, "ที่ผ่านมา": -1, "หน้า": 1}[s[loc[2]:loc[3]]]
		push(mention{start: i, end: j, kind: kindRelYear, rel: rel, hasRel: true})
	}
	sortMentions(out)
	return out
}

// fourDigits returns the runs of four ASCII digits in s, left to right
// without overlaps (what [0-9]{4} finds).
func fourDigits(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		for ; i+4 <= j; i += 4 {
			out = append(out, [2]int{i, i + 4})
		}
		i = j
	}
	return out
}

// followsMonth reports whether a yearless month mention ends just before i.
func followsMonth(ms []mention, i int) bool {
	for _, m := range ms {
		if m.kind == kindNoYear && m.end <= i && i-m.end <= 2 {
			return true
		}
	}
	return false
}

func monthMention(s string, loc []int) (mention, bool) {
	r := dateREs()
	g := func(k int) string {
		if loc[2*k] < 0 {
			return ""
		}
		return s[loc[2*k]:loc[2*k+1]]
	}
	dayS, day2S, monS, eraS, yearS, hS, miS := g(1), g(2), g(3), g(4), g(5), g(6), g(7)
	start, end := loc[0], loc[1]
	if dayS != "" && start > 0 && isDigit(s[start-1]) {
		return mention{}, false
	}
	key := dropDotsSpaces(monS)
	mi, ok := r.monthOf[key]
	if !ok {
		return mention{}, false
	}
	mo, abbr := mi.m, mi.abbr
	// An abbreviation (ก.พ. is also the Civil Service Commission, ต.ค. ...)
	// counts only next to a day or a year.
	if abbr && dayS == "" && yearS == "" {
		return mention{}, false
	}
	// A month name with neither a day nor a year nor เดือน is too weak
	// (มีนา, ตุลา are also names).
	if dayS == "" && yearS == "" && !strings.Contains(s[start:loc[6]], "เดือน") {
		return mention{}, false
	}
	// The day group may have swallowed a number that is not a day.
	m := mention{start: start, end: end}
	if yearS != "" {
		if loc[11] < len(s) && isDigit(s[loc[11]]) {
			return mention{}, false
		}
		y, ok := yearCE(yearS)
		if ok && len(yearS) == 2 && eraS == "" {
			n, _ := strconv.Atoi(yearS)
			ok = n >= 40 && n <= 90
		}
		if !ok {
			// Keep the month without the number.
			yearS, m.end = "", loc[7]
		} else {
			m.d.Year = y
		}
	}
	if dayS != "" {
		d, _ := strconv.Atoi(dayS)
		if d < 1 || d > 31 {
			if yearS == "" {
				return mention{}, false
			}
			dayS, day2S = "", ""
			m.start = loc[6]
		} else {
			m.d.Day = d
			if day2S != "" {
				d2, _ := strconv.Atoi(day2S)
				if d2 > d && d2 <= 31 {
					m.d.EndDay, m.d.EndMonth = d2, mo
				}
			}
		}
	}
	m.d.Month = mo
	if m.d.Year != 0 && m.d.Day > daysIn(m.d.Year, mo) || m.d.Year == 0 && m.d.Day > daysIn(2000, mo) {
		m.kind = kindInvalid
		return m, true
	}
	if m.d.EndDay != 0 {
		m.d.EndYear = m.d.Year
	}
	if hS != "" && yearS != "" {
		h, _ := strconv.Atoi(hS)
		mi, _ := strconv.Atoi(miS)
		if h < 24 && mi < 60 {
			m.d.Hour, m.d.Minute, m.d.HasTime = h, mi, true
		}
	} else if hS != "" {
		m.end = loc[11]
		if yearS == "" {
			m.end = loc[7]
		}
	}
	switch {
	case m.d.Year != 0 && m.d.Day != 0:
		m.kind = kindFull
	case m.d.Year != 0:
		m.kind = kindMonthYear
	default:
		m.kind = kindNoYear
		after := head(s, m.end, 14)
		switch ta := strings.TrimLeft(after, " "); {
		case hasAnyPrefix(ta, "ปีที่แล้ว", "ปีก่อน", "ปีที่ผ่านมา"):
			m.rel, m.hasRel = -1, true
		case hasAnyPrefix(ta, "ปีนี้"):
			m.rel, m.hasRel = 0, true
		case hasAnyPrefix(ta, "ปีหน้า"):
			m.rel, m.hasRel = 1, true
		}
		m.past = strings.Contains(after, "ที่ผ่านมา") || strings.Contains(after, "ที่แล้ว")
		m.future = !m.past && (strings.HasPrefix(strings.TrimSpace(after), "นี้") || strings.Contains(after, "ที่จะถึง") || strings.Contains(after, "ต่อไป"))
	}
	return m, true
}

func yearMention(s string, loc []int) (mention, bool) {
	word := s[loc[2]:loc[3]]
	y1s := s[loc[4]:loc[5]]
	y1, ok := yearCE(y1s)
	if !ok {
		return mention{}, false
	}
	if len(y1s) == 2 {
		n, _ := strconv.Atoi(y1s)
		if n < 40 || n > 90 {
			return mention{}, false
		}
	}
	m := mention{start: loc[0], end: loc[1], kind: kindYear, d: Date{Year: y1}}
	if loc[6] >= 0 {
		y2s := s[loc[6]:loc[7]]
		y2, ok := yearCE(y2s)
		if len(y2s) == 2 && len(y1s) == 4 { // 2558-60
			y2, ok = yearCE(y1s[:2] + y2s)
		}
		if ok && y2 > y1 && y2-y1 <= 20 {
			m.d.EndYear = y2
			m.kind = kindRange
		} else {
			m.end = loc[5]
		}
	}
	if strings.HasPrefix(word, "ปีงบ") {
		m.kind = kindFiscal
		m.d.Fiscal = true
		last := m.d.Year
		if m.d.EndYear != 0 {
			last = m.d.EndYear
		}
		m.d.Year, m.d.Month, m.d.Day = m.d.Year-1, 10, 1
		m.d.EndYear, m.d.EndMonth, m.d.EndDay = last, 9, 30
	}
	return m, true
}

// ParseDate parses one Thai or ISO-like date: "28 กันยายน 2008 13:15 น.",
// "๑๖-๑๗ ตค. ๕๑", "15 ก.ย. 55 11.25", "2557-08-06", "2014-08-06T10:00:00+07:00",
// "ปีงบประมาณ 2565", "ปี 2558 – 2560", "พ.ศ. ๒๕๕๗". Years are read as BE when
// ≥ 2400 or two-digit, CE when 1900-2100; the result is always CE. When s
// holds several dates, the first is returned. A day and month without a year
// is an error: callers resolve those against a reference date.
func ParseDate(s string) (Date, error) {
	if len(s) > 4096 {
		return Date{}, &DateError{Input: s[:64], Reason: "input too long", Err: ErrBadDate}
	}
	t := normalize(s)
	ms := findDates(t.s, nil)
	for _, m := range ms {
		switch m.kind {
		case kindNoYear:
			return Date{}, &DateError{Input: s, Reason: "day and month without a year", Err: ErrBadDate}
		case kindInvalid:
			return Date{}, &DateError{Input: s, Reason: "no such day in that month", Err: ErrBadDate}
		case kindRelYear:
			continue
		}
		if m.kind == kindISO || m.kind == kindFull {
			if !m.d.HasTime {
				if loc := dateREs().clock.FindStringSubmatchIndex(t.s[m.end:]); loc != nil && loc[0] <= 2 {
					h, _ := strconv.Atoi(t.s[m.end+loc[2] : m.end+loc[3]])
					mi, _ := strconv.Atoi(t.s[m.end+loc[4] : m.end+loc[5]])
					if h < 24 && mi < 60 {
						m.d.Hour, m.d.Minute, m.d.HasTime = h, mi, true
					}
				}
			}
		}
		return m.d, nil
	}
	if ts, err := time.Parse(time.RFC3339, strings.TrimSpace(s)); err == nil {
		return Date{Year: ts.Year(), Month: int(ts.Month()), Day: ts.Day(), Hour: ts.Hour(), Minute: ts.Minute(), HasTime: true}, nil
	}
	if d, ok := parseEnglishDate(t.lower); ok {
		return d, nil
	}
	return Date{}, &DateError{Input: s, Reason: "no day, month or year found", Err: ErrNoDate}
}

// parseEnglishDate reads "August 6, 2014" and "6 Aug 2014".
func parseEnglishDate(s string) (Date, bool) {
	for mi, mn := range englishMonths {
		i := strings.Index(s, mn)
		if i < 0 {
			continue
		}
		nums := dateREs().digits.FindAllString(s, 3)
		var d Date
		for _, n := range nums {
			v, _ := strconv.Atoi(n)
			switch {
			case len(n) == 4:
				d.Year, _ = yearCE(n)
			case v >= 1 && v <= 31 && d.Day == 0:
				d.Day = v
			}
		}
		if d.Year == 0 {
			return Date{}, false
		}
		d.Month = mi + 1
		if d.Day > daysIn(d.Year, d.Month) {
			d.Day = 0
		}
		return d, true
	}
	return Date{}, false
}

// ParseYear reads a year as users type it: "2557", "พ.ศ. ๒๕๕๗", "2014",
// "ค.ศ. 2014", "ปี 57" and returns it in CE. A bare two-digit number is
// accepted only with ปี/พ.ศ. before it.
func ParseYear(s string) (int, bool) {
	t := normalize(strings.TrimSpace(s))
	v := strings.TrimSpace(t.s)
	prefixed := false
	for _, p := range []string{"ปีงบประมาณ", "ปี", "พ.ศ.", "พ.ศ", "พศ.", "พศ", "ค.ศ.", "ค.ศ", "คศ.", "คศ", "be", "ce", "ad"} {
		lv := strings.ToLower(v)
		if strings.HasPrefix(lv, p) {
			v = strings.TrimSpace(v[len(p):])
			prefixed = true
		}
	}
	if strings.HasPrefix(v, "พ.ศ.") {
		v = strings.TrimSpace(v[len("พ.ศ."):])
	}
	if v == "" || len(v) > 4 {
		return 0, false
	}
	for i := 0; i < len(v); i++ {
		if !isDigit(v[i]) {
			return 0, false
		}
	}
	if len(v) == 2 && !prefixed {
		return 0, false
	}
	if len(v) != 2 && len(v) != 4 {
		return 0, false
	}
	return yearCE(v)
}
