package collections

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	bolt "go.etcd.io/bbolt"
)

// clock is a test clock that moves one second on every reading.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

var t0 = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

func at(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }

func newStore(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "collections.db")
	c := &clock{t: t0}
	s, err := Open(path, Config{Now: c.now})
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

const (
	docA = "0123456789abcdef"
	docB = "fedcba9876543210"
	docC = "00000000000000aa"
)

func mustCreate(t *testing.T, s *Store, c Collection) Collection {
	t.Helper()
	got, err := s.Create(t.Context(), c)
	if err != nil {
		t.Fatalf("Create(%q): %v", c.Title, err)
	}
	return got
}

func mustAdd(t *testing.T, s *Store, id string, docs ...string) {
	t.Helper()
	for _, d := range docs {
		if _, err := s.AddItem(t.Context(), id, d, "โน้ต "+d); err != nil {
			t.Fatalf("AddItem(%s, %s): %v", id, d, err)
		}
	}
}

// errKind says which error a call must return: nil, a sentinel, or a
// *ValidationError naming a field.
type errKind struct {
	is    error
	field string
}

func checkErr(t *testing.T, call string, err error, want errKind) {
	t.Helper()
	var ve *ValidationError
	switch {
	case want.field != "":
		if !errors.As(err, &ve) || ve.Field != want.field {
			t.Errorf("%s = %v, want a ValidationError on %s", call, err, want.field)
		}
	case want.is != nil:
		if !errors.Is(err, want.is) {
			t.Errorf("%s = %v, want %v", call, err, want.is)
		}
	case err != nil:
		t.Errorf("%s = %v, want no error", call, err)
	}
}

func TestCreate(t *testing.T) {
	long := strings.Repeat("ก", MaxTitle+1)
	tests := []struct {
		in     Collection
		wantID string
		err    errKind
	}{
		{Collection{Title: "กรณีศึกษาธรรมนูญสุขภาพภาคใต้"}, "c-1", errKind{}},
		{Collection{Title: "  HIA ชุมพร 2551  ", Description: "โรงไฟฟ้าถ่านหิน"}, "hia-2551-1", errKind{}},
		{Collection{Title: "Health Charter: South!"}, "health-charter-south-1", errKind{}},
		{Collection{ID: "south-charters", Title: "ธรรมนูญ"}, "south-charters", errKind{}},
		{Collection{Title: strings.Repeat("ก", MaxTitle)}, "c-1", errKind{}},
		{Collection{Title: "มีเอกสาร", Items: []Item{{DocID: docA, Note: "n"}, {DocID: docB}}}, "c-1", errKind{}},
		{Collection{Title: ""}, "", errKind{field: "title"}},
		{Collection{Title: " \n\t "}, "", errKind{field: "title"}},
		{Collection{Title: long}, "", errKind{field: "title"}},
		{Collection{Title: "bad\xffutf8"}, "", errKind{field: "title"}},
		{Collection{Title: "bell\a"}, "", errKind{field: "title"}},
		{Collection{Title: "t", Description: strings.Repeat("ข", MaxDescription+1)}, "", errKind{field: "description"}},
		{Collection{ID: "Bad ID", Title: "t"}, "", errKind{field: "id"}},
		{Collection{ID: "-x", Title: "t"}, "", errKind{field: "id"}},
		{Collection{Title: "t", Items: []Item{{DocID: "nothex"}}}, "", errKind{field: "doc_id"}},
		{Collection{Title: "t", Items: []Item{{DocID: docA, Note: strings.Repeat("ค", MaxNote+1)}}}, "", errKind{field: "note"}},
		{Collection{Title: "t", Items: []Item{{DocID: docA}, {DocID: docA}}}, "", errKind{is: ErrExists}},
	}
	for _, tt := range tests {
		s, _ := newStore(t)
		got, err := s.Create(t.Context(), tt.in)
		checkErr(t, "Create("+tt.in.Title+")", err, tt.err)
		if err != nil {
			if list, _ := s.List(t.Context()); len(list) != 0 {
				t.Errorf("Create(%q) failed but stored %v", tt.in.Title, list)
			}
			continue
		}
		if got.ID != tt.wantID {
			t.Errorf("Create(%q).ID = %q, want %q", tt.in.Title, got.ID, tt.wantID)
		}
		if want := strings.TrimSpace(tt.in.Title); got.Title != want {
			t.Errorf("Create(%q).Title = %q, want %q", tt.in.Title, got.Title, want)
		}
		stored, err := s.Get(t.Context(), got.ID)
		if err != nil {
			t.Fatalf("Get(%s) after Create: %v", got.ID, err)
		}
		if d := cmp.Diff(got, stored); d != "" {
			t.Errorf("Get(%s) differs from Create's answer (-create +get):\n%s", got.ID, d)
		}
		if len(got.Items) != len(tt.in.Items) {
			t.Errorf("Create(%q) kept %d items, want %d", tt.in.Title, len(got.Items), len(tt.in.Items))
		}
	}
}

