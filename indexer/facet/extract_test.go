package facet

import (
	"slices"
	"strings"
	"testing"
)

// TestProvincePitfalls has one row per pitfall of DOMAIN.md §3.3.
func TestProvincePitfalls(t *testing.T) {
	tests := []struct {
		name      string
		in        Input
		primary   []Province
		mentioned []Province // must be in MentionedProvinces
		absent    []Province // must be in neither set
	}{
		{"title wins", Input{Title: "สมัชชาสุขภาพจังหวัดลำพูน", Body: "ทีมงานไปดูงานที่เชียงใหม่ ลำพูนฟอรั่ม"}, []Province{"ลำพูน"}, nil, nil},
		{"alias in title", Input{Title: "กระบวนการสมัชชาสุขภาพเมืองอุทุมพร", Body: "สปสช. เขต 7 สุราษฎร์ธานี"}, []Province{"ชุมพร"}, []Province{"สุราษฎร์ธานี"}, nil},
		{"governed list", Input{Title: "9 จว.เหนือตอนล่างสานพลัง", Body: "เมื่อวันที่ 9 ต.ค. 2556 ที่จังหวัดเพชรบูรณ์ โดยมีตัวแทนจาก กำแพงเพชร พิษณุโลก พิจิตร เพชรบูรณ์ สุโขทัย อุตรดิตถ์ นครสวรรค์ อุทัยธานี และตากเข้าร่วม"},
			[]Province{"กำแพงเพชร", "พิษณุโลก", "พิจิตร", "เพชรบูรณ์", "สุโขทัย", "อุตรดิตถ์", "นครสวรรค์", "อุทัยธานี", "ตาก"}, nil, nil},
		{"venue only", Input{Title: "ทิศทางยุทธศาสตร์", Body: "การประชุมจัดขึ้นที่โรงแรมไมด้าซิตี้รีสอร์ทกรุงเทพฯ เพื่อวางแผน"}, nil, []Province{"กรุงเทพมหานคร"}, nil},
		{"venue with ณ", Input{Body: "ประชุมเครือข่ายสงขลา สงขลา ณ โรงแรมในหาดใหญ่ และเชิญตัวแทนไปดูงาน ณ จังหวัดตรัง"}, []Province{"สงขลา"}, []Province{"ตรัง"}, nil},
		{"body most frequent", Input{Body: "เครือข่ายนครศรีฯ ขับเคลื่อน คนคอน อยู่ดีมีสุข จังหวัดนครศรีธรรมราช และมหาวิทยาลัยสงขลานครินทร์"}, []Province{"นครศรีธรรมราช"}, nil, nil},
		{"ตาก inside words", Input{Body: "ชาวบ้านตากผ้า ตากแดด ไปตากอากาศที่อำเภอตากใบ ลำปางจัดเวที"}, []Province{"ลำปาง"}, []Province{"นราธิวาส"}, []Province{"ตาก"}},
		{"ตาก after จ.", Input{Body: "แม่สอด จ.ตาก จัดเวทีสมัชชา จ.ตาก"}, []Province{"ตาก"}, nil, nil},
		{"แพร่ as spread", Input{Body: "เผยแพร่ข้อมูล การแพร่ระบาดของโรค ในจังหวัดน่าน"}, []Province{"น่าน"}, nil, []Province{"แพร่"}},
		{"เลย as particle", Input{Body: "ไม่มีปัญหาเลย ดีมากเลย จังหวัดขอนแก่นทำได้ดี"}, []Province{"ขอนแก่น"}, nil, []Province{"เลย"}},
		{"น่าน river", Input{Body: "แม่น้ำน่านไหลผ่านจังหวัดพิษณุโลก น่านน้ำ"}, []Province{"พิษณุโลก"}, nil, []Province{"น่าน"}},
		{"ตราด brand", Input{Body: "ใช้ผ้าตราดอกบัว จังหวัดระยอง"}, []Province{"ระยอง"}, nil, []Province{"ตราด"}},
		{"กระบี่ sword", Input{Body: "การแสดงกระบี่กระบอง ที่ จ.พังงา"}, []Province{"พังงา"}, nil, []Province{"กระบี่"}},
		{"sub-district prefix", Input{Body: "ต.ลำพูน อ.บ้านนาสาร และตำบลชุมพร ต. ขอนแก่น จังหวัดสุราษฎร์ธานี"}, []Province{"สุราษฎร์ธานี"}, nil, []Province{"ลำพูน", "ชุมพร", "ขอนแก่น"}},
		{"personal names", Input{Body: "นายสุรินทร์ ใจดี และ คุณอุทัยธานี กับ นพ.พิจิตร ที่จังหวัดยโสธร จังหวัดยโสธร"}, []Province{"ยโสธร"}, nil, []Province{"สุรินทร์", "อุทัยธานี", "พิจิตร"}},
		{"sub-region only mentioned", Input{Body: "สมัชชาสุขภาพล้านนา และเครือข่ายชายแดนใต้"}, nil, []Province{"เชียงใหม่", "ปัตตานี"}, nil},
		{"เพชรบุรี is not เพชรบูรณ์", Input{Body: "จังหวัดเพชรบุรี"}, []Province{"เพชรบุรี"}, nil, []Province{"เพชรบูรณ์"}},
		{"district alone", Input{Body: "เวทีที่เทศบาลเมืองหลังสวน ต.ละแม และ ต.นากระตาม"}, []Province{"ชุมพร"}, nil, nil},
		{"abbreviation after acronym", Input{Body: "คณะกรรมการ คจ.สจ.รอ. ประชุม จังหวัดร้อยเอ็ด"}, []Province{"ร้อยเอ็ด"}, nil, nil},
		{"English tag", Input{Tags: []string{"social chumphon"}, Body: "เครือข่ายประชาสังคม"}, []Province{"ชุมพร"}, nil, nil},
		{"bare นคร follows the dominant province", Input{Body: "จังหวัดนครศรีธรรมราช คนนคร ภาคประชาชนนคร"}, []Province{"นครศรีธรรมราช"}, nil, []Province{"นครปฐม"}},
		{"Thai digits and NBSP", Input{Body: "จังหวัด\u00a0ลำปาง\u200b ปี ๒๕๕๗"}, []Province{"ลำปาง"}, nil, nil},
		{"only an institution names it", Input{Body: "โรงพยาบาลอุดรธานีอบรมพยาบาล"}, []Province{"อุดรธานี"}, nil, nil},
		{"district in the title", Input{Title: "เครือข่ายหาดใหญ่", Body: "ชุมชนในเทศบาลนครหาดใหญ่"}, []Province{"สงขลา"}, nil, nil},
		{"a university alone is not the subject", Input{Body: "สช. ร่วมกับมหาวิทยาลัยสงขลานครินทร์ จัดเวทีระดับชาติ"}, nil, []Province{"สงขลา"}, nil},
		{"one passing district is not enough", Input{Body: "ไปเที่ยวหัวหิน และเชียงแสน"}, nil, []Province{"ประจวบคีรีขันธ์"}, nil},
		{"safe names need no prefix", Input{Body: "ขยายไปทั่วสตูล"}, []Province{"สตูล"}, nil, nil},
		{"ตรังกานู is Malaysian", Input{Body: "แรงงานจากตรังกานู ทำงานในจังหวัดปัตตานี"}, []Province{"ปัตตานี"}, nil, []Province{"ตรัง"}},
		{"kinship titles before a name", Input{Title: "ลุงสุรินทร์กับแปลงผัก", Body: "ป้าพิจิตรและลุงสุรินทร์ ในจังหวัดยโสธร"}, []Province{"ยโสธร"}, nil, []Province{"สุรินทร์", "พิจิตร"}},
		{"study-visit destination", Input{Body: "จังหวัดชัยนาท เคยไปดูงานที่ปากน้ำโพ"}, []Province{"ชัยนาท"}, []Province{"นครสวรรค์"}, nil},
		{"examples after เช่น", Input{Body: "หลายจังหวัด เช่น น่าน ยโสธร และสงขลา มีธรรมนูญแล้ว"}, nil, []Province{"น่าน", "สงขลา"}, nil},
		{"Bangkok แขวง and สำนักงานเขต", Input{Body: "ชุมชนในแขวงสีกัน สำนักงานเขตดอนเมืองช่วย"}, []Province{"กรุงเทพมหานคร"}, nil, nil},
		{"แขวงทางหลวง is a highway office", Input{Body: "แขวงทางหลวงลำปางซ่อมถนนในจังหวัดลำปาง"}, []Province{"ลำปาง"}, nil, []Province{"กรุงเทพมหานคร"}},
		{"related links end the body", Input{Body: "สมัชชาสุขภาพจังหวัดสงขลา\nหัวข้อที่เกี่ยวข้อง\nภูเก็ตอบรมนักสานพลัง"}, []Province{"สงขลา"}, nil, []Province{"ภูเก็ต"}},
	}
	for _, tt := range tests {
		fx := Extract(tt.in)
		if !sameSet(fx.Provinces, tt.primary) {
			t.Errorf("%s: Provinces = %v, want %v", tt.name, fx.Provinces, tt.primary)
		}
		for _, p := range tt.mentioned {
			if !contains(fx.MentionedProvinces, p) {
				t.Errorf("%s: MentionedProvinces = %v, want %s in it", tt.name, fx.MentionedProvinces, p)
			}
		}
		for _, p := range tt.absent {
			if contains(fx.Provinces, p) || contains(fx.MentionedProvinces, p) {
				t.Errorf("%s: %s found (primary %v, mentioned %v), want absent", tt.name, p, fx.Provinces, fx.MentionedProvinces)
			}
		}
	}
}

