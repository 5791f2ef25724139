// percent.go: printf-style formatting, str % args, following
// PyUnicode_Format in CPython's Objects/unicodeobject.c.

package pyfmt

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"unicode/utf8"
)

// PercentArgs is the right operand of str % operand, as seen by Percent.
//
// CPython distinguishes three shapes of operand, and so does Percent:
//
//   - a tuple: Len() is its length and Arg(i) returns item i;
//   - any other object: Len() is -1 and Arg(0) returns the object itself
//     (it is consumed by the first conversion);
//   - a mapping (an object with __getitem__ that is neither a tuple nor a
//     str): IsMapping() is true, Len() is -1 and Arg(0) returns the
//     mapping itself; "%(name)s" conversions look keys up with Key.
//
// TupleArgs and SingleArg are ready-made implementations for the first two.
type PercentArgs interface {
	// Len returns the tuple length, or -1 when the operand is not a tuple.
	Len() int
	// Arg returns tuple item i (0 <= i < Len()), or the operand itself
	// when Len() == -1 (then i is 0).
	Arg(i int) any
	// IsMapping reports whether "%(key)" conversions are allowed.
	IsMapping() bool
	// Key returns operand[name]. Its error (typically a KeyError the VM
	// builds) is returned by Percent unchanged.
	Key(name string) (any, error)
}

// TupleArgs is a PercentArgs for a tuple operand.
type TupleArgs []any

// Len implements PercentArgs.
func (t TupleArgs) Len() int { return len(t) }

// Arg implements PercentArgs.
func (t TupleArgs) Arg(i int) any { return t[i] }

// IsMapping implements PercentArgs; a tuple is never a mapping.
func (t TupleArgs) IsMapping() bool { return false }

// Key implements PercentArgs; it is never called for a tuple.
func (t TupleArgs) Key(string) (any, error) { return nil, typeError("format requires a mapping") }

// SingleArg is a PercentArgs for a non-tuple, non-mapping operand.
type SingleArg struct{ V any }

// Len implements PercentArgs.
func (s SingleArg) Len() int { return -1 }

// Arg implements PercentArgs.
func (s SingleArg) Arg(int) any { return s.V }

// IsMapping implements PercentArgs.
func (s SingleArg) IsMapping() bool { return false }

// Key implements PercentArgs; it is never called.
func (s SingleArg) Key(string) (any, error) { return nil, typeError("format requires a mapping") }

// Value is implemented by the VM for objects that Percent (and the VM's
// callers) cannot represent as a plain Go value.
//
// The arguments Percent receives from PercentArgs are either one of the
// plain Go types below, which stand for instances of the exact built-in
// Python types, or a Value:
//
//	int, int64, *big.Int  -> int
//	bool                  -> bool
//	float64               -> float
//	string                -> str
//
// Instances of subclasses (IntEnum members, str subclasses, ...) must be
// passed as Values, since their str() and repr() may differ.
type Value interface {
	// TypeName returns type(v).__name__ for error messages.
	TypeName() string
	// Str returns str(v).
	Str() (string, error)
	// Repr returns repr(v).
	Repr() (string, error)
	// Int converts v to an int: like int(v) (PyNumber_Long) when index is
	// false, like operator.index(v) when index is true. The result is small
	// when big is nil. ok is false when v is not a number or the
	// conversion raises TypeError (Percent then raises its own TypeError);
	// any other failure is reported through err and passed on unchanged.
	Int(index bool) (small int64, big *big.Int, ok bool, err error)
	// Float converts v like float(v) does for numbers (PyFloat_AsDouble:
	// __float__, then __index__). ok is false when v has neither; other
	// failures (e.g. OverflowError) are reported through err.
	Float() (f float64, ok bool, err error)
	// StrData returns the text of v when v is an instance of str (a str
	// subclass), used by %c; ok is false otherwise.
	StrData() (s string, ok bool)
}

// Flags of a conversion specifier.
const (
	pfLJust = 1 << iota
	pfSign
	pfBlank
	pfAlt
	pfZero
)

