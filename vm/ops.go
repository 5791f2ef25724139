// ops.go implements the object protocols the interpreter and built-ins
// share: truth, repr/str, hashing, equality and ordering, attribute access,
// subscripts, membership and iteration. Built-in types are handled by Go
// fast paths; instances of user classes through their special methods.

package vm

import (
	"math"
	"math/big"
	"strings"

	"yflow/lang/compiler"
)

// callSpecial looks name up on v's type and calls it with v as self.
// ok is false when the type does not define it.
func (t *Thread) callSpecial(v Value, name *Str, args ...Value) (Value, bool, error) {
	m := v.Type().Lookup(name)
	if m.o == nil {
		return Null, false, nil
	}
	r, err := t.callMethodValue(m, v, args)
	return r, true, err
}

// callMethodValue calls a class attribute m (as found by Lookup) bound to self.
func (t *Thread) callMethodValue(m, self Value, args []Value) (Value, error) {
	switch f := m.o.(type) {
	case *Function:
		var buf [4]Value
		var all []Value
		if len(args)+1 <= len(buf) {
			all = buf[:len(args)+1]
		} else {
			all = make([]Value, len(args)+1)
		}
		all[0] = self
		copy(all[1:], args)
		return t.Call(m, all, nil)
	case *MethodDescr:
		t.cdepth++
		if t.cdepth > maxNativeDepth {
			t.cdepth--
			return Null, Errorf(RecursionErrorType, "maximum recursion depth exceeded while calling a Python object")
		}
		for _, a := range args {
			if in, ok := a.o.(*Instance); ok && in.base.o != nil {
				// a built-in method sees the built-in value of a subclass
				// instance among its arguments too (str.__eq__(s, S("x")))
				args = unwrapArgs(args)
				break
			}
		}
		r, err := f.fn(t, unwrapSelf(self), args, nil)
		t.cdepth--
		return r, err
	}
	bound, err := t.bindAttr(m, self, self.Type())
	if err != nil {
		return Null, err
	}
	return t.Call(bound, args, nil)
}

// Truth is Python's bool(v).
func (t *Thread) Truth(v Value) (bool, error) {
	switch x := v.o.(type) {
	case boolTag, intTag:
		return v.n != 0, nil
	case noneTag:
		return false, nil
	case floatTag:
		return v.AsFloat() != 0, nil
	case *Str:
		return len(x.s) > 0, nil
	case *List:
		return len(x.items) > 0, nil
	case *Tuple:
		return len(x.items) > 0, nil
	case *Dict:
		return x.live > 0, nil
	case *Set:
		return x.used > 0, nil
	case *BigInt:
		return true, nil
	case *Bytes:
		return len(x.b) > 0, nil
	case *Range:
		return x.Len() > 0, nil
	case *Instance, *Exception:
		if r, ok, err := t.callSpecial(v, strBool); ok {
			if err != nil {
				return false, err
			}
			if !r.IsBool() {
				return false, Errorf(TypeErrorType, "__bool__ should return bool, returned %s", r.Type().Name)
			}
			return r.n != 0, nil
		}
		if r, ok, err := t.callSpecial(v, strLen); ok {
			if err != nil {
				return false, err
			}
			n, err := t.lenResult(r)
			return n > 0, err
		}
		return true, nil
	case *Complex:
		return x.v != 0, nil
	case *ByteArray:
		return len(x.b) > 0, nil
	case *DictView:
		return x.d.live > 0, nil
	}
	return true, nil
}

func (t *Thread) lenResult(r Value) (int, error) {
	if !r.IsInt() && !r.IsBool() {
		if _, ok := r.o.(*BigInt); ok {
			return 0, Errorf(OverflowErrorType, "cannot fit 'int' into an index-sized integer")
		}
		return 0, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", r.Type().Name)
	}
	if r.AsInt() < 0 {
		return 0, Errorf(ValueErrorType, "__len__() should return >= 0")
	}
	return int(r.AsInt()), nil
}

// Len is Python's len(v).
func (t *Thread) Len(v Value) (int, error) {
	switch x := v.o.(type) {
	case *Str:
		return x.Len(), nil
	case *List:
		return len(x.items), nil
	case *Tuple:
		return len(x.items), nil
	case *Dict:
		return x.live, nil
	case *Set:
		return x.used, nil
	case *Bytes:
		return len(x.b), nil
	case *ByteArray:
		return len(x.b), nil
	case *Range:
		return int(x.Len()), nil
	case *DictView:
		return x.d.live, nil
	}
	if r, ok, err := t.callSpecial(v, strLen); ok {
		if err != nil {
			return 0, err
		}
		return t.lenResult(r)
	}
	return 0, Errorf(TypeErrorType, "object of type '%s' has no len()", v.Type().Name)
}

