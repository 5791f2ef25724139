// Package copymod implements yflow's built-in copy module: copy and
// deepcopy for the built-in containers, instances of classes (their
// __dict__, or __copy__/__deepcopy__ when defined), and the collections
// types; and copy.Error.
package copymod

import (
	"yflow/stdlib/collectionsmod"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

func isAtomic(v vm.Value) bool {
	if v.IsNone() || v.IsInt() || v.IsFloat() || v.IsBool() || vm.IsIntLike(v) {
		return true
	}
	switch v.Object().(type) {
	case *vm.Str, *vm.Bytes, *vm.Function, *vm.Builtin, *vm.Type, *vm.Range, *vm.Module:
		return true
	}
	return false
}

func newLike(t *vm.Thread, v vm.Value) (vm.Value, error) {
	return t.CallMethod(vm.Obj(vm.ObjectType), "__new__", []vm.Value{vm.Obj(v.Type())}, nil)
}

func shallow(t *vm.Thread, v vm.Value) (vm.Value, error) {
	if isAtomic(v) {
		return v, nil
	}
	switch x := v.Object().(type) {
	case *vm.List:
		return vm.Obj(vm.NewList(append([]vm.Value(nil), x.Items()...))), nil
	case *vm.Dict:
		return vm.Obj(x.Copy()), nil
	case *vm.Tuple:
		return v, nil
	case *vm.Set:
		if v.Type() == vm.FrozenSetType {
			return v, nil
		}
		return t.Call(vm.Obj(vm.SetType), []vm.Value{v}, nil)
	case *vm.ByteArray:
		return t.Call(vm.Obj(vm.ByteArrayType), []vm.Value{v}, nil)
	}
	if !v.Type().LookupString("__copy__").IsNull() {
		return t.CallMethod(v, "__copy__", nil, nil)
	}
	if items, ok := collectionsmod.TupleOf(v); ok {
		// a namedtuple: a new one from the same fields
		return t.Call(vm.Obj(v.Type()), items, nil)
	}
	if _, ok := vm.NativePayload(v); ok {
		return v, nil // other immutable native values
	}
	if in, ok := v.Object().(*vm.Instance); ok {
		n, err := newLike(t, v)
		if err != nil {
			return vm.Null, err
		}
		if nd := instDict(n); nd != nil && in.Dict() != nil {
			in.Dict().Items(func(k, val vm.Value) bool {
				nd.Set(t, k, val)
				return true
			})
		}
		return n, nil
	}
	return vm.Null, vm.Errorf(vm.TypeErrorType, "cannot copy '%s' object", v.Type().Name)
}

func instDict(v vm.Value) *vm.Dict {
	if in, ok := v.Object().(*vm.Instance); ok {
		return in.Dict()
	}
	return nil
}

type deep struct {
	t      *vm.Thread
	memo   map[vm.Object]vm.Value
	pyMemo *vm.Dict
}

func (d *deep) copy(v vm.Value) (vm.Value, error) {
	t := d.t
	if isAtomic(v) {
		return v, nil
	}
	if r, ok := d.memo[v.Object()]; ok {
		return r, nil
	}
	switch x := v.Object().(type) {
	case *vm.List:
		out := vm.NewList(nil)
		d.memo[x] = vm.Obj(out)
		for _, it := range x.Items() {
			c, err := d.copy(it)
			if err != nil {
				return vm.Null, err
			}
			out.Append(c)
		}
		return vm.Obj(out), nil
	case *vm.Dict:
		out := vm.NewDict()
		d.memo[x] = vm.Obj(out)
		var err error
		x.Items(func(k, val vm.Value) bool {
			var kc, vc vm.Value
			if kc, err = d.copy(k); err != nil {
				return false
			}
			if vc, err = d.copy(val); err != nil {
				return false
			}
			err = out.Set(t, kc, vc)
			return err == nil
		})
		return vm.Obj(out), err
	case *vm.Tuple:
		items := make([]vm.Value, len(x.Items()))
		changed := false
		for i, it := range x.Items() {
			c, err := d.copy(it)
			if err != nil {
				return vm.Null, err
			}
			items[i] = c
			changed = changed || !c.Is(it)
		}
		if r, ok := d.memo[x]; ok {
			return r, nil
		}
		if !changed {
			return v, nil
		}
		r := vm.TupleValue(items...)
		d.memo[x] = r
		return r, nil
	case *vm.Set:
		items, err := t.ToList(v)
		if err != nil {
			return vm.Null, err
		}
		for i, it := range items {
			if items[i], err = d.copy(it); err != nil {
				return vm.Null, err
			}
		}
		r, err := t.Call(vm.Obj(v.Type()), []vm.Value{vm.Obj(vm.NewList(items))}, nil)
		d.memo[x] = r
		return r, err
	}
	if !v.Type().LookupString("__deepcopy__").IsNull() {
		if d.pyMemo == nil {
			d.pyMemo = vm.NewDict()
		}
		r, err := t.CallMethod(v, "__deepcopy__", []vm.Value{vm.Obj(d.pyMemo)}, nil)
		d.memo[v.Object()] = r
		return r, err
	}
	if items, ok := collectionsmod.TupleOf(v); ok {
		// a namedtuple: rebuild from deep-copied fields
		vals := make([]vm.Value, len(items))
		for i, it := range items {
			c, err := d.copy(it)
			if err != nil {
				return vm.Null, err
			}
			vals[i] = c
		}
		r, err := t.Call(vm.Obj(v.Type()), vals, nil)
		d.memo[v.Object()] = r
		return r, err
	}
	if _, ok := vm.NativePayload(v); ok {
		r, err := shallow(t, v)
		if err != nil {
			return vm.Null, err
		}
		d.memo[v.Object()] = r
		if dd, ok := collectionsmod.DictOf(r); ok {
			var err error
			for _, k := range dd.Keys() {
				val, _, _ := dd.Get(t, k)
				var c vm.Value
				if c, err = d.copy(val); err != nil {
					return vm.Null, err
				}
				dd.Set(t, k, c)
			}
		} else {
			items, err := t.ToList(r)
			if err == nil && len(items) > 0 {
				for i := range items {
					if items[i], err = d.copy(items[i]); err != nil {
						return vm.Null, err
					}
				}
				if _, err := t.CallMethod(r, "clear", nil, nil); err == nil {
					t.CallMethod(r, "extend", []vm.Value{vm.Obj(vm.NewList(items))}, nil)
				}
			}
		}
		return r, nil
	}
	if in, ok := v.Object().(*vm.Instance); ok {
		n, err := newLike(t, v)
		if err != nil {
			return vm.Null, err
		}
		d.memo[in] = n
		if nd := instDict(n); nd != nil && in.Dict() != nil {
			var err error
			in.Dict().Items(func(k, val vm.Value) bool {
				var c vm.Value
				if c, err = d.copy(val); err != nil {
					return false
				}
				err = nd.Set(t, k, c)
				return err == nil
			})
			if err != nil {
				return vm.Null, err
			}
		}
		return n, nil
	}
	return shallow(t, v)
}

// Module builds the copy module.
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("copy")
	modutil.Def(m, "copy", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("copy", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		return shallow(t, args[0])
	})
	modutil.Def(m, "deepcopy", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var x, memo vm.Value
		if err := vm.UnpackArgs("deepcopy", args, kw, []string{"x", "memo"}, 1, &x, &memo); err != nil {
			return vm.Null, err
		}
		d := &deep{t: t, memo: map[vm.Object]vm.Value{}}
		if md, ok := memo.Object().(*vm.Dict); ok {
			d.pyMemo = md
		}
		return d.copy(x)
	})
	errCls, err := vm.NewClass(t, "Error", "copy", []*vm.Type{vm.ExceptionType}, nil)
	if err != nil {
		return nil, err
	}
	m.Set("Error", vm.Obj(errCls))
	return m, nil
}
