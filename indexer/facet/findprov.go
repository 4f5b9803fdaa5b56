package facet

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// provForm is one surface form of a province in the matcher.
type provForm struct {
	text  string
	prov  Province
	risky bool // also an everyday word: needs จังหวัด/จ./เมือง/คน or a list
	alias bool
	// district is set for districts and sub-districts (weaker evidence).
	district bool
	// dominant is set for bare forms of นคร (เมืองนคร): they count only for
	// the document's dominant นคร... province.
	dominant bool
}

// riskyNames are province names that are also common words or parts of
// them (DOMAIN.md §3.3.5). ตรัง, ยะลา and สตูล are not: they only need the
// boundary checks (and ตรังกานู, the Malaysian state, is excluded).
var riskyNames = map[string]bool{
	"ตาก": true, "แพร่": true, "เลย": true, "น่าน": true, "ตราด": true, "กระบี่": true,
	"ปากน้ำ": true, "แม่กลอง": true, "มหาชัย": true,
	"สุราษฎร์": true, "สุราษฏร์": true, "นครศรี": false, "ปากใต้": false, "กรุงเทพ": false,
}

var provForms = sync.OnceValue(func() []provForm {
	var out []provForm
	for _, p := range provinceTable {
		out = append(out, provForm{text: string(p.Name), prov: p.Name, risky: riskyNames[string(p.Name)]})
		for _, a := range p.Aliases {
			out = append(out, provForm{text: a, prov: p.Name, alias: true, risky: riskyNames[a]})
		}
	}
	for d, p := range districtTable {
		out = append(out, provForm{text: d, prov: p, district: true})
	}
	for _, f := range []string{"เมืองนคร", "คนนคร", "ชาวนคร", "ภาคประชาชนนคร"} {
		out = append(out, provForm{text: f, dominant: true})
	}
	sortFormsByLen(out)
	return out
})

// provHit is one accepted province mention in a field.
type provHit struct {
	start, end int // normalised
	prov       Province
	weight     float64
	rule       string
	venue      bool
	list       int // id of the governed list (≥ 3 provinces) it belongs to, 0 if none
	district   bool
	dominant   bool
	sub        bool // from a sub-region name
	inst       bool // inside a local institution's name (โรงพยาบาลX)
}

var (
	seatRE = regexp.MustCompile(`เขต(?:ที่)?\s?[0-9]{1,2}\s?$`)
	// abbrRE is anchored: it is tried only where a consonant starts within
	// ten runes before a dot (see abbrStarts).
	abbrRE  = anchored(`(จ\.|[ก-ฮ]{1,4}\.|[ก-ฮ]{2,4}\s?[0-9]{1,2})\s?([ก-ฮ]{2})\.`)
	countRE = regexp.MustCompile(`[0-9]+\s?(?:จังหวัด|จว\.?)`)
)

var strongPrefixes = []string{"จังหวัด", "จ.", "จว.", "จว", "เมือง", "คน", "ชาว", "ประจำจังหวัด"}
var adminPrefixes = []string{"ต.", "ตำบล", "อ.", "อำเภอ", "แขวง", "หมู่บ้าน"}
var personPrefixes = []string{"นาย", "นาง", "นางสาว", "น.ส.", "นพ.", "พญ.", "ดร.", "คุณ", "ผศ.", "รศ.", "ศ.", "ทพ.", "ภก.", "พระ",
	// kinship and village titles before a given name (ลุงสุรินทร์)
	// (not ครู/หมอ: "ครูลำปาง" is also the teachers of Lampang)
	"ลุง", "ป้า", "น้า", "ยาย", "พ่อ", "แม่", "กำนัน", "ผู้ใหญ่", "ผญ."}
var geoPrefixes = []string{"ทะเลสาบ", "แม่น้ำ", "ลุ่มน้ำ", "ลุ่มแม่น้ำ", "อ่าว", "ช่องแคบ"}

// localInstPrefixes are the institutions that serve their own province
// (a university named after one often works region-wide).
var localInstPrefixes = []string{"โรงพยาบาลศูนย์", "โรงพยาบาลทั่วไป", "โรงพยาบาล", "รพ.", "วิทยาลัย", "โรงเรียน"}

var instPrefixes = []string{"โรงพยาบาลศูนย์", "โรงพยาบาลทั่วไป", "มหาวิทยาลัย", "ม.", "ราชภัฏ", "ราชภัฎ", "โรงพยาบาล", "รพ.", "วิทยาลัย", "โรงเรียน", "ศูนย์", "สถาบัน"}