// Repr is Python's repr(v).
func (t *Thread) Repr(v Value) (string, error) {
	switch x := v.o.(type) {
	case intTag:
		return itoa(v.AsInt()), nil
	case boolTag:
		if v.n != 0 {
			return "True", nil
		}
		return "False", nil
	case noneTag:
		return "None", nil
	case floatTag:
		return floatRepr(v.AsFloat()), nil
	case *Str:
		return strRepr(x.s), nil
	case *BigInt:
		return t.bigDecimal(&x.v)
	}
	typ := v.Type()
	m := typ.Lookup(strReprM)
	if d, ok := m.o.(*MethodDescr); ok {
		r, err := d.fn(t, unwrapSelf(v), nil, nil)
		if err != nil {
			return "", err
		}
		return r.o.(*Str).s, nil
	}
	if m.o == nil {
		return "<" + typ.Name + " object>", nil
	}
	if err := t.enterRecursive(); err != nil {
		return "", err
	}
	r, err := t.callMethodValue(m, v, nil)
	t.leaveRecursive()
	if err != nil {
		return "", err
	}
	s, ok := r.o.(*Str)
	if !ok {
		return "", Errorf(TypeErrorType, "__repr__ returned non-string (type %s)", r.Type().Name)
	}
	return s.s, nil
}

// enterRecursive guards Go-level recursion through special methods.
func (t *Thread) enterRecursive() error {
	t.depth++
	if t.depth > t.in.recursionLimit {
		t.depth--
		return Errorf(RecursionErrorType, "maximum recursion depth exceeded while getting the repr of an object")
	}
	return nil
}

func (t *Thread) leaveRecursive() { t.depth-- }

// Str is Python's str(v).
func (t *Thread) Str(v Value) (string, error) {
	switch x := v.o.(type) {
	case *Str:
		return x.s, nil
	case intTag, boolTag, noneTag, floatTag, *BigInt:
		return t.Repr(v)
	}
	m := v.Type().Lookup(strStrM)
	if d, ok := m.o.(*MethodDescr); ok && d.owner == ObjectType {
		return t.Repr(v)
	}
	if m.o == nil {
		return t.Repr(v)
	}
	r, err := t.callMethodValue(m, v, nil)
	if err != nil {
		return "", err
	}
	s, ok := r.o.(*Str)
	if !ok {
		return "", Errorf(TypeErrorType, "__str__ returned non-string (type %s)", r.Type().Name)
	}
	return s.s, nil
}

// StrValueOf is str(v) as a Value.
func (t *Thread) StrValueOf(v Value) (Value, error) {
	if _, ok := v.o.(*Str); ok {
		return v, nil
	}
	s, err := t.Str(v)
	if err != nil {
		return Null, err
	}
	return StrValue(s), nil
}

// Hash is Python's hash(v).
func (t *Thread) Hash(v Value) (int64, error) {
	switch x := v.o.(type) {
	case intTag, boolTag:
		return hashInt(v.AsInt()), nil
	case noneTag:
		return 0x5bd1e995, nil
	case floatTag:
		return hashFloat(v.AsFloat()), nil
	case *Str:
		return x.Hash(), nil
	case *BigInt:
		return hashBig(&x.v), nil
	case *Tuple:
		return t.hashTuple(x.items)
	case *Bytes:
		if x.hash == 0 {
			x.hash = NewStr(string(x.b)).Hash()
		}
		return x.hash, nil
	case *Set:
		if !x.frozen {
			return 0, Errorf(TypeErrorType, "unhashable type: 'set'")
		}
		return frozenSetHash(x), nil
	case *Range, *bigRange:
		return t.rangeHash(v)
	case *Union:
		return t.unionHash(x)
	case *Slice:
		return 0, Errorf(TypeErrorType, "unhashable type: 'slice'")
	case *List:
		return 0, Errorf(TypeErrorType, "unhashable type: 'list'")
	case *Dict:
		return 0, Errorf(TypeErrorType, "unhashable type: 'dict'")
	case *ByteArray:
		return 0, Errorf(TypeErrorType, "unhashable type: 'bytearray'")
	case *Complex:
		return hashFloat(real(x.v)) + 1000003*hashFloat(imag(x.v)), nil
	case *Instance, *Exception:
		m := v.Type().Lookup(strHash)
		if m.IsNone() {
			return 0, Errorf(TypeErrorType, "unhashable type: '%s'", v.Type().Name)
		}
		if d, ok := m.o.(*MethodDescr); !ok || d.owner != ObjectType {
			r, err := t.callMethodValue(m, v, nil)
			if err != nil {
				return 0, err
			}
			switch r.o.(type) {
			case intTag, boolTag:
				h := r.AsInt()
				if h == -1 {
					h = -2
				}
				return h, nil
			case *BigInt:
				return hashBig(&r.o.(*BigInt).v), nil
			}
			return 0, Errorf(TypeErrorType, "__hash__ method should return an integer")
		}
	}
	return identityHash(v), nil
}

