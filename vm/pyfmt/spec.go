// spec.go: parsing of the format-spec mini-language
// ([[fill]align][sign][z][#][0][width][grouping][.precision][type]),
// following parse_internal_render_format_spec in CPython's
// Python/formatter_unicode.c.

package pyfmt

import (
	"math"
	"unicode/utf8"
)

// Spec is a parsed format specification. Obtain one from ParseSpec; the zero
// value is not meaningful (Width and Precision use -1 for "absent").
//
// A Spec does not depend on the type of the value being formatted, so it
// can be parsed once and cached. Defaults that do depend on the type
// (alignment, presentation type) are resolved by FormatInt, FormatFloat and
// FormatString.
type Spec struct {
	Fill      rune // fill character: ' ' by default, '0' when the 0 flag is given without an explicit fill
	Align     byte // '<', '>', '^', '=' or 0 when not given
	Sign      byte // '+', '-', ' ' or 0 when not given
	NoNegZero bool // 'z' flag (coerce negative zero results to positive)
	Alternate bool // '#' flag
	ZeroPad   bool // '0' flag given with no explicit fill; numbers then default to '=' alignment
	Width     int  // minimum width in code points, -1 when not given
	Grouping  byte // ',' or '_' thousands separator, or 0
	Precision int  // -1 when not given
	Type      rune // presentation type, valid only when HasType
	HasType   bool // a presentation type character was given (it may be NUL)

	// bad holds the whole spec when it had trailing garbage; the error
	// "Invalid format specifier ... for object of type ..." needs the type
	// name and is therefore reported by the Format functions.
	bad string
	// invalid is set together with bad.
	invalid bool
}

// EmptySpec is the result of ParseSpec(""): no fill, alignment, width,
// precision or type.
var EmptySpec = Spec{Fill: ' ', Width: -1, Precision: -1}

// ParseSpec parses a format specification (the part after ':' in a
// replacement field, or format()'s second argument).
//
// Errors that CPython reports while parsing are returned directly
// ("Format specifier missing precision", "Cannot specify both ',' and '_'.",
// "Cannot specify ',' with 'c'.", "Too many decimal digits in format
// string"). A spec with unparseable trailing text parses without error but
// every Format function then fails with CPython's "Invalid format specifier
// '...' for object of type '...'", because that message names the type.
func ParseSpec(spec string) (Spec, error) {
	s := EmptySpec
	if spec == "" {
		return s, nil
	}
	pos := 0
	end := len(spec)
	fillSpecified, alignSpecified := false, false

	// [[fill]align]
	r0, n0 := decodeRune(spec, 0)
	if n0 < end {
		if r1, n1 := decodeRune(spec, n0); isAlign(r1) {
			s.Fill = r0
			s.Align = byte(r1)
			fillSpecified, alignSpecified = true, true
			pos = n0 + n1
		}
	}
	if !alignSpecified && isAlign(r0) {
		s.Align = byte(r0)
		alignSpecified = true
		pos = 1
	}
	if pos < end && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ') {
		s.Sign = spec[pos]
		pos++
	}
	if pos < end && spec[pos] == 'z' {
		s.NoNegZero = true
		pos++
	}
	if pos < end && spec[pos] == '#' {
		s.Alternate = true
		pos++
	}
	if !fillSpecified && pos < end && spec[pos] == '0' {
		s.Fill = '0'
		s.ZeroPad = true
		pos++
	}
	w, n, err := specInteger(spec, &pos)
	if err != nil {
		return s, err
	}
	if n > 0 {
		s.Width = w
	}
	if pos < end && spec[pos] == ',' {
		s.Grouping = ','
		pos++
	}
	if pos < end && spec[pos] == '_' {
		if s.Grouping != 0 {
			return s, valueError("Cannot specify both ',' and '_'.")
		}
		s.Grouping = '_'
		pos++
	}
	if pos < end && spec[pos] == ',' && s.Grouping == '_' {
		return s, valueError("Cannot specify both ',' and '_'.")
	}
	if pos < end && spec[pos] == '.' {
		pos++
		p, n, err := specInteger(spec, &pos)
		if err != nil {
			return s, err
		}
		if n == 0 {
			return s, valueError("Format specifier missing precision")
		}
		s.Precision = p
	}
	if pos < end {
		r, n := decodeRune(spec, pos)
		if pos+n < end {
			s.invalid = true
			s.bad = spec
			return s, nil
		}
		s.Type = r
		s.HasType = true
	}
	if s.Grouping != 0 && s.HasType {
		switch s.Type {
		case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0:
		case 'b', 'o', 'x', 'X':
			if s.Grouping != '_' {
				return s, groupingError(s.Grouping, s.Type)
			}
		default:
			return s, groupingError(s.Grouping, s.Type)
		}
	}
	return s, nil
}

func isAlign(r rune) bool { return r == '<' || r == '>' || r == '=' || r == '^' }

// decodeRune decodes the rune at s[i:]; an invalid byte decodes as
// utf8.RuneError of width 1.
func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return r, n
}

// specInteger parses a run of Unicode decimal digits at s[*pos:], like
// CPython's get_integer in formatter_unicode.c. It returns the value and the
// number of digits consumed.
func specInteger(s string, pos *int) (int, int, error) {
	acc, nd := 0, 0
	for *pos < len(s) {
		r, n := decodeRune(s, *pos)
		d := DecimalValue(r)
		if d < 0 {
			break
		}
		if acc > (math.MaxInt64-d)/10 {
			return 0, 0, valueError("Too many decimal digits in format string")
		}
		acc = acc*10 + d
		nd++
		*pos += n
	}
	return acc, nd, nil
}

func groupingError(g byte, t rune) error {
	return valueError("Cannot specify '" + string(rune(g)) + "' with " + quoteCode(t) + ".")
}

// quoteCode renders a presentation type the way CPython's error messages do:
// 'c' for printable ASCII, '\x1f' style (lower-case hex, no padding) otherwise.
func quoteCode(t rune) string {
	if t > 32 && t < 128 {
		return "'" + string(t) + "'"
	}
	return "'\\x" + hexLower(uint64(t)) + "'"
}

func hexLower(v uint64) string {
	const digits = "0123456789abcdef"
	var b [16]byte
	i := len(b)
	for {
		i--
		b[i] = digits[v&15]
		v >>= 4
		if v == 0 {
			break
		}
	}
	return string(b[i:])
}

// typeErrName truncates a type name like CPython's "%.200s".
func typeErrName(name string) string {
	if len(name) <= 200 {
		return name
	}
	n := 200
	for n > 0 && !utf8.RuneStart(name[n]) {
		n--
	}
	return name[:n]
}

// check reports the deferred "Invalid format specifier" error.
func (s *Spec) check(typeName string) error {
	if s.invalid {
		return valueError("Invalid format specifier '" + s.bad + "' for object of type '" + typeErrName(typeName) + "'")
	}
	return nil
}

func unknownCode(t rune, typeName string) error {
	return valueError("Unknown format code " + quoteCode(t) + " for object of type '" + typeErrName(typeName) + "'")
}
