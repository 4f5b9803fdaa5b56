package search

import (
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/botrian/botrian/indexer"
)

// group is a set of facets that filter and count together. Facets of one
// hierarchy (region and health region over province; family over tool) form
// one group, so that their counts are taken under the same filters and a
// parent's count agrees with its children's.
type group string

const (
	groupPlace   group = "place"
	groupYear    group = "year"
	groupTool    group = "tool"
	groupOrg     group = "org"
	groupSite    group = "site"
	groupSection group = "section"
)

var groups = []group{groupPlace, groupYear, groupTool, groupOrg, groupSite, groupSection}

// groupYearRange holds year_from/year_to. No facet counts in it, so the
// range narrows every facet, the year histogram included: a year outside
// the range is never offered with a count it cannot deliver.
const groupYearRange group = "year_range"

// filterGroups are the groups whose filters withFilters applies.
var filterGroups = append(groups[:len(groups):len(groups)], groupYearRange)

// groupOf returns the group a facet counts in.
func groupOf(f indexer.Facet) group {
	switch f {
	case indexer.FacetProvince, indexer.FacetRegion, indexer.FacetHealthRegion:
		return groupPlace
	case indexer.FacetYear:
		return groupYear
	case indexer.FacetTool, indexer.FacetToolFamily:
		return groupTool
	case indexer.FacetOrg:
		return groupOrg
	case indexer.FacetSite:
		return groupSite
	}
	return groupSection
}

// filterQueries returns one query per group with an active filter.
func filterQueries(f Filters) map[group]query.Query {
	out := map[group]query.Query{}
	var place []query.Query
	if q := anyTerm(indexer.FieldProvince, f.Provinces); q != nil {
		place = append(place, q)
	}
	if q := anyTerm(indexer.FieldRegion, f.Regions); q != nil {
		place = append(place, q)
	}
	if q := anyTerm(indexer.FieldHealthRegion, itoas(f.HealthRegions)); q != nil {
		place = append(place, q)
	}
	if len(place) > 0 {
		out[groupPlace] = conj(place)
	}
	if q := anyTerm(indexer.FieldYear, itoas(f.Years)); q != nil {
		out[groupYear] = q
	}
	if f.YearFrom != 0 || f.YearTo != 0 {
		var lo, hi *float64
		if f.YearFrom != 0 {
			v := float64(f.YearFrom)
			lo = &v
		}
		if f.YearTo != 0 {
			v := float64(f.YearTo)
			hi = &v
		}
		t := true
		r := bleve.NewNumericRangeInclusiveQuery(lo, hi, &t, &t)
		r.SetField(indexer.FieldYearNum)
		out[groupYearRange] = r
	}
	for _, g := range []struct {
		g      group
		field  string
		values []string
	}{
		{groupTool, indexer.FieldTool, f.Tools},
		{groupOrg, indexer.FieldOrg, f.Orgs},
		{groupSite, indexer.FieldSite, f.Sites},
		{groupSection, indexer.FieldSection, f.Sections},
	} {
		if q := anyTerm(g.field, g.values); q != nil {
			out[g.g] = q
		}
	}
	return out
}

// anyTerm matches documents with any of values in a keyword field.
func anyTerm(field string, values []string) query.Query {
	if len(values) == 0 {
		return nil
	}
	qs := make([]query.Query, 0, len(values))
	for _, v := range values {
		qs = append(qs, termQ(field, v, 1))
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

func termQ(field, term string, boost float64) *query.TermQuery {
	q := bleve.NewTermQuery(term)
	q.SetField(field)
	if boost != 1 {
		q.SetBoost(boost)
	}
	return q
}

func conj(qs []query.Query) query.Query {
	if len(qs) == 0 {
		return nil
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

func disj(qs []query.Query) query.Query {
	if len(qs) == 0 {
		return nil
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

func itoas(ns []int) []string {
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		out = append(out, strconv.Itoa(n))
	}
	return out
}

// withFilters combines a scoring query with the filters of every group
// except skip ("" skips none). Filters do not score.
func withFilters(text query.Query, fq map[group]query.Query, skip group) query.Query {
	var fs []query.Query
	for _, g := range filterGroups {
		if q, ok := fq[g]; ok && g != skip {
			fs = append(fs, q)
		}
	}
	if len(fs) == 0 {
		return text
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(text)
	b.AddFilter(conj(fs))
	return b
}
