// bytes_methods.go: the methods of bytes and bytearray (shared
// implementations parameterised by the result type), their constructors,
// bytearray's mutating methods and slice assignment, and bytesContains.

package vm

import (
	"bytes"
	"encoding/hex"
	"strings"

	"yflow/lang/compiler"
	"yflow/vm/pyfmt"
)

// bytesData returns the contents of a bytes or bytearray.
func bytesData(v Value) ([]byte, bool) {
	switch x := v.o.(type) {
	case *Bytes:
		return x.b, true
	case *ByteArray:
		return x.b, true
	}
	return nil, false
}

// bytesLike returns v's contents or "a bytes-like object is required".
func bytesLike(v Value) ([]byte, error) {
	if b, ok := bytesData(v); ok {
		return b, nil
	}
	return nil, Errorf(TypeErrorType, "a bytes-like object is required, not '%s'", v.Type().Name)
}

// bytesContains is `item in b` for bytes and bytearray.
func bytesContains(b []byte, item Value) (bool, error) {
	switch item.o.(type) {
	case intTag, boolTag:
		c := item.AsInt()
		if c < 0 || c > 255 {
			return false, Errorf(ValueErrorType, "byte must be in range(0, 256)")
		}
		return bytes.IndexByte(b, byte(c)) >= 0, nil
	case *BigInt:
		return false, Errorf(ValueErrorType, "byte must be in range(0, 256)")
	}
	sub, ok := bytesData(item)
	if !ok {
		return false, Errorf(TypeErrorType, "a bytes-like object is required, not '%s'", item.Type().Name)
	}
	return bytes.Contains(b, sub), nil
}

// bytesCompare compares bytes and bytearray values with each other; ok is
// false when a or b is not bytes-like.
func bytesCompare(op compiler.CompareOp, a, b Value) (Value, bool) {
	x, ok1 := bytesData(a)
	y, ok2 := bytesData(b)
	if !ok1 || !ok2 {
		return Null, false
	}
	return Bool(cmpResult(op, bytes.Compare(x, y))), true
}

// bytesMethod is a bytes/bytearray method with self's contents; mk builds
// a result of self's type.
type bytesMethod func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error)

func mkBytes(b []byte) Value     { return Obj(NewBytes(b)) }
func mkByteArray(b []byte) Value { return Obj(&ByteArray{b: b}) }

// addBytesMethod installs fn on bytes and bytearray.
func addBytesMethod(name string, fn bytesMethod) {
	addMethod(BytesType, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		x, ok := self.o.(*Bytes)
		if !ok {
			return Null, selfError(name, BytesType, self)
		}
		return fn(t, x.b, mkBytes, args, kw)
	})
	addMethod(ByteArrayType, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		x, ok := self.o.(*ByteArray)
		if !ok {
			return Null, selfError(name, ByteArrayType, self)
		}
		return fn(t, x.b, mkByteArray, args, kw)
	})
}

// addByteArrayMethod installs a bytearray-only method.
func addByteArrayMethod(name string, fn func(t *Thread, x *ByteArray, args []Value, kw []*Str) (Value, error)) {
	addMethod(ByteArrayType, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		x, ok := self.o.(*ByteArray)
		if !ok {
			return Null, selfError(name, ByteArrayType, self)
		}
		return fn(t, x, args, kw)
	})
}

func strsToBytes(parts []string, mk func([]byte) Value) Value {
	items := make([]Value, len(parts))
	for i, p := range parts {
		items[i] = mk([]byte(p))
	}
	return Obj(NewList(items))
}

// byteValue converts an int argument to a byte.
func (t *Thread) byteValue(v Value) (byte, error) {
	if _, ok := v.o.(*BigInt); ok {
		return 0, Errorf(ValueErrorType, "byte must be in range(0, 256)")
	}
	c, err := t.Index(v)
	if err != nil {
		return 0, err
	}
	if c < 0 || c > 255 {
		return 0, Errorf(ValueErrorType, "byte must be in range(0, 256)")
	}
	return byte(c), nil
}

// subArg is the sub argument of find/count/index: bytes-like or an int.
func (t *Thread) subArg(v Value) ([]byte, error) {
	if b, ok := bytesData(v); ok {
		return b, nil
	}
	switch v.o.(type) {
	case intTag, boolTag, *BigInt, *Instance:
		if v.IsInt() || v.IsBool() || v.Type().Lookup(strIndexM).o != nil {
			c, err := t.byteValue(v)
			if err != nil {
				return nil, err
			}
			return []byte{c}, nil
		}
	}
	return nil, Errorf(TypeErrorType, "argument should be integer or bytes-like object, not '%s'", v.Type().Name)
}

