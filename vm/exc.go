// exc.go defines Python exceptions as Go errors: the Exception object, the
// standard hierarchy, tracebacks, raising (with __cause__/__context__) and
// printing in CPython's traceback format.

package vm

import (
	"fmt"
	"strings"

	"yflow/lang/compiler"
)

// Exception is an instance of BaseException or a subclass. It implements
// error, so built-ins return it as their error value.
type Exception struct {
	cls             *Type
	args            []Value
	dict            *Dict
	cause, context  Value // NULL when unset
	suppressContext bool
	tb              *Traceback
	goErr           error       // the Go error this wraps, if any
	sug             *suggestCtx // a NameError's or AttributeError's name (suggest.go)
}

// Type implements Object.
func (e *Exception) Type() *Type { return e.cls }

// Error implements error: "TypeError: message".
func (e *Exception) Error() string {
	msg := e.Message()
	if msg == "" {
		return e.cls.Name
	}
	return e.cls.Name + ": " + msg
}

// Unwrap returns the Go error an OSError wraps.
func (e *Exception) Unwrap() error { return e.goErr }

// Class returns the exception's class.
func (e *Exception) Class() *Type { return e.cls }

// Args returns the exception's args.
func (e *Exception) Args() []Value { return e.args }

// Message is str(e) for the built-in cases that need no interpreter.
func (e *Exception) Message() string {
	if e.cls.IsSubtype(KeyErrorType) && len(e.args) == 1 {
		return reprNoThread(e.args[0])
	}
	switch len(e.args) {
	case 0:
		return ""
	case 1:
		if s, ok := e.args[0].o.(*Str); ok {
			return s.s
		}
		return reprNoThread(e.args[0])
	}
	return reprNoThread(Obj(NewTuple(e.args)))
}

func reprNoThread(v Value) string {
	s, err := (&Thread{in: &Interp{recursionLimit: 100}}).Repr(v)
	if err != nil {
		return "?"
	}
	return s
}

func (e *Exception) dictOrNew() *Dict {
	if e.dict == nil {
		e.dict = NewDict()
	}
	return e.dict
}

// Traceback is one entry of an exception's traceback, outermost first.
type Traceback struct {
	filename string
	name     string
	line     int
	next     *Traceback
}

// Type implements Object.
func (*Traceback) Type() *Type { return TracebackType }

// addTraceback records that the exception passed through frame f at pc.
func (e *Exception) addTraceback(f *Frame, pc int) {
	c := f.code
	e.tb = &Traceback{filename: c.Filename, name: c.Name, line: c.Line(pc), next: e.tb}
}

// Errorf makes an exception of class cls with a formatted message.
func Errorf(cls *Type, format string, args ...any) *Exception {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	return &Exception{cls: cls, args: []Value{StrValue(msg)}}
}

// NewException makes an exception of class cls with the given args.
func NewException(cls *Type, args ...Value) *Exception {
	return &Exception{cls: cls, args: append([]Value(nil), args...)}
}

// toException converts any error to a Python exception.
func (t *Thread) toException(err error) *Exception {
	if e, ok := err.(*Exception); ok {
		return e
	}
	return &Exception{cls: SystemErrorType, args: []Value{StrValue(err.Error())}, goErr: err}
}

// makeRaise implements `raise exc [from cause]`.
func (t *Thread) makeRaise(excv, cause Value, haveCause bool) error {
	exc, err := t.instantiateException(excv, "exceptions must derive from BaseException")
	if err != nil {
		return err
	}
	if haveCause {
		if cause.IsNone() {
			exc.cause = None
		} else {
			c, err := t.instantiateException(cause, "exception causes must derive from BaseException")
			if err != nil {
				return err
			}
			exc.cause = Obj(c)
		}
		exc.suppressContext = true
	}
	return exc
}

