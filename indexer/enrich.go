package indexer

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/indexer/facet"
)

// Entry is a document with the facts extracted from it: what the index
// stores in FieldSource and what the API returns for a document.
type Entry struct {
	Document botrian.Document `json:"document"`
	Facts    Facts            `json:"facts"`
}

// Facts are the facet values of one document, in the form the API shows.
type Facts struct {
	Provinces          []string `json:"provinces"`
	MentionedProvinces []string `json:"mentioned_provinces"`
	Regions            []string `json:"regions"`
	HealthRegions      []int    `json:"health_regions"`
	// Year is the document year in CE (0 when unknown); YearBE is Year + 543.
	Year   int `json:"year,omitempty"`
	YearBE int `json:"year_be,omitempty"`
	// Published is the publication date as YYYY-MM-DD, YYYY-MM or YYYY (CE).
	Published      string   `json:"published,omitempty"`
	EventYears     []int    `json:"event_years"`
	MentionedYears []int    `json:"mentioned_years"`
	Tools          []string `json:"tools"`
	MentionedTools []string `json:"mentioned_tools"`
	ToolFamilies   []string `json:"tool_families"`
	// AssemblyLevels are the levels of the health assemblies the text
	// speaks of (provincial, regional, district, subdistrict, national, issue).
	AssemblyLevels []string `json:"assembly_levels"`
	Orgs           []string `json:"orgs"`
	// SectionKinds is aligned with Document.Sections; "" where a heading
	// is not one of the known kinds.
	SectionKinds []string `json:"section_kinds"`
	// Evidence shows, for every value above, the text that produced it.
	Evidence []Evidence `json:"evidence"`
}

// Evidence is one extracted value and the span of text it came from.
type Evidence struct {
	Facet string `json:"facet"`
	Value string `json:"value"`
	Field string `json:"field"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Rule  string `json:"rule"`
}

// FacetInput is what fact extraction reads of d: its stripped body and
// page metadata, never boilerplate.
func FacetInput(d botrian.Document) facet.Input {
	in := facet.Input{
		Site:        d.Site,
		Title:       d.Title,
		DateText:    d.DateText,
		DateMachine: d.DateMachine,
		Project:     d.Project,
		Tags:        d.Tags,
		Categories:  d.Categories,
		Body:        d.Body,
	}
	for _, s := range d.Sections {
		in.Sections = append(in.Sections, facet.InputSection{Heading: s.Heading, Text: s.Text})
	}
	return in
}

// Enrich extracts the facts of d (see FacetInput).
func Enrich(d botrian.Document) Entry {
	f := facet.Extract(FacetInput(d))
	out := Facts{
		Year:           f.Year,
		EventYears:     nonNil(f.EventYears),
		MentionedYears: nonNil(f.MentionedYears),
		Orgs:           nonNil(f.Orgs),
		AssemblyLevels: nonNil(f.AssemblyLevels),
	}
	if f.Year > 0 {
		out.YearBE = f.Year + 543
	}
	if f.HasPublished {
		out.Published = formatDate(f.Published)
	}
	for _, p := range f.Provinces {
		out.Provinces = append(out.Provinces, string(p))
		if info, ok := facet.LookupProvince(string(p)); ok {
			out.Regions = appendUnique(out.Regions, string(info.Region))
			if !slices.Contains(out.HealthRegions, info.HealthRegion) {
				out.HealthRegions = append(out.HealthRegions, info.HealthRegion)
			}
		}
	}
	for _, p := range f.MentionedProvinces {
		out.MentionedProvinces = append(out.MentionedProvinces, string(p))
	}
	for _, t := range f.Tools {
		out.Tools = append(out.Tools, string(t))
		if info, ok := facet.LookupTool(string(t)); ok && info.Family != "" {
			out.ToolFamilies = appendUnique(out.ToolFamilies, info.Family)
		}
	}
	for _, t := range f.MentionedTools {
		out.MentionedTools = append(out.MentionedTools, string(t))
	}
	for _, k := range f.SectionKinds {
		out.SectionKinds = append(out.SectionKinds, string(k))
	}
	for _, e := range f.Evidence {
		out.Evidence = append(out.Evidence, Evidence(e))
	}
	out.Provinces = nonNil(out.Provinces)
	out.MentionedProvinces = nonNil(out.MentionedProvinces)
	out.Regions = nonNil(out.Regions)
	out.HealthRegions = nonNil(out.HealthRegions)
	out.Tools = nonNil(out.Tools)
	out.MentionedTools = nonNil(out.MentionedTools)
	out.ToolFamilies = nonNil(out.ToolFamilies)
	out.SectionKinds = nonNil(out.SectionKinds)
	out.Evidence = nonNil(out.Evidence)
	return Entry{Document: d, Facts: out}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func appendUnique(s []string, v string) []string {
	if v == "" || slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

func formatDate(d facet.Date) string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// fields returns the entry as the flat map the mapping indexes.
func (e Entry) fields() (map[string]interface{}, error) {
	d, f := e.Document, e.Facts
	src, err := json.Marshal(e)
	if err != nil {
		return nil, fmt.Errorf("encode entry %s: %w", d.ID, err)
	}
	m := map[string]interface{}{
		FieldID:                d.ID,
		FieldURL:               d.URL,
		FieldSite:              d.Site,
		FieldTitle:             d.Title,
		FieldBody:              d.Body,
		FieldProvince:          f.Provinces,
		FieldProvinceMentioned: f.MentionedProvinces,
		FieldRegion:            f.Regions,
		FieldTool:              f.Tools,
		FieldToolMentioned:     f.MentionedTools,
		FieldToolFamily:        f.ToolFamilies,
		FieldOrg:               f.Orgs,
		FieldSource:            string(src),
	}
	if len(d.Tags) > 0 {
		m[FieldTags] = d.Tags
	}
	if d.Project != "" {
		m[FieldProject] = d.Project
	}
	if d.Author != "" {
		m[FieldAuthor] = d.Author
	}
	hr := make([]string, 0, len(f.HealthRegions))
	for _, n := range f.HealthRegions {
		hr = append(hr, strconv.Itoa(n))
	}
	m[FieldHealthRegion] = hr
	if f.Year > 0 {
		m[FieldYear] = strconv.Itoa(f.Year)
		m[FieldYearNum] = float64(f.Year)
	}
	ey := make([]string, 0, len(f.EventYears))
	for _, y := range f.EventYears {
		ey = append(ey, strconv.Itoa(y))
	}
	m[FieldEventYears] = ey
	if f.Published != "" {
		m[FieldPublished] = f.Published
		m[FieldSortDate] = f.Published
	} else if f.Year > 0 {
		m[FieldSortDate] = strconv.Itoa(f.Year)
	}
	var kinds []string
	secs := map[string]string{}
	for i, s := range d.Sections {
		if i >= len(f.SectionKinds) || f.SectionKinds[i] == "" || s.Text == "" {
			continue
		}
		k := f.SectionKinds[i]
		kinds = appendUnique(kinds, k)
		if prev := secs[k]; prev != "" {
			secs[k] = prev + "\n\n" + s.Text
		} else {
			secs[k] = s.Text
		}
	}
	m[FieldSection] = nonNil(kinds)
	for k, text := range secs {
		m[SectionField(k)] = text
	}
	return m, nil
}
