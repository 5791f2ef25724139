// set_methods.go gives set and frozenset their methods, constructors,
// operators and repr. The algorithms mirror CPython 3.11's setobject.c
// (which set is iterated, which is copied, when a table is pre-sized) so
// that results come out in CPython's order.

package vm

import (
	"strings"

	"yflow/lang/compiler"
)

// newSetLike makes an empty set of the same kind as s.
func newSetLike(frozen bool) *Set { return &Set{frozen: frozen} }

// setArgKey adapts an element argument the way CPython's set_contains /
// set_discard do: an unhashable set is looked up as a frozenset.
func (t *Thread) setArgKey(v Value) (Value, int64, error) {
	h, err := t.setKeyHash(v)
	if err == nil {
		return v, h, nil
	}
	if s, ok := v.o.(*Set); ok && !s.frozen {
		if e, ok := err.(*Exception); ok && e.cls.IsSubtype(TypeErrorType) {
			f := t.copySet(s, true)
			return Obj(f), frozenSetHash(f), nil
		}
	}
	return Null, 0, err
}

// setContainsValue is `v in s` with the frozenset retry.
func (t *Thread) setContainsValue(s *Set, v Value) (bool, error) {
	k, h, err := t.setArgKey(v)
	if err != nil {
		return false, err
	}
	return s.hasEntry(t, k, h)
}

// containsEntry checks membership of an already hashed key in a set or dict.
func (t *Thread) containsEntry(container Value, k Value, h int64) (bool, error) {
	switch c := container.o.(type) {
	case *Set:
		return c.hasEntry(t, k, h)
	case *Dict:
		if s, ok := k.o.(*Str); ok {
			_, ok := c.GetStr(s)
			return ok, nil
		}
		i, err := c.find(t, k, h)
		return i >= 0, err
	}
	return t.Contains(container, k)
}

