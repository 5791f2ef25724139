// numbermethods.go defines the constructors and methods of int, bool,
// float and complex, and complex arithmetic.

package vm

import (
	"math"
	"math/big"
	"math/cmplx"
	"strconv"
	"strings"

	"yflow/lang/compiler"
	"yflow/vm/libm"
	"yflow/vm/pyfmt"
)

func setupNumberMethods() {
	IntType.new = intNew
	BoolType.new = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("bool", args, kw, 0, 1); err != nil {
			return Null, err
		}
		if len(args) == 0 {
			return False, nil
		}
		b, err := t.Truth(args[0])
		return Bool(b), err
	}
	FloatType.new = floatNew
	ComplexType.new = complexNew

	unary := func(typ *Type, name string, op compiler.UnaryOp) {
		addMethod(typ, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return t.UnaryOp(op, self)
		})
	}
	binary := func(typ *Type, name string, op compiler.BinaryOp, reflected bool) {
		addMethod(typ, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs(name, args, kw, 1, 1); err != nil {
				return Null, err
			}
			a, b := self, unwrapSelf(args[0])
			if reflected {
				a, b = b, a
			}
			if !isNumber(b) && !isNumber(a) {
				return NotImplemented, nil
			}
			if !isNumber(a) || !isNumber(b) {
				if _, ok := a.o.(*Complex); !ok {
					if _, ok := b.o.(*Complex); !ok {
						return NotImplemented, nil
					}
				}
			}
			return t.builtinBinary(op, a, b)
		})
	}
	for _, typ := range []*Type{IntType, FloatType} {
		for i, n := range binopNames {
			op := compiler.BinaryOp(i)
			if op == compiler.BinMatMul {
				continue
			}
			if typ == FloatType && (op >= compiler.BinLShift) {
				continue
			}
			binary(typ, n, op, false)
			binary(typ, "__r"+n[2:], op, true)
		}
		unary(typ, "__neg__", compiler.UnaryNeg)
		unary(typ, "__pos__", compiler.UnaryPos)
		for i, n := range cmpNames {
			op := compiler.CompareOp(i)
			addMethod(typ, n, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := checkArgs(n, args, kw, 1, 1); err != nil {
					return Null, err
				}
				o := unwrapSelf(args[0])
				if !isNumber(o) {
					return NotImplemented, nil
				}
				return t.Compare(op, self, o)
			})
		}
		addMethod(typ, "__hash__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			h, err := t.Hash(self)
			return Int(h), err
		})
		addMethod(typ, "__bool__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			b, err := t.Truth(self)
			return Bool(b), err
		})
		addMethod(typ, "__int__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return intNew(t, IntType, []Value{self}, nil)
		})
		addMethod(typ, "__float__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return floatNew(t, FloatType, []Value{self}, nil)
		})
		addMethod(typ, "__abs__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return t.Call(t.in.Builtins.getStrValue(Intern("abs")), []Value{self}, nil)
		})
		addMethod(typ, "__round__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return builtinRound(t, Null, append([]Value{self}, args...), kw)
		})
		addMethod(typ, "__format__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs("__format__", args, kw, 1, 1); err != nil {
				return Null, err
			}
			return t.formatValue(self, 0, args[0])
		})
		addMethod(typ, "conjugate", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return self, nil
		})
		addMethod(typ, "__divmod__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs("__divmod__", args, kw, 1, 1); err != nil {
				return Null, err
			}
			if !isNumber(args[0]) {
				return NotImplemented, nil
			}
			return t.Call(t.in.Builtins.getStrValue(Intern("divmod")), []Value{self, args[0]}, nil)
		})
		addMethod(typ, "__rdivmod__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs("__rdivmod__", args, kw, 1, 1); err != nil {
				return Null, err
			}
			if !isNumber(args[0]) {
				return NotImplemented, nil
			}
			return t.Call(t.in.Builtins.getStrValue(Intern("divmod")), []Value{args[0], self}, nil)
		})
		addMethod(typ, "__trunc__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return intNew(t, IntType, []Value{self}, nil)
		})
	}
	unary(IntType, "__invert__", compiler.UnaryInvert)
	addMethod(IntType, "__index__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return intOf(self), nil
	})
	addMethod(IntType, "bit_length", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Int(int64(new(big.Int).Abs(toBig(self)).BitLen())), nil
	})
	addMethod(IntType, "bit_count", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		b := new(big.Int).Abs(toBig(self))
		n := 0
		for _, w := range b.Bits() {
			for x := uint64(w); x != 0; x &= x - 1 {
				n++
			}
		}
		return Int(int64(n)), nil
	})
	addMethod(IntType, "is_integer", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return True, nil
	})
	addMethod(IntType, "as_integer_ratio", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return TupleValue(intOf(self), Int(1)), nil
	})
	addMethod(IntType, "to_bytes", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var length, order, signed Value
		if err := unpackArgs("to_bytes", args, kw, []string{"length", "byteorder", "signed"}, 0, &length, &order, &signed); err != nil {
			return Null, err
		}
		n := int64(1)
		if length.o != nil {
			var err error
			if n, err = t.Index(length); err != nil {
				return Null, err
			}
		}
		big_ := true
		if order.o != nil {
			s, _ := order.o.(*Str)
			if s == nil || (s.s != "big" && s.s != "little") {
				return Null, Errorf(ValueErrorType, "byteorder must be either 'little' or 'big'")
			}
			big_ = s.s == "big"
		}
		sig := false
		if signed.o != nil {
			sig, _ = t.Truth(signed)
		}
		x := toBig(self)
		if x.Sign() < 0 && !sig {
			return Null, Errorf(OverflowErrorType, "can't convert negative int to unsigned")
		}
		v := new(big.Int).Set(x)
		if x.Sign() < 0 {
			v.Add(v, new(big.Int).Lsh(big.NewInt(1), uint(8*n)))
		}
		b := v.Bytes()
		limitOK := len(b) <= int(n)
		if sig && limitOK && n > 0 {
			// the sign bit must match
			top := byte(0)
			if len(b) == int(n) {
				top = b[0]
			}
			if (x.Sign() >= 0) == (top&0x80 != 0) && len(b) == int(n) {
				limitOK = false
			}
		}
		if !limitOK || (n == 0 && x.Sign() != 0) {
			return Null, Errorf(OverflowErrorType, "int too big to convert")
		}
		out := make([]byte, n)
		copy(out[int(n)-len(b):], b)
		if !big_ {
			for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
				out[i], out[j] = out[j], out[i]
			}
		}
		return Obj(NewBytes(out)), nil
	})
	addClassMethod(IntType, "from_bytes", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var data, order, signed Value
		if err := unpackArgs("from_bytes", args, kw, []string{"bytes", "byteorder", "signed"}, 1, &data, &order, &signed); err != nil {
			return Null, err
		}
		var b []byte
		switch x := data.o.(type) {
		case *Bytes:
			b = append([]byte(nil), x.b...)
		case *ByteArray:
			b = append([]byte(nil), x.b...)
		default:
			items, err := t.ToList(data)
			if err != nil {
				return Null, err
			}
			for _, it := range items {
				i, err := t.Index(it)
				if err != nil {
					return Null, err
				}
				b = append(b, byte(i))
			}
		}
		if order.o != nil {
			if s, _ := order.o.(*Str); s != nil && s.s == "little" {
				for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
					b[i], b[j] = b[j], b[i]
				}
			}
		}
		v := new(big.Int).SetBytes(b)
		if signed.o != nil {
			if s, _ := t.Truth(signed); s && len(b) > 0 && b[0]&0x80 != 0 {
				v.Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
			}
		}
		return BigIntValue(v), nil
	})
	IntType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		switch name {
		case "real", "numerator":
			return intOf(o), true, nil
		case "imag":
			return Int(0), true, nil
		case "denominator":
			return Int(1), true, nil
		}
		return Null, false, nil
	}
	FloatType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		switch name {
		case "real":
			return o, true, nil
		case "imag":
			return Float(0), true, nil
		}
		return Null, false, nil
	}
	addMethod(FloatType, "is_integer", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		f := self.AsFloat()
		return Bool(!math.IsInf(f, 0) && f == math.Trunc(f)), nil
	})
	addMethod(FloatType, "as_integer_ratio", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		f := self.AsFloat()
		if math.IsInf(f, 0) {
			return Null, Errorf(OverflowErrorType, "cannot convert Infinity to integer ratio")
		}
		if math.IsNaN(f) {
			return Null, Errorf(ValueErrorType, "cannot convert NaN to integer ratio")
		}
		r := new(big.Rat).SetFloat64(f)
		return TupleValue(BigIntValue(r.Num()), BigIntValue(r.Denom())), nil
	})
	addMethod(FloatType, "hex", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return StrValue(floatHex(self.AsFloat())), nil
	})
	addMethod(FloatType, "__floor__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return floatToIntChecked(math.Floor(self.AsFloat()))
	})
	addMethod(FloatType, "__ceil__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return floatToIntChecked(math.Ceil(self.AsFloat()))
	})
	addClassMethod(FloatType, "fromhex", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		s, _ := args[0].o.(*Str)
		if s == nil {
			return Null, Errorf(TypeErrorType, "fromhex() argument must be str")
		}
		var f float64
		str := strings.TrimSpace(s.s)
		if !strings.Contains(strings.ToLower(str), "p") {
			str += "p0"
		}
		if _, err := fmtSscan(str, &f); err != nil {
			return Null, Errorf(ValueErrorType, "invalid hexadecimal floating-point string")
		}
		return Float(f), nil
	})
	ComplexType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		c := o.o.(*Complex)
		switch name {
		case "real":
			return Float(real(c.v)), true, nil
		case "imag":
			return Float(imag(c.v)), true, nil
		}
		return Null, false, nil
	}
	addMethod(ComplexType, "conjugate", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Obj(&Complex{v: cmplx.Conj(self.o.(*Complex).v)}), nil
	})
	addMethod(ComplexType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return StrValue(complexRepr(self.o.(*Complex).v)), nil
	})
}