// TestToolPitfalls has one row per pitfall of DOMAIN.md §2.
func TestToolPitfalls(t *testing.T) {
	tests := []struct {
		name      string
		in        Input
		primary   []Tool
		mentioned []Tool
		absent    []Tool
	}{
		{"qualified assembly", Input{Title: "สมัชชาสุขภาพจังหวัดลำพูน", Body: "สมัชชา สมัชชา"}, []Tool{ToolAreaAssembly}, nil, nil},
		{"bare สมัชชา elsewhere", Input{Body: "สมัชชาคนจนชุมนุม สมัชชาใหญ่สหประชาชาติ สมัชชาปฏิรูป สมัชชาครั้งนี้"}, nil, nil, []Tool{ToolAreaAssembly}},
		{"bare สมัชชา on areahpp", Input{Site: "areahpp", Body: "สมัชชา คนคอน สู่ นครศรีฯ อยู่ดีมีสุข"}, []Tool{ToolAreaAssembly}, nil, nil},
		{"national inside provincial", Input{Title: "สมัชชาสุขภาพจังหวัดชุมพร", Body: "ข้อเสนอประเด็นสมัชชาสุขภาพแห่งชาติ 14 ประเด็น สมัชชาสุขภาพจังหวัด"}, []Tool{ToolAreaAssembly}, []Tool{ToolNationalAssembly}, nil},
		{"issue assembly", Input{Title: "สมัชชาสุขภาพเฉพาะประเด็นผู้สูงอายุ"}, []Tool{ToolIssueAssembly}, nil, []Tool{ToolAreaAssembly}},
		{"รัฐธรรมนูญ is no charter", Input{Body: "รัฐธรรมนูญ 2550 มาตรา 67 กรมพระธรรมนูญ รัฐธรรมนูญ"}, nil, nil, []Tool{ToolAreaCharter, ToolNationalCharter}},
		{"area charter", Input{DateText: "3 มีนาคม 2560", Title: "ธรรมนูญสุขภาพตำบลชะแล้", Body: "ธรรมนูญสุขภาพ"}, []Tool{ToolAreaCharter}, nil, []Tool{ToolNationalCharter}},
		{"pre-2009 charter", Input{DateText: "28 กันยายน 2008", Body: "งานรับฟังความคิดเห็นธรรมนูญสุขภาพ ธรรมนูญสุขภาพ ธรรมนูญสุขภาพ"}, []Tool{ToolNationalCharter}, nil, []Tool{ToolAreaCharter}},
		{"national charter by name", Input{Body: "ธรรมนูญว่าด้วยระบบสุขภาพแห่งชาติ ฉบับที่ 2"}, []Tool{ToolNationalCharter}, nil, nil},
		{"สสส. is no fund", Input{Body: "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ (สสส.) กองทุนหมู่บ้าน"}, nil, nil, []Tool{ToolLocalHealthFund}},
		{"local fund", Input{Body: "กองทุนหลักประกันสุขภาพตำบล กปท. กองทุนสุขภาพฯ"}, []Tool{ToolLocalHealthFund}, nil, nil},
		{"welfare fund", Input{Body: "กองทุนสวัสดิการชุมชน"}, []Tool{ToolCommunityWelfareFund}, nil, []Tool{ToolLocalHealthFund}},
		{"bare แผนที่ is a map", Input{Body: "ฝรั่งเศสเขียนลงในแผนที่ในยุคล่าอาณานิคม"}, nil, nil, []Tool{ToolStrategicRouteMap, ToolHealthMapping}},
		{"SRM and mapping", Input{Body: "แผนที่ยุทธศาสตร์ แผนที่ทางเดินยุทธศาสตร์ SRM จัดทำ mapping สุขภาวะ"}, []Tool{ToolStrategicRouteMap}, []Tool{ToolHealthMapping}, nil},
		{"CHIA brings HIA", Input{Title: "CHIA เหมืองแร่", Body: "การประเมินผลกระทบด้านสุขภาพโดยชุมชน"}, []Tool{ToolCHIA, ToolHIA}, nil, nil},
		{"EHIA", Input{Body: "รายงาน EHIA ของโรงไฟฟ้า EHIA"}, []Tool{ToolEHIA, ToolHIA}, nil, nil},
		{"HIA fused", Input{Body: "สมัชชาสุขภาพจังหวัด สมัชชาจังหวัด อาวุธมีทั้งธรรมนูญสุขภาพHIA การทำสมัชชา"}, []Tool{ToolAreaAssembly}, []Tool{ToolHIA, ToolAreaCharter}, nil},
		{"HA is hospital accreditation", Input{Body: "โรงพยาบาลผ่าน HA และ NHA"}, nil, nil, []Tool{ToolAreaAssembly, ToolNationalAssembly, ToolHIA}},
		{"evaluation is not HIA", Input{Body: "การประเมินผลโครงการ ประเมินความสำเร็จของการดำเนินกิจกรรม"}, nil, nil, []Tool{ToolHIA}},
		{"ถอดบทเรียน", Input{Title: "ถอดบทเรียนกองทุน", Body: "สรุปบทเรียน"}, []Tool{ToolLessonDistillation}, nil, nil},
		{"บทเรียน alone", Input{Body: "บทเรียนการขับเคลื่อน"}, nil, nil, []Tool{ToolLessonDistillation}},
		{"km is a kilometre", Input{Body: "ระยะทาง 5 km จัดการความรู้"}, []Tool{ToolKnowledgeManagement}, nil, nil},
		{"mou lower case", Input{Body: "บันทึกข้อตกลง ( mou )"}, []Tool{ToolMOU}, nil, nil},
		{"นักสานพลัง", Input{Body: "พัฒนาศักยภาพนักสานพลัง นักสานพลัง นนส."}, []Tool{ToolCapacityBuilding}, nil, nil},
		{"living will", Input{Body: "หนังสือแสดงเจตนาตามมาตรา 12"}, []Tool{ToolLivingWill}, nil, nil},
		{"HIA glued before ชุมชน and a function word", Input{Body: "เยาวชนทำHIAชุมชนเรื่องโรงงาน"}, []Tool{ToolCHIA, ToolHIA}, nil, nil},
		{"HIA of a community named ชุมชน...", Input{Body: "HIA ชุมชนริมแควน้อย"}, []Tool{ToolHIA}, nil, []Tool{ToolCHIA}},
		{"the national UC fund is no local fund", Input{Body: "สิทธิตามกองทุนหลักประกันสุขภาพแห่งชาติ หนังสือแสดงเจตนา"}, []Tool{ToolLivingWill}, nil, []Tool{ToolLocalHealthFund}},
		{"bare ธรรมนูญ is the charter just named", Input{Title: "รับฟังร่างธรรมนูญว่าด้วยระบบสุขภาพแห่งชาติ", Body: "ธรรมนูญระบบสุขภาพ ธรรมนูญฉบับแรก ธรรมนูญนี้ ธรรมนูญฉบับใหม่ สมัชชาสุขภาพจังหวัด สมัชชาสุขภาพจังหวัด"}, []Tool{ToolNationalCharter}, []Tool{ToolAreaAssembly}, nil},
		{"bare ธรรมนูญ alone is nothing", Input{Body: "ธรรมนูญฉบับนี้ ธรรมนูญ"}, nil, nil, []Tool{ToolAreaCharter, ToolNationalCharter}},
		{"tie goes to the first named", Input{Body: "สมัชชาผู้สูงอายุ ส่งต่อสมัชชาสุขภาพจังหวัด"}, []Tool{ToolIssueAssembly}, []Tool{ToolAreaAssembly}, nil},
		{"body tool as frequent as the title's", Input{Title: "นักสานพลังหนุนชุมชน", Body: "นักสานพลัง บันทึกข้อตกลง นักสานพลัง บันทึกข้อตกลง"}, []Tool{ToolCapacityBuilding, ToolMOU}, nil, nil},
	}
	for _, tt := range tests {
		fx := Extract(tt.in)
		if !sameSet(fx.Tools, tt.primary) {
			t.Errorf("%s: Tools = %v, want %v (mentioned %v)", tt.name, fx.Tools, tt.primary, fx.MentionedTools)
		}
		for _, x := range tt.mentioned {
			if !contains(fx.MentionedTools, x) {
				t.Errorf("%s: MentionedTools = %v, want %s in it", tt.name, fx.MentionedTools, x)
			}
		}
		for _, x := range tt.absent {
			if contains(fx.Tools, x) || contains(fx.MentionedTools, x) {
				t.Errorf("%s: %s found (primary %v, mentioned %v), want absent", tt.name, x, fx.Tools, fx.MentionedTools)
			}
		}
	}
}

