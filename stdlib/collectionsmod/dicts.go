// dicts.go implements the dict-like classes of collections —
// defaultdict, OrderedDict and Counter — as native classes whose payload
// is a *vm.Dict, with CPython's methods, reprs and errors.

package collectionsmod

import (
	"sort"
	"strings"

	"yflow/lang/compiler"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

type dictKind int

const (
	kindDefault dictKind = iota
	kindOrdered
	kindCounter
)

type dictData struct {
	d       *vm.Dict
	factory vm.Value // defaultdict's default_factory (None when unset)
	kind    dictKind
}

func (*dictData) Type() *vm.Type { return payloadType }

var dictClasses [3]*vm.Type

// DictOf returns the dict behind a defaultdict, OrderedDict or Counter
// (or a plain dict), for modules such as json; ok is false otherwise.
func DictOf(v vm.Value) (*vm.Dict, bool) {
	if d, ok := v.Object().(*vm.Dict); ok {
		return d, true
	}
	if p, ok := vm.NativePayload(v); ok {
		if dd, ok := p.(*dictData); ok {
			return dd.d, true
		}
	}
	return nil, false
}

func dictDataOf(self vm.Value, name string, kind dictKind) (*dictData, error) {
	p, ok := vm.NativePayload(self)
	if ok {
		if p == nil {
			d := &dictData{d: vm.NewDict(), factory: vm.None, kind: kind}
			vm.SetNativePayload(self, d)
			return d, nil
		}
		if d, ok := p.(*dictData); ok && d.kind == kind {
			return d, nil
		}
	}
	return nil, vm.DescriptorError(name, dictClasses[kind], self)
}

// dictRepr is repr() of a dict's items: {k: v, ...}.
func dictRepr(t *vm.Thread, keys, vals []vm.Value) (string, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		k, err := t.Repr(keys[i])
		if err != nil {
			return "", err
		}
		v, err := t.Repr(vals[i])
		if err != nil {
			return "", err
		}
		b.WriteString(k + ": " + v)
	}
	b.WriteByte('}')
	return b.String(), nil
}

func entries(d *vm.Dict) (keys, vals []vm.Value) {
	d.Items(func(k, v vm.Value) bool {
		keys = append(keys, k)
		vals = append(vals, v)
		return true
	})
	return
}

// update merges a mapping or an iterable of pairs, then keywords, into d
// (dict.update's rules); add, when set, combines old and new values.
func update(t *vm.Thread, d *vm.Dict, args []vm.Value, kw []*vm.Str, name string, add func(old, new vm.Value) (vm.Value, error)) error {
	npos := len(args) - len(kw)
	if npos > 1 {
		return vm.Errorf(vm.TypeErrorType, "%s expected at most 1 argument, got %d", name, npos)
	}
	set := func(k, v vm.Value) error {
		if add != nil {
			old, ok, err := d.Get(t, k)
			if err != nil {
				return err
			}
			if !ok {
				old = vm.Int(0)
			}
			if v, err = add(old, v); err != nil {
				return err
			}
		}
		return d.Set(t, k, v)
	}
	if npos == 1 {
		src := args[0]
		if sd, ok := DictOf(src); ok {
			ks, vs := entries(sd)
			for i := range ks {
				if err := set(ks[i], vs[i]); err != nil {
					return err
				}
			}
		} else if !src.Type().LookupString("keys").IsNull() {
			keys, err := t.CallMethod(src, "keys", nil, nil)
			if err != nil {
				return err
			}
			if err := t.Iterate(keys, func(k vm.Value) error {
				v, err := t.GetItem(src, k)
				if err != nil {
					return err
				}
				return set(k, v)
			}); err != nil {
				return err
			}
		} else {
			i := 0
			if err := t.Iterate(src, func(item vm.Value) error {
				if _, err := t.Iter(item); err != nil {
					return vm.Errorf(vm.TypeErrorType, "cannot convert dictionary update sequence element #%d to a sequence", i)
				}
				kv, err := t.ToList(item)
				if err != nil {
					return err
				}
				if len(kv) != 2 {
					return vm.Errorf(vm.ValueErrorType, "dictionary update sequence element #%d has length %d; 2 is required", i, len(kv))
				}
				i++
				return set(kv[0], kv[1])
			}); err != nil {
				return err
			}
		}
	}
	for i, k := range kw {
		if err := set(vm.Obj(k), args[npos+i]); err != nil {
			return err
		}
	}
	return nil
}

