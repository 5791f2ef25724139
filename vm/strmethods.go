// strmethods.go: the methods of str (including its special methods and the
// str() constructor), the __repr__ entries of int/float/bool, and the small
// functions the rest of the VM calls: strRepr, floatRepr, decodeRune and
// bytesContains. Bytes methods are in bytes_methods.go, codecs in
// bytes_codec.go, formatting in format.go.

package vm

import (
	"strings"
	"unicode/utf8"

	"yflow/lang/compiler"
	"yflow/vm/pyfmt"
)

// strRepr is repr() of a str.
func strRepr(s string) string { return pyfmt.StrRepr(s) }

// floatRepr is repr() of a float.
func floatRepr(f float64) string { return pyfmt.FloatRepr(f) }

// decodeRune decodes the first code point of s.
func decodeRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// strMethod is the signature of a str method with self already checked.
type strMethod func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error)

// addStrMethod installs a str method that checks its self argument.
func addStrMethod(name string, fn strMethod) {
	addMethod(StrType, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		s, ok := self.o.(*Str)
		if !ok {
			return Null, selfError(name, StrType, self)
		}
		return fn(t, s, args, kw)
	})
}

// strArg returns v as a *Str or the TypeError "must be str, not int".
func strArg(v Value) (*Str, error) {
	if s, ok := v.o.(*Str); ok {
		return s, nil
	}
	return nil, Errorf(TypeErrorType, "must be str, not %s", v.Type().Name)
}

// strList makes a list of str values.
func strList(parts []string) Value {
	items := make([]Value, len(parts))
	for i, p := range parts {
		items[i] = StrValue(p)
	}
	return Obj(NewList(items))
}

func setupStrMethods() {
	StrType.new = strNew
	setupStrSearch()
	setupStrTransform()
	setupStrPredicates()
	setupStrSpecial()
	setupNumberReprs()
}

// strNew is str(object=”, encoding='utf-8', errors='strict').
func strNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	var obj, enc, errs Value
	if err := argsKw("str", args, kw, []string{"object", "encoding", "errors"}, 0, &obj, &enc, &errs); err != nil {
		return Null, err
	}
	if obj.o == nil {
		return StrValue(""), nil
	}
	if enc.o == nil && errs.o == nil {
		return t.StrValueOf(obj)
	}
	encoding, errors := "utf-8", "strict"
	if enc.o != nil {
		s, ok := enc.o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "str() argument 'encoding' must be str, not %s", enc.Type().Name)
		}
		encoding = s.s
	}
	if errs.o != nil {
		s, ok := errs.o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "str() argument 'errors' must be str, not %s", errs.Type().Name)
		}
		errors = s.s
	}
	var b []byte
	switch x := obj.o.(type) {
	case *Bytes:
		b = x.b
	case *ByteArray:
		b = x.b
	case *Str:
		return Null, Errorf(TypeErrorType, "decoding str is not supported")
	default:
		return Null, Errorf(TypeErrorType, "decoding to str: need a bytes-like object, %s found", obj.Type().Name)
	}
	s, err := decodeBytes(b, encoding, errors)
	if err != nil {
		return Null, err
	}
	return StrValue(s), nil
}

// ------------------------------------------------------------ searching

