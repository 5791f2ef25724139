// api.go exports small wrappers around VM internals for the standard
// library packages (stdlib/...): argument checking, iteration, Go-driven
// iterators, built-in methods and properties, "native classes" (ordinary
// classes whose instances carry a Go payload in a hidden slot, so that the
// VM's user-class paths — truth, hashing, comparison, operators,
// subclassing — apply to them), and accessors for numbers, strs,
// functions, generators and exceptions.

package vm

import (
	"math/big"
	"syscall"

	"yflow/lang/compiler"
)

// CheckArgs validates the positional argument count of a built-in that
// takes no keyword arguments (CPython's messages).
func CheckArgs(name string, args []Value, kw []*Str, min, max int) error {
	return checkArgs(name, args, kw, min, max)
}

// UnpackArgs binds positional and keyword arguments of a built-in to out
// by parameter names; parameters from index min on are optional (NULL
// when absent).
func UnpackArgs(fname string, args []Value, kw []*Str, names []string, min int, out ...*Value) error {
	return unpackArgs(fname, args, kw, names, min, out...)
}

// NoKw reports a TypeError when keyword arguments were passed to name.
func NoKw(name string, kw []*Str) error { return noKw(name, kw) }

// Iterate calls fn for every item of an iterable; fn may return
// ErrStopIterate to stop early without error.
func (t *Thread) Iterate(v Value, fn func(Value) error) error {
	err := t.iterate(v, fn)
	if err == errStopIteration {
		return nil
	}
	return err
}

// ErrStopIterate, returned by an Iterate callback, ends the loop quietly.
var ErrStopIterate error = errStopIteration

// IsStopIteration reports whether err is a StopIteration exception (or a
// subclass of it).
func IsStopIteration(err error) bool {
	e, ok := err.(*Exception)
	return ok && e.cls != nil && e.cls.IsSubtype(StopIterationType)
}

// NewIterator makes a built-in iterator driven by next, which returns
// ok=false when exhausted. name is the iterator type's name
// (e.g. "itertools.count" shows as type 'count').
func NewIterator(name string, next func(t *Thread) (Value, bool, error)) Value {
	if _, ok := funcIterTypeMap[name]; !ok {
		addIterMethods(funcIterTypes(name))
	}
	return Obj(&funcIter{name: name, next: next})
}

// IteratorType returns the type NewIterator uses for name.
func IteratorTypeNamed(name string) *Type {
	if _, ok := funcIterTypeMap[name]; !ok {
		addIterMethods(funcIterTypes(name))
	}
	return funcIterTypeMap[name]
}

// AddMethod installs a built-in method on a class.
func AddMethod(typ *Type, name string, fn BuiltinFn) {
	addMethod(typ, name, fn)
	typ.invalidate()
}

// AddClassMethod installs a built-in classmethod (fn receives the class
// as self).
func AddClassMethod(typ *Type, name string, fn BuiltinFn) {
	addClassMethod(typ, name, fn)
	typ.invalidate()
}

// AddStaticMethod installs a built-in staticmethod.
func AddStaticMethod(typ *Type, name string, fn BuiltinFn) {
	typ.Dict.SetStr(Intern(name), Obj(&StaticMethod{fn: Obj(NewBuiltin(name, fn))}))
	typ.invalidate()
}

// SetClassAttr stores a class attribute.
func SetClassAttr(typ *Type, name string, v Value) {
	typ.SetAttr(Intern(name), v)
}

// NewProperty makes property(fget, fset); either may be NULL.
func NewProperty(fget, fset Value) Value {
	return Obj(&Property{fget: fget, fset: fset})
}

// NewStaticMethod is staticmethod(fn).
func NewStaticMethod(fn Value) Value { return Obj(&StaticMethod{fn: fn}) }

// NewClassMethod is classmethod(fn).
func NewClassMethod(fn Value) Value { return Obj(&ClassMethod{fn: fn}) }

// NewBuiltinType makes a built-in type (instances are Go objects whose
// Type method returns it) in the given module.
func NewBuiltinType(name, module string, base *Type) *Type {
	if base == nil {
		base = ObjectType
	}
	typ := newBuiltinType(name, base)
	typ.Module = module
	return typ
}

// SetTypeNew sets the Go constructor of a built-in type (what calling the
// type does).
func SetTypeNew(typ *Type, fn func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error)) {
	typ.new = fn
}

// NewClass makes a class as a class statement would (bases default to
// object), e.g. an exception class defined by a module.
func NewClass(t *Thread, name, module string, bases []*Type, ns *Dict) (*Type, error) {
	if ns == nil {
		ns = NewDict()
	}
	if _, ok := ns.GetStr(strModule); !ok {
		ns.SetStr(strModule, StrValue(module))
	}
	cls, err := t.newClass(name, bases, ns)
	if err != nil {
		return nil, err
	}
	cls.Module = module
	return cls, nil
}

