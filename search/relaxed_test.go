package search

import (
	"slices"
	"testing"

	"github.com/botrian/botrian"
)

// TestRelaxed: when no document has every word, the documents with most of
// them are shown, marked Relaxed; a query some document fully matches is
// never relaxed, and a lone unmatched word stays unmatched.
func TestRelaxed(t *testing.T) {
	s := newSearcher(t, []botrian.Document{
		liveDoc("https://x.example/songkhla", "สมัชชาสุขภาพจังหวัดสงขลา", "เวทีสมัชชาสุขภาพจังหวัดสงขลาเคาะมติเรื่องเกษตรยั่งยืน"),
		liveDoc("https://x.example/trang", "ธรรมนูญสุขภาพตำบลในตรัง", "ชาวตำบลร่วมกันร่างธรรมนูญสุขภาพ"),
		liveDoc("https://x.example/south", "เครือข่ายภาคใต้", "เครือข่ายภาคใต้ประชุมเรื่องอาหารปลอดภัย"),
	})
	tests := []struct {
		q       string
		first   string
		total   uint64
		relaxed bool
	}{
		{"สมัชชาสุขภาพ สงขลา", "สมัชชาสุขภาพจังหวัดสงขลา", 1, false},
		{"สมัชชาสุขภาพภาคใต้ สงขลา", "สมัชชาสุขภาพจังหวัดสงขลา", 1, true}, // two of three words; ภาคใต้ alone is not enough
		{"ธรรมนูญสุขภาพ -ตรัง", "", 0, false},
		{"ภาคเหนือ", "", 0, false},
	}
	for _, tt := range tests {
		res, err := s.Search(t.Context(), Request{Query: tt.q, Page: 1, Size: 10})
		if err != nil {
			t.Fatalf("Search(%q) = %v", tt.q, err)
		}
		first := ""
		if len(res.Hits) > 0 {
			first = res.Hits[0].Title
		}
		if res.Total != tt.total || first != tt.first || res.Relaxed != tt.relaxed {
			t.Errorf("Search(%q) = total %d, first %q, relaxed %v; want %d, %q, %v", tt.q, res.Total, first, res.Relaxed, tt.total, tt.first, tt.relaxed)
		}
	}
}

func TestTile(t *testing.T) {
	tests := []struct {
		term string
		subs []string
		want []string
	}{
		{"ธรรมนูญสุขภาพตำบล", []string{"ธรรมนูญสุขภาพ", "ธรรมนูญ", "สุขภาพ", "ตำบล"}, []string{"ธรรมนูญสุขภาพ", "ตำบล"}},
		{"สมัชชาสุขภาพ", []string{"สมัชชา", "สุขภาพ"}, []string{"สมัชชา", "สุขภาพ"}},
		{"ภาคเหนือ", []string{"ภาค"}, nil},
		{"ภาคใต้", nil, nil},
	}
	for _, tt := range tests {
		if got := tile(tt.term, tt.subs); !slices.Equal(got, tt.want) {
			t.Errorf("tile(%q, %q) = %q, want %q", tt.term, tt.subs, got, tt.want)
		}
	}
}