// counterUpdate is Counter.update / subtract: counts from a mapping or
// an iterable of elements, then keywords.
func counterUpdate(t *vm.Thread, d *vm.Dict, args []vm.Value, kw []*vm.Str, name string, op compiler.BinaryOp) error {
	npos := len(args) - len(kw)
	if npos > 1 {
		return vm.Errorf(vm.TypeErrorType, "expected at most 1 arguments, got %d", npos)
	}
	combine := func(old, v vm.Value) (vm.Value, error) { return t.BinaryOp(op, old, v) }
	if npos == 1 && !args[0].IsNone() {
		src := args[0]
		_, isDict := DictOf(src)
		if isDict || !src.Type().LookupString("keys").IsNull() {
			if err := update(t, d, []vm.Value{src}, nil, name, combine); err != nil {
				return err
			}
		} else {
			if err := t.Iterate(src, func(k vm.Value) error {
				old, ok, err := d.Get(t, k)
				if err != nil {
					return err
				}
				if !ok {
					old = vm.Int(0)
				}
				nv, err := t.BinaryOp(op, old, vm.Int(1))
				if err != nil {
					return err
				}
				return d.Set(t, k, nv)
			}); err != nil {
				return err
			}
		}
	}
	if len(kw) > 0 {
		return update(t, d, args[npos:], kw, name, combine)
	}
	return nil
}