func (t *Thread) hashTuple(items []Value) (int64, error) {
	// xxHash-style mixing as CPython's tuplehash
	const (
		p1 = 11400714785074694791
		p2 = 14029467366897019727
		p5 = 2870177450012600261
	)
	acc := uint64(p5)
	for _, it := range items {
		h, err := t.Hash(it)
		if err != nil {
			return 0, err
		}
		acc += uint64(h) * p2
		acc = acc<<31 | acc>>33
		acc *= p1
	}
	acc += uint64(len(items)) ^ (p5 ^ 3527539)
	if int64(acc) == -1 {
		return 1546275796, nil
	}
	return int64(acc), nil
}

// Equal is Python's a == b as a bool.
func (t *Thread) Equal(a, b Value) (bool, error) {
	if a.o == b.o && a.n == b.n {
		if a.IsFloat() {
			return !math.IsNaN(a.AsFloat()), nil
		}
		return true, nil
	}
	switch x := a.o.(type) {
	case intTag:
		if b.IsInt() {
			return a.n == b.n, nil
		}
	case *Str:
		if y, ok := b.o.(*Str); ok {
			return x.s == y.s, nil
		}
		if _, ok := b.o.(*Instance); !ok {
			return false, nil
		}
	}
	return t.compareTruth(compiler.CmpEq, a, b)
}

// compareTruth is the truth value of the comparison a op b.
func (t *Thread) compareTruth(op compiler.CompareOp, a, b Value) (bool, error) {
	r, err := t.Compare(op, a, b)
	if err != nil {
		return false, err
	}
	if r.IsBool() {
		return r.n != 0, nil
	}
	return t.Truth(r)
}

var reflectedCmp = [...]compiler.CompareOp{
	compiler.CmpLt: compiler.CmpGt, compiler.CmpLe: compiler.CmpGe,
	compiler.CmpEq: compiler.CmpEq, compiler.CmpNe: compiler.CmpNe,
	compiler.CmpGt: compiler.CmpLt, compiler.CmpGe: compiler.CmpLe,
}

var cmpNames = [...]string{
	compiler.CmpLt: "__lt__", compiler.CmpLe: "__le__", compiler.CmpEq: "__eq__",
	compiler.CmpNe: "__ne__", compiler.CmpGt: "__gt__", compiler.CmpGe: "__ge__",
}

var cmpSymbols = [...]string{
	compiler.CmpLt: "<", compiler.CmpLe: "<=", compiler.CmpEq: "==",
	compiler.CmpNe: "!=", compiler.CmpGt: ">", compiler.CmpGe: ">=",
}