func setupStrSearch() {
	addStrMethod("split", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		return t.strSplit(s, args, kw, "split")
	})
	addStrMethod("rsplit", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		return t.strSplit(s, args, kw, "rsplit")
	})
	addStrMethod("splitlines", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		var keep Value
		if err := argsKw("splitlines", args, kw, []string{"keepends"}, 0, &keep); err != nil {
			return Null, err
		}
		keepends := false
		if keep.o != nil {
			if keep.IsFloat() {
				return Null, Errorf(TypeErrorType, "'float' object cannot be interpreted as an integer")
			}
			k, err := t.Truth(keep)
			if err != nil {
				return Null, err
			}
			keepends = k
		}
		return strList(splitLines(s.s, keepends, true)), nil
	})
	addStrMethod("join", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("str.join", args, kw); err != nil {
			return Null, err
		}
		return t.strJoin(s.s, args[0])
	})
	for _, name := range []string{"find", "rfind", "index", "rindex", "count"} {
		name := name
		addStrMethod(name, func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
			return t.strFind(s, name, args, kw)
		})
	}
	for _, name := range []string{"startswith", "endswith"} {
		name := name
		addStrMethod(name, func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
			if err := argsRange("str."+name, name, args, kw, 1, 3); err != nil {
				return Null, err
			}
			n := s.Len()
			start, end, err := t.startEnd(args[1:], n)
			if err != nil {
				return Null, err
			}
			test := func(p *Str) bool {
				if start > n {
					return false
				}
				if end-start < p.Len() {
					return false
				}
				if s.IsASCII() {
					sub := s.s[start:end]
					if name == "startswith" {
						return strings.HasPrefix(sub, p.s)
					}
					return strings.HasSuffix(sub, p.s)
				}
				sub := s.s[runeOffset(s, start):runeOffset(s, end)]
				if name == "startswith" {
					return strings.HasPrefix(sub, p.s)
				}
				return strings.HasSuffix(sub, p.s)
			}
			switch x := args[0].o.(type) {
			case *Str:
				return Bool(test(x)), nil
			case *Tuple:
				for _, it := range x.items {
					p, ok := it.o.(*Str)
					if !ok {
						return Null, Errorf(TypeErrorType, "tuple for %s must only contain str, not %s", name, it.Type().Name)
					}
					if test(p) {
						return True, nil
					}
				}
				return False, nil
			}
			return Null, Errorf(TypeErrorType, "%s first arg must be str or a tuple of str, not %s", name, args[0].Type().Name)
		})
	}
	for _, name := range []string{"partition", "rpartition"} {
		name := name
		addStrMethod(name, func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
			if err := argsOne("str."+name, args, kw); err != nil {
				return Null, err
			}
			sep, err := strArg(args[0])
			if err != nil {
				return Null, err
			}
			if sep.s == "" {
				return Null, Errorf(ValueErrorType, "empty separator")
			}
			var i int
			if name == "partition" {
				i = strings.Index(s.s, sep.s)
			} else {
				i = strings.LastIndex(s.s, sep.s)
			}
			if i < 0 {
				if name == "partition" {
					return TupleValue(Obj(s), StrValue(""), StrValue("")), nil
				}
				return TupleValue(StrValue(""), StrValue(""), Obj(s)), nil
			}
			return TupleValue(StrValue(s.s[:i]), Obj(sep), StrValue(s.s[i+len(sep.s):])), nil
		})
	}
}

// strSplit is str.split and str.rsplit.
func (t *Thread) strSplit(s *Str, args []Value, kw []*Str, name string) (Value, error) {
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
		maxsplit = m
	}
	if maxsplit < 0 {
		maxsplit = -1
	}
	if sepv.o == nil || sepv.IsNone() {
		if name == "split" {
			return strList(splitWhitespace(s.s, maxsplit, true)), nil
		}
		return strList(rsplitWhitespace(s.s, maxsplit, true)), nil
	}
	sep, ok := sepv.o.(*Str)
	if !ok {
		return Null, Errorf(TypeErrorType, "must be str or None, not %s", sepv.Type().Name)
	}
	if sep.s == "" {
		return Null, Errorf(ValueErrorType, "empty separator")
	}
	if name == "split" {
		return strList(splitSep(s.s, sep.s, maxsplit)), nil
	}
	return strList(rsplitSep(s.s, sep.s, maxsplit)), nil
}

// strJoin is sep.join(iterable).
func (t *Thread) strJoin(sep string, it Value) (Value, error) {
	var items []Value
	switch x := it.o.(type) {
	case *List:
		items = x.items
	case *Tuple:
		items = x.items
	default:
		var err error
		items, err = t.ToList(it)
		if err != nil {
			if e, ok := err.(*Exception); ok && e.cls == TypeErrorType && strings.HasSuffix(e.Message(), "is not iterable") {
				return Null, Errorf(TypeErrorType, "can only join an iterable")
			}
			return Null, err
		}
	}
	switch len(items) {
	case 0:
		return StrValue(""), nil
	case 1:
		if _, ok := items[0].o.(*Str); ok {
			return items[0], nil
		}
	}
	n := len(sep) * (len(items) - 1)
	for i, v := range items {
		s, ok := v.o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "sequence item %d: expected str instance, %s found", i, v.Type().Name)
		}
		n += len(s.s)
	}
	var b strings.Builder
	b.Grow(n)
	for i, v := range items {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(v.o.(*Str).s)
	}
	return StrValue(b.String()), nil
}

