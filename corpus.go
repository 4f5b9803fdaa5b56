package botrian

import "embed"

// DemoCorpus is the bundled demo corpus that `botrian demo` indexes.
//
// It holds field reports written by the Botrian team in the HTML shapes of
// the three site styles, one folder each: testdata/corpus/areahpp,
// testdata/corpus/gotoknow and testdata/corpus/softganz (*.html, with each
// style's boilerplate left in so that stripping matters). Beside them,
// testdata/corpus/truth.tsv says what each page is about (provinces, year,
// tools, organisations), testdata/corpus/queries.tsv pairs queries with the
// files that should rank first, and testdata/corpus/README.md describes the
// set. Paths inside the FS start with "testdata/corpus/".
//
//go:embed testdata/corpus
var DemoCorpus embed.FS
