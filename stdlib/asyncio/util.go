// util.go holds small helpers of the asyncio package: reprs, number
// formatting, error conversion and argument parsing.

package asyncio

import (
	"sort"
	"strconv"

	"yflow/stdlib/modutil"
	"yflow/vm"
)

func reprOf(t *vm.Thread, v vm.Value) (string, error) {
	switch o := v.Object().(type) {
	case *Future:
		return o.repr(t), nil
	case *Task:
		return o.repr(t), nil
	case *Handle:
		return o.repr(t), nil
	case *TimerHandle:
		return o.repr(t), nil
	}
	return t.Repr(v)
}

func itoa(i int) string { return strconv.Itoa(i) }

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func formatSeconds(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

func sortStrings(s []string) { sort.Strings(s) }

// toException converts a Go error into a Python exception.
func toException(err error) *vm.Exception {
	if e, ok := err.(*vm.Exception); ok {
		return e
	}
	return vm.Errorf(vm.SystemErrorType, "%v", err)
}

// seconds converts a delay or deadline argument.
func seconds(t *vm.Thread, v vm.Value) (float64, error) {
	return modutil.Float(t, v)
}

// noKeywords is what kwArgs returns for a call without keywords (all
// NULL), sparing Future() and the like an allocation; callers only read.
var noKeywords [3]vm.Value

// kwArgs extracts the keyword arguments names from a call, returning the
// positional arguments and the values (NULL when absent); any other
// keyword is a TypeError.
func kwArgs(fname string, args []vm.Value, kw []*vm.Str, names ...string) ([]vm.Value, []vm.Value, error) {
	if len(kw) == 0 && len(names) <= len(noKeywords) {
		return args, noKeywords[:len(names):len(names)], nil
	}
	npos := len(args) - len(kw)
	out := make([]vm.Value, len(names))
	for i, k := range kw {
		found := false
		for j, n := range names {
			if k.String() == n {
				out[j] = args[npos+i]
				found = true
			}
		}
		if !found {
			return nil, nil, vm.Errorf(vm.TypeErrorType, "%s() got an unexpected keyword argument '%s'", fname, k.String())
		}
	}
	return args[:npos], out, nil
}
