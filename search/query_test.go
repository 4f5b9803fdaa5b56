package search

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want []Clause
	}{
		{"คนคอน", []Clause{{Kind: Province, Text: "คนคอน", Value: "นครศรีธรรมราช"}}},
		{"ปี ๒๕๕๑", []Clause{{Kind: Year, Text: "ปี 2551", Value: "2008"}}},
		{"พ.ศ.2557", []Clause{{Kind: Year, Text: "พ.ศ. 2557", Value: "2014"}}},
		{"2014", []Clause{{Kind: Year, Text: "2014", Value: "2014"}}},
		{"HIA", []Clause{{Kind: Tool, Text: "hia", Value: "hia", Latin: true}}},
		{"สช.", []Clause{{Kind: Org, Text: "สช.", Value: "สช."}}},
		{"Lamphun provincial health assembly", []Clause{{Kind: Province, Text: "lamphun", Value: "ลำพูน", Latin: true}, {Kind: Tool, Text: "provincial health assembly", Value: "area_assembly", Latin: true}}},
		{"Nakhon Si Thammarat", []Clause{{Kind: Province, Text: "nakhon si thammarat", Value: "นครศรีธรรมราช", Latin: true}}},
		{`"เวทีรับฟัง" -ขยะ`, []Clause{{Kind: Phrase, Text: "เวทีรับฟัง"}, {Kind: Words, Text: "ขยะ", Exclude: true}}},
		{"title:ขยะ tag:chumphon", []Clause{{Kind: Words, Text: "ขยะ", Field: "title"}, {Kind: Words, Text: "chumphon", Field: "tags", Latin: true}}},
		{"การจัดการขยะ", []Clause{{Kind: Words, Text: "การจัดการขยะ"}}},
		{"เลย", []Clause{{Kind: Province, Text: "เลย", Value: "เลย"}}},
		{"ไม่ได้เลย", []Clause{{Kind: Words, Text: "ไม่ได้เลย"}}},
		{"the", nil},
		{"health assembly Songkhla", []Clause{{Kind: Tool, Text: "health assembly", Value: "area_assembly", Also: []string{"issue_assembly", "national_assembly"}, Latin: true}, {Kind: Province, Text: "songkhla", Value: "สงขลา", Latin: true}}},
		{"charter", []Clause{{Kind: Tool, Text: "charter", Value: "area_charter", Also: []string{"national_charter"}, Latin: true}}},
		{"community", []Clause{{Kind: Words, Text: "community", Latin: true}}},
		{"- \"\"", nil},
	}
	for _, tt := range tests {
		got := ParseQuery(tt.in).Clauses
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseQuery(%q) clauses (-want +got):\n%s", tt.in, diff)
		}
	}
	if q := ParseQuery("section:obstacles งบประมาณ"); q.Section != "obstacles" {
		t.Errorf("ParseQuery(section:obstacles ...).Section = %q, want obstacles", q.Section)
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"สมัชชาสุขภาพจังหวัดลำพูน", `"a b" -c title:x section:obstacles`, "ปี ๒๕๕๑ คนคอน HIA", "-", `"`, "section:", "พ.ศ.", "\xff\xfe", "ก\u0e48\u0e48"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		for _, c := range q.Clauses {
			if c.Text == "" || !utf8.ValidString(c.Text) {
				t.Fatalf("ParseQuery(%q): clause with bad text %q", s, c.Text)
			}
			if c.Text != strings.TrimSpace(c.Text) {
				t.Fatalf("ParseQuery(%q): clause text %q not trimmed", s, c.Text)
			}
			switch c.Kind {
			case Year, Province, Tool, Org:
				if c.Value == "" {
					t.Fatalf("ParseQuery(%q): %v clause without value", s, c.Kind)
				}
			}
		}
		// Parsing the same input twice gives the same query.
		if diff := cmp.Diff(q, ParseQuery(s)); diff != "" {
			t.Fatalf("ParseQuery(%q) not deterministic:\n%s", s, diff)
		}
	})
}

func TestParseRequest(t *testing.T) {
	tests := []struct {
		params string
		want   Request
	}{
		{"", Request{Sort: SortNewest, Page: 1, Size: DefaultSize}},
		{"q=x&size=500", Request{Query: "x", Sort: SortRelevance, Page: 1, Size: MaxSize}},
		{"province=โคราช&province=จ.ลำพูน", Request{Sort: SortNewest, Page: 1, Size: DefaultSize, Filters: Filters{Provinces: []string{"นครราชสีมา", "ลำพูน"}}}},
		{"province=Chumphon&tool=HIA&year=๒๕๕๑&year=2014", Request{Sort: SortNewest, Page: 1, Size: DefaultSize, Filters: Filters{Provinces: []string{"ชุมพร"}, Tools: []string{"hia"}, Years: []int{2008, 2014}}}},
		{"year_from=2550&year_to=2010&health_region=11&region=ภาคใต้&sort=oldest&page=2", Request{Sort: SortOldest, Page: 2, Size: DefaultSize, Filters: Filters{YearFrom: 2007, YearTo: 2010, HealthRegions: []int{11}, Regions: []string{"south"}}}},
		{"org=สช&site=gotoknow&section=obstacles", Request{Sort: SortNewest, Page: 1, Size: DefaultSize, Filters: Filters{Orgs: []string{"สช."}, Sites: []string{"gotoknow"}, Sections: []string{"obstacles"}}}},
	}
	for _, tt := range tests {
		v, _ := url.ParseQuery(tt.params)
		got, err := ParseRequest(v)
		if err != nil {
			t.Errorf("ParseRequest(%q) = %v", tt.params, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseRequest(%q) (-want +got):\n%s", tt.params, diff)
		}
	}
}

func TestParseRequestErrors(t *testing.T) {
	tests := []struct {
		params, param string
	}{
		{"province=Atlantis", "province"},
		{"region=moon", "region"},
		{"health_region=14", "health_region"},
		{"health_region=x", "health_region"},
		{"year=abc", "year"},
		{"year=3000", "year"},
		{"year_from=2560&year_to=2550", "year_to"},
		{"tool=hammer", "tool"},
		{"org=NASA", "org"},
		{"site=facebook", "site"},
		{"section=intro", "section"},
		{"sort=random", "sort"},
		{"page=0", "page"},
		{"page=x", "page"},
		{"size=-1", "size"},
		{"page=100000", "page"},
		{"q=" + strings.Repeat("ก", 400), "q"},
	}
	for _, tt := range tests {
		v, _ := url.ParseQuery(tt.params)
		_, err := ParseRequest(v)
		var pe *ParamError
		if !errors.As(err, &pe) || pe.Param != tt.param {
			t.Errorf("ParseRequest(%q) = %v, want a *ParamError for %s", tt.params, err, tt.param)
			continue
		}
		if !utf8.ValidString(pe.Value) {
			t.Errorf("ParseRequest(%q): error value %q is not valid UTF-8", tt.params, pe.Value)
		}
	}
}
