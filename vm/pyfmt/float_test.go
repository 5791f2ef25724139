// float_test.go: FloatRepr against repr() of thousands of floats computed
// by CPython 3.11 (testdata/float_repr.txt).

package pyfmt

import (
	"bufio"
	"math"
	"os"
	"strings"
	"testing"
)

func TestFloatReprTable(t *testing.T) {
	f, err := os.Open("testdata/float_repr.txt")
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
		bits, want, _ := strings.Cut(line, " ")
		v := bitsFloat(t, bits)
		if got := FloatRepr(v); got != want {
			t.Errorf("FloatRepr(%s) = %q, want %q", bits, got, want)
		}
		n++
	}
	if n < 5000 {
		t.Fatalf("only %d cases", n)
	}
}

func TestFloatReprBasics(t *testing.T) {
	for _, c := range []struct {
		f    float64
		want string
	}{
		{0.1, "0.1"}, {1, "1.0"}, {math.Copysign(0, -1), "-0.0"}, {1e16, "1e+16"},
		{1e-5, "1e-05"}, {123456789012345, "123456789012345.0"},
		{1.2345678901234568e16, "1.2345678901234568e+16"}, {math.Inf(1), "inf"},
		{math.Inf(-1), "-inf"}, {math.NaN(), "nan"}, {0.0001, "0.0001"},
		{9999999999999998, "9999999999999998.0"},
	} {
		if got := FloatRepr(c.f); got != c.want {
			t.Errorf("FloatRepr(%v) = %q, want %q", c.f, got, c.want)
		}
	}
}

func TestFloatReprAllocs(t *testing.T) {
	if a := testing.AllocsPerRun(100, func() { _ = FloatRepr(1234.5678) }); a > 1 {
		t.Errorf("FloatRepr allocates %v times", a)
	}
}

func BenchmarkFloatRepr(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = FloatRepr(1234.5678)
	}
}
