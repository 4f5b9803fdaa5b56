// Package indexer turns documents into a searchable bleve index.
//
// It sits between the crawler and search: it reads botrian.Documents
// (documents.jsonl), extracts their facts with indexer/facet (provinces,
// years, tools, organisations, section kinds), analyses Thai text with the
// segmenter of indexer/thai (registered with bleve in analysis.go), and
// writes a bleve v2 index whose fields are specified in mapping.go.
//
// It does not fetch pages, interpret queries or serve HTTP.
package indexer
