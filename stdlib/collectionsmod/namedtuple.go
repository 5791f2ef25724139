// namedtuple.go implements collections.namedtuple: each call makes a
// real subclass of tuple (instances are tuples: isinstance, indexing,
// hashing, comparison and concatenation come from tuple itself) with
// __slots__ = (), a _tuplegetter descriptor per field, _fields,
// _field_defaults, __match_args__, _make, _replace, _asdict and a
// "P(x=1, y=2)" repr. The class is assembled by namedtuple.yf, compiled
// once per interpreter; the argument binding, the field descriptors and
// the repr are Go.

package collectionsmod

import (
	_ "embed"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"weak"

	"yflow/lang/compiler"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

//go:embed namedtuple.yf
var ntSource []byte

// ntClasses records the classes namedtuple has made (for TupleOf),
// weakly: an entry goes when its class is collected.
var ntClasses sync.Map // weak.Pointer[vm.Type] -> struct{}

func markNamedTuple(cls *vm.Type) {
	key := weak.Make(cls)
	ntClasses.Store(key, struct{}{})
	runtime.AddCleanup(cls, func(k weak.Pointer[vm.Type]) { ntClasses.Delete(k) }, key)
}

// ntState is what an interpreter needs to make namedtuple classes.
type ntState struct {
	build  vm.Value // namedtuple.yf's build function
	getter *vm.Type // the _tuplegetter descriptor class
}

var ntStates sync.Map // *vm.Interp -> *ntState

// TupleOf returns the items of a tuple or of an instance of a namedtuple
// class (or of a subclass of one); other tuple subclasses are not
// included, since callers rebuild namedtuples from their fields.
func TupleOf(v vm.Value) ([]vm.Value, bool) {
	if tp, ok := v.Object().(*vm.Tuple); ok {
		return tp.Items(), true
	}
	items, ok := vm.TupleItemsOf(v)
	if !ok {
		return nil, false
	}
	for _, c := range v.Type().MRO {
		if _, ok := ntClasses.Load(weak.Make(c)); ok {
			return items, true
		}
	}
	return nil, false
}

var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true,
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		ok := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r > 127 || (i > 0 && r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}

func ntFactory(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
	var namev, fieldsv, renamev, defaultsv, modulev vm.Value
	if err := vm.UnpackArgs("namedtuple", args, kw, []string{"typename", "field_names", "rename", "defaults", "module"}, 2, &namev, &fieldsv, &renamev, &defaultsv, &modulev); err != nil {
		return vm.Null, err
	}
	if npos := len(args) - len(kw); npos > 2 {
		return vm.Null, vm.Errorf(vm.TypeErrorType, "namedtuple() takes 2 positional arguments but %d were given", npos)
	}
	name, ok := modutil.Str(namev)
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeErrorType, "namedtuple() argument 'typename' must be str")
	}
	var fields []string
	if s, ok := modutil.Str(fieldsv); ok {
		fields = strings.Fields(strings.ReplaceAll(s, ",", " "))
	} else {
		items, err := t.ToList(fieldsv)
		if err != nil {
			return vm.Null, err
		}
		for _, it := range items {
			s, err := t.Str(it)
			if err != nil {
				return vm.Null, err
			}
			fields = append(fields, s)
		}
	}
	rename := false
	if !renamev.IsNull() {
		b, err := t.Truth(renamev)
		if err != nil {
			return vm.Null, err
		}
		rename = b
	}
	if rename {
		seen := map[string]bool{}
		for i, f := range fields {
			if !isIdent(f) || keywords[f] || strings.HasPrefix(f, "_") || seen[f] {
				fields[i] = "_" + itoa(i)
			}
			seen[fields[i]] = true
		}
	}
	for _, n := range append([]string{name}, fields...) {
		if !isIdent(n) {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "Type names and field names must be valid identifiers: '%s'", n)
		}
		if keywords[n] {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "Type names and field names cannot be a keyword: '%s'", n)
		}
	}
	seen := map[string]bool{}
	for _, f := range fields {
		if strings.HasPrefix(f, "_") && !rename {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "Field names cannot start with an underscore: '%s'", f)
		}
		if seen[f] {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "Encountered duplicate field name: '%s'", f)
		}
		seen[f] = true
	}
	var defaults []vm.Value
	if !defaultsv.IsNull() && !defaultsv.IsNone() {
		d, err := t.ToList(defaultsv)
		if err != nil {
			return vm.Null, err
		}
		defaults = d
	}
	module := "__main__"
	if !modulev.IsNull() && !modulev.IsNone() {
		module, _ = modutil.Str(modulev)
	}
	if len(defaults) > len(fields) {
		return vm.Null, vm.Errorf(vm.TypeErrorType, "Got more default values than field names")
	}
	cls, err := newNamedTuple(t, name, fields, defaults, module)
	if err != nil {
		return vm.Null, err
	}
	return vm.Obj(cls), nil
}

