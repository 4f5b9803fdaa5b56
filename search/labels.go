package search

import (
	"strconv"
	"strings"

	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/indexer/facet"
)

// This file maps facet values between their canonical form (what the index
// holds), what users type, and the Thai and English labels shown beside them.

func canonicalProvince(s string) string {
	if p, ok := facet.LookupProvince(s); ok {
		return string(p.Name)
	}
	return s
}

func isProvince(s string) bool { _, ok := facet.Province(s).Info(); return ok }

func canonicalRegion(s string) string {
	if r, ok := facet.LookupRegion(s); ok {
		return string(r.ID)
	}
	return s
}

func canonicalTool(s string) string {
	if t, ok := facet.LookupTool(s); ok {
		return string(t.ID)
	}
	return s
}

func isTool(s string) bool { _, ok := facet.Tool(s).Info(); return ok }

func canonicalOrg(s string) string {
	if o, ok := facet.LookupOrg(s); ok {
		return string(o.ID)
	}
	return s
}

func isOrg(s string) bool {
	o, ok := facet.LookupOrg(s)
	return ok && string(o.ID) == s
}

func canonicalSection(s string) string {
	for _, k := range facet.SectionKinds() {
		if strings.EqualFold(string(k.ID), s) || k.Thai == s || strings.EqualFold(k.English, s) {
			return string(k.ID)
		}
	}
	if k, ok := facet.ClassifySection(s); ok {
		return string(k)
	}
	return s
}

func isSection(s string) bool {
	for _, k := range facet.SectionKinds() {
		if string(k.ID) == s {
			return true
		}
	}
	return false
}

// label returns the Thai and English labels and the parent value of a
// facet value as the index holds it.
func label(f indexer.Facet, v string) (th, en, parent string) {
	switch f {
	case indexer.FacetProvince:
		if p, ok := facet.Province(v).Info(); ok {
			return string(p.Name), p.English, string(p.Region)
		}
	case indexer.FacetRegion:
		if r, ok := facet.LookupRegion(v); ok {
			return r.Thai, r.English, ""
		}
	case indexer.FacetHealthRegion:
		return "เขตสุขภาพที่ " + v, "Health region " + v, ""
	case indexer.FacetYear:
		if y, err := strconv.Atoi(v); err == nil {
			return strconv.Itoa(y + 543), v, ""
		}
	case indexer.FacetTool:
		if t, ok := facet.Tool(v).Info(); ok {
			return t.Thai, t.English, t.Family
		}
	case indexer.FacetToolFamily:
		if th, en, ok := familyLabel(v); ok {
			return th, en, ""
		}
	case indexer.FacetOrg:
		if o, ok := facet.LookupOrg(v); ok {
			return o.Thai, o.English, ""
		}
	case indexer.FacetSection:
		for _, k := range facet.SectionKinds() {
			if string(k.ID) == v {
				return k.Thai, k.English, ""
			}
		}
	}
	return v, v, ""
}

// familyLabel names the tool families of facet.ToolInfo.Family.
func familyLabel(id string) (th, en string, ok bool) {
	switch id {
	case "assembly":
		return "สมัชชาสุขภาพ", "health assemblies", true
	case "hia":
		return "การประเมินผลกระทบด้านสุขภาพ", "health impact assessment", true
	case "charter":
		return "ธรรมนูญสุขภาพ", "health charters", true
	case "fund":
		return "กองทุน", "funds", true
	case "planning":
		return "แผนและแผนที่", "plans and maps", true
	case "knowledge":
		return "การจัดการความรู้", "knowledge and lessons", true
	case "other":
		return "อื่น ๆ", "other", true
	}
	return "", "", false
}