func (t *Thread) instantiateException(v Value, msg string) (*Exception, error) {
	switch x := v.o.(type) {
	case *Exception:
		return x, nil
	case *Type:
		if x.IsSubtype(BaseExceptionType) {
			r, err := t.Call(v, nil, nil)
			if err != nil {
				return nil, err
			}
			if e, ok := r.o.(*Exception); ok {
				return e, nil
			}
			return nil, Errorf(TypeErrorType, "calling %s should have returned an instance of BaseException, not %s", x.Name, r.Type().Name)
		}
	}
	return nil, Errorf(TypeErrorType, "%s", msg)
}

// excMatch implements CHECK_EXC_MATCH.
func (t *Thread) excMatch(excv, typ Value) (bool, error) {
	exc := excv.o.(*Exception)
	switch x := typ.o.(type) {
	case *Type:
		if !x.IsSubtype(BaseExceptionType) {
			return false, Errorf(TypeErrorType, "catching classes that do not inherit from BaseException is not allowed")
		}
		return exc.cls.IsSubtype(x), nil
	case *Tuple:
		for _, it := range x.items {
			ok, err := t.excMatch(excv, it)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, Errorf(TypeErrorType, "catching classes that do not inherit from BaseException is not allowed")
}

// The exception hierarchy.
var (
	BaseExceptionType, ExceptionType, BaseExceptionGroupType, ExceptionGroupType,
	StopIterationType, StopAsyncIterationType, GeneratorExitType, KeyboardInterruptType,
	SystemExitType, ArithmeticErrorType, ZeroDivisionErrorType, OverflowErrorType,
	FloatingPointErrorType, LookupErrorType, IndexErrorType, KeyErrorType,
	ValueErrorType, UnicodeErrorType, UnicodeDecodeErrorType, UnicodeEncodeErrorType,
	TypeErrorType, AttributeErrorType, NameErrorType, UnboundLocalErrorType,
	RuntimeErrorType, RecursionErrorType, NotImplementedErrorType, AssertionErrorType,
	ImportErrorType, ModuleNotFoundErrorType, SyntaxErrorType, IndentationErrorType,
	TabErrorType, OSErrorType, ConnectionErrorType, ConnectionRefusedErrorType,
	ConnectionResetErrorType, ConnectionAbortedErrorType, BrokenPipeErrorType,
	FileNotFoundErrorType, FileExistsErrorType, PermissionErrorType,
	IsADirectoryErrorType, NotADirectoryErrorType, TimeoutErrorType,
	InterruptedErrorType, BlockingIOErrorType, ChildProcessErrorType,
	ProcessLookupErrorType, EOFErrorType, MemoryErrorType, SystemErrorType,
	BufferErrorType, ReferenceErrorType, WarningType, UserWarningType,
	DeprecationWarningType, RuntimeWarningType *Type
)

// ExceptionTypes lists the built-in exception classes by name.
var ExceptionTypes = map[string]*Type{}

func setupExceptionTypes() {
	mk := func(name string, base *Type) *Type {
		t := newBuiltinType(name, base)
		ExceptionTypes[name] = t
		return t
	}
	BaseExceptionType = newBuiltinType("BaseException", ObjectType)
	BaseExceptionType.base = BaseExceptionType
	BaseExceptionType.new = excNew
	ExceptionTypes["BaseException"] = BaseExceptionType
	ExceptionType = mk("Exception", BaseExceptionType)
	BaseExceptionGroupType = mk("BaseExceptionGroup", BaseExceptionType)
	ExceptionGroupType = mk("ExceptionGroup", BaseExceptionGroupType)
	ExceptionGroupType.Bases = []*Type{BaseExceptionGroupType, ExceptionType}
	ExceptionGroupType.MRO = []*Type{ExceptionGroupType, BaseExceptionGroupType, ExceptionType, BaseExceptionType, ObjectType}
	ExceptionType.subclasses = append(ExceptionType.subclasses, ExceptionGroupType)
	StopIterationType = mk("StopIteration", ExceptionType)
	StopAsyncIterationType = mk("StopAsyncIteration", ExceptionType)
	GeneratorExitType = mk("GeneratorExit", BaseExceptionType)
	KeyboardInterruptType = mk("KeyboardInterrupt", BaseExceptionType)
	SystemExitType = mk("SystemExit", BaseExceptionType)
	ArithmeticErrorType = mk("ArithmeticError", ExceptionType)
	ZeroDivisionErrorType = mk("ZeroDivisionError", ArithmeticErrorType)
	OverflowErrorType = mk("OverflowError", ArithmeticErrorType)
	FloatingPointErrorType = mk("FloatingPointError", ArithmeticErrorType)
	LookupErrorType = mk("LookupError", ExceptionType)
	IndexErrorType = mk("IndexError", LookupErrorType)
	KeyErrorType = mk("KeyError", LookupErrorType)
	ValueErrorType = mk("ValueError", ExceptionType)
	UnicodeErrorType = mk("UnicodeError", ValueErrorType)
	UnicodeDecodeErrorType = mk("UnicodeDecodeError", UnicodeErrorType)
	UnicodeEncodeErrorType = mk("UnicodeEncodeError", UnicodeErrorType)
	TypeErrorType = mk("TypeError", ExceptionType)
	AttributeErrorType = mk("AttributeError", ExceptionType)
	NameErrorType = mk("NameError", ExceptionType)
	UnboundLocalErrorType = mk("UnboundLocalError", NameErrorType)
	RuntimeErrorType = mk("RuntimeError", ExceptionType)
	RecursionErrorType = mk("RecursionError", RuntimeErrorType)
	NotImplementedErrorType = mk("NotImplementedError", RuntimeErrorType)
	AssertionErrorType = mk("AssertionError", ExceptionType)
	ImportErrorType = mk("ImportError", ExceptionType)
	ModuleNotFoundErrorType = mk("ModuleNotFoundError", ImportErrorType)
	SyntaxErrorType = mk("SyntaxError", ExceptionType)
	IndentationErrorType = mk("IndentationError", SyntaxErrorType)
	TabErrorType = mk("TabError", IndentationErrorType)
	OSErrorType = mk("OSError", ExceptionType)
	ExceptionTypes["IOError"] = OSErrorType
	ExceptionTypes["EnvironmentError"] = OSErrorType
	ConnectionErrorType = mk("ConnectionError", OSErrorType)
	ConnectionRefusedErrorType = mk("ConnectionRefusedError", ConnectionErrorType)
	ConnectionResetErrorType = mk("ConnectionResetError", ConnectionErrorType)
	ConnectionAbortedErrorType = mk("ConnectionAbortedError", ConnectionErrorType)
	BrokenPipeErrorType = mk("BrokenPipeError", ConnectionErrorType)
	FileNotFoundErrorType = mk("FileNotFoundError", OSErrorType)
	FileExistsErrorType = mk("FileExistsError", OSErrorType)
	PermissionErrorType = mk("PermissionError", OSErrorType)
	IsADirectoryErrorType = mk("IsADirectoryError", OSErrorType)
	NotADirectoryErrorType = mk("NotADirectoryError", OSErrorType)
	TimeoutErrorType = mk("TimeoutError", OSErrorType)
	InterruptedErrorType = mk("InterruptedError", OSErrorType)
	BlockingIOErrorType = mk("BlockingIOError", OSErrorType)
	ChildProcessErrorType = mk("ChildProcessError", OSErrorType)
	ProcessLookupErrorType = mk("ProcessLookupError", OSErrorType)
	EOFErrorType = mk("EOFError", ExceptionType)
	mk("UnsupportedOperation", OSErrorType).Module = "io"
	MemoryErrorType = mk("MemoryError", ExceptionType)
	SystemErrorType = mk("SystemError", ExceptionType)
	BufferErrorType = mk("BufferError", ExceptionType)
	ReferenceErrorType = mk("ReferenceError", ExceptionType)
	WarningType = mk("Warning", ExceptionType)
	UserWarningType = mk("UserWarning", WarningType)
	DeprecationWarningType = mk("DeprecationWarning", WarningType)
	RuntimeWarningType = mk("RuntimeWarning", WarningType)
	for _, n := range []string{"PendingDeprecationWarning", "SyntaxWarning", "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning"} {
		mk(n, WarningType)
	}
	setupExceptionMethods()
}

// errnoClasses maps errno values to the OSError subclass CPython picks.
var errnoClasses = map[int64]**Type{
	1: &PermissionErrorType, 2: &FileNotFoundErrorType, 3: &ProcessLookupErrorType,
	4: &InterruptedErrorType, 10: &ChildProcessErrorType, 11: &BlockingIOErrorType,
	13: &PermissionErrorType, 17: &FileExistsErrorType, 20: &NotADirectoryErrorType,
	21: &IsADirectoryErrorType, 32: &BrokenPipeErrorType, 103: &ConnectionAbortedErrorType,
	104: &ConnectionResetErrorType, 110: &TimeoutErrorType, 111: &ConnectionRefusedErrorType,
	114: &BlockingIOErrorType, 115: &BlockingIOErrorType,
}

func excNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	if cls == OSErrorType && len(args)-len(kw) >= 2 && args[0].IsInt() {
		if c, ok := errnoClasses[args[0].AsInt()]; ok {
			cls = *c
		}
	}
	e := &Exception{cls: cls, args: append([]Value(nil), args[:len(args)-len(kw)]...)}
	if cls.IsSubtype(BaseExceptionGroupType) {
		if err := t.initExceptionGroup(e); err != nil {
			return Null, err
		}
	}
	return Obj(e), nil
}

func (t *Thread) initExceptionGroup(e *Exception) error {
	if len(e.args) != 2 {
		return Errorf(TypeErrorType, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(e.args))
	}
	if _, ok := e.args[0].o.(*Str); !ok {
		return Errorf(TypeErrorType, "argument 1 must be str, not %s", e.args[0].Type().Name)
	}
	items, err := t.ToList(e.args[1])
	if err != nil {
		return Errorf(TypeErrorType, "second argument (exceptions) must be a sequence")
	}
	if len(items) == 0 {
		return Errorf(ValueErrorType, "second argument (exceptions) must be a non-empty sequence")
	}
	allExc := true
	for i, it := range items {
		x, ok := it.o.(*Exception)
		if !ok {
			return Errorf(ValueErrorType, "Item %d of second argument (exceptions) is not an exception", i)
		}
		if !x.cls.IsSubtype(ExceptionType) {
			allExc = false
		}
	}
	if e.cls == BaseExceptionGroupType && allExc {
		e.cls = ExceptionGroupType
	} else if e.cls.IsSubtype(ExceptionGroupType) && !allExc {
		return Errorf(TypeErrorType, "Cannot nest BaseExceptions in an ExceptionGroup")
	}
	e.dictOrNew().SetStr(Intern("exceptions"), Obj(NewTuple(items)))
	e.dictOrNew().SetStr(Intern("message"), e.args[0])
	return nil
}

func setupExceptionMethods() {
	addMethod(BaseExceptionType, "__init__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		e := self.o.(*Exception)
		if !e.cls.IsSubtype(BaseExceptionGroupType) {
			e.args = append([]Value(nil), args[:len(args)-len(kw)]...)
		}
		return None, nil
	})
	addMethod(BaseExceptionType, "__str__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		s, err := t.excStr(self.o.(*Exception))
		return StrValue(s), err
	})
	addMethod(BaseExceptionType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		e := self.o.(*Exception)
		if len(e.args) == 1 {
			r, err := t.Repr(e.args[0])
			return StrValue(e.cls.Name + "(" + r + ")"), err
		}
		r, err := t.Repr(Obj(NewTuple(e.args)))
		if err != nil {
			return Null, err
		}
		if len(e.args) == 0 {
			r = "()"
		}
		return StrValue(e.cls.Name + r), nil
	})
	addMethod(BaseExceptionType, "with_traceback", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		e := self.o.(*Exception)
		if len(args) == 1 {
			if tb, ok := args[0].o.(*Traceback); ok {
				e.tb = tb
			} else {
				e.tb = nil
			}
		}
		return self, nil
	})
	addMethod(BaseExceptionType, "add_note", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		e := self.o.(*Exception)
		d := e.dictOrNew()
		notes, ok := d.GetStr(Intern("__notes__"))
		if !ok {
			notes = Obj(NewList(nil))
			d.SetStr(Intern("__notes__"), notes)
		}
		notes.o.(*List).Append(args[0])
		return None, nil
	})
	addMethod(BaseExceptionGroupType, "derive", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("derive", args, kw, 1, 1); err != nil {
			return Null, err
		}
		e := self.o.(*Exception)
		return t.Call(Obj(BaseExceptionGroupType), []Value{e.args[0], args[0]}, nil)
	})
	addMethod(BaseExceptionGroupType, "subgroup", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("subgroup", args, kw, 1, 1); err != nil {
			return Null, err
		}
		m, _, err := t.splitGroup(self.o.(*Exception), args[0])
		return m, err
	})
	addMethod(BaseExceptionGroupType, "split", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("split", args, kw, 1, 1); err != nil {
			return Null, err
		}
		m, r, err := t.splitGroup(self.o.(*Exception), args[0])
		return TupleValue(m, r), err
	})
	BaseExceptionType.attr = excAttr
	BaseExceptionType.setAttr = excSetAttr
}

