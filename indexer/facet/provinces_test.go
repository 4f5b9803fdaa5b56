package facet

import (
	"encoding/json"
	"os"
	"testing"
)

func TestGazetteerCounts(t *testing.T) {
	ps := Provinces()
	if len(ps) != 77 {
		t.Fatalf("len(Provinces()) = %d, want 77", len(ps))
	}
	inRegion := map[Province]int{}
	names, isos := map[Province]bool{}, map[string]bool{}
	for _, p := range ps {
		if names[p.Name] || isos[p.ISO] {
			t.Errorf("duplicate province %s %s", p.Name, p.ISO)
		}
		names[p.Name], isos[p.ISO] = true, true
		if _, ok := LookupRegion(string(p.Region)); !ok {
			t.Errorf("%s: Region %q unknown", p.Name, p.Region)
		}
	}
	total := 0
	for n := 1; n <= 13; n++ {
		hr := HealthRegionProvinces(n)
		if len(hr) == 0 {
			t.Errorf("health region %d is empty", n)
		}
		for _, p := range hr {
			inRegion[p]++
		}
		total += len(hr)
	}
	if total != 77 {
		t.Errorf("health regions hold %d provinces, want 77", total)
	}
	for _, p := range ps {
		if inRegion[p.Name] != 1 {
			t.Errorf("%s is in %d health regions, want 1", p.Name, inRegion[p.Name])
		}
	}
	// NSO counts 17/20/25/14/1 (DOMAIN.md §3.1).
	want := map[Region]int{RegionNorth: 17, RegionNortheast: 20, RegionCentral: 25, RegionSouth: 14, RegionBangkok: 1}
	got := map[Region]int{}
	for _, p := range ps {
		got[p.Region]++
	}
	for r, n := range want {
		if got[r] != n {
			t.Errorf("region %s has %d provinces, want %d", r, got[r], n)
		}
	}
	if len(abbrTable) != 77 {
		t.Errorf("len(abbrTable) = %d, want 77", len(abbrTable))
	}
	for a, p := range abbrTable {
		if !names[p] {
			t.Errorf("abbreviation %s → %s: not a province", a, p)
		}
	}
}

// TestISOCodes cross-checks codes and English names against Debian
// iso-codes when it is installed.
func TestISOCodes(t *testing.T) {
	b, err := os.ReadFile("/usr/share/iso-codes/json/iso_3166-2.json")
	if err != nil {
		t.Skip("iso-codes not installed")
	}
	var doc struct {
		Subdivisions []struct{ Code, Name, Type string } `json:"3166-2"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	iso := map[string]string{}
	for _, s := range doc.Subdivisions {
		if len(s.Code) == 5 && s.Code[:3] == "TH-" {
			iso[s.Code] = s.Name
		}
	}
	if len(iso) < 77 {
		t.Fatalf("iso-codes has %d Thai two-digit codes, want ≥ 77", len(iso))
	}
	for _, p := range Provinces() {
		name, ok := iso[p.ISO]
		if !ok {
			t.Errorf("%s: code %s not in iso-codes", p.Name, p.ISO)
			continue
		}
		if name != p.English {
			t.Errorf("%s (%s): English = %q, iso-codes says %q", p.Name, p.ISO, p.English, name)
		}
	}
}

func TestLookupProvince(t *testing.T) {
	tests := []struct {
		in   string
		want Province
	}{
		{"ลำพูน", "ลำพูน"},
		{"จ.ลำพูน", "ลำพูน"},
		{"จังหวัดชุมพร", "ชุมพร"},
		{"จว.ตาก", "ตาก"},
		{"นครศรีฯ", "นครศรีธรรมราช"},
		{"คนคอน", "นครศรีธรรมราช"},
		{"โคราช", "นครราชสีมา"},
		{"กทม.", "กรุงเทพมหานคร"},
		{"กรุงเทพฯ", "กรุงเทพมหานคร"},
		{"เมืองอุทุมพร", "ชุมพร"},
		{"Bangkok", "กรุงเทพมหานคร"},
		{"chumphon", "ชุมพร"},
		{"Chumporn", "ชุมพร"},
		{"KORAT", "นครราชสีมา"},
		{"Nakhon Si Thammarat", "นครศรีธรรมราช"},
		{"nakhonsithammarat", "นครศรีธรรมราช"},
		{"TH-86", "ชุมพร"},
		{"86", "ชุมพร"},
		{"ชพ.", "ชุมพร"},
		{"ศรีษะเกษ", "ศรีสะเกษ"},
		{"หนองบัวลำพู", "หนองบัวลำภู"},
		{"สุราษฏร์ธานี", "สุราษฎร์ธานี"},
		{"Lamphun Province", "ลำพูน"},
	}
	for _, tt := range tests {
		got, ok := LookupProvince(tt.in)
		if !ok || got.Name != tt.want {
			t.Errorf("LookupProvince(%q) = %q, %v, want %q", tt.in, got.Name, ok, tt.want)
		}
	}
	for _, in := range []string{"", "ภาคเหนือ", "นคร", "Atlantis", "TH-99"} {
		if got, ok := LookupProvince(in); ok {
			t.Errorf("LookupProvince(%q) = %q, want not found", in, got.Name)
		}
	}
}

func TestLookupRegion(t *testing.T) {
	tests := []struct {
		in   string
		want Region
	}{
		{"north", RegionNorth},
		{"ภาคเหนือ", RegionNorth},
		{"อีสาน", RegionNortheast},
		{"ภาคตะวันออกเฉียงเหนือ", RegionNortheast},
		{"South", RegionSouth},
		{"ภาคกลาง", RegionCentral},
		{"bangkok", RegionBangkok},
	}
	for _, tt := range tests {
		got, ok := LookupRegion(tt.in)
		if !ok || got.ID != tt.want {
			t.Errorf("LookupRegion(%q) = %q, %v, want %q", tt.in, got.ID, ok, tt.want)
		}
	}
}
