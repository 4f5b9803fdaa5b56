// Package search answers user queries over a Botrian index.
//
// It sits between the indexer and the api: a Request (the query as typed,
// facet filters, sort and page) becomes a bleve query built in Go, never a
// bleve query string, and the result becomes a Result of hits with
// highlighted snippets and facet counts.
//
// Query understanding (query.go) reads Thai as users type it: unspaced Thai
// runs are cut with the index's own analyzer and mean all of their words
// (with adjacent words rewarded), Thai digits and Buddhist-Era years are
// years, province nicknames, organisation acronyms and tool abbreviations
// expand to their canonical forms, English province and tool names match
// the Thai documents, and typo tolerance applies only to Latin terms and to
// Thai terms of six runes or more that the index does not know.
//
// Facets (facets.go) are disjunctive: a facet's counts are taken under every
// active filter except its own group's (place: region, health region,
// province; tool: family, tool), one Size-0 search per active group, run in
// parallel, so that a parent's count always agrees with its children's.
// Counts of broad searches are cached per index generation.
//
// Snippets (snippet.go) are cut from the stored text of the field that
// matched, on Thai word boundaries, HTML-escaped with <mark> around hits.
//
// The package does not speak HTTP: Response is the JSON body that the api
// and 'botrian search --json' both print.
package search
