package thai

// AppendSubWords appends to dst the dictionary words inside tok, a Word
// token of text: every word, other than tok itself, that lies on some cut
// of tok into dictionary words only (so สุขภาพ and สมัชชา inside
// สมัชชาสุขภาพ). Offsets are into text. Other kinds have no sub-words.
// Search mode indexes them at their compound's position.
func (s *Segmenter) AppendSubWords(dst []Token, text string, tok Token) []Token {
	if tok.Kind != Word || tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End {
		return dst
	}
	sc := s.scratch.Get().(*scratch)
	defer s.scratch.Put(sc)
	if scanThai(text[:tok.End], tok.Start, sc) != tok.End {
		return dst
	}
	u := sc.units
	m := len(u)
	if cap(sc.known) < 2*(m+1) {
		sc.known = make([]bool, 2*(m+1))
	}
	fwd, bwd := sc.known[:m+1], sc.known[m+1:2*(m+1)]
	clear(fwd)
	clear(bwd)
	// edges are (from, to) pairs of unit indexes of known words.
	edges := sc.segs[:0]
	fwd[0] = true
	for i := 0; i < m; i++ {
		if !fwd[i] {
			continue
		}
		for _, t := range s.dicts {
			node := rootNode
			for k := i; k < m; k++ {
				if node = t.next(node, int(u[k].sym)); node == 0 {
					break
				}
				if t.final(node) && (k+1 == m || u[k+1].brk) && !(i == 0 && k+1 == m) {
					fwd[k+1] = true
					edges = append(edges, span{from: int32(i), to: int32(k + 1), known: true})
				}
			}
		}
	}
	bwd[m] = true
	for x := len(edges) - 1; x >= 0; x-- {
		// Edges are ordered by their start, so every edge leaving e.to
		// comes later and has been seen.
		if e := edges[x]; bwd[e.to] {
			bwd[e.from] = true
		}
	}
	sc.segs = edges
	for _, e := range edges {
		if bwd[e.to] {
			a, b := sc.pos(int(e.from)), sc.pos(int(e.to))
			dst = append(dst, Token{Text: normalized(text[a:b]), Start: a, End: b, Kind: Word})
		}
	}
	return dst
}