// findProvinces returns the province mentions in normalised text t, whose
// lexicon hits are lh.
func findProvinces(t ntext, lh *lexHits) []provHit {
	s := t.s
	type cand struct {
		provHit
		form   provForm
		strong bool
	}
	var cands []cand
	used := newSpanSet(len(s))
	taken := used.taken
	forms := provForms()
	// Forms longest first, each in text order: a longer form claims its
	// span before the names inside it.
	for _, lh := range indexOrder(lh[lexProv]) {
		f := forms[lh.idx]
		st, en := lh.start, lh.end
		{
			if taken(st, en) || !thaiBoundaryOK(s, st, en) {
				continue
			}
			pre := strings.TrimRight(tail(s, st, 14), " ")
			if hasAnySuffix(pre, personPrefixes...) {
				continue
			}
			if !f.district && hasAnySuffix(pre, adminPrefixes...) && !strings.HasSuffix(pre, "จ.") {
				continue
			}
			if f.prov == "ตาก" && (hasAnyPrefix(s[en:], "แดด", "ผ้า", "อากาศ", "ใบ", "ฟ้า", "สิน", "ลม", "ไว้", "แห้ง") || hasAnySuffix(pre, "โพธิ์", "พระเจ้า")) {
				continue
			}
			if f.prov == "น่าน" && (hasAnyPrefix(s[en:], "น้ำ") || hasAnySuffix(pre, "แม่น้ำ", "ลุ่มน้ำ", "ลุ่ม")) {
				continue
			}
			if f.prov == "ตรัง" && hasAnyPrefix(s[en:], "กานู") {
				continue
			}
			if f.prov == "แพร่" && hasAnySuffix(pre, "เผย") {
				continue
			}
			c := cand{provHit: provHit{start: st, end: en, prov: f.prov, weight: 1, district: f.district, dominant: f.dominant}, form: f}
			c.strong = hasAnySuffix(pre, strongPrefixes...) || strings.HasSuffix(f.text, "ฯ")
			switch {
			case f.district:
				c.weight, c.rule = 0.5, "district or sub-district "+f.text
			case f.dominant:
				c.rule = "bare นคร: the document's dominant นคร province"
			case c.strong:
				c.rule = "province name after " + lastPrefix(pre, strongPrefixes...)
			case f.alias:
				c.rule = "alias " + f.text
			default:
				c.rule = "province name"
			}
			if hasAnySuffix(pre, geoPrefixes...) {
				c.weight, c.rule = 0.3, "geographic name "+lastPrefix(pre, geoPrefixes...)+f.text
			} else if seatRE.MatchString(pre) {
				c.weight, c.rule = 0.3, "office seat after เขต N"
			} else if isVenue(s, st) {
				c.weight, c.venue, c.rule = 0.3, true, "venue (ณ/ที่/โรงแรม before it)"
			} else if isVisit(s, st) {
				c.weight, c.venue, c.rule = 0.3, true, "study-visit destination (ดูงาน before it)"
			} else if hasAnySuffix(pre, instPrefixes...) {
				ip := lastPrefix(pre, instPrefixes...)
				c.weight, c.inst, c.rule = 0.5, slices.Contains(localInstPrefixes, ip), "institution name "+ip
			}
			cands = append(cands, c)
			used.mark(st, en)
		}
	}
	// Official abbreviations glued to จ. or an acronym (คจ.สจ.รอ., ศพส 11 ชพ.).
	for _, loc := range findAllSubmatchAnchored(abbrRE, s, abbrStarts(s)) {
		st, en := loc[4], loc[5]+1
		p, ok := abbrTable[s[loc[4]:loc[5]]]
		if !ok || taken(st, en) || isThaiLetter(runeAfter(s, en)) {
			continue
		}
		// รพ.สต. is a sub-district hospital, not รพ. of สตูล.
		if _, isOrg := orgMatch().ids[dropDotsSpaces(s[loc[0]:en])]; isOrg {
			continue
		}
		cands = append(cands, cand{provHit: provHit{start: st, end: en, prov: p, weight: 0.5, rule: "province abbreviation " + s[st:en]}, strong: true})
		used.mark(st, en)
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(a.start, b.start) })
	// Lists: runs of candidates separated only by spaces, commas, และ, /.
	listID := 0
	inList := make([]bool, len(cands))
	for i := 0; i < len(cands); {
		j := i
		for j+1 < len(cands) && listGap(s[cands[j].end:cands[j+1].start]) && !cands[j+1].district && !cands[j].district {
			j++
		}
		// Two names make a list only with an explicit separator ("ดีมากเลย
		// จังหวัดขอนแก่น" is not one); three or more always do.
		isList := j > i && (j-i+1 >= 3 || hasAnyContains(s[cands[i].end:cands[j].start], "และ", ",", "/", "กับ", "หรือ"))
		// Names after เช่น/อาทิ are examples, not the subject.
		if example(s, cands[i].start) {
			for k := i; k <= j; k++ {
				cands[k].weight, cands[k].rule = min(cands[k].weight, 0.3), "example after เช่น/อาทิ"
			}
		} else if isList && j-i+1 >= 3 && governed(s, cands[i].start) {
			listID++
			for k := i; k <= j; k++ {
				cands[k].list = listID
				cands[k].rule = "list of provinces after ตัวแทนจาก/เครือข่าย/N จังหวัด"
			}
		}
		if isList {
			for k := i; k <= j; k++ {
				inList[k] = true
			}
		}
		i = j + 1
	}
	var out []provHit
	for k, c := range cands {
		if c.form.risky && !c.strong && !inList[k] {
			continue
		}
		out = append(out, c.provHit)
	}
	// Sub-regions: their provinces are mentioned, never primary by
	// themselves.
	srn := subRegionNames()
	for _, h := range indexOrder(lh[lexSubRegion]) {
		n := srn[h.idx]
		for _, p := range subRegionTable[n.sr].provinces {
			out = append(out, provHit{start: h.start, end: h.end, prov: p, weight: 0, sub: true, rule: "sub-region " + n.name})
		}
	}
	return out
}