// strFind is find, rfind, index, rindex and count.
func (t *Thread) strFind(s *Str, name string, args []Value, kw []*Str) (Value, error) {
	if err := argsOld("str."+name, name, args, kw, 1, 3); err != nil {
		return Null, err
	}
	sub, err := strArg(args[0])
	if err != nil {
		return Null, err
	}
	n := s.Len()
	start, end, err := t.startEnd(args[1:], n)
	if err != nil {
		return Null, err
	}
	res := -1
	if name == "count" {
		if start > n || end < start {
			return Int(0), nil
		}
		if sub.s == "" {
			return Int(int64(end - start + 1)), nil
		}
		lo, hi := runeOffset(s, start), runeOffset(s, end)
		return Int(int64(strings.Count(s.s[lo:hi], sub.s))), nil
	}
	if start <= n && end-start >= sub.Len() {
		lo, hi := start, end
		if !s.IsASCII() {
			lo, hi = runeOffset(s, start), runeOffset(s, end)
		}
		var i int
		if name[0] == 'r' {
			i = strings.LastIndex(s.s[lo:hi], sub.s)
		} else {
			i = strings.Index(s.s[lo:hi], sub.s)
		}
		if i >= 0 {
			res = runeIndex(s, lo+i)
		}
	}
	if res < 0 && (name == "index" || name == "rindex") {
		return Null, Errorf(ValueErrorType, "substring not found")
	}
	return Int(int64(res)), nil
}

// ------------------------------------------------------------ transforming