func TestCreateIDs(t *testing.T) {
	s, _ := newStore(t)
	a := mustCreate(t, s, Collection{Title: "HIA"})
	b := mustCreate(t, s, Collection{Title: "HIA"})
	c := mustCreate(t, s, Collection{Title: "สมัชชา"})
	if got := []string{a.ID, b.ID, c.ID}; !cmp.Equal(got, []string{"hia-1", "hia-2", "c-3"}) {
		t.Errorf("IDs of three creations = %q, want [hia-1 hia-2 c-3]", got)
	}
	_, err := s.Create(t.Context(), Collection{ID: "hia-1", Title: "again"})
	checkErr(t, "Create(ID hia-1 taken)", err, errKind{is: ErrExists})
	if _, err := s.Update(t.Context(), a.ID, Patch{Title: ptr("Renamed")}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(t.Context(), a.ID); got.ID != "hia-1" || got.Title != "Renamed" {
		t.Errorf("after renaming, Get(hia-1) = %q %q, want the same ID, title Renamed", got.ID, got.Title)
	}
}

func ptr(s string) *string { return &s }

func TestGetDeleteUnknown(t *testing.T) {
	s, _ := newStore(t)
	ctx := t.Context()
	_, err := s.Get(ctx, "nope")
	checkErr(t, "Get(nope)", err, errKind{is: ErrNotFound})
	checkErr(t, "Delete(nope)", s.Delete(ctx, "nope"), errKind{is: ErrNotFound})
	c := mustCreate(t, s, Collection{Title: "x"})
	checkErr(t, "Delete(x)", s.Delete(ctx, c.ID), errKind{})
	_, err = s.Get(ctx, c.ID)
	checkErr(t, "Get after Delete", err, errKind{is: ErrNotFound})
	checkErr(t, "Delete twice", s.Delete(ctx, c.ID), errKind{is: ErrNotFound})
}

func TestList(t *testing.T) {
	s, _ := newStore(t)
	ctx := t.Context()
	if got, err := s.List(ctx); err != nil || got == nil || len(got) != 0 {
		t.Errorf("List of an empty store = %v, %v; want [], nil", got, err)
	}
	a := mustCreate(t, s, Collection{Title: "a"}) // at(1)
	b := mustCreate(t, s, Collection{Title: "b"}) // at(2)
	mustAdd(t, s, a.ID, docA)                     // a updated at(3)
	got, err := s.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range got {
		ids = append(ids, c.ID)
	}
	if want := []string{a.ID, b.ID}; !cmp.Equal(ids, want) {
		t.Errorf("List IDs = %q, want %q (most recently updated first)", ids, want)
	}
	if len(got[0].Items) != 1 || !got[0].Updated.Equal(at(3)) || !got[0].Created.Equal(at(1)) {
		t.Errorf("List()[0] = %+v, want 1 item, created %v, updated %v", got[0], at(1), at(3))
	}
}

func TestUpdate(t *testing.T) {
	tests := []struct {
		patch     Patch
		wantTitle string
		wantDesc  string
		err       errKind
	}{
		{Patch{Title: ptr("ใหม่")}, "ใหม่", "เดิม", errKind{}},
		{Patch{Description: ptr("  คำอธิบาย  ")}, "ชื่อ", "คำอธิบาย", errKind{}},
		{Patch{Description: ptr("")}, "ชื่อ", "", errKind{}},
		{Patch{Title: ptr("t"), Description: ptr("d")}, "t", "d", errKind{}},
		{Patch{}, "ชื่อ", "เดิม", errKind{}},
		{Patch{Title: ptr("")}, "ชื่อ", "เดิม", errKind{field: "title"}},
		{Patch{Title: ptr(strings.Repeat("x", MaxTitle+1))}, "ชื่อ", "เดิม", errKind{field: "title"}},
		{Patch{Title: ptr("ok"), Description: ptr(strings.Repeat("x", MaxDescription+1))}, "ชื่อ", "เดิม", errKind{field: "description"}},
	}
	for _, tt := range tests {
		s, _ := newStore(t)
		c := mustCreate(t, s, Collection{Title: "ชื่อ", Description: "เดิม"}) // at(1)
		got, err := s.Update(t.Context(), c.ID, tt.patch)
		checkErr(t, "Update", err, tt.err)
		stored, _ := s.Get(t.Context(), c.ID)
		if stored.Title != tt.wantTitle || stored.Description != tt.wantDesc {
			t.Errorf("Update(%+v): stored %q %q, want %q %q", tt.patch, stored.Title, stored.Description, tt.wantTitle, tt.wantDesc)
		}
		if err == nil && (!got.Updated.Equal(at(2)) || !got.Created.Equal(at(1))) {
			t.Errorf("Update(%+v): created %v updated %v, want %v %v", tt.patch, got.Created, got.Updated, at(1), at(2))
		}
	}
	s, _ := newStore(t)
	_, err := s.Update(t.Context(), "nope", Patch{Title: ptr("x")})
	checkErr(t, "Update(nope)", err, errKind{is: ErrNotFound})
}

func TestItems(t *testing.T) {
	ctx := context.Background()
	type op struct {
		name   string
		doc    string
		note   string
		pos    int
		err    errKind
		result []string // doc IDs in order after the op
	}
	// Each row runs on a collection holding docA, docB, with notes "โน้ต <id>".
	tests := []op{
		{"add", docC, "บทเรียนเรื่องการมีส่วนร่วม", 0, errKind{}, []string{docA, docB, docC}},
		{"add", docA, "", 0, errKind{is: ErrExists}, []string{docA, docB}},
		{"add", "0123", "", 0, errKind{field: "doc_id"}, []string{docA, docB}},
		{"add", "0123456789ABCDEF", "", 0, errKind{field: "doc_id"}, []string{docA, docB}},
		{"add", docC, strings.Repeat("ง", MaxNote+1), 0, errKind{field: "note"}, []string{docA, docB}},
		{"add", docC, "bad\xff", 0, errKind{field: "note"}, []string{docA, docB}},
		{"note", docB, "ใหม่\n\nย่อหน้าที่สอง", 0, errKind{}, []string{docA, docB}},
		{"note", docC, "x", 0, errKind{is: ErrNotFound}, []string{docA, docB}},
		{"note", docB, strings.Repeat("ง", MaxNote+1), 0, errKind{field: "note"}, []string{docA, docB}},
		{"remove", docA, "", 0, errKind{}, []string{docB}},
		{"remove", docC, "", 0, errKind{is: ErrNotFound}, []string{docA, docB}},
		{"move", docB, "", 0, errKind{}, []string{docB, docA}},
		{"move", docA, "", 1, errKind{}, []string{docB, docA}},
		{"move", docA, "", 0, errKind{}, []string{docA, docB}},
		{"move", docA, "", 2, errKind{field: "position"}, []string{docA, docB}},
		{"move", docA, "", -1, errKind{field: "position"}, []string{docA, docB}},
		{"move", docC, "", 0, errKind{is: ErrNotFound}, []string{docA, docB}},
	}
	for _, tt := range tests {
		s, _ := newStore(t)
		c := mustCreate(t, s, Collection{Title: "ชุด"})
		mustAdd(t, s, c.ID, docA, docB)
		before, _ := s.Get(ctx, c.ID)
		var err error
		switch tt.name {
		case "add":
			var it Item
			it, err = s.AddItem(ctx, c.ID, tt.doc, tt.note)
			if err == nil && (it.DocID != tt.doc || it.Note != tt.note || it.Added.IsZero()) {
				t.Errorf("AddItem(%s, %q) = %+v", tt.doc, tt.note, it)
			}
		case "note":
			var it Item
			it, err = s.UpdateNote(ctx, c.ID, tt.doc, tt.note)
			if err == nil && (it.DocID != tt.doc || it.Note != tt.note) {
				t.Errorf("UpdateNote(%s, %q) = %+v", tt.doc, tt.note, it)
			}
		case "remove":
			err = s.RemoveItem(ctx, c.ID, tt.doc)
		case "move":
			err = s.Move(ctx, c.ID, tt.doc, tt.pos)
		}
		call := tt.name + "(" + tt.doc + ")"
		checkErr(t, call, err, tt.err)
		after, _ := s.Get(ctx, c.ID)
		var ids []string
		for _, it := range after.Items {
			ids = append(ids, it.DocID)
		}
		if !cmp.Equal(ids, tt.result) {
			t.Errorf("%s: items %q, want %q", call, ids, tt.result)
		}
		if err != nil && !cmp.Equal(before, after) {
			t.Errorf("%s failed but changed the collection:\n%s", call, cmp.Diff(before, after))
		}
		if err == nil && !after.Updated.After(before.Updated) {
			t.Errorf("%s: Updated %v not after %v", call, after.Updated, before.Updated)
		}
	}
	// Every item operation on an unknown collection is ErrNotFound.
	s, _ := newStore(t)
	_, err := s.AddItem(ctx, "nope", docA, "")
	checkErr(t, "AddItem(nope)", err, errKind{is: ErrNotFound})
	_, err = s.UpdateNote(ctx, "nope", docA, "")
	checkErr(t, "UpdateNote(nope)", err, errKind{is: ErrNotFound})
	checkErr(t, "RemoveItem(nope)", s.RemoveItem(ctx, "nope", docA), errKind{is: ErrNotFound})
	checkErr(t, "Move(nope)", s.Move(ctx, "nope", docA, 0), errKind{is: ErrNotFound})
}

func TestNoteKept(t *testing.T) {
	s, _ := newStore(t)
	c := mustCreate(t, s, Collection{Title: "ชุด"})
	note := "  ใช้ธรรมนูญสุขภาพตำบลเป็นกติกาชุมชน\n\nผู้นำศาสนาร่วมร่าง  "
	it, err := s.AddItem(t.Context(), c.ID, docA, note)
	if err != nil {
		t.Fatal(err)
	}
	want := Item{DocID: docA, Note: strings.TrimSpace(note), Added: at(2)}
	if d := cmp.Diff(want, it); d != "" {
		t.Errorf("AddItem (-want +got):\n%s", d)
	}
	got, _ := s.Get(t.Context(), c.ID)
	if d := cmp.Diff([]Item{want}, got.Items); d != "" {
		t.Errorf("Get after AddItem (-want +got):\n%s", d)
	}
}

func TestCanceled(t *testing.T) {
	s, _ := newStore(t)
	c := mustCreate(t, s, Collection{Title: "x"})
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := s.Create(ctx, Collection{Title: "y"})
	checkErr(t, "Create(canceled)", err, errKind{is: context.Canceled})
	_, err = s.AddItem(ctx, c.ID, docA, "")
	checkErr(t, "AddItem(canceled)", err, errKind{is: context.Canceled})
	_, err = s.List(ctx)
	checkErr(t, "List(canceled)", err, errKind{is: context.Canceled})
}

func TestReopenPersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "collections.db")
	c := &clock{t: t0}
	s, err := Open(path, Config{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	a, _ := s.Create(ctx, Collection{Title: "กรณีศึกษาธรรมนูญสุขภาพภาคใต้", Description: "คัดโดยทีมจัดการความรู้"})
	s.AddItem(ctx, a.ID, docA, "ตำบลต้นแบบ")
	s.AddItem(ctx, a.ID, docB, "")
	s.Move(ctx, a.ID, docB, 0)
	want, _ := s.List(ctx)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, Config{Now: c.now})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	got, err := s.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("after reopening (-before +after):\n%s", d)
	}
	// The sequence survives too: the next generated ID is new.
	b, _ := s.Create(ctx, Collection{Title: "อีกชุด"})
	if b.ID == a.ID {
		t.Errorf("after reopening, Create generated the taken ID %s", b.ID)
	}
}

