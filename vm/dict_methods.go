// dict_methods.go gives dict its methods (get, setdefault, pop, popitem,
// update, keys/values/items, copy, clear, fromkeys, the | operators and
// the special methods), its constructor and its repr, and the dict views
// (dict_keys, dict_values, dict_items) their methods and set algebra.

package vm

import (
	"strings"
	"sync"

	"yflow/lang/compiler"
)

type dictMethodFn func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error)

func addDictMethod(name string, fn dictMethodFn) {
	addMethod(DictType, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		d, ok := self.o.(*Dict)
		if !ok {
			return Null, descrError(name, DictType, self)
		}
		return fn(t, d, args, kw)
	})
}

// dictRepr is repr(dict), "{...}" for a dict containing itself.
func (t *Thread) dictRepr(d *Dict) (string, error) {
	if d.live == 0 {
		return "{}", nil
	}
	if !t.reprEnter(d) {
		return "{...}", nil
	}
	defer t.reprLeave(d)
	if err := t.enterRecursive(); err != nil {
		return "", err
	}
	defer t.leaveRecursive()
	var b strings.Builder
	b.WriteByte('{')
	first := true
	for i := 0; i < len(d.entries); i++ {
		e := d.entries[i]
		if e.key.o == nil {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		r, err := t.Repr(e.key)
		if err != nil {
			return "", err
		}
		b.WriteString(r)
		b.WriteString(": ")
		r, err = t.Repr(e.val)
		if err != nil {
			return "", err
		}
		b.WriteString(r)
	}
	b.WriteByte('}')
	return b.String(), nil
}

// dictMergeArg is dict.update's positional argument: a mapping (anything
// with keys()) or an iterable of key/value pairs.
func (t *Thread) dictMergeArg(d *Dict, arg Value) error {
	if _, ok := arg.o.(*Dict); ok {
		return t.dictUpdate(d, arg, false, Null)
	}
	if arg.Type().LookupString("keys").o != nil {
		return t.dictUpdate(d, arg, false, Null)
	}
	i := 0
	return t.iterate(arg, func(item Value) error {
		var pair []Value
		switch p := item.o.(type) {
		case *Tuple:
			pair = p.items
		case *List:
			pair = p.items
		default:
			if _, err := t.Iter(item); err != nil {
				return Errorf(TypeErrorType, "cannot convert dictionary update sequence element #%d to a sequence", i)
			}
			var err error
			pair, err = t.ToList(item)
			if err != nil {
				return err
			}
		}
		if len(pair) != 2 {
			return Errorf(ValueErrorType, "dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
		}
		i++
		return d.Set(t, pair[0], pair[1])
	})
}

// dictUpdateArgs is dict.update(*args, **kw) and dict(*args, **kw).
func (t *Thread) dictUpdateArgs(d *Dict, name string, args []Value, kw []*Str) error {
	npos := len(args) - len(kw)
	if npos > 1 {
		return Errorf(TypeErrorType, "%s expected at most 1 argument, got %d", name, npos)
	}
	if npos == 1 {
		if err := t.dictMergeArg(d, args[0]); err != nil {
			return err
		}
	}
	for i, k := range kw {
		d.SetStr(k, args[npos+i])
	}
	return nil
}

// dictNew is dict(), dict(mapping), dict(iterable), dict(**kw).
func dictNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	d := NewDict()
	if err := t.dictUpdateArgs(d, "dict", args, kw); err != nil {
		return Null, err
	}
	return Obj(d), nil
}

// dictGetItem is d[k] (with __missing__ for subclasses, when they exist).
func (t *Thread) dictGetItem(d *Dict, k Value) (Value, error) {
	v, ok, err := d.Get(t, k)
	if err != nil {
		return Null, err
	}
	if !ok {
		return Null, NewException(KeyErrorType, k)
	}
	return v, nil
}

// lastEntry returns the index of the last live entry, or -1.
func (d *Dict) lastEntry() int {
	for i := len(d.entries) - 1; i >= 0; i-- {
		if d.entries[i].key.o != nil {
			return i
		}
	}
	return -1
}

// dictReverseIter iterates over a dict's keys, values or items backwards.
func dictReverseIter(d *Dict, kind int) Value {
	names := [...]string{"dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator"}
	i := len(d.entries)
	size := d.live
	return Obj(&funcIter{name: names[kind], next: func(t *Thread) (Value, bool, error) {
		if size < 0 {
			return Null, false, nil
		}
		if d.live != size {
			size = -1
			return Null, false, Errorf(RuntimeErrorType, "dictionary changed size during iteration")
		}
		for {
			i--
			if i < 0 || i >= len(d.entries) {
				size = -1
				return Null, false, nil
			}
			e := d.entries[i]
			if e.key.o == nil {
				continue
			}
			switch kind {
			case 0:
				return e.key, true, nil
			case 1:
				return e.val, true, nil
			}
			return TupleValue(e.key, e.val), true, nil
		}
	}})
}

func setupDictMethods() {
	DictType.new = dictNew
	DictType.Dict.SetStr(strHash, None)
	for _, n := range []string{"dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator"} {
		addIterMethods(funcIterTypes(n))
	}
	addDictMethod("get", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 {
			return Null, Errorf(TypeErrorType, "dict.get() takes no keyword arguments")
		}
		if len(args) < 1 || len(args) > 2 {
			return Null, argCountError("get", args, 1, 2)
		}
		v, ok, err := d.Get(t, args[0])
		if err != nil {
			return Null, err
		}
		if ok {
			return v, nil
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return None, nil
	})
	addDictMethod("setdefault", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 {
			return Null, Errorf(TypeErrorType, "dict.setdefault() takes no keyword arguments")
		}
		if len(args) < 1 || len(args) > 2 {
			return Null, argCountError("setdefault", args, 1, 2)
		}
		v, ok, err := d.Get(t, args[0])
		if err != nil {
			return Null, err
		}
		if ok {
			return v, nil
		}
		def := None
		if len(args) == 2 {
			def = args[1]
		}
		return def, d.Set(t, args[0], def)
	})
	addDictMethod("pop", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 {
			return Null, Errorf(TypeErrorType, "dict.pop() takes no keyword arguments")
		}
		if len(args) < 1 || len(args) > 2 {
			return Null, argCountError("pop", args, 1, 2)
		}
		v, ok, err := d.Pop(t, args[0])
		if err != nil {
			return Null, err
		}
		if ok {
			return v, nil
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return Null, NewException(KeyErrorType, args[0])
	})
	addDictMethod("popitem", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("dict.popitem", args, kw, 0, 0); err != nil {
			return Null, err
		}
		i := d.lastEntry()
		if i < 0 {
			return Null, Errorf(KeyErrorType, "popitem(): dictionary is empty")
		}
		e := d.entries[i]
		d.removeAt(i)
		return TupleValue(e.key, e.val), nil
	})
	addDictMethod("update", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		return None, t.dictUpdateArgs(d, "update", args, kw)
	})
	for kind, name := range []string{"keys", "values", "items"} {
		kind := kind
		name := name
		addDictMethod(name, func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs("dict."+name, args, kw, 0, 0); err != nil {
				return Null, err
			}
			return Obj(newDictView(d, kind)), nil
		})
	}
	addDictMethod("copy", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("dict.copy", args, kw, 0, 0); err != nil {
			return Null, err
		}
		return Obj(d.Copy()), nil
	})
	addDictMethod("clear", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("dict.clear", args, kw, 0, 0); err != nil {
			return Null, err
		}
		d.Clear()
		return None, nil
	})
	addClassMethod(DictType, "fromkeys", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 {
			return Null, Errorf(TypeErrorType, "dict.fromkeys() takes no keyword arguments")
		}
		if len(args) < 1 || len(args) > 2 {
			return Null, argCountError("fromkeys", args, 1, 2)
		}
		val := None
		if len(args) == 2 {
			val = args[1]
		}
		var r Value
		if cls, ok := self.o.(*Type); ok && cls != DictType {
			var err error
			r, err = t.Call(self, nil, nil)
			if err != nil {
				return Null, err
			}
		} else {
			r = Obj(NewDict())
		}
		err := t.iterate(args[0], func(k Value) error { return t.SetItem(r, k, val) })
		if err != nil {
			return Null, err
		}
		return r, nil
	})
	addDictMethod("__repr__", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		r, err := t.dictRepr(d)
		return StrValue(r), err
	})
	addDictMethod("__len__", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		return Int(int64(d.live)), nil
	})
	addDictMethod("__getitem__", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("dict.__getitem__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return t.dictGetItem(d, args[0])
	})
	addDictMethod("__setitem__", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("__setitem__", args, kw, 2, 2); err != nil {
			return Null, err
		}
		return None, d.Set(t, args[0], args[1])
	})
	addDictMethod("__delitem__", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("dict.__delitem__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return None, t.DelItem(Obj(d), args[0])
	})
	addDictMethod("__contains__", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("dict.__contains__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		_, ok, err := d.Get(t, args[0])
		return Bool(ok), err
	})
	addDictMethod("__iter__", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		return Obj(&dictIter{d: d, ver: d.live}), nil
	})
	addDictMethod("__reversed__", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		return dictReverseIter(d, 0), nil
	})
	addDictMethod("__or__", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("dict.__or__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		o, ok := args[0].o.(*Dict)
		if !ok {
			return NotImplemented, nil
		}
		r := d.Copy()
		return Obj(r), t.dictUpdate(r, Obj(o), false, Null)
	})
	addDictMethod("__ror__", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("dict.__ror__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		o, ok := args[0].o.(*Dict)
		if !ok {
			return NotImplemented, nil
		}
		r := o.Copy()
		return Obj(r), t.dictUpdate(r, Obj(d), false, Null)
	})
	addDictMethod("__ior__", func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("dict.__ior__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return Obj(d), t.dictMergeArg(d, args[0])
	})
	for op, name := range cmpNames {
		op := compiler.CompareOp(op)
		addDictMethod(name, func(t *Thread, d *Dict, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs("dict."+cmpNames[op], args, kw, 1, 1); err != nil {
				return Null, err
			}
			o, ok := args[0].o.(*Dict)
			if !ok || (op != compiler.CmpEq && op != compiler.CmpNe) {
				return NotImplemented, nil
			}
			eq, err := t.dictEqual(d, o)
			return Bool(eq == (op == compiler.CmpEq)), err
		})
	}
}