// excStr is str(e) for an exception.
func (t *Thread) excStr(e *Exception) (string, error) {
	if e.cls.IsSubtype(KeyErrorType) && len(e.args) == 1 {
		return t.Repr(e.args[0])
	}
	if e.cls.IsSubtype(BaseExceptionGroupType) && len(e.args) == 2 {
		n, _ := t.Len(e.args[1])
		s, _ := t.Str(e.args[0])
		return fmt.Sprintf("%s (%d sub-exception%s)", s, n, plural(n)), nil
	}
	if e.cls.IsSubtype(OSErrorType) && len(e.args) >= 2 && len(e.args) <= 5 {
		msg, err := t.Str(e.args[1])
		if err != nil {
			return "", err
		}
		no, err := t.Str(e.args[0])
		if err != nil {
			return "", err
		}
		if len(e.args) >= 3 {
			fn, err := t.Repr(e.args[2])
			if err != nil {
				return "", err
			}
			return "[Errno " + no + "] " + msg + ": " + fn, nil
		}
		return "[Errno " + no + "] " + msg, nil
	}
	switch len(e.args) {
	case 0:
		return "", nil
	case 1:
		return t.Str(e.args[0])
	}
	return t.Repr(Obj(NewTuple(e.args)))
}

func excAttr(t *Thread, o Value, name string) (Value, bool, error) {
	e := o.o.(*Exception)
	switch name {
	case "args":
		return Obj(NewTuple(append([]Value(nil), e.args...))), true, nil
	case "__cause__":
		if e.cause.o == nil {
			return None, true, nil
		}
		return e.cause, true, nil
	case "__context__":
		if e.context.o == nil {
			return None, true, nil
		}
		return e.context, true, nil
	case "__suppress_context__":
		return Bool(e.suppressContext), true, nil
	case "__traceback__":
		if e.tb == nil {
			return None, true, nil
		}
		return Obj(e.tb), true, nil
	}
	if e.dict != nil {
		if v, ok := e.dict.GetStr(Intern(name)); ok {
			return v, true, nil
		}
	}
	switch {
	case name == "value" && (e.cls.IsSubtype(StopIterationType) || e.cls.IsSubtype(StopAsyncIterationType)):
		if len(e.args) > 0 {
			return e.args[0], true, nil
		}
		return None, true, nil
	case name == "code" && e.cls.IsSubtype(SystemExitType):
		switch len(e.args) {
		case 0:
			return None, true, nil
		case 1:
			return e.args[0], true, nil
		}
		return Obj(NewTuple(e.args)), true, nil
	case (name == "errno" || name == "strerror" || name == "filename") && e.cls.IsSubtype(OSErrorType):
		if len(e.args) >= 2 {
			switch name {
			case "errno":
				return e.args[0], true, nil
			case "strerror":
				return e.args[1], true, nil
			}
			if len(e.args) >= 3 {
				return e.args[2], true, nil
			}
		}
		return None, true, nil
	case name == "name" && (e.cls.IsSubtype(ImportErrorType) || e.cls.IsSubtype(NameErrorType) || e.cls.IsSubtype(AttributeErrorType)):
		if e.sug != nil && e.sug.name != nil {
			return Obj(e.sug.name), true, nil
		}
		return None, true, nil
	case name == "obj" && e.cls.IsSubtype(AttributeErrorType):
		if e.sug != nil && e.sug.obj.o != nil {
			return e.sug.obj, true, nil
		}
		return None, true, nil
	case (name == "msg" || name == "filename" || name == "lineno" || name == "offset" || name == "text") && e.cls.IsSubtype(SyntaxErrorType):
		if name == "msg" && len(e.args) > 0 {
			return e.args[0], true, nil
		}
		return None, true, nil
	}
	return Null, false, nil
}

