// containers.go holds what the container types share: the repr recursion
// guard (CPython's Py_ReprEnter/Py_ReprLeave) and the index helpers of
// list/tuple/range methods. The types themselves live in list_methods.go,
// tuple_methods.go, dict_methods.go, set_impl.go, set_methods.go and
// range_methods.go.

package vm

import "sync"

// reprKey identifies one container whose repr is being computed by one
// thread. The guard is a package-level set of these, behind a mutex, so
// that threads running concurrently never see each other's entries (the
// Thread struct has no field for it).
type reprKey struct {
	t *Thread
	o Object
}

var (
	reprMu     sync.Mutex
	reprActive = map[reprKey]struct{}{}
)

// reprEnter marks o as being repr'd by t; it reports false when it already
// is (a self-containing container: print "[...]").
func (t *Thread) reprEnter(o Object) bool {
	k := reprKey{t, o}
	reprMu.Lock()
	defer reprMu.Unlock()
	if _, ok := reprActive[k]; ok {
		return false
	}
	reprActive[k] = struct{}{}
	return true
}

// reprLeave undoes a successful reprEnter.
func (t *Thread) reprLeave(o Object) {
	reprMu.Lock()
	delete(reprActive, reprKey{t, o})
	reprMu.Unlock()
}

// clampIndex resolves an optional start/stop argument of index() against
// a length the way CPython's slice-index conversion does.
func (t *Thread) clampIndex(v Value, n int, def int) (int, error) {
	if v.o == nil {
		return def, nil
	}
	var i int
	if b, ok := v.o.(*BigInt); ok {
		if b.v.Sign() < 0 {
			return 0, nil
		}
		return n, nil
	}
	j, err := t.Index(v)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.cls == TypeErrorType {
			return 0, Errorf(TypeErrorType, "slice indices must be integers or have an __index__ method")
		}
		return 0, err
	}
	if j < -1<<62 {
		j = -1 << 62
	} else if j > 1<<62 {
		j = 1 << 62
	}
	i = int(j)
	if i < 0 {
		i += n
		if i < 0 {
			i = 0
		}
	}
	if i > n {
		i = n
	}
	return i, nil
}

// richEq is PyObject_RichCompareBool(a, b, Py_EQ) as containers use it:
// identity implies equality (so a NaN stored in a list equals itself),
// with floats identical when their bits are.
func (t *Thread) richEq(a, b Value) (bool, error) {
	if a.o == b.o && a.n == b.n {
		return true, nil
	}
	return t.Equal(a, b)
}
