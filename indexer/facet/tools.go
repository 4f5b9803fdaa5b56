package facet

import (
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Tool is a tool of participatory health public policy, by the id the API
// and URLs use (DOMAIN.md §2).
type Tool string

// Tool ids.
const (
	ToolAreaAssembly         Tool = "area_assembly"
	ToolIssueAssembly        Tool = "issue_assembly"
	ToolNationalAssembly     Tool = "national_assembly"
	ToolHIA                  Tool = "hia"
	ToolCHIA                 Tool = "chia"
	ToolEHIA                 Tool = "ehia"
	ToolAreaCharter          Tool = "area_charter"
	ToolNationalCharter      Tool = "national_charter"
	ToolLocalHealthFund      Tool = "local_health_fund"
	ToolStrategicRouteMap    Tool = "strategic_route_map"
	ToolHealthMapping        Tool = "health_mapping"
	ToolLessonDistillation   Tool = "lesson_distillation"
	ToolKnowledgeManagement  Tool = "knowledge_management"
	ToolCommunityPlan        Tool = "community_plan"
	ToolCommunityWelfareFund Tool = "community_welfare_fund"
	ToolMOU                  Tool = "mou"
	ToolCapacityBuilding     Tool = "capacity_building"
	ToolLivingWill           Tool = "living_will"
)

// ToolInfo describes a Tool. Parent is set for children (chia, ehia → hia):
// a document with a child also carries the parent.
type ToolInfo struct {
	ID     Tool
	Parent Tool
	// Family groups tools for display: "assembly", "hia", "charter",
	// "fund", "planning", "knowledge" or "other".
	Family        string
	Thai, English string
	// Aliases are other names and abbreviations LookupTool accepts.
	Aliases []string
}

var toolTable = []ToolInfo{
	{ToolAreaAssembly, "", "assembly", "สมัชชาสุขภาพเฉพาะพื้นที่", "area / provincial health assembly", []string{"สมัชชาสุขภาพจังหวัด", "สมัชชาจังหวัด", "สมัชชาสุขภาพพื้นที่", "สมัชชาสุขภาพ", "PHA", "provincial health assembly", "area health assembly"}},
	{ToolIssueAssembly, "", "assembly", "สมัชชาสุขภาพเฉพาะประเด็น", "issue-based health assembly", []string{"สมัชชาเฉพาะประเด็น", "สมัชชาเชิงประเด็น", "สมัชชาสุขภาพเชิงประเด็น"}},
	{ToolNationalAssembly, "", "assembly", "สมัชชาสุขภาพแห่งชาติ", "National Health Assembly", []string{"สมัชชาชาติ", "NHA"}},
	{ToolHIA, "", "hia", "การประเมินผลกระทบด้านสุขภาพ", "health impact assessment", []string{"HIA", "ประเมินผลกระทบด้านสุขภาพ", "การประเมินผลกระทบทางสุขภาพ", "การประเมินผลกระทบต่อสุขภาพ"}},
	{ToolCHIA, ToolHIA, "hia", "การประเมินผลกระทบด้านสุขภาพโดยชุมชน", "community health impact assessment", []string{"CHIA", "HIA ชุมชน"}},
	{ToolEHIA, ToolHIA, "hia", "การประเมินผลกระทบสิ่งแวดล้อมและสุขภาพ", "environmental and health impact assessment", []string{"EHIA"}},
	{ToolAreaCharter, "", "charter", "ธรรมนูญสุขภาพพื้นที่", "area health charter", []string{"ธรรมนูญสุขภาพ", "ธรรมนูญสุขภาพตำบล", "ธรรมนูญชุมชน", "health charter"}},
	{ToolNationalCharter, "", "charter", "ธรรมนูญว่าด้วยระบบสุขภาพแห่งชาติ", "national health-system charter", []string{"ธรรมนูญระบบสุขภาพ"}},
	{ToolLocalHealthFund, "", "fund", "กองทุนหลักประกันสุขภาพระดับท้องถิ่นหรือพื้นที่", "local health fund", []string{"กปท.", "กองทุนสุขภาพตำบล", "กองทุนหลักประกันสุขภาพ", "กองทุนสุขภาพ"}},
	{ToolStrategicRouteMap, "", "planning", "แผนที่ยุทธศาสตร์", "strategic route map", []string{"SRM", "แผนที่ทางเดินยุทธศาสตร์"}},
	{ToolHealthMapping, "", "planning", "การทำแผนที่สุขภาวะ", "well-being mapping", []string{"mapping", "แผนที่สุขภาวะ", "แผนที่ชุมชน"}},
	{ToolLessonDistillation, "", "knowledge", "ถอดบทเรียน", "lesson distillation", []string{"AAR", "สรุปบทเรียน", "การถอดบทเรียน"}},
	{ToolKnowledgeManagement, "", "knowledge", "การจัดการความรู้", "knowledge management", []string{"KM", "จัดการความรู้"}},
	{ToolCommunityPlan, "", "planning", "แผนชุมชน", "community (health) plan", []string{"แผนสุขภาพชุมชน", "แผนสุขภาวะ", "แผนสุขภาพตำบล"}},
	{ToolCommunityWelfareFund, "", "fund", "กองทุนสวัสดิการชุมชน", "community welfare fund", nil},
	{ToolMOU, "", "other", "บันทึกข้อตกลงความร่วมมือ", "memorandum of understanding", []string{"MOU", "MoU", "บันทึกข้อตกลง"}},
	{ToolCapacityBuilding, "", "other", "พัฒนาศักยภาพนักสานพลัง", "facilitator capacity building", []string{"นักสานพลัง", "นนส."}},
	{ToolLivingWill, "", "other", "หนังสือแสดงเจตนาตามมาตรา 12", "living will (NHA s.12)", []string{"มาตรา 12", "living will", "สิทธิการตายดี"}},
}

// Tools returns the taxonomy in display order. The result is a copy.
func Tools() []ToolInfo {
	out := slices.Clone(toolTable)
	for i := range out {
		out[i].Aliases = slices.Clone(out[i].Aliases)
	}
	return out
}

var toolLookup = sync.OnceValue(func() map[string]int {
	m := map[string]int{}
	for i, t := range toolTable {
		for _, k := range append([]string{string(t.ID), t.Thai, t.English}, t.Aliases...) {
			m[lookupKey(k)] = i
		}
	}
	return m
})

// LookupTool resolves a tool id, Thai label, English name or abbreviation
// (HIA, CHIA, SRM, KM, MOU), case-insensitively.
func LookupTool(s string) (ToolInfo, bool) {
	i, ok := toolLookup()[lookupKey(s)]
	if !ok {
		return ToolInfo{}, false
	}
	return Tools()[i], true
}

// Info returns t's taxonomy row.
func (t Tool) Info() (ToolInfo, bool) {
	for _, ti := range toolTable {
		if ti.ID == t {
			return ti, true
		}
	}
	return ToolInfo{}, false
}

// toolHit is one tool surface found in a field.
type toolHit struct {
	start, end int // normalised offsets
	tool       Tool
	weight     float64
	rule       string
	// level is the assembly level (Level*) when the form says it.
	level string
	// bare is set for bare สมัชชา (counts only when the document is about
	// health assemblies) and bare ธรรมนูญ (only after a qualified charter).
	bare bool
}

// toolRule maps a Thai pattern to a tool. starts are literals every match
// begins with: the lexicon finds them, and re is tried (anchored) there
// only.
type toolRule struct {
	anc    *regexp.Regexp // ^(?:pattern)
	starts []string
	tool   Tool
	rule   string
}

var toolRules = sync.OnceValue(func() []toolRule {
	r := func(pat string, starts []string, t Tool, why string) toolRule {
		return toolRule{anchored(pat), starts, t, why}
	}
	hia := []string{"การประเมินผลกระทบ", "ประเมินผลกระทบ"}
	return []toolRule{
		r(`(?:การ)?ประเมินผลกระทบ(?:ด้าน|ทาง)?สิ่งแวดล้อม(?:และ|และด้าน|และทาง)สุขภาพ`, hia, ToolEHIA, "การประเมินผลกระทบสิ่งแวดล้อมและสุขภาพ"),
		r(`โครงการ(?:หรือกิจกรรม)?ที่อาจก่อให้เกิดผลกระทบต่อชุมชนอย่างรุนแรง`, []string{"โครงการที่อาจ", "โครงการหรือกิจกรรมที่อาจ"}, ToolEHIA, "project with severe impact (Constitution s.67)"),
		r(`(?:การ)?ประเมินผลกระทบ(?:ด้าน|ทาง|ต่อ)?สุขภาพ(?:\s*(?:โดย|ของ)?ชุมชน)`, hia, ToolCHIA, "HIA by the community"),
		r(`(?:การ)?ประเมินผลกระทบ(?:ด้าน|ทาง|ต่อ)?สุขภาพ`, hia, ToolHIA, "การประเมินผลกระทบด้านสุขภาพ"),
		r(`เอช\s?ไอ\s?เอ`, []string{"เอช"}, ToolHIA, "เอช ไอ เอ"),
		r(`กองทุนหลักประกันสุขภาพ|กองทุนหลักประกัน|กองทุน(?:ทุน)?สุขภาพ(?:ตำบล|ชุมชน|ท้องถิ่น|ฯ)?|กปท\.?`, []string{"กองทุนหลักประกัน", "กองทุนสุขภาพ", "กองทุนทุนสุขภาพ", "กปท"}, ToolLocalHealthFund, "local health fund"),
		r(`กองทุนสวัสดิการ(?:ชุมชน|สังคม)`, []string{"กองทุนสวัสดิการ"}, ToolCommunityWelfareFund, "กองทุนสวัสดิการชุมชน"),
		r(`แผนที่(?:ทางเดิน)?ยุทธศาสตร์`, []string{"แผนที่ยุทธศาสตร์", "แผนที่ทางเดินยุทธศาสตร์"}, ToolStrategicRouteMap, "แผนที่ยุทธศาสตร์"),
		r(`แผนที่(?:สุขภาวะ|ชุมชน|ทางสังคม|ทางเดินสุขภาพ)`, []string{"แผนที่สุขภาวะ", "แผนที่ชุมชน", "แผนที่ทางสังคม", "แผนที่ทางเดินสุขภาพ"}, ToolHealthMapping, "แผนที่สุขภาวะ"),
		r(`(?:ถอด|สรุป|ชุด)บทเรียน`, []string{"ถอดบทเรียน", "สรุปบทเรียน", "ชุดบทเรียน"}, ToolLessonDistillation, "ถอดบทเรียน"),
		r(`จัดการความรู้|คลังความรู้`, []string{"จัดการความรู้", "คลังความรู้"}, ToolKnowledgeManagement, "การจัดการความรู้"),
		r(`แผนชุมชน|แผนสุขภาวะ|แผนสุขภาพ(?:ตำบล|ชุมชน|หมู่บ้าน)|แผนพัฒนาท้องถิ่น`, []string{"แผนชุมชน", "แผนสุขภาวะ", "แผนสุขภาพ", "แผนพัฒนาท้องถิ่น"}, ToolCommunityPlan, "community plan"),
		r(`บันทึกข้อตกลง|บันทึกความร่วมมือ`, []string{"บันทึกข้อตกลง", "บันทึกความร่วมมือ"}, ToolMOU, "บันทึกข้อตกลง"),
		r(`นักสานพลัง|นนส\.`, []string{"นักสานพลัง", "นนส."}, ToolCapacityBuilding, "นักสานพลัง"),
		r(`หนังสือแสดงเจตนา|สิทธิการตายดี|มาตรา\s?12`, []string{"หนังสือแสดงเจตนา", "สิทธิการตายดี", "มาตรา"}, ToolLivingWill, "living will (s.12)"),
	}
})

// asciiTools maps whole ASCII words (lower case) to tools.
var asciiTools = map[string]Tool{
	"hia": ToolHIA, "chia": ToolCHIA, "ehia": ToolEHIA, "srm": ToolStrategicRouteMap,
	"mou": ToolMOU, "aar": ToolLessonDistillation, "pha": ToolAreaAssembly, "mapping": ToolHealthMapping,
}

var asciiToolPhrases = []struct {
	phrase string
	tool   Tool
}{
	{"community health impact assessment", ToolCHIA},
	{"health impact assessment", ToolHIA},
	{"strategic route map", ToolStrategicRouteMap},
	{"provincial health assembly", ToolAreaAssembly},
	{"national health assembly", ToolNationalAssembly},
	{"living will", ToolLivingWill},
	{"knowledge management", ToolKnowledgeManagement},
}

// issueSubjects are population groups and issues that make สมัชชา{X} an
// issue assembly (สมัชชาผู้สูงอายุ, สมัชชาเด็กและเยาวชน).
var issueSubjects = []string{"ผู้สูงอายุ", "เด็ก", "เยาวชน", "สตรี", "ผู้หญิง", "ผู้พิการ", "คนพิการ", "แรงงาน", "ผู้บริโภค", "ความมั่นคงทางอาหาร", "อาหาร", "ปัจจัยเสี่ยง", "เหล้า", "ยาสูบ"}

// findTools returns the tool surfaces in normalised text t. year is the
// document's CE year (0 if unknown): a bare ธรรมนูญสุขภาพ before 2009 is the
// draft national charter.
func findTools(t ntext, lh *lexHits, year int) []toolHit {
	s := t.s
	var hits []toolHit
	used := newSpanSet(len(s))
	add := func(h toolHit) {
		if !used.taken(h.start, h.end) {
			hits = append(hits, h)
			used.mark(h.start, h.end)
		}
	}
	// Assemblies: classify each สมัชชา by what follows it.
	for _, x := range lh[lexAssembly] {
		st, en := x.start, x.end
		rest := s[en:]
		h := toolHit{start: st, end: en, weight: 1}
		switch {
		case hasAnyPrefix(rest, "สุขภาพแห่งชาติ", "แห่งชาติ", "ชาติ", " สุขภาพแห่งชาติ", "สุขภาพระดับชาติ", "ระดับชาติ"):
			h.tool, h.rule, h.level = ToolNationalAssembly, "สมัชชาสุขภาพแห่งชาติ", LevelNational
			h.end += len(firstPrefix(rest, "สุขภาพแห่งชาติ", "แห่งชาติ", "ชาติ", " สุขภาพแห่งชาติ", "สุขภาพระดับชาติ", "ระดับชาติ"))
		case hasAnyPrefix(rest, "สุขภาพเฉพาะประเด็น", "สุขภาพเชิงประเด็น", "เฉพาะประเด็น", "เชิงประเด็น", "(สุขภาพ)เชิงประเด็น"):
			h.tool, h.rule, h.level = ToolIssueAssembly, "สมัชชาเฉพาะประเด็น", LevelIssue
			h.end += len(firstPrefix(rest, "สุขภาพเฉพาะประเด็น", "สุขภาพเชิงประเด็น", "เฉพาะประเด็น", "เชิงประเด็น", "(สุขภาพ)เชิงประเด็น"))
		case hasAnyPrefix(strings.TrimPrefix(strings.TrimPrefix(rest, "สุขภาพ"), "สุขภาวะ"), issueSubjects...):
			h.tool, h.rule = ToolIssueAssembly, "สมัชชา + issue ("+firstPrefix(strings.TrimPrefix(strings.TrimPrefix(rest, "สุขภาพ"), "สุขภาวะ"), issueSubjects...)+")"
			h.end += len(firstPrefix(rest, "สุขภาพ", "สุขภาวะ"))
			h.level = LevelIssue
		case hasAnyPrefix(rest, "คนจน", "ปฏิรูป", "องค์กรชุมชน", "ใหญ่", "สหประชาชาติ", "แห่งสหประชาชาติ", "เกษตรกร", "ประชาชนภาคใต้"):
			continue
		case hasAnyPrefix(rest, "สุขภาพ", "สุขภาวะ", "จังหวัด", "ภาค", "ตำบล", "อำเภอ", "ระดับ", "เฉพาะพื้นที่", " สุขภาพ"):
			h.tool, h.rule = ToolAreaAssembly, "สมัชชาสุขภาพ"+"(area)"
			h.end += len(firstPrefix(rest, "สุขภาพจังหวัด", "สุขภาพ", "สุขภาวะ", "จังหวัด", "ภาค", "ตำบล", "อำเภอ", "ระดับ", "เฉพาะพื้นที่", " สุขภาพ"))
			h.rule = "qualified assembly"
			h.level = areaLevel(s, en, lh)
		default:
			h.tool, h.rule, h.bare, h.weight = ToolAreaAssembly, "bare สมัชชา", true, 0.5
		}
		add(h)
	}
	// Charters: never รัฐธรรมนูญ or กรมพระธรรมนูญ.
	var lastCharter Tool // the last qualified charter in this field
	for _, x := range lh[lexCharter] {
		st, en := x.start, x.end
		before := tail(s, st, 6)
		if strings.HasSuffix(before, "รัฐ") || strings.HasSuffix(before, "กรมพระ") {
			continue
		}
		rest := s[en:]
		h := toolHit{start: st, end: en, weight: 1}
		switch {
		case hasAnyPrefix(rest, "ว่าด้วยระบบสุขภาพ", "ระบบสุขภาพ", "สุขภาพแห่งชาติ", "สุขภาพคนไทย", "ว่าด้วย"):
			h.tool, h.rule = ToolNationalCharter, "ธรรมนูญว่าด้วยระบบสุขภาพแห่งชาติ"
			h.end += len(firstPrefix(rest, "ว่าด้วยระบบสุขภาพแห่งชาติ", "ว่าด้วยระบบสุขภาพ", "ระบบสุขภาพแห่งชาติ", "ระบบสุขภาพ", "สุขภาพแห่งชาติ", "สุขภาพคนไทย", "ว่าด้วย"))
		case hasAnyPrefix(rest, "สุขภาพตำบล", "สุขภาพหมู่บ้าน", "สุขภาพชุมชน", "สุขภาพอำเภอ", "สุขภาพจังหวัด", "สุขภาพเขต", "สุขภาพพื้นที่", "สุขภาพเมือง", "สุขภาพคน", "สุขภาพระดับ", "สุขภาพของ", "สุขภาวะ"):
			h.tool, h.rule = ToolAreaCharter, "ธรรมนูญสุขภาพ + place"
			h.end += len(firstPrefix(rest, "สุขภาพ", "สุขภาวะ"))
		case hasAnyPrefix(rest, "ชุมชน", "ประชาชน", "ตำบล", "หมู่บ้าน", "พื้นที่"):
			h.tool, h.rule = ToolAreaCharter, "ธรรมนูญชุมชน"
			h.end += len(firstPrefix(rest, "ชุมชน", "ประชาชน", "ตำบล", "หมู่บ้าน", "พื้นที่"))
		case hasAnyPrefix(rest, "สุขภาพ"):
			h.end += len("สุขภาพ")
			if year > 0 && year < 2009 {
				h.tool, h.rule = ToolNationalCharter, "ธรรมนูญสุขภาพ before 2009 (draft national charter)"
			} else {
				h.tool, h.rule = ToolAreaCharter, "ธรรมนูญสุขภาพ"
			}
		case lastCharter != "" && !isThaiCombining(runeAfter(s, en)):
			// Bare ธรรมนูญ ("ธรรมนูญฉบับแรก") is the charter just named.
			h.tool, h.rule, h.bare, h.weight = lastCharter, "bare ธรรมนูญ after "+string(lastCharter), true, 0.5
		default:
			continue
		}
		if !h.bare {
			lastCharter = h.tool
		}
		add(h)
	}
	rules := toolRules()
	starts := make([][]int, len(rules))
	for _, x := range lh[lexToolRule] {
		starts[x.idx] = append(starts[x.idx], x.start)
	}
	for i, tr := range rules {
		for _, loc := range findAllAnchored(tr.anc, s, starts[i]) {
			// กองทุนหลักประกันสุขภาพแห่งชาติ is the national UC fund.
			if tr.tool == ToolLocalHealthFund && strings.HasPrefix(s[loc[1]:], "แห่งชาติ") {
				continue
			}
			add(toolHit{start: loc[0], end: loc[1], tool: tr.tool, weight: 1, rule: tr.rule})
		}
	}
	// English phrases, then whole ASCII words. KM must be upper case (km is
	// a kilometre).
	ls := t.lower
	for _, x := range indexOrder(lh[lexToolPhrase]) {
		if asciiWordAt(ls, x.start, x.end) {
			p := asciiToolPhrases[x.idx]
			add(toolHit{start: x.start, end: x.end, tool: p.tool, weight: 1, rule: p.phrase})
		}
	}
	for i := 0; i < len(ls); {
		if !isASCIILetter(ls[i]) {
			i++
			continue
		}
		j := i
		for j < len(ls) && isASCIILetter(ls[j]) {
			j++
		}
		w := ls[i:j]
		if tool, ok := asciiTools[w]; ok {
			h := toolHit{start: i, end: j, tool: tool, weight: 1, rule: strings.ToUpper(w)}
			// "HIA ชุมชน" is the community HIA, also when a function word
			// follows ("ทำHIAชุมชนเรื่อง..."); "HIA ชุมชนริมแควน้อย" is the
			// HIA of a community named after it.
			if rest := strings.TrimLeft(s[j:], " "); tool == ToolHIA && strings.HasPrefix(rest, "ชุมชน") &&
				(!isThaiLetter(runeAfter(rest, len("ชุมชน"))) || hasAnyPrefix(rest[len("ชุมชน"):], functionWords...)) {
				h.tool, h.rule = ToolCHIA, "HIA ชุมชน"
			}
			add(h)
		} else if s[i:j] == "KM" {
			add(toolHit{start: i, end: j, tool: ToolKnowledgeManagement, weight: 1, rule: "KM"})
		}
		i = j
	}
	slices.SortFunc(hits, func(a, b toolHit) int { return a.start - b.start })
	return hits
}

// Assembly levels (Facts.AssemblyLevels): users look for a provincial
// assembly (สมัชชาจังหวัด) and a regional one (สมัชชาภาค) separately.
const (
	LevelProvincial  = "provincial"  // สมัชชาสุขภาพจังหวัด, สมัชชาสุขภาพ{province}
	LevelRegional    = "regional"    // สมัชชาสุขภาพภาค..., ระดับเขต, ล้านนา
	LevelDistrict    = "district"    // สมัชชาสุขภาพอำเภอ
	LevelSubdistrict = "subdistrict" // สมัชชาสุขภาพตำบล, หมู่บ้าน
	LevelNational    = "national"    // สมัชชาสุขภาพแห่งชาติ
	LevelIssue       = "issue"       // สมัชชาสุขภาพเฉพาะประเด็น, สมัชชาผู้สูงอายุ
)

// areaLevel reads the level of an area assembly from what follows สมัชชา
// at en: (สุขภาพ|สุขภาวะ)? (ระดับ)? then จังหวัด, ภาค, เขต, อำเภอ, ตำบล,
// หมู่บ้าน, a province or a sub-region. "" when the form does not say.
func areaLevel(s string, en int, lh *lexHits) string {
	q := en
	for _, w := range []string{" ", "สุขภาพ", "สุขภาวะ", " ", "ระดับ"} {
		if strings.HasPrefix(s[q:], w) {
			q += len(w)
		}
	}
	rest := s[q:]
	switch {
	case strings.HasPrefix(rest, "จังหวัด"):
		return LevelProvincial
	case hasAnyPrefix(rest, "ภาคี", "ภาคประชา", "ภาครัฐ", "ภาคส่วน"):
		return ""
	case hasAnyPrefix(rest, "ภาค", "เขต"):
		return LevelRegional
	case strings.HasPrefix(rest, "อำเภอ"):
		return LevelDistrict
	case hasAnyPrefix(rest, "ตำบล", "หมู่บ้าน"):
		return LevelSubdistrict
	}
	forms := provForms()
	for _, h := range lh[lexProv] {
		if h.start == q && !forms[h.idx].district {
			return LevelProvincial
		}
	}
	for _, h := range lh[lexSubRegion] {
		if h.start == q {
			return LevelRegional
		}
	}
	return ""
}

// functionWords are Thai words that start a new phrase: a name does not
// begin with them.
var functionWords = []string{"เรื่อง", "เพื่อ", "ใน", "ของ", "กับ", "และ", "ที่", "โดย", "ครั้ง", "ว่า", "ซึ่ง", "จาก", "เป็น", "ให้", "ได้"}

func hasAnyPrefix(s string, ps ...string) bool { return firstPrefix(s, ps...) != "" }

// firstPrefix returns the first of ps that s starts with, or "".
func firstPrefix(s string, ps ...string) string {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return p
		}
	}
	return ""
}