func setupStrTransform() {
	noArgs := func(name string, f func(s *Str) string) {
		addStrMethod(name, func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
			if err := argsNone("str."+name, args, kw); err != nil {
				return Null, err
			}
			r := f(s)
			if r == s.s {
				return Obj(s), nil
			}
			return StrValue(r), nil
		})
	}
	noArgs("upper", upperStr)
	noArgs("lower", lowerStr)
	noArgs("casefold", func(s *Str) string {
		if s.IsASCII() {
			return lowerStr(s)
		}
		var b strings.Builder
		for _, r := range s.s {
			foldRune(&b, r)
		}
		return b.String()
	})
	noArgs("swapcase", func(s *Str) string {
		var b strings.Builder
		rs := s.Runes()
		for i, r := range rs {
			switch {
			case isUpperRune(r):
				if r == 0x3a3 {
					if finalSigma(rs, i) {
						b.WriteRune(0x3c2)
					} else {
						b.WriteRune(0x3c3)
					}
					continue
				}
				lowerRune(&b, r)
			case isLowerRune(r):
				upperRune(&b, r)
			default:
				b.WriteRune(r)
			}
		}
		return b.String()
	})
	noArgs("title", func(s *Str) string {
		var b strings.Builder
		prevCased := false
		rs := s.Runes()
		for i, r := range rs {
			if prevCased {
				if r == 0x3a3 {
					if finalSigma(rs, i) {
						b.WriteRune(0x3c2)
					} else {
						b.WriteRune(0x3c3)
					}
				} else {
					lowerRune(&b, r)
				}
			} else {
				titleRune(&b, r)
			}
			prevCased = isCasedRune(r)
		}
		return b.String()
	})
	noArgs("capitalize", func(s *Str) string {
		if s.s == "" {
			return ""
		}
		var b strings.Builder
		rs := s.Runes()
		titleRune(&b, rs[0])
		for i := 1; i < len(rs); i++ {
			r := rs[i]
			if r == 0x3a3 {
				if finalSigma(rs, i) {
					b.WriteRune(0x3c2)
				} else {
					b.WriteRune(0x3c3)
				}
				continue
			}
			lowerRune(&b, r)
		}
		return b.String()
	})
	for i, name := range []string{"lstrip", "rstrip", "strip"} {
		which := i + 1
		name := name
		addStrMethod(name, func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
			if err := argsRange("str."+name, name, args, kw, 0, 1); err != nil {
				return Null, err
			}
			var chars *string
			if len(args) == 1 && !args[0].IsNone() {
				c, ok := args[0].o.(*Str)
				if !ok {
					return Null, Errorf(TypeErrorType, "%s arg must be None or str", name)
				}
				chars = &c.s
			}
			r := stripStr(s.s, chars, which)
			if len(r) == len(s.s) {
				return Obj(s), nil
			}
			return StrValue(r), nil
		})
	}
	addStrMethod("replace", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsRange("str.replace", "replace", args, kw, 2, 3); err != nil {
			return Null, err
		}
		old, ok := args[0].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "replace() argument 1 must be str, not %s", args[0].Type().Name)
		}
		nw, ok := args[1].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "replace() argument 2 must be str, not %s", args[1].Type().Name)
		}
		count := -1
		if len(args) == 3 {
			c, err := t.argInt(args[2])
			if err != nil {
				return Null, err
			}
			count = c
		}
		if count < 0 {
			count = -1
		}
		r := strings.Replace(s.s, old.s, nw.s, count)
		if r == s.s {
			return Obj(s), nil
		}
		return StrValue(r), nil
	})
	for _, name := range []string{"center", "ljust", "rjust"} {
		name := name
		addStrMethod(name, func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
			if err := argsRange("str."+name, name, args, kw, 1, 2); err != nil {
				return Null, err
			}
			width, err := t.argInt(args[0])
			if err != nil {
				return Null, err
			}
			fill := " "
			if len(args) == 2 {
				f, ok := args[1].o.(*Str)
				if !ok {
					return Null, Errorf(TypeErrorType, "The fill character must be a unicode character, not %s", args[1].Type().Name)
				}
				if f.Len() != 1 {
					return Null, Errorf(TypeErrorType, "The fill character must be exactly one character long")
				}
				fill = f.s
			}
			n := s.Len()
			if width <= n {
				return Obj(s), nil
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
			return StrValue(strings.Repeat(fill, left) + s.s + strings.Repeat(fill, right)), nil
		})
	}
	addStrMethod("zfill", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("str.zfill", args, kw); err != nil {
			return Null, err
		}
		width, err := t.argInt(args[0])
		if err != nil {
			return Null, err
		}
		n := s.Len()
		if width <= n {
			return Obj(s), nil
		}
		pad := strings.Repeat("0", width-n)
		if s.s != "" && (s.s[0] == '+' || s.s[0] == '-') {
			return StrValue(s.s[:1] + pad + s.s[1:]), nil
		}
		return StrValue(pad + s.s), nil
	})
	addStrMethod("expandtabs", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
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
		return StrValue(expandTabs(s.s, tab, true)), nil
	})
	addStrMethod("encode", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		encoding, errors, err := codecArgs("encode", args, kw)
		if err != nil {
			return Null, err
		}
		b, err := encodeStr(s.s, encoding, errors)
		if err != nil {
			return Null, err
		}
		return Obj(NewBytes(b)), nil
	})
	addStrMethod("format", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		return t.strFormat(s.s, args, kw)
	})
	addStrMethod("format_map", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("str.format_map", args, kw); err != nil {
			return Null, err
		}
		return t.strFormatMap(s.s, args[0])
	})
	for _, name := range []string{"removeprefix", "removesuffix"} {
		name := name
		addStrMethod(name, func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
			if err := argsOne("str."+name, args, kw); err != nil {
				return Null, err
			}
			p, ok := args[0].o.(*Str)
			if !ok {
				return Null, Errorf(TypeErrorType, "%s() argument must be str, not %s", name, args[0].Type().Name)
			}
			if name == "removeprefix" && strings.HasPrefix(s.s, p.s) && p.s != "" {
				return StrValue(s.s[len(p.s):]), nil
			}
			if name == "removesuffix" && strings.HasSuffix(s.s, p.s) && p.s != "" {
				return StrValue(s.s[:len(s.s)-len(p.s)]), nil
			}
			return Obj(s), nil
		})
	}
	maketrans := func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := argsRange("str.maketrans", "maketrans", args, kw, 1, 3); err != nil {
			return Null, err
		}
		d := NewDict()
		if len(args) == 1 {
			src, ok := args[0].o.(*Dict)
			if !ok {
				return Null, Errorf(TypeErrorType, "if you give only one argument to maketrans it must be a dict")
			}
			var err error
			src.Items(func(k, v Value) bool {
				switch x := k.o.(type) {
				case *Str:
					if x.Len() != 1 {
						err = Errorf(ValueErrorType, "string keys in translate table must be of length 1")
						return false
					}
					err = d.Set(t, Int(int64(x.At(0))), v)
				case intTag, boolTag, *BigInt:
					err = d.Set(t, k, v)
				default:
					err = Errorf(TypeErrorType, "keys in translate table must be strings or integers")
				}
				return err == nil
			})
			if err != nil {
				return Null, err
			}
			return Obj(d), nil
		}
		x, ok := args[0].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "maketrans() argument 1 must be str, not %s", args[0].Type().Name)
		}
		y, ok := args[1].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "maketrans() argument 2 must be str, not %s", args[1].Type().Name)
		}
		if x.Len() != y.Len() {
			return Null, Errorf(ValueErrorType, "the first two maketrans arguments must have equal length")
		}
		xr, yr := x.Runes(), y.Runes()
		for i := range xr {
			if err := d.Set(t, Int(int64(xr[i])), Int(int64(yr[i]))); err != nil {
				return Null, err
			}
		}
		if len(args) == 3 {
			z, ok := args[2].o.(*Str)
			if !ok {
				return Null, Errorf(TypeErrorType, "maketrans() argument 3 must be str, not %s", args[2].Type().Name)
			}
			for _, r := range z.s {
				if err := d.Set(t, Int(int64(r)), None); err != nil {
					return Null, err
				}
			}
		}
		return Obj(d), nil
	}
	StrType.Dict.SetStr(Intern("maketrans"), Obj(&StaticMethod{fn: Obj(NewBuiltin("maketrans", maketrans))}))
	addStrMethod("translate", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("str.translate", args, kw); err != nil {
			return Null, err
		}
		table := args[0]
		var b strings.Builder
		for _, r := range s.s {
			v, err := t.GetItem(table, Int(int64(r)))
			if err != nil {
				if e, ok := err.(*Exception); ok && e.cls.IsSubtype(LookupErrorType) {
					b.WriteRune(r)
					continue
				}
				return Null, err
			}
			switch x := v.o.(type) {
			case noneTag:
			case *Str:
				b.WriteString(x.s)
			case intTag:
				c := v.AsInt()
				if c < 0 || c > 0x10ffff {
					return Null, Errorf(ValueErrorType, "character mapping must be in range(0x110000)")
				}
				b.WriteRune(rune(c))
			default:
				return Null, Errorf(TypeErrorType, "character mapping must return integer, None or str")
			}
		}
		return StrValue(b.String()), nil
	})
}

