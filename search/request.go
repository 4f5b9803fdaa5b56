package search

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/indexer/facet"
)

// Paging defaults and limits.
const (
	DefaultSize = 10  // hits per page when Size is 0
	MaxSize     = 100 // larger sizes are capped to this
	// MaxQueryBytes bounds the query text; longer queries are rejected.
	MaxQueryBytes = 1000
	// MaxPage bounds how deep a client may page (From+Size costs grow with it).
	MaxPage = 1000
)

// Sort orders the hits.
type Sort string

// Sort orders. The zero Sort means SortRelevance for a query and SortNewest
// for an empty query.
const (
	SortRelevance Sort = "relevance"
	SortNewest    Sort = "newest"
	SortOldest    Sort = "oldest"
)

// Request is one search: the query as the user typed it, filters, order and
// page. The zero value searches every document, newest first.
type Request struct {
	// Query is the text as typed; see ParseQuery for its syntax.
	Query   string
	Filters Filters
	Sort    Sort
	// Page is 1-based; 0 means 1. Size is hits per page; 0 means
	// DefaultSize, and sizes above MaxSize are capped.
	Page, Size int
}

// Filters restrict a search to documents with the given facet values.
// Values within one facet are alternatives (OR); facets combine with AND.
type Filters struct {
	// Provinces are canonical Thai names (aliases are resolved by Validate's
	// caller, ParseRequest, or by Normalize).
	Provinces []string
	// Regions are region ids (north, northeast, central, south, bangkok).
	Regions []string
	// HealthRegions are MOPH health regions 1-13.
	HealthRegions []int
	// Years are CE years; YearFrom and YearTo (CE, inclusive, 0 = open)
	// bound the document year. Both apply when both are given.
	Years            []int
	YearFrom, YearTo int
	// Tools are tool ids (area_assembly, hia, ...); Orgs organisation ids;
	// Sites site styles; Sections section kinds the document must have.
	Tools, Orgs, Sites, Sections []string
}

// IsZero reports whether no filter is set.
func (f Filters) IsZero() bool {
	return len(f.Provinces) == 0 && len(f.Regions) == 0 && len(f.HealthRegions) == 0 &&
		len(f.Years) == 0 && f.YearFrom == 0 && f.YearTo == 0 &&
		len(f.Tools) == 0 && len(f.Orgs) == 0 && len(f.Sites) == 0 && len(f.Sections) == 0
}

// ParamError reports a request parameter that is malformed or names an
// unknown facet value.
type ParamError struct {
	Param  string // the URL parameter, e.g. "province"
	Value  string // the offending value as given
	Reason string
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("parameter %s=%q: %s", e.Param, e.Value, e.Reason)
}

// Year bounds accepted in filters, CE.
const (
	minYear = 1900
	maxYear = 2100
)

var sites = []string{botrian.SiteAreahpp, botrian.SiteGotoknow, botrian.SiteSoftganz, botrian.SiteGeneric}

// Normalize returns r with defaults applied, sizes capped, aliases resolved
// to canonical facet values and lists sorted and deduplicated. Values it
// cannot resolve are kept as given, for Validate to report.
func (r Request) Normalize() Request {
	if r.Page == 0 {
		r.Page = 1
	}
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	if r.Size > MaxSize {
		r.Size = MaxSize
	}
	if r.Sort == "" {
		r.Sort = SortRelevance
		if strings.TrimSpace(r.Query) == "" {
			r.Sort = SortNewest
		}
	}
	f := &r.Filters
	f.Provinces = mapStrings(f.Provinces, canonicalProvince)
	f.Regions = mapStrings(f.Regions, canonicalRegion)
	f.Tools = mapStrings(f.Tools, canonicalTool)
	f.Orgs = mapStrings(f.Orgs, canonicalOrg)
	f.Sites = mapStrings(f.Sites, strings.ToLower)
	f.Sections = mapStrings(f.Sections, canonicalSection)
	f.HealthRegions = sortedInts(f.HealthRegions)
	f.Years = sortedInts(f.Years)
	return r
}

