// icuwords prints every word of one of ICU's compiled break-iterator
// dictionaries (brkitr/<name>.dict), one a line, in trie order. It loads the
// dictionary through ICU's own data API from the ICU data library the
// program is linked against, so no file offsets are guessed.
//
// Build: g++ -O2 -o icuwords icuwords.cpp $(pkg-config --cflags --libs icu-uc)
// Run:   icuwords thaidict
#include <unicode/bytestrie.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <cstdio>
#include <string>

// Layout of the index at the start of a .dict item (ICU dictionarydata.h).
enum { IX_STRING_TRIE_OFFSET = 0, IX_TRIE_TYPE = 4, IX_TRANSFORM = 5 };
enum { TRIE_TYPE_MASK = 7, TRIE_TYPE_BYTES = 0 };
enum { TRANSFORM_OFFSET_MASK = 0x1fffff };

static int emit(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return std::printf("%s\n", s.c_str()) < 0 ? 1 : 0;
}

int main(int argc, char** argv) {
  const char* name = argc > 1 ? argv[1] : "thaidict";
  UErrorCode st = U_ZERO_ERROR;
  UDataMemory* mem = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", name, &st);
  if (U_FAILURE(st)) {
    std::fprintf(stderr, "icuwords: open brkitr/%s.dict: %s\n", name, u_errorName(st));
    return 1;
  }
  const int32_t* ix = static_cast<const int32_t*>(udata_getMemory(mem));
  const char* trie = reinterpret_cast<const char*>(ix) + ix[IX_STRING_TRIE_OFFSET];
  long n = 0;
  if ((ix[IX_TRIE_TYPE] & TRIE_TYPE_MASK) == TRIE_TYPE_BYTES) {
    // Byte tries store each code point as a byte relative to an offset
    // (U+0E00 for Thai); 0xFE and 0xFF stand for ZWJ and ZWNJ.
    UChar32 base = ix[IX_TRANSFORM] & TRANSFORM_OFFSET_MASK;
    icu::BytesTrie::Iterator it(trie, 0, st);
    while (U_SUCCESS(st) && it.next(st)) {
      icu::StringPiece sp = it.getString();
      icu::UnicodeString u;
      for (int32_t i = 0; i < sp.length(); i++) {
        uint8_t b = static_cast<uint8_t>(sp.data()[i]);
        u.append(b == 0xFF ? UChar32(0x200C) : b == 0xFE ? UChar32(0x200D) : base + b);
      }
      if (emit(u)) return 1;
      n++;
    }
  } else {
    icu::UCharsTrie::Iterator it(reinterpret_cast<const char16_t*>(trie), 0, st);
    while (U_SUCCESS(st) && it.next(st)) {
      if (emit(it.getString())) return 1;
      n++;
    }
  }
  udata_close(mem);
  if (U_FAILURE(st)) {
    std::fprintf(stderr, "icuwords: iterate %s: %s\n", name, u_errorName(st));
    return 1;
  }
  std::fprintf(stderr, "icuwords: %ld words in brkitr/%s.dict\n", n, name);
  return 0;
}