func excSetAttr(t *Thread, o Value, name string, v Value) (bool, error) {
	e := o.o.(*Exception)
	switch name {
	case "args":
		items, err := t.ToList(v)
		if err != nil {
			return true, err
		}
		e.args = items
		return true, nil
	case "__cause__":
		if v.IsNone() {
			e.cause = None
		} else if _, ok := v.o.(*Exception); ok {
			e.cause = v
		} else {
			return true, Errorf(TypeErrorType, "exception cause must be None or derive from BaseException")
		}
		e.suppressContext = true
		return true, nil
	case "__context__":
		e.context = v
		if v.IsNone() {
			e.context = Null
		}
		return true, nil
	case "__suppress_context__":
		b, err := t.Truth(v)
		e.suppressContext = b
		return true, err
	case "__traceback__":
		if tb, ok := v.o.(*Traceback); ok {
			e.tb = tb
		} else {
			e.tb = nil
		}
		return true, nil
	}
	e.dictOrNew().SetStr(Intern(name), v)
	return true, nil
}

// ----------------------------------------------------------------- printing

// FormatException renders an uncaught exception as CPython does, with its
// chain of causes and contexts and the boxes of exception groups.
func (t *Thread) FormatException(e *Exception) string {
	var b strings.Builder
	t.formatChain(&b, e, &printCtx{}, map[*Exception]bool{})
	return b.String()
}

