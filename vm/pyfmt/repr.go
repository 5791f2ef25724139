// repr.go: repr() of str and bytes, ascii(), and the Unicode character
// predicates (isprintable, decimal digit values) they rely on.

package pyfmt

import (
	"sort"
	"unicode/utf8"
)

// IsPrintable reports whether str.isprintable() is true for the code point
// r in CPython 3.11 (Unicode 14.0): false for categories Cc, Cf, Cs, Co, Cn,
// Zl, Zp and Zs other than the ASCII space.
func IsPrintable(r rune) bool {
	if r < 0x7F {
		return r >= 0x20
	}
	if r < 0xA1 {
		return false
	}
	i := sort.Search(len(printableRanges), func(i int) bool { return printableRanges[i][1] >= r })
	return i < len(printableRanges) && printableRanges[i][0] <= r
}

// DecimalValue returns unicodedata.decimal(r) (0..9) for Unicode decimal
// digits (category Nd, e.g. '٣' or '３') and -1 for anything else.
func DecimalValue(r rune) int {
	if r < 0x80 {
		if r >= '0' && r <= '9' {
			return int(r - '0')
		}
		return -1
	}
	i := sort.Search(len(decimalZeros), func(i int) bool { return decimalZeros[i] > r }) - 1
	if i >= 0 && r-decimalZeros[i] < 10 {
		return int(r - decimalZeros[i])
	}
	return -1
}

// IsSpace reports whether str.isspace() is true for r.
func IsSpace(r rune) bool { return isSpace(r) }

// decodeWTF8 decodes one code point from s, accepting surrogates encoded
// as three bytes (ED A0..BF 80..BF). Invalid bytes decode as -1 with width 1.
func decodeWTF8(s string) (rune, int) {
	c := s[0]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && n == 1 {
		if c == 0xED && len(s) >= 3 && s[1] >= 0xA0 && s[1] <= 0xBF && s[2] >= 0x80 && s[2] <= 0xBF {
			return 0xD000 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
		}
		return -1, 1
	}
	return r, n
}

// StrRepr returns repr(s) for a str: quoted with ' unless s contains ' and
// no ", with \\, the quote, \t \n \r escaped, other non-printable code
// points escaped as \xNN, \uNNNN or \UNNNNNNNN (CPython's unicode_repr).
// Invalid UTF-8 bytes (which a Python str cannot hold) are shown as \xNN.
func StrRepr(s string) string {
	return string(appendStrRepr(make([]byte, 0, len(s)+2), s, false))
}

// AppendStrRepr appends StrRepr(s) to dst.
func AppendStrRepr(dst []byte, s string) []byte { return appendStrRepr(dst, s, false) }

// ASCIIRepr returns ascii(s) for a str: like StrRepr, but every non-ASCII
// code point is escaped.
func ASCIIRepr(s string) string {
	return string(appendStrRepr(make([]byte, 0, len(s)+2), s, true))
}

// ASCIIEscape returns s with every non-ASCII code point replaced by a
// \xNN, \uNNNN or \UNNNNNNNN escape: ascii(x) is ASCIIEscape(repr(x)).
func ASCIIEscape(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	dst := make([]byte, 0, len(s)+8)
	dst = append(dst, s[:i]...)
	for i < len(s) {
		r, n := decodeWTF8(s[i:])
		switch {
		case r < 0:
			dst = appendEscape(dst, 'x', uint32(s[i]), 2)
		case r < utf8.RuneSelf:
			dst = append(dst, byte(r))
		default:
			dst = appendUniEscape(dst, r)
		}
		i += n
	}
	return string(dst)
}

func appendStrRepr(dst []byte, s string, ascii bool) []byte {
	quote := byte('\'')
	hasSingle, hasDouble := false, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'':
			hasSingle = true
		case '"':
			hasDouble = true
		}
	}
	if hasSingle && !hasDouble {
		quote = '"'
	}
	dst = append(dst, quote)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == quote || c == '\\':
				dst = append(dst, '\\', c)
			case c == '\t':
				dst = append(dst, '\\', 't')
			case c == '\n':
				dst = append(dst, '\\', 'n')
			case c == '\r':
				dst = append(dst, '\\', 'r')
			case c < ' ' || c == 0x7F:
				dst = appendEscape(dst, 'x', uint32(c), 2)
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := decodeWTF8(s[i:])
		switch {
		case r < 0:
			dst = appendEscape(dst, 'x', uint32(c), 2)
		case !ascii && IsPrintable(r):
			dst = append(dst, s[i:i+n]...)
		default:
			dst = appendUniEscape(dst, r)
		}
		i += n
	}
	return append(dst, quote)
}

func appendUniEscape(dst []byte, r rune) []byte {
	switch {
	case r <= 0xFF:
		return appendEscape(dst, 'x', uint32(r), 2)
	case r <= 0xFFFF:
		return appendEscape(dst, 'u', uint32(r), 4)
	}
	return appendEscape(dst, 'U', uint32(r), 8)
}

func appendEscape(dst []byte, kind byte, v uint32, width int) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '\\', kind)
	for shift := (width - 1) * 4; shift >= 0; shift -= 4 {
		dst = append(dst, hex[(v>>uint(shift))&15])
	}
	return dst
}

// BytesRepr returns repr(b) for a bytes object: b'...' (or b"..." when b
// contains ' and no "), with \\, the quote, \t \n \r escaped and bytes
// outside 0x20..0x7E as \xNN.
func BytesRepr(b []byte) string {
	return string(AppendBytesRepr(make([]byte, 0, len(b)+3), b))
}

// AppendBytesRepr appends BytesRepr(b) to dst. Use it with a "bytearray("
// prefix and ")" suffix for bytearray reprs.
func AppendBytesRepr(dst []byte, b []byte) []byte {
	quote := byte('\'')
	hasSingle, hasDouble := false, false
	for _, c := range b {
		switch c {
		case '\'':
			hasSingle = true
		case '"':
			hasDouble = true
		}
	}
	if hasSingle && !hasDouble {
		quote = '"'
	}
	dst = append(dst, 'b', quote)
	for _, c := range b {
		switch {
		case c == quote || c == '\\':
			dst = append(dst, '\\', c)
		case c == '\t':
			dst = append(dst, '\\', 't')
		case c == '\n':
			dst = append(dst, '\\', 'n')
		case c == '\r':
			dst = append(dst, '\\', 'r')
		case c < ' ' || c >= 0x7F:
			dst = appendEscape(dst, 'x', uint32(c), 2)
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, quote)
}
