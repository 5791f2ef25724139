// format_test.go: format(value, spec) for int, bool, float and str against
// CPython 3.11 results (testdata/format.jsonl), plus allocation checks.

package pyfmt

import (
	"math/big"
	"testing"
)

func TestFormatTable(t *testing.T)       { testFormatFile(t, "format.jsonl") }
func TestFormatRandomTable(t *testing.T) { testFormatFile(t, "format_random.jsonl") }

func testFormatFile(t *testing.T, name string) {
	rows := readJSONL(t, name)
	fails := 0
	for _, row := range rows {
		kind, val, spec := jstr(t, row[0]), jstr(t, row[1]), jstr(t, row[2])
		want := joutcome(t, row[3])
		if kind == "bool" && spec == "" {
			continue // format(True, '') is str(True): the VM's job
		}
		var got string
		sp, err := ParseSpec(spec)
		if err == nil {
			switch kind {
			case "int", "bool":
				x, _ := new(big.Int).SetString(val, 10)
				got, err = FormatInt(x, sp, kind)
				if x.IsInt64() {
					g64, e64 := FormatInt64(x.Int64(), sp, kind)
					if g64 != got || (e64 == nil) != (err == nil) {
						t.Errorf("FormatInt64(%s, %q) = %q, %v; FormatInt gives %q, %v", val, spec, g64, e64, got, err)
					}
				}
			case "float":
				got, err = FormatFloat(bitsFloat(t, val), sp, "float")
			case "str":
				got, err = FormatString(val, sp, "str")
			}
		}
		if msg := want.check(got, err); msg != "" {
			t.Errorf("format(%s %q, %q): %s", kind, val, spec, msg)
			if fails++; fails > 50 {
				t.Fatal("too many failures")
			}
		}
	}
	if len(rows) < 1000 {
		t.Fatalf("only %d rows", len(rows))
	}
}

func TestFormatInt64Allocs(t *testing.T) {
	empty, _ := ParseSpec("")
	d, _ := ParseSpec("d")
	w, _ := ParseSpec(">10,")
	for _, sp := range []Spec{empty, d, w} {
		if a := testing.AllocsPerRun(100, func() { _, _ = FormatInt64(123456789, sp, "int") }); a > 1 {
			t.Errorf("FormatInt64 allocates %v times for %+v", a, sp)
		}
	}
	f, _ := ParseSpec(".2f")
	if a := testing.AllocsPerRun(100, func() { _, _ = FormatFloat(3.14159, f, "float") }); a > 1 {
		t.Errorf("FormatFloat allocates %v times", a)
	}
}

func BenchmarkFormatInt64Empty(b *testing.B) {
	sp, _ := ParseSpec("")
	for i := 0; i < b.N; i++ {
		_, _ = FormatInt64(int64(i), sp, "int")
	}
}

func BenchmarkFormatFloat(b *testing.B) {
	sp, _ := ParseSpec(">12,.3f")
	for i := 0; i < b.N; i++ {
		_, _ = FormatFloat(1234567.891, sp, "float")
	}
}
