// types.go creates the built-in types at start-up, in dependency order, and
// gives the helpers built-in methods are declared with.

package vm

// The built-in types.
var (
	ObjectType, TypeType, IntType, BoolType, FloatType, ComplexType, StrType,
	BytesType, ByteArrayType, ListType, TupleType, DictType, SetType,
	FrozenSetType, RangeType, SliceType, NoneType, NotImplementedType,
	EllipsisType, FunctionType, MethodType, BuiltinType, MethodDescrType,
	StaticMethodType, ClassMethodType, PropertyType, CellType, CodeType,
	ModuleType, IteratorType, TracebackType, SuperType, DictViewType,
	GeneratorType *Type
)

// Frequently used names.
var (
	strCall, strInit, strDunderNew, strName, strQualName, strModule, strDict,
	strClass, strDoc, strIterM, strNext, strGetattr, strSlots, strClassCell,
	strEnter, strExit, strReprM, strStrM, strLen, strBool, strHash, strEq,
	strContains, strGetitem, strSetitem, strDelitem, strGet, strSet,
	strDelete, strMain, strBuiltins, strFormat, strSetattr, strDelattr,
	strMro, strAll, strFile, strPath, strInitSubclass,
	strSetName, strMissing, strReversed, strNe, strIndexM *Str
	strAwait, strAenter, strAexit, strAiter, strAnext *Str
)

func init() {
	strCall = Intern("__call__")
	strAwait = Intern("__await__")
	strAenter = Intern("__aenter__")
	strAexit = Intern("__aexit__")
	strAiter = Intern("__aiter__")
	strAnext = Intern("__anext__")
	strInit = Intern("__init__")
	strDunderNew = Intern("__new__")
	strName = Intern("__name__")
	strQualName = Intern("__qualname__")
	strModule = Intern("__module__")
	strDict = Intern("__dict__")
	strClass = Intern("__class__")
	strDoc = Intern("__doc__")
	strIterM = Intern("__iter__")
	strNext = Intern("__next__")
	strGetattr = Intern("__getattr__")
	strSlots = Intern("__slots__")
	strClassCell = Intern("__classcell__")
	strEnter = Intern("__enter__")
	strExit = Intern("__exit__")
	strReprM = Intern("__repr__")
	strStrM = Intern("__str__")
	strLen = Intern("__len__")
	strBool = Intern("__bool__")
	strHash = Intern("__hash__")
	strEq = Intern("__eq__")
	strNe = Intern("__ne__")
	strContains = Intern("__contains__")
	strGetitem = Intern("__getitem__")
	strSetitem = Intern("__setitem__")
	strDelitem = Intern("__delitem__")
	strGet = Intern("__get__")
	strSet = Intern("__set__")
	strDelete = Intern("__delete__")
	strMain = Intern("__main__")
	strBuiltins = Intern("__builtins__")
	strFormat = Intern("__format__")
	strSetattr = Intern("__setattr__")
	strDelattr = Intern("__delattr__")
	strIndexM = Intern("__index__")
	strMro = Intern("__mro__")
	strAll = Intern("__all__")
	strFile = Intern("__file__")
	strPath = Intern("__path__")
	strInitSubclass = Intern("__init_subclass__")
	strSetName = Intern("__set_name__")
	strMissing = Intern("__missing__")
	strReversed = Intern("__reversed__")

	ObjectType = newBuiltinType("object", nil)
	ObjectType.base = ObjectType
	TypeType = newBuiltinType("type", ObjectType)
	IntType = newBuiltinType("int", ObjectType)
	BoolType = newBuiltinType("bool", IntType)
	FloatType = newBuiltinType("float", ObjectType)
	ComplexType = newBuiltinType("complex", ObjectType)
	StrType = newBuiltinType("str", ObjectType)
	BytesType = newBuiltinType("bytes", ObjectType)
	ByteArrayType = newBuiltinType("bytearray", ObjectType)
	ListType = newBuiltinType("list", ObjectType)
	TupleType = newBuiltinType("tuple", ObjectType)
	DictType = newBuiltinType("dict", ObjectType)
	SetType = newBuiltinType("set", ObjectType)
	FrozenSetType = newBuiltinType("frozenset", ObjectType)
	RangeType = newBuiltinType("range", ObjectType)
	SliceType = newBuiltinType("slice", ObjectType)
	NoneType = newBuiltinType("NoneType", ObjectType)
	NotImplementedType = newBuiltinType("NotImplementedType", ObjectType)
	EllipsisType = newBuiltinType("ellipsis", ObjectType)
	FunctionType = newBuiltinType("function", ObjectType)
	MethodType = newBuiltinType("method", ObjectType)
	BuiltinType = newBuiltinType("builtin_function_or_method", ObjectType)
	MethodDescrType = newBuiltinType("method_descriptor", ObjectType)
	StaticMethodType = newBuiltinType("staticmethod", ObjectType)
	ClassMethodType = newBuiltinType("classmethod", ObjectType)
	PropertyType = newBuiltinType("property", ObjectType)
	CellType = newBuiltinType("cell", ObjectType)
	CodeType = newBuiltinType("code", ObjectType)
	ModuleType = newBuiltinType("module", ObjectType)
	IteratorType = newBuiltinType("iterator", ObjectType)
	TracebackType = newBuiltinType("traceback", ObjectType)
	SuperType = newBuiltinType("super", ObjectType)
	DictViewType = newBuiltinType("dict_view", ObjectType)
	GeneratorType = newBuiltinType("generator", ObjectType)

	setupExceptionTypes()
	setupObjectMethods()
	setupTypeMethods()
	setupNumberMethods()
	setupStrMethods()
	setupBytesMethods()
	setupListMethods()
	listAppendDescr = ListType.Dict.getStrValue(Intern("append")).o.(*MethodDescr)
	setupTupleMethods()
	setupDictMethods()
	setupSetMethods()
	setupMiscTypes()
	setupGeneratorTypes()
	setupAsyncGenTypes()
	setupGenericAlias()
	setupUnionType()
	setupStreamType()
	setupFileTypes()
	setupFrameType()
	setupBuildClass()
	setupPayloadInit()
}