func TestLookupTool(t *testing.T) {
	tests := []struct {
		in   string
		want Tool
	}{
		{"hia", ToolHIA}, {"HIA", ToolHIA}, {"CHIA", ToolCHIA}, {"SRM", ToolStrategicRouteMap}, {"KM", ToolKnowledgeManagement},
		{"MOU", ToolMOU}, {"ถอดบทเรียน", ToolLessonDistillation}, {"สมัชชาสุขภาพจังหวัด", ToolAreaAssembly},
		{"area_charter", ToolAreaCharter}, {"health impact assessment", ToolHIA}, {"ธรรมนูญว่าด้วยระบบสุขภาพแห่งชาติ", ToolNationalCharter},
	}
	for _, tt := range tests {
		got, ok := LookupTool(tt.in)
		if !ok || got.ID != tt.want {
			t.Errorf("LookupTool(%q) = %q, %v, want %q", tt.in, got.ID, ok, tt.want)
		}
	}
	if len(Tools()) != 18 {
		t.Errorf("len(Tools()) = %d, want 18", len(Tools()))
	}
}

func TestOrgs(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{"ผอ.สำนักสนับสนุนการปฏิบัติงานระดับพื้นที่สช. กล่าว", []string{"สปพ.", "สช."}},
		{"ร่วมมือระหว่างสปสช. สสส. และ คสช.", []string{"สปสช.", "สสส.", "คสช."}},
		{"สำนักงานคระกรรมการสุขภาพแห่งชาติ (สช.)", []string{"สช."}},
		{"ส.ช. และ สช", []string{"สช."}},
		{"ชาวพม่า ทำงาน", nil},
		{"องค์กรปกครองส่วนท้องถิ่น 6 อปท.", []string{"อปท."}},
		{"เทศบาลตำบลวังไผ่ และเทศบาลนครหาดใหญ่", []string{"เทศบาล"}},
		{"สำนักอนามัย กทม. ร่วมกับชุมชน", []string{"กทม."}},
		{"ชุมชนริมคลองใน กทม. และกรุงเทพมหานคร", nil},
	}
	for _, tt := range tests {
		fx := Extract(Input{Body: tt.body})
		if !sameSet(fx.Orgs, tt.want) {
			t.Errorf("Extract(%q).Orgs = %v, want %v", tt.body, fx.Orgs, tt.want)
		}
	}
	if o, ok := LookupOrg("ส.ป.ส.ช."); !ok || o.ID != "สปสช." {
		t.Errorf("LookupOrg(%q) = %q, %v, want สปสช.", "ส.ป.ส.ช.", o.ID, ok)
	}
}