// percentState tracks argument consumption like CPython's
// unicode_formatter_t (arglen, argidx).
type percentState struct {
	args    PercentArgs
	cur     any // the single operand or the last %(key) value when arglen < 0
	arglen  int
	argidx  int
	mapping bool
}

func (st *percentState) next() (any, error) {
	if st.argidx < st.arglen {
		i := st.argidx
		st.argidx++
		if st.arglen < 0 {
			return st.cur, nil
		}
		return st.args.Arg(i), nil
	}
	return nil, typeError("not enough arguments for format string")
}

// Percent returns format % args (printf-style formatting of a str).
//
// Supported: %% and conversions s r a c d i u o x X e E f F g G with
// flags - + space # 0, width and precision (both may be *), %(key) lookups
// and the ignored length modifiers h l L. Errors carry CPython's exact
// messages ("not enough arguments for format string", "not all arguments
// converted during string formatting", "incomplete format",
// "unsupported format character 'y' (0x79) at index 3",
// "%d format: a real number is required, not str", ...). Errors returned by
// Value methods and PercentArgs.Key are passed through unchanged.
func Percent(format string, args PercentArgs) (string, error) {
	st := percentState{args: args, arglen: args.Len(), argidx: 0}
	if st.arglen < 0 {
		st.argidx = -2
		st.cur = args.Arg(0)
	}
	st.mapping = args.IsMapping()
	out := make([]byte, 0, len(format)+16)
	cp := 0 // code point index of pos
	pos := 0
	for pos < len(format) {
		// Literal run.
		start := pos
		for pos < len(format) && format[pos] != '%' {
			if format[pos] < utf8.RuneSelf {
				pos++
			} else {
				_, n := utf8.DecodeRuneInString(format[pos:])
				pos += n
			}
			cp++
		}
		out = append(out, format[start:pos]...)
		if pos >= len(format) {
			break
		}
		pos++ // '%'
		cp++
		var err error
		out, pos, cp, err = st.conversion(out, format, pos, cp)
		if err != nil {
			return "", err
		}
	}
	if st.argidx < st.arglen && !st.mapping {
		return "", typeError("not all arguments converted during string formatting")
	}
	return string(out), nil
}