// iterBytes collects an iterable of ints (or a bytes-like) into bytes.
func (t *Thread) iterBytes(v Value) ([]byte, error) {
	if b, ok := bytesData(v); ok {
		return append([]byte(nil), b...), nil
	}
	var out []byte
	err := t.iterate(v, func(it Value) error {
		c, err := t.byteValue(it)
		if err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

// newBytesData implements the bytes()/bytearray() constructor arguments.
func (t *Thread) newBytesData(tname string, args []Value, kw []*Str) ([]byte, error) {
	var src, enc, errs Value
	if err := argsKw(tname, args, kw, []string{"source", "encoding", "errors"}, 0, &src, &enc, &errs); err != nil {
		return nil, err
	}
	if src.o == nil {
		if enc.o != nil || errs.o != nil {
			return nil, Errorf(TypeErrorType, "encoding or errors without sequence argument")
		}
		return []byte{}, nil
	}
	if s, ok := src.o.(*Str); ok {
		if enc.o == nil {
			return nil, Errorf(TypeErrorType, "string argument without an encoding")
		}
		e, ok := enc.o.(*Str)
		if !ok {
			return nil, Errorf(TypeErrorType, "%s() argument 'encoding' must be str, not %s", tname, enc.Type().Name)
		}
		errors := "strict"
		if errs.o != nil {
			es, ok := errs.o.(*Str)
			if !ok {
				return nil, Errorf(TypeErrorType, "%s() argument 'errors' must be str, not %s", tname, errs.Type().Name)
			}
			errors = es.s
		}
		return encodeStr(s.s, e.s, errors)
	}
	if enc.o != nil {
		return nil, Errorf(TypeErrorType, "encoding without a string argument")
	}
	if errs.o != nil {
		return nil, Errorf(TypeErrorType, "errors without a string argument")
	}
	if b, ok := bytesData(src); ok {
		return append([]byte(nil), b...), nil
	}
	if m := src.Type().LookupString("__bytes__"); m.o != nil && tname == "bytes" {
		r, err := t.callMethodValue(m, src, nil)
		if err != nil {
			return nil, err
		}
		b, ok := r.o.(*Bytes)
		if !ok {
			return nil, Errorf(TypeErrorType, "__bytes__ returned non-bytes (type %s)", r.Type().Name)
		}
		return b.b, nil
	}
	switch src.o.(type) {
	case intTag, boolTag, *BigInt:
		n, err := t.argInt(src)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, Errorf(ValueErrorType, "negative count")
		}
		return make([]byte, n), nil
	case *Instance:
		if src.Type().Lookup(strIndexM).o != nil {
			n, err := t.argInt(src)
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, Errorf(ValueErrorType, "negative count")
			}
			return make([]byte, n), nil
		}
	}
	if _, err := t.Iter(src); err != nil {
		return nil, Errorf(TypeErrorType, "cannot convert '%s' object to %s", src.Type().Name, tname)
	}
	b, err := t.iterBytes(src)
	if err != nil && tname == "bytes" {
		if e, ok := err.(*Exception); ok && e.cls == ValueErrorType && e.Message() == "byte must be in range(0, 256)" {
			return nil, Errorf(ValueErrorType, "bytes must be in range(0, 256)")
		}
	}
	return b, err
}

func setupBytesMethods() {
	BytesType.new = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		b, err := t.newBytesData("bytes", args, kw)
		if err != nil {
			return Null, err
		}
		return Obj(NewBytes(b)), nil
	}
	ByteArrayType.new = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		b, err := t.newBytesData("bytearray", args, kw)
		if err != nil {
			return Null, err
		}
		return Obj(&ByteArray{b: b}), nil
	}
	setupBytesCommon()
	setupByteArrayMethods()
}