func TestClassifySection(t *testing.T) {
	tests := []struct {
		in   string
		want SectionKind
	}{
		{"วัตถุประสงค์", SectionObjectives},
		{"กิจกรรมที่ปฎิบัติรายละเอียดของการทำกิจกรรมที่ได้ปฎิบัติจริง", SectionActivities},
		{"ผลที่เกิดขึ้นจริงผลผลิต (Output) / ผลลัพธ์ (Outcome)", SectionOutcomes},
		{"ปัญหา/แนวทางแก้ไข", SectionObstacles},
		{"ข้อเสนอแนะต่อพื้นที่", SectionRecommendations},
		{"ปัจจัยของความสำเร็จ และอุปสรรคในการดำเนินงานโครงการ", SectionSuccessFactors},
		{"บทเรียนที่ได้รับ", SectionLessons},
		{"กลุ่มเป้าหมายที่เข้าร่วม", ""},
		{"ชื่อผู้ติดตามในพื้นที่ของ", ""},
	}
	for _, tt := range tests {
		got, ok := ClassifySection(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ClassifySection(%q) = %q, %v, want %q", tt.in, got, ok, tt.want)
		}
	}
}

// TestEvidenceSpans checks that every evidence span points into its field
// at the text it reports, through Thai digits, NBSP and zero-width chars.
func TestEvidenceSpans(t *testing.T) {
	in := Input{
		Title: "สมัชชาสุขภาพ\u200bจังหวัดลำพูน", DateText: "๒๐ พฤศจิกายน ๒๕๕๙",
		Tags: []string{"social chumphon", "HIA"},
		Body: "เมื่อวันที่\u00a0๑๖-๑๗\u00a0ตค.\u00a0๕๑ ณ จ.ตาก สช. กองทุนหลักประกันสุขภาพ ปี ๒๕๕๘ – ๒๕๖๐",
	}
	fx := Extract(in)
	fields := map[string]string{"title": in.Title, "body": in.Body, "date_text": in.DateText, "tags": strings.Join(in.Tags, "\n")}
	if len(fx.Evidence) == 0 {
		t.Fatal("no evidence")
	}
	for _, e := range fx.Evidence {
		f, ok := fields[e.Field]
		if !ok {
			continue
		}
		if e.Start < 0 || e.End > len(f) || e.Start > e.End || f[e.Start:e.End] != e.Text {
			t.Errorf("evidence %+v does not match field %s", e, e.Field)
		}
	}
}

