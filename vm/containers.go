// containers.go: the methods of list, tuple, dict and set, set algebra,
// container constructors and reprs. (Being written: stubs for now.)

package vm

import "yflow/lang/compiler"

func setupListMethods()  {}
func setupTupleMethods() {}
func setupDictMethods()  {}
func setupSetMethods()   {}

func (t *Thread) setUnion(x, y *Set) (*Set, error)        { return nil, nil }
func (t *Thread) setIntersection(x, y *Set) (*Set, error) { return nil, nil }
func (t *Thread) setDifference(x, y *Set) (*Set, error)   { return nil, nil }
func (t *Thread) setSymDiff(x, y *Set) (*Set, error)      { return nil, nil }
func (t *Thread) toSet(v Value) (*Set, error)             { return nil, nil }
func (t *Thread) setCompare(op compiler.CompareOp, x, y *Set) (Value, error) {
	return Null, nil
}
func rangeContains(t *Thread, r *Range, v Value) (bool, error) { return false, nil }
