// mt_test.go checks the Mersenne Twister against values printed by
// CPython 3.11 (random.seed(n); random.random(); random.getrandbits(k)).
package randommod

import (
	"math/big"
	"testing"
)

func TestMTMatchesCPython(t *testing.T) {
	cases := []struct {
		seed  string
		first float64
		bits  int
		next  string
	}{
		{"42", 0.6394267984578837, 32, "107420369"},
		{"0", 0.8444218515250481, 0, ""},
		{"1267650600228229401496703205379", 0.3567616365770526, 100, "545709966973212338956411236285"},
	}
	for _, c := range cases {
		var m MT
		n, _ := new(big.Int).SetString(c.seed, 10)
		m.SeedInt(n)
		if got := m.Float(); got != c.first {
			t.Errorf("seed %s: random() = %v, want %v", c.seed, got, c.first)
		}
		if c.bits > 0 {
			if got := m.Bits(c.bits).String(); got != c.next {
				t.Errorf("seed %s: getrandbits(%d) = %s, want %s", c.seed, c.bits, got, c.next)
			}
		}
	}
}

func TestBelowInRange(t *testing.T) {
	var m MT
	m.SeedInt(big.NewInt(7))
	for i := 0; i < 1000; i++ {
		if r := m.BelowInt(10); r < 0 || r >= 10 {
			t.Fatalf("BelowInt(10) = %d", r)
		}
	}
}