func setupBytesCommon() {
	addBytesMethod("decode", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		encoding, errors, err := codecArgs("decode", args, kw)
		if err != nil {
			return Null, err
		}
		s, err := decodeBytes(b, encoding, errors)
		if err != nil {
			return Null, err
		}
		return StrValue(s), nil
	})
	addBytesMethod("hex", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		var sepv, nv Value
		if err := argsKw("hex", args, kw, []string{"sep", "bytes_per_sep"}, 0, &sepv, &nv); err != nil {
			return Null, err
		}
		h := hex.EncodeToString(b)
		if sepv.o == nil {
			return StrValue(h), nil
		}
		var sep string
		switch x := sepv.o.(type) {
		case *Str:
			sep = x.s
			if x.Len() != 1 {
				return Null, Errorf(ValueErrorType, "sep must be length 1.")
			}
			if !x.IsASCII() {
				return Null, Errorf(ValueErrorType, "sep must be ASCII.")
			}
		case *Bytes:
			sep = string(x.b)
			if len(x.b) != 1 {
				return Null, Errorf(ValueErrorType, "sep must be length 1.")
			}
		default:
			if _, err := t.Len(sepv); err != nil {
				return Null, err
			}
			return Null, Errorf(TypeErrorType, "sep must be str or bytes.")
		}
		per := 1
		if nv.o != nil {
			n, err := t.argInt(nv)
			if err != nil {
				return Null, err
			}
			per = n
		}
		if per == 0 || len(b) == 0 {
			return StrValue(h), nil
		}
		group := per
		if group < 0 {
			group = -group
		}
		var sb strings.Builder
		n := len(b)
		for i := 0; i < n; i++ {
			var boundary bool
			if per > 0 {
				// groups counted from the right
				boundary = i > 0 && (n-i)%group == 0
			} else {
				boundary = i > 0 && i%group == 0
			}
			if boundary {
				sb.WriteString(sep)
			}
			sb.WriteString(h[2*i : 2*i+2])
		}
		return StrValue(sb.String()), nil
	})
	fromhex := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("fromhex", args, kw); err != nil {
			return Null, err
		}
		s, ok := args[0].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "fromhex() argument must be str, not %s", args[0].Type().Name)
		}
		out, err := fromHex(s.s)
		if err != nil {
			return Null, err
		}
		if cls, ok := self.o.(*Type); ok && cls.IsSubtype(ByteArrayType) {
			return Obj(&ByteArray{b: out}), nil
		}
		return Obj(NewBytes(out)), nil
	}
	addClassMethod(BytesType, "fromhex", fromhex)
	addClassMethod(ByteArrayType, "fromhex", fromhex)
	maketrans := func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := argsRange("maketrans", "maketrans", args, kw, 2, 2); err != nil {
			return Null, err
		}
		from, err := bytesLike(args[0])
		if err != nil {
			return Null, err
		}
		to, err := bytesLike(args[1])
		if err != nil {
			return Null, err
		}
		if len(from) != len(to) {
			return Null, Errorf(ValueErrorType, "maketrans arguments must have same length")
		}
		table := make([]byte, 256)
		for i := range table {
			table[i] = byte(i)
		}
		for i, c := range from {
			table[c] = to[i]
		}
		return Obj(NewBytes(table)), nil
	}
	for _, typ := range []*Type{BytesType, ByteArrayType} {
		typ.Dict.SetStr(Intern("maketrans"), Obj(&StaticMethod{fn: Obj(NewBuiltin("maketrans", maketrans))}))
	}
	addBytesMethod("translate", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		var tab, del Value
		if err := argsKw("translate", args, kw, []string{"table", "delete"}, 1, &tab, &del); err != nil {
			return Null, err
		}
		var table []byte
		if !tab.IsNone() {
			tb, err := bytesLike(tab)
			if err != nil {
				return Null, err
			}
			if len(tb) != 256 {
				return Null, Errorf(ValueErrorType, "translation table must be 256 characters long")
			}
			table = tb
		}
		var delset []byte
		if del.o != nil {
			d, err := bytesLike(del)
			if err != nil {
				return Null, err
			}
			delset = d
		}
		out := make([]byte, 0, len(b))
		for _, c := range b {
			if bytes.IndexByte(delset, c) >= 0 {
				continue
			}
			if table != nil {
				c = table[c]
			}
			out = append(out, c)
		}
		return mk(out), nil
	})
	for _, name := range []string{"split", "rsplit"} {
		name := name
		addBytesMethod(name, func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
			var sepv, maxv Value
			if err := argsKw(name, args, kw, []string{"sep", "maxsplit"}, 0, &sepv, &maxv); err != nil {
				return Null, err
			}
			maxsplit := -1
			if maxv.o != nil {
				m, err := t.argInt(maxv)
				if err != nil {
					return Null, err
				}
				maxsplit = max(m, -1)
			}
			if sepv.o == nil || sepv.IsNone() {
				if name == "split" {
					return strsToBytes(splitWhitespace(string(b), maxsplit, false), mk), nil
				}
				return strsToBytes(rsplitWhitespace(string(b), maxsplit, false), mk), nil
			}
			sep, err := bytesLike(sepv)
			if err != nil {
				return Null, err
			}
			if len(sep) == 0 {
				return Null, Errorf(ValueErrorType, "empty separator")
			}
			if name == "split" {
				return strsToBytes(splitSep(string(b), string(sep), maxsplit), mk), nil
			}
			return strsToBytes(rsplitSep(string(b), string(sep), maxsplit), mk), nil
		})
	}
	addBytesMethod("splitlines", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		var keep Value
		if err := argsKw("splitlines", args, kw, []string{"keepends"}, 0, &keep); err != nil {
			return Null, err
		}
		keepends := false
		if keep.o != nil {
			k, err := t.Truth(keep)
			if err != nil {
				return Null, err
			}
			keepends = k
		}
		return strsToBytes(splitLines(string(b), keepends, false), mk), nil
	})
	addBytesMethod("join", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("join", args, kw); err != nil {
			return Null, err
		}
		items, err := t.ToList(args[0])
		if err != nil {
			return Null, err
		}
		var out []byte
		for i, it := range items {
			p, ok := bytesData(it)
			if !ok {
				return Null, Errorf(TypeErrorType, "sequence item %d: expected a bytes-like object, %s found", i, it.Type().Name)
			}
			if i > 0 {
				out = append(out, b...)
			}
			out = append(out, p...)
		}
		if out == nil {
			out = []byte{}
		}
		return mk(out), nil
	})
	for i, name := range []string{"lstrip", "rstrip", "strip"} {
		which := i + 1
		name := name
		addBytesMethod(name, func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
			if err := argsRange(name, name, args, kw, 0, 1); err != nil {
				return Null, err
			}
			var chars []byte
			if len(args) == 1 && !args[0].IsNone() {
				c, err := bytesLike(args[0])
				if err != nil {
					return Null, err
				}
				chars = c
				if chars == nil {
					chars = []byte{}
				}
			}
			return mk(append([]byte(nil), stripBytes(b, chars, which)...)), nil
		})
	}
	addBytesMethod("replace", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		if err := argsRange("replace", "replace", args, kw, 2, 3); err != nil {
			return Null, err
		}
		old, err := bytesLike(args[0])
		if err != nil {
			return Null, err
		}
		nw, err := bytesLike(args[1])
		if err != nil {
			return Null, err
		}
		count := -1
		if len(args) == 3 {
			c, err := t.argInt(args[2])
			if err != nil {
				return Null, err
			}
			count = max(c, -1)
		}
		if len(old) == 0 {
			// insert between every byte (not every UTF-8 sequence)
			var out []byte
			n := 0
			for i := 0; i <= len(b); i++ {
				if count < 0 || n < count {
					out = append(out, nw...)
					n++
				}
				if i < len(b) {
					out = append(out, b[i])
				}
			}
			return mk(out), nil
		}
		return mk(bytes.Replace(b, old, nw, count)), nil
	})
	for _, name := range []string{"find", "rfind", "index", "rindex", "count"} {
		name := name
		addBytesMethod(name, func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
			if err := argsOld(name, name, args, kw, 1, 3); err != nil {
				return Null, err
			}
			sub, err := t.subArg(args[0])
			if err != nil {
				return Null, err
			}
			n := len(b)
			start, end, err := t.startEnd(args[1:], n)
			if err != nil {
				return Null, err
			}
			if name == "count" {
				if start > n || end < start {
					return Int(0), nil
				}
				if len(sub) == 0 {
					return Int(int64(end - start + 1)), nil
				}
				return Int(int64(bytes.Count(b[start:end], sub))), nil
			}
			res := -1
			if start <= n && end-start >= len(sub) {
				var i int
				if name[0] == 'r' {
					i = bytes.LastIndex(b[start:end], sub)
				} else {
					i = bytes.Index(b[start:end], sub)
				}
				if i >= 0 {
					res = start + i
				}
			}
			if res < 0 && (name == "index" || name == "rindex") {
				return Null, Errorf(ValueErrorType, "subsection not found")
			}
			return Int(int64(res)), nil
		})
	}
	for _, name := range []string{"startswith", "endswith"} {
		name := name
		addBytesMethod(name, func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
			if err := argsRange(name, name, args, kw, 1, 3); err != nil {
				return Null, err
			}
			n := len(b)
			start, end, err := t.startEnd(args[1:], n)
			if err != nil {
				return Null, err
			}
			test := func(p []byte) bool {
				if start > n || end-start < len(p) {
					return false
				}
				if name == "startswith" {
					return bytes.HasPrefix(b[start:end], p)
				}
				return bytes.HasSuffix(b[start:end], p)
			}
			if p, ok := bytesData(args[0]); ok {
				return Bool(test(p)), nil
			}
			if tup, ok := args[0].o.(*Tuple); ok {
				for _, it := range tup.items {
					p, ok := bytesData(it)
					if !ok {
						return Null, Errorf(TypeErrorType, "a bytes-like object is required, not '%s'", it.Type().Name)
					}
					if test(p) {
						return True, nil
					}
				}
				return False, nil
			}
			return Null, Errorf(TypeErrorType, "%s first arg must be bytes or a tuple of bytes, not %s", name, args[0].Type().Name)
		})
	}
	mapBytes := func(name string, f func(c byte) byte) {
		addBytesMethod(name, func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
			if err := argsNone(name, args, kw); err != nil {
				return Null, err
			}
			out := make([]byte, len(b))
			for i, c := range b {
				out[i] = f(c)
			}
			return mk(out), nil
		})
	}
	lower := func(c byte) byte {
		if c >= 'A' && c <= 'Z' {
			return c + 32
		}
		return c
	}
	upper := func(c byte) byte {
		if c >= 'a' && c <= 'z' {
			return c - 32
		}
		return c
	}
	mapBytes("lower", lower)
	mapBytes("upper", upper)
	mapBytes("swapcase", func(c byte) byte {
		if c >= 'a' && c <= 'z' {
			return c - 32
		}
		return lower(c)
	})
	addBytesMethod("capitalize", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		if err := argsNone("capitalize", args, kw); err != nil {
			return Null, err
		}
		out := make([]byte, len(b))
		for i, c := range b {
			if i == 0 {
				out[i] = upper(c)
			} else {
				out[i] = lower(c)
			}
		}
		return mk(out), nil
	})
	addBytesMethod("title", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		if err := argsNone("title", args, kw); err != nil {
			return Null, err
		}
		out := make([]byte, len(b))
		prev := false
		for i, c := range b {
			if prev {
				out[i] = lower(c)
			} else {
				out[i] = upper(c)
			}
			prev = (c|0x20) >= 'a' && (c|0x20) <= 'z'
		}
		return mk(out), nil
	})
	isAlpha := func(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	pred := func(name string, f func(c byte) bool) {
		addBytesMethod(name, func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
			if err := argsNone(name, args, kw); err != nil {
				return Null, err
			}
			if len(b) == 0 {
				return False, nil
			}
			for _, c := range b {
				if !f(c) {
					return False, nil
				}
			}
			return True, nil
		})
	}
	pred("isalpha", isAlpha)
	pred("isdigit", isDigit)
	pred("isalnum", func(c byte) bool { return isAlpha(c) || isDigit(c) })
	pred("isspace", isASCIISpace)
	addBytesMethod("isascii", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		for _, c := range b {
			if c >= 0x80 {
				return False, nil
			}
		}
		return True, nil
	})
	casePred := func(name string, want, other func(c byte) bool) {
		addBytesMethod(name, func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
			cased := false
			for _, c := range b {
				if other(c) {
					return False, nil
				}
				if want(c) {
					cased = true
				}
			}
			return Bool(cased), nil
		})
	}
	isUp := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	isLow := func(c byte) bool { return c >= 'a' && c <= 'z' }
	casePred("isupper", isUp, isLow)
	casePred("islower", isLow, isUp)
	addBytesMethod("istitle", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		cased, prev := false, false
		for _, c := range b {
			switch {
			case isUp(c):
				if prev {
					return False, nil
				}
				prev, cased = true, true
			case isLow(c):
				if !prev {
					return False, nil
				}
				prev, cased = true, true
			default:
				prev = false
			}
		}
		return Bool(cased), nil
	})
	for _, name := range []string{"center", "ljust", "rjust"} {
		name := name
		addBytesMethod(name, func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
			if err := argsRange(name, name, args, kw, 1, 2); err != nil {
				return Null, err
			}
			width, err := t.argInt(args[0])
			if err != nil {
				return Null, err
			}
			fill := byte(' ')
			if len(args) == 2 {
				f, ok := bytesData(args[1])
				if !ok || len(f) != 1 {
					return Null, Errorf(TypeErrorType, "%s() argument 2 must be a byte string of length 1, not %s", name, args[1].Type().Name)
				}
				fill = f[0]
			}
			n := len(b)
			if width <= n {
				return mk(append([]byte(nil), b...)), nil
			}
			var left, right int
			switch name {
			case "center":
				left, right = padCounts(width, n)
			case "ljust":
				right = width - n
			default:
				left = width - n
			}
			out := make([]byte, 0, width)
			out = append(out, bytes.Repeat([]byte{fill}, left)...)
			out = append(out, b...)
			out = append(out, bytes.Repeat([]byte{fill}, right)...)
			return mk(out), nil
		})
	}
	addBytesMethod("zfill", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("zfill", args, kw); err != nil {
			return Null, err
		}
		width, err := t.argInt(args[0])
		if err != nil {
			return Null, err
		}
		if width <= len(b) {
			return mk(append([]byte(nil), b...)), nil
		}
		pad := bytes.Repeat([]byte{'0'}, width-len(b))
		if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
			return mk(append(append([]byte{b[0]}, pad...), b[1:]...)), nil
		}
		return mk(append(pad, b...)), nil
	})
	addBytesMethod("expandtabs", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		var tv Value
		if err := argsKw("expandtabs", args, kw, []string{"tabsize"}, 0, &tv); err != nil {
			return Null, err
		}
		tab := 8
		if tv.o != nil {
			n, err := t.argInt(tv)
			if err != nil {
				return Null, err
			}
			tab = n
		}
		return mk([]byte(expandTabs(string(b), tab, false))), nil
	})
	for _, name := range []string{"partition", "rpartition"} {
		name := name
		addBytesMethod(name, func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
			if err := argsOne(name, args, kw); err != nil {
				return Null, err
			}
			sep, err := bytesLike(args[0])
			if err != nil {
				return Null, err
			}
			if len(sep) == 0 {
				return Null, Errorf(ValueErrorType, "empty separator")
			}
			var i int
			if name == "partition" {
				i = bytes.Index(b, sep)
			} else {
				i = bytes.LastIndex(b, sep)
			}
			cp := func(x []byte) Value { return mk(append([]byte{}, x...)) }
			if i < 0 {
				if name == "partition" {
					return TupleValue(cp(b), cp(nil), cp(nil)), nil
				}
				return TupleValue(cp(nil), cp(nil), cp(b)), nil
			}
			return TupleValue(cp(b[:i]), cp(sep), cp(b[i+len(sep):])), nil
		})
	}
	for _, name := range []string{"removeprefix", "removesuffix"} {
		name := name
		addBytesMethod(name, func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
			if err := argsOne(name, args, kw); err != nil {
				return Null, err
			}
			p, err := bytesLike(args[0])
			if err != nil {
				return Null, err
			}
			r := b
			if name == "removeprefix" {
				r = bytes.TrimPrefix(b, p)
			} else {
				r = bytes.TrimSuffix(b, p)
			}
			return mk(append([]byte{}, r...)), nil
		})
	}
	// special methods
	addBytesMethod("__len__", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		return Int(int64(len(b))), nil
	})
	addBytesMethod("__contains__", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("__contains__", args, kw); err != nil {
			return Null, err
		}
		r, err := bytesContains(b, args[0])
		return Bool(r), err
	})
	addBytesMethod("__add__", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("__add__", args, kw); err != nil {
			return Null, err
		}
		o, ok := bytesData(args[0])
		if !ok {
			return Null, Errorf(TypeErrorType, "can't concat %s to %s", args[0].Type().Name, mk(nil).Type().Name)
		}
		return mk(append(append([]byte{}, b...), o...)), nil
	})
	mul := func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("__mul__", args, kw); err != nil {
			return Null, err
		}
		n, err := t.argInt(args[0])
		if err != nil {
			return Null, err
		}
		return mk(bytes.Repeat(b, max(n, 0))), nil
	}
	addBytesMethod("__mul__", mul)
	addBytesMethod("__rmul__", mul)
	addBytesMethod("__mod__", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("__mod__", args, kw); err != nil {
			return Null, err
		}
		r, err := t.bytesPercentFormat(b, args[0])
		if err != nil {
			return Null, err
		}
		return mk(r.o.(*Bytes).b), nil
	})
	cmps := map[string]compiler.CompareOp{
		"__eq__": compiler.CmpEq, "__ne__": compiler.CmpNe, "__lt__": compiler.CmpLt,
		"__le__": compiler.CmpLe, "__gt__": compiler.CmpGt, "__ge__": compiler.CmpGe,
	}
	for name, op := range cmps {
		op := op
		name := name
		addBytesMethod(name, func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
			if err := argsOne(name, args, kw); err != nil {
				return Null, err
			}
			o, ok := bytesData(args[0])
			if !ok || (mk(nil).Type() == BytesType && args[0].Type() != BytesType) {
				// bytes leaves bytearray operands to bytearray's reflected method
				return NotImplemented, nil
			}
			return Bool(cmpResult(op, bytes.Compare(b, o))), nil
		})
	}
	addBytesMethod("__iter__", func(t *Thread, b []byte, mk func([]byte) Value, args []Value, kw []*Str) (Value, error) {
		return t.Iter(mk(b))
	})
	addMethod(BytesType, "__getitem__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("__getitem__", args, kw); err != nil {
			return Null, err
		}
		return t.GetItem(self, args[0])
	})
	addMethod(ByteArrayType, "__getitem__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("__getitem__", args, kw); err != nil {
			return Null, err
		}
		return t.GetItem(self, args[0])
	})
	addMethod(BytesType, "__hash__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		h, err := t.Hash(self)
		return Int(h), err
	})
	ByteArrayType.Dict.SetStr(strHash, None)
	addMethod(BytesType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		x, ok := self.o.(*Bytes)
		if !ok {
			return Null, selfError("__repr__", BytesType, self)
		}
		return StrValue(pyfmt.BytesRepr(x.b)), nil
	})
	addMethod(ByteArrayType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		x, ok := self.o.(*ByteArray)
		if !ok {
			return Null, selfError("__repr__", ByteArrayType, self)
		}
		return StrValue("bytearray(" + pyfmt.BytesRepr(x.b) + ")"), nil
	})
	addMethod(BytesType, "__bytes__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return self, nil
	})
	addMethod(BytesType, "__getnewargs__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return TupleValue(self), nil
	})
}