func TestAssemblyLevels(t *testing.T) {
	tests := []struct {
		in   Input
		want []string
	}{
		{Input{Title: "สมัชชาสุขภาพจังหวัดลำพูน"}, []string{LevelProvincial}},
		{Input{Body: "สมัชชาสุขภาพลำพูน สมัชชาสุขภาพแห่งชาติ สมัชชาสุขภาพลำพูน"}, []string{LevelProvincial, LevelNational}},
		{Input{Body: "สมัชชาสุขภาพภาคใต้ สมัชชาสุขภาพระดับเขต สมัชชาสุขภาพล้านนา"}, []string{LevelRegional}},
		{Input{Body: "สมัชชาสุขภาพอำเภอปัว และสมัชชาสุขภาพระดับตำบล"}, []string{LevelDistrict, LevelSubdistrict}},
		{Input{Body: "สมัชชาสุขภาพเฉพาะประเด็นผู้สูงอายุ สมัชชาเด็กและเยาวชน"}, []string{LevelIssue}},
		{Input{Body: "สมัชชาสุขภาพระดับชาติ"}, []string{LevelNational}},
		{Input{Body: "สมัชชาสุขภาพ ภาคีเครือข่ายสมัชชาสุขภาพภาคีเครือข่าย สมัชชาคนจน"}, nil},
	}
	for _, tt := range tests {
		fx := Extract(tt.in)
		if !slices.Equal(fx.AssemblyLevels, tt.want) {
			t.Errorf("Extract(%q).AssemblyLevels = %v, want %v", tt.in.Title+tt.in.Body, fx.AssemblyLevels, tt.want)
		}
	}
}

