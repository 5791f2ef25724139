// parse.go: int(str, base) and float(str) parsing with CPython's accepted
// syntax and error messages (PyLong_FromUnicodeObject, PyFloat_FromString).

package pyfmt

import (
	"math"
	"math/big"
	"strconv"
	"unicode/utf8"
)

// MaxStrDigits is CPython's default sys.get_int_max_str_digits(): int()
// refuses to convert longer decimal (non power-of-two base) strings.
const MaxStrDigits = 4300

// toASCIINumber is _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII
// whitespace becomes ' ', non-ASCII decimal digits become '0'..'9', and the
// text is cut after a '?' replacing the first other non-ASCII character.
func toASCIINumber(s string) string {
	i := 0
	for i < len(s) && s[i] < 0x7F {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for i < len(s) {
		c := s[i]
		if c < 0x7F {
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 && c != 0x7F {
			r = -1
		}
		switch {
		case r >= 0 && isSpace(r):
			b = append(b, ' ')
		case r >= 0 && DecimalValue(r) >= 0:
			b = append(b, byte('0'+DecimalValue(r)))
		default:
			return string(append(b, '?'))
		}
		i += n
	}
	return string(b)
}

func isCSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 37
}

// ParseInt converts s like int(s, base) for a str s. base is 0 or 2..36;
// base 0 infers the base from a 0x/0o/0b prefix (and rejects other leading
// zeros in non-zero values). Surrounding whitespace, a sign, single
// underscores between digits (and after a base prefix), and non-ASCII
// Unicode decimal digits are accepted. Errors:
//
//	ValueError: int() base must be >= 2 and <= 36, or 0
//	ValueError: invalid literal for int() with base 10: 'abc'
//	ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has N digits; use sys.set_int_max_str_digits() to increase the limit
func ParseInt(s string, base int) (*big.Int, error) {
	if base != 0 && (base < 2 || base > 36) {
		return nil, valueError("int() base must be >= 2 and <= 36, or 0")
	}
	a := toASCIINumber(s)
	bad := func() error {
		return valueError("invalid literal for int() with base " + strconv.Itoa(base) + ": " + truncRunes(StrRepr(s), 200))
	}
	i := 0
	for i < len(a) && isCSpace(a[i]) {
		i++
	}
	neg := false
	if i < len(a) && (a[i] == '+' || a[i] == '-') {
		neg = a[i] == '-'
		i++
	}
	b := base
	errIfNonzero := false
	at := func(k int) byte {
		if k < len(a) {
			return a[k]
		}
		return 0
	}
	if b == 0 {
		switch {
		case at(i) != '0':
			b = 10
		case at(i+1) == 'x' || at(i+1) == 'X':
			b = 16
		case at(i+1) == 'o' || at(i+1) == 'O':
			b = 8
		case at(i+1) == 'b' || at(i+1) == 'B':
			b = 2
		default:
			errIfNonzero = true
			b = 10
		}
	}
	if at(i) == '0' && ((b == 16 && (at(i+1) == 'x' || at(i+1) == 'X')) ||
		(b == 8 && (at(i+1) == 'o' || at(i+1) == 'O')) ||
		(b == 2 && (at(i+1) == 'b' || at(i+1) == 'B'))) {
		i += 2
		if at(i) == '_' {
			i++
		}
	}
	if at(i) == '_' {
		return nil, bad()
	}
	start := i
	digits := make([]byte, 0, len(a)-i)
	var prev byte
	for i < len(a) && (digitValue(a[i]) < b || a[i] == '_') {
		if a[i] == '_' {
			if prev == '_' {
				return nil, bad()
			}
		} else {
			digits = append(digits, a[i])
		}
		prev = a[i]
		i++
	}
	if prev == '_' {
		return nil, bad()
	}
	if b&(b-1) != 0 && len(digits) > MaxStrDigits {
		return nil, valueError("Exceeds the limit (" + strconv.Itoa(MaxStrDigits) +
			" digits) for integer string conversion: value has " + strconv.Itoa(len(digits)) +
			" digits; use sys.set_int_max_str_digits() to increase the limit")
	}
	if i == start {
		return nil, bad()
	}
	for i < len(a) && isCSpace(a[i]) {
		i++
	}
	if i != len(a) {
		return nil, bad()
	}
	z := new(big.Int)
	if len(digits) <= 12 {
		var v int64
		for _, c := range digits {
			v = v*int64(b) + int64(digitValue(c))
		}
		z.SetInt64(v)
	} else {
		z.SetString(string(digits), b)
	}
	if errIfNonzero && z.Sign() != 0 {
		return nil, bad()
	}
	if neg {
		z.Neg(z)
	}
	return z, nil
}

// truncRunes cuts s to at most n code points (CPython's "%.200R").
func truncRunes(s string, n int) string {
	k := 0
	for i := range s {
		if k == n {
			return s[:i]
		}
		k++
	}
	return s
}

// ParseFloat converts s like float(s) for a str s: optional surrounding
// whitespace, a sign, then a decimal literal (digits with an optional
// fraction and exponent; single underscores only between digits) or
// inf / infinity / nan in any case. Non-ASCII decimal digits and
// whitespace are accepted. Out-of-range values become ±inf or ±0. The error
// is ValueError "could not convert string to float: 'abc'".
func ParseFloat(s string) (float64, error) {
	a := toASCIINumber(s)
	bad := func() (float64, error) {
		return 0, valueError("could not convert string to float: " + StrRepr(s))
	}
	// Underscores: only between digits.
	for k := 0; k < len(a); k++ {
		if a[k] == '_' {
			b := make([]byte, 0, len(a))
			var prev byte
			for j := 0; j < len(a); j++ {
				c := a[j]
				if c == '_' {
					if !(prev >= '0' && prev <= '9') {
						return bad()
					}
				} else {
					b = append(b, c)
					if prev == '_' && !(c >= '0' && c <= '9') {
						return bad()
					}
				}
				prev = c
			}
			if prev == '_' {
				return bad()
			}
			a = string(b)
			break
		}
	}
	i, j := 0, len(a)
	for i < j && isCSpace(a[i]) {
		i++
	}
	if i == j {
		return bad()
	}
	for j-1 > i && isCSpace(a[j-1]) {
		j--
	}
	t := a[i:j]
	k := 0
	neg := false
	if k < len(t) && (t[k] == '+' || t[k] == '-') {
		neg = t[k] == '-'
		k++
	}
	body := t[k:]
	if len(body) > 0 && (body[0] < '0' || body[0] > '9') && body[0] != '.' {
		var v float64
		switch {
		case equalFold(body, "inf") || equalFold(body, "infinity"):
			v = math.Inf(1)
		case equalFold(body, "nan"):
			v = math.NaN()
		default:
			return bad()
		}
		if neg {
			v = -v
		}
		return v, nil
	}
	// digits [. digits] [e [sign] digits], at least one mantissa digit.
	p := 0
	nd := 0
	for p < len(body) && body[p] >= '0' && body[p] <= '9' {
		p++
		nd++
	}
	if p < len(body) && body[p] == '.' {
		p++
		for p < len(body) && body[p] >= '0' && body[p] <= '9' {
			p++
			nd++
		}
	}
	if nd == 0 {
		return bad()
	}
	if p < len(body) && (body[p] == 'e' || body[p] == 'E') {
		q := p + 1
		if q < len(body) && (body[q] == '+' || body[q] == '-') {
			q++
		}
		if q < len(body) && body[q] >= '0' && body[q] <= '9' {
			for q < len(body) && body[q] >= '0' && body[q] <= '9' {
				q++
			}
			p = q
		}
	}
	if p != len(body) {
		return bad()
	}
	v, err := strconv.ParseFloat(body, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return bad()
		}
	}
	if neg {
		v = -v
	}
	return v, nil
}

// equalFold reports whether s equals the lower-case ASCII word w, ignoring
// ASCII case.
func equalFold(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}
