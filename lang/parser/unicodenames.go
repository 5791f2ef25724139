// unicodenames.go resolves the names of \N{...} escapes from the embedded
// table unicode_names.gz (made by testdata/gen_unicode_names.py from
// CPython 3.11's unicodedata).

package parser

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

//go:embed unicode_names.gz
var unicodeNamesGz []byte

var unicodeNames = sync.OnceValue(func() map[string]rune {
	m := make(map[string]rune, 45000)
	zr, err := gzip.NewReader(bytes.NewReader(unicodeNamesGz))
	if err != nil {
		return m
	}
	sc := bufio.NewScanner(zr)
	cp := rune(-1)
	for sc.Scan() {
		line := sc.Text()
		if hex, name, ok := strings.Cut(line, ";"); ok {
			v, err := strconv.ParseUint(hex, 16, 32)
			if err != nil {
				continue
			}
			cp = rune(v)
			line = name
		} else {
			cp++
		}
		m[line] = cp
	}
	return m
})

// lookupUnicodeName returns the character named name (case-insensitive),
// as \N{name} does.
func lookupUnicodeName(name string) (rune, bool) {
	name = strings.ToUpper(name)
	for _, prefix := range []string{"CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-", "TANGUT IDEOGRAPH-", "KHITAN SMALL SCRIPT CHARACTER-", "NUSHU CHARACTER-"} {
		if hex, ok := strings.CutPrefix(name, prefix); ok {
			v, err := strconv.ParseUint(hex, 16, 32)
			if err != nil || len(hex) < 4 || len(hex) > 5 || v > unicode.MaxRune {
				return 0, false
			}
			return rune(v), true
		}
	}
	r, ok := unicodeNames()[name]
	return r, ok
}
