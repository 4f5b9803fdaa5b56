package indexer

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/botrian/botrian/indexer/thai"
)

// TokenizerName is the bleve tokenizer that cuts Thai into words with
// thai.Segmenter. Its optional config key "words" ([]interface{} of
// strings) adds a user dictionary, so an index mapping can carry one.
const TokenizerName = "botrian_thai"

// AnalyzerName is the analyzer for every Thai text field: the
// TokenizerName tokenizer alone. Terms are normalised by the segmenter
// (thai.Normalize), so no filter changes byte lengths or offsets.
const AnalyzerName = "botrian_thai"

func init() {
	registry.RegisterTokenizer(TokenizerName, newTokenizer)
	registry.RegisterAnalyzer(AnalyzerName, func(_ map[string]interface{}, c *registry.Cache) (analysis.Analyzer, error) {
		tok, err := c.TokenizerNamed(TokenizerName)
		if err != nil {
			return nil, fmt.Errorf("analyzer %s: %w", AnalyzerName, err)
		}
		return &analysis.DefaultAnalyzer{Tokenizer: tok}, nil
	})
}

func newTokenizer(config map[string]interface{}, _ *registry.Cache) (analysis.Tokenizer, error) {
	raw, ok := config["words"]
	if !ok {
		return tokenizer{thai.Default()}, nil
	}
	list, ok := raw.([]interface{})
	if !ok {
		return nil, fmt.Errorf("tokenizer %s: words: want a list, got %T", TokenizerName, raw)
	}
	words := make([]string, len(list))
	for i, w := range list {
		if words[i], ok = w.(string); !ok {
			return nil, fmt.Errorf("tokenizer %s: words[%d]: want a string, got %T", TokenizerName, i, w)
		}
	}
	seg, err := thai.New(thai.Config{Words: words})
	if err != nil {
		return nil, fmt.Errorf("tokenizer %s: %w", TokenizerName, err)
	}
	return tokenizer{seg}, nil
}

// tokenizer adapts thai.Segmenter to bleve: indexable tokens only,
// Position 1-based, Start/End in bytes of the field text, and in search
// mode the dictionary sub-words of a compound at the compound's position.
type tokenizer struct{ seg *thai.Segmenter }

func (t tokenizer) Tokenize(input []byte) analysis.TokenStream {
	text := string(input)
	toks := t.seg.Segment(text)
	var sub []thai.Token
	stream := make(analysis.TokenStream, 0, len(toks)/2+1)
	pos := 0
	for _, tk := range toks {
		if !tk.Kind.Indexable() {
			continue
		}
		pos++
		stream = append(stream, newToken(tk, pos))
		sub = t.seg.AppendSubWords(sub[:0], text, tk)
		for _, s := range sub {
			stream = append(stream, newToken(s, pos))
		}
	}
	return stream
}

func newToken(tk thai.Token, pos int) *analysis.Token {
	typ := analysis.AlphaNumeric
	if tk.Kind == thai.Number {
		typ = analysis.Numeric
	}
	return &analysis.Token{Term: []byte(tk.Text), Start: tk.Start, End: tk.End, Position: pos, Type: typ}
}
