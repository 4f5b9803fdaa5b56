package api

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/search"
)

// testDocs are our own short reports in the shapes the crawler produces.
var testDocs = []botrian.Document{
	{
		URL:      "https://www.samatcha.org/areahpp2/archives/9001",
		Site:     botrian.SiteAreahpp,
		Title:    "สมัชชาสุขภาพจังหวัดลำพูน ครั้งที่ 5 เรื่องอาหารปลอดภัย",
		DateText: "12 มีนาคม 2557",
		Body: "สมัชชาสุขภาพจังหวัดลำพูนจัดเวทีเรื่องอาหารปลอดภัยเมื่อวันที่ 10 มีนาคม 2557 ที่ศาลากลางจังหวัดลำพูน " +
			"มีผู้เข้าร่วมจากเครือข่ายเกษตรกร โรงเรียน และโรงพยาบาลส่งเสริมสุขภาพตำบล\n\n" +
			"ที่ประชุมมีมติให้ผลักดันตลาดสีเขียวในทุกอำเภอ โดยมี สช. และ สสส. สนับสนุน\n\n" +
			"ปัญหาและอุปสรรค\n\nงบประมาณไม่ต่อเนื่อง และหน่วยงานรัฐเปลี่ยนผู้รับผิดชอบบ่อย",
		Sections: []botrian.Section{{Heading: "ปัญหาและอุปสรรค", Text: "งบประมาณไม่ต่อเนื่อง และหน่วยงานรัฐเปลี่ยนผู้รับผิดชอบบ่อย"}},
	},
	{
		URL:      "https://www.gotoknow.org/posts/900002",
		Site:     botrian.SiteGotoknow,
		Title:    "การประเมินผลกระทบด้านสุขภาพ (HIA) โครงการท่าเรือ จังหวัดชุมพร",
		DateText: "28 กันยายน 2008 13:15 น.",
		Body: "ชาวบ้านอำเภอปะทิว จังหวัดชุมพร ร่วมกันทำการประเมินผลกระทบด้านสุขภาพ (HIA) ต่อโครงการท่าเรือน้ำลึก " +
			"ตั้งแต่ปี 2551 โดยเก็บข้อมูลการประมงและสุขภาพของชุมชน\n\n" +
			"วัตถุประสงค์\n\nเพื่อให้ชุมชนมีข้อมูลผลกระทบที่เชื่อถือได้ก่อนการตัดสินใจ\n\n" +
			"บทเรียน\n\nการมีส่วนร่วมของชาวประมงทำให้ข้อมูลครบถ้วน",
		Tags: []string{"HIA", "ชุมพร"},
		Sections: []botrian.Section{
			{Heading: "วัตถุประสงค์", Text: "เพื่อให้ชุมชนมีข้อมูลผลกระทบที่เชื่อถือได้ก่อนการตัดสินใจ"},
			{Heading: "บทเรียน", Text: "การมีส่วนร่วมของชาวประมงทำให้ข้อมูลครบถ้วน"},
		},
	},
	{
		URL:      "https://ppi.psu.ac.th/project/171/info.action.view/9003",
		Site:     botrian.SiteSoftganz,
		Title:    "ธรรมนูญสุขภาพตำบลท่างิ้ว จังหวัดนครศรีธรรมราช",
		DateText: "5 มิถุนายน 2560",
		Body: "คนคอนในตำบลท่างิ้วร่วมกันร่างธรรมนูญสุขภาพตำบล ว่าด้วยการจัดการขยะและการดูแลผู้สูงอายุ " +
			"ในปี 2560 โดยมีองค์การบริหารส่วนตำบลเป็นแกนหลัก\n\nธรรมนูญสุขภาพตำบลท่างิ้วประกาศใช้ในเวทีประชาคม",
	},
	{
		URL:      "https://example.org/chia-songkhla",
		Site:     botrian.SiteGeneric,
		Title:    "ชุมชนจะนะ จังหวัดสงขลา ทำ CHIA เรื่องนิคมอุตสาหกรรม",
		DateText: "1 สิงหาคม 2562",
		Body: "ชาวบ้านอำเภอจะนะ จังหวัดสงขลา ทำการประเมินผลกระทบด้านสุขภาพโดยชุมชน (CHIA) ต่อโครงการนิคมอุตสาหกรรม " +
			"ในปี 2562 และนำเสนอผลต่อสมัชชาสุขภาพจังหวัดสงขลา",
	},
	{
		URL:      "https://www.samatcha.org/areahpp2/archives/9005",
		Site:     botrian.SiteAreahpp,
		Title:    "กองทุนหลักประกันสุขภาพตำบลในจังหวัดเชียงใหม่หนุนสมัชชาสุขภาพ",
		DateText: "20 มกราคม 2565",
		Body: "กองทุนหลักประกันสุขภาพระดับท้องถิ่นในจังหวัดเชียงใหม่สนับสนุนข้อเสนอจากสมัชชาสุขภาพจังหวัดเชียงใหม่ " +
			"เรื่องอาหารปลอดภัยในโรงเรียน ปี 2565",
	},
}

