// Package collections keeps curators' collections: named, ordered sets of
// documents (by botrian.DocID) with a note on each, such as a
// knowledge-management team's "กรณีศึกษาธรรมนูญสุขภาพภาคใต้" (southern
// health-charter cases).
//
// A Store is one bbolt file, by default DATA/collections.db beside the
// index. It holds only IDs and curators' text: the documents themselves
// stay in the index, and a collection may name a document the index no
// longer holds (the API shows it as missing). The file format is specified
// in store.go.
//
// The package validates what it stores (titles, notes, document IDs) and
// reports bad input as *ValidationError, unknown collections and items as
// ErrNotFound, and duplicates as ErrExists. It knows nothing of HTTP; the
// api package maps these errors to statuses.
package collections