// nativeSlot names the hidden slot of native-class instances.
const nativeSlot = "__yflow_native__"

// NewNativeClass makes a class whose instances are ordinary instances
// (no __dict__) carrying a Go payload in a hidden slot: see NativePayload.
// Methods are added with AddMethod; instances are made by calling the
// class (payload created lazily by the methods) or by NewNativeInstance.
// Python classes may subclass it.
func NewNativeClass(t *Thread, name, module string, bases []*Type, ns *Dict) (*Type, error) {
	if ns == nil {
		ns = NewDict()
	}
	ns.SetStr(strSlots, StrValue(nativeSlot))
	cls, err := NewClass(t, name, module, bases, ns)
	if err != nil {
		return nil, err
	}
	cls.Dict.Delete(t, Obj(strSlots))
	cls.invalidate()
	return cls, nil
}

// NewNativeInstance makes an instance of a native class (or of a
// subclass of one) holding payload.
func NewNativeInstance(cls *Type, payload Object) Value {
	in := newInstance(cls)
	if len(in.slots) > 0 {
		in.slots[0] = Value{o: payload}
	}
	return Obj(in)
}

// NativePayload returns the Go payload of a native-class instance; ok is
// false when v is not one. The payload is nil when none is set yet.
func NativePayload(v Value) (payload Object, ok bool) {
	in, isInst := v.o.(*Instance)
	if !isInst || len(in.slots) == 0 || len(in.cls.slots) == 0 || in.cls.slots[0] != nativeSlot {
		return nil, false
	}
	return in.slots[0].o, true
}

// SetNativePayload stores the Go payload of a native-class instance.
func SetNativePayload(v Value, payload Object) bool {
	in, isInst := v.o.(*Instance)
	if !isInst || len(in.slots) == 0 || len(in.cls.slots) == 0 || in.cls.slots[0] != nativeSlot {
		return false
	}
	in.slots[0] = Value{o: payload}
	return true
}

// AsStr returns v's *Str when v is a str.
func (v Value) AsStr() (*Str, bool) {
	s, ok := v.o.(*Str)
	return s, ok
}

// IsIntLike reports whether v is an int (small or big) or a bool.
func IsIntLike(v Value) bool { return isIntLike(v) }

// AsBig returns an int or bool as a new big.Int; ok is false otherwise.
func (v Value) AsBig() (*big.Int, bool) {
	if !isIntLike(v) {
		return nil, false
	}
	return new(big.Int).Set(toBig(v)), true
}

// ToFloat converts an int, bool or float to float64; ok is false for
// other types (an int too large gives ±Inf).
func ToFloat(v Value) (float64, bool) { return toFloat(v) }

// IsBuiltin reports whether the type is defined by the VM (not a class
// statement or NewClass).
func (t *Type) IsBuiltin() bool { return t.builtin }

// ExcDict returns an exception's attribute dict (created on demand).
func (e *Exception) ExcDict() *Dict { return e.dictOrNew() }

// SliceIndices resolves a slice object against a sequence length: start,
// stop, step and the number of selected items; ok is false when k is not
// a slice.
func (t *Thread) SliceIndices(k Value, length int) (start, stop, step, n int, ok bool, err error) {
	sl, isSlice := k.o.(*Slice)
	if !isSlice {
		return 0, 0, 0, 0, false, nil
	}
	start, stop, step, n, err = t.sliceIndices(sl, length)
	return start, stop, step, n, true, err
}

// SeqIndex resolves an index (negative counts from the end) for a
// sequence of length n; what names the sequence in the IndexError
// ("deque index out of range").
func (t *Thread) SeqIndex(k Value, n int, what string) (int, error) {
	return t.seqIndex(k, n, what)
}

// CallMethod calls the method name of v.
func (t *Thread) CallMethod(v Value, name string, args []Value, kw []*Str) (Value, error) {
	m, err := t.GetAttr(v, Intern(name))
	if err != nil {
		return Null, err
	}
	return t.Call(m, args, kw)
}

// Callable is Python's callable(v).
func Callable(v Value) bool {
	switch v.o.(type) {
	case *Function, *Builtin, *Method, *Type, *MethodDescr:
		return true
	}
	return v.Type().Lookup(strCall).o != nil
}

// IsInstance is Python's isinstance(v, cls).
func (t *Thread) IsInstance(v, cls Value) (bool, error) { return t.isInstance(v, cls) }

// FunctionOf returns the Python function behind v (itself, or a bound
// method's function); ok is false for other callables.
func FunctionOf(v Value) (*Function, bool) {
	switch f := v.o.(type) {
	case *Function:
		return f, true
	case *Method:
		fn, ok := f.fn.o.(*Function)
		return fn, ok
	}
	return nil, false
}

