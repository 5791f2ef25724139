// range_methods.go gives range and slice their constructors, attributes,
// methods and reprs. Ranges whose bounds fit comfortably in int64 are
// *Range (the VM's fast paths know them); others (range(10**20)) are
// *bigRange, also of type range, served entirely by the special methods
// defined here.

package vm

import (
	"math/big"
	"strings"

	"yflow/lang/compiler"
)

// bigRange is a range with arbitrary-precision bounds.
type bigRange struct {
	start, stop, step, length *big.Int
}

// Type implements Object.
func (*bigRange) Type() *Type { return RangeType }

const rangeLimit = 1 << 62

func fitsRange(b *big.Int) bool {
	return b.IsInt64() && b.Int64() < rangeLimit && b.Int64() > -rangeLimit
}

// rangeLength is the number of items of range(start, stop, step).
func rangeLength(start, stop, step *big.Int) *big.Int {
	n := new(big.Int)
	if step.Sign() > 0 {
		if start.Cmp(stop) >= 0 {
			return n
		}
		// (stop - start - 1) / step + 1
		n.Sub(stop, start)
		n.Sub(n, big.NewInt(1))
		n.Quo(n, step)
		return n.Add(n, big.NewInt(1))
	}
	if start.Cmp(stop) <= 0 {
		return n
	}
	n.Sub(start, stop)
	n.Sub(n, big.NewInt(1))
	n.Quo(n, new(big.Int).Neg(step))
	return n.Add(n, big.NewInt(1))
}

// makeRange returns a *Range when the bounds are small, else a *bigRange.
func makeRange(start, stop, step *big.Int) Value {
	if fitsRange(start) && fitsRange(stop) && fitsRange(step) {
		return Obj(&Range{start: start.Int64(), stop: stop.Int64(), step: step.Int64()})
	}
	return Obj(&bigRange{start: start, stop: stop, step: step, length: rangeLength(start, stop, step)})
}

// bigOf returns an int Value as a *big.Int.
func bigOf(v Value) *big.Int {
	if b, ok := v.o.(*BigInt); ok {
		return new(big.Int).Set(&b.v)
	}
	return big.NewInt(v.AsInt())
}

// rangeArg converts a range() argument with __index__.
func (t *Thread) rangeArg(v Value) (*big.Int, error) {
	switch v.o.(type) {
	case intTag, boolTag, *BigInt:
		return bigOf(v), nil
	}
	if _, ok := v.o.(*Instance); ok {
		if r, ok, err := t.callSpecial(v, strIndexM); ok {
			if err != nil {
				return nil, err
			}
			switch r.o.(type) {
			case intTag, *BigInt:
				return bigOf(r), nil
			}
			return nil, Errorf(TypeErrorType, "__index__ returned non-int (type %s)", r.Type().Name)
		}
	}
	return nil, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

func rangeNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	if len(kw) > 0 {
		return Null, Errorf(TypeErrorType, "range() takes no keyword arguments")
	}
	if len(args) == 0 {
		return Null, Errorf(TypeErrorType, "range expected at least 1 argument, got 0")
	}
	if len(args) > 3 {
		return Null, Errorf(TypeErrorType, "range expected at most 3 arguments, got %d", len(args))
	}
	if len(args) == 1 && args[0].IsInt() {
		n := args[0].AsInt()
		if n < rangeLimit && n > -rangeLimit {
			return Obj(&Range{stop: n, step: 1}), nil
		}
	}
	vals := make([]*big.Int, len(args))
	for i, a := range args {
		b, err := t.rangeArg(a)
		if err != nil {
			return Null, err
		}
		vals[i] = b
	}
	start, stop, step := big.NewInt(0), vals[0], big.NewInt(1)
	if len(vals) >= 2 {
		start, stop = vals[0], vals[1]
	}
	if len(vals) == 3 {
		step = vals[2]
		if step.Sign() == 0 {
			return Null, Errorf(ValueErrorType, "range() arg 3 must not be zero")
		}
	}
	return makeRange(start, stop, step), nil
}