// printCtx tracks the nesting of exception groups while printing.
type printCtx struct {
	depth     int
	needClose bool
}

func (c *printCtx) indent() string { return strings.Repeat(" ", 2*c.depth) }

// emit writes text, each line prefixed with the group margin.
func (c *printCtx) emit(b *strings.Builder, text string, margin byte) {
	prefix := c.indent()
	if c.depth > 0 {
		prefix += string(margin) + " "
	}
	for _, line := range strings.SplitAfter(text, "\n") {
		if line == "" {
			continue
		}
		b.WriteString(prefix)
		b.WriteString(line)
	}
}

func centerDashes(s string, width int) string {
	pad := width - len(s)
	if pad <= 0 {
		return s
	}
	left := pad/2 + (pad & width & 1)
	return strings.Repeat("-", left) + s + strings.Repeat("-", pad-left)
}

func (t *Thread) formatChain(b *strings.Builder, e *Exception, ctx *printCtx, seen map[*Exception]bool) {
	seen[e] = true
	if c, ok := e.cause.o.(*Exception); ok && !seen[c] {
		t.formatChain(b, c, ctx, seen)
		ctx.emit(b, "\nThe above exception was the direct cause of the following exception:\n\n", '|')
	} else if c, ok := e.context.o.(*Exception); ok && !e.suppressContext && !seen[c] {
		t.formatChain(b, c, ctx, seen)
		ctx.emit(b, "\nDuring handling of the above exception, another exception occurred:\n\n", '|')
	}
	var subs []Value
	if e.cls.IsSubtype(BaseExceptionGroupType) && e.dict != nil {
		if v, ok := e.dict.GetStr(Intern("exceptions")); ok {
			if tup, ok := v.o.(*Tuple); ok {
				subs = tup.items
			}
		}
	}
	if subs == nil {
		if e.tb != nil {
			ctx.emit(b, "Traceback (most recent call last):\n", '|')
			var tb strings.Builder
			t.formatTraceback(&tb, e.tb)
			ctx.emit(b, tb.String(), '|')
		}
		ctx.emit(b, t.formatExceptionOnly(e), '|')
		return
	}
	top := ctx.depth == 0
	if top {
		ctx.depth++
	}
	if e.tb != nil {
		margin := byte('|')
		if top {
			margin = '+'
		}
		ctx.emit(b, "Exception Group Traceback (most recent call last):\n", margin)
		var tb strings.Builder
		t.formatTraceback(&tb, e.tb)
		ctx.emit(b, tb.String(), '|')
	}
	ctx.emit(b, t.formatExceptionOnly(e), '|')
	n := len(subs)
	if n > 15 {
		n = 15
	}
	ctx.needClose = false
	for i := 0; i < n; i++ {
		last := i == n-1
		if last {
			ctx.needClose = true
		}
		lead := "  "
		if i == 0 {
			lead = "+-"
		}
		b.WriteString(ctx.indent() + lead + "+" + centerDashes(fmt.Sprintf(" %d ", i+1), 35) + "\n")
		ctx.depth++
		if sub, ok := subs[i].o.(*Exception); ok {
			t.formatChain(b, sub, ctx, map[*Exception]bool{})
		}
		if last && ctx.needClose {
			b.WriteString(ctx.indent() + "+" + strings.Repeat("-", 36) + "\n")
			ctx.needClose = false
		}
		ctx.depth--
	}
	if top {
		ctx.depth = 0
	}
}

