// Package botrian holds the vocabulary shared by every stage of the pipeline:
// the Document that the crawler hands to the indexer, and its Sections, with
// the JSONL file that carries them (WriteDocument, ReadDocuments).
//
// It is the pipeline's leaf: crawler → documents.jsonl → indexer → search →
// api all import it, and it imports nothing from the repository. It does no
// I/O of its own beyond the readers and writers it is given, and it holds the
// demo corpus that 'botrian demo' indexes (DemoCorpus).
//
// A Document carries raw strings only. Meaning (which province, which year,
// which tool) is the indexer's to extract; the crawler records what the page
// shows, for example the date text exactly as printed.
//
// # JSONL format
//
// documents.jsonl holds one Document a line, encoded with encoding/json using
// the field tags on Document. Unknown fields are ignored on read, so a newer
// writer stays readable. Lines are appended; when the same ID appears more
// than once, the last line wins.
package botrian
