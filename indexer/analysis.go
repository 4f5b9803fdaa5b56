package indexer

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/botrian/botrian/indexer/thai"
)

// TokenizerName is the bleve tokenizer that cuts Thai into words with
// thai.Segmenter. Its optional config key "words" ([]interface{} of
// strings) adds a user dictionary, so an index mapping can carry one;
// "subwords" (bool, default true) turns search mode off when false.
const TokenizerName = "botrian_thai"

// QueryTokenizerName is TokenizerName without search mode.
const QueryTokenizerName = "botrian_thai_query"

// AnalyzerName is the analyzer for every Thai text field: the
// TokenizerName tokenizer alone. Terms are normalised by the segmenter
// (thai.Normalize), so no filter changes byte lengths or offsets.
const AnalyzerName = "botrian_thai"

// QueryAnalyzerName is AnalyzerName without search mode: the primary cut
// only. Use it for match queries (MatchQuery.Analyzer), so that a query
// word finds the compounds that contain it (their sub-words are indexed)
// without the query itself being widened to its own sub-words
// (ชุมพร must not match ชุมชน through ชุม).
const QueryAnalyzerName = "botrian_thai_query"

func init() {
	registry.RegisterTokenizer(TokenizerName, newTokenizer)
	registry.RegisterTokenizer(QueryTokenizerName, func(config map[string]interface{}, c *registry.Cache) (analysis.Tokenizer, error) {
		return newTokenizer(map[string]interface{}{"words": config["words"], "subwords": false}, c)
	})
	for name, tok := range map[string]string{AnalyzerName: TokenizerName, QueryAnalyzerName: QueryTokenizerName} {
		registry.RegisterAnalyzer(name, func(_ map[string]interface{}, c *registry.Cache) (analysis.Analyzer, error) {
			t, err := c.TokenizerNamed(tok)
			if err != nil {
				return nil, fmt.Errorf("analyzer %s: %w", name, err)
			}
			return &analysis.DefaultAnalyzer{Tokenizer: t}, nil
		})
	}
}

func newTokenizer(config map[string]interface{}, _ *registry.Cache) (analysis.Tokenizer, error) {
	sub := true
	if v, ok := config["subwords"]; ok {
		if sub, ok = v.(bool); !ok {
			return nil, fmt.Errorf("tokenizer %s: subwords: want a bool, got %T", TokenizerName, v)
		}
	}
	raw := config["words"]
	if raw == nil {
		return tokenizer{thai.Default(), sub}, nil
	}
	list, ok := raw.([]interface{})
	if s, isStrings := raw.([]string); isStrings {
		list, ok = make([]interface{}, len(s)), true
		for i := range s {
			list[i] = s[i]
		}
	}
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
	return tokenizer{seg, sub}, nil
}

// tokenizer adapts thai.Segmenter to bleve: indexable tokens only,
// Position 1-based, Start/End in bytes of the field text, and in search
// mode the dictionary sub-words of a compound at the compound's position.
type tokenizer struct {
	seg      *thai.Segmenter
	subwords bool
}

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
		if t.subwords {
			sub = t.seg.AppendSubWords(sub[:0], text, tk)
			for _, s := range sub {
				stream = append(stream, newToken(s, pos))
			}
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
