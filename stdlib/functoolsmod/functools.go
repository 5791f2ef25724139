// Package functoolsmod implements yflow's built-in functools module:
// reduce, partial, update_wrapper/wraps, lru_cache/cache (with
// cache_info/cache_clear), cmp_to_key, total_ordering and
// cached_property in Go, and partialmethod, singledispatch and
// singledispatchmethod in yflow (functools.yf, embedded), after CPython
// 3.11.
package functoolsmod

import (
	_ "embed"
	"strings"

	"yflow/lang/compiler"
	"yflow/stdlib/collectionsmod"
	"yflow/stdlib/contextlibmod"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

var payloadType = vm.NewBuiltinType("_functools_payload", "functools", nil)

type partialData struct {
	fn   vm.Value
	args []vm.Value
	kw   *vm.Dict
}

func (*partialData) Type() *vm.Type { return payloadType }

type cacheData struct {
	fn           vm.Value
	cache        *vm.Dict
	maxsize      int // -1 unbounded
	typed        bool
	hits, misses int64
}

func (*cacheData) Type() *vm.Type { return payloadType }

type keyData struct {
	cmp, obj vm.Value
}

func (*keyData) Type() *vm.Type { return payloadType }

var assigned = []string{"__module__", "__name__", "__qualname__", "__doc__"}

func updateWrapper(t *vm.Thread, wrapper, wrapped vm.Value) (vm.Value, error) {
	for _, a := range assigned {
		v, err := t.GetAttr(wrapped, vm.Intern(a))
		if err != nil {
			continue
		}
		if err := t.SetAttr(wrapper, vm.Intern(a), v); err != nil {
			return vm.Null, err
		}
	}
	if wd, err := t.GetAttr(wrapper, vm.Intern("__dict__")); err == nil {
		if sd, err := t.GetAttr(wrapped, vm.Intern("__dict__")); err == nil {
			if dst, ok := wd.Object().(*vm.Dict); ok {
				if src, ok := sd.Object().(*vm.Dict); ok {
					var err error
					src.Items(func(k, v vm.Value) bool {
						err = dst.Set(t, k, v)
						return err == nil
					})
					if err != nil {
						return vm.Null, err
					}
				}
			}
		}
	}
	if err := t.SetAttr(wrapper, vm.Intern("__wrapped__"), wrapped); err != nil {
		return vm.Null, err
	}
	return wrapper, nil
}

// source holds the parts written in yflow; it runs in the module's
// namespace after the Go definitions.
//
//go:embed functools.yf
var source []byte

// Module builds the functools module.
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("functools")
	def := func(name string, fn vm.BuiltinFn) { modutil.Def(m, name, fn) }
	m.Set("WRAPPER_ASSIGNMENTS", vm.TupleValue(vm.StrValue("__module__"), vm.StrValue("__name__"), vm.StrValue("__qualname__"), vm.StrValue("__doc__")))
	m.Set("WRAPPER_UPDATES", vm.TupleValue(vm.StrValue("__dict__")))

	def("reduce", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("reduce", args, kw, 2, 3); err != nil {
			return vm.Null, err
		}
		acc := vm.Null
		if len(args) == 3 {
			acc = args[2]
		}
		err := t.Iterate(args[1], func(v vm.Value) error {
			if acc.IsNull() {
				acc = v
				return nil
			}
			r, err := t.Call(args[0], []vm.Value{acc, v}, nil)
			acc = r
			return err
		})
		if err != nil {
			if e, ok := err.(*vm.Exception); ok && e.Class() == vm.TypeErrorType && strings.HasSuffix(e.Message(), "is not iterable") {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "reduce() arg 2 must support iteration")
			}
			return vm.Null, err
		}
		if acc.IsNull() {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "reduce() of empty iterable with no initial value")
		}
		return acc, nil
	})
	def("update_wrapper", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var w, wd, a, u vm.Value
		if err := vm.UnpackArgs("update_wrapper", args, kw, []string{"wrapper", "wrapped", "assigned", "updated"}, 2, &w, &wd, &a, &u); err != nil {
			return vm.Null, err
		}
		return updateWrapper(t, w, wd)
	})
	def("wraps", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var wd, a, u vm.Value
		if err := vm.UnpackArgs("wraps", args, kw, []string{"wrapped", "assigned", "updated"}, 1, &wd, &a, &u); err != nil {
			return vm.Null, err
		}
		return vm.Obj(vm.NewBuiltin("wraps", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if err := vm.CheckArgs("update_wrapper", args, kw, 1, 1); err != nil {
				return vm.Null, err
			}
			return updateWrapper(t, args[0], wd)
		})), nil
	})

	// partial
	partial, err := vm.NewNativeClass(t, "partial", "functools", nil, nil)
	if err != nil {
		return nil, err
	}
	pOf := func(v vm.Value) (*partialData, error) {
		p, ok := vm.NativePayload(v)
		if ok {
			if p == nil {
				d := &partialData{fn: vm.None, kw: vm.NewDict()}
				vm.SetNativePayload(v, d)
				return d, nil
			}
			if d, ok := p.(*partialData); ok {
				return d, nil
			}
		}
		return nil, vm.DescriptorError("__call__", partial, v)
	}
	vm.AddMethod(partial, "__init__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d, err := pOf(self)
		if err != nil {
			return vm.Null, err
		}
		npos := len(args) - len(kw)
		if npos < 1 {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "type 'partial' takes at least one argument")
		}
		f := args[0]
		if !vm.Callable(f) {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "the first argument must be callable")
		}
		d.kw = vm.NewDict()
		d.args = append([]vm.Value(nil), args[1:npos]...)
		if p, ok := vm.NativePayload(f); ok && f.Type() == partial {
			inner := p.(*partialData)
			d.args = append(append([]vm.Value(nil), inner.args...), d.args...)
			d.kw = inner.kw.Copy()
			f = inner.fn
		}
		d.fn = f
		for i, k := range kw {
			if err := d.kw.Set(t, vm.Obj(k), args[npos+i]); err != nil {
				return vm.Null, err
			}
		}
		return vm.None, nil
	})
	vm.AddMethod(partial, "__call__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d, err := pOf(self)
		if err != nil {
			return vm.Null, err
		}
		npos := len(args) - len(kw)
		all := append(append([]vm.Value(nil), d.args...), args[:npos]...)
		var names []*vm.Str
		merged := d.kw.Copy()
		for i, k := range kw {
			if err := merged.Set(t, vm.Obj(k), args[npos+i]); err != nil {
				return vm.Null, err
			}
		}
		merged.Items(func(k, v vm.Value) bool {
			s, _ := k.AsStr()
			names = append(names, vm.Intern(s.String()))
			all = append(all, v)
			return true
		})
		return t.Call(d.fn, all, names)
	})
	prop := func(cls *vm.Type, name string, get func(v vm.Value) (vm.Value, error)) {
		vm.SetClassAttr(cls, name, vm.NewProperty(vm.Obj(vm.NewBuiltin(name, func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			return get(args[0])
		})), vm.Null))
	}
	prop(partial, "func", func(v vm.Value) (vm.Value, error) {
		d, err := pOf(v)
		if err != nil {
			return vm.Null, err
		}
		return d.fn, nil
	})
	prop(partial, "args", func(v vm.Value) (vm.Value, error) {
		d, err := pOf(v)
		if err != nil {
			return vm.Null, err
		}
		return vm.TupleValue(append([]vm.Value(nil), d.args...)...), nil
	})
	prop(partial, "keywords", func(v vm.Value) (vm.Value, error) {
		d, err := pOf(v)
		if err != nil {
			return vm.Null, err
		}
		return vm.Obj(d.kw), nil
	})
	vm.AddMethod(partial, "__repr__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d, err := pOf(self)
		if err != nil {
			return vm.Null, err
		}
		parts := []string{}
		r, err := t.Repr(d.fn)
		if err != nil {
			return vm.Null, err
		}
		parts = append(parts, r)
		for _, a := range d.args {
			r, err := t.Repr(a)
			if err != nil {
				return vm.Null, err
			}
			parts = append(parts, r)
		}
		d.kw.Items(func(k, v vm.Value) bool {
			var r string
			if r, err = t.Repr(v); err != nil {
				return false
			}
			s, _ := k.AsStr()
			parts = append(parts, s.String()+"="+r)
			return true
		})
		if err != nil {
			return vm.Null, err
		}
		name := "functools.partial"
		if self.Type() != partial {
			name = self.Type().Name
		}
		return vm.StrValue(name + "(" + strings.Join(parts, ", ") + ")"), nil
	})
	m.Set("partial", vm.Obj(partial))

	// lru_cache
	cacheBase, err := vm.NewNativeClass(t, "_lru_cache_base", "functools", nil, nil)
	if err != nil {
		return nil, err
	}
	wrapperCls, err := vm.NewClass(t, "_lru_cache_wrapper", "functools", []*vm.Type{cacheBase}, nil)
	if err != nil {
		return nil, err
	}
	info, err := collectionsmod.NewNamedTuple(t, "CacheInfo", []string{"hits", "misses", "maxsize", "currsize"}, "functools")
	if err != nil {
		return nil, err
	}
	cOf := func(v vm.Value) (*cacheData, error) {
		p, _ := vm.NativePayload(v)
		if d, ok := p.(*cacheData); ok {
			return d, nil
		}
		return nil, vm.DescriptorError("__call__", wrapperCls, v)
	}
	kwMark := vm.StrValue("\x00kwd_mark")
	vm.AddMethod(wrapperCls, "__call__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d, err := cOf(self)
		if err != nil {
			return vm.Null, err
		}
		npos := len(args) - len(kw)
		key := append([]vm.Value(nil), args[:npos]...)
		if len(kw) > 0 {
			key = append(key, kwMark)
			for i, k := range kw {
				key = append(key, vm.Obj(k), args[npos+i])
			}
		}
		if d.typed {
			for _, a := range args {
				key = append(key, vm.Obj(a.Type()))
			}
		}
		var kv vm.Value
		if len(key) == 1 && len(kw) == 0 && (key[0].IsInt() || key[0].Type() == vm.StrType) {
			kv = key[0]
		} else {
			kv = vm.TupleValue(key...)
		}
		if d.maxsize != 0 {
			if v, ok, err := d.cache.Get(t, kv); err != nil {
				return vm.Null, err
			} else if ok {
				d.hits++
				if d.maxsize > 0 {
					d.cache.Pop(t, kv)
					d.cache.Set(t, kv, v)
				}
				return v, nil
			}
		}
		d.misses++
		v, err := t.Call(d.fn, args, kw)
		if err != nil {
			return vm.Null, err
		}
		if d.maxsize != 0 {
			if err := d.cache.Set(t, kv, v); err != nil {
				return vm.Null, err
			}
			if d.maxsize > 0 && d.cache.Len() > d.maxsize {
				oldest := d.cache.Keys()[0]
				d.cache.Pop(t, oldest)
			}
		}
		return v, nil
	})
	vm.AddMethod(wrapperCls, "cache_info", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d, err := cOf(self)
		if err != nil {
			return vm.Null, err
		}
		ms := vm.None
		if d.maxsize >= 0 {
			ms = vm.Int(int64(d.maxsize))
		}
		return t.Call(vm.Obj(info), []vm.Value{vm.Int(d.hits), vm.Int(d.misses), ms, vm.Int(int64(d.cache.Len()))}, nil)
	})
	vm.AddMethod(wrapperCls, "cache_clear", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d, err := cOf(self)
		if err != nil {
			return vm.Null, err
		}
		d.cache.Clear()
		d.hits, d.misses = 0, 0
		return vm.None, nil
	})
	vm.AddMethod(wrapperCls, "__get__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if len(args) == 0 || args[0].IsNone() {
			return self, nil
		}
		return vm.NewBoundMethod(self, args[0]), nil
	})
	vm.AddMethod(wrapperCls, "__repr__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d, err := cOf(self)
		if err != nil {
			return vm.Null, err
		}
		r, err := t.Repr(d.fn)
		if err != nil {
			return vm.Null, err
		}
		return vm.StrValue("<functools._lru_cache_wrapper object wrapping " + r + ">"), nil
	})
	makeCache := func(t *vm.Thread, fn vm.Value, maxsize int, typed bool) (vm.Value, error) {
		w := vm.NewNativeInstance(wrapperCls, &cacheData{fn: fn, cache: vm.NewDict(), maxsize: maxsize, typed: typed})
		return updateWrapper(t, w, fn)
	}
	def("lru_cache", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var msv, tv vm.Value
		if err := vm.UnpackArgs("lru_cache", args, kw, []string{"maxsize", "typed"}, 0, &msv, &tv); err != nil {
			return vm.Null, err
		}
		typed := false
		if !tv.IsNull() {
			b, err := t.Truth(tv)
			if err != nil {
				return vm.Null, err
			}
			typed = b
		}
		maxsize := 128
		if !msv.IsNull() {
			switch {
			case msv.IsNone():
				maxsize = -1
			case vm.IsIntLike(msv):
				maxsize = int(msv.AsInt())
				if maxsize < 0 {
					maxsize = 0
				}
			case vm.Callable(msv):
				return makeCache(t, msv, 128, typed)
			default:
				return vm.Null, vm.Errorf(vm.TypeErrorType, "Expected first argument to be an integer, a callable, or None")
			}
		}
		return vm.Obj(vm.NewBuiltin("decorating_function", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if err := vm.CheckArgs("decorating_function", args, kw, 1, 1); err != nil {
				return vm.Null, err
			}
			return makeCache(t, args[0], maxsize, typed)
		})), nil
	})
	def("cache", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("cache", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		return makeCache(t, args[0], -1, false)
	})

	// cmp_to_key
	keyCls, err := vm.NewNativeClass(t, "KeyWrapper", "functools", nil, nil)
	if err != nil {
		return nil, err
	}
	kOf := func(v vm.Value) (*keyData, bool) {
		p, _ := vm.NativePayload(v)
		d, ok := p.(*keyData)
		return d, ok
	}
	for _, c := range []struct {
		name string
		op   compiler.CompareOp
	}{{"__lt__", compiler.CmpLt}, {"__le__", compiler.CmpLe}, {"__eq__", compiler.CmpEq}, {"__ne__", compiler.CmpNe}, {"__gt__", compiler.CmpGt}, {"__ge__", compiler.CmpGe}} {
		c := c
		vm.AddMethod(keyCls, c.name, func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if err := vm.CheckArgs(c.name, args, kw, 1, 1); err != nil {
				return vm.Null, err
			}
			a, ok1 := kOf(self)
			b, ok2 := kOf(args[0])
			if !ok1 || !ok2 {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "other argument must be K instance")
			}
			r, err := t.Call(a.cmp, []vm.Value{a.obj, b.obj}, nil)
			if err != nil {
				return vm.Null, err
			}
			return t.Compare(c.op, r, vm.Int(0))
		})
	}
	vm.SetClassAttr(keyCls, "__hash__", vm.None)
	vm.SetClassAttr(keyCls, "obj", vm.NewProperty(vm.Obj(vm.NewBuiltin("obj", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d, ok := kOf(args[0])
		if !ok {
			return vm.None, nil
		}
		return d.obj, nil
	})), vm.Null))
	def("cmp_to_key", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var cmp vm.Value
		if err := vm.UnpackArgs("cmp_to_key", args, kw, []string{"mycmp"}, 1, &cmp); err != nil {
			return vm.Null, err
		}
		return vm.Obj(vm.NewBuiltin("K", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if err := vm.CheckArgs("K", args, kw, 1, 1); err != nil {
				return vm.Null, err
			}
			return vm.NewNativeInstance(keyCls, &keyData{cmp: cmp, obj: args[0]}), nil
		})), nil
	})

	def("total_ordering", totalOrdering)

	// cached_property, written as a class with __set_name__ and __get__
	cp, err := vm.NewClass(t, "cached_property", "functools", nil, nil)
	if err != nil {
		return nil, err
	}
	vm.AddMethod(cp, "__init__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("cached_property", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		if err := t.SetAttr(self, vm.Intern("func"), args[0]); err != nil {
			return vm.Null, err
		}
		if err := t.SetAttr(self, vm.Intern("attrname"), vm.None); err != nil {
			return vm.Null, err
		}
		doc, err := t.GetAttr(args[0], vm.Intern("__doc__"))
		if err != nil {
			doc = vm.None
		}
		return vm.None, t.SetAttr(self, vm.Intern("__doc__"), doc)
	})
	vm.AddMethod(cp, "__set_name__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("__set_name__", args, kw, 2, 2); err != nil {
			return vm.Null, err
		}
		return vm.None, t.SetAttr(self, vm.Intern("attrname"), args[1])
	})
	vm.AddMethod(cp, "__get__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if len(args) == 0 || args[0].IsNone() {
			return self, nil
		}
		name, err := t.GetAttr(self, vm.Intern("attrname"))
		if err != nil {
			return vm.Null, err
		}
		ns, ok := name.AsStr()
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "Cannot use cached_property instance without calling __set_name__ on it.")
		}
		f, err := t.GetAttr(self, vm.Intern("func"))
		if err != nil {
			return vm.Null, err
		}
		v, err := t.Call(f, []vm.Value{args[0]}, nil)
		if err != nil {
			return vm.Null, err
		}
		if in, ok := args[0].Object().(*vm.Instance); ok && in.Dict() != nil {
			in.Dict().SetStr(vm.Intern(ns.String()), v)
		}
		return v, nil
	})
	m.Set("cached_property", vm.Obj(cp))
	// compiled on first use of a name it defines (see RunLazily)
	contextlibmod.RunLazily(m, "<frozen functools>", source)
	return m, nil
}

