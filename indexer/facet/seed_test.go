package facet

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// sharedDir returns <repo root>/../shared, or skips when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the test directory")
		}
		dir = parent
	}
	shared := filepath.Join(filepath.Dir(dir), "shared")
	if _, err := os.Stat(filepath.Join(shared, "seeds")); err != nil {
		t.Skipf("shared seeds not found at %s", shared)
	}
	return shared
}

var (
	gotoknowMeta = regexp.MustCompile(`เขียนเมื่อ\s*(.+?น\.)`)
	sectionLine  = regexp.MustCompile(`^\s*#\s*(.+)$`)
)

// seedInput turns a seed text into an Input with a crude local strip of the
// boilerplate DOMAIN.md §1 lists (the crawler does this for real).
func seedInput(t *testing.T, name, text string) Input {
	t.Helper()
	text = strings.ReplaceAll(text, "\u00a0", " ")
	lines := strings.Split(text, "\n")
	var in Input
	switch {
	case strings.HasPrefix(lines[0], "BIGtheme.net"):
		in.Site = "areahpp"
		lines = lines[1:]
		for i, l := range lines {
			if strings.TrimSpace(l) == "Check Also" {
				lines = lines[:i]
				break
			}
		}
	case strings.HasPrefix(lines[0], "สถาบันนโยบายสาธารณะ"):
		in.Site = "softganz"
		lines = lines[1:]
		var keep []string
		var heading string
		var secText []string
		flush := func() {
			if heading != "" {
				in.Sections = append(in.Sections, InputSection{Heading: heading, Text: strings.TrimSpace(strings.Join(secText, "\n"))})
			}
			heading, secText = "", nil
		}
		for i := 0; i < len(lines); i++ {
			l := lines[i]
			switch {
			case strings.Contains(l, "รายงานจากพื้นที่"):
				in.DateText = strings.TrimSpace(lines[i-1]) + " " + strings.TrimSpace(strings.SplitN(l, "รายงานจากพื้นที่", 2)[0])
			case strings.TrimSpace(l) == "circle":
				flush()
				if i+1 < len(lines) {
					heading = strings.TrimSpace(lines[i+1])
					i++
				}
			default:
				if heading != "" {
					secText = append(secText, l)
				}
				keep = append(keep, l)
			}
		}
		flush()
		// Title: the activity line with the date removed.
		for _, l := range keep {
			if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "โครงการ") {
				in.Title = strings.TrimSuffix(strings.TrimSpace(l), "20 พฤศจิกายน 2559")
				break
			}
		}
		lines = keep
	default:
		in.Site = "gotoknow"
		for i, l := range lines {
			if strings.HasPrefix(l, "คำสำคัญ (Tags):") {
				for _, tg := range strings.Split(strings.TrimPrefix(l, "คำสำคัญ (Tags):"), "#") {
					if tg = strings.TrimSpace(tg); tg != "" {
						in.Tags = append(in.Tags, tg)
					}
				}
				if m := gotoknowMeta.FindStringSubmatch(lines[i+1]); m != nil {
					in.DateText = m[1]
				}
				lines = lines[:i]
				break
			}
		}
		for _, l := range lines {
			if m := sectionLine.FindStringSubmatch(l); m != nil {
				in.Sections = append(in.Sections, InputSection{Heading: strings.TrimSpace(m[1])})
			}
		}
	}
	// The first non-empty line is the title (areahpp, gotoknow).
	body := lines
	if in.Title == "" {
		for i, l := range lines {
			if strings.TrimSpace(l) != "" {
				in.Title = strings.TrimSpace(l)
				body = lines[i+1:]
				break
			}
		}
	}
	in.Body = strings.TrimSpace(strings.Join(body, "\n"))
	return in
}

func loadSeeds(t *testing.T) map[string]Input {
	t.Helper()
	dir := filepath.Join(sharedDir(t), "seeds")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Input{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()[:3]] = seedInput(t, e.Name(), string(b))
	}
	return out
}

func TestSeeds(t *testing.T) {
	seeds := loadSeeds(t)
	tests := []struct {
		seed      string
		provinces []Province
		year      int
		tools     []Tool
	}{
		{"000", []Province{"ลำพูน"}, 2015, []Tool{ToolAreaAssembly}},
		{"001", []Province{"กำแพงเพชร", "พิษณุโลก", "พิจิตร", "เพชรบูรณ์", "สุโขทัย", "อุตรดิตถ์", "นครสวรรค์", "อุทัยธานี", "ตาก"}, 2013, []Tool{ToolAreaAssembly}},
		{"002", nil, 2014, []Tool{ToolAreaAssembly, ToolCapacityBuilding}},
		{"003", []Province{"นครศรีธรรมราช"}, 2016, []Tool{ToolAreaAssembly}},
		{"004", []Province{"ชุมพร"}, 2008, []Tool{ToolAreaAssembly}},
	}
	for _, tt := range tests {
		in, ok := seeds[tt.seed]
		if !ok {
			t.Errorf("seed %s missing", tt.seed)
			continue
		}
		fx := Extract(in)
		if !sameSet(fx.Provinces, tt.provinces) {
			t.Errorf("seed %s: Provinces = %v, want %v", tt.seed, fx.Provinces, tt.provinces)
		}
		if fx.Year != tt.year {
			t.Errorf("seed %s: Year = %d, want %d", tt.seed, fx.Year, tt.year)
		}
		if !sameSet(fx.Tools, tt.tools) {
			t.Errorf("seed %s: Tools = %v, want %v", tt.seed, fx.Tools, tt.tools)
		}
		if testing.Verbose() {
			t.Logf("seed %s: title=%q site=%s date=%q\n provinces=%v mentioned=%v\n year=%d events=%v mentionedYears=%v\n tools=%v mentioned=%v\n orgs=%v sections=%v",
				tt.seed, in.Title, in.Site, in.DateText, fx.Provinces, fx.MentionedProvinces, fx.Year, fx.EventYears, fx.MentionedYears, fx.Tools, fx.MentionedTools, fx.Orgs, fx.SectionKinds)
		}
	}
}

func sameSet[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
