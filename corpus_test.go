package botrian

import (
	"bufio"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const corpusDir = "testdata/corpus"

// corpusRow is one line of testdata/corpus/truth.tsv.
type corpusRow struct {
	file      string
	style     string
	provinces []string
	year      int
	tools     []string
	orgs      []string
}

// corpusTools are the tool ids of ../shared/DOMAIN.md §2; each must be the
// primary tool of at least one demo page.
var corpusTools = []string{
	"area_assembly", "issue_assembly", "national_assembly", "hia", "chia", "ehia",
	"area_charter", "national_charter", "local_health_fund", "strategic_route_map",
	"health_mapping", "lesson_distillation", "knowledge_management", "community_plan",
	"community_welfare_fund", "mou", "capacity_building", "living_will",
}

// corpusRegions maps every canonical province name to its NSO region
// (north, northeast, central, south, bangkok).
var corpusRegions = func() map[string]string {
	m := map[string]string{"กรุงเทพมหานคร": "bangkok"}
	for region, names := range map[string]string{
		"north": "เชียงใหม่ ลำพูน ลำปาง อุตรดิตถ์ แพร่ น่าน พะเยา เชียงราย แม่ฮ่องสอน นครสวรรค์ อุทัยธานี " +
			"กำแพงเพชร ตาก สุโขทัย พิษณุโลก พิจิตร เพชรบูรณ์",
		"northeast": "นครราชสีมา บุรีรัมย์ สุรินทร์ ศรีสะเกษ อุบลราชธานี ยโสธร ชัยภูมิ อำนาจเจริญ บึงกาฬ " +
			"หนองบัวลำภู ขอนแก่น อุดรธานี เลย หนองคาย มหาสารคาม ร้อยเอ็ด กาฬสินธุ์ สกลนคร นครพนม มุกดาหาร",
		"central": "สมุทรปราการ นนทบุรี ปทุมธานี พระนครศรีอยุธยา อ่างทอง ลพบุรี สิงห์บุรี ชัยนาท สระบุรี ชลบุรี " +
			"ระยอง จันทบุรี ตราด ฉะเชิงเทรา ปราจีนบุรี นครนายก สระแก้ว ราชบุรี กาญจนบุรี สุพรรณบุรี นครปฐม " +
			"สมุทรสาคร สมุทรสงคราม เพชรบุรี ประจวบคีรีขันธ์",
		"south": "นครศรีธรรมราช กระบี่ พังงา ภูเก็ต สุราษฎร์ธานี ระนอง ชุมพร สงขลา สตูล ตรัง พัทลุง ปัตตานี ยะลา นราธิวาส",
	} {
		for _, n := range strings.Fields(names) {
			m[n] = region
		}
	}
	return m
}()

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// readTSV reads a tab-separated file of DemoCorpus, checks its header and
// returns the data lines split into fields.
func readTSV(t *testing.T, name string, header []string) [][]string {
	t.Helper()
	f, err := DemoCorpus.Open(path.Join(corpusDir, name))
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Split(sc.Text(), "\t")
		if n == 1 {
			if !slices.Equal(fields, header) {
				t.Fatalf("%s header = %q, want %q", name, fields, header)
			}
			continue
		}
		if len(fields) != len(header) {
			t.Fatalf("%s:%d has %d fields, want %d", name, n, len(fields), len(header))
		}
		rows = append(rows, fields)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return rows
}

func readTruth(t *testing.T) []corpusRow {
	t.Helper()
	var rows []corpusRow
	for _, f := range readTSV(t, "truth.tsv", []string{"file", "style", "primary_provinces", "year_ce", "primary_tools", "orgs"}) {
		year, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatalf("truth.tsv %s: year %q: %v", f[0], f[3], err)
		}
		rows = append(rows, corpusRow{file: f[0], style: f[1], provinces: splitList(f[2]), year: year,
			tools: splitList(f[4]), orgs: splitList(f[5])})
	}
	return rows
}