// totalOrdering is functools.total_ordering.
func totalOrdering(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
	if err := vm.CheckArgs("total_ordering", args, kw, 1, 1); err != nil {
		return vm.Null, err
	}
	cls, ok := args[0].Object().(*vm.Type)
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeErrorType, "total_ordering() argument must be a class")
	}
	ops := []string{"__lt__", "__le__", "__gt__", "__ge__"}
	roots := map[string]bool{}
	root := ""
	for _, op := range ops {
		v := cls.LookupString(op)
		if v.IsNull() {
			continue
		}
		if d, ok := v.Object().(*vm.MethodDescr); ok && vm.ObjectType.LookupString(op).Is(vm.Obj(d)) {
			continue
		}
		if vm.ObjectType.LookupString(op).Is(v) {
			continue
		}
		roots[op] = true
		if root == "" {
			root = op
		}
	}
	if root == "" {
		return vm.Null, vm.Errorf(vm.ValueErrorType, "must define at least one ordering operation: < > <= >=")
	}
	type derived struct {
		name    string
		negate  bool
		combine string // "ne": and self != other; "eq": or self == other; "": none
	}
	table := map[string][]derived{
		"__lt__": {{"__gt__", true, "ne"}, {"__le__", false, "eq"}, {"__ge__", true, ""}},
		"__le__": {{"__ge__", true, "eq"}, {"__lt__", false, "ne"}, {"__gt__", true, ""}},
		"__gt__": {{"__lt__", true, "ne"}, {"__ge__", false, "eq"}, {"__le__", true, ""}},
		"__ge__": {{"__le__", true, "eq"}, {"__gt__", false, "ne"}, {"__lt__", true, ""}},
	}
	for _, d := range table[root] {
		if roots[d.name] {
			continue
		}
		d := d
		rootName := root
		vm.AddMethod(cls, d.name, func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if err := vm.CheckArgs(d.name, args, kw, 1, 1); err != nil {
				return vm.Null, err
			}
			other := args[0]
			m := self.Type().LookupString(rootName)
			r, err := t.Call(m, []vm.Value{self, other}, nil)
			if err != nil || r.Is(vm.NotImplemented) {
				return r, err
			}
			b, err := t.Truth(r)
			if err != nil {
				return vm.Null, err
			}
			if d.negate {
				b = !b
			}
			switch d.combine {
			case "ne":
				if b {
					ne, err := t.Compare(compiler.CmpNe, self, other)
					if err != nil {
						return vm.Null, err
					}
					return ne, nil
				}
			case "eq":
				if !b {
					return t.Compare(compiler.CmpEq, self, other)
				}
			}
			return vm.Bool(b), nil
		})
	}
	return args[0], nil
}