func makeDictClass(t *vm.Thread, name string, kind dictKind) (*vm.Type, error) {
	cls, err := vm.NewNativeClass(t, name, "collections", nil, nil)
	if err != nil {
		return nil, err
	}
	dictClasses[kind] = cls
	type fn = func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error)
	method := func(mname string, min, max int, f fn) {
		vm.AddMethod(cls, mname, func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			d, err := dictDataOf(self, mname, kind)
			if err != nil {
				return vm.Null, err
			}
			if min >= 0 {
				if err := vm.CheckArgs(mname, args, kw, min, max); err != nil {
					return vm.Null, err
				}
			}
			return f(t, d, self, args, kw)
		})
	}
	// construction
	method("__init__", -1, -1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		switch kind {
		case kindDefault:
			npos := len(args) - len(kw)
			if npos > 0 {
				f := args[0]
				if !f.IsNone() && !vm.Callable(f) {
					return vm.Null, vm.Errorf(vm.TypeErrorType, "first argument must be callable or None")
				}
				d.factory = f
				args = args[1:]
			}
			return vm.None, update(t, d.d, args, kw, "defaultdict", nil)
		case kindCounter:
			return vm.None, counterUpdate(t, d.d, args, kw, "update", compiler.BinAdd)
		}
		return vm.None, update(t, d.d, args, kw, name, nil)
	})
	// item access
	method("__getitem__", 1, 1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		v, ok, err := d.d.Get(t, args[0])
		if err != nil || ok {
			return v, err
		}
		if !self.Type().LookupString("__missing__").IsNull() {
			return t.CallMethod(self, "__missing__", args, nil)
		}
		return vm.Null, vm.NewException(vm.KeyErrorType, args[0])
	})
	method("__setitem__", 2, 2, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return vm.None, d.d.Set(t, args[0], args[1])
	})
	method("__delitem__", 1, 1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		ok, err := d.d.Delete(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		if !ok && kind != kindCounter {
			return vm.Null, vm.NewException(vm.KeyErrorType, args[0])
		}
		return vm.None, nil
	})
	method("__len__", 0, 0, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return vm.Int(int64(d.d.Len())), nil
	})
	method("__iter__", 0, 0, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return t.Iter(vm.Obj(d.d))
	})
	method("__reversed__", 0, 0, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		keys := d.d.Keys()
		i := len(keys)
		return vm.NewIterator("dict_reversekeyiterator", func(t *vm.Thread) (vm.Value, bool, error) {
			if i == 0 {
				return vm.Null, false, nil
			}
			i--
			return keys[i], true, nil
		}), nil
	})
	method("__contains__", 1, 1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		_, ok, err := d.d.Get(t, args[0])
		return vm.Bool(ok), err
	})
	for i, vname := range []string{"keys", "values", "items"} {
		i := i
		method(vname, 0, 0, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			return vm.NewDictView(d.d, i), nil
		})
	}
	method("get", 1, 2, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		v, ok, err := d.d.Get(t, args[0])
		if err != nil || ok {
			return v, err
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return vm.None, nil
	})
	method("setdefault", 1, 2, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		v, ok, err := d.d.Get(t, args[0])
		if err != nil || ok {
			return v, err
		}
		def := vm.None
		if len(args) == 2 {
			def = args[1]
		}
		return def, d.d.Set(t, args[0], def)
	})
	method("pop", 1, 2, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		v, ok, err := d.d.Pop(t, args[0])
		if err != nil || ok {
			return v, err
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return vm.Null, vm.NewException(vm.KeyErrorType, args[0])
	})
	method("clear", 0, 0, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d.d.Clear()
		return vm.None, nil
	})
	if kind != kindCounter {
		method("update", -1, -1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			return vm.None, update(t, d.d, args, kw, "update", nil)
		})
	}
	copyFn := func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if self.Type() == cls {
			return vm.NewNativeInstance(cls, &dictData{d: d.d.Copy(), factory: d.factory, kind: kind}), nil
		}
		if kind == kindDefault {
			return t.Call(vm.Obj(self.Type()), []vm.Value{d.factory, self}, nil)
		}
		return t.Call(vm.Obj(self.Type()), []vm.Value{self}, nil)
	}
	method("copy", 0, 0, copyFn)
	method("__copy__", 0, 0, copyFn)
	vm.AddClassMethod(cls, "fromkeys", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if kind == kindCounter {
			return vm.Null, vm.Errorf(vm.NotImplementedErrorType, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")
		}
		if err := vm.CheckArgs("fromkeys", args, kw, 1, 2); err != nil {
			return vm.Null, err
		}
		val := vm.None
		if len(args) == 2 {
			val = args[1]
		}
		obj, err := t.Call(self, nil, nil)
		if err != nil {
			return vm.Null, err
		}
		err = t.Iterate(args[0], func(k vm.Value) error {
			return t.SetItem(obj, k, val)
		})
		return obj, err
	})
	vm.SetClassAttr(cls, "__hash__", vm.None)
	method("popitem", -1, -1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		last := true
		if kind == kindOrdered {
			var lv vm.Value
			if err := vm.UnpackArgs("popitem", args, kw, []string{"last"}, 0, &lv); err != nil {
				return vm.Null, err
			}
			if !lv.IsNull() {
				b, err := t.Truth(lv)
				if err != nil {
					return vm.Null, err
				}
				last = b
			}
		} else if err := vm.CheckArgs("popitem", args, kw, 0, 0); err != nil {
			return vm.Null, err
		}
		keys := d.d.Keys()
		if len(keys) == 0 {
			if kind == kindOrdered {
				return vm.Null, vm.Errorf(vm.KeyErrorType, "dictionary is empty")
			}
			return vm.Null, vm.Errorf(vm.KeyErrorType, "popitem(): dictionary is empty")
		}
		k := keys[len(keys)-1]
		if !last {
			k = keys[0]
		}
		v, _, err := d.d.Pop(t, k)
		return vm.TupleValue(k, v), err
	})
	// equality
	method("__eq__", 1, 1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return dictEq(t, d, args[0])
	})
	method("__ne__", 1, 1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		r, err := dictEq(t, d, args[0])
		if err != nil || r.Is(vm.NotImplemented) {
			return r, err
		}
		return vm.Bool(!r.Is(vm.True)), nil
	})
	method("__or__", 1, 1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if kind == kindCounter {
			return counterBinary(t, d, args[0], "|")
		}
		if _, ok := DictOf(args[0]); !ok {
			return vm.NotImplemented, nil
		}
		n, err := copyFn(t, d, self, nil, nil)
		if err != nil {
			return vm.Null, err
		}
		nd, _ := DictOf(n)
		return n, update(t, nd, args, nil, "update", nil)
	})
	method("__ior__", 1, 1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if kind == kindCounter {
			r, err := counterBinary(t, d, args[0], "|")
			if err != nil || r.Is(vm.NotImplemented) {
				return r, err
			}
			nd, _ := DictOf(r)
			d.d.Clear()
			return self, update(t, d.d, []vm.Value{vm.Obj(nd)}, nil, "update", nil)
		}
		return self, update(t, d.d, args, nil, "update", nil)
	})

	switch kind {
	case kindDefault:
		vm.SetClassAttr(cls, "default_factory", vm.NewProperty(
			vm.Obj(vm.NewBuiltin("default_factory", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
				d, err := dictDataOf(args[0], "default_factory", kind)
				if err != nil {
					return vm.Null, err
				}
				return d.factory, nil
			})),
			vm.Obj(vm.NewBuiltin("default_factory", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
				d, err := dictDataOf(args[0], "default_factory", kind)
				if err != nil {
					return vm.Null, err
				}
				d.factory = args[1]
				return vm.None, nil
			}))))
		method("__missing__", 1, 1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if d.factory.IsNone() || d.factory.IsNull() {
				return vm.Null, vm.NewException(vm.KeyErrorType, args[0])
			}
			v, err := t.Call(d.factory, nil, nil)
			if err != nil {
				return vm.Null, err
			}
			return v, t.SetItem(self, args[0], v)
		})
		method("__repr__", 0, 0, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			return reprWith(t, self, func() (string, error) {
				f := "None"
				if !d.factory.IsNone() {
					if reprActive(d.factory) {
						f = "..."
					} else {
						var err error
						f, err = t.Repr(d.factory)
						reprDone(d.factory)
						if err != nil {
							return "", err
						}
					}
				}
				ks, vs := entries(d.d)
				r, err := dictRepr(t, ks, vs)
				return self.Type().Name + "(" + f + ", " + r + ")", err
			}, "...")
		})
	case kindOrdered:
		method("move_to_end", -1, -1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			var k, lv vm.Value
			if err := vm.UnpackArgs("move_to_end", args, kw, []string{"key", "last"}, 1, &k, &lv); err != nil {
				return vm.Null, err
			}
			last := true
			if !lv.IsNull() {
				b, err := t.Truth(lv)
				if err != nil {
					return vm.Null, err
				}
				last = b
			}
			v, ok, err := d.d.Pop(t, k)
			if err != nil {
				return vm.Null, err
			}
			if !ok {
				return vm.Null, vm.NewException(vm.KeyErrorType, k)
			}
			if last {
				return vm.None, d.d.Set(t, k, v)
			}
			ks, vs := entries(d.d)
			d.d.Clear()
			if err := d.d.Set(t, k, v); err != nil {
				return vm.Null, err
			}
			for i := range ks {
				if err := d.d.Set(t, ks[i], vs[i]); err != nil {
					return vm.Null, err
				}
			}
			return vm.None, nil
		})
		method("__repr__", 0, 0, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			return reprWith(t, self, func() (string, error) {
				name := self.Type().Name
				if d.d.Len() == 0 {
					return name + "()", nil
				}
				var b strings.Builder
				b.WriteString(name + "([")
				ks, vs := entries(d.d)
				for i := range ks {
					if i > 0 {
						b.WriteString(", ")
					}
					r, err := t.Repr(vm.TupleValue(ks[i], vs[i]))
					if err != nil {
						return "", err
					}
					b.WriteString(r)
				}
				b.WriteString("])")
				return b.String(), nil
			}, "...")
		})
	case kindCounter:
		method("__missing__", 1, 1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			return vm.Int(0), nil
		})
		method("update", -1, -1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			return vm.None, counterUpdate(t, d.d, args, kw, "update", compiler.BinAdd)
		})
		method("subtract", -1, -1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			return vm.None, counterUpdate(t, d.d, args, kw, "subtract", compiler.BinSub)
		})
		method("total", 0, 0, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			acc := vm.Int(0)
			_, vs := entries(d.d)
			for _, v := range vs {
				r, err := t.BinaryOp(compiler.BinAdd, acc, v)
				if err != nil {
					return vm.Null, err
				}
				acc = r
			}
			return acc, nil
		})
		method("most_common", -1, -1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			var nv vm.Value
			if err := vm.UnpackArgs("most_common", args, kw, []string{"n"}, 0, &nv); err != nil {
				return vm.Null, err
			}
			items, err := mostCommon(t, d.d)
			if err != nil {
				return vm.Null, err
			}
			if !nv.IsNull() && !nv.IsNone() {
				n, err := modutil.Int64(t, nv)
				if err != nil {
					return vm.Null, err
				}
				if n < 0 {
					n = 0
				}
				if int(n) < len(items) {
					items = items[:n]
				}
			}
			return vm.Obj(vm.NewList(items)), nil
		})
		method("elements", 0, 0, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			ks, vs := entries(d.d)
			i, j := 0, int64(0)
			return vm.NewIterator("itertools.chain", func(t *vm.Thread) (vm.Value, bool, error) {
				for i < len(ks) {
					n, err := modutil.Int64(t, vs[i])
					if err != nil {
						return vm.Null, false, err
					}
					if j < n {
						j++
						return ks[i], true, nil
					}
					i, j = i+1, 0
				}
				return vm.Null, false, nil
			}), nil
		})
		method("__repr__", 0, 0, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			return reprWith(t, self, func() (string, error) {
				name := self.Type().Name
				if d.d.Len() == 0 {
					return name + "()", nil
				}
				var ks, vs []vm.Value
				items, err := mostCommon(t, d.d)
				if err != nil {
					ks, vs = entries(d.d)
				} else {
					for _, it := range items {
						p := it.Object().(*vm.Tuple).Items()
						ks = append(ks, p[0])
						vs = append(vs, p[1])
					}
				}
				r, err := dictRepr(t, ks, vs)
				return name + "(" + r + ")", err
			}, "...")
		})
		for _, op := range []string{"+", "-", "&"} {
			op := op
			mname := map[string]string{"+": "__add__", "-": "__sub__", "&": "__and__"}[op]
			method(mname, 1, 1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
				return counterBinary(t, d, args[0], op)
			})
			iname := map[string]string{"+": "__iadd__", "-": "__isub__", "&": "__iand__"}[op]
			method(iname, 1, 1, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
				r, err := counterBinary(t, d, args[0], op)
				if err != nil || r.Is(vm.NotImplemented) {
					return r, err
				}
				nd, _ := DictOf(r)
				d.d.Clear()
				return self, update(t, d.d, []vm.Value{vm.Obj(nd)}, nil, "update", nil)
			})
		}
		unary := func(mname string, neg bool) {
			method(mname, 0, 0, func(t *vm.Thread, d *dictData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
				res := vm.NewDict()
				ks, vs := entries(d.d)
				for i := range ks {
					v := vs[i]
					if neg {
						var err error
						if v, err = t.BinaryOp(compiler.BinSub, vm.Int(0), v); err != nil {
							return vm.Null, err
						}
					}
					pos, err := t.Compare(compiler.CmpGt, v, vm.Int(0))
					if err != nil {
						return vm.Null, err
					}
					if pos.Is(vm.True) {
						if err := res.Set(t, ks[i], v); err != nil {
							return vm.Null, err
						}
					}
				}
				return vm.NewNativeInstance(cls, &dictData{d: res, factory: vm.None, kind: kind}), nil
			})
		}
		unary("__pos__", false)
		unary("__neg__", true)
	}
	return cls, nil
}