// rangeParts returns any range's start, stop, step and length.
func rangeParts(v Value) (start, stop, step, length *big.Int, ok bool) {
	switch r := v.o.(type) {
	case *Range:
		return big.NewInt(r.start), big.NewInt(r.stop), big.NewInt(r.step), big.NewInt(r.Len()), true
	case *bigRange:
		return r.start, r.stop, r.step, r.length, true
	}
	return nil, nil, nil, nil, false
}

// rangeIndexOf returns the position of the int x in the range, or -1.
func rangeIndexOf(start, stop, step *big.Int, x *big.Int) *big.Int {
	if step.Sign() > 0 {
		if x.Cmp(start) < 0 || x.Cmp(stop) >= 0 {
			return nil
		}
	} else if x.Cmp(start) > 0 || x.Cmp(stop) <= 0 {
		return nil
	}
	d := new(big.Int).Sub(x, start)
	q, m := new(big.Int).QuoRem(d, step, new(big.Int))
	if m.Sign() != 0 {
		return nil
	}
	return q
}

// rangeContains is `v in r`: arithmetic for ints, else an equality scan.
func rangeContains(t *Thread, r *Range, v Value) (bool, error) {
	if v.IsInt() || v.IsBool() {
		x := v.AsInt()
		if r.step > 0 {
			if x < r.start || x >= r.stop {
				return false, nil
			}
		} else if x > r.start || x <= r.stop {
			return false, nil
		}
		return (x-r.start)%r.step == 0, nil
	}
	if _, ok := v.o.(*BigInt); ok {
		return false, nil
	}
	return t.rangeScan(Obj(r), v)
}

// rangeScan looks for v in any range by equality.
func (t *Thread) rangeScan(r Value, v Value) (bool, error) {
	found := false
	err := t.iterate(r, func(x Value) error {
		eq, err := t.Equal(x, v)
		if err != nil {
			return err
		}
		if eq {
			found = true
			return errStopIteration
		}
		return nil
	})
	if err == errStopIteration {
		err = nil
	}
	return found, err
}

// rangeContainsAny is `v in r` for *Range and *bigRange.
func (t *Thread) rangeContainsAny(r Value, v Value) (bool, error) {
	if x, ok := r.o.(*Range); ok {
		return rangeContains(t, x, v)
	}
	switch v.o.(type) {
	case intTag, boolTag, *BigInt:
		start, stop, step, _, _ := rangeParts(r)
		return rangeIndexOf(start, stop, step, bigOf(v)) != nil, nil
	}
	return t.rangeScan(r, v)
}

func rangeRepr(v Value) string {
	start, stop, step, _, _ := rangeParts(v)
	if step.Cmp(big.NewInt(1)) == 0 {
		return "range(" + start.String() + ", " + stop.String() + ")"
	}
	return "range(" + start.String() + ", " + stop.String() + ", " + step.String() + ")"
}

// rangeHash is CPython's range_hash: hash((len, start, step)) with None
// for the parts that do not matter.
func (t *Thread) rangeHash(v Value) (int64, error) {
	start, _, step, n, _ := rangeParts(v)
	items := []Value{BigIntValue(n), None, None}
	if n.Sign() != 0 {
		items[1] = BigIntValue(start)
		if n.Cmp(big.NewInt(1)) != 0 {
			items[2] = BigIntValue(step)
		}
	}
	return t.hashTuple(items)
}

// rangeEqual is CPython's range_equals.
func rangeEqual(a, b Value) bool {
	s1, _, st1, n1, _ := rangeParts(a)
	s2, _, st2, n2, _ := rangeParts(b)
	if n1.Cmp(n2) != 0 {
		return false
	}
	if n1.Sign() == 0 {
		return true
	}
	if s1.Cmp(s2) != 0 {
		return false
	}
	if n1.Cmp(big.NewInt(1)) == 0 {
		return true
	}
	return st1.Cmp(st2) == 0
}

