// Package inspectmod implements the parts of yflow's built-in inspect
// module that programs use to examine generators, coroutines, functions
// and classes (getgeneratorstate, isgenerator, iscoroutinefunction, ...).
package inspectmod

import (
	"strings"

	"yflow/lang/compiler"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

func codeFlags(v vm.Value) (compiler.Flags, bool) {
	// unwrap functools.partial-like objects exposing .func is not needed
	if fn, ok := vm.FunctionOf(v); ok {
		return fn.Code().Flags, true
	}
	return 0, false
}

// Module builds the inspect module.
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("inspect")
	pred := func(name string, f func(v vm.Value) bool) {
		modutil.Def(m, name, func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if err := vm.CheckArgs(name, args, kw, 1, 1); err != nil {
				return vm.Null, err
			}
			return vm.Bool(f(args[0])), nil
		})
	}
	for name, bit := range map[string]int64{"CO_OPTIMIZED": 1, "CO_NEWLOCALS": 2, "CO_VARARGS": 4,
		"CO_VARKEYWORDS": 8, "CO_NESTED": 16, "CO_GENERATOR": 32, "CO_NOFREE": 64, "CO_COROUTINE": 128,
		"CO_ITERABLE_COROUTINE": 256, "CO_ASYNC_GENERATOR": 512} {
		m.Set(name, vm.Int(bit))
	}
	gen := func(v vm.Value) (*vm.Generator, bool) {
		g, ok := v.Object().(*vm.Generator)
		return g, ok
	}
	pred("isgenerator", func(v vm.Value) bool { g, ok := gen(v); return ok && !g.IsCoroutine() })
	pred("iscoroutine", func(v vm.Value) bool { g, ok := gen(v); return ok && g.IsCoroutine() })
	pred("isawaitable", func(v vm.Value) bool {
		if g, ok := gen(v); ok {
			return g.IsCoroutine() || g.IsIterableCoroutine()
		}
		return !v.Type().LookupString("__await__").IsNull()
	})
	flagPred := func(name string, flag compiler.Flags) {
		pred(name, func(v vm.Value) bool {
			f, ok := codeFlags(v)
			return ok && f&flag != 0
		})
	}
	flagPred("isgeneratorfunction", compiler.FlagGenerator)
	flagPred("iscoroutinefunction", compiler.FlagCoroutine)
	flagPred("isasyncgenfunction", compiler.FlagAsyncGenerator)
	pred("isfunction", func(v vm.Value) bool { _, ok := v.Object().(*vm.Function); return ok })
	pred("ismethod", vm.IsMethod)
	pred("isclass", func(v vm.Value) bool { _, ok := v.Object().(*vm.Type); return ok })
	pred("ismodule", func(v vm.Value) bool { _, ok := v.Object().(*vm.Module); return ok })
	pred("isbuiltin", func(v vm.Value) bool { _, ok := v.Object().(*vm.Builtin); return ok })
	pred("iscode", func(v vm.Value) bool { return v.Type() == vm.CodeType })
	pred("isframe", func(v vm.Value) bool { return v.Type() == vm.FrameType })
	pred("istraceback", func(v vm.Value) bool { return v.Type() == vm.TracebackType })
	pred("isroutine", func(v vm.Value) bool {
		switch v.Object().(type) {
		case *vm.Function, *vm.Builtin, *vm.MethodDescr:
			return true
		}
		return vm.IsMethod(v)
	})
	pred("isasyncgen", func(v vm.Value) bool { return v.Type().Name == "async_generator" })
	modutil.Def(m, "getgeneratorstate", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("getgeneratorstate", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		g, ok := gen(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.AttributeErrorType, "'%s' object has no attribute 'gi_running'", args[0].Type().Name)
		}
		return vm.StrValue(vm.GenState(g)), nil
	})
	modutil.Def(m, "getcoroutinestate", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("getcoroutinestate", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		g, ok := gen(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.AttributeErrorType, "'%s' object has no attribute 'cr_running'", args[0].Type().Name)
		}
		return vm.StrValue("CORO_" + strings.TrimPrefix(vm.GenState(g), "GEN_")), nil
	})
	for _, s := range []string{"GEN_CREATED", "GEN_RUNNING", "GEN_SUSPENDED", "GEN_CLOSED", "CORO_CREATED", "CORO_RUNNING", "CORO_SUSPENDED", "CORO_CLOSED"} {
		m.Set(s, vm.StrValue(s))
	}
	modutil.Def(m, "unwrap", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("unwrap", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		f := args[0]
		for i := 0; i < 100; i++ {
			w, err := t.GetAttr(f, vm.Intern("__wrapped__"))
			if err != nil {
				break
			}
			f = w
		}
		return f, nil
	})
	return m, nil
}