// reprWith runs a repr with recursion protection, answering rec for a
// container already being shown.
func reprWith(t *vm.Thread, self vm.Value, f func() (string, error), rec string) (vm.Value, error) {
	if err := t.ReprEnter(); err != nil {
		return vm.Null, err
	}
	defer t.ReprLeave()
	if reprActive(self) {
		return vm.StrValue(rec), nil
	}
	defer reprDone(self)
	s, err := f()
	if err != nil {
		return vm.Null, err
	}
	return vm.StrValue(s), nil
}

// mostCommon lists a Counter's (elem, count) pairs, largest count first,
// ties in insertion order.
func mostCommon(t *vm.Thread, d *vm.Dict) ([]vm.Value, error) {
	ks, vs := entries(d)
	idx := make([]int, len(ks))
	for i := range idx {
		idx[i] = i
	}
	var serr error
	sort.SliceStable(idx, func(a, b int) bool {
		if serr != nil {
			return false
		}
		less, err := t.Less(vs[idx[b]], vs[idx[a]])
		if err != nil {
			serr = err
		}
		return less
	})
	if serr != nil {
		return nil, serr
	}
	out := make([]vm.Value, len(idx))
	for i, j := range idx {
		out[i] = vm.TupleValue(ks[j], vs[j])
	}
	return out, nil
}