// bigRangeIter iterates over a *bigRange.
func bigRangeIter(r *bigRange, reverse bool) Value {
	cur := new(big.Int).Set(r.start)
	step := r.step
	left := new(big.Int).Set(r.length)
	if reverse {
		if left.Sign() > 0 {
			cur.Add(r.start, new(big.Int).Mul(new(big.Int).Sub(r.length, big.NewInt(1)), r.step))
		}
		step = new(big.Int).Neg(r.step)
	}
	one := big.NewInt(1)
	return Obj(&funcIter{name: "longrange_iterator", next: func(t *Thread) (Value, bool, error) {
		if left.Sign() <= 0 {
			return Null, false, nil
		}
		v := BigIntValue(cur)
		cur = new(big.Int).Add(cur, step)
		left.Sub(left, one)
		return v, true, nil
	}})
}

// bigSliceIndices resolves a slice against an arbitrary-precision length
// (CPython's _PySlice_GetLongIndices).
func (t *Thread) bigSliceIndices(sl *Slice, length *big.Int) (start, stop, step *big.Int, err error) {
	get := func(v Value) (*big.Int, error) {
		switch v.o.(type) {
		case intTag, boolTag, *BigInt:
			return bigOf(v), nil
		}
		i, err := t.Index(v)
		if err != nil {
			return nil, Errorf(TypeErrorType, "slice indices must be integers or None or have an __index__ method")
		}
		return big.NewInt(i), nil
	}
	step = big.NewInt(1)
	if !sl.step.IsNone() {
		if step, err = get(sl.step); err != nil {
			return
		}
		if step.Sign() == 0 {
			return nil, nil, nil, Errorf(ValueErrorType, "slice step cannot be zero")
		}
	}
	neg := step.Sign() < 0
	lower, upper := big.NewInt(0), new(big.Int).Set(length)
	if neg {
		lower = big.NewInt(-1)
		upper = new(big.Int).Sub(length, big.NewInt(1))
	}
	conv := func(v Value, def *big.Int) (*big.Int, error) {
		if v.IsNone() {
			return def, nil
		}
		x, err := get(v)
		if err != nil {
			return nil, err
		}
		if x.Sign() < 0 {
			x.Add(x, length)
			if x.Cmp(lower) < 0 {
				x = lower
			}
		} else if x.Cmp(upper) > 0 {
			x = upper
		}
		return x, nil
	}
	defStart, defStop := lower, upper
	if neg {
		defStart, defStop = upper, lower
	}
	if start, err = conv(sl.start, defStart); err != nil {
		return
	}
	stop, err = conv(sl.stop, defStop)
	return
}

func (t *Thread) rangeGetItem(v Value, k Value) (Value, error) {
	if r, ok := v.o.(*Range); ok {
		return t.GetItem(Obj(r), k)
	}
	r := v.o.(*bigRange)
	if sl, ok := k.o.(*Slice); ok {
		start, stop, step, err := t.bigSliceIndices(sl, r.length)
		if err != nil {
			return Null, err
		}
		ns := new(big.Int).Add(r.start, new(big.Int).Mul(start, r.step))
		ne := new(big.Int).Add(r.start, new(big.Int).Mul(stop, r.step))
		return makeRange(ns, ne, new(big.Int).Mul(r.step, step)), nil
	}
	var i *big.Int
	switch k.o.(type) {
	case intTag, boolTag, *BigInt:
		i = bigOf(k)
	default:
		j, err := t.Index(k)
		if err != nil {
			return Null, Errorf(TypeErrorType, "range indices must be integers or slices, not %s", k.Type().Name)
		}
		i = big.NewInt(j)
	}
	if i.Sign() < 0 {
		i.Add(i, r.length)
	}
	if i.Sign() < 0 || i.Cmp(r.length) >= 0 {
		return Null, Errorf(IndexErrorType, "range object index out of range")
	}
	return BigIntValue(new(big.Int).Add(r.start, new(big.Int).Mul(i, r.step))), nil
}

