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
	m.Set("__builtins__", t.Interp().BuiltinsModuleValue())
	code, err := t.Interp().Compile(filename, src, compiler.ModeExec)
	if err != nil {
		return nil, err
	}
	if _, err := t.RunCode(code, m.Dict()); err != nil {
		return nil, err
	}
	return m, nil
}
