package api

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/indexer/facet"
	"github.com/botrian/botrian/search"
)

// FacetsResponse is the body of GET /api/v1/facets: every facet, in display
// order, with every value it can take and how many documents have it.
type FacetsResponse struct {
	Facets []FacetInfo `json:"facets"`
}

// FacetInfo is one facet: its URL parameter name, its Thai and English
// labels, and its values. Closed vocabularies (provinces, regions, health
// regions, tools, organisations, sites, sections) list every value, with
// count 0 where no document has it; years and tool families list the
// values the index holds.
type FacetInfo struct {
	Facet   string                 `json:"facet"`
	Label   string                 `json:"label"`
	LabelEN string                 `json:"label_en"`
	Values  []search.ResponseValue `json:"values"`
}

// facetLabels are the Thai and English names of the facets.
var facetLabels = map[indexer.Facet][2]string{
	indexer.FacetProvince:     {"จังหวัด", "Province"},
	indexer.FacetRegion:       {"ภาค", "Region"},
	indexer.FacetHealthRegion: {"เขตสุขภาพ", "Health region"},
	indexer.FacetYear:         {"ปี พ.ศ. (ค.ศ.)", "Year (BE, CE)"},
	indexer.FacetTool:         {"เครื่องมือ", "Tool"},
	indexer.FacetToolFamily:   {"กลุ่มเครื่องมือ", "Tool family"},
	indexer.FacetOrg:          {"หน่วยงาน", "Organisation"},
	indexer.FacetSite:         {"แหล่งที่มา", "Source site"},
	indexer.FacetSection:      {"หัวข้อในรายงาน", "Report section"},
}

// siteLabels name the site styles.
var siteLabels = map[string][2]string{
	botrian.SiteAreahpp:  {"areahpp (สมัชชาสุขภาพพื้นที่)", "areahpp (area health assemblies)"},
	botrian.SiteGotoknow: {"GotoKnow", "GotoKnow"},
	botrian.SiteSoftganz: {"รายงานโครงการ (SoftGanz)", "project reports (SoftGanz)"},
	botrian.SiteGeneric:  {"เว็บไซต์อื่น", "other sites"},
}

// handleFacets serves GET /api/v1/facets.
func (s *Server) handleFacets(c echo.Context) error {
	res, err := s.search.Search(c.Request().Context(), search.Request{Size: 1})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, facetsResponse(res))
}

// facetsResponse merges the counts of an all-documents search into each
// facet's vocabulary.
func facetsResponse(res *search.Result) FacetsResponse {
	counted := map[indexer.Facet][]search.FacetValue{}
	for _, f := range res.Facets {
		counted[f.Facet] = f.Values
	}
	var out FacetsResponse
	for _, spec := range indexer.FacetSpecs() {
		l := facetLabels[spec.Facet]
		info := FacetInfo{Facet: string(spec.Facet), Label: l[0], LabelEN: l[1], Values: []search.ResponseValue{}}
		seen := map[string]bool{}
		have := map[string]search.FacetValue{}
		for _, v := range counted[spec.Facet] {
			have[v.Value] = v
		}
		for _, v := range vocabulary(spec.Facet) {
			if h, ok := have[v.Value]; ok {
				v.Count = h.Count
			}
			seen[v.Value] = true
			info.Values = append(info.Values, v)
		}
		var rest []search.ResponseValue
		for _, v := range counted[spec.Facet] {
			if !seen[v.Value] {
				rest = append(rest, search.ResponseValue{Value: v.Value, Label: v.Label, LabelEN: v.LabelEN, Count: v.Count, Parent: v.Parent})
			}
		}
		if spec.Facet == indexer.FacetYear {
			slices.SortFunc(rest, func(a, b search.ResponseValue) int { return cmp.Compare(b.Value, a.Value) })
		}
		info.Values = append(info.Values, rest...)
		out.Facets = append(out.Facets, info)
	}
	return out
}

// vocabulary lists every value a closed facet can take, with labels and
// zero counts; nil for open facets (year, tool family).
func vocabulary(f indexer.Facet) []search.ResponseValue {
	var vs []search.ResponseValue
	switch f {
	case indexer.FacetProvince:
		for _, p := range facet.Provinces() {
			vs = append(vs, search.ResponseValue{Value: string(p.Name), Label: string(p.Name), LabelEN: p.English, Parent: string(p.Region)})
		}
	case indexer.FacetRegion:
		for _, r := range facet.Regions() {
			vs = append(vs, search.ResponseValue{Value: string(r.ID), Label: r.Thai, LabelEN: r.English})
		}
	case indexer.FacetHealthRegion:
		for n := 1; n <= 13; n++ {
			v := strconv.Itoa(n)
			vs = append(vs, search.ResponseValue{Value: v, Label: "เขตสุขภาพที่ " + v, LabelEN: "Health region " + v})
		}
	case indexer.FacetTool:
		for _, t := range facet.Tools() {
			vs = append(vs, search.ResponseValue{Value: string(t.ID), Label: t.Thai, LabelEN: t.English, Parent: t.Family})
		}
	case indexer.FacetOrg:
		for _, o := range facet.Orgs() {
			vs = append(vs, search.ResponseValue{Value: o.ID, Label: o.Thai, LabelEN: o.English})
		}
	case indexer.FacetSite:
		for _, s := range []string{botrian.SiteAreahpp, botrian.SiteGotoknow, botrian.SiteSoftganz, botrian.SiteGeneric} {
			l := siteLabels[s]
			vs = append(vs, search.ResponseValue{Value: s, Label: l[0], LabelEN: l[1]})
		}
	case indexer.FacetSection:
		for _, k := range facet.SectionKinds() {
			vs = append(vs, search.ResponseValue{Value: string(k.ID), Label: k.Thai, LabelEN: k.English})
		}
	}
	return vs
}