func floatToIntChecked(f float64) (Value, error) {
	if math.IsInf(f, 0) {
		return Null, Errorf(OverflowErrorType, "cannot convert float infinity to integer")
	}
	if math.IsNaN(f) {
		return Null, Errorf(ValueErrorType, "cannot convert float NaN to integer")
	}
	return floatToInt(f), nil
}

// intOf returns an int-like value as a plain int (bool → int).
func intOf(v Value) Value {
	if v.IsBool() {
		return Int(v.AsInt())
	}
	return v
}

func intNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	var x, base Value
	if err := unpackArgs("int", args, kw, []string{"x", "base"}, 0, &x, &base); err != nil {
		return Null, err
	}
	if x.o == nil {
		if base.o != nil {
			return Null, Errorf(TypeErrorType, "int() missing string argument")
		}
		return Int(0), nil
	}
	if base.o != nil {
		b, err := t.Index(base)
		if err != nil {
			return Null, err
		}
		var s string
		switch y := x.o.(type) {
		case *Str:
			s = y.s
		case *Bytes:
			s = string(y.b)
		case *ByteArray:
			s = string(y.b)
		default:
			return Null, Errorf(TypeErrorType, "int() can't convert non-string with explicit base")
		}
		if b != 0 && (b < 2 || b > 36) {
			return Null, Errorf(ValueErrorType, "int() base must be >= 2 and <= 36, or 0")
		}
		r, err := pyfmt.ParseInt(s, int(b))
		if err != nil {
			return Null, fmtErr(err)
		}
		return BigIntValue(r), nil
	}
	switch y := x.o.(type) {
	case intTag, boolTag:
		return Int(x.AsInt()), nil
	case *BigInt:
		return x, nil
	case floatTag:
		return floatToIntChecked(math.Trunc(x.AsFloat()))
	case *Str:
		r, err := pyfmt.ParseInt(y.s, 10)
		if err != nil {
			return Null, fmtErr(err)
		}
		return BigIntValue(r), nil
	case *Bytes:
		r, err := pyfmt.ParseInt(string(y.b), 10)
		if err != nil {
			return Null, fmtErr(err)
		}
		return BigIntValue(r), nil
	}
	for _, n := range []string{"__int__", "__index__", "__trunc__"} {
		if r, ok, err := t.callSpecial(x, Intern(n)); ok {
			if err != nil {
				return Null, err
			}
			if !isIntLike(r) {
				return Null, Errorf(TypeErrorType, "%s returned non-int (type %s)", n, r.Type().Name)
			}
			return intOf(r), nil
		}
	}
	return Null, Errorf(TypeErrorType, "int() argument must be a string, a bytes-like object or a real number, not '%s'", x.Type().Name)
}

func floatNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	if err := checkArgs("float", args, kw, 0, 1); err != nil {
		return Null, err
	}
	if len(args) == 0 {
		return Float(0), nil
	}
	x := args[0]
	switch y := x.o.(type) {
	case floatTag:
		return x, nil
	case intTag, boolTag:
		return Float(float64(x.AsInt())), nil
	case *BigInt:
		f, err := pyfmt.IntToFloat(&y.v)
		if err != nil {
			return Null, fmtErr(err)
		}
		return Float(f), nil
	case *Str:
		f, err := pyfmt.ParseFloat(y.s)
		if err != nil {
			return Null, fmtErr(err)
		}
		return Float(f), nil
	case *Bytes:
		f, err := pyfmt.ParseFloat(string(y.b))
		if err != nil {
			return Null, fmtErr(err)
		}
		return Float(f), nil
	}
	if r, ok, err := t.callSpecial(x, Intern("__float__")); ok {
		if err != nil {
			return Null, err
		}
		if !r.IsFloat() {
			return Null, Errorf(TypeErrorType, "%s.__float__ returned non-float (type %s)", x.Type().Name, r.Type().Name)
		}
		return r, nil
	}
	if r, ok, err := t.callSpecial(x, strIndexM); ok {
		if err != nil {
			return Null, err
		}
		f, _ := toFloat(r)
		return Float(f), nil
	}
	return Null, Errorf(TypeErrorType, "float() argument must be a string or a real number, not '%s'", x.Type().Name)
}

func complexNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	var re, im Value
	if err := unpackArgs("complex", args, kw, []string{"real", "imag"}, 0, &re, &im); err != nil {
		return Null, err
	}
	var c complex128
	if re.o != nil {
		if s, ok := re.o.(*Str); ok {
			v, err := parseComplex(s.s)
			if err != nil {
				return Null, err
			}
			return Obj(&Complex{v: v}), nil
		}
		r, ok := toComplex(re)
		if !ok {
			return Null, Errorf(TypeErrorType, "complex() first argument must be a string or a number, not '%s'", re.Type().Name)
		}
		c = r
	}
	if im.o != nil {
		i, ok := toComplex(im)
		if !ok {
			return Null, Errorf(TypeErrorType, "complex() second argument must be a number, not '%s'", im.Type().Name)
		}
		c += i * 1i
	}
	return Obj(&Complex{v: c}), nil
}

func parseComplex(s string) (complex128, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	if !strings.HasSuffix(s, "j") && !strings.HasSuffix(s, "J") {
		f, err := pyfmt.ParseFloat(s)
		if err != nil {
			return 0, Errorf(ValueErrorType, "complex() arg is a malformed string")
		}
		return complex(f, 0), nil
	}
	body := s[:len(s)-1]
	for i := len(body) - 1; i > 0; i-- {
		if (body[i] == '+' || body[i] == '-') && body[i-1] != 'e' && body[i-1] != 'E' {
			re, err1 := pyfmt.ParseFloat(body[:i])
			imS := body[i:]
			if imS == "+" || imS == "-" {
				imS += "1"
			}
			im, err2 := pyfmt.ParseFloat(imS)
			if err1 != nil || err2 != nil {
				return 0, Errorf(ValueErrorType, "complex() arg is a malformed string")
			}
			return complex(re, im), nil
		}
	}
	if body == "" || body == "+" || body == "-" {
		body += "1"
	}
	im, err := pyfmt.ParseFloat(body)
	if err != nil {
		return 0, Errorf(ValueErrorType, "complex() arg is a malformed string")
	}
	return complex(0, im), nil
}