// ------------------------------------------------------------ predicates

func setupStrPredicates() {
	pred := func(name string, f func(s *Str) bool) {
		addStrMethod(name, func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
			if err := argsNone("str."+name, args, kw); err != nil {
				return Null, err
			}
			return Bool(f(s)), nil
		})
	}
	each := func(f func(rune) bool) func(s *Str) bool {
		return func(s *Str) bool { return strPredicate(s.s, f) }
	}
	pred("isdigit", each(isDigitRune))
	pred("isdecimal", each(isDecimalRune))
	pred("isnumeric", each(isNumericRune))
	pred("isalpha", each(isAlphaRune))
	pred("isalnum", each(isAlnumRune))
	pred("isspace", each(isSpaceRune))
	pred("isascii", func(s *Str) bool { return s.IsASCII() })
	pred("isidentifier", func(s *Str) bool { return isIdentifier(s.s) })
	pred("isprintable", func(s *Str) bool {
		for _, r := range s.s {
			if !pyfmt.IsPrintable(r) {
				return false
			}
		}
		return true
	})
	pred("isupper", func(s *Str) bool {
		cased := false
		for _, r := range s.s {
			if isLowerRune(r) || isTitleRune(r) {
				return false
			}
			if !cased && isUpperRune(r) {
				cased = true
			}
		}
		return cased
	})
	pred("islower", func(s *Str) bool {
		cased := false
		for _, r := range s.s {
			if isUpperRune(r) || isTitleRune(r) {
				return false
			}
			if !cased && isLowerRune(r) {
				cased = true
			}
		}
		return cased
	})
	pred("istitle", func(s *Str) bool {
		cased, prev := false, false
		for _, r := range s.s {
			switch {
			case isUpperRune(r) || isTitleRune(r):
				if prev {
					return false
				}
				prev, cased = true, true
			case isLowerRune(r):
				if !prev {
					return false
				}
				prev, cased = true, true
			default:
				prev = false
			}
		}
		return cased
	})
}

// ------------------------------------------------------------ special methods

