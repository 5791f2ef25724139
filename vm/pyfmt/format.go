// format.go: format() for int, float and str values with a parsed Spec,
// following format_long_internal, format_float_internal and
// format_string_internal in CPython's Python/formatter_unicode.c.

package pyfmt

import (
	"math"
	"math/big"
	"strconv"
	"unicode/utf8"
)

// maxPad bounds the size of any padded or zero-extended output; larger
// requests fail with MemoryError instead of exhausting memory.
const maxPad = 1 << 30

func memoryError() error { return &Error{Kind: "MemoryError", Msg: ""} }

// FormatInt64 returns format(x, spec) for an int value x.
//
// typeName is type(x).__name__ ("int", "bool", or a subclass name) and is
// used only in error messages. Note that CPython formats an empty spec as
// str(x): for exact ints that is what FormatInt64 returns, but for bool and
// int subclasses the caller must call str() itself when the spec is empty.
//
// Types b c d o x X n and none format the integer; e E f F g G % convert it
// to float first (OverflowError "int too large to convert to float" cannot
// happen for int64).
func FormatInt64(x int64, s Spec, typeName string) (string, error) {
	if s.Width < 0 && s.Sign != '+' && s.Sign != ' ' && s.Grouping == 0 && !s.Alternate &&
		s.Precision < 0 && !s.NoNegZero && !s.invalid && (!s.HasType || s.Type == 'd') {
		return strconv.FormatInt(x, 10), nil
	}
	if err := s.check(typeName); err != nil {
		return "", err
	}
	t := s.Type
	if !s.HasType {
		t = 'd'
	}
	switch t {
	case 'b', 'c', 'd', 'o', 'x', 'X', 'n':
		var buf [72]byte
		neg := x < 0
		u := uint64(x)
		if neg {
			u = -u
		}
		var digits []byte
		if t != 'c' {
			digits = strconv.AppendUint(buf[:0], u, intBase(t))
		}
		return formatLong(neg, digits, x, false, s, t)
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		return formatFloat(float64(x), s, t, true)
	}
	return "", unknownCode(t, typeName)
}

// FormatInt is FormatInt64 for arbitrary-precision ints (see FormatInt64
// for typeName and the empty-spec rule). Conversion to float for the
// e E f F g G % types fails with OverflowError "int too large to convert to
// float" when x is out of range.
func FormatInt(x *big.Int, s Spec, typeName string) (string, error) {
	if x.IsInt64() {
		return FormatInt64(x.Int64(), s, typeName)
	}
	if err := s.check(typeName); err != nil {
		return "", err
	}
	t := s.Type
	if !s.HasType {
		t = 'd'
	}
	switch t {
	case 'b', 'c', 'd', 'o', 'x', 'X', 'n':
		var digits []byte
		if t != 'c' {
			var a big.Int
			a.Abs(x)
			digits = a.Append(nil, intBase(t))
		}
		return formatLong(x.Sign() < 0, digits, 0, true, s, t)
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, err := IntToFloat(x)
		if err != nil {
			return "", err
		}
		return formatFloat(f, s, t, true)
	}
	return "", unknownCode(t, typeName)
}

// IntToFloat converts x to the nearest float64 (ties to even), like
// CPython's PyLong_AsDouble, failing with OverflowError
// "int too large to convert to float".
func IntToFloat(x *big.Int) (float64, error) {
	if x.IsInt64() {
		return float64(x.Int64()), nil
	}
	var bf big.Float
	f, _ := bf.SetInt(x).Float64()
	if math.IsInf(f, 0) {
		return 0, overflowError("int too large to convert to float")
	}
	return f, nil
}

func intBase(t rune) int {
	switch t {
	case 'b':
		return 2
	case 'o':
		return 8
	case 'x', 'X':
		return 16
	}
	return 10
}

