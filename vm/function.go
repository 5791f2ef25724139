// function.go defines Python functions, cells, bound methods, built-in
// functions and method descriptors, and the binding of call arguments to a
// function's parameter slots.

package vm

import (
	"fmt"
	"math/big"
	"strings"

	"yflow/lang/ast"
	"yflow/lang/compiler"
)

// Cell holds a variable captured by a closure.
type Cell struct {
	v Value
}

// Type implements Object.
func (*Cell) Type() *Type { return CellType }

// Function is a Python function (def, lambda, comprehension, class body).
type Function struct {
	code       *compiler.Code
	rt         *codeRT
	globals    *Dict
	defaults   []Value
	kwdefaults *Dict
	closure    []*Cell
	name       *Str
	qualname   string
	module     Value
	dict       *Dict
	doc        Value
	simple     bool // positional-only binding suffices: no cells, *args, **kw, kw-only, generator
}

// Type implements Object.
func (*Function) Type() *Type { return FunctionType }

// Code returns the function's code object.
func (f *Function) Code() *compiler.Code { return f.code }

// codeRT is the VM's per-Code data: constants as Values and names as
// interned strs, plus the global-lookup cache.
type codeRT struct {
	consts  []Value
	kwnames [][]*Str // for tuple constants of strs (CALL_KW names)
	names   []*Str
	vnames  []*Str // the local variable names, interned
	gcache  []globalCache
	acache  []attrCache // per instruction, for *_ATTR and LOAD_METHOD
	codeObj *CodeObject // the code's Python object (one per code)
	instrs  []uint32    // the quickened instructions (see quicken.go)
	nlocals int
	ncells  int
	fsize   int // locals + stack
}

type globalCache struct {
	globals, builtins *Dict
	gver, bver        uint64
	v                 Value
}

// runtimeOf returns (building on first use) the VM data of a code object.
func runtimeOf(c *compiler.Code) *codeRT {
	if rt, ok := c.Runtime.(*codeRT); ok {
		return rt
	}
	rt := &codeRT{
		consts:  make([]Value, len(c.Consts)),
		kwnames: make([][]*Str, len(c.Consts)),
		names:   make([]*Str, len(c.Names)),
		gcache:  make([]globalCache, len(c.Names)),
		nlocals: len(c.VarNames),
		ncells:  c.NumCells(),
	}
	rt.fsize = rt.nlocals + c.StackSize
	rt.instrs = quicken(c)
	for i, k := range c.Consts {
		rt.consts[i] = constValue(k)
		if tup, ok := k.(compiler.Tuple); ok {
			names := make([]*Str, 0, len(tup))
			for _, x := range tup {
				if s, ok := x.(string); ok {
					names = append(names, Intern(s))
				}
			}
			if len(names) == len(tup) {
				rt.kwnames[i] = names
			}
		}
	}
	rt.vnames = make([]*Str, len(c.VarNames))
	for i, n := range c.VarNames {
		rt.vnames[i] = Intern(n)
	}
	for i, n := range c.Names {
		rt.names[i] = Intern(n)
	}
	c.Runtime = rt
	return rt
}

// constValue converts a compiler constant to a Value.
func constValue(k any) Value {
	switch k := k.(type) {
	case nil:
		return None
	case bool:
		return Bool(k)
	case int64:
		return Int(k)
	case *big.Int:
		return BigIntValue(k)
	case float64:
		return Float(k)
	case complex128:
		return Obj(&Complex{v: k})
	case string:
		return Obj(Intern(k))
	case ast.Bytes:
		return Obj(&Bytes{b: []byte(k)})
	case ast.EllipsisType:
		return Ellipsis
	case compiler.Tuple:
		items := make([]Value, len(k))
		for i, x := range k {
			items[i] = constValue(x)
		}
		return Obj(NewTuple(items))
	case *compiler.Code:
		return Obj(codeObjectOf(k))
	}
	panic(fmt.Sprintf("vm: unknown constant %T", k))
}

// CodeObject wraps a compiled code object as a Python value.
type CodeObject struct {
	code *compiler.Code
}

// Type implements Object.
func (*CodeObject) Type() *Type { return CodeType }

