package api

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/indexer/facet"
	"github.com/botrian/botrian/search"
)

// sidebarFacets are the facets the search page offers as filters, in order,
// and how many values each shows before "more".
var sidebarFacets = []struct {
	facet indexer.Facet
	shown int
}{
	{indexer.FacetProvince, 10},
	{indexer.FacetTool, 10},
	{indexer.FacetYear, 10},
	{indexer.FacetRegion, 5},
	{indexer.FacetHealthRegion, 13},
	{indexer.FacetOrg, 8},
	{indexer.FacetSection, 7},
	{indexer.FacetSite, 4},
}

// searchPage is the data of search.html.
type searchPage struct {
	Query         string
	Sort          string
	Sorts         []option
	Total         uint64
	From, To      int
	TookMS        int64
	Hits          []hitView
	Facets        []facetView
	Active        []chip
	DidYouMean    string
	DidYouMeanURL string
	// Relaxed: no document has every word; the hits have most of them.
	Relaxed  bool
	Pages    []pageLink
	PrevURL  string
	NextURL  string
	CSVURL   string
	JSONLURL string
	APIURL   string
	Browsing bool // no query: every document matching the filters
	// YearFrom and YearTo are the year range in BE, as the form shows it.
	YearFrom, YearTo string
}

type option struct {
	Value, Label string
	Selected     bool
}

type chip struct {
	Label, RemoveURL string
}

type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool // an ellipsis instead of a link
}

// hitView is one result as the page shows it.
type hitView struct {
	ID, Title, Site, Published string
	Year                       string // "2557 (2014)"
	Provinces                  []string
	Tools                      []labelled
	Snippets                   []template.HTML
	Section                    string
}

type labelled struct {
	Value, Label, LabelEN string
}

type facetView struct {
	Param, Label, LabelEN string
	Values                []facetValueView
	More                  []facetValueView
	Open                  bool
}

type facetValueView struct {
	Value, Label, LabelEN string
	Count                 int
	Selected              bool
}

// handleSearchPage serves GET /: the search page, rendered on the server.
func (s *Server) handleSearchPage(c echo.Context) error {
	params := c.QueryParams()
	req, err := search.ParseRequest(params)
	if err != nil {
		return err
	}
	res, err := s.search.Search(c.Request().Context(), req)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "search.html", newSearchPage(params, req, res))
}

func newSearchPage(params url.Values, req search.Request, res *search.Result) searchPage {
	p := searchPage{
		Query:      req.Query,
		Sort:       string(req.Sort),
		Total:      res.Total,
		TookMS:     res.Took.Milliseconds(),
		DidYouMean: res.DidYouMean,
		Relaxed:    res.Relaxed,
		Browsing:   strings.TrimSpace(req.Query) == "",
		CSVURL:     "/api/v1/search.csv?" + without(params, "page", "size").Encode(),
		JSONLURL:   "/api/v1/search.jsonl?" + without(params, "page", "size").Encode(),
		APIURL:     "/api/v1/search?" + params.Encode(),
	}
	// The default order depends on the query (relevance, or newest without
	// one), so it is an option of its own: a sort chosen while browsing does
	// not stick to the next query.
	explicit := strings.ToLower(strings.TrimSpace(params.Get("sort")))
	for _, o := range []option{
		{"", "อัตโนมัติ (auto)", false},
		{string(search.SortRelevance), "ตรงที่สุด (relevance)", false},
		{string(search.SortNewest), "ใหม่ที่สุด (newest)", false},
		{string(search.SortOldest), "เก่าที่สุด (oldest)", false},
	} {
		o.Selected = o.Value == explicit
		p.Sorts = append(p.Sorts, o)
	}
	if p.DidYouMean != "" {
		p.DidYouMeanURL = "/?" + with(without(params, "page"), "q", p.DidYouMean).Encode()
	}
	for _, h := range res.Hits {
		p.Hits = append(p.Hits, newHitView(h))
	}
	if len(res.Hits) > 0 {
		p.From = (req.Page-1)*req.Size + 1
		p.To = p.From + len(res.Hits) - 1
	}
	byFacet := map[indexer.Facet]search.FacetResult{}
	for _, f := range res.Facets {
		byFacet[f.Facet] = f
	}
	for _, sf := range sidebarFacets {
		fr, ok := byFacet[sf.facet]
		if !ok {
			continue
		}
		l := facetLabels[sf.facet]
		fv := facetView{Param: string(sf.facet), Label: l[0], LabelEN: l[1]}
		for _, v := range fr.Values {
			if v.Count == 0 && !v.Selected {
				continue
			}
			vv := facetValueView{Value: v.Value, Label: v.Label, LabelEN: v.LabelEN, Count: v.Count, Selected: v.Selected}
			switch sf.facet {
			case indexer.FacetYear:
				vv.Label = v.Label + " (" + v.LabelEN + ")"
				vv.LabelEN = ""
			case indexer.FacetSite:
				if l, ok := siteLabels[v.Value]; ok {
					vv.Label, vv.LabelEN = l[0], ""
				}
			}
			if v.Selected {
				fv.Open = true
				p.Active = append(p.Active, chip{
					Label:     l[0] + ": " + vv.Label,
					RemoveURL: "/?" + removeValue(without(params, "page"), string(sf.facet), v.Value).Encode(),
				})
			}
			if len(fv.Values) < sf.shown || v.Selected {
				fv.Values = append(fv.Values, vv)
			} else {
				fv.More = append(fv.More, vv)
			}
		}
		if len(fv.Values) == 0 {
			continue
		}
		if sf.facet == indexer.FacetYear && (req.Filters.YearFrom != 0 || req.Filters.YearTo != 0) {
			fv.Open = true
		}
		if len(p.Facets) < 3 {
			fv.Open = true
		}
		p.Facets = append(p.Facets, fv)
	}
	for _, r := range []struct {
		param, label string
		ce           int
		dst          *string
	}{
		{"year_from", "ตั้งแต่ปี", req.Filters.YearFrom, &p.YearFrom},
		{"year_to", "ถึงปี", req.Filters.YearTo, &p.YearTo},
	} {
		if r.ce == 0 {
			continue
		}
		*r.dst = strconv.Itoa(r.ce + 543)
		p.Active = append(p.Active, chip{
			Label:     r.label + " " + yearLabel(r.ce),
			RemoveURL: "/?" + without(params, "page", r.param).Encode(),
		})
	}
	p.Pages, p.PrevURL, p.NextURL = pager(params, req.Page, req.Size, res.Total)
	return p
}