func setupStrSpecial() {
	addStrMethod("__len__", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsNone("str.__len__", args, kw); err != nil {
			return Null, err
		}
		return Int(int64(s.Len())), nil
	})
	addStrMethod("__getitem__", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("str.__getitem__", args, kw); err != nil {
			return Null, err
		}
		return t.GetItem(Obj(s), args[0])
	})
	addStrMethod("__contains__", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("str.__contains__", args, kw); err != nil {
			return Null, err
		}
		r, err := t.Contains(Obj(s), args[0])
		return Bool(r), err
	})
	addStrMethod("__add__", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("str.__add__", args, kw); err != nil {
			return Null, err
		}
		o, ok := args[0].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "can only concatenate str (not \"%s\") to str", args[0].Type().Name)
		}
		return StrValue(s.s + o.s), nil
	})
	mul := func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("str.__mul__", args, kw); err != nil {
			return Null, err
		}
		if !isIntLike(args[0]) {
			if _, ok := args[0].o.(*Instance); !ok {
				return Null, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
			}
		}
		n, err := t.argInt(args[0])
		if err != nil {
			return Null, err
		}
		return StrValue(repeatString(s.s, max(n, 0))), nil
	}
	addStrMethod("__mul__", mul)
	addStrMethod("__rmul__", mul)
	addStrMethod("__mod__", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("str.__mod__", args, kw); err != nil {
			return Null, err
		}
		return t.percentFormat(s.s, args[0])
	})
	addStrMethod("__rmod__", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("str.__rmod__", args, kw); err != nil {
			return Null, err
		}
		return NotImplemented, nil
	})
	cmps := map[string]compiler.CompareOp{
		"__eq__": compiler.CmpEq, "__ne__": compiler.CmpNe, "__lt__": compiler.CmpLt,
		"__le__": compiler.CmpLe, "__gt__": compiler.CmpGt, "__ge__": compiler.CmpGe,
	}
	for name, op := range cmps {
		name, op := name, op
		addStrMethod(name, func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
			if err := argsOne("str."+name, args, kw); err != nil {
				return Null, err
			}
			o, ok := args[0].o.(*Str)
			if !ok {
				return NotImplemented, nil
			}
			return Bool(cmpResult(op, strings.Compare(s.s, o.s))), nil
		})
	}
	addStrMethod("__hash__", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsNone("str.__hash__", args, kw); err != nil {
			return Null, err
		}
		return Int(s.Hash()), nil
	})
	addStrMethod("__repr__", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsNone("str.__repr__", args, kw); err != nil {
			return Null, err
		}
		return StrValue(strRepr(s.s)), nil
	})
	addStrMethod("__str__", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsNone("str.__str__", args, kw); err != nil {
			return Null, err
		}
		return Obj(s), nil
	})
	addStrMethod("__format__", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsOne("str.__format__", args, kw); err != nil {
			return Null, err
		}
		spec, ok := args[0].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "__format__() argument must be str, not %s", args[0].Type().Name)
		}
		return t.format(Obj(s), spec.s)
	})
	addStrMethod("__iter__", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		if err := argsNone("str.__iter__", args, kw); err != nil {
			return Null, err
		}
		return t.Iter(Obj(s))
	})
	addStrMethod("__sizeof__", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		return Int(int64(49 + len(s.s))), nil
	})
	addStrMethod("__getnewargs__", func(t *Thread, s *Str, args []Value, kw []*Str) (Value, error) {
		return TupleValue(StrValue(s.s)), nil
	})
}

// setupNumberReprs adds __repr__ to int, bool and float (when the number
// methods did not already), so that int.__repr__(5) works.
func setupNumberReprs() {
	for _, e := range []struct {
		typ  *Type
		name string
		ok   func(Value) bool
	}{
		{IntType, "int", isIntLike},
		{BoolType, "bool", func(v Value) bool { return v.IsBool() }},
		{FloatType, "float", func(v Value) bool { return v.IsFloat() }},
	} {
		e := e
		if _, ok := e.typ.Dict.GetStr(strReprM); ok {
			continue
		}
		addMethod(e.typ, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if !e.ok(self) {
				return Null, selfError("__repr__", e.typ, self)
			}
			if err := argsNone(e.name+".__repr__", args, kw); err != nil {
				return Null, err
			}
			s, err := t.Repr(self)
			return StrValue(s), err
		})
	}
}
