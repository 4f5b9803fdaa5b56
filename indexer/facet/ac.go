package facet

import (
	"cmp"
	"slices"
)

// acMatcher is an Aho–Corasick automaton over bytes: one pass over a text
// reports every occurrence of every pattern, overlapping ones included.
// It is built once (see lexicon) and immutable afterwards, so it is safe for
// concurrent use.
type acMatcher struct {
	root  [256]int32 // goto of the root; 0 means stay at the root
	nodes []acNode
	edges []acEdge // per node, sorted by byte
	outs  []int32  // pattern ids, per node
	plen  []int32  // pattern lengths by id
}

type acNode struct {
	fail, dict   int32 // failure link; nearest suffix node with output (-1 if none)
	edge0, nedge int32
	out0, nout   int32
}

type acEdge struct {
	b  byte
	to int32
}

// newACMatcher builds the automaton of patterns; a pattern's id is its
// index. Empty patterns are ignored.
func newACMatcher(patterns []string) *acMatcher {
	type bnode struct {
		next map[byte]int32
		out  []int32
	}
	bn := []bnode{{next: map[byte]int32{}}}
	m := &acMatcher{plen: make([]int32, len(patterns))}
	for id, p := range patterns {
		m.plen[id] = int32(len(p))
		if p == "" {
			continue
		}
		n := int32(0)
		for i := 0; i < len(p); i++ {
			nx, ok := bn[n].next[p[i]]
			if !ok {
				nx = int32(len(bn))
				bn = append(bn, bnode{next: map[byte]int32{}})
				bn[n].next[p[i]] = nx
			}
			n = nx
		}
		bn[n].out = append(bn[n].out, int32(id))
	}
	m.nodes = make([]acNode, len(bn))
	for i := range bn {
		keys := make([]byte, 0, len(bn[i].next))
		for b := range bn[i].next {
			keys = append(keys, b)
		}
		slices.Sort(keys)
		m.nodes[i].edge0, m.nodes[i].nedge = int32(len(m.edges)), int32(len(keys))
		for _, b := range keys {
			m.edges = append(m.edges, acEdge{b, bn[i].next[b]})
		}
		slices.Sort(bn[i].out)
		m.nodes[i].out0, m.nodes[i].nout = int32(len(m.outs)), int32(len(bn[i].out))
		m.outs = append(m.outs, bn[i].out...)
		m.nodes[i].dict = -1
	}
	for b, to := range bn[0].next {
		m.root[b] = to
	}
	// Breadth-first failure links.
	queue := make([]int32, 0, len(bn))
	for _, e := range m.edges[m.nodes[0].edge0 : m.nodes[0].edge0+m.nodes[0].nedge] {
		m.nodes[e.to].fail = 0
		queue = append(queue, e.to)
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		nd := m.nodes[n]
		for _, e := range m.edges[nd.edge0 : nd.edge0+nd.nedge] {
			f := nd.fail
			for {
				if nx, ok := m.step(f, e.b); ok {
					m.nodes[e.to].fail = nx
					break
				}
				if f == 0 {
					m.nodes[e.to].fail = 0
					break
				}
				f = m.nodes[f].fail
			}
			fl := m.nodes[e.to].fail
			if m.nodes[fl].nout > 0 {
				m.nodes[e.to].dict = fl
			} else {
				m.nodes[e.to].dict = m.nodes[fl].dict
			}
			queue = append(queue, e.to)
		}
	}
	return m
}

// step follows node n's edge for byte b.
func (m *acMatcher) step(n int32, b byte) (int32, bool) {
	if n == 0 {
		nx := m.root[b]
		return nx, nx != 0
	}
	nd := &m.nodes[n]
	es := m.edges[nd.edge0 : nd.edge0+nd.nedge]
	if len(es) <= 4 {
		for _, e := range es {
			if e.b == b {
				return e.to, true
			}
		}
		return 0, false
	}
	i, ok := slices.BinarySearchFunc(es, b, func(e acEdge, b byte) int { return cmp.Compare(e.b, b) })
	if !ok {
		return 0, false
	}
	return es[i].to, true
}

// scan calls fn for every occurrence of every pattern in s, in order of
// end offset (longer patterns first at the same end); start is end minus
// the pattern's length.
func (m *acMatcher) scan(s string, fn func(id, start, end int)) {
	n := int32(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		for {
			if nx, ok := m.step(n, c); ok {
				n = nx
				break
			}
			if n == 0 {
				break
			}
			n = m.nodes[n].fail
		}
		for o := n; o > 0; o = m.nodes[o].dict {
			nd := &m.nodes[o]
			for _, id := range m.outs[nd.out0 : nd.out0+nd.nout] {
				fn(int(id), i+1-int(m.plen[id]), i+1)
			}
		}
	}
}
