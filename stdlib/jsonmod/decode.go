// decode.go implements json.loads/json.load as CPython's C scanner does,
// with the same JSONDecodeError messages and positions (in characters).

package jsonmod

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"yflow/vm"
)

// errStop is the scanner's "no value here" (CPython's StopIteration(idx)).
type errStop struct{ pos int }

func (e *errStop) Error() string { return "Expecting value" }

// SyntaxError is a decoding error at byte offset Pos of the document.
type SyntaxError struct {
	Msg string
	Pos int
}

func (e *SyntaxError) Error() string { return e.Msg }

type decoder struct {
	t                                   *vm.Thread
	s                                   string
	objectHook, pairsHook               vm.Value
	parseFloat, parseInt, parseConstant vm.Value
	strict                              bool
	depth                               int
}

func isWS(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (d *decoder) skipWS(i int) int {
	for i < len(d.s) && isWS(d.s[i]) {
		i++
	}
	return i
}

func (d *decoder) call(f vm.Value, arg vm.Value) (vm.Value, error) {
	return d.t.Call(f, []vm.Value{arg}, nil)
}

// scan parses one value at byte offset i, returning the value and the
// offset after it.
func (d *decoder) scan(i int) (vm.Value, int, error) {
	s := d.s
	if i >= len(s) {
		return vm.Null, 0, &errStop{i}
	}
	switch s[i] {
	case '"':
		str, end, err := d.scanString(i + 1)
		if err != nil {
			return vm.Null, 0, err
		}
		return vm.StrValue(str), end, nil
	case '{':
		d.depth++
		if d.depth > 900 {
			return vm.Null, 0, vm.Errorf(vm.RecursionErrorType, "maximum recursion depth exceeded while decoding a JSON object from a unicode string")
		}
		v, end, err := d.parseObject(i + 1)
		d.depth--
		return v, end, err
	case '[':
		d.depth++
		if d.depth > 900 {
			return vm.Null, 0, vm.Errorf(vm.RecursionErrorType, "maximum recursion depth exceeded while decoding a JSON array from a unicode string")
		}
		v, end, err := d.parseArray(i + 1)
		d.depth--
		return v, end, err
	case 'n':
		if strings.HasPrefix(s[i:], "null") {
			return vm.None, i + 4, nil
		}
	case 't':
		if strings.HasPrefix(s[i:], "true") {
			return vm.True, i + 4, nil
		}
	case 'f':
		if strings.HasPrefix(s[i:], "false") {
			return vm.False, i + 5, nil
		}
	case 'N':
		if strings.HasPrefix(s[i:], "NaN") {
			return d.constant("NaN", math.NaN(), i+3)
		}
	case 'I':
		if strings.HasPrefix(s[i:], "Infinity") {
			return d.constant("Infinity", math.Inf(1), i+8)
		}
	case '-':
		if strings.HasPrefix(s[i:], "-Infinity") {
			return d.constant("-Infinity", math.Inf(-1), i+9)
		}
	}
	return d.number(i)
}

func (d *decoder) constant(name string, f float64, end int) (vm.Value, int, error) {
	if !d.parseConstant.IsNull() && !d.parseConstant.IsNone() {
		v, err := d.call(d.parseConstant, vm.StrValue(name))
		return v, end, err
	}
	return vm.Float(f), end, nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (d *decoder) number(start int) (vm.Value, int, error) {
	s := d.s
	i := start
	end := len(s) - 1
	if s[i] == '-' {
		i++
		if i > end {
			return vm.Null, 0, &errStop{start}
		}
	}
	if s[i] >= '1' && s[i] <= '9' {
		i++
		for i <= end && isDigit(s[i]) {
			i++
		}
	} else if s[i] == '0' {
		i++
	} else {
		return vm.Null, 0, &errStop{start}
	}
	isFloat := false
	if i < end && s[i] == '.' && isDigit(s[i+1]) {
		isFloat = true
		i += 2
		for i <= end && isDigit(s[i]) {
			i++
		}
	}
	if i < end && (s[i] == 'e' || s[i] == 'E') {
		eStart := i
		i++
		if i < end && (s[i] == '-' || s[i] == '+') {
			i++
		}
		for i <= end && isDigit(s[i]) {
			i++
		}
		if isDigit(s[i-1]) {
			isFloat = true
		} else {
			i = eStart
		}
	}
	num := s[start:i]
	if isFloat {
		if !d.parseFloat.IsNull() && !d.parseFloat.IsNone() {
			v, err := d.call(d.parseFloat, vm.StrValue(num))
			return v, i, err
		}
		f, err := strconv.ParseFloat(num, 64)
		if err != nil && !strings.Contains(err.Error(), "range") {
			return vm.Null, 0, vm.Errorf(vm.ValueErrorType, "could not convert string to float: '%s'", num)
		}
		return vm.Float(f), i, nil
	}
	if !d.parseInt.IsNull() && !d.parseInt.IsNone() {
		v, err := d.call(d.parseInt, vm.StrValue(num))
		return v, i, err
	}
	if n, err := strconv.ParseInt(num, 10, 64); err == nil {
		return vm.Int(n), i, nil
	}
	b, _ := new(big.Int).SetString(num, 10)
	return vm.BigIntValue(b), i, nil
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// scanString decodes a string whose opening quote is at end-1.
func (d *decoder) scanString(end int) (string, int, error) {
	s := d.s
	begin := end - 1
	var b strings.Builder
	for {
		next := end
		var c byte
		for ; next < len(s); next++ {
			c = s[next]
			if c == '"' || c == '\\' {
				break
			}
			if c <= 0x1f && d.strict {
				return "", 0, &SyntaxError{"Invalid control character at", next}
			}
		}
		if next >= len(s) {
			return "", 0, &SyntaxError{"Unterminated string starting at", begin}
		}
		b.WriteString(s[end:next])
		next++
		if c == '"' {
			return b.String(), next, nil
		}
		if next == len(s) {
			return "", 0, &SyntaxError{"Unterminated string starting at", begin}
		}
		c = s[next]
		if c != 'u' {
			end = next + 1
			switch c {
			case '"', '\\', '/':
				b.WriteByte(c)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			default:
				return "", 0, &SyntaxError{"Invalid \\escape", end - 2}
			}
			continue
		}
		next++
		end = next + 4
		if end >= len(s) {
			return "", 0, &SyntaxError{"Invalid \\uXXXX escape", next - 1}
		}
		r := 0
		for ; next < end; next++ {
			h := hexVal(s[next])
			if h < 0 {
				return "", 0, &SyntaxError{"Invalid \\uXXXX escape", end - 5}
			}
			r = r<<4 | h
		}
		if r >= 0xD800 && r <= 0xDBFF && end+6 < len(s) && s[next] == '\\' && s[next+1] == 'u' {
			next += 2
			end += 6
			r2 := 0
			for ; next < end; next++ {
				h := hexVal(s[next])
				if h < 0 {
					return "", 0, &SyntaxError{"Invalid \\uXXXX escape", end - 5}
				}
				r2 = r2<<4 | h
			}
			if r2 >= 0xDC00 && r2 <= 0xDFFF {
				r = 0x10000 + ((r - 0xD800) << 10) + (r2 - 0xDC00)
			} else {
				end -= 6
				next = end
			}
		}
		if r >= 0xD800 && r <= 0xDFFF {
			r = utf8.RuneError // lone surrogates cannot be held in UTF-8
		}
		b.WriteRune(rune(r))
	}
}

func (d *decoder) parseObject(i int) (vm.Value, int, error) {
	s := d.s
	var keys, vals []vm.Value
	i = d.skipWS(i)
	if i >= len(s) || s[i] != '}' {
		for {
			if i >= len(s) || s[i] != '"' {
				return vm.Null, 0, &SyntaxError{"Expecting property name enclosed in double quotes", i}
			}
			key, next, err := d.scanString(i + 1)
			if err != nil {
				return vm.Null, 0, err
			}
			i = d.skipWS(next)
			if i >= len(s) || s[i] != ':' {
				return vm.Null, 0, &SyntaxError{"Expecting ':' delimiter", i}
			}
			i = d.skipWS(i + 1)
			v, next, err := d.scan(i)
			if err != nil {
				return vm.Null, 0, err
			}
			keys = append(keys, vm.Obj(vm.Intern(key)))
			vals = append(vals, v)
			i = d.skipWS(next)
			if i < len(s) && s[i] == '}' {
				break
			}
			if i >= len(s) || s[i] != ',' {
				return vm.Null, 0, &SyntaxError{"Expecting ',' delimiter", i}
			}
			i = d.skipWS(i + 1)
		}
	}
	end := i + 1
	if !d.pairsHook.IsNull() && !d.pairsHook.IsNone() {
		pairs := make([]vm.Value, len(keys))
		for j := range keys {
			pairs[j] = vm.TupleValue(keys[j], vals[j])
		}
		v, err := d.call(d.pairsHook, vm.Obj(vm.NewList(pairs)))
		return v, end, err
	}
	dict := vm.NewDict()
	for j := range keys {
		if err := dict.Set(d.t, keys[j], vals[j]); err != nil {
			return vm.Null, 0, err
		}
	}
	if !d.objectHook.IsNull() && !d.objectHook.IsNone() {
		v, err := d.call(d.objectHook, vm.Obj(dict))
		return v, end, err
	}
	return vm.Obj(dict), end, nil
}

func (d *decoder) parseArray(i int) (vm.Value, int, error) {
	s := d.s
	var items []vm.Value
	i = d.skipWS(i)
	if i >= len(s) || s[i] != ']' {
		for {
			v, next, err := d.scan(i)
			if err != nil {
				return vm.Null, 0, err
			}
			items = append(items, v)
			i = d.skipWS(next)
			if i < len(s) && s[i] == ']' {
				break
			}
			if i >= len(s) || s[i] != ',' {
				return vm.Null, 0, &SyntaxError{"Expecting ',' delimiter", i}
			}
			i = d.skipWS(i + 1)
		}
	}
	return vm.Obj(vm.NewList(items)), i + 1, nil
}

// Decode parses a whole JSON document. Errors are *SyntaxError (with a
// byte offset) or VM exceptions raised by hooks.
func (d *decoder) decode() (vm.Value, error) {
	i := d.skipWS(0)
	v, end, err := d.scan(i)
	if err != nil {
		if st, ok := err.(*errStop); ok {
			return vm.Null, &SyntaxError{"Expecting value", st.pos}
		}
		return vm.Null, err
	}
	end = d.skipWS(end)
	if end != len(d.s) {
		return vm.Null, &SyntaxError{"Extra data", end}
	}
	return v, nil
}

// position converts a byte offset of doc into CPython's character
// position, line and column.
func position(doc string, off int) (pos, line, col int) {
	if off > len(doc) {
		off = len(doc)
	}
	prefix := doc[:off]
	pos = utf8.RuneCountInString(prefix)
	line = strings.Count(prefix, "\n") + 1
	if nl := strings.LastIndexByte(prefix, '\n'); nl >= 0 {
		col = pos - utf8.RuneCountInString(doc[:nl])
	} else {
		col = pos + 1
	}
	return
}
