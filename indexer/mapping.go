package indexer

import (
	"fmt"
	"strings"

	// The "custom" analyzer type composes the user-dictionary analyzer.
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// MappingVersion identifies the field table below and the stored Entry
// format (FieldSource). Bump it whenever a field or a stored fact
// is added, removed or analysed differently; Open refuses an index built
// under another version and asks for a reindex.
const MappingVersion = 2

// Field names of the index. Every indexed document is a flat map with these
// keys; the table fields gives each one's analysis.
const (
	FieldID      = "id"      // keyword, stored: the document ID (botrian.DocID of the canonical URL)
	FieldURL     = "url"     // stored only
	FieldSite    = "site"    // keyword facet: areahpp, gotoknow, softganz, generic
	FieldTitle   = "title"   // Thai text, stored with term vectors (highlighted)
	FieldBody    = "body"    // Thai text, stored with term vectors (highlighted)
	FieldTags    = "tags"    // Thai text, stored with term vectors
	FieldProject = "project" // Thai text, stored (softganz project title)
	FieldAuthor  = "author"  // keyword, stored

	FieldProvince          = "province"           // keyword facet: primary provinces, canonical Thai names
	FieldProvinceMentioned = "province_mentioned" // keyword: provinces only mentioned
	FieldRegion            = "region"             // keyword facet: NSO region ids of the primary provinces
	FieldHealthRegion      = "health_region"      // keyword facet: "1".."13" of the primary provinces
	FieldYear              = "year"               // keyword facet: the document year, CE, as decimal text
	FieldYearNum           = "year_n"             // numeric: the document year, CE, for ranges and sorting
	FieldEventYears        = "event_years"        // keyword: every event year in the body, CE
	FieldPublished         = "published"          // keyword, stored: publication date YYYY-MM-DD (or YYYY-MM, YYYY)
	FieldSortDate          = "sort_date"          // keyword: published date, else the year; for newest/oldest
	FieldTool              = "tool"               // keyword facet: primary tool ids (a child implies its parent)
	FieldToolMentioned     = "tool_mentioned"     // keyword: tools only mentioned
	FieldToolFamily        = "tool_family"        // keyword facet: families of the primary tools
	FieldOrg               = "org"                // keyword facet: canonical organisation acronyms
	FieldSection           = "section"            // keyword facet: section kinds the document has
	FieldSource            = "source"             // stored only: the document and its facts as JSON (see Stored)

	// sectionFieldPrefix + a section kind ("sec_obstacles") holds that
	// section's text: Thai text, stored with term vectors, so that a search
	// can be scoped to a section and its snippet taken from it.
	sectionFieldPrefix = "sec_"
)

// SectionField returns the text field holding sections of the given kind.
func SectionField(kind string) string { return sectionFieldPrefix + kind }

type fieldKind int

const (
	textField    fieldKind = iota // Thai analysed, stored, term vectors
	keywordField                  // exact term, doc values for facets and sorting
	numberField                   // numeric, doc values
	storedField                   // stored only, not searchable
)

type field struct {
	name  string
	kind  fieldKind
	inAll bool // searched by unqualified query terms
	store bool
}

// fields is the one table of the index's fields.
var fields = []field{
	{FieldID, keywordField, false, true},
	{FieldURL, storedField, false, true},
	{FieldSite, keywordField, false, true},
	{FieldTitle, textField, true, true},
	{FieldBody, textField, true, true},
	{FieldTags, textField, true, true},
	{FieldProject, textField, true, true},
	{FieldAuthor, keywordField, false, true},
	{FieldProvince, keywordField, false, true},
	{FieldProvinceMentioned, keywordField, false, true},
	{FieldRegion, keywordField, false, false},
	{FieldHealthRegion, keywordField, false, false},
	{FieldYear, keywordField, false, true},
	{FieldYearNum, numberField, false, false},
	{FieldEventYears, keywordField, false, false},
	{FieldPublished, keywordField, false, true},
	{FieldSortDate, keywordField, false, false},
	{FieldTool, keywordField, false, true},
	{FieldToolMentioned, keywordField, false, true},
	{FieldToolFamily, keywordField, false, false},
	{FieldOrg, keywordField, false, true},
	{FieldSection, keywordField, false, false},
	{FieldSource, storedField, false, true},
}

// Facet names a facet users filter and count by.
type Facet string

// The facets. Their fields and default sizes are in FacetSpecs.
const (
	FacetProvince     Facet = "province"
	FacetRegion       Facet = "region"
	FacetHealthRegion Facet = "health_region"
	FacetYear         Facet = "year"
	FacetTool         Facet = "tool"
	FacetToolFamily   Facet = "tool_family"
	FacetOrg          Facet = "org"
	FacetSite         Facet = "site"
	FacetSection      Facet = "section"
)

// FacetSpec says where a facet lives in the index and how many values to count.
type FacetSpec struct {
	Facet Facet
	Field string
	Size  int // large enough to count every value the facet can take
}

var facetSpecs = []FacetSpec{
	{FacetProvince, FieldProvince, 80},
	{FacetRegion, FieldRegion, 10},
	{FacetHealthRegion, FieldHealthRegion, 15},
	{FacetYear, FieldYear, 100},
	{FacetTool, FieldTool, 30},
	{FacetToolFamily, FieldToolFamily, 15},
	{FacetOrg, FieldOrg, 60},
	{FacetSite, FieldSite, 10},
	{FacetSection, FieldSection, 10},
}

// FacetSpecs returns every facet with its field and size, in display order.
func FacetSpecs() []FacetSpec { return append([]FacetSpec(nil), facetSpecs...) }

// ParseFacet returns the facet named s.
func ParseFacet(s string) (FacetSpec, error) {
	for _, f := range facetSpecs {
		if string(f.Facet) == s {
			return f, nil
		}
	}
	return FacetSpec{}, fmt.Errorf("unknown facet %q", s)
}

// MappingConfig adjusts the index mapping.
type MappingConfig struct {
	// UserWords are extra dictionary words for the Thai tokenizer. They are
	// stored in the index mapping, so every reader of the index segments
	// queries the same way the index was built.
	UserWords []string
	// SectionKinds are the section kinds that get their own text field.
	SectionKinds []string
}

// NewMapping builds the index mapping from the field table.
func NewMapping(cfg MappingConfig) (*mapping.IndexMappingImpl, error) {
	im := mapping.NewIndexMapping()
	analyzer := AnalyzerName
	if len(cfg.UserWords) > 0 {
		words := make([]interface{}, 0, len(cfg.UserWords))
		for _, w := range cfg.UserWords {
			if w = strings.TrimSpace(w); w != "" {
				words = append(words, w)
			}
		}
		const tok, ana = "botrian_thai_user", "botrian_thai_user"
		if err := im.AddCustomTokenizer(tok, map[string]interface{}{"type": TokenizerName, "words": words}); err != nil {
			return nil, fmt.Errorf("user tokenizer: %w", err)
		}
		if err := im.AddCustomAnalyzer(ana, map[string]interface{}{"type": "custom", "tokenizer": tok}); err != nil {
			return nil, fmt.Errorf("user analyzer: %w", err)
		}
		analyzer = ana
	}
	im.DefaultAnalyzer = analyzer
	im.ScoringModel = "bm25"

	dm := mapping.NewDocumentStaticMapping()
	all := fields
	for _, k := range cfg.SectionKinds {
		all = append(all[:len(all):len(all)], field{SectionField(k), textField, false, true})
	}
	for _, f := range all {
		dm.AddFieldMappingsAt(f.name, fieldMapping(f, analyzer))
	}
	im.DefaultMapping = dm
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	return im, nil
}

func fieldMapping(f field, analyzer string) *mapping.FieldMapping {
	var fm *mapping.FieldMapping
	switch f.kind {
	case textField:
		fm = mapping.NewTextFieldMapping()
		fm.Analyzer = analyzer
		fm.IncludeTermVectors = true
		fm.DocValues = false
	case keywordField:
		fm = mapping.NewKeywordFieldMapping()
		fm.Analyzer = keyword.Name
		fm.DocValues = true
		fm.IncludeTermVectors = false
	case numberField:
		fm = mapping.NewNumericFieldMapping()
		fm.DocValues = true
	case storedField:
		fm = mapping.NewTextFieldMapping()
		fm.Index = false
		fm.DocValues = false
		fm.IncludeTermVectors = false
	}
	fm.Name = f.name
	fm.Store = f.store
	fm.IncludeInAll = f.inAll
	return fm
}
