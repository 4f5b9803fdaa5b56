package search

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/indexer/facet"
)

// A synthetic corpus: plausible Thai field reports from word lists, with
// random provinces, years, tools, organisations and sections. Deterministic
// for a seed. Used by the facet brute-force test and the benchmarks.

var synthTopics = []string{"การจัดการขยะ", "อาหารปลอดภัย", "ผู้สูงอายุ", "ลดเหล้าลดบุหรี่", "ยาเสพติด", "อุบัติเหตุทางถนน",
	"เกษตรอินทรีย์", "น้ำสะอาด", "ป่าชุมชน", "สุขภาพจิต", "เด็กและเยาวชน", "โรคเบาหวาน", "ความมั่นคงทางอาหาร", "หมอกควัน"}

var synthTools = []string{"สมัชชาสุขภาพจังหวัด", "การประเมินผลกระทบด้านสุขภาพ", "ธรรมนูญสุขภาพตำบล", "กองทุนหลักประกันสุขภาพตำบล",
	"แผนที่ยุทธศาสตร์", "ถอดบทเรียน", "การจัดการความรู้", "แผนชุมชน", "กองทุนสวัสดิการชุมชน", "บันทึกข้อตกลงความร่วมมือ"}

var synthOrgs = []string{"สช.", "สสส.", "สปสช.", "พอช.", "สสจ.", "อบต.", "อบจ."}

var synthFillers = []string{"ภาคีเครือข่ายร่วมกันจัดเวทีแลกเปลี่ยนเรียนรู้", "ชาวบ้านร่วมกันวิเคราะห์ปัญหาและหาทางออก",
	"คณะทำงานลงพื้นที่เก็บข้อมูลในชุมชน", "ที่ประชุมมีมติให้ขับเคลื่อนนโยบายสาธารณะเพื่อสุขภาพ", "ผู้นำท้องถิ่นสนับสนุนงบประมาณ",
	"อาสาสมัครสาธารณสุขติดตามผลการดำเนินงาน", "โรงเรียนและวัดเข้าร่วมกิจกรรม", "มีการสรุปบทเรียนหลังจบโครงการ"}

var synthMonths = []string{"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"}

var synthSites = []string{botrian.SiteAreahpp, botrian.SiteGotoknow, botrian.SiteSoftganz, botrian.SiteGeneric}

// synthProvinces are provinces whose names are never ordinary words.
func synthProvinces() []string {
	var out []string
	for _, p := range facet.Provinces() {
		if !ambiguousProvinces[string(p.Name)] {
			out = append(out, string(p.Name))
		}
	}
	return out
}

func synthDocs(n int, seed uint64) []botrian.Document {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	provs := synthProvinces()
	kinds := facet.SectionKinds()
	docs := make([]botrian.Document, 0, n)
	for i := range n {
		prov, topic, tool := pick(provs), pick(synthTopics), pick(synthTools)
		year := 2007 + r.IntN(18)
		month, day := 1+r.IntN(12), 1+r.IntN(28)
		var body strings.Builder
		fmt.Fprintf(&body, "เมื่อวันที่ %d %s %d %sจังหวัด%sร่วมกับ%s ใช้%sขับเคลื่อนประเด็น%s\n\n",
			day, synthMonths[month-1], year+543, pick(synthFillers), prov, pick(synthOrgs), tool, topic)
		for range 2 + r.IntN(4) {
			fmt.Fprintf(&body, "%s %s เรื่อง%s\n\n", pick(synthFillers), pick(synthFillers), pick(synthTopics))
		}
		d := botrian.Document{
			URL:         fmt.Sprintf("https://synth.example/%d", i),
			Site:        pick(synthSites),
			Title:       fmt.Sprintf("%sจังหวัด%s เรื่อง%s", tool, prov, topic),
			DateMachine: fmt.Sprintf("%04d-%02d-%02d", year, month, day),
		}
		if r.IntN(3) == 0 {
			k := kinds[r.IntN(len(kinds))]
			text := fmt.Sprintf("%s และ%s", pick(synthFillers), topic)
			d.Sections = append(d.Sections, botrian.Section{Heading: k.Thai, Text: text})
			fmt.Fprintf(&body, "%s\n\n%s", k.Thai, text)
		}
		d.Body = body.String()
		d.ID = botrian.DocID(d.URL)
		docs = append(docs, d)
	}
	return docs
}
