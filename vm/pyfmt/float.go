// float.go: conversion of float64 values to text following CPython's
// PyOS_double_to_string (Python/pystrtod.c), including repr().

package pyfmt

import (
	"math"
	"strconv"
)

// Flags for appendDouble, mirroring CPython's Py_DTSF_* flags.
const (
	dtsfAlt     = 1 << iota // '#': always keep the decimal point, keep trailing zeros for 'g'
	dtsfAddDot0             // add ".0" to integral values without exponent (repr, format with no type)
	dtsfNoNeg0              // 'z': drop the sign of a result that rounds to zero
)

// FloatRepr returns repr(f) (equal to str(f)) exactly as CPython 3.11 does:
// the shortest digit string that round-trips, in positional notation when
// the decimal exponent is in [-4, 16), otherwise in exponent notation with
// at least two exponent digits; integral values get a trailing ".0";
// special values are "inf", "-inf" and "nan".
func FloatRepr(f float64) string {
	var buf [32]byte
	return string(appendDouble(buf[:0], f, 'r', 0, dtsfAddDot0))
}

// AppendFloatRepr appends repr(f) to dst and returns the extended buffer.
func AppendFloatRepr(dst []byte, f float64) []byte {
	return appendDouble(dst, f, 'r', 0, dtsfAddDot0)
}

// appendDouble appends f formatted like CPython's
// PyOS_double_to_string(f, code, prec, flags). code is one of e E f F g G r.
// A '-' is emitted for negative values (never for NaN); no '+' is ever added.
func appendDouble(dst []byte, f float64, code byte, prec int, flags int) []byte {
	upper := false
	if code >= 'A' && code <= 'Z' {
		upper = true
		code += 'a' - 'A'
	}
	if math.IsNaN(f) {
		if upper {
			return append(dst, "NAN"...)
		}
		return append(dst, "nan"...)
	}
	neg := math.Signbit(f)
	a := math.Abs(f)
	if math.IsInf(f, 0) {
		if neg {
			dst = append(dst, '-')
		}
		if upper {
			return append(dst, "INF"...)
		}
		return append(dst, "inf"...)
	}
	alt := flags&dtsfAlt != 0
	var tmp [40]byte
	switch code {
	case 'f':
		s := strconv.AppendFloat(tmp[:0], a, 'f', prec, 64)
		if neg && !(flags&dtsfNoNeg0 != 0 && allZero(s)) {
			dst = append(dst, '-')
		}
		dst = append(dst, s...)
		if alt && prec == 0 {
			dst = append(dst, '.')
		}
		return dst
	case 'e':
		s := strconv.AppendFloat(tmp[:0], a, 'e', prec, 64)
		if neg && !(flags&dtsfNoNeg0 != 0 && a == 0) {
			dst = append(dst, '-')
		}
		i := 1
		if prec > 0 {
			i = 2 + prec
		}
		dst = append(dst, s[:i]...)
		if alt && prec == 0 {
			dst = append(dst, '.')
		}
		start := len(dst)
		dst = append(dst, s[i:]...)
		if upper {
			dst[start] = 'E'
		}
		return dst
	}
	// 'g' and 'r': work from the digit string and the decimal point position.
	var s []byte
	if code == 'g' {
		if prec == 0 {
			prec = 1
		}
		s = strconv.AppendFloat(tmp[:0], a, 'e', prec-1, 64)
	} else {
		s = strconv.AppendFloat(tmp[:0], a, 'e', -1, 64)
	}
	digits, decpt := splitExp(s)
	// Strip trailing zeros, as _Py_dg_dtoa does (keeping "0" for zero).
	for len(digits) > 1 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
	}
	if neg && !(flags&dtsfNoNeg0 != 0 && a == 0) {
		dst = append(dst, '-')
	}
	return appendDigits(dst, digits, decpt, code, prec, alt, flags&dtsfAddDot0 != 0, upper)
}

// splitExp splits strconv 'e' output "d.ddde±XX" into its digits ("dddd",
// written into s itself) and the decimal point position decpt such that the
// value is 0.dddd × 10**decpt.
func splitExp(s []byte) ([]byte, int) {
	n := 1
	i := 1
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] != 'e' {
			s[n] = s[i]
			n++
			i++
		}
	}
	// s[i] == 'e'
	i++
	neg := s[i] == '-'
	i++
	exp := 0
	for ; i < len(s); i++ {
		exp = exp*10 + int(s[i]-'0')
	}
	if neg {
		exp = -exp
	}
	return s[:n], exp + 1
}

// appendDigits is the digit layout part of CPython's format_float_short for
// the 'g' and 'r' codes.
func appendDigits(dst, digits []byte, decpt int, code byte, prec int, alt, addDot0, upper bool) []byte {
	ndig := len(digits)
	vend := ndig
	useExp := false
	if code == 'g' {
		lim := prec
		if addDot0 {
			lim = prec - 1
		}
		if decpt <= -4 || decpt > lim {
			useExp = true
		}
		if alt {
			vend = prec
		}
	} else if decpt <= -4 || decpt > 16 {
		useExp = true
	}
	exp := 0
	if useExp {
		exp = decpt - 1
		decpt = 1
	}
	vstart := 0
	if decpt <= 0 {
		vstart = decpt - 1
	}
	if !useExp && addDot0 {
		if vend <= decpt {
			vend = decpt + 1
		}
	} else if vend < decpt {
		vend = decpt
	}
	if decpt <= 0 {
		dst = appendRepeat(dst, '0', decpt-vstart)
		dst = append(dst, '.')
		dst = appendRepeat(dst, '0', -decpt)
	} else {
		dst = appendRepeat(dst, '0', -vstart)
	}
	if 0 < decpt && decpt <= ndig {
		dst = append(dst, digits[:decpt]...)
		dst = append(dst, '.')
		dst = append(dst, digits[decpt:]...)
	} else {
		dst = append(dst, digits...)
	}
	if ndig < decpt {
		dst = appendRepeat(dst, '0', decpt-ndig)
		dst = append(dst, '.')
		dst = appendRepeat(dst, '0', vend-decpt)
	} else {
		dst = appendRepeat(dst, '0', vend-ndig)
	}
	if dst[len(dst)-1] == '.' && !alt {
		dst = dst[:len(dst)-1]
	}
	if useExp {
		if upper {
			dst = append(dst, 'E')
		} else {
			dst = append(dst, 'e')
		}
		if exp < 0 {
			dst = append(dst, '-')
			exp = -exp
		} else {
			dst = append(dst, '+')
		}
		if exp < 10 {
			dst = append(dst, '0')
		}
		dst = strconv.AppendInt(dst, int64(exp), 10)
	}
	return dst
}

func appendRepeat(dst []byte, c byte, n int) []byte {
	for ; n > 0; n-- {
		dst = append(dst, c)
	}
	return dst
}

// allZero reports whether every digit in s is '0' (other bytes are ignored).
func allZero(s []byte) bool {
	for _, c := range s {
		if c >= '1' && c <= '9' {
			return false
		}
	}
	return true
}
