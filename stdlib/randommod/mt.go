// mt.go is the Mersenne Twister (MT19937) exactly as CPython's
// _randommodule.c uses it: init_genrand, init_by_array, genrand_uint32,
// random() from two draws, getrandbits, and seeding from an int.

package randommod

import "math/big"

const (
	mtN       = 624
	mtM       = 397
	matrixA   = 0x9908b0df
	upperMask = 0x80000000
	lowerMask = 0x7fffffff
)

// MT is one generator's state.
type MT struct {
	state [mtN]uint32
	index int
}

func (m *MT) initGenrand(s uint32) {
	m.state[0] = s
	for i := 1; i < mtN; i++ {
		m.state[i] = 1812433253*(m.state[i-1]^(m.state[i-1]>>30)) + uint32(i)
	}
	m.index = mtN
}

// InitByArray seeds from a key of 32-bit words (CPython's init_by_array).
func (m *MT) InitByArray(key []uint32) {
	m.initGenrand(19650218)
	i, j := 1, 0
	k := mtN
	if len(key) > k {
		k = len(key)
	}
	for ; k > 0; k-- {
		m.state[i] = (m.state[i] ^ ((m.state[i-1] ^ (m.state[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= mtN {
			m.state[0] = m.state[mtN-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = mtN - 1; k > 0; k-- {
		m.state[i] = (m.state[i] ^ ((m.state[i-1] ^ (m.state[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			m.state[0] = m.state[mtN-1]
			i = 1
		}
	}
	m.state[0] = 0x80000000
	m.index = mtN
}

// SeedInt seeds from a non-negative integer as random.seed(n) does: the
// absolute value's 32-bit words, least significant first.
func (m *MT) SeedInt(n *big.Int) {
	n = new(big.Int).Abs(n)
	var key []uint32
	words := new(big.Int).Set(n)
	mask := big.NewInt(0xffffffff)
	for words.Sign() > 0 {
		key = append(key, uint32(new(big.Int).And(words, mask).Uint64()))
		words.Rsh(words, 32)
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	m.InitByArray(key)
}

// Uint32 is genrand_uint32.
func (m *MT) Uint32() uint32 {
	mag01 := [2]uint32{0, matrixA}
	if m.index >= mtN {
		var kk int
		for kk = 0; kk < mtN-mtM; kk++ {
			y := (m.state[kk] & upperMask) | (m.state[kk+1] & lowerMask)
			m.state[kk] = m.state[kk+mtM] ^ (y >> 1) ^ mag01[y&1]
		}
		for ; kk < mtN-1; kk++ {
			y := (m.state[kk] & upperMask) | (m.state[kk+1] & lowerMask)
			m.state[kk] = m.state[kk+(mtM-mtN)] ^ (y >> 1) ^ mag01[y&1]
		}
		y := (m.state[mtN-1] & upperMask) | (m.state[0] & lowerMask)
		m.state[mtN-1] = m.state[mtM-1] ^ (y >> 1) ^ mag01[y&1]
		m.index = 0
	}
	y := m.state[m.index]
	m.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// Float is random.random(): 53 random bits in [0, 1).
func (m *MT) Float() float64 {
	a := m.Uint32() >> 5
	b := m.Uint32() >> 6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// Bits is getrandbits(k) for k > 0.
func (m *MT) Bits(k int) *big.Int {
	if k <= 32 {
		return new(big.Int).SetUint64(uint64(m.Uint32() >> (32 - k)))
	}
	words := (k-1)/32 + 1
	res := new(big.Int)
	// little-endian words; the last (most significant) one is truncated
	parts := make([]uint32, words)
	for i := 0; i < words; i++ {
		r := m.Uint32()
		if i == words-1 && k%32 != 0 {
			r >>= 32 - uint(k%32)
		}
		parts[i] = r
	}
	for i := words - 1; i >= 0; i-- {
		res.Lsh(res, 32)
		res.Or(res, new(big.Int).SetUint64(uint64(parts[i])))
	}
	return res
}

// Below is _randbelow(n) for n > 0: getrandbits(n.bit_length()) until
// the result is below n.
func (m *MT) Below(n *big.Int) *big.Int {
	k := n.BitLen()
	for {
		r := m.Bits(k)
		if r.Cmp(n) < 0 {
			return r
		}
	}
}

// BelowInt is Below for small n.
func (m *MT) BelowInt(n int64) int64 {
	k := big.NewInt(n).BitLen()
	if k <= 32 {
		for {
			r := int64(m.Uint32() >> (32 - k))
			if r < n {
				return r
			}
		}
	}
	return m.Below(big.NewInt(n)).Int64()
}