// conversion handles one conversion specifier starting at format[pos] (just
// after the '%'), cp being its code point index. It returns the new
// position.
func (st *percentState) conversion(out []byte, format string, pos, cp int) ([]byte, int, int, error) {
	end := len(format)
	if pos < end && format[pos] == '%' {
		return append(out, '%'), pos + 1, cp + 1, nil
	}
	eof := false
	var ch rune
	// read consumes the next code point into ch; at the end of the format
	// it sets eof and leaves ch unchanged, like CPython's fmtcnt < 0.
	read := func() bool {
		if pos >= end {
			eof = true
			return false
		}
		r, n := decodeRune(format, pos)
		ch = r
		pos += n
		cp++
		return true
	}
	if pos < end && format[pos] == '(' {
		if !st.mapping {
			return out, pos, cp, typeError("format requires a mapping")
		}
		pos++
		cp++
		keyStart := pos
		depth := 1
		for depth > 0 && read() {
			if ch == ')' {
				depth--
			} else if ch == '(' {
				depth++
			}
		}
		if eof || depth > 0 {
			return out, pos, cp, valueError("incomplete format key")
		}
		v, err := st.args.Key(format[keyStart : pos-1])
		if err != nil {
			return out, pos, cp, err
		}
		st.cur = v
		st.arglen = -1
		st.argidx = -2
	}
	flags := 0
	for read() {
		switch ch {
		case '-':
			flags |= pfLJust
			continue
		case '+':
			flags |= pfSign
			continue
		case ' ':
			flags |= pfBlank
			continue
		case '#':
			flags |= pfAlt
			continue
		case '0':
			flags |= pfZero
			continue
		}
		break
	}
	width, prec := -1, -1
	if ch == '*' && !eof {
		v, err := st.next()
		if err != nil {
			return out, pos, cp, err
		}
		w, err := starInt(v, math.MaxInt64, "Python int too large to convert to C ssize_t")
		if err != nil {
			return out, pos, cp, err
		}
		if w < 0 {
			flags |= pfLJust
			w = -w
		}
		width = int(w)
		read()
	} else if ch >= '0' && ch <= '9' && !eof {
		width = int(ch - '0')
		for read() {
			if ch < '0' || ch > '9' {
				break
			}
			d := int(ch - '0')
			if width > (math.MaxInt64-d)/10 {
				return out, pos, cp, valueError("width too big")
			}
			width = width*10 + d
		}
	}
	if ch == '.' && !eof {
		prec = 0
		read()
		if ch == '*' && !eof {
			v, err := st.next()
			if err != nil {
				return out, pos, cp, err
			}
			p, err := starInt(v, math.MaxInt32, "Python int too large to convert to C int")
			if err != nil {
				return out, pos, cp, err
			}
			if p < 0 {
				p = 0
			}
			prec = int(p)
			read()
		} else if ch >= '0' && ch <= '9' && !eof {
			prec = int(ch - '0')
			for read() {
				if ch < '0' || ch > '9' {
					break
				}
				d := int(ch - '0')
				if prec > (math.MaxInt32-d)/10 {
					return out, pos, cp, valueError("precision too big")
				}
				prec = prec*10 + d
			}
		}
	}
	if !eof && (ch == 'h' || ch == 'l' || ch == 'L') {
		read()
	}
	if eof {
		return out, pos, cp, valueError("incomplete format")
	}
	v, err := st.next()
	if err != nil {
		return out, pos, cp, err
	}
	var str string
	sign := false
	switch ch {
	case 's', 'r', 'a':
		str, err = percentStr(v, ch)
	case 'i', 'd', 'u', 'o', 'x', 'X':
		str, err = percentInt(v, ch, flags, prec)
		sign = true
	case 'e', 'E', 'f', 'F', 'g', 'G':
		var f float64
		f, err = percentFloat(v)
		if err == nil {
			if prec < 0 {
				prec = 6
			}
			if prec > maxPad {
				return out, pos, cp, memoryError()
			}
			fl := 0
			if flags&pfAlt != 0 {
				fl = dtsfAlt
			}
			var buf [48]byte
			str = string(appendDouble(buf[:0], f, byte(ch), prec, fl))
		}
		sign = true
	case 'c':
		str, err = percentChar(v)
	default:
		c := byte('?')
		if ch >= 31 && ch <= 126 {
			c = byte(ch)
		}
		return out, pos, cp, valueError(fmt.Sprintf("unsupported format character '%c' (0x%x) at index %d", c, ch, cp-1))
	}
	if err != nil {
		return out, pos, cp, err
	}
	out, err = percentOutput(out, str, ch, flags, width, prec, sign)
	if err != nil {
		return out, pos, cp, err
	}
	if st.mapping && st.argidx < st.arglen {
		return out, pos, cp, typeError("not all arguments converted during string formatting")
	}
	return out, pos, cp, nil
}

// starInt converts a '*' width or precision argument.
func starInt(v any, limit int64, overflowMsg string) (int64, error) {
	var small int64
	var b *big.Int
	switch x := v.(type) {
	case int:
		small = int64(x)
	case int64:
		small = x
	case *big.Int:
		b = x
	case bool:
		if x {
			small = 1
		}
	case Value:
		// CPython accepts only int instances (PyLong_Check); here any
		// Value whose Int(true) succeeds is accepted.
		if _, isStr := x.StrData(); isStr {
			return 0, typeError("* wants int")
		}
		s, bb, ok, err := x.Int(true)
		if err != nil {
			return 0, err
		}
		if !ok {
			return 0, typeError("* wants int")
		}
		small, b = s, bb
	default:
		return 0, typeError("* wants int")
	}
	if b != nil {
		if !b.IsInt64() {
			return 0, overflowError(overflowMsg)
		}
		small = b.Int64()
	}
	if small > limit || small < -limit-1 {
		return 0, overflowError(overflowMsg)
	}
	return small, nil
}

func argTypeName(v any) string {
	switch x := v.(type) {
	case int, int64, *big.Int:
		return "int"
	case bool:
		return "bool"
	case float64:
		return "float"
	case string:
		return "str"
	case Value:
		return x.TypeName()
	}
	return fmt.Sprintf("%T", v)
}

