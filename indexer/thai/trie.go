package thai

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"unsafe"
)

// The dictionary is a double-array trie over a small alphabet: the Thai
// block U+0E00–U+0E7F and the full stop (for abbreviations such as สช.).
// Node s has child t = base(s)+c for symbol c when check(t) == s. The root
// is node 1; check 0 marks a free slot.
//
// Serialised form (dict.bin, little-endian), decoded with one copy:
//
//	"BTD1" | uint32 n | n × (uint32 base | uint32 check)
//
// The top bit of base marks a node that ends a word.

const (
	trieMagic    = "BTD1"
	trieHead     = 8
	termBit      = 1 << 31
	rootNode     = 1
	symDot       = 129      // '.'; Thai U+0E00+k is k+1
	symPaiyannoi = 0x2F + 1 // ฯ
	numSyms      = 130
)

// ErrBadWord reports a dictionary word with a character other than Thai
// and the full stop.
var ErrBadWord = errors.New("character outside the Thai block and '.'")

// symbol returns the trie symbol of r, or 0 when r has none.
func symbol(r rune) int {
	switch {
	case r >= 0x0E00 && r <= 0x0E7F:
		return int(r-0x0E00) + 1
	case r == '.':
		return symDot
	}
	return 0
}

// trie is a double-array trie: node s has base a[2s] and check a[2s+1].
type trie struct{ a []uint32 }

// next returns the child of s on symbol c, or 0.
func (t trie) next(s, c int) int {
	n := int(t.a[2*s]&^termBit) + c
	if 2*n+1 < len(t.a) && t.a[2*n+1] == uint32(s) {
		return n
	}
	return 0
}

// final reports whether node s ends a word.
func (t trie) final(s int) bool { return t.a[2*s]&termBit != 0 }

// loadTrie checks a serialised trie and returns it. On little-endian
// machines, when b is 4-byte aligned (the embedded dict.bin is), the nodes
// are read in place, so that loading costs nothing at start-up; otherwise
// they are decoded into a copy. The trie never writes to them.
func loadTrie(b []byte) (trie, error) {
	if len(b) < trieHead || string(b[:4]) != trieMagic {
		return trie{}, errors.New("load dictionary: bad magic")
	}
	n := binary.LittleEndian.Uint32(b[4:])
	if uint64(len(b)) != trieHead+8*uint64(n) || n < 2 {
		return trie{}, fmt.Errorf("load dictionary: %d bytes for %d nodes", len(b), n)
	}
	b = b[trieHead:]
	if p := unsafe.SliceData(b); nativeLittleEndian() && uintptr(unsafe.Pointer(p))%unsafe.Alignof(uint32(0)) == 0 {
		return trie{unsafe.Slice((*uint32)(unsafe.Pointer(p)), 2*n)}, nil
	}
	a := make([]uint32, 2*n)
	for i := range a {
		a[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return trie{a}, nil
}

// nativeLittleEndian reports whether the machine stores uint32 as dict.bin
// does.
func nativeLittleEndian() bool { return binary.NativeEndian.Uint32([]byte{1, 0, 0, 0}) == 1 }

// encodeWord returns w's symbols, or an error naming the first character
// outside the alphabet.
func encodeWord(w string) ([]byte, error) {
	syms := make([]byte, 0, len(w)/3+1)
	for _, r := range w {
		c := symbol(r)
		if c == 0 {
			return nil, fmt.Errorf("word %q: %q: %w", w, r, ErrBadWord)
		}
		syms = append(syms, byte(c))
	}
	return syms, nil
}

// buildTrie compiles words (already normalised) into a serialised trie.
// Duplicates are ignored; a word with characters outside the alphabet is
// an error.
func buildTrie(words []string) ([]byte, error) {
	keys := make([]string, 0, len(words))
	for _, w := range words {
		if w == "" {
			continue
		}
		k, err := encodeWord(w)
		if err != nil {
			return nil, err
		}
		keys = append(keys, string(k))
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	b := &daBuilder{base: make([]uint32, 2, 1<<16), check: make([]uint32, 2, 1<<16), next: 2}
	b.check[rootNode] = rootNode // the root is never free
	b.insert(rootNode, keys, 0)
	out := make([]byte, trieHead+8*len(b.base))
	copy(out, trieMagic)
	binary.LittleEndian.PutUint32(out[4:], uint32(len(b.base)))
	for i := range b.base {
		binary.LittleEndian.PutUint32(out[trieHead+8*i:], b.base[i])
		binary.LittleEndian.PutUint32(out[trieHead+8*i+4:], b.check[i])
	}
	return out, nil
}

type daBuilder struct {
	base, check []uint32
	next        int // lowest slot that may be free
}

func (b *daBuilder) grow(n int) {
	for len(b.base) <= n {
		b.base = append(b.base, 0)
		b.check = append(b.check, 0)
	}
}

// insert places the children of node s, which holds the sorted keys
// sharing their first d symbols.
func (b *daBuilder) insert(s int, keys []string, d int) {
	if len(keys[0]) == d {
		b.base[s] |= termBit
		keys = keys[1:]
	}
	if len(keys) == 0 {
		return
	}
	var syms []int
	for i, k := range keys {
		if i == 0 || k[d] != keys[i-1][d] {
			syms = append(syms, int(k[d]))
		}
	}
	for b.next < len(b.check) && b.check[b.next] != 0 {
		b.next++
	}
	base := max(b.next-syms[0], 1)
search:
	for ; ; base++ {
		b.grow(base + syms[len(syms)-1])
		for _, c := range syms {
			if b.check[base+c] != 0 {
				continue search
			}
		}
		break
	}
	b.base[s] |= uint32(base)
	for _, c := range syms {
		b.check[base+c] = uint32(s)
	}
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi][d] == keys[lo][d] {
			hi++
		}
		b.insert(base+int(keys[lo][d]), keys[lo:hi], d+1)
		lo = hi
	}
}