// formatLong is format_long_internal. digits holds |x| in the right base
// (lower case); for type 'c', small holds the value unless isBig.
func formatLong(neg bool, digits []byte, small int64, isBig bool, s Spec, t rune) (string, error) {
	if s.Precision >= 0 {
		return "", valueError("Precision not allowed in integer format specifier")
	}
	if s.NoNegZero {
		return "", valueError("Negative zero coercion (z) not allowed in integer format specifier")
	}
	var tail []byte
	tailRunes := 0
	var prefix string
	var cbuf [4]byte
	if t == 'c' {
		if s.Sign != 0 {
			return "", valueError("Sign not allowed with integer format specifier 'c'")
		}
		if s.Alternate {
			return "", valueError("Alternate form (#) not allowed with integer format specifier 'c'")
		}
		if isBig {
			return "", overflowError("Python int too large to convert to C long")
		}
		if small < 0 || small > 0x10ffff {
			return "", overflowError("%c arg not in range(0x110000)")
		}
		tail = appendCodePoint(cbuf[:0], rune(small))
		tailRunes = 1
		neg = false
	} else {
		if s.Alternate {
			switch t {
			case 'b':
				prefix = "0b"
			case 'o':
				prefix = "0o"
			case 'x':
				prefix = "0x"
			case 'X':
				prefix = "0X"
			}
		}
		if t == 'X' {
			for i, c := range digits {
				if c >= 'a' && c <= 'z' {
					digits[i] = c - ('a' - 'A')
				}
			}
		}
	}
	group := 0
	var sep byte
	if s.Grouping != 0 && t != 'n' {
		sep = s.Grouping
		group = 3
		if sep == '_' && (t == 'b' || t == 'o' || t == 'x' || t == 'X') {
			group = 4
		}
	}
	var signChar byte
	if neg {
		signChar = '-'
	}
	var out [96]byte
	b, err := appendNumber(out[:0], s, numAlign(s), signChar, prefix, digits, tail, tailRunes, group, sep)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// numAlign resolves the alignment of a number.
func numAlign(s Spec) byte {
	if s.Align != 0 {
		return s.Align
	}
	if s.ZeroPad {
		return '='
	}
	return '>'
}

// appendNumber implements calc_number_widths + fill_number: the output is
// <lpad><sign><prefix><spad><grouped digits><tail><rpad>. digits are ASCII;
// tail (decimal point, fraction, exponent, '%', or the character for 'c')
// is tailRunes code points long.
func appendNumber(dst []byte, s Spec, align byte, signChar byte, prefix string, digits, tail []byte, tailRunes int, group int, sep byte) ([]byte, error) {
	var sign byte
	switch s.Sign {
	case '+':
		sign = '+'
		if signChar == '-' {
			sign = '-'
		}
	case ' ':
		sign = ' '
		if signChar == '-' {
			sign = '-'
		}
	default:
		sign = signChar
	}
	nSign := 0
	if sign != 0 {
		nSign = 1
	}
	nonDigit := nSign + len(prefix) + tailRunes
	minWidth := 0
	if s.Fill == '0' && align == '=' {
		minWidth = s.Width - nonDigit
	}
	if minWidth > maxPad || s.Width > maxPad {
		return nil, memoryError()
	}
	nGrouped := 0
	if len(digits) > 0 {
		nGrouped = groupedLen(len(digits), minWidth, group)
	}
	pad := s.Width - (nonDigit + nGrouped)
	lpad, spad, rpad := 0, 0, 0
	if pad > 0 {
		switch align {
		case '<':
			rpad = pad
		case '^':
			lpad = pad / 2
			rpad = pad - lpad
		case '=':
			spad = pad
		default:
			lpad = pad
		}
	}
	dst = appendFill(dst, s.Fill, lpad)
	if sign != 0 {
		dst = append(dst, sign)
	}
	dst = append(dst, prefix...)
	dst = appendFill(dst, s.Fill, spad)
	if len(digits) > 0 {
		dst = appendGrouped(dst, digits, nGrouped, minWidth, group, sep)
	}
	dst = append(dst, tail...)
	dst = appendFill(dst, s.Fill, rpad)
	return dst, nil
}

func appendFill(dst []byte, fill rune, n int) []byte {
	if n <= 0 {
		return dst
	}
	if fill < utf8.RuneSelf {
		for ; n > 0; n-- {
			dst = append(dst, byte(fill))
		}
		return dst
	}
	var b [4]byte
	e := appendCodePoint(b[:0], fill)
	for ; n > 0; n-- {
		dst = append(dst, e...)
	}
	return dst
}

// groupedLen is the counting pass of _PyUnicode_InsertThousandsGrouping:
// the length of n digits grouped by group (0 = no grouping) with a one
// character separator, zero-extended on the left to at least minWidth.
func groupedLen(n, minWidth, group int) int {
	if minWidth < 0 {
		minWidth = 0
	}
	count := 0
	remaining := n
	useSep := false
	if group > 0 {
		for {
			l := min(group, max(remaining, minWidth, 1))
			nZeros := max(0, l-remaining)
			nChars := max(0, min(remaining, l))
			if useSep {
				count++
			}
			count += nZeros + nChars
			useSep = true
			remaining -= nChars
			minWidth -= l
			if remaining <= 0 && minWidth <= 0 {
				return count
			}
			minWidth--
		}
	}
	l := max(remaining, minWidth, 1)
	return count + max(0, l-remaining) + max(0, min(remaining, l))
}

// appendGrouped writes the grouped digits (total length total, as computed by
// groupedLen) right to left, like _PyUnicode_InsertThousandsGrouping.
func appendGrouped(dst, digits []byte, total, minWidth, group int, sep byte) []byte {
	if minWidth < 0 {
		minWidth = 0
	}
	start := len(dst)
	dst = appendRepeat(dst, 0, total)
	buf := dst[start:]
	bpos := total
	dpos := len(digits)
	remaining := len(digits)
	useSep := false
	fill := func(nChars, nZeros int) {
		if useSep {
			bpos--
			buf[bpos] = sep
		}
		bpos -= nChars
		dpos -= nChars
		copy(buf[bpos:], digits[dpos:dpos+nChars])
		for ; nZeros > 0; nZeros-- {
			bpos--
			buf[bpos] = '0'
		}
	}
	if group > 0 {
		for {
			l := min(group, max(remaining, minWidth, 1))
			nZeros := max(0, l-remaining)
			nChars := max(0, min(remaining, l))
			fill(nChars, nZeros)
			useSep = true
			remaining -= nChars
			minWidth -= l
			if remaining <= 0 && minWidth <= 0 {
				return dst
			}
			minWidth--
		}
	}
	l := max(remaining, minWidth, 1)
	fill(max(0, min(remaining, l)), max(0, l-remaining))
	return dst
}

// FormatFloat returns format(f, spec) for a float value f. typeName is
// type(f).__name__, used in error messages. An empty spec gives repr(f),
// which is str(f) for exact floats; for float subclasses the caller must
// call str() itself when the spec is empty.
//
// Types: e E f F g G n % and none. With no type, no precision behaves like
// repr(f); with a precision it is like 'g' but always keeps at least one
// digit after the decimal point.
func FormatFloat(f float64, s Spec, typeName string) (string, error) {
	if err := s.check(typeName); err != nil {
		return "", err
	}
	t := s.Type
	if !s.HasType {
		t = 0
	}
	switch t {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
		return formatFloat(f, s, t, false)
	}
	return "", unknownCode(t, typeName)
}

// formatFloat is format_float_internal; t is the resolved type (0 = none).
func formatFloat(f float64, s Spec, t rune, fromInt bool) (string, error) {
	if s.Precision > math.MaxInt32 {
		return "", valueError("precision too big")
	}
	prec := s.Precision
	defPrec := 6
	flags := 0
	if s.Alternate {
		flags |= dtsfAlt
	}
	if s.NoNegZero {
		flags |= dtsfNoNeg0
	}
	code := byte(t)
	if t == 0 {
		flags |= dtsfAddDot0
		code = 'r'
		defPrec = 0
	}
	if t == 'n' {
		code = 'g'
	}
	addPct := false
	if t == '%' {
		code = 'f'
		f *= 100
		addPct = true
	}
	if prec < 0 {
		prec = defPrec
	} else if code == 'r' {
		code = 'g'
	}
	if prec > maxPad {
		return "", memoryError()
	}
	var buf [48]byte
	num := appendDouble(buf[:0], f, code, prec, flags)
	if addPct {
		num = append(num, '%')
	}
	if s.Sign != '+' && s.Sign != ' ' && s.Width < 0 && t != 'n' && s.Grouping == 0 {
		return string(num), nil
	}
	var signChar byte
	if num[0] == '-' {
		signChar = '-'
		num = num[1:]
	}
	i := 0
	for i < len(num) && num[i] >= '0' && num[i] <= '9' {
		i++
	}
	group := 0
	var sep byte
	if s.Grouping != 0 && t != 'n' {
		group = 3
		sep = s.Grouping
	}
	var out [64]byte
	b, err := appendNumber(out[:0], s, numAlign(s), signChar, "", num[:i], num[i:], len(num)-i, group, sep)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// FormatString returns format(str_value, spec). typeName is type(v).__name__
// (normally "str"), used in error messages. Precision truncates, width pads,
// both counted in code points; the default alignment is left.
func FormatString(v string, s Spec, typeName string) (string, error) {
	if err := s.check(typeName); err != nil {
		return "", err
	}
	if s.Grouping != 0 && !s.HasType {
		return "", groupingError(s.Grouping, 's')
	}
	if s.HasType && s.Type != 's' {
		return "", unknownCode(s.Type, typeName)
	}
	switch s.Sign {
	case ' ':
		return "", valueError("Space not allowed in string format specifier")
	case '+', '-':
		return "", valueError("Sign not allowed in string format specifier")
	}
	if s.NoNegZero {
		return "", valueError("Negative zero coercion (z) not allowed in string format specifier")
	}
	if s.Alternate {
		return "", valueError("Alternate form (#) not allowed in string format specifier")
	}
	if s.Align == '=' {
		return "", valueError("'=' alignment not allowed in string format specifier")
	}
	if s.Width < 0 && s.Precision < 0 {
		return v, nil
	}
	n := utf8.RuneCountInString(v)
	if (s.Width < 0 || s.Width <= n) && (s.Precision < 0 || s.Precision >= n) {
		return v, nil
	}
	if s.Precision >= 0 && n >= s.Precision {
		// Truncate to Precision code points.
		i, k := 0, 0
		for k < s.Precision {
			_, sz := utf8.DecodeRuneInString(v[i:])
			i += sz
			k++
		}
		v = v[:i]
		n = s.Precision
	}
	total := n
	if s.Width > n {
		total = s.Width
	}
	if total > maxPad {
		return "", memoryError()
	}
	lpad := 0
	switch s.Align {
	case '>':
		lpad = total - n
	case '^':
		lpad = (total - n) / 2
	}
	rpad := total - n - lpad
	out := make([]byte, 0, len(v)+(lpad+rpad)*utf8.RuneLen(s.Fill))
	out = appendFill(out, s.Fill, lpad)
	out = append(out, v...)
	out = appendFill(out, s.Fill, rpad)
	return string(out), nil
}

// appendCodePoint appends r as UTF-8, encoding surrogates the WTF-8 way
// (utf8.AppendRune would replace them with U+FFFD).
func appendCodePoint(dst []byte, r rune) []byte {
	if r >= 0xD800 && r <= 0xDFFF {
		return append(dst, 0xED, byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(dst, r)
}