// argCountError is CPython's "name expected at least/most N argument(s), got M".
func argCountError(name string, args []Value, min, max int) error {
	if len(args) < min {
		return Errorf(TypeErrorType, "%s expected at least %d argument%s, got %d", name, min, plural(min), len(args))
	}
	return Errorf(TypeErrorType, "%s expected at most %d argument%s, got %d", name, max, plural(max), len(args))
}

// ---------------------------------------------------------------- views

var dictViewOnce sync.Once

// newDictView makes d.keys() (kind 0), d.values() (1) or d.items() (2).
// The view types are created by setupIterTypes, which runs after
// setupDictMethods, so their methods are installed on first use.
func newDictView(d *Dict, kind int) *DictView {
	dictViewOnce.Do(setupDictViewMethods)
	return &DictView{d: d, kind: kind}
}

var dictViewNames = [...]string{"dict_keys", "dict_values", "dict_items"}

// dictViewRepr is repr(view): dict_keys([...]).
func (t *Thread) dictViewRepr(v *DictView) (string, error) {
	name := dictViewNames[v.kind]
	if !t.reprEnter(v) {
		return "...", nil
	}
	defer t.reprLeave(v)
	items, err := t.ToList(Obj(v))
	if err != nil {
		return "", err
	}
	r, err := t.listRepr(NewList(items))
	if err != nil {
		return "", err
	}
	return name + "(" + r + ")", nil
}

