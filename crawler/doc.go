// Package crawler turns web pages and local files into botrian.Documents.
//
// It has two halves. The fetching half (fetch*.go, frontier*.go, crawl*.go,
// canon*.go, robots*.go, sitemap*.go, pages*.go) crawls sites politely and
// keeps raw pages. The extraction half (extract.go and one file per site
// profile: areahpp.go, gotoknow.go, softganz.go, generic.go, plus text.go for
// plain-text pages) turns one page into a clean Document: Extract picks the
// profile by host and then by markup or text signature, converts the charset
// to UTF-8, strips that style's boilerplate (theme credits, Check Also and
// related-post boxes, comments, share bars, sidebars, footers, icon-name
// leaks, photo captions) and records what the page shows: title, the date
// text exactly as printed, author, tags, categories, project, body
// paragraphs, labelled sections and outgoing links.
//
// Which pages become documents is decided by URL path (each style's article
// pattern; listings, feeds and sub-pages never) and, where the path does
// not say, by markup (a single post against a list of post entries), never
// by host name, so a mirror or a local copy of a site behaves like the
// original (shape.go).
//
// A crawl appends documents to documents.jsonl in batches (the last line of
// an ID wins) and compacts the file to one line per document at the end of
// each run, dropping documents tombstoned in crawl.db: pages that answered
// 404 or 410 on a re-crawl, and former primaries of duplicate sets
// (groups.go). Import reads local .html, .htm and .txt files through the
// same profiles, ExtractFS does the same for a file system (the embedded
// demo corpus), and MergeDocuments upserts documents into a
// documents.jsonl file atomically.
//
// The package hands on raw strings. It does not interpret meaning: which
// province, year or tool a text is about is the indexer's job.
package crawler
