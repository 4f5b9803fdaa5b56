package thai

import (
	"testing"
	"unsafe"
)

// computeThaiFlags derives thaiFlags from the character rules.
func computeThaiFlags() (t [128]uint8) {
	for k := range t {
		r := rune(0x0E00 + k)
		if classify(r) == cThai {
			t[k] |= fRun
		}
		if isThaiMark(r) || r == 'ะ' || r == 'า' || r == 'ำ' || r == 'ๅ' {
			t[k] |= fNoStart
		}
		if r >= 'เ' && r <= 'ไ' {
			t[k] |= fLead
		}
		if isConsonant(r) {
			t[k] |= fCons
		}
		if isToneMark(r) {
			t[k] |= fTone
		}
		if r >= '\u0E38' && r <= '\u0E3A' {
			t[k] |= fBelow
		}
	}
	return t
}

func TestThaiFlags(t *testing.T) {
	want := computeThaiFlags()
	for k := range want {
		if thaiFlags[k] != want[k] {
			t.Errorf("thaiFlags[U+%04X] = %#x, want %#x", 0x0E00+k, thaiFlags[k], want[k])
		}
	}
}

// TestEmbeddedInPlace checks that the embedded dictionary is read where it
// lies, without a copy (the start-up cost of loadTrie).
func TestEmbeddedInPlace(t *testing.T) {
	if !nativeLittleEndian() {
		t.Skip("big-endian: the dictionary is decoded into a copy")
	}
	tr, err := embedded()
	if err != nil {
		t.Fatal(err)
	}
	if &tr.a[0] != (*uint32)(unsafe.Pointer(&dictBin[trieHead])) {
		t.Errorf("the embedded dictionary was copied, want it read in place (is dict.bin 4-byte aligned?)")
	}
}