// dictViewContains is `x in view`.
func (t *Thread) dictViewContains(v *DictView, x Value) (bool, error) {
	switch v.kind {
	case 0:
		_, ok, err := v.d.Get(t, x)
		return ok, err
	case 2:
		tp, ok := x.o.(*Tuple)
		if !ok || len(tp.items) != 2 {
			return false, nil
		}
		val, ok, err := v.d.Get(t, tp.items[0])
		if err != nil || !ok {
			return false, err
		}
		return t.richEq(val, tp.items[1])
	}
	found := false
	for i := 0; i < len(v.d.entries); i++ {
		e := v.d.entries[i]
		if e.key.o == nil {
			continue
		}
		eq, err := t.richEq(e.val, x)
		if err != nil {
			return false, err
		}
		if eq {
			found = true
			break
		}
	}
	return found, nil
}

// isSetLike reports whether v is a set, frozenset, dict_keys or dict_items.
func isSetLike(v Value) bool {
	switch x := v.o.(type) {
	case *Set:
		return true
	case *DictView:
		return x.kind != 1
	}
	return false
}

// allContainedIn reports whether every item of a is in b.
func (t *Thread) allContainedIn(a, b Value) (bool, error) {
	res := true
	err := t.iterate(a, func(item Value) error {
		in, err := t.Contains(b, item)
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

// dictViewCompare is CPython's dictview_richcompare (x a keys or items
// view); ok is false when the operands do not compare that way.
func (t *Thread) dictViewCompare(op compiler.CompareOp, x *DictView, b Value) (Value, bool, error) {
	if x.kind == 1 || !isSetLike(b) {
		return Null, false, nil
	}
	a := Obj(x)
	la := x.d.live
	lb, err := t.Len(b)
	if err != nil {
		return Null, true, err
	}
	ok := false
	switch op {
	case compiler.CmpEq, compiler.CmpNe:
		if la == lb {
			ok, err = t.allContainedIn(a, b)
		}
		if op == compiler.CmpNe {
			ok = !ok
		}
	case compiler.CmpLt:
		if la < lb {
			ok, err = t.allContainedIn(a, b)
		}
	case compiler.CmpLe:
		if la <= lb {
			ok, err = t.allContainedIn(a, b)
		}
	case compiler.CmpGt:
		if la > lb {
			ok, err = t.allContainedIn(b, a)
		}
	case compiler.CmpGe:
		if la >= lb {
			ok, err = t.allContainedIn(b, a)
		}
	}
	if err != nil {
		return Null, true, err
	}
	return Bool(ok), true, nil
}

// dictViewToSet is CPython's dictviews_to_set.
func (t *Thread) dictViewToSet(v Value) (*Set, error) {
	if dv, ok := v.o.(*DictView); ok && dv.kind == 0 {
		v = Obj(dv.d)
	}
	s := NewSet()
	if err := s.update(t, v); err != nil {
		return nil, err
	}
	return s, nil
}

// dictViewBinary is CPython's dictviews_or/and/sub/xor, where one of a and
// b is a keys or items view; it returns NULL when op is not one of them.
func (t *Thread) dictViewBinary(op compiler.BinaryOp, a, b Value) (Value, error) {
	switch op {
	case compiler.BinOr, compiler.BinSub:
		r, err := t.dictViewToSet(a)
		if err != nil {
			return Null, err
		}
		if op == compiler.BinOr {
			err = r.update(t, b)
		} else {
			err = t.setDifferenceUpdate(r, b)
		}
		if err != nil {
			return Null, err
		}
		return Obj(r), nil
	case compiler.BinXor:
		if x, ok := a.o.(*DictView); ok && x.kind == 2 {
			if y, ok := b.o.(*DictView); ok && y.kind == 2 {
				return t.dictItemsXor(x.d, y.d)
			}
		}
		r, err := t.dictViewToSet(a)
		if err != nil {
			return Null, err
		}
		if err := t.setSymDiffUpdate(r, b); err != nil {
			return Null, err
		}
		return Obj(r), nil
	case compiler.BinAnd:
		self, other := a, b
		if _, ok := self.o.(*DictView); !ok {
			self, other = other, self
		}
		sv := self.o.(*DictView)
		if os, ok := other.o.(*Set); ok && !os.frozen && sv.d.live <= os.used {
			r, err := t.setIntersectionValue(os, self)
			if err != nil {
				return Null, err
			}
			return Obj(r), nil
		}
		if ov, ok := other.o.(*DictView); ok && ov.kind != 1 && ov.d.live > sv.d.live {
			self, other = other, self
			sv = ov
		}
		r := NewSet()
		err := t.iterate(other, func(k Value) error {
			in, err := t.dictViewContains(sv, k)
			if err != nil || !in {
				return err
			}
			return r.Add(t, k)
		})
		if err != nil {
			return Null, err
		}
		return Obj(r), nil
	}
	return Null, nil
}

// dictItemsXor is CPython's dictitems_xor.
func (t *Thread) dictItemsXor(d1, d2 *Dict) (Value, error) {
	tmp := d1.Copy()
	r := NewSet()
	for i := 0; i < len(d2.entries); i++ {
		e := d2.entries[i]
		if e.key.o == nil {
			continue
		}
		v1, ok, err := tmp.Get(t, e.key)
		if err != nil {
			return Null, err
		}
		del := false
		if ok {
			if del, err = t.richEq(v1, e.val); err != nil {
				return Null, err
			}
		}
		if del {
			if _, err := tmp.Delete(t, e.key); err != nil {
				return Null, err
			}
		} else if err := r.Add(t, TupleValue(e.key, e.val)); err != nil {
			return Null, err
		}
	}
	if err := r.update(t, Obj(newDictView(tmp, 2))); err != nil {
		return Null, err
	}
	return Obj(r), nil
}

type viewMethodFn func(t *Thread, v *DictView, args []Value, kw []*Str) (Value, error)

func setupDictViewMethods() {
	for kind, typ := range []*Type{dictKeysType, dictValuesType, dictItemsType} {
		kind := kind
		typ := typ
		add := func(name string, fn viewMethodFn) {
			addMethod(typ, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				v, ok := self.o.(*DictView)
				if !ok || v.kind != kind {
					return Null, descrError(name, typ, self)
				}
				return fn(t, v, args, kw)
			})
		}
		add("__repr__", func(t *Thread, v *DictView, args []Value, kw []*Str) (Value, error) {
			r, err := t.dictViewRepr(v)
			return StrValue(r), err
		})
		add("__len__", func(t *Thread, v *DictView, args []Value, kw []*Str) (Value, error) {
			return Int(int64(v.d.live)), nil
		})
		add("__iter__", func(t *Thread, v *DictView, args []Value, kw []*Str) (Value, error) {
			return Obj(&dictIter{d: v.d, kind: v.kind, ver: v.d.live}), nil
		})
		add("__reversed__", func(t *Thread, v *DictView, args []Value, kw []*Str) (Value, error) {
			return dictReverseIter(v.d, v.kind), nil
		})
		add("__contains__", func(t *Thread, v *DictView, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs(typ.Name+".__contains__", args, kw, 1, 1); err != nil {
				return Null, err
			}
			r, err := t.dictViewContains(v, args[0])
			return Bool(r), err
		})
		if kind == 1 {
			continue
		}
		typ.Dict.SetStr(strHash, None)
		add("isdisjoint", func(t *Thread, v *DictView, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs("isdisjoint", args, kw, 1, 1); err != nil {
				return Null, err
			}
			self, other := Obj(v), args[0]
			if s, ok := other.o.(*DictView); ok && s == v {
				return Bool(v.d.live == 0), nil
			}
			if isSetLike(other) {
				n, err := t.Len(other)
				if err != nil {
					return Null, err
				}
				if n > v.d.live {
					self, other = other, self
				}
			}
			res := true
			err := t.iterate(other, func(item Value) error {
				in, err := t.Contains(self, item)
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
			return Bool(res), err
		})
		for op, name := range cmpNames {
			op := compiler.CompareOp(op)
			add(name, func(t *Thread, v *DictView, args []Value, kw []*Str) (Value, error) {
				if err := checkArgs(name, args, kw, 1, 1); err != nil {
					return Null, err
				}
				r, ok, err := t.dictViewCompare(op, v, args[0])
				if !ok && err == nil {
					return NotImplemented, nil
				}
				return r, err
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
			add(c.name, func(t *Thread, v *DictView, args []Value, kw []*Str) (Value, error) {
				if err := checkArgs(c.name, args, kw, 1, 1); err != nil {
					return Null, err
				}
				a, b := Obj(v), args[0]
				if c.reflect {
					a, b = b, a
				}
				return t.dictViewBinary(c.op, a, b)
			})
		}
	}
}
