// Command botrian crawls, imports, indexes and serves Thai field narratives
// about participatory health public policy. See the README for the workflow.
//
// It is the only package that imports every stage of the pipeline: crawl,
// extract and import write documents.jsonl (package crawler), index builds
// index.bleve from it (indexer), search and serve answer over it (search,
// api), and demo runs all of them over the bundled corpus. inspect and
// segment expose the facet extractor and the Thai segmenter.
//
// Each subcommand is one file: it parses its flags (flags, parseFlags),
// builds the packages' Configs, calls them and prints a summary. Logic,
// defaults and validation belong to the packages; the files here stay
// under about 100 lines. Everything lives in one data directory, --data
// DIR (default ./botrian-data).
package main