type subRegionName struct {
	sr   int
	name string
}

// subRegionNames flattens subRegionTable's names in table order.
var subRegionNames = sync.OnceValue(func() []subRegionName {
	var out []subRegionName
	for i, sr := range subRegionTable {
		for _, n := range sr.names {
			out = append(out, subRegionName{i, n})
		}
	}
	return out
})

// healthRegionRE reads the number of a health region: เขตสุขภาพที่ 7,
// (คณะกรรมการ)เขตสุขภาพเพื่อประชาชนเขต 7, กขป. เขต 7. Anchored.
var healthRegionRE = anchored(`(?:เขตสุขภาพ(?:เพื่อประชาชน)?|กขป\.?)\s?(?:เขต)?\s?(?:ที่)?\s?([0-9]{1,2})`)

// healthRegionsSince is the first CE year of the 13 health regions (fiscal
// 2556 began in October 2012); before it "เขต N" numbered other things.
const healthRegionsSince = 2013

// findHealthRegions returns, for each health region named by number in s
// (a document of year, 0 if unknown, not before healthRegionsSince), its
// provinces as mentions that are never primary by themselves.
func findHealthRegions(s string, lh *lexHits, year int) []provHit {
	if year != 0 && year < healthRegionsSince {
		return nil
	}
	var out []provHit
	for _, x := range lh[lexHealthRegion] {
		loc := healthRegionRE.FindStringSubmatchIndex(s[x.start:])
		if loc == nil {
			continue
		}
		en := x.start + loc[1]
		if en < len(s) && isDigit(s[en]) {
			continue
		}
		n, _ := strconv.Atoi(s[x.start+loc[2] : en])
		for _, p := range HealthRegionProvinces(n) {
			out = append(out, provHit{start: x.start, end: en, prov: p, sub: true, rule: fmt.Sprintf("health region %d (%s)", n, s[x.start:en])})
		}
	}
	return out
}

// abbrStarts returns the possible starts of an abbrRE match: a match ends
// with a dot and starts with a consonant at most ten runes before it.
func abbrStarts(s string) []int {
	var out []int
	last := -1 // candidates before it are already listed
	for d := strings.IndexByte(s, '.'); d >= 0; {
		if !abbrDot(s, d) {
			k := strings.IndexByte(s[d+1:], '.')
			if k < 0 {
				break
			}
			d += 1 + k
			continue
		}
		st := d
		for n := 0; n < 10 && st > 0 && st > last; n++ {
			_, sz := utf8.DecodeLastRuneInString(s[:st])
			st -= sz
		}
		for c := max(st, last+1); c < d; c++ {
			if r, _ := utf8.DecodeRuneInString(s[c:]); r >= 'ก' && r <= 'ฮ' {
				out = append(out, c)
			}
		}
		last = d - 1
		k := strings.IndexByte(s[d+1:], '.')
		if k < 0 {
			break
		}
		d += 1 + k
	}
	return out
}

// abbrDot reports whether a match of abbrRE can end with the dot at d: two
// consonants before it, then (after one optional space) a dot or a digit.
func abbrDot(s string, d int) bool {
	q := d
	for range 2 {
		r, sz := utf8.DecodeLastRuneInString(s[:q])
		if r < 'ก' || r > 'ฮ' {
			return false
		}
		q -= sz
	}
	if q > 0 && strings.IndexByte(" \t\n\f\r", s[q-1]) >= 0 {
		if q >= 2 && (s[q-2] == '.' || isDigit(s[q-2])) {
			return true
		}
	}
	return q > 0 && (s[q-1] == '.' || isDigit(s[q-1]))
}

