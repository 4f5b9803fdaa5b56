// Package facet extracts the facts users filter by from one document's
// fields: provinces (primary and mentioned), years (published, event and the
// one facet year), tools of participatory health public policy (assemblies,
// HIA, charters, funds, ...) with the assembly levels, organisations and
// section kinds.
//
// It sits between the crawler's botrian.Document and the indexer: the indexer
// copies a Document into an Input, calls Extract, and indexes the Facts. The
// tables (77 provinces with ISO codes, aliases, regions and health regions;
// the tool taxonomy; organisation acronyms; Thai months) are written by us as
// Go data and are immutable; lookups (LookupProvince, LookupTool, LookupOrg,
// ParseYear) serve query parsing in search and api.
//
// Matching is one pass per field: an Aho–Corasick automaton (ac.go), built
// once over every literal of the tables (lex.go: province forms, English
// names, sub-regions, tool and organisation names, acronym dot variants,
// month forms, year words), reports all occurrences; the few regexps left
// (dates, tool variants, province abbreviations) are tried anchored at the
// starts the automaton found, and overlaps are resolved with a byte mask,
// so extraction is linear in the text whatever the size of the tables.
//
// Every extracted value carries Evidence: the field, the byte offsets into
// that field's original text and the span, so a curator can see why a
// document has a facet. Text is normalised internally (NFC, Thai digits to
// ASCII, NBSP to space, zero-width characters removed) without losing those
// offsets.
//
// The package is pure: it does no I/O, keeps no mutable state, and imports
// neither the root package nor bleve or goquery. It does not strip
// boilerplate; its input must already be the article alone (the crawler's
// job), because a province in a "Check Also" box must never become a facet.
// As a safety net, a body line that is exactly a related-links heading
// ("หัวข้อที่เกี่ยวข้อง", "Check Also") ends the article for Extract.
package facet