// NewNamedTuple makes a namedtuple class from Go (time.struct_time,
// functools' CacheInfo, ...).
func NewNamedTuple(t *vm.Thread, name string, fields []string, module string) (*vm.Type, error) {
	return newNamedTuple(t, name, fields, nil, module)
}

// stateOf returns the interpreter's namedtuple machinery, making it on
// first use.
func stateOf(t *vm.Thread) (*ntState, error) {
	if st, ok := ntStates.Load(t.Interp()); ok {
		return st.(*ntState), nil
	}
	m := vm.NewModule("_collections_namedtuple")
	m.Set("__builtins__", t.Interp().BuiltinsModuleValue())
	code, err := t.Interp().Compile("<frozen collections>", ntSource, compiler.ModeExec)
	if err != nil {
		return nil, err
	}
	if _, err := t.RunCode(code, m.Dict()); err != nil {
		return nil, err
	}
	build, ok := m.Dict().GetStr(vm.Intern("build"))
	if !ok {
		return nil, vm.Errorf(vm.SystemErrorType, "namedtuple: no build function")
	}
	getter, err := makeTupleGetter(t)
	if err != nil {
		return nil, err
	}
	st := &ntState{build: build, getter: getter}
	actual, _ := ntStates.LoadOrStore(t.Interp(), st)
	return actual.(*ntState), nil
}

// tupleGetter is the payload of a _tuplegetter: the field's index and
// its docstring.
type tupleGetter struct {
	index int
	doc   vm.Value
}

func (*tupleGetter) Type() *vm.Type { return payloadType }

// makeTupleGetter makes the _tuplegetter class: a data descriptor that
// reads item index of the tuple it is found on and refuses assignment
// and deletion, as CPython's does.
func makeTupleGetter(t *vm.Thread) (*vm.Type, error) {
	cls, err := vm.NewNativeClass(t, "_tuplegetter", "_collections", nil, nil)
	if err != nil {
		return nil, err
	}
	of := func(self vm.Value, name string) (*tupleGetter, error) {
		if p, ok := vm.NativePayload(self); ok {
			if g, ok := p.(*tupleGetter); ok {
				return g, nil
			}
		}
		return nil, vm.DescriptorError(name, cls, self)
	}
	vm.AddMethod(cls, "__get__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		g, err := of(self, "__get__")
		if err != nil {
			return vm.Null, err
		}
		if err := vm.CheckArgs("__get__", args, kw, 1, 2); err != nil {
			return vm.Null, err
		}
		if args[0].IsNone() {
			return self, nil
		}
		items, ok := vm.TupleItemsOf(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "descriptor for index '%d' for tuple subclasses doesn't apply to '%s' object", g.index, args[0].Type().Name)
		}
		if g.index >= len(items) {
			return vm.Null, vm.Errorf(vm.IndexErrorType, "tuple index out of range")
		}
		return items[g.index], nil
	})
	vm.AddMethod(cls, "__set__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return vm.Null, vm.Errorf(vm.AttributeErrorType, "can't set attribute")
	})
	vm.AddMethod(cls, "__delete__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return vm.Null, vm.Errorf(vm.AttributeErrorType, "can't delete attribute")
	})
	vm.AddMethod(cls, "__repr__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		g, err := of(self, "__repr__")
		if err != nil {
			return vm.Null, err
		}
		doc, err := t.Repr(g.doc)
		if err != nil {
			return vm.Null, err
		}
		return vm.StrValue("_tuplegetter(" + strconv.Itoa(g.index) + ", " + doc + ")"), nil
	})
	vm.SetClassAttr(cls, "__doc__", vm.NewProperty(
		vm.Obj(vm.NewBuiltin("__doc__", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			g, err := of(args[0], "__doc__")
			if err != nil {
				return vm.Null, err
			}
			return g.doc, nil
		})),
		vm.Obj(vm.NewBuiltin("__doc__", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			g, err := of(args[0], "__doc__")
			if err != nil {
				return vm.Null, err
			}
			g.doc = args[1]
			return vm.None, nil
		}))))
	return cls, nil
}