// Compare is Python's rich comparison a op b.
func (t *Thread) Compare(op compiler.CompareOp, a, b Value) (Value, error) {
	// built-in fast paths
	if r, ok, err := t.builtinCompare(op, a, b); ok || err != nil {
		return r, err
	}
	at, bt := a.Type(), b.Type()
	name := Intern(cmpNames[op])
	rname := Intern(cmpNames[reflectedCmp[op]])
	userA := !at.builtin
	userB := !bt.builtin
	// the reflected operation of a subclass goes first
	if userB && bt != at && bt.IsSubtype(at) {
		if r, ok, err := t.callSpecial(b, rname, a); ok {
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
		}
		userB = false
	}
	if userA {
		if r, ok, err := t.callSpecial(a, name, b); ok {
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
		}
	}
	if userB {
		if r, ok, err := t.callSpecial(b, rname, a); ok {
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
		}
	}
	if ua, ok := a.o.(*Union); ok && (op == compiler.CmpEq || op == compiler.CmpNe) {
		if ub, ok := b.o.(*Union); ok {
			return Bool(ua.sameAlternatives(ub) == (op == compiler.CmpEq)), nil
		}
	}
	switch op {
	case compiler.CmpEq:
		if userA {
			// __ne__ defaults to the inverse of __eq__; __eq__ to identity
			return Bool(a.Is(b)), nil
		}
		return Bool(a.Is(b)), nil
	case compiler.CmpNe:
		if userA {
			if m := at.Lookup(strEq); m.o != nil {
				if d, ok := m.o.(*MethodDescr); !ok || d.owner != ObjectType {
					r, err := t.callMethodValue(m, a, []Value{b})
					if err != nil {
						return Null, err
					}
					if !r.Is(NotImplemented) {
						tr, err := t.Truth(r)
						return Bool(!tr), err
					}
				}
			}
		}
		return Bool(!a.Is(b)), nil
	}
	return Null, Errorf(TypeErrorType, "'%s' not supported between instances of '%s' and '%s'", cmpSymbols[op], at.Name, bt.Name)
}

// builtinCompare compares built-in values; ok is false when neither side
// is a built-in type that knows the other.
func (t *Thread) builtinCompare(op compiler.CompareOp, a, b Value) (Value, bool, error) {
	if isNumber(a) && isNumber(b) {
		c, ok := numCompare(a, b)
		if !ok {
			// NaN: only != is true
			return Bool(op == compiler.CmpNe), true, nil
		}
		return Bool(cmpResult(op, c)), true, nil
	}
	switch x := a.o.(type) {
	case *Str:
		if y, ok := b.o.(*Str); ok {
			return Bool(cmpResult(op, strings.Compare(x.s, y.s))), true, nil
		}
	case *Tuple:
		if y, ok := b.o.(*Tuple); ok {
			r, err := t.seqCompare(op, x.items, y.items)
			return r, true, err
		}
	case *List:
		if y, ok := b.o.(*List); ok {
			r, err := t.seqCompare(op, x.items, y.items)
			return r, true, err
		}
	case *Bytes, *ByteArray:
		if r, ok := bytesCompare(op, a, b); ok {
			return r, true, nil
		}
	case *Dict:
		if y, ok := b.o.(*Dict); ok && (op == compiler.CmpEq || op == compiler.CmpNe) {
			eq, err := t.dictEqual(x, y)
			return Bool(eq == (op == compiler.CmpEq)), true, err
		}
	case *Set:
		if y, ok := b.o.(*Set); ok {
			r, err := t.setCompare(op, x, y)
			return r, true, err
		}
		if y, ok := b.o.(*DictView); ok {
			if r, ok, err := t.dictViewCompare(reflectedCmp[op], y, a); ok {
				return r, true, err
			}
		}
	case *Range:
		if y, ok := b.o.(*Range); ok && (op == compiler.CmpEq || op == compiler.CmpNe) {
			eq := x.Len() == y.Len() && (x.Len() == 0 || (x.start == y.start && (x.Len() == 1 || x.step == y.step)))
			return Bool(eq == (op == compiler.CmpEq)), true, nil
		}
	case *Slice:
		if y, ok := b.o.(*Slice); ok {
			r, err := t.sliceCompare(op, x, y)
			return r, true, err
		}
	case *Complex:
		if op == compiler.CmpEq || op == compiler.CmpNe {
			if c, ok := toComplex(b); ok {
				return Bool((x.v == c) == (op == compiler.CmpEq)), true, nil
			}
		}
	case *DictView:
		if r, ok, err := t.dictViewCompare(op, x, b); ok {
			return r, true, err
		}
	}
	if c, ok := b.o.(*Complex); ok && (op == compiler.CmpEq || op == compiler.CmpNe) && isNumber(a) {
		f, _ := toFloat(a)
		return Bool((complex(f, 0) == c.v) == (op == compiler.CmpEq)), true, nil
	}
	return Null, false, nil
}

func cmpResult(op compiler.CompareOp, c int) bool {
	switch op {
	case compiler.CmpLt:
		return c < 0
	case compiler.CmpLe:
		return c <= 0
	case compiler.CmpEq:
		return c == 0
	case compiler.CmpNe:
		return c != 0
	case compiler.CmpGt:
		return c > 0
	}
	return c >= 0
}

