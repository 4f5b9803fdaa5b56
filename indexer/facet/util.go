package facet

import (
	"cmp"
	"slices"
	"strings"
)

func sortByLenDesc(s []string) {
	slices.SortStableFunc(s, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
}

func sortMentions(ms []mention) {
	slices.SortFunc(ms, func(a, b mention) int { return cmp.Compare(a.start, b.start) })
}

// dropDotsSpaces returns s without '.' and ' '.
func dropDotsSpaces(s string) string {
	if !strings.ContainsAny(s, ". ") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '.' || r == ' ' {
			return -1
		}
		return r
	}, s)
}
