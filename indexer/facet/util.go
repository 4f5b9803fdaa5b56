package facet

import (
	"cmp"
	"slices"
)

func sortByLenDesc(s []string) {
	slices.SortStableFunc(s, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
}

func sortMentions(ms []mention) {
	slices.SortFunc(ms, func(a, b mention) int { return cmp.Compare(a.start, b.start) })
}