// setUnionValue is so | other for any iterable other (set_union).
func (t *Thread) setUnionValue(so *Set, others []Value) (*Set, error) {
	r := t.copySet(so, so.frozen)
	for _, o := range others {
		if s, ok := o.o.(*Set); ok && s == so {
			continue
		}
		if err := r.update(t, o); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// setIntersectionValue is CPython's set_intersection.
func (t *Thread) setIntersectionValue(so *Set, other Value) (*Set, error) {
	if s, ok := other.o.(*Set); ok && s == so {
		return t.copySet(so, so.frozen), nil
	}
	r := newSetLike(so.frozen)
	if os, ok := other.o.(*Set); ok {
		big, small := so, os
		if os.used > so.used {
			big, small = os, so
		}
		pos := 0
		for {
			e, ok := small.next(&pos)
			if !ok {
				break
			}
			k, h := e.key, e.hash
			in, err := big.hasEntry(t, k, h)
			if err != nil {
				return nil, err
			}
			if in {
				if err := r.addEntry(t, k, h); err != nil {
					return nil, err
				}
			}
		}
		return r, nil
	}
	err := t.iterate(other, func(k Value) error {
		h, err := t.setKeyHash(k)
		if err != nil {
			return err
		}
		in, err := so.hasEntry(t, k, h)
		if err != nil || !in {
			return err
		}
		return r.addEntry(t, k, h)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// setDifferenceUpdate is CPython's set_difference_update_internal.
func (t *Thread) setDifferenceUpdate(so *Set, other Value) error {
	if os, ok := other.o.(*Set); ok {
		if os == so {
			so.Clear()
			return nil
		}
		if os.used>>3 > so.used {
			var err error
			os, err = t.setIntersectionValue(so, other)
			if err != nil {
				return err
			}
		}
		pos := 0
		for {
			e, ok := os.next(&pos)
			if !ok {
				break
			}
			if _, err := so.discardEntry(t, e.key, e.hash); err != nil {
				return err
			}
		}
	} else {
		err := t.iterate(other, func(k Value) error {
			k, h, err := t.setArgKey(k)
			if err != nil {
				return err
			}
			_, err = so.discardEntry(t, k, h)
			return err
		})
		if err != nil {
			return err
		}
	}
	if so.fill-so.used <= so.mask()/4 {
		return nil
	}
	if so.used > 50000 {
		so.resize(so.used * 2)
	} else {
		so.resize(so.used * 4)
	}
	return nil
}

// setDifferenceValue is CPython's set_difference.
func (t *Thread) setDifferenceValue(so *Set, other Value) (*Set, error) {
	var otherSize int
	switch o := other.o.(type) {
	case *Set:
		otherSize = o.used
	case *Dict:
		otherSize = o.Len()
	default:
		return t.setCopyAndDifference(so, other)
	}
	if so.used>>2 > otherSize {
		return t.setCopyAndDifference(so, other)
	}
	r := newSetLike(so.frozen)
	pos := 0
	for {
		e, ok := so.next(&pos)
		if !ok {
			break
		}
		k, h := e.key, e.hash
		in, err := t.containsEntry(other, k, h)
		if err != nil {
			return nil, err
		}
		if !in {
			if err := r.addEntry(t, k, h); err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}

func (t *Thread) setCopyAndDifference(so *Set, other Value) (*Set, error) {
	r := t.copySet(so, so.frozen)
	if err := t.setDifferenceUpdate(r, other); err != nil {
		return nil, err
	}
	return r, nil
}

// setSymDiffUpdate is CPython's set_symmetric_difference_update.
func (t *Thread) setSymDiffUpdate(so *Set, other Value) error {
	toggle := func(k Value, h int64) error {
		found, err := so.discardEntry(t, k, h)
		if err != nil || found {
			return err
		}
		return so.addEntry(t, k, h)
	}
	var os *Set
	switch o := other.o.(type) {
	case *Set:
		if o == so {
			so.Clear()
			return nil
		}
		os = o
	case *Dict:
		for i := 0; i < len(o.entries); i++ {
			e := o.entries[i]
			if e.key.o == nil {
				continue
			}
			if err := toggle(e.key, e.hash); err != nil {
				return err
			}
		}
		return nil
	default:
		os = newSetLike(so.frozen)
		if err := os.update(t, other); err != nil {
			return err
		}
	}
	pos := 0
	for {
		e, ok := os.next(&pos)
		if !ok {
			return nil
		}
		if err := toggle(e.key, e.hash); err != nil {
			return err
		}
	}
}

// setSymDiffValue is CPython's set_symmetric_difference: a copy of other
// updated with so.
func (t *Thread) setSymDiffValue(so *Set, other Value) (*Set, error) {
	r := newSetLike(so.frozen)
	if err := r.update(t, other); err != nil {
		return nil, err
	}
	if err := t.setSymDiffUpdate(r, Obj(so)); err != nil {
		return nil, err
	}
	return r, nil
}

// setIsSubset is CPython's set_issubset.
func (t *Thread) setIsSubset(so *Set, other Value) (bool, error) {
	os, ok := other.o.(*Set)
	if !ok {
		tmp, err := t.setIntersectionValue(so, other)
		if err != nil {
			return false, err
		}
		return tmp.used == so.used, nil
	}
	if so.used > os.used {
		return false, nil
	}
	pos := 0
	for {
		e, ok := so.next(&pos)
		if !ok {
			return true, nil
		}
		in, err := os.hasEntry(t, e.key, e.hash)
		if err != nil || !in {
			return false, err
		}
	}
}

// setIsSuperset is CPython's set_issuperset.
func (t *Thread) setIsSuperset(so *Set, other Value) (bool, error) {
	if os, ok := other.o.(*Set); ok {
		return t.setIsSubset(os, Obj(so))
	}
	res := true
	err := t.iterate(other, func(k Value) error {
		in, err := t.setContainsValue(so, k)
		if err != nil {
			return err
		}
		if !in {
			res = false
			return errStopIteration
		}
		return nil
	})
	if err == errStopIteration {
		err = nil
	}
	return res, err
}

// setIsDisjoint is CPython's set_isdisjoint.
func (t *Thread) setIsDisjoint(so *Set, other Value) (bool, error) {
	if os, ok := other.o.(*Set); ok {
		if os == so {
			return so.used == 0, nil
		}
		big, small := so, os
		if os.used > so.used {
			big, small = os, so
		}
		pos := 0
		for {
			e, ok := small.next(&pos)
			if !ok {
				return true, nil
			}
			in, err := big.hasEntry(t, e.key, e.hash)
			if err != nil || in {
				return false, err
			}
		}
	}
	res := true
	err := t.iterate(other, func(k Value) error {
		h, err := t.setKeyHash(k)
		if err != nil {
			return err
		}
		in, err := so.hasEntry(t, k, h)
		if err != nil {
			return err
		}
		if in {
			res = false
			return errStopIteration
		}
		return nil
	})
	if err == errStopIteration {
		err = nil
	}
	return res, err
}

// ---------------------------------------------------------------- VM hooks

func (t *Thread) setUnion(x, y *Set) (*Set, error) {
	if x == y {
		return t.copySet(x, x.frozen), nil
	}
	return t.setUnionValue(x, []Value{Obj(y)})
}

func (t *Thread) setIntersection(x, y *Set) (*Set, error) {
	return t.setIntersectionValue(x, Obj(y))
}

func (t *Thread) setDifference(x, y *Set) (*Set, error) {
	return t.setDifferenceValue(x, Obj(y))
}

func (t *Thread) setSymDiff(x, y *Set) (*Set, error) {
	return t.setSymDiffValue(x, Obj(y))
}

// toSet makes a new set of any iterable's elements (a dict view's as
// CPython's dict view operators do).
func (t *Thread) toSet(v Value) (*Set, error) {
	s := NewSet()
	if dv, ok := v.o.(*DictView); ok && dv.kind == 0 {
		v = Obj(dv.d)
	}
	if err := s.update(t, v); err != nil {
		return nil, err
	}
	return s, nil
}

// setCompare is CPython's set_richcompare for two sets.
func (t *Thread) setCompare(op compiler.CompareOp, x, y *Set) (Value, error) {
	switch op {
	case compiler.CmpEq, compiler.CmpNe:
		eq := false
		if x.used == y.used && !(x.hashed && y.hashed && x.hash != y.hash) {
			var err error
			eq, err = t.setIsSubset(x, Obj(y))
			if err != nil {
				return Null, err
			}
		}
		return Bool(eq == (op == compiler.CmpEq)), nil
	case compiler.CmpLe:
		r, err := t.setIsSubset(x, Obj(y))
		return Bool(r), err
	case compiler.CmpGe:
		r, err := t.setIsSuperset(x, Obj(y))
		return Bool(r), err
	case compiler.CmpLt:
		if x.used >= y.used {
			return False, nil
		}
		r, err := t.setIsSubset(x, Obj(y))
		return Bool(r), err
	case compiler.CmpGt:
		if x.used <= y.used {
			return False, nil
		}
		r, err := t.setIsSuperset(x, Obj(y))
		return Bool(r), err
	}
	return NotImplemented, nil
}

// setBinary implements | & - ^ where the left operand is a set or a dict
// view; ok is false when the operands do not combine.
func (t *Thread) setBinary(op compiler.BinaryOp, a, b Value) (Value, bool, error) {
	if op != compiler.BinOr && op != compiler.BinAnd && op != compiler.BinSub && op != compiler.BinXor {
		return Null, false, nil
	}
	x, xok := a.o.(*Set)
	y, yok := b.o.(*Set)
	if xok && yok {
		var r *Set
		var err error
		switch op {
		case compiler.BinOr:
			r, err = t.setUnion(x, y)
		case compiler.BinAnd:
			r, err = t.setIntersection(x, y)
		case compiler.BinSub:
			r, err = t.setDifference(x, y)
		default:
			r, err = t.setSymDiff(x, y)
		}
		if err != nil {
			return Null, true, err
		}
		return Obj(r), true, nil
	}
	// dict_keys / dict_items on either side (CPython's dictviews_* slots,
	// which the set operators defer to)
	if dv, ok := a.o.(*DictView); ok && dv.kind != 1 {
		r, err := t.dictViewBinary(op, a, b)
		return r, r.o != nil || err != nil, err
	}
	if dv, ok := b.o.(*DictView); ok && dv.kind != 1 && xok {
		r, err := t.dictViewBinary(op, a, b)
		return r, r.o != nil || err != nil, err
	}
	return Null, false, nil
}

// setInplace implements |= &= -= ^= on a (mutable) set.
func (t *Thread) setInplace(op compiler.BinaryOp, x, y *Set) (Value, bool, error) {
	var err error
	switch op {
	case compiler.BinOr:
		err = x.update(t, Obj(y))
	case compiler.BinAnd:
		var r *Set
		r, err = t.setIntersectionValue(x, Obj(y))
		if err == nil {
			x.swapBodies(r)
		}
	case compiler.BinSub:
		err = t.setDifferenceUpdate(x, Obj(y))
	case compiler.BinXor:
		err = t.setSymDiffUpdate(x, Obj(y))
	default:
		return Null, false, nil
	}
	if err != nil {
		return Null, true, err
	}
	return Obj(x), true, nil
}

// ---------------------------------------------------------------- repr

func (t *Thread) setRepr(s *Set) (string, error) {
	name := "set"
	if s.frozen {
		name = "frozenset"
	}
	if s.used == 0 {
		return name + "()", nil
	}
	if !t.reprEnter(s) {
		return name + "(...)", nil
	}
	defer t.reprLeave(s)
	if err := t.enterRecursive(); err != nil {
		return "", err
	}
	defer t.leaveRecursive()
	var b strings.Builder
	if s.frozen {
		b.WriteString("frozenset(")
	}
	b.WriteByte('{')
	for i, e := range s.Elems() {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := t.Repr(e)
		if err != nil {
			return "", err
		}
		b.WriteString(r)
	}
	b.WriteByte('}')
	if s.frozen {
		b.WriteByte(')')
	}
	return b.String(), nil
}

// ---------------------------------------------------------------- methods

type setMethodFn func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error)

func addSetMethod(typ *Type, name string, fn setMethodFn) {
	addMethod(typ, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		s, ok := self.o.(*Set)
		if !ok || s.frozen != (typ == FrozenSetType) {
			return Null, descrError(name, typ, self)
		}
		return fn(t, s, args, kw)
	})
}

// descrError is the TypeError for a method descriptor applied to an
// object of the wrong type.
func descrError(name string, typ *Type, self Value) error {
	return Errorf(TypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, typ.Name, self.Type().Name)
}

func setNew(frozen bool) func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	name := "set"
	if frozen {
		name = "frozenset"
	}
	return func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 {
			return Null, Errorf(TypeErrorType, "%s() takes no keyword arguments", name)
		}
		if len(args) > 1 {
			return Null, Errorf(TypeErrorType, "%s expected at most 1 argument, got %d", name, len(args))
		}
		if len(args) == 1 && frozen {
			if f, ok := args[0].o.(*Set); ok && f.frozen {
				return args[0], nil
			}
		}
		s := newSetLike(frozen)
		if len(args) == 1 {
			if err := s.update(t, args[0]); err != nil {
				return Null, err
			}
		}
		return Obj(s), nil
	}
}

func setupSetMethods() {
	setIterType = newBuiltinType("set_iterator", ObjectType)
	addIterMethods(setIterType)
	SetType.new = setNew(false)
	FrozenSetType.new = setNew(true)
	SetType.Dict.SetStr(strHash, None)

	for _, typ := range []*Type{SetType, FrozenSetType} {
		typ := typ
		tn := typ.Name
		frozen := typ == FrozenSetType
		addSetMethod(typ, "__repr__", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
			r, err := t.setRepr(s)
			return StrValue(r), err
		})
		addSetMethod(typ, "__len__", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
			return Int(int64(s.used)), nil
		})
		addSetMethod(typ, "__iter__", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
			return Obj(newSetIter(s)), nil
		})
		addSetMethod(typ, "__contains__", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs(tn+".__contains__", args, kw, 1, 1); err != nil {
				return Null, err
			}
			r, err := t.setContainsValue(s, args[0])
			return Bool(r), err
		})
		if frozen {
			addSetMethod(typ, "__hash__", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
				return Int(frozenSetHash(s)), nil
			})
		}
		addSetMethod(typ, "copy", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs(tn+".copy", args, kw, 0, 0); err != nil {
				return Null, err
			}
			if frozen {
				return Obj(s), nil
			}
			return Obj(t.copySet(s, false)), nil
		})
		addSetMethod(typ, "union", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
			if err := noKw(tn+".union", kw); err != nil {
				return Null, err
			}
			r, err := t.setUnionValue(s, args)
			if err != nil {
				return Null, err
			}
			return Obj(r), nil
		})
		addSetMethod(typ, "intersection", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
			if err := noKw(tn+".intersection", kw); err != nil {
				return Null, err
			}
			if len(args) == 0 {
				return Obj(t.copySet(s, s.frozen)), nil
			}
			r := s
			for _, o := range args {
				var err error
				r, err = t.setIntersectionValue(r, o)
				if err != nil {
					return Null, err
				}
			}
			return Obj(r), nil
		})
		addSetMethod(typ, "difference", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
			if err := noKw(tn+".difference", kw); err != nil {
				return Null, err
			}
			if len(args) == 0 {
				return Obj(t.copySet(s, s.frozen)), nil
			}
			r, err := t.setDifferenceValue(s, args[0])
			if err != nil {
				return Null, err
			}
			for _, o := range args[1:] {
				if err := t.setDifferenceUpdate(r, o); err != nil {
					return Null, err
				}
			}
			return Obj(r), nil
		})
		addSetMethod(typ, "symmetric_difference", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs(tn+".symmetric_difference", args, kw, 1, 1); err != nil {
				return Null, err
			}
			r, err := t.setSymDiffValue(s, args[0])
			if err != nil {
				return Null, err
			}
			return Obj(r), nil
		})
		addSetMethod(typ, "issubset", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs(tn+".issubset", args, kw, 1, 1); err != nil {
				return Null, err
			}
			r, err := t.setIsSubset(s, args[0])
			return Bool(r), err
		})
		addSetMethod(typ, "issuperset", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs(tn+".issuperset", args, kw, 1, 1); err != nil {
				return Null, err
			}
			r, err := t.setIsSuperset(s, args[0])
			return Bool(r), err
		})
		addSetMethod(typ, "isdisjoint", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs(tn+".isdisjoint", args, kw, 1, 1); err != nil {
				return Null, err
			}
			r, err := t.setIsDisjoint(s, args[0])
			return Bool(r), err
		})
		for _, c := range []struct {
			name string
			op   compiler.CompareOp
		}{{"__eq__", compiler.CmpEq}, {"__ne__", compiler.CmpNe}, {"__lt__", compiler.CmpLt},
			{"__le__", compiler.CmpLe}, {"__gt__", compiler.CmpGt}, {"__ge__", compiler.CmpGe}} {
			op := c.op
			addSetMethod(typ, c.name, func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
				if err := checkArgs(tn+"."+cmpNames[op], args, kw, 1, 1); err != nil {
					return Null, err
				}
				o, ok := args[0].o.(*Set)
				if !ok {
					return NotImplemented, nil
				}
				return t.setCompare(op, s, o)
			})
		}
		for _, c := range []struct {
			name    string
			op      compiler.BinaryOp
			reflect bool
		}{{"__or__", compiler.BinOr, false}, {"__and__", compiler.BinAnd, false},
			{"__sub__", compiler.BinSub, false}, {"__xor__", compiler.BinXor, false},
			{"__ror__", compiler.BinOr, true}, {"__rand__", compiler.BinAnd, true},
			{"__rsub__", compiler.BinSub, true}, {"__rxor__", compiler.BinXor, true}} {
			c := c
			addSetMethod(typ, c.name, func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
				if err := checkArgs(tn+"."+c.name, args, kw, 1, 1); err != nil {
					return Null, err
				}
				a, b := Obj(s), args[0]
				if c.reflect {
					a, b = b, a
				}
				r, ok, err := t.setBinary(c.op, a, b)
				if !ok && err == nil {
					return NotImplemented, nil
				}
				return r, err
			})
		}
	}

	tn := "set"
	addSetMethod(SetType, "add", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("set.add", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return None, s.Add(t, args[0])
	})
	addSetMethod(SetType, "remove", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("set.remove", args, kw, 1, 1); err != nil {
			return Null, err
		}
		k, h, err := t.setArgKey(args[0])
		if err != nil {
			return Null, err
		}
		found, err := s.discardEntry(t, k, h)
		if err != nil {
			return Null, err
		}
		if !found {
			return Null, NewException(KeyErrorType, args[0])
		}
		return None, nil
	})
	addSetMethod(SetType, "discard", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("set.discard", args, kw, 1, 1); err != nil {
			return Null, err
		}
		k, h, err := t.setArgKey(args[0])
		if err != nil {
			return Null, err
		}
		_, err = s.discardEntry(t, k, h)
		return None, err
	})
	addSetMethod(SetType, "pop", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("set.pop", args, kw, 0, 0); err != nil {
			return Null, err
		}
		v, ok := s.pop()
		if !ok {
			return Null, Errorf(KeyErrorType, "pop from an empty set")
		}
		return v, nil
	})
	addSetMethod(SetType, "clear", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("set.clear", args, kw, 0, 0); err != nil {
			return Null, err
		}
		s.Clear()
		return None, nil
	})
	addSetMethod(SetType, "update", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
		if err := noKw(tn+".update", kw); err != nil {
			return Null, err
		}
		for _, o := range args {
			if err := s.update(t, o); err != nil {
				return Null, err
			}
		}
		return None, nil
	})
	addSetMethod(SetType, "intersection_update", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
		if err := noKw(tn+".intersection_update", kw); err != nil {
			return Null, err
		}
		r := s
		for _, o := range args {
			var err error
			r, err = t.setIntersectionValue(r, o)
			if err != nil {
				return Null, err
			}
		}
		if r != s {
			s.swapBodies(r)
		}
		return None, nil
	})
	addSetMethod(SetType, "difference_update", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
		if err := noKw(tn+".difference_update", kw); err != nil {
			return Null, err
		}
		for _, o := range args {
			if err := t.setDifferenceUpdate(s, o); err != nil {
				return Null, err
			}
		}
		return None, nil
	})
	addSetMethod(SetType, "symmetric_difference_update", func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs(tn+".symmetric_difference_update", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return None, t.setSymDiffUpdate(s, args[0])
	})
	for _, c := range []struct {
		name string
		op   compiler.BinaryOp
	}{{"__ior__", compiler.BinOr}, {"__iand__", compiler.BinAnd}, {"__isub__", compiler.BinSub}, {"__ixor__", compiler.BinXor}} {
		c := c
		addSetMethod(SetType, c.name, func(t *Thread, s *Set, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs("set."+c.name, args, kw, 1, 1); err != nil {
				return Null, err
			}
			o, ok := args[0].o.(*Set)
			if !ok {
				return NotImplemented, nil
			}
			r, _, err := t.setInplace(c.op, s, o)
			return r, err
		})
	}
}