// isVenue reports whether the mention at i names where a meeting was held:
// ณ, ที่โรงแรม..., ที่จังหวัด... shortly before it, in the same clause.
func isVenue(s string, i int) bool {
	pre := tail(s, i, 40)
	if k := strings.LastIndexAny(pre, "\n"); k >= 0 {
		pre = pre[k+1:]
	}
	near := strings.TrimRight(tail(s, i, 12), " ")
	if hasAnySuffix(near, "ที่จังหวัด", "ที่จ.", "ณ จังหวัด", "ณ จ.", "ณ", "ณ เมือง", "ที่เมือง") {
		return true
	}
	for _, v := range []string{"โรงแรม", "ห้องประชุม", "ศูนย์ประชุม", "รีสอร์ท", "รีสอร์ต", " ณ ", "ณ ห้อง", "ณ โรง"} {
		if strings.Contains(pre, v) {
			return true
		}
	}
	return false
}

// example reports whether the mention at i comes right after เช่น, อาทิ or
// ยกตัวอย่าง (with at most จังหวัด/จ. between).
func example(s string, i int) bool {
	pre := strings.TrimRight(tail(s, i, 20), " ")
	for _, p := range []string{"จังหวัด", "จ."} {
		pre = strings.TrimRight(strings.TrimSuffix(pre, p), " ")
	}
	return hasAnySuffix(pre, "เช่น", "อาทิ", "อาทิเช่น", "ยกตัวอย่าง", "ตัวอย่างเช่น")
}

// bangkokPlaces returns the Bangkok-only district words: แขวง{name} and
// สำนักงานเขต{name} (not แขวงการทาง/แขวงทางหลวง, highway offices).
func bangkokPlaces(s string, lh *lexHits) []provHit {
	var out []provHit
	for _, x := range lh[lexBangkok] {
		rest := strings.TrimLeft(s[x.end:], " ")
		r := runeAfter(rest, 0)
		if r < 'ก' || r > 'ฮ' || hasAnyPrefix(rest, "การทาง", "ทางหลวง") {
			continue
		}
		out = append(out, provHit{start: x.start, end: x.end, prov: "กรุงเทพมหานคร", weight: 0.5, district: true, rule: "Bangkok " + s[x.start:x.end] + "{name}"})
	}
	return out
}

// isVisit reports whether the mention at i is where a study visit went
// (ไปดูงานที่X, ศึกษาดูงานX): a place the subject learnt from, not the
// subject.
func isVisit(s string, i int) bool {
	pre := tail(s, i, 20)
	if k := strings.LastIndexAny(pre, "\n"); k >= 0 {
		pre = pre[k+1:]
	}
	return strings.Contains(pre, "ดูงาน")
}

// listGapRunes are the runes of listGap's separators.
const listGapRunes = "และ,/、จ.จังหวัดกับหรือ"

// listGap reports whether the text between two province mentions is a list
// separator.
func listGap(g string) bool {
	// Only separator letters and spaces can vanish below.
	for _, r := range g {
		if !strings.ContainsRune(listGapRunes, r) && !unicode.IsSpace(r) {
			return false
		}
	}
	g = strings.TrimSpace(g)
	for _, sep := range []string{"และ", ",", "/", "、", "จ.", "จังหวัด", "กับ", "หรือ"} {
		g = strings.TrimSpace(strings.ReplaceAll(g, sep, ""))
	}
	return g == ""
}

// governed reports whether a list starting at i is introduced as the
// subject: ตัวแทนจาก, เครือข่าย, N จังหวัด, ได้แก่, ประกอบด้วย.
func governed(s string, i int) bool {
	pre := tail(s, i, 60)
	for _, w := range []string{"ตัวแทนจาก", "เครือข่าย", "ได้แก่", "ประกอบด้วย", "จังหวัด", "ทั้ง", "ร่วมกับ"} {
		if strings.Contains(pre, w) {
			return true
		}
	}
	return countRE.MatchString(pre)
}

func hasAnySuffix(s string, ps ...string) bool { return lastPrefix(s, ps...) != "" }

// lastPrefix returns the first of ps that s ends with, or "".
func lastPrefix(s string, ps ...string) string {
	for _, p := range ps {
		if strings.HasSuffix(s, p) {
			return p
		}
	}
	return ""
}

func sortFormsByLen(fs []provForm) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && (len(fs[j].text) > len(fs[j-1].text) || len(fs[j].text) == len(fs[j-1].text) && fs[j].text < fs[j-1].text); j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}
