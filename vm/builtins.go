// builtins.go defines the builtins module: the built-in functions and the
// names of the built-in types and exceptions.

package vm

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strings"
	"unsafe"

	"yflow/lang/compiler"
)

func uintptrOf(v Value) uintptr {
	type iface struct{ typ, data unsafe.Pointer }
	return uintptr((*iface)(unsafe.Pointer(&v.o)).data)
}

// lenBuiltin and listAppendDescr are called directly by the interpreter.
var (
	lenBuiltin      *Builtin
	listAppendDescr *MethodDescr
)

func makeBuiltins(in *Interp) *Dict {
	d := NewDict()
	set := func(name string, v Value) { d.SetStr(Intern(name), v) }
	fn := func(name string, f BuiltinFn) { set(name, Obj(NewBuiltin(name, f))) }
	for _, typ := range []*Type{ObjectType, TypeType, IntType, BoolType, FloatType, ComplexType,
		StrType, BytesType, ByteArrayType, ListType, TupleType, DictType, SetType, FrozenSetType,
		RangeType, SliceType, PropertyType, StaticMethodType, ClassMethodType, SuperType} {
		set(typ.Name, Obj(typ))
	}
	for name, typ := range ExceptionTypes {
		set(name, Obj(typ))
	}
	set("None", None)
	set("True", True)
	set("False", False)
	set("NotImplemented", NotImplemented)
	set("Ellipsis", Ellipsis)
	set("__build_class__", Obj(buildClassBuiltin))
	set("__name__", StrValue("builtins"))
	set("__debug__", True)

	fn("print", builtinPrint)
	fn("len", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("len", args, kw, 1, 1); err != nil {
			return Null, err
		}
		n, err := t.Len(args[0])
		return Int(int64(n)), err
	})
	lenBuiltin = d.getStrValue(Intern("len")).o.(*Builtin)
	defer func() { nextBuiltin = d.getStrValue(Intern("next")).o.(*Builtin) }()
	fn("repr", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("repr", args, kw, 1, 1); err != nil {
			return Null, err
		}
		s, err := t.Repr(args[0])
		return StrValue(s), err
	})
	fn("ascii", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("ascii", args, kw, 1, 1); err != nil {
			return Null, err
		}
		s, err := t.Repr(args[0])
		return StrValue(asciiEscape(s)), err
	})
	fn("iter", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("iter", args, kw, 1, 2); err != nil {
			return Null, err
		}
		if len(args) == 2 {
			return Obj(&callIter{fn: args[0], sentinel: args[1]}), nil
		}
		return t.Iter(args[0])
	})
	fn("next", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("next", args, kw, 1, 2); err != nil {
			return Null, err
		}
		it := args[0]
		if it.Type().Lookup(strNext).o == nil {
			if _, ok := it.o.(*Generator); !ok {
				return Null, Errorf(TypeErrorType, "'%s' object is not an iterator", it.Type().Name)
			}
		}
		if g, isGen := it.o.(*Generator); isGen {
			v, err := t.genSend(g, None)
			if err != nil && len(args) == 2 {
				if e, ok := err.(*Exception); ok && e.cls == StopIterationType {
					return args[1], nil
				}
			}
			return v, err
		}
		switch it.o.(type) {
		case *listIter, *rangeIter, *seqIter, *strIter, *dictIter, *funcIter, *callIter:
			v, ok, err := t.Next(it)
			if err != nil {
				return Null, err
			}
			if !ok {
				if len(args) == 2 {
					return args[1], nil
				}
				return Null, NewException(StopIterationType)
			}
			return v, nil
		}
		// other iterators: call __next__ itself so a StopIteration keeps
		// its value
		v, err := t.callMethodValue(it.Type().Lookup(strNext), it, nil)
		if err != nil && len(args) == 2 {
			if e, ok := err.(*Exception); ok && e.cls.IsSubtype(StopIterationType) {
				return args[1], nil
			}
		}
		return v, err
	})
	fn("isinstance", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("isinstance", args, kw, 2, 2); err != nil {
			return Null, err
		}
		ok, err := t.isInstance(args[0], args[1])
		return Bool(ok), err
	})
	fn("issubclass", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("issubclass", args, kw, 2, 2); err != nil {
			return Null, err
		}
		c, ok := args[0].o.(*Type)
		if !ok {
			return Null, Errorf(TypeErrorType, "issubclass() arg 1 must be a class")
		}
		ok, err := classMatch(c, args[1], "issubclass() arg 2 must be a class, a tuple of classes, or a union")
		return Bool(ok), err
	})
	fn("hash", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("hash", args, kw, 1, 1); err != nil {
			return Null, err
		}
		h, err := t.Hash(args[0])
		return Int(h), err
	})
	fn("id", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("id", args, kw, 1, 1); err != nil {
			return Null, err
		}
		v := args[0]
		if v.o != nil {
			switch v.o.(type) {
			case intTag, floatTag, boolTag, noneTag:
				return Int(int64(v.n>>1) ^ int64(uintptrOf(v)) ^ 0x7f0000000000), nil
			}
		}
		return Int(int64(uintptrOf(v))), nil
	})
	fn("callable", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("callable", args, kw, 1, 1); err != nil {
			return Null, err
		}
		switch args[0].o.(type) {
		case *Function, *Builtin, *Method, *Type, *MethodDescr:
			return True, nil
		}
		return Bool(args[0].Type().Lookup(strCall).o != nil), nil
	})
	fn("getattr", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("getattr", args, kw, 2, 3); err != nil {
			return Null, err
		}
		name, ok := args[1].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "attribute name must be string, not '%s'", args[1].Type().Name)
		}
		v, err := t.GetAttr(args[0], Intern(name.s))
		if err != nil && len(args) == 3 {
			if e, ok := err.(*Exception); ok && e.cls.IsSubtype(AttributeErrorType) {
				return args[2], nil
			}
		}
		return v, err
	})
	fn("setattr", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("setattr", args, kw, 3, 3); err != nil {
			return Null, err
		}
		name, ok := args[1].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "attribute name must be string, not '%s'", args[1].Type().Name)
		}
		return None, t.SetAttr(args[0], Intern(name.s), args[2])
	})
	fn("delattr", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("delattr", args, kw, 2, 2); err != nil {
			return Null, err
		}
		name, ok := args[1].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "attribute name must be string, not '%s'", args[1].Type().Name)
		}
		return None, t.DelAttr(args[0], Intern(name.s))
	})
	fn("hasattr", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("hasattr", args, kw, 2, 2); err != nil {
			return Null, err
		}
		name, ok := args[1].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "attribute name must be string, not '%s'", args[1].Type().Name)
		}
		_, err := t.GetAttr(args[0], Intern(name.s))
		if err != nil {
			if e, ok := err.(*Exception); ok && e.cls.IsSubtype(AttributeErrorType) {
				return False, nil
			}
			return Null, err
		}
		return True, nil
	})
	fn("abs", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("abs", args, kw, 1, 1); err != nil {
			return Null, err
		}
		v := args[0]
		switch x := v.o.(type) {
		case intTag, boolTag:
			i := v.AsInt()
			if i < 0 {
				return t.UnaryOp(compiler.UnaryNeg, Int(i))
			}
			return Int(i), nil
		case floatTag:
			return Float(math.Abs(v.AsFloat())), nil
		case *BigInt:
			return BigIntValue(new(big.Int).Abs(&x.v)), nil
		case *Complex:
			return Float(math.Hypot(real(x.v), imag(x.v))), nil
		}
		if r, ok, err := t.callSpecial(v, Intern("__abs__")); ok {
			return r, err
		}
		return Null, Errorf(TypeErrorType, "bad operand type for abs(): '%s'", v.Type().Name)
	})
	fn("divmod", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("divmod", args, kw, 2, 2); err != nil {
			return Null, err
		}
		a, b := args[0], args[1]
		if isNumber(a) && isNumber(b) {
			q, err := t.BinaryOp(compiler.BinFloorDiv, a, b)
			if err != nil {
				if e, ok := err.(*Exception); ok && e.cls == ZeroDivisionErrorType && (a.IsFloat() || b.IsFloat()) {
					return Null, Errorf(ZeroDivisionErrorType, "float divmod()")
				}
				return Null, err
			}
			m, err := t.BinaryOp(compiler.BinMod, a, b)
			if err != nil {
				return Null, err
			}
			return TupleValue(q, m), nil
		}
		if r, ok, err := t.callSpecial(a, Intern("__divmod__"), b); ok && (err != nil || !r.Is(NotImplemented)) {
			return r, err
		}
		if r, ok, err := t.callSpecial(b, Intern("__rdivmod__"), a); ok && (err != nil || !r.Is(NotImplemented)) {
			return r, err
		}
		return Null, Errorf(TypeErrorType, "unsupported operand type(s) for divmod(): '%s' and '%s'", a.Type().Name, b.Type().Name)
	})
	fn("pow", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		var base, exp, mod Value
		if err := unpackArgs("pow", args, kw, []string{"base", "exp", "mod"}, 2, &base, &exp, &mod); err != nil {
			return Null, err
		}
		if mod.o == nil || mod.IsNone() {
			return t.BinaryOp(compiler.BinPow, base, exp)
		}
		b, e, m := toBig(base), toBig(exp), toBig(mod)
		if b == nil || e == nil || m == nil {
			return Null, Errorf(TypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers")
		}
		if m.Sign() == 0 {
			return Null, Errorf(ValueErrorType, "pow() 3rd argument cannot be 0")
		}
		if e.Sign() < 0 {
			inv := new(big.Int).ModInverse(b, new(big.Int).Abs(m))
			if inv == nil {
				return Null, Errorf(ValueErrorType, "base is not invertible for the given modulus")
			}
			b = inv
			e = new(big.Int).Neg(e)
		}
		r := new(big.Int).Exp(b, e, new(big.Int).Abs(m))
		if m.Sign() < 0 && r.Sign() != 0 {
			r.Add(r, m)
		}
		return BigIntValue(r), nil
	})
	fn("round", builtinRound)
	fn("min", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		return t.minMax("min", args, kw, false)
	})
	fn("max", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		return t.minMax("max", args, kw, true)
	})
	fn("sum", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		var it, start Value
		if err := unpackArgs("sum", args, kw, []string{"iterable", "start"}, 1, &it, &start); err != nil {
			return Null, err
		}
		acc := Int(0)
		if start.o != nil {
			switch start.o.(type) {
			case *Str:
				return Null, Errorf(TypeErrorType, "sum() can't sum strings [use ''.join(seq) instead]")
			case *Bytes:
				return Null, Errorf(TypeErrorType, "sum() can't sum bytes [use b''.join(seq) instead]")
			}
			acc = start
		}
		fsum, useF := 0.0, false
		err := t.iterate(it, func(v Value) error {
			if acc.IsInt() && v.IsInt() {
				x, y := acc.AsInt(), v.AsInt()
				r := x + y
				if (x^r)&(y^r) >= 0 {
					acc = Int(r)
					return nil
				}
			}
			if useF && v.IsFloat() {
				fsum += v.AsFloat()
				return nil
			}
			if acc.IsFloat() && v.IsFloat() {
				fsum, useF = acc.AsFloat()+v.AsFloat(), true
				return nil
			}
			if useF {
				acc = Float(fsum)
				useF = false
			}
			r, err := t.BinaryOp(compiler.BinAdd, acc, v)
			acc = r
			return err
		})
		if useF {
			acc = Float(fsum)
		}
		return acc, err
	})
	fn("any", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("any", args, kw, 1, 1); err != nil {
			return Null, err
		}
		found := false
		err := t.iterate(args[0], func(v Value) error {
			b, err := t.Truth(v)
			if b {
				found = true
				return errStopIteration
			}
			return err
		})
		if err == errStopIteration {
			err = nil
		}
		return Bool(found), err
	})
	fn("all", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("all", args, kw, 1, 1); err != nil {
			return Null, err
		}
		res := true
		err := t.iterate(args[0], func(v Value) error {
			b, err := t.Truth(v)
			if err == nil && !b {
				res = false
				return errStopIteration
			}
			return err
		})
		if err == errStopIteration {
			err = nil
		}
		return Bool(res), err
	})
	fn("sorted", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if len(args)-len(kw) != 1 {
			return Null, Errorf(TypeErrorType, "sorted expected 1 argument, got %d", len(args)-len(kw))
		}
		items, err := t.ToList(args[0])
		if err != nil {
			return Null, err
		}
		l := NewList(items)
		var key, rev Value
		if err := unpackArgs("sorted", append([]Value{Null}, args[1:]...), kw, []string{"", "key", "reverse"}, 0, new(Value), &key, &rev); err != nil {
			return Null, err
		}
		if err := t.SortList(l, key, rev); err != nil {
			return Null, err
		}
		return Obj(l), nil
	})
	fn("reversed", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("reversed", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return t.reversed(args[0])
	})
	fn("enumerate", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		var it, start Value
		if err := unpackArgs("enumerate", args, kw, []string{"iterable", "start"}, 1, &it, &start); err != nil {
			return Null, err
		}
		src, err := t.Iter(it)
		if err != nil {
			return Null, err
		}
		n := Int(0)
		if start.o != nil {
			if !isIntLike(start) {
				return Null, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", start.Type().Name)
			}
			n = start
		}
		return Obj(&funcIter{name: "enumerate", next: func(t *Thread) (Value, bool, error) {
			v, ok, err := t.Next(src)
			if err != nil || !ok {
				return Null, false, err
			}
			i := n
			n, _ = intBinary(compiler.BinAdd, n, Int(1))
			return TupleValue(i, v), true, nil
		}}), nil
	})
	fn("zip", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		var strict bool
		npos := len(args) - len(kw)
		for i, k := range kw {
			if k.s != "strict" {
				return Null, Errorf(TypeErrorType, "zip() got an unexpected keyword argument '%s'", k.s)
			}
			strict, _ = t.Truth(args[npos+i])
		}
		its := make([]Value, npos)
		for i, a := range args[:npos] {
			it, err := t.Iter(a)
			if err != nil {
				return Null, err
			}
			its[i] = it
		}
		done := false
		return Obj(&funcIter{name: "zip", next: func(t *Thread) (Value, bool, error) {
			if done || len(its) == 0 {
				return Null, false, nil
			}
			items := make([]Value, len(its))
			for i, it := range its {
				v, ok, err := t.Next(it)
				if err != nil {
					return Null, false, err
				}
				if !ok {
					done = true
					if strict && i > 0 {
						return Null, false, Errorf(ValueErrorType, "zip() argument %d is shorter than argument%s 1%s", i+1, plural(i), rangeNames(i))
					}
					if strict && i == 0 {
						for j := 1; j < len(its); j++ {
							if _, ok, _ := t.Next(its[j]); ok {
								return Null, false, Errorf(ValueErrorType, "zip() argument %d is longer than argument%s 1%s", j+1, plural(j), rangeNames(j))
							}
						}
					}
					return Null, false, nil
				}
				items[i] = v
			}
			return Obj(NewTuple(items)), true, nil
		}}), nil
	})
	fn("map", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := noKw("map", kw); err != nil {
			return Null, err
		}
		if len(args) < 2 {
			return Null, Errorf(TypeErrorType, "map() must have at least two arguments.")
		}
		f := args[0]
		its := make([]Value, len(args)-1)
		for i, a := range args[1:] {
			it, err := t.Iter(a)
			if err != nil {
				return Null, err
			}
			its[i] = it
		}
		return Obj(&funcIter{name: "map", next: func(t *Thread) (Value, bool, error) {
			items := make([]Value, len(its))
			for i, it := range its {
				v, ok, err := t.Next(it)
				if err != nil || !ok {
					return Null, false, err
				}
				items[i] = v
			}
			r, err := t.Call(f, items, nil)
			return r, err == nil, err
		}}), nil
	})
	fn("filter", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("filter", args, kw, 2, 2); err != nil {
			return Null, err
		}
		f := args[0]
		it, err := t.Iter(args[1])
		if err != nil {
			return Null, err
		}
		return Obj(&funcIter{name: "filter", next: func(t *Thread) (Value, bool, error) {
			for {
				v, ok, err := t.Next(it)
				if err != nil || !ok {
					return Null, false, err
				}
				keep := v
				if !f.IsNone() {
					keep, err = t.Call(f, []Value{v}, nil)
					if err != nil {
						return Null, false, err
					}
				}
				b, err := t.Truth(keep)
				if err != nil {
					return Null, false, err
				}
				if b {
					return v, true, nil
				}
			}
		}}), nil
	})
	fn("chr", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("chr", args, kw, 1, 1); err != nil {
			return Null, err
		}
		i, err := t.Index(args[0])
		if err != nil {
			if !isIntLike(args[0]) {
				return Null, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
			}
			return Null, Errorf(OverflowErrorType, "Python int too large to convert to C int")
		}
		if i < 0 || i > 0x10ffff {
			return Null, Errorf(ValueErrorType, "chr() arg not in range(0x110000)")
		}
		return StrValue(string(rune(i))), nil
	})
	fn("ord", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("ord", args, kw, 1, 1); err != nil {
			return Null, err
		}
		switch x := args[0].o.(type) {
		case *Str:
			if x.Len() != 1 {
				return Null, Errorf(TypeErrorType, "ord() expected a character, but string of length %d found", x.Len())
			}
			return Int(int64(x.At(0))), nil
		case *Bytes:
			if len(x.b) != 1 {
				return Null, Errorf(TypeErrorType, "ord() expected a character, but string of length %d found", len(x.b))
			}
			return Int(int64(x.b[0])), nil
		}
		return Null, Errorf(TypeErrorType, "ord() expected string of length 1, but %s found", args[0].Type().Name)
	})
	radix := func(name, prefix string, base int) {
		fn(name, func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs(name, args, kw, 1, 1); err != nil {
				return Null, err
			}
			b := toBig(args[0])
			if b == nil {
				if _, err := t.Index(args[0]); err != nil {
					return Null, err
				}
				i, _ := t.Index(args[0])
				b = big.NewInt(i)
			}
			s := b.Text(base)
			if strings.HasPrefix(s, "-") {
				return StrValue("-" + prefix + s[1:]), nil
			}
			return StrValue(prefix + s), nil
		})
	}
	radix("hex", "0x", 16)
	radix("oct", "0o", 8)
	radix("bin", "0b", 2)
	fn("format", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("format", args, kw, 1, 2); err != nil {
			return Null, err
		}
		spec := Value(StrValue(""))
		if len(args) == 2 {
			if _, ok := args[1].o.(*Str); !ok {
				return Null, Errorf(TypeErrorType, "format() argument 2 must be str, not %s", args[1].Type().Name)
			}
			spec = args[1]
		}
		return t.formatValue(args[0], 0, spec)
	})
	fn("vars", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("vars", args, kw, 0, 1); err != nil {
			return Null, err
		}
		if len(args) == 0 {
			return t.localsDict(), nil
		}
		v, err := t.GetAttr(args[0], strDict)
		if err != nil {
			return Null, Errorf(TypeErrorType, "vars() argument must have __dict__ attribute")
		}
		return v, nil
	})
	fn("locals", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) { return t.localsDict(), nil })
	fn("globals", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if t.frame == nil {
			return Obj(NewDict()), nil
		}
		return Obj(t.frame.globals), nil
	})
	fn("dir", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("dir", args, kw, 0, 1); err != nil {
			return Null, err
		}
		if len(args) == 0 {
			d := t.localsDict()
			keys := d.o.(*Dict).Keys()
			l := NewList(keys)
			return Obj(l), t.SortList(l, Null, Null)
		}
		return t.dir(args[0])
	})
	fn("input", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("input", args, kw, 0, 1); err != nil {
			return Null, err
		}
		if len(args) == 1 {
			s, err := t.Str(args[0])
			if err != nil {
				return Null, err
			}
			t.in.Stdout.WriteString(s)
		}
		t.in.Stdout.Flush()
		// other threads run while input() waits; stdinMu keeps two
		// readers from sharing the buffer at once
		var line string
		var err error
		t.Blocking(func() {
			t.in.stdinMu.Lock()
			line, err = t.in.Stdin.ReadString('\n')
			t.in.stdinMu.Unlock()
		})
		if err != nil && line == "" {
			return Null, Errorf(EOFErrorType, "EOF when reading a line")
		}
		return StrValue(strings.TrimRight(strings.TrimSuffix(line, "\n"), "\r")), nil
	})
	fn("open", builtinOpen)
	fn("eval", builtinEvalExec("eval", compiler.ModeEval))
	fn("exec", builtinEvalExec("exec", compiler.ModeExec))
	fn("aiter", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("aiter", args, kw, 1, 1); err != nil {
			return Null, err
		}
		r, ok, err := t.callSpecial(args[0], Intern("__aiter__"))
		if !ok {
			return Null, Errorf(TypeErrorType, "'%s' object is not an async iterable", args[0].Type().Name)
		}
		return r, err
	})
	fn("anext", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("anext", args, kw, 1, 2); err != nil {
			return Null, err
		}
		r, ok, err := t.callSpecial(args[0], Intern("__anext__"))
		if !ok {
			return Null, Errorf(TypeErrorType, "'%s' object is not an async iterator", args[0].Type().Name)
		}
		if err != nil || len(args) == 1 {
			return r, err
		}
		aw, err := t.getAwaitable(r)
		if err != nil {
			return Null, err
		}
		return Obj(&anextDefault{aw: aw, def: args[1]}), nil
	})
	fn("exit", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		return Null, NewException(SystemExitType, args...)
	})
	fn("quit", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		return Null, NewException(SystemExitType, args...)
	})
	fn("__import__", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if len(args) < 1 {
			return Null, Errorf(TypeErrorType, "__import__() missing required argument 'name' (pos 1)")
		}
		name, ok := args[0].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "__import__() argument 1 must be str")
		}
		return t.importModule(name.s, t.frame)
	})
	return d
}

