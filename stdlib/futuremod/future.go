// Package futuremod is yflow's __future__ module: every feature it names is
// already the behaviour of the language (annotations are not evaluated).
package futuremod

import "yflow/vm"

// Module builds __future__.
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("__future__")
	for _, name := range []string{"annotations", "generator_stop", "division", "absolute_import",
		"print_function", "unicode_literals", "with_statement", "generators", "nested_scopes"} {
		m.Set(name, vm.True)
	}
	m.Set("all_feature_names", vm.Obj(vm.NewList([]vm.Value{vm.StrValue("annotations")})))
	return m, nil
}