// NewFunction makes a function from code, in the given globals.
func NewFunction(code *compiler.Code, globals *Dict) *Function {
	f := &Function{code: code, rt: runtimeOf(code), globals: globals, name: Intern(code.Name), qualname: code.QualName}
	if m, ok := globals.GetStr(Intern("__name__")); ok {
		f.module = m
	}
	if code.Flags&(compiler.FlagLambda|compiler.FlagComprehension|compiler.FlagClassBody|compiler.FlagModule) == 0 && len(code.Consts) > 0 {
		if doc, ok := code.Consts[0].(string); ok {
			f.doc = StrValue(doc)
		}
	}
	f.simple = code.Flags&(compiler.FlagVarargs|compiler.FlagVarkw|compiler.FlagGenerator|compiler.FlagCoroutine|compiler.FlagAsyncGenerator) == 0 &&
		code.KwOnlyCount == 0 && len(code.CellVars) == 0 && len(code.FreeVars) == 0
	return f
}

// Method is a function bound to an object.
type Method struct {
	fn   Value
	self Value
}

// Type implements Object.
func (*Method) Type() *Type { return MethodType }

// BuiltinFn is the Go signature of built-in functions and methods. self is
// the receiver for methods (NULL for plain functions); the last len(kw)
// args are keyword arguments named by kw.
type BuiltinFn func(t *Thread, self Value, args []Value, kw []*Str) (Value, error)

// Builtin is a built-in function, or a built-in method bound to self.
type Builtin struct {
	name string
	fn   BuiltinFn
	self Value
}

// Type implements Object.
func (*Builtin) Type() *Type { return BuiltinType }

// NewBuiltin makes a built-in function.
func NewBuiltin(name string, fn BuiltinFn) *Builtin { return &Builtin{name: name, fn: fn} }

// MethodDescr is a built-in method as found in a built-in type's dict.
type MethodDescr struct {
	name  string
	owner *Type
	fn    BuiltinFn
	class bool // a classmethod: binds the class
}

// Type implements Object.
func (*MethodDescr) Type() *Type { return MethodDescrType }

// StaticMethod is staticmethod(f).
type StaticMethod struct{ fn Value }

// ClassMethod is classmethod(f).
type ClassMethod struct{ fn Value }

// Property is property(fget, fset, fdel, doc).
type Property struct{ fget, fset, fdel, doc Value }

// Type implements Object.
func (*StaticMethod) Type() *Type { return StaticMethodType }

// Type implements Object.
func (*ClassMethod) Type() *Type { return ClassMethodType }

// Type implements Object.
func (*Property) Type() *Type { return PropertyType }