func TestDemoCorpusTruth(t *testing.T) {
	rows := readTruth(t)
	perStyle := map[string]int{}
	tools := map[string]bool{}
	provinces := map[string]bool{}
	regions := map[string]bool{}
	years := map[int]bool{}
	orgs := map[string]bool{}
	listed := map[string]bool{}
	for _, r := range rows {
		if listed[r.file] {
			t.Errorf("truth.tsv lists %s twice", r.file)
		}
		listed[r.file] = true
		if _, err := fs.Stat(DemoCorpus, path.Join(corpusDir, r.file)); err != nil {
			t.Errorf("truth.tsv row %s: %v", r.file, err)
		}
		if dir := path.Dir(r.file); dir != r.style {
			t.Errorf("truth.tsv row %s: style %q, but the file is in %q", r.file, r.style, dir)
		}
		perStyle[r.style]++
		if r.year < 2007 || r.year > 2024 {
			t.Errorf("truth.tsv row %s: year %d outside 2007-2024 (2550-2567 BE)", r.file, r.year)
		}
		years[r.year] = true
		for _, p := range r.provinces {
			region, ok := corpusRegions[p]
			if !ok {
				t.Errorf("truth.tsv row %s: %q is not a canonical province name", r.file, p)
			}
			provinces[p] = true
			regions[region] = true
		}
		if len(r.tools) == 0 {
			t.Errorf("truth.tsv row %s has no primary tool", r.file)
		}
		for _, tool := range r.tools {
			if !slices.Contains(corpusTools, tool) {
				t.Errorf("truth.tsv row %s: unknown tool %q", r.file, tool)
			}
			tools[tool] = true
		}
		for _, o := range r.orgs {
			orgs[o] = true
		}
	}
	for _, style := range []string{SiteAreahpp, SiteGotoknow, SiteSoftganz} {
		if perStyle[style] < 16 {
			t.Errorf("style %s has %d pages, want at least 16", style, perStyle[style])
		}
	}
	for _, tool := range corpusTools {
		if !tools[tool] {
			t.Errorf("no page has primary tool %s", tool)
		}
	}
	if len(provinces) < 24 {
		t.Errorf("pages cover %d provinces, want at least 24", len(provinces))
	}
	for _, region := range []string{"north", "northeast", "central", "south", "bangkok"} {
		if !regions[region] {
			t.Errorf("no page has a primary province in region %s", region)
		}
	}
	for y := 2007; y <= 2024; y++ {
		if !years[y] {
			t.Errorf("no page has year %d (%d BE)", y, y+543)
		}
	}
	if len(orgs) < 7 {
		t.Errorf("pages name %d organisations, want at least 7", len(orgs))
	}

	// Every page in the corpus is described in truth.tsv.
	err := fs.WalkDir(DemoCorpus, corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if rel := strings.TrimPrefix(p, corpusDir+"/"); strings.HasSuffix(p, ".html") && !listed[rel] {
			t.Errorf("%s is not in truth.tsv", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk %s: %v", corpusDir, err)
	}
}

func TestDemoCorpusQueries(t *testing.T) {
	files := map[string]bool{}
	for _, r := range readTruth(t) {
		files[r.file] = true
	}
	rows := readTSV(t, "queries.tsv", []string{"query", "relevant_files", "notes"})
	if len(rows) < 40 {
		t.Errorf("queries.tsv has %d queries, want at least 40", len(rows))
	}
	seen := map[string]bool{}
	for _, f := range rows {
		if f[0] == "" || seen[f[0]] {
			t.Errorf("queries.tsv: empty or repeated query %q", f[0])
		}
		seen[f[0]] = true
		if f[1] == "" {
			t.Errorf("queries.tsv: query %q has no relevant file", f[0])
		}
		for _, file := range splitList(f[1]) {
			if !files[file] {
				t.Errorf("queries.tsv: query %q names %q, which is not in truth.tsv", f[0], file)
			}
		}
	}
}

// TestDemoCorpusMarkup checks that every page carries its style's canonical
// link and the boilerplate that the crawler profiles must strip.
func TestDemoCorpusMarkup(t *testing.T) {
	canonical := map[string]*regexp.Regexp{
		SiteAreahpp:  regexp.MustCompile(`<link rel="canonical" href="https://www\.samatcha\.org/areahpp2/archives/\d+"`),
		SiteGotoknow: regexp.MustCompile(`<link rel="canonical" href="https://www\.gotoknow\.org/posts/\d+"`),
		SiteSoftganz: regexp.MustCompile(`<link rel="canonical" href="https://(ppi\.psu\.ac\.th|www\.happynetwork\.org)/(project/\d+/info\.action\.view/\d+|paper/\d+)"`),
	}
	boilerplate := map[string][]string{
		SiteAreahpp: {"BIGtheme.net", `id="the-post"`, `class="updated"`, "Check Also", `id="related_posts"`,
			"แสดงความคิดเห็น/แลกเปลี่ยนเรียนรู้", "AreaHpp Facebook", `id="theme-footer"`, "<!-- .entry /-->"},
		SiteGotoknow: {"คำสำคัญ (Tags):", "หมายเลขบันทึก:", "เขียนเมื่อ", "ความเห็น (",
			"พบปัญหาการใช้งานกรุณาแจ้ง LINE ID @gotoknow", "ClassStart Books"},
		SiteSoftganz: {`<i class="icon -material">`, "Powered by"},
	}
	for _, r := range readTruth(t) {
		b, err := fs.ReadFile(DemoCorpus, path.Join(corpusDir, r.file))
		if err != nil {
			t.Errorf("read %s: %v", r.file, err)
			continue
		}
		page := string(b)
		if re := canonical[r.style]; re != nil && !re.MatchString(page) {
			t.Errorf("%s: no canonical link matching %s", r.file, re)
		}
		if !strings.Contains(page, `<meta property="og:title"`) {
			t.Errorf("%s: no og:title", r.file)
		}
		for _, s := range boilerplate[r.style] {
			if !strings.Contains(page, s) {
				t.Errorf("%s: missing boilerplate %q", r.file, s)
			}
		}
	}
}