func newHitView(h search.Hit) hitView {
	v := hitView{ID: h.ID, Title: h.Title, Site: siteLabel(h.Site), Published: h.Published,
		Year: yearLabel(h.Year), Provinces: h.Provinces, Section: sectionLabel(h.Section)}
	if v.Title == "" {
		v.Title = "(ไม่มีชื่อเรื่อง)"
	}
	for _, t := range h.Tools {
		v.Tools = append(v.Tools, toolLabel(t))
	}
	snips := h.Snippets
	if len(snips) == 0 && h.Snippet != "" {
		snips = []string{h.Snippet}
	}
	for _, sn := range snips {
		v.Snippets = append(v.Snippets, safeSnippet(sn))
	}
	return v
}

// safeSnippet trusts a snippet as HTML only when, <mark> and </mark> aside,
// it has no markup: search escapes the text, and this check keeps a bug
// there from becoming an injection here.
func safeSnippet(s string) template.HTML {
	rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
	if strings.ContainsAny(rest, "<>\"'") || !utf8.ValidString(s) {
		return template.HTML(template.HTMLEscapeString(s))
	}
	return template.HTML(s)
}

func yearLabel(ce int) string {
	if ce <= 0 {
		return ""
	}
	return strconv.Itoa(ce+543) + " (" + strconv.Itoa(ce) + ")"
}

func siteLabel(site string) string {
	if l, ok := siteLabels[site]; ok {
		return l[0]
	}
	return site
}

func toolLabel(id string) labelled {
	if t, ok := facet.Tool(id).Info(); ok {
		return labelled{id, t.Thai, t.English}
	}
	return labelled{id, id, id}
}

func sectionLabel(kind string) string {
	for _, k := range facet.SectionKinds() {
		if string(k.ID) == kind {
			return k.Thai
		}
	}
	return kind
}

// pager returns the page links around the current page, and the previous
// and next pages' URLs ("" at the ends).
func pager(params url.Values, page, size int, total uint64) (links []pageLink, prev, next string) {
	if size <= 0 {
		return nil, "", ""
	}
	last := int((total + uint64(size) - 1) / uint64(size))
	last = min(last, search.MaxPage)
	if last <= 1 {
		return nil, "", ""
	}
	link := func(n int) string { return "/?" + with(params, "page", strconv.Itoa(n)).Encode() }
	if page > 1 {
		prev = link(page - 1)
	}
	if page < last {
		next = link(page + 1)
	}
	gap := false
	for n := 1; n <= last; n++ {
		if n == 1 || n == last || n >= page-2 && n <= page+2 {
			links = append(links, pageLink{N: n, URL: link(n), Current: n == page})
			gap = false
		} else if !gap {
			links = append(links, pageLink{Gap: true})
			gap = true
		}
	}
	return links, prev, next
}

// with returns a copy of v with key set to val.
func with(v url.Values, key, val string) url.Values {
	out := clone(v)
	out.Set(key, val)
	return out
}

// without returns a copy of v without the keys.
func without(v url.Values, keys ...string) url.Values {
	out := clone(v)
	for _, k := range keys {
		out.Del(k)
	}
	return out
}

// removeValue returns a copy of v without one value of a repeatable
// parameter, also where it was given comma-separated.
func removeValue(v url.Values, key, val string) url.Values {
	out := clone(v)
	var keep []string
	for _, s := range v[key] {
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" && !sameValue(key, p, val) {
				keep = append(keep, p)
			}
		}
	}
	out.Del(key)
	for _, p := range keep {
		out.Add(key, p)
	}
	return out
}

// sameValue reports whether a parameter value as given (perhaps an alias
// or a BE year) means the canonical value val.
func sameValue(key, given, val string) bool {
	if given == val {
		return true
	}
	r, err := search.ParseRequest(url.Values{key: {given}})
	if err != nil {
		return false
	}
	f := r.Filters
	for _, list := range [][]string{f.Provinces, f.Regions, f.Tools, f.Orgs, f.Sites, f.Sections} {
		if len(list) == 1 && list[0] == val {
			return true
		}
	}
	for _, list := range [][]int{f.Years, f.HealthRegions} {
		if len(list) == 1 && strconv.Itoa(list[0]) == val {
			return true
		}
	}
	return false
}

func clone(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		if len(vs) > 0 && !(len(vs) == 1 && vs[0] == "") {
			out[k] = append([]string(nil), vs...)
		}
	}
	return out
}
