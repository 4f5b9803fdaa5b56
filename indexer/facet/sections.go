package facet

import (
	"slices"
	"strings"
)

// SectionKind is a normalised section label, the same across sites.
type SectionKind string

// Section kinds.
const (
	SectionObjectives      SectionKind = "objectives"
	SectionActivities      SectionKind = "activities"
	SectionOutcomes        SectionKind = "outcomes"
	SectionSuccessFactors  SectionKind = "success_factors"
	SectionObstacles       SectionKind = "obstacles"
	SectionRecommendations SectionKind = "recommendations"
	SectionLessons         SectionKind = "lessons"
)

// SectionKindInfo names a SectionKind.
type SectionKindInfo struct {
	ID            SectionKind
	Thai, English string
}

var sectionKindTable = []SectionKindInfo{
	{SectionObjectives, "วัตถุประสงค์", "Objectives"},
	{SectionActivities, "กิจกรรม", "Activities"},
	{SectionOutcomes, "ผลที่เกิดขึ้น", "Outcomes"},
	{SectionSuccessFactors, "ปัจจัยความสำเร็จ", "Success factors"},
	{SectionObstacles, "ปัญหาและอุปสรรค", "Obstacles"},
	{SectionRecommendations, "ข้อเสนอแนะ", "Recommendations"},
	{SectionLessons, "บทเรียน", "Lessons learned"},
}

// SectionKinds returns the section kinds in display order.
func SectionKinds() []SectionKindInfo { return slices.Clone(sectionKindTable) }

// sectionCues maps heading words to kinds. In a heading naming two things
// ("ปัจจัยของความสำเร็จ และอุปสรรค") the cue that comes first wins.
var sectionCues = []struct {
	cue  string
	kind SectionKind
}{
	{"กลุ่มเป้าหมาย", ""}, // participants, not goals
	{"ชื่อผู้ติดตาม", ""},
	{"ปัจจัยของความสำเร็จ", SectionSuccessFactors},
	{"ปัจจัยความสำเร็จ", SectionSuccessFactors},
	{"ปัจจัยแห่งความสำเร็จ", SectionSuccessFactors},
	{"ปัจจัยที่ทำให้สำเร็จ", SectionSuccessFactors},
	{"ปัจจัยเอื้อ", SectionSuccessFactors},
	{"key success", SectionSuccessFactors},
	{"success factor", SectionSuccessFactors},
	{"วัตถุประสงค์", SectionObjectives},
	{"เป้าหมาย", SectionObjectives},
	{"objective", SectionObjectives},
	{"ผลลัพธ์ที่ตั้งไว้", SectionObjectives},
	{"ผลที่คาดว่าจะได้รับ", SectionObjectives},
	{"ข้อเสนอแนะ", SectionRecommendations},
	{"ข้อเสนอ", SectionRecommendations},
	{"คำแนะนำ", SectionRecommendations},
	{"recommendation", SectionRecommendations},
	{"อุปสรรค", SectionObstacles},
	{"ปัญหา", SectionObstacles},
	{"ข้อจำกัด", SectionObstacles},
	{"obstacle", SectionObstacles},
	{"บทเรียน", SectionLessons},
	{"ความรู้ที่ได้", SectionLessons},
	{"สิ่งที่ได้เรียนรู้", SectionLessons},
	{"lesson", SectionLessons},
	{"ผลที่เกิดขึ้น", SectionOutcomes},
	{"ผลการดำเนินงาน", SectionOutcomes},
	{"ผลการดำเนินการ", SectionOutcomes},
	{"ผลลัพธ์", SectionOutcomes},
	{"ผลผลิต", SectionOutcomes},
	{"ผลสรุป", SectionOutcomes},
	{"ประเมินความสำเร็จ", SectionOutcomes},
	{"output", SectionOutcomes},
	{"outcome", SectionOutcomes},
	{"กิจกรรม", SectionActivities},
	{"ขั้นตอน", SectionActivities},
	{"การดำเนินงาน", SectionActivities},
	{"วิธีการ", SectionActivities},
	{"activit", SectionActivities},
}

// ClassifySection maps a heading as a page shows it ("ปัญหา/แนวทางแก้ไข",
// "# ปัจจัยของความสำเร็จ และอุปสรรค", "กิจกรรมที่ปฎิบัติ") to a kind. ok is
// false for headings of no known kind (participants, follower names).
func ClassifySection(heading string) (SectionKind, bool) {
	h := normalize(heading).lower
	best, bestAt := SectionKind(""), len(h)+1
	for _, c := range sectionCues {
		if i := strings.Index(h, c.cue); i >= 0 && i < bestAt {
			best, bestAt = c.kind, i
		}
	}
	return best, best != ""
}
