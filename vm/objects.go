// objects.go defines the built-in container and helper objects: tuple,
// list, set/frozenset, range, slice, bytes, bytearray, complex, module and
// the built-in iterators.

package vm

// Tuple is an immutable sequence.
type Tuple struct {
	items []Value
}

// Type implements Object.
func (*Tuple) Type() *Type { return TupleType }

// Items returns the tuple's items (do not modify).
func (t *Tuple) Items() []Value { return t.items }

var emptyTuple = &Tuple{}

// NewTuple makes a tuple owning items.
func NewTuple(items []Value) *Tuple {
	if len(items) == 0 {
		return emptyTuple
	}
	return &Tuple{items: items}
}

// TupleValue makes a tuple Value of the given items.
func TupleValue(items ...Value) Value { return Obj(NewTuple(items)) }

// List is a mutable sequence.
type List struct {
	items []Value
}

// Type implements Object.
func (*List) Type() *Type { return ListType }

// NewList makes a list owning items.
func NewList(items []Value) *List { return &List{items: items} }

// Items returns the list's items (shared).
func (l *List) Items() []Value { return l.items }

// Append adds v at the end.
func (l *List) Append(v Value) {
	if cap(l.items) == 0 {
		// start at four items, as CPython does, rather than growing
		// through 1, 2 and 4 (three allocations for a list built by appends)
		l.items = make([]Value, 0, 4)
	}
	l.items = append(l.items, v)
}

// Set (set and frozenset) is defined in set_impl.go.

// Range is range(start, stop, step).
type Range struct {
	start, stop, step int64
}

// Type implements Object.
func (*Range) Type() *Type { return RangeType }

// Len is the number of elements.
func (r *Range) Len() int64 {
	if r.step > 0 && r.start < r.stop {
		return (r.stop - r.start + r.step - 1) / r.step
	}
	if r.step < 0 && r.start > r.stop {
		return (r.start - r.stop - r.step - 1) / -r.step
	}
	return 0
}

// Slice is slice(start, stop, step).
type Slice struct {
	start, stop, step Value
}

// Type implements Object.
func (*Slice) Type() *Type { return SliceType }

// Bytes is an immutable byte string.
type Bytes struct {
	b    []byte
	hash int64
}

// Type implements Object.
func (*Bytes) Type() *Type { return BytesType }

// NewBytes makes a bytes object owning b.
func NewBytes(b []byte) *Bytes { return &Bytes{b: b} }

// ByteArray is a mutable byte string.
type ByteArray struct {
	b []byte
}

// Type implements Object.
func (*ByteArray) Type() *Type { return ByteArrayType }

// Complex is a complex number.
type Complex struct {
	v complex128
}

// Type implements Object.
func (*Complex) Type() *Type { return ComplexType }

// Module is a module object.
type Module struct {
	name string
	dict *Dict
}

// Type implements Object.
func (*Module) Type() *Type { return ModuleType }

// NewModule makes a module with the given name.
func NewModule(name string) *Module {
	m := &Module{name: name, dict: NewDict()}
	m.dict.SetStr(strName, StrValue(name))
	m.dict.SetStr(strDoc, None)
	return m
}

// Dict returns the module's namespace.
func (m *Module) Dict() *Dict { return m.dict }

// Set stores a module attribute.
func (m *Module) Set(name string, v Value) { m.dict.SetStr(Intern(name), v) }

// ---------------------------------------------------------------- iterators

// rangeIter iterates over a range.
type rangeIter struct {
	start, step, i, n int64
}

// listIter iterates over a list (seeing appends made meanwhile).
type listIter struct {
	l *List
	i int
}

// seqIter iterates over a tuple's or str's items, or an object's
// __getitem__ (the old sequence protocol).
type seqIter struct {
	items []Value
	obj   Value // for __getitem__ iteration
	i     int
	done  bool
}

// strIter iterates over a str's code points.
type strIter struct {
	s *Str
	i int // byte offset
}

// dictIter iterates over a dict's keys, values or items.
type dictIter struct {
	d    *Dict
	i    int
	kind int // 0 keys, 1 values, 2 items
	ver  int // live count at start, to detect size changes
}

// funcIter is a built-in iterator driven by a Go function (map, zip,
// enumerate, filter, reversed, ...): next returns ok=false when exhausted.
type funcIter struct {
	name string
	next func(t *Thread) (Value, bool, error)
}

// callIter is iter(callable, sentinel).
type callIter struct {
	fn, sentinel Value
	done         bool
}

func (*rangeIter) Type() *Type { return rangeIterType }
func (*listIter) Type() *Type  { return listIterType }
func (*seqIter) Type() *Type   { return seqIterType }
func (*strIter) Type() *Type   { return strIterType }
func (it *dictIter) Type() *Type {
	switch it.kind {
	case 1:
		return dictValueIterType
	case 2:
		return dictItemIterType
	}
	return dictKeyIterType
}
func (it *funcIter) Type() *Type { return funcIterTypes(it.name) }
func (*callIter) Type() *Type    { return callIterType }

var (
	rangeIterType, listIterType, seqIterType, strIterType, dictKeyIterType,
	dictValueIterType, dictItemIterType, callIterType *Type
	funcIterTypeMap = map[string]*Type{}
)

func funcIterTypes(name string) *Type {
	if t, ok := funcIterTypeMap[name]; ok {
		return t
	}
	t := newBuiltinType(name, ObjectType)
	funcIterTypeMap[name] = t
	return t
}

// DictView is dict.keys(), dict.values() or dict.items().
type DictView struct {
	d    *Dict
	kind int
}

// Type implements Object.
func (v *DictView) Type() *Type {
	switch v.kind {
	case 1:
		return dictValuesType
	case 2:
		return dictItemsType
	}
	return dictKeysType
}

var dictKeysType, dictValuesType, dictItemsType *Type

func setupIterTypes() {
	rangeIterType = newBuiltinType("range_iterator", ObjectType)
	listIterType = newBuiltinType("list_iterator", ObjectType)
	seqIterType = newBuiltinType("iterator", ObjectType)
	strIterType = newBuiltinType("str_ascii_iterator", ObjectType)
	dictKeyIterType = newBuiltinType("dict_keyiterator", ObjectType)
	dictValueIterType = newBuiltinType("dict_valueiterator", ObjectType)
	dictItemIterType = newBuiltinType("dict_itemiterator", ObjectType)
	callIterType = newBuiltinType("callable_iterator", ObjectType)
	dictKeysType = newBuiltinType("dict_keys", ObjectType)
	dictValuesType = newBuiltinType("dict_values", ObjectType)
	dictItemsType = newBuiltinType("dict_items", ObjectType)
	for _, name := range []string{"map", "filter", "zip", "enumerate", "reversed"} {
		funcIterTypes(name)
	}
	for _, it := range []*Type{rangeIterType, listIterType, seqIterType, strIterType, dictKeyIterType, dictValueIterType, dictItemIterType, callIterType} {
		addIterMethods(it)
	}
	for _, it := range funcIterTypeMap {
		addIterMethods(it)
	}
}

func addIterMethods(typ *Type) {
	addMethod(typ, "__iter__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return self, nil
	})
	addMethod(typ, "__next__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		v, ok, err := t.Next(self)
		if err != nil {
			return Null, err
		}
		if !ok {
			return Null, NewException(StopIterationType)
		}
		return v, nil
	})
}