// Validate reports the first invalid field of a normalized request as a
// *ParamError named after its URL parameter.
func (r Request) Validate() error {
	if len(r.Query) > MaxQueryBytes {
		return &ParamError{"q", strings.ToValidUTF8(r.Query[:64], "") + "…", fmt.Sprintf("longer than %d bytes", MaxQueryBytes)}
	}
	if !utf8.ValidString(r.Query) {
		return &ParamError{"q", r.Query, "not valid UTF-8"}
	}
	if r.Page < 1 || r.Page > MaxPage {
		return &ParamError{"page", strconv.Itoa(r.Page), fmt.Sprintf("must be 1 to %d", MaxPage)}
	}
	if r.Size < 1 || r.Size > MaxSize {
		return &ParamError{"size", strconv.Itoa(r.Size), fmt.Sprintf("must be 1 to %d", MaxSize)}
	}
	switch r.Sort {
	case SortRelevance, SortNewest, SortOldest:
	default:
		return &ParamError{"sort", string(r.Sort), "must be relevance, newest or oldest"}
	}
	f := r.Filters
	checks := []struct {
		param  string
		values []string
		ok     func(string) bool
	}{
		{"province", f.Provinces, func(s string) bool { return canonicalProvince(s) == s && isProvince(s) }},
		{"region", f.Regions, func(s string) bool { _, ok := facet.LookupRegion(s); return ok && canonicalRegion(s) == s }},
		{"tool", f.Tools, func(s string) bool { return isTool(s) }},
		{"org", f.Orgs, func(s string) bool { return isOrg(s) }},
		{"site", f.Sites, func(s string) bool { return slices.Contains(sites, s) }},
		{"section", f.Sections, func(s string) bool { return isSection(s) }},
	}
	for _, c := range checks {
		for _, v := range c.values {
			if !c.ok(v) {
				return &ParamError{c.param, v, "unknown " + c.param}
			}
		}
	}
	for _, n := range f.HealthRegions {
		if n < 1 || n > 13 {
			return &ParamError{"health_region", strconv.Itoa(n), "must be 1 to 13"}
		}
	}
	for _, y := range f.Years {
		if y < minYear || y > maxYear {
			return &ParamError{"year", strconv.Itoa(y), "not a year"}
		}
	}
	if f.YearFrom != 0 && (f.YearFrom < minYear || f.YearFrom > maxYear) {
		return &ParamError{"year_from", strconv.Itoa(f.YearFrom), "not a year"}
	}
	if f.YearTo != 0 && (f.YearTo < minYear || f.YearTo > maxYear) {
		return &ParamError{"year_to", strconv.Itoa(f.YearTo), "not a year"}
	}
	if f.YearFrom != 0 && f.YearTo != 0 && f.YearFrom > f.YearTo {
		return &ParamError{"year_to", strconv.Itoa(f.YearTo), fmt.Sprintf("the year %d (%d BE) is before year_from %d (%d BE)", f.YearTo, f.YearTo+543, f.YearFrom, f.YearFrom+543)}
	}
	return nil
}

// ParseRequest reads a request from URL parameters: q, province (canonical
// name or alias), region, health_region (1-13), year (CE or BE), year_from,
// year_to, tool, org, site, section (each repeatable, or comma-separated),
// sort, page and size. Unknown parameters are ignored; a malformed value or
// unknown facet value is a *ParamError naming the parameter. The result is
// normalized and valid.
func ParseRequest(v url.Values) (Request, error) {
	var r Request
	r.Query = v.Get("q")
	f := &r.Filters
	f.Provinces = values(v, "province")
	f.Regions = values(v, "region")
	f.Tools = values(v, "tool")
	f.Orgs = values(v, "org")
	f.Sites = values(v, "site")
	f.Sections = values(v, "section")
	for _, s := range values(v, "health_region") {
		n, err := strconv.Atoi(strings.TrimPrefix(s, "เขต"))
		if err != nil || n < 1 || n > 13 {
			return r, &ParamError{"health_region", s, "must be 1 to 13"}
		}
		f.HealthRegions = append(f.HealthRegions, n)
	}
	for _, s := range values(v, "year") {
		y, ok := parseYear(s)
		if !ok {
			return r, &ParamError{"year", s, "not a year (CE or BE)"}
		}
		f.Years = append(f.Years, y)
	}
	for _, p := range []struct {
		name string
		dst  *int
	}{{"year_from", &f.YearFrom}, {"year_to", &f.YearTo}} {
		if s := strings.TrimSpace(v.Get(p.name)); s != "" {
			y, ok := parseYear(s)
			if !ok {
				return r, &ParamError{p.name, s, "not a year (CE or BE)"}
			}
			*p.dst = y
		}
	}
	r.Sort = Sort(strings.ToLower(strings.TrimSpace(v.Get("sort"))))
	for _, p := range []struct {
		name string
		dst  *int
	}{{"page", &r.Page}, {"size", &r.Size}} {
		if s := strings.TrimSpace(v.Get(p.name)); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				return r, &ParamError{p.name, s, "must be a positive integer"}
			}
			*p.dst = n
		}
	}
	r = r.Normalize()
	return r, r.Validate()
}

// values returns the non-empty values of a repeatable parameter, each also
// split at commas.
func values(v url.Values, key string) []string {
	var out []string
	for _, s := range v[key] {
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// parseYear reads a CE or BE year ("2557", "๒๕๕๗", "พ.ศ. 2557", "2014").
func parseYear(s string) (int, bool) {
	y, ok := facet.ParseYear(s)
	if !ok || y < minYear || y > maxYear {
		return 0, false
	}
	return y, true
}

func mapStrings(in []string, f func(string) string) []string {
	if len(in) == 0 {
		return nil
	}
	out := make([]string, 0, len(in))
	for _, s := range in {
		out = append(out, f(strings.TrimSpace(s)))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func sortedInts(in []int) []int {
	if len(in) == 0 {
		return nil
	}
	out := slices.Clone(in)
	slices.Sort(out)
	return slices.Compact(out)
}
