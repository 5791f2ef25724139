// Package collectionsmod implements yflow's built-in collections module:
// deque, defaultdict, OrderedDict, Counter and namedtuple. The container
// classes are native classes (vm.NewNativeClass): ordinary classes, so
// Python code may subclass them, whose instances carry a Go payload.
// namedtuple classes are real subclasses of tuple (namedtuple.go). Unlike
// CPython, defaultdict/OrderedDict/Counter are not subclasses of dict
// (isinstance(d, dict) is False).
package collectionsmod

import (
	"yflow/stdlib/modutil"
	"yflow/vm"
)

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
	return m, nil
}