func (t *Thread) seqCompare(op compiler.CompareOp, x, y []Value) (Value, error) {
	if (op == compiler.CmpEq || op == compiler.CmpNe) && len(x) != len(y) {
		return Bool(op == compiler.CmpNe), nil
	}
	n := min(len(x), len(y))
	for i := 0; i < n; i++ {
		eq, err := t.richEq(x[i], y[i])
		if err != nil {
			return Null, err
		}
		if !eq {
			if op == compiler.CmpEq {
				return False, nil
			}
			if op == compiler.CmpNe {
				return True, nil
			}
			return t.Compare(op, x[i], y[i])
		}
	}
	return Bool(cmpResult(op, cmpInt(len(x), len(y)))), nil
}

func cmpInt(a, b int) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

func (t *Thread) dictEqual(x, y *Dict) (bool, error) {
	if x.live != y.live {
		return false, nil
	}
	for _, e := range x.entries {
		if e.key.o == nil {
			continue
		}
		v, ok, err := y.Get(t, e.key)
		if err != nil || !ok {
			return false, err
		}
		eq, err := t.Equal(e.val, v)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// Less is a < b as a bool (for sorting, min, max).
func (t *Thread) Less(a, b Value) (bool, error) {
	if a.IsInt() && b.IsInt() {
		return a.AsInt() < b.AsInt(), nil
	}
	if x, ok := a.o.(*Str); ok {
		if y, ok := b.o.(*Str); ok {
			return x.s < y.s, nil
		}
	}
	return t.compareTruth(compiler.CmpLt, a, b)
}

// Greater is Python's `a > b` as a truth value (max compares this way).
func (t *Thread) Greater(a, b Value) (bool, error) {
	if a.IsInt() && b.IsInt() {
		return a.AsInt() > b.AsInt(), nil
	}
	return t.compareTruth(compiler.CmpGt, a, b)
}

// Contains is Python's `item in container`.
func (t *Thread) Contains(container, item Value) (bool, error) {
	switch c := container.o.(type) {
	case *Str:
		s, ok := item.o.(*Str)
		if !ok {
			return false, Errorf(TypeErrorType, "'in <string>' requires string as left operand, not %s", item.Type().Name)
		}
		return strings.Contains(c.s, s.s), nil
	case *List:
		return t.seqContains(c.items, item)
	case *Tuple:
		return t.seqContains(c.items, item)
	case *Dict:
		_, ok, err := c.Get(t, item)
		return ok, err
	case *Set:
		return c.Has(t, item)
	case *Range:
		return rangeContains(t, c, item)
	case *Bytes:
		return bytesContains(c.b, item)
	case *ByteArray:
		return bytesContains(c.b, item)
	case *DictView:
		if c.kind == 0 {
			_, ok, err := c.d.Get(t, item)
			return ok, err
		}
	}
	if r, ok, err := t.callSpecial(container, strContains, item); ok {
		if err != nil {
			return false, err
		}
		return t.Truth(r)
	}
	found := false
	err := t.iterate(container, func(v Value) error {
		eq, err := t.Equal(v, item)
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
	if err != nil {
		if e, ok := err.(*Exception); ok && e.cls == TypeErrorType && strings.HasSuffix(e.Message(), "is not iterable") {
			return false, Errorf(TypeErrorType, "argument of type '%s' is not iterable", container.Type().Name)
		}
	}
	return found, err
}

func (t *Thread) seqContains(items []Value, item Value) (bool, error) {
	for i := 0; i < len(items); i++ {
		eq, err := t.richEq(items[i], item)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// Iter is Python's iter(v).
func (t *Thread) Iter(v Value) (Value, error) {
	switch x := v.o.(type) {
	case *List:
		return Obj(&listIter{l: x}), nil
	case *Tuple:
		return Obj(&seqIter{items: x.items}), nil
	case *Range:
		return Obj(&rangeIter{start: x.start, step: x.step, n: x.Len()}), nil
	case *Str:
		return Obj(&strIter{s: x}), nil
	case *Dict:
		return Obj(&dictIter{d: x, ver: x.live}), nil
	case *DictView:
		return Obj(&dictIter{d: x.d, kind: x.kind, ver: x.d.live}), nil
	case *Set:
		return Obj(newSetIter(x)), nil
	case *Bytes:
		items := make([]Value, len(x.b))
		for i, c := range x.b {
			items[i] = Int(int64(c))
		}
		return Obj(&seqIter{items: items}), nil
	case *ByteArray:
		items := make([]Value, len(x.b))
		for i, c := range x.b {
			items[i] = Int(int64(c))
		}
		return Obj(&seqIter{items: items}), nil
	case *rangeIter, *listIter, *seqIter, *strIter, *dictIter, *funcIter, *callIter, *setIter:
		return v, nil
	case *Generator:
		if !x.coro && !x.agen {
			return v, nil
		}
	}
	typ := v.Type()
	m := typ.Lookup(strIterM)
	if m.o != nil && !m.IsNone() {
		it, err := t.callMethodValue(m, v, nil)
		if err != nil {
			return Null, err
		}
		if it.Type().Lookup(strNext).o == nil {
			return Null, Errorf(TypeErrorType, "iter() returned non-iterator of type '%s'", it.Type().Name)
		}
		return it, nil
	}
	if typ.Lookup(strGetitem).o != nil {
		return Obj(&seqIter{obj: v}), nil
	}
	return Null, Errorf(TypeErrorType, "'%s' object is not iterable", typ.Name)
}

// Next advances an iterator: ok is false when it is exhausted.
func (t *Thread) Next(itv Value) (Value, bool, error) {
	switch it := itv.o.(type) {
	case *listIter:
		if it.i < len(it.l.items) {
			v := it.l.items[it.i]
			it.i++
			return v, true, nil
		}
		it.i = math.MaxInt
		return Null, false, nil
	case *rangeIter:
		if it.i < it.n {
			v := Int(it.start + it.i*it.step)
			it.i++
			return v, true, nil
		}
		return Null, false, nil
	case *seqIter:
		if it.obj.o != nil {
			if it.done {
				return Null, false, nil
			}
			v, err := t.GetItem(it.obj, Int(int64(it.i)))
			if err != nil {
				if e, ok := err.(*Exception); ok && (e.cls.IsSubtype(IndexErrorType) || e.cls.IsSubtype(StopIterationType)) {
					it.done = true
					return Null, false, nil
				}
				return Null, false, err
			}
			it.i++
			return v, true, nil
		}
		if it.i < len(it.items) {
			v := it.items[it.i]
			it.i++
			return v, true, nil
		}
		return Null, false, nil
	case *strIter:
		s := it.s.s
		if it.i >= len(s) {
			return Null, false, nil
		}
		c := s[it.i]
		if c < 0x80 {
			it.i++
			return Obj(asciiChars[c]), true, nil
		}
		r, size := decodeRune(s[it.i:])
		it.i += size
		return StrValue(string(r)), true, nil
	case *dictIter:
		d := it.d
		if d.live != it.ver {
			it.ver = -1
			return Null, false, Errorf(RuntimeErrorType, "dictionary changed size during iteration")
		}
		for it.i < len(d.entries) {
			e := d.entries[it.i]
			it.i++
			if e.key.o == nil {
				continue
			}
			switch it.kind {
			case 0:
				return e.key, true, nil
			case 1:
				return e.val, true, nil
			}
			return TupleValue(e.key, e.val), true, nil
		}
		return Null, false, nil
	case *funcIter:
		return it.next(t)
	case *setIter:
		return it.next()
	case *callIter:
		if it.done {
			return Null, false, nil
		}
		v, err := t.Call(it.fn, nil, nil)
		if err != nil {
			return Null, false, err
		}
		eq, err := t.Equal(v, it.sentinel)
		if err != nil {
			return Null, false, err
		}
		if eq {
			it.done = true
			return Null, false, nil
		}
		return v, true, nil
	case *Generator:
		return t.genNext(it)
	}
	m := itv.Type().Lookup(strNext)
	if m.o == nil {
		return Null, false, Errorf(TypeErrorType, "'%s' object is not an iterator", itv.Type().Name)
	}
	v, err := t.callMethodValue(m, itv, nil)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.cls.IsSubtype(StopIterationType) {
			return Null, false, nil
		}
		return Null, false, err
	}
	return v, true, nil
}

// errStopIteration stops iterate early without being an error.
var errStopIteration = &Exception{cls: nil}

// iterate calls fn for every item of an iterable.
func (t *Thread) iterate(v Value, fn func(Value) error) error {
	switch x := v.o.(type) {
	case *List:
		for i := 0; i < len(x.items); i++ {
			if err := fn(x.items[i]); err != nil {
				return err
			}
		}
		return nil
	case *Tuple:
		for _, it := range x.items {
			if err := fn(it); err != nil {
				return err
			}
		}
		return nil
	}
	it, err := t.Iter(v)
	if err != nil {
		return err
	}
	for {
		item, ok, err := t.Next(it)
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if err := fn(item); err != nil {
			return err
		}
	}
}

// ToList collects an iterable's items into a new slice.
func (t *Thread) ToList(v Value) ([]Value, error) {
	switch x := v.o.(type) {
	case *List:
		return append([]Value(nil), x.items...), nil
	case *Tuple:
		return append([]Value(nil), x.items...), nil
	}
	var out []Value
	err := t.iterate(v, func(item Value) error {
		out = append(out, item)
		return nil
	})
	return out, err
}

// unpack implements UNPACK_SEQUENCE (after < 0) and UNPACK_EX.
func (t *Thread) unpack(v Value, before, after int) ([]Value, error) {
	var items []Value
	switch x := v.o.(type) {
	case *List:
		items = x.items
	case *Tuple:
		items = x.items
	default:
		if _, err := t.Iter(v); err != nil {
			return nil, Errorf(TypeErrorType, "cannot unpack non-iterable %s object", v.Type().Name)
		}
		if after < 0 {
			// stop early on too many values, as CPython does
			it, _ := t.Iter(v)
			for {
				item, ok, err := t.Next(it)
				if err != nil {
					return nil, err
				}
				if !ok {
					break
				}
				if len(items) == before {
					return nil, Errorf(ValueErrorType, "too many values to unpack (expected %d)", before)
				}
				items = append(items, item)
			}
		} else {
			var err error
			items, err = t.ToList(v)
			if err != nil {
				return nil, err
			}
		}
	}
	if after < 0 {
		if len(items) != before {
			if len(items) < before {
				return nil, Errorf(ValueErrorType, "not enough values to unpack (expected %d, got %d)", before, len(items))
			}
			return nil, Errorf(ValueErrorType, "too many values to unpack (expected %d)", before)
		}
		return items, nil
	}
	if len(items) < before+after {
		return nil, Errorf(ValueErrorType, "not enough values to unpack (expected at least %d, got %d)", before+after, len(items))
	}
	out := make([]Value, 0, before+after+1)
	out = append(out, items[:before]...)
	out = append(out, Obj(NewList(append([]Value(nil), items[before:len(items)-after]...))))
	out = append(out, items[len(items)-after:]...)
	return out, nil
}

func (t *Thread) extendList(l *List, v Value) error {
	switch x := v.o.(type) {
	case *List:
		l.items = append(l.items, x.items...)
		return nil
	case *Tuple:
		l.items = append(l.items, x.items...)
		return nil
	}
	items, err := t.ToList(v)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.cls == TypeErrorType && strings.HasSuffix(e.Message(), "is not iterable") {
			return Errorf(TypeErrorType, "Value after * must be an iterable, not %s", v.Type().Name)
		}
		return err
	}
	l.items = append(l.items, items...)
	return nil
}

// dictUpdate merges a mapping into d; for calls (merge), duplicate keys
// raise TypeError naming fn.
func (t *Thread) dictUpdate(d *Dict, m Value, merge bool, fn Value) error {
	if src, ok := m.o.(*Dict); ok {
		for _, e := range src.entries {
			if e.key.o == nil {
				continue
			}
			if merge {
				if _, ok, _ := d.Get(t, e.key); ok {
					return Errorf(TypeErrorType, "%s got multiple values for keyword argument '%s'", funcDescr(fn), mustStr(e.key))
				}
			}
			if err := d.Set(t, e.key, e.val); err != nil {
				return err
			}
		}
		return nil
	}
	keys := m.Type().LookupString("keys")
	if keys.o == nil {
		if merge {
			return Errorf(TypeErrorType, "%s argument after ** must be a mapping, not %s", funcDescr(fn), m.Type().Name)
		}
		return Errorf(TypeErrorType, "'%s' object is not a mapping", m.Type().Name)
	}
	kv, err := t.callMethodValue(keys, m, nil)
	if err != nil {
		return err
	}
	return t.iterate(kv, func(k Value) error {
		v, err := t.GetItem(m, k)
		if err != nil {
			return err
		}
		if merge {
			if _, ok, _ := d.Get(t, k); ok {
				return Errorf(TypeErrorType, "%s got multiple values for keyword argument '%s'", funcDescr(fn), mustStr(k))
			}
		}
		return d.Set(t, k, v)
	})
}

func mustStr(v Value) string {
	if s, ok := v.o.(*Str); ok {
		return s.s
	}
	return "?"
}

// funcDescr names a callable the way CPython's call errors do: "f()".
func funcDescr(fn Value) string {
	switch f := fn.o.(type) {
	case *Function:
		if m, ok := f.module.o.(*Str); ok {
			return m.s + "." + f.qualname + "()"
		}
		return f.qualname + "()"
	case *Builtin:
		return f.name + "()"
	case *Method:
		return funcDescr(f.fn)
	case *Type:
		return f.Name + "()"
	}
	return fn.Type().Name + " object"
}

// callEx implements f(*args, **kwargs).
func (t *Thread) callEx(fv, argv, kwargs Value) (Value, error) {
	args, names, err := t.spreadArgs(fv, argv, kwargs)
	if err != nil {
		return Null, err
	}
	return t.Call(fv, args, names)
}

// spreadArgs turns the *args iterable and **kwargs mapping of a call of
// fv into positional values followed by keyword values, and the keyword
// names.
func (t *Thread) spreadArgs(fv, argv, kwargs Value) ([]Value, []*Str, error) {
	var args []Value
	switch a := argv.o.(type) {
	case *Tuple:
		args = a.items
	case *List:
		args = a.items
	default:
		l, err := t.ToList(argv)
		if err != nil {
			return nil, nil, Errorf(TypeErrorType, "%s argument after * must be an iterable, not %s", funcDescr(fv), argv.Type().Name)
		}
		args = l
	}
	if kwargs.o == nil {
		return args, nil, nil
	}
	d, ok := kwargs.o.(*Dict)
	if !ok {
		d = NewDict()
		if err := t.dictUpdate(d, kwargs, true, fv); err != nil {
			return nil, nil, err
		}
	}
	if d.live == 0 {
		return args, nil, nil
	}
	all := make([]Value, 0, len(args)+d.live)
	all = append(all, args...)
	names := make([]*Str, 0, d.live)
	for _, e := range d.entries {
		if e.key.o == nil {
			continue
		}
		s, ok := e.key.o.(*Str)
		if !ok {
			return nil, nil, Errorf(TypeErrorType, "keywords must be strings")
		}
		names = append(names, InternStr(s))
		all = append(all, e.val)
	}
	return all, names, nil
}

// beforeWith implements BEFORE_WITH: returns the bound __exit__ and the
// result of __enter__.
func (t *Thread) beforeWith(mgr Value) (Value, Value, error) {
	typ := mgr.Type()
	enter := typ.Lookup(strEnter)
	exit := typ.Lookup(strExit)
	if enter.o == nil || exit.o == nil {
		if enter.o == nil {
			return Null, Null, Errorf(TypeErrorType, "'%s' object does not support the context manager protocol", typ.Name)
		}
		return Null, Null, Errorf(TypeErrorType, "'%s' object does not support the context manager protocol (missed __exit__ method)", typ.Name)
	}
	boundExit, err := t.bindAttr(exit, mgr, typ)
	if err != nil {
		return Null, Null, err
	}
	res, err := t.callMethodValue(enter, mgr, nil)
	if err != nil {
		return Null, Null, err
	}
	return boundExit, res, nil
}

// bigDecimal converts a big int to decimal, enforcing CPython 3.11's limit
// on the digits of int-to-str conversions (sys.set_int_max_str_digits).
func (t *Thread) bigDecimal(b *big.Int) (string, error) {
	s := b.String()
	n := len(s)
	if b.Sign() < 0 {
		n--
	}
	if lim := t.in.maxStrDigits; lim > 0 && n > lim {
		return "", Errorf(ValueErrorType, "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", lim)
	}
	return s, nil
}

// unwrapArgs copies args, replacing subclass instances of built-in types by
// their built-in values.
func unwrapArgs(args []Value) []Value {
	out := make([]Value, len(args))
	for i, a := range args {
		out[i] = unwrapSelf(a)
	}
	return out
}
