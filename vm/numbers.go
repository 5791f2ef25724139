// numbers.go implements arithmetic: the binary and unary operators for
// int (small and big), bool, float and complex, the sequence operators
// (+ and * on str, list, tuple, bytes; % formatting), set and dict
// operators, and the dispatch to special methods of user classes.

package vm

import (
	"math"
	"math/big"
	"strconv"

	"yflow/lang/compiler"
	"yflow/vm/libm"
)

var binopNames = [...]string{
	compiler.BinAdd: "__add__", compiler.BinSub: "__sub__", compiler.BinMul: "__mul__",
	compiler.BinMatMul: "__matmul__", compiler.BinTrueDiv: "__truediv__",
	compiler.BinFloorDiv: "__floordiv__", compiler.BinMod: "__mod__", compiler.BinPow: "__pow__",
	compiler.BinLShift: "__lshift__", compiler.BinRShift: "__rshift__", compiler.BinAnd: "__and__",
	compiler.BinOr: "__or__", compiler.BinXor: "__xor__",
}

var binopSymbols = [...]string{
	compiler.BinAdd: "+", compiler.BinSub: "-", compiler.BinMul: "*",
	compiler.BinMatMul: "@", compiler.BinTrueDiv: "/", compiler.BinFloorDiv: "//",
	compiler.BinMod: "%", compiler.BinPow: "** or pow()", compiler.BinLShift: "<<",
	compiler.BinRShift: ">>", compiler.BinAnd: "&", compiler.BinOr: "|", compiler.BinXor: "^",
}

var (
	binopStrs, rbinopStrs, ibinopStrs [compiler.NumBinaryOps]*Str
)

func init() {
	for i, n := range binopNames {
		binopStrs[i] = Intern(n)
		rbinopStrs[i] = Intern("__r" + n[2:])
		ibinopStrs[i] = Intern("__i" + n[2:])
	}
}

func isNumber(v Value) bool {
	switch v.o.(type) {
	case intTag, floatTag, boolTag, *BigInt:
		return true
	}
	return false
}

// toBig returns an int-like value as a big.Int (nil if not int-like).
func toBig(v Value) *big.Int {
	switch x := v.o.(type) {
	case intTag, boolTag:
		return big.NewInt(v.AsInt())
	case *BigInt:
		return &x.v
	}
	return nil
}

func isIntLike(v Value) bool {
	switch v.o.(type) {
	case intTag, boolTag, *BigInt:
		return true
	}
	return false
}

// toFloat converts a real number to float64.
func toFloat(v Value) (float64, bool) {
	switch x := v.o.(type) {
	case floatTag:
		return v.AsFloat(), true
	case intTag, boolTag:
		return float64(v.AsInt()), true
	case *BigInt:
		f, _ := new(big.Float).SetInt(&x.v).Float64()
		return f, true
	}
	return 0, false
}

func toComplex(v Value) (complex128, bool) {
	if c, ok := v.o.(*Complex); ok {
		return c.v, true
	}
	if f, ok := toFloat(v); ok {
		return complex(f, 0), true
	}
	return 0, false
}