func percentStr(v any, ch rune) (string, error) {
	var s string
	switch x := v.(type) {
	case int:
		return strconv.Itoa(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case *big.Int:
		return x.String(), nil
	case bool:
		if x {
			return "True", nil
		}
		return "False", nil
	case float64:
		return FloatRepr(x), nil
	case string:
		switch ch {
		case 's':
			return x, nil
		case 'r':
			return StrRepr(x), nil
		}
		return ASCIIRepr(x), nil
	case Value:
		var err error
		if ch == 's' {
			s, err = x.Str()
		} else {
			s, err = x.Repr()
		}
		if err != nil {
			return "", err
		}
		if ch == 'a' {
			s = ASCIIEscape(s)
		}
		return s, nil
	}
	return "", fmt.Errorf("pyfmt: unsupported argument type %T", v)
}

// percentIntValue extracts the integer for %d-style conversions.
func percentIntValue(v any, ch rune) (int64, *big.Int, error) {
	wrong := func() error {
		if ch == 'o' || ch == 'x' || ch == 'X' {
			return typeError(fmt.Sprintf("%%%c format: an integer is required, not %s", ch, typeErrName(argTypeName(v))))
		}
		return typeError(fmt.Sprintf("%%%c format: a real number is required, not %s", ch, typeErrName(argTypeName(v))))
	}
	switch x := v.(type) {
	case int:
		return int64(x), nil, nil
	case int64:
		return x, nil, nil
	case *big.Int:
		return 0, x, nil
	case bool:
		if x {
			return 1, nil, nil
		}
		return 0, nil, nil
	case float64:
		if ch == 'o' || ch == 'x' || ch == 'X' {
			return 0, nil, wrong()
		}
		return FloatToInt(x)
	case string:
		return 0, nil, wrong()
	case Value:
		s, b, ok, err := x.Int(ch == 'o' || ch == 'x' || ch == 'X')
		if err != nil {
			return 0, nil, err
		}
		if !ok {
			return 0, nil, wrong()
		}
		return s, b, nil
	}
	return 0, nil, fmt.Errorf("pyfmt: unsupported argument type %T", v)
}

// FloatToInt truncates f towards zero like int(f), failing with
// OverflowError "cannot convert float infinity to integer" or ValueError
// "cannot convert float NaN to integer". The result is the int64 when the
// *big.Int is nil.
func FloatToInt(f float64) (int64, *big.Int, error) {
	if math.IsInf(f, 0) {
		return 0, nil, overflowError("cannot convert float infinity to integer")
	}
	if math.IsNaN(f) {
		return 0, nil, valueError("cannot convert float NaN to integer")
	}
	t := math.Trunc(f)
	if t >= -9.2e18 && t <= 9.2e18 {
		return int64(t), nil, nil
	}
	b, _ := new(big.Float).SetFloat64(t).Int(nil)
	return 0, b, nil
}

func percentInt(v any, ch rune, flags, prec int) (string, error) {
	small, b, err := percentIntValue(v, ch)
	if err != nil {
		return "", err
	}
	if prec > math.MaxInt32-3 {
		return "", overflowError("precision too large")
	}
	if prec > maxPad {
		return "", memoryError()
	}
	base := 10
	switch ch {
	case 'o':
		base = 8
	case 'x', 'X':
		base = 16
	}
	var buf [72]byte
	var digits []byte
	neg := false
	if b != nil {
		neg = b.Sign() < 0
		var a big.Int
		digits = a.Abs(b).Append(nil, base)
	} else {
		neg = small < 0
		u := uint64(small)
		if neg {
			u = -u
		}
		digits = strconv.AppendUint(buf[:0], u, base)
	}
	out := make([]byte, 0, len(digits)+4+max(prec-len(digits), 0))
	if neg {
		out = append(out, '-')
	}
	if flags&pfAlt != 0 && base != 10 {
		out = append(out, '0', byte(ch))
	}
	out = appendRepeat(out, '0', prec-len(digits))
	out = append(out, digits...)
	if ch == 'X' {
		for i, c := range out {
			if c >= 'a' && c <= 'z' {
				out[i] = c - ('a' - 'A')
			}
		}
	}
	return string(out), nil
}

func percentFloat(v any) (float64, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case int:
		return float64(x), nil
	case int64:
		return float64(x), nil
	case *big.Int:
		return IntToFloat(x)
	case bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case string:
		return 0, typeError("must be real number, not str")
	case Value:
		f, ok, err := x.Float()
		if err != nil {
			return 0, err
		}
		if !ok {
			return 0, typeError("must be real number, not " + typeErrName(x.TypeName()))
		}
		return f, nil
	}
	return 0, fmt.Errorf("pyfmt: unsupported argument type %T", v)
}

