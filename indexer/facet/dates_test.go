package facet

import (
	"errors"
	"testing"
	"unicode/utf8"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // Date.String()
	}{
		{"20 พฤศจิกายน 2559", "2016-11-20"},
		{"28 กันยายน 2008 13:15 น.", "2008-09-28T13:15"},
		{"๑๖-๑๗  ตค. ๕๑", "2008-10-16/2008-10-17"},
		{"16 – 17 กรกฎาคม2557", "2014-07-16/2014-07-17"},
		{"9 – 11 ตุลาคม 2556", "2013-10-09/2013-10-11"},
		{"17-18 กันยายน พ.ศ. 2561", "2018-09-17/2018-09-18"},
		{"13 กันยายน 57", "2014-09-13"},
		{"มกราคม 58", "2015-01"},
		{"9 ก.ค.57", "2014-07-09"},
		{"15 ก.ย. 55 11.25", "2012-09-15T11:25"},
		{"29 เม.ย 57", "2014-04-29"},
		{"๑๙-๒๐ เมย. ๖๒", "2019-04-19/2019-04-20"},
		{"วันที่ ๓๑ กรกฎาคม ๒๕๖๔", "2021-07-31"},
		{"พฤหัสบดี 9 พ.ค. 56", "2013-05-09"},
		{"5 กรกฏาคม 2560", "2017-07-05"},
		{"1 กุมภาพันธ 2553", "2010-02-01"},
		{"3 พถษภาคม 2562", "2019-05-03"},
		{"12 พฤษจิกายน 2561", "2018-11-12"},
		{"ปี พ.ศ. 2551", "2008"},
		{"พ.ศ.๒๕๕๗", "2014"},
		{"(๒๕๕๖)", "2013"},
		{"ปีที่ 1(2559)", "2016"},
		{"ปี  51", "2008"},
		{"ปี 2558 – 2560", "2015/2017"},
		{"ปีงบประมาณ 2565", "2021-10-01/2022-09-30"},
		{"ปีงบฯ 2556-2560", "2012-10-01/2017-09-30"},
		{"Screen Shot 2557-08-06 at 1.42.28 PM", "2014-08-06"},
		{"2015-01-20", "2015-01-20"},
		{"2014-08-06T10:30:00+07:00", "2014-08-06T10:30"},
		{"2557", "2014"},
		{"August 6, 2014", "2014-08-06"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v, want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"", ErrNoDate},
		{"ไม่มีวันที่", ErrNoDate},
		{"โทร. 081 - 2700216", ErrNoDate},
		{"กว่า 14 ปี", ErrNoDate},
		{"บันทึกการเดินทาง 30.13", ErrNoDate},
		{"13 มกราคมที่ผ่านมา", ErrBadDate},
		{"ก.พ. ประชุม", ErrNoDate}, // Civil Service Commission, not February
		{"31 เมษายน 2557", ErrBadDate},
	}
	for _, tt := range tests {
		_, err := ParseDate(tt.in)
		var de *DateError
		if !errors.Is(err, tt.want) || !errors.As(err, &de) {
			t.Errorf("ParseDate(%q) error = %v, want %v", tt.in, err, tt.want)
		}
	}
}

func TestParseYear(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"2557", 2014, true},
		{"พ.ศ. ๒๕๕๗", 2014, true},
		{"๒๕๕๗", 2014, true},
		{"2014", 2014, true},
		{"ค.ศ. 2014", 2014, true},
		{"ปี 57", 2014, true},
		{"พ.ศ.2551", 2008, true},
		{"57", 0, false},
		{"12345", 0, false},
		{"1800", 0, false},
		{"abc", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseYear(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseYear(%q) = %d, %v, want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestBodyYears checks the document-year rule of DOMAIN.md §4.4.
func TestBodyYears(t *testing.T) {
	tests := []struct {
		name      string
		in        Input
		year      int
		mentioned int // a year that must be in MentionedYears, 0 for none
	}{
		{"yearless resolved against published", Input{DateMachine: "2015-01-20", Body: "เมื่อวันที่ 13 มกราคมที่ผ่านมา ประชุม ส่วนเมื่อ 10-11 กันยายน 2557 จัดเวที"}, 2015, 0},
		{"plan horizon is mentioned", Input{DateMachine: "2014-08-06", Body: "ทิศทางปี 2558 – 2560 ส่วนการประชุมเมื่อ 16-17 กรกฎาคม 2557"}, 2014, 2015},
		{"law year is mentioned", Input{DateText: "5 มีนาคม 2556", Body: "ตาม พ.ร.บ.สุขภาพแห่งชาติ พ.ศ. 2550 จังหวัดจัดเวทีเมื่อ 1 มีนาคม 2556"}, 2013, 2007},
		{"old first date falls back to most frequent", Input{DateText: "1 มกราคม 2562", Body: "ย้อนไปปี 2540 ... ประชุม 3 ก.พ. 61 และ 10 มี.ค. 61"}, 2018, 0},
		{"no body date uses published", Input{DateText: "28 กันยายน 2008 13:15 น.", Body: "ไม่มีวันที่"}, 2008, 0},
		{"fiscal year end", Input{Body: "โครงการประจำปีงบประมาณ 2565"}, 2022, 0},
		{"nothing", Input{Body: "ไม่มีวันที่"}, 0, 0},
	}
	for _, tt := range tests {
		fx := Extract(tt.in)
		if fx.Year != tt.year {
			t.Errorf("%s: Year = %d, want %d (events %v)", tt.name, fx.Year, tt.year, fx.EventYears)
		}
		if tt.mentioned != 0 && !contains(fx.MentionedYears, tt.mentioned) {
			t.Errorf("%s: MentionedYears = %v, want %d in it", tt.name, fx.MentionedYears, tt.mentioned)
		}
	}
}

func contains[T comparable](s []T, x T) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"20 พฤศจิกายน 2559", "๑๖-๑๗  ตค. ๕๑", "15 ก.ย. 55 11.25", "2557-08-06", "ปีงบประมาณ 2565", "ปี 2558 – 2560", "31 ก.พ. 2560", "\xff๑๒", "ํา"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			var de *DateError
			if !errors.As(err, &de) || !(errors.Is(err, ErrNoDate) || errors.Is(err, ErrBadDate)) {
				t.Fatalf("ParseDate(%q) error %v is not a *DateError wrapping a sentinel", s, err)
			}
			return
		}
		if d.Year < 1900 || d.Year > 2100 {
			t.Fatalf("ParseDate(%q) = %v: year out of range", s, d)
		}
		if d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 || (d.Day > 0 && d.Month == 0) {
			t.Fatalf("ParseDate(%q) = %v: bad month/day", s, d)
		}
		if d.Month > 0 && d.Day > daysIn(d.Year, d.Month) {
			t.Fatalf("ParseDate(%q) = %v: day beyond month end", s, d)
		}
		if d.EndYear != 0 && cmpDate(Date{Year: d.EndYear, Month: d.EndMonth, Day: d.EndDay}, d) < 0 {
			t.Fatalf("ParseDate(%q) = %v: range ends before it starts", s, d)
		}
		_ = utf8.ValidString(d.String())
	})
}
