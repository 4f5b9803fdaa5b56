package facet

import (
	"fmt"
	"strings"
)

// Report renders f for a curator: every value, then the spans that produced
// it, as "field[start:end] «text» (rule)". Years are shown in CE and BE.
func (f Facts) Report() string {
	var b strings.Builder
	line := func(name string, vals any) { fmt.Fprintf(&b, "%-20s %v\n", name+":", vals) }
	line("provinces", f.Provinces)
	line("mentioned provinces", f.MentionedProvinces)
	if f.HasPublished {
		line("published", f.Published)
	} else {
		line("published", "unknown")
	}
	if f.Year > 0 {
		line("year", fmt.Sprintf("%d (พ.ศ. %d)", f.Year, f.Year+543))
	} else {
		line("year", "unknown")
	}
	line("event years", f.EventYears)
	line("mentioned years", f.MentionedYears)
	line("tools", f.Tools)
	line("mentioned tools", f.MentionedTools)
	line("assembly levels", f.AssemblyLevels)
	line("orgs", f.Orgs)
	line("section kinds", f.SectionKinds)
	b.WriteString("\nevidence:\n")
	for _, e := range f.Evidence {
		fmt.Fprintf(&b, "  %-18s %-22s %s[%d:%d] «%s» (%s)\n", e.Facet, e.Value, e.Field, e.Start, e.End, e.Text, e.Rule)
	}
	return b.String()
}