// fromHex parses bytes.fromhex's argument.
func fromHex(s string) ([]byte, error) {
	var out []byte
	i := 0
	for {
		for i < len(s) && isSpaceByteHex(s[i]) {
			i++
		}
		if i >= len(s) {
			break
		}
		hi := hexVal(s[i])
		if hi < 0 {
			return nil, Errorf(ValueErrorType, "non-hexadecimal number found in fromhex() arg at position %d", runeCountTo(s, i))
		}
		if i+1 >= len(s) {
			return nil, Errorf(ValueErrorType, "non-hexadecimal number found in fromhex() arg at position %d", runeCountTo(s, i+1))
		}
		lo := hexVal(s[i+1])
		if lo < 0 {
			return nil, Errorf(ValueErrorType, "non-hexadecimal number found in fromhex() arg at position %d", runeCountTo(s, i+1))
		}
		out = append(out, byte(hi<<4|lo))
		i += 2
	}
	if out == nil {
		out = []byte{}
	}
	return out, nil
}

func isSpaceByteHex(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

func runeCountTo(s string, i int) int { return len([]rune(s[:i])) }

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

// ------------------------------------------------------------ bytearray

func setupByteArrayMethods() {
	addByteArrayMethod("append", func(t *Thread, x *ByteArray, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("bytearray.append", args, kw); err != nil {
			return Null, err
		}
		c, err := t.byteValue(args[0])
		if err != nil {
			return Null, err
		}
		x.b = append(x.b, c)
		return None, nil
	})
	addByteArrayMethod("extend", func(t *Thread, x *ByteArray, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("bytearray.extend", args, kw); err != nil {
			return Null, err
		}
		if _, ok := args[0].o.(*Str); ok {
			return Null, Errorf(TypeErrorType, "expected iterable of integers; got: 'str'")
		}
		if _, err := t.Iter(args[0]); err != nil {
			return Null, Errorf(TypeErrorType, "can't extend bytearray with %s", args[0].Type().Name)
		}
		b, err := t.iterBytes(args[0])
		if err != nil {
			return Null, err
		}
		x.b = append(x.b, b...)
		return None, nil
	})
	addByteArrayMethod("pop", func(t *Thread, x *ByteArray, args []Value, kw []*Str) (Value, error) {
		if err := argsRange("bytearray.pop", "pop", args, kw, 0, 1); err != nil {
			return Null, err
		}
		if len(x.b) == 0 {
			return Null, Errorf(IndexErrorType, "pop from empty bytearray")
		}
		i := len(x.b) - 1
		if len(args) == 1 {
			n, err := t.argInt(args[0])
			if err != nil {
				return Null, err
			}
			if n < 0 {
				n += len(x.b)
			}
			if n < 0 || n >= len(x.b) {
				return Null, Errorf(IndexErrorType, "pop index out of range")
			}
			i = n
		}
		c := x.b[i]
		x.b = append(x.b[:i], x.b[i+1:]...)
		return Int(int64(c)), nil
	})
	addByteArrayMethod("insert", func(t *Thread, x *ByteArray, args []Value, kw []*Str) (Value, error) {
		if err := argsRange("bytearray.insert", "insert", args, kw, 2, 2); err != nil {
			return Null, err
		}
		i, err := t.argInt(args[0])
		if err != nil {
			return Null, err
		}
		c, err := t.byteValue(args[1])
		if err != nil {
			return Null, err
		}
		n := len(x.b)
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		x.b = append(x.b, 0)
		copy(x.b[i+1:], x.b[i:])
		x.b[i] = c
		return None, nil
	})
	addByteArrayMethod("remove", func(t *Thread, x *ByteArray, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("bytearray.remove", args, kw); err != nil {
			return Null, err
		}
		c, err := t.byteValue(args[0])
		if err != nil {
			return Null, err
		}
		i := bytes.IndexByte(x.b, c)
		if i < 0 {
			return Null, Errorf(ValueErrorType, "value not found in bytearray")
		}
		x.b = append(x.b[:i], x.b[i+1:]...)
		return None, nil
	})
	addByteArrayMethod("clear", func(t *Thread, x *ByteArray, args []Value, kw []*Str) (Value, error) {
		if err := argsNone("bytearray.clear", args, kw); err != nil {
			return Null, err
		}
		x.b = x.b[:0]
		return None, nil
	})
	addByteArrayMethod("copy", func(t *Thread, x *ByteArray, args []Value, kw []*Str) (Value, error) {
		if err := argsNone("bytearray.copy", args, kw); err != nil {
			return Null, err
		}
		return Obj(&ByteArray{b: append([]byte{}, x.b...)}), nil
	})
	addByteArrayMethod("reverse", func(t *Thread, x *ByteArray, args []Value, kw []*Str) (Value, error) {
		if err := argsNone("bytearray.reverse", args, kw); err != nil {
			return Null, err
		}
		for i, j := 0, len(x.b)-1; i < j; i, j = i+1, j-1 {
			x.b[i], x.b[j] = x.b[j], x.b[i]
		}
		return None, nil
	})
	addByteArrayMethod("__setitem__", func(t *Thread, x *ByteArray, args []Value, kw []*Str) (Value, error) {
		if err := argsRange("bytearray.__setitem__", "__setitem__", args, kw, 2, 2); err != nil {
			return Null, err
		}
		if sl, ok := args[0].o.(*Slice); ok {
			return None, t.byteArraySetSlice(x, sl, args[1])
		}
		i, err := t.seqIndex(args[0], len(x.b), "bytearray")
		if err != nil {
			return Null, err
		}
		c, err := t.byteValue(args[1])
		if err != nil {
			return Null, err
		}
		x.b[i] = c
		return None, nil
	})
	addByteArrayMethod("__delitem__", func(t *Thread, x *ByteArray, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("bytearray.__delitem__", args, kw); err != nil {
			return Null, err
		}
		if sl, ok := args[0].o.(*Slice); ok {
			start, _, step, n, err := t.sliceIndices(sl, len(x.b))
			if err != nil {
				return Null, err
			}
			if n == 0 {
				return None, nil
			}
			if step < 0 {
				start = start + (n-1)*step
				step = -step
			}
			out := make([]byte, 0, len(x.b)-n)
			for i, c := range x.b {
				if i >= start && (i-start)%step == 0 && (i-start)/step < n {
					continue
				}
				out = append(out, c)
			}
			x.b = out
			return None, nil
		}
		i, err := t.seqIndex(args[0], len(x.b), "bytearray")
		if err != nil {
			return Null, err
		}
		x.b = append(x.b[:i], x.b[i+1:]...)
		return None, nil
	})
	addByteArrayMethod("__iadd__", func(t *Thread, x *ByteArray, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("bytearray.__iadd__", args, kw); err != nil {
			return Null, err
		}
		o, ok := bytesData(args[0])
		if !ok {
			return Null, Errorf(TypeErrorType, "can't concat %s to bytearray", args[0].Type().Name)
		}
		x.b = append(x.b, o...)
		return Obj(x), nil
	})
	addByteArrayMethod("__imul__", func(t *Thread, x *ByteArray, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("bytearray.__imul__", args, kw); err != nil {
			return Null, err
		}
		n, err := t.argInt(args[0])
		if err != nil {
			return Null, err
		}
		x.b = bytes.Repeat(x.b, max(n, 0))
		return Obj(x), nil
	})
}

// byteArraySetSlice is bytearray[slice] = value.
func (t *Thread) byteArraySetSlice(x *ByteArray, sl *Slice, v Value) error {
	var items []byte
	if b, ok := bytesData(v); ok {
		items = append([]byte(nil), b...)
	} else {
		switch v.o.(type) {
		case intTag, boolTag, *BigInt:
			return Errorf(TypeErrorType, "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
		case *Str:
			return Errorf(TypeErrorType, "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
		}
		b, err := t.iterBytes(v)
		if err != nil {
			return err
		}
		items = b
	}
	start, stop, step, n, err := t.sliceIndices(sl, len(x.b))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		tail := append([]byte(nil), x.b[stop:]...)
		x.b = append(append(x.b[:start], items...), tail...)
		return nil
	}
	if len(items) != n {
		return Errorf(ValueErrorType, "attempt to assign bytes of size %d to extended slice of size %d", len(items), n)
	}
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		x.b[j] = items[i]
	}
	return nil
}