// newTestServer builds a Server over an in-memory index of testDocs.
func newTestServer(tb testing.TB, opts ...func(*Config)) (*Server, *indexer.Index) {
	tb.Helper()
	docs := make([]botrian.Document, len(testDocs))
	for i, d := range testDocs {
		d.ID = botrian.DocID(d.URL)
		docs[i] = d
	}
	ctx := context.Background()
	idx, err := indexer.NewMemIndex(ctx, docs, indexer.Config{})
	if err != nil {
		tb.Fatalf("NewMemIndex: %v", err)
	}
	tb.Cleanup(func() { idx.Close() })
	s, err := search.New(idx, search.Config{})
	if err != nil {
		tb.Fatalf("search.New: %v", err)
	}
	var log *slog.Logger
	if t, ok := tb.(*testing.T); ok {
		log = slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	cfg := Config{Searcher: s, Logger: log, CORSOrigins: []string{"https://example.net"}}
	for _, o := range opts {
		o(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return srv, idx
}

func docID(i int) string { return botrian.DocID(testDocs[i].URL) }

// get sends a GET through the server and returns the recorded answer.
func get(tb testing.TB, srv http.Handler, target string, header ...string) *httptest.ResponseRecorder {
	tb.Helper()
	return do(tb, srv, http.MethodGet, target, nil, header...)
}

func do(tb testing.TB, srv http.Handler, method, target string, body *strings.Reader, header ...string) *httptest.ResponseRecorder {
	tb.Helper()
	var req *http.Request
	if body != nil {
		req = httptest.NewRequest(method, target, body)
	} else {
		req = httptest.NewRequest(method, target, nil)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec
}

// decode decodes a JSON answer into v, failing on unknown fields.
func decode(tb testing.TB, rec *httptest.ResponseRecorder, v any) {
	tb.Helper()
	dec := json.NewDecoder(rec.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		tb.Fatalf("decode %T: %v\nbody: %s", v, err, rec.Body.String())
	}
}

func TestHealth(t *testing.T) {
	srv, _ := newTestServer(t)
	tests := []struct {
		target string
		status int
		want   Health
	}{
		{"/healthz", http.StatusOK, Health{Status: "ok"}},
		{"/readyz", http.StatusOK, Health{Status: "ready", Documents: uint64(len(testDocs))}},
	}
	for _, tt := range tests {
		rec := get(t, srv, tt.target)
		var got Health
		decode(t, rec, &got)
		if rec.Code != tt.status || got != tt.want {
			t.Errorf("GET %s = %d %+v, want %d %+v", tt.target, rec.Code, got, tt.status, tt.want)
		}
	}
}

func newBufferLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }
