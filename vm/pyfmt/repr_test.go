// repr_test.go: StrRepr, ASCIIRepr, BytesRepr and the Unicode predicates
// against CPython 3.11 (testdata/strrepr.jsonl, testdata/bytesrepr.txt).

package pyfmt

import (
	"bufio"
	"encoding/hex"
	"os"
	"strings"
	"testing"
)

func TestStrReprTable(t *testing.T) {
	rows := readJSONL(t, "strrepr.jsonl")
	fails := 0
	for _, row := range rows {
		s, wantRepr, wantASCII := jstr(t, row[0]), jstr(t, row[1]), jstr(t, row[2])
		if got := StrRepr(s); got != wantRepr {
			t.Errorf("StrRepr(%+q) = %+q, want %+q", s, got, wantRepr)
			fails++
		}
		if got := ASCIIRepr(s); got != wantASCII {
			t.Errorf("ASCIIRepr(%+q) = %+q, want %+q", s, got, wantASCII)
			fails++
		}
		if got := ASCIIEscape(wantRepr); got != wantASCII {
			t.Errorf("ASCIIEscape(%+q) = %+q, want %+q", wantRepr, got, wantASCII)
			fails++
		}
		if fails > 50 {
			t.Fatal("too many failures")
		}
	}
	if len(rows) < 10000 {
		t.Fatalf("only %d rows", len(rows))
	}
}

func TestStrReprSurrogatesAndInvalid(t *testing.T) {
	// "\ud800x" in WTF-8, and a stray byte.
	if got, want := StrRepr("\xed\xa0\x80x"), `'\ud800x'`; got != want {
		t.Errorf("got %s want %s", got, want)
	}
	if got, want := StrRepr("a\xffb"), `'a\xffb'`; got != want {
		t.Errorf("got %s want %s", got, want)
	}
	if got, want := ASCIIEscape("\xed\xbf\xbf"), `\udfff`; got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

func TestBytesReprTable(t *testing.T) {
	f, err := os.Open("testdata/bytesrepr.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		h, want, _ := strings.Cut(line, " ")
		if h == "-" {
			h = ""
		}
		b, err := hex.DecodeString(h)
		if err != nil {
			t.Fatal(err)
		}
		if got := BytesRepr(b); got != want {
			t.Errorf("BytesRepr(%x) = %s, want %s", b, got, want)
		}
		n++
	}
	if n < 300 {
		t.Fatalf("only %d cases", n)
	}
}

func TestDecimalValue(t *testing.T) {
	for _, c := range []struct {
		r rune
		v int
	}{{'0', 0}, {'9', 9}, {'a', -1}, {'٣', 3}, {'３', 3}, {'१', 1}, {0x1D7D9, 1}, {'²', -1}, {'Ⅻ', -1}} {
		if got := DecimalValue(c.r); got != c.v {
			t.Errorf("DecimalValue(%q) = %d, want %d", c.r, got, c.v)
		}
	}
}

func BenchmarkStrRepr(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = StrRepr("hello, wörld\n")
	}
}