func TestHealthRegionMentions(t *testing.T) {
	tests := []struct {
		in        Input
		mentioned []Province // must be mentioned, not primary
		absent    []Province // must be in neither set
	}{
		{Input{DateText: "16 พฤษภาคม 2561", Body: "กขป. เขต 7 ประชุมที่จังหวัดขอนแก่น จังหวัดขอนแก่น"}, []Province{"มหาสารคาม", "ร้อยเอ็ด", "กาฬสินธุ์"}, nil},
		{Input{DateText: "28 สิงหาคม 2561", Body: "เครือข่ายในเขตสุขภาพที่ 12 จัดเวที"}, []Province{"สงขลา", "นราธิวาส"}, nil},
		{Input{DateText: "2 มีนาคม 2561", Body: "คณะกรรมการเขตสุขภาพเพื่อประชาชนเขต 1"}, []Province{"เชียงใหม่", "น่าน"}, nil},
		{Input{DateText: "28 กันยายน 2008", Body: "เขตสุขภาพที่ 7 ชุมพร จังหวัดชุมพร"}, nil, []Province{"ขอนแก่น"}},
		{Input{DateText: "2 มีนาคม 2561", Body: "เขตสุขภาพที่ 15 และเขตสุขภาพที่ 123"}, nil, []Province{"เชียงใหม่", "ขอนแก่น"}},
	}
	for _, tt := range tests {
		fx := Extract(tt.in)
		for _, p := range tt.mentioned {
			if !contains(fx.MentionedProvinces, p) || contains(fx.Provinces, p) {
				t.Errorf("Extract(%q).MentionedProvinces = %v, want %s in it", tt.in.Body, fx.MentionedProvinces, p)
			}
		}
		for _, p := range tt.absent {
			if contains(fx.Provinces, p) || contains(fx.MentionedProvinces, p) {
				t.Errorf("Extract(%q): %s found (primary %v, mentioned %v), want absent", tt.in.Body, p, fx.Provinces, fx.MentionedProvinces)
			}
		}
	}
}