func (t *Thread) formatTraceback(b *strings.Builder, tb *Traceback) {
	var lastFile, lastName string
	lastLine, repeat := -1, 0
	flush := func() {
		if repeat > 3 {
			n := repeat - 3
			fmt.Fprintf(b, "  [Previous line repeated %d more time%s]\n", n, plural(n))
		}
	}
	for ; tb != nil; tb = tb.next {
		if tb.filename == lastFile && tb.name == lastName && tb.line == lastLine {
			repeat++
			if repeat > 3 {
				continue
			}
		} else {
			flush()
			repeat = 1
			lastFile, lastName, lastLine = tb.filename, tb.name, tb.line
		}
		fmt.Fprintf(b, "  File \"%s\", line %d, in %s\n", tb.filename, tb.line, tb.name)
		if line := t.in.sourceLine(tb.filename, tb.line); line != "" {
			fmt.Fprintf(b, "    %s\n", line)
		}
	}
	flush()
}

func (t *Thread) formatExceptionOnly(e *Exception) string {
	name := e.cls.QualName // as CPython prints it: A.Error, f.<locals>.E
	if name == "" {
		name = e.cls.Name
	}
	if e.cls.Module != "builtins" && e.cls.Module != "" && e.cls.Module != "__main__" {
		name = e.cls.Module + "." + name
	}
	var pre string
	if e.cls.IsSubtype(SyntaxErrorType) && e.dict != nil {
		pre = syntaxErrorDetail(e)
	}
	msg, err := t.Str(Obj(e))
	if err != nil {
		msg = "<exception str() failed>"
	}
	if hint := t.suggestion(e); hint != "" {
		msg += ". Did you mean: '" + hint + "'?"
	}
	out := pre
	if msg == "" {
		out += name + "\n"
	} else {
		out += name + ": " + msg + "\n"
	}
	if e.dict != nil {
		if notes, ok := e.dict.GetStr(Intern("__notes__")); ok {
			if l, ok := notes.o.(*List); ok {
				for _, n := range l.items {
					s, _ := t.Str(n)
					out += s + "\n"
				}
			}
		}
	}
	return out
}