func percentChar(v any) (string, error) {
	var small int64
	var b *big.Int
	switch x := v.(type) {
	case string:
		if r, n := decodeWTF8OrEmpty(x); n == len(x) && n > 0 {
			return string(appendCodePoint(nil, r)), nil
		}
		return "", typeError("%c requires int or char")
	case int:
		small = int64(x)
	case int64:
		small = x
	case *big.Int:
		b = x
	case bool:
		if x {
			small = 1
		}
	case float64:
		return "", typeError("%c requires int or char")
	case Value:
		if s, ok := x.StrData(); ok {
			if r, n := decodeWTF8OrEmpty(s); n == len(s) && n > 0 {
				return string(appendCodePoint(nil, r)), nil
			}
			return "", typeError("%c requires int or char")
		}
		s, bb, ok, err := x.Int(true)
		if err != nil {
			return "", err
		}
		if !ok {
			return "", typeError("%c requires int or char")
		}
		small, b = s, bb
	default:
		return "", fmt.Errorf("pyfmt: unsupported argument type %T", v)
	}
	if b != nil || small < 0 || small > 0x10FFFF {
		return "", overflowError("%c arg not in range(0x110000)")
	}
	return string(appendCodePoint(nil, rune(small))), nil
}

func decodeWTF8OrEmpty(s string) (rune, int) {
	if s == "" {
		return 0, 0
	}
	return decodeWTF8(s)
}

// percentOutput is unicode_format_arg_output: padding, sign and the 0x/0o
// prefix placement around the converted text.
func percentOutput(out []byte, str string, ch rune, flags, width, prec int, sign bool) ([]byte, error) {
	fill := byte(' ')
	if sign && flags&pfZero != 0 {
		fill = '0'
	}
	n := utf8.RuneCountInString(str)
	if (width < 0 || width <= n) && (prec < 0 || prec >= n) && flags&(pfSign|pfBlank) == 0 {
		return append(out, str...), nil
	}
	if width > maxPad {
		return out, memoryError()
	}
	if (ch == 's' || ch == 'r' || ch == 'a') && prec >= 0 && n > prec {
		i := 0
		for k := 0; k < prec; k++ {
			_, sz := utf8.DecodeRuneInString(str[i:])
			i += sz
		}
		str = str[:i]
		n = prec
	}
	var signChar byte
	if sign {
		if str[0] == '-' || str[0] == '+' {
			signChar = str[0]
			str = str[1:]
			n--
		} else if flags&pfSign != 0 {
			signChar = '+'
		} else if flags&pfBlank != 0 {
			signChar = ' '
		} else {
			sign = false
		}
	}
	if width < n {
		width = n
	}
	if sign {
		if fill != ' ' {
			out = append(out, signChar)
		}
		if width > n {
			width--
		}
	}
	alt := flags&pfAlt != 0 && (ch == 'x' || ch == 'X' || ch == 'o')
	if alt {
		if fill != ' ' {
			out = append(out, str[:2]...)
			str = str[2:]
		}
		width -= 2
		if width < 0 {
			width = 0
		}
		n -= 2
	}
	if width > n && flags&pfLJust == 0 {
		out = appendRepeat(out, fill, width-n)
		width = n
	}
	if fill == ' ' {
		if sign {
			out = append(out, signChar)
		}
		if alt {
			out = append(out, str[:2]...)
			str = str[2:]
		}
	}
	out = append(out, str...)
	if width > n {
		out = appendRepeat(out, ' ', width-n)
	}
	return out, nil
}