// addMethod installs a built-in method on a type.
func addMethod(typ *Type, name string, fn BuiltinFn) {
	typ.Dict.SetStr(Intern(name), Obj(&MethodDescr{name: name, owner: typ, fn: fn}))
}

// addClassMethod installs a built-in classmethod (it receives the class as self).
func addClassMethod(typ *Type, name string, fn BuiltinFn) {
	typ.Dict.SetStr(Intern(name), Obj(&MethodDescr{name: name, owner: typ, fn: fn, class: true}))
}

// addStaticNew installs a built-in __new__ (a staticmethod receiving the class first).
func addStaticNew(typ *Type, fn BuiltinFn) {
	typ.Dict.SetStr(strDunderNew, Obj(&StaticMethod{fn: Obj(NewBuiltin("__new__", fn))}))
}

// noKw reports a TypeError when keyword arguments were passed to name.
func noKw(name string, kw []*Str) error {
	if len(kw) > 0 {
		return Errorf(TypeErrorType, "%s() takes no keyword arguments", name)
	}
	return nil
}

// checkArgs validates the positional argument count of a built-in with no
// keyword arguments.
func checkArgs(name string, args []Value, kw []*Str, min, max int) error {
	if len(kw) > 0 {
		return Errorf(TypeErrorType, "%s() takes no keyword arguments", name)
	}
	n := len(args)
	if n >= min && (max < 0 || n <= max) {
		return nil
	}
	if min == max {
		if min == 0 {
			return Errorf(TypeErrorType, "%s() takes no arguments (%d given)", name, n)
		}
		if min == 1 {
			return Errorf(TypeErrorType, "%s() takes exactly one argument (%d given)", name, n)
		}
		return Errorf(TypeErrorType, "%s expected %d arguments, got %d", name, min, n)
	}
	if n < min {
		return Errorf(TypeErrorType, "%s expected at least %d argument%s, got %d", name, min, plural(min), n)
	}
	return Errorf(TypeErrorType, "%s expected at most %d argument%s, got %d", name, max, plural(max), n)
}

// unpackArgs binds positional and keyword arguments of a built-in to out by
// parameter names; parameters from index min on are optional (left NULL
// when absent).
func unpackArgs(fname string, args []Value, kw []*Str, names []string, min int, out ...*Value) error {
	npos := len(args) - len(kw)
	if npos > len(names) {
		return Errorf(TypeErrorType, "%s() takes at most %d argument%s (%d given)", fname, len(names), plural(len(names)), npos)
	}
	for i := 0; i < npos; i++ {
		*out[i] = args[i]
	}
	for i := npos; i < len(names); i++ {
		*out[i] = Null
	}
	for i, k := range kw {
		found := false
		for j, n := range names {
			if n == k.s {
				if j < npos {
					return Errorf(TypeErrorType, "argument for %s() given by name ('%s') and position (%d)", fname, n, j+1)
				}
				*out[j] = args[npos+i]
				found = true
				break
			}
		}
		if !found {
			return Errorf(TypeErrorType, "%s() got an unexpected keyword argument '%s'", fname, k.s)
		}
	}
	for i := 0; i < min; i++ {
		if out[i].o == nil {
			return Errorf(TypeErrorType, "%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	return nil
}