// numCompare compares two real numbers exactly; ok is false for NaN.
func numCompare(a, b Value) (int, bool) {
	if isIntLike(a) && isIntLike(b) {
		if a.IsInt() && b.IsInt() || (a.IsBool() || a.IsInt()) && (b.IsBool() || b.IsInt()) {
			return cmpInt64(a.AsInt(), b.AsInt()), true
		}
		return toBig(a).Cmp(toBig(b)), true
	}
	x, _ := toFloat(a)
	y, _ := toFloat(b)
	if math.IsNaN(x) || math.IsNaN(y) {
		return 0, false
	}
	// an int beyond 2**53 compares exactly with a float
	if (a.IsInt() && (a.AsInt() > 1<<53 || a.AsInt() < -(1<<53))) && !math.IsInf(y, 0) {
		return new(big.Float).SetInt64(a.AsInt()).Cmp(big.NewFloat(y)), true
	}
	if (b.IsInt() && (b.AsInt() > 1<<53 || b.AsInt() < -(1<<53))) && !math.IsInf(x, 0) {
		return big.NewFloat(x).Cmp(new(big.Float).SetInt64(b.AsInt())), true
	}
	// a big int is finite, whatever its float conversion says
	if bi, ok := a.o.(*BigInt); ok && math.IsInf(y, 0) {
		_ = bi
		if y > 0 {
			return -1, true
		}
		return 1, true
	}
	if bi, ok := b.o.(*BigInt); ok && math.IsInf(x, 0) {
		_ = bi
		if x > 0 {
			return 1, true
		}
		return -1, true
	}
	// exact comparison of a big int with a float
	if bi, ok := a.o.(*BigInt); ok && !math.IsInf(y, 0) {
		return new(big.Float).SetInt(&bi.v).Cmp(big.NewFloat(y)), true
	}
	if bi, ok := b.o.(*BigInt); ok && !math.IsInf(x, 0) {
		return big.NewFloat(x).Cmp(new(big.Float).SetInt(&bi.v)), true
	}
	if x < y {
		return -1, true
	}
	if x > y {
		return 1, true
	}
	return 0, true
}

func cmpInt64(a, b int64) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

const hashModulus = (1 << 61) - 1

