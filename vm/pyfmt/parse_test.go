// parse_test.go: ParseInt and ParseFloat against int(s, base) and float(s)
// in CPython 3.11 (testdata/parse.jsonl).

package pyfmt

import (
	"encoding/json"
	"testing"
)

func TestParseTable(t *testing.T) {
	rows := readJSONL(t, "parse.jsonl")
	for _, row := range rows {
		kind, text := jstr(t, row[0]), jstr(t, row[1])
		var base int
		if err := json.Unmarshal(row[2], &base); err != nil {
			t.Fatal(err)
		}
		want := joutcome(t, row[3])
		var got string
		var err error
		if kind == "int" {
			var z interface{ Text(int) string }
			z, err = ParseInt(text, base)
			if err == nil {
				got = z.Text(16)
			}
		} else {
			var f float64
			f, err = ParseFloat(text)
			got = FloatRepr(f)
		}
		if msg := want.check(got, err); msg != "" {
			short := text
			if len(short) > 40 {
				short = short[:40] + "..."
			}
			t.Errorf("%s(%q, %d): %s", kind, short, base, msg)
		}
	}
}

func BenchmarkParseInt(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_, _ = ParseInt("123456", 10)
	}
}
