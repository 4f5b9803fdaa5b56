package crawler

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/botrian/botrian"
)

// TestDemoCorpus imports the bundled demo corpus (../testdata/corpus, one
// folder per site style) and checks that each page lands in its style's
// profile, clean, with a title, a body and the date it shows.
func TestDemoCorpus(t *testing.T) {
	root := filepath.Join("..", "testdata", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no demo corpus: %v", err)
	}
	n, err := Import(t.Context(), []string{root}, func(d botrian.Document) error {
		name := d.URL[strings.LastIndex(d.URL, "/corpus/")+len("/corpus/"):]
		style := name[:strings.Index(name, "/")]
		if d.Site != style {
			t.Errorf("%s: Site = %q, want %q", name, d.Site, style)
		}
		if d.Title == "" || len([]rune(d.Body)) < 200 {
			t.Errorf("%s: title %q, body of %d runes: want a title and a body", name, d.Title, len([]rune(d.Body)))
		}
		if d.DateText == "" && d.DateMachine == "" {
			t.Errorf("%s: no date found", name)
		}
		switch {
		case d.Site != botrian.SiteSoftganz:
		case strings.Contains(name, "-paper-"): // a news ("paper") page: poster and tags, no project
			if d.Author == "" || len(d.Tags) == 0 {
				t.Errorf("%s: author %q, tags %q: want both", name, d.Author, d.Tags)
			}
		case d.Project == "" || d.Author == "" || len(d.Sections) == 0:
			t.Errorf("%s: project %q, author %q, %d sections: want all", name, d.Project, d.Author, len(d.Sections))
		}
		checkClean(t, name, d)
		return nil
	}, func(p string, err error) { t.Errorf("Import(%s): %v", p, err) })
	if err != nil || n == 0 {
		t.Fatalf("Import(corpus) = %d, %v", n, err)
	}
}