func rangeNames(i int) string {
	if i == 1 {
		return ""
	}
	return fmt.Sprintf("-%d", i)
}

func asciiEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x10000:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	return b.String()
}

// isInstance is isinstance(v, classinfo).
func (t *Thread) isInstance(v, cls Value) (bool, error) {
	return classMatch(v.Type(), cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")
}

func classMatch(c *Type, cls Value, msg string) (bool, error) {
	switch x := cls.o.(type) {
	case *Type:
		return c.IsSubtype(x), nil
	case *Tuple:
		for _, it := range x.items {
			ok, err := classMatch(c, it, msg)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	case *Union:
		for _, it := range x.args {
			if _, ok := it.o.(*GenericAlias); ok {
				return false, Errorf(TypeErrorType, "isinstance() argument 2 cannot be a parameterized generic")
			}
			ok, err := classMatch(c, it, msg)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, Errorf(TypeErrorType, "%s", msg)
}

func builtinPrint(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
	npos := len(args) - len(kw)
	sep, end := " ", "\n"
	var file Value
	flush := false
	for i, k := range kw {
		v := args[npos+i]
		switch k.s {
		case "sep", "end":
			s := " "
			if k.s == "end" {
				s = "\n"
			}
			if !v.IsNone() {
				str, ok := v.o.(*Str)
				if !ok {
					return Null, Errorf(TypeErrorType, "%s must be None or a string, not %s", k.s, v.Type().Name)
				}
				s = str.s
			}
			if k.s == "sep" {
				sep = s
			} else {
				end = s
			}
		case "file":
			file = v
		case "flush":
			flush, _ = t.Truth(v)
		default:
			return Null, Errorf(TypeErrorType, "'%s' is an invalid keyword argument for print()", k.s)
		}
	}
	if file.o == nil || file.IsNone() {
		if file = t.in.currentStdout(); file.IsNone() {
			return None, nil // sys.stdout = None: print writes nothing
		}
	}
	if file.o != nil && !file.Is(t.in.stdoutObj) && !file.Is(t.in.stderrObj) {
		// any other file: write is called for each piece, as CPython does
		w, err := t.GetAttr(file, Intern("write"))
		if err != nil {
			return Null, err
		}
		put := func(s string) error {
			_, err := t.Call(w, []Value{StrValue(s)}, nil)
			return err
		}
		for i, a := range args[:npos] {
			if i > 0 {
				if err := put(sep); err != nil {
					return Null, err
				}
			}
			s, err := t.Str(a)
			if err != nil {
				return Null, err
			}
			if err := put(s); err != nil {
				return Null, err
			}
		}
		if err := put(end); err != nil {
			return Null, err
		}
		if flush {
			if f, err := t.GetAttr(file, Intern("flush")); err == nil {
				t.Call(f, nil, nil)
			}
		}
		return None, nil
	}
	var b strings.Builder
	for i, a := range args[:npos] {
		if i > 0 {
			b.WriteString(sep)
		}
		s, err := t.Str(a)
		if err != nil {
			return Null, err
		}
		b.WriteString(s)
	}
	b.WriteString(end)
	if file.Is(t.in.stderrObj) {
		t.in.Stdout.Flush()
		t.in.Stderr.WriteString(b.String())
		t.in.Stderr.Flush()
		return None, nil
	}
	t.in.Stdout.WriteString(b.String())
	if flush {
		t.in.Stdout.Flush()
	}
	return None, nil
}

// currentStdout is sys.stdout as the program has it now (print writes
// there), or the original stream when sys was never imported.
func (in *Interp) currentStdout() Value {
	if m, ok := in.Modules.GetStr(strSysName); ok {
		if mod, ok := m.o.(*Module); ok {
			if v, ok := mod.dict.GetStr(strStdoutName); ok {
				return v
			}
		}
	}
	return in.stdoutObj
}

var strSysName, strStdoutName = Intern("sys"), Intern("stdout")

func builtinRound(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
	var num, nd Value
	if err := unpackArgs("round", args, kw, []string{"number", "ndigits"}, 1, &num, &nd); err != nil {
		return Null, err
	}
	switch num.o.(type) {
	case intTag, boolTag, *BigInt:
		if nd.o == nil || nd.IsNone() {
			if num.IsBool() {
				return Int(num.AsInt()), nil
			}
			return num, nil
		}
		n, err := t.Index(nd)
		if err != nil {
			return Null, err
		}
		if n >= 0 {
			return num, nil
		}
		// round to a power of ten, half to even
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-n), nil)
		x := toBig(num)
		q, m := new(big.Int).DivMod(x, p, new(big.Int))
		twice := new(big.Int).Mul(m, big.NewInt(2))
		c := twice.Cmp(p)
		if c > 0 || (c == 0 && q.Bit(0) == 1) {
			q.Add(q, big.NewInt(1))
		}
		return BigIntValue(q.Mul(q, p)), nil
	case floatTag:
		f := num.AsFloat()
		if nd.o == nil || nd.IsNone() {
			if math.IsInf(f, 0) {
				return Null, Errorf(OverflowErrorType, "cannot convert float infinity to integer")
			}
			if math.IsNaN(f) {
				return Null, Errorf(ValueErrorType, "cannot convert float NaN to integer")
			}
			r := math.RoundToEven(f)
			return floatToInt(r), nil
		}
		n, err := t.Index(nd)
		if err != nil {
			return Null, err
		}
		return Float(roundFloat(f, int(n))), nil
	}
	if r, ok, err := t.callSpecial(num, Intern("__round__"), optArgs(nd)...); ok {
		return r, err
	}
	return Null, Errorf(TypeErrorType, "type %s doesn't define __round__ method", num.Type().Name)
}

func optArgs(vs ...Value) []Value {
	var out []Value
	for _, v := range vs {
		if v.o != nil {
			out = append(out, v)
		}
	}
	return out
}

// roundFloat rounds f to n decimal places exactly as CPython (correctly
// rounded, half to even on the exact decimal value).
func roundFloat(f float64, n int) float64 {
	if math.IsInf(f, 0) || math.IsNaN(f) || f == 0 {
		return f
	}
	if n > 320 {
		return f
	}
	if n < -320 {
		return math.Copysign(0, f)
	}
	r := new(big.Rat)
	r.SetFloat64(f)
	p := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(n))), nil))
	if n >= 0 {
		r.Mul(r, p)
	} else {
		r.Quo(r, p)
	}
	// round r half to even
	num, den := r.Num(), r.Denom()
	q, m := new(big.Int).DivMod(num, den, new(big.Int))
	twice := new(big.Int).Mul(m, big.NewInt(2))
	c := twice.Cmp(den)
	if c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(1))
	}
	res := new(big.Rat).SetInt(q)
	if n >= 0 {
		res.Quo(res, p)
	} else {
		res.Mul(res, p)
	}
	out, _ := res.Float64()
	if out == 0 {
		return math.Copysign(0, f)
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// floatToInt converts an integral float to an int Value.
func floatToInt(f float64) Value {
	if f >= -9.2e18 && f <= 9.2e18 {
		return Int(int64(f))
	}
	b, _ := new(big.Float).SetFloat64(f).Int(nil)
	return BigIntValue(b)
}

func (t *Thread) minMax(name string, args []Value, kw []*Str, isMax bool) (Value, error) {
	npos := len(args) - len(kw)
	var key, def Value
	for i, k := range kw {
		switch k.s {
		case "key":
			key = args[npos+i]
		case "default":
			def = args[npos+i]
		default:
			return Null, Errorf(TypeErrorType, "%s() got an unexpected keyword argument '%s'", name, k.s)
		}
	}
	if key.IsNone() {
		key = Null
	}
	var items []Value
	switch {
	case npos == 0:
		return Null, Errorf(TypeErrorType, "%s expected at least 1 argument, got 0", name)
	case npos == 1:
		var err error
		items, err = t.ToList(args[0])
		if err != nil {
			return Null, err
		}
		if len(items) == 0 {
			if def.o != nil {
				return def, nil
			}
			return Null, Errorf(ValueErrorType, "%s() arg is an empty sequence", name)
		}
	default:
		if def.o != nil {
			return Null, Errorf(TypeErrorType, "Cannot specify a default for %s() with multiple positional arguments", name)
		}
		items = args[:npos]
	}
	best := items[0]
	bestKey := best
	if key.o != nil {
		k, err := t.Call(key, []Value{best}, nil)
		if err != nil {
			return Null, err
		}
		bestKey = k
	}
	for _, it := range items[1:] {
		k := it
		if key.o != nil {
			var err error
			k, err = t.Call(key, []Value{it}, nil)
			if err != nil {
				return Null, err
			}
		}
		var better bool
		var err error
		if isMax {
			better, err = t.Greater(k, bestKey)
		} else {
			better, err = t.Less(k, bestKey)
		}
		if err != nil {
			return Null, err
		}
		if better {
			best, bestKey = it, k
		}
	}
	return best, nil
}

// SortList sorts a list in place (stable), with an optional key function
// and reverse flag, as list.sort does.
func (t *Thread) SortList(l *List, key, reverse Value) error {
	rev := false
	if reverse.o != nil {
		var err error
		rev, err = t.Truth(reverse)
		if err != nil {
			return err
		}
	}
	items := l.items
	l.items = nil // detect modification during sort
	keys := items
	if key.o != nil && !key.IsNone() {
		keys = make([]Value, len(items))
		for i, it := range items {
			k, err := t.Call(key, []Value{it}, nil)
			if err != nil {
				l.items = items
				return err
			}
			keys[i] = k
		}
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	var sortErr error
	if rev {
		// reverse, stable sort, reverse: keeps equal items in original order
		for i, j := 0, len(idx)-1; i < j; i, j = i+1, j-1 {
			idx[i], idx[j] = idx[j], idx[i]
		}
	}
	sort.SliceStable(idx, func(a, b int) bool {
		if sortErr != nil {
			return false
		}
		less, err := t.Less(keys[idx[a]], keys[idx[b]])
		if err != nil {
			sortErr = err
		}
		return less
	})
	if rev {
		for i, j := 0, len(idx)-1; i < j; i, j = i+1, j-1 {
			idx[i], idx[j] = idx[j], idx[i]
		}
	}
	if sortErr != nil {
		l.items = items
		return sortErr
	}
	modified := l.items != nil
	out := make([]Value, len(items))
	for i, j := range idx {
		out[i] = items[j]
	}
	l.items = out
	if modified {
		return Errorf(ValueErrorType, "list modified during sort")
	}
	return nil
}

func (t *Thread) reversed(v Value) (Value, error) {
	switch x := v.o.(type) {
	case *List:
		i := len(x.items)
		return Obj(&funcIter{name: "reversed", next: func(t *Thread) (Value, bool, error) {
			if i > len(x.items) {
				i = len(x.items)
			}
			if i <= 0 {
				return Null, false, nil
			}
			i--
			return x.items[i], true, nil
		}}), nil
	case *Range:
		n := x.Len()
		last := x.start + (n-1)*x.step
		return Obj(&rangeIter{start: last, step: -x.step, n: n}), nil
	}
	if r, ok, err := t.callSpecial(v, strReversed); ok {
		return r, err
	}
	var items []Value
	switch x := v.o.(type) {
	case *Tuple:
		items = x.items
	case *Str:
		items = make([]Value, 0, x.Len())
		for _, r := range x.s {
			items = append(items, StrValue(string(r)))
		}
	case *Bytes:
		for _, c := range x.b {
			items = append(items, Int(int64(c)))
		}
	case *Dict:
		items = x.Keys()
	case *DictView:
		it, _ := t.Iter(v)
		all, err := t.ToList(it)
		if err != nil {
			return Null, err
		}
		items = all
	default:
		if v.Type().Lookup(strGetitem).o != nil && v.Type().Lookup(strLen).o != nil {
			n, err := t.Len(v)
			if err != nil {
				return Null, err
			}
			i := n
			return Obj(&funcIter{name: "reversed", next: func(t *Thread) (Value, bool, error) {
				if i <= 0 {
					return Null, false, nil
				}
				i--
				r, err := t.GetItem(v, Int(int64(i)))
				return r, err == nil, err
			}}), nil
		}
		return Null, Errorf(TypeErrorType, "'%s' object is not reversible", v.Type().Name)
	}
	i := len(items)
	return Obj(&funcIter{name: "reversed", next: func(t *Thread) (Value, bool, error) {
		if i <= 0 {
			return Null, false, nil
		}
		i--
		return items[i], true, nil
	}}), nil
}

func (t *Thread) localsDict() Value {
	f := t.frame
	if f == nil {
		return Obj(NewDict())
	}
	if f.locals != nil {
		return Obj(f.locals)
	}
	if f.fn == nil {
		return Obj(f.globals)
	}
	d := NewDict()
	for i, n := range f.code.VarNames {
		if f.slots[i].o != nil {
			d.SetStr(Intern(n), f.slots[i])
		}
	}
	for i, n := range f.code.CellVars {
		if c := f.cells[i]; c != nil && c.v.o != nil {
			d.SetStr(Intern(n), c.v)
		}
	}
	return Obj(d)
}

func (t *Thread) dir(v Value) (Value, error) {
	_, isType := v.o.(*Type)
	_, isMod := v.o.(*Module)
	if r, ok, err := t.callSpecial(v, Intern("__dir__")); ok && !isType && !isMod {
		if err != nil {
			return Null, err
		}
		items, err := t.ToList(r)
		if err != nil {
			return Null, err
		}
		l := NewList(items)
		return Obj(l), t.SortList(l, Null, Null)
	}
	names := NewDict()
	add := func(d *Dict) {
		if d == nil {
			return
		}
		for _, k := range d.Keys() {
			names.Set(t, k, None)
		}
	}
	switch x := v.o.(type) {
	case *Module:
		add(x.dict)
	case *Type:
		for _, m := range x.MRO {
			add(m.Dict)
		}
	default:
		add(instanceDict(v.o))
		for _, m := range v.Type().MRO {
			add(m.Dict)
		}
	}
	l := NewList(names.Keys())
	return Obj(l), t.SortList(l, Null, Null)
}