func dictEq(t *vm.Thread, d *dictData, other vm.Value) (vm.Value, error) {
	od, ok := DictOf(other)
	if !ok {
		return vm.NotImplemented, nil
	}
	if p, _ := vm.NativePayload(other); p != nil {
		if o, ok := p.(*dictData); ok {
			if d.kind == kindCounter && o.kind == kindCounter {
				return counterEq(t, d.d, o.d)
			}
			if d.kind == kindOrdered && o.kind == kindOrdered {
				k1, v1 := entries(d.d)
				k2, v2 := entries(o.d)
				if len(k1) != len(k2) {
					return vm.False, nil
				}
				for i := range k1 {
					for _, pair := range [][2]vm.Value{{k1[i], k2[i]}, {v1[i], v2[i]}} {
						eq, err := t.Equal(pair[0], pair[1])
						if err != nil || !eq {
							return vm.False, err
						}
					}
				}
				return vm.True, nil
			}
		}
	}
	eq, err := t.Equal(vm.Obj(d.d), vm.Obj(od))
	return vm.Bool(eq), err
}

func counterEq(t *vm.Thread, a, b *vm.Dict) (vm.Value, error) {
	for _, pair := range [][2]*vm.Dict{{a, b}, {b, a}} {
		ks, vs := entries(pair[0])
		for i := range ks {
			ov, ok, err := pair[1].Get(t, ks[i])
			if err != nil {
				return vm.Null, err
			}
			if !ok {
				ov = vm.Int(0)
			}
			eq, err := t.Equal(vs[i], ov)
			if err != nil || !eq {
				return vm.False, err
			}
		}
	}
	return vm.True, nil
}

