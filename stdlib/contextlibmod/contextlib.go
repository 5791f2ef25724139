// Package contextlibmod provides yflow's built-in contextlib module, whose
// source (contextlib.yf, embedded) is written in yflow and compiled on
// first import.
package contextlibmod

import (
	_ "embed"

	"yflow/lang/compiler"
	"yflow/vm"
)

//go:embed contextlib.yf
var source []byte

// Module builds the contextlib module by running its source.
func Module(t *vm.Thread) (*vm.Module, error) {
	return RunSource(t, "contextlib", "<frozen contextlib>", source)
}

// RunSource makes a module by running yflow source in a fresh namespace.
func RunSource(t *vm.Thread, name, filename string, src []byte) (*vm.Module, error) {
	m := vm.NewModule(name)
	if err := RunInto(t, m, filename, src); err != nil {
		return nil, err
	}
	return m, nil
}

// RunInto runs yflow source in an existing module's namespace, so that a
// module built in Go can add classes written in yflow.
func RunInto(t *vm.Thread, m *vm.Module, filename string, src []byte) error {
	if _, ok := m.Dict().GetStr(vm.Intern("__builtins__")); !ok {
		m.Set("__builtins__", t.Interp().BuiltinsModuleValue())
	}
	code, err := t.Interp().Compile(filename, src, compiler.ModeExec)
	if err != nil {
		return err
	}
	_, err = t.RunCode(code, m.Dict())
	return err
}

// RunLazily arranges for src to run in m's namespace the first time a
// name is looked up that m does not have (through a module __getattr__,
// PEP 562), so that importing m does not pay for compiling the less used
// part of it; `from m import Name` and m.Name both trigger it.
func RunLazily(m *vm.Module, filename string, src []byte) {
	loaded := false
	m.Set("__getattr__", vm.Obj(vm.NewBuiltin("__getattr__", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("__getattr__", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		name, _ := args[0].Object().(*vm.Str)
		if !loaded && name != nil {
			loaded = true
			if err := RunInto(t, m, filename, src); err != nil {
				return vm.Null, err
			}
			if v, ok := m.Dict().GetStr(vm.Intern(name.String())); ok {
				return v, nil
			}
		}
		modName := "?"
		if n, ok := m.Dict().GetStr(vm.Intern("__name__")); ok {
			if s, ok := n.Object().(*vm.Str); ok {
				modName = s.String()
			}
		}
		r, err := t.Repr(args[0])
		if err != nil {
			return vm.Null, err
		}
		return vm.Null, vm.Errorf(vm.AttributeErrorType, "module '%s' has no attribute %s", modName, r)
	})))
}