func TestOpenOtherFormat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "collections.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket(bucketMeta)
		return b.Put(keyFormat, []byte("99"))
	})
	db.Close()
	if s, err := Open(path, Config{}); err == nil || !strings.Contains(err.Error(), "format version") {
		t.Errorf("Open(format 99) = %v, want a format version error", err)
		if s != nil {
			s.Close()
		}
	}
	if _, err := Open(path, Config{LockTimeout: -1}); err == nil {
		t.Errorf("Open(negative lock timeout) succeeded")
	}
}

func TestConcurrent(t *testing.T) {
	s, _ := newStore(t)
	ctx := t.Context()
	c := mustCreate(t, s, Collection{Title: "พร้อมกัน"})
	const n = 40
	docs := make([]string, n)
	for i := range docs {
		docs[i] = strings.Repeat("0", 14) + string("0123456789abcdef"[i/16]) + string("0123456789abcdef"[i%16])
	}
	var wg sync.WaitGroup
	errs := make(chan error, 3*n)
	for _, d := range docs {
		wg.Go(func() {
			if _, err := s.AddItem(ctx, c.ID, d, "note"); err != nil {
				errs <- err
				return
			}
			if _, err := s.UpdateNote(ctx, c.ID, d, "โน้ต "+d); err != nil {
				errs <- err
			}
		})
		wg.Go(func() {
			if _, err := s.List(ctx); err != nil {
				errs <- err
			}
		})
		wg.Go(func() {
			if _, err := s.Create(ctx, Collection{Title: "ชุด " + d}); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent call: %v", err)
	}
	got, err := s.Get(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Items) != n {
		t.Errorf("after %d concurrent AddItem: %d items", n, len(got.Items))
	}
	for _, it := range got.Items {
		if it.Note != "โน้ต "+it.DocID {
			t.Errorf("item %s note %q, want %q", it.DocID, it.Note, "โน้ต "+it.DocID)
		}
	}
	list, _ := s.List(ctx)
	if len(list) != n+1 {
		t.Errorf("after %d concurrent Create: %d collections, want %d", n, len(list), n+1)
	}
}