// bindArgs fills the parameter slots of fn's new frame from a call's
// arguments, applying defaults; it reports CPython's TypeErrors.
func (t *Thread) bindArgs(fn *Function, slots []Value, args []Value, kw []*Str) error {
	code := fn.code
	nkw := len(kw)
	npos := len(args) - nkw
	nargs := code.ArgCount
	// positional
	n := npos
	if n > nargs {
		n = nargs
	}
	copy(slots, args[:n])
	for i := n; i < len(code.VarNames); i++ {
		slots[i] = Null
	}
	slot := nargs + code.KwOnlyCount
	if code.Flags&compiler.FlagVarargs != 0 {
		if npos > nargs {
			slots[slot] = Obj(NewTuple(append([]Value(nil), args[nargs:npos]...)))
		} else {
			slots[slot] = Obj(emptyTuple)
		}
		slot++
	} else if npos > nargs {
		return t.tooManyPositional(fn, npos, nkw, args, kw)
	}
	var kwdict *Dict
	if code.Flags&compiler.FlagVarkw != 0 {
		kwdict = &Dict{}
		if nkw > 0 {
			kwdict.entries = make([]dictEntry, 0, nkw)
		}
		slots[slot] = Obj(kwdict)
	}
	// keywords
	vnames := fn.rt.vnames
	for i, name := range kw {
		v := args[npos+i]
		idx := -1
		for j := code.PosOnlyCount; j < nargs+code.KwOnlyCount; j++ {
			if vn := vnames[j]; vn == name || vn.s == name.s {
				idx = j
				break
			}
		}
		if idx < 0 {
			if kwdict != nil {
				kwdict.SetStr(name, v)
				continue
			}
			if posOnlyIndex(code, name.s) >= 0 {
				// name them all, in the order they were passed
				var names []string
				for _, k := range kw {
					if posOnlyIndex(code, k.s) >= 0 {
						names = append(names, k.s)
					}
				}
				return Errorf(TypeErrorType, "%s() got some positional-only arguments passed as keyword arguments: '%s'", fn.qualname, strings.Join(names, ", "))
			}
			return Errorf(TypeErrorType, "%s() got an unexpected keyword argument '%s'", fn.qualname, name.s)
		}
		if slots[idx].o != nil {
			return Errorf(TypeErrorType, "%s() got multiple values for argument '%s'", fn.qualname, name.s)
		}
		slots[idx] = v
	}
	// defaults
	if n < nargs {
		ndef := len(fn.defaults)
		var missing []string
		for i := n; i < nargs; i++ {
			if slots[i].o != nil {
				continue
			}
			if d := i - (nargs - ndef); d >= 0 {
				slots[i] = fn.defaults[d]
			} else {
				missing = append(missing, code.VarNames[i])
			}
		}
		if missing != nil {
			return missingArgs(fn.qualname, "positional", missing)
		}
	}
	if code.KwOnlyCount > 0 {
		var missing []string
		for i := nargs; i < nargs+code.KwOnlyCount; i++ {
			if slots[i].o != nil {
				continue
			}
			if fn.kwdefaults != nil {
				if d, ok := fn.kwdefaults.GetStr(fn.rt.vnames[i]); ok {
					slots[i] = d
					continue
				}
			}
			missing = append(missing, code.VarNames[i])
		}
		if missing != nil {
			return missingArgs(fn.qualname, "keyword-only", missing)
		}
	}
	return nil
}

// posOnlyIndex is the index of the positional-only parameter name, or -1.
func posOnlyIndex(code *compiler.Code, name string) int {
	for j := 0; j < code.PosOnlyCount; j++ {
		if code.VarNames[j] == name {
			return j
		}
	}
	return -1
}

func missingArgs(name, kind string, missing []string) error {
	quoted := make([]string, len(missing))
	for i, m := range missing {
		quoted[i] = "'" + m + "'"
	}
	var list string
	switch len(quoted) {
	case 1:
		list = quoted[0]
	case 2:
		list = quoted[0] + " and " + quoted[1]
	default:
		list = strings.Join(quoted[:len(quoted)-1], ", ") + ", and " + quoted[len(quoted)-1]
	}
	s := "s"
	if len(missing) == 1 {
		s = ""
	}
	return Errorf(TypeErrorType, "%s() missing %d required %s argument%s: %s", name, len(missing), kind, s, list)
}

func (t *Thread) tooManyPositional(fn *Function, npos, nkw int, args []Value, kw []*Str) error {
	code := fn.code
	nargs := code.ArgCount
	ndef := len(fn.defaults)
	var takes string
	if ndef > 0 {
		takes = fmt.Sprintf("from %d to %d positional arguments", nargs-ndef, nargs)
	} else if nargs == 1 {
		takes = "1 positional argument"
	} else {
		takes = fmt.Sprintf("%d positional arguments", nargs)
	}
	given := fmt.Sprintf("%d were given", npos)
	if npos == 1 {
		given = "1 was given"
	}
	kwonly := 0
	for _, name := range kw {
		for j := nargs; j < nargs+code.KwOnlyCount; j++ {
			if code.VarNames[j] == name.s {
				kwonly++
			}
		}
	}
	if kwonly > 0 {
		s := ""
		if kwonly > 1 {
			s = "s"
		}
		verb := "was"
		if npos != 1 {
			verb = "were"
		}
		return Errorf(TypeErrorType, "%s() takes %s but %d positional argument%s (and %d keyword-only argument%s) %s given", fn.qualname, takes, npos, plural(npos), kwonly, s, verb)
	}
	return Errorf(TypeErrorType, "%s() takes %s but %s", fn.qualname, takes, given)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// codeObjectOf returns the one Python code object of c.
func codeObjectOf(c *compiler.Code) *CodeObject {
	rt := runtimeOf(c)
	if rt.codeObj == nil {
		rt.codeObj = &CodeObject{code: c}
	}
	return rt.codeObj
}