func syntaxErrorDetail(e *Exception) string {
	get := func(k string) Value { v, _ := e.dict.GetStr(Intern(k)); return v }
	fn, line, text, off := get("filename"), get("lineno"), get("text"), get("offset")
	var b strings.Builder
	if s, ok := fn.o.(*Str); ok && line.IsInt() {
		fmt.Fprintf(&b, "  File \"%s\", line %d\n", s.s, line.AsInt())
	}
	if s, ok := text.o.(*Str); ok {
		src := strings.TrimRight(s.s, "\n")
		trimmed := strings.TrimLeft(src, " \t\f")
		fmt.Fprintf(&b, "    %s\n", trimmed)
		if off.IsInt() && off.AsInt() >= 1 {
			col := int(off.AsInt()) - 1 - (len([]rune(src)) - len([]rune(trimmed)))
			if col < 0 {
				col = 0
			}
			fmt.Fprintf(&b, "    %s^\n", strings.Repeat(" ", col))
		}
	}
	return b.String()
}

// sourceLine returns a stripped source line for tracebacks.
func (in *Interp) sourceLine(filename string, line int) string {
	lines, ok := in.sources[filename]
	if !ok || line < 1 || line > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[line-1])
}

// AddSource records a file's text so tracebacks can quote it.
func (in *Interp) AddSource(filename string, src []byte) {
	in.sources[filename] = strings.Split(string(src), "\n")
}