func complexRepr(c complex128) string {
	fmtPart := func(f float64) string {
		s := pyfmt.FloatRepr(f)
		return strings.TrimSuffix(s, ".0")
	}
	if real(c) == 0 && !math.Signbit(real(c)) {
		return fmtPart(imag(c)) + "j"
	}
	im := imag(c)
	sign := "+"
	if im < 0 || (im == 0 && math.Signbit(im)) || math.IsNaN(im) && math.Signbit(im) {
		sign = "-"
		im = -im
	}
	return "(" + fmtPart(real(c)) + sign + fmtPart(im) + "j)"
}

func complexBinary(op compiler.BinaryOp, x, y complex128) (Value, error) {
	switch op {
	case compiler.BinAdd:
		return Obj(&Complex{v: x + y}), nil
	case compiler.BinSub:
		return Obj(&Complex{v: x - y}), nil
	case compiler.BinMul:
		return Obj(&Complex{v: x * y}), nil
	case compiler.BinTrueDiv:
		if y == 0 {
			return Null, Errorf(ZeroDivisionErrorType, "complex division by zero")
		}
		return Obj(&Complex{v: x / y}), nil
	case compiler.BinPow:
		if x == 0 && (real(y) < 0 || imag(y) != 0) {
			return Null, Errorf(ZeroDivisionErrorType, "0.0 to a negative or complex power")
		}
		return Obj(&Complex{v: cmplxPow(x, y)}), nil
	}
	return NotImplemented, nil
}

func cmplxPow(x, y complex128) complex128 {
	if imag(y) == 0 && real(y) == math.Trunc(real(y)) && math.Abs(real(y)) < 100 {
		n := int(real(y))
		r := complex(1, 0)
		b := x
		neg := n < 0
		if neg {
			n = -n
		}
		for n > 0 {
			if n&1 != 0 {
				r *= b
			}
			b *= b
			n >>= 1
		}
		if neg {
			return 1 / r
		}
		return r
	}
	// CPython's c_pow, with the C library's functions
	if y == 0 {
		return 1
	}
	if x == 0 {
		return 0
	}
	vabs := libm.Hypot(real(x), imag(x))
	l := libm.Pow(vabs, real(y))
	at := libm.Atan2(imag(x), real(x))
	phase := at * real(y)
	if imag(y) != 0 {
		l /= libm.Exp(at * imag(y))
		phase += imag(y) * libm.Log(vabs)
	}
	return complex(l*libm.Cos(phase), l*libm.Sin(phase))
}

func floatHex(f float64) string {
	if math.IsInf(f, 1) {
		return "inf"
	}
	if math.IsInf(f, -1) {
		return "-inf"
	}
	if math.IsNaN(f) {
		return "nan"
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0x0.0p+0"
		}
		return "0x0.0p+0"
	}
	sign := ""
	if f < 0 {
		sign = "-"
		f = -f
	}
	bits := math.Float64bits(f)
	exp := int(bits>>52) & 0x7ff
	mant := bits & (1<<52 - 1)
	lead := 1
	if exp == 0 {
		lead = 0
		exp = -1022
	} else {
		exp -= 1023
	}
	hexm := strings.TrimRight(strings.ToLower(big.NewInt(int64(mant)).Text(16)), "")
	for len(hexm) < 13 {
		hexm = "0" + hexm
	}
	es := "+"
	if exp < 0 {
		es = "-"
		exp = -exp
	}
	return sign + "0x" + string(rune('0'+lead)) + "." + hexm + "p" + es + itoa(int64(exp))
}

func fmtSscan(s string, f *float64) (int, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	*f = v
	return 1, nil
}
