// Package thai cuts Thai text into words for indexing and search.
//
// Thai is written without spaces between words. Segmenter finds the cut of
// each run of Thai characters into dictionary words that leaves the fewest
// characters unknown, then uses the fewest words (maximal matching, the
// approach of PyThaiNLP's newmm), never cutting inside a Thai character
// cluster (a consonant with its vowels and marks). Characters no dictionary
// word covers are kept together as Unknown tokens between known words. Latin
// words, numbers, punctuation, spaces and the repetition mark ๆ are tokens
// of their own. Time is linear in the input whatever its ambiguity.
//
// The dictionary is ICU's Thai word list (Unicode License, see
// dict/LICENSE-ICU.txt), extracted from Debian's libicu72 by gen/icu.sh,
// filtered by dict/exclude.txt and extended by our domain lexicon
// dict/domain.txt (health-policy terms, organisations, provinces), compiled
// to a double-array trie (dict.bin) that is embedded and read in place.
// Config.Words adds a user dictionary at run time.
//
// Tokens carry byte offsets into the original text, so that highlights on
// the stored text land on whole words, and a normalised Text (see
// Normalize) for the index. Search mode (AppendSubWords) adds the
// meaningful dictionary words inside a compound (two syllables or more, or
// listed in dict/subwords.txt).
//
// The package imports neither bleve nor any HTML library; indexer glues it
// to bleve.
package thai
