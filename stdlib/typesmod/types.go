// Package typesmod implements yflow's built-in types module: coroutine
// (the generator-based coroutine marker), SimpleNamespace, and the names
// of the built-in types (FunctionType, GeneratorType, ...).
package typesmod

import (
	"strings"

	"yflow/stdlib/modutil"
	"yflow/vm"
)

// Module builds the types module.
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("types")
	modutil.Def(m, "coroutine", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("coroutine", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		f := args[0]
		if !vm.Callable(f) {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "types.coroutine() expects a callable")
		}
		if fn, ok := f.Object().(*vm.Function); ok {
			fn.MarkIterableCoroutine()
		}
		return f, nil
	})
	ns, err := vm.NewClass(t, "SimpleNamespace", "types", nil, nil)
	if err != nil {
		return nil, err
	}
	vm.AddMethod(ns, "__init__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		npos := len(args) - len(kw)
		if npos > 1 {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "SimpleNamespace expected at most 1 argument, got %d", npos)
		}
		if npos == 1 {
			keys, err := t.CallMethod(args[0], "keys", nil, nil)
			if err != nil {
				return vm.Null, err
			}
			if err := t.Iterate(keys, func(k vm.Value) error {
				s, ok := k.AsStr()
				if !ok {
					return vm.Errorf(vm.TypeErrorType, "keywords must be strings, not '%s'", k.Type().Name)
				}
				v, err := t.GetItem(args[0], k)
				if err != nil {
					return err
				}
				return t.SetAttr(self, vm.Intern(s.String()), v)
			}); err != nil {
				return vm.Null, err
			}
		}
		for i, k := range kw {
			if err := t.SetAttr(self, k, args[npos+i]); err != nil {
				return vm.Null, err
			}
		}
		return vm.None, nil
	})
	dictOf := func(v vm.Value) *vm.Dict {
		if in, ok := v.Object().(*vm.Instance); ok {
			return in.Dict()
		}
		return nil
	}
	vm.AddMethod(ns, "__repr__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d := dictOf(self)
		name := "namespace"
		if self.Type() != ns {
			name = self.Type().Name
		}
		if err := t.ReprEnter(); err != nil {
			return vm.Null, err
		}
		defer t.ReprLeave()
		var parts []string
		var err error
		if d != nil {
			d.Items(func(k, v vm.Value) bool {
				var r string
				if r, err = t.Repr(v); err != nil {
					return false
				}
				ks, _ := k.AsStr()
				parts = append(parts, ks.String()+"="+r)
				return true
			})
		}
		if err != nil {
			return vm.Null, err
		}
		return vm.StrValue(name + "(" + strings.Join(parts, ", ") + ")"), nil
	})
	vm.AddMethod(ns, "__eq__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("__eq__", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		if !args[0].Type().IsSubtype(ns) || !self.Type().IsSubtype(ns) {
			return vm.NotImplemented, nil
		}
		a, b := dictOf(self), dictOf(args[0])
		if a == nil || b == nil {
			return vm.Bool(a == b), nil
		}
		eq, err := t.Equal(vm.Obj(a), vm.Obj(b))
		return vm.Bool(eq), err
	})
	vm.SetClassAttr(ns, "__hash__", vm.None)
	m.Set("SimpleNamespace", vm.Obj(ns))

	m.Set("FunctionType", vm.Obj(vm.FunctionType))
	m.Set("UnionType", vm.Obj(vm.UnionType))
	m.Set("LambdaType", vm.Obj(vm.FunctionType))
	m.Set("MethodType", vm.Obj(vm.MethodType))
	m.Set("BuiltinFunctionType", vm.Obj(vm.BuiltinType))
	m.Set("BuiltinMethodType", vm.Obj(vm.BuiltinType))
	m.Set("MethodDescriptorType", vm.Obj(vm.MethodDescrType))
	m.Set("GeneratorType", vm.Obj(vm.GeneratorType))
	m.Set("CoroutineType", vm.Obj(vm.CoroutineType))
	m.Set("ModuleType", vm.Obj(vm.ModuleType))
	m.Set("CodeType", vm.Obj(vm.CodeType))
	m.Set("TracebackType", vm.Obj(vm.TracebackType))
	m.Set("FrameType", vm.Obj(vm.FrameType))
	m.Set("NoneType", vm.Obj(vm.NoneType))
	m.Set("EllipsisType", vm.Obj(vm.EllipsisType))
	m.Set("NotImplementedType", vm.Obj(vm.NotImplementedType))
	m.Set("CellType", vm.Obj(vm.CellType))
	return m, nil
}