var _ error = (*Exception)(nil)

// codeLine is used by generator state reporting.
func codeLine(c *compiler.Code, pc int) int { return c.Line(pc) }

// groupMatch applies a split condition (a class, a tuple of classes or a
// predicate) to an exception.
func (t *Thread) groupMatch(e *Exception, cond Value) (bool, error) {
	switch cond.o.(type) {
	case *Type, *Tuple:
		return t.excMatch(Obj(e), cond)
	}
	r, err := t.Call(cond, []Value{Obj(e)}, nil)
	if err != nil {
		return false, err
	}
	return t.Truth(r)
}

// splitGroup implements BaseExceptionGroup.split: the matching part and
// the rest, each None when empty.
func (t *Thread) splitGroup(g *Exception, cond Value) (Value, Value, error) {
	ok, err := t.groupMatch(g, cond)
	if err != nil {
		return Null, Null, err
	}
	if ok {
		return Obj(g), None, nil
	}
	subsV, _ := g.dict.GetStr(Intern("exceptions"))
	subs := subsV.o.(*Tuple).items
	var match, rest []Value
	for _, sv := range subs {
		sub := sv.o.(*Exception)
		if sub.cls.IsSubtype(BaseExceptionGroupType) {
			m, r, err := t.splitGroup(sub, cond)
			if err != nil {
				return Null, Null, err
			}
			if !m.IsNone() {
				match = append(match, m)
			}
			if !r.IsNone() {
				rest = append(rest, r)
			}
			continue
		}
		ok, err := t.groupMatch(sub, cond)
		if err != nil {
			return Null, Null, err
		}
		if ok {
			match = append(match, sv)
		} else {
			rest = append(rest, sv)
		}
	}
	derive := func(items []Value) (Value, error) {
		if len(items) == 0 {
			return None, nil
		}
		if len(items) == len(subs) {
			same := true
			for i := range items {
				if !items[i].Is(subs[i]) {
					same = false
				}
			}
			if same {
				return Obj(g), nil
			}
		}
		d, err := t.GetAttr(Obj(g), Intern("derive"))
		if err != nil {
			return Null, err
		}
		r, err := t.Call(d, []Value{Obj(NewList(items))}, nil)
		if err != nil {
			return Null, err
		}
		if ne, ok := r.o.(*Exception); ok {
			ne.cause, ne.context, ne.tb, ne.suppressContext = g.cause, g.context, g.tb, g.suppressContext
			if g.dict != nil {
				if notes, ok := g.dict.GetStr(Intern("__notes__")); ok {
					ne.dictOrNew().SetStr(Intern("__notes__"), notes)
				}
			}
		}
		return r, nil
	}
	m, err := derive(match)
	if err != nil {
		return Null, Null, err
	}
	r, err := derive(rest)
	return m, r, err
}
