// Package collectionsmod implements yflow's built-in collections module:
// deque, defaultdict, OrderedDict, Counter and namedtuple in Go, and
// ChainMap, UserDict, UserList and UserString in yflow (collections.yf). The container
// classes are native classes (vm.NewNativeClass): ordinary classes, so
// Python code may subclass them, whose instances carry a Go payload.
// namedtuple classes are real subclasses of tuple (namedtuple.go). Unlike
// CPython, defaultdict/OrderedDict/Counter are not subclasses of dict
// (isinstance(d, dict) is False).
package collectionsmod

import (
	_ "embed"

	"yflow/stdlib/contextlibmod"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

// source holds the classes written in yflow (ChainMap, UserDict,
// UserList, UserString); it runs in the module's namespace.
//
//go:embed collections.yf
var source []byte

// Module builds the collections module.
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("collections")
	dq, err := makeDeque(t)
	if err != nil {
		return nil, err
	}
	m.Set("deque", vm.Obj(dq))
	for _, c := range []struct {
		name string
		kind dictKind
	}{{"defaultdict", kindDefault}, {"OrderedDict", kindOrdered}, {"Counter", kindCounter}} {
		cls, err := makeDictClass(t, c.name, c.kind)
		if err != nil {
			return nil, err
		}
		m.Set(c.name, vm.Obj(cls))
	}
	modutil.Def(m, "namedtuple", ntFactory)
	// compiled on first use of a name it defines (see RunLazily)
	contextlibmod.RunLazily(m, "<frozen collections>", source)
	return m, nil
}