// counterBinary is Counter + - | & (keeping only positive counts).
func counterBinary(t *vm.Thread, d *dictData, other vm.Value, op string) (vm.Value, error) {
	p, _ := vm.NativePayload(other)
	o, ok := p.(*dictData)
	if !ok || o.kind != kindCounter {
		return vm.NotImplemented, nil
	}
	res := vm.NewDict()
	positive := func(v vm.Value) (bool, error) {
		r, err := t.Compare(compiler.CmpGt, v, vm.Int(0))
		if err != nil {
			return false, err
		}
		return t.Truth(r)
	}
	get := func(dd *vm.Dict, k vm.Value) (vm.Value, error) {
		v, ok, err := dd.Get(t, k)
		if !ok {
			v = vm.Int(0)
		}
		return v, err
	}
	ks, vs := entries(d.d)
	for i, k := range ks {
		ov, err := get(o.d, k)
		if err != nil {
			return vm.Null, err
		}
		var nv vm.Value
		switch op {
		case "+":
			nv, err = t.BinaryOp(compiler.BinAdd, vs[i], ov)
		case "-":
			nv, err = t.BinaryOp(compiler.BinSub, vs[i], ov)
		case "|", "&":
			less, lerr := t.Less(vs[i], ov)
			err = lerr
			if less == (op == "|") {
				nv = ov
			} else {
				nv = vs[i]
			}
		}
		if err != nil {
			return vm.Null, err
		}
		pos, err := positive(nv)
		if err != nil {
			return vm.Null, err
		}
		if pos {
			if err := res.Set(t, k, nv); err != nil {
				return vm.Null, err
			}
		}
	}
	if op != "&" {
		oks, ovs := entries(o.d)
		for i, k := range oks {
			if _, ok, _ := d.d.Get(t, k); ok {
				continue
			}
			v := ovs[i]
			if op == "-" {
				neg, err := t.Compare(compiler.CmpLt, v, vm.Int(0))
				if err != nil {
					return vm.Null, err
				}
				if !neg.Is(vm.True) {
					continue
				}
				if v, err = t.BinaryOp(compiler.BinSub, vm.Int(0), v); err != nil {
					return vm.Null, err
				}
			} else if pos, err := positive(v); err != nil || !pos {
				if err != nil {
					return vm.Null, err
				}
				continue
			}
			if err := res.Set(t, k, v); err != nil {
				return vm.Null, err
			}
		}
	}
	return vm.NewNativeInstance(dictClasses[kindCounter], &dictData{d: res, factory: vm.None, kind: kindCounter}), nil
}
