// value.go defines Value, the VM's representation of every Python value.
//
// A Value is two words: an Object interface and a 64-bit payload. Small
// ints, floats, bools and None store a zero-size kind tag in the interface
// (which Go stores without allocating) and their bits in n, so arithmetic
// on them never touches the heap. Every other value is a heap object in o.
// The zero Value is NULL: "no value" (an unbound local, an empty slot).

package vm

import (
	"math"
	"math/big"
)

// Object is any heap-allocated Python object (and the zero-size kind tags).
type Object interface {
	Type() *Type
}

// Value is a Python value (see the file comment).
type Value struct {
	o Object
	n uint64
}

type intTag struct{}
type floatTag struct{}
type boolTag struct{}
type noneTag struct{}

func (intTag) Type() *Type   { return IntType }
func (floatTag) Type() *Type { return FloatType }
func (boolTag) Type() *Type  { return BoolType }
func (noneTag) Type() *Type  { return NoneType }

// Well-known values.
var (
	None  = Value{o: noneTag{}}
	True  = Value{o: boolTag{}, n: 1}
	False = Value{o: boolTag{}, n: 0}
	Null  = Value{}
)

// Int returns a small int.
func Int(i int64) Value { return Value{o: intTag{}, n: uint64(i)} }

// Float returns a float.
func Float(f float64) Value { return Value{o: floatTag{}, n: math.Float64bits(f)} }

// Bool returns True or False.
func Bool(b bool) Value {
	if b {
		return True
	}
	return False
}

// Obj wraps a heap object as a Value.
func Obj(o Object) Value { return Value{o: o} }

// IsNull reports whether v is the empty value.
func (v Value) IsNull() bool { return v.o == nil }

// IsNone reports whether v is None.
func (v Value) IsNone() bool { _, ok := v.o.(noneTag); return ok }

// IsInt reports whether v is a small int (not a bool, not a big int).
func (v Value) IsInt() bool { _, ok := v.o.(intTag); return ok }

// IsFloat reports whether v is a float.
func (v Value) IsFloat() bool { _, ok := v.o.(floatTag); return ok }

// IsBool reports whether v is True or False.
func (v Value) IsBool() bool { _, ok := v.o.(boolTag); return ok }

// AsInt returns the payload of a small int (or bool).
func (v Value) AsInt() int64 { return int64(v.n) }

// AsFloat returns the payload of a float.
func (v Value) AsFloat() float64 { return math.Float64frombits(v.n) }

// Obj returns the heap object (nil for tagged values and NULL).
func (v Value) Object() Object { return v.o }

// Type returns the value's class.
func (v Value) Type() *Type {
	if v.o == nil {
		return NoneType
	}
	return v.o.Type()
}

// Is reports identity (Python's `is`).
func (v Value) Is(w Value) bool {
	switch v.o.(type) {
	case intTag, floatTag, boolTag, noneTag:
		return v.o == w.o && v.n == w.n
	}
	return v.o == w.o
}

// BigIntValue returns an int Value for b, small when it fits.
func BigIntValue(b *big.Int) Value {
	if b.IsInt64() {
		return Int(b.Int64())
	}
	return Value{o: &BigInt{v: *b}}
}

// BigInt is an int that does not fit in int64.
type BigInt struct {
	v big.Int
}

// Type implements Object.
func (*BigInt) Type() *Type { return IntType }

// Big returns the arbitrary-precision value (read-only).
func (b *BigInt) Big() *big.Int { return &b.v }

// NotImplementedObj and EllipsisObj are the singletons' objects.
type singleton struct {
	name string
	typ  **Type
}

// Type implements Object.
func (s *singleton) Type() *Type { return *s.typ }

var (
	notImplementedObj = &singleton{name: "NotImplemented", typ: &NotImplementedType}
	ellipsisObj       = &singleton{name: "Ellipsis", typ: &EllipsisType}
	// NotImplemented is the NotImplemented singleton.
	NotImplemented = Value{o: notImplementedObj}
	// Ellipsis is the `...` singleton.
	Ellipsis = Value{o: ellipsisObj}
)