// newNamedTuple makes the class for already validated names.
func newNamedTuple(t *vm.Thread, name string, fields []string, defaults []vm.Value, module string) (*vm.Type, error) {
	st, err := stateOf(t)
	if err != nil {
		return nil, err
	}
	nf := len(fields)
	fieldVals := make([]vm.Value, nf)
	getters := make([]vm.Value, nf)
	for i, f := range fields {
		fieldVals[i] = vm.StrValue(f)
		getters[i] = vm.NewNativeInstance(st.getter, &tupleGetter{index: i, doc: vm.StrValue("Alias for field number " + strconv.Itoa(i))})
	}
	qual := name + ".__new__"
	bind := func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		pos, _ := vm.TupleItemsOf(args[0])
		kwd, _ := args[1].Object().(*vm.Dict)
		return bindFields(t, qual, fields, defaults, pos, kwd)
	}
	show := func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return ntRepr(t, args[0], fields)
	}
	clsv, err := t.Call(st.build, []vm.Value{
		vm.StrValue(name), vm.TupleValue(fieldVals...), vm.TupleValue(defaults...), vm.StrValue(module),
		vm.Obj(vm.NewBuiltin("bind", bind)), vm.TupleValue(getters...), vm.Obj(vm.NewBuiltin("show", show)),
	}, nil)
	if err != nil {
		return nil, err
	}
	cls, ok := clsv.Object().(*vm.Type)
	if !ok {
		return nil, vm.Errorf(vm.SystemErrorType, "namedtuple: build did not return a class")
	}
	markNamedTuple(cls)
	return cls, nil
}

// bindFields maps __new__'s arguments to the field values, reporting
// CPython's messages for a def __new__(_cls, field...) signature.
func bindFields(t *vm.Thread, qual string, fields []string, defaults []vm.Value, pos []vm.Value, kwd *vm.Dict) (vm.Value, error) {
	nf := len(fields)
	if len(pos) > nf {
		if len(defaults) > 0 {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "%s() takes from %d to %d positional arguments but %d were given", qual, nf+1-len(defaults), nf+1, len(pos)+1)
		}
		return vm.Null, vm.Errorf(vm.TypeErrorType, "%s() takes %d positional arguments but %d were given", qual, nf+1, len(pos)+1)
	}
	vals := make([]vm.Value, nf)
	copy(vals, pos)
	if kwd != nil {
		for _, k := range kwd.Keys() {
			ks, _ := modutil.Str(k)
			j := -1
			for fi, f := range fields {
				if f == ks {
					j = fi
					break
				}
			}
			if j < 0 {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "%s() got an unexpected keyword argument '%s'", qual, ks)
			}
			if !vals[j].IsNull() {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "%s() got multiple values for argument '%s'", qual, ks)
			}
			v, _, err := kwd.Get(t, k)
			if err != nil {
				return vm.Null, err
			}
			vals[j] = v
		}
	}
	var missing []string
	for i := range vals {
		if vals[i].IsNull() {
			if d := i - (nf - len(defaults)); d >= 0 {
				vals[i] = defaults[d]
			} else {
				missing = append(missing, fields[i])
			}
		}
	}
	if len(missing) > 0 {
		return vm.Null, vm.MissingArgs(qual, "positional", missing)
	}
	return vm.TupleValue(vals...), nil
}

// ntRepr is "P(x=1, y=2)", named after the instance's own class (a
// subclass shows its name); struct_time shows as "time.struct_time".
func ntRepr(t *vm.Thread, self vm.Value, fields []string) (vm.Value, error) {
	items, ok := vm.TupleItemsOf(self)
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeErrorType, "%s.__repr__() needs a tuple, not '%s'", "namedtuple", self.Type().Name)
	}
	return reprWith(t, self, func() (string, error) {
		var b strings.Builder
		tn := self.Type().Name
		if self.Type().Module == "time" {
			tn = "time." + tn
		}
		b.WriteString(tn + "(")
		for i, v := range items {
			if i > 0 {
				b.WriteString(", ")
			}
			r, err := t.Repr(v)
			if err != nil {
				return "", err
			}
			if i < len(fields) {
				b.WriteString(fields[i] + "=")
			}
			b.WriteString(r)
		}
		b.WriteString(")")
		return b.String(), nil
	}, "...")
}