func sliceRepr(t *Thread, s *Slice) (string, error) {
	var b strings.Builder
	b.WriteString("slice(")
	for i, v := range []Value{s.start, s.stop, s.step} {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := t.Repr(v)
		if err != nil {
			return "", err
		}
		b.WriteString(r)
	}
	b.WriteByte(')')
	return b.String(), nil
}

type rangeMethodFn func(t *Thread, r Value, args []Value, kw []*Str) (Value, error)

func addRangeMethod(name string, fn rangeMethodFn) {
	addMethod(RangeType, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		switch self.o.(type) {
		case *Range, *bigRange:
			return fn(t, self, args, kw)
		}
		return Null, descrError(name, RangeType, self)
	})
}

func setupRangeMethods() {
	RangeType.new = rangeNew
	addIterMethods(funcIterTypes("longrange_iterator"))
	RangeType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		start, stop, step, _, ok := rangeParts(o)
		if !ok {
			return Null, false, nil
		}
		switch name {
		case "start":
			return BigIntValue(start), true, nil
		case "stop":
			return BigIntValue(stop), true, nil
		case "step":
			return BigIntValue(step), true, nil
		}
		return Null, false, nil
	}
	addRangeMethod("__repr__", func(t *Thread, r Value, args []Value, kw []*Str) (Value, error) {
		return StrValue(rangeRepr(r)), nil
	})
	addRangeMethod("__len__", func(t *Thread, r Value, args []Value, kw []*Str) (Value, error) {
		_, _, _, n, _ := rangeParts(r)
		if !n.IsInt64() {
			return Null, Errorf(OverflowErrorType, "Python int too large to convert to C ssize_t")
		}
		return Int(n.Int64()), nil
	})
	addRangeMethod("__bool__", func(t *Thread, r Value, args []Value, kw []*Str) (Value, error) {
		_, _, _, n, _ := rangeParts(r)
		return Bool(n.Sign() != 0), nil
	})
	addRangeMethod("__iter__", func(t *Thread, r Value, args []Value, kw []*Str) (Value, error) {
		if x, ok := r.o.(*Range); ok {
			return Obj(&rangeIter{start: x.start, step: x.step, n: x.Len()}), nil
		}
		return bigRangeIter(r.o.(*bigRange), false), nil
	})
	addRangeMethod("__reversed__", func(t *Thread, r Value, args []Value, kw []*Str) (Value, error) {
		if x, ok := r.o.(*Range); ok {
			n := x.Len()
			return Obj(&rangeIter{start: x.start + (n-1)*x.step, step: -x.step, n: n}), nil
		}
		return bigRangeIter(r.o.(*bigRange), true), nil
	})
	addRangeMethod("__contains__", func(t *Thread, r Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("range.__contains__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		ok, err := t.rangeContainsAny(r, args[0])
		return Bool(ok), err
	})
	addRangeMethod("__getitem__", func(t *Thread, r Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("range.__getitem__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return t.rangeGetItem(r, args[0])
	})
	addRangeMethod("__hash__", func(t *Thread, r Value, args []Value, kw []*Str) (Value, error) {
		h, err := t.rangeHash(r)
		return Int(h), err
	})
	for op, name := range cmpNames {
		op := compiler.CompareOp(op)
		addRangeMethod(name, func(t *Thread, r Value, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs("range."+cmpNames[op], args, kw, 1, 1); err != nil {
				return Null, err
			}
			if _, _, _, _, ok := rangeParts(args[0]); !ok || (op != compiler.CmpEq && op != compiler.CmpNe) {
				return NotImplemented, nil
			}
			return Bool(rangeEqual(r, args[0]) == (op == compiler.CmpEq)), nil
		})
	}
	addRangeMethod("count", func(t *Thread, r Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("range.count", args, kw, 1, 1); err != nil {
			return Null, err
		}
		switch args[0].o.(type) {
		case intTag, boolTag, *BigInt:
			ok, err := t.rangeContainsAny(r, args[0])
			if ok {
				return Int(1), err
			}
			return Int(0), err
		}
		n := 0
		err := t.iterate(r, func(x Value) error {
			eq, err := t.Equal(x, args[0])
			if eq {
				n++
			}
			return err
		})
		return Int(int64(n)), err
	})
	addRangeMethod("index", func(t *Thread, r Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("range.index", args, kw, 1, 1); err != nil {
			return Null, err
		}
		switch args[0].o.(type) {
		case intTag, boolTag, *BigInt:
			start, stop, step, _, _ := rangeParts(r)
			x := bigOf(args[0])
			i := rangeIndexOf(start, stop, step, x)
			if i == nil {
				return Null, Errorf(ValueErrorType, "%s is not in range", x.String())
			}
			return BigIntValue(i), nil
		}
		idx := -1
		i := 0
		err := t.iterate(r, func(x Value) error {
			eq, err := t.Equal(x, args[0])
			if err != nil {
				return err
			}
			if eq {
				idx = i
				return errStopIteration
			}
			i++
			return nil
		})
		if err != nil && err != errStopIteration {
			return Null, err
		}
		if idx < 0 {
			return Null, Errorf(ValueErrorType, "sequence.index(x): x not in sequence")
		}
		return Int(int64(idx)), nil
	})

	// slice
	SliceType.new = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 {
			return Null, Errorf(TypeErrorType, "slice() takes no keyword arguments")
		}
		switch len(args) {
		case 0:
			return Null, Errorf(TypeErrorType, "slice expected at least 1 argument, got 0")
		case 1:
			return Obj(&Slice{start: None, stop: args[0], step: None}), nil
		case 2:
			return Obj(&Slice{start: args[0], stop: args[1], step: None}), nil
		case 3:
			return Obj(&Slice{start: args[0], stop: args[1], step: args[2]}), nil
		}
		return Null, Errorf(TypeErrorType, "slice expected at most 3 arguments, got %d", len(args))
	}
	SliceType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		s, ok := o.o.(*Slice)
		if !ok {
			return Null, false, nil
		}
		switch name {
		case "start":
			return s.start, true, nil
		case "stop":
			return s.stop, true, nil
		case "step":
			return s.step, true, nil
		}
		return Null, false, nil
	}
	SliceType.Dict.SetStr(strHash, None)
	addSliceMethod := func(name string, fn func(t *Thread, s *Slice, args []Value, kw []*Str) (Value, error)) {
		addMethod(SliceType, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			s, ok := self.o.(*Slice)
			if !ok {
				return Null, descrError(name, SliceType, self)
			}
			return fn(t, s, args, kw)
		})
	}
	addSliceMethod("__repr__", func(t *Thread, s *Slice, args []Value, kw []*Str) (Value, error) {
		r, err := sliceRepr(t, s)
		return StrValue(r), err
	})
	addSliceMethod("indices", func(t *Thread, s *Slice, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("slice.indices", args, kw, 1, 1); err != nil {
			return Null, err
		}
		n, err := t.Index(args[0])
		if err != nil {
			return Null, err
		}
		if n < 0 {
			return Null, Errorf(ValueErrorType, "length should not be negative")
		}
		start, stop, step, _, err := t.sliceIndices(s, int(n))
		if err != nil {
			return Null, err
		}
		return TupleValue(Int(int64(start)), Int(int64(stop)), Int(int64(step))), nil
	})
	for op, name := range cmpNames {
		op := compiler.CompareOp(op)
		addSliceMethod(name, func(t *Thread, s *Slice, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs("slice."+cmpNames[op], args, kw, 1, 1); err != nil {
				return Null, err
			}
			o, ok := args[0].o.(*Slice)
			if !ok {
				return NotImplemented, nil
			}
			return t.sliceCompare(op, s, o)
		})
	}
}

// sliceCompare compares slices as (start, stop, step) tuples.
func (t *Thread) sliceCompare(op compiler.CompareOp, a, b *Slice) (Value, error) {
	if a == b && (op == compiler.CmpEq || op == compiler.CmpNe) {
		return Bool(op == compiler.CmpEq), nil
	}
	return t.seqCompare(op, []Value{a.start, a.stop, a.step}, []Value{b.start, b.stop, b.step})
}