func hashInt(i int64) int64 {
	if i >= -hashModulus+1 && i < hashModulus {
		if i == -1 {
			return -2
		}
		return i
	}
	neg := i < 0
	u := uint64(i)
	if neg {
		u = uint64(-i)
	}
	h := int64(u % hashModulus)
	if neg {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

func hashBig(b *big.Int) int64 {
	m := new(big.Int).Mod(new(big.Int).Abs(b), big.NewInt(hashModulus)).Int64()
	if b.Sign() < 0 {
		m = -m
	}
	if m == -1 {
		m = -2
	}
	return m
}

func hashFloat(f float64) int64 {
	if math.IsInf(f, 1) {
		return 314159
	}
	if math.IsInf(f, -1) {
		return -314159
	}
	if math.IsNaN(f) {
		return 0
	}
	if f == math.Trunc(f) && math.Abs(f) < 9e18 {
		return hashInt(int64(f))
	}
	// CPython's algorithm for non-integral floats
	m, e := math.Frexp(f)
	sign := int64(1)
	if m < 0 {
		sign = -1
		m = -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(61-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e = e % 61
	} else {
		e = 61 - 1 - ((-1 - e) % 61)
	}
	x = ((x << uint(e)) & hashModulus) | x>>uint(61-e)
	h := int64(x) * sign
	if h == -1 {
		h = -2
	}
	return h
}

func identityHash(v Value) int64 {
	return int64(uintptrOf(v) >> 4)
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

// BinaryOp is Python's a op b (op may be an in-place form).
func (t *Thread) BinaryOp(op compiler.BinaryOp, a, b Value) (Value, error) {
	inplace := op >= compiler.InplaceOffset
	if inplace {
		op -= compiler.InplaceOffset
	}
	at, bt := a.Type(), b.Type()
	userA, userB := !at.builtin, !bt.builtin
	if !userA && !userB {
		if inplace {
			if r, ok, err := t.inplaceBuiltin(op, a, b); ok || err != nil {
				return r, err
			}
		}
		r, err := t.builtinBinary(op, a, b)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
		return Null, binopTypeError(op, inplace, a, b)
	}
	if inplace && userA {
		if r, ok, err := t.callSpecial(a, ibinopStrs[op], b); ok {
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
		}
	}
	if userB && bt != at && bt.IsSubtype(at) {
		if r, ok, err := t.callSpecial(b, rbinopStrs[op], a); ok {
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
		}
		userB = false
	}
	if userA {
		if r, ok, err := t.callSpecial(a, binopStrs[op], b); ok {
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
		}
	} else {
		rb := unwrapSelf(b)
		if op == compiler.BinMod {
			if _, isStr := a.o.(*Str); isStr {
				rb = b // "%s" % obj formats obj itself (its __str__)
			}
		}
		r, err := t.builtinBinary(op, a, rb)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if userB {
		if r, ok, err := t.callSpecial(b, rbinopStrs[op], a); ok {
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
		}
	} else if userA {
		// a user class on the left that could not handle a built-in on the right
		r, err := t.builtinBinaryReflected(op, a, b)
		if err != nil || (r.o != nil && !r.Is(NotImplemented)) {
			return r, err
		}
	}
	if op == compiler.BinMul || op == compiler.BinMul+compiler.InplaceOffset {
		// a sequence repeated by an object with __index__
		if seq, n := a, b; isSequence(seq) || isSequence(n) {
			if !isSequence(seq) {
				seq, n = n, seq
			}
			if _, ok := n.o.(*Instance); ok && n.Type().Lookup(strIndexM).o != nil {
				i, err := t.Index(n)
				if err != nil {
					return Null, err
				}
				return t.BinaryOp(op, seq, Int(i))
			}
		}
	}
	return Null, binopTypeError(op, inplace, a, b)
}

func (t *Thread) builtinBinaryReflected(op compiler.BinaryOp, a, b Value) (Value, error) {
	// sequence repetition with a user int-like on the left: 3 * [1] style is
	// handled by builtinBinary; nothing else is reflected for built-ins.
	return Null, nil
}

func binopTypeError(op compiler.BinaryOp, inplace bool, a, b Value) error {
	sym := binopSymbols[op]
	if inplace {
		if op == compiler.BinPow {
			sym = "**="
		} else {
			sym += "="
		}
	}
	if op == compiler.BinAdd && a.Type() == StrType && !inplace {
		return Errorf(TypeErrorType, "can only concatenate str (not \"%s\") to str", b.Type().Name)
	}
	if op == compiler.BinAdd && (a.Type() == BytesType || a.Type() == ByteArrayType) && b.Type() == StrType {
		return Errorf(TypeErrorType, "can't concat str to %s", a.Type().Name)
	}
	if op == compiler.BinAdd && a.Type() == ListType {
		return Errorf(TypeErrorType, "can only concatenate list (not \"%s\") to list", b.Type().Name)
	}
	if op == compiler.BinAdd && a.Type() == TupleType {
		return Errorf(TypeErrorType, "can only concatenate tuple (not \"%s\") to tuple", b.Type().Name)
	}
	if op == compiler.BinMul && (isSequence(a) && b.Type() != IntType || isSequence(b) && a.Type() != IntType) {
		seq := a
		other := b
		if !isSequence(a) {
			seq, other = b, a
		}
		if isSequence(seq) && !isIntLike(other) {
			return Errorf(TypeErrorType, "can't multiply sequence by non-int of type '%s'", other.Type().Name)
		}
	}
	return Errorf(TypeErrorType, "unsupported operand type(s) for %s: '%s' and '%s'", sym, a.Type().Name, b.Type().Name)
}

func isSequence(v Value) bool {
	switch v.o.(type) {
	case *Str, *List, *Tuple, *Bytes, *ByteArray:
		return true
	}
	return false
}

// inplaceBuiltin handles in-place operators that mutate built-ins.
func (t *Thread) inplaceBuiltin(op compiler.BinaryOp, a, b Value) (Value, bool, error) {
	switch x := a.o.(type) {
	case *List:
		switch op {
		case compiler.BinAdd:
			if err := t.extendList(x, b); err != nil {
				if e, ok := err.(*Exception); ok && e.cls == TypeErrorType {
					return Null, true, Errorf(TypeErrorType, "'%s' object is not iterable", b.Type().Name)
				}
				return Null, true, err
			}
			return a, true, nil
		case compiler.BinMul:
			n, ok := repeatCount(b)
			if !ok {
				return Null, false, nil
			}
			items := x.items
			out := make([]Value, 0, len(items)*max(n, 0))
			for i := 0; i < n; i++ {
				out = append(out, items...)
			}
			x.items = out
			return a, true, nil
		}
	case *Set:
		if y, ok := b.o.(*Set); ok && !x.frozen {
			return t.setInplace(op, x, y)
		}
	case *Dict:
		if op == compiler.BinOr {
			if err := t.dictMergeArg(x, b); err != nil {
				return Null, true, err
			}
			return a, true, nil
		}
	case *ByteArray:
		if op == compiler.BinAdd {
			switch y := b.o.(type) {
			case *Bytes:
				x.b = append(x.b, y.b...)
				return a, true, nil
			case *ByteArray:
				x.b = append(x.b, y.b...)
				return a, true, nil
			}
		}
	}
	return Null, false, nil
}

func repeatCount(v Value) (int, bool) {
	switch v.o.(type) {
	case intTag, boolTag:
		n := v.AsInt()
		if n < 0 {
			n = 0
		}
		return int(n), true
	}
	return 0, false
}

// builtinBinary applies op to built-in operands; NotImplemented when the
// types do not combine.
func (t *Thread) builtinBinary(op compiler.BinaryOp, a, b Value) (Value, error) {
	if op == compiler.BinOr && (isTypeExpr(a) || isTypeExpr(b)) {
		return makeUnion(a, b), nil // int | None (union.go)
	}
	if isNumber(a) && isNumber(b) {
		if a.IsFloat() || b.IsFloat() {
			x, _ := toFloat(a)
			y, _ := toFloat(b)
			if !a.IsFloat() && !isSmallInt(a) || !b.IsFloat() && !isSmallInt(b) {
				if _, ok := a.o.(*BigInt); ok && math.IsInf(x, 0) {
					return Null, Errorf(OverflowErrorType, "int too large to convert to float")
				}
				if _, ok := b.o.(*BigInt); ok && math.IsInf(y, 0) {
					return Null, Errorf(OverflowErrorType, "int too large to convert to float")
				}
			}
			return floatBinary(op, x, y)
		}
		return intBinary(op, a, b)
	}
	switch x := a.o.(type) {
	case *Str:
		switch op {
		case compiler.BinAdd:
			if y, ok := b.o.(*Str); ok {
				if len(x.s) == 0 {
					return b, nil
				}
				if len(y.s) == 0 {
					return a, nil
				}
				return StrValue(x.s + y.s), nil
			}
		case compiler.BinMul:
			if n, ok := repeatCount(b); ok {
				return StrValue(repeatString(x.s, n)), nil
			}
		case compiler.BinMod:
			return t.percentFormat(x.s, b)
		}
	case *List:
		switch op {
		case compiler.BinAdd:
			if y, ok := b.o.(*List); ok {
				out := make([]Value, 0, len(x.items)+len(y.items))
				return Obj(NewList(append(append(out, x.items...), y.items...))), nil
			}
		case compiler.BinMul:
			if n, ok := repeatCount(b); ok {
				return Obj(NewList(repeatValues(x.items, int64(n)))), nil
			}
		}
	case *Tuple:
		switch op {
		case compiler.BinAdd:
			if y, ok := b.o.(*Tuple); ok {
				out := make([]Value, 0, len(x.items)+len(y.items))
				return Obj(NewTuple(append(append(out, x.items...), y.items...))), nil
			}
		case compiler.BinMul:
			if n, ok := repeatCount(b); ok {
				return Obj(NewTuple(repeatValues(x.items, int64(n)))), nil
			}
		}
	case *Bytes:
		switch op {
		case compiler.BinAdd:
			switch y := b.o.(type) {
			case *Bytes:
				return Obj(NewBytes(append(append([]byte(nil), x.b...), y.b...))), nil
			case *ByteArray:
				return Obj(NewBytes(append(append([]byte(nil), x.b...), y.b...))), nil
			}
		case compiler.BinMul:
			if n, ok := repeatCount(b); ok {
				return Obj(NewBytes([]byte(repeatString(string(x.b), n)))), nil
			}
		case compiler.BinMod:
			return t.bytesPercentFormat(x.b, b)
		}
	case *ByteArray:
		switch op {
		case compiler.BinAdd:
			switch y := b.o.(type) {
			case *Bytes:
				return Obj(&ByteArray{b: append(append([]byte(nil), x.b...), y.b...)}), nil
			case *ByteArray:
				return Obj(&ByteArray{b: append(append([]byte(nil), x.b...), y.b...)}), nil
			}
		case compiler.BinMul:
			if n, ok := repeatCount(b); ok {
				return Obj(&ByteArray{b: []byte(repeatString(string(x.b), n))}), nil
			}
		}
	case *Set, *DictView:
		if r, ok, err := t.setBinary(op, a, b); ok {
			return r, err
		}
	case *Dict:
		if y, ok := b.o.(*Dict); ok && op == compiler.BinOr {
			r := x.Copy()
			if err := t.dictUpdate(r, Obj(y), false, Null); err != nil {
				return Null, err
			}
			return Obj(r), nil
		}
	case *Complex:
		if y, ok := toComplex(b); ok {
			return complexBinary(op, x.v, y)
		}
	}
	// int * sequence
	if op == compiler.BinMul && isIntLike(a) {
		switch b.o.(type) {
		case *Str, *List, *Tuple, *Bytes, *ByteArray:
			return t.builtinBinary(op, b, a)
		}
	}
	if c, ok := b.o.(*Complex); ok {
		if x, ok := toComplex(a); ok {
			return complexBinary(op, x, c.v)
		}
	}
	return NotImplemented, nil
}

func isDictView(v Value) bool { _, ok := v.o.(*DictView); return ok }

func isSmallInt(v Value) bool { return v.IsInt() || v.IsBool() }

func repeatString(s string, n int) string {
	if n <= 0 || len(s) == 0 {
		return ""
	}
	buf := make([]byte, 0, len(s)*n)
	for i := 0; i < n; i++ {
		buf = append(buf, s...)
	}
	return string(buf)
}

func floatBinary(op compiler.BinaryOp, x, y float64) (Value, error) {
	switch op {
	case compiler.BinAdd:
		return Float(x + y), nil
	case compiler.BinSub:
		return Float(x - y), nil
	case compiler.BinMul:
		return Float(x * y), nil
	case compiler.BinTrueDiv:
		if y == 0 {
			return Null, Errorf(ZeroDivisionErrorType, "float division by zero")
		}
		return Float(x / y), nil
	case compiler.BinFloorDiv:
		if y == 0 {
			return Null, Errorf(ZeroDivisionErrorType, "float floor division by zero")
		}
		q, _ := floatDivmod(x, y)
		return Float(q), nil
	case compiler.BinMod:
		if y == 0 {
			return Null, Errorf(ZeroDivisionErrorType, "float modulo")
		}
		_, m := floatDivmod(x, y)
		return Float(m), nil
	case compiler.BinPow:
		return floatPow(x, y)
	}
	return NotImplemented, nil
}

// floatDivmod is CPython's float divmod.
func floatDivmod(vx, wx float64) (float64, float64) {
	mod := math.Mod(vx, wx)
	div := (vx - mod) / wx
	if mod != 0 {
		if (wx < 0) != (mod < 0) {
			mod += wx
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, wx)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, vx/wx)
	}
	return floordiv, mod
}

func floatPow(x, y float64) (Value, error) {
	if x == 0 && y < 0 {
		return Null, Errorf(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power")
	}
	if x < 0 && y != math.Trunc(y) {
		// complex result
		r := cmplxPow(complex(x, 0), complex(y, 0))
		return Obj(&Complex{v: r}), nil
	}
	var r float64
	switch {
	case y == 2:
		r = x * x
	case y == 0.5 && x >= 0 && !math.IsInf(x, 0):
		r = math.Sqrt(x)
	default:
		r = libm.Pow(x, y)
	}
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
		return Null, Errorf(OverflowErrorType, "(34, 'Numerical result out of range')")
	}
	return Float(r), nil
}

// intBinary applies op to two ints (small, big or bool).
func intBinary(op compiler.BinaryOp, a, b Value) (Value, error) {
	if a.IsBool() && b.IsBool() {
		switch op {
		case compiler.BinAnd:
			return Bool(a.n&b.n != 0), nil
		case compiler.BinOr:
			return Bool(a.n|b.n != 0), nil
		case compiler.BinXor:
			return Bool(a.n != b.n), nil
		}
	}
	if isSmallInt(a) && isSmallInt(b) {
		x, y := a.AsInt(), b.AsInt()
		switch op {
		case compiler.BinAdd:
			r := x + y
			if (x^r)&(y^r) >= 0 {
				return Int(r), nil
			}
		case compiler.BinSub:
			r := x - y
			if (x^y)&(x^r) >= 0 {
				return Int(r), nil
			}
		case compiler.BinMul:
			if x == 0 || y == 0 {
				return Int(0), nil
			}
			r := x * y
			if r/y == x && !(x == -1 && y == math.MinInt64) && !(y == -1 && x == math.MinInt64) {
				return Int(r), nil
			}
		case compiler.BinFloorDiv:
			if y == 0 {
				return Null, Errorf(ZeroDivisionErrorType, "integer division or modulo by zero")
			}
			if !(x == math.MinInt64 && y == -1) {
				q := x / y
				if (x%y != 0) && ((x < 0) != (y < 0)) {
					q--
				}
				return Int(q), nil
			}
		case compiler.BinMod:
			if y == 0 {
				return Null, Errorf(ZeroDivisionErrorType, "integer modulo by zero")
			}
			if y == -1 {
				return Int(0), nil
			}
			m := x % y
			if m != 0 && ((m < 0) != (y < 0)) {
				m += y
			}
			return Int(m), nil
		case compiler.BinTrueDiv:
			if y == 0 {
				return Null, Errorf(ZeroDivisionErrorType, "division by zero")
			}
			if x > -(1<<53) && x < 1<<53 && y > -(1<<53) && y < 1<<53 {
				return Float(float64(x) / float64(y)), nil
			}
		case compiler.BinAnd:
			return Int(x & y), nil
		case compiler.BinOr:
			return Int(x | y), nil
		case compiler.BinXor:
			return Int(x ^ y), nil
		case compiler.BinLShift:
			if y < 0 {
				return Null, Errorf(ValueErrorType, "negative shift count")
			}
			if y < 62 && x > -(1<<(62-y)) && x < 1<<(62-y) {
				return Int(x << uint(y)), nil
			}
		case compiler.BinRShift:
			if y < 0 {
				return Null, Errorf(ValueErrorType, "negative shift count")
			}
			if y > 63 {
				y = 63
			}
			return Int(x >> uint(y)), nil
		case compiler.BinPow:
			if y >= 0 {
				if r, ok := powInt64(x, y); ok {
					return Int(r), nil
				}
			}
		}
	}
	return bigBinary(op, toBig(a), toBig(b))
}

func powInt64(x, y int64) (int64, bool) {
	r := int64(1)
	for y > 0 {
		if y&1 != 0 {
			n := r * x
			if x != 0 && (n/x != r) {
				return 0, false
			}
			r = n
		}
		y >>= 1
		if y > 0 {
			if x > 3037000499 || x < -3037000499 {
				return 0, false
			}
			x *= x
		}
	}
	return r, true
}

func bigBinary(op compiler.BinaryOp, x, y *big.Int) (Value, error) {
	r := new(big.Int)
	switch op {
	case compiler.BinAdd:
		r.Add(x, y)
	case compiler.BinSub:
		r.Sub(x, y)
	case compiler.BinMul:
		r.Mul(x, y)
	case compiler.BinFloorDiv, compiler.BinMod:
		if y.Sign() == 0 {
			if op == compiler.BinMod {
				return Null, Errorf(ZeroDivisionErrorType, "integer modulo by zero")
			}
			return Null, Errorf(ZeroDivisionErrorType, "integer division or modulo by zero")
		}
		q, m := new(big.Int), new(big.Int)
		q.QuoRem(x, y, m)
		if m.Sign() != 0 && (m.Sign() < 0) != (y.Sign() < 0) {
			q.Sub(q, big.NewInt(1))
			m.Add(m, y)
		}
		if op == compiler.BinMod {
			return BigIntValue(m), nil
		}
		return BigIntValue(q), nil
	case compiler.BinTrueDiv:
		if y.Sign() == 0 {
			return Null, Errorf(ZeroDivisionErrorType, "division by zero")
		}
		return bigTrueDiv(x, y)
	case compiler.BinAnd:
		r.And(x, y)
	case compiler.BinOr:
		r.Or(x, y)
	case compiler.BinXor:
		r.Xor(x, y)
	case compiler.BinLShift:
		if y.Sign() < 0 {
			return Null, Errorf(ValueErrorType, "negative shift count")
		}
		if !y.IsInt64() || y.Int64() > 1<<31 {
			return Null, Errorf(OverflowErrorType, "too many digits in integer")
		}
		r.Lsh(x, uint(y.Int64()))
	case compiler.BinRShift:
		if y.Sign() < 0 {
			return Null, Errorf(ValueErrorType, "negative shift count")
		}
		if !y.IsInt64() || y.Int64() > 1<<31 {
			if x.Sign() < 0 {
				return Int(-1), nil
			}
			return Int(0), nil
		}
		r.Rsh(x, uint(y.Int64()))
	case compiler.BinPow:
		if y.Sign() < 0 {
			fx, _ := new(big.Float).SetInt(x).Float64()
			fy, _ := new(big.Float).SetInt(y).Float64()
			if fx == 0 {
				return Null, Errorf(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power")
			}
			return Float(libm.Pow(fx, fy)), nil
		}
		if y.BitLen() > 32 && x.CmpAbs(big.NewInt(1)) > 0 {
			return Null, Errorf(OverflowErrorType, "exponent too large")
		}
		r.Exp(x, y, nil)
	default:
		return NotImplemented, nil
	}
	return BigIntValue(r), nil
}

// bigTrueDiv divides two ints giving a correctly rounded float.
func bigTrueDiv(x, y *big.Int) (Value, error) {
	q := new(big.Rat).SetFrac(x, y)
	f, _ := q.Float64()
	if math.IsInf(f, 0) {
		return Null, Errorf(OverflowErrorType, "integer division result too large for a float")
	}
	return Float(f), nil
}

// UnaryOp is Python's -x, +x, ~x, not x.
func (t *Thread) UnaryOp(op compiler.UnaryOp, v Value) (Value, error) {
	if op == compiler.UnaryNot {
		b, err := t.Truth(v)
		return Bool(!b), err
	}
	switch x := v.o.(type) {
	case intTag, boolTag:
		i := v.AsInt()
		switch op {
		case compiler.UnaryNeg:
			if i == math.MinInt64 {
				return BigIntValue(new(big.Int).Neg(big.NewInt(i))), nil
			}
			return Int(-i), nil
		case compiler.UnaryPos:
			return Int(i), nil
		case compiler.UnaryInvert:
			return Int(^i), nil
		}
	case floatTag:
		switch op {
		case compiler.UnaryNeg:
			return Float(-v.AsFloat()), nil
		case compiler.UnaryPos:
			return v, nil
		}
	case *BigInt:
		switch op {
		case compiler.UnaryNeg:
			return BigIntValue(new(big.Int).Neg(&x.v)), nil
		case compiler.UnaryPos:
			return v, nil
		case compiler.UnaryInvert:
			return BigIntValue(new(big.Int).Not(&x.v)), nil
		}
	case *Complex:
		switch op {
		case compiler.UnaryNeg:
			return Obj(&Complex{v: -x.v}), nil
		case compiler.UnaryPos:
			return v, nil
		}
	}
	names := [...]string{compiler.UnaryNeg: "__neg__", compiler.UnaryPos: "__pos__", compiler.UnaryInvert: "__invert__"}
	if !v.Type().builtin {
		if r, ok, err := t.callSpecial(v, Intern(names[op]), nil...); ok {
			return r, err
		}
	}
	syms := [...]string{compiler.UnaryNeg: "-", compiler.UnaryPos: "+", compiler.UnaryInvert: "~"}
	return Null, Errorf(TypeErrorType, "bad operand type for unary %s: '%s'", syms[op], v.Type().Name)
}

// isTypeExpr reports whether v is a class, a generic alias or a union.
func isTypeExpr(v Value) bool {
	switch v.o.(type) {
	case *Type, *GenericAlias, *Union:
		return true
	}
	return false
}