// MarkIterableCoroutine flags a generator function as a generator-based
// coroutine (types.coroutine): its generators become awaitable.
func (f *Function) MarkIterableCoroutine() {
	if f.code.Flags&compiler.FlagGenerator != 0 {
		f.code.Flags |= compiler.FlagIterableCoroutine
	}
}

// IsCoroutine reports whether g is an `async def` coroutine.
func (g *Generator) IsCoroutine() bool { return g.coro }

// IsIterableCoroutine reports whether g comes from a generator function
// marked by types.coroutine.
func (g *Generator) IsIterableCoroutine() bool {
	return g.code().Flags&compiler.FlagIterableCoroutine != 0
}

// IsMethod reports whether v is a bound method of a Python function.
func IsMethod(v Value) bool {
	_, ok := v.o.(*Method)
	return ok
}

// ReprEnter guards Go-level recursion in reprs of containers (leave with
// ReprLeave).
func (t *Thread) ReprEnter() error { return t.enterRecursive() }

// ReprLeave ends a ReprEnter.
func (t *Thread) ReprLeave() { t.leaveRecursive() }

// SortValues returns items sorted as list.sort(key=key, reverse=reverse)
// would sort them (key and reverse may be NULL).
func (t *Thread) SortValues(items []Value, key, reverse Value) ([]Value, error) {
	if reverse.o == nil {
		reverse = False
	}
	if key.o == nil {
		key = None
	}
	l := &List{items: items}
	err := t.SortList(l, key, reverse)
	return l.items, err
}

// NewDictView makes d.keys() (kind 0), d.values() (1) or d.items() (2).
func NewDictView(d *Dict, kind int) Value { return Obj(&DictView{d: d, kind: kind}) }

// NewTypeError is the TypeError of a descriptor applied to the wrong
// object: "descriptor 'append' for 'collections.deque' objects doesn't
// apply to a 'int' object".
func DescriptorError(name string, owner *Type, self Value) error {
	q := owner.Name
	if owner.Module != "builtins" && owner.Module != "" {
		q = owner.Module + "." + owner.Name
	}
	return Errorf(TypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, q, self.Type().Name)
}

// NewBoundMethod binds fn to self (what a function found on a class
// becomes when looked up on an instance).
func NewBoundMethod(fn, self Value) Value { return Obj(&Method{fn: fn, self: self}) }

// BuiltinsModuleValue is the builtins module, for the __builtins__ of
// module namespaces created from Go.
func (in *Interp) BuiltinsModuleValue() Value { return Obj(in.builtinsModule()) }

// BytesLike returns the contents of a bytes or bytearray (TypeError "a
// bytes-like object is required" otherwise). The slice is shared.
func BytesLike(v Value) ([]byte, error) { return bytesLike(v) }

// WritableBuffer returns the storage of a bytearray, which a built-in may
// fill in place (socket.recv_into).
func WritableBuffer(v Value) ([]byte, bool) {
	if ba, ok := v.o.(*ByteArray); ok {
		return ba.b, true
	}
	return nil, false
}

// ErrnoError is the OSError for a system call's errno, of the subclass
// CPython picks (ConnectionRefusedError, BlockingIOError, ...), with
// args (errno, strerror).
func ErrnoError(errno syscall.Errno) *Exception {
	cls := OSErrorType
	if c, ok := errnoClasses[int64(errno)]; ok {
		cls = *c
	}
	e := NewException(cls, Int(int64(errno)), StrValue(errnoMessage(errno)))
	e.goErr = errno
	return e
}

// IntOf returns the value of a small int, or of an instance of an int
// subclass holding one.
func IntOf(v Value) (int64, bool) {
	if u := unwrapSelf(v); u.IsInt() {
		return u.AsInt(), true
	}
	return 0, false
}

// AsyncGenHooks returns the thread's sys.get_asyncgen_hooks() (NULL for
// an unset hook).
func (t *Thread) AsyncGenHooks() (firstiter, finalizer Value) {
	return t.agFirstIter, t.agFinalizer
}

// SetAsyncGenHooks sets the thread's async generator hooks (NULL: unset),
// as an event loop does while it runs.
func (t *Thread) SetAsyncGenHooks(firstiter, finalizer Value) {
	t.agFirstIter, t.agFinalizer = firstiter, finalizer
}

// IsAsyncGenAwaitable reports whether v is the awaitable of an async
// generator's __anext__/asend/athrow/aclose, which (as in CPython, where
// it has send/throw/close) a Task may drive as a coroutine.
func IsAsyncGenAwaitable(v Value) bool {
	_, ok := v.o.(*asyncGenOp)
	return ok
}

// MissingArgs is CPython's "f() missing 2 required positional arguments:
// 'a' and 'b'" (kind: "positional" or "keyword-only").
func MissingArgs(name, kind string, missing []string) error {
	return missingArgs(name, kind, missing)
}
